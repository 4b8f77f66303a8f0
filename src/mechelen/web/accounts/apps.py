from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mechelen.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
