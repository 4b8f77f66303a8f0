from django.urls import path

from mechelen.web.tenancy.networks import views

app_name = "networks"
urlpatterns = [
    path("", views.network_members, name="members"),
    path("<slug:member>/remove/", views.network_member_remove, name="member_remove"),
    path("requests/<slug:member>/", views.join_answer, name="join_answer"),
]
