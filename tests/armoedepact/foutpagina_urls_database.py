"""The site's URLs plus a view that meets a database that is away, for the 503 page tests."""

from django.db import OperationalError
from django.urls import path

from armoedepact.urls import handler400, handler403, handler404, handler500  # noqa: F401
from armoedepact.urls import urlpatterns as site_urlpatterns


def database_weg(request):
    raise OperationalError('connection to server at "db" failed: Connection refused')


urlpatterns = [path("test/database-weg/", database_weg), *site_urlpatterns]
