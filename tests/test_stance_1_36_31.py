"""Readings of stance 1.36.31 (2026-12-05): one word after the verb of a quotation's reporting
clause, a time or an adverb of manner ('"Why?" she asked again', '"We are ready," Thornton added
later', 'Mr Briggs shouted angrily'), as the segmentation now keeps such a clause in the
quotation's sentence (reporting_clauses.txt 1.2.0); with traps that keep their readings."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

STANCE_1_36_31 = [
    # a time or an adverb of manner after the verb of a quotation and its subject
    ('"Why?" she asked again.', [("asked", "attribution", N)]),
    ('"Why?" Mrs Patel asked again.', [("asked", "attribution", N)]),
    ('"Is it true?" Smith asked yesterday.', [("asked", "attribution", N)]),
    ('"Get out!" Mr Briggs shouted angrily.', [("shouted", "attribution", N)]),
    ('"It hurts," she cried bitterly.', [("cried", "attribution", N)]),
    ('"Not again," Ferguson muttered quietly.', [("muttered", "attribution", N)]),
    ('"Why?" Ursula von der Leyen asked.', [("asked", "attribution", N)]),
    ('"We are ready," Thornton added later.', [("added", "attribution", N)]),
    ('"The figures are wrong," the Council noted dryly.', [("noted", "attribution", N)]),
    ('"Why?" she asked again, louder.', [("asked", "attribution", N)]),
    # an unnamed subject: vague, as without the word
    ('"Why now?" a customer asked again.', [("asked", "attribution", V)]),
    ('"We are ready," a spokesman added later.', [("added", "attribution", V)]),
    # traps: no adverb of manner (only, really, family), a plain clause, a passive, an event
    ('"Why?" she asked only.', []),
    ('"Why?" she asked family.', []),
    ("When the verdict came, she cried again.", []),
    ('"Why?" the minister was asked again.', []),
    ("The cars were recalled again.", []),
    ("The trial concluded yesterday.", []),
    ('"Goal!" Liverpool scored again.', []),
]


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_31)
def test_readings_of_stance_1_36_31(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_36_31_rules_match_in_linear_time() -> None:
    units = [
        '"Why?" she asked again "Go!" he shouted angrily "No," Thornton added later ',
        '"Why?" she asked ' + "quietly " * 200,
        '"X," the Council noted ' + "a" * 400 + "ly ",
    ]
    assert_markers_in_time(units)
