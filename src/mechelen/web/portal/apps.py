from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "mechelen.web.portal"
    label = "portal"
    verbose_name = "Public portal"
