"""Readings of stance 1.37.13 (2026-12-06): criticism, praise and labels credited to people
('drew criticism from rights groups', 'was criticised by lawyers', 'in what critics are calling a
power grab', 'which The Guardian called a soulless cash-in', 'sparked anger among residents'),
written before review 1_37_13_a and mended from its misses and 1_37_13_b's. Traps: a label that is
a name ('which the Romans called Durobrivae', 'what the locals call the old mill'), 'called off',
'calling' a helpline or after an object ('urged lawmakers to reject the measure, calling'),
branded cattle, a reaction not yet had ('could draw criticism'), 'from the outset', a group's
possession ('the supporters' trust'), and one source, not two, before 'who say'."""

from __future__ import annotations

import pytest

from tests.test_stance import found

V, N = "vague", "named"

STANCE_1_37_13 = [
    ("The move came in what critics are calling a power grab.",
     [("what critics are calling", "attribution", V)]),
    ("Critics are calling the plan a betrayal.",
     [("Critics are calling", "attribution", V)]),
    ("Campaigners are now calling for a ban.",
     [("Campaigners are now calling", "attribution", V)]),
    ("Fans calling the helpline were told to wait.",
     []),
    ("The state's bishops urged lawmakers to reject the measure, calling it cruel.",
     [("urged", "attribution", N)]),
    ("The plan, which opponents have dubbed a tax on the poor, passed.",
     [("which opponents have dubbed", "attribution", V)]),
    ("Campaigners branded the voter ID law reckless.",
     [("Campaigners branded", "attribution", V), ("reckless", "attitude", "adjective")]),
    ("Farmers branded the cattle before the sale.",
     []),
    ("The ship was dubbed the Ark in 1912.",
     []),
    ("The policy drew criticism from rights groups.",
     [("drew criticism from rights groups", "attribution", V)]),
    ("The bill faced fierce opposition from farmers.",
     [("faced fierce opposition from farmers", "attribution", V)]),
    ("The stadium plan has drawn criticism from heritage groups, who say the stand should stay.",
     [("groups, who say", "attribution", V)]),
    ("The plan drew criticism from Amnesty International.",
     [("drew criticism from Amnesty", "attribution", N)]),
    ("The plan won praise from the Sierra Club.",
     [("won praise from the Sierra", "attribution", N)]),
    ("The policy came under criticism from the outset.",
     []),
    ("The plan could draw criticism from economists.",
     [("could", "hedge", "modal")]),
    ("The decision was criticised by lawyers.",
     [("was criticised by lawyers", "attribution", V)]),
    ("The decision was sharply criticised by Amnesty International.",
     [("was sharply criticised by Amnesty", "attribution", N)]),
    ("The claim has been challenged by two former colleagues who say the scenes never happened.",
     [("colleagues who say", "attribution", V)]),
    ("The claim was disputed by the supporters' trust.",
     []),
    ("The budget was criticised by the opposition.",
     [("was criticised by the opposition", "attribution", N)]),
    ("The gallery's director was praised by the arts minister.",
     [("was praised by the arts minister", "attribution", N)]),
    ("The ruling sparked anger among opposition lawmakers.",
     [("sparked anger among opposition lawmakers", "attribution", V)]),
    ("The pay deal drew anger from shareholders.",
     [("drew anger from shareholders", "attribution", V)]),
    ("The sentence, which the victim's family called too lenient, was handed down on Monday.",
     [("which the victim's family called", "attribution", N)]),
    ("The remake, which The Guardian called a soulless cash-in, topped the charts.",
     [("which The Guardian called", "attribution", N)]),
    ("The film, which one reviewer dubbed the worst sequel ever, topped the charts.",
     [("which one reviewer dubbed", "attribution", V)]),
    ("The ban, which some farmers called a disaster, starts today.",
     [("which some farmers called", "attribution", V)]),
    ("The village, which the Romans called Durobrivae, sits on the old road.",
     []),
    ("The tax, which the council called off, was dropped.",
     []),
    ("We met outside what the locals call the old mill.",
     []),
    ("In what was called the coldest winter for a century, the canals froze.",
     []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), STANCE_1_37_13, ids=lambda x: str(x)[:40])
def test_stance_1_37_13(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(sentence) == expected
