"""Readings of stance 1.37.2 (2026-12-06): the row of 'asked', 'shouted' and the like after a
quotation and its subject takes an object after the verb ('"Why should we pay?" she asked
reporters', 'he asked the minister'), an Arabic name's particle ('al-Sadr asked') and a
sentence adverb before the quotation ('Then "Why?" she asked'); 'someone' or 'somebody' after a
quotation is its vague speaker. The segmentation keeps such a clause led by a name in the
quotation's sentence (reporting_clauses.txt 1.3.0: '"Why now?" Mrs Patel asked reporters.'). With
traps that keep their readings."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"
A = ("asked", "attribution", N)

STANCE_1_37_2 = [
    # an object after the verb, maybe with a time or a place
    ('"Can we respond?" she asked reporters.', [A]),
    ('"Is it over?" he asked the minister.', [A]),
    ('"Can you hear me?" the pilot asked his co-pilot.', [A]),
    ('"Why now?" she asked reporters on Tuesday.', [A]),
    ('"Is he fit?" the journalist asked Ancelotti.', [A]),
    ('"Why?" Mrs Patel asked reporters.', [A]),
    ('"I will come," she answered her sister.', [("answered", "attribution", N)]),
    ('"Will you resign?" a reporter asked the prime minister.', [("asked", "attribution", V)]),
    # an Arabic name's particle, a sentence adverb before the quotation
    ('"Where is he?" al-Sadr asked.', [A]),
    ('Then "Why?" she asked.', [A]),
    ('And "Why not?" he asked again.', [A]),
    # 'someone' or 'somebody' after a quotation: vague
    ('"Shame!" someone shouted.', [("someone shouted", "attribution", V)]),
    ('"Who is next?" somebody yelled from the back.', [("somebody yelled", "attribution", V)]),
    # traps: no quotation, a quotation with a frame of its own, a passive, a request
    ("Someone shouted abuse at the players.", []),
    ("Somebody asked for help.", []),
    ("She asked the waiter for the bill.", []),
    ('Hearing "Jerusalem," the crowd shouted.', []),
    ('The choir sang "Jerusalem," and the crowd cried tears of joy.', []),
    ('"Why?" the minister was asked.', []),
    ('Hearing "Why?" she asked the waiter.', []),
]


@pytest.mark.parametrize(("text", "expected"), STANCE_1_37_2)
def test_readings_of_stance_1_37_2(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_37_2_rules_match_in_linear_time() -> None:
    units = [
        '"Why?" she asked reporters. "No!" someone shouted. Then "Why?" al-Sadr asked. ',
        '"Why?" she asked the ' + "very " * 200 + "minister. ",
        '"Why?" ' + "someone " * 200 + "shouted. ",
    ]
    assert_markers_in_time(units)
