"""The names of places, sectors and peoples of ``places_and_peoples.tsv`` ("Wall Street",
"Qatari", "Silicon Valley"; its countries, cities and towns read only after "from": "Diplomats
from China say") as regexes, and whether a country's name after "from" says where unnamed
people come from (:func:`from_a_country`; "data from China show" is the country's). Read by
:mod:`pipeline.stance_names` (a place names no source), :mod:`pipeline.stance_placing` and
:mod:`pipeline.author_dates`.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.lexicon import lexicon_path, read_lexicon

# the kinds of places_and_peoples.tsv read only after "from" (:func:`from_a_country`): a country's
# or a city's name elsewhere is often a firm's or an institution's ("Air Canada executives",
# "Brussels said"); cities 1.36.12; British and Irish towns and counties 1.36.28 ("Leeds officials
# said", "Hull City said": named)
FROM_ONLY_KINDS = frozenset({"country", "city", "town"})


@cache
def _place_names(*, countries: bool = False) -> str:
    """Regex of the names of places, sectors and peoples (lexicons/places_and_peoples.tsv), or,
    with ``countries``, of its countries and cities alone (``FROM_ONLY_KINDS``, read only after
    "from": see :func:`from_a_country`)."""
    rows = read_lexicon([lexicon_path("places_and_peoples.tsv")], required=("name", "kind")).rows
    kept = {row["name"] for row in rows if (row["kind"] in FROM_ONLY_KINDS) == countries}
    names = sorted(kept, key=len, reverse=True)
    return "(?<![\\w’'-])(?:" + "|".join(re.escape(n).replace("\\ ", "\\s+") for n in names) + ")"


@cache
def city_names() -> frozenset[str]:
    """The cities and towns of lexicons/places_and_peoples.tsv (kinds ``city`` and ``town``):
    "Washington", "Brussels", "Leeds" (towns 1.36.28)."""
    rows = read_lexicon([lexicon_path("places_and_peoples.tsv")], required=("name", "kind")).rows
    return frozenset(row["name"] for row in rows if row["kind"] in ("city", "town"))


@cache
def place_name_re() -> re.Pattern[str]:
    """A place, sector or people's name ("Wall Street", "Silicon Valley", "Qatari")."""
    return re.compile(_place_names() + r"(?![\w’'-])")


@cache
def country_name_re() -> re.Pattern[str]:
    """A country's or a city's name ("China", "South Korea", "the United States", "Brussels")."""
    return re.compile(_place_names(countries=True) + r"(?![\w’'-])")


# "from" and the names after it: "diplomats from China", "experts from Canada and Mexico"
FROM_BEFORE_RE = re.compile(
    r"\b([\w’'-]+)\s+from\s+(?:the\s+)?(?:[A-Z][\w’'.-]*,?\s+(?:(?:and|or)\s+)?(?:the\s+)?)*$"
)
# words for what a source publishes: after them "from China" is the country's (its government's)
# data ("data from China show"), not where people come from
PUBLISHED_NOUNS = frozenset(
    "data figures statistics stats numbers records documents files minutes filings estimates "
    "estimate projections calculations assessments reports report research studies study "
    "surveys survey polls poll analysis analyses evidence testing tests accounts".split()
)


def from_a_country(span: str, start: int) -> bool:
    """Whether the country's or city's name at ``span[start]`` says where unnamed people come
    from ("Diplomats from China say", "Diplomats from Brussels say", as "Chinese diplomats" and
    "diplomats in Beijing"): it follows
    "from" after a word that is not one for data or documents ("data from China show" is the
    country's). Countries are read only there: before a source noun a country's name is often a
    firm's ("Air Canada executives"), in a citation a surname ("(Jordan, 2019)"), and after "by"
    the agent ("estimates by Russia")."""
    m = FROM_BEFORE_RE.search(span, 0, start)
    return m is not None and m.group(1).lower() not in PUBLISHED_NOUNS


@cache
def place_name_before_re() -> re.Pattern[str]:
    """Such a name just before a word ("Wall Street analysts": at the end of "Wall Street ")."""
    return re.compile(_place_names() + r"\s+$")
