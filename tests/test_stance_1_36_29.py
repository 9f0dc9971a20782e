"""Readings of stance 1.36.29 (2026-12-05): verbs of a manner of speaking or of a question inverted
after a quotation, groups and definite subjects of a clause without "who", a place before an
elected member's or a field's initialism, "according to a nurse from Leeds", and a pronoun's
clause that no longer takes another subject's verb; each with traps that keep their readings."""

from __future__ import annotations

import re

import pytest

from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.stance_phrase import BODY_NOUNS, PERSON_NOUNS
from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

STANCE_1_36_29 = [
    # (1) a verb of a manner of speaking or of a question, inverted after a quotation
    ('"Get out!" shouted a man.', [("shouted", "attribution", V)]),
    ('"Why now?" asked a customer.', [("asked", "attribution", V)]),
    ('"Not again," muttered one commuter.', [("muttered", "attribution", V)]),
    ('"Careful," whispered a nurse.', [("whispered", "attribution", V)]),
    ('"Run!" yelled a teenager as the wall gave way.', [("yelled", "attribution", V)]),
    ('"Help us," screamed a woman from a first-floor window.', [("screamed", "attribution", V)]),
    ('"What has changed?" asks one teacher.', [("asks", "attribution", V)]),
    ('"Yes, absolutely," answered one delegate.', [("answered", "attribution", V)]),
    ('"It is what it is," sighed one trader.', [("sighed", "attribution", V)]),
    ('"We won!" cried a supporter.', [("cried", "attribution", V)]),
    ('"Where were the police?" asked another.', [("asked", "attribution", V)]),
    ('"No," replied Dr Sarah Jones.', [("replied Dr", "attribution", N)]),
    ('"Resign!" shouted Mr Davies from the opposition benches.',
     [("shouted Mr", "attribution", N)]),
    ('"Where is the money?" asked Senator Elizabeth Warren.',
     [("asked Senator", "attribution", N)]),
    ('"Ridiculous," muttered Ferguson.', [("muttered Ferguson", "attribution", N)]),
    ('"Order!" shouted the Speaker.', [("shouted", "attribution", N)]),
    # a clause of the person's own after the inverted phrase (said too, named before)
    ('"We are worried," said one resident as the crowd surged forward.',
     [("said", "attribution", V)]),
    ('"Nobody," answered a teenager when asked who was in charge.',
     [("answered", "attribution", V)]),
    ('"We will be back," added one fan and walked off.', [("added", "attribution", V)]),
    ('"Stop," said a spokesman and Jane Smith.', [("said", "attribution", N)]),
    # traps: in the usual order these verbs report nothing; a quotation that is a verb's object
    ("The crowd shouted slogans outside the embassy.", []),
    ("She asked for help after her car broke down.", []),
    ("He asked me to leave the building.", []),
    ("Police asked a witness to come forward.", []),
    ("The minister asked whether the figures were correct.", []),
    ("She whispered something to her lawyer.", []),
    ("He muttered under his breath as he left the court.", []),
    ('The crowd chanted "Out, out, out," shouted insults and threw bottles.', []),
    ('She typed "help," asked a friend to call and waited.', []),
    ('Supporters sang "You\'ll Never Walk Alone," cried and hugged each other.', []),
    # (2) a group or a definite subject of a clause without "who"
    ("Nobody I spoke to said it was safe.", [("said", "attribution", V)]),
    ("None of those I spoke to said they would return.", [("said", "attribution", V)]),
    ("No one I spoke to told me they would vote for him.", [("told", "attribution", V)]),
    ("Everyone I spoke to in the village said the floods were getting worse.",
     [("said", "attribution", V)]),
    ("Everyone I spoke to at the market said prices had doubled.",
     [("said", "attribution", V)]),
    ("Everyone the BBC spoke to said they had been given no warning.",
     [("said", "attribution", V)]),
    ("All those the paper interviewed said they were worried.", [("said", "attribution", V)]),
    ("The man I spoke to denied it.", [("denied", "attribution", V)]),
    ("The young mother I spoke to said she skipped meals.", [("said", "attribution", V)]),
    ("The resident the BBC spoke to said she had been evacuated twice.",
     [("said", "attribution", V)]),
    ("People I spoke to in the town said they felt abandoned.", [("said", "attribution", V)]),
    # traps: no report, a name, a thing, another subject
    ("Nobody I spoke to wanted to be named.", []),
    ("Everyone the BBC spoke to had lost something in the fire.", []),
    ("I thanked everyone I spoke to.", []),
    ("Every Tesco worker I spoke to said the shifts were too long.",
     [("said", "attribution", N)]),
    ("The report I read said the plan was dead.", [("said", "attribution", N)]),
    ("The council I contacted said the road would reopen.", [("said", "attribution", N)]),
    ("The company we spoke to said it had no comment.", [("said", "attribution", N)]),
    ("The officers I spoke to said the road was closed.", [("said", "attribution", V)]),
    ("Everyone I spoke to at Tesco said the shifts were too long.",
     [("said", "attribution", N)]),
    ("Nobody said it was safe.", [("said", "attribution", N)]),
    # (3) a place before an elected member's noun or a field's initialism
    ("A Bristol A&E doctor said the department was overwhelmed.",
     [("said", "attribution", V)]),
    ("A Kent MP said the queues were unacceptable.", [("said", "attribution", V)]),
    ("A Glasgow MSP said the ferries were years late.", [("said", "attribution", V)]),
    ("A Cornwall councillor said second homes were emptying villages.",
     [("said", "attribution", V)]),
    ('"It is bad," said a Kent MP.', [("said", "attribution", V)]),
    # traps: a body, a party, a firm's initialism, a name
    ("A Kent Police officer said the road would remain closed.",
     [("A Kent Police officer said", "attribution", N)]),
    ("A Labour MP said the leadership had lost its way.", [("said", "attribution", N)]),
    ("A P&O worker said the ferry was late.", [("said", "attribution", N)]),
    ("A Leeds NHS nurse said the ward was full.", [("said", "attribution", N)]),
    ("Kent MP Rosie Duffield said the queues were unacceptable.",
     [("said", "attribution", N)]),
    # (4) "according to" a person "from" a town; a name that is no known place: the employer
    ("According to a nurse from Leeds, the ward had been short-staffed.",
     [("According to a", "attribution", V)]),
    ("According to a councillor from Norwich, the plan was shelved.",
     [("According to a", "attribution", V)]),
    ("According to a nurse from Tesco, the store was closed.",
     [("According to a", "attribution", N)]),
    ("According to a nurse from Leeds Teaching Hospitals, the ward was full.",
     [("According to a", "attribution", N)]),
    # (5) a pronoun's clause stops before another subject's verb
    ("A farmer I know thinks the minister said it.",
     [("I know", "booster", "first_person"), ("thinks", "attribution", V),
      ("said", "attribution", N)]),
    ("A neighbour I spoke to thinks the council said no.",
     [("thinks", "attribution", V), ("said", "attribution", N)]),
    ("The minister said it.", [("said", "attribution", N)]),
    ("A resident I met on the estate said it was bad.", [("said", "attribution", V)]),
    ("A friend she knows well said it.", [("said", "attribution", V)]),
    ("A resident I spoke to towards the end said it was bad.", [("said", "attribution", V)]),
    ("A nurse I met besides the ward said it was bad.", [("said", "attribution", V)]),
    # the review: a place of more than one word after "from" (named there: its first word alone)
    ("According to a nurse from New York, it was bad.", [("According to a", "attribution", V)]),
    ("According to a nurse from Milton Keynes, it was bad.",
     [("According to a", "attribution", V)]),
    ("According to a nurse from South Wales, it was bad.",
     [("According to a", "attribution", V)]),
    ("According to a nurse from Northern Ireland, it was bad.",
     [("According to a", "attribution", V)]),
    ("According to a nurse from Milton Keynes University Hospital, it was bad.",
     [("According to a", "attribution", N)]),
    # the review: a title in quotation marks that starts with an inverted verb is no report
    ('"Answered Prayers" is the title of her latest novel.', []),
    ('I read "Asked Questions" last year.', []),
    ('The "Whispered Truth" exhibition opens on Monday.', []),
    ('"Added Value" was the slogan.', []),
    ("“Resign!” shouted Mr Davies.", [("shouted Mr", "attribution", N)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_29)
def test_readings_of_stance_1_36_29(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_the_field_initialisms_list_holds_initialisms_with_an_ampersand() -> None:
    assert (
        lexicon_path("field_initialisms.txt").read_text(encoding="utf-8").startswith("# version: ")
    )
    words = read_word_list(lexicon_path("field_initialisms.txt"))
    assert words and len(words) == len(set(words))
    assert all(re.fullmatch(r"[A-Z]&[A-Z]", w) for w in words)


def test_the_bodies_of_the_person_nouns_are_its_bodies_section() -> None:
    assert {"council", "company", "charity", "firm"} <= BODY_NOUNS <= PERSON_NOUNS
    assert not {"man", "nurse", "mother", "resident", "account"} & BODY_NOUNS


def test_stance_1_36_29_rules_match_in_linear_time() -> None:
    units = [
        '"No," shouted a man asked a customer muttered one whispered a nurse as as when and ',
        "Nobody I spoke to in the village at the market the man I spoke to the BBC spoke to said ",
        "Everyone the BBC Reuters Guardian spoke to to to said none of those the paper said ",
        "A Bristol A&E A&E A&E doctor said a Kent MP MP said A P&O worker said ",
        "According to a nurse from Leeds from Tesco from from Leeds Teaching according to a ",
        "A farmer I know thinks the minister thinks the thinks the said it ",
        "Nobody " + " " * 400 + "I spoke " + " " * 400 + "to in " + " " * 400 + "the town said ",
        '"No," said a ' + " " * 400 + "man " + " " * 400 + "as " + " " * 400 + "he left, ",
    ]
    assert_markers_in_time(units)
