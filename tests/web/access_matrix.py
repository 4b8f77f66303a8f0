"""The allowed/denied matrix of every page: which roles of the owning city may GET and POST.

Every named URL of the site must be listed here (a test fails otherwise), so a new page
cannot ship without saying who may reach it. ``PUBLIC`` pages are open to everyone,
visitors included; for the others, only the listed roles of the city the URL names are let
through: the same roles of another city, a network analyst, a platform administrator, a person
with no role and a visitor are refused. An allowed GET answers 200 or a redirect, never a 404
(the exceptions, with their reasons, are in ``NOT_FOUND_IS_RIGHT``). A refusal is a 403, or a
404 where the page must not tell that the object exists (``REFUSED_AS_NOT_FOUND``).

Invitations: the matrix's invitations are fresh for each call. One sent to an e-mail address
is answered by whoever holds its link and is logged in; one sent to the outsider's user name
is answered by the outsider only (``INVITEE``), and exists for nobody else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from mechelen.web.accounts.models import ApiToken
from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.commitments.models import Commitment
from mechelen.web.tenancy.members import invitations
from mechelen.web.tenancy.models import Membership, Organisation
from mechelen.web.tenancy.roles import ORGANISATION_ROLES, Level, OrganisationStatus, Role
from tests.web.assessments import factories as assessments
from tests.web.followup import factories as followup
from tests.web.statistics import factories as stats

PUBLIC = frozenset({"public"})
EVERY_ROLE = frozenset(ORGANISATION_ROLES)
ADMIN = frozenset({Role.ADMINISTRATOR})
EDITORS = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR})
INTERNAL = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.DATA_STEWARD, Role.VIEWER})
#: logged-in people without regard to organisation (their own dashboard)
ANY_LOGGED_IN = frozenset({"logged-in"})
#: the network's analysts only (the network of the world fixture)
NETWORK_ANALYSTS = frozenset({"network-analyst"})
#: the platform's administrators only (they approve self-registered organisations)
PLATFORM_ADMINS = frozenset({"platform-admin"})
#: the person an invitation names by user name (the outsider, in the matrix)
INVITEE = frozenset({"invitee"})

Kwargs = Callable[[Any, Any], dict[str, Any]]


def city_slug(world: Any, city: Any) -> dict[str, Any]:
    return {"slug": city.organisation.slug}


def fresh_commitment(world: Any, city: Any) -> dict[str, Any]:
    item = Commitment.objects.create(
        organisation=city.organisation,
        own_title="Scratch",
        owner="o",
        target="t",
        due_date="2030-01-01",
    )
    return {"slug": city.organisation.slug, "pk": item.pk}


def private_commitment(world: Any, city: Any) -> dict[str, Any]:
    return {"slug": city.organisation.slug, "pk": city.private_commitment.pk}


def spare_membership(world: Any, city: Any) -> dict[str, Any]:
    viewer = city.users[Role.VIEWER]
    spare, _ = Membership.objects.get_or_create(
        user=viewer, organisation=city.organisation, role=Role.RESPONDENT
    )
    return {"slug": city.organisation.slug, "pk": spare.pk}


def network_slug(world: Any, city: Any) -> dict[str, Any]:
    return {"slug": world.network.slug}


def network_member_b(world: Any, city: Any) -> dict[str, Any]:
    world.network.members.add(world.b.organisation)  # removed again by each allowed call
    return {"slug": world.network.slug, "member": world.b.organisation.slug}


def own_token(world: Any, city: Any) -> dict[str, Any]:
    """A token of nobody in particular: each caller may only revoke their own (404 otherwise)."""
    token, _ = ApiToken.issue(world.outsider, "scratch")
    return {"pk": token.pk}


def no_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return {}


def reset_link(world: Any, city: Any) -> dict[str, Any]:
    """The link of a password reset e-mail, for the outsider (valid until used)."""
    user = world.outsider
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


#: the link of the last e-mail invitation made by ``emailed_invitation``
TOKENS: list[str] = []


def emailed_invitation(world: Any, city: Any) -> dict[str, Any]:
    """A fresh invitation of the city to an e-mail address: its link's token."""
    invitations.invite(
        city.users[Role.ADMINISTRATOR],
        city.organisation,
        "newcomer@example.org",
        Role.VIEWER,
        TOKENS.append,
    )
    return {"token": TOKENS[-1]}


def outsider_invitation(world: Any, city: Any) -> dict[str, Any]:
    """A fresh invitation of the city to the outsider's user name."""
    item = invitations.invite(
        city.users[Role.ADMINISTRATOR], city.organisation, "outsider", Role.VIEWER, str
    )
    return {"pk": item.pk}


def city_invitation(world: Any, city: Any) -> dict[str, Any]:
    """A fresh pending invitation of the city (the administrators withdraw it)."""
    item = invitations.invite(
        city.users[Role.ADMINISTRATOR], city.organisation, "someone", Role.VIEWER, str
    )
    return {"slug": city.organisation.slug, "pk": item.pk}


def pending_organisation(world: Any, city: Any, network: Any = None) -> Organisation:
    number = Organisation.objects.count() + 1
    return Organisation.objects.create(
        slug=f"pending-{number}",
        name=f"Pending city {number}",
        country="BEL",
        level=Level.LOCAL,
        status=OrganisationStatus.PENDING,
        requested_network=network,
    )


def pending_slug(world: Any, city: Any) -> dict[str, Any]:
    """A fresh self-registered organisation waiting for a platform administrator."""
    return {"slug": pending_organisation(world, city).slug}


def join_request(world: Any, city: Any) -> dict[str, Any]:
    """A fresh pending organisation asking to join the world's network."""
    asking = pending_organisation(world, city, world.network)
    return {"slug": world.network.slug, "member": asking.slug}


RESULTS = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.VIEWER})
STEWARD = frozenset({Role.DATA_STEWARD})
PROVIDER = frozenset({Role.SERVICE_PROVIDER})
RESPONDENT = frozenset({Role.RESPONDENT})


def assessment_round(world: Any, city: Any) -> dict[str, Any]:
    """A fresh open round of the city, to which the city's respondent is invited."""
    item = AssessmentRound.objects.create(
        organisation=city.organisation, title="Scratch round", framework_id="mechelen-2017"
    )
    Invitation.objects.create(
        round=item,
        group_id="civil-society",
        name="R",
        language="en",
        user=city.users[Role.RESPONDENT],
    )
    return {"slug": city.organisation.slug, "pk": item.pk}


@dataclass(frozen=True)
class PageRule:
    kwargs: Kwargs
    get: frozenset[Any] | None
    post: frozenset[Any] | None = None


PAGES: dict[str, PageRule] = {
    "portal:home": PageRule(no_kwargs, PUBLIC),
    "portal:city": PageRule(city_slug, PUBLIC),
    "portal:network": PageRule(network_slug, PUBLIC),
    "accounts:login": PageRule(no_kwargs, PUBLIC),
    "accounts:logout": PageRule(no_kwargs, None, PUBLIC),
    "accounts:register": PageRule(no_kwargs, PUBLIC, PUBLIC),
    "accounts:dashboard": PageRule(no_kwargs, ANY_LOGGED_IN),
    "accounts:tokens": PageRule(no_kwargs, ANY_LOGGED_IN, ANY_LOGGED_IN),
    "accounts:token_revoke": PageRule(own_token, None, ANY_LOGGED_IN),
    "accounts:password_change": PageRule(no_kwargs, ANY_LOGGED_IN, ANY_LOGGED_IN),
    "accounts:password_change_done": PageRule(no_kwargs, ANY_LOGGED_IN),
    "accounts:password_reset": PageRule(no_kwargs, PUBLIC, PUBLIC),
    "accounts:password_reset_done": PageRule(no_kwargs, PUBLIC),
    "accounts:password_reset_confirm": PageRule(reset_link, PUBLIC, PUBLIC),
    "accounts:password_reset_complete": PageRule(no_kwargs, PUBLIC),
    "accounts:invitation": PageRule(emailed_invitation, PUBLIC, ANY_LOGGED_IN),
    "accounts:invitation_account": PageRule(emailed_invitation, PUBLIC, PUBLIC),
    "accounts:invitation_answer": PageRule(outsider_invitation, None, INVITEE),
    "platform:organisations": PageRule(no_kwargs, PLATFORM_ADMINS),
    "platform:approve": PageRule(pending_slug, None, PLATFORM_ADMINS),
    "platform:reject": PageRule(pending_slug, None, PLATFORM_ADMINS),
    "networks:join_answer": PageRule(join_request, None, NETWORK_ANALYSTS),
    "networks:members": PageRule(network_slug, NETWORK_ANALYSTS, NETWORK_ANALYSTS),
    "networks:member_remove": PageRule(network_member_b, None, NETWORK_ANALYSTS),
    "tenancy:workspace": PageRule(city_slug, EVERY_ROLE),
    "tenancy:profile": PageRule(city_slug, ADMIN, ADMIN),
    "tenancy:endorse": PageRule(city_slug, None, ADMIN),
    "tenancy:members": PageRule(city_slug, ADMIN, ADMIN),
    "tenancy:member_remove": PageRule(spare_membership, None, ADMIN),
    "tenancy:invitation_revoke": PageRule(city_invitation, None, ADMIN),
    "tenancy:join_network": PageRule(city_slug, None, ADMIN),
    "tenancy:audit_log": PageRule(city_slug, ADMIN),
    "commitments:list": PageRule(city_slug, INTERNAL),
    "commitments:new": PageRule(city_slug, EDITORS, EDITORS),
    "commitments:edit": PageRule(private_commitment, EDITORS, EDITORS),
    "commitments:delete": PageRule(fresh_commitment, None, EDITORS),
    "assessments:list": PageRule(city_slug, RESULTS | RESPONDENT),
    "assessments:new": PageRule(city_slug, EDITORS, EDITORS),
    "assessments:round": PageRule(assessment_round, EDITORS),
    "assessments:invite": PageRule(assessment_round, EDITORS, EDITORS),
    "assessments:close": PageRule(assessment_round, None, EDITORS),
    "assessments:results": PageRule(assessment_round, RESULTS),
    "assessments:form": PageRule(assessment_round, EDITORS),
    "assessments:answers": PageRule(assessments.round_with_answers_kwargs, EDITORS),
    "assessments:import": PageRule(assessment_round, EDITORS, EDITORS),
    "assessments:answer": PageRule(assessment_round, RESPONDENT, RESPONDENT),
    # statistics (policy in mechelen/web/statistics/policy.py)
    "statistics:overview": PageRule(city_slug, INTERNAL),
    "statistics:upload": PageRule(city_slug, STEWARD, STEWARD),
    "statistics:map": PageRule(stats.upload_kwargs, STEWARD, STEWARD),
    "statistics:job": PageRule(stats.job_kwargs, STEWARD),
    "statistics:dataset": PageRule(stats.dataset_kwargs, INTERNAL),
    "statistics:rejected_rows": PageRule(stats.dataset_kwargs, STEWARD),
    "statistics:release_new": PageRule(city_slug, STEWARD, STEWARD),
    "statistics:release": PageRule(stats.draft_kwargs, INTERNAL),
    "statistics:release_edit": PageRule(stats.draft_kwargs, STEWARD, STEWARD),
    "statistics:release_submit": PageRule(stats.draft_kwargs, None, STEWARD),
    "statistics:release_approve": PageRule(stats.submitted_kwargs, None, ADMIN),
    "statistics:release_reject": PageRule(stats.submitted_kwargs, None, ADMIN),
    "statistics:release_table": PageRule(stats.draft_table_kwargs, INTERNAL),
    "statistics:release_file": PageRule(stats.draft_file_kwargs, INTERNAL),
    "statistics:figures": PageRule(city_slug, PROVIDER | ADMIN | STEWARD),
    "statistics:figure_new": PageRule(city_slug, PROVIDER, PROVIDER),
    "statistics:figure_edit": PageRule(stats.figure_kwargs, PROVIDER, PROVIDER),
    "public_statistics:release": PageRule(stats.published_kwargs, PUBLIC),
    "public_statistics:table": PageRule(stats.published_table_kwargs, PUBLIC),
    "public_statistics:file": PageRule(stats.published_file_kwargs, PUBLIC),
    # follow-up (policy in mechelen/web/followup/policy.py)
    "followup:indicators": PageRule(city_slug, INTERNAL),
    "followup:indicator_add": PageRule(city_slug, EDITORS, EDITORS),
    "followup:indicator_custom": PageRule(city_slug, EDITORS, EDITORS),
    "followup:indicator_import": PageRule(city_slug, EDITORS, EDITORS),
    "followup:indicator": PageRule(followup.indicator_kwargs, INTERNAL),
    "followup:indicator_edit": PageRule(followup.indicator_kwargs, EDITORS, EDITORS),
    "followup:indicator_remove": PageRule(followup.indicator_kwargs, None, EDITORS),
    "followup:value_add": PageRule(followup.indicator_kwargs, EDITORS, EDITORS),
    "followup:value_remove": PageRule(followup.value_kwargs, None, EDITORS),
    "followup:fill": PageRule(followup.indicator_kwargs, EDITORS, EDITORS),
    "followup:override": PageRule(followup.indicator_kwargs, EDITORS, EDITORS),
    "followup:override_clear": PageRule(followup.indicator_kwargs, None, EDITORS),
    "followup:commitments": PageRule(city_slug, INTERNAL),
    "followup:evidence": PageRule(followup.private_commitment_kwargs, INTERNAL, EDITORS),
    "followup:evidence_remove": PageRule(followup.private_evidence_kwargs, None, EDITORS),
    "followup:evidence_file": PageRule(followup.private_evidence_kwargs, INTERNAL),
    "followup:change": PageRule(city_slug, RESULTS, EDITORS),
    "followup:change_round": PageRule(followup.later_round_kwargs, RESULTS),
    "public_followup:evidence_file": PageRule(followup.public_evidence_kwargs, PUBLIC),
    "public_followup:export": PageRule(followup.export_kwargs, PUBLIC),
    "network_followup:export": PageRule(followup.network_export_kwargs, PUBLIC),
    # reports (policy in mechelen/web/reports/policy.py)
    "reports:city": PageRule(city_slug, RESULTS),
    "reports:city_file": PageRule(city_slug, RESULTS),
    "reports:public_city": PageRule(city_slug, PUBLIC),
    "reports:network": PageRule(network_slug, PUBLIC),
}

#: URL names that are not pages of the platform (tested elsewhere)
NOT_PAGES = {"set_language"}

#: An allowed call must answer the page (200) or a redirect other than to the login page;
#: these calls may also answer 404 to an allowed caller, for the reason given.
NOT_FOUND_IS_RIGHT: dict[tuple[str, str], str] = {
    ("accounts:token_revoke", "post"): (
        "a person revokes only their own tokens; the matrix's token is the outsider's, so for "
        "every other caller it does not exist"
    ),
}

#: pages whose refusal is a 404, so that nobody learns what exists, and why
REFUSED_AS_NOT_FOUND: dict[str, str] = {
    "accounts:invitation_answer": (
        "an invitation addressed to someone's account does not exist for anyone else"
    ),
}
