"""The API's documentation page runs from the site's own files, and the schema declares how
to authenticate.

Fails on 70a54e0: /api/docs loaded Swagger UI from cdn.jsdelivr.net (unpinned, without
integrity, blank offline) with an inline script, and the schema had no security scheme.
"""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from mechelen.web.api.api import api

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
LINK = re.compile(r"<link\b[^>]*\bhref=\"([^\"]+)\"")


def test_the_docs_page_uses_only_same_origin_files(db: Any) -> None:
    client = Client()
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.content.decode()
    sources = []
    for attributes, body in SCRIPT.findall(html):
        found = re.search(r'\bsrc="([^"]+)"', attributes)
        if found:
            sources.append(found.group(1))
            assert not body.strip()
        else:  # data for the page's script, never run
            assert 'type="application/json"' in attributes, attributes
    links = LINK.findall(html)
    assert any(s.endswith("swagger-ui-bundle.js") for s in sources)
    assert any(href.endswith("swagger-ui.css") for href in links)
    for url in sources + links:
        assert url.startswith("/") and not url.startswith("//"), url
        served = client.get(url)
        assert served.status_code == 200, url
        assert b"".join(served.streaming_content) if served.streaming else served.content
    assert "cdn." not in html and "https://" not in html


def test_the_schema_declares_the_bearer_scheme(db: Any) -> None:
    schema = Client().get("/api/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes == {
        "BearerToken": {**schemes["BearerToken"], "type": "http", "scheme": "bearer"}
    }
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            # the token, or nothing (a visitor, or the site's session)
            assert operation["security"] == [{"BearerToken": []}, {}], f"{method} {path}"


def test_the_schema_is_the_apis(db: Any) -> None:
    served = Client().get("/api/openapi.json").json()
    assert (
        served["components"]["securitySchemes"]
        == api.get_openapi_schema(path_prefix="/api/")["components"]["securitySchemes"]
    )


#: every operation of the API by router, as clients were generated with (the ids are
#: ``mechelen_web_api_<router>_<function>``)
OPERATIONS = {
    "assessment_rounds": {
        "answers_workbook",
        "close_round",
        "coverage",
        "invite",
        "list_invitations",
    },
    "assessments": {
        "list_rounds",
        "my_answers",
        "open_round",
        "replace_my_answers",
        "round_results",
    },
    "commitments": {"change_commitment", "create_commitment", "list_commitments"},
    "datasets": {"get_dataset", "ingest", "list_datasets", "list_uploads", "upload"},
    "evidence": {"add_evidence", "list_evidence", "remove_evidence"},
    "followup": {"add_value", "list_indicators"},
    "jobs": {"get_job", "list_jobs"},
    "members": {
        "audit_log",
        "change_role",
        "invite",
        "list_invitations",
        "list_members",
        "revoke_invitation",
        "take_role",
    },
    "organisations": {"change_profile", "get_organisation", "list_networks", "list_organisations"},
    "statistics": {
        "approve_release",
        "create_figure",
        "get_release",
        "list_figures",
        "list_releases",
        "reject_release",
        "submit_release",
    },
}


def test_operation_ids_keep_the_names_clients_were_generated_with() -> None:
    """Moving the routers into ``api/routers`` must not rename every method of a generated
    client (django-ninja names an operation after its module)."""
    ids = {
        operation["operationId"]
        for item in api.get_openapi_schema()["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    assert ids == {
        f"mechelen_web_api_{router}_{name}"
        for router, names in OPERATIONS.items()
        for name in names
    }
