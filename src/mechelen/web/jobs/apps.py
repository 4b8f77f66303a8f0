from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "mechelen.web.jobs"
    label = "jobs"
    verbose_name = "Background work"
