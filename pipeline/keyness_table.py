"""Keyness: which terms a target over- or under-uses against a reference, and how sure we are.

For one term in one comparison, with ``a``/``b`` its counts in target/reference and ``c``/``d``
the total counts of all terms of the same n-gram order there (stop words excluded):

- ``rate_target = 1000 * a / c`` (per 1,000 counted terms), ``rate_reference`` likewise;
- ``log_ratio = log2((a / c) / (b / d))``, a zero count replaced by 0.5 (Hardie 2014);
- ``g2``: Dunning's log-likelihood, two-cell form of Rayson & Garside (2000), *signed*: positive
  when the target uses the term more (``a / c > b / d``); ``p_value = chi2.sf(|g2|, df=1)``;
- ``q_value``: Benjamini-Hochberg over every term of the comparison that passes ``min_count``;
- ``p_exact``, ``q_exact``: the exact conditional (binomial) test of equal rates, twice the
  smaller tail, and its Benjamini-Hochberg q-values over the same terms: valid at any count;
- ``log_odds_z``: log-odds ratio with an informative Dirichlet prior from the comparison's
  pooled counts (``prior_scale`` times ``a + b`` and ``c + d``), divided by its standard error
  (Monroe, Colaresi & Quinn 2008, "Fightin' Words");
- ``low_count``: an expected count ``c(a+b)/(c+d)`` or ``d(a+b)/(c+d)`` below
  ``low_count_expected`` (5: Cochran's rule for chi-square tests), so the p-value is rough.

Which comparisons are made, their candidate terms and indicator rows, and a comparison's top
terms on each side are in :mod:`pipeline.keyness`; against the rest, the cells are counted by
:mod:`pipeline.keyness_rest`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from pipeline.keyness import CandidateTerms, Comparison, candidate_terms, comparison_indicators
from pipeline.keyness_rest import rest_parts
from pipeline.keyness_stats import (
    bh_q_values,
    direction,
    exact_p_value,
    g2_p_value,
    g2_statistic,
    log_odds_z,
    log_ratio,
)
from pipeline.terms import TermMatrix

KEYNESS_COLUMNS = (
    "comparison",
    "target",
    "reference",
    "term",
    "count_target",
    "count_reference",
    "docs_target",
    "docs_reference",
    "rate_target",
    "rate_reference",
    "log_ratio",
    "g2",
    "p_value",
    "q_value",
    "p_exact",
    "q_exact",
    "log_odds_z",
    "low_count",
)
RATE_PER = 1000.0


def keyness_table(
    matrix: TermMatrix,
    comparisons: Sequence[Comparison],
    *,
    min_count: int = 3,
    top_n: int | None = 200,
    low_count_expected: float = 5.0,
    prior_scale: float = 1.0,
    block_cells: int = 1_000_000,
) -> pd.DataFrame:
    """Keyness rows (:data:`KEYNESS_COLUMNS`) sorted by comparison then term.

    A term enters a comparison when ``count_target + count_reference >= min_count``; q-values
    are over all those terms. ``top_n`` then keeps that many terms on each side by
    ``log_odds_z`` (ties: alphabetical); ``None`` keeps them all. Comparisons are processed
    in blocks so about ``block_cells`` comparison x term (or term class) cells are dense at a
    time. Against "the rest", the terms a target lacks are scored once per class of equal
    corpus count and n-gram order (:mod:`pipeline.keyness_rest`): same rows, same values.
    """
    _check_options(min_count, top_n, low_count_expected, prior_scale)
    if not comparisons or matrix.counts.shape[1] == 0:
        return pd.DataFrame({c: [] for c in KEYNESS_COLUMNS}, columns=list(KEYNESS_COLUMNS))

    terms = candidate_terms(matrix, min_count=min_count, prior_scale=prior_scale)
    options = {"min_count": min_count, "top_n": top_n, "block_cells": block_cells}
    parts: list[pd.DataFrame] = []
    for rest, run in itertools.groupby(comparisons, key=lambda c: c.reference_docs is None):
        build = rest_parts if rest and top_n is not None else _dense_parts
        for chunk, rows in build(terms, list(run), **options):
            parts.append(_keyness_frame(terms, chunk, rows, low_count_expected))
    # an empty block's text columns are object, a full one's str: leave empty blocks out
    frame = pd.concat([p for p in parts if len(p)] or parts[:1], ignore_index=True)
    return _by_comparison_and_term(frame)


def _by_comparison_and_term(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` sorted by comparison, then term (stable), with a fresh index."""
    comp, term = (frame[c].to_numpy(dtype=object) for c in ("comparison", "term"))
    # the blocks come in that order: checking it costs a fifth of sorting two text columns
    if np.all((comp[1:] > comp[:-1]) | ((comp[1:] == comp[:-1]) & (term[1:] >= term[:-1]))):
        return frame.reset_index(drop=True)
    return frame.sort_values(["comparison", "term"], kind="mergesort").reset_index(drop=True)


def _check_options(
    min_count: int, top_n: int | None, low_count_expected: float, prior_scale: float
) -> None:
    if not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be an integer >= 1, got {min_count!r}")
    if top_n is not None and (not isinstance(top_n, int) or top_n < 1):
        raise ValueError(f"top_n must be a positive integer or null, got {top_n!r}")
    if not low_count_expected >= 0:
        raise ValueError(f"low_count_expected must be >= 0, got {low_count_expected!r}")
    if not prior_scale > 0:
        raise ValueError(f"prior_scale must be > 0, got {prior_scale!r}")


def _keyness_frame(
    terms: CandidateTerms,
    chunk: Sequence[Comparison],
    rows: Mapping[str, np.ndarray],
    low_count_expected: float,
) -> pd.DataFrame:
    """Rows of the kept (comparison, candidate term) cells: ``row``, ``col`` and the statistics."""
    row, a, b, c, d = (rows[k] for k in ("row", "a", "b", "c", "d"))
    with np.errstate(divide="ignore", invalid="ignore"):
        e_min = np.minimum(c, d) * (a + b) / (c + d)
    docs_a, docs_b = _document_counts(terms, chunk, row, rows["col"])
    label = {
        f: np.array([getattr(x, f) for x in chunk], dtype=object)[row]
        for f in ("name", "target", "reference")
    }
    return pd.DataFrame(
        {
            "comparison": label["name"],
            "target": label["target"],
            "reference": label["reference"],
            "term": terms.vocabulary[terms.index[rows["col"]]],
            "count_target": a.astype(np.int64),
            "count_reference": b.astype(np.int64),
            "docs_target": docs_a,
            "docs_reference": docs_b,
            "rate_target": RATE_PER * a / c,
            "rate_reference": RATE_PER * b / d,
            "log_ratio": log_ratio(a, b, c, d),
            "g2": direction(a, b, c, d) * rows["g2"],
            "p_value": rows["p"],
            "q_value": rows["q"],
            "p_exact": rows["p_exact"],
            "q_exact": rows["q_exact"],
            "log_odds_z": rows["z"],
            "low_count": e_min < low_count_expected,
        },
        columns=list(KEYNESS_COLUMNS),
    )


def _document_counts(
    terms: CandidateTerms, chunk: Sequence[Comparison], row: np.ndarray, col: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each kept (comparison, candidate) cell, the target's and the reference's documents
    in which the term occurs: a count spread over many documents is a habit of the side, one
    concentrated in a few (a sentence repeated in syndicated copies) may not be."""
    if not len(row):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    t_ind, r_ind, rest = comparison_indicators(chunk, terms.doc_ids)

    def cells(indicators: Any) -> np.ndarray:
        product = (indicators @ terms.presence).tocsr()
        return np.asarray(product[row, col]).ravel().astype(np.int64)

    docs_a = cells(t_ind)
    docs_b = np.where(rest[row] > 0, terms.doc_freq[col].astype(np.int64) - docs_a, cells(r_ind))
    return docs_a, docs_b


def _dense_parts(
    terms: CandidateTerms,
    run: Sequence[Comparison],
    *,
    min_count: int,
    top_n: int | None,
    block_cells: int,
) -> Iterator[tuple[Sequence[Comparison], dict[str, np.ndarray]]]:
    """Kept cells of blocks of comparisons, every statistic over dense comparison x term blocks."""
    counts, corpus, doc_totals = terms.counts, terms.corpus, terms.doc_totals
    block = max(1, block_cells // max(1, len(terms.index)))
    for start in range(0, len(run), block):
        chunk = run[start : start + block]
        t_ind, r_ind, rest = comparison_indicators(chunk, terms.doc_ids)
        a = (t_ind @ counts).toarray()
        b = (r_ind @ counts).toarray() + rest[:, None] * (corpus[None, :] - a)
        c_order = t_ind @ doc_totals  # comparisons x orders
        d_order = r_ind @ doc_totals + rest[:, None] * (doc_totals.sum(axis=0) - c_order)
        order = terms.order
        mask = (a + b >= min_count) & (c_order > 0)[:, order] & (d_order > 0)[:, order]
        counted = np.flatnonzero(mask.any(axis=0))  # the statistics only for these terms
        a, b, mask = a[:, counted], b[:, counted], mask[:, counted]
        c, d = c_order[:, order[counted]], d_order[:, order[counted]]
        g2 = g2_statistic(a, b, c, d)
        p = np.where(mask, g2_p_value(g2), np.nan)
        q = _masked_q_values(p, mask)
        p_exact = np.where(mask, exact_p_value(a, b, c, d), np.nan)
        q_exact = _masked_q_values(p_exact, mask)
        z = log_odds_z(a, b, c, d, prior_scale=terms.prior_scale)
        keep = _selected(z, mask, top_n)
        lengths = np.fromiter(map(len, keep), dtype=np.int64, count=len(keep))
        row = np.repeat(np.arange(len(chunk)), lengths)
        cols = np.concatenate(keep) if keep else np.zeros(0, dtype=np.int64)
        cells = {"a": a, "b": b, "c": c, "d": d, "g2": g2, "p": p, "q": q, "z": z,
                 "p_exact": p_exact, "q_exact": q_exact}  # fmt: skip
        kept = {k: v[row, cols] for k, v in cells.items()}
        yield chunk, {"row": row, "col": counted[cols], **kept}


def _masked_q_values(p: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """BH q-values row by row over the masked cells (one call when all rows share a mask)."""
    q = np.full(p.shape, np.nan)
    if (mask == mask[0]).all():
        cols = np.flatnonzero(mask[0])
        if len(cols):
            q[:, cols] = bh_q_values(p[:, cols], axis=1)
        return q
    for i in range(p.shape[0]):
        cols = np.flatnonzero(mask[i])
        if len(cols):
            q[i, cols] = bh_q_values(p[i, cols])
    return q


def _selected(z: np.ndarray, mask: np.ndarray, top_n: int | None) -> list[np.ndarray]:
    """Column indices kept for each row: all masked terms, or ``top_n`` per side by z."""
    if top_n is None or mask.shape[1] == 0:
        return [np.flatnonzero(row) for row in mask]
    out = []
    for side in (1.0, -1.0):
        score = np.where(mask & (side * z > 0), side * z, -np.inf)
        k = min(top_n, score.shape[1])
        kth = -np.partition(-score, k - 1, axis=1)[:, k - 1]
        picks = []
        for i in range(score.shape[0]):
            cand = np.flatnonzero((score[i] >= kth[i]) & np.isfinite(score[i]))
            picks.append(cand[np.lexsort((cand, -score[i, cand]))][:top_n])
        out.append(picks)
    return [np.sort(np.concatenate(pair)) for pair in zip(*out, strict=True)]
