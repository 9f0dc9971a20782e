"""Punkt's sentence spans for the segmenter (:mod:`pipeline.segment`): NLTK's Punkt with the
project's abbreviations and sentence starters (nothing downloaded), its answers for short
contexts cached, and its splits mended - the false ends after an initial or an initialism, inside
a legal citation, after a reference abbreviation before its number, at a wiki's cleanup mark, at
a spaced ellipsis and after a quoted question before its reporting clause undone, reference
marks and footnote numbers given back to the sentence they close, and the cuts it misses made:
before a quoted sentence after an abbreviation, after a footnote marker.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from pipeline.citations import (
    NUMBER_ABBREVIATIONS,
    PAGE_SENTENCE_RE,
    citation_spans,
    footnote_markers,
)
from pipeline.language import english_common_words
from pipeline.lexicon import lexicon_path, listed_section, read_word_list
from pipeline.punkt import import_punkt
from pipeline.voices import REFERENCE_MARK, SUPERSCRIPT_DIGITS

# Punkt finds no boundary in a text without sentence punctuation; cap such runs so a
# 100,000-character line still yields sentences of bounded length.
MAX_SENTENCE_CHARS = 2000
SENTBREAK_CACHE_SIZE = 65_536  # Punkt contexts remembered (a few words each)
MAX_CACHED_CONTEXT = 200  # characters: longer contexts are tested each time (at most ~26 MB)

_NON_SPACE_RE = re.compile(r"\S")

# Abbreviations (Punkt types) that may end a sentence before a quotation: company suffixes,
# places, "etc.", times and months ('JPMorgan Chase & Co. "The question is ...," she said.'),
# listed in quote_break_abbreviations.txt. Not titles before a name ('Sen. "Chuck" Grassley') nor
# references before a title or a number ('e.g. "The Art of War"', 'No. "Seven"').
QUOTE_BREAK_ABBREVIATIONS = frozenset(read_word_list(lexicon_path("quote_break_abbreviations.txt")))
_PERIOD_QUOTE_RE = re.compile(r'\.[ \n]+(?=["“«][A-Z])')  # "Co. “The": where a cut may be
_CLOSING_QUOTE = {'"': '"', "“": "”", "«": "»"}
MIN_QUOTED_SENTENCE_WORDS = 3  # "Entity List" and "Chips Act." are names, not quoted sentences
MAX_QUOTE_SEARCH = 400  # how far a quotation's closing mark is looked for
# Punkt's false ends: an initial before the end of bold or italic marks ("**Rachel T.** says:"),
# an initialism before a code ("under A.A.C. R9-6-355 was applied")
_INITIAL_END_RE = re.compile(r"(?:^|[\s*_(])[A-Z]\.$")
_INITIALISM_END_RE = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,}$")
_CODE_START_RE = re.compile(r"[A-Z]{1,4}\d|\d+[-.:/]\d")
_CODE_AFTER_PERIOD_RE = re.compile(r"\.\s+(?:[A-Z]{1,4}\d|\d+[-.:/]\d)")

# What closes the sentence before it when Punkt puts it at the start of the next one: a wiki's
# reference or cleanup mark (voices.REFERENCE_MARK: "[1]", "[citation needed]", "[who?]"), a
# superscript footnote number ("³") and closing quotation marks or brackets before one ('.”)³'; a
# straight '"' only glued on, 'disgrace."[1]': after a space it as often opens a quotation)
_NOTE = rf"{REFERENCE_MARK}(?!\()|[{SUPERSCRIPT_DIGITS}]+"  # not a Markdown link: "[here](url)"
_NOTES_LEAD_RE = re.compile(rf"(?:{_NOTE}|[”’)\]»]+(?={_NOTE}))+")
_GLUED_NOTES_LEAD_RE = re.compile(rf"(?:{_NOTE}|[\"”’)\]»]+(?={_NOTE}))+")
_LEAD_CHARS = frozenset('["”’)]»\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079')
# a wiki's cleanup mark with a question mark inside ("[who?]", "[when?]") closing a span after
# a word or a comma ("metadata,[who?] although ..."): Punkt's end at its "?" is none
_MID_CLEANUP_MARK_RE = re.compile(rf"(?<![.!?…\"”’)\]\s])(?:{REFERENCE_MARK})+\Z")
# a superscript footnote number after a sentence's end and before the next ("sharing.¹ Western")
_SUPERSCRIPT_END_RE = re.compile(
    rf"[.!?][\"”’)\]]{{0,3}}[{SUPERSCRIPT_DIGITS}]{{1,3}}[ \t\n]+(?=[\"“‘(\[]?[A-Z])"
)
# a reference abbreviation in capitals before a number ("Art. 9", "Ch. 5", "Figs. 2"): no end
# a quoted question or exclamation at Punkt's end ('"Who is there?"'): one closing mark at least
_NON_SPACE_RUN_RE = re.compile(r"\S{1,40}")
_QUOTED_CRY_END_RE = re.compile(r"[?!][\"”’'»]+\Z")
# a reporting clause led by a name after it ('Mrs Patel asked.', 'Mr Briggs shouted, banging the
# table.', 'Ursula von der Leyen asked again.'): up to four capitalised words (name particles
# before any but the first, or with a hyphen before the first: 'al-Sadr'), one of the verbs of
# ``reporting_clauses.txt``, maybe an object ('asked reporters', 'asked the minister'), at most
# one word after it and a punctuation mark or the end (:func:`_named_clause`)
CLAUSE_VERBS = listed_section("reporting_clauses.txt", "# verbs")
NO_SPEAKER = listed_section("reporting_clauses.txt", "# no speaker") | english_common_words()
AFTER_CLAUSE_VERB = listed_section("reporting_clauses.txt", "# after the verb")
NOT_ADVERBS = listed_section("reporting_clauses.txt", "# not adverbs")
_PARTICLE = "|".join(sorted(listed_section("reporting_clauses.txt", "# name particles")))
OBJECT_CLAUSE_VERBS = listed_section("reporting_clauses.txt", "# verbs with an object")
_OBJECT = "|".join(sorted(listed_section("reporting_clauses.txt", "# objects")))
_OBJECT_DET = "|".join(sorted(listed_section("reporting_clauses.txt", "# object determiners")))
_NAMED_CLAUSE_RE = re.compile(
    rf"(?P<first>(?:(?:{_PARTICLE})-)?[A-Z][\w’'.&-]*)(?:(?:\s+(?:{_PARTICLE}))*\s+[A-Z][\w’'.&-]*){{0,3}}"
    r"\s+(?P<verb>[a-z]+)"
    rf"(?:\s+(?P<object>(?:{_OBJECT_DET})\s+[\w’'-]+(?:\s+[\w’'-]+)?|(?:{_OBJECT})))?"
    r"(?:\s+(?P<after>[a-z]+))?\s*"
    r"(?:[.;:!?—–]|,(?!\s*(?:however|though)\b)|\Z)"
)
_REFERENCE_WORD_RE = re.compile(r"(?:^|[\s(])([A-Z][a-z]{1,4})\.$")
# an opening quotation mark: at the start or after a space, a bracket or a dash, before a
# non-space ('"Why?"', 'shouted "Will'; not the apostrophe of "Who's")
_OPENING_QUOTE_RE = re.compile(r"(?<![^\s(\[{—–-])[\"'“‘«](?=\S)")
# a closing one: after a non-space, before a space, a punctuation mark or the end ("don’t": none)
_CLOSING_QUOTE_RE = re.compile(r"(?<=\S)[\"'”’»](?=[\s,.;:!?)\]—–]|\Z)")


@functools.lru_cache(maxsize=4)
def sentence_tokenizer(abbreviations: frozenset[str]) -> Any:
    """NLTK's Punkt with the project's abbreviation list and frequent sentence starters
    (``sentence_starters.txt``): no model file, nothing downloaded."""
    punkt = import_punkt()
    params = punkt.PunktParameters()
    params.abbrev_types = set(abbreviations)
    params.sent_starters = {
        w.lower() for w in read_word_list(lexicon_path("sentence_starters.txt"))
    }
    tokenizer = punkt.PunktSentenceTokenizer(params)
    # Punkt asks of each candidate end's context ("region. The") whether it holds a break: a
    # pure function of those few words (the parameters are fixed), re-tokenized and annotated
    # on every call (over half of Punkt's time); the same contexts recur across a corpus
    tokenizer.text_contains_sentbreak = _short_contexts_cached(tokenizer.text_contains_sentbreak)
    return tokenizer


def _short_contexts_cached(test: Callable[[str], bool]) -> Callable[[str], bool]:
    """``test`` remembering its answers for contexts of up to MAX_CACHED_CONTEXT characters (a
    context holds a whole token: an unbroken 10,000-character run would be kept whole)."""
    cached = functools.lru_cache(maxsize=SENTBREAK_CACHE_SIZE)(test)

    def contains_sentbreak(text: str) -> bool:
        return cached(text) if len(text) <= MAX_CACHED_CONTEXT else test(text)

    return contains_sentbreak


def punkt_spans(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Punkt's sentence spans, with its false ends after an initial or an initialism mended
    (:func:`_false_end`) and a cut before a quoted sentence after an abbreviation
    (:func:`_quote_starts`)."""
    spans = list(sentence_tokenizer(abbreviations).span_tokenize(text))
    if len(spans) > 1 and (".*" in text or "._" in text or _CODE_AFTER_PERIOD_RE.search(text)):
        merged = spans[:1]
        for start, end in spans[1:]:
            if _false_end(text, merged[-1][1], start):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        spans = merged
    if len(spans) > 1:
        spans = _notes_mended(text, _citations_mended(text, spans))
    if len(spans) > 1 and "?]" in text:
        spans = _cleanup_marks_mended(text, spans)
    if len(spans) > 1 and ". . ." in text:
        spans = _ellipses_mended(text, spans)
    if len(spans) > 1 and ("?" in text or "!" in text):
        spans = _reporting_clauses_mended(text, spans)
    cuts = _quote_starts(text) if _PERIOD_QUOTE_RE.search(text) else []
    starts = [s for s, _ in spans]  # kept in step with spans: a bisect finds a cut's span
    for mark, cut in footnote_markers(text):  # "keep.1 At least": the marker ends a sentence
        k = bisect.bisect_right(starts, mark)
        if 0 < k < len(starts) and starts[k] < cut:
            # Punkt's end inside the marker ('said."3'): moved to its end
            spans[k - 1 : k + 1] = [(spans[k - 1][0], spans[k][1])]
            del starts[k]
        cuts.append(cut)
    if "." in text:  # "sharing.¹ Western": the superscript marker ends its sentence
        cuts.extend(m.end() for m in _SUPERSCRIPT_END_RE.finditer(text))
    for cut in cuts:  # no slice of text[cut:end]: a paragraph's span may hold thousands of cuts
        k = bisect.bisect_left(starts, cut) - 1
        start, end = spans[k] if k >= 0 else (0, 0)
        if cut < end and (word := _NON_SPACE_RE.search(text, cut, end)) is not None:
            spans[k : k + 1] = [(start, start + len(text[start:cut].rstrip())), (word.start(), end)]
            starts.insert(k + 1, word.start())
    return spans


def _notes_mended(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's spans with the reference marks, superscript footnote numbers and closing marks
    before one that it put at the start of a sentence (:data:`_NOTES_LEAD_RE`) given back to
    the sentence they close: "Veloria.[1][2] It was" is "Veloria.[1][2]" and "It was" (a
    straight '"' before them only when glued on: 'disgrace."[1]'), and a span of marks only
    ("[citation needed]", '”)³') joins the sentence before it; marks that open a line ("[1]
    Smith, J. (2020) ...", a list of references) stay where they are."""
    out = spans[:1]
    for start, end in spans[1:]:
        lead_re = _GLUED_NOTES_LEAD_RE if start == out[-1][1] else _NOTES_LEAD_RE
        lead = lead_re.match(text, start, end) if text[start] in _LEAD_CHARS else None
        if lead is None or (lead.end() < end and "\n" in text[out[-1][1] : start]):
            out.append((start, end))  # a line of a list of references: "[1] Smith, J. ..."
            continue
        out[-1] = (out[-1][0], lead.end())
        out.extend(trimmed_span(text, lead.end(), end))
    return out


def _cleanup_marks_mended(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's spans with its ends at the "?" of a wiki's cleanup mark inside a sentence undone:
    "... access cable traffic metadata,[who?] although the text does not ..." is one sentence,
    "It was secretive.[who?] Others disagreed." two (the mark follows the sentence's end)."""
    out = spans[:1]
    for start, end in spans[1:]:
        last = out[-1][1]
        inside = text[last - 2 : last] == "?]" and _MID_CLEANUP_MARK_RE.search(
            text, max(out[-1][0], last - 200), last
        )
        if inside and last - out[-1][0] + end - start <= MAX_SENTENCE_CHARS:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _ellipses_mended(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's spans with its ends at a spaced ellipsis (". . .", words left out of a quotation)
    undone when the next sentence starts in lower case: 'may not "reduce the adult population
    . . . to reading only what is fit for children."' is one sentence."""
    merged = spans[:1]
    for start, end in spans[1:]:
        prev_end = merged[-1][1]
        dot = text[start:end] == "." and text[prev_end - 1 : start] == ". "  # Punkt's ". . ."
        resumed = text[max(0, prev_end - 5) : prev_end] == ". . ." and text[start].islower()
        if dot or resumed:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _named_clause(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` opens with a reporting clause led by a name
    (``_NAMED_CLAUSE_RE``: "Mrs Patel asked.", "Mr Briggs shouted, banging the table."), its first
    word no function word nor one of ``NO_SPEAKER`` ("Nobody answered.") and its verb one of
    ``CLAUSE_VERBS`` ("Liverpool scored."; "Trump said the deal was dead.": no punctuation after
    the verb), with no word after the verb but one of ``AFTER_CLAUSE_VERB`` or an adverb in -ly
    ("Mrs Patel asked again.", "Smith said quietly."), after an object for a verb of
    ``OBJECT_CLAUSE_VERBS`` ("Mrs Patel asked reporters.", "Wang asked the minister again.")."""
    m = _NAMED_CLAUSE_RE.match(text, start, end)
    if m is None or m.group("verb") not in CLAUSE_VERBS:
        return False
    if m.group("object") is not None and m.group("verb") not in OBJECT_CLAUSE_VERBS:
        return False
    after = m.group("after")
    return m.group("first").rstrip(".").lower() not in NO_SPEAKER and (
        after is None
        or after in AFTER_CLAUSE_VERB
        or (after.endswith("ly") and len(after) >= 5 and after not in NOT_ADVERBS)
    )


def _quotation_opens(text: str, spans: list[tuple[int, int]], cry: int) -> bool:
    """Whether the quotation whose "?" or "!" is at ``cry`` (in the last of ``spans``) opens its
    sentence: nothing but dashes or brackets before its opening mark, or a phrase ending in a
    comma ('Asked if he would quit, "Never!"'). The mark is looked for in up to three sentences
    back (a quotation of several sentences: '"I'm tired. Why bother?"'); none found, or a
    closing mark after the last one, and the answer is yes. A quotation after a verb or a colon
    ('A reporter shouted "Will you resign?"', 'The item read: "Why?"') has its own frame, and a
    clause led by a name after it is a new sentence ('Johnson answered calmly.')."""
    stop = cry
    for start, end in reversed(spans[-3:]):
        last = min(end, stop)
        openings = list(_OPENING_QUOTE_RE.finditer(text, start, last))
        opening = openings[-1] if openings else None
        closing = _CLOSING_QUOTE_RE.search(text, opening.end() if opening else start, last)
        if closing is not None:
            return True
        if opening is not None:
            before = text[start : opening.start()].rstrip()
            return not before.strip("—–-([{ ") or before.endswith(",")
        stop = start
    return True


def _reporting_clauses_mended(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's spans with its ends after a quoted question or exclamation undone when the next
    sentence's first word is in lower case, or it opens with a reporting clause led by a name
    (:func:`_named_clause`, 2026-12-05): '"Who is there?" said a man.', '“Get out!” she
    shouted.' and '"Where were the inspectors?" Mrs Patel asked.' are one sentence each (Punkt
    ends a sentence at every "?" and "!"); '"Who is there?" Nobody answered.' and '"Really?"
    iPhone sales fell.' are two."""
    merged = spans[:1]
    for start, end in spans[1:]:
        prev_start, prev_end = merged[-1]
        cry = _QUOTED_CRY_END_RE.search(text, max(prev_start, prev_end - 8), prev_end)
        word = _NON_SPACE_RUN_RE.match(text, start, end)
        if (
            cry
            and word
            and (
                word.group().islower()
                or (_quotation_opens(text, merged, cry.start()) and _named_clause(text, start, end))
            )
            and end - prev_start <= MAX_SENTENCE_CHARS
        ):
            merged[-1] = (prev_start, end)
        else:
            merged.append((start, end))
    return merged


def _citations_mended(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's spans with its false ends inside a legal citation mended ("94 F." and "4th 312",
    "slip op." and "at 14.", "p." and "3.") or after a reference abbreviation in capitals before
    its number ("Art." and "9 more", :func:`_is_reference_word`), and a sentence that is only a
    page reference ("Pp. 6–21.") joined to the sentence before it (:mod:`pipeline.citations`)."""
    out = spans[:1]
    cites: list[tuple[int, int]] | None = None
    for start, end in spans[1:]:
        last = out[-1][1]
        head = text[start]
        if head == "P" or head == "p":
            join = PAGE_SENTENCE_RE.fullmatch(text, start, end) is not None
        elif text[last - 1 : last] == "." and (
            head.isdigit() or head == "_" or text.startswith("at ", start)
        ):
            cites = citation_spans(text) if cites is None else cites
            join = any(lo < last and start < hi for lo, hi in cites) or (
                head.isdigit() and _is_reference_word(text, last)
            )
        else:
            join = False
        if join:
            out[-1] = (out[-1][0], end)
            if len(out) > 1 and PAGE_SENTENCE_RE.fullmatch(text, *out[-1]):
                out[-2:] = [(out[-2][0], end)]  # "P." and "7." made one page reference
        else:
            out.append((start, end))
    return out


def _is_reference_word(text: str, end: int) -> bool:
    """Whether the word with the full stop at ``end - 1`` is a reference abbreviation in
    capitals that a number follows ("Art. 9", "Ch. 5", "Figs. 2", ``number_abbreviations.txt``;
    not a single letter: "He met P. 5 people")."""
    m = _REFERENCE_WORD_RE.search(text, max(0, end - 7), end)
    if m is None:
        return False
    word = m.group(1).lower()
    return word in NUMBER_ABBREVIATIONS or (word[-1] == "s" and word[:-1] in NUMBER_ABBREVIATIONS)


def _false_end(text: str, end: int, start: int) -> bool:
    """Whether Punkt's sentence end at ``end``, with the next sentence at ``start``, is none: an
    initial right before closing emphasis marks ("**Rachel T.** says:") or an initialism
    before a code ("A.A.C. R9-6-355")."""
    if text[end - 1 : end] != ".":
        return False
    if start == end and text[start] in "*_":
        return _INITIAL_END_RE.search(text[max(0, end - 3) : end]) is not None
    return bool(
        _CODE_START_RE.match(text, start)
        and _INITIALISM_END_RE.search(text[max(0, end - 24) : end])
    )


def _quote_starts(text: str) -> list[int]:
    """Where a quoted sentence starts a new sentence after one of QUOTE_BREAK_ABBREVIATIONS:
    an opening quotation mark and a capital after the abbreviation's period, and a quotation
    of at least MIN_QUOTED_SENTENCE_WORDS words that ends in punctuation inside its closing
    mark ('Co. "The question is whether demand holds," she said') or runs on to the end of the
    paragraph; 'the U.S. "Entity List" last year' and 'the U.S. "national security"
    exception' go on."""
    cuts = []
    for m in _PERIOD_QUOTE_RE.finditer(text):
        word_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        word = text[word_start : m.start()].lstrip("(&[").lower()
        if word not in QUOTE_BREAK_ABBREVIATIONS:
            continue
        quote = m.end()
        closer = _CLOSING_QUOTE[text[quote]]
        # the closing mark is looked for within MAX_QUOTE_SEARCH characters; one further on
        # (or none) counts as a quotation that runs on
        close = text.find(closer, quote + 1, quote + 1 + MAX_QUOTE_SEARCH)
        quoted = text[quote + 1 : close if close >= 0 else quote + 1 + MAX_QUOTE_SEARCH].rstrip()
        ends_in_punctuation = close < 0 or quoted[-1:] in ".,!?…—"
        if len(quoted.split()) >= MIN_QUOTED_SENTENCE_WORDS and ends_in_punctuation:
            cuts.append(quote)
    return cuts


def trimmed_span(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """The span ``start:end`` of ``text`` without its surrounding white space; nothing when it
    is all white space."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        yield start + lead, start + lead + len(stripped)
