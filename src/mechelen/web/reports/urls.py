from django.urls import path

from mechelen.web.reports import views

app_name = "reports"
urlpatterns = [
    path("manage/<slug:slug>/report/", views.city, name="city"),
    path("manage/<slug:slug>/report/file/", views.city_file, name="city_file"),
    path("cities/<slug:slug>/report/", views.public_city, name="public_city"),
    path("networks/<slug:slug>/report/", views.network, name="network"),
]
