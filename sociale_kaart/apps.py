from django.apps import AppConfig


class SocialeKaartConfig(AppConfig):
    name = "sociale_kaart"
    verbose_name = "Sociale kaart"

    def ready(self):
        # Logging set-up, not business logic: the dev server's request log never
        # shows the village or postcode a resident chose (sociale_kaart/logboek.py).
        from sociale_kaart import logboek

        logboek.installeren()
