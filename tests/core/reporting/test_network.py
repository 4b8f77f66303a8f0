"""The network's picture: endorsements by country, commitments taken and achieved, shared results."""

from __future__ import annotations

from datetime import date

from mechelen.core.framework.model import Framework
from mechelen.core.reporting.follow_up import CommitmentEntry, Place
from mechelen.core.reporting.follow_up.network import (
    CityValue,
    IndicatorAcross,
    Member,
    build_network_report,
)
from tests.core.reporting.follow_up_fixtures import assessment


def _members() -> list[Member]:
    return [
        Member("gent", Place("Gent", "BEL", endorsed_on=date(2018, 6, 20))),
        Member("lyon", Place("Lyon", "FRA")),
        Member("antwerpen", Place("Antwerpen", "BEL", fictional=True)),
    ]


def test_network_report(framework: Framework) -> None:
    commitments = {
        "gent": [
            CommitmentEntry("p17", "", "achieved", paragraph=17),
            CommitmentEntry("p31", "", "dropped", paragraph=31),
        ],
        "lyon": [
            CommitmentEntry("p17", "", "in_progress", paragraph=17),
            CommitmentEntry("p31", "", "achieved", paragraph=31),
        ],
        "antwerpen": [CommitmentEntry("p17", "", "achieved", paragraph=17)],
        "outsider": [CommitmentEntry("p44", "", "achieved", paragraph=44)],
    }
    shared = {"gent": assessment(framework, 1), "outsider": assessment(framework, 3)}
    values = IndicatorAcross(
        "x", "X", "%", (CityValue("Lyon", 2022, 3.0), CityValue("Gent", 2021, 2.0))
    )
    report = build_network_report(
        framework,
        "Net",
        "",
        _members(),
        commitments,
        shared,
        [values, IndicatorAcross("y", "Y", "", ())],
    )
    assert [m.place.name for m in report.members] == ["Antwerpen", "Gent", "Lyon"]
    assert report.endorsed == 1 and report.fictional
    assert [(c.country, c.members, c.endorsed) for c in report.countries] == [
        ("BEL", 2, 1),
        ("FRA", 1, 0),
    ]
    tallies = {t.paragraph: (t.taken, t.achieved) for t in report.commitments}
    assert tallies == {17: (3, 2), 31: (1, 1)}  # dropped does not count; outsiders neither
    assert [t.paragraph for t in report.most_taken] == [17, 31]
    assert report.assessed == ("Gent",)  # only members' shared rounds
    assert all(s.cities == 1 for s in report.sectors)
    assert [i.indicator_id for i in report.indicators] == ["x"]
    assert [v.city for v in report.indicators[0].values] == ["Gent", "Lyon"]
