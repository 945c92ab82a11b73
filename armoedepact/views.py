"""Site-wide pages: home, privacy, toegankelijkheid, security.txt and the error pages.
Log-in and the rest of the partner portal: armoedepact.partner."""

import sys
from datetime import UTC, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from common.middleware import database_weg_antwoord, is_database_fout
from sociale_kaart import selectors as sociale_kaart_selectors


def home(request):
    taxonomie = sociale_kaart_selectors.home_taxonomie()
    return render(
        request,
        "armoedepact/home.html",
        {"themas": taxonomie.themas, "levensgebeurtenissen": taxonomie.levensgebeurtenissen},
    )


def privacy(request):
    context = {
        "bewaren_dagen": settings.OVERDRACHT_BEWAREN_DAGEN,
        "ongeopend_dagen": settings.OVERDRACHT_ONGEOPEND_DAGEN,
        "stil_dagen": settings.OVERDRACHT_STIL_DAGEN,
    }
    return render(request, "armoedepact/privacy.html", context)


def toegankelijkheid(request):
    return render(request, "armoedepact/toegankelijkheid.html")


def bad_request(request, exception):
    return render(request, "armoedepact/400.html", status=400)


def permission_denied(request, exception):
    return render(request, "armoedepact/403.html", status=403)


def page_not_found(request, exception):
    return render(request, "armoedepact/404.html", status=404)


def server_error(request):
    # An error in a middleware (the session, the log-in) because PostgreSQL is away:
    # the friendly 503 page, like a view's error (common.middleware.DatabaseWegMiddleware).
    if is_database_fout(sys.exc_info()[1]):
        return database_weg_antwoord(request)
    return render(request, "armoedepact/500.html", {"request_id": getattr(request, "request_id", "")}, status=500)


def csrf_failure(request, reason=""):
    """A form sent without (or with an old) security code: explain, never blame."""
    return render(request, "armoedepact/403_csrf.html", status=403)


def security_txt(request):
    """RFC 9116: where to report a vulnerability. Expires moves with the date."""
    verloopt = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    regels = [
        f"Contact: {getattr(settings, 'SECURITY_TXT_CONTACT', 'mailto:security@westerkwartier.example')}",
        f"Expires: {verloopt.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")
