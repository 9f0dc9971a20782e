"""Readings of stance 1.37.9 (2026-12-06): the present and perfect passive of 'quote' reads as
'was quoted' does since 1.37.8: a report only with the words quoted ('The boxer is quoted in his
autobiography as saying', 'has been quoted as saying'), vague after an unnamed subject ('A former
employee is quoted by the BBC as saying'), and nothing without the words or of a text or a price
('Her motto is quoted in every guidebook', 'Prices are quoted in euros'). With traps that keep
their readings."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

STANCE_1_37_9 = [
    ("The boxer is quoted in his autobiography as saying he never wanted to fight.",
     [("is quoted", "attribution", N)]),
    ("The minister has been quoted as saying the border would reopen.",
     [("been quoted", "attribution", N)]),
    ("The author has been quoted in several interviews saying the book was a mistake.",
     [("been quoted", "attribution", N)]),
    ("A former employee is quoted by the BBC as saying the firm ignored warnings.",
     [("A former employee is quoted by", "attribution", V), ("as saying", "attribution", N)]),
    ("Critics are quoted by the paper as saying the film is too long.",
     [("Critics are quoted by", "attribution", V)]),
    # traps: no words quoted, a text, a price, a listing
    ("The line is quoted on the plaque at the entrance.", []),
    ("Prices are quoted in euros.", []),
    ("The stock is quoted on the Nasdaq.", []),
    ("Her motto is quoted in every guidebook.", []),
    ("He has been quoted out of context.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_37_9)
def test_readings_of_stance_1_37_9(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_37_9_rules_match_in_linear_time() -> None:
    units = [
        "He is quoted as saying it was over. Prices are quoted in euros. ",
        "He is quoted " + "in the memoir " * 70 + "saying. ",
        "Critics are quoted by " + "the " * 200 + "as saying. ",
    ]
    assert_markers_in_time(units)
