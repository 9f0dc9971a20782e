"""Readings of stance 1.37.0 (2026-12-06): the row of a source after a comma that ends its clause
with 'reported' takes a time after the verb and a second source or the rest of the sentence after
a comma ('..., Reuters reported on Monday, citing two officials.', 'The ministry, the agency
reported, will'), an outlet's kind before its name (', state broadcaster CCTV reported'), and a
pronoun or a longer noun phrase as the reporter; 'citing' or 'quoting' unnamed people is a vague
source. Before, 'reported' gave no source when anything but the clause's end followed it. With
traps that keep their readings."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"
R = ("reported", "attribution", N)

STANCE_1_37_0 = [
    # a time after the verb
    ("China will respond, Reuters reported on Monday.", [R]),
    ("Exports fell 4%, the customs agency reported late on Tuesday.", [R]),
    ("Talks stalled, Kyodo News reported late Tuesday.", [R]),
    ("The deal is off, the Financial Times reported last week.", [R]),
    ("The plant will close, Nikkei reported earlier this month.", [R]),
    # a second source or an addition after a comma
    (
        "China will respond, the Global Times reported, citing sources.",
        [R, ("citing sources", "attribution", V)],
    ),
    (
        "The talks failed, Bloomberg reported on Monday, citing officials.",
        [R, ("citing officials", "attribution", V)],
    ),
    (
        "Beijing will retaliate, the newspaper reported, quoting senior diplomats.",
        [R, ("quoting senior diplomats", "attribution", V)],
    ),
    (
        "The deal is off, Reuters reported, citing two people familiar with the matter.",
        [R, ("citing two people", "attribution", V)],  # "people familiar with" before 1.37.6
    ),
    ("China will respond, Xinhua reported, citing the foreign ministry.", [R]),
    ("Exports rose, the agency reported, adding that imports fell.", [R]),
    # an outlet's kind, and whose it is, before its name
    ("China will respond, state broadcaster CCTV reported.", [R]),
    ("China will respond, the state-run Global Times reported on Monday.", [R]),
    ("China will respond, the official Xinhua news agency reported.", [R]),
    (
        "Tokyo will protest, public broadcaster NHK reported, citing government sources.",
        [R, ("citing government sources", "attribution", V)],
    ),
    # the clause between commas, a pronoun, a long or possessive noun phrase, a nationality
    ("The ministry, the agency reported, will publish new rules.", [R]),
    ("In Paris, the newspaper reported, prices rose.", [R]),
    ("The boat was carrying 23 crew members, he reported.", [R]),
    (
        "The toll rose to 19, the city's emergency management bureau reported on Sunday morning.",
        [R],
    ),
    ("Orders collapsed, the planemaker reported on Wednesday.", [R]),
    (
        "The delegation left, the Japanese broadcaster NHK reported, citing a diplomatic source.",
        [R, ("citing a diplomatic source", "attribution", V)],
    ),
    (
        "The forward will go, the sports daily L'Equipe reported, citing sources close to him.",
        [R, ("citing sources", "attribution", V)],
    ),
    (
        "The carmaker may cut jobs, Handelsblatt reported, quoting a senior manager.",
        [("may", "hedge", "modal"), R, ("quoting a senior manager", "attribution", V)],
    ),
    (
        "The court will hear the case, Kyodo reported, citing court officials.",
        [R, ("citing court officials", "attribution", V)],
    ),
    (
        "Tariffs are coming, the paper reported, citing two people briefed on the plans.",
        [R, ("citing two people", "attribution", V)],  # "people briefed on" before 1.37.6
    ),
    ("Talks stalled, a local radio station reported.", [("reported", "attribution", V)]),
    # unchanged: the clause's end, vague reporters, a report before its 'that'
    ("China will respond, Xinhua reported.", [R]),
    ("China will respond, officials reported.", [("officials reported", "attribution", V)]),
    (
        "Reuters reported on Monday that China would respond.",
        [("reported on Monday that", "attribution", N)],
    ),
    # traps: no source, no report, the cited's own things, a reason
    ("Three new cases were reported on Monday.", []),
    ("No injuries were reported, officials said.", [("officials said", "attribution", V)]),
    ("China will respond, I reported on Monday.", []),
    ("Sales fell, the company reported on Monday a loss of $2 million.", []),
    ("The board resigned, citing officials' warnings.", []),
    ("Citing national security risks, the government banned the firm.", []),
    ("The shop closed, citing high rents.", []),
    ("Since 2019, she reported to the chief executive.", []),
    ("The figure, the highest reported, was a surprise.", []),
    ("Cases, reported in three provinces, rose sharply.", []),
    ("The paper printed the story, quoting a manager's email.", []),
    ("The dealer refused, quoting a price of $400.", []),
    ("She ended the speech quoting a poem by Keats.", []),
]


@pytest.mark.parametrize(("text", "expected"), STANCE_1_37_0)
def test_readings_of_stance_1_37_0(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_37_0_rules_match_in_linear_time() -> None:
    units = [
        "Prices rose, Reuters reported on Monday, citing officials. ",
        "Prices rose, state broadcaster CCTV reported " + "late on Monday " * 200,
        "Prices rose, the " + "state-run " * 200 + "Global Times reported, citing sources. ",
        "Prices rose, the " + "city's " * 200 + "bureau reported, quoting a " + "senior " * 200,
    ]
    assert_markers_in_time(units)
