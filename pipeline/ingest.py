"""Bytes -> clean text: decode, normalize, drop web boilerplate, find paragraphs and headings."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.htmltext import html_to_text, looks_like_html
from pipeline.lexicon import lexicon_path, read_lexicon

MAX_HEADING_WORDS = 15
_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or a Word/Excel file)",
    b"\x7fELF": "a program (ELF binary)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
}
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")
_BLANK_RUN_RE = re.compile(r"\n{3,}")
BYLINE_RE = re.compile(r"\s*By\s+[A-Z]")  # "By Jane Doe": an author's line, not a section
# A speaker's label in an interview or transcript: "Q:", "A:", "SEN. SMITH:", "MR. PICHAI:"
SPEAKER_RE = re.compile(r"\s*((?:[A-Z][A-Z.'’-]*\s+){0,3}[A-Z][A-Z.'’-]*|Question|Answer):\s")
_TERMINAL_PUNCT = ".!?:;…"
_CLOSING_MARKS = "\"'”’)]"
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
_LATIN_CODEPAGES = frozenset(
    {
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp1258",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
        "cp437",
        "cp850",
        "cp852",
        "cp858",
    }
)


class NotTextError(ValueError):
    """The file is not text the workflow can analyse; the message says why in plain words."""


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
class BoilerplatePatterns:
    """Compiled boilerplate line patterns, each with the text of its pattern for the record."""

    patterns: tuple[tuple[re.Pattern[str], str], ...]
    versions: dict[str, str]


def load_boilerplate_patterns(extra_files: Sequence[str | Path] = ()) -> BoilerplatePatterns:
    """Patterns from ``lexicons/boilerplate.tsv`` plus users' extra TSV files (same columns)."""
    lex = read_lexicon([lexicon_path("boilerplate.tsv"), *extra_files], required=("pattern",))
    compiled = []
    for row in lex.rows:
        try:
            compiled.append((re.compile(row["pattern"], re.IGNORECASE), row["pattern"]))
        except re.error as exc:
            raise ValueError(
                f"boilerplate pattern {row['pattern']!r} is not a regex: {exc}"
            ) from exc
    return BoilerplatePatterns(tuple(compiled), lex.versions)


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode file bytes: (text, encoding name, warnings). Raises :class:`NotTextError`.

    UTF-8 (with or without BOM) and UTF-16 are recognised directly; a file that is mostly UTF-8
    keeps its UTF-8 with the bad bytes replaced (and a warning); other files go to
    charset-normalizer, which covers the legacy single-byte encodings (cp1252, latin-1, ...).
    """
    if not data.strip():
        raise NotTextError("the file is empty or contains only white space")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise NotTextError(f"not text: the file looks like {what}")
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_utf8(data[3:], "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:  # a truncated or broken UTF-16 file: keep what decodes
            text = data.decode("utf-16", errors="replace")
            return text, "utf-16", ["some bytes were not valid UTF-16 and were replaced by �"]
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        wide = _wide_text_without_bom(data)
        if wide:
            return wide
        raise NotTextError("not text: the file contains NUL bytes (binary data)")
    return _decode_utf8(data, "utf-8")


def _decode_utf8(data: bytes, name: str) -> tuple[str, str, list[str]]:
    try:
        return data.decode("utf-8"), name, []
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    n_bad = replaced.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    n_multibyte = sum(1 for ch in replaced if ord(ch) > 0x7F and ch != "\ufffd")
    if n_multibyte > n_bad:  # mostly valid UTF-8 with a few broken bytes
        return replaced, name, [f"{n_bad} byte(s) were not valid UTF-8 and were replaced by �"]
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> tuple[str, str, list[str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise NotTextError("not text: no text encoding fits the file's bytes")
    encoding = best.encoding
    # On short texts charset-normalizer often names a sibling Latin code page (cp1257 for a
    # French latin-1 file); cp1252, a superset of latin-1 printable characters and what Windows
    # writes, is then the right reading whenever it decodes the bytes.
    if encoding in _LATIN_CODEPAGES:
        try:
            return data.decode("cp1252"), "cp1252", []
        except UnicodeDecodeError:
            pass
    return str(best), _codec_name(encoding), []


def _codec_name(encoding: str) -> str:
    """charset-normalizer's ``utf_16_le`` as the ``utf-16-le`` the rest of the table uses."""
    return encoding.replace("_", "-") if encoding.startswith("utf_") else encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str, list[str]] | None:
    sample = data[:4096]
    if len(sample) < 16:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    for codec, ratio, other in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if ratio > 0.6 and other < 0.05:  # mostly Latin text: every other byte is NUL
            try:
                return data.decode(codec), codec, []
            except UnicodeDecodeError:
                return None
    return None


def _wide_text_without_bom(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-16 text without a BOM in a script whose characters do not leave every other byte
    NUL (Chinese, Persian, ...): the byte order whose strict decoding is plausible text; if
    both are, the one whose characters lie in fewer 256-character ranges (the wrong order
    scatters them, since its high bytes are the text's low bytes); else None."""
    readings = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        if _plausible_text(sample):
            readings.append((len({ord(ch) >> 8 for ch in sample}), codec, text))
    if not readings:
        return None
    _, codec, text = min(readings)
    return text, codec, []


def _separators(sample: str) -> int:
    return sum(ch.isspace() or unicodedata.category(ch).startswith("P") for ch in sample)


def _plausible_text(sample: str) -> bool:
    """No control (white space aside), unassigned, private-use or surrogate characters, no BOM
    after the start, and a space or punctuation mark at least every 200 characters (Thai
    spaces only between phrases): charset-normalizer also reads a few binary bytes as UTF-16."""
    body = sample.removeprefix("\ufeff")
    categories = [unicodedata.category(ch) for ch in body]
    bad = sum(c in ("Cc", "Cn", "Co", "Cs") for c in categories) - sum(
        map(body.count, "\n\r\t\f\v")
    )
    return bool(body) and bad == 0 and "\ufeff" not in body and 200 * _separators(body) >= len(body)


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no control or zero-width characters, no trailing spaces."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL_RE.sub("", text).replace("\t", " ").replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUN_RE.sub("\n\n", "\n".join(lines)).strip("\n")


def remove_boilerplate(
    text: str, patterns: BoilerplatePatterns, *, markdown: bool = False
) -> tuple[str, list[tuple[int, str, str]]]:
    """Drop whole lines matching a boilerplate pattern: (kept text, [(line_no, line, pattern)]).
    With ``markdown``, a ``#`` heading line matches by its text without the marks."""
    kept: list[str] = []
    removed: list[tuple[int, str, str]] = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if markdown:
            stripped = markdown_heading(stripped) or stripped
        hit = next(
            (src for rx, src in patterns.patterns if stripped and rx.fullmatch(stripped)), None
        )
        if hit is None:
            kept.append(line)
        else:
            removed.append((line_no, stripped, hit))
            kept.append("")
    return _BLANK_RUN_RE.sub("\n\n", "\n".join(kept)).strip("\n"), removed


def is_heading_line(line: str) -> bool:
    """A short single line with no final punctuation; a closing bracket or quotation mark ends
    it only after punctuation ("Hearing on competition (excerpt)" is a heading, "(See below.)"
    is not)."""
    line = line.strip()
    if not line or len(line.split()) > MAX_HEADING_WORDS:
        return False
    return line.rstrip(_CLOSING_MARKS)[-1:] not in _TERMINAL_PUNCT


def paragraphs_of(clean: str, heading_starts: Collection[int] = ()) -> tuple[Paragraph, ...]:
    """Blank-line separated paragraphs; a short unpunctuated one-line paragraph followed by
    another paragraph is a heading, and so is a one-line paragraph starting at one of
    ``heading_starts`` (Markdown ``#`` headings, whatever their length or final punctuation)
    and a short first line ending in "?" followed by more (a title such as "What Are Export
    Controls?"). Short one-line questions followed by more are headings too when there are at
    least two of them and the text (not Markdown) has another heading after its first line, a
    byline aside: the sections of an explainer ("Why was it created?", "Timeline", "How does it
    work?"), not an opinion piece's questions set apart for effect. A speaker's turn in a
    transcript ("SEN. SMITH: Why?") is never a heading."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", clean)]
    last = len(spans) - 1
    blocks = [clean[start:end] for start, end in spans]
    plain = [
        "\n" not in b and (spans[i][0] in heading_starts or (is_heading_line(b) and i < last))
        for i, b in enumerate(blocks)
    ]
    question = [
        i < last
        and "\n" not in b
        and b.rstrip().endswith("?")
        and is_heading_line(b.rstrip()[:-1])
        and not SPEAKER_RE.match(b)  # a turn of a transcript: "SEN. SMITH: Why?"
        for i, b in enumerate(blocks)
    ]
    # a byline ("By Jane Doe") above an opinion piece is no section; in Markdown the writer
    # marks the headings (#) and a question line stays a question
    others = any(plain[i] and not BYLINE_RE.match(blocks[i]) for i in range(1, len(blocks)))
    sections = not heading_starts and sum(question) >= 2 and others
    out = []
    for i, (start, end) in enumerate(spans):
        heading = plain[i] or (question[i] and (i == 0 or sections))
        out.append(Paragraph(i + 1, start, end, heading))
    return tuple(out)


def markdown_heading(line: str) -> str | None:
    """The text of a Markdown ``#`` heading line without its marks, else None."""
    if not _MD_HEADING_RE.match(line):
        return None
    return _MD_HEADING_RE.sub("", line).rstrip("# ").strip()


def markdown_to_text(text: str) -> tuple[str, frozenset[int]]:
    """Normalized text with each Markdown heading made its own paragraph without its ``#``
    marks (at most one blank line in a row, none at the ends); the text and the offsets where
    the headings start."""
    lines: list[tuple[str, bool]] = []
    for line in text.split("\n"):
        heading = markdown_heading(line)
        lines.extend([("", False), (heading, True), ("", False)] if heading else [(line, False)])
    out: list[str] = []
    starts: set[int] = set()
    offset = 0
    for line, is_heading in lines:
        if not line and (not out or not out[-1]):
            continue  # a blank line at the start or after another
        if is_heading:
            starts.add(offset)
        out.append(line)
        offset += len(line) + 1
    while out and not out[-1]:
        out.pop()
    return "\n".join(out), frozenset(starts)


def clean_document(
    doc_id: str, data: bytes, *, patterns: BoilerplatePatterns, markdown: bool = False
) -> CleanDocument:
    """Decode, normalize and strip boilerplate from one file's bytes. Raises NotTextError."""
    text, encoding, warnings = decode_bytes(data)
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append("the file looked like an HTML page: its tags were removed")
    text = normalize_text(text)
    clean, removed = remove_boilerplate(text, patterns, markdown=markdown)
    heading_starts: frozenset[int] = frozenset()
    if markdown:
        clean, heading_starts = markdown_to_text(clean)
    if not clean.strip():
        what = "only web boilerplate" if removed else "no text"
        raise NotTextError(f"the file contains {what} after cleaning")
    rows = tuple(
        {"doc_id": doc_id, "line_no": n, "line": line, "pattern": pat} for n, line, pat in removed
    )
    paragraphs = paragraphs_of(clean, heading_starts)
    return CleanDocument(doc_id, clean, paragraphs, encoding, rows, tuple(warnings))


def read_limited(path: str | Path, *, max_bytes: int) -> bytes:
    """The bytes of a file, or :class:`NotTextError` when it is larger than ``max_bytes``."""
    size = Path(path).stat().st_size
    if size > max_bytes:
        raise NotTextError(
            f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
            "(max_file_mb in the config)"
        )
    return Path(path).read_bytes()
