"""Readings of stance 1.37.6 (2026-12-06): a second source between commas after a named one
('Reuters, citing people familiar with the matter, reported that') is the cited people's, not a
vague 'people ... reported' that swallows the named report; 'citing people' is one of the
unnamed sources after 'citing'; and 'The agency reported, citing officials, that' is a named
report. With traps that keep their readings."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

STANCE_1_37_6 = [
    # a named source, a cited one between commas, the verb
    ("The Financial Times, citing people briefed on the plan, reported on Tuesday that Beijing "
     "would respond.",
     [("citing people", "attribution", V), ("reported on Tuesday that", "attribution", N)]),
    ("Bloomberg, citing people familiar with the matter, said the deal was close.",
     [("citing people", "attribution", V), ("said", "attribution", N)]),
    ("Reuters, quoting several diplomats, said the summit would be delayed.",
     [("quoting several diplomats", "attribution", V), ("said", "attribution", N)]),
    ("Kyodo, citing two government sources, reported that Tokyo would protest.",
     [("citing two government sources", "attribution", V), ("reported that", "attribution", N)]),
    # the cited source between 'reported' and 'that'
    ("The agency reported, citing officials, that the merger was off.",
     [("reported", "attribution", N), ("citing officials", "attribution", V)]),
    ("The broadcaster reported, quoting a senior diplomat, that talks would resume.",
     [("reported", "attribution", N), ("quoting a senior diplomat", "attribution", V)]),
    # a bare plural after a comma still reads as before
    ("Critics, however, say the plan is flawed.", [("Critics, however, say", "attribution", V)]),
    ("Citing security concerns, officials said the route would close.",
     [("officials said", "attribution", V)]),
    ("The airline cancelled 40 flights, citing bad weather, and critics said the move was late.",
     [("critics said", "attribution", V)]),
    # traps: a reason cited, a passive, 'that' of no clause after the second source
    ("The airline cancelled 40 flights, citing bad weather.", []),
    ("Cases were reported, citing the new rules, that no one expected.", []),
    ("He resigned, citing health reasons, and officials reported no foul play.",
     [("officials reported", "attribution", V)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_37_6)
def test_readings_of_stance_1_37_6(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_37_6_rules_match_in_linear_time() -> None:
    units = [
        "Reuters, citing people familiar with the matter, reported that it was over. ",
        "Reuters, citing " + "people " * 200 + "reported. ",
        "The agency reported, citing " + "officials " * 200 + ", that it was over. ",
    ]
    assert_markers_in_time(units)
