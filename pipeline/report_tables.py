"""Read the result tables for the report: text columns as text, and only as far as it shows."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from pipeline.tables import csv_lines, read_csv_header

# Tables the report reads when they exist (results/tables/<name>.csv).
REPORT_TABLES = (
    "documents", "sentences", "stance_markers", "figures", "sentiment_terms", "actor_sentiment",
    "tfidf_top_terms", "similarity", "keyness", "frame_cues", "frames", "frame_differences",
    "problems",
)  # fmt: skip
# Columns that are always text, whatever they look like ("2023", "NA", "1e5" stay strings).
TEXT_COLUMNS = frozenset(
    "doc_id title source_file encoding content_sha256 duplicate_of text sentiment voice "
    "primary_frame match category subtype left_context right_context kind sourcing frame term "
    "actor doc_a doc_b comparison target reference source stage severity message".split()
)
# Tables the report shows for the documents shown in full only (sorted by doc_id).
PER_DOCUMENT_TABLES = frozenset(
    "sentences stance_markers figures sentiment_terms actor_sentiment tfidf_top_terms "
    "frame_cues".split()
)


def read_table(
    path: str | Path,
    *,
    through: tuple[str, str | None] | None = None,
    columns: Sequence[str] | None = None,
) -> pd.DataFrame | None:
    """A result CSV with text columns kept as text and the others numeric; None if absent.

    ``through=(column, last)``: only the leading rows whose ``column`` is at most ``last`` (none
    when ``last`` is None). The tables are sorted by doc_id or comparison, so reading stops
    there; a table found out of order is read whole (callers filter the rows they show anyway).
    ``columns``: read only these (a ValueError names any the table lacks).
    """
    path = Path(path)
    if not path.is_file():
        return None
    header = read_csv_header(path)
    if columns is not None and (missing := [c for c in columns if c not in header]):
        raise ValueError(f"{path.name} lacks column(s) {', '.join(missing)}")
    wanted = header if columns is None else list(columns)
    text = {c: str for c in wanted if c in TEXT_COLUMNS}
    source: Path | io.StringIO = path
    if through is not None and through[0] in header:
        source = _leading_rows(path, header.index(through[0]), through[1])
    df = pd.read_csv(source, usecols=wanted, dtype=text, keep_default_na=False, na_values=[""])
    for name in text:
        df[name] = df[name].fillna("")
    return df


def _leading_rows(path: Path, column: int, last: str | None) -> Path | io.StringIO:
    """The header and the leading rows with ``row[column] <= last`` as CSV text, or ``path``
    when the rows are not sorted by that column."""
    rows: list[list[str]] = []
    previous = ""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        for row in reader:
            key = row[column] if column < len(row) else ""
            if key < previous:
                return path
            if last is None or key > last:
                break
            previous = key
            rows.append(row)
    return io.StringIO(csv_lines([header, *rows]))


def comparison_names(path: str | Path) -> list[str] | None:
    """Sorted distinct values of a table's ``comparison`` column; None when it has none."""
    # read as categories: the parser hands over the distinct names, not one string per row
    names = pd.read_csv(
        path, usecols=lambda c: c == "comparison", dtype="category", na_filter=False
    )
    if "comparison" not in names.columns:
        return None
    return sorted(names["comparison"].cat.categories.tolist())


def read_first_comparisons(
    path: str | Path, max_comparisons: int
) -> tuple[pd.DataFrame | None, int | None]:
    """The rows of the first ``max_comparisons`` comparisons (by name) of a keyness table,
    read only that far, and how many comparisons it has (None without a comparison column)."""
    names = comparison_names(path) if Path(path).is_file() else None
    if names is None:
        return read_table(path), None
    chosen = names[:max_comparisons]
    return read_table(path, through=("comparison", chosen[-1] if chosen else None)), len(names)


def read_tables(tables_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Every known table present in ``tables_dir``, by name."""
    out = {}
    for name in REPORT_TABLES:
        df = read_table(Path(tables_dir) / f"{name}.csv")
        if df is not None:
            out[name] = df
    return out


def read_report_tables(
    tables_dir: str | Path, *, max_documents_inline: int, max_comparisons: int
) -> tuple[dict[str, pd.DataFrame], int | None]:
    """The tables as :func:`read_tables` gives them as far as the report uses them, and the
    number of keyness comparisons: per-document tables only up to the last document shown in
    full and keyness only up to the last comparison shown, so memory does not grow with the
    corpus (at 20,000 documents keyness alone is 3.2 million rows)."""
    tables_dir = Path(tables_dir)
    out: dict[str, pd.DataFrame] = {}
    documents = read_table(tables_dir / "documents.csv")
    inline_last: tuple[str, str | None] | None = None
    if documents is not None:
        out["documents"] = documents
        if "doc_id" in documents.columns:
            inline = sorted(set(documents["doc_id"].astype(str)))[:max_documents_inline]
            inline_last = ("doc_id", inline[-1] if inline else None)
    n_comparisons = None
    for name in REPORT_TABLES:
        path = tables_dir / f"{name}.csv"
        if name == "documents" or not path.is_file():
            continue
        if name == "keyness":
            df, n_comparisons = read_first_comparisons(path, max_comparisons)
        else:
            df = read_table(path, through=inline_last if name in PER_DOCUMENT_TABLES else None)
        if df is not None:
            out[name] = df
    return out, n_comparisons
