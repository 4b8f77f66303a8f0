"""The built-in Mechelen 2017 framework holds what the later parts of the platform need."""

from __future__ import annotations

from mechelen.core.framework.model import Framework

REQUIRED_SDG = {"10.7", "10.7.2", "10.c", "8.8", "11.1", "16.9", "17.18"}


def test_every_commitment_of_the_annex_is_there(framework: Framework) -> None:
    assert [c.paragraph for c in framework.commitments] == list(range(17, 45))


def test_six_themes_cover_paragraphs_17_to_44(framework: Framework) -> None:
    assert len(framework.themes) == 6
    covered = [p for t in framework.themes for p in range(t.first_paragraph, t.last_paragraph + 1)]
    assert covered == list(range(17, 45))
    assert all(framework.theme(c.theme_id).holds(c.paragraph) for c in framework.commitments)


def test_paragraph_50_structure(framework: Framework) -> None:
    assert [d.id for d in framework.dimensions] == [
        "institutional-capacity",
        "policy-coherence",
        "policy-comprehensiveness",
    ]
    assert len(framework.sectors) == 9
    assert [s.letter for s in framework.sectors] == list("abcdefghi")
    groups = {g.id for g in framework.stakeholder_groups}
    assert {"national-government", "regional-government", "local-government"} <= groups
    assert {"civil-society", "migrant-diaspora-associations", "private-sector"} <= groups
    assert {"academia", "international-organisations"} <= groups
    assert [m.paragraph for m in framework.means] == list(range(45, 54))


def test_four_roles_of_paragraph_16(framework: Framework) -> None:
    assert [r.id for r in framework.roles] == ["origin", "transit", "destination", "return"]


def test_maturity_scale_is_0_to_4_described_in_words(framework: Framework) -> None:
    for dimension in framework.dimensions:
        assert [lvl.score for lvl in dimension.levels] == [0, 1, 2, 3, 4]
        assert all(
            lvl.description.has("en") and lvl.description.has("fr") for lvl in dimension.levels
        )
    assert framework.max_score == 4
    assert framework.max_urgency == 4


def test_crosswalk_reaches_gcm_sdg_and_nua(framework: Framework) -> None:
    gcm = [r for r in framework.references if r.scheme == "gcm"]
    assert [r.code for r in gcm] == [str(n) for n in range(1, 24)]
    sdg = {r.code for r in framework.references if r.scheme == "sdg"}
    assert sdg >= REQUIRED_SDG
    for commitment in framework.commitments:
        schemes = {link.scheme for link in commitment.crosswalk}
        assert schemes == {"gcm", "sdg", "nua"}, commitment.id
    for sector in framework.sectors:
        assert {link.scheme for link in sector.crosswalk} >= {"gcm", "sdg"}, sector.id
    linked = {link.target for c in framework.commitments for link in c.crosswalk}
    assert {f"sdg:{code}" for code in REQUIRED_SDG} <= linked | {
        link.target for s in framework.sectors for link in s.crosswalk
    }


def test_team_judgement_is_marked_and_paragraph_36_states_sdg_8_8(framework: Framework) -> None:
    p36 = next(c for c in framework.commitments if c.paragraph == 36)
    assert any(link.target == "sdg:8.8" and link.basis == "stated" for link in p36.crosswalk)
    bases = {link.basis for c in framework.commitments for link in c.crosswalk}
    assert bases == {"stated", "judgement"}


def test_all_texts_exist_in_english_and_french(framework: Framework) -> None:
    texts = [framework.title, framework.source]
    texts += [t.label for t in framework.themes]
    texts += [x for c in framework.commitments for x in (c.title, c.summary)]
    texts += [x for m in framework.means for x in (m.title, m.summary)]
    texts += [x for d in framework.dimensions for x in (d.label, d.question, d.description)]
    texts += [s.label for s in framework.sectors] + [g.label for g in framework.stakeholder_groups]
    texts += [d.reason for d in framework.dependencies] + [r.title for r in framework.references]
    assert all(t.has("en") and t.has("fr") and t.has("es") for t in texts)


def test_identity_documents_gate_education_shelter_and_justice(framework: Framework) -> None:
    blocked = {d.blocked for d in framework.dependencies if d.blocker == "identity-documents"}
    assert blocked == {"education", "shelter", "access-to-justice"}
    assert all(d.reason.has("en") for d in framework.dependencies)


def test_questions_name_their_sector(framework: Framework) -> None:
    dimension = framework.dimension("policy-coherence")
    assert dimension.question_for("Éducation", "fr").startswith("Éducation :")
