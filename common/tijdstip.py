"""One way to show a moment in Dutch screens of staff: "03-12-2026 14:05" in local time."""

from django.utils import timezone


def tijdstip(waarde, leeg: str = "nooit") -> str:
    """The local date and time of `waarde`, or `leeg` when there is none."""
    return f"{timezone.localtime(waarde):%d-%m-%Y %H:%M}" if waarde else leeg
