from django.contrib.auth import views as auth_views
from django.urls import path

from mechelen.web.accounts import invitation_views, password_views, token_views, views

app_name = "accounts"
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.dashboard, name="dashboard"),
    path("register/", views.register, name="register"),
    path("tokens/", token_views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", token_views.token_revoke, name="token_revoke"),
    path("password/", password_views.PasswordChange.as_view(), name="password_change"),
    path(
        "password/changed/",
        password_views.PasswordChangeDone.as_view(),
        name="password_change_done",
    ),
    path("password/reset/", password_views.PasswordReset.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        password_views.PasswordResetDone.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        password_views.PasswordResetConfirm.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        password_views.PasswordResetComplete.as_view(),
        name="password_reset_complete",
    ),
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
