"""Tests for pipeline.actors: a law reporter's "U.S." is no mention of the United States."""

from __future__ import annotations

import pytest

from pipeline.actors import DEFAULT_ACTORS, ActorMatcher

MATCHER = ActorMatcher(
    [{"name": "United States", "aliases": ["United States", "U.S.", "US", "American"]}]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "U.S." between a volume and a page is the United States Reports
        ("Ashcroft v. ACLU, 542 U.S. 656 (2004), binds American courts.", ["American"]),
        ("Butler v. Michigan, 352 U.S. 380, 383 (1957).", []),
        ("NetRights v. Caldwell, 607 U.S. ___ (2026), slip op. at 14.", []),
        ("See Ashcroft, 542 U.S., at 670.", []),
        # near misses: a number before or after a "U.S." that cites nothing
        ("In 2019 U.S. 10-year yields rose.", ["U.S."]),
        ("About 300 U.S. troops and 40 U.S. 18-year-olds stayed.", ["U.S.", "U.S."]),
        ("Since 2020 U.S. 500 firms left the U.S.", ["U.S.", "U.S."]),
        ("The U.S. 5G plan", ["U.S."]),
    ],
)  # fmt: skip
def test_a_reporters_us_is_no_mention(text, expected):
    found = MATCHER.mentions(text, offset=3)
    assert [m.match for m in found] == expected
    assert all(text[m.start - 3 : m.end - 3] == m.match for m in found)


DEFAULT = ActorMatcher(DEFAULT_ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a currency names no country
        ("spent US$9 million, against the US$167 million pledged by China.", ["China"]),
        ("worth 1.2 billion yuan (about 167 million U.S. dollars)", []),
        ("It cost 38.6 billion US dollars and 5 Australian dollars.", []),
        # the place of a foreign mission, a language's label
        ("the Velorian Embassy in Washington said", []),
        ("(Chinese: 中国; pinyin: Zhōngguó)", []),
        # near misses: the country itself, a city named as the actor, a data list
        ("The US and the U.S. Treasury said", ["US", "U.S."]),
        ("US officials in Washington said", ["US", "Washington"]),
        ("the US embassy in Beijing", ["US"]),
        ("(China: 5%, US: 3%)", ["China", "US"]),
        ("US-China talks", ["US", "China"]),
    ],
)  # fmt: skip
def test_currencies_missions_and_language_labels_are_no_mentions(text, expected):
    assert [m.match for m in DEFAULT.mentions(text)] == expected


RUSSIA = ActorMatcher([*DEFAULT_ACTORS, {"name": "Russia", "aliases": ["Russia", "Moscow"]}])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # review 63 #3: a country before a space and "$" is the actor given the money
        ("The deal hands China $2 trillion in market access.", ["China"]),
        ("Washington gave Israel $3.8 billion a year; the EU $50 billion.", ["Washington", "EU"]),
        ("Sanctions have cost Russia $300 billion in frozen assets.", ["Russia"]),
        ("Congress approved $61 billion, and the US $61bn package passed.", ["US"]),
        ("It lent the EU dollars and Japan yen.", ["EU", "Japan"]),
        # guards: a glued currency prefix, dollars after an alias that names a dollar
        ("It cost US$9 million and U.S.$5 million.", []),
        ("worth 167 million U.S. dollars, 5 Canadian dollars and 3 American dollars", []),
        ("Russia and Moscow's allies", ["Russia", "Moscow"]),
    ],
)  # fmt: skip
def test_a_country_before_dollars_is_a_mention_unless_the_currency_names_it(text, expected):
    assert [m.match for m in RUSSIA.mentions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # audit G E5: an institution whose name opens with a nationality is no country's mention
        ("Dr Anika Sorensen, who researches Pacific security at the Australian National "
         "University.", []),
        ("the Chinese Academy of Sciences said", []),
        ("the Australian Strategic Policy Institute said", []),
        ("at the China National Museum", []),
        # near misses: the country itself, before a name in lower case or after "and", a title,
        # a name of more than four words
        ("The Australian government said", ["Australian"]),
        ("Australian Prime Minister Anthony Albanese said", ["Australian"]),
        ("China and the University of Sydney", ["China"]),
        ("Australian and Chinese universities", ["Australian", "Chinese"]),
        ("Chinese Foreign Ministry Spokesperson Zhao University", ["Chinese"]),
        ("China Post-Pandemic Recovery", ["China"]),
    ],
)  # fmt: skip
def test_an_institution_named_after_a_country_is_no_mention(text, expected):
    assert [m.match for m in DEFAULT.mentions(text)] == expected
