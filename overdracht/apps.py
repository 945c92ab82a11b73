from django.apps import AppConfig


class OverdrachtConfig(AppConfig):
    name = "overdracht"
    verbose_name = "Warme overdracht"
