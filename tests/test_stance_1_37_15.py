"""Readings of stance 1.37.15 (2026-12-06): a reaction with which a decision, a plan or a work was
greeted, met or received, by or from people, is their position: vague for unnamed people ("was
greeted with dismay by several national federations", "met with derision from fans"), named for a
name or a definite body ("by the Bank of England", "from the opposition"), the kin of 1.37.13's
"drew criticism from rights groups". Traps: a greeting that reports no position ("a hug by her
mother", "heavy rain from the north") and a reaction not yet had ("could be met with anger")."""

from __future__ import annotations

import pytest

from tests.test_stance import found

V, N = "vague", "named"

STANCE_1_37_15 = [
    ("The decision was greeted with dismay by several national federations.",
     [("greeted with dismay by several national federations", "attribution", V)]),
    ("The plan was met with derision from fans.",
     [("met with derision from fans", "attribution", V)]),
    ("The budget was received with cautious relief by investors.",
     [("received with cautious relief by investors", "attribution", V)]),
    ("The plan was greeted with scepticism by the Bank of England.",
     [("greeted with scepticism by the Bank", "attribution", N)]),
    ("The budget was met with fury from the opposition.",
     [("met with fury from the opposition", "attribution", N)]),
    ("She was greeted with a hug by her mother.",
     []),
    ("The team was met with heavy rain from the north.",
     []),
    ("The plan could be met with anger from farmers.",
     [("could", "hedge", "modal")]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), STANCE_1_37_15, ids=lambda x: str(x)[:40])
def test_stance_1_37_15(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(sentence) == expected


def test_terms_is_a_noun_not_a_label_verb() -> None:
    """Stance 1.37.16: 1.37.13's row of labels read "terms" as the verb "term" ("sentenced 14
    activists to prison terms": a vague source that gave the count 14 a source in the figures
    table); "termed" stays a label."""
    sentence = "The court sentenced 14 activists to prison terms of up to ten years."
    assert found(sentence) == []
    assert found("Critics termed it a betrayal.") == [("Critics termed", "attribution", V)]
