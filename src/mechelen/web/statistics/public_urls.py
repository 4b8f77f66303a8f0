"""Public pages of published releases, under /cities/<slug>/statistics/."""

from django.urls import path

from mechelen.web.statistics import public_views

app_name = "public_statistics"
urlpatterns = [
    path("<int:pk>/", public_views.release_page, name="release"),
    path("<int:pk>/tables/<slug:table>/", public_views.table_page, name="table"),
    path("<int:pk>/files/<str:name>", public_views.download, name="file"),
]
