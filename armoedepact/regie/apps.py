from django.contrib.admin.apps import AdminConfig


class BeheerAdminConfig(AdminConfig):
    """The Django admin with our own default site (see armoedepact.regie.site.BeheerSite).

    Replaces "django.contrib.admin" in INSTALLED_APPS, so every `admin.site.register`
    and `@admin.register` in the apps lands on the BeheerSite.
    """

    default_site = "armoedepact.regie.site.BeheerSite"

    def ready(self):
        super().ready()
        # Admin classes of the regie itself (testgevallen, link checks); after autodiscover.
        from armoedepact.regie import admin  # noqa: F401
