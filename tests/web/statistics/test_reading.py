"""The statistics pages read as a city official or a member of the public would read them:
human titles, the protection said in words, technical details folded, the mapping as a
table, and a demo notice that says which content is fictional and which figures are not."""

from __future__ import annotations

import re

from django.urls import reverse
from django.utils import translation

from mechelen.web.demo.cities import STATBEL_MAPPING
from mechelen.web.statistics.datasets.columns import column_label, mapping_rows
from mechelen.web.statistics.models import Dataset, ReleaseStatus
from mechelen.web.statistics.releases.protection import protection_in_words
from mechelen.web.statistics.releases.published import table_view
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.statistics.factories import MAPPING, dataset_in, release_in

#: the demo's mapping of a city's Statbel rows
STATBEL = STATBEL_MAPPING.read_text(encoding="utf-8")


def folded(html: str, summary: str) -> str:
    """The content of the <details> whose summary is ``summary`` (empty when none)."""
    found = re.search(
        rf"<details[^>]*><summary>{re.escape(summary)}</summary>(.*?)</details>", html, re.S
    )
    return found.group(1) if found else ""


def outside_details(html: str) -> str:
    return re.sub(r"<details.*?</details>", "", html, flags=re.S)


def test_public_table_speaks_to_a_reader(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    slug = world.a.organisation.slug
    url = reverse("public_statistics:table", args=[slug, release.pk, "by-sex"])
    html = client_for(None).get(url).content.decode()

    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S)
    assert h1 is not None and h1.group(1).strip() == "Sex"  # no table id beside the title
    shown = outside_details(html)
    assert "by-sex" not in re.sub(r"<[^>]*>", " ", shown)  # in no text, links aside
    assert "key_range" not in shown and "threshold:" not in shown
    assert "Number of persons by area and sex." in html
    assert "every figure is slightly adjusted" in shown
    assert "may therefore differ from the sum of its parts by a few units" in shown
    assert "<dt>perturbed</dt><dd>slightly adjusted to protect privacy</dd>" in shown
    # every cell carries the same flag: no column repeats it on each row of the figures
    figures = re.search(r'<table class="usa-table figures">.*?</table>', html, re.S)
    assert figures is not None and "perturbed" not in figures.group(0)
    technical = folded(html, "Technical details")
    # the parameters as a readable table: name, value, meaning (the raw name kept small)
    assert "Range of the record keys" in technical and "<td>256</td>" in technical
    assert "Smallest count shown" in technical and "<td>3</td>" in technical
    assert '<small class="code">key_range</small>' in technical
    report = reverse("public_statistics:file", args=[slug, release.pk, "disclosure-report.json"])
    assert f'href="{report}"' in technical


def test_public_release_page_explains_the_protection(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    url = reverse("public_statistics:release", args=[world.a.organisation.slug, release.pk])
    html = client_for(None).get(url).content.decode()
    assert "How these figures protect privacy" in html
    assert "key_range" not in outside_details(html)
    technical = folded(html, "Technical details")
    assert "Citizenship status × Sex" in technical and "key_range" in technical


def test_demo_notice_on_figures_says_which_content_is_fictional(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    slug = world.a.organisation.slug
    urls = [
        reverse("public_statistics:release", args=[slug, release.pk]),
        reverse("public_statistics:table", args=[slug, release.pk, "by-sex"]),
    ]
    for url in urls:
        assert "Demo content" not in client_for(None).get(url).content.decode()
    world.a.organisation.fictional = True
    world.a.organisation.save()
    for url in urls:
        html = client_for(None).get(url).content.decode()
        assert "commitments and owners shown for this place are fictional, but not these" in html


def test_a_flag_column_only_when_the_flags_differ() -> None:
    cells = [
        {"key": {"geography": "_T", "sex": "_T"}, "value": 50, "flag": "perturbed"},
        {"key": {"geography": "_T", "sex": "F"}, "value": 30, "flag": "perturbed"},
        {"key": {"geography": "_T", "sex": "M"}, "value": None, "flag": "suppressed"},
    ]
    table = {"name": "by-sex", "dimensions": ["geography", "sex"], "cells": cells}
    assert table_view(table).flags_differ
    assert not table_view({**table, "cells": cells[:2]}).flags_differ


def test_protection_in_words_for_each_method() -> None:
    suppression = {
        "method": "suppression",
        "parameters": {"rules": {"min-frequency": {"threshold": 5, "protection": 2}}},
    }
    words = protection_in_words([suppression], ["observed", "suppressed"])
    assert "are hidden (—)" in words.notes[0]
    assert words.notes[1] == "Counts below 5 are not shown (—)."
    assert [flag for flag, _ in words.flags] == ["observed", "suppressed"]
    private = {
        "method": "differential-privacy",
        "parameters": {"threshold": 0},
        "information_loss": {"expected_absolute_error": 2.5},
    }
    with translation.override("fr"):
        notes = protection_in_words([private], ["perturbed"]).notes
    assert len(notes) == 1 and "2,5" in notes[0]
    assert protection_in_words([{"method": "none"}], ["observed"]).notes == [
        "These figures are published as counted, without adjustment."
    ]


def test_validation_page_shows_the_mapping_as_a_table(world: World) -> None:
    organisation = world.a.organisation
    dataset = dataset_in(organisation)
    Dataset.objects.filter(pk=dataset.pk).update(mapping_text=STATBEL)
    steward = client_for(world.a.users[Role.DATA_STEWARD])
    html = steward.get(reverse("statistics:dataset", args=[organisation.slug, dataset.pk]))
    text = html.content.decode()
    shown = outside_details(text)
    assert "TF_SOC_POP_STRUCT_2015" not in shown  # the YAML's comment, folded with it
    assert "keep_" not in shown and "geo_district" not in shown
    assert "<td><code>CD_SEX</code></td><td>Sex</td>" in shown
    assert "<td><code>CD_NATLTY</code></td><td>Citizenship</td>" in shown
    assert "Area (district)" in shown  # the standard columns, named for a reader
    assert "dataset: population-2015" in folded(text, "The mapping as YAML")


def test_mapping_rows_say_how_each_column_is_read() -> None:
    rows = {row.column: row for row in mapping_rows(STATBEL)}
    assert rows["CD_MUNTY_REFNIS"].reads_as == "Area code (municipality)"
    assert rows["TX_MUNTY_DESCR_NL"].reads_as == "Area name (municipality)"
    assert rows["CD_AGE"].how.startswith("in bands 0-14, 15-24, 25-34,")
    assert rows["CD_AGE"].how.endswith(", 75-84, 85+")
    assert rows["CD_NATLTY"].how == "values recoded: ETR → Other"
    assert rows["MS_POPULATION"].reads_as == "Number of persons in the row"
    assert mapping_rows("dataset: [unclosed") == []
    assert [row.column for row in mapping_rows(MAPPING)][:2] == ["district", "district_name"]
    kept = mapping_rows(MAPPING + "keep:\n  civil_status: civil\n")
    assert ("civil", "Civil status", "values kept unchanged") in [
        (row.column, row.reads_as, row.how) for row in kept
    ]
    assert column_label("keep_civil_status") == "Civil status (values kept unchanged)"
    assert column_label("geo_municipality") == "Area (municipality)"
