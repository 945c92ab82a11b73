"""Presentation only: Dutch money format."""

from decimal import Decimal, InvalidOperation

from django import template

from regelingen.eligibility import euro as _euro

register = template.Library()


@register.filter
def euro(value):
    """€ 1.650,00"""
    if value is None or value == "":
        return ""
    try:
        return _euro(Decimal(value))
    except (InvalidOperation, TypeError, ValueError):
        return ""
