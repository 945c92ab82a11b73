from django.urls import path

from overdracht import views

app_name = "overdracht"

urlpatterns = [
    path("bellen/<slug:slug>/", views.uitleg, name="uitleg"),
    path("bellen/<slug:slug>/geen-toestemming/", views.geen_toestemming, name="geen_toestemming"),
    path("bellen/<slug:slug>/gegevens/", views.gegevens, name="gegevens"),
    path("bellen/<slug:slug>/controleren/", views.controleren, name="controleren"),
    path("bellen/<slug:slug>/versturen/", views.versturen, name="versturen"),
    path("bellen/<slug:slug>/verstuurd/", views.verstuurd, name="verstuurd"),
]
