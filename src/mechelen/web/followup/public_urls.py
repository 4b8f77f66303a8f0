"""Public follow-up files under /cities/<slug>/follow-up/."""

from django.urls import path

from mechelen.web.followup import public_views

app_name = "public_followup"
urlpatterns = [
    path("evidence/<int:pk>/file", public_views.evidence_file, name="evidence_file"),
    path("export/<str:name>", public_views.export, name="export"),
]
