from django.urls import path

from mechelen.web.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("cities/<slug:slug>/", views.city, name="city"),
    path("networks/<slug:slug>/", views.network, name="network"),
]
