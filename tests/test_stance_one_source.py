"""One unnamed source, not two (2026-12-06): the words of an unnamed source and the reporting verb
right after them ('Leaked documents revealed that', 'Most people questioned said') were read by two
rows, the vague source's and the verb's own named one, and counted as a vague and a named source.
The verb is now taken into the vague attribution, across stance adverbs between them, which stay
markers of their own. With sentences that keep two sources."""

from __future__ import annotations

import pytest

from pipeline.stance_speakers import Marker, one_source
from tests.test_stance import found

V, N = "vague", "named"

ONE_SOURCE = [
    ("Leaked documents revealed that the agency had paid the contractor twice.",
     [("Leaked documents revealed that", "attribution", V)]),
    ("Internal memos warned that the pumps were failing.",
     [("Internal memos warned", "attribution", V)]),
    ("Media reports revealed that the firm knew.",
     [("Media reports revealed that", "attribution", V)]),
    ("Most people questioned said they would not vote.",
     [("Most people questioned said", "attribution", V)]),
    ("Internal memos apparently warned that the pumps were failing.",
     [("Internal memos apparently warned", "attribution", V),
      ("apparently", "hedge", "epistemic_adverb")]),
    # two sources stay two
    ("Critics argue the levy is unfair, the finance minister said on Monday.",
     [("Critics argue", "attribution", V), ("said", "attribution", N)]),
    ("Critics say it may fail and the minister said so.",
     [("Critics say", "attribution", V), ("may", "hedge", "modal"), ("said", "attribution", N)]),
    ("Reuters quoted a police source as saying the suspect was known to authorities.",
     [("quoted", "attribution", N), ("a police source as saying", "attribution", V)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), ONE_SOURCE, ids=lambda x: str(x)[:40])
def test_one_unnamed_source(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(sentence) == expected


def test_one_source_joins_only_across_white_space_and_adverbs() -> None:
    text = "Leaked files, he said"
    vague, named = Marker(0, 12, "attribution", V, 1), Marker(17, 21, "attribution", N, 2)
    assert one_source(text, [vague, named]) == [vague, named]  # ", he" between: two sources
    text = "Leaked files said"
    named = Marker(13, 17, "attribution", N, 2)
    assert one_source(text, [named, vague]) == [Marker(0, 17, "attribution", V, 1)]
