"""Readings of stance 1.37.3 (2026-12-06): people in a bare plural right after a quotation are its
vague speakers, as 'someone' is ('"Stop the war!" protesters shouted', '"Why?" residents asked
officials'); 'answered', 'shouted', 'whispered' and the like before 'that' and a clause report
('The witness answered that': named; 'Protesters shouted that': vague), but not 'that' of a
thing, a time or a degree ('He shouted that word again', 'answered that description', 'shouted
that night'). With traps that keep their readings."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

STANCE_1_37_3 = [
    # a bare plural after a quotation
    ('"Stop the war!" protesters shouted outside the embassy.',
     [("protesters shouted", "attribution", V)]),
    ('"Is anyone there?" rescuers shouted into the rubble.',
     [("rescuers shouted", "attribution", V)]),
    ('"Why did nobody warn us?" residents asked officials.',
     [("residents asked", "attribution", V)]),
    ('Then "Why?" somebody asked.', [("somebody asked", "attribution", V)]),
    ('"Shame!" fans chanted.', []),  # "chanted" is no verb of the row
    # a verb of a manner of speaking before "that"
    ("The witness answered that she had seen his face.", [("answered that", "attribution", N)]),
    ("Some residents shouted that the evacuation came too late.",
     [("Some residents shouted that", "attribution", V)]),
    ("Protesters shouted that the law would silence dissent.",
     [("Protesters shouted that", "attribution", V)]),
    ("Someone in the crowd shouted that the police started it.",
     [("Someone in the crowd shouted that", "attribution", V)]),
    ("She whispered that the money was gone.", [("whispered that", "attribution", N)]),
    # traps: no quotation before the plural, "that" of a word or a name, no clause
    ("Protesters shouted abuse at the police.", []),
    ("He shouted that word again and again.", []),
    ("She whispered that name to the jury.", []),
    ("He answered the phone on the second ring.", []),
    ("The man answered that description in every detail.", []),
    ("The fans who shouted that night were banned.", []),
    ("The coach yelled that much only once.", []),
    ('Under the banner "Closed," residents shouted.', []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_37_3)
def test_readings_of_stance_1_37_3(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_37_3_rules_match_in_linear_time() -> None:
    units = [
        '"No!" protesters shouted. She answered that it was over. ',
        '"No!" ' + "protesters " * 200 + "shouted. ",
        "She answered that " + "word " * 200,
    ]
    assert_markers_in_time(units)
