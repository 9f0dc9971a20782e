"""Find the corpus files, give each a safe unique doc_id, and assign it to a chunk."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import re
import stat
import unicodedata
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_EXTENSIONS = (".txt", ".md")
# documents a user may drop into the corpus expecting them read: told how, not ignored
UNREAD_FORMATS = {
    ".html": "an HTML page", ".htm": "an HTML page", ".pdf": "a PDF file",
    ".doc": "a Word file", ".docx": "a Word file", ".odt": "an OpenDocument file",
    ".rtf": "an RTF file", ".epub": "an e-book",
}  # fmt: skip
MAX_ID_LENGTH = 80
METADATA_NAME = "metadata.csv"  # config key metadata's default (config/schema.yaml)
_UNSAFE_RE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class SourceFile:
    """One corpus file: its doc_id, absolute path and path relative to the corpus folder."""

    doc_id: str
    path: Path
    relpath: str


@dataclass(frozen=True)
class SkippedFile:
    """A file found in the corpus folder that is not analysed, and why."""

    relpath: str
    message: str


def name_hash(relpath: str) -> str:
    """Eight hex digits of crc32 of a relative path: a short stable suffix."""
    return f"{zlib.crc32(relpath.encode('utf-8')):08x}"


def safe_doc_id(relpath: str) -> str:
    """A doc_id made from a relative file path: ASCII letters, digits, ``_.-`` only.

    Folders are joined with ``__``; a name that had to be changed or shortened gets a
    stable hash suffix so that two different names never meet on the same id.
    """
    stem = relpath.rsplit(".", 1)[0] if "." in Path(relpath).name else relpath
    raw = stem.replace("/", "__")
    ascii_form = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii")
    slug = _UNSAFE_RE.sub("_", ascii_form).strip("._-")
    slug = re.sub(r"_{3,}", "__", slug)
    if slug == raw and len(slug) <= MAX_ID_LENGTH:
        return slug
    slug = slug[: MAX_ID_LENGTH - 9].rstrip("._-") or "doc"
    return f"{slug}-{name_hash(relpath)}"


def chunk_index(doc_id: str, n_chunks: int) -> int:
    """1-based chunk of a document: ``crc32(doc_id) % n_chunks + 1`` (stable across runs)."""
    if n_chunks < 1:
        raise ValueError(f"n_chunks must be >= 1, got {n_chunks}")
    return zlib.crc32(doc_id.encode("utf-8")) % n_chunks + 1


BROKEN_LINK = (
    "is a broken link: the file it points to does not exist; restore the file or remove the link"
)
LINK_OUTSIDE = (
    "is a link to a file outside the corpus folder: copy the file into the folder to analyse it"
)
LINK_TO_FOLDER = (
    "is a link to a folder: links are not followed; copy the folder in, or point corpus_dir at it"
)
NOT_REGULAR = "is not a regular file (a named pipe, socket or device): save the text as a file"
NOT_READABLE = (
    "cannot be read: permission denied; make it readable (chmod a+r) or copy it to a file you own"
)
FOLDER_NOT_READABLE = (
    "is a folder that cannot be read ({reason}): its files are not analysed; make it readable "
    "(chmod a+rx) or copy them to a folder you own"
)


def _not_a_corpus_file(path: Path, real_root: Path) -> str:
    """Why ``path`` (found in the corpus folder) is not read as a document, or ""."""
    try:
        mode = path.stat().st_mode  # follows a link
    except FileNotFoundError:
        if path.is_symlink():
            return BROKEN_LINK
        return "disappeared while the corpus folder was read"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if path.is_symlink() and not path.resolve().is_relative_to(real_root):
        return LINK_OUTSIDE
    if not stat.S_ISREG(mode):
        return NOT_REGULAR
    if not os.access(path, os.R_OK):  # an input Snakemake cannot read fails the whole run
        return NOT_READABLE
    return ""


NOT_UTF8_NAME = (
    "has a name that is not valid UTF-8 (saved on a system with another encoding): rename it"
)
# a word in braces, as Snakemake writes a wildcard ("{sample}", "{2023}", "{x,\\d+}"): in the
# path of an input it stops the whole run, even doubled ("{{2023}}"); "{}" and "a{b" pass
WILDCARD_LIKE = re.compile(r"\{\s*\w+\s*(?:,[^{}]*)?\}")
WILDCARD_NAME = (
    "has a word in braces in its name or folder ({...}), which Snakemake reads as a wildcard: "
    "rename it (for example with ( ) or [ ] instead)"
)


def is_utf8(relpath: str) -> bool:
    """Whether a path from the file system is text (undecodable bytes arrive as surrogates)."""
    try:
        relpath.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(relpath: str) -> str:
    """A path with undecodable bytes shown as \\xNN escapes, for messages and tables."""
    return relpath.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


RESULTS_INSIDE = (
    "is the results folder (results_dir): it is not read, so the workflow's own output is not "
    "analysed as documents; a results folder outside corpus_dir keeps this list short"
)


def discover_documents(
    corpus_dir: str | Path,
    *,
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
    results_dir: str | Path | None = None,
) -> tuple[list[SourceFile], list[SkippedFile]]:
    """All text files below ``corpus_dir`` sorted by doc_id, and the files passed over.

    Hidden files and folders are ignored, and so are files of other extensions but the
    document formats a user may expect read (``UNREAD_FORMATS``), which are passed over with
    the reason, as are symbolic links that lead outside the corpus folder, links to folders,
    broken links and what is not a regular file (a named pipe would block the run). A
    ``results_dir`` inside the corpus folder is not read (its clean texts and report would be
    analysed as documents) and is listed as passed over. Raises ``ValueError`` when the folder
    does not exist.
    """
    root = Path(corpus_dir)
    if not root.is_dir():
        raise ValueError(f"corpus_dir '{corpus_dir}' does not exist or is not a folder")
    real_root = root.resolve()
    results = Path(results_dir or root).resolve()
    inside = results_dir is not None and real_root in results.parents
    exts = tuple(e.lower() for e in extensions)
    found: list[tuple[str, Path]] = []
    # listed whether or not the folder exists yet, so a first and a second run agree
    skipped: list[SkippedFile] = (
        [SkippedFile(_printable(results.relative_to(real_root).as_posix()), RESULTS_INSIDE)]
        if inside
        else []
    )

    def unreadable(error: OSError) -> None:  # os.walk passes over such a folder without a word
        where = Path(error.filename or root)
        relpath = where.relative_to(root).as_posix() if where != root else "."
        reason = error.strerror or str(error)
        skipped.append(SkippedFile(_printable(relpath), FOLDER_NOT_READABLE.format(reason=reason)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if inside and results.name in dirnames and results.parent == Path(dirpath).resolve():
            dirnames.remove(results.name)
        for name in [d for d in dirnames if (Path(dirpath) / d).is_symlink()]:
            relpath = (Path(dirpath) / name).relative_to(root).as_posix()
            skipped.append(
                SkippedFile(
                    _printable(relpath),
                    LINK_TO_FOLDER,
                )
            )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            relpath = path.relative_to(root).as_posix()
            if not is_utf8(relpath):  # Snakemake cannot name it in its own files
                if name.lower().endswith(exts) or path.suffix.lower() in UNREAD_FORMATS:
                    skipped.append(SkippedFile(_printable(relpath), NOT_UTF8_NAME))
                continue
            if WILDCARD_LIKE.search(relpath) and name.lower().endswith(exts):
                skipped.append(SkippedFile(_printable(relpath), WILDCARD_NAME))
                continue
            if not name.lower().endswith(exts):
                what = UNREAD_FORMATS.get(path.suffix.lower())
                if what:
                    only = " and ".join(exts)
                    message = f"is {what}: only {only} files are read; save it as plain text (.txt)"
                    skipped.append(SkippedFile(_printable(relpath), message))
                continue
            reason = _not_a_corpus_file(path, real_root)
            if reason:
                skipped.append(SkippedFile(_printable(relpath), reason))
                continue
            found.append((relpath, path.absolute()))
    ids = [safe_doc_id(rel) for rel, _ in found]
    # ids equal but for case collide too: docs/<doc_id>/ folders on macOS and Windows
    counts = Counter(i.casefold() for i in ids)
    sources = [
        SourceFile(
            doc_id
            if counts[doc_id.casefold()] == 1
            else f"{doc_id[: MAX_ID_LENGTH - 9]}-{name_hash(rel)}",
            path,
            rel,
        )
        for doc_id, (rel, path) in zip(ids, found)
    ]
    sources.sort(key=lambda s: s.doc_id)
    return sources, skipped


def metadata_columns(path: str | Path) -> list[str]:
    """The header of a corpus ``metadata.csv`` (empty for an empty file)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(fh), [])


def group_members(labels: Mapping[str, str | None], doc_ids: Sequence[str]) -> dict[str, list[str]]:
    """Group label -> its documents among ``doc_ids``, labels stripped and sorted; documents
    without a label (missing or blank) are in no group."""
    out: dict[str, list[str]] = {}
    for doc_id in doc_ids:
        label = str(labels.get(doc_id) or "").strip()
        if label:
            out.setdefault(label, []).append(doc_id)
    return dict(sorted(out.items()))


def groups_in_turn(
    doc_ids: Sequence[str], labels: Mapping[str, str | None] | None, n: int
) -> list[str]:
    """Up to ``n`` of ``doc_ids`` for a figure or table that cannot show them all: the first
    ``n`` in order, or with group ``labels`` one document of each group in turn (groups and
    their documents in order), then those in no group, so that no group is left out."""
    if not labels:
        return list(doc_ids[:n])
    members = group_members(labels, doc_ids)
    grouped = {d for docs in members.values() for d in docs}
    columns = [*members.values(), [d for d in doc_ids if d not in grouped]]
    in_turn = [d for row in itertools.zip_longest(*columns[:-1]) for d in row if d is not None]
    return (in_turn + columns[-1])[:n]


def in_turn_note(doc_ids: Sequence[str], groups: Mapping[str, str] | None, n: int) -> str:
    """How :func:`pipeline.corpus.groups_in_turn` chose ``n`` of ``doc_ids`` ("" without
    groups): a document of each group in turn, or of each of the first groups when there are
    more groups than places."""
    if not groups:
        return ""
    n_groups = len(group_members(groups, doc_ids))
    if n_groups > n:
        return f"a document of each of the first {n} of {n_groups} groups"
    return "a document of each group in turn"


def metadata_labels(metadata: Mapping[str, Mapping[str, str]], column: str) -> dict[str, str]:
    """doc_id -> the value of one metadata column (empty when the row lacks it)."""
    return {d: row.get(column) or "" for d, row in metadata.items()}


def group_problems(
    labels: Mapping[str, str], column: str, doc_ids: Sequence[str]
) -> list[tuple[str, str]]:
    """(doc_id, message) warnings about the groups of ``column`` (``labels``: doc_id -> its
    value): documents without a label (left out of the group comparisons), labels that differ
    only in case or spaces (two groups where one was meant), and groups of a single document."""
    members = group_members(labels, doc_ids)
    grouped = {d for docs in members.values() for d in docs}
    out = [
        (d, f"no value in the group column {column!r}: left out of the group comparisons")
        for d in doc_ids
        if d not in grouped
    ]
    variants: dict[str, list[str]] = {}
    for label in sorted(members):
        variants.setdefault(" ".join(label.lower().split()), []).append(label)
    for same in variants.values():
        if len(same) > 1:
            names = " and ".join(repr(x) for x in same)
            message = f"group labels {names} differ only in case or spaces, so they are "
            out.append(("", message + "compared as separate groups; write them the same way"))
    out += [
        (docs[0], f"the only document of group {label!r}: its comparisons rest on one text")
        for label, docs in sorted(members.items())
        if len(docs) == 1
    ]
    return out


def read_metadata(path: str | Path) -> dict[str, dict[str, str]]:
    """Rows of a corpus ``metadata.csv`` keyed by doc_id; empty when the file is absent. A
    ValueError says what to mend in a file that cannot be read, is not UTF-8 CSV, has no doc_id
    column or a column named twice, a row with more fields than the header or with values but no
    doc_id, or one doc_id on two rows. Spaces around a doc_id are dropped; empty rows are
    skipped."""
    path = Path(path)
    if not path.exists():
        return {}
    if not path.is_file():
        raise ValueError(f"{path} is a folder, not a CSV file")
    try:
        data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    except OSError as err:
        raise ValueError(f"{path} cannot be read: {err.strerror or err}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise ValueError(
            f"{path} is not UTF-8 text (line {line:,} cannot be read): save it as UTF-8"
        ) from None
    # strict: an unclosed quotation mark is an error, not the rest of the file in one field
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    rows = []  # (row, the line it starts on)
    try:
        start = reader.line_num + 1
        for row in reader:
            rows.append((row, max(start, 2)))  # the header's own line_num is read with row 1
            start = reader.line_num + 1
    except csv.Error as err:
        raise ValueError(f"{path}, line {max(start, 2):,}: not CSV: {err}") from None
    columns = reader.fieldnames or []
    if "doc_id" not in columns:
        raise ValueError(
            f"{path} must have a header row with a 'doc_id' column (its first line: "
            f"{', '.join(columns) or 'empty'}): " + _header_advice(columns)
        )
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:  # DictReader keeps the last: a row's value of the first would be lost
        raise ValueError(
            f"{path}: the header names column(s) {', '.join(map(repr, twice))} more than once: "
            "give each column its own name"
        )
    out: dict[str, dict[str, str]] = {}
    line_of: dict[str, int] = {}
    for row, line in rows:
        if None in row:  # DictReader's key of the fields past the header's
            raise ValueError(
                f"{path}, line {line:,}: {len(columns) + len(row[None]):,} fields where the "
                f"header has {len(columns):,}: remove the comma too many, or put a value that "
                'holds a comma in double quotes ("Smith, J.")'
            )
        # spaces around an id, as a spreadsheet may leave them, are no part of it
        doc_id = row["doc_id"] = (row.get("doc_id") or "").strip()
        if not doc_id and any((v or "").strip() for v in row.values()):
            raise ValueError(
                f"{path}, line {line:,}: a row without a doc_id: fill it in (python -m pipeline "
                "ids lists the ids) or delete the row"
            )
        if doc_id and doc_id in out:
            raise ValueError(
                f"{path}: doc_id {doc_id!r} has two rows (lines {line_of[doc_id]:,} and "
                f"{line:,}): keep one row per document"
            )
        if doc_id:
            out[doc_id], line_of[doc_id] = row, line
    return out


def _header_advice(columns: Sequence[str]) -> str:
    """What to mend in a metadata header without a 'doc_id' column."""
    if any(c.strip() == "doc_id" for c in columns):
        return "remove the spaces around doc_id"
    first = ",".join(columns)
    separator = next((sep for sep in (";", "\t", "|") if sep in first and "doc_id" in first), None)
    if separator:
        return f"separate the columns with commas, not {separator!r}"
    return "name the column of document ids doc_id (python -m pipeline ids lists them)"
