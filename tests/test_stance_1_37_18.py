"""Readings of stance 1.37.18 (2026-12-06): more reactions credited to people, the kin of 1.37.13's
"drew criticism from rights groups" and 1.37.15's "greeted with dismay by": criticism as fire
("came under fire from campaigners"), a backlash, derision or acclaim from people, a reaction
with its tone ("drew a furious response from Beijing"), protests ("Farmers protested against the
levy") and a label between a passive description and its agent ("was branded 'a disgrace' by
residents"). Traps: literal fire ("came under fire from insurgents", "from Russian forces"), a
reply that states no position ("received a response from the council"), a label "by" a time or
a means, and boos and cheers, which two reviews read as no one's position."""

from __future__ import annotations

import pytest

from pipeline.stance import StanceStage
from tests.test_figures_reactions import figures_of
from tests.test_stance import found

V, N = "vague", "named"

STANCE_1_37_18 = [
    ("The plan drew fire from opposition MPs.",
     [("drew fire from opposition MPs", "attribution", V)]),
    ("The minister came under fire from campaigners over the rise.",
     [("came under fire from campaigners", "attribution", V)]),
    ("The policy has come under fire from the Bank of England.",
     [("come under fire from the Bank", "attribution", N)]),
    ("The decision faced a backlash from parents.",
     [("faced a backlash from parents", "attribution", V)]),
    ("The minister faced a furious backlash.",
     [("faced a furious backlash", "attribution", V)]),
    ("The deal drew a furious response from Beijing.",
     [("drew a furious response from Beijing", "attribution", N)]),
    ("The plan drew a furious reaction from parents.",
     [("drew a furious reaction from parents", "attribution", V)]),
    ("Farmers protested against the levy.",
     [("Farmers protested", "attribution", V)]),
    ("The scheme was branded 'a disgrace' by residents.",
     [("was branded 'a disgrace' by residents", "attribution", V)]),
    ("The plan was called a betrayal by unions.",
     [("was called a betrayal by unions", "attribution", V)]),
    ("The bill was labelled a power grab by the opposition.",
     [("was labelled a power grab by the opposition", "attribution", N)]),
    ("The vaccine rollout was hailed as a success by health officials.",
     [("was hailed as a success by health officials", "attribution", V)]),
    ("The sentence was criticised as too lenient by the victim's family.",
     [("was criticised as too lenient by the victim's family", "attribution", N)]),
    ("The senator came under fire for missing 40% of votes.",
     [("came under fire for", "attribution", V)]),
    ("The minister came under fire over the new rules.",
     [("came under fire over", "attribution", V)]),
    # traps
    ("The patrol came under fire from insurgents.", []),
    ("The convoy came under heavy fire from Russian forces.", []),
    ("The base came under fire from Hamas militants.", []),
    ("The troops drew fire from the enemy positions.", []),
    ("The request received a response from the council.", []),
    ("It was called a success by any measure.", []),
    ("The jars were labelled by hand.", []),
    ("He protested his innocence.", []),
    ("The samples were branded with a barcode by the lab technicians.", []),
    ("The convoy came under fire for several hours.", []),
    ("The base came under fire over the weekend.", []),
    # boos, jeers and applause report no position (two reviews of 1.37.3 and 1.37.10 say so,
    # two others and 1.37.18's do not: left out)
    ("Fans booed the decision.", []),
    ("The club was booed by its own fans.", []),
    ("The move was applauded by investors.", []),
    ("The plan might draw fire from farmers.", [("might", "hedge", "modal")]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), STANCE_1_37_18, ids=lambda x: str(x)[:40])
def test_stance_1_37_18(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reaction sources no figure (1.37.17's kind column) ...
        ("The minister came under fire from campaigners over the 12% rise.", [("12%", "none")]),
        ("The 4% offer faced a backlash from members.", [("4%", "none")]),
        ("The £3bn deal drew a furious response from Beijing.", [("£3bn", "none")]),
        # ... a label between a description and its agent reports what it says
        ("The levy was branded 'a £2bn tax grab' by business groups.", [("£2bn", "vague")]),
    ],
)
def test_the_new_reactions_source_no_figure(text: str, expected: list[tuple[str, str]]) -> None:
    assert figures_of(StanceStage(), text) == expected
