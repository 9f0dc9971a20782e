"""Bytes -> clean text: decode (:mod:`pipeline.decode`), normalize, drop web boilerplate
(:mod:`pipeline.ingest_boilerplate`), join words hyphenated at line ends
(:mod:`pipeline.dehyphen`), find paragraphs and headings (:mod:`pipeline.paragraphs`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.decode import NotTextError, decode_bytes
from pipeline.dehyphen import rejoin_hyphenated
from pipeline.htmltext import html_to_text, looks_like_html
from pipeline.ingest_boilerplate import BLANK_RUN_RE, BoilerplatePatterns, remove_boilerplate
from pipeline.markdown import markdown_to_text, without_front_matter
from pipeline.paragraphs import (
    MAX_HEADING_WORDS,
    MAX_TITLE_WORDS,
    Paragraph,
    is_heading_line,
    is_long_title,
    paragraphs_of,
)
from pipeline.stage_directions import PATTERN_NAME, remove_stage_directions

__all__ = [  # the paragraph functions live in pipeline.paragraphs; imported from here too
    "MAX_HEADING_WORDS",
    "MAX_TITLE_WORDS",
    "CleanDocument",
    "Paragraph",
    "clean_document",
    "is_heading_line",
    "is_long_title",
    "normalize_lines",
    "normalize_text",
    "paragraphs_of",
]

# controls and invisible format characters: zero-width spaces and joiners, the soft hyphen, the
# word joiner, BOMs, and the bidirectional marks web pages carry ("China\u200e said")
_CONTROL_RE = re.compile(
    # a terminal's colour and cursor codes, whole ("\x1b[31m"; the ESC alone left "[31m" in the
    # text: a robustness probe), and its title sequences ("\x1b]0;title\x07")
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]{0,200}(?:\x07|\x1b\\)|"
    r"[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064"
    r"\u2066-\u2069\ufeff]"
    # a zero-width joiner inside an emoji sequence stays ("🤷‍♀️", "👩‍💻"): one symbol, not two
    r"|(?<![\U0001F000-\U0001FAFF\u2600-\u27BF\ufe0f\U0001F3FB-\U0001F3FF])\u200d"
    r"|\u200d(?![\U0001F000-\U0001FAFF\u2600-\u27BF])"
)
# breaks that are not a "\n" (vertical tab, form feed between PDF pages, next line, Unicode line
# and paragraph separators): a space, so that words do not run together and each line keeps the
# number an editor or grep -n gives it
_OTHER_BREAK_RE = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")


@dataclass(frozen=True)
class CleanDocument:
    """A decoded, normalized document with its paragraphs and what ingestion removed."""

    doc_id: str
    clean: str
    paragraphs: tuple[Paragraph, ...]
    encoding: str
    boilerplate: tuple[dict, ...] = ()
    warnings: tuple[str, ...] = field(default=())


def normalize_lines(text: str, *, keep_tabs: bool = False) -> str:
    """NFC, ``\\n`` line ends, no control or invisible format characters, other breaks and
    no-break spaces made spaces, no trailing spaces; TABs made spaces unless ``keep_tabs``
    (boilerplate rules see an infobox's "Label<TAB>value"). Line k is line k of the file."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _OTHER_BREAK_RE.sub(" ", _CONTROL_RE.sub("", text)).replace("\u00a0", " ")
    text = text if keep_tabs else text.replace("\t", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def normalize_text(text: str, *, keep_tabs: bool = False) -> str:
    """:func:`normalize_lines` with runs of blank lines made one and none at either end."""
    return BLANK_RUN_RE.sub("\n\n", normalize_lines(text, keep_tabs=keep_tabs)).strip("\n")


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
    # the lines of the file, so that boilerplate.csv's line_no is the file's (or the page text's)
    text = normalize_lines(text, keep_tabs=True)
    if markdown:  # before the rules, which take its "---" lines for rules between sections
        text = "\n".join(without_front_matter(text.split("\n")))
    text, directions = remove_stage_directions(text)  # "(Applause)": no one's words
    clean, removed = remove_boilerplate(text, patterns, markdown=markdown)
    removed = sorted(removed + directions, key=lambda row: row[0])  # stable: a line's in order
    clean = clean.replace("\t", " ")  # kept for the "rows" rules ("Type<TAB>Memorandum of ...")
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
        kinds = {
            "stage directions" if pat == PATTERN_NAME else "web boilerplate" for *_, pat in removed
        }
        what = f"only {' and '.join(sorted(kinds, reverse=True))}" if removed else "no text"
        raise NotTextError(f"the file contains {what} after cleaning")
    rows = tuple(
        {"doc_id": doc_id, "line_no": n, "line": line, "pattern": pat} for n, line, pat in removed
    )
    paragraphs = paragraphs_of(clean, heading_starts, body_starts)
    return CleanDocument(doc_id, clean, paragraphs, encoding, rows, tuple(warnings))
