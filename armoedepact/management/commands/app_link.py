"""`manage.py app_link <e-mail>`: a one-time link to set up the authenticator app
for a staff account. For the very first account, when no colleague can send
one from /beheer/ (Gebruikers, "Link sturen om de app in te stellen")."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from armoedepact.regie import services


class Command(BaseCommand):
    help = "Maak een link waarmee een beheeraccount de app voor de tweede stap instelt (werkt één keer, 3 dagen)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="Het e-mailadres (de gebruikersnaam) van het beheeraccount.")
        parser.add_argument(
            "--basis-url",
            default="https://" + (settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"),
            help="Het adres van het portaal, bijvoorbeeld https://armoedepact.westerkwartier.nl.",
        )

    def handle(self, *args, email, basis_url, **options):
        user = get_user_model().objects.filter(username__iexact=email.strip(), is_staff=True, is_active=True).first()
        if user is None:
            raise CommandError(f"Er is geen actief beheeraccount met het e-mailadres {email}.")
        _, token = services.app_link_maken(user=user)
        self.stdout.write("Open deze link en log in met het wachtwoord van het account (werkt één keer, 3 dagen):")
        self.stdout.write(services.app_link_url(token=token, basis_url=basis_url))
