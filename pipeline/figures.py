"""Numeric claims (figures) in a sentence and their sourcing.

What counts as a figure: a number written with digits, as a percentage (``82%``, ``4 percent``,
``8 basis points``), an amount of money (``$12 billion``, ``€3m``, ``5 million euros``, ``SAR 150
bn``), a multiplier (``3x``, ``2.5 times``, a ratio: "a 2.6-to-1 ratio", "by 3 to 1", "a ratio
of 2:1") or a count (``28``, ``1.2 million``, ``8.98 mn``, ``5k``, ``5-1/4``, and amounts in a
unit: "18 years in prison", "50m deep"). Years, other dates and clock times (``2019``,
``1990s``, ``May 5``, ``8 a.m.``) anchor a claim in time but are not figures and are left out;
ages and age bands ("children under 10", "aged 5 to 11", "65 and older", a table's "1-4 years")
say whom a claim is about and are left out too (:mod:`pipeline.figures_context`); so are numbers
that are part of a name or code (``5G``, ``G20``, ``COVID-19``, "Mate 60 Pro", "401(k)"),
references ("Section 301", "S&P 500", "Page 4 of 12": the words in
``pipeline/lexicons/reference_nouns.txt``), compound modifiers and event names ("7-nanometre
chips", "a 10-point plan", "the 100m final"), list markers ("(1)", "1." at a sentence's
start), telephone numbers and statistics ("95% CI 1.2–3.4", "p = .008"), and reference markers
("[1]"), section numbers ("1.1 On 4 March"), codes ("coded 1 if"), the days of a date range
("from March 3 to 6") and the numbers of page furniture ("6 min read", "( 8.9 MB )", "Issue
#212", a thread's "1/", "Comments (48)", a postal code before "Tel:"):
:mod:`pipeline.figures_markers`, which also keeps a figure's minus sign and leading point
("−0.19", ".81") and makes "shared 23,000 times" a count. A currency code of
``pipeline/lexicons/currency_codes.txt`` makes money ("NZD 2.5 million"), and so do three other
capitals after a money word and before a scale ("worth MSD 14.6 billion"); an amount of that
scale compared with money is money ("well above the 11.2 billion average"), and bare points
after a level in percent are percentage points ("to 58%, up 2.1 points"):
:mod:`pipeline.figures_context`. A range ("20-30%", "$2-3 billion", "15% to 30%", "between
200,000 and 400,000 euros") and a tally ("by a vote of 31 to 17", "by a comfortable 31 to 17")
are one figure; "from 5% to 7%" is two. Spelled-out numbers ("a dozen", "two years") are not
counted. A proportion ("1 in 5", "2 out of 3") is one figure, a share
as a percentage is (kind percent).

Sourcing of a figure: the attribution marker (or evidential hedge such as "reportedly") nearest
to it in the same sentence and the same clause decides: ``named`` for a named attribution,
``vague`` for a vague one or an evidential; ``none`` when there is neither. Clauses are split at
``;``, ``:`` and dashes (— –), so in "While China denies abuses, the fallout is tangible: the
U.S. Commerce Department blacklisted 28 Chinese entities" the 28 is unsourced; but the colon
after a list item's label ("- **62%**: share of ..., according to Tideline") splits nothing,
and a source after a contrasted figure is that figure's ("62% ..., not the 40% cited in some
reports": the 62% is not "some reports'"): :func:`pipeline.figures_sourcing.figure_sourcing`. A
figure with no source in its own sentence that stands in someone else's words (a speaker's
turn, a quotation over several sentences, a list item under a lead-in that attributes the list:
"The company also noted that:") takes the source of those words, and a figure above a source
line ("Source: OECD (2023)") the line's
(:func:`pipeline.voices_sourcing.borrowed_sourcing`); there is no other carry-over between
sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.citations import is_glued_marker
from pipeline.figures_context import (
    AGE_AFTER_STARTS,
    AGE_BEFORE_ENDS,
    BE_AGE_ENDS,
    PROVISION_AFTER_RE,
    PROVISION_BEFORE_RE,
    after_money_word,
    counts_people_or_things,
    is_age,
    is_compared_money,
    is_distance_event,
    is_note_number,
    percentage_points_end,
    proportion_end,
    ratio_end,
)
from pipeline.figures_markers import (
    MONTHS,
    figure_start,
    is_coding_value,
    is_count_of_actions,
    is_day_of_range,
    is_furniture_number,
    is_reference_before,
    is_section_number,
    no_figure_spans,
)
from pipeline.figures_sourcing import figure_sourcing
from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.types import Sentence

if TYPE_CHECKING:
    from pipeline.stance_detector import Marker

# A fraction as the Fed writes it ("1/4", "5-1/4", "5 1/4"); not a date ("3/4/2026") or "24/7"
_FRACTION = r"[1-9]/(?:[2-9]|16|32|64)(?![/\d])"
# atomic: a number once read is not read again shorter, which saves the regex engine's time
_NUM = rf"(?>\d{{1,3}}[-\s]{_FRACTION}|{_FRACTION}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s?(?i:trillion|billion|million|thousand|trn|bn|mn|tn|m|k)\b|b\b)?"  # "£200 Million"
# The scale of a number without a currency: "1.2 million", "8.98 mn", "150 bn", "2.3 mb/d" (million
# barrels a day), "5k", "5m", "5b"; a lone letter only attached ("5 m" is metres) and not in a code
# ("Rule 10b-5")
_NUM_SCALE = (
    r"(?:\s(?i:trillion|billion|million|thousand)\b|\s?(?:trn|bn|mn|tn|[mk]b/d)\b"
    r"|[kKmb]\b(?![-/]?\d))"
)


def currency_codes() -> tuple[str, ...]:
    """ISO 4217 codes of ``pipeline/lexicons/currency_codes.txt``; raises ``ValueError`` for an
    entry that is not three capitals or is listed twice."""
    codes = read_word_list(lexicon_path("currency_codes.txt"))
    if bad := [c for c in codes if not CODE_RE.fullmatch(c)] or sorted(
        c for c in set(codes) if codes.count(c) > 1
    ):
        raise ValueError(f"currency_codes.txt: not three capitals, or listed twice: {bad}")
    return tuple(codes)


CODE_RE = re.compile(r"[A-Z]{3}")
# ISO codes of currencies, before ("SAR 150 bn", "USD 2 billion") or after a number
CURRENCY_CODES = currency_codes()
# "5 million euros", "a 450 million euro expansion", "30 cents", "5 bn SAR"
_CURRENCY_WORD = (
    r"(?:(?:(?:U\.S\.|US|American|Australian|Canadian|Hong\s+Kong|Singapore|New\s+Zealand)\s+)?"
    r"dollars?|euros?|pounds?|cents?|pence|yuan|renminbi|yen|rupees?|roubles?|rubles?"
    rf"|{'|'.join(CURRENCY_CODES)})\b"
)
_NUM_RANGE = rf"(?:[-–](?:{_NUM}))?"  # "20-30%", "$2–3 billion": one figure ("1,200 – 15%": two)
_CURRENCY_SYMBOLS = ("US$", "A$", "C$", "HK$", "$", "€", "£", "¥")
_CURRENCY = "|".join(map(re.escape, _CURRENCY_SYMBOLS))
# A change in points: "2 percentage points", "8 basis points", "11 bps", "25bp", "0.3pp"
_POINTS = r"percentage\s+points?|basis\s+points?|bps?|ppts?|pp"
POINT_UNITS = ("point", "points", "bp", "bps", "pp", "ppt", "ppts")
# "2.5 Times as many" in a title-case line (not "the 2019 Times report", "1 Times Square")
_TITLE_COMPARES = r"(?=\s+(?i:as|more|less|fewer|higher|lower|greater|larger|faster)\b)"
# how the words before an age may end: "aged ", "under ", and "is " of "My mum is 84"
AGE_NEAR_ENDS = (*AGE_BEFORE_ENDS, *BE_AGE_ENDS)
# "1080p", "720p": a video's lines, not pence
_VIDEO_LINES = "(?:144|240|360|480|576|720|1080|1440|2160|4320)"
# Every figure starts with a digit or a currency symbol; the lookahead turns other positions away
# with one test. A currency code is looked for before the numbers found (a 10% saving).
_FIGURE_START = "[\\d" + re.escape("".join(dict.fromkeys(s[0] for s in _CURRENCY_SYMBOLS))) + "]"
FIGURE_RE = re.compile(
    rf"""
    (?={_FIGURE_START})
    (?:
    (?P<phone>\d{{3}}(?:-\d{{3}}-|\.\d{{3}}\.)\d{{4}}(?![\d%]))  # 202-452-2955, 202.452.2955
    |(?P<money>(?:{_CURRENCY})\s?(?:{_NUM}){_NUM_RANGE}{_SCALE}
      |(?:{_NUM}){_NUM_RANGE}{_NUM_SCALE}?\s{_CURRENCY_WORD}
      |(?!{_VIDEO_LINES}p\b)\d{{1,3}}(?:\.\d)?p\b(?![.,/-]?\w))  # 80p, 5p: pence
    |(?P<count>(?:{_NUM})(?:mph|kph|kmh|km/h)\b)  # 14mph, 50km/h: a speed
    |(?P<percent>(?:{_NUM}){_NUM_RANGE}\s?(?:%|(?i:percent|per\s?cent)\b|(?:{_POINTS})\b))
    |(?P<multiplier>(?:{_NUM})(?:x\b|-fold\b|\s(?:times|fold)\b|\sTimes\b{_TITLE_COMPARES}))
    |(?P<ratio>(?:{_NUM})(?=-to-\d|\s+to\s+\d|:\d|\s+(?:in|out\s+of)\s+\d))  # may be a ratio,
    # 2.6-to-1, 3 to 1, 2:1, or a proportion, 1 in 5, 2 out of 3
    |(?P<number>(?:{_NUM}){_NUM_RANGE}(?:{_NUM_SCALE}|\shundred\b)?(?:s\b)?)
    )
    """,
    re.VERBOSE,
)
_CODE_SET = frozenset(CURRENCY_CODES)
CODE_MONEY_RE = re.compile(
    rf"[A-Z]{{3}}\s?(?P<amount>(?:{_NUM}){_NUM_RANGE}{_SCALE})(?![\w-])"
)  # not "Hong Kong SAR 25th anniversary", "the Macau SAR 5G network"
MONTH_BEFORE_RE = re.compile(rf"(?:{MONTHS})\.?\s*$")
MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:{MONTHS})\b")
YEAR_RE = re.compile(r"(?:1[5-9]\d\d|20\d\d)s?")
_DIGIT_RE = re.compile(r"\d")
# where a bracketed number is a list's: at the start, or after , ; : and or ("Germany (27)" counts)
LIST_NUMBER_BEFORE_RE = re.compile(r"(?:^|[,;:]|\b(?:and|or))\s*$")
LIST_MARKER_AFTER_RE = re.compile(r"[.)](?:\s|$)")  # "1. The Ministry", "2) Trim" at the start
CLOCK_AFTER_RE = re.compile(r"\s?(?:[aApP]\.[mM]\.?|[aApP][mM]\b|o[’']clock\b)")  # 8 a.m.
SPACED_FIRST_RE = re.compile(r"\d[\d,.]*\s-$")  # "10 -" before the 12 of "Pages 10 -12"
CODES = frozenset({"401k", "403b", "4K", "8K"})  # retirement plans and screens, not 401,000
# Two figures are one range: "15% to 30%", "$3.5 billion to $5 billion", "between 200,000 and
# 400,000 euros" (but "from 5% to 7%" is a change between two figures).
RANGE_TO_RE = re.compile(r"\s+to\s+")
# a tally in votes, British style: "passed by 34 votes to 19" is one figure, as "by a vote of 34
# to 19" is (2026-12-06, an analyst's article)
VOTES_TO_RE = re.compile(r"\s+votes?\s+to\s+")
BY_BEFORE_RE = re.compile(r"\bby\s+$", re.IGNORECASE)
RANGE_AND_RE = re.compile(r"\s+and\s+")
FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:\w+\s+){0,2}$", re.IGNORECASE)  # from (about) 5%
# "rose 8% to $3.2 billion", "fell 0.2 percentage points to 4.1%": a change, then a new level
CHANGE_BEFORE_RE = re.compile(
    r"\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|grew|grow|grows|grown"
    r"|dropped|drops|climbed|climbs|increased|increases|decreased|decreases|declined|declines"
    r"|jumped|jumps|slid|slides|slipped|cut|cuts|raised|lowered|up|down|by)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
BETWEEN_BEFORE_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# "by a comfortable 31 to 17", "by a narrow 5 to 4": one tally, as "by a vote of 31 to 17" is;
# only a vote's adjective ("grew by a further 5 to 12 members" is a change and a level)
TALLY_BEFORE_RE = re.compile(
    r"\bby\s+an?\s+(?:(?:comfortable|narrow|wide|slim|clear|large|huge|overwhelming|unanimous"
    r"|convincing|healthy|resounding|decisive|big|landslide|razor-thin|lopsided)\s+)?$",
    re.IGNORECASE,
)
# A number after a capitalised word inside a sentence and before a model word names a product:
# "Huawei's Mate 60 Pro", "the Boeing 737 Max" ("On Monday 30 Chinese firms" stays a count).
MODEL_BEFORE_RE = re.compile(r"\S\s+[A-Z][\w’'-]*\s$")
MODEL_AFTER_RE = re.compile(r"\s(?:Pro|Max|Plus|Ultra|Mini|Lite|Air|Series|Edition|[A-Z])\b")
# A route's number before its vehicle names the route: "The 42 bus used to run every ten
# minutes", "the number 7 tram" (an analyst's article: the 42 was a figure with a source); not a
# plural ("the 42 buses", a count)
ROUTE_BEFORE_RE = re.compile(r"\b(?:the|a|number|no\.)\s+$", re.IGNORECASE)
ROUTE_AFTER_RE = re.compile(r"\s+(?:bus|tram|train|coach|ferry|service)\b(?!-)", re.IGNORECASE)


def figure_kind(match: re.Match[str], before: str, after: str) -> str | None:
    """Kind of a figure match (money, percent, multiplier, count) or None for dates and codes."""
    kind = match.lastgroup
    if kind == "phone":
        return None  # a telephone number: 202-452-2955
    if kind != "number" and kind != "ratio":  # a number before "to" or ":" that is no ratio
        return kind
    text = match.group()
    last, nxt = before[-1:], after[:1]
    spaced = last == "-" and before[-2:-1] == " "  # the 10 of "5 -10 degrees": no code's
    if last.isalpha() or (last and last in "-/:_" and not spaced) or nxt.isalpha() or text in CODES:
        return None  # part of a name or code: 5G, G20, COVID-19, 401k, hedges_per_1k
    if is_furniture_number(before, text, after):
        return None  # page furniture: "( 8.9 MB )", "6 min read", "Issue #212", "1/ Thread"
    if (
        spaced
        and (m := SPACED_FIRST_RE.search(before[-24:]))
        and is_reference_before(before[: len(before) - len(m.group())])
    ):
        return None  # the last page of "Pages 10 -12", as of "Pages 10-12"
    if (nxt == "(" and PROVISION_AFTER_RE.match(after)) or (
        last == "(" and PROVISION_BEFORE_RE.search(before[-8:])
    ):
        return None  # a provision or plan with a lettered part: 401(k), 403(b), 501(c)(3)
    if last == "(" and nxt == ")" and LIST_NUMBER_BEFORE_RE.search(before[:-1]):
        return None  # a list's number: "(1) cut emissions, (2) build plants"
    if (not before or before.isspace()) and len(text) <= 2 and LIST_MARKER_AFTER_RE.match(after):
        return None  # a list's or paragraph's marker: "1. The Ministry notes", "2) Trim"
    if is_section_number(before, text, after):
        return None  # a section's or paragraph's number: "1.1 On 4 March", "2.1.4 The"
    if nxt == "/" and after[1:2].isdigit():
        return None  # a date or a code: 3/4/2026, 24/7
    if nxt == "-" and after[1:2].isalpha() and not after.startswith("-strong"):
        return None  # a compound modifier: 7-nanometre chips (but a 70-strong team counts)
    if is_reference_before(before):
        return None  # a reference: Section 301, Executive Order 13873, Phase 1
    if last in '.!?"”’' and is_glued_marker(before, text, after):
        return None  # a footnote marker glued to a sentence's end: "keep.1 At least"
    first, _, second = text.partition("-") if "-" in text else text.partition("–")
    if second[:1] == "0" and len(second) >= 3:
        return None  # no range: a local telephone number (555-0100) or a code; 9-0 is a score
    if YEAR_RE.fullmatch(first) or MONTH_BEFORE_RE.search(before) or MONTH_AFTER_RE.match(after):
        return None  # a date, or years: 2019-2020, 2026-03-04
    if is_day_of_range(before, text, after):
        return None  # a range of dates: "from March 3 to 6", "between 14 and 22 March"
    if is_coding_value(before, after):
        return None  # a variable's code: "coded 1 if ... and 0 otherwise"
    if (nxt == ":" and after[1:2].isdigit()) or (
        after[1:2] in "aApPo" and CLOCK_AFTER_RE.match(after)
    ):
        return None  # a time or ratio such as 10:30, or a clock time: 8 a.m., 2 p.m.
    if MODEL_BEFORE_RE.search(before) and MODEL_AFTER_RE.match(after):
        return None  # a model name: Mate 60 Pro
    if (text[-1] == "m" or after.startswith(" m")) and is_distance_event(before, after):
        return None  # a sporting event's distance: the 100m final, 100m hurdles
    if ROUTE_AFTER_RE.match(after) and ROUTE_BEFORE_RE.search(before[-12:]):
        return None  # a route: the 42 bus, the number 7 tram
    return "count"


def figure_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the figures in ``text[start:end]``."""
    if not _DIGIT_RE.search(text, start, end):
        return []  # every figure has a digit; most sentences have none
    skip = sorted(no_figure_spans(text, start, end))
    k = 0  # the first span of ``skip`` that may still hold a number (numbers come in order)
    out: list[tuple[int, int, str]] = []
    ages = False
    for m in FIGURE_RE.finditer(text, start, end):
        pos = m.start()
        prev, prev2 = text[pos - 1 : pos], text[max(0, pos - 2) : pos]
        if prev.isdigit() or (prev in (".", ",") and prev2[:1].isdigit()):
            continue  # inside a longer number
        if prev == "\n" and is_note_number(text, pos):
            continue  # an endnote's number: "Notes\n1 NetRights Alliance v. Caldwell, ..."
        while k < len(skip) and skip[k][1] <= pos:
            k += 1  # this span, and every one before it, ends before pos
        # skip[k] ends after pos, and no span after it starts sooner: pos is skipped if it starts
        if (k < len(skip) and skip[k][0] <= pos) or (out and pos < out[-1][1]):
            continue  # a telephone number, a statistic or the rest of "USD 2-3 billion"
        floor = out[-1][1] if out else start  # "300 EUR 20 each": the code is taken
        stop = m.end()
        group = m.lastgroup
        if group == "ratio" and (
            ratio := ratio_end(text, pos, end, text[max(start, pos - 40) : pos])
        ):
            out.append((pos, ratio, "multiplier"))  # 2.6-to-1, by 3 to 1, a ratio of 2:1
            continue
        if (group == "number" or group == "ratio") and (
            money := money_after_a_code(text, floor, pos, end)
        ):
            out.append((*money.span(), "money"))
            continue
        first = figure_start(text, start, pos)  # with its sign and point: −0.19, .81
        before, after = context(text, start, first, stop, end)
        kind = figure_kind(m, before, after)
        if kind == "count" and group == "ratio" and (share := proportion_end(text, pos, end)):
            kind, stop = "percent", share  # a proportion, a share as 20% is: 1 in 5, 2 out of 3
        if (
            kind == "multiplier"
            and m.group().endswith("times")
            and is_count_of_actions(before, after)
        ):
            kind, stop = "count", stop - len(" times")  # shared 23,000 times: a count of shares
        if kind == "count" and out:
            if (points := percentage_points_end(text, out[-1], first, stop)) is not None:
                kind, stop = "percent", points  # "to 58%, up 2.1 points"
            elif is_compared_money(text, out[-1], (first, stop, kind)):
                kind = "money"  # "worth MSD 14.6 billion, well above the 11.2 billion average"
        if kind is not None:
            out.append((first, stop, kind))
            if kind == "count" and not ages:  # a quick test; is_age decides
                ages = after.startswith(AGE_AFTER_STARTS) or before.endswith(AGE_NEAR_ENDS)
    out = merge_ranges(text, start, out)
    if ages:  # ages and age bands are no figures: children under 10, a table's "1-4 years"
        return [f for f in out if f[2] != "count" or not is_age(text, f[0], f[1], start, end)]
    return out


# How much of a sentence before and after a number its rules read: every rule looks at the last
# or first few words, so a bounded window keeps a sentence of thousands of figures linear.
CONTEXT_CHARS = 120


def context(text: str, start: int, first: int, stop: int, end: int) -> tuple[str, str]:
    """The text of the sentence ``text[start:end]`` before ``first`` and after ``stop``, each cut
    to CONTEXT_CHARS characters; whole when the cut part is only white space (rules that ask
    whether a number opens or closes the sentence then see the same thing)."""
    lo, hi = max(start, first - CONTEXT_CHARS), min(end, stop + CONTEXT_CHARS)
    before, after = text[lo:first], text[stop:hi]
    if lo > start and (not before or before.isspace()):
        before = text[start:first]
    if hi < end and (not after or after.isspace()):
        after = text[stop:end]
    return before, after


def money_after_a_code(text: str, start: int, pos: int, end: int) -> re.Match[str] | None:
    """The amount of money that a currency code just before ``pos`` (where a number starts) and
    at or after ``start`` opens: "SAR 150 bn", "USD2bn"; None when there is no code."""
    lo = pos - 4 if text[pos - 1 : pos] == " " else pos - 3
    if lo < start or not CODE_RE.fullmatch(text, lo, lo + 3) or text[lo - 1 : lo].isalpha():
        return None
    m = CODE_MONEY_RE.match(text, lo, end)
    if m is None or YEAR_RE.fullmatch(m.group("amount")):
        return None  # "the Hong Kong SAR 2022 policy address": a year
    if text[lo : lo + 3] in _CODE_SET:
        return m
    # another three capitals are a currency only before a scale and after a money word
    scaled = m["amount"][-1].isalpha()
    if not scaled or counts_people_or_things(text, m.end()):  # "the UAE 5 million barrels"
        return None
    return m if after_money_word(text[max(start, lo - 60) : lo]) else None


def merge_ranges(
    text: str, start: int, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Figures joined as a range ("15% to 30%", "between 200,000 and 400,000 euros") as one,
    of the kind of whichever is not a bare count; not a change and its new level ("rose 8% to
    $3.2 billion", "from 5% to 7%"); ``start``: where the sentence starts."""
    out: list[tuple[int, int, str]] = []
    for span in spans:
        if out:
            a, b = out[-1], span
            between = text[a[1] : b[0]]
            before = text[max(start, a[0] - CONTEXT_CHARS) : a[0]]  # the rules read its end
            alike = a[2] in (b[2], "count")  # "3% to $45.20" is a change and a price
            # a new level is never in points: "by 4 to 6 percentage points" is a range
            points = text[b[0] : b[1]].endswith(POINT_UNITS)
            to = RANGE_TO_RE.fullmatch(between) and not (
                FROM_BEFORE_RE.search(before)
                or (
                    not points
                    and CHANGE_BEFORE_RE.search(before)
                    and not TALLY_BEFORE_RE.search(before)  # "by a comfortable 31 to 17"
                )
            )
            between_and = RANGE_AND_RE.fullmatch(between) and BETWEEN_BEFORE_RE.search(before)
            votes = VOTES_TO_RE.fullmatch(between) and BY_BEFORE_RE.search(before)
            if alike and (to or between_and or votes):
                out[-1] = (a[0], b[1], a[2] if b[2] == "count" else b[2])
                continue
        out.append(span)
    return out


def figure_rows(
    clean: str,
    sentence: Sentence,
    markers: Sequence[Marker],
    reactions: Sequence[Marker] = (),
    *,
    doc_id: str,
    borrowed: str = "none",
) -> list[dict]:
    """Rows of the figures table for one sentence; ``reactions`` are its markers of people's
    responses, apart from the others (see :func:`pipeline.figures_sourcing.figure_sourcing`);
    ``borrowed`` is the sourcing of a figure that has none in its clause (see
    :func:`pipeline.voices_sourcing.borrowed_sourcing`)."""
    rows = []
    for s, e, kind in figure_spans(clean, sentence.start, sentence.end):
        sourcing = figure_sourcing(clean, s, e, markers, reactions)
        rows.append(
            {
                "doc_id": doc_id,
                "sent_id": sentence.sent_id,
                "start": s,
                "end": e,
                "match": clean[s:e],
                "kind": kind,
                "sourcing": borrowed if sourcing == "none" else sourcing,
            }
        )
    return rows
