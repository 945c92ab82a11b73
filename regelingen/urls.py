from django.urls import path

from regelingen import folder, views

app_name = "regelingen"

urlpatterns = [
    path("check/", views.start, name="start"),
    path("check/controleren/", views.controleren, name="controleren"),
    path("check/uitslag/", views.uitslag, name="uitslag"),
    path("check/uitslag/pdf/", views.uitslag_pdf, name="uitslag_pdf"),
    path("check/meer-verdienen/", views.meer_verdienen, name="meer_verdienen"),
    path("check/wat-als/<slug:soort>/", views.wat_als, name="wat_als"),
    path("check/stoppen/", views.stoppen, name="stoppen"),
    path("check/<slug:stap>/", views.vraag, name="vraag"),
]

# The public folder PDF. Outside the "regelingen" namespace: the project's urls.py
# includes this list on its own, so its names stay "folder_pdf" and "folder_thema_pdf".
folder_urlpatterns = [
    path("regelingen/folder.pdf", folder.folder_pdf, name="folder_pdf"),
    path("regelingen/folder/<slug:thema>.pdf", folder.folder_thema_pdf, name="folder_thema_pdf"),
]
