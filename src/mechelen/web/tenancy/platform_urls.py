from django.urls import path

from mechelen.web.tenancy import platform_views

app_name = "platform"
urlpatterns = [
    path("organisations/", platform_views.organisations, name="organisations"),
    path("organisations/<slug:slug>/approve/", platform_views.approve, name="approve"),
    path("organisations/<slug:slug>/reject/", platform_views.reject, name="reject"),
]
