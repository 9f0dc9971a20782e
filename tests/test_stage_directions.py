from __future__ import annotations

import pytest

from pipeline.ingest import clean_document
from pipeline.ingest_boilerplate import load_boilerplate_patterns
from pipeline.stage_directions import PATTERN_NAME, remove_stage_directions
from tests.conftest import segment_text


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        # after a sentence, alone on a line, before one, in the middle, in capitals
        ("I urge you to reject it. (Applause)", "I urge you to reject it.", ["(Applause)"]),
        ("One.\n\n(Applause)\n\nTwo.", "One.\n\n\n\nTwo.", ["(Applause)"]),
        ("(Laughter.) But no.", "But no.", ["(Laughter.)"]),
        ("Is that right? (Laughter.) But no.", "Is that right? But no.", ["(Laughter.)"]),
        ("We will [inaudible] the deal.", "We will the deal.", ["[inaudible]"]),
        ("[APPLAUSE]", "", ["[APPLAUSE]"]),
        ("[Applause.]", "", ["[Applause.]"]),
        ("(Interruption.)", "", ["(Interruption.)"]),
        # manner words and two events
        ("(Loud and prolonged applause) Thank you.", "Thank you.",
         ["(Loud and prolonged applause)"]),
        ("(Laughter and applause)", "", ["(Laughter and applause)"]),
        ("Yes. (Laughter) (Applause)", "Yes.", ["(Laughter)", "(Applause)"]),
        # an indented line keeps its indentation
        ("  (Applause) Thanks.", "   Thanks.", ["(Applause)"]),
        # near misses: an editor's insertion, (sic), a direction with other words, a word
        ("(sic) and [the deal]", "(sic) and [the deal]", []),
        ("(applause from the gallery)", "(applause from the gallery)", []),
        ("The applause (long) went on.", "The applause (long) went on.", []),
        ("(Loud)", "(Loud)", []),
        ("[Applause](https://x.org)", "[Applause](https://x.org)", []),
    ],
)  # fmt: skip
def test_remove_stage_directions(text, kept, removed):
    out, rows = remove_stage_directions(text)
    assert out == kept
    assert [direction for _, direction, _ in rows] == removed
    assert all(pattern == PATTERN_NAME for _, _, pattern in rows)


def test_stage_directions_keep_line_numbers():
    _, rows = remove_stage_directions("One.\n(Applause)\nTwo. (Laughter)")
    assert [n for n, _, _ in rows] == [2, 3]


def test_stage_directions_are_listed_with_the_boilerplate_in_line_order():
    text = "Title line\n\nI urge you. (Applause)\n\nLeave a Comment\n\n(Laughter)\n\nEnd of it."
    doc = clean_document("d", text.encode(), patterns=load_boilerplate_patterns())
    assert [(r["line_no"], r["line"]) for r in doc.boilerplate] == [
        (3, "(Applause)"),
        (5, "Leave a Comment"),
        (7, "(Laughter)"),
    ]
    assert "Applause" not in doc.clean and "Laughter" not in doc.clean


def test_a_closing_sentence_with_applause_stays_a_body_sentence():
    """ "I urge the House to reject this Bill. (Applause)" had no final full stop: a heading, and
    the speaker's sentence dropped out of every count; "(Applause)" was a positive sentence."""
    doc = segment_text(
        "Mr Speaker, the threat is real. We must act now.\n\n"
        "I urge the House to reject this Bill. (Applause)\n\n(Applause)"
    )
    assert [(s.text, s.is_heading) for s in doc.sentences] == [
        ("Mr Speaker, the threat is real.", False),
        ("We must act now.", False),
        ("I urge the House to reject this Bill.", False),
    ]
    assert doc.n_words == 18


def test_a_text_of_stage_directions_only_is_not_text():
    from pipeline.decode import NotTextError

    with pytest.raises(NotTextError, match="contains only stage directions after cleaning"):
        clean_document("d", b"(Applause)\n\n[Laughter]", patterns=load_boilerplate_patterns())
    both = b"(Applause)\n\nLeave a Comment"
    with pytest.raises(NotTextError, match="only web boilerplate and stage directions after"):
        clean_document("d", both, patterns=load_boilerplate_patterns())
