from django.urls import path

from werkgroepen import views

app_name = "werkgroepen"

urlpatterns = [
    path("pact/", views.pact, name="pact"),
    path("pact/pijlers/<slug:slug>/", views.pijler_detail, name="pijler"),
    path("pact/partners/", views.partners, name="partners"),
    path("pact/bijeenkomsten/", views.bijeenkomsten, name="bijeenkomsten"),
    path("pact/bijeenkomsten.ics", views.bijeenkomsten_ics, name="bijeenkomsten_ics"),
    path("pact/bijeenkomsten/<int:pk>/", views.bijeenkomst_detail, name="bijeenkomst"),
    path("pact/bijeenkomsten/<int:pk>.ics", views.bijeenkomst_ics, name="bijeenkomst_ics"),
    path("pact/agenda/", views.agenda_lijst, name="agenda_lijst"),
    path("pact/agenda/<int:jaar>/", views.agenda_jaar, name="agenda"),
    path("pact/agenda/<int:jaar>.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("pact/open-data.zip", views.open_data_zip, name="open_data_zip"),
    path("pact/aansluiten/", views.aansluiten, name="aansluiten"),
    path("pact/aansluiten/bedankt/", views.aansluiten_bedankt, name="aansluiten_bedankt"),
]
