"""Corpus-level comparison: term counts from the chunks -> TF-IDF, similarity and keyness tables.

Reads only the chunks' ``term_counts`` tables and ``documents.csv`` (plus ``metadata.csv`` for
group comparisons), never the texts, so its cost grows with distinct terms, not with words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.keyness import COMPARISON_MODES, comparisons_for
from pipeline.keyness_table import KEYNESS_COLUMNS, keyness_table
from pipeline.tables import write_table
from pipeline.terms import DEFAULT_NGRAM_RANGE, TERM_COUNT_COLUMNS, checked_ngram_range, term_matrix
from pipeline.tfidf import (
    SIMILARITY_COLUMNS,
    TFIDF_COLUMNS,
    similarity_pairs,
    tfidf_matrix,
    tfidf_top_terms,
)

TABLE_KEYS = {
    "tfidf_top_terms": ("doc_id", "rank"),
    "similarity": ("doc_a", "doc_b"),
    "keyness": ("comparison", "term"),
}


@dataclass(frozen=True)
class CompareOptions:
    """Options of the ``comparison`` config section (see "Comparison" in README.md)."""

    ngram_range: tuple[int, int] = DEFAULT_NGRAM_RANGE
    sublinear_tf: bool = True
    tfidf_top_n: int = 20
    similarity_top_k: int | None = None
    comparisons: str = "auto"
    group_column: str | None = None
    min_count: int = 3
    keyness_top_n: int | None = 200
    low_count_expected: float = 5.0
    prior_scale: float = 1.0

    @classmethod
    def from_config(cls, section: Mapping[str, Any] | None) -> CompareOptions:
        """Options from a config mapping; unknown keys raise ``ValueError``."""
        section = dict(section or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(section) - known)
        if unknown:
            raise ValueError(f"unknown comparison option(s): {', '.join(unknown)}")
        if "ngram_range" in section:
            section["ngram_range"] = checked_ngram_range(section["ngram_range"])
        options = cls(**section)
        if options.comparisons not in COMPARISON_MODES:
            raise ValueError(
                f"comparisons must be one of {COMPARISON_MODES}, got {options.comparisons!r}"
            )
        if options.comparisons == "groups" and not options.group_column:
            raise ValueError("comparisons: groups needs group_column")
        return options


def read_term_counts(paths: Sequence[str | Path]) -> pd.DataFrame:
    """Concatenate chunk ``term_counts`` CSVs; terms such as "nan" or "null" stay strings."""
    frames = [
        pd.read_csv(
            path,
            dtype={"doc_id": str, "term": str, "count": np.int64},
            keep_default_na=False,
            na_filter=False,
            encoding="utf-8",
        )
        for path in paths
    ]
    if not frames:
        return pd.DataFrame({c: [] for c in TERM_COUNT_COLUMNS})
    return pd.concat(frames, ignore_index=True)


def read_string_table(path: str | Path) -> pd.DataFrame:
    """A CSV with every column as text (documents.csv, metadata.csv); no NA guessing."""
    return pd.read_csv(
        path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8-sig"
    )


def document_groups(metadata: pd.DataFrame, column: str) -> dict[str, str]:
    """doc_id -> group label from a metadata column (empty labels left out)."""
    for needed in ("doc_id", column):
        if needed not in metadata.columns:
            raise ValueError(f"metadata has no column {needed!r} (group_column)")
    labels = metadata[["doc_id", column]].astype(str)
    return {
        d: g.strip() for d, g in zip(labels["doc_id"], labels[column], strict=True) if g.strip()
    }


def compare_corpus(
    term_counts: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    metadata: pd.DataFrame | None = None,
    options: CompareOptions | None = None,
) -> dict[str, pd.DataFrame]:
    """The ``tfidf_top_terms``, ``similarity`` and ``keyness`` tables of a corpus."""
    options = options or CompareOptions()
    if "doc_id" not in documents.columns:
        raise ValueError("documents table has no doc_id column")
    doc_ids = sorted(set(documents["doc_id"].astype(str)))
    # chunks still hold the term counts of documents the merge left out (duplicates)
    term_counts = term_counts[term_counts["doc_id"].astype(str).isin(doc_ids)]
    matrix = term_matrix(term_counts, doc_ids, ngram_range=options.ngram_range)
    weights = tfidf_matrix(matrix.counts, sublinear_tf=options.sublinear_tf)
    groups = None
    if options.group_column:
        if metadata is None:
            raise ValueError("group_column is set but no metadata table was given")
        groups = document_groups(metadata, options.group_column)
    comparisons = comparisons_for(doc_ids, mode=options.comparisons, groups=groups)
    return {
        "tfidf_top_terms": tfidf_top_terms(weights, matrix, top_n=options.tfidf_top_n),
        "similarity": similarity_pairs(weights, doc_ids, top_k=options.similarity_top_k),
        "keyness": keyness_table(
            matrix,
            comparisons,
            min_count=options.min_count,
            top_n=options.keyness_top_n,
            low_count_expected=options.low_count_expected,
            prior_scale=options.prior_scale,
        ),
    }


def main(
    *,
    term_counts: Sequence[str | Path],
    documents: str | Path,
    tfidf_top_terms: str | Path,
    similarity: str | Path,
    keyness: str | Path,
    metadata: str | Path | None = None,
    options: Mapping[str, Any] | None = None,
) -> dict[str, int]:
    """Read chunk term counts and documents.csv, write the three tables; return their row counts."""
    opts = CompareOptions.from_config(options)
    meta = None
    if opts.group_column:
        if metadata is None or not Path(metadata).is_file():
            raise ValueError(f"group_column {opts.group_column!r} needs a metadata.csv file")
        meta = read_string_table(metadata)
    tables = compare_corpus(
        read_term_counts(term_counts), read_string_table(documents), metadata=meta, options=opts
    )
    targets = {"tfidf_top_terms": tfidf_top_terms, "similarity": similarity, "keyness": keyness}
    columns = {
        "tfidf_top_terms": TFIDF_COLUMNS,
        "similarity": SIMILARITY_COLUMNS,
        "keyness": KEYNESS_COLUMNS,
    }
    for name, path in targets.items():
        write_table(path, tables[name], columns[name])
    return {name: len(frame) for name, frame in tables.items()}
