"""Corpus-level frame tables: per-document frame shares and differences, with bootstrap CIs.

Reads the merged ``frame_cues`` and ``sentences`` tables written by the chunks (the cues come
from :class:`pipeline.frames.FramesStage`). Each document's bootstrap draws come from its own
generator, seeded by ``(seed, crc32(doc_id), stream)``, so adding a document leaves the other
documents' intervals unchanged; documents are processed in blocks so that only
``DOCUMENT_BLOCK`` documents' draws are held at once.
References: Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13 (percentile).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.frames import NO_FRAME, frame_order

REST = "(rest)"  # doc_b of a one-vs-rest difference row
SHARE_COLUMNS = (
    "doc_id", "frame", "n_cues", "n_sentences", "share", "share_ci_low", "share_ci_high",
)  # fmt: skip
DIFFERENCE_COLUMNS = (
    "doc_a", "doc_b", "frame", "share_a", "share_b", "difference", "ci_low", "ci_high",
)  # fmt: skip
DOCUMENT_BLOCK = 64  # documents whose draws (block x samples x frames) are in memory at once


@dataclass(frozen=True)
class FrameCounts:
    """Per-document body-sentence counts: n (D,), sentences with the frame k (D,F), cues (D,F)."""

    doc_ids: tuple[str, ...]
    frames: tuple[str, ...]
    n: np.ndarray
    k: np.ndarray
    cues: np.ndarray


@dataclass(frozen=True)
class Intervals:
    """Percentile intervals (D,F) of the shares and, when asked for, of share minus rest."""

    share_low: np.ndarray
    share_high: np.ndarray
    rest_low: np.ndarray | None = None
    rest_high: np.ndarray | None = None


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
    return FrameCounts(doc_ids, frames, n, sent_n.reshape(shape), cue_n.reshape(shape))


def _check_bootstrap(bootstrap_samples: int, seed: int, confidence: float) -> None:
    if not isinstance(bootstrap_samples, int) or bootstrap_samples < 1:
        raise ValueError(f"bootstrap_samples must be a positive integer, not {bootstrap_samples!r}")
    if not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, not {seed!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence!r}")


def _check_pairwise_limit(max_pairwise_documents: int) -> None:
    if not isinstance(max_pairwise_documents, int) or max_pairwise_documents < 2:
        raise ValueError(
            f"max_pairwise_documents must be an integer >= 2, not {max_pairwise_documents!r}"
        )


def share_draws(
    doc_id: str, n: int, k: np.ndarray, *, samples: int, seed: int, stream: int = 0
) -> np.ndarray:
    """Bootstrap draws (samples, F) of the per-frame shares of one document's n body sentences.

    Resampling n sentences with replacement gives Binomial(n, k/n) sentences with the frame, so
    drawing that binomial is the sentence bootstrap of each share, in O(samples x F); frames with
    k = 0 or k = n are constant and not drawn.
    References: Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13 (percentile).
    """
    if n == 0:
        return np.full((samples, len(k)), np.nan)
    draws = np.broadcast_to(k / n, (samples, len(k))).copy()
    vary = np.flatnonzero((k > 0) & (k < n))
    if vary.size:
        rng = np.random.default_rng([seed, zlib.crc32(doc_id.encode("utf-8")), stream])
        for j in vary:  # one frame per call: numpy reuses the binomial's set-up for a fixed p
            draws[:, j] = rng.binomial(n, k[j] / n, size=samples) / n
    return draws


def percentile_interval(
    draws: np.ndarray, confidence: float, axis: int
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of bootstrap draws along ``axis`` (NaN when every draw is NaN)."""
    alpha = (1 - confidence) / 2
    if np.isnan(draws).all():
        shape = np.delete(np.array(draws.shape), axis)
        return np.full(shape, np.nan), np.full(shape, np.nan)
    low, high = np.quantile(draws, [alpha, 1 - alpha], axis=axis)
    return low, high


def _cell_intervals(
    draws: np.ndarray, vary: np.ndarray, confidence: float
) -> tuple[np.ndarray, np.ndarray]:
    """Intervals (B,F) of draws (B, samples, F): constant cells keep their value, only the
    ``vary`` cells (B,F) are sorted, all in one call (per cell the same as one call per cell)."""
    low, high = draws[:, 0, :].copy(), draws[:, 0, :].copy()
    if vary.any():
        cells = draws.transpose(0, 2, 1)[vary]  # (cells, samples): each cell's draws contiguous
        low[vary], high[vary] = percentile_interval(cells, confidence, axis=1)
    return low, high


def bootstrap_intervals(
    c: FrameCounts, *, samples: int, seed: int, confidence: float, versus_rest: bool = False
) -> Intervals:
    """Share intervals per (document, frame) and, with ``versus_rest``, intervals of each
    document's share minus the share in all other documents (independent draws, stream 1)."""
    shape = c.k.shape
    share_low, share_high = np.full(shape, np.nan), np.full(shape, np.nan)
    rest_low, rest_high = np.full(shape, np.nan), np.full(shape, np.nan)
    n_rest, k_rest = c.n.sum() - c.n, c.k.sum(axis=0)[None, :] - c.k
    for start in range(0, len(c.doc_ids), DOCUMENT_BLOCK):
        block = slice(start, min(start + DOCUMENT_BLOCK, len(c.doc_ids)))
        docs = range(block.start, block.stop)
        own = np.stack(
            [share_draws(c.doc_ids[d], int(c.n[d]), c.k[d], samples=samples, seed=seed)
             for d in docs]
        )  # fmt: skip
        vary = (c.k[block] > 0) & (c.k[block] < c.n[block, None])  # n = 0: NaN, not drawn
        share_low[block], share_high[block] = _cell_intervals(own, vary, confidence)
        if versus_rest:
            rest = np.stack(
                [share_draws(c.doc_ids[d], int(n_rest[d]), k_rest[d], samples=samples,
                             seed=seed, stream=1)
                 for d in docs]
            )  # fmt: skip
            diff = own - rest
            vary = (diff != diff[:, :1, :]).any(axis=1)  # other frames: constant differences
            rest_low[block], rest_high[block] = _cell_intervals(diff, vary, confidence)
    if not versus_rest:
        return Intervals(share_low, share_high)
    return Intervals(share_low, share_high, rest_low, rest_high)


def _shares_table(c: FrameCounts, intervals: Intervals) -> pd.DataFrame:
    """frames.csv rows, sorted by document then frame name."""
    n_docs, n_frames = c.k.shape
    with np.errstate(invalid="ignore", divide="ignore"):
        share = c.k / c.n[:, None]
    out = pd.DataFrame(
        {"doc_id": np.repeat(np.array(c.doc_ids, dtype=object), n_frames),
         "frame": np.tile(np.array(c.frames, dtype=object), n_docs),
         "n_cues": c.cues.ravel(), "n_sentences": c.k.ravel(), "share": share.ravel(),
         "share_ci_low": intervals.share_low.ravel(),
         "share_ci_high": intervals.share_high.ravel()},
        columns=list(SHARE_COLUMNS),
    )  # fmt: skip
    return out.sort_values(["doc_id", "frame"], ignore_index=True)[list(SHARE_COLUMNS)]


def _pairwise_differences(
    c: FrameCounts, *, samples: int, seed: int, confidence: float
) -> tuple[np.ndarray, ...]:
    """doc_a, doc_b, share_a, share_b, ci_low, ci_high of every document pair (doc_a < doc_b)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        share = c.k / c.n[:, None]
    draws = np.stack(
        [share_draws(d, int(n), k, samples=samples, seed=seed)
         for d, n, k in zip(c.doc_ids, c.n, c.k, strict=True)]
    )  # fmt: skip
    ia, ib = np.triu_indices(len(c.doc_ids), k=1)
    low, high = percentile_interval(draws[ia] - draws[ib], confidence, axis=1)
    ids = np.array(c.doc_ids)
    return ids[ia], ids[ib], share[ia], share[ib], low, high


def _rest_differences(c: FrameCounts, intervals: Intervals) -> tuple[np.ndarray, ...]:
    """doc_a, doc_b, share_a, share_b, ci_low, ci_high of each document vs all the others."""
    n_rest, k_rest = c.n.sum() - c.n, c.k.sum(axis=0)[None, :] - c.k
    with np.errstate(invalid="ignore", divide="ignore"):
        share, share_b = c.k / c.n[:, None], k_rest / n_rest[:, None]
    doc_a, doc_b = np.array(c.doc_ids), np.full(len(c.doc_ids), REST)
    return doc_a, doc_b, share, share_b, intervals.rest_low, intervals.rest_high


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
    frame_cues_df: pd.DataFrame,
    sentences_df: pd.DataFrame,
    *,
    bootstrap_samples: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """frames.csv: per (document, frame) the share of body sentences with >= 1 cue, with a CI."""
    _check_bootstrap(bootstrap_samples, seed, confidence)
    c = frame_counts(frame_cues_df, sentences_df)
    opts = {"samples": bootstrap_samples, "seed": seed, "confidence": confidence}
    return _shares_table(c, bootstrap_intervals(c, **opts))


def frame_differences(
    frame_cues_df: pd.DataFrame,
    sentences_df: pd.DataFrame,
    *,
    bootstrap_samples: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
    max_pairwise_documents: int = 20,
) -> pd.DataFrame:
    """frame_differences.csv: share_a - share_b per frame for every document pair (doc_a <
    doc_b), or each document vs the rest of the corpus when there are more documents than
    ``max_pairwise_documents``; CIs from independent bootstraps of both sides."""
    return frame_tables(
        frame_cues_df, sentences_df, bootstrap_samples=bootstrap_samples, seed=seed,
        confidence=confidence, max_pairwise_documents=max_pairwise_documents,
    )[1]  # fmt: skip


def frame_tables(
    frame_cues_df: pd.DataFrame,
    sentences_df: pd.DataFrame,
    *,
    bootstrap_samples: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
    max_pairwise_documents: int = 20,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """frames.csv and frame_differences.csv from one count and one set of share draws."""
    _check_bootstrap(bootstrap_samples, seed, confidence)
    _check_pairwise_limit(max_pairwise_documents)
    c = frame_counts(frame_cues_df, sentences_df)
    opts = {"samples": bootstrap_samples, "seed": seed, "confidence": confidence}
    versus_rest = len(c.doc_ids) > max_pairwise_documents
    intervals = bootstrap_intervals(c, versus_rest=versus_rest, **opts)
    shares = _shares_table(c, intervals)
    if len(c.doc_ids) < 2:
        return shares, pd.DataFrame(columns=DIFFERENCE_COLUMNS)
    pairs = _rest_differences(c, intervals) if versus_rest else _pairwise_differences(c, **opts)
    return shares, _differences_table(c, pairs)


def main(
    frame_cues_path: str | Path,
    sentences_path: str | Path,
    frames_path: str | Path,
    differences_path: str | Path,
    *,
    bootstrap_samples: int = 2000,
    seed: int = 0,
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
        cues, sents, bootstrap_samples=bootstrap_samples, seed=seed, confidence=confidence,
        max_pairwise_documents=max_pairwise_documents,
    )  # fmt: skip
    write_table(frames_path, shares, SHARE_COLUMNS)
    write_table(differences_path, diffs, DIFFERENCE_COLUMNS)
