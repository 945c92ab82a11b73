"""Dutch public holidays: Easter computed, every holiday skipped as a working day,
the days around it counted as usual."""

import datetime

import pytest

from common.feestdagen import feestdagen, is_werkdag, pasen, werkdagen_tussen


def d(tekst: str) -> datetime.date:
    return datetime.date.fromisoformat(tekst)


@pytest.mark.parametrize(
    ("jaar", "paaszondag"),
    [
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
        (2285, "2285-03-22"),
    ],
)
def test_easter_is_computed(jaar, paaszondag):
    assert pasen(jaar) == d(paaszondag)


@pytest.mark.parametrize(
    ("dag", "naam"),
    [
        ("2027-01-01", "Nieuwjaarsdag"),  # a Friday
        ("2026-04-05", "Eerste Paasdag"),
        ("2026-04-06", "Tweede Paasdag"),  # Easter Monday
        ("2026-04-27", "Koningsdag"),  # a Monday
        ("2025-04-26", "Koningsdag"),  # the 27th is a Sunday: the Saturday before
        ("2025-05-05", "Bevrijdingsdag"),  # a lustrum year
        ("2026-05-14", "Hemelvaartsdag"),  # Thursday, 39 days after Easter
        ("2026-05-24", "Eerste Pinksterdag"),
        ("2026-05-25", "Tweede Pinksterdag"),
        ("2026-12-25", "Eerste Kerstdag"),
        ("2026-12-26", "Tweede Kerstdag"),
    ],
)
def test_the_holidays(dag, naam):
    assert feestdagen(d(dag).year)[d(dag)] == naam
    assert not is_werkdag(d(dag))


@pytest.mark.parametrize(
    "dag",
    [
        "2026-04-03",  # Goede Vrijdag: a working day (not a general day off)
        "2026-05-05",  # Bevrijdingsdag outside a lustrum year: a working day
        "2025-04-28",  # Koningsdag moved to the 26th: Monday the 28th is a working day
        "2026-05-15",  # the Friday after Hemelvaartsdag
        "2026-12-24",  # Kerstavond
    ],
)
def test_days_that_stay_working_days(dag):
    assert is_werkdag(d(dag))


@pytest.mark.parametrize(
    ("van", "tot", "werkdagen"),
    [
        ("2026-11-26", "2026-11-27", 1),  # Thursday -> Friday
        ("2026-11-26", "2026-11-29", 1),  # the weekend does not count
        ("2026-11-26", "2026-11-30", 2),  # Thursday -> Monday
        ("2026-11-28", "2026-12-01", 2),  # Saturday -> Tuesday
        ("2026-12-31", "2027-01-04", 1),  # Nieuwjaarsdag (Friday) skipped: Monday is day 1
        ("2026-04-02", "2026-04-07", 2),  # Thursday before Easter: Good Friday counts, Easter Monday not
        ("2026-04-24", "2026-04-28", 1),  # Friday -> Tuesday over Koningsdag (Monday)
        ("2026-05-13", "2026-05-15", 1),  # Wednesday -> Friday over Hemelvaartsdag
        ("2026-05-22", "2026-05-26", 1),  # Friday -> Tuesday over Pinksteren
        ("2025-05-02", "2025-05-06", 1),  # Friday -> Tuesday over Bevrijdingsdag 2025
        ("2026-05-04", "2026-05-06", 2),  # Bevrijdingsdag 2026 counts
        ("2026-12-24", "2026-12-29", 2),  # Thursday -> Tuesday over Christmas (Friday, Saturday)
        ("2027-12-24", "2027-12-28", 2),  # Friday -> Tuesday: Christmas on the weekend, Monday works
        ("2026-11-26", "2026-11-26", 0),
        ("2026-11-27", "2026-11-26", 0),
    ],
)
def test_working_days_skip_the_holidays(van, tot, werkdagen):
    assert werkdagen_tussen(d(van), d(tot)) == werkdagen
