from django.urls import include, path
from django.views.i18n import set_language

from mechelen.web.api.api import api

urlpatterns = [
    path("", include("mechelen.web.portal.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("mechelen.web.accounts.urls")),
    path("platform/", include("mechelen.web.tenancy.moderation.urls")),
    path("manage/<slug:slug>/", include("mechelen.web.tenancy.urls")),
    path("manage/<slug:slug>/commitments/", include("mechelen.web.commitments.urls")),
    path("manage/<slug:slug>/assessments/", include("mechelen.web.assessments.urls")),
    path("manage/<slug:slug>/statistics/", include("mechelen.web.statistics.urls")),
    path("manage/<slug:slug>/follow-up/", include("mechelen.web.followup.urls")),
    path("cities/<slug:slug>/follow-up/", include("mechelen.web.followup.public_urls")),
    path("networks/<slug:slug>/follow-up/", include("mechelen.web.followup.network_urls")),
    path("networks/<slug:slug>/members/", include("mechelen.web.tenancy.networks.urls")),
    path("cities/<slug:slug>/statistics/", include("mechelen.web.statistics.public.urls")),
    path("", include("mechelen.web.reports.urls")),
    path("api/", api.urls),
]
