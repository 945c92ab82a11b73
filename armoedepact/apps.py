from django.apps import AppConfig


class ArmoedepactConfig(AppConfig):
    name = "armoedepact"
    verbose_name = "Armoedepact"
