"""Policy frame dimensions per sentence, with the cue words behind them, and per-document shares.

References: Boydstun, Card, Gross, Resnik & Smith (2014), Policy Frames Codebook; Card et al.
(2015), The Media Frames Corpus (ACL). Cue words: ``pipeline/lexicons/frames.tsv``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.lexicon import lexicon_path, read_lexicon
from pipeline.matcher import LexiconMatcher
from pipeline.types import SegmentedDocument, StageOutput

# The codebook's 15 dimensions, in codebook order (used to break ties and to order plots).
FRAMES: tuple[tuple[str, str], ...] = (
    ("economic", "Economic"),
    ("capacity_resources", "Capacity and resources"),
    ("morality", "Morality"),
    ("fairness_equality", "Fairness and equality"),
    ("legality", "Legality, constitutionality, jurisprudence"),
    ("policy_prescription", "Policy prescription and evaluation"),
    ("crime_punishment", "Crime and punishment"),
    ("security_defense", "Security and defense"),
    ("health_safety", "Health and safety"),
    ("quality_of_life", "Quality of life"),
    ("cultural_identity", "Cultural identity"),
    ("public_opinion", "Public opinion"),
    ("political", "Political"),
    ("external_regulation", "External regulation and reputation"),
    ("other", "Other"),
)
FRAME_IDS: tuple[str, ...] = tuple(f for f, _ in FRAMES)
FRAME_LABELS: dict[str, str] = dict(FRAMES)
NO_FRAME = "none"  # primary_frame of a sentence without cues; a lexicon frame that blocks a phrase
TIE_BREAKS = ("first_cue", "codebook_order")
REST = "(rest)"  # doc_b of a one-vs-rest difference row
CUE_COLUMNS = ("doc_id", "sent_id", "start", "end", "match", "frame")
SHARE_COLUMNS = (
    "doc_id", "frame", "n_cues", "n_sentences", "share", "share_ci_low", "share_ci_high",
)  # fmt: skip
DIFFERENCE_COLUMNS = (
    "doc_a", "doc_b", "frame", "share_a", "share_b", "difference", "ci_low", "ci_high",
)  # fmt: skip
_FRAME_ID_RE = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class FrameLexicon:
    """Cue patterns with their frames (same-pattern entries of later files override)."""

    patterns: tuple[str, ...]
    frames: tuple[str, ...]
    versions: dict[str, str]


def load_frame_lexicon(extra_lexicons: Sequence[str | Path] = ()) -> FrameLexicon:
    """The shipped ``frames.tsv`` plus users' files; a repeated pattern takes the later frame."""
    if isinstance(extra_lexicons, (str, Path)):
        raise ValueError("extra_lexicons must be a list of TSV paths, not one path")
    lex = read_lexicon([lexicon_path("frames.tsv"), *extra_lexicons], required=("pattern", "frame"))
    by_pattern: dict[str, str] = {}
    for row in lex.rows:
        pattern, frame = row["pattern"], row["frame"]
        if not pattern:
            raise ValueError(f"frame lexicon row with an empty pattern: {row}")
        if not _FRAME_ID_RE.fullmatch(frame):
            raise ValueError(f"frame lexicon entry {pattern!r}: bad frame id {frame!r}")
        by_pattern[pattern] = frame  # dicts keep first-insertion order, later files override
    return FrameLexicon(tuple(by_pattern), tuple(by_pattern.values()), lex.versions)


def frame_order(frames: Sequence[str]) -> tuple[str, ...]:
    """Codebook frames first (codebook order), then any user-defined frames alphabetically."""
    extra = sorted(set(frames) - set(FRAME_IDS) - {NO_FRAME})
    return FRAME_IDS + tuple(extra)


def primary_frame(cues: Sequence[tuple[int, str]], *, tie_break: str = "first_cue") -> str:
    """The frame with most cues among ``(start, frame)`` pairs; ``none`` when there are none.

    Ties: ``first_cue`` picks the tied frame whose first cue starts earliest in the sentence
    (then codebook order); ``codebook_order`` picks the tied frame listed first in the codebook.
    """
    if tie_break not in TIE_BREAKS:
        raise ValueError(f"tie_break must be one of {TIE_BREAKS}, not {tie_break!r}")
    if not cues:
        return NO_FRAME
    order = {f: i for i, f in enumerate(frame_order([f for _, f in cues]))}
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for start, frame in cues:
        count[frame] = count.get(frame, 0) + 1
        first[frame] = min(first.get(frame, start), start)
    best = max(count.values())
    tied = [f for f in count if count[f] == best]
    if tie_break == "first_cue":
        return min(tied, key=lambda f: (first[f], order[f]))
    return min(tied, key=order.__getitem__)


class FramesStage:
    """Per-document stage: frame cues per sentence, the primary frame and the cue count."""

    name = "frames"
    sentence_columns = ("primary_frame", "n_frame_cues")
    document_columns: tuple[str, ...] = ()
    tables = {"frame_cues": CUE_COLUMNS}

    def __init__(
        self, *, extra_lexicons: Sequence[str | Path] = (), tie_break: str = "first_cue"
    ) -> None:
        if tie_break not in TIE_BREAKS:
            raise ValueError(f"tie_break must be one of {TIE_BREAKS}, not {tie_break!r}")
        self.tie_break = tie_break
        self.lexicon = load_frame_lexicon(extra_lexicons)
        self.lexicon_versions = self.lexicon.versions
        # hyphens do not join words here: "counter-terrorism" and "cyber-espionage" hold cues
        self.matcher = LexiconMatcher(self.lexicon.patterns, hyphen_joins_words=False)

    def sentence_cues(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """``(start, end, frame)`` of each cue in ``text[start:end]`` (blocking entries dropped)."""
        frames = self.lexicon.frames
        found = self.matcher.find(text, start=start, end=end)
        return [(m.start, m.end, frames[m.entry]) for m in found if frames[m.entry] != NO_FRAME]

    def analyse(self, doc: SegmentedDocument) -> StageOutput:
        """Cues, primary frame and cue count for every sentence (headings included)."""
        primary: list[str] = []
        n_cues: list[int] = []
        rows: list[dict[str, Any]] = []
        for sent in doc.sentences:
            cues = self.sentence_cues(doc.clean, sent.start, sent.end)
            primary.append(primary_frame([(s, f) for s, _, f in cues], tie_break=self.tie_break))
            n_cues.append(len(cues))
            rows.extend(
                {"doc_id": doc.doc_id, "sent_id": sent.sent_id, "start": s, "end": e,
                 "match": doc.clean[s:e], "frame": f}
                for s, e, f in cues
            )  # fmt: skip
        return StageOutput(
            sentence_columns={"primary_frame": primary, "n_frame_cues": n_cues},
            tables={"frame_cues": rows},
        )


# ---------------------------------------------------------------- corpus level (pandas in/out)


@dataclass(frozen=True)
class _Counts:
    """Per-document body-sentence counts: n (D,), sentences with the frame k (D,F), cues (D,F)."""

    doc_ids: tuple[str, ...]
    frames: tuple[str, ...]
    n: np.ndarray
    k: np.ndarray
    cues: np.ndarray


def _frame_counts(frame_cues_df: pd.DataFrame, sentences_df: pd.DataFrame) -> _Counts:
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
    return _Counts(doc_ids, frames, n, sent_n.reshape(shape), cue_n.reshape(shape))


def _check_bootstrap(bootstrap_samples: int, seed: int, confidence: float) -> None:
    if not isinstance(bootstrap_samples, int) or bootstrap_samples < 1:
        raise ValueError(f"bootstrap_samples must be a positive integer, not {bootstrap_samples!r}")
    if not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, not {seed!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence!r}")


def _share_draws(doc_id: str, n: int, k: np.ndarray, *, samples: int, seed: int, stream: int = 0):
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
        draws[:, vary] = rng.binomial(n, k[vary] / n, size=(samples, vary.size)) / n
    return draws


def _interval(draws: np.ndarray, confidence: float, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of bootstrap draws along ``axis``."""
    alpha = (1 - confidence) / 2
    if np.isnan(draws).all():
        shape = np.delete(np.array(draws.shape), axis)
        return np.full(shape, np.nan), np.full(shape, np.nan)
    low, high = np.quantile(draws, [alpha, 1 - alpha], axis=axis)
    return low, high


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
    c = _frame_counts(frame_cues_df, sentences_df)
    n_docs, n_frames = len(c.doc_ids), len(c.frames)
    low, high = np.full((n_docs, n_frames), np.nan), np.full((n_docs, n_frames), np.nan)
    for d, doc_id in enumerate(c.doc_ids):
        if c.n[d] == 0:
            continue
        draws = _share_draws(doc_id, int(c.n[d]), c.k[d], samples=bootstrap_samples, seed=seed)
        vary = np.flatnonzero((c.k[d] > 0) & (c.k[d] < c.n[d]))  # other frames: constant draws
        low[d], high[d] = draws[0], draws[0]
        if vary.size:
            low[d, vary], high[d, vary] = _interval(draws[:, vary], confidence, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = c.k / c.n[:, None]
    out = pd.DataFrame(
        {"doc_id": np.repeat(np.array(c.doc_ids, dtype=object), n_frames),
         "frame": np.tile(np.array(c.frames, dtype=object), n_docs),
         "n_cues": c.cues.ravel(), "n_sentences": c.k.ravel(), "share": share.ravel(),
         "share_ci_low": low.ravel(), "share_ci_high": high.ravel()},
        columns=list(SHARE_COLUMNS),
    )  # fmt: skip
    return out.sort_values(["doc_id", "frame"], ignore_index=True)[list(SHARE_COLUMNS)]


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
    _check_bootstrap(bootstrap_samples, seed, confidence)
    if not isinstance(max_pairwise_documents, int) or max_pairwise_documents < 2:
        raise ValueError(
            f"max_pairwise_documents must be an integer >= 2, not {max_pairwise_documents!r}"
        )
    c = _frame_counts(frame_cues_df, sentences_df)
    n_docs, n_frames = len(c.doc_ids), len(c.frames)
    if n_docs < 2:
        return pd.DataFrame(columns=DIFFERENCE_COLUMNS)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = c.k / c.n[:, None]
    if n_docs <= max_pairwise_documents:
        draws = np.stack(
            [_share_draws(d, int(n), k, samples=bootstrap_samples, seed=seed)
             for d, n, k in zip(c.doc_ids, c.n, c.k, strict=True)]
        )  # fmt: skip
        ia, ib = np.triu_indices(n_docs, k=1)
        low, high = _interval(draws[ia] - draws[ib], confidence, axis=1)
        doc_a, doc_b = np.array(c.doc_ids)[ia], np.array(c.doc_ids)[ib]
        share_a, share_b = share[ia], share[ib]
    else:
        n_rest = c.n.sum() - c.n
        k_rest = c.k.sum(axis=0)[None, :] - c.k
        with np.errstate(invalid="ignore", divide="ignore"):
            share_b = k_rest / n_rest[:, None]
        low, high = np.empty((n_docs, n_frames)), np.empty((n_docs, n_frames))
        for d, doc_id in enumerate(c.doc_ids):
            own = _share_draws(doc_id, int(c.n[d]), c.k[d], samples=bootstrap_samples, seed=seed)
            rest = _share_draws(
                doc_id, int(n_rest[d]), k_rest[d], samples=bootstrap_samples, seed=seed, stream=1
            )
            diff = own - rest
            vary = np.flatnonzero((diff != diff[0]).any(axis=0))  # other frames: constant
            low[d], high[d] = diff[0], diff[0]
            if vary.size:
                low[d, vary], high[d, vary] = _interval(diff[:, vary], confidence, axis=0)
        doc_a, doc_b, share_a = np.array(c.doc_ids), np.full(n_docs, REST), share
    n_rows = len(doc_a)
    out = pd.DataFrame(
        {"doc_a": np.repeat(doc_a, n_frames), "doc_b": np.repeat(doc_b, n_frames),
         "frame": np.tile(np.array(c.frames), n_rows), "share_a": share_a.ravel(),
         "share_b": share_b.ravel(), "difference": (share_a - share_b).ravel(),
         "ci_low": low.ravel(), "ci_high": high.ravel()}
    )  # fmt: skip
    return out.sort_values(["doc_a", "doc_b", "frame"], ignore_index=True)


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
    from pipeline.tables import write_frame

    cues = pd.read_csv(frame_cues_path, dtype={"doc_id": str, "frame": str, "match": str})
    sents = pd.read_csv(
        sentences_path, usecols=["doc_id", "sent_id", "is_heading"], dtype={"doc_id": str}
    )
    opts = {"bootstrap_samples": bootstrap_samples, "seed": seed, "confidence": confidence}
    write_frame(frames_path, frame_shares(cues, sents, **opts))
    diffs = frame_differences(cues, sents, max_pairwise_documents=max_pairwise_documents, **opts)
    write_frame(differences_path, diffs)
