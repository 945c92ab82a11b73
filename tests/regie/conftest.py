from io import StringIO

import pytest

from tests.regie.otp import admin_client  # noqa: F401


@pytest.fixture
def regelingen_demo(db):
    """The demo regelingen and the norms of 2025 and 2026 (spec section 7)."""
    from regelingen import demo

    demo.load(stdout=StringIO())
