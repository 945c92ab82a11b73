"""Site-wide pages: home, privacy, toegankelijkheid, and the error pages."""

from django.shortcuts import render


def home(request):
    return render(request, "armoedepact/home.html")


def privacy(request):
    return render(request, "armoedepact/privacy.html")


def toegankelijkheid(request):
    return render(request, "armoedepact/toegankelijkheid.html")


def page_not_found(request, exception):
    return render(request, "armoedepact/404.html", status=404)


def server_error(request):
    return render(request, "armoedepact/500.html", status=500)
