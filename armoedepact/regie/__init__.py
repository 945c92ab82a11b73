"""Regie: the coordinator's work in /beheer/ (the admin site itself, what needs
attention, reach, running all test cases, link checks, two-factor log-in)."""
