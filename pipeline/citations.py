"""Numbers that point elsewhere rather than quantify: legal citations and PDF footnote markers.

A legal citation names a reporter's volume and page ("542 U.S. 656", "94 F. 4th 312", "352 U.S.
380, 383", "607 U.S. ___", "542 U.S., at 670"), a code's title or section ("42 U.S.C.", "§
1349.09(D)(2)", "§§ 12-14"), a page of a slip opinion or of the case just cited ("slip op. at
14", "Id., at 383") or a page ("p. 3", "Pp. 6–21"); a journal article's volume, issue and pages
("Journal of Cyber Policy. 4 (2): 112–130") are cited the same way, with a range of pages or
after a journal's title ("Nature. 5 (3): 45"; not "In 2023 (12): 5 regions"). Its numbers are
no figures (:mod:`pipeline.figures`), its "U.S." is the reporter, not the United States
(:mod:`pipeline.actors`), and its full stops end no sentence (:mod:`pipeline.segment_punkt`).
The reporter abbreviations follow The Bluebook's table T1 (federal and regional reporters).

A footnote marker that PDF extraction glues to a sentence's end ("the data platforms keep.1 At
least 19 states") ends the sentence it closes and is no figure. It is a number of one to three
digits right after a word's (two lower-case letters) or a closing bracket's, quotation mark's or
percent sign's full stop, question or exclamation mark, or a closing quotation mark after one,
and before a space and a capital or the end of the paragraph. A decimal ("3.5 Million", "Section
4.2 The") has a digit before its point and is no marker; neither is a number after a reference
abbreviation ("No.1 Overall", "Vol.2 The"), a single letter or a numeral ("Appendix A.1 The",
"Part II.3 The") or a currency ("Rs.500 Crore"). A year before the point ("in 2019.2 The") is
not read as a marker: too close to a decimal.
"""

from __future__ import annotations

import re

from pipeline.lexicon import lexicon_path, read_word_list

# Reporters and codes after a volume number; "F." alone only before a page of two or more
# digits or a blank ("94 F. 312"): "98 F. 1.5 million" is a temperature
_REPORTER = (
    r"U\.\s?S\.(?!\s?C\.)|F\.(?:\s?(?:2d|3d|4th|Supp\.(?:\s?(?:2d|3d))?|App[’']x)"
    r"|(?=\s?(?:\d\d|_)))"
    r"|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|So\.\s?(?:2d|3d)|(?:N\.[EW]|S\.[EW])\.(?:\s?(?:2d|3d))?"
    r"|[AP]\.\s?(?:2d|3d)|Cal\.\s?Rptr\.(?:\s?(?:2d|3d))?|B\.\s?R\.|Fed\.\s?(?:Cl\.|Appx\.)"
    r"|Fed\.\s?Reg\.|Stat\."
)
_CODE = r"U\.\s?S\.\s?C\.(?:\s?A\.)?|C\.\s?F\.\s?R\."  # "42 U.S.C. § 1983": a title, no page
_PAGES = r"\d{1,5}(?:[-–]\d{1,5})?"
# where a cited page ends: before a comma, a bracket, a full stop or the end ("656 (2004)"); a
# comma or a full stop before a digit is a number's ("104 F. 2,000 homes", "F. 1.5 million")
_PAGE_END = r"(?=[;:)\]]|[,.](?!\d)|\s\(|\s*$)"
_AT_PAGE = rf",?\s+at\s+{_PAGES}"  # "542 U.S., at 670"
CITATION_RE = re.compile(
    rf"\b\d{{1,4}}\s(?:(?:{_REPORTER})(?:\s?(?:\d{{1,5}}|_{{2,}})"
    rf"(?:,\s?{_PAGES}{_PAGE_END})*{_PAGE_END}(?:{_AT_PAGE})?|{_AT_PAGE})|(?:{_CODE}))"
    rf"|§§?\s?\d+(?:[.:–-]\d+)*[a-z]?(?:\([A-Za-z0-9]{{1,4}}\))*"  # § 1349.09(D)(2)
    rf"|\bop\.\s?at\s{_PAGES}|\b[Ii]d\.,?\s+at\s{_PAGES}"  # slip op. at 14, Id., at 383
    rf"|\b(?:[Pp]p|p)\.\s?{_PAGES}(?:,\s?{_PAGES})*"  # p. 3, Pp. 6–21, pp. 22-31
    rf"|\bP\.\s?{_PAGES}{_PAGE_END}"  # a syllabus's "P. 7." (not "P. 5 people")
)
# A journal's volume (issue): pages, "4 (2): 112–130": with a range of pages, or with one page
# after a journal's title ("Nature. 5(3): 45", "Foreign Affairs 98 (4): 40"); not "In 2023
# (12): 5 regions", "Sales in Q3 2024 (15): 300 units"
JOURNAL_ISSUE_RE = re.compile(r"\b\d{1,4}\s?\(\d{1,3}\):\s?\d{1,5}(?P<range>[-–]\d{1,5})?")
JOURNAL_BEFORE_RE = re.compile(
    r"(?:[a-z]\.|\b(?:Journal|Review|Quarterly|Studies|Affairs|Letters|Bulletin|Annals"
    r"|Proceedings|Research|Science|Policy|Economics|Politics|Nature|Medicine|Lancet)[.,]?)\s?$"
)
# A sentence that is only a page reference ("Pp. 6–21.", a syllabus's "P. 7.") belongs to the
# sentence before it.
PAGE_SENTENCE_RE = re.compile(rf"[Pp]p?\.\s?{_PAGES}(?:,\s?{_PAGES})*\.?")
# the volume before a reporter's "U.S." ("542 U.S. 656", "607 U.S. ___")
VOLUME_BEFORE_RE = re.compile(r"\b\d{1,4}\s$")

# a glued footnote marker (see the module docstring); the character before the mark is checked
# apart (MARKER_BEFORE_OK)
GLUED_MARKER_RE = re.compile(r"[.!?][\"”’]?(\d{1,3})(?=\s+[\"“‘]?[A-Z]|\s*$)")
MARKER_AFTER_RE = re.compile(r"\s*$|\s+[\"“‘]?[A-Z]")
# two lower-case letters (a word's end, not "A.1", "II.3", "Rs.500"), an initialism ("U.S."), a
# closing quotation mark, a bracket or a percent sign before the mark
MARKER_BEFORE_RE = re.compile(r"(?:(?:(?![A-Z])[^\W\d_]){2}|\.[A-Z]|[%)\]\"”’])[.!?][\"”’]?$")
# words after which a glued number is the reference's: "No.1", "Vol.2", "Fig.3", "Op.5"
NUMBER_ABBREVIATIONS = frozenset(read_word_list(lexicon_path("number_abbreviations.txt")))
_WORD_BEFORE_RE = re.compile(r"[\w.]*$")


def citation_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the legal citations and page references in ``text[start:end]``."""
    stop = len(text) if end is None else end
    out = []
    if text.find("§", start, stop) >= 0 or may_hold_a_citation(text, start, stop):
        out = [m.span() for m in CITATION_RE.finditer(text, start, stop)]
    if may_hold_a_journal_issue(text, start, stop):
        out += journal_issue_spans(text, start, stop)
    return out


def may_hold_a_journal_issue(text: str, start: int, end: int) -> bool:
    """A quick test before JOURNAL_ISSUE_RE: an issue's "(2):" has a digit before its "):" (a
    speaker's "(SNP):" has none)."""
    i = text.find("):", start, end)
    while i > start:
        if text[i - 1].isdigit():
            return True
        i = text.find("):", i + 2, end)
    return False


def journal_issue_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of a journal's volume (issue): pages in ``text[start:end]``: with a range of
    pages, or one page after a journal's title (JOURNAL_BEFORE_RE)."""
    return [
        m.span()
        for m in JOURNAL_ISSUE_RE.finditer(text, start, end)
        if m["range"] or JOURNAL_BEFORE_RE.search(text, max(start, m.start() - 16), m.start())
    ]


def may_hold_a_citation(text: str, start: int, end: int) -> bool:
    """A quick test before CITATION_RE: a reporter, a page or "at" has a full stop and then
    (maybe after a space or a comma) a digit, an underscore or "at"."""
    i = text.find(".", start, end)
    while 0 <= i < end - 1:
        nxt = text[i + 1 : i + 6].lstrip(", ")
        if nxt[:1].isdigit() or nxt[:1] == "_" or nxt[:2] == "at":
            return True
        i = text.find(".", i + 1, end)
    return False


def is_reporter(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ("U.S.") is a reporter's name in a citation: after a volume
    and before a page ("542 U.S. 656", "542 U.S., at 670"), not "in 2019 U.S. 10-year yields"."""
    volume = VOLUME_BEFORE_RE.search(text, max(0, start - 5), start)
    if volume is None:
        return False
    cite = CITATION_RE.match(text, volume.start())
    return cite is not None and cite.end() > end


def footnote_markers(text: str) -> list[tuple[int, int]]:
    """(start, end) of the glued footnote markers in ``text``, each with the full stop (and
    quotation mark) before it: "." to "1" in "keep.1 At least"."""
    return [
        (m.start(), m.end(1))
        for m in GLUED_MARKER_RE.finditer(text)
        if is_footnote_marker(text[max(0, m.start() - 24) : m.start(1)])
    ]


def is_footnote_marker(before: str) -> bool:
    """Whether a number of one to three digits after ``before`` (the text up to it, the number
    followed by a space and a capital or nothing) is a glued footnote marker: ``before`` ends
    in a word's full stop ("keep."), not in a decimal point ("3.") or a reference's ("No.")."""
    if not MARKER_BEFORE_RE.search(before[-4:]):
        return False
    word = _WORD_BEFORE_RE.search(before.rstrip('"”’')[:-1])
    return word is None or word.group().lower() not in NUMBER_ABBREVIATIONS


def is_glued_marker(before: str, number: str, after: str) -> bool:
    """Whether ``number``, between ``before`` and ``after`` in a sentence, is a glued footnote
    marker: "keep.1" before "At least" or at the sentence's end."""
    return (
        len(number) <= 3
        and number.isdigit()
        and MARKER_AFTER_RE.match(after) is not None
        and is_footnote_marker(before)
    )
