"""Gather the chunk tables into ``results/tables/``: one file per table, rows in doc_id order."""

from __future__ import annotations

import csv
import logging
import shutil
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from pipeline.corpus import (
    METADATA_NAME,
    RESULTS_INSIDE,
    SkippedFile,
    group_problems,
    metadata_labels,
    safe_doc_id,
)
from pipeline.lexicon import did_you_mean
from pipeline.logs import log_problem
from pipeline.manifest import NO_DOCUMENTS, NoDocumentsError
from pipeline.tables import atomic_write_bytes, atomic_write_text, read_segments, text_rows_csv

DUPLICATE_MODES = ("skip", "analyse")
# pairs of (metadata row matching nothing, document without a row) compared for a "did you mean"
MAX_ID_SUGGESTIONS = 200_000
log = logging.getLogger("pipeline")


def read_table(path: str | Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV file, cells kept as the exact strings written."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        return header, list(reader)


def merge_table(
    paths: Sequence[str | Path], *, key: str = "doc_id"
) -> tuple[list[str], list[list[str]]]:
    """Concatenate chunk CSVs with the same header, ordered by ``key`` (stable within a key)."""
    header: list[str] | None = None
    merged: list[list[str]] = []
    for path in paths:
        h, rows = read_table(path)
        if header is None:
            header = h
        elif h != header:
            raise ValueError(f"{path} has columns {h}, expected {header}: rerun all chunks")
        merged.extend(rows)
    header = header or []
    idx = header.index(key) if key in header else 0
    merged.sort(key=lambda r: r[idx])
    return header, merged


def merge_segments(
    paths: Sequence[str | Path],
    entries: Sequence[Any],
    *,
    drop: Collection[str] = frozenset(),
) -> bytes | None:
    """The merged table copied byte for byte from the chunks' per-document ranges, in doc_id
    order (what :func:`merge_table` gives, without parsing), leaving out the ``drop`` doc_ids;
    None when a chunk's ``segments.json`` entry is missing or does not match its file."""
    header: bytes | None = None
    blobs: list[memoryview] = []  # slices of a memoryview are not copies
    pieces: list[tuple[str, int, int, int]] = []
    try:
        for i, (path, entry) in enumerate(zip(paths, entries, strict=True)):
            data = Path(path).read_bytes()
            if not isinstance(entry, dict) or entry.get("size") != len(data):
                return None
            head = data[: data.find(b"\n") + 1]
            if header is not None and head != header:
                return None
            header = head
            blobs.append(memoryview(data))
            pieces.extend(
                (str(doc_id), i, int(start), int(end))
                for doc_id, start, end in entry["segments"]
                if doc_id not in drop
            )
    except (KeyError, TypeError, ValueError):
        return None
    if header is None:
        return None
    pieces.sort()  # a document's rows are in one chunk: by doc_id, as merge_table orders rows
    return b"".join([header, *(blobs[i][start:end] for _, i, start, end in pieces)])


def mark_duplicates(
    header: list[str], rows: list[list[str]], prefer: Collection[str] = ()
) -> dict[str, str]:
    """Fill ``duplicate_of`` for documents whose bytes equal another's; returns them. Of the
    documents with the same bytes the first in doc_id order with an id in ``prefer`` (those
    with a metadata.csv row) is the original, else the first in doc_id order."""
    sha, dup = header.index("content_sha256"), header.index("duplicate_of")
    same: dict[str, list[str]] = {}
    for row in rows:  # rows are in doc_id order
        same.setdefault(row[sha], []).append(row[0])
    original = {
        doc_id: next((d for d in ids if d in prefer), ids[0])
        for ids in same.values()
        for doc_id in ids
    }
    duplicates: dict[str, str] = {}
    for row in rows:
        if original[row[0]] != row[0]:
            row[dup] = original[row[0]]
            duplicates[row[0]] = original[row[0]]
    return duplicates


def _problem_row(header: list[str], **values: str) -> list[str]:
    return [values.get(c, "") for c in header]


def merge_chunks(
    chunk_dirs: Sequence[str | Path],
    *,
    tables: Sequence[str],
    out_paths: Mapping[str, str | Path],
    metadata: Mapping[str, Mapping[str, str]],
    skipped: Sequence[SkippedFile] = (),
    docs_dir: str | Path | None = None,
    duplicates: str = "skip",
    metadata_name: str = METADATA_NAME,
    expected: Collection[str] | None = None,
    config_problems: Sequence[Sequence[str]] = (),
    group_column: str | None = None,
) -> int:
    """Write each merged table to ``out_paths[name]``; returns the number of documents kept.

    Titles in ``metadata`` (corpus metadata.csv) replace those taken from the text, and a metadata
    row whose doc_id matches no corpus file is a warning; files passed over at discovery and
    ``config_problems`` ([file, doc_id, stage, message] warnings found when the workflow was
    parsed: lexicon rows that do nothing) are added to problems, and so are warnings about the
    groups of ``group_column`` among the documents kept; a document with
    the same bytes as an earlier one is flagged in ``duplicate_of`` and, with
    ``duplicates="skip"``, left out of every table. Stale
    ``docs/<doc_id>/`` folders of documents no longer in the chunks are removed.

    ``expected`` (the doc_ids of the corpus files now) guards against chunk outputs written
    for another corpus (a copied results folder, Snakemake's records deleted): rows of other
    doc_ids are left out with a warning, and a doc_id in no chunk raises
    :class:`StaleChunksError`.
    """
    if duplicates not in DUPLICATE_MODES:
        raise ValueError(f"duplicates must be one of {DUPLICATE_MODES}, got {duplicates!r}")
    paths = {name: [Path(d) / f"{name}.csv" for d in chunk_dirs] for name in tables}
    doc_header, doc_rows = merge_table(paths["documents"])
    problems = merge_table(paths["problems"], key="source") if "problems" in paths else None
    gone = _check_expected(doc_rows, problems, expected)
    doc_rows = [r for r in doc_rows if r[0] not in gone]
    dups = mark_duplicates(doc_header, doc_rows, prefer=set(metadata))
    sources = {r[0]: r[doc_header.index("source_file")] for r in doc_rows}
    in_chunks = set(sources)
    dropped = set(dups) if duplicates == "skip" else set()
    doc_rows = [r for r in doc_rows if r[0] not in dropped]
    if not doc_rows:  # before any table is written: the earlier run's stay
        raise NoDocumentsError(no_documents_message(problems, skipped))
    dropped |= gone
    title = doc_header.index("title")
    for row in doc_rows:
        meta_title = (metadata.get(row[0]) or {}).get("title", "").strip()
        if meta_title:
            row[title] = meta_title
    indexes = [read_segments(d) for d in chunk_dirs]
    for name in tables:
        if name not in ("documents", "problems"):  # these two are edited below, so parsed
            data = merge_segments(paths[name], [ix.get(name) for ix in indexes], drop=dropped)
            if data is not None:
                atomic_write_bytes(out_paths[name], data)
                continue
        if name == "documents":
            header, rows = doc_header, doc_rows
        else:
            # problems was parsed above ("problems" in tables)
            header, rows = problems if name == "problems" else merge_table(paths[name])
            if "doc_id" in header and dropped:
                col = header.index("doc_id")
                rows = [r for r in rows if r[col] not in dropped]
        if name == "problems":
            found = _discovery_problems(header, skipped, dups, sources, dropped)
            found += [
                _problem_row(header, source=source, doc_id=doc_id, stage=stage,
                             severity="warning", message=message)
                for source, doc_id, stage, message in config_problems
            ]  # fmt: skip
            if group_column:  # the documents kept: a left-out duplicate or failed file is no member
                labels = metadata_labels(metadata, group_column)
                found += [
                    _problem_row(header, source=metadata_name, doc_id=doc_id, stage="compare",
                                 severity="warning", message=message)
                    for doc_id, message in group_problems(
                        labels, group_column, [r[0] for r in doc_rows]
                    )
                ]  # fmt: skip
            doc_col = header.index("doc_id")
            known = set(sources) | {r[doc_col] for r in rows}
            unmatched = sorted(set(metadata) - known)
            renamed = renamed_ids(sources) if unmatched else {}
            # a mistyped id is most likely one of the documents that have no row
            rowless = sorted(set(sources) - set(metadata))
            if len(rowless) * len(unmatched) > MAX_ID_SUGGESTIONS:
                rowless = []  # bounded work for a corpus with many rows that match nothing
            found += [
                _problem_row(header, source=metadata_name, doc_id=doc_id, stage="metadata",
                             severity="warning",
                             message=unmatched_row_message(doc_id, sources, renamed, rowless))
                for doc_id in unmatched
            ]  # fmt: skip
            for row in found:  # the chunks logged theirs; these are found here
                log_problem(dict(zip(header, row, strict=True)))
            rows = rows + found
            rows.sort()
        atomic_write_text(out_paths[name], text_rows_csv(rows, header))
    if docs_dir is not None:  # a left-out duplicate keeps its text: its chunk may not re-run
        _remove_stale_docs(Path(docs_dir), in_chunks)
    return len(doc_rows)


class StaleChunksError(RuntimeError):
    """The chunk outputs do not hold a document of the corpus: they are older than it."""


MAX_REASONS = 10  # files named in the message of a corpus with no document to analyse


def no_documents_message(
    problems: tuple[list[str], list[list[str]]] | None, skipped: Sequence[SkippedFile]
) -> str:
    """Why no document of the corpus could be analysed: the chunks' errors and the files passed
    over at discovery, file by file (the first MAX_REASONS)."""
    reasons = [f"{s.relpath}: skipped: {s.message}" for s in skipped if s.message != RESULTS_INSIDE]
    if problems is not None:
        header, rows = problems
        col = {name: header.index(name) for name in ("source", "severity", "message")}
        reasons += [f"{r[col['source']]}: {r[col['message']]}" for r in rows
                    if r[col["severity"]] == "error"]  # fmt: skip
    more = len(reasons) - MAX_REASONS
    return (
        f"{NO_DOCUMENTS}, so no table was written (an earlier run's tables are kept):"
        + "".join(f"\n  {reason}" for reason in reasons[:MAX_REASONS])
        + (f"\n  ... and {more:,} more" if more > 0 else "")
    )


def renamed_ids(sources: Mapping[str, str]) -> dict[str, list[str]]:
    """The doc_id a file's name alone gives -> the doc_ids that took a suffix instead, because
    another file's name makes the same id (one pass over the corpus, not one per metadata row)."""
    out: dict[str, list[str]] = {}
    for doc_id, rel in sorted(sources.items()):
        plain = safe_doc_id(rel)
        if plain != doc_id:
            out.setdefault(plain, []).append(doc_id)
    return out


def unmatched_row_message(
    doc_id: str,
    sources: Mapping[str, str],
    renamed: Mapping[str, list[str]] | None = None,
    rowless: Sequence[str] = (),
) -> str:
    """Why a metadata row matches no document: a mistyped doc_id (with the closest of the
    doc_ids ``rowless``, those without a row, when one is close), or a file whose doc_id took a
    suffix because another file's name makes the same doc_id ("Report.txt" is Report-7012e3eb
    once "report.txt" is added). ``sources``: doc_id -> path; ``renamed``: its
    :func:`renamed_ids`, made once for all the rows."""
    renamed = sorted((renamed_ids(sources) if renamed is None else renamed).get(doc_id, []))
    if not renamed:
        return (
            f"the row for doc_id {doc_id!r} matches no corpus file"
            f"{did_you_mean(doc_id, rowless)} (documents.csv lists the doc_ids)"
        )
    files = " and ".join(f"{sources[d]} is {d!r}" for d in renamed)
    return (
        f"the row for doc_id {doc_id!r} matches no corpus file: {files}, as another file's name "
        "makes the same doc_id (names the same apart from case, or news/story.txt and "
        "news__story.txt); use that doc_id in the row, or rename a file"
    )


def _check_expected(
    doc_rows: list[list[str]],
    problems: tuple[list[str], list[list[str]]] | None,
    expected: Collection[str] | None,
) -> set[str]:
    """doc_ids in the chunks' documents that are not ``expected`` (logged); raises
    StaleChunksError when an expected doc_id is in no chunk's documents or problems."""
    if expected is None:
        return set()
    expected = set(expected)
    seen = {r[0] for r in doc_rows}
    if problems is not None:
        header, rows = problems
        seen |= {r[header.index("doc_id")] for r in rows} - {""}
    gone = seen - expected
    if gone:
        log.warning(
            "left out the rows of %d doc_id(s) that are not in the corpus now (%s): the "
            "results folder held chunk outputs of an earlier corpus",
            len(gone),
            ", ".join(sorted(gone)[:5]),
        )
    missing = sorted(expected - seen)
    if missing:
        raise StaleChunksError(
            f"{len(missing)} document(s) of the corpus are in no chunk's tables "
            f"({', '.join(missing[:5])}): the chunk outputs are older than the corpus (files "
            "copied with their old times, or Snakemake's records in .snakemake/ deleted). "
            "Run again with --forcerun analyse_chunk."
        )
    return gone


def _discovery_problems(header, skipped, dups, sources, dropped) -> list[list[str]]:
    rows = [
        _problem_row(
            header,
            source=s.relpath,
            stage="discover",
            # the results folder inside the corpus is left out by design, not a bad file
            severity="warning" if s.message == RESULTS_INSIDE else "error",
            message=f"skipped: {s.message}",
        )
        for s in skipped
    ]
    for doc_id, original in dups.items():
        what = "left out (ingest.duplicates: skip)" if doc_id in dropped else "analysed again"
        rows.append(
            _problem_row(
                header,
                source=sources.get(doc_id, doc_id),
                doc_id=doc_id,
                stage="merge",
                severity="warning",
                message=f"same content as {original} ({sources.get(original, original)}): {what}",
            )
        )
    return rows


def _remove_stale_docs(docs_dir: Path, keep: set[str]) -> None:
    if not docs_dir.is_dir():
        return
    for child in docs_dir.iterdir():
        stale = child.is_dir() and child.name not in keep
        if stale and all(p.name == "clean.txt" for p in child.iterdir()):
            shutil.rmtree(child)
