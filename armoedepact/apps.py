from django.apps import AppConfig


class ArmoedepactConfig(AppConfig):
    name = "armoedepact"
    verbose_name = "Armoedepact"

    def ready(self):
        from django.db.models.signals import post_migrate

        from common import paginacache

        # The content version and its triggers (page cache) follow every migrate.
        post_migrate.connect(paginacache.na_migrate, sender=self, dispatch_uid="common_paginacache")
        # A password change ends every session of the account (armoedepact/sessies.py).
        # The throttle per account counts failed log-ins (armoedepact/auth.py).
        from armoedepact import auth, sessies  # noqa: F401
