"""A network's open-data export under /networks/<slug>/follow-up/."""

from django.urls import path

from mechelen.web.followup import public_views

app_name = "network_followup"
urlpatterns = [
    path("export/<str:name>", public_views.network_export, name="export"),
]
