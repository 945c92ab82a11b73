"""docs/glossary.md names every model, abstract base and choices enum of our apps,
with the app it lives in, so a newcomer can look up any class they meet."""

import inspect
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"

# Our packages; "common" and "regie" count as soon as they hold models of their own.
OUR_APPS = {"common", "sociale_kaart", "regelingen", "werkgroepen", "overdracht", "armoedepact", "regie"}


def _glossary_rows() -> dict[str, set[str]]:
    """`ClassName` -> the apps its rows name, from the table rows "| `ClassName` | `app` | ..."."""
    rows: dict[str, set[str]] = {}
    for naam, app in re.findall(r"^\|\s*`(\w+)`\s*\|\s*`(\w+)`\s*\|", GLOSSARY.read_text(), flags=re.MULTILINE):
        rows.setdefault(naam, set()).add(app)
    return rows


def _our_models() -> list[type[models.Model]]:
    """Concrete models of our apps; simple_history's Historical* copies are left out (docs/adr/0007)."""
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS and not model.__name__.startswith("Historical")
    ]


def _module_level_classes() -> list[tuple[str, type]]:
    """(app label, class) for the abstract bases and choices enums defined in our models modules."""
    found = []
    for config in apps.get_app_configs():
        if config.label not in OUR_APPS or config.models_module is None:
            continue
        for _, cls in inspect.getmembers(config.models_module, inspect.isclass):
            if cls.__module__ != config.models_module.__name__:
                continue  # imported from elsewhere
            abstract = issubclass(cls, models.Model) and cls._meta.abstract
            if abstract or issubclass(cls, models.Choices):
                found.append((config.label, cls))
    return found


def test_the_glossary_is_read_from_a_table_with_backticked_names():
    # Guards the parser: if the table format changes, the tests below must not pass vacuously.
    rows = _glossary_rows()
    assert "Aanbod" in rows
    assert len(rows) >= 40


@pytest.mark.parametrize("model", _our_models(), ids=lambda m: f"{m._meta.app_label}.{m.__name__}")
def test_every_model_is_in_the_glossary_with_its_app(model):
    rows = _glossary_rows()
    assert model.__name__ in rows, f"Add `{model.__name__}` to docs/glossary.md (app `{model._meta.app_label}`)."
    assert model._meta.app_label in rows[model.__name__], (
        f"docs/glossary.md puts `{model.__name__}` in {sorted(rows[model.__name__])}, "
        f"but it lives in `{model._meta.app_label}`."
    )


@pytest.mark.parametrize("label,cls", _module_level_classes(), ids=lambda x: getattr(x, "__name__", x))
def test_every_abstract_base_and_choices_enum_is_in_the_glossary(label, cls):
    rows = _glossary_rows()
    assert cls.__name__ in rows, f"Add `{cls.__name__}` to docs/glossary.md (app `{label}`)."
    assert label in rows[cls.__name__], f"docs/glossary.md does not put `{cls.__name__}` in `{label}`."
