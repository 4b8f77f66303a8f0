from django.urls import path

from mechelen.web.statistics import figure_views, release_views, views

app_name = "statistics"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("upload/", views.upload, name="upload"),
    path("uploads/<int:pk>/map/", views.map_columns, name="map"),
    path("jobs/<int:pk>/", views.job_progress, name="job"),
    path("datasets/<int:pk>/", views.dataset_detail, name="dataset"),
    path("datasets/<int:pk>/rejected/", views.rejected_rows, name="rejected_rows"),
    path("releases/new/", release_views.release_edit, name="release_new"),
    path("releases/<int:pk>/", release_views.release_detail, name="release"),
    path("releases/<int:pk>/edit/", release_views.release_edit, name="release_edit"),
    path("releases/<int:pk>/submit/", release_views.release_submit, name="release_submit"),
    path("releases/<int:pk>/approve/", release_views.release_approve, name="release_approve"),
    path("releases/<int:pk>/reject/", release_views.release_reject, name="release_reject"),
    path(
        "releases/<int:pk>/tables/<slug:table>/",
        release_views.release_table_preview,
        name="release_table",
    ),
    path("releases/<int:pk>/files/<str:name>", release_views.release_file, name="release_file"),
    path("figures/", figure_views.figure_list, name="figures"),
    path("figures/new/", figure_views.figure_edit, name="figure_new"),
    path("figures/<int:pk>/", figure_views.figure_edit, name="figure_edit"),
]
