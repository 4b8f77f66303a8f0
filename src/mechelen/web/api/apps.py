from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mechelen.web.api"
    label = "api"
    verbose_name = "JSON API"
