from django.urls import path

from regelingen import views

app_name = "regelingen"

urlpatterns = [
    path("check/", views.start, name="start"),
    path("check/controleren/", views.controleren, name="controleren"),
    path("check/uitslag/", views.uitslag, name="uitslag"),
    path("check/uitslag/pdf/", views.uitslag_pdf, name="uitslag_pdf"),
    path("check/meer-verdienen/", views.meer_verdienen, name="meer_verdienen"),
    path("check/stoppen/", views.stoppen, name="stoppen"),
    path("check/<slug:stap>/", views.vraag, name="vraag"),
]
