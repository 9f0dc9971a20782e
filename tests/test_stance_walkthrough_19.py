"""Readings from a new user's walkthrough of the README (2026-12-06): a verb that shares the
subject of a vague source's verb is that source's (``shared_subject``: "Business groups welcomed
the talks and urged", which read as a vague and a named source), and a yes/no question opened by
its auxiliary reports nothing (``auxiliary_question``: "Will Western firms find other suppliers in
time?" read as a source named "Will Western")."""

from __future__ import annotations

import pytest

from pipeline.stance_speakers import Marker, shared_subject
from tests.test_stance import found

V, N = "vague", "named"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Business groups welcomed the talks and urged both sides to reach a deal.",
         [("Business groups welcomed", "attribution", V), ("urged", "attribution", V)]),
        ("Some critics praised the plan but warned it may fail.",
         [("Some critics praised", "attribution", V), ("warned", "attribution", V),
          ("may", "hedge", "modal")]),
        ("Analysts welcomed the figures and also cautioned against optimism.",
         [("Analysts welcomed", "attribution", V), ("cautioned", "attribution", V)]),
        # a subject of its own, a clause of its own, a named source: as before
        ("Business groups welcomed the talks and the minister urged both sides to compromise.",
         [("Business groups welcomed", "attribution", V), ("urged", "attribution", N)]),
        ("Critics said that the firm grew and reported a profit.",
         [("Critics said", "attribution", V), ("reported", "attribution", N)]),
        ("The minister welcomed the talks and urged both sides to compromise.",
         [("welcomed", "attribution", N), ("urged", "attribution", N)]),
    ],
)  # fmt: skip
def test_a_coordinated_verb_shares_its_subjects_source(text: str, expected) -> None:
    assert found(text) == expected


def test_shared_subject_reads_only_a_verb_right_after_and_or_but() -> None:
    text = "Critics welcomed it and urged more; officials urged calm and accused them."
    vague = Marker(0, 16, "attribution", V, 1)
    urged = Marker(text.index("urged"), text.index("urged") + 5, "attribution", N, 2)
    later = Marker(text.index("urged calm"), text.index("urged calm") + 5, "attribution", N, 2)
    accusing = Marker(text.index("accused"), text.index("accused") + 7, "attribution", N, 3)
    out = shared_subject(text, [vague, urged, later, accusing])
    assert [m.subtype for m in out] == [V, V, N, N]  # ";" ends the first source's clause


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Will Western firms find other suppliers in time?", []),
        ("Do delegates argue that the rules are unfair?", []),
        ("Do economists expect the bank to cut rates again?", []),
        ("Did the minister say when the talks would resume?", []),
        # a claim reported inside a question, a name, a statement
        ("Is it true, as the minister claimed, that the scheme pays for itself?",
         [("claimed", "attribution", N)]),
        ("Is it true, as critics claim, that the rules are unfair?",
         [("critics claim", "attribution", V)]),
        ("Will Hutton said the deal was weak.", [("said", "attribution", N)]),
        ("Western firms find other suppliers hard to locate.",
         [("Western firms find", "attribution", V)]),
    ],
)  # fmt: skip
def test_a_yes_no_question_reports_nothing(text: str, expected) -> None:
    assert found(text) == expected


# stance 1.37.25, from an analyst's check of the report on articles of their own: a negated
# "can" or "could" before "possibly" is emphasis, and unnamed people who accused, urged or
# complained are a vague source, as "some argue" is
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Families cannot possibly afford another £8 a day.", []),
        ("We could not possibly agree.", []),
        ("It could possibly rain.", [("could", "hedge", "modal"),
                                     ("possibly", "hedge", "epistemic_adjective")]),
        ("Some accused the council of hiding the figures.",
         [("Some accused", "attribution", V)]),
        ("Others urged caution.", [("Others urged", "attribution", V)]),
        ("Many complained about the noise.", [("Many complained", "attribution", V)]),
        ("Some accused of fraud were released.", []),  # the accused
        # 1.37.26: a survey of a body's own members is the body's, as "it said" is named
        ("A survey of 410 of its members found that 31% agree.",
         [("A survey of 410 of its members found", "attribution", N)]),
        ("A poll of their customers showed that 12% would switch.",
         [("A poll of their customers showed", "attribution", N),
          ("showed that", "booster", "verb")]),  # as "Official figures show that"
        ("A survey of 410 members found that 31% agree.",
         [("A survey of 410 members found", "attribution", V)]),
        # 1.37.27: one unnamed person after another
        ("Speaker after speaker warned that shops would close.",
         [("Speaker after speaker warned", "attribution", V)]),
        ("Witness after witness said the lorry was speeding.",
         [("Witness after witness said", "attribution", V)]),
        ("Speaker after speaker rose to object.", []),
    ],
)  # fmt: skip
def test_emphatic_possibly_and_unnamed_people_who_accused(text: str, expected) -> None:
    assert found(text) == expected
