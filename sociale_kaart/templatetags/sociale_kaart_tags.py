"""Presentation helpers for the sociale kaart templates (formatting only)."""

import re

from django import template

register = template.Library()

_ZIN_EINDE = re.compile(r"(?<=[.!?])\s")


@register.filter
def tel_link(nummer: str) -> str:
    """'0594 - 12 34 56' -> '0594123456' for a tel: link (a leading + is kept)."""
    nummer = (nummer or "").strip()
    cijfers = "".join(ch for ch in nummer if ch.isdigit())
    return f"+{cijfers}" if nummer.startswith("+") else cijfers


@register.filter
def eerste_zin(tekst: str, lengte: int = 160) -> str:
    """The first sentence of a text, at most `lengte` characters."""
    regel = (tekst or "").strip().split("\n", 1)[0]
    zin = _ZIN_EINDE.split(regel, 1)[0]
    if len(zin) > lengte:
        zin = zin[: lengte - 1].rsplit(" ", 1)[0] + "…"
    return zin


@register.filter
def korte_stap(hoe_aanvragen: str) -> tuple[str, bool]:
    """The first step of a result card and whether more follows (see zoeken.ranking.korte_stap)."""
    from sociale_kaart.zoeken.ranking import korte_stap as _korte_stap

    return _korte_stap(hoe_aanvragen)


@register.filter
def kijk_url(url: str) -> str:
    """A website address without the scheme, for reading aloud and printing."""
    return re.sub(r"^https?://(www\.)?", "", url or "").rstrip("/")
