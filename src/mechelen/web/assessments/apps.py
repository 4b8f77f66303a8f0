from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "mechelen.web.assessments"
    label = "assessments"
    verbose_name = "Joint initial assessment"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from mechelen.web.assessments import next_steps as steps
        from mechelen.web.assessments import policy, receivers
        from mechelen.web.tenancy import next_steps
        from mechelen.web.tenancy.workspace_links import WorkspaceLink, add_workspace_link

        receivers.connect()
        next_steps.register(steps.open_rounds)
        next_steps.register(steps.questionnaires)
        add_workspace_link(
            WorkspaceLink(_("Assessment"), "assessments:list", policy.can_list_rounds, 30)
        )
