from django.contrib import admin
from django.urls import include, path

from armoedepact import views
from armoedepact.partner import account
from overdracht.views import uitslag_bron_aansluiten
from regelingen.urls import folder_urlpatterns
from regelingen.views import uitslag_samenvatting

# "Stuur mijn uitslag mee": overdracht (floor 2) cannot import its sibling regelingen.
uitslag_bron_aansluiten(uitslag_samenvatting)

# Titles of the admin site: armoedepact/regie/site.py (BeheerSite).

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("beheer/", admin.site.urls),
    path("", include(folder_urlpatterns)),
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
    path("", include("sociale_kaart.urls")),
    path("", include("regelingen.urls")),
    path("", include("werkgroepen.urls")),
    path("", include("overdracht.urls")),
]

handler400 = "armoedepact.views.bad_request"
handler403 = "armoedepact.views.permission_denied"
handler404 = "armoedepact.views.page_not_found"
handler500 = "armoedepact.views.server_error"
