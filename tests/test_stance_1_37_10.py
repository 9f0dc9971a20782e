"""Readings of stance 1.37.10 (2026-12-06): politicians in the plural are unnamed speakers, as
officials are: 'ministers', 'senators', 'councillors', 'politicians' and 'negotiators' join the
vague row of bare plurals ('Unnamed ministers said', 'Ministers say', 'Republican senators argue':
vague; before, 'said' alone was read, named). A determiner, a possessive or a preposition up to
two words before keeps the verb's named reading ('The ministers said', 'the council's negotiators
said'), and a name in the phrase still names them ('Senators Warren and Sanders said'). With
traps that keep their readings."""

from __future__ import annotations

import pytest

from pipeline.lexicon import lexicon_path, read_lexicon
from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

STANCE_1_37_10 = [
    ("Unnamed ministers said the cabinet was divided.",
     [("Unnamed ministers said", "attribution", V)]),
    ("Ministers said the plan would go ahead.", [("Ministers said", "attribution", V)]),
    ("Republican senators argue that the bill goes too far.",
     [("senators argue", "attribution", V)]),
    ("Two councillors warned that the budget was too tight.",
     [("councillors warned", "attribution", V)]),
    ("Politicians say the tax is unfair.", [("Politicians say", "attribution", V)]),
    ("Negotiators insisted that the talks would resume.",
     [("Negotiators insisted", "attribution", V)]),
    # a definite group keeps the named reading of its verb (unlike 'the officials said')
    ("The ministers said the new rules would come into force on 1 January.",
     [("said", "attribution", N)]),
    ("The council's negotiators said the pay offer was final.", [("said", "attribution", N)]),
    ("The two senators said they would back the compromise.", [("said", "attribution", N)]),
    # a determiner up to two words before that is not the plural's own (a known miss), and an
    # agent after 'by'
    ("A change ministers say will lift pay for 2.7 million workers.",
     [("say", "attribution", N)]),
    ("The amendment, drafted by Republican senators, says states may set limits.",
     [("says", "attribution", N), ("may", "hedge", "modal")]),
    # a name in the phrase
    ("Senators Warren and Sanders said the bill was flawed.",
     [("Senators Warren and Sanders said", "attribution", N)]),
    # traps: no report, a say, an object
    ("Ministers will have a say in the final plan.", []),
    ("The senators met behind closed doors.", []),
    ("Voters punished the politicians at the polls.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_37_10)
def test_readings_of_stance_1_37_10(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_37_10_rules_match_in_linear_time() -> None:
    units = [
        "Ministers said it was over. Senators argue it is not. ",
        "Ministers " * 200 + "said. ",
    ]
    assert_markers_in_time(units)


def test_the_politicians_row_takes_the_verbs_of_the_bare_plurals_row() -> None:
    """The row of politicians copies the verbs of the row of officials (a pattern has no macros):
    a verb added to one must be added to the other."""
    rows = read_lexicon([lexicon_path("stance.tsv")]).rows

    def verbs(nouns: str) -> str:  # the verbs of the one row of nouns starting so
        (pattern,) = [p for r in rows if f"] {{{nouns}," in (p := r["pattern"]) and "<skip:5>" in p]
        return pattern.split("<skip:5> ", 1)[1]

    assert verbs("critics") == verbs("ministers")
