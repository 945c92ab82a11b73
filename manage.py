#!/usr/bin/env python
"""Django's command-line utility for the Armoedepact portal."""

import os
import sys


def main() -> None:
    if sys.version_info < (3, 12):  # noqa: UP036  (a clear message beats a SyntaxError deep in Django)
        sys.exit("Python 3.12 or newer is needed (Django 6.1). Run `make run`: it finds one for you.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armoedepact.settings")
    from django.core.management import execute_from_command_line

    from armoedepact.dbcheck import explain_database_errors

    with explain_database_errors():
        execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
