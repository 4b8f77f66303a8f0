"""An organisation's workspace, ``/manage/<slug>/`` (namespace ``tenancy``): the
organisation's own pages and its members'."""

from django.urls import include, path

app_name = "tenancy"
urlpatterns = [
    path("", include("mechelen.web.tenancy.organisations.urls")),
    path("", include("mechelen.web.tenancy.members.urls")),
]
