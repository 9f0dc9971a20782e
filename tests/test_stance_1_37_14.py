"""Readings of stance 1.37.14 (2026-12-06): a speaker who points to or cites evidence is a source
(the sixteenth session's analyst: "He pointed to a £48 million programme" gave its figure none),
named or unnamed as the speaker is; a document or evidence that "points to" a conclusion hedges,
as "indicates" does. Traps: pointing at a door, an arrow or a road sign, "cited for speeding" or
"for bravery", a report's references, "basis points to", a participle that opens a sentence, and
a booster before "pointed to" (no hedge: a 1.37.1 reviewer's reading), a participle after its
object ("the 40% cited in some reports"). A post, a tweet, a message, a leaflet or an anonymous
letter whose author is not given is an unnamed source, the platform it went round on no name,
and an aside on how far it was shared is skipped as a relative clause is."""

from __future__ import annotations

import pytest

from tests.test_stance import found

V, N = "vague", "named"

STANCE_1_37_14 = [
    ("He pointed to a £48 million programme as proof that the plan works.",
     [("pointed to", "attribution", N)]),
    ("The minister pointed to a 12% fall in burglaries.",
     [("pointed to", "attribution", N)]),
    ("The bank pointed to higher energy costs as the main reason.",
     [("pointed to", "attribution", N)]),
    ("She pointed to the door.",
     []),
    ("The arrow on the sign points to the exit.",
     []),
    ("The minister cited figures showing a 12% fall in burglaries.",
     [("cited", "attribution", N)]),
    ("Officials cited a 12% fall in burglaries.",
     [("Officials cited", "attribution", V)]),
    ("The officer cited him for speeding.",
     []),
    ("He was cited for bravery.",
     []),
    ("The report cites 40 studies and runs to 300 pages.",
     []),
    ("The report points to a rise in hospital admissions.",
     [("The report points to", "attribution", N), ("points to", "hedge", "epistemic_verb")]),
    ("All the evidence points to a recession.",
     [("points to", "hedge", "epistemic_verb")]),
    ("The evidence clearly pointed to a cover-up.",
     [("clearly", "booster", "adverb")]),
    ("The road sign pointed to Carlisle.",
     []),
    ("The central bank raised rates by 50 basis points to 4.25%.",
     []),
    ("Highlighted in red on the map are the streets at risk.",
     []),
    ("The minister highlighted a 12% fall in burglaries.",
     [("highlighted", "attribution", N)]),
    # a text whose author is not given (the analyst's "One post, shared 10,000 times, accused")
    ("One post, shared 10,000 times, accused the board of lying.",
     [("One post, shared 10,000 times, accused", "attribution", V)]),
    ("The video, viewed more than two million times, claimed the dam had burst.",
     [("claimed", "attribution", N)]),
    ("An anonymous letter claimed that the mayor had taken bribes.",
     [("An anonymous letter claimed", "attribution", V)]),
    ("A post on Facebook claimed the water was unsafe.",
     [("A post on Facebook claimed", "attribution", V)]),
    ("A message circulating on WhatsApp warned residents to stock up.",
     [("A message circulating on WhatsApp warned", "attribution", V)]),
    ("A viral tweet claimed that the dam had burst.",
     [("A viral tweet claimed", "attribution", V)]),
    ("A leaflet from the Green Party says the plan is unfair.",
     [("says", "attribution", N)]),
    ("A note was left on the door.",
     []),
    ("The post was deleted within an hour.",
     []),
    ("The figure was 62%, not the 40% cited in some reports.",
     [("some reports", "attribution", V)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), STANCE_1_37_14, ids=lambda x: str(x)[:40])
def test_stance_1_37_14(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(sentence) == expected
