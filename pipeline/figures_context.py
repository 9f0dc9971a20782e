"""What the words around a number say it is (an age, a distance, a ratio, money).

Helpers of :mod:`pipeline.figures`. An age or an age band ("children under 10", "kids aged 5 to
11", "people 65 and older", a table's "1-4 years") says whom a claim is about, as a date says
when, so it is no figure; a duration ("18 years in prison", "it took 1-4 years") quantifies and
stays a count. A distance in metres that names an event ("the 100m final", "100m hurdles") is no
figure, as the compound modifier "a 10-year bond" is not; one that quantifies ("50m deep",
"200m away") stays a count, as "7 m of rope" does. A ratio ("a 2.6-to-1 ratio", "by 3 to 1", "a
ratio of 2:1") is one figure of kind multiplier, as "3x" is. The words these rules look for
(nouns of people, event names, ratio words, money words) are in
``pipeline/lexicons/figure_context.tsv``.

Money: an unlisted three-capital code before a number and a scale is a currency after a money
word ("worth MSD 14.6 billion"), and a bare amount of the same scale compared with an amount of
money is money ("worth MSD 14.6 billion, well above the 11.2 billion average"); a change in
bare points after a level in percent is in percentage points ("to 58%, up 2.1 points").

Whose a figure is (its sourcing) is in :mod:`pipeline.figures_sourcing`.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.figures_sourcing import CLAUSE_BREAK_RE
from pipeline.lexicon import lexicon_path, read_lexicon

ROLES = ("person", "one", "event", "ratio", "money", "counted")
MAX_AGE = 120


@cache
def context_words() -> dict[str, frozenset[str]]:
    """Words of ``figure_context.tsv`` by role (person, event, ratio, money, counted), lower case;
    raises
    ``ValueError`` for an unknown role or a (word, role) listed twice."""
    lexicon = read_lexicon([lexicon_path("figure_context.tsv")], required=("word", "role"))
    out: dict[str, set[str]] = {role: set() for role in ROLES}
    for i, row in enumerate(lexicon.rows):
        word, role = row["word"].lower(), row["role"]
        if role not in out:
            raise ValueError(f"{lexicon.where(i)}role {role!r} is not one of {', '.join(ROLES)}")
        if word in out[role]:
            raise ValueError(f"{lexicon.where(i)}{word!r} ({role}) is listed twice")
        out[role].add(word)
    return {role: frozenset(words) for role, words in out.items()}


# --- ages ------------------------------------------------------------------------------------
# a figure that can be an age: a whole number or a range of them ("5 to 11", "18-64"), "50s"
AGE_NUMBER_RE = re.compile(r"(\d{1,3})(?:\s*(?:[-–]|to|and)\s*(\d{1,3}))?s?")
# "65 and older", "18 years and over", "12 years old", "65+ years of age", "18- to 24-year-olds",
# "12 to 15 year olds"; not "25 and up to 40", "3 years and over that time"
AGE_AFTER_RE = re.compile(
    r"\s?\+?\s*(?:(?:years?|yrs?)[\s-]+(?:olds?|of\s+age)\b"
    r"|(?:(?:years?|yrs?)\s+)?(?:and|or)\s+(?:older\b|(?:over|above)\b(?!\s+(?:the|that|this"
    r"|these|those|an?|its|their|which)\b)|up\b(?!\s+to\b)))"
    r"|-?\s+(?:to|and|or)\s+\d{1,3}-years?-olds?\b",
    re.IGNORECASE,
)
# how what follows an age may start ("and older", "years old"), and how what comes before it may
# end ("aged", "under", "in their"): a quick test before the regular expressions
AGE_AFTER_STARTS = ("+", "-", " and ", " or ", " year", " yr", " month", " Year", " Month")
AGE_BEFORE_ENDS = (
    "age ", "aged ", "ages ", "between ", "from ", "of ", "under ", "over ", "above ", "below ",
    "least ", "to ", "about ", "around ", "than ", "their ", "his ", "her ", "my ", "your ",
    "our ", "early ", "mid ", "late ", "Age ", "Aged ", "Ages ", "Between ", "Under ", "Over ",
)  # fmt: skip
# "aged 5 to 11", "ages 18-64", "aged between 18 and 64", "at age 12", "older than 65"
AGE_BEFORE_RE = re.compile(
    r"\b(?:aged|ages?)\s+(?:(?:between|from|of|under|over|above|below|at\s+least|up\s+to"
    r"|about|around)\s+)?$|\b(?:older|younger)\s+than\s+$",
    re.IGNORECASE,
)
# "children under 10", "people over 65": the noun is looked up among the person words
PERSON_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+(?:under|over|above|below)\s+$", re.IGNORECASE)
# what may follow such an age: no word ("children under 10."), or one that does not name what
# is counted: "Workers under 40 hours", "Drivers over 80 km/h" are no ages
PERSON_AGE_AFTER_RE = re.compile(
    r"(?!\s*[^\W\d_])|\s+(?:years?|yrs?|months?|and|or|nor|but|who|whose|are|were|is|was|have"
    r"|had|has|will|would|can|could|may|might|must|should|in|at|from|with|without|to|for|living"
    r"|account|accounted|make|made|get|got|receive|received|need|needed|do|did|also|still)\b",
    re.IGNORECASE,
)
AGE_LIMIT_WORDS = ("under ", "over ", "above ", "below ")
# an age in decades: "in their 20s", "in her early 40s", "the over 50s", "the under 18s"
DECADE_BEFORE_RE = re.compile(
    r"\b(?:(?:their|his|her|my|your|our)\s+(?:(?:early|mid|late)\s+)?|(?:over|under)\s+)$",
    re.IGNORECASE,
)
# a table cell (or line, or sentence) that is only an age band, with a bound or a range: "Under
# 1 year", "1-4 years", "65+ years" (a cell "10 years" may be a value, and stays a count)
CELL_SEPARATORS = "|\t\n"
_PERIOD = r"\s*(?:years?|yrs?|months?)"
AGE_BAND_CELL_RE = re.compile(
    rf"\s*(?:(?:under|over|below|above|less\s+than|[<>≤≥])\s*\d{{1,3}}{_PERIOD}"
    rf"|\d{{1,3}}(?:\s*(?:[-–]|to)\s*\d{{1,3}}|\s?\+){_PERIOD})\s*[.:;]?\s*",
    re.IGNORECASE,
)


# one person's age after "is", "was" or "turned": "My mum is 84.", "her son, who was 12,", "I'm
# 19 and"; the subject a pronoun, "who" or a singular person of figure_context.tsv (role one);
# what follows ends the clause or says "years"
BE_AGE_ENDS = ("is ", "was ", "am ", "turns ", "turned ", "’s ", "'s ", "’m ", "'m ")
ONE_AGE_BEFORE_RE = re.compile(
    r"(?:\b(?P<pronoun>he|she|i|who)|\b(?P<noun>[a-z]+(?:-in-law)?))"
    r"(?:\s+(?:is|was|am|turns|turned|had\s+turned|has\s+turned)|['’][sm])"
    r"(?:\s+(?:now|just|only|then|still|nearly|almost))?\s+$",
    re.IGNORECASE,
)
ONE_AGE_AFTER_RE = re.compile(
    r"\s*(?:[.,;:!?)]|$)|\s+(?:years?|yrs?)\b|\s+(?:and|but|so|when|now|today|this|next|last)\b"
)


def is_ones_age(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether the count ``text[s:e]`` is one person's age after "is", "was" or "turned" (see
    ``ONE_AGE_BEFORE_RE``): "My mum is 84.", "The boy was 14 when"; not "The total is 84"."""
    if not text.endswith(BE_AGE_ENDS, start, s):
        return False
    m = ONE_AGE_BEFORE_RE.search(text, max(start, s - 40), s)
    if m is None or not ONE_AGE_AFTER_RE.match(text[e : min(end, e + 12)]):
        return False
    return m["pronoun"] is not None or m["noun"].lower() in context_words()["one"]


def is_age(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether the count ``text[s:e]`` in the sentence ``text[start:end]`` is an age or an age
    band: "aged 5 to 11", "people 65 and older", "children under 10", "in their 20s", a table's
    "1-4 years", "My mum is 84."; not a duration ("18 years in prison") or a count ("at least 65
    people")."""
    if not (
        text.startswith(AGE_AFTER_STARTS, e)
        or text.endswith(AGE_BEFORE_ENDS, start, s)
        or text.endswith(BE_AGE_ENDS, start, s)
    ):
        return False  # most counts have no word of an age next to them
    figure = text[s:e]
    m = AGE_NUMBER_RE.fullmatch(figure)
    if m is None or int(m[1]) > MAX_AGE or (m[2] is not None and int(m[2]) > MAX_AGE):
        return False
    if m[2] is None and figure[-1] != "s" and is_ones_age(text, s, e, start, end):
        return True
    after = text[e : min(end, e + 40)]
    if AGE_AFTER_RE.match(after):
        return True
    before = text[max(start, s - 40) : s]
    low = before.lower()
    if ("age" in low or "than" in low) and AGE_BEFORE_RE.search(before):
        return True
    if figure[-1] == "s":
        return DECADE_BEFORE_RE.search(before) is not None
    if (
        low.endswith(AGE_LIMIT_WORDS)
        and (p := PERSON_BEFORE_RE.search(before))
        and p[1].lower() in context_words()["person"]
        and PERSON_AGE_AFTER_RE.match(after)
    ):
        return True  # children under 10, people over 65
    head = after[:10].lower()
    if "year" in head or "yr" in head or "month" in head:
        lo = max(start, *(text.rfind(c, start, s) + 1 for c in CELL_SEPARATORS))
        ends = [i for c in CELL_SEPARATORS if (i := text.find(c, e, end)) >= 0]
        return AGE_BAND_CELL_RE.fullmatch(text, lo, min(ends, default=end)) is not None
    return False


# --- metres ----------------------------------------------------------------------------------
# "the men's 100m", "women's 400 m": an event
METRE_EVENT_BEFORE_RE = re.compile(r"\b(?:men|women|boys|girls)[’']s\s+$", re.IGNORECASE)
# the word after "100m", "100 m" or "100 metres"
METRE_WORD_AFTER_RE = re.compile(r"(?:\s?(?:metres?|meters?|m))?[\s-]+([A-Za-z][A-Za-z-]*)")


def is_distance_event(before: str, after: str) -> bool:
    """Whether a number written with "m" (attached, or " m"/" metres" in ``after``) names a
    sporting event: "the 100m final", "100m hurdles", "the women's 400m"."""
    if METRE_EVENT_BEFORE_RE.search(before[-12:]):
        return True
    m = METRE_WORD_AFTER_RE.match(after)
    return m is not None and m[1].lower() in context_words()["event"]


# --- ratios ----------------------------------------------------------------------------------
# "2.6-to-1", "3 to 1", "2:1"; not before a digit, a unit or a scale ("3 to 1%", "2:1.5", "a
# 3-to-5-year sentence", "3 to 1 million")
RATIO_RE = re.compile(
    r"(?P<a>\d{1,3}(?:\.\d+)?)(?P<sep>-to-|\s+to\s+|:)(?P<b>\d{1,3}(?:\.\d+)?)"
    r"(?![\d%:]|[.,]\d|-\w|\s?(?:per\s?cent|percentage|basis|bps?\b|pp|(?:tr|b|m)illion"
    r"|thousand|[mb]n\b|[mkb]\b))"
)
RATIO_WORD_AFTER_RE = re.compile(r"\s+([A-Za-z]+)")
# "a ratio of 2:1", "odds of 3 to 1"
RATIO_OF_BEFORE_RE = re.compile(
    r"\b(ratios?|odds|margin|majority|split)\s+(?:of|was|is|at|stood\s+at)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than)\s+)?$",
    re.IGNORECASE,
)
# a word after "N to M" that makes it a range, not a ratio ("3 to 4 points", "12 to 15 years")
NO_RATIO_WORDS_AFTER = frozenset(
    "year years yr yrs month months week weeks day days hour hours point points pts percent per"
    " percentage".split()
)
# A proportion, "1 in 5", "1 in 100,000", "1 in 14 million", "2 out of 3" (1.36.13; the parts are
# whole numbers, the first the smaller): one figure, a share of a whole as "20%" is; not a year
# ("rose 3 in 2022") nor a period or a match ("scored 2 in 5 minutes", "3 in 4 games")
PROPORTION_RE = re.compile(
    r"(?P<a>\d{1,3}(?:,\d{3})*)\s+(?:in|out\s+of)\s+(?P<b>\d{1,3}(?:,\d{3})+|\d{1,7})"
    r"(?P<scale>\s+(?:million|billion|thousand))?(?![\w%‰]|[.,:/-]\d)"
)
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NO_PROPORTION_WORDS_AFTER = NO_RATIO_WORDS_AFTER | frozenset(
    "minute minutes min mins second seconds sec secs decade decades game games match matches"
    " race races start starts appearance appearances outing outings round rounds innings"
    " fixture fixtures".split()
)
YEAR_LIKE_RE = re.compile(r"1[5-9]\d\d|20\d\d")


def proportion_end(text: str, pos: int, end: int) -> int | None:
    """Where a proportion that starts at ``pos`` ends ("1 in 5", "2 out of 3", "1 in 14
    million"), or None (``PROPORTION_RE``): the first part smaller than the second, which is no
    year, and no period or match after it ("2 in 5 minutes")."""
    m = PROPORTION_RE.match(text, pos, end)
    if m is None or YEAR_LIKE_RE.fullmatch(m["b"]):
        return None
    whole = (
        int(m["b"].replace(",", "")) * SCALES[m["scale"].split()[0].lower()]
        if m["scale"]
        else int(m["b"].replace(",", ""))
    )
    if not 0 < int(m["a"].replace(",", "")) < whole:
        return None
    word = RATIO_WORD_AFTER_RE.match(text, m.end(), end)
    if word is not None and word[1].lower() in NO_PROPORTION_WORDS_AFTER:
        return None
    return m.end()


# "by 3 to 1", "by a 3:1 margin", "by about 2 to 1"
BY_BEFORE_RE = re.compile(
    r"\bby\s+(?:an?\s+)?(?:(?:about|around|roughly|nearly|almost|more\s+than)\s+)?$",
    re.IGNORECASE,
)


def ratio_end(text: str, pos: int, end: int, before: str) -> int | None:
    """Where a ratio that starts at ``pos`` ends ("2.6-to-1", "3 to 1", "2:1"), or None: it
    needs a ratio word after it ("a 3 to 2 margin") or "ratio of" before it, or (second term 1)
    a hyphenated "-to-" or "by" before it ("by 3 to 1"); ``before``: the sentence up to ``pos``."""
    m = RATIO_RE.match(text, pos, end)
    if m is None:
        return None
    word = RATIO_WORD_AFTER_RE.match(text, m.end(), end)
    if word is not None and word[1].lower() in context_words()["ratio"]:
        return m.end()
    if word is not None and word[1].lower() in NO_RATIO_WORDS_AFTER:
        return None  # "a margin of 3 to 4 points", "12 to 15 year olds": a range
    of = RATIO_OF_BEFORE_RE.search(before[-40:])
    if of is not None and (
        of[1].lower() in ("ratio", "ratios", "odds") or float(m["a"]) >= float(m["b"])
    ):
        return m.end()  # "a majority of 5 to 4", not "the majority of 12 to 15"
    if m["b"] == "1" and m["a"] != "1" and (m["sep"] == "-to-" or BY_BEFORE_RE.search(before)):
        return m.end()
    return None


# --- money and points ------------------------------------------------------------------------
MONEY_WORDS_BEFORE = 3  # "worth MSD", "wiping roughly MSD", "loans of XYZ"


def after_money_word(before: str) -> bool:
    """Whether one of the last three words of ``before`` (the text before a currency code) is a
    money word of ``figure_context.tsv``: "worth ", "wiping roughly "."""
    money = context_words()["money"]
    words = before[-60:].split()[-MONEY_WORDS_BEFORE:]
    return any(w.strip(",.;:()\"'“”").lower() in money for w in words)


SCALE_END_RE = re.compile(r"\d\s?(trillion|billion|million|trn|bn|mn|tn)$", re.IGNORECASE)
# what comes right before an amount compared with another: "well above the", "up from", "than"
COMPARED_BEFORE_RE = re.compile(
    r"\b(?:above|below|than|compared\s+(?:with|to)|versus|vs\.?|against|(?:up|down)\s+from"
    r"|exceed(?:s|ed|ing)?)\s+(?:(?:the|a|an|its|their)\s+)?$",
    re.IGNORECASE,
)
MAX_COMPARED_GAP = 60
Span = tuple[int, int, str]


def is_compared_money(text: str, money: Span, count: Span) -> bool:
    """Whether the bare amount ``count`` is money compared with the amount of money ``money``
    just before it (same scale, a comparison right before it, no clause break): the second of
    "worth MSD 14.6 billion, well above the 11.2 billion average"; not "$5 billion to reach
    more than 2 billion people"."""
    if money[2] != "money" or count[2] != "count" or count[0] - money[1] > MAX_COMPARED_GAP:
        return False
    a = SCALE_END_RE.search(text, money[0], money[1])
    b = SCALE_END_RE.search(text, count[0], count[1])
    if a is None or b is None or a[1].lower() != b[1].lower():
        return False
    between = text[money[1] : count[0]]
    if CLAUSE_BREAK_RE.search(between) or not COMPARED_BEFORE_RE.search(between):
        return False
    return not counts_people_or_things(text, count[1])


def counts_people_or_things(text: str, end: int) -> bool:
    """Whether the word after an amount ending at ``end`` says it counts people or things (a
    ``person`` or ``counted`` word of ``figure_context.tsv``: "2 billion users", "5 million
    barrels"), so it is no money."""
    word = RATIO_WORD_AFTER_RE.match(text, end, end + 30)
    if word is None:
        return False
    roles = context_words()
    return word[1].lower() in roles["person"] or word[1].lower() in roles["counted"]


# a change in bare points after a level in percent: "to 58%, up 2.1 points", "34% (down 3 pts)"
LEVEL_CHANGE_RE = re.compile(
    r"[\s,(]*(?:up|down|a\s+(?:rise|fall|drop|gain)\s+of|an?\s+(?:increase|decrease)\s+of)\s+",
    re.IGNORECASE,
)
BARE_POINTS_RE = re.compile(r"\s(?:points?|pts)\b")
CHANGE_NUMBER_RE = re.compile(r"\d{1,3}(?:\.\d+)?")
MAX_POINTS = 100  # percentage points; "rose 0.8%, up 300 points" is an index's


def percentage_points_end(text: str, level: Span, s: int, e: int) -> int | None:
    """Where "N points" ends when the count ``text[s:e]`` is a change in percentage points
    right after the level in percent ``level``: the 2.1 of "rose to 58%, up 2.1 points"."""
    if level[2] != "percent" or LEVEL_CHANGE_RE.fullmatch(text, level[1], s) is None:
        return None
    m = BARE_POINTS_RE.match(text, e)
    number = CHANGE_NUMBER_RE.fullmatch(text, s, e)
    if m is None or number is None or float(number.group()) > MAX_POINTS:
        return None
    return m.end()


# --- provisions ------------------------------------------------------------------------------
# a number with a lettered part names a provision or a plan: "401(k)", "403(b)s", "501(c)(3)"
PROVISION_AFTER_RE = re.compile(r"\([a-zA-Z]{1,2}\)")
# the 3 of "501(c)(3)", the 2 of a subsection "Section (D)(2)" or "(a)(iv)(2)"
PROVISION_BEFORE_RE = re.compile(r"\([a-zA-Z]{1,4}\)\($")


# --- endnotes --------------------------------------------------------------------------------
# a notes section: a paragraph that opens with one of these words on a line of its own
# ("Notes\n1 NetRights Alliance v. Caldwell, ...") or that opens with a number and follows a
# paragraph that is only one of these words; a table of contents numbers its lines the same way
# ("Contents\n1 Background\n2 Provisions")
NOTES_HEADINGS = frozenset(
    {"notes", "endnotes", "footnotes", "references", "sources", "contents", "table of contents"}
)
NOTE_NUMBER_RE = re.compile(r"\d{1,3} +\S")


def is_note_number(text: str, pos: int) -> bool:
    """Whether the number at ``pos`` in ``text`` (the clean document), at a line's start, is an
    endnote's number: a line of a notes section ("1 National Conference of ...") or of a table
    of contents ("Contents\n1 Background")."""
    if not NOTE_NUMBER_RE.match(text, pos) or text[pos - 1 : pos] not in ("\n", ""):
        return False
    para = _paragraph_start(text, pos)
    first_line_end = text.find("\n", para, pos)
    if first_line_end >= 0 and _is_notes_heading(text[para:first_line_end]):
        return True  # "Notes\n1 NetRights ...": the heading opens the paragraph
    if para < 2 or not NOTE_NUMBER_RE.match(text, para):
        return False  # after a heading paragraph, the notes' paragraph opens with a number
    return _is_notes_heading(text[_paragraph_start(text, para - 2) : para - 2])


def _paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph holding ``pos`` starts (after the last blank line before it)."""
    i = text.rfind("\n\n", 0, pos)
    return i + 2 if i >= 0 else 0


def _is_notes_heading(line: str) -> bool:
    return line.strip().rstrip(":").lower() in NOTES_HEADINGS
