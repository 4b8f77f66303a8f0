"""The exports of a city under /cities/<slug>/follow-up/ and of a network under
/networks/<slug>/follow-up/ (included by :mod:`mechelen.web.followup.public_urls` and
:mod:`mechelen.web.followup.network_urls`)."""

from django.urls import path

from mechelen.web.followup.opendata import views

public_urlpatterns = [
    path("export/<str:name>", views.export, name="export"),
]
network_urlpatterns = [
    path("export/<str:name>", views.network_export, name="export"),
]
