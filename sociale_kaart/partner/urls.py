from django.urls import path

from sociale_kaart.partner import views

app_name = "partner"

urlpatterns = [
    path("organisatie/<slug:slug>/", views.dashboard, name="dashboard"),
    path("organisatie/<slug:slug>/bewerken/", views.organisatie_bewerken, name="organisatie_bewerken"),
    path("organisatie/<slug:slug>/klopt/", views.organisatie_klopt, name="organisatie_klopt"),
    path("organisatie/<slug:slug>/aanbod/nieuw/", views.aanbod_nieuw, name="aanbod_nieuw"),
    path("aanbod/<uuid:uuid>/bewerken/", views.aanbod_bewerken, name="aanbod_bewerken"),
    path("aanbod/<uuid:uuid>/klopt/", views.aanbod_klopt, name="aanbod_klopt"),
    path("aanbod/<uuid:uuid>/archiveren/", views.aanbod_archiveren, name="aanbod_archiveren"),
    path("wijziging/<int:pk>/", views.revisie, name="revisie"),
    path("b1-advies/", views.b1_advies, name="b1_advies"),
]
