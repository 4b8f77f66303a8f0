"""Releases: define, preview, submit, decide; their tables and files, in the app's ``statistics:`` namespace."""

from django.urls import path

from mechelen.web.statistics.releases import views

urlpatterns = [
    path("releases/new/", views.release_edit, name="release_new"),
    path("releases/<int:pk>/", views.release_detail, name="release"),
    path("releases/<int:pk>/edit/", views.release_edit, name="release_edit"),
    path("releases/<int:pk>/submit/", views.release_submit, name="release_submit"),
    path("releases/<int:pk>/approve/", views.release_approve, name="release_approve"),
    path("releases/<int:pk>/reject/", views.release_reject, name="release_reject"),
    path(
        "releases/<int:pk>/tables/<slug:table>/", views.release_table_preview, name="release_table"
    ),
    path("releases/<int:pk>/files/<str:name>", views.release_file, name="release_file"),
]
