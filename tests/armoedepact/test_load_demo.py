"""Issue 15: `load_demo` creates a superuser with the README password and a fixed
TOTP key, so with production settings (debug off) it refuses unless told twice."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError


@pytest.mark.django_db
def test_load_demo_refuses_with_production_settings(settings):
    settings.DEBUG = False
    settings.TESTING = False
    with pytest.raises(CommandError, match="--ik-weet-het-zeker"):
        call_command("load_demo", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_load_demo_runs_in_production_only_when_told_twice(settings):
    settings.DEBUG = False
    settings.TESTING = False
    call_command("load_demo", "--ik-weet-het-zeker", stdout=io.StringIO())
    assert get_user_model().objects.filter(is_superuser=True).exists()
