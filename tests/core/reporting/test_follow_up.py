"""The follow-up report model: grouping by GCM/SDG/NUA, order, findings, change, coverage."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mechelen.core.framework.model import Framework
from mechelen.core.indicators import ProgressStatus
from mechelen.core.reporting.follow_up import (
    CommitmentEntry,
    CoverageRow,
    IndicatorEntry,
    RoundSummary,
    assessment_section,
    build_follow_up_report,
    group_by_reference,
    with_needs,
)
from mechelen.core.reporting.follow_up.grouping import natural_key
from tests.core.reporting.follow_up_fixtures import (
    PLACE,
    assessment,
    commitments,
    coverage,
    follow_up_report,
    indicators,
)


def _group(report_groups, key):  # type: ignore[no-untyped-def]
    for scheme in report_groups:
        for group in scheme.groups:
            if group.key == key:
                return group
    return None


def test_groups_by_gcm_sdg_and_nua_from_crosswalk_and_served_items(framework: Framework) -> None:
    groups = group_by_reference(framework, commitments(), indicators())
    assert [s.scheme for s in groups] == ["gcm", "sdg", "nua"]
    # §31 links to gcm:16 in the crosswalk; the language-course indicator serves it too
    gcm16 = _group(groups, "gcm:16")
    assert [c.key for c in gcm16.commitments] == ["p31"]
    assert [i.indicator_id for i in gcm16.indicators] == ["language-course-participation"]
    assert gcm16.reference.title.get("en")  # the framework's title of the objective
    # §23 (planned) serves sdg:10.3 with the service-access gap
    sdg103 = _group(groups, "sdg:10.3")
    assert [c.key for c in sdg103.commitments] == ["p23"]
    assert [i.indicator_id for i in sdg103.indicators] == ["service-access-gap"]
    social = _group(groups, "nua:social-inclusion")
    assert {c.key for c in social.commitments} == {"p23", "p31"}
    # the city's own commitment has no crosswalk: it is in no group
    assert all(c.key != "own-1" for scheme in groups for g in scheme.groups for c in g.commitments)
    # nothing serves gcm:2: no empty group
    assert _group(groups, "gcm:2") is None


def test_groups_follow_the_framework_order_then_natural_order(framework: Framework) -> None:
    groups = group_by_reference(framework, commitments(), indicators())
    gcm = [g.reference.code for g in groups[0].groups]
    assert gcm == sorted(gcm, key=int)
    assert natural_key("10.c") > natural_key("10.7") and natural_key("17.18") > natural_key("17.2")


def test_sectors_join_the_groups_of_their_crosswalk(framework: Framework) -> None:
    sector = framework.sectors[0]
    groups = group_by_reference(framework, (), (), [sector.id])
    keys = {g.key for s in groups for g in s.groups}
    assert keys == {link.target for link in sector.crosswalk}


def test_report_is_the_same_whatever_the_input_order(framework: Framework) -> None:
    first = follow_up_report(framework)
    again = build_follow_up_report(
        framework,
        PLACE,
        "internal",
        tuple(reversed(commitments())),
        tuple(reversed(indicators())),
        tuple(reversed(coverage())),
        first.assessment,
    )
    assert again.commitments == first.commitments
    assert again.indicators == first.indicators
    assert again.by_scheme == first.by_scheme
    assert again.findings == first.findings
    # Declaration commitments by paragraph, then the city's own
    assert [c.key for c in first.commitments] == ["p17", "p23", "p31", "own-1"]
    # followed indicators worst first, context ones last
    assert [i.indicator_id for i in first.indicators] == [
        "service-access-gap",
        "language-course-participation",
        "foreign-born-share",
    ]


def test_findings(framework: Framework) -> None:
    report = follow_up_report(framework)
    codes = {f.code: f for f in report.findings}
    assert codes["report.F001"].params == {"achieved": 1, "total": 4, "in_progress": 1}
    assert codes["report.F002"].params["titles"] == ("Data",)
    assert codes["report.F004"].params == {"good": 1, "total": 2}
    assert codes["report.F005"].params["labels"] == ("Gap in access to a service",)
    assert (
        codes["report.F006"].params["sector"] == report.assessment.results.priorities[0].sector_id
    )  # type: ignore[union-attr]
    assert "report.F007" in codes
    assert codes["report.F008"].params["missing"] == 2 and codes["report.F008"].tone == "concern"
    empty = build_follow_up_report(framework, PLACE, "public", (), ())
    assert [f.code for f in empty.findings] == ["report.F003"]


def test_the_summary_says_how_many_good_statuses_were_set_by_hand(framework: Framework) -> None:
    first, gap, context = indicators()
    by_hand = replace(
        gap, status=ProgressStatus.ON_TRACK, override_by="coordinator", override_on=date(2025, 3, 1)
    )
    report = build_follow_up_report(
        framework, PLACE, "internal", commitments(), (first, by_hand, context)
    )
    codes = {f.code: f for f in report.findings}
    assert "report.F004" not in codes
    assert codes["report.F010"].params == {"good": 2, "total": 2, "by_hand": 1}


def test_coverage_names_the_indicators_that_need_a_breakdown(framework: Framework) -> None:
    report = follow_up_report(framework)
    rows = {r.disaggregation: r for r in report.coverage}
    assert rows["geography"].needed_by == (
        "Language-course participation of newcomers",
        "Foreign-born residents",
    )
    assert rows["duration_of_stay"].needed_by == ()
    assert not rows["geography"].available


def test_coverage_counts_the_dimensions_an_indicator_s_figures_come_from() -> None:
    participation = IndicatorEntry(
        "language-course-participation",
        "Language-course participation",
        "per 1,000 newcomers",
        "higher-is-better",
        disaggregations=("sex",),
        source_dimensions=("geography", "birth_status", "duration_of_stay"),
    )
    rows = with_needs(
        (
            CoverageRow(
                "country_of_birth",
                "Country of birth",
                False,
                given_by=("country_of_birth", "birth_status"),
            ),
            CoverageRow("duration_of_stay", "Duration of stay", False),
            CoverageRow("geography", "Parts of the area", False, given_by=("geography",)),
            CoverageRow("citizenship", "Citizenship", True, given_by=("citizenship_status",)),
        ),
        (participation,),
    )
    needed = {r.disaggregation: r.needed_by for r in rows}
    assert needed["country_of_birth"] == ("Language-course participation",)
    assert needed["duration_of_stay"] == ("Language-course participation",)
    # every table has a geography; only a breakdown by parts of the area asks for them
    assert needed["geography"] == () and needed["citizenship"] == ()


def test_change_against_the_baseline_round(framework: Framework) -> None:
    before, after = assessment(framework, 1), assessment(framework, 2, shift=1)
    section = assessment_section(
        RoundSummary("Second", date(2024, 1, 1), after), RoundSummary("First", None, before)
    )
    assert len(section.changes) == len(framework.sectors) * len(framework.dimensions)
    cell = section.changes[0]
    expected = after.aggregate.cells[0].consensus - before.aggregate.cells[0].consensus  # type: ignore[operator]
    assert cell.delta == expected
    alone = assessment_section(RoundSummary("Only", None, after))
    assert alone.baseline is None and alone.changes == ()


def test_unknown_commitment_state_reads_as_planned(framework: Framework) -> None:
    odd = replace(commitments()[0], status="something-else")
    report = build_follow_up_report(framework, PLACE, "internal", (odd,), ())
    assert report.commitments[0].status == "planned"


def test_context_indicators_are_never_judged(framework: Framework) -> None:
    report = follow_up_report(framework)
    assert [i.indicator_id for i in report.context] == ["foreign-born-share"]
    assert all(i.status is None for i in report.context)
    assert ProgressStatus.MOVING_AWAY in {i.status for i in report.followed}


def test_own_commitment_entry() -> None:
    assert not CommitmentEntry("own", "Desk", "planned").from_declaration
