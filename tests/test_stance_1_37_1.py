"""Readings of stance 1.37.1 (2026-12-06): 'told' before a possessive and an audience, with up to
two words between ('Wang Yi told his counterpart that', '"...," Xi told his US counterpart'), and
before the media ('told state media'); not before what tells nothing ('told its readers little',
'told its employees about the restructuring') nor a narrative noun that ends its phrase ('told
her story to the court', 'told the story of his escape'); the row's audience words are whole
words ('told apart', 'told their children bedtime stories': no audience 'a' or 'the')."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"
T = ("told", "attribution", N)

STANCE_1_37_1 = [
    # a possessive and an audience
    ("Wang told his counterpart that China would respond.", [T]),
    ("Xi told his US counterpart that Taiwan was a red line.", [T]),
    ('"We will respond," Wang Yi told his counterpart on Tuesday.', [T]),
    ("They told their French counterparts that the deal was off.", [T]),
    ("She told her party's conference that the fight was not over.", [T]),
    ("We have told our Chinese counterparts that it must stop.", [T]),
    ("The founder told his investors in a letter that the cash had run out.", [T]),
    (
        "Several employees told their union representatives that they were pressured.",
        [("told", "attribution", V)],
    ),
    # the media
    ('"We will respond," he told state media.', [T]),
    ("He told local media on Tuesday that the plant would close.", [T]),
    # whole words, and determiners and pronouns that were read as a prefix before
    ("The Chancellor told this House in March that growth would be 1.5 per cent.", [T]),
    ("The CEO told all staff in an email that jobs would go.", [T]),
    ("The runner told herself that the line was a mile away.", [T]),
    ("The chairman told residents' association members that it would go ahead.", [T]),
    # traps: nothing told, a narrative, no audience
    ("The film told its audience very little about the hero.", []),
    ("The report told its readers little that was new.", []),
    ("The company told its employees about the restructuring on Monday.", []),
    ("He told his wife's friends nothing.", []),
    ("He told his brother the news.", []),
    ("The bishop told his congregation of his illness at Sunday mass.", []),
    ("You told your mother a lie, didn't you?", []),
    ("She told her story to the court.", []),
    ("She told her life story in a memoir.", []),
    ("He told the story of his escape.", []),
    ("They told their children bedtime stories.", []),
    ("The twins could not be told apart.", []),
    ("He told his life story to a biographer.", []),
    ("All told, the company lost $2 billion.", []),
]


@pytest.mark.parametrize(("text", "expected"), STANCE_1_37_1)
def test_readings_of_stance_1_37_1(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_37_1_rules_match_in_linear_time() -> None:
    units = [
        "Wang told his counterpart that it would. He told state media so. ",
        "He told his " + "very " * 200 + "counterpart that it would. ",
        "She told her " + "life " * 200 + "story to the court. ",
    ]
    assert_markers_in_time(units)
