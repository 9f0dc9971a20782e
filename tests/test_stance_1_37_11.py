"""Readings of stance 1.37.11 (2026-12-06), from a reader's check of the default corpus and a new
user's walkthrough: people in the plural that no row read ('Regulars said', 'Judges warned',
'Savers complained') are unnamed speakers, as officials are, unless a determiner or a possessive
makes them a definite group ('The players said': named, as the row of politicians reads); a plural
source's verb reports nothing before 'nothing', sickness, harm or duty ('Protesters in masks said
nothing', 'players reported sick', 'men reported missing'); 'allegations of', 'accusations of'
and 'drew/attracted/faced/sparked criticism' are unnamed sources, but not someone's own
allegations, absent or hypothetical ones, or criticism from someone named after 'from'."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

STANCE_1_37_11 = [
    ("Regulars said the pub had not changed its menu in years.",
     [("Regulars said", "attribution", V)]),
    ("Judges warned that the backlog of cases would grow.",
     [("Judges warned", "attribution", V)]),
    ("Savers complained that the bank had cut its best rate.",
     [("Savers complained", "attribution", V)]),
    ("The players said they were tired after the match.",
     [("said", "attribution", N)]),
    ("Her children said she had been missing since Friday.",
     [("said", "attribution", N)]),
    ("Protesters in masks said nothing as they left.",
     []),
    ("Two of the players reported sick on Tuesday.",
     []),
    ("Two men reported missing after a fishing trip were found safe.",
     []),
    ("Election officials reported for duty at 6 a.m.",
     []),
    ("The minister resigned amid allegations of corruption.",
     [("allegations of", "attribution", V)]),
    ("Norvale Energy denied allegations of fraud.",
     [("denied", "attribution", N), ("allegations of", "attribution", V)]),
    ("Her allegations of abuse were dismissed by the court.",
     [("were dismissed by the court", "attribution", N)]),
    ("The prosecution has yet to make any allegations of wrongdoing.",
     []),
    ("The allegations of fraud made by the auditor led to his resignation.",
     []),
    ("The decision drew sharp criticism.",
     [("drew sharp criticism", "attribution", V)]),
    ("The vote attracted international criticism.",
     [("attracted international criticism", "attribution", V)]),
    ("The plan might attract criticism if fees rise.",
     [("might", "hedge", "modal")]),
    ("The plan drew criticism from Amnesty International.",
     [("drew criticism from Amnesty", "attribution", N)]),
    ("The exhibition attracted 40,000 visitors.",
     []),
    ("She faced little criticism at home.",
     []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), STANCE_1_37_11, ids=lambda x: str(x)[:40])
def test_stance_1_37_11(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(sentence) == expected


def test_new_rows_stay_linear() -> None:
    assert_markers_in_time(["Regulars and savers said ", "amid allegations of fraud, ",
                            "the decision drew sharp criticism; "])  # fmt: skip
