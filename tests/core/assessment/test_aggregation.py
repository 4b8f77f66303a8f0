"""Equal weight per stakeholder group; consensus, spread, disagreement and missing groups."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mechelen.core.assessment.aggregation import aggregate
from mechelen.core.assessment.responses import Answer, Respondent, Responses
from tests.core.assessment.frameworks import make_framework

FRAMEWORK = make_framework(["s"], groups=["g1", "g2", "g3"], dimensions=["d"])
QUESTION = "s/d"

# a group's answers to the one question: each respondent's score (None = left blank)
group_answers = st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=1, max_size=6)
answers_by_group = st.dictionaries(st.sampled_from(["g1", "g2", "g3"]), group_answers, min_size=1)


def responses(by_group: dict[str, list[int | None]], copies: int = 1) -> Responses:
    respondents, answers = [], []
    for group, scores in by_group.items():
        for copy in range(copies):
            for index, score in enumerate(scores):
                rid = f"{group}-{copy}-{index}"
                respondents.append(Respondent(rid, rid, group))
                answers.append(Answer(rid, QUESTION, score))
    return Responses(tuple(respondents), tuple(answers))


def test_worked_example_each_group_weighs_the_same() -> None:
    # g1 has three respondents (4, 4, 4), g2 one (0): the consensus is 2, not 3
    result = aggregate(FRAMEWORK, responses({"g1": [4, 4, 4], "g2": [0]}))
    cell = result.cell("s", "d")
    assert cell.consensus == 2.0
    assert cell.group_scores == {"g1": 4.0, "g2": 0.0}
    assert cell.spread == 4.0 and cell.disagreement
    assert cell.missing_groups == ("g3",)
    assert (cell.answered, cell.blank) == (4, 0)


def test_spread_below_two_levels_is_not_a_disagreement() -> None:
    cell = aggregate(FRAMEWORK, responses({"g1": [3], "g2": [2, 1]})).cell("s", "d")
    assert cell.spread == 1.5 and not cell.disagreement


def test_blanks_are_counted_not_scored() -> None:
    cell = aggregate(FRAMEWORK, responses({"g1": [None, 2], "g2": [None]})).cell("s", "d")
    assert cell.consensus == 2.0
    assert cell.blank == 2 and cell.answered == 1
    assert cell.missing_groups == ("g2", "g3")


@given(answers_by_group, st.integers(2, 5))
def test_group_weighting_is_independent_of_respondent_counts(
    by_group: dict[str, list[int | None]], copies: int
) -> None:
    once = aggregate(FRAMEWORK, responses(by_group)).cell("s", "d")
    many = aggregate(FRAMEWORK, responses(by_group, copies)).cell("s", "d")
    assert once.consensus == many.consensus
    assert once.group_scores == many.group_scores


@given(answers_by_group, st.sampled_from(["g1", "g2", "g3"]), st.integers(1, 5))
def test_adding_respondents_who_agree_with_their_group_changes_nothing(
    by_group: dict[str, list[int | None]], group: str, extra: int
) -> None:
    scores = [s for s in by_group.get(group, []) if s is not None]
    if not scores or len(set(scores)) != 1:
        return
    bigger = {**by_group, group: by_group[group] + [scores[0]] * extra}
    before = aggregate(FRAMEWORK, responses(by_group)).cell("s", "d").consensus
    after = aggregate(FRAMEWORK, responses(bigger)).cell("s", "d").consensus
    assert before == after


@given(answers_by_group)
def test_the_score_of_a_cell_lies_within_the_answers_given(
    by_group: dict[str, list[int | None]],
) -> None:
    cell = aggregate(FRAMEWORK, responses(by_group)).cell("s", "d")
    given_scores = [s for scores in by_group.values() for s in scores if s is not None]
    if not given_scores:
        assert cell.consensus is None and cell.spread is None
        return
    assert cell.consensus is not None
    assert min(given_scores) <= cell.consensus <= max(given_scores)
    assert cell.disagreement == (cell.spread is not None and cell.spread >= 2)
    assert set(cell.missing_groups) | set(cell.group_scores) == {"g1", "g2", "g3"}
