"""The members' pages, in the organisation's workspace namespace (``tenancy``)."""

from django.urls import path

from mechelen.web.tenancy.members import views

urlpatterns = [
    path("members/", views.members, name="members"),
    path("members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
]
