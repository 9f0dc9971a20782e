"""TF-IDF top terms and cosine similarity from the term count matrix, sparse throughout.

scikit-learn's ``TfidfVectorizer`` is ``CountVectorizer`` followed by ``TfidfTransformer``. The
chunks already counted the terms with :class:`pipeline.terms.TermAnalyzer`, so the corpus step
hands that count matrix to ``TfidfTransformer``: the same idf, sublinear tf and l2 norm code
that ``TfidfVectorizer(analyzer=TermAnalyzer(...))`` runs, without re-reading the texts
(``tests/test_tfidf.py`` checks both give the same matrix).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from pipeline.terms import TermAnalyzer, TermMatrix

TFIDF_COLUMNS = ("doc_id", "rank", "term", "tfidf", "count")
SIMILARITY_COLUMNS = ("doc_a", "doc_b", "cosine")
MAX_ALL_PAIRS = 2_000_000  # every-pair similarity beyond this needs similarity_top_k


def tfidf_vectorizer(*, analyzer: TermAnalyzer, sublinear_tf: bool = True) -> Any:
    """``TfidfVectorizer`` over :class:`SegmentedDocument` objects with the project's analyzer."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=analyzer, sublinear_tf=sublinear_tf, norm="l2", smooth_idf=True)


def tfidf_matrix(counts: Any, *, sublinear_tf: bool = True) -> Any:
    """L2-normalised TF-IDF (scipy CSR) of a documents x terms count matrix.

    Smooth idf: ``ln((1 + n) / (1 + df)) + 1``; tf is ``1 + ln(count)`` when ``sublinear_tf``.
    """
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfTransformer

    if not sparse.issparse(counts):
        raise ValueError("counts must be a scipy.sparse matrix")
    transformer = TfidfTransformer(
        norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=sublinear_tf
    )
    if counts.shape[1] == 0:
        return sparse.csr_matrix(counts.shape, dtype=np.float64)
    return sparse.csr_matrix(transformer.fit_transform(counts.astype(np.float64)))


def tfidf_top_terms(tfidf: Any, matrix: TermMatrix, *, top_n: int = 20) -> pd.DataFrame:
    """Each document's ``top_n`` terms by TF-IDF (ties: alphabetical), with their raw counts."""
    if not isinstance(top_n, int) or top_n < 1:
        raise ValueError(f"top_n must be a positive integer, got {top_n!r}")
    tfidf = tfidf.tocsr()
    counts = matrix.counts.tocsr()
    rows = np.repeat(np.arange(tfidf.shape[0]), np.diff(tfidf.indptr))
    cols = tfidf.indices
    values = tfidf.data
    order = np.lexsort((cols, -values, rows))  # by document, tfidf descending, then term
    rows, cols, values = rows[order], cols[order], values[order]
    starts = np.searchsorted(rows, rows, side="left")
    rank = np.arange(len(rows)) - starts + 1
    keep = rank <= top_n
    rows, cols, values, rank = rows[keep], cols[keep], values[keep], rank[keep]
    raw = np.asarray(counts[rows, cols]).ravel() if len(rows) else np.zeros(0, dtype=np.int64)
    return pd.DataFrame(
        {
            "doc_id": np.asarray(matrix.doc_ids, dtype=object)[rows],
            "rank": rank.astype(np.int64),
            "term": matrix.vocabulary[cols],
            "tfidf": values,
            "count": raw.astype(np.int64),
        },
        columns=list(TFIDF_COLUMNS),
    )


def similarity_pairs(
    tfidf: Any,
    doc_ids: Sequence[str],
    *,
    top_k: int | None = None,
    block_size: int = 512,
) -> pd.DataFrame:
    """Cosine similarity of document pairs (doc_a < doc_b), computed in blocks of rows.

    ``top_k=None`` gives every pair; otherwise the union of each document's ``top_k`` nearest
    neighbours (ties: the earlier doc_id). Only a ``block_size`` x documents slice is ever
    dense, never documents x vocabulary.
    """
    from scipy import sparse

    if not sparse.issparse(tfidf):
        raise ValueError("tfidf must be a scipy.sparse matrix")
    if top_k is not None and (not isinstance(top_k, int) or top_k < 1):
        raise ValueError(f"similarity_top_k must be a positive integer or null, got {top_k!r}")
    if block_size < 1:
        raise ValueError("block_size must be >= 1")
    n = tfidf.shape[0]
    if top_k is None and n * (n - 1) // 2 > MAX_ALL_PAIRS:
        raise ValueError(
            f"{n} documents give {n * (n - 1) // 2:,} pairs; set similarity_top_k "
            "(e.g. 10) to keep each document's nearest neighbours"
        )
    ids = np.asarray(doc_ids, dtype=object)
    tfidf = sparse.csr_matrix(tfidf, dtype=np.float64)
    transposed = tfidf.T.tocsc()
    parts_a: list[np.ndarray] = []
    parts_b: list[np.ndarray] = []
    parts_c: list[np.ndarray] = []
    for start in range(0, n, block_size):
        stop = min(start + block_size, n)
        block = (tfidf[start:stop] @ transposed).toarray()  # block x documents, never x vocabulary
        np.clip(block, 0.0, 1.0, out=block)
        if top_k is None:
            a, b = _upper_pairs(start, stop, n)
        else:
            a, b = _nearest_pairs(block, start, top_k)
        parts_a.append(a)
        parts_b.append(b)
        parts_c.append(block[a - start, b])
    a = np.concatenate(parts_a) if parts_a else np.zeros(0, dtype=np.int64)
    b = np.concatenate(parts_b) if parts_b else np.zeros(0, dtype=np.int64)
    c = np.concatenate(parts_c) if parts_c else np.zeros(0)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key = lo * max(n, 1) + hi
    key, first = np.unique(key, return_index=True)  # sorted by (doc_a, doc_b), duplicates gone
    return pd.DataFrame(
        {"doc_a": ids[lo[first]], "doc_b": ids[hi[first]], "cosine": c[first]},
        columns=list(SIMILARITY_COLUMNS),
    )


def _upper_pairs(start: int, stop: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indices (i < j) of the pairs whose first document lies in [start, stop)."""
    first = np.arange(start, stop, dtype=np.int64)
    per_row = n - 1 - first
    rows = np.repeat(first, per_row)
    offsets = np.arange(len(rows), dtype=np.int64) - np.repeat(
        np.cumsum(per_row) - per_row, per_row
    )
    return rows, rows + 1 + offsets


def _nearest_pairs(block: np.ndarray, start: int, top_k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, neighbour) indices of each block row's ``top_k`` most similar other documents."""
    n_rows, n = block.shape
    k = min(top_k, n - 1)
    if k <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    scores = block.copy()
    scores[np.arange(n_rows), np.arange(start, start + n_rows)] = -np.inf  # not its own neighbour
    # candidates: every column scoring at least the k-th best, so ties at the cut are all seen
    kth = -np.partition(-scores, k - 1, axis=1)[:, k - 1]
    rows_out: list[np.ndarray] = []
    cols_out: list[np.ndarray] = []
    for i in range(n_rows):
        cand = np.flatnonzero(scores[i] >= kth[i])
        cand = cand[np.lexsort((cand, -scores[i, cand]))][:k]
        rows_out.append(np.full(len(cand), start + i, dtype=np.int64))
        cols_out.append(cand.astype(np.int64))
    return np.concatenate(rows_out), np.concatenate(cols_out)
