"""The statistics pages of an organisation, under /manage/<slug>/statistics/: one namespace
(``statistics:``) over the pages of each part of the app."""

from django.urls import include, path

from mechelen.web.statistics import views

app_name = "statistics"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("", include("mechelen.web.statistics.datasets.urls")),
    path("", include("mechelen.web.statistics.jobs.urls")),
    path("", include("mechelen.web.statistics.releases.urls")),
    path("", include("mechelen.web.statistics.figures.urls")),
]
