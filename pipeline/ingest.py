"""Bytes -> clean text: decode (:mod:`pipeline.decode`), normalize, drop web boilerplate, join
words hyphenated at line ends (:mod:`pipeline.dehyphen`), find paragraphs and headings."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.decode import NotTextError, decode_bytes
from pipeline.dehyphen import rejoin_hyphenated
from pipeline.htmltext import html_to_text, looks_like_html
from pipeline.lexicon import lexicon_path, read_lexicon
from pipeline.markdown import markdown_heading, markdown_to_text
from pipeline.voices import opens_turn

MAX_HEADING_WORDS = 15
MAX_TITLE_WORDS = 40  # a first line this long may still be a title (is_long_title)
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z]")  # "Prices rose. Officials"
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")
_BLANK_RUN_RE = re.compile(r"\n{3,}")
BYLINE_RE = re.compile(r"\s*By\s+[A-Z]")  # "By Jane Doe": an author's line, not a section
_TERMINAL_PUNCT = ".!?:;…"
_LIST_CLAUSE_END_RE = re.compile(r";\s*(?:and|or)$", re.IGNORECASE)  # "... in full; and"
_CLOSING_MARKS = "\"'”’)]"
_EMPHASIS_RE = re.compile(r"(\*\*|\*|__|_)(\S(?:.*\S)?)\1")  # **bold**, *italic*, _italic_
# what a boilerplate rule removes (see the header of lexicons/boilerplate.tsv)
BOILERPLATE_SCOPES = (
    "line",
    "paragraph",
    "heading",
    "label",
    "closing heading",
    "closing paragraph",
)
MAX_CONTACT_WORDS = 12  # a line of a contact after its label: a name, a title, a number, an e-mail


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A blank-line separated block of the clean text; ``clean[start:end]`` is its text."""

    paragraph_id: int
    start: int
    end: int
    is_heading: bool


@dataclass(frozen=True)
class CleanDocument:
    """A decoded, normalized document with its paragraphs and what ingestion removed."""

    doc_id: str
    clean: str
    paragraphs: tuple[Paragraph, ...]
    encoding: str
    boilerplate: tuple[dict, ...] = ()
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class BoilerplateRule:
    """A row of ``boilerplate.tsv``: its compiled pattern and text, its scope and, for a
    heading, the regex that finds the paragraphs of its section."""

    regex: re.Pattern[str]
    source: str
    scope: str = "line"
    follow: re.Pattern[str] | None = None


@dataclass(frozen=True)
class BoilerplatePatterns:
    """Compiled boilerplate rules, in the order of their files and rows."""

    rules: tuple[BoilerplateRule, ...]
    versions: dict[str, str]

    @functools.cached_property
    def by_scope(self) -> dict[str, list[BoilerplateRule]]:
        """The rules of each scope, in order (built once, not for every text)."""
        return {s: [r for r in self.rules if r.scope == s] for s in BOILERPLATE_SCOPES}

    @functools.cached_property
    def quick(self) -> dict[str, re.Pattern[str] | None]:
        """Per scope, all its patterns as one regex: a line none of them matches is passed in
        one test instead of one per rule (most lines of a text)."""
        return {
            scope: re.compile("|".join(f"(?:{r.source})" for r in rules), re.IGNORECASE)
            if rules
            else None
            for scope, rules in self.by_scope.items()
        }


def load_boilerplate_patterns(extra_files: Sequence[str | Path] = ()) -> BoilerplatePatterns:
    """Rules from ``lexicons/boilerplate.tsv`` plus users' extra TSV files (same columns;
    ``scope`` and ``follow`` may be left out)."""
    lex = read_lexicon([lexicon_path("boilerplate.tsv"), *extra_files], required=("pattern",))
    rules = []
    for i, row in enumerate(lex.rows):
        pattern, scope, follow = row["pattern"], row.get("scope") or "line", row.get("follow")
        if scope not in BOILERPLATE_SCOPES or (follow and "heading" not in scope):
            raise ValueError(
                f"{lex.where(i)}boilerplate pattern {pattern!r} has scope {scope!r}"
                + (" and a follow regex, which only a heading has" if follow else "")
                + f"; the scopes are {', '.join(BOILERPLATE_SCOPES)}"
            )
        follow_rx = _boilerplate_regex(follow) if follow else None
        rules.append(BoilerplateRule(_boilerplate_regex(pattern), pattern, scope, follow_rx))
    return BoilerplatePatterns(tuple(rules), lex.versions)


def _boilerplate_regex(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"boilerplate pattern {pattern!r} is not a regex: {exc}") from exc


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no control or zero-width characters, no trailing spaces."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL_RE.sub("", text).replace("\t", " ").replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUN_RE.sub("\n\n", "\n".join(lines)).strip("\n")


def remove_boilerplate(
    text: str, patterns: BoilerplatePatterns, *, markdown: bool = False
) -> tuple[str, list[tuple[int, str, str]]]:
    """Blank the lines, paragraphs and sections the rules match (``boilerplate.tsv`` describes
    their scopes): (kept text, [(line_no, line, pattern)]). With ``markdown``, a ``#`` heading
    line matches by its text without the marks and is a paragraph of its own."""
    lines = text.split("\n")
    keys = [line.strip() for line in lines]
    own = {i for i, key in enumerate(keys) if markdown and markdown_heading(key) is not None}
    keys = [markdown_heading(key) or key if i in own else key for i, key in enumerate(keys)]
    blocks: list[list[int]] = []  # line indices of each paragraph
    for i, key in enumerate(keys):
        if key and blocks and blocks[-1][-1] == i - 1 and i not in own and i - 1 not in own:
            blocks[-1].append(i)
        elif key:
            blocks.append([i])
    rules, quick = patterns.by_scope, patterns.quick
    hits: dict[int, str] = {}  # line index -> the pattern that removes it
    for i, key in enumerate(keys):
        _mark(hits, [i], _first_match(rules["line"], key, quick["line"]))
    sections = _Sections(keys, blocks)
    covered = -1  # the last block a heading's section marked: all blocks up to it are marked
    for k, block in enumerate(blocks):
        _mark(hits, block, _first_match(rules["paragraph"], _block_text(keys, block)))
        contact = None  # a contact label's rule, up to the next long line of its paragraph
        for i in block:
            label = _first_match(rules["label"], keys[i], quick["label"])
            contact = label or (contact if len(keys[i].split()) <= MAX_CONTACT_WORDS else None)
            _mark(hits, [i], contact)
        rule, n = sections.find(k, rules["heading"], quick["heading"])
        if rule is not None:  # the heading and its n paragraphs, less those marked already
            _mark(hits, [i for b in blocks[max(k, covered + 1) : k + n + 1] for i in b], rule)
            covered = max(covered, k + n)
    _remove_closing(keys, blocks, hits, rules, sections)
    removed = [(i + 1, keys[i], hits[i]) for i in sorted(hits)]
    kept = ["" if i in hits else line for i, line in enumerate(lines)]
    return _BLANK_RUN_RE.sub("\n\n", "\n".join(kept)).strip("\n"), removed


def _block_text(keys: Sequence[str], block: Sequence[int]) -> str:
    return " ".join(keys[i] for i in block)


def _first_match(
    rules: Sequence[BoilerplateRule], text: str, quick: re.Pattern[str] | None = None
) -> BoilerplateRule | None:
    """The first rule matching the whole text, or the text without the emphasis marks around
    it (``**FOR IMMEDIATE RELEASE**``, ``*Jane Doe is a fellow at ...*``); ``quick``: all the
    rules as one regex (BoilerplatePatterns.quick), tried first."""
    if not text:
        return None
    emphasis = _EMPHASIS_RE.fullmatch(text)
    variants = (text, emphasis.group(2)) if emphasis else (text,)
    if quick is not None and not any(map(quick.fullmatch, variants)):
        return None
    return next((r for r in rules if any(map(r.regex.fullmatch, variants))), None)


def _mark(hits: dict[int, str], lines: Sequence[int], rule: BoilerplateRule | None) -> None:
    if rule:
        for i in lines:
            hits.setdefault(i, rule.source)


class _Sections:
    """The sections under the headings of one text's paragraphs (``blocks``): each paragraph is
    searched for a rule's follow at most once, so a text of many headings stays linear."""

    def __init__(self, keys: Sequence[str], blocks: Sequence[Sequence[int]]) -> None:
        self.keys, self.blocks = keys, blocks
        self._runs: dict[int, list[int]] = {}  # id(rule) -> per block, its follow run (-1: not yet)

    def find(
        self, k: int, rules: Sequence[BoilerplateRule], quick: re.Pattern[str] | None = None
    ) -> tuple[BoilerplateRule | None, int]:
        """The first rule taking paragraph ``k``, one line, for the heading of a section, and the
        number of paragraphs of its section after it: those in which the rule's follow is found,
        or the next one when it has none (unless that is a heading too); (None, 0) when none
        does. ``quick``: all the rules as one regex, tried first."""
        keys, blocks = self.keys, self.blocks
        if len(blocks[k]) != 1 or not _first_match(rules, keys[blocks[k][0]], quick):
            return None, 0
        for rule in rules:
            if not _first_match([rule], keys[blocks[k][0]]):
                continue
            if rule.follow is None:  # the one next paragraph, unless it is a heading too
                after = blocks[k + 1] if k + 1 < len(blocks) else None
                heading = after is not None and len(after) == 1 and is_heading_line(keys[after[0]])
                n = int(after is not None and not heading)
            else:  # the paragraphs after it in which follow is found
                n = self._run(rule, k + 1)
            if n:
                return rule, n
        return None, 0

    def _run(self, rule: BoilerplateRule, j: int) -> int:
        """How many paragraphs from ``j`` on in a row have ``rule.follow`` in them."""
        follow = rule.follow
        if follow is None:
            raise ValueError(f"boilerplate rule {rule.source!r} has no follow regex")
        runs = self._runs.setdefault(id(rule), [-1] * (len(self.blocks) + 1))
        runs[-1] = 0  # past the last paragraph
        todo = []
        while runs[j] < 0:
            if not follow.search(_block_text(self.keys, self.blocks[j])):
                runs[j] = 0
                break
            todo.append(j)
            j += 1
        for i in reversed(todo):
            runs[i] = runs[i + 1] + 1
        return runs[todo[0]] if todo else runs[j]


def _remove_closing(
    keys: Sequence[str],
    blocks: Sequence[Sequence[int]],
    hits: dict[int, str],
    rules: dict[str, list[BoilerplateRule]],
    sections: _Sections,
) -> None:
    """Mark the closing sections from the end of the text up: a closing paragraph, or a closing
    heading with the one paragraph after it, that only boilerplate follows and some text that
    stays precedes. So "About ExxonMobil" and its blurb, before the contacts, "###" or "SOURCE
    ..." of a press release, go; "About the outbreak" in the middle of an article stays, and so
    does a last section that is all of the text."""
    kept = [n for n, block in enumerate(blocks) if any(i not in hits for i in block)]
    k = len(blocks) - 1
    while kept and k > kept[0]:
        if all(i in hits for i in blocks[k]):
            k -= 1
            continue
        rule, start = _first_match(rules["closing paragraph"], _block_text(keys, blocks[k])), k
        if rule is None:
            rule, n = sections.find(k - 1, rules["closing heading"])
            rule, start = (rule, k - 1) if n else (None, k)
        if rule is None or start <= kept[0]:  # nothing before it would stay
            return
        _mark(hits, [i for block in blocks[start : k + 1] for i in block], rule)
        k = start - 1


def is_heading_line(line: str) -> bool:
    """A short single line with no final punctuation; a closing bracket or quotation mark ends
    it only after punctuation ("Hearing on competition (excerpt)" is a heading, "(See below.)"
    is not). A line that ends in "; and" or "; or" is a clause of a list, not a heading ("12.2
    Press Veloria to publish Article 9 in full; and"); a semicolon inside a deck or a header's
    line does not make it a sentence ("Earnings of $9.2 billion; strong cash flow supports
    ...")."""
    line = line.strip()
    if not line or len(line.split()) > MAX_HEADING_WORDS or _LIST_CLAUSE_END_RE.search(line):
        return False
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
    transcript ("SEN. SMITH: Why?", "Mr Hale: Why?") is never a heading, but a label on the
    first line that opens no other paragraph is a title's ("FACT CHECK: Did ...?"). A longer
    first line is a heading when :func:`is_long_title` finds it a title. A paragraph starting
    at one of ``body_starts`` (the data rows of a Markdown pipe table) is never a heading."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", clean)]
    last = len(spans) - 1
    blocks = [clean[start:end] for start, end in spans]
    body = [start in body_starts for start, _ in spans] if body_starts else [False] * len(spans)
    plain = [
        "\n" not in b
        and not body[i]
        and (spans[i][0] in heading_starts or (is_heading_line(b) and i < last))
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


def clean_document(
    doc_id: str, data: bytes, *, patterns: BoilerplatePatterns, markdown: bool = False
) -> CleanDocument:
    """Decode, normalize and strip boilerplate from one file's bytes, and join the words a PDF
    hyphenated at line ends (:func:`pipeline.dehyphen.rejoin_hyphenated`; a warning counts
    them). Raises NotTextError."""
    text, encoding, warnings = decode_bytes(data)
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append("the file looked like an HTML page: its tags were removed")
    text = normalize_text(text)
    clean, removed = remove_boilerplate(text, patterns, markdown=markdown)
    clean, n_words, n_compounds = rejoin_hyphenated(clean)
    if n_words + n_compounds:
        warnings.append(
            f"{n_words + n_compounds} word(s) hyphenated at a line end (as in a PDF) were joined"
            f" again: {n_words} without the hyphen, {n_compounds} with it"
        )
    heading_starts: frozenset[int] = frozenset()
    body_starts: frozenset[int] = frozenset()
    if markdown:
        clean, heading_starts, body_starts = markdown_to_text(clean)
    if not clean.strip():
        what = "only web boilerplate" if removed else "no text"
        raise NotTextError(f"the file contains {what} after cleaning")
    rows = tuple(
        {"doc_id": doc_id, "line_no": n, "line": line, "pattern": pat} for n, line, pat in removed
    )
    paragraphs = paragraphs_of(clean, heading_starts, body_starts)
    return CleanDocument(doc_id, clean, paragraphs, encoding, rows, tuple(warnings))
