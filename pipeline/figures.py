"""Numeric claims (figures) with their sourcing, questions and quotations in a sentence.

What counts as a figure: a number written with digits, as a percentage (``82%``, ``4 percent``),
an amount of money (``$12 billion``, ``€3m``, ``5 million euros``), a multiplier (``3x``,
``2.5 times``) or a count (``150 countries``, ``28``, ``1.2 million``). Years and other dates
(``2019``, ``1990s``, ``May 5``, ``12 March``) anchor a claim in time but are not figures and
are left out; so are numbers that are part of a name or code (``5G``, ``G20``, ``COVID-19``,
"Mate 60 Pro"), references ("Section 301", "Phase 1": the words in
``pipeline/lexicons/reference_nouns.txt``), compound modifiers ("7-nanometre chips", "a
10-point plan") and telephone numbers. A range ("20-30%", "$2-3 billion", "15% to 30%",
"between 200,000 and 400,000 euros") is one figure; "from 5% to 7%" is two.
Spelled-out numbers ("a dozen", "two years") are not counted.

Sourcing of a figure: the attribution marker (or evidential hedge such as "reportedly") nearest
to it in the same sentence and the same clause decides: ``named`` for a named attribution,
``vague`` for a vague one or an evidential; ``none`` when there is neither. Clauses are split at
``;``, ``:`` and dashes (— –), so in "While China denies abuses, the fallout is tangible: the
U.S. Commerce Department blacklisted 28 Chinese entities" the 28 is unsourced. There is no
carry-over from earlier sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

from pipeline.ingest import SPEAKER_RE
from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.types import Sentence

if TYPE_CHECKING:
    from pipeline.stance import Marker

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?i:trillion|billion|million|thousand|bn|mn|tn|m|k)\b)?"  # "£200 Million" too
# "5 million euros", "a 450 million euro expansion", "30 cents"
_CURRENCY_WORD = (
    r"(?:dollars?|euros?|pounds?|cents?|pence|yuan|renminbi|yen|rupees?|roubles?|rubles?"
    r"|USD|EUR|GBP)\b"
)
_NUM_RANGE = rf"(?:[-–](?:{_NUM}))?"  # "20-30%", "$2–3 billion": one figure ("1,200 – 15%": two)
_CURRENCY_SYMBOLS = ("US$", "A$", "C$", "HK$", "$", "€", "£", "¥")
_CURRENCY = "|".join(map(re.escape, _CURRENCY_SYMBOLS))
# Every figure starts with a digit or a currency symbol; the lookahead turns other positions
# away with one test instead of entering each alternative.
_FIGURE_START = "[\\d" + re.escape("".join(dict.fromkeys(s[0] for s in _CURRENCY_SYMBOLS))) + "]"
FIGURE_RE = re.compile(
    rf"""
    (?={_FIGURE_START})
    (?:
    (?P<money>(?:{_CURRENCY})\s?(?:{_NUM}){_NUM_RANGE}{_SCALE}
      |(?:{_NUM}){_NUM_RANGE}(?:\s(?i:trillion|billion|million|thousand))?\s{_CURRENCY_WORD})
    |(?P<percent>(?:{_NUM}){_NUM_RANGE}\s?(?:%|percent\b|per\s?cent\b|percentage\s+points?\b))
    |(?P<multiplier>(?:{_NUM})(?:x\b|-fold\b|\s(?:times|fold)\b))
    |(?P<number>(?:{_NUM})(?:\s(?:trillion|billion|million|thousand|hundred)\b)?(?:s\b)?)
    )
    """,
    re.VERBOSE,
)
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MONTH_BEFORE_RE = re.compile(rf"(?:{MONTHS})\.?\s*$")
MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:{MONTHS})\b")
YEAR_RE = re.compile(r"(?:1[5-9]\d\d|20\d\d)s?")
OPENING_QUOTES, CLOSING_QUOTES = "“«", "”»"
QUOTE_RE = re.compile(rf'[{OPENING_QUOTES}"]([^{CLOSING_QUOTES}"]+)[{CLOSING_QUOTES}"]')
QUOTE_MARK_RE = re.compile(rf'[{OPENING_QUOTES}{CLOSING_QUOTES}"]')
QA_LABELS = frozenset({"Q", "A", "QUESTION", "ANSWER"})
QA_DOT_RE = re.compile(r"\s*(Q|A|Question|Answer)\.(?:\s|$)")  # "Q. Will prices rise?"
INTERVIEWER_LABELS = frozenset({"Q", "QUESTION"})
CLOSERS = " \t\r\n)]’'）】"
CLAUSE_BREAK_RE = re.compile(r"[;:—–]|\s-\s")
_DIGIT_RE = re.compile(r"\d")
# A telephone number: an international prefix or an area code in brackets, then digit groups
# ("+46 8 555 0100", "(202) 555-0100"), or digit groups after "Tel", "Phone" or "Fax".
PHONE_LABELS = ("telephone", "tel", "phone", "fax", "mobile")
PHONE_RE = re.compile(
    r"(?:\+\d{1,3}|\(\d{1,4}\))(?:[\s.-]\d{1,4}){2,}(?![\d%])"
    rf"|(?i:\b(?:{'|'.join(PHONE_LABELS)})\b\.?:?\s*)\d[\d\s().-]{{5,}}\d"
)
MIN_PHONE_DIGITS = 7
# where a bracketed number is a list's: at the start, or after , ; : and or ("Germany (27)" counts)
LIST_NUMBER_BEFORE_RE = re.compile(r"(?:^|[,;:]|\b(?:and|or))\s*$")
# Two figures are one range: "15% to 30%", "$3.5 billion to $5 billion", "between 200,000 and
# 400,000 euros" (but "from 5% to 7%" is a change between two figures).
RANGE_TO_RE = re.compile(r"\s+to\s+")
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
# A number after a capitalised word inside a sentence and before a model word names a product:
# "Huawei's Mate 60 Pro", "the Boeing 737 Max" ("On Monday 30 Chinese firms" stays a count).
MODEL_BEFORE_RE = re.compile(r"\S\s+[A-Z][\w’'-]*\s$")
MODEL_AFTER_RE = re.compile(r"\s(?:Pro|Max|Plus|Ultra|Mini|Lite|Air|Series|Edition|[A-Z])\b")


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
    one space: "Section ", "Executive Order ", "§ "."""
    if not before[-1:].isspace():
        return False
    folded, exact = reference_words()
    words = before[-60:].split()
    if len(before) > 60:
        words = words[1:]  # the first may be cut; the longest entries are two short words
    words = [w.lstrip("([\"“‘'") for w in words]  # "(Section 301)", "“Article 5"
    tails = [" ".join(words[-n:]) for n in (1, 2) if len(words) >= n]
    return any(t in exact or t.lower() in folded for t in tails)


def figure_kind(match: re.Match[str], before: str, after: str) -> str | None:
    """Kind of a figure match (money, percent, multiplier, count) or None for dates and codes."""
    kind = match.lastgroup
    if kind != "number":
        return kind
    text = match.group()
    last = before[-1:]
    if last.isalpha() or (last and last in "-/:") or after[:1].isalpha():
        return None  # part of a name or code: 5G, G20, COVID-19
    if last == "(" and after[:1] == ")" and LIST_NUMBER_BEFORE_RE.search(before[:-1]):
        return None  # a list's number: "(1) cut emissions, (2) build plants"
    if after[:1] == "-" and after[1:2].isalpha() and not after.startswith("-strong"):
        return None  # a compound modifier: 7-nanometre chips (but a 70-strong team counts)
    if is_reference_before(before):
        return None  # a reference: Section 301, Executive Order 13873, Phase 1
    if YEAR_RE.fullmatch(text) or MONTH_BEFORE_RE.search(before) or MONTH_AFTER_RE.match(after):
        return None  # a date
    if after[:1] == ":" and after[1:2].isdigit():
        return None  # a time or ratio such as 10:30
    if MODEL_BEFORE_RE.search(before) and MODEL_AFTER_RE.match(after):
        return None  # a model name: Mate 60 Pro
    return "count"


def figure_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the figures in ``text[start:end]``."""
    if not _DIGIT_RE.search(text, start, end):
        return []  # every figure has a digit; most sentences have none
    phones = [
        m.span()
        for m in (
            PHONE_RE.finditer(text, start, end) if _may_hold_a_phone(text, start, end) else ()
        )
        if len(_DIGIT_RE.findall(m.group())) >= MIN_PHONE_DIGITS
    ]
    out = []
    for m in FIGURE_RE.finditer(text, start, end):
        prev, prev2 = text[m.start() - 1 : m.start()], text[max(0, m.start() - 2) : m.start()]
        if prev.isdigit() or (prev in (".", ",") and prev2[:1].isdigit()):
            continue  # inside a longer number
        if any(lo <= m.start() < hi for lo, hi in phones):
            continue  # a telephone number
        kind = figure_kind(m, text[start : m.start()], text[m.end() : end])
        if kind is not None:
            out.append((m.start(), m.end(), kind))
    return merge_ranges(text, start, out)


def _may_hold_a_phone(text: str, start: int, end: int) -> bool:
    """A quick test before PHONE_RE: a telephone number needs "+", "(" or a Tel/Phone label."""
    part = text[start:end]
    if "+" in part or "(" in part:
        return True
    low = part.lower()  # str methods scan in C; a case-insensitive regex was a hot spot
    return any(word in low for word in PHONE_LABELS)


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
            between, before = text[a[1] : b[0]], text[start : a[0]]
            alike = a[2] in (b[2], "count")  # "3% to $45.20" is a change and a price
            to = RANGE_TO_RE.fullmatch(between) and not (
                FROM_BEFORE_RE.search(before) or CHANGE_BEFORE_RE.search(before)
            )
            between_and = RANGE_AND_RE.fullmatch(between) and BETWEEN_BEFORE_RE.search(before)
            if alike and (to or between_and):
                out[-1] = (a[0], b[1], a[2] if b[2] == "count" else b[2])
                continue
        out.append(span)
    return out


def figure_sourcing(text: str, start: int, end: int, markers: Sequence[Marker]) -> str:
    """named / vague / none: the nearest attribution or evidential marker in the same clause."""
    best: tuple[int, int, str] | None = None
    for m in markers:
        lo, hi = (m.end, start) if m.end <= start else (end, m.start)
        if lo < hi and CLAUSE_BREAK_RE.search(text, lo, hi):
            continue
        if m.category == "attribution":
            label = m.subtype
        elif m.category == "hedge" and m.subtype == "evidential":
            label = "vague"
        else:
            continue
        distance = max(m.start - end, start - m.end, 0)
        key = (distance, m.start, label)
        if best is None or key < best:
            best = key
    return "none" if best is None else best[2]


def figure_rows(
    clean: str, sentence: Sentence, markers: Sequence[Marker], *, doc_id: str
) -> list[dict]:
    """Rows of the figures table for one sentence."""
    return [
        {
            "doc_id": doc_id,
            "sent_id": sentence.sent_id,
            "start": s,
            "end": e,
            "match": clean[s:e],
            "kind": kind,
            "sourcing": figure_sourcing(clean, s, e, markers),
        }
        for s, e, kind in figure_spans(clean, sentence.start, sentence.end)
    ]


def is_question(text: str) -> bool:
    """Whether a sentence is the writer's own question: it ends in '?' outside quotation marks.

    "So, is there a middle ground?" counts; 'He asked: "Why now?"' does not (a reported question).
    The questions of an interview's or hearing's turns are not the writer's either; the stance
    stage leaves them out with :func:`speaker_turns`.
    """
    stripped = text.rstrip(CLOSERS)
    if stripped.endswith(("”", '"', "」", "』")):
        return False
    return stripped.endswith(("?", "？"))  # a full-width mark ends a Chinese question


def has_quotation(text: str, *, min_words: int = 4) -> bool:
    """Whether a sentence quotes someone: a quotation of at least ``min_words`` words.

    Shorter quoted phrases (“cyber sovereignty”) are scare quotes or terms, not reported words.
    """
    return any(len(q.split()) >= min_words for q in QUOTE_RE.findall(text))


def speaker_turns(sentences: Sequence[Sentence]) -> dict[int, str]:
    """Paragraph id -> speaker label of the turns of an interview or transcript: paragraphs that
    open with a label in capitals and a colon ("Q:", "A:", "SEN. SMITH:", "MR. PICHAI:"), or
    "Q." / "A." when both occur. Labels other than Q and A count only when one of them opens
    two or more paragraphs (a speaker speaks again), so that "WHY IT MATTERS:" and "WHAT'S
    NEXT:" sections or a lone "UPDATE:" are no speakers."""
    turns, dotted, seen = {}, {}, set()
    for s in sentences:  # in text order: a paragraph's first sentence comes first
        if s.paragraph_id in seen:
            continue
        seen.add(s.paragraph_id)
        if s.is_heading:
            continue
        if m := SPEAKER_RE.match(s.text):
            turns[s.paragraph_id] = m.group(1).upper()
        elif m := QA_DOT_RE.match(s.text):
            dotted[s.paragraph_id] = m.group(1).upper()[0]
    if {"Q", "A"} <= set(dotted.values()):
        turns.update(dotted)
    labels = list(turns.values())
    if not any(labels.count(x) >= 2 for x in set(labels) - QA_LABELS):
        turns = {p: label for p, label in turns.items() if label in QA_LABELS}
    return turns


def quoted_sentence_ids(
    sentences: Sequence[Sentence], turns: Mapping[int, str] | None = None
) -> set[int]:
    """Body sentences that are someone else's words though no quotation opens and closes in
    them: the sentences of a quotation that runs over several sentences (“We are proud. Our
    customers want it,” he said: both), also when the paragraph ends before the quotation
    closes, as news style does for a quotation of several paragraphs; and the turns of an
    interviewee or a hearing's speakers (``turns``, from :func:`speaker_turns`), not the
    interviewer's "Q:". A quotation opens at “ « (or an odd " that is no inch mark) and closes
    at ” » (or the next ")."""
    turns = speaker_turns(sentences) if turns is None else turns
    out: set[int] = set()
    open_quote, paragraph = False, None
    for s in sentences:
        if s.paragraph_id != paragraph:
            paragraph, open_quote = s.paragraph_id, False
        if s.is_heading:
            continue
        quoted_from_start = open_quote
        for m in QUOTE_MARK_RE.finditer(s.text):
            mark = m.group()
            if mark == '"' and not open_quote and s.text[m.start() - 1 : m.start()].isdigit():
                continue  # an inch mark (a 6" pipe); an open quotation's " closes it ("… 2025")
            open_quote = mark in OPENING_QUOTES or (mark == '"' and not open_quote)
        speaker = turns.get(s.paragraph_id)
        if quoted_from_start or open_quote or (speaker and speaker not in INTERVIEWER_LABELS):
            out.add(s.sent_id)
    return out
