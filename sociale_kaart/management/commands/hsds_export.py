"""Write the published sociale kaart as one Open Referral HSDS 3.0 JSON document.

python manage.py hsds_export > sociale-kaart-hsds.json
"""

from django.core.management.base import BaseCommand

from sociale_kaart.hsds.export import iter_export


class Command(BaseCommand):
    help = "Write the published sociale kaart as one HSDS 3.0 JSON document to standard output."

    def handle(self, *args, **options):
        for piece in iter_export():
            self.stdout.write(piece, ending="")
