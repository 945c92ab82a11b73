import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings

from regelingen.demo_invoer import demo_normen, demo_regels  # noqa: F401  (re-exported for the tests)

VOORBEELDEN_PAD = Path(__file__).resolve().parent / "voorbeelden.json"
FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def voorbeelden() -> list[dict]:
    return json.loads(VOORBEELDEN_PAD.read_text(encoding="utf-8"))


@pytest.fixture
def demo_data(db):
    from regelingen import demo

    demo.load(stdout=StringIO())
