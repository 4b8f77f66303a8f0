"""The web apps talk through a few public entry points, never through each other's insides.

Every app offers the others its ``models`` (its domain) and its ``policy`` (who may see and do
what), and the few public modules listed in ``PUBLIC`` (a lookup of what a URL names, a
registry other apps add to, the signals it sends, a service such as the invitations). Its
views, urls, forms, actions and every other module are its insides: an app that needs one of
them needs a public entry point instead (or an event, like ``tenancy.signals``).

Two apps have no domain of their own and are faces of the others (``FACES``): the API answers
over JSON what every app's pages do, and the demo loads its content as people would. They may
use what a page uses (actions, forms, lookups) but never a page itself (views, urls).

Apps depend one way: no two apps import each other, even through others (tenancy, the base of
all, imports none of the apps built on it), but for the audit log (``MUTUAL``).

"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
WEB = SRC / "mechelen" / "web"

#: what every app offers the others
EVERY_APP_OFFERS = frozenset({"models", "policy"})

#: each app's public modules beyond its models and policy (paths inside the app)
PUBLIC: dict[str, frozenset[str]] = {
    "accounts": frozenset(),
    "assessments": frozenset(
        {
            "lookup",  # the round a URL names
            "reading",  # a round's results as the core computes them
        }
    ),
    "audit": frozenset({"log"}),  # every write records in the audit log
    "commitments": frozenset(),
    "followup": frozenset(
        {
            "report.city",  # the city's follow-up read once into the core's report model
            "report.network",  # the same for a network's members
        }
    ),
    "jobs": frozenset({"runner"}),  # other apps register kinds of jobs and enqueue them
    "portal": frozenset(
        {
            "sections",  # other apps add sections, figures and charts to the public pages
            "charts",  # the public pages' charts, which the apps' figures are drawn with
        }
    ),
    "reports": frozenset(),
    "statistics": frozenset(
        {
            "releases.published",  # reading the tables of a published release
            "events",  # what statistics announces (a release published), for others to hear
        }
    ),
    "tenancy": frozenset(
        {
            "roles",
            "access",  # a person's roles, read once per request
            "scoping",  # the organisation or network a page or an API call names
            "workspace_links",  # other apps add links to an organisation's workspace
            "next_steps",  # other apps add what a person should do next to their home
            "signals",  # an invitation accepted
            "members.invitations",  # the one way into an organisation (assessments, accounts)
            "organisations.registration",  # the sign-up page of accounts registers with it
        }
    ),
}

#: apps without a domain of their own, over every other app's (see the module's text)
FACES = frozenset({"api", "demo"})
#: what even a face may not import of another app
PAGES = frozenset({"views", "urls"})

#: app -> app it imports although that one imports it too, and why
MUTUAL: dict[tuple[str, str], str] = {
    ("audit", "tenancy"): "an entry of the log belongs to an organisation; tenancy writes too",
}


@dataclass(frozen=True)
class Crossing:
    """``path`` (of app ``app``) imports ``module`` of app ``other``."""

    path: str
    app: str
    other: str
    module: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.app, f"{self.other}.{self.module}")

    def rule_broken(self) -> str | None:
        """Why this import breaks the apps' boundaries, or None when it may be."""
        parts = self.module.split(".")
        if parts == ["__init__"]:
            return f"{self.other}'s package itself offers nothing: import its public modules"
        if any(p.startswith("_") for p in parts):
            return f"{self.other}.{self.module} is private to {self.other}"
        if self.other in FACES:
            return f"{self.other} is a face of the other apps, which never import it"
        if self.app in FACES:
            if PAGES.isdisjoint(parts):
                return None
            return f"{self.other}.{self.module} is a page of {self.other}: not even {self.app} uses one"
        offered = EVERY_APP_OFFERS | PUBLIC.get(self.other, frozenset())
        if self.module in offered:
            return None
        return (
            f"{self.other}.{self.module} is inside {self.other}, which offers other apps only "
            f"{', '.join(sorted(offered))}"
        )


def web_apps(web: Path = WEB) -> list[str]:
    return sorted(p.name for p in web.iterdir() if (p / "apps.py").is_file())


def _module_of(name: str, web: Path) -> str:
    """The longest prefix of the dotted ``name`` that is a module or package under ``web``."""
    parts = name.split(".")[2:]  # after mechelen.web
    while parts:
        where = web.joinpath(*parts)
        if where.with_suffix(".py").is_file() or where.is_dir():
            break
        parts.pop()
    return ".".join(parts)


def imported_names(path: Path) -> set[str]:
    """The absolute ``mechelen.web`` names ``path`` imports: ``import X`` as ``X``, and
    ``from X import y`` as ``X.y`` (a module ``y``, or a name of module ``X``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: a relative import (write it absolute)"
            if node.module:
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {n for n in names if n.startswith("mechelen.web.")}


def crossings(web: Path = WEB) -> list[Crossing]:
    """Every import of one app's module by another app, inside ``web``."""
    apps = set(web_apps(web))
    found: set[Crossing] = set()
    for path in sorted(web.rglob("*.py")):
        app = path.relative_to(web).parts[0]
        if app not in apps:
            continue
        for name in imported_names(path):
            module = _module_of(name, web)
            other, _, inside = module.partition(".")
            if other in apps and other != app:
                # a name of the app's package itself is one of its insides too
                where = str(path.relative_to(web.parent.parent))
                found.add(Crossing(where, app, other, inside or "__init__"))
    return sorted(found, key=lambda c: (c.path, c.other, c.module))


def broken(web: Path = WEB) -> list[str]:
    return [
        f"{c.path} imports {c.other}.{c.module}: {reason}"
        for c in crossings(web)
        if (reason := c.rule_broken()) is not None
    ]


def test_apps_import_only_each_other_s_public_entry_points() -> None:
    found = broken()
    assert not found, "imports across the web apps' boundaries:\n" + "\n".join(found)


def app_imports(web: Path = WEB) -> dict[str, set[str]]:
    """Which apps each app imports, leaving out ``MUTUAL``."""
    found: dict[str, set[str]] = {app: set() for app in web_apps(web)}
    for c in crossings(web):
        if (c.app, c.other) not in MUTUAL:
            found[c.app].add(c.other)
    return found


def circles(imports: dict[str, set[str]]) -> list[list[str]]:
    """The groups of apps that import each other, directly or through others."""

    def reached(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for other in imports.get(todo.pop(), set()) - seen:
                seen.add(other)
                todo.append(other)
        return seen

    reach = {app: reached(app) for app in imports}
    groups = {frozenset({a} | {b for b in reach[a] if a in reach[b]}) for a in imports}
    return sorted(sorted(g) for g in groups if len(g) > 1)


def test_apps_depend_one_way() -> None:
    found = circles(app_imports())
    assert not found, "apps that import each other: " + "; ".join(" <-> ".join(g) for g in found)


def test_the_circle_check_finds_a_circle_through_a_third_app() -> None:
    imports = {"tenancy": {"commitments"}, "commitments": {"followup"}, "followup": {"tenancy"}}
    assert circles(imports) == [["commitments", "followup", "tenancy"]]
    assert circles({"portal": {"tenancy"}, "tenancy": set()}) == []


def test_every_app_says_what_it_offers_the_others() -> None:
    """A new app is born with its public entry points written down here."""
    assert set(web_apps()) == set(PUBLIC) | FACES


def test_the_check_catches_views_actions_and_private_modules(tmp_path: Path) -> None:
    web = tmp_path / "mechelen" / "web"
    for app in ("tenancy", "portal", "api"):
        (web / app / "members").mkdir(parents=True)
        for module in ("apps", "models", "views", "actions", "_secret", "members/invitations"):
            (web / app / f"{module}.py").write_text("")
    (web / "portal" / "views.py").write_text(
        "from mechelen.web.tenancy import actions, models\n"
        "from mechelen.web.tenancy.views import workspace\n"
        "from mechelen.web.tenancy.members import invitations\n"
        "import mechelen.web.tenancy._secret\n"
        "from mechelen.web.tenancy import a_name_of_its_init\n"
    )
    (web / "api" / "views.py").write_text(
        "from mechelen.web.tenancy import actions\nfrom mechelen.web.portal.views import city\n"
    )
    found = broken(web)
    assert [line.split(": ")[0] for line in found] == [
        "mechelen/web/api/views.py imports portal.views",
        "mechelen/web/portal/views.py imports tenancy.__init__",
        "mechelen/web/portal/views.py imports tenancy._secret",
        "mechelen/web/portal/views.py imports tenancy.actions",
        "mechelen/web/portal/views.py imports tenancy.views",
    ]
    assert "which offers other apps only access, members.invitations," in found[3]
