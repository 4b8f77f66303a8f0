from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "mechelen.web.followup"
    label = "followup"
    verbose_name = "Follow-up"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from mechelen.web.followup import next_steps as steps
        from mechelen.web.followup import policy, sections  # noqa: F401  (registers sections)
        from mechelen.web.followup import receivers as _receivers  # noqa: F401 - release events
        from mechelen.web.tenancy import next_steps
        from mechelen.web.tenancy.workspace_links import WorkspaceLink, add_workspace_link

        next_steps.register(steps.indicators)
        add_workspace_link(
            WorkspaceLink(_("Indicators and progress"), "followup:indicators", policy.can_view, 25)
        )
