"""Review of stance 1.36.31 (one word after the verb of a reporting clause): the word is taken
after a quotation and its subject only (a row of its own for 'added', 'noted', 'observed',
'recalled' and 'concluded'), not after a plain clause, an opening phrase of place or time or a
possessive, where those verbs name an event, a watch, a product recall or a goal; and not after
a quotation that is a text named just before it (a headline, a hymn, a film: a blocker). The
reviewer's sets and most cases; its fix for the first fault was replaced by the row of its own,
so a clause without a quotation reads as before 1.36.31 ('she added later': none)."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

REVIEW = [
    # an opening phrase of place or time: an event, not a report (none before 1.36.31 too)
    ("In Geneva, the negotiations concluded yesterday.", []),
    ("After nine days, the festivities concluded peacefully.", []),
    ("On Sunday night, the Olympics concluded spectacularly.", []),
    ("From the hide, the researchers observed silently.", []),
    ("During the eclipse, Hubble observed twice.", []),
    ("In January, Toyota recalled again.", []),
    ("Five minutes later, Liverpool added again.", []),
    ("The Queen's Platinum Jubilee concluded yesterday.", []),
    ("Britain's Got Talent concluded tonight.", []),
    # a text named before the quotation: the cry or sigh is no report of it
    ('Reading the headline, "Markets crash," she sighed heavily.', []),
    ('After the last hymn, "Abide with Me," the widow cried quietly.', []),
    ('At the end of the film, "Titanic," his sister cried again.', []),
    # kept: the change's readings
    ('"We are ready," Thornton added later.', [("added", "attribution", N)]),
    ("‘We are ready,’ Thornton added later.", [("added", "attribution", N)]),
    ('"We are ready", Thornton added later.', [("added", "attribution", N)]),
    ('"It will take months," one official added later.', [("added", "attribution", V)]),
    # a clause without a quotation takes no word after the verb, as before 1.36.31
    ("Prices may rise again, she added later.", [("may", "hedge", "modal")]),
    ("The reform has failed, Hughes concluded bluntly.", []),
    (
        'In a statement, "We regret the error," the company added later.',
        [("added", "attribution", N)],
    ),
    (
        'Outside the court, "Justice!" the protesters shouted angrily.',
        [("shouted", "attribution", N)],
    ),
    ('Asked about the delay, "Never," he shouted angrily.', [("shouted", "attribution", N)]),
    ('"Get out!" Mr Briggs shouted angrily.', [("shouted", "attribution", N)]),
    # the verb alone keeps its reading; a stance adverb after it stays a marker
    ("Prices will rise, she added.", [("added", "attribution", N)]),
    ("Prices will rise, she added presumably.", [("presumably", "hedge", "epistemic_adverb")]),
    (
        '"Prices will rise," she added presumably.',
        [("added", "attribution", N), ("presumably", "hedge", "epistemic_adverb")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REVIEW)
def test_review_of_stance_1_36_31(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_review_blockers_match_in_linear_time() -> None:
    units = [
        "In Geneva, the negotiations concluded yesterday, ",
        'Reading the headline, "Markets crash," she sighed heavily ',
        "In Geneva, " + "the talks " * 100 + "concluded quietly. ",
        'After the hymn, "' + "Abide " * 150 + '," she cried ',
    ]
    assert_markers_in_time(units)
