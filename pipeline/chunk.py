"""Analyse one chunk of documents: ingest, segment, run every per-document stage, write tables."""

from __future__ import annotations

import hashlib
import logging
import time
import traceback
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.corpus import SourceFile
from pipeline.tables import atomic_write_text, write_csv

log = logging.getLogger("pipeline")


@dataclass(frozen=True)
class ChunkSettings:
    """What a chunk job needs from the config."""

    max_file_mb: float = 20.0
    extra_boilerplate: tuple[str, ...] = ()
    extra_abbreviations: tuple[str, ...] = ()
    stage_options: Mapping[str, Mapping[str, Any]] | None = None

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> ChunkSettings:
        """Settings from the workflow config (missing keys take their defaults)."""
        ingest = config.get("ingest") or {}
        segment = config.get("segment") or {}
        return cls(
            max_file_mb=float(ingest.get("max_file_mb", 20.0)),
            extra_boilerplate=tuple(ingest.get("extra_boilerplate") or ()),
            extra_abbreviations=tuple(segment.get("extra_abbreviations") or ()),
            stage_options={k: config.get(k) or {} for k in _stage_names()},
        )


def _stage_names() -> list[str]:
    from pipeline.stages import DOCUMENT_STAGES

    return list(DOCUMENT_STAGES)


def problem(source: str, doc_id: str, stage: str, severity: str, message: str) -> dict[str, str]:
    """One problems.csv row, also written to the log."""
    log.log(
        logging.ERROR if severity == "error" else logging.WARNING,
        "%s (%s, %s): %s",
        source,
        doc_id,
        stage,
        message,
    )
    return {
        "source": source,
        "doc_id": doc_id,
        "stage": stage,
        "severity": severity,
        "message": message,
    }


def document_title(doc: Any) -> str:
    """The first heading, else the first sentence, shortened to 120 characters."""
    if not doc.sentences:
        return doc.doc_id
    text = " ".join(doc.sentences[0].text.split())
    return text if len(text) <= 120 else text[:117].rstrip() + "..."


def analyse_chunk(
    sources: Sequence[SourceFile],
    *,
    out_dir: str | Path,
    docs_dir: str | Path,
    settings: ChunkSettings,
) -> int:
    """Write the chunk's tables into ``out_dir`` and each clean text under ``docs_dir``.

    A failure in one document is recorded in problems.csv and the others go on. Returns the
    number of documents analysed. An empty chunk writes headers only.
    """
    from pipeline.stages import table_columns

    out_dir = Path(out_dir)
    columns = table_columns()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in columns}
    timings: dict[str, float] = defaultdict(float)
    n_done = _analyse_sources(sources, rows, Path(docs_dir), settings, timings) if sources else 0
    for name, cols in columns.items():
        write_csv(out_dir / f"{name}.csv", rows[name], cols)
    # seconds spent in each step, for `make bench` (not a result: it differs from run to run)
    timing_rows = [{"step": k, "seconds": v, "documents": n_done} for k, v in timings.items()]
    write_csv(out_dir / "timings.csv", timing_rows, ["step", "seconds", "documents"])
    return n_done


def _analyse_sources(
    sources: Sequence[SourceFile],
    rows: dict[str, list[dict[str, Any]]],
    docs_dir: Path,
    settings: ChunkSettings,
    timings: dict[str, float],
) -> int:
    from pipeline.ingest import (
        NotTextError,
        clean_document,
        load_boilerplate_patterns,
        read_limited,
    )
    from pipeline.language import language_warning
    from pipeline.segment import load_abbreviations, segment_document
    from pipeline.stages import build_stages

    start = time.perf_counter()
    patterns = load_boilerplate_patterns(settings.extra_boilerplate)
    abbreviations = load_abbreviations(settings.extra_abbreviations)
    stages = build_stages(settings.stage_options or {})
    timings["set-up"] += time.perf_counter() - start
    n_done = 0
    for src in sources:
        start = time.perf_counter()
        try:
            data = read_limited(src.path, max_bytes=int(settings.max_file_mb * 1e6))
            clean = clean_document(
                src.doc_id, data, patterns=patterns, markdown=src.relpath.lower().endswith(".md")
            )
            doc = segment_document(clean, abbreviations=abbreviations)
        except NotTextError as exc:
            rows["problems"].append(
                problem(src.relpath, src.doc_id, "ingest", "error", f"skipped: {exc}")
            )
            continue
        except Exception as exc:  # one bad file must not stop the others
            log.debug("%s", traceback.format_exc())
            rows["problems"].append(
                problem(
                    src.relpath,
                    src.doc_id,
                    "ingest",
                    "error",
                    f"skipped: could not read the file ({exc})",
                )
            )
            continue
        language = language_warning(doc)
        for warning in (*clean.warnings, *([language] if language else [])):
            rows["problems"].append(problem(src.relpath, src.doc_id, "ingest", "warning", warning))
        rows["boilerplate"].extend(clean.boilerplate)
        timings["ingest+segment"] += time.perf_counter() - start
        doc_row: dict[str, Any] = {
            "doc_id": doc.doc_id,
            "title": document_title(doc),
            "source_file": src.relpath,
            "encoding": clean.encoding,
            "n_bytes": len(data),
            "content_sha256": hashlib.sha256(data).hexdigest(),
            "duplicate_of": "",
            "n_paragraphs": len(clean.paragraphs),
            "n_headings": sum(p.is_heading for p in clean.paragraphs),
            "n_sentences": sum(not s.is_heading for s in doc.sentences),
            "n_words": doc.n_words,
        }
        sent_rows = [
            {
                "doc_id": doc.doc_id,
                "sent_id": s.sent_id,
                "paragraph_id": s.paragraph_id,
                "is_heading": s.is_heading,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for s in doc.sentences
        ]
        for stage in stages:
            start = time.perf_counter()
            try:
                result = stage.analyse(doc)
            except Exception as exc:
                log.debug("%s", traceback.format_exc())
                rows["problems"].append(
                    problem(
                        src.relpath,
                        src.doc_id,
                        stage.name,
                        "error",
                        f"stage failed, its columns are empty: {exc!r}",
                    )
                )
                continue
            doc_row.update(result.document_columns)
            for col, values in result.sentence_columns.items():
                for row, value in zip(sent_rows, values, strict=True):
                    row[col] = value
            for table, table_rows in result.tables.items():
                rows[table].extend(table_rows)
            timings[stage.name] += time.perf_counter() - start
        rows["documents"].append(doc_row)
        rows["sentences"].extend(sent_rows)
        atomic_write_text(docs_dir / doc.doc_id / "clean.txt", doc.clean)
        n_done += 1
    return n_done
