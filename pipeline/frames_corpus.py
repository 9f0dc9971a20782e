"""Corpus-level frame tables: per-document frame shares and differences, with exact intervals.

Reads the merged ``frame_cues`` and ``sentences`` tables written by the chunks (the cues come
from :class:`pipeline.frames.FramesStage`). A share is k of a document's n body sentences, and
its interval the exact (Clopper-Pearson) one with the sentences counted as the independent ones
they are worth when the frame's come in runs (:func:`own_worth`); a difference of two shares
gets the MOVER combination of the two exact intervals (Newcombe's method 10 with exact limits),
each side's sentences counted as the report's frame items count them. A percentile bootstrap
of sentences, used before, gave a share of 0 or 1 a zero-width interval and held 1 of 10 at
[0, 30%] against the exact [0.3%, 44.5%].
References: Clopper & Pearson (1934), Biometrika 26:404-413; Newcombe (1998), Statistics in
Medicine 17:873-890; Zou & Donner (2008), Statistics in Medicine 27:1693-1702.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.frames import NO_FRAME, frame_order
from pipeline.report_stats import clopper_pearson_arrays, proportion_difference_arrays
from pipeline.serial_stats import MAX_ALIKE, MIN_INTERVAL_SENTENCES

REST = "(rest)"  # doc_b of a one-vs-rest difference row
SHARE_COLUMNS = (
    "doc_id", "frame", "n_cues", "n_sentences", "share", "share_ci_low", "share_ci_high", "lag1",
)  # fmt: skip
DIFFERENCE_COLUMNS = (
    "doc_a", "doc_b", "frame", "share_a", "share_b", "difference", "ci_low", "ci_high",
)  # fmt: skip


@dataclass(frozen=True)
class FrameCounts:
    """Per-document body-sentence counts: n (D,), sentences with the frame k (D,F), cues (D,F),
    and the lag-1 autocorrelation of each frame's sentence indicator in text order (D,F)."""

    doc_ids: tuple[str, ...]
    frames: tuple[str, ...]
    n: np.ndarray
    k: np.ndarray
    cues: np.ndarray
    lag1: np.ndarray


def frame_counts(frame_cues_df: pd.DataFrame, sentences_df: pd.DataFrame) -> FrameCounts:
    """Count body sentences and, per frame, body sentences with >= 1 cue and body cues."""
    for name, df, cols in (
        ("sentences_df", sentences_df, ("doc_id", "sent_id", "is_heading")),
        ("frame_cues_df", frame_cues_df, ("doc_id", "sent_id", "frame")),
    ):
        missing = [c for c in cols if c not in df.columns]
        if missing:
            raise ValueError(f"{name} lacks column(s) {', '.join(missing)}")
    sents = sentences_df[["doc_id", "sent_id", "is_heading"]].astype({"doc_id": str})
    heading = sents["is_heading"].astype(str).str.lower().isin(("1", "true"))
    body = sents.loc[~heading, ["doc_id", "sent_id"]]
    doc_ids = tuple(sorted(set(sents["doc_id"])))
    cues = frame_cues_df[["doc_id", "sent_id", "frame"]].astype({"doc_id": str, "frame": str})
    cues = cues[cues["frame"] != NO_FRAME].merge(body, on=["doc_id", "sent_id"], how="inner")
    frames = frame_order(cues["frame"].unique().tolist())
    d_index = pd.Index(doc_ids)
    n = body.groupby("doc_id").size().reindex(d_index, fill_value=0).to_numpy(np.int64)
    per_cell = cues.groupby(["doc_id", "frame"])
    shape_index = pd.MultiIndex.from_product([doc_ids, frames])
    cue_n = per_cell.size().reindex(shape_index, fill_value=0).to_numpy(np.int64)
    sent_n = per_cell["sent_id"].nunique().reindex(shape_index, fill_value=0).to_numpy(np.int64)
    shape = (len(doc_ids), len(frames))
    k = sent_n.reshape(shape)
    lag1 = _indicator_lag1(body, cues, pd.Series(n, index=d_index), frames, k)
    return FrameCounts(doc_ids, frames, n, k, cue_n.reshape(shape), lag1)


def _indicator_lag1(
    body: pd.DataFrame, cues: pd.DataFrame, n: pd.Series, frames: Sequence[str], k: np.ndarray
) -> np.ndarray:
    """Per (document, frame) the lag-1 autocorrelation of the indicator "this body sentence has
    the frame" over the document's body sentences in order (as
    :func:`pipeline.serial_stats.lag1_autocorrelation` of the 0/1 series): a frame's sentences
    come in runs (a paragraph on the economy), and the report's frame items count such
    neighbours as fewer sentences. From counts, with ``a`` the pairs of neighbours that both
    have the frame, ``e`` how many of the first and last sentences have it and ``m = k/n``:
    ``(a - m (2k - e) + (n - 1) m^2) / (k (n - k) / n)``. NaN below 3 sentences or for a share
    of 0 or 1. ``n``: body sentences by document, in ``k``'s order; ``frames``: ``k``'s
    columns; ``cues``: body sentences' cues."""
    order = body.sort_values(["doc_id", "sent_id"], kind="stable")
    position = order.assign(pos=order.groupby("doc_id").cumcount())
    marked = cues.drop_duplicates(["doc_id", "sent_id", "frame"]).merge(
        position, on=["doc_id", "sent_id"], how="inner"
    )
    doc = n.index.get_indexer(marked["doc_id"])
    cell = doc * len(frames) + pd.Index(frames).get_indexer(marked["frame"])
    pos = marked["pos"].to_numpy(np.int64)
    # a sentence's key: its cell, then its place; its next neighbour has the frame when key + 1
    # is a key too (numpy, not a merge: 20,000 documents' cues in a fraction of a second)
    key = cell.astype(np.int64) * (int(n.to_numpy().max(initial=0)) + 1) + pos
    ordered = np.sort(key)
    at = np.minimum(np.searchsorted(ordered, key + 1), max(ordered.size - 1, 0))
    has_next = ordered[at] == key + 1 if ordered.size else np.zeros(0, dtype=bool)
    a = np.bincount(cell[has_next], minlength=k.size).reshape(k.shape)
    end = (pos == 0).astype(float) + (pos == n.to_numpy()[doc] - 1)
    ends = np.bincount(cell, weights=end, minlength=k.size).reshape(k.shape)
    nn = np.broadcast_to(n.to_numpy(float)[:, None], k.shape)
    with np.errstate(invalid="ignore", divide="ignore"):
        m = k / nn
        total = k * (nn - k) / nn
        lag1 = (a - m * (2 * k - ends) + (nn - 1) * m * m) / total
    return np.where((nn >= 3) & (total > 0), lag1, np.nan)


def _check_confidence(confidence: float) -> None:
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        raise ValueError(f"confidence must be between 0 and 1, not {confidence!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence!r}")


def _check_pairwise_limit(max_pairwise_documents: int) -> None:
    if not isinstance(max_pairwise_documents, int) or max_pairwise_documents < 2:
        raise ValueError(
            f"max_pairwise_documents must be an integer >= 2, not {max_pairwise_documents!r}"
        )


def _corrected(r: np.ndarray, m: np.ndarray) -> np.ndarray:
    """:func:`pipeline.serial_stats.corrected_correlation` of arrays: pooled lag-1 correlations
    ``r`` of series of mean length ``m``, corrected for their bias and kept within 0 and
    MAX_ALIKE (0 where ``r`` is NaN or ``m`` is 3 or less)."""
    r, m = np.broadcast_arrays(np.asarray(r, dtype=np.float64), np.asarray(m, dtype=np.float64))
    with np.errstate(invalid="ignore", divide="ignore"):
        value = np.clip((r + 1 / m) / (1 - 3 / m), 0.0, MAX_ALIKE)
    return np.where((m > 3) & np.isfinite(r), value, 0.0)


def _run_sums(c: FrameCounts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per (document, frame) what :func:`pipeline.serial_stats.pooled_alike_correlation` adds
    up: the lagged and the centred sum of squares of the frame's sentence indicator (``lag1``
    times ``k (n - k) / n``) and 1 for a series that takes part, 0 elsewhere (no correlation: a
    share of 0 or 1, under 3 sentences; and documents under MIN_INTERVAL_SENTENCES, as the
    report pools them)."""
    n = np.broadcast_to(c.n[:, None].astype(np.float64), c.k.shape)
    part = np.isfinite(c.lag1) & (n >= MIN_INTERVAL_SENTENCES)
    with np.errstate(invalid="ignore", divide="ignore"):
        squares = np.where(part, c.k * (n - c.k) / n, 0.0)
    return np.where(part, c.lag1, 0.0) * squares, squares, part.astype(np.float64)


def _worth(n: np.ndarray, alike: np.ndarray) -> np.ndarray:
    """The independent sentences ``n`` sentences with a correlation of neighbours ``alike`` are
    worth (:func:`pipeline.serial_stats.effective_size`), at most ``n``."""
    n = np.asarray(n, dtype=np.float64)
    return np.minimum(n, np.maximum(2.0, n * (1 - alike) / (1 + alike)))


def own_worth(c: FrameCounts) -> np.ndarray:
    """Per (document, frame) the independent sentences the document's body sentences are worth
    for the frame's share, from that document's rows alone: with the larger of the frame's own
    corrected ``lag1`` and the one pooled over the document's frames (the own one misses runs
    that leave a frame absent, the pooled one runs of one frame); ``n`` itself below
    MIN_INTERVAL_SENTENCES, where a correlation from so few neighbours is noise. A
    statistician's simulation (2026-12-05; documents of whole paragraphs drawn from 13 pools of
    real text): the exact interval of k of n held the share 95.0% of the time on average but
    80.6% in the worst pool and frame; with this, 98.1% and 93.3%."""
    n = c.n[:, None].astype(np.float64)
    lagged, squares, _ = _run_sums(c)  # n < MIN_INTERVAL_SENTENCES: n itself, below
    with np.errstate(invalid="ignore", divide="ignore"):
        pooled = lagged.sum(axis=1, keepdims=True) / squares.sum(axis=1, keepdims=True)
    alike = np.maximum(_corrected(c.lag1, n), _corrected(pooled, n))
    return np.where(n < MIN_INTERVAL_SENTENCES, n, _worth(n, alike))


def _shares_table(c: FrameCounts, confidence: float) -> pd.DataFrame:
    """frames.csv rows, sorted by document then frame name; the interval counts each document's
    sentences as the independent ones they are worth for the frame (:func:`own_worth`)."""
    n_docs, n_frames = c.k.shape
    with np.errstate(invalid="ignore", divide="ignore"):
        share = c.k / c.n[:, None]
        worth = own_worth(c)
        low, high = clopper_pearson_arrays(c.k * worth / c.n[:, None], worth,
                                           confidence=confidence)  # fmt: skip
    out = pd.DataFrame(
        {"doc_id": np.repeat(np.array(c.doc_ids, dtype=object), n_frames),
         "frame": np.tile(np.array(c.frames, dtype=object), n_docs),
         "n_cues": c.cues.ravel(), "n_sentences": c.k.ravel(), "share": share.ravel(),
         "share_ci_low": low.ravel(), "share_ci_high": high.ravel(), "lag1": c.lag1.ravel()},
        columns=list(SHARE_COLUMNS),
    )  # fmt: skip
    return out.sort_values(["doc_id", "frame"], ignore_index=True)[list(SHARE_COLUMNS)]


def _pairwise_differences(c: FrameCounts, confidence: float) -> tuple[np.ndarray, ...]:
    """doc_a, doc_b, share_a, share_b, ci_low, ci_high of every document pair (doc_a < doc_b);
    each side counts as the independent sentences it is worth with the correlation of
    neighbours pooled over both documents and all frames, as the report's pair item does
    (:func:`pipeline.report_stats.frame_alike`)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        share = c.k / c.n[:, None]
    ia, ib = np.triu_indices(len(c.doc_ids), k=1)
    lagged, squares, part = (x.sum(axis=1) for x in _run_sums(c))
    sizes = part * c.n  # the series' lengths that take part, added up, and their number
    with np.errstate(invalid="ignore", divide="ignore"):
        alike = _corrected((lagged[ia] + lagged[ib]) / (squares[ia] + squares[ib]),
                           (sizes[ia] + sizes[ib]) / (part[ia] + part[ib]))  # fmt: skip
    w_a, w_b = _worth(c.n[ia], alike)[:, None], _worth(c.n[ib], alike)[:, None]
    low, high = proportion_difference_arrays(
        share[ia] * w_a, np.broadcast_to(w_a, share[ia].shape),
        share[ib] * w_b, np.broadcast_to(w_b, share[ib].shape), confidence=confidence,
    )  # fmt: skip
    ids = np.array(c.doc_ids)
    return ids[ia], ids[ib], share[ia], share[ib], low, high


def _rest_differences(c: FrameCounts, confidence: float) -> tuple[np.ndarray, ...]:
    """doc_a, doc_b, share_a, share_b, ci_low, ci_high of each document vs all the others;
    each document counts as the independent sentences it is worth with the frame's
    correlation of neighbours pooled over all the documents, as the report's items of three or
    more do (the rest: the sum of the others' worth)."""
    n_rest, k_rest = c.n.sum() - c.n, c.k.sum(axis=0)[None, :] - c.k
    with np.errstate(invalid="ignore", divide="ignore"):
        share, share_b = c.k / c.n[:, None], k_rest / n_rest[:, None]
    lagged, squares, part = _run_sums(c)
    with np.errstate(invalid="ignore", divide="ignore"):
        alike = _corrected(lagged.sum(axis=0) / squares.sum(axis=0),
                           (part * c.n[:, None]).sum(axis=0) / part.sum(axis=0))  # fmt: skip
    worth = _worth(np.broadcast_to(c.n[:, None], c.k.shape), alike[None, :])
    worth_rest = worth.sum(axis=0)[None, :] - worth
    low, high = proportion_difference_arrays(
        share * worth, worth, share_b * worth_rest, worth_rest, confidence=confidence
    )
    doc_a, doc_b = np.array(c.doc_ids), np.full(len(c.doc_ids), REST)
    return doc_a, doc_b, share, share_b, low, high


def _differences_table(c: FrameCounts, columns: tuple[np.ndarray, ...]) -> pd.DataFrame:
    """frame_differences.csv rows from per-pair arrays, sorted by doc_a, doc_b, frame."""
    doc_a, doc_b, share_a, share_b, low, high = columns
    n_rows, n_frames = len(doc_a), len(c.frames)
    out = pd.DataFrame(
        {"doc_a": np.repeat(doc_a, n_frames), "doc_b": np.repeat(doc_b, n_frames),
         "frame": np.tile(np.array(c.frames), n_rows), "share_a": share_a.ravel(),
         "share_b": share_b.ravel(), "difference": (share_a - share_b).ravel(),
         "ci_low": low.ravel(), "ci_high": high.ravel()}
    )  # fmt: skip
    return out.sort_values(["doc_a", "doc_b", "frame"], ignore_index=True)


def frame_shares(
    frame_cues_df: pd.DataFrame, sentences_df: pd.DataFrame, *, confidence: float = 0.95
) -> pd.DataFrame:
    """frames.csv: per (document, frame) the share of body sentences with >= 1 cue, with its
    exact interval."""
    _check_confidence(confidence)
    return _shares_table(frame_counts(frame_cues_df, sentences_df), confidence)


def frame_differences(
    frame_cues_df: pd.DataFrame,
    sentences_df: pd.DataFrame,
    *,
    confidence: float = 0.95,
    max_pairwise_documents: int = 20,
) -> pd.DataFrame:
    """frame_differences.csv: share_a - share_b per frame for every document pair (doc_a <
    doc_b), or each document vs the rest of the corpus when there are more documents than
    ``max_pairwise_documents``; intervals from the two shares' exact intervals (MOVER)."""
    return frame_tables(
        frame_cues_df, sentences_df, confidence=confidence,
        max_pairwise_documents=max_pairwise_documents,
    )[1]  # fmt: skip


def frame_tables(
    frame_cues_df: pd.DataFrame,
    sentences_df: pd.DataFrame,
    *,
    confidence: float = 0.95,
    max_pairwise_documents: int = 20,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """frames.csv and frame_differences.csv from one count."""
    _check_confidence(confidence)
    _check_pairwise_limit(max_pairwise_documents)
    c = frame_counts(frame_cues_df, sentences_df)
    shares = _shares_table(c, confidence)
    if len(c.doc_ids) < 2:
        return shares, pd.DataFrame(columns=DIFFERENCE_COLUMNS)
    versus_rest = len(c.doc_ids) > max_pairwise_documents
    pairs = (_rest_differences if versus_rest else _pairwise_differences)(c, confidence)
    return shares, _differences_table(c, pairs)


def main(
    frame_cues_path: str | Path,
    sentences_path: str | Path,
    frames_path: str | Path,
    differences_path: str | Path,
    *,
    confidence: float = 0.95,
    max_pairwise_documents: int = 20,
) -> None:
    """Read frame_cues.csv and sentences.csv; write frames.csv and frame_differences.csv."""
    from pipeline.tables import write_table

    cues = pd.read_csv(
        frame_cues_path, usecols=["doc_id", "sent_id", "frame"], dtype={"doc_id": str, "frame": str}
    )
    sents = pd.read_csv(
        sentences_path, usecols=["doc_id", "sent_id", "is_heading"], dtype={"doc_id": str}
    )
    shares, diffs = frame_tables(
        cues, sents, confidence=confidence, max_pairwise_documents=max_pairwise_documents
    )
    write_table(frames_path, shares, SHARE_COLUMNS)
    write_table(differences_path, diffs, DIFFERENCE_COLUMNS)
