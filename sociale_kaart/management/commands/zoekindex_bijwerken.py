"""Rebuild the search vectors and the search vocabulary of all aanbod."""

from django.core.management.base import BaseCommand

from sociale_kaart.services import aanbod_zoekvector_bijwerken


class Command(BaseCommand):
    help = "Rebuild the search vectors and the vocabulary (words of public aanbod only)."

    def handle(self, *args, **options):
        aanbod_zoekvector_bijwerken()
        self.stdout.write("Zoekindex en woordenlijst bijgewerkt.")
