from django.contrib.auth import views as auth_views
from django.urls import path

from mechelen.web.accounts import invitation_views, token_views, views

app_name = "accounts"
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.dashboard, name="dashboard"),
    path("register/", views.register, name="register"),
    path("tokens/", token_views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", token_views.token_revoke, name="token_revoke"),
    path(
        "invitations/<int:pk>/answer/", invitation_views.invitation_answer, name="invitation_answer"
    ),
    path("invitations/<str:token>/", invitation_views.invitation, name="invitation"),
    path(
        "invitations/<str:token>/account/",
        invitation_views.invitation_account,
        name="invitation_account",
    ),
]
