from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "mechelen.web.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from mechelen.web.reports import policy
        from mechelen.web.reports import sections as _sections  # noqa: F401 - portal sections
        from mechelen.web.tenancy.workspace_links import WorkspaceLink, add_workspace_link

        add_workspace_link(
            WorkspaceLink(_("Follow-up report"), "reports:city", policy.can_generate_internal, 60)
        )
