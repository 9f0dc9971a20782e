"""Readings of stance 1.37.7 (2026-12-06): 'quoted <someone> as saying' credits the quoting
source ('Reuters quoted the minister as saying': named) and reads one unnamed person before 'as
saying' as vague ('The agency quoted a police source as saying'); a price or a listing that is
'quoted' is no quotation ('Diesel was quoted at $1.10 a litre', 'shares were quoted on the
Nasdaq'). With traps that keep their readings."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

STANCE_1_37_7 = [
    # the quoting source, and the quoted person
    ("Reuters quoted the minister as saying the talks had stalled.",
     [("quoted", "attribution", N)]),
    ("The agency quoted a police source as saying the suspect was known to authorities.",
     [("quoted", "attribution", N), ("a police source as saying", "attribution", V)]),
    ("State television quoted one resident as saying the water was rising.",
     [("quoted", "attribution", N), ("one resident as saying", "attribution", V)]),
    ("The newspaper quoted officials as saying the plan was dead.",
     [("quoted", "attribution", N), ("officials as saying", "attribution", V)]),
    ("Local media quoted a witness as saying the blast shook the building.",
     [("Local media quoted", "attribution", V), ("a witness as saying", "attribution", V)]),
    # the passive, as before
    ("He was quoted as saying the plan was dead.", [("was quoted", "attribution", N)]),
    ("The minister was quoted by state media as saying the border would reopen.",
     [("was quoted", "attribution", N)]),
    # traps: prices and listings, a text quoted, a price quoted
    ("Diesel was quoted at $1.10 a litre in Rotterdam on Monday.", []),
    ("A one-way ticket was quoted at 85 pounds on the website.", []),
    ("The euro was quoted at about $1.08 in early trading.", [("about", "hedge", "approximator")]),
    ("Shares of the company were quoted on the Nasdaq at a record high.", []),
    ("She quoted Keats at length in her speech.", []),
    ("The company quoted a price of $400 for the repair.", []),
    ("The plan was quoted as an example of good practice.", []),  # named before 1.37.8
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_37_7)
def test_readings_of_stance_1_37_7(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_37_7_rules_match_in_linear_time() -> None:
    units = [
        "Reuters quoted a police source as saying it was over. Diesel was quoted at $1. ",
        "Reuters quoted " + "the " * 200 + "as saying. ",
        "Shares were quoted on " + "the " * 200 + "market. ",
    ]
    assert_markers_in_time(units)
