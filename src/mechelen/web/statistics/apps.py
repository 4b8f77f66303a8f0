from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "mechelen.web.statistics"
    label = "statistics"
    verbose_name = "Statistics"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from mechelen.web.statistics import next_steps as steps
        from mechelen.web.statistics import policy
        from mechelen.web.statistics.jobs import kinds as _kinds  # noqa: F401 - registers job kinds
        from mechelen.web.statistics.public import sections as _sections  # noqa: F401 - portal sections
        from mechelen.web.tenancy import next_steps
        from mechelen.web.tenancy.workspace_links import WorkspaceLink, add_workspace_link

        next_steps.register(steps.releases)
        next_steps.register(steps.old_datasets)
        add_workspace_link(
            WorkspaceLink(_("Statistics"), "statistics:overview", policy.can_view, 40)
        )
        add_workspace_link(
            WorkspaceLink(_("Service figures"), "statistics:figures", policy.can_open_figures, 45)
        )
