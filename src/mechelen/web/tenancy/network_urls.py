from django.urls import path

from mechelen.web.tenancy import network_views

app_name = "networks"
urlpatterns = [
    path("", network_views.network_members, name="members"),
    path("<slug:member>/remove/", network_views.network_member_remove, name="member_remove"),
    path("requests/<slug:member>/", network_views.join_answer, name="join_answer"),
]
