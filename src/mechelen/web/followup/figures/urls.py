"""The fill page under /manage/<slug>/follow-up/ (included by :mod:`mechelen.web.followup.urls`)."""

from django.urls import path

from mechelen.web.followup.figures import views

urlpatterns = [
    path("indicators/<int:pk>/fill/", views.fill, name="fill"),
]
