from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("armoedepact", "0007_historie_vertalingen"),
        ("armoedepact", "0009_coordinator_ziet_verzoektellingen"),
    ]

    operations = []
