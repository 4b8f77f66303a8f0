from django.urls import path

from mechelen.web.tenancy.moderation import views

app_name = "platform"
urlpatterns = [
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/<slug:slug>/approve/", views.approve, name="approve"),
    path("organisations/<slug:slug>/reject/", views.reject, name="reject"),
]
