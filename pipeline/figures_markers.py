"""Numbers that mark, number, code or qualify rather than quantify, and the sign of a figure.

Helpers of :mod:`pipeline.figures`. None of these numbers is a figure:

- a reference marker in square brackets, as Wikipedia and numbered citations write them:
  "Veloria.[1][2] It was", "[11]", "[note 3]", "[2, 5]", "[3–5]": it points at a list of
  sources, and it sources nothing itself;
- a statistic of the estimate before it: a confidence interval ("95% CI 1.2–3.4", a bracketed
  pair of decimals "[1.20, 3.41]"), a p-value ("p = .008", and in a table's cell "| < .001 |" or
  "| .002 |": a comparison sign and a number, or a number of three decimals or more written
  without its leading zero), a poll's margin of error ("for the full sample is ±2.8 percentage
  points") and its confidence level ("at the 95% confidence level");
- a telephone number ("+46 8 555 0100", "Tel: 020 7946 0958");
- a section or paragraph number of two levels or more that opens a sentence, before a capital
  ("1.1 On 4 March", "12.3 Avoid public rhetoric", "2.1.4 The"); "1.5 million people fled" and
  "1.5 Million" are counts (the scale is part of the figure), and so are a number before a unit
  or scale in title case ("3.5 Percent of voters", "3.2 Per cent", "2.5 Times as many") and
  before a word and "per" ("12.5 People per household");
- a coding value ("coded 1 if ... and 0 otherwise", "recoded as 2");
- a reference's number ("Section 301", "Page 4 of 12": ``pipeline/lexicons/reference_nouns.txt``);
- a number of page furniture: a file's size ("( 8.9 MB )"; "1.5 TB of data" quantifies), a
  reading time ("6 min read"), an issue's number or a hashtag ("Issue #212"), a thread's counter
  opening a line ("1/ Thread on"; "1/4 of voters" is a fraction), a count of comments
  ("Comments (48)"), a postal code before a telephone label ("Beijing, 100701 Tel:");
- a day in a date range ("from March 3 to 6", "between 14 and 22 March 2024"); not a level
  with a unit or a time of its own ("from Jan 5 to 25 points", "to 27 on Friday", "to 25 by
  April") or after "from" and a quantity ("rose from 12 on March 3 to 27").

"N times" after a verb of sharing or viewing (``pipeline/lexicons/count_verbs.txt``: "shared more
than 23,000 times") counts actions: a count, not a multiplier ("2.5 times the level" is one); a
comparison after "times" keeps the multiplier ("used 3 times as much", "seen as 2.5 times more
likely").

A figure keeps its minus sign ("β = −0.19", "−0.5%", "fell to -12 points": U+2212, or a hyphen
after a space, a bracket or "=") and its leading decimal point ("α = .81"); a hyphen between
words or numbers ("COVID-19", "2019-2020") is no sign, nor one after a number (or "%") and a
space before a whole number: a range or a score ("3 -4%", "5 -10 degrees", "Pages 10 -12").

The names of months and seasons are read from ``pipeline/lexicons/months.tsv`` (MONTHS,
MONTHS_AND_SEASONS: the one list of them).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.citations import citation_spans
from pipeline.lexicon import lexicon_path, read_lexicon, read_word_list

_DIGIT_RE = re.compile(r"\d")


# --- months and seasons ------------------------------------------------------------------------
MONTH_KINDS = ("month", "abbreviation", "season")


@cache
def month_words(kinds: tuple[str, ...] = MONTH_KINDS) -> tuple[str, ...]:
    """Names of ``pipeline/lexicons/months.tsv`` of the given kinds, longest first; raises
    ``ValueError`` for an unknown kind or a word listed twice."""
    lexicon = read_lexicon([lexicon_path("months.tsv")], required=("word", "kind"))
    seen: set[str] = set()
    out = []
    for i, row in enumerate(lexicon.rows):
        word, kind = row["word"], row["kind"]
        if kind not in MONTH_KINDS:
            raise ValueError(f"{lexicon.where(i)}kind {kind!r} is not one of {MONTH_KINDS}")
        if word in seen:
            raise ValueError(f"{lexicon.where(i)}{word!r} is listed twice")
        seen.add(word)
        if kind in kinds:
            out.append(word)
    return tuple(sorted(out, key=lambda w: (-len(w), w)))


# Regex alternations (no group): the months with their short forms ("March", "Sept"), and these
# with the seasons ("Spring"). The one list of month names; pipeline/stance_names.py and
# pipeline/stance_vetoes.py use it too.
MONTHS = "|".join(month_words(("month", "abbreviation")))
MONTHS_AND_SEASONS = "|".join(month_words())

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
    rf"|(?i:\bmargins?\s+of\s+(?:sampling\s+)?error|\bMoE)\b[\s,:(]*"
    r"(?:(?i:for|among|across|in)\s+(?:[\w’'-]+\s+){1,4}?)?(?:(?i:of|is|was|are|were|at)\s+)?"
    rf"(?:plus\s+or\s+minus\s+|±\s?|\+/-\s?)?{_STAT_NUM}"
    r"(?:\s*(?:percentage\s+points?|points?|percent|per\s?cent))?"
    # its confidence level: "at the 95% confidence level", "a 95 percent level of confidence"
    r"|\b\d{1,2}(?:\.\d+)?\s?(?:%|(?i:percent|per\s?cent)\b)\s*"
    r"(?i:confidence\s+level|level\s+of\s+confidence)"
)
# In square brackets: a reference marker, "[1]", "[11]", "[note 3]", "[2, 5]", "[3–5]" (integers
# only), a Markdown footnote's "[^1]", or an interval's bounds, as a table's CI column writes
# them: "[1.20, 3.41]"
BRACKETED_RE = re.compile(
    r"\[(?:\^[\w-]{1,20}|(?:(?i:note|nb|fn|n)\s?)?\d{1,3}(?:\s?[,–-]\s?\d{1,3}){0,8}"
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
    sign, a margin of error its name, a confidence level "confidence"."""
    signs = "=" in part or "<" in part or ">" in part or "≤" in part or "≥" in part
    words = "CI" in part or "nterval" in part or "rror" in part or "MoE" in part
    return signs or words or "onfidence" in part


# --- references ------------------------------------------------------------------------------
NUMBER_OF_BEFORE_RE = re.compile(r"\d+\s+of\s+$")  # "Page 4 of 12": the 12 is a reference too
# before a reference word: "(Section 301)", "“Article 5", Markdown's "**Article 9**"
OPENING_MARKS = "([\"“‘'*_"


@cache
def reference_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words and phrases of ``reference_nouns.txt``: those written in lower case (matched in any
    case, lower-cased here) and the capitalised ones (matched as written)."""
    words = read_word_list(lexicon_path("reference_nouns.txt"))
    return (
        frozenset(w for w in words if w == w.lower()),
        frozenset(w for w in words if w != w.lower()),
    )


def is_reference_before(before: str) -> bool:
    """Whether ``before`` (the sentence up to a number) ends in a reference word or phrase and
    one space: "Section ", "Executive Order ", "§ ", or in a reference's number and "of": the
    12 of "Page 4 of 12"."""
    if not before[-1:].isspace():
        return False
    if before.endswith("of ") and (m := NUMBER_OF_BEFORE_RE.search(before[-16:])):
        before = before[: len(before) - len(m.group())]  # one "N of" only: "Page 4 of 12"
        if not before[-1:].isspace():
            return False
    folded, exact = reference_words()
    words = before[-60:].rsplit(None, 2)  # the longest entries are two short words
    if len(words) == 3 or len(before) > 60:
        words = words[1:]  # the first may be cut (or is the rest of the sentence)
    if not words:
        return False
    last = words[-1].lstrip(OPENING_MARKS)  # "(Section 301)", "“Article 5"
    if last in exact or last.lower() in folded:
        return True
    pair = f"{words[0].lstrip(OPENING_MARKS)} {last}" if len(words) == 2 else ""
    if pair == "" or not (pair in exact or pair.lower() in folded):
        return False
    if pair.lower().startswith("of "):  # "of schedule": only after a reference's number and
        # "of" ("paragraph 5 of schedule 2"), not "ahead of schedule 2 years later"
        return is_reference_before(before[: before.rstrip().rfind(last)])
    return True


# --- numbers that number, code or date -------------------------------------------------------
SECTION_NUMBER_RE = re.compile(r"\d{1,3}\.\d{1,3}")  # "1.1", "12.3", the "2.1" of "2.1.4"
# after a section number: more levels, maybe a point, then a capitalised word ("On", "The",
# "UK", "A"), not a unit in capitals ("2.5 GW of power"), a unit or scale in title case ("3.5
# Percent of", "3.2 Per cent", "2.5 Times as many") nor a word before "per" ("12.5 People per")
_SCALE_WORDS = (
    r"(?i:per|percent|percentage|pct|times|fold|hundreds?|thousands?|millions?|billions?"
    r"|trillions?|dozens?|mn|bn|tn|trn|points?)"
)
SECTION_AFTER_RE = re.compile(
    rf"(?:\.\d{{1,3}}){{0,4}}\.?[ \t]+[\"“‘(]?(?!{_SCALE_WORDS}\b|[A-Z][a-z]+\s+per\b)"
    r"(?:[A-Z][a-z]|[AI]\s|[A-Z]{2,}\b(?!\s+(?:of|per)\b))"
)
# "coded 1", "recoded as 0", "scored as 2"; "0 otherwise"
CODED_BEFORE_RE = re.compile(r"\b(?:(?:re)?coded|scored\s+as)\s+(?:as\s+)?$", re.IGNORECASE)
OTHERWISE_AFTER = (" otherwise", " else")
CODED_ENDS = ("coded ", "as ")  # a quick test before CODED_BEFORE_RE
_ORDINAL = r"(?:st|nd|rd|th)?"
_UNTIL = r"\s*(?:[-–]|to|and|until|till|through|thru)\s*"
# the last day of a range: "March 3 to 6", "Jan 3rd-6th"
DAY_RANGE_BEFORE_RE = re.compile(rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}{_ORDINAL}{_UNTIL}$")
# ... but not a level after "from" and a quantity: the 27 of "rose from 12 on March 3 to 27"
FROM_LEVEL_BEFORE_RE = re.compile(
    rf"\bfrom\s+[-−]?[$€£]?\d[\d,.]*%?(?:\s+[\w’']+){{0,4}}?\s+(?:{MONTHS})\.?\s+\d{{1,2}}"
    rf"{_ORDINAL}{_UNTIL}$",
    re.IGNORECASE,
)
# a day of the week by its name, capitalised (read by pipeline/stance_names.py,
# pipeline/stance_vetoes.py, pipeline/stance_inverted.py and pipeline/stance_passives.py too)
WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# ... nor one with a unit or a time of its own: "to 25 points", "to 27 on Friday", "to 25 by April"
LEVEL_AFTER_RE = re.compile(
    rf"\s+(?:(?:on|by|in|until|before|after)\s+(?:{WEEKDAYS}|{MONTHS})\b"
    r"|(?i:points?|pts|degrees?|percentage|units?)\b)"
)
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
    "between 14 and 22 March 2024"; not a level with a unit or a time of its own ("from Jan 5
    to 25 points", "to 27 on Friday") or after "from" and a quantity ("from 12 on March 3 to
    27")."""
    if not number.isdigit() or int(number) > MAX_DAY:
        return False
    if any(c.isdigit() for c in after[:12]) and DAY_RANGE_AFTER_RE.match(after, 0, 48):
        return True
    if not before.endswith(UNTIL_ENDS) or DAY_RANGE_BEFORE_RE.search(before[-24:]) is None:
        return False
    return not (LEVEL_AFTER_RE.match(after, 0, 40) or FROM_LEVEL_BEFORE_RE.search(before[-80:]))


# --- numbers of page furniture -----------------------------------------------------------------
# A file's size ("( 8.9 MB )", "PDF, 2.3MB"; "1.5 TB of data" quantifies), a reading time ("6 min
# read", "6-minute read"), a thread's counter opening a post ("1/ Thread on"), a count of
# comments ("Comments (48)"), a postal code before a telephone label ("Beijing, 100701 Tel:");
# TB before a word is tuberculosis ("20 TB cases")
FILE_SIZE_AFTER_RE = re.compile(r"\s?(?:[kKMGP]i?B|TiB|TB(?![ \t]+[a-z]))\b(?!\s+of\b)")
# A size that was taken or is described is a count: "Hackers stole 100 GB", "a 40 GB leak"
SIZE_COUNTED_BEFORE_RE = re.compile(
    r"\b(?:an?|the|stole|stolen|steal|steals|leaked|leaks|exfiltrated|downloaded|copied|took"
    r"|taken|obtained|dumped|released|published|posted|exposed|accessed|siphoned|transferred)\s+"
    r"(?:(?:about|around|nearly|almost|some|over|roughly|more\s+than|up\s+to)\s+)?$",
    re.IGNORECASE,
)
READING_TIME_AFTER_RE = re.compile(r"[\s-]?(?i:min|mins|minutes?)\.?\s+read\b")
COUNTER_AFTER_RE = re.compile(r"/(?:[ \t]|$)")
COMMENTS_BEFORE_RE = re.compile(r"\b(?i:comments?|replies|responses)[ \t]*\($")
POSTAL_CODE_RE = re.compile(r"\d{4,6}")
POSTAL_AFTER_RE = re.compile(r"[ \t]+(?i:tel|telephone|phone|fax)\b\.?[ \t]*:")


def is_furniture_number(before: str, number: str, after: str) -> bool:
    """Whether ``number`` (between ``before`` and ``after`` in a sentence) belongs to page
    furniture: a file's size, a reading time, an issue's or a hashtag's "#212", a thread's
    counter "1/" opening a line, "Comments (48)", a postal code before "Tel:"."""
    last, nxt = before[-1:], after[:1]
    if last == "#":
        return True  # "Issue #212", "#1 in the charts"
    if nxt == "/":
        return (not before or before[-1] == "\n" or before.isspace()) and bool(
            COUNTER_AFTER_RE.match(after)
        )
    if nxt == ")" and last == "(":
        return COMMENTS_BEFORE_RE.search(before[-16:]) is not None
    if POSTAL_CODE_RE.fullmatch(number) and POSTAL_AFTER_RE.match(after):
        return True
    if FILE_SIZE_AFTER_RE.match(after):
        return SIZE_COUNTED_BEFORE_RE.search(before[-40:]) is None
    return READING_TIME_AFTER_RE.match(after) is not None


@cache
def count_verbs_re() -> re.Pattern[str]:
    """A verb of ``count_verbs.txt`` and at most three words, at the end of the text; not the
    verb and "as" alone ("seen as 2.5 times": regarded as)."""
    verbs = sorted(w.lower() for w in read_word_list(lexicon_path("count_verbs.txt")))
    return re.compile(rf"\b(?:{'|'.join(verbs)})\s+(?!as\s+$)(?:[\w’']+\s+){{0,3}}$", re.IGNORECASE)


# what after "N times" compares: "2.5 times more likely", "3 times as much energy as", "times
# higher", "times the level", "paid back 3 times over."; not "times the following day", "times as
# of Monday" or "times over the weekend"
COMPARATIVE_AFTER_RE = re.compile(
    r"\s+(?:(?:more|less|fewer|higher|lower|faster|slower|greater|larger|bigger|smaller|longer"
    r"|shorter|cheaper|better|worse|likelier|than)\b|as\s+(?:much|many|often|likely"
    r"|(?:[a-z]+\s+){1,2}as)\b|over\b(?!\s+\w)|the\b(?!\s+(?:first|following|next|same"
    r"|previous|last|day|week|weekend|month|year)\b))",
    re.IGNORECASE,
)


def is_count_of_actions(before: str, after: str = "") -> bool:
    """Whether "N times" between ``before`` and ``after`` (the text after "times") counts
    actions ("shared more than 23,000 times"), not a comparison ("used 3 times as much")."""
    return (
        count_verbs_re().search(before[-60:]) is not None
        and COMPARATIVE_AFTER_RE.match(after, 0, 60) is None
    )


# --- sign and point ----------------------------------------------------------------------------
POINT_BEFORE = frozenset(" \t\n([=<>≤≥≈~±−-|")  # "α = .81", "(.42)", "r=.3"
MINUS_BEFORE = frozenset(" \t\n([=<>≤≥≈~:|")  # "-0.7%" after a space, "(-3)", "x=-2"
SPACED_RANGE_ENDS = frozenset("0123456789%")  # before the space of "3 -4%", "Pages 10 -12"


INTEGER_RE = re.compile(r"\d+(?![.,]?\d)")


def is_spaced_range(text: str, start: int, hyphen: int) -> bool:
    """Whether the hyphen at ``hyphen``, after a space, joins two numbers of a range or a score
    ("3 -4%", "5 -10 degrees", "Pages 10 -12"): a digit or "%" before the space and a whole
    number after the hyphen ("2.1 -0.3" in a column of values keeps its sign)."""
    return (
        hyphen - 2 >= start
        and text[hyphen - 2] in SPACED_RANGE_ENDS
        and INTEGER_RE.match(text, hyphen + 1) is not None
    )


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
        # ... but not a hyphen after a number and a space, before a whole number: a range or a
        # score ("3 -4%", "won 3 -2", "Pages 10 -12"; a column of decimals keeps its signs)
        if text[i] == "-" and prev in " \t" and is_spaced_range(text, start, i):
            i += 1
    return i
