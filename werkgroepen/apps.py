from django.apps import AppConfig


class WerkgroepenConfig(AppConfig):
    name = "werkgroepen"
    verbose_name = "Pact en werkgroepen"
