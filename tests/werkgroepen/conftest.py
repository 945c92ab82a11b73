import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The whole pact demo (pillars, action points, meetings, agenda)."""
    from io import StringIO

    from werkgroepen import demo

    demo.load(stdout=StringIO())
    return demo


@pytest.fixture
def beheerder(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="coordinator@example.org", email="coordinator@example.org", password="Een-lang-wachtwoord-42"
    )


__all__ = ["call_command"]
