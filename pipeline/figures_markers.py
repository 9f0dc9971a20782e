"""Numbers that mark, number, code or qualify rather than quantify, and the sign of a figure.

Helpers of :mod:`pipeline.figures`. None of these numbers is a figure:

- a reference marker in square brackets, as Wikipedia and numbered citations write them:
  "Veloria.[1][2] It was", "[11]", "[note 3]", "[2, 5]", "[3–5]": it points at a list of
  sources, and it sources nothing itself;
- a statistic of the estimate before it: a confidence interval ("95% CI 1.2–3.4", a bracketed
  pair of decimals "[1.20, 3.41]"), a p-value ("p = .008", and in a table's cell "| < .001 |" or
  "| .002 |": a comparison sign and a number, or a number of three decimals or more written
  without its leading zero), a poll's margin of error;
- a telephone number ("+46 8 555 0100", "Tel: 020 7946 0958");
- a section or paragraph number of two levels or more that opens a sentence, before a capital
  ("1.1 On 4 March", "12.3 Avoid public rhetoric", "2.1.4 The"); "1.5 million people fled" and
  "1.5 Million" are counts (the scale is part of the figure);
- a coding value ("coded 1 if ... and 0 otherwise", "recoded as 2");
- a day in a date range ("from March 3 to 6", "between 14 and 22 March 2024").

"N times" after a verb of sharing or viewing (``pipeline/lexicons/count_verbs.txt``: "shared more
than 23,000 times") counts actions: a count, not a multiplier ("2.5 times the level" is one).

A figure keeps its minus sign ("β = −0.19", "−0.5%", "fell to -12 points": U+2212, or a hyphen
after a space, a bracket or "=") and its leading decimal point ("α = .81"); a hyphen between
words or numbers ("COVID-19", "2019-2020") is no sign.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.citations import citation_spans
from pipeline.lexicon import lexicon_path, read_word_list

_DIGIT_RE = re.compile(r"\d")

# --- spans without figures ----------------------------------------------------------------
# A telephone number: an international prefix or an area code in brackets, then digit groups
# ("+46 8 555 0100", "(202) 555-0100", "+1 (212) 555-0147"), or digit groups after "Tel",
# "Phone" or "Fax"; FIGURE_RE's ``phone`` takes the North American "202-452-2955".
PHONE_LABELS = ("telephone", "tel", "phone", "fax", "mobile")
PHONE_RE = re.compile(
    r"(?:\+\d{1,3}(?:\s?\(\d{1,4}\))?|\(\d{1,4}\))(?:[\s.-]\d{1,4}){2,}(?![\d%])"
    rf"|(?i:\b(?:{'|'.join(PHONE_LABELS)})\b\.?:?\s*)\d[\d\s().-]{{5,}}\d"
)
MIN_PHONE_DIGITS = 7
# A statistic belongs to the estimate before it, which stays a figure ("an odds ratio of 1.9"):
# an analyst counting a document's figures would not count a confidence interval's level and
# bounds ("95% CI 1.2–3.4", "(95% CI, 0.7-2.0)") or a p-value ("p = .008", "P<0.01"), so these
# give no figure at all (rather than a kind of their own).
_STAT_NUM = r"[-−]?\d*\.?\d+%?"
_DECIMAL = r"[-−]?\d*\.\d+"
STATISTIC_RE = re.compile(
    r"(?:\d{1,2}(?:\.\d+)?\s?%\s?)?\b(?:CI|(?i:confidence\s+intervals?))\b"
    rf"(?:[\s,:=]*[\[(]?\s*{_STAT_NUM}\s*(?:[-–—,]|to)\s*{_STAT_NUM})?"
    r"|\b[pP](?:[\s-]?values?)?(?:\s+for\s+trend)?\s*[=<>≤≥]\s*\d*\.?\d+"
    # a poll's margin of error: "a margin of error of ±2.2 percentage points", "(MoE +/- 3%)"
    rf"|(?i:\bmargins?\s+of\s+(?:sampling\s+)?error|\bMoE)\b[\s,:(]*(?:(?:of|is|was|at)\s+)?"
    rf"(?:plus\s+or\s+minus\s+|±\s?|\+/-\s?)?{_STAT_NUM}"
    r"(?:\s*(?:percentage\s+points?|points?|percent|per\s?cent))?"
)
# In square brackets: a reference marker, "[1]", "[11]", "[note 3]", "[2, 5]", "[3–5]" (integers
# only), or an interval's bounds, as a table's CI column writes them: "[1.20, 3.41]"
BRACKETED_RE = re.compile(
    r"\[(?:(?:(?i:note|nb|fn|n)\s?)?\d{1,3}(?:\s?[,–-]\s?\d{1,3}){0,8}"
    rf"|\s*{_DECIMAL}\s*[,;]\s*{_DECIMAL}\s*)\]"
)
# A p-value in a table's cell: "| < .001 |", "| <0.05 |", "| .002 |" (not "| 0.71 |", "| .81 |")
TABLE_P_VALUE_RE = re.compile(r"(?<=\|)[ \t]*(?:[<>≤≥][ \t]*0?\.\d+|\.\d{3,})[ \t]*(?=\||$)")


def no_figure_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans in ``text[start:end]`` whose numbers are no figures: telephone numbers of seven
    digits or more (PHONE_RE), statistics (STATISTIC_RE, TABLE_P_VALUE_RE), reference markers
    and bracketed intervals ("[1]", "[1.20, 3.41]": BRACKETED_RE) and legal citations ("542
    U.S. 656": :func:`pipeline.citations.citation_spans`)."""
    part, out = text[start:end], citation_spans(text, start, end)
    if _may_hold_a_phone(part):
        out += [
            m.span()
            for m in PHONE_RE.finditer(text, start, end)
            if len(_DIGIT_RE.findall(m.group())) >= MIN_PHONE_DIGITS
        ]
    if "[" in part:
        out += [m.span() for m in BRACKETED_RE.finditer(text, start, end)]
    if _may_hold_a_statistic(part):
        out += [m.span() for m in STATISTIC_RE.finditer(text, start, end)]
    if "|" in part:
        out += [m.span() for m in TABLE_P_VALUE_RE.finditer(text, start, end)]
    return out


def _may_hold_a_phone(part: str) -> bool:
    """A quick test before PHONE_RE: a telephone number needs "+", "(" or a Tel/Phone label."""
    if "+" in part or "(" in part:
        return True
    low = part.lower()  # str methods scan in C; a case-insensitive regex was a hot spot
    return any(word in low for word in PHONE_LABELS)


def _may_hold_a_statistic(part: str) -> bool:
    """A quick test before STATISTIC_RE: an interval needs "CI" or "interval", a p-value a
    sign, a margin of error its name."""
    signs = "=" in part or "<" in part or ">" in part or "≤" in part or "≥" in part
    return signs or "CI" in part or "nterval" in part or "rror" in part or "MoE" in part


# --- numbers that number, code or date -------------------------------------------------------
SECTION_NUMBER_RE = re.compile(r"\d{1,3}\.\d{1,3}")  # "1.1", "12.3", the "2.1" of "2.1.4"
# after a section number: more levels, maybe a point, then a capitalised word ("On", "The",
# "UK", "A"), not a unit in capitals ("2.5 GW of power")
SECTION_AFTER_RE = re.compile(
    r"(?:\.\d{1,3}){0,4}\.?[ \t]+[\"“‘(]?(?:[A-Z][a-z]|[AI]\s|[A-Z]{2,}\b(?!\s+(?:of|per)\b))"
)
# "coded 1", "recoded as 0", "scored as 2"; "0 otherwise"
CODED_BEFORE_RE = re.compile(r"\b(?:(?:re)?coded|scored\s+as)\s+(?:as\s+)?$", re.IGNORECASE)
OTHERWISE_AFTER = (" otherwise", " else")
CODED_ENDS = ("coded ", "as ")  # a quick test before CODED_BEFORE_RE
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_UNTIL = r"\s*(?:[-–]|to|and|until|till|through|thru)\s*"
# the last day of a range: "March 3 to 6", "Jan 3rd-6th"
DAY_RANGE_BEFORE_RE = re.compile(rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}{_ORDINAL}{_UNTIL}$")
# the first day of a range: "14 and 22 March", "3 to 6 May"
DAY_RANGE_AFTER_RE = re.compile(rf"{_ORDINAL}{_UNTIL}\d{{1,2}}{_ORDINAL}\s+(?:{MONTHS})\b")
MAX_DAY = 31
UNTIL_ENDS = (" to ", " and ", "-", "–", "- ", "– ", " until ", " till ", " through ", " thru ")


def is_section_number(before: str, number: str, after: str) -> bool:
    """Whether ``number`` (between ``before`` and ``after`` in a sentence) is a section or
    paragraph number: "1.1 On 4 March", "12.3 Avoid", "2.1.4 The" opening the sentence."""
    return (
        (not before or before.isspace())
        and SECTION_NUMBER_RE.fullmatch(number) is not None
        and SECTION_AFTER_RE.match(after) is not None
    )


def is_coding_value(before: str, after: str) -> bool:
    """Whether a number is a variable's code: "coded 1 if", "recoded as 0", "and 0 otherwise"."""
    if after.startswith(OTHERWISE_AFTER):
        return True
    return before.endswith(CODED_ENDS) and CODED_BEFORE_RE.search(before[-24:]) is not None


def is_day_of_range(before: str, number: str, after: str) -> bool:
    """Whether ``number`` is a day in a range of dates: the 6 of "from March 3 to 6", the 14 of
    "between 14 and 22 March 2024"."""
    if not number.isdigit() or int(number) > MAX_DAY:
        return False
    if any(c.isdigit() for c in after[:12]) and DAY_RANGE_AFTER_RE.match(after, 0, 48):
        return True
    return before.endswith(UNTIL_ENDS) and DAY_RANGE_BEFORE_RE.search(before[-24:]) is not None


@cache
def count_verbs_re() -> re.Pattern[str]:
    """A verb of ``count_verbs.txt`` and at most three words, at the end of the text."""
    verbs = sorted(w.lower() for w in read_word_list(lexicon_path("count_verbs.txt")))
    return re.compile(rf"\b(?:{'|'.join(verbs)})\s+(?:[\w’']+\s+){{0,3}}$", re.IGNORECASE)


def is_count_of_actions(before: str) -> bool:
    """Whether "N times" after ``before`` counts actions ("shared more than 23,000 times")."""
    return count_verbs_re().search(before[-60:]) is not None


# --- sign and point ----------------------------------------------------------------------------
POINT_BEFORE = frozenset(" \t\n([=<>≤≥≈~±−-|")  # "α = .81", "(.42)", "r=.3"
MINUS_BEFORE = frozenset(" \t\n([=<>≤≥≈~:|")  # "-0.7%" after a space, "(-3)", "x=-2"


def figure_start(text: str, start: int, pos: int) -> int:
    """Where the figure whose digits (or currency symbol) begin at ``pos`` begins, in the
    sentence that starts at ``start``: before its leading decimal point (".81" of "α = .81") and
    its minus sign ("−0.19", "-0.7%" after a space); ``pos`` when it has neither."""
    i = pos
    if i - 1 > start and text[i - 1] == "." and text[i - 2] in POINT_BEFORE and text[i].isdigit():
        i -= 1
    if i > start and text[i - 1] in "−-":
        prev = text[i - 2] if i - 1 > start else " "  # the sentence's start is as a space
        # U+2212 is a sign unless it subtracts ("5−3"); a hyphen only after a space or "=" ...
        if prev in MINUS_BEFORE or (text[i - 1] == "−" and not prev.isalnum()):
            i -= 1
    return i
