"""Time the joint initial assessment at scale; prints figures, asserts nothing.

    .venv/bin/python bench/bench_assessment.py [--respondents 200]

Each step runs twice: once timed, once under tracemalloc for its peak Python memory.
Measures (1) writing and reading back a form with many respondent sheets, (2) aggregation and
priorities in the core for many respondents, against a baseline in the same process: a plain
per-cell loop over all answers with no group weighting (what a spreadsheet formula would do).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from statistics import fmean
from typing import Any

from mechelen.core.assessment.questionnaire import build_questionnaire
from mechelen.core.assessment.responses import Answer, Respondent, Responses
from mechelen.core.reporting.assessment_report import build_assessment_report
from mechelen.engine.assessment.answers_reader import read_answers
from mechelen.engine.assessment.template import FilledRespondent, write_form
from mechelen.engine.framework import load_framework


def measure(label: str, work: Callable[[], Any]) -> tuple[float, Any]:
    """Run ``work`` once for its time, then once under tracemalloc for its peak memory."""
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"{label:<58} {seconds:8.3f} s   peak {peak:7.1f} MiB")
    return seconds, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--respondents", type=int, default=200, help="respondent sheets in the form"
    )
    parser.add_argument(
        "--core-respondents", type=int, default=20000, help="respondents for the core run"
    )
    args = parser.parse_args()
    framework = load_framework()
    questions = build_questionnaire(framework)
    groups = [g.id for g in framework.stakeholder_groups]
    rng = random.Random(2017)

    people = [
        FilledRespondent(
            f"R{i}", rng.choice(groups), {q.id: (rng.randint(0, 4), "") for q in questions}
        )
        for i in range(args.respondents)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "form.xlsx"
        measure(
            f"write form, {args.respondents} respondent sheets",
            lambda: write_form(framework, path, "en", people),
        )
        measure(
            f"read form back, {args.respondents * len(questions)} answers",
            lambda: read_answers(framework, [path]),
        )

    n = args.core_respondents
    respondents = tuple(Respondent(f"r{i}", f"r{i}", rng.choice(groups)) for i in range(n))
    answers = tuple(
        Answer(r.id, q.id, rng.choice([None, 0, 1, 2, 3, 4]))
        for r in respondents
        for q in questions
    )
    responses = Responses(respondents, answers)

    def baseline() -> dict[str, float]:
        cells: dict[str, list[int]] = defaultdict(list)
        for answer in answers:
            if answer.score is not None:
                cells[answer.question_id].append(answer.score)
        return {question: fmean(scores) for question, scores in cells.items()}

    base, _ = measure(f"baseline: plain mean per question, {len(answers)} answers", baseline)
    ours, report = measure(
        f"aggregate + priorities + order of work, {len(answers)} answers",
        lambda: build_assessment_report(framework, responses),
    )
    print(
        f"ratio to baseline: {ours / base:.2f}x  (first priority: {report.priorities[0].sector_id})"
    )


if __name__ == "__main__":
    main()
