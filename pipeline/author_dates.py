"""Author-date citations (APA, Harvard, Chicago) as named sources: "(Kuik, 2016; Lim & Cooper,
2015)", "(Smith et al., 2019, p. 14)", "as Smith (2019) notes", "Smith (2019) argues". Used by
:mod:`pipeline.stance_detector`; the legal and page references of :mod:`pipeline.citations` are
another thing. "Name (year)" in prose is most often a date gloss ("after Brexit (2016)", "the
Treaty of Rome (1957)", "under Obama (2009)"), so a narrative citation needs a reporting verb
after it or a citing word before it. Word lists: ``lexicons/author_date.tsv``.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.figures_markers import MONTHS_AND_SEASONS
from pipeline.lexicon import lexicon_path, read_lexicon
from pipeline.pattern_syntax import FUNCTION_WORDS
from pipeline.stance_places import place_name_re

# An author is a capitalised word of two letters or more ("Kuik", "OECD", "Afrobarometer"; not
# an initial "Z."), with a particle before it ("van Dijk"); a group author runs on over "of",
# "for", "and", "on" ("Institute of Public Opinion"). A year may carry a letter ("2019a").
_AUTHOR = r"(?:(?:van|von|de|der|den|da|di|du|le|la|al|el)\s+)?[A-Z][A-Za-z’'-]+"
_GROUP = rf"{_AUTHOR}(?:(?:\s+(?:of|for|and|on|the))?\s+{_AUTHOR}){{0,6}}"
_YEAR = r"(?:1[5-9]|20)\d\d[a-z]?"
_PAGES = r"(?:,\s*(?:p|pp|para|chap|ch)\.\s*\d+(?:\s*[-–]\s*\d+)?)?"
# the journal after the year: "(Halvorsen et al., 2025, Nature Geoscience)"
_VENUE = r"(?P<venue>,\s*[A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|and|&|in|on)\s+)?[A-Z][\w&’'.-]*){0,5})?"
_WHEN = MONTHS_AND_SEASONS  # "(March 2020)", "(Spring 2021)" are dates
# one item inside brackets: "Kuik, 2016", "Lim & Cooper, 2015", "Smith et al., 2019, p. 14",
# "Smith et al., 2019, Nature",
# "Zhang, Li, & Wu, 2021", "World Bank 2020", "Smith, 2019, 2021"
CITATION_ITEM_RE = re.compile(
    rf"\s*(?:(?:e\.g\.|i\.e\.|cf\.|see(?:\s+also)?|for\s+example|as\s+in),?\s+)?"
    rf"(?!(?:{_WHEN}|{FUNCTION_WORDS})\b)"
    rf"(?P<cite>(?P<author>{_GROUP})(?P<more>\s+et\s+al\.|(?:,\s+{_AUTHOR}){{0,5}},?\s+(?:&|and)"
    rf"\s+{_AUTHOR})?,?\s+{_YEAR}(?:,\s*{_YEAR}){{0,4}}{_VENUE}(?P<page>{_PAGES}))\s*"
)
BRACKETS_RE = re.compile(r"\(([^()]{4,300})\)")
YEAR_BRACKET_RE = re.compile(rf"\s*{_YEAR}{_PAGES}\s*")  # the bracket of "Smith (2019)"
# a narrative citation's author: "Smith", "Lim and Cooper", "Smith et al."
NARRATIVE_AUTHOR_RE = re.compile(
    rf"(?<![\w’'.-])(?!(?:{_WHEN}|{FUNCTION_WORDS})\b)"
    rf"{_AUTHOR}(?P<etal>\s+et\s+al\.)?(?:\s+(?:&|and)\s+{_AUTHOR})?\s+$"
)
NARRATIVE_WINDOW = 80  # characters before the bracket that the author's name may take
# Citing words just before the author: "see (also)", "cf.", "e.g.", "according to", a clause's
# "as" ("As Smith (2019) notes", ", as Smith (2019) puts it"; not "such as", "known as"), and
# "by"/"in" after a verb of the word list ("proposed by", "described in") or "as in". Not
# "following" or "after": "following Brexit (2016)" is as common as "following Smith (2019)".
CUE_BEFORE_RE = re.compile(
    r"(?:\b(?:see(?:\s+also)?|cf\.|e\.g\.,?|according\s+to|as\s+in)"
    r"|(?:^|[,;:(]|\b(?:and|but|just|exactly|precisely))\s*as"
    r"|\b(?P<verb>[a-z]+)\s+(?:by|in))\s+$",
    re.IGNORECASE,
)
# A capitalised word before the author, over "of", "and", "for", "the", "in" ("the Treaty of
# Rome (1957)", "Age Estimation in the Wild (2025)", "the Paris Agreement (2015)"): the author is
# the end of a title or a longer name.
TITLE_BEFORE_RE = re.compile(
    rf"(?<![\w’'.-])(?!(?:{FUNCTION_WORDS})\s)[A-Z][\w’'.-]*\s+"
    r"(?:(?:of|and|for|the|in|on)\s+)*$"
)
# the words right after the bracket: "argues", "has shown", "also finds", "convincingly shows"
WORDS_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*([a-z]+)(?:\s+([a-z]+))?(?:\s+([a-z]+))?")
AUXILIARIES = frozenset({"has", "have", "had", "also", "further", "first", "then", "later"})
CAPITAL_RE = re.compile(r"[A-Z][\w’'-]*")


@cache
def _words(kind: str) -> frozenset[str]:
    """The words of one kind in lexicons/author_date.tsv."""
    rows = read_lexicon([lexicon_path("author_date.tsv")], required=("word", "kind")).rows
    return frozenset(row["word"] for row in rows if row["kind"] == kind)


def _not_an_author(name: str) -> bool:
    """Whether every capitalised word of ``name`` is a party or side (word list) or a place,
    sector or people's name ("Labour", "Conservatives", "Wall Street")."""
    words = CAPITAL_RE.findall(name)
    if place_name_re().fullmatch(name.strip()):
        return True
    return bool(words) and all(w in _words("not_author") for w in words)


def _verb_after(text: str, pos: int, end: int) -> bool:
    """Whether a reporting verb of the word list follows ``pos`` (an auxiliary or -ly adverb
    may come before it: "has shown", "convincingly argues")."""
    m = WORDS_AFTER_RE.match(text, pos, min(end, pos + 60))
    if m is None:
        return False
    for word in m.groups():
        if word is None:
            return False
        if word in _words("verb"):
            return True
        if word not in AUXILIARIES and not word.endswith("ly"):
            return False
    return False


def _cited_before(before: str) -> bool:
    """Whether ``before`` (the text before an author) ends in a citing word."""
    cue = CUE_BEFORE_RE.search(before)
    return cue is not None and (cue.group("verb") is None or cue.group("verb") in _words("verb"))


def _narrative(text: str, start: int, end: int, bracket: re.Match[str]) -> tuple[int, int] | None:
    """The span of a narrative citation whose year is ``bracket`` ("Smith (2019)"), or None."""
    author = NARRATIVE_AUTHOR_RE.search(
        text, max(start, bracket.start() - NARRATIVE_WINDOW), bracket.start()
    )
    if author is None:
        return None
    span = (author.start(), bracket.end())
    if author.group("etal"):  # "et al." is written only in citations
        return span
    if _not_an_author(author.group()):
        return None
    lo = max(start, author.start() - NARRATIVE_WINDOW)  # the words before: bounded
    # "^" of CUE_BEFORE_RE is the sentence's start only when the window reaches it
    before = text[lo : author.start()] if lo == start else "\0" + text[lo : author.start()]
    if _cited_before(before):
        return span
    if TITLE_BEFORE_RE.search(before):
        return None
    return span if _verb_after(text, bracket.end(), end) else None


def _item_ok(item: re.Match[str]) -> bool:
    """Whether a bracket item is a citation: it has "et al.", a second author or a page, or its
    author is not a party, side or place ("(Labour, 2019)" glosses a year); a journal after the
    year only with "et al." or a second author."""
    if item.group("venue") and not item.group("more"):  # "(Turner, 1838, Tate Britain)": a caption
        return False
    return bool(item.group("more") or item.group("page")) or not _not_an_author(
        item.group("author")
    )


def author_date_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Author-date citations in ``text[start:end]``: each item of a bracketed citation
    ("(Kuik, 2016; Lim & Cooper, 2015)": two spans, "Kuik, 2016" and "Lim & Cooper, 2015") and
    narrative ones ("Smith et al. (2019)"; "Smith (2019)" with a reporting verb after it or a
    citing word before it: "Smith (2019) shows", "as Smith (2019) notes", "see Smith (2019)").
    Not a year alone ("(2019)"), a sample size ("(N = 1,204)"), a cross-reference ("(see Table
    2)"), a date ("(March 2020)", "after Brexit (2016)"), the last word of a title or longer
    name ("the Treaty of Rome (1957)"), nor a party or side ("(Labour, 2019; Conservatives,
    2017)")."""
    spans = []
    for bracket in BRACKETS_RE.finditer(text, start, end):
        if YEAR_BRACKET_RE.fullmatch(bracket.group(1)):  # "Smith (2019)"
            span = _narrative(text, start, end, bracket)
            if span is not None:
                spans.append(span)
            continue
        pos = bracket.start(1)
        items = []
        for part in bracket.group(1).split(";"):
            item = CITATION_ITEM_RE.fullmatch(part)
            if item is None:
                items = []
                break
            if _item_ok(item):
                items.append((pos + item.start("cite"), pos + item.end("cite")))
            pos += len(part) + 1
        spans.extend(items)
    return sorted(spans)
