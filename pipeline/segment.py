"""Sentences and word tokens with character offsets into the clean text. Punkt's sentence
spans and the mends of its splits are in :mod:`pipeline.segment_punkt`; this module cuts them
after a full-width sentence end and to a bounded length, starts a sentence at each list item,
segments a document paragraph by paragraph and tokenizes its sentences.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from pipeline.ingest import CleanDocument, Paragraph
from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.list_items import LIST_ITEM_RE
from pipeline.segment_punkt import MAX_SENTENCE_CHARS, punkt_spans, trimmed_span
from pipeline.types import SegmentedDocument, Sentence, Token
from pipeline.voices import opening_mark_ends, without_note_marks

# Initialisms ("U.S.", "e.g.") stay one token, and so do hyphenated words after one
# ("U.S.-led"); words keep inner apostrophes, hyphens and digit groups ("China’s",
# "AI-driven", "12,000", "3.5").
WORD_RE = re.compile(r"(?:[^\W\d_]\.){2,}(?:-\w+(?:[’'\-.,]\w+)*)?|\w+(?:[’'\-.,]\w+)*")
# Punkt knows only Latin sentence punctuation: Chinese and Japanese sentences end at a full-width
# full stop, question or exclamation mark, but not inside a quotation or brackets, where the mark
# ends the quoted words only (「本当ですか？」と聞いた。 is one sentence).
CJK_END_RE = re.compile(r"[。｡！？]++(?![”’」』）〕】〉》])")  # ++: no backtracking into a run


_WORD_CHAR_RE = re.compile(r"\w")

# A list item (pipeline.list_items.LIST_ITEM_RE: "- ", "• ", "2. ", "3) ") is its own sentence
# even without final punctuation (Punkt would join a list into one sentence).


# Token((start, end, text)) without the named tuple's __new__, which is Python code; called
# directly, not through functools.partial (a bound call per word is measurably cheaper)
_tuple_new = tuple.__new__


def word_tokens(text: str, *, offset: int = 0) -> tuple[Token, ...]:
    """Word tokens of ``text``; offsets are shifted by ``offset`` (a sentence's start). A wiki's
    reference mark and a footnote's superscript number are no words ("adoption.¹" is
    "adoption", "2022.[2]" is "2022": :func:`pipeline.voices.without_note_marks`)."""
    matches = WORD_RE.finditer(without_note_marks(text))
    new = _tuple_new
    return tuple([new(Token, (m.start() + offset, m.end() + offset, m.group())) for m in matches])


def load_abbreviations(extra_files: Sequence[str | Path] = ()) -> frozenset[str]:
    """Punkt abbreviation types (lower case, no final period) from the shipped and extra lists."""
    words: set[str] = set()
    for path in (lexicon_path("abbreviations.txt"), *extra_files):
        words.update(w.lower().rstrip(".") for w in read_word_list(path))
    return frozenset(words)


def sentence_spans(text: str, *, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``; spans hold no surrounding white space."""
    spans: list[tuple[int, int]] = []
    cjk = CJK_END_RE.search(text) is not None
    for start, end in punkt_spans(text, abbreviations):
        for piece in _cjk_split(text, start, end) if cjk else ((start, end),):
            for span in _bounded(text, *piece):
                # Punkt cuts a run of marks at the text's end ("or what??" -> "?" alone): a
                # piece with no word in it ends the sentence before it
                if (
                    spans
                    and not _WORD_CHAR_RE.search(text, *span)
                    and not text[spans[-1][1] : span[0]].strip()
                    and span[1] - spans[-1][0] <= MAX_SENTENCE_CHARS
                ):
                    spans[-1] = (spans[-1][0], span[1])
                else:
                    spans.append(span)
    return spans


def _cjk_split(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """``text[start:end]`` cut after each full-width sentence end (the pieces may be blank)."""
    for m in CJK_END_RE.finditer(text, start, end):
        yield start, m.end()
        start = m.end()
    yield start, end


def _bounded(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Split an over-long span at white space so no sentence exceeds MAX_SENTENCE_CHARS."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        yield from trimmed_span(text, start, cut)
        start = cut
    yield from trimmed_span(text, start, end)


def sentences_of(
    clean: str, paragraphs: Sequence[Paragraph], *, abbreviations: frozenset[str]
) -> tuple[Sentence, ...]:
    """Sentences of each paragraph (never across paragraphs); a heading is one sentence."""
    out: list[Sentence] = []
    for para in paragraphs:
        block = clean[para.start : para.end]
        if para.is_heading:
            spans = list(trimmed_span(clean, para.start, para.end))
        else:
            spans = [
                (s + para.start, e + para.start)
                for s, e in _paragraph_spans(block, abbreviations=abbreviations)
            ]
        for start, end in spans:
            out.append(
                Sentence(
                    len(out) + 1, para.paragraph_id, para.is_heading, start, end, clean[start:end]
                )
            )
    return tuple(out)


def _list_item_starts(block: str) -> list[int]:
    """Where the list items of a paragraph start: a marked line at the paragraph's start or
    after a line that ends a sentence or a lead-in (. : ! ? ;), and every marked line after the
    first item (items may wrap). A marked line inside a wrapped sentence ("after months of
    talks\n- and false starts -") is no item."""
    starts: list[int] = []
    for m in LIST_ITEM_RE.finditer(block):
        if not starts:  # the first item needs a lead-in or a sentence end before it
            before = block[: m.start()].rstrip()
            if before and before[-1] not in ".:!?;":
                continue
        starts.append(m.start())
    return starts


def _paragraph_spans(block: str, *, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph; each list item starts a sentence, its marker included
    ("2. Read it" is one sentence, not "2." and "Read it")."""
    cuts = _list_item_starts(block)
    if not cuts:
        return sentence_spans(block, abbreviations=abbreviations)
    spans: list[tuple[int, int]] = []
    bounds = [0, *cuts, len(block)]
    for start, end in itertools.pairwise(bounds):
        if start == end:
            continue
        marker = LIST_ITEM_RE.match(block, start)
        body = marker.end() - 1 if marker else start  # the item's text after its marker
        pieces = [(s + body, e + body) for s, e in
                  sentence_spans(block[body:end], abbreviations=abbreviations)]  # fmt: skip
        if marker and pieces:  # the marker belongs to the item's first sentence
            lead = len(block[start:body]) - len(block[start:body].lstrip())
            pieces[0] = (start + lead, pieces[0][1])
        spans.extend(pieces)
    return spans


def segment_document(doc: CleanDocument, *, abbreviations: frozenset[str]) -> SegmentedDocument:
    """A clean document's sentences and each sentence's word tokens."""
    sentences = sentences_of(doc.clean, doc.paragraphs, abbreviations=abbreviations)
    return SegmentedDocument(doc.doc_id, doc.clean, sentences, sentence_tokens(sentences))


def sentence_tokens(sentences: Sequence[Sentence]) -> tuple[tuple[Token, ...], ...]:
    """Each sentence's word tokens, without the speaker label of a transcript's turn that opens
    it ("[14:02:15] Mr Hale:", "LENA FISCHER:"), which names who speaks as a heading names a
    section, or a thread post's counter ("1/", "2/12"), which numbers it: no words, no terms
    (:func:`pipeline.voices.opening_mark_ends`)."""
    labels = opening_mark_ends(sentences)
    tokens = [word_tokens(s.text, offset=s.start) for s in sentences]
    for i, s in enumerate(sentences):
        if (end := labels.get(s.sent_id)) is not None:
            tokens[i] = tuple(t for t in tokens[i] if t.start >= end)
    return tuple(tokens)
