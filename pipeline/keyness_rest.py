"""Keyness against "the rest of the corpus", exactly as the dense computation, in linear time.

In a comparison of one document against every other document, a term ABSENT from the target has
``b`` = its corpus count, and ``c``/``d`` are the target's and the rest's totals for its n-gram
order; so every statistic of an absent term depends only on its class (n-gram order, corpus
count). The present terms (a few hundred per document) are scored one by one, the absent ones
once per class, weighted by how many of the class's terms the target lacks. Benjamini-Hochberg
q-values and the top_n picks per side are taken over present terms and weighted classes
(:func:`_rest_q_values`, :func:`_rest_selected`), so the rows and values are those of
:func:`pipeline.keyness_table.keyness_table`'s dense path (tests compare them cell for cell).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from pipeline.keyness import CandidateTerms, Comparison, comparison_indicators
from pipeline.keyness_stats import exact_p_value, g2_p_value, g2_statistic, log_odds_z


@dataclass(frozen=True)
class _TermClasses:
    """Candidate terms grouped by (n-gram order, corpus count): against the rest, an absent
    term's statistics depend on its class only."""

    of: np.ndarray  # class of each candidate
    members: np.ndarray  # candidates grouped by class, ascending (alphabetical) in a class
    start: np.ndarray  # where each class's members start in ``members``
    size: np.ndarray
    order: np.ndarray  # order code and corpus count of each class
    count: np.ndarray


def _term_classes(terms: CandidateTerms) -> _TermClasses:
    """Candidates grouped by (order, corpus count), alphabetical within a class."""
    key = terms.order * (int(terms.corpus.max(initial=0)) + 1) + terms.corpus.astype(np.int64)
    _, of = np.unique(key, return_inverse=True)
    members = np.argsort(of, kind="stable")
    size = np.bincount(of)
    start = np.cumsum(size) - size
    first = members[start]
    return _TermClasses(
        of=of,
        members=members,
        start=start,
        size=size,
        order=terms.order[first],
        count=terms.corpus[first],
    )


def rest_parts(
    terms: CandidateTerms,
    run: Sequence[Comparison],
    *,
    min_count: int,
    top_n: int,
    block_cells: int,
) -> Iterator[tuple[Sequence[Comparison], dict[str, np.ndarray]]]:
    """Kept cells of "target vs the rest" comparisons, the same as
    :func:`pipeline.keyness_table._dense_parts` gives.

    The reference holds every term the target lacks (``a = 0``) with ``b`` its corpus count,
    so those terms are scored once per :class:`_TermClasses` class and enter Benjamini-Hochberg
    with the class's multiplicity; of a class only the first members can be among the top_n.
    """
    classes = _term_classes(terms)
    n_classes = len(classes.size)
    t_all = comparison_indicators(run, terms.doc_ids)[0]
    widths = n_classes + t_all @ np.diff(terms.counts.indptr).astype(np.float64)
    totals = terms.doc_totals.sum(axis=0)
    for lo, hi in _block_bounds(widths, block_cells):
        t_ind = t_all[lo:hi]
        found = (t_ind @ terms.counts).tocsr()
        found.eliminate_zeros()
        found.sort_indices()
        n_rows = hi - lo
        c_order = t_ind @ terms.doc_totals  # comparisons x orders
        d_order = totals - c_order
        row = np.repeat(np.arange(n_rows), np.diff(found.indptr))
        col, a = found.indices.astype(np.int64), found.data
        b, o = terms.corpus[col] - a, terms.order[col]
        c, d = c_order[row, o], d_order[row, o]
        present = {"row": row, "col": col, "a": a, "b": b, "c": c, "d": d}
        present["ok"] = (a + b >= min_count) & (c > 0) & (d > 0)
        present["g2"] = g2_statistic(a, b, c, d)
        present["p"] = g2_p_value(present["g2"])
        present["p_exact"] = _where_counted(present["ok"], exact_p_value, a, b, c, d)
        present["z"] = log_odds_z(a, b, c, d, prior_scale=terms.prior_scale)
        # absent terms: comparisons x classes
        seen = np.bincount(row * n_classes + classes.of[col], minlength=n_rows * n_classes)
        c_k, d_k = c_order[:, classes.order], d_order[:, classes.order]
        a_k, b_k = np.zeros_like(c_k), np.broadcast_to(classes.count, c_k.shape)
        absent = {"c": c_k, "d": d_k, "n": classes.size - seen.reshape(n_rows, n_classes)}
        absent["ok"] = (b_k >= min_count) & (c_k > 0) & (d_k > 0) & (absent["n"] > 0)
        absent["g2"] = g2_statistic(a_k, b_k, c_k, d_k)
        absent["p"] = g2_p_value(absent["g2"])
        absent["p_exact"] = exact_p_value(a_k, b_k, c_k, d_k)
        absent["z"] = log_odds_z(a_k, b_k, c_k, d_k, prior_scale=terms.prior_scale)
        present["q"], absent["q"] = _rest_q_values(present, absent, "p")
        present["q_exact"], absent["q_exact"] = _rest_q_values(present, absent, "p_exact")
        absent["a"], absent["b"] = a_k, b_k
        pick, k, (row, col) = _rest_selected(present, absent, classes, top_n, len(terms.index))
        out = {"row": row, "col": col}
        for name in ("a", "b", "c", "d", "g2", "p", "q", "z", "p_exact", "q_exact"):
            out[name] = np.empty(len(row))
            out[name][pick >= 0] = present[name][pick[pick >= 0]]
            out[name][pick < 0] = absent[name][row[pick < 0], k[pick < 0]]
        yield run[lo:hi], out


def _where_counted(
    ok: np.ndarray, statistic: Callable[..., np.ndarray], *arrays: np.ndarray
) -> np.ndarray:
    """``statistic`` of the cells where ``ok`` (the terms of the Zipf tail under min_count are
    most of a block's present cells), NaN elsewhere: no other cell is ranked or kept."""
    out = np.full(ok.shape, np.nan)
    out[ok] = statistic(*(np.asarray(x)[ok] for x in arrays))
    return out


def _block_bounds(widths: np.ndarray, budget: int) -> list[tuple[int, int]]:
    """Consecutive row ranges (at least one row each) with rows x widest row within budget."""
    bounds, start, widest = [], 0, 0.0
    for i, width in enumerate(widths.tolist()):
        widest = max(widest, width)
        if i > start and widest * (i + 1 - start) > budget:
            bounds.append((start, i))
            start, widest = i, width
    bounds.append((start, len(widths)))
    return bounds


def _rest_q_values(
    present: Mapping[str, np.ndarray], absent: Mapping[str, np.ndarray], key: str
) -> tuple[np.ndarray, np.ndarray]:
    """Benjamini-Hochberg q-values of the p-values ``key`` ("p", "p_exact") of the present
    cells and of the absent classes, row by row.

    A row's p-values are sorted, a class's counted ``n`` times at ranks i+1..i+n. Of the values
    ``p m / rank`` that :func:`bh_q_values` takes running minima of, the smallest of a cell's
    ranks is at its last one, and equal p-values end with equal minima whatever their order:
    so the minima over the cells' last ranks give the same q-values, bit for bit.
    """
    n_rows, n_classes = absent["p"].shape
    row = present["row"]
    lengths = np.bincount(row, minlength=n_rows)
    slot = n_classes + np.arange(len(row)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    width = n_classes + int(lengths.max(initial=0))
    p = np.full((n_rows, width), np.inf)  # cells not counted sort last with weight 0
    weight = np.zeros((n_rows, width), dtype=np.int64)
    p[:, :n_classes] = np.where(absent["ok"], absent[key], np.inf)
    weight[:, :n_classes] = np.where(absent["ok"], absent["n"], 0)
    p[row, slot] = np.where(present["ok"], present[key], np.inf)
    weight[row, slot] = present["ok"]
    order = np.argsort(p, axis=1)
    p = np.take_along_axis(p, order, axis=1)
    rank = np.cumsum(np.take_along_axis(weight, order, axis=1), axis=1)  # a cell's last rank
    m = rank[:, -1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        scaled = np.where(np.isinf(p), np.inf, p * (m / rank))
    q = np.clip(np.minimum.accumulate(scaled[:, ::-1], axis=1)[:, ::-1], 0.0, 1.0)
    np.put_along_axis(p, order, q, axis=1)
    return p[row, slot], p[:, :n_classes]


def _rest_selected(
    present: Mapping[str, np.ndarray],
    absent: Mapping[str, np.ndarray],
    classes: _TermClasses,
    top_n: int,
    n_terms: int,
) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """The cells :func:`_selected` keeps: present index (-1: absent), class, (row, column).

    Per side, a class is expanded only while fewer than ``top_n`` absent terms score higher, and
    only its first ``top_n`` + (members present) members: a term with ``top_n`` terms ahead of
    it by (score, column) is never kept, and the ``top_n``-th score is among those expanded.
    """
    n_rows = absent["p"].shape[0]
    row_p, col_p = present["row"], present["col"]
    key_p = row_p * n_terms + col_p  # ascending: rows in order, sorted columns in a row
    picks = []
    for side in (1.0, -1.0):
        score_k = side * absent["z"]
        ok_k = absent["ok"] & (score_k > 0)
        sub = np.flatnonzero(ok_k.any(axis=1))  # absent terms seldom score on the target side
        by = np.argsort(np.where(ok_k[sub], -score_k[sub], np.inf), axis=1)
        s = np.take_along_axis(score_k[sub], by, axis=1)
        ok = np.take_along_axis(ok_k[sub], by, axis=1)
        n = np.where(ok, np.take_along_axis(absent["n"][sub], by, axis=1), 0)
        before = np.cumsum(n, axis=1) - n
        first = np.ones(s.shape, dtype=bool)
        first[:, 1:] = s[:, 1:] != s[:, :-1]
        beaten_by = np.maximum.accumulate(np.where(first, before, 0), axis=1)
        row_k, j = np.nonzero(ok & (beaten_by < top_n))
        row_k, k = sub[row_k], by[row_k, j]
        span = np.minimum(classes.size[k], top_n + classes.size[k] - absent["n"][row_k, k])
        at = np.repeat(classes.start[k] - (np.cumsum(span) - span), span) + np.arange(span.sum())
        row_e, col_e, k_e = np.repeat(row_k, span), classes.members[at], np.repeat(k, span)
        key_e = row_e * n_terms + col_e
        is_absent = ~np.isin(key_e, key_p, assume_unique=True, kind="sort")
        score_p = side * present["z"]
        mine = np.flatnonzero(present["ok"] & (score_p > 0))
        cand = {
            "row": np.concatenate([row_p[mine], row_e[is_absent]]),
            "col": np.concatenate([col_p[mine], col_e[is_absent]]),
            "score": np.concatenate([score_p[mine], score_k[row_e, k_e][is_absent]]),
            "pick": np.concatenate([mine, np.full(is_absent.sum(), -1)]),
            "k": np.concatenate([np.full(len(mine), -1), k_e[is_absent]]),
        }
        by = np.lexsort((cand["col"], -cand["score"], cand["row"]))
        cand = {name: v[by] for name, v in cand.items()}
        rank = _rank_in_row(cand["row"], n_rows)
        kth = np.full(n_rows, -np.inf)  # the top_n-th score, infinite ones included
        kth[cand["row"][rank == top_n - 1]] = cand["score"][rank == top_n - 1]
        keep = np.isfinite(cand["score"]) & (cand["score"] >= kth[cand["row"]])
        cand = {name: v[keep] for name, v in cand.items()}
        first = _rank_in_row(cand["row"], n_rows) < top_n
        picks.append({name: v[first] for name, v in cand.items()})
    kept = {name: np.concatenate([side[name] for side in picks]) for name in picks[0]}
    by = np.lexsort((kept["col"], kept["row"]))
    return kept["pick"][by], kept["k"][by], (kept["row"][by], kept["col"][by])


def _rank_in_row(row: np.ndarray, n_rows: int) -> np.ndarray:
    """0, 1, 2, ... within each run of equal values of a sorted ``row``."""
    size = np.bincount(row, minlength=n_rows)
    return np.arange(len(row)) - (np.cumsum(size) - size)[row]
