"""Pages of the assessment's change under /manage/<slug>/follow-up/ (included by
:mod:`mechelen.web.followup.urls`)."""

from django.urls import path

from mechelen.web.followup.change import views

urlpatterns = [
    path("assessment-change/", views.change_overview, name="change"),
    path("assessment-change/<int:pk>/", views.change_round, name="change_round"),
]
