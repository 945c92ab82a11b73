"""Status transitions: one check for every model with a status and a table of
allowed next statuses ({status: {next statuses}})."""

from collections.abc import Callable, Mapping

from django.core.exceptions import ValidationError


def overgang_controleren(
    *, overgangen: Mapping, van: str, naar: str, melding: str | Callable[[], str], code: str = "overgang"
) -> None:
    """Raise ValidationError(melding) when `naar` is not an allowed next status of `van`.
    `melding` may be a function, so a message that needs queries is only made on failure."""
    if naar not in overgangen.get(van, ()):
        raise ValidationError(melding() if callable(melding) else melding, code=code)
