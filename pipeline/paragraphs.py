"""Paragraphs and headings of a clean text: blank-line separated blocks, and which of them are
headings (short unpunctuated lines, Markdown ``#`` lines, a title, an explainer's questions)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pipeline.page_lines import is_post_header
from pipeline.voices import (
    POST_COUNTER_RE,
    QA_LABELS,
    REFERENCE_MARK,
    is_thread,
    opens_turn,
    speaker_label,
    without_social_tail,
)
from pipeline.voices_sourcing import is_footer, source_line

MAX_HEADING_WORDS = 15
MAX_TITLE_WORDS = 40  # a first line this long may still be a title (is_long_title)
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z]")  # "Prices rose. Officials"
BYLINE_RE = re.compile(r"\s*By\s+[A-Z]")  # "By Jane Doe": an author's line, not a section
_TERMINAL_PUNCT = ".!?:;…。｡！？：；"  # and the full-width marks of Chinese and Japanese
_LIST_CLAUSE_END_RE = re.compile(r";\s*(?:and|or)$", re.IGNORECASE)  # "... in full; and"
_CLOSING_MARKS = "\"'”’)]」』）"
_TRAILING_NOTES_RE = re.compile(rf"(?:{REFERENCE_MARK}){{1,8}}$")  # "... civil servants.[8]"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A blank-line separated block of the clean text; ``clean[start:end]`` is its text."""

    paragraph_id: int
    start: int
    end: int
    is_heading: bool


def is_heading_line(line: str) -> bool:
    """A short single line with no final punctuation; a closing bracket or quotation mark ends
    it only after punctuation ("Hearing on competition (excerpt)" is a heading, "(See below.)"
    is not). A line that ends in "; and" or "; or" is a clause of a list, not a heading ("12.2
    Press Veloria to publish Article 9 in full; and"); a semicolon inside a deck or a header's
    line does not make it a sentence ("Earnings of $9.2 billion; strong cash flow supports
    ..."). A wiki's reference marks after the end do not count ("It was signed.[8]")."""
    line = line.strip()
    if not line or len(line.split()) > MAX_HEADING_WORDS or _LIST_CLAUSE_END_RE.search(line):
        return False
    if line.endswith("]") and line[0] != "[":
        line = _TRAILING_NOTES_RE.sub("", line)
    # "A ban hurts them. 😢 #AI" ends at its "." ("Breaking: #Election2024" stays a heading)
    if (end := without_social_tail(line).rstrip(_CLOSING_MARKS)[-1:]) and end in ".!?…":
        line = without_social_tail(line)
    return line.rstrip(_CLOSING_MARKS)[-1:] not in _TERMINAL_PUNCT


def paragraphs_of(
    clean: str, heading_starts: Collection[int] = (), body_starts: Collection[int] = ()
) -> tuple[Paragraph, ...]:
    """Blank-line separated paragraphs; a short unpunctuated one-line paragraph followed by
    another paragraph is a heading, and so is a one-line paragraph starting at one of
    ``heading_starts`` (Markdown ``#`` headings, whatever their length or final punctuation)
    and a short first line ending in "?" followed by more (a title such as "What Are Export
    Controls?"). Short one-line questions followed by more are headings too when there are at
    least two of them and the text (not Markdown) has another heading after its first line, a
    byline aside: the sections of an explainer ("Why was it created?", "Timeline", "How does it
    work?"), not an opinion piece's questions set apart for effect. A speaker's turn in a
    transcript ("SEN. SMITH: Why?", "Mr Hale: Why?", "GUEST: It did. And that's --": a label
    that opens another paragraph too, :func:`_turns`) is never a heading, but a label on the
    first line that opens no other paragraph is a title's ("FACT CHECK: Did ...?"). A longer
    first line is a heading when :func:`is_long_title` finds it a title. A paragraph starting
    at one of ``body_starts`` (the data rows of a Markdown pipe table) is never a heading, nor
    is the paragraph under a social-media post's header (the post's words). A source line of
    its own ("Source: OECD (2023)", :func:`pipeline.voices_sourcing.source_line`) is one, a
    label of the figures above it, with a full stop or at the text's end too."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", clean)]
    last = len(spans) - 1
    blocks = [clean[start:end] for start, end in spans]
    body = [start in body_starts for start, _ in spans] if body_starts else [False] * len(spans)
    for i in range(1, len(blocks)):  # a post's words under its header ("Fair. Not dismissing it")
        body[i] = body[i] or ("@" in blocks[i - 1] and is_post_header(blocks[i - 1]))
    # a thread's posts "1/ ...", "2/ ...": body text when paragraphs open with the counters 1
    # and 2 ("24/7 Support", "9/11 Commission Findings" stay headings)
    counters = [POST_COUNTER_RE.match(b) for b in blocks]
    if is_thread(counters):
        body = [b or c is not None for b, c in zip(body, counters, strict=True)]
    turns = _turns(blocks)
    plain = [
        "\n" not in b
        and not body[i]
        and (spans[i][0] in heading_starts or (is_heading_line(b) and i < last and not turns[i]))
        for i, b in enumerate(blocks)
    ]
    question = [
        i < last
        and not body[i]
        and "\n" not in b
        and b.rstrip().endswith("?")
        and is_heading_line(b.rstrip()[:-1])
        and not opens_turn(blocks, i)  # a turn of a transcript: "SEN. SMITH: Why?"
        for i, b in enumerate(blocks)
    ]
    # a byline ("By Jane Doe") above an opinion piece is no section; in Markdown the writer
    # marks the headings (#) and a question line stays a question
    others = any(plain[i] and not BYLINE_RE.match(blocks[i]) for i in range(1, len(blocks)))
    sections = not heading_starts and sum(question) >= 2 and others
    first_body = bool(blocks) and not plain[0] and not body[0]
    title = first_body and is_long_title(blocks[0], blocks[1:], plain[1:])
    out = []
    for i, (start, end) in enumerate(spans):
        heading = plain[i] or (question[i] and (i == 0 or sections)) or (i == 0 and title)
        # a source line of its own ("Source: OECD (2023)", "Source: industry estimates."), a
        # label of the figures above it, even with a full stop or at the text's end
        footer = "\n" not in blocks[i] or is_footer(blocks[i])  # a chart's footer: one label
        heading = heading or (footer and source_line(blocks[i]) is not None)
        out.append(Paragraph(i + 1, start, end, heading))
    return tuple(out)


def is_long_title(first: str, rest: Sequence[str], rest_headings: Sequence[bool]) -> bool:
    """Whether a text's first paragraph ``first``, longer than a heading, is its title: one
    line of at most MAX_TITLE_WORDS words that ends in a letter or digit (no final punctuation,
    and no closing quotation mark, bracket or dash, which end a one-line lede: 'said it was
    "dead on arrival"'), holds no sentence end ("Prices Rose. Officials ..."), is in Title Case
    (three in four of its words of four letters or more after the first are capitalised: "Why
    the New Export Rules Will Backfire on American Chipmakers and Their Workers") or is a title
    and subtitle around a colon (a study's "Export controls and innovation: evidence from ...";
    not after a dateline in capitals: "LONDON: Britain's economy grew ..." is a lede, while
    "COVID-19: lessons from ..." is a title), and is
    followed by body text: the next paragraph (a byline such as "By Jane Doe" aside) is no
    heading and ends a sentence. A lede that only lacks its full stop, in sentence case, stays
    a sentence."""
    words = first.split()
    if "\n" in first or not MAX_HEADING_WORDS < len(words) <= MAX_TITLE_WORDS:
        return False
    if not first[-1].isalnum() or _SENTENCE_END_RE.search(first):
        return False
    pairs = zip(rest, rest_headings, strict=True)
    body, heading = next(((b, h) for b, h in pairs if not BYLINE_RE.match(b)), ("", True))
    if heading or body.rstrip(_CLOSING_MARKS)[-1:] not in _TERMINAL_PUNCT:
        return False
    long_words = [w for w in words[1:] if len(w) >= 4 and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in long_words)
    head, colon, tail = first.partition(": ")
    # "LONDON: Britain's ..." is a dateline: a place in capitals before a capital; not an
    # acronym with a digit ("COVID-19: lessons from ...") nor one before lower case ("NATO: a
    # history")
    dateline = head.isupper() and not any(c.isdigit() for c in head) and tail[:1].isupper()
    subtitled = bool(colon) and not dateline
    return subtitled or (bool(long_words) and capitalised >= 0.75 * len(long_words))


def _turns(blocks: Sequence[str]) -> list[bool]:
    """Whether each paragraph is a speaker's turn of a transcript: it opens with a label
    (:func:`pipeline.voices.speaker_label`) that is Q or A, or that opens another paragraph too
    and at least one of its paragraphs is no heading's shape (final punctuation, several lines
    or more than MAX_HEADING_WORDS words: a speaker speaks again, "GUEST: It did. And that's
    --" and "GUEST: I'm not saying anyone should."). A lone "UPDATE: Talks resume" line stays a
    heading, and so do a live blog's repeated section lines under a label that no page label
    list knows ("DEVELOPING: Talks resume", "DEVELOPING: Deal signed"); the known ones
    ("UPDATE:", "BREAKING:", ``page_labels.txt``) are no speaker's labels at all."""
    keys = [label[0] if (label := speaker_label(b)) else None for b in blocks]
    counts = Counter(keys)
    spoken = {k for k, b in zip(keys, blocks, strict=True) if "\n" in b or not is_heading_line(b)}
    return [k is not None and (k in QA_LABELS or (counts[k] > 1 and k in spoken)) for k in keys]
