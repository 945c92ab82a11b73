from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from armoedepact import views
from armoedepact.correcties import views as correcties
from armoedepact.partner import account
from overdracht.selectors import regeling_bron_aansluiten
from overdracht.views import uitslag_bron_aansluiten
from regelingen.selectors import regeling_voor_verzoek
from regelingen.urls import folder_urlpatterns
from regelingen.views import uitslag_samenvatting

# "Stuur mijn uitslag mee" and "Laat mij bellen" at a regeling: overdracht (floor 2)
# cannot import its sibling regelingen.
uitslag_bron_aansluiten(uitslag_samenvatting)
regeling_bron_aansluiten(regeling_voor_verzoek)

# Titles of the admin site: armoedepact/regie/site.py (BeheerSite).

# Stay Dutch and unprefixed: the admin site, the open-data API, the partner portal.
urlpatterns = [
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("beheer/", admin.site.urls),
    path("open-data/", include("sociale_kaart.hsds.urls")),
    path("partner/", account.partner_start, name="partner_start"),
    path("partner/inloggen/", account.inloggen, name="inloggen"),
    path("partner/uitloggen/", account.uitloggen, name="uitloggen"),
    path("partner/uitloggen-overal/", account.uitloggen_overal, name="uitloggen_overal"),
    path("partner/wachtwoord-vergeten/", account.wachtwoord_vergeten, name="wachtwoord_vergeten"),
    path(
        "partner/wachtwoord-vergeten/verstuurd/",
        account.wachtwoord_vergeten_verstuurd,
        name="wachtwoord_vergeten_verstuurd",
    ),
    path("partner/wachtwoord/<uidb64>/<token>/", account.wachtwoord_nieuw, name="password_reset_confirm"),
    path("partner/wachtwoord/ingesteld/", account.wachtwoord_ingesteld, name="wachtwoord_ingesteld"),
    path("partner/uitnodiging/<str:token>/", account.uitnodiging_accepteren, name="uitnodiging_accepteren"),
    path("", include("armoedepact.partner.urls")),
]

# The resident pages: Dutch at /, every other language of settings.LANGUAGES
# under its prefix (/en/hulp/, /ar/check/). The language comes from the path only.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    # "Klopt er iets niet?" under every aanbod, organisatie and regeling (armoedepact/correcties/)
    path(
        "klopt-er-iets-niet/<str:onderwerp>/<slug:slug>/",
        correcties.correctie,
        name="correctie",
    ),
    path(
        "klopt-er-iets-niet/<str:onderwerp>/<slug:slug>/bedankt/",
        correcties.correctie_bedankt,
        name="correctie_bedankt",
    ),
    path("", include(folder_urlpatterns)),
    path("", include("sociale_kaart.urls")),
    path("", include("regelingen.urls")),
    path("", include("werkgroepen.urls")),
    # The warm handover ("Laat mij bellen"): the resident's pages; the e-mails to partners stay Dutch.
    path("", include("overdracht.urls")),
    prefix_default_language=False,
)

handler400 = "armoedepact.views.bad_request"
handler403 = "armoedepact.views.permission_denied"
handler404 = "armoedepact.views.page_not_found"
handler500 = "armoedepact.views.server_error"
