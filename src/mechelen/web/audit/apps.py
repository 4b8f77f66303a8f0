from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "mechelen.web.audit"
    label = "audit"
    verbose_name = "Audit log"
