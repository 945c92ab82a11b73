"""Mounted at /open-data/ by armoedepact/urls.py. API paths follow the HSDS
openapi.json (no trailing slash); a trailing slash is accepted too."""

from django.urls import path, re_path

from sociale_kaart.hsds import views

app_name = "hsds"

urlpatterns = [
    path("", views.open_data_page, name="open_data"),
    path("hsds/", views.api_root, name="root"),
    re_path(r"^hsds/openapi\.json$", views.openapi, name="openapi"),
    re_path(r"^hsds/export\.json$", views.export_json, name="export"),
    re_path(r"^hsds/services/?$", views.services, name="services"),
    re_path(r"^hsds/services/(?P<id>[^/]+)/?$", views.service_detail, name="service"),
    re_path(r"^hsds/organizations/?$", views.organizations, name="organizations"),
    re_path(r"^hsds/organizations/(?P<id>[^/]+)/?$", views.organization_detail, name="organization"),
    re_path(r"^hsds/taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(r"^hsds/taxonomies/(?P<id>[^/]+)/?$", views.taxonomy_detail, name="taxonomy"),
    re_path(r"^hsds/taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(r"^hsds/taxonomy_terms/(?P<id>[^/]+)/?$", views.taxonomy_term_detail, name="taxonomy_term"),
    re_path(r"^hsds/service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(
        r"^hsds/service_at_locations/(?P<id>[^/]+)/?$",
        views.service_at_location_detail,
        name="service_at_location",
    ),
]
