"""Readings of stance 1.37.12 (2026-12-06), from an analyst's check on two articles of their own
('Its annual report ... shows that 23 per cent' gave the figure no source): an organisation's
document before its verb is named with 'its' alone, as with 'own' or a possessor's name; the
vague row of 'research shows that' is not read after a possessive ('His own research shows that'
was vague). Traps: the idiom 'shows its age', 'their' without 'own' (the critics' analysis may be
meant), a document with no owner."""

from __future__ import annotations

import pytest

from tests.test_stance import found

V, N = "vague", "named"
B = ("shows that", "booster", "verb")

STANCE_1_37_12 = [
    ("Its annual report shows that the retailer closed 14 stores.",
     [("report shows", "attribution", N), B]),
    ("Its latest figures show that demand rose.",
     [("figures show", "attribution", N), ("show that", "booster", "verb")]),
    ("His own research shows that the policy failed.", [("research shows", "attribution", N), B]),
    ("The council's research shows that the policy failed.",
     [("research shows", "attribution", N), B]),
    ("Research shows that the policy failed.",
     [("Research shows that", "attribution", V), ("Research shows that", "booster", "verb")]),
    ("Its report shows its age, with half the links now dead.", []),
    ("The annual report shows that costs rose.", [B]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), STANCE_1_37_12, ids=lambda x: str(x)[:40])
def test_stance_1_37_12(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(sentence) == expected
