"""Readings of stance 1.37.19 and figure context 1.3.0 (2026-12-06), from an analyst who wrote two
articles on a bank's branch closures and checked every figure's source: an account "as set out
by the bank" is the bank's, a definite body's figures and research are named ("Figures published
by the bank show", "research by the group found"), a company's own results with an adjective
are its own ("reported a pre-tax profit of"), "by one count" is a vague source, constituents and
anglers are unnamed people, and one person's age after "is" or "was" ("My mum is 84.") is no
figure. Stance 1.37.20: an accusation whose accusers are not said is vague ("Politicians have
been accused of"). Stance 1.37.21: a named estimate after a determiner ("the savings estimate
appeared realistic") is no hedge."""

from __future__ import annotations

import pytest

from pipeline.stance import StanceStage
from tests.test_figures_reactions import figures_of
from tests.test_stance import found

V, N = "vague", "named"
STAGE = StanceStage()

STANCE_1_37_19 = [
    ("The plan, as set out by the bank, covers 42 branches.",
     [("as set out by the bank", "attribution", N)]),
    ("The plan, as outlined by Barclays, cuts 40 jobs.",
     [("as outlined by Barclays", "attribution", N)]),
    ("As described by witnesses, the car hit 3 people.",
     [("As described by witnesses", "attribution", V)]),
    ("Figures published by the bank show that sales fell.",
     [("Figures published by the bank show", "attribution", N), ("show that", "booster", "verb")]),
    ("Research by the group found that 40% agree.",
     [("Research by the group found", "attribution", N)]),
    ("Research by economists found that 40% agree.",
     [("Research by economists found", "attribution", V)]),
    ("Northfield reported a pre-tax profit of £1.3bn.", [("reported", "attribution", N)]),
    ("Sony reported an operating profit of 1.2 trillion yen.", [("reported", "attribution", N)]),
    ("By one count, 6,000 jobs went.", [("By one count", "attribution", V)]),
    ("By one estimate, 1,200 branches have closed.", [("By one estimate", "attribution", V)]),
    ("Older constituents have told me they are worried.",
     [("constituents have told", "attribution", V)]),
    ("Anglers said the river was dead.", [("Anglers said", "attribution", V)]),
    # 1.37.20: an accusation whose accusers are not said
    ("Politicians have been accused of ignoring the housing crisis.",
     [("have been accused of", "attribution", V)]),
    ("The broadcaster was accused of bias in its coverage.",
     [("was accused of", "attribution", V)]),
    ("The man was accused by prosecutors of fraud.",
     [("was accused by prosecutors", "attribution", V)]),
    ("She accused him of lying.", [("accused", "attribution", N)]),
    # 1.37.21: a named estimate is a figure referred to, no hedge; the verb keeps it
    ("Analysts said the savings estimate appeared realistic.",
     [("Analysts said", "attribution", V)]),
    ("The painting sold for £4.2m, well above its estimate.", []),
    ("The price was double the original estimate.", []),
    ("The agency estimates the rules will prevent 3,600 deaths.",
     [("estimates", "hedge", "approximator")]),
    ("An estimated 3,000 people joined the march.", [("estimated", "hedge", "approximator")]),
    # 1.37.22: figures whose freshness or tone is all that is said of them
    ("Shocking new figures suggest that 4,000 pensioners live nearby.",
     [("Shocking new figures suggest", "attribution", V),
      ("Shocking new figures suggest", "hedge", "epistemic_verb")]),
    ("New figures show that 4,000 live nearby.",
     [("New figures show that", "attribution", V), ("New figures show that", "booster", "verb")]),
    ("The council's new figures show that 4,000 live nearby.",
     [("figures show", "attribution", N), ("show that", "booster", "verb")]),
    # 1.37.23: emphasis that closes a claim; a possessor's document a list is set out in
    ("It's daylight robbery, plain and simple.", [("plain and simple", "booster", "phrase")]),
    ("It is a tax, full stop.", [("full stop", "booster", "phrase")]),
    ("Sales rose over the holiday period.", []),
    ("The daily rates set out in the council's report are:",
     [("set out in the council's report", "attribution", N)]),
    ("As set out in its annual report, 40 schools will close.",
     [("set out in its annual report", "attribution", N)]),
    # one unnamed person whose "who" clause places her (2026-12-06): vague; an employer names
    ("A woman who has run a café on Castle Street for 22 years said she was worried.",
     [("said", "attribution", V)]),
    ("A woman who lives in Leeds said she was worried.", [("said", "attribution", V)]),
    ("A man who works at Tesco said it was fine.", [("said", "attribution", N)]),
    # traps
    ("As set out in the report, 40 schools will close.", []),
    ("Northfield reported for duty.", []),
    ("By one measure, inflation is falling.", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), STANCE_1_37_19, ids=lambda x: str(x)[:40])
def test_stance_1_37_19(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(sentence) == expected


def figures(text: str) -> list[tuple[str, str]]:
    return figures_of(STAGE, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Northfield reported a pre-tax profit of £1.3bn for last year.", [("£1.3bn", N)]),
        ("Figures published by the bank show that counter transactions fell from 14.2 million "
         "in 2019 to 5.1 million last year.", [("14.2 million", N), ("5.1 million", N)]),
        ("Priya Nair said research by the group found that 4.7 million adults rely on cash.",
         [("4.7 million", N)]),
        # a list under a lead-in takes its source
        ("The plan in numbers, as set out by the bank:\n\n- 42 branches\n- 380 staff\n",
         [("42", N), ("380", N)]),
        ("The toll so far, by one count:\n\n- 6,000 jobs lost\n- 1,200 cash machines removed\n",
         [("6,000", V), ("1,200", V)]),
        # one person's age is no figure
        ("My mum is 84.", []),
        ("My mum is 84 and lives alone.", []),
        ("Her son, who was 12, survived.", []),
        ("The boy was 14 when he left.", []),
        ("His wife turned 60 last week.", []),
        ("She's 84.", []),
        # but a thing's count is
        ("The total is 84.", [("84", "none")]),
        ("He is 6 feet tall.", [("6", "none")]),
        ("He was 3 points ahead.", [("3", "none")]),
        # a tally in votes is one figure, as "by a vote of 34 to 19" is
        ("The measure passed by 34 votes to 19.", [("34 votes to 19", "none")]),
        ("He got 34 votes to her 19.", [("34", "none"), ("19", "none")]),
        # pence and speeds written close up are figures; a video's lines are not
        ("Drivers with a permit pay 80p a day.", [("80p", "none")]),
        ("Speeds fell from 14mph to 11mph.", [("14mph", "none"), ("11mph", "none")]),
        ("The camera shoots 1080p video.", []),
        # a list set out in a body's document takes its source (1.37.23)
        ("The daily rates set out in the council's report are:\n\n- £8 for cars\n- £12 for "
         "vans\n", [("£8", N), ("£12", N)]),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_37_19(text: str, expected: list[tuple[str, str]]) -> None:
    assert figures(text) == expected


def test_the_one_role_of_figure_context_is_read() -> None:
    from pipeline.figures_context import context_words

    assert {"mum", "son", "wife", "boy"} <= context_words()["one"]
    assert "total" not in context_words()["one"]
