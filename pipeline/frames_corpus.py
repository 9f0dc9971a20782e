"""Corpus-level frame tables: per-document frame shares and differences, with exact intervals.

Reads the merged ``frame_cues`` and ``sentences`` tables written by the chunks (the cues come
from :class:`pipeline.frames.FramesStage`). A share is k of a document's n body sentences, and
its interval the exact (Clopper-Pearson) one with the sentences counted as the independent ones
they are worth when the frame's come in runs (:func:`pipeline.frame_runs.own_worth`: the lag-1
correlation and the window dispersion of the frame's sentence indicator, frames.csv's ``lag1``
and ``disp5``); a difference of two shares gets the MOVER combination of the two exact
intervals (Newcombe's method 10 with exact limits), each side's sentences counted as the
report's frame items count them. A percentile bootstrap
of sentences, used before, gave a share of 0 or 1 a zero-width interval and held 1 of 10 at
[0, 30%] against the exact [0.3%, 44.5%].
References: Clopper & Pearson (1934), Biometrika 26:404-413; Newcombe (1998), Statistics in
Medicine 17:873-890; Zou & Donner (2008), Statistics in Medicine 27:1693-1702.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.frame_runs import (
    corrected,
    indicator_runs,
    own_worth,
    rest_worth,
    run_sums,
    window_sums,
)
from pipeline.frames import NO_FRAME, frame_order
from pipeline.report_intervals import clopper_pearson_arrays, proportion_difference_arrays
from pipeline.serial_stats import (
    DISPERSION_SUMMARY,
    design_effect,
    design_worth,
    dispersion_of_sums,
)

REST = "(rest)"  # doc_b of a one-vs-rest difference row
SHARE_COLUMNS = (
    "doc_id", "frame", "n_cues", "n_sentences", "share", "share_ci_low", "share_ci_high", "lag1",
    DISPERSION_SUMMARY,
)  # fmt: skip
DIFFERENCE_COLUMNS = (
    "doc_a", "doc_b", "frame", "share_a", "share_b", "difference", "ci_low", "ci_high",
)  # fmt: skip


@dataclass(frozen=True)
class FrameCounts:
    """Per-document body-sentence counts: n (D,), sentences with the frame k (D,F), cues (D,F),
    the lag-1 autocorrelation of each frame's sentence indicator in text order (D,F) and its
    window dispersion (D,F; :func:`pipeline.serial_stats.indicator_dispersion`)."""

    doc_ids: tuple[str, ...]
    frames: tuple[str, ...]
    n: np.ndarray
    k: np.ndarray
    cues: np.ndarray
    lag1: np.ndarray
    disp: np.ndarray


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
    lag1, disp = indicator_runs(body, cues, pd.Series(n, index=d_index), frames, k)
    return FrameCounts(doc_ids, frames, n, k, cue_n.reshape(shape), lag1, disp)


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


def _shares_table(c: FrameCounts, confidence: float) -> pd.DataFrame:
    """frames.csv rows, sorted by document then frame name; the interval counts each document's
    sentences as the independent ones they are worth for the frame
    (:func:`pipeline.frame_runs.own_worth`)."""
    n_docs, n_frames = c.k.shape
    with np.errstate(invalid="ignore", divide="ignore"):
        share = c.k / c.n[:, None]
        w = own_worth(c.n, c.k, c.lag1, c.disp)
        low, high = clopper_pearson_arrays(c.k * w / c.n[:, None], w, confidence=confidence)
    out = pd.DataFrame(
        {"doc_id": np.repeat(np.array(c.doc_ids, dtype=object), n_frames),
         "frame": np.tile(np.array(c.frames, dtype=object), n_docs),
         "n_cues": c.cues.ravel(), "n_sentences": c.k.ravel(), "share": share.ravel(),
         "share_ci_low": low.ravel(), "share_ci_high": high.ravel(), "lag1": c.lag1.ravel(),
         DISPERSION_SUMMARY: c.disp.ravel()},
        columns=list(SHARE_COLUMNS),
    )  # fmt: skip
    return out.sort_values(["doc_id", "frame"], ignore_index=True)[list(SHARE_COLUMNS)]


def _pairwise_differences(c: FrameCounts, confidence: float) -> tuple[np.ndarray, ...]:
    """doc_a, doc_b, share_a, share_b, ci_low, ci_high of every document pair (doc_a < doc_b);
    each side counts as the independent sentences it is worth with the correlation of
    neighbours and the window dispersion pooled over both documents and all frames and the
    side's own window dispersion of the frame, as the report's pair item does
    (:func:`pipeline.report_score_differences.frame_difference`)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        share = c.k / c.n[:, None]
    ia, ib = np.triu_indices(len(c.doc_ids), k=1)
    lagged, squares, part = (x.sum(axis=1) for x in run_sums(c.n, c.k, c.lag1))
    sizes = part * c.n  # the series' lengths that take part, added up, and their number
    with np.errstate(invalid="ignore", divide="ignore"):
        alike = corrected((lagged[ia] + lagged[ib]) / (squares[ia] + squares[ib]),
                          (sizes[ia] + sizes[ib]) / (part[ia] + part[ib]))[:, None]  # fmt: skip
    chi, df = window_sums(c.n, c.disp)
    common = dispersion_of_sums((chi.sum(axis=1)[ia] + chi.sum(axis=1)[ib])[:, None],
                                (df.sum(axis=1)[ia] + df.sum(axis=1)[ib])[:, None])  # fmt: skip
    own = dispersion_of_sums(chi, df)
    n_a, n_b = c.n[ia][:, None].astype(np.float64), c.n[ib][:, None].astype(np.float64)
    w_a = np.minimum(n_a, design_worth(n_a, alike, design_effect(alike, common, own[ia])))
    w_b = np.minimum(n_b, design_worth(n_b, alike, design_effect(alike, common, own[ib])))
    w_a, w_b = np.broadcast_to(w_a, share[ia].shape), np.broadcast_to(w_b, share[ib].shape)
    low, high = proportion_difference_arrays(
        share[ia] * w_a, w_a, share[ib] * w_b, w_b, confidence=confidence
    )
    ids = np.array(c.doc_ids)
    return ids[ia], ids[ib], share[ia], share[ib], low, high


def _rest_differences(c: FrameCounts, confidence: float) -> tuple[np.ndarray, ...]:
    """doc_a, doc_b, share_a, share_b, ci_low, ci_high of each document vs all the others;
    each document counts as the independent sentences it is worth with the frame's
    correlation of neighbours and window dispersion pooled over all the documents and its own
    window dispersion, the rest as the sum of the others' worth with the others' dispersion
    together, as the report's items of three or more do."""
    n_rest, k_rest = c.n.sum() - c.n, c.k.sum(axis=0)[None, :] - c.k
    with np.errstate(invalid="ignore", divide="ignore"):
        share, share_b = c.k / c.n[:, None], k_rest / n_rest[:, None]
    lagged, squares, part = run_sums(c.n, c.k, c.lag1)
    with np.errstate(invalid="ignore", divide="ignore"):
        alike = corrected(lagged.sum(axis=0) / squares.sum(axis=0),
                          (part * c.n[:, None]).sum(axis=0) / part.sum(axis=0))  # fmt: skip
    chi, df = window_sums(c.n, c.disp)
    common = dispersion_of_sums(chi.sum(axis=0), df.sum(axis=0))[None, :]
    # max: a difference of floats is never below 0 (the chi-squared of one text left)
    others = dispersion_of_sums(np.maximum(0.0, chi.sum(axis=0) - chi), df.sum(axis=0) - df)
    own = design_effect(alike[None, :], common, dispersion_of_sums(chi, df))
    n = np.broadcast_to(c.n[:, None].astype(np.float64), c.k.shape)
    w = np.minimum(n, design_worth(n, alike[None, :], own))
    w_rest = rest_worth(c.n, alike, design_effect(alike[None, :], common, others))
    low, high = proportion_difference_arrays(
        share * w, w, share_b * w_rest, w_rest, confidence=confidence
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
