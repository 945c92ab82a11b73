"""Demo accounts for the portal (idempotent)."""

from django.contrib.auth import get_user_model

COORDINATOR = ("coördinator", "coordinator@westerkwartier.example", "Demo-Coordinator-2026")


def load(*, stdout) -> list[tuple[str, str, str]]:
    User = get_user_model()
    role, email, password = COORDINATOR
    user, created = User.objects.get_or_create(
        username=email,
        defaults={"email": email, "first_name": "Carla", "last_name": "Coördinator", "is_staff": True},
    )
    if created:
        user.is_superuser = True
        user.set_password(password)
        user.save()
    return [(role, email, password)]
