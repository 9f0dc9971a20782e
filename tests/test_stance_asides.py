"""An aside that says when, where or by whom a source was made public is read as a relative
clause is (2026-12-06, from an analyst's check and a review of stance 1.37.12): "The bank's annual
report, published in March, shows that" names the bank's report as "The bank's annual report shows
that" does, and "A report, published on Monday, says" is the vague "A report says". Not after
people, who are released too ("The prisoners, released on Friday, said": the writer's reading of
"The prisoners said"), and not an aside of another kind."""

from __future__ import annotations

import pytest

from pipeline.stance_clauses import relative_clauses
from tests.test_stance import found

V, N = "vague", "named"

ASIDES = [
    ("The bank's annual report, published in March, shows that bad loans fell.",
     [("report, published in March, shows", "attribution", N), ("shows that", "booster", "verb")]),
    ("A report, published on Monday, says that sea levels could rise.",
     [("A report, published on Monday, says", "attribution", V), ("could", "hedge", "modal")]),
    ("An internal review, completed in January, found that managers ignored complaints.",
     [("An internal review, completed in January, found", "attribution", V)]),
    # people are released too: the aside is not read as a source's publication
    ("The prisoners, released on Friday after six years, said they had been beaten.",
     [("said", "attribution", N)]),
    ("The hostage, released on Tuesday, told reporters he had been well treated.",
     [("told", "attribution", N)]),
    # an aside of another kind stays in the sentence
    ("The report, which runs to 300 pages, was published in March.", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), ASIDES, ids=lambda x: str(x)[:40])
def test_published_asides(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(sentence) == expected


def test_a_published_aside_is_a_clause_only_after_no_person() -> None:
    text = (
        "The figures, released by the office on Friday, showed it; the men, released on bail, ran"
    )
    assert [text[a:b] for a, b in relative_clauses(text, 0, len(text), [])] == [
        ", released by the office on Friday,"
    ]
