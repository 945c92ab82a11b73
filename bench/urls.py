"""The site's URLs plus a trivial view, the baseline every timing is compared with."""

from django.http import HttpResponse
from django.urls import path

from armoedepact.urls import handler404, handler500  # noqa: F401
from armoedepact.urls import urlpatterns as site_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *site_urlpatterns]
