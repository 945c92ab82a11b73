"""Demo accounts for the portal (idempotent)."""

import base64

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

COORDINATOR = ("coördinator", "coordinator@westerkwartier.example", "Demo-Coordinator-2026")
# The demo coordinator's authenticator key (hex, 20 bytes). Demo only: a real
# staff member sets up their own app at the first log-in to /beheer/.
DEMO_TOTP_SLEUTEL = "3132333435363738393031323334353637383930"


def load(*, stdout) -> list[tuple[str, str, str]]:
    from armoedepact.regie.services import totp_apparaat_voor_demo

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
    groep = Group.objects.filter(name="coördinator").first()
    if groep is not None:
        user.groups.add(groep)
    apparaat = totp_apparaat_voor_demo(user=user, sleutel=DEMO_TOTP_SLEUTEL)
    geheim = base64.b32encode(apparaat.bin_key).decode().rstrip("=")
    stdout.write("Tweede stap voor /beheer/ (demo-coördinator): zet deze sleutel in een authenticator-app:")
    stdout.write(f"  sleutel: {geheim}")
    stdout.write(f"  of deze link (als QR-code): {apparaat.config_url}")
    return [(role, email, password)]
