"""Public pages of published releases, under /cities/<slug>/statistics/."""

from django.urls import path

from mechelen.web.statistics.public import views

app_name = "public_statistics"
urlpatterns = [
    path("<int:pk>/", views.release_page, name="release"),
    path("<int:pk>/tables/<slug:table>/", views.table_page, name="table"),
    path("<int:pk>/files/<str:name>", views.download, name="file"),
]
