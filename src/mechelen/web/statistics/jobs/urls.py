"""The progress of statistics jobs, in the app's ``statistics:`` namespace."""

from django.urls import path

from mechelen.web.statistics.jobs import views

urlpatterns = [
    path("jobs/<int:pk>/", views.job_progress, name="job"),
]
