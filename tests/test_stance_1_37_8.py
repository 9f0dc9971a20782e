"""Readings of stance 1.37.8 (2026-12-06): the passive 'was quoted' reports only with the words
quoted ('He was quoted as saying', 'was quoted in the Times saying', 'was quoted: "..."'), not a
quotation without them ('The minister was quoted in three newspapers', 'The poem was quoted in
full') nor a price without 'at' ('quoted 4 percent lower'); an unnamed subject of 'was quoted'
is vague, as of 'said' ('A witness was quoted by Reuters as saying'), and 'as saying' after
'quoted by' and a name is named (Reuters's report). With traps that keep their readings."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

STANCE_1_37_8 = [
    # the words quoted
    ("He was quoted as saying the plan was dead.", [("was quoted", "attribution", N)]),
    ("She was quoted in the Times saying that the club would appeal.",
     [("was quoted", "attribution", N)]),
    ('The coach was quoted: "We will win."', [("was quoted", "attribution", N)]),
    ("The minister was quoted by state media as saying the border would reopen.",
     [("was quoted", "attribution", N)]),
    # unnamed subjects, and the named outlet that quotes them
    ("A witness was quoted by Reuters as saying the gunman fled.",
     [("A witness was quoted by", "attribution", V), ("as saying", "attribution", N)]),
    ("Witnesses were quoted by local television as saying the gunman fired into the air.",
     [("Witnesses were quoted by", "attribution", V)]),
    ("Several residents were quoted as saying the water was rising.",
     [("Several residents were quoted as saying", "attribution", V)]),
    ("A spokesman for the fire brigade was quoted by the broadcaster as saying it was arson.",
     [("A spokesman for the fire brigade was quoted by", "attribution", V)]),
    # traps: no words quoted, a text, a price
    ("The minister was quoted in three Sunday newspapers.", []),
    ("He was widely quoted.", []),
    ("The poem was quoted in full at the memorial.", []),
    ("The ruling was quoted at length in the minority opinion.", []),
    ("Shares in the retailer were quoted 4 percent lower in pre-market trading.", []),
    ("The euro was quoted as low as 1.05 dollars at one point.", []),
    ("Diesel was quoted at $1.10 a litre.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_37_8)
def test_readings_of_stance_1_37_8(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_37_8_rules_match_in_linear_time() -> None:
    units = [
        'He was quoted as saying it was over. The coach was quoted: "No." ',
        "He was quoted " + "in the paper " * 70 + "saying. ",
        "Officials were quoted by " + "Reuters " * 200 + "as saying. ",
    ]
    assert_markers_in_time(units)
