from django.apps import AppConfig


class SocialeKaartConfig(AppConfig):
    name = "sociale_kaart"
    verbose_name = "Sociale kaart"
