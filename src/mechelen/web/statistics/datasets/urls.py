"""Uploads, column mappings and datasets, in the app's ``statistics:`` namespace."""

from django.urls import path

from mechelen.web.statistics.datasets import views

urlpatterns = [
    path("upload/", views.upload, name="upload"),
    path("uploads/<int:pk>/map/", views.map_columns, name="map"),
    path("datasets/<int:pk>/", views.dataset_detail, name="dataset"),
    path("datasets/<int:pk>/rejected/", views.rejected_rows, name="rejected_rows"),
]
