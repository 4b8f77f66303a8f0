from django.urls import path

from mechelen.web.tenancy import views

app_name = "tenancy"
urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("profile/", views.profile, name="profile"),
    path("endorse/", views.endorse, name="endorse"),
    path("members/", views.members, name="members"),
    path("members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("join-network/", views.join_network, name="join_network"),
    path("audit/", views.audit_log, name="audit_log"),
]
