"""Evidence pages under /manage/<slug>/follow-up/, and the documents of public commitments
under /cities/<slug>/follow-up/ (included by :mod:`mechelen.web.followup.urls` and
:mod:`mechelen.web.followup.public_urls`)."""

from django.urls import path

from mechelen.web.followup.evidence import views

urlpatterns = [
    path("commitments/", views.commitment_evidence, name="commitments"),
    path("commitments/<int:pk>/evidence/", views.evidence, name="evidence"),
    path("evidence/<int:pk>/remove/", views.evidence_remove, name="evidence_remove"),
    path("evidence/<int:pk>/file", views.evidence_file, name="evidence_file"),
]
public_urlpatterns = [
    path("evidence/<int:pk>/file", views.public_evidence_file, name="evidence_file"),
]
