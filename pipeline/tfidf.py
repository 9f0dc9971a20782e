"""TF-IDF top terms and cosine similarity from the term count matrix, never dense x vocabulary.

scikit-learn's ``TfidfVectorizer`` is ``CountVectorizer`` followed by ``TfidfTransformer``. The
chunks already counted the terms with :class:`pipeline.terms.TermAnalyzer`, so the corpus step
hands that count matrix to ``TfidfTransformer``: the same idf, sublinear tf and l2 norm code
that ``TfidfVectorizer(analyzer=TermAnalyzer(...))`` runs, without re-reading the texts
(``tests/test_tfidf.py`` checks both give the same matrix).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from pipeline.terms import TermAnalyzer, TermMatrix

TFIDF_COLUMNS = ("doc_id", "rank", "term", "tfidf", "count")
SIMILARITY_COLUMNS = ("doc_a", "doc_b", "cosine")
MAX_ALL_PAIRS = 2_000_000  # every-pair similarity beyond this needs similarity_top_k
GRID_BITS = 26  # weights rounded to 2**-26 of the largest norm: see exact_grid_weights
MIN_GRID_EXPONENT, MAX_GRID_EXPONENT = -480, 500  # products stay normal floats, sums finite
DENSE_SHARE = 8  # terms in more than 1 document in 8 are multiplied as dense columns (BLAS)
MAX_DENSE_TERMS = 512  # at most documents x 512 dense floats (82 MB at 20,000 documents)

Pairs = tuple[np.ndarray, np.ndarray, np.ndarray]  # row, column and cosine of each pair


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
    neighbours (ties: the earlier doc_id). The cosines are those of :func:`exact_grid_weights`,
    whose sums are exact (off the grid, canonical rows add the same products in the same order),
    so cosine (i, j) is the same float as (j, i) and a block of rows is
    multiplied only by the documents from its own first row on: the part left of the block was
    already computed as the transpose of earlier blocks (see :func:`_nearest_pairs`). Terms found
    in more than one document in ``DENSE_SHARE`` are multiplied as dense columns, the rest
    sparsely; only a ``block_size`` x documents slice and the documents x dense terms columns are
    ever dense, never documents x vocabulary.
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
    weights, on_grid = exact_grid_weights(tfidf)
    product = _Product(weights, on_grid=on_grid)
    if top_k is None:
        a, b, c = _all_pairs(product, block_size=block_size)
    else:
        a, b, c = _nearest_pairs(product, top_k=top_k, block_size=block_size)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key = lo * max(n, 1) + hi
    key, first = np.unique(key, return_index=True)  # sorted by (doc_a, doc_b), duplicates gone
    return pd.DataFrame(
        {"doc_a": ids[lo[first]], "doc_b": ids[hi[first]], "cosine": c[first]},
        columns=list(SIMILARITY_COLUMNS),
    )


def exact_grid_weights(tfidf: Any) -> tuple[Any, bool]:
    """The weights the cosines are computed from, and whether they lie on the exact grid.

    The matrix is made canonical CSR (sorted columns, duplicates summed) and each weight is
    rounded to a multiple of ``2**(e - GRID_BITS)``, with every row's norm below
    ``sqrt(2) * 2**e``. On that grid a product of two weights is a multiple of ``2**(2e - 52)``
    and, by Cauchy-Schwarz, every partial sum of a cosine is below ``2**(2e + 1)``: 53 bits, so
    every sum is exact and a cosine is the same float in any order of summation (sparse
    product, BLAS of any block shape or thread count, (i, j) or (j, i)), on any machine that
    gives the same weights. A weight moves by at most ``2**(e - 27)`` (7.5e-9 for TF-IDF rows
    of norm 1), a cosine by at most that times the two rows' sums of absolute weights: about
    1e-8 for news articles, up to 1e-6 for rows of thousands of terms, so the sixth
    significant digit written can differ from the unrounded cosine's. Rows should have similar
    norms (TF-IDF rows have norm 1): the step follows the largest. A matrix with NaN or
    infinite weights, or norms beyond the range where the products stay normal floats, is only
    made canonical.
    """
    from scipy import sparse

    matrix = sparse.csr_matrix(tfidf, dtype=np.float64, copy=True)
    matrix.sum_duplicates()  # sorts each row's columns too
    data = matrix.data
    if data.size == 0 or not np.isfinite(data).all():
        return matrix, False
    with np.errstate(over="ignore"):
        max_norm = float(np.sqrt(_row_sums_of_squares(matrix).max()))
    if max_norm == 0.0 or not math.isfinite(max_norm):
        return matrix, False
    e = math.floor(math.log2(max_norm))
    while MIN_GRID_EXPONENT <= e <= MAX_GRID_EXPONENT:
        step = 2.0 ** (e - GRID_BITS)
        # by a power of two: exact (a quotient that underflows would round to 0 anyway)
        grid = np.rint(data / step) * step
        # it shares matrix's index arrays, which eliminate_zeros changes: matrix is a copy
        rounded = sparse.csr_matrix((grid, matrix.indices, matrix.indptr), shape=matrix.shape)
        # the sums of squares are exact below the bound; the margin only guards the comparison
        if _row_sums_of_squares(rounded).max() < 2.0 ** (2 * e + 1) * (1 - 1e-9):
            rounded.eliminate_zeros()
            return rounded, True
        e += 1
    return matrix, False


def _row_sums_of_squares(matrix: Any) -> np.ndarray:
    """Each CSR row's sum of squared weights."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    return np.bincount(rows, weights=matrix.data**2, minlength=matrix.shape[0])


class _Product:
    """Row blocks of the cosine matrix of canonical weights: frequent terms dense, rest sparse.

    A term found in more than one document in ``DENSE_SHARE`` (at most ``MAX_DENSE_TERMS`` of
    them, the most frequent) takes part in nearly every pair, which a sparse product handles
    one pair at a time; BLAS multiplies those columns many times faster. The two parts add up
    to the same cosine as one sparse product only when the sums are exact
    (:func:`exact_grid_weights`), so matrices off the grid are multiplied sparsely only.
    """

    def __init__(self, weights: Any, *, on_grid: bool) -> None:
        n, n_terms = weights.shape
        self.n = n
        self.dense: np.ndarray | None = None
        sparse_part = weights
        frequent = _frequent_terms(weights) if on_grid else np.zeros(0, dtype=np.int64)
        if frequent.size:
            self.dense = np.ascontiguousarray(weights[:, frequent].toarray())
            keep = np.ones(n_terms, dtype=bool)
            keep[frequent] = False
            sparse_part = weights[:, keep]
        self.sparse = sparse_part.tocsr()
        self.transposed = self.sparse.T.tocsc()

    def block(self, start: int, stop: int, first: int) -> np.ndarray:
        """Cosines of rows [start, stop) with documents [first, n), clipped to [0, 1], dense."""
        block = (self.sparse[start:stop] @ self.transposed[:, first:]).toarray()
        if self.dense is not None:
            block += self.dense[start:stop] @ self.dense[first:].T
        np.clip(block, 0.0, 1.0, out=block)
        return block


def _frequent_terms(weights: Any) -> np.ndarray:
    """Columns found in more than 1/DENSE_SHARE of the rows, the MAX_DENSE_TERMS most frequent
    (ties: the lower column), in column order."""
    df = np.bincount(weights.indices, minlength=weights.shape[1])
    frequent = np.flatnonzero(df * DENSE_SHARE > weights.shape[0])
    if frequent.size > MAX_DENSE_TERMS:
        frequent = np.sort(frequent[np.argsort(-df[frequent], kind="stable")[:MAX_DENSE_TERMS]])
    return frequent


def _block_ranges(n: int, block_size: int) -> list[tuple[int, int]]:
    """The [start, stop) row ranges of the blocks."""
    return [(start, min(start + block_size, n)) for start in range(0, n, block_size)]


def _all_pairs(product: _Product, *, block_size: int) -> Pairs:
    """Every pair i < j, in row-major order; each block needs only its columns >= start."""
    n = product.n
    parts: list[Pairs] = []
    for start, stop in _block_ranges(n, block_size):
        block = product.block(start, stop, start)
        a, b = _upper_pairs(start, stop, n)
        parts.append((a, b, block[a - start, b - start]))
    return _joined(parts)


def _joined(parts: list[Pairs]) -> Pairs:
    """The row, column and cosine arrays of all parts, one after the other."""
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    a, b, c = zip(*parts, strict=True)
    return np.concatenate(a), np.concatenate(b), np.concatenate(c)


def _nearest_pairs(product: _Product, *, top_k: int, block_size: int) -> Pairs:
    """Each document's ``top_k`` neighbours (score descending, then column), in row order.

    A document's neighbours among earlier documents come from the earlier blocks' products
    read by column: cosine (i, j) and (j, i) are the same float (exact sums on the grid; off
    it, canonical rows add the same products in the same order).
    The old rule is kept exactly: NaN never ranks, a row with fewer than k other numbers
    lists itself (its own cosine) when one short and nothing when shorter.
    """
    n = product.n
    k = min(top_k, n - 1)
    if k <= 0:
        return _joined([])
    best = np.full((n, k), -np.inf), np.full((n, k), n, dtype=np.int64)  # -inf: empty slot
    parts: list[Pairs] = []
    for start, stop in _block_ranges(n, block_size):
        block = product.block(start, stop, start)
        rows = np.arange(start, stop)
        own = block[rows - start, rows - start]  # a row's own cosine, listed in the quirk case
        block[np.isnan(block)] = -np.inf  # NaN never ranks
        block[rows - start, rows - start] = -1.0  # below every cosine, above NaN
        _merge_into(best, start, _row_top_k(block, start, k))
        if stop < n:
            later = np.ascontiguousarray(block[:, stop - start :].T)  # rows stop.. x cols start..
            _merge_into(best, stop, _row_top_k(later, start, k))
        parts.append(_listed_neighbours(best[0][start:stop], best[1][start:stop], rows, own))
    return _joined(parts)


def _row_top_k(scores: np.ndarray, first: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` best (score, column ``first + j``) by score descending, then column."""
    n_rows, width = scores.shape
    if width <= k:
        chosen = np.broadcast_to(np.arange(width), (n_rows, width))
    else:
        kth = np.partition(scores, width - k, axis=1)[:, width - k, None]  # k-th largest
        above = scores > kth
        keep = above | (scores == kth)
        need = k - above.sum(axis=1)  # ties at the cut: the lowest columns
        for row in np.flatnonzero(keep.sum(axis=1) > k):
            tied = np.flatnonzero(keep[row] & ~above[row])
            keep[row, tied[need[row] :]] = False
        chosen = np.nonzero(keep)[1].reshape(n_rows, k)
    top = np.take_along_axis(scores, chosen, axis=1)
    return _ranked(top, chosen + first)


def _ranked(scores: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's (score, column) pairs sorted by score descending, then column."""
    order = np.lexsort((cols, -scores), axis=1)
    return np.take_along_axis(scores, order, axis=1), np.take_along_axis(cols, order, axis=1)


def _merge_into(
    best: tuple[np.ndarray, np.ndarray], start: int, found: tuple[np.ndarray, np.ndarray]
) -> None:
    """Keep, in ``best`` from row ``start`` on, the ``k`` best of its own and ``found``'s pairs."""
    scores, cols = best
    stop = start + found[0].shape[0]
    k = scores.shape[1]
    merged = _ranked(
        np.concatenate([scores[start:stop], found[0]], axis=1),
        np.concatenate([cols[start:stop], found[1]], axis=1),
    )
    scores[start:stop], cols[start:stop] = merged[0][:, :k], merged[1][:, :k]


def _listed_neighbours(
    scores: np.ndarray, cols: np.ndarray, rows: np.ndarray, own: np.ndarray
) -> Pairs:
    """The (row, neighbour, cosine) triples of rows whose ``k`` slots are all filled."""
    full = scores[:, -1] > -np.inf
    k = scores.shape[1]
    a = np.repeat(rows[full], k)
    b = cols[full].ravel()
    c = np.where(a == b, np.repeat(own[full], k), scores[full].ravel())
    return a, b, c


def _upper_pairs(start: int, stop: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indices (i < j) of the pairs whose first document lies in [start, stop)."""
    first = np.arange(start, stop, dtype=np.int64)
    per_row = n - 1 - first
    rows = np.repeat(first, per_row)
    offsets = np.arange(len(rows), dtype=np.int64) - np.repeat(
        np.cumsum(per_row) - per_row, per_row
    )
    return rows, rows + 1 + offsets
