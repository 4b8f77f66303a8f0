from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "mechelen.web.demo"
    label = "demo"
    verbose_name = "Demo content"
