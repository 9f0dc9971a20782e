"""Keyness comparisons and what they count: which documents or groups a target is compared with
(:func:`comparisons_for`: document pairs, each document against the rest, or group pairs), the
terms seen often enough to enter one (:class:`CandidateTerms`), the indicator rows that sum a
comparison's documents (:func:`comparison_indicators`), and a comparison's top terms on each
side (:func:`side_terms`, :func:`top_key_terms`). The keyness table and its statistics are
built by :mod:`pipeline.keyness_table` (the columns and formulas are described there) and, for
a target against the rest, :mod:`pipeline.keyness_rest`.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from pipeline.corpus import group_members

if TYPE_CHECKING:  # pipeline.terms (its word lists and patterns) only for the compare job
    from pipeline.terms import TermMatrix

COMPARISON_MODES = ("auto", "pairs", "one_vs_rest", "groups")
MAX_COMPARISONS = 50_000
REST = "rest"


@dataclass(frozen=True)
class Comparison:
    """Target documents against reference documents (``None``: every other document)."""

    name: str
    target: str
    reference: str
    target_docs: tuple[str, ...]
    reference_docs: tuple[str, ...] | None


def comparisons_for(
    doc_ids: Sequence[str],
    *,
    mode: str = "auto",
    groups: Mapping[str, str] | None = None,
) -> list[Comparison]:
    """Comparisons sorted by name: document pairs, each document vs the rest, or group pairs.

    ``auto`` is ``groups`` when ``groups`` is given, else ``pairs`` for two documents and
    ``one_vs_rest`` for more. ``groups`` maps doc_id -> label (documents without one are left out).
    """
    if mode not in COMPARISON_MODES:
        raise ValueError(f"comparison mode must be one of {COMPARISON_MODES}, got {mode!r}")
    ids = list(doc_ids)
    if mode == "auto":
        mode = "groups" if groups is not None else ("pairs" if len(ids) <= 2 else "one_vs_rest")
    if mode == "groups":
        if groups is None:
            raise ValueError("comparison mode 'groups' needs a group_column from the metadata")
        members = group_members(groups, ids)
        if len(members) < 2:
            raise ValueError(
                f"group comparisons need at least two groups among the documents analysed, found "
                f"{sorted(members)}: a document left out of the tables (a duplicate or a file "
                "that could not be read, see problems.csv) or without a value is in no group"
            )
        labelled = [(label, tuple(idx)) for label, idx in members.items()]
    else:
        labelled = [(doc, (doc,)) for doc in ids]
    out: list[Comparison] = []
    if mode == "one_vs_rest":
        out = [Comparison(f"{t}_vs_{REST}", t, REST, idx, None) for t, idx in labelled]
        if len(ids) < 2:
            out = []
    else:
        n_pairs = len(labelled) * (len(labelled) - 1) // 2
        if n_pairs > MAX_COMPARISONS:
            raise ValueError(
                f"{n_pairs:,} pairwise comparisons is too many; use one_vs_rest or groups"
            )
        for (t, ti), (r, ri) in itertools.combinations(labelled, 2):
            out.append(Comparison(f"{t}_vs_{r}", t, r, ti, ri))
    return sorted(_unique_names(out), key=lambda c: c.name)


def _unique_names(comparisons: list[Comparison]) -> list[Comparison]:
    """The comparisons, a name that repeats one before it ("a" with "b_vs_c" and "a_vs_b" with
    "c" are both "a_vs_b_vs_c") numbered "_2", "_3": keyness.csv would pool their rows."""
    seen: dict[str, int] = {}
    out = []
    for c in comparisons:
        name, k = c.name, 1
        while name in seen:
            k += 1
            name = f"{c.name}_{k}"
        seen[name] = 1
        out.append(c if name == c.name else dataclasses.replace(c, name=name))
    return out


def side_terms(rows: pd.DataFrame, *, n_terms: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Top ``n_terms`` rows by log_odds_z for the target side (z > 0) and the reference side."""
    z = rows["log_odds_z"].astype(float)
    target = rows[z > 0].assign(_z=-z[z > 0])
    reference = rows[z < 0].assign(_z=z[z < 0])
    pick = [
        side.sort_values(["_z", "term"], kind="mergesort").head(n_terms).drop(columns="_z")
        for side in (target, reference)
    ]
    return pick[0], pick[1]


def top_key_terms(keyness: pd.DataFrame, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` top terms on each side of every comparison: comparison, side, rank, term, z."""
    parts = []
    for name, rows in keyness.groupby("comparison", sort=True):
        for side, picked in zip(("target", "reference"), side_terms(rows, n_terms=n), strict=True):
            parts.append(
                pd.DataFrame(
                    {
                        "comparison": name,
                        "side": side,
                        "rank": np.arange(1, len(picked) + 1),
                        "term": picked["term"].to_numpy(),
                        "log_odds_z": picked["log_odds_z"].to_numpy(),
                    }
                )
            )
    columns = ["comparison", "side", "rank", "term", "log_odds_z"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


@dataclass(frozen=True)
class CandidateTerms:
    """The terms seen ``min_count`` times in the corpus (the only ones a comparison can count)."""

    counts: Any  # documents x candidate terms, CSR float64
    presence: Any  # documents x candidate terms, CSR float64: 1 where the term occurs
    doc_freq: np.ndarray  # documents in which each candidate occurs
    index: np.ndarray  # vocabulary column of each candidate
    corpus: np.ndarray  # corpus count of each candidate
    order: np.ndarray  # n-gram order code of each candidate
    prior_scale: float  # the log-odds z's prior: this times the comparison's pooled counts
    doc_totals: np.ndarray  # documents x order codes: counts of all terms, candidates or not
    vocabulary: np.ndarray
    doc_ids: tuple[str, ...]


def candidate_terms(matrix: TermMatrix, *, min_count: int, prior_scale: float) -> CandidateTerms:
    """Counts, corpus counts, orders and priors of the terms seen ``min_count`` times."""
    counts = matrix.counts.tocsr().astype(np.float64)
    order_codes, order_index = np.unique(np.asarray(matrix.orders), return_inverse=True)
    by_order = _one_hot(order_index, len(order_codes))  # terms x orders
    corpus = np.asarray(counts.sum(axis=0)).ravel()
    # sums of counts are whole numbers, so order totals per document give the same c and d as
    # per-term sums
    index = np.flatnonzero(corpus >= min_count)
    kept = counts[:, index]
    presence = kept.copy()
    presence.data = (presence.data > 0).astype(np.float64)
    presence.eliminate_zeros()
    return CandidateTerms(
        counts=kept,
        presence=presence,
        doc_freq=np.asarray(presence.sum(axis=0)).ravel(),
        index=index,
        corpus=corpus[index],
        order=order_index[index],
        prior_scale=prior_scale,
        doc_totals=counts @ by_order,
        vocabulary=np.asarray(matrix.vocabulary),
        doc_ids=tuple(matrix.doc_ids),
    )


def _one_hot(codes: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros((len(codes), n))
    out[np.arange(len(codes)), codes] = 1.0
    return out


def comparison_indicators(
    chunk: Sequence[Comparison], doc_ids: Sequence[str]
) -> tuple[object, object, np.ndarray]:
    """Sparse target and reference indicator rows, and a flag for 'reference = the rest'."""
    from scipy import sparse

    position = {doc: i for i, doc in enumerate(doc_ids)}
    n_docs = len(doc_ids)

    def rows(members: list[tuple[str, ...]]) -> object:
        unknown = [d for d in itertools.chain.from_iterable(members) if d not in position]
        if unknown:
            raise ValueError(f"comparison names documents not in the term matrix: {unknown[:5]}")
        indptr = np.cumsum([0, *map(len, members)])
        indices = np.fromiter(
            (position[d] for d in itertools.chain.from_iterable(members)), dtype=np.int64
        )
        data = np.ones(len(indices))
        return sparse.csr_matrix((data, indices, indptr), shape=(len(members), n_docs))

    rest = np.array([c.reference_docs is None for c in chunk], dtype=np.float64)
    t_ind = rows([c.target_docs for c in chunk])
    r_ind = rows([c.reference_docs or () for c in chunk])
    return t_ind, r_ind, rest
