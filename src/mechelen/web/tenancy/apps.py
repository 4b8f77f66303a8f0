from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "mechelen.web.tenancy"
    label = "tenancy"
    verbose_name = "Organisations, networks and roles"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from mechelen.web.tenancy import next_steps, policy
        from mechelen.web.tenancy.members import next_steps as member_steps
        from mechelen.web.tenancy.moderation import next_steps as moderation_steps
        from mechelen.web.tenancy.networks import rules
        from mechelen.web.tenancy.workspace_links import WorkspaceLink, add_workspace_link

        rules.connect()
        next_steps.register(member_steps.invitations_waiting)
        next_steps.register(moderation_steps.organisations_to_approve)
        next_steps.register(moderation_steps.join_requests)
        next_steps.register(moderation_steps.own_approval)
        add_workspace_link(
            WorkspaceLink(_("Profile"), "tenancy:profile", policy.can_edit_profile, 10)
        )
        add_workspace_link(
            WorkspaceLink(_("Members"), "tenancy:members", policy.can_manage_members, 80)
        )
        add_workspace_link(
            WorkspaceLink(_("Audit log"), "tenancy:audit_log", policy.can_read_audit_log, 90)
        )
