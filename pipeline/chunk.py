"""Analyse one chunk of documents: ingest, segment, run every per-document stage, write tables."""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pipeline.cache import Entry
from pipeline.chunk_settings import ChunkSettings, chunk_tools
from pipeline.corpus import SourceFile
from pipeline.decode import NotTextError, read_limited
from pipeline.logs import log_problem
from pipeline.tables import atomic_write_text, write_csv, write_segmented_tables
from pipeline.types import SegmentedDocument

log = logging.getLogger("pipeline")
BATCH_DOCUMENTS = 200  # documents a chunk runs through the stages together (held in memory)
Outcome = tuple[dict[str, list[dict[str, Any]]], str | None]  # rows by table, clean text


def problem(source: str, doc_id: str, stage: str, severity: str, message: str) -> dict[str, str]:
    """One problems.csv row, also written to the log."""
    row = {
        "source": source,
        "doc_id": doc_id,
        "stage": stage,
        "severity": severity,
        "message": message,
    }
    log_problem(row)
    return row


def document_title(doc: Any) -> str:
    """The first heading, else the first sentence, shortened to 120 characters."""
    if not doc.sentences:
        return doc.doc_id
    text = " ".join(doc.sentences[0].text.split())
    return text if len(text) <= 120 else text[:117].rstrip() + "..."


def _unfreezing(func: Callable[..., int]) -> Callable[..., int]:
    """``func``, after which the objects it froze (:func:`gc.freeze`) are collectable again (and
    any a caller froze before: a library caller that freezes its own must freeze them again)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        try:
            return func(*args, **kwargs)
        finally:
            gc.unfreeze()

    return wrapper


@_unfreezing
def analyse_chunk(
    sources: Sequence[SourceFile],
    *,
    out_dir: str | Path,
    docs_dir: str | Path,
    settings: ChunkSettings,
    cache_path: str | Path | None = None,
) -> int:
    """Write the chunk's tables into ``out_dir`` and each clean text under ``docs_dir``.

    A failure in one document is recorded in problems.csv and the others go on. Returns the
    number of documents analysed. An empty chunk writes headers only. With ``cache_path``,
    unchanged documents are taken from the previous run's results (see :mod:`pipeline.cache`).
    """
    from pipeline.cache import fingerprint, load_cache, save_cache
    from pipeline.stages import table_columns

    out_dir = Path(out_dir)
    columns = table_columns()
    groups: dict[str, list[tuple[str, list[dict[str, Any]]]]] = {name: [] for name in columns}
    timings: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    key = fingerprint(settings.as_data()) if cache_path is not None else ""
    previous = load_cache(cache_path, key)
    timings["cache"] += time.perf_counter() - start
    runner = _Runner(settings, timings)
    counts: dict[str, int] = defaultdict(int)
    current: dict[str, Entry] = {}
    outcomes: list[Outcome | None] = [None] * len(sources)
    pending: list[tuple[int, SourceFile, bytes, str]] = []

    def analyse_pending() -> None:
        for (i, src, _, digest), outcome in zip(pending, runner.analyse(pending), strict=True):
            outcomes[i] = outcome
            counts["analysed"] += 1
            if cacheable(outcome[0]):
                current[src.doc_id] = (src.relpath, digest, *outcome)
        pending.clear()
        # The rows stay until the tables are written, and every full collection of the cyclic
        # garbage collector walked all of them (and the stages' lexicons): 3-7% of a chunk's
        # CPU, more the larger the chunk. So they leave its view here, once the batch's garbage
        # is collected (the decorator gives them back when the chunk is done).
        gc.collect()
        gc.freeze()

    for i, src in enumerate(sources):
        try:
            data = read_limited(src.path, max_bytes=int(settings.max_file_mb * 1e6))
        except Exception as exc:  # one bad file must not stop the others
            outcomes[i] = ({"problems": [skipped(src, exc)]}, None)
            continue
        digest = hashlib.sha256(data).hexdigest()
        entry = previous.get(src.doc_id)
        if entry is not None and entry[:2] == (src.relpath, digest):
            outcomes[i] = (entry[2], entry[3])
            current[src.doc_id] = entry
            counts["from cache"] += 1
            for row in entry[2].get("problems", ()):  # every run's log lists every problem
                log_problem(row)
            continue
        pending.append((i, src, data, digest))
        if len(pending) == BATCH_DOCUMENTS:
            analyse_pending()
    if pending:  # all cached, or an empty chunk: no stages to build
        analyse_pending()
    analysed, cached = counts.get("analysed", 0), counts.get("from cache", 0)
    unread = len(sources) - analysed - cached
    log.info("analysed %d document(s), took %d from the cache, %d unread", analysed, cached, unread)
    n_done = 0
    for src, outcome in zip(sources, outcomes, strict=True):
        doc_rows, clean = outcome  # type: ignore[misc]
        for name, table_rows in doc_rows.items():
            groups[name].append((src.doc_id, table_rows))
        if clean is not None:
            write_if_changed(Path(docs_dir) / src.doc_id / "clean.txt", clean)
            n_done += 1
    start = time.perf_counter()
    save_cache(cache_path, key, current)
    write_segmented_tables(out_dir, groups, columns)
    timings["write"] += time.perf_counter() - start
    # seconds spent in each step, for `make bench` (not a result: it differs from run to run)
    timing_rows = [{"step": k, "seconds": v, "documents": n_done} for k, v in timings.items()]
    timing_rows += [{"step": k, "seconds": 0.0, "documents": v} for k, v in counts.items()]
    write_csv(out_dir / "timings.csv", timing_rows, ["step", "seconds", "documents"])
    return n_done


def skipped(src: SourceFile, exc: Exception) -> dict[str, str]:
    """The problems.csv row of a file that could not be read or is not text."""
    if isinstance(exc, NotTextError):
        return problem(src.relpath, src.doc_id, "ingest", "error", f"skipped: {exc}")
    log.debug("%s", traceback.format_exc())
    message = f"skipped: could not read the file ({exc})"
    return problem(src.relpath, src.doc_id, "ingest", "error", message)


def cacheable(doc_rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> bool:
    """False when a stage failed on the document (it may be a passing fault: try again)."""
    return not any(
        p["severity"] == "error" and p["stage"] != "ingest" for p in doc_rows.get("problems", ())
    )


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` atomically unless the file already holds exactly it.

    No fsync: every run compares the file with its text again and rewrites it if it differs.
    """
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    atomic_write_text(path, text, durable=False)


class _Runner:
    """Ingest, segment and every stage for one document; stages are built on first use."""

    def __init__(self, settings: ChunkSettings, timings: dict[str, float]) -> None:
        self.settings = settings
        self.timings = timings
        self._built: tuple[Any, frozenset[str], list[Any]] | None = None

    def _setup(self) -> tuple[Any, frozenset[str], list[Any]]:
        if self._built is None:
            start = time.perf_counter()
            self._built = chunk_tools(self.settings)
            self.timings["set-up"] += time.perf_counter() - start
            gc.collect()  # nor the lexicons, patterns and modules (see analyse_chunk)
            gc.freeze()
        return self._built

    def analyse(self, items: Sequence[tuple[int, SourceFile, bytes, str]]) -> list[Outcome]:
        """Each document's rows by table and its clean text (None when it was skipped).

        Stage by stage over the batch rather than document by document: a stage's lexicons
        and patterns stay in the CPU caches (about 20% faster). A stage failing on one document
        leaves that document's columns of the stage empty and records the failure.
        """
        patterns, abbreviations, stages = self._setup()
        docs = [
            self._prepare(src, data, digest, patterns, abbreviations)
            for _, src, data, digest in items
        ]
        for stage in stages:
            start = time.perf_counter()
            for doc in docs:
                if doc.segmented is not None:
                    doc.apply(stage)
            self.timings[stage.name] += time.perf_counter() - start
        return [doc.outcome() for doc in docs]

    def _prepare(
        self,
        src: SourceFile,
        data: bytes,
        digest: str,
        patterns: Any,
        abbreviations: frozenset[str],
    ) -> _Document:
        """Ingest and segment one file; its base document and sentence rows."""
        from pipeline.ingest import clean_document
        from pipeline.language import text_warnings
        from pipeline.segment import segment_document

        start = time.perf_counter()
        out = _Document(src)
        try:
            clean = clean_document(
                src.doc_id, data, patterns=patterns, markdown=src.relpath.lower().endswith(".md")
            )
            doc = segment_document(clean, abbreviations=abbreviations)
        except Exception as exc:  # one bad file must not stop the others
            out.rows["problems"].append(skipped(src, exc))
            return out
        for warning in (*clean.warnings, *text_warnings(doc)):
            out.rows["problems"].append(
                problem(src.relpath, src.doc_id, "ingest", "warning", warning)
            )
        out.rows["boilerplate"].extend(clean.boilerplate)
        out.segmented = doc
        out.doc_row = {
            "doc_id": doc.doc_id,
            "title": document_title(doc),
            "source_file": src.relpath,
            "encoding": clean.encoding,
            "n_bytes": len(data),
            "content_sha256": digest,
            "duplicate_of": "",
            "n_paragraphs": len(clean.paragraphs),
            "n_headings": sum(p.is_heading for p in clean.paragraphs),
            "n_sentences": sum(not s.is_heading for s in doc.sentences),
            "n_words": doc.n_words,
        }
        out.sent_rows = [
            {
                "doc_id": doc.doc_id,
                "sent_id": s.sent_id,
                "paragraph_id": s.paragraph_id,
                "is_heading": s.is_heading,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "n_words": len(tokens),
            }
            for s, tokens in zip(doc.sentences, doc.tokens, strict=True)
        ]
        self.timings["ingest+segment"] += time.perf_counter() - start
        return out


class _Document:
    """One document's rows while the stages run over its batch."""

    def __init__(self, src: SourceFile) -> None:
        self.src = src
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.segmented: SegmentedDocument | None = None
        self.doc_row: dict[str, Any] = {}
        self.sent_rows: list[dict[str, Any]] = []

    def apply(self, stage: Any) -> None:
        """Add one stage's columns and tables, or record its failure."""
        from pipeline.stages import check_output

        try:
            result = stage.analyse(self.segmented)
            check_output(stage, result, len(self.sent_rows))
        except Exception as exc:
            log.debug("%s", traceback.format_exc())
            self.rows["problems"].append(
                problem(
                    self.src.relpath,
                    self.src.doc_id,
                    stage.name,
                    "error",
                    f"stage failed, its columns are empty: {exc!r}",
                )
            )
            return
        self.doc_row.update(result.document_columns)
        for col, values in result.sentence_columns.items():
            for row, value in zip(self.sent_rows, values, strict=True):
                row[col] = value
        for table, table_rows in result.tables.items():
            self.rows[table].extend(table_rows)

    def outcome(self) -> Outcome:
        """(rows by table, clean text or None when the file was skipped)."""
        if self.segmented is None:
            return dict(self.rows), None
        self.rows["documents"].append(self.doc_row)
        self.rows["sentences"].extend(self.sent_rows)
        return dict(self.rows), self.segmented.clean
