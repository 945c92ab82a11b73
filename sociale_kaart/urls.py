from django.urls import path

from sociale_kaart import views

app_name = "sociale_kaart"

urlpatterns = [
    path("hulp/", views.zoeken, name="zoeken"),
    # Before the aanbod pattern: "kaart" is not a slug an aanbod can use.
    path("hulp/kaart/", views.kaart, name="kaart"),
    path("hulp/<slug:slug>/", views.aanbod_detail, name="aanbod"),
    path("organisatie/<slug:slug>/", views.organisatie_detail, name="organisatie"),
]
