from django.contrib import admin
from django.urls import include, path

from armoedepact import views

admin.site.site_header = "Beheer Armoedepact"
admin.site.site_title = "Beheer Armoedepact"
admin.site.index_title = "Wat vraagt aandacht"

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("beheer/", admin.site.urls),
    path("", include("sociale_kaart.urls")),
    path("", include("regelingen.urls")),
    path("", include("werkgroepen.urls")),
]

handler404 = "armoedepact.views.page_not_found"
handler500 = "armoedepact.views.server_error"
