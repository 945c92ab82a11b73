"""Dutch public holidays and working days (pure functions, no database).

A working day is Monday to Friday, not a public holiday. The holidays are the
general ones of the Algemene termijnenwet, as most employers keep them:
Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag (27 April, or 26 April
when the 27th is a Sunday), Bevrijdingsdag, Hemelvaartsdag, Eerste en Tweede
Pinksterdag, Eerste en Tweede Kerstdag.

Choices:
- Goede Vrijdag is a working day: it is not a general day off in the
  Netherlands (only in some collective agreements).
- Bevrijdingsdag (5 May) is a day off only once every five years (2025, 2030,
  ...), as in most collective agreements; in other years it is a working day.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

_DAG = datetime.timedelta(days=1)


def pasen(jaar: int) -> datetime.date:
    """Easter Sunday (Gregorian calendar; the anonymous algorithm of Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    maand, dag = divmod(h + m - 7 * n + 114, 31)
    return datetime.date(jaar, maand, dag + 1)


@lru_cache(maxsize=64)
def feestdagen(jaar: int) -> dict[datetime.date, str]:
    """The public holidays of one year, date -> name."""
    paas = pasen(jaar)
    koningsdag = datetime.date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag = datetime.date(jaar, 4, 26)
    dagen = {
        datetime.date(jaar, 1, 1): "Nieuwjaarsdag",
        paas: "Eerste Paasdag",
        paas + _DAG: "Tweede Paasdag",
        koningsdag: "Koningsdag",
        paas + 39 * _DAG: "Hemelvaartsdag",
        paas + 49 * _DAG: "Eerste Pinksterdag",
        paas + 50 * _DAG: "Tweede Pinksterdag",
        datetime.date(jaar, 12, 25): "Eerste Kerstdag",
        datetime.date(jaar, 12, 26): "Tweede Kerstdag",
    }
    if jaar % 5 == 0:
        dagen[datetime.date(jaar, 5, 5)] = "Bevrijdingsdag"
    return dagen


def is_werkdag(dag: datetime.date) -> bool:
    return dag.weekday() < 5 and dag not in feestdagen(dag.year)


def werkdagen_tussen(van: datetime.date, tot: datetime.date) -> int:
    """Working days after `van` up to and including `tot` (0 when tot <= van)."""
    dagen = 0
    dag = van
    while dag < tot:
        dag += _DAG
        if is_werkdag(dag):
            dagen += 1
    return dagen
