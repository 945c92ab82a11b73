"""Every page of the partner portal with an organisation in it, in one
namespace ("partner"). The account pages (log-in, passwords, invitations) keep
their plain names in armoedepact/urls.py, because Django's auth views and the
settings refer to them."""

from django.urls import path

from armoedepact.partner import collegas, verzoeken, views

app_name = "partner"

urlpatterns = [
    # The organisation and its aanbod on the sociale kaart
    path("partner/organisatie/<slug:slug>/", views.dashboard, name="dashboard"),
    path("partner/organisatie/<slug:slug>/bewerken/", views.organisatie_bewerken, name="organisatie_bewerken"),
    path("partner/organisatie/<slug:slug>/klopt/", views.organisatie_klopt, name="organisatie_klopt"),
    path("partner/organisatie/<slug:slug>/collegas/", collegas.collegas, name="collegas"),
    path(
        "partner/organisatie/<slug:slug>/collegas/<int:pk>/verwijderen/",
        collegas.collega_verwijderen,
        name="collega_verwijderen",
    ),
    path("partner/organisatie/<slug:slug>/locaties/", views.locaties, name="locaties"),
    path("partner/organisatie/<slug:slug>/locaties/nieuw/", views.locatie_nieuw, name="locatie_nieuw"),
    path("partner/locatie/<uuid:uuid>/bewerken/", views.locatie_bewerken, name="locatie_bewerken"),
    path("partner/locatie/<uuid:uuid>/verwijderen/", views.locatie_verwijderen, name="locatie_verwijderen"),
    path("partner/organisatie/<slug:slug>/aanbod/nieuw/", views.aanbod_nieuw, name="aanbod_nieuw"),
    path("partner/aanbod/<uuid:uuid>/bewerken/", views.aanbod_bewerken, name="aanbod_bewerken"),
    path("partner/aanbod/<uuid:uuid>/klopt/", views.aanbod_klopt, name="aanbod_klopt"),
    path("partner/aanbod/<uuid:uuid>/archiveren/", views.aanbod_archiveren, name="aanbod_archiveren"),
    path("partner/wijziging/<int:pk>/", views.revisie, name="revisie"),
    path("partner/melding/<int:pk>/afgehandeld/", views.correctie_afgehandeld, name="correctie_afgehandeld"),
    path("partner/b1-advies/", views.b1_advies, name="b1_advies"),
    # Warm handover: requests received and sent, referrals, settings (armoedepact/partner/verzoeken.py)
    path("partner/organisatie/<slug:slug>/verzoeken/", verzoeken.verzoeken, name="verzoeken"),
    path(
        "partner/organisatie/<slug:slug>/verzoeken/instellingen/",
        verzoeken.verzoeken_instellingen,
        name="verzoeken_instellingen",
    ),
    path("partner/organisatie/<slug:slug>/doorverwijzen/", verzoeken.doorverwijzen, name="doorverwijzen"),
    path(
        "partner/organisatie/<slug:slug>/doorverwijzen/stop/<slug:reden>/",
        verzoeken.doorverwijzen_stop,
        name="doorverwijzen_stop",
    ),
    path("partner/verzoek/<uuid:uuid>/", verzoeken.verzoek, name="verzoek"),
    # The pact: meetings, actiepunten the organisation leads, the yearly agenda
    path("pact/partner/", views.pact_overzicht, name="pact"),
    path(
        "pact/partner/<int:organisatie_pk>/bijeenkomsten/<int:pk>/aanmelden/",
        views.pact_aanmelden,
        name="pact_aanmelden",
    ),
    path(
        "pact/partner/<int:organisatie_pk>/bijeenkomsten/<int:pk>/afmelden/",
        views.pact_afmelden,
        name="pact_afmelden",
    ),
    path(
        "pact/partner/<int:organisatie_pk>/actiepunten/<int:pk>/voortgang/",
        views.pact_voortgang,
        name="pact_voortgang",
    ),
    path("pact/partner/<int:organisatie_pk>/agenda/", views.pact_agenda, name="pact_agenda"),
    path(
        "pact/partner/<int:organisatie_pk>/bijeenkomsten/<int:pk>/gastheer/",
        views.pact_gastheer,
        name="pact_gastheer",
    ),
    path("pact/partner/<int:organisatie_pk>/datumprikker/<int:pk>/", views.pact_peiling, name="pact_peiling"),
]
