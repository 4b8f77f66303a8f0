from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "mechelen.web.tenancy"
    label = "tenancy"
    verbose_name = "Organisations, networks and roles"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from mechelen.web.tenancy import policy
        from mechelen.web.tenancy.networks import rules
        from mechelen.web.tenancy.workspace_links import WorkspaceLink, add_workspace_link

        rules.connect()
        add_workspace_link(
            WorkspaceLink(_("Profile"), "tenancy:profile", policy.can_edit_profile, 10)
        )
        add_workspace_link(
            WorkspaceLink(_("Members"), "tenancy:members", policy.can_manage_members, 80)
        )
        add_workspace_link(
            WorkspaceLink(_("Audit log"), "tenancy:audit_log", policy.can_read_audit_log, 90)
        )
