"""Reading one value of an imported HSDS object safely: each function returns a
clean value or raises `Refused` with a Dutch message naming the field."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from sociale_kaart.models import Kosten

FREE_WORDS = ("gratis", "free", "kosteloos", "geen kosten", "no cost")


class Refused(Exception):
    """One object cannot be imported; the message says why (Dutch, for the coordinator)."""


def lees_tekst(data: dict, key: str, *, max_length: int | None = None, required: bool = False) -> str:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise Refused(f"'{key}' ontbreekt.")
        return ""
    if not isinstance(value, str):
        raise Refused(f"'{key}' moet tekst zijn.")
    value = value.replace("\x00", "").strip()
    if max_length and len(value) > max_length:
        raise Refused(f"'{key}' is te lang: hoogstens {max_length} tekens.")
    return value


def lees_uuid(data: dict, key: str = "id") -> uuid.UUID:
    value = data.get(key)
    try:
        return uuid.UUID(str(value)) if isinstance(value, str) else uuid.UUID("")
    except ValueError:
        raise Refused(f"'{key}' is geen geldige UUID.") from None


def lees_lijst(data: dict, key: str) -> list[dict]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise Refused(f"'{key}' moet een lijst zijn.")
    return [item for item in value if isinstance(item, dict)]


def lees_leeftijd(data: dict, key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value) or not 0 <= value <= 120:
        raise Refused(f"'{key}' moet een leeftijd zijn van 0 tot en met 120.")
    return int(value)


def lees_coordinaat(data: dict, key: str) -> Decimal | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        return Decimal(str(value)).quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError):
        raise Refused(f"'{key}' moet een getal zijn.") from None


def meldingen(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(texts)}" for name, texts in error.message_dict.items())
    return " ".join(error.messages)


def lees_tijd(value: str) -> datetime.time | None:
    try:
        return datetime.time.fromisoformat(value[:5])
    except ValueError:
        return None


def lees_kosten(text: str) -> tuple[str, str]:
    for kosten in Kosten:
        if text == kosten.label:
            return kosten.value, ""
        if text.startswith(f"{kosten.label}: "):
            return kosten.value, text[len(kosten.label) + 2 :]
    if not text or any(word in text.lower() for word in FREE_WORDS):
        return Kosten.GRATIS, text
    return Kosten.EIGEN_BIJDRAGE, text
