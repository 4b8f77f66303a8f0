from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    name = "mechelen.web.commitments"
    label = "commitments"
    verbose_name = "Commitments"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from mechelen.web.commitments import next_steps as steps
        from mechelen.web.commitments import policy
        from mechelen.web.tenancy import next_steps
        from mechelen.web.tenancy.workspace_links import WorkspaceLink, add_workspace_link

        next_steps.register(steps.commitments_due)
        add_workspace_link(
            WorkspaceLink(_("Commitments"), "commitments:list", policy.can_view_all, 20)
        )
