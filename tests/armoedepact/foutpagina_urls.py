"""The site's URLs plus views that fail on purpose, for the error-page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from armoedepact.urls import handler400, handler403, handler404, handler500  # noqa: F401
from armoedepact.urls import urlpatterns as site_urlpatterns


def kapot(request):
    # A bug in a view that handles a form; the form value must not reach the log.
    _ = request.POST.get("naam")
    return 1 / 0


def verdacht(request):
    raise SuspiciousOperation("test")


def verboden(request):
    raise PermissionDenied


urlpatterns = [
    path("test/kapot/", kapot),
    path("test/verdacht/", verdacht),
    path("test/verboden/", verboden),
    *site_urlpatterns,
]
