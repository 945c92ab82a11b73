from django.urls import path

from overdracht import views

app_name = "overdracht"

# The same steps for an aanbod (/bellen/<slug>/...) and for a regeling in the
# check result (/bellen/regeling/<slug>/..., names with "regeling_"). The
# regeling patterns come first. Resident pages: included under i18n_patterns.
_STAPPEN = [
    ("", views.uitleg, "uitleg"),
    ("geen-toestemming/", views.geen_toestemming, "geen_toestemming"),
    ("gegevens/", views.gegevens, "gegevens"),
    ("controleren/", views.controleren, "controleren"),
    ("versturen/", views.versturen, "versturen"),
    ("verstuurd/", views.verstuurd, "verstuurd"),
]

urlpatterns = [
    path(f"bellen/regeling/<slug:slug>/{deel}", view, {"soort": "regeling"}, name=f"regeling_{naam}")
    for deel, view, naam in _STAPPEN
] + [path(f"bellen/<slug:slug>/{deel}", view, {"soort": "aanbod"}, name=naam) for deel, view, naam in _STAPPEN]
