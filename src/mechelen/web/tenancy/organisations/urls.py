"""The organisation's own pages, in its workspace's namespace (``tenancy``)."""

from django.urls import path

from mechelen.web.tenancy.organisations import views

urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("profile/", views.profile, name="profile"),
    path("endorse/", views.endorse, name="endorse"),
    path("join-network/", views.join_network, name="join_network"),
    path("audit/", views.audit_log, name="audit_log"),
]
