"""Gather the chunk tables into ``results/tables/``: one file per table, rows in doc_id order."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from pipeline.corpus import SkippedFile
from pipeline.tables import atomic_write_text, csv_text


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


def _rows_as_dicts(header: list[str], rows: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(header, r)) for r in rows]


def merge_chunks(
    chunk_dirs: Sequence[str | Path],
    *,
    tables: Sequence[str],
    out_paths: Mapping[str, str | Path],
    metadata: Mapping[str, Mapping[str, str]],
    skipped: Sequence[SkippedFile] = (),
    docs_dir: str | Path | None = None,
) -> int:
    """Write each merged table to ``out_paths[name]``; returns the number of documents.

    Titles in ``metadata`` (corpus metadata.csv) replace the first-line titles; files passed over
    at discovery are added to problems; stale ``docs/<doc_id>/`` folders of documents no longer
    in the corpus are removed.
    """
    n_docs = 0
    for name in tables:
        header, rows = merge_table(
            [Path(d) / f"{name}.csv" for d in chunk_dirs],
            key="source" if name == "problems" else "doc_id",
        )
        if name == "documents":
            n_docs = len(rows)
            t = header.index("title")
            for row in rows:
                title = (metadata.get(row[0]) or {}).get("title", "").strip()
                if title:
                    row[t] = title
            if docs_dir is not None:
                _remove_stale_docs(Path(docs_dir), {r[0] for r in rows})
        if name == "problems":
            extra = [["" if c != "source" else s.relpath for c in header] for s in skipped]
            for row, s in zip(extra, skipped):
                row[header.index("stage")] = "discover"
                row[header.index("severity")] = "error"
                row[header.index("message")] = f"skipped: {s.message}"
            rows = sorted(rows + extra, key=lambda r: tuple(r))
        atomic_write_text(out_paths[name], csv_text(_rows_as_dicts(header, rows), header))
    return n_docs


def _remove_stale_docs(docs_dir: Path, keep: set[str]) -> None:
    if not docs_dir.is_dir():
        return
    for child in docs_dir.iterdir():
        stale = child.is_dir() and child.name not in keep
        if stale and all(p.name == "clean.txt" for p in child.iterdir()):
            shutil.rmtree(child)
