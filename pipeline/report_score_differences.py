"""The "what differs" items of two documents that compare scores of their sentences: mean
sentiment (Welch's interval of the difference, neighbours alike in tone counted as fewer
sentences), the frames' shares of sentences (the interval of the difference in shares, adjusted
for picking among the frames) and Flesch reading ease (the interval of the difference from the
documents' own); :func:`pipeline.report_differences.pair_differences` lists them with the items
of rates and counts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from pipeline.report_data import frame_labels, has_columns
from pipeline.report_format import finite, fmt
from pipeline.report_intervals import (
    CONFIDENCE,
    bonferroni,
    proportion_difference_interval,
    standard_error,
    welch_from_summaries,
    welch_interval,
)
from pipeline.report_items import (
    MAX_FRAME_ITEMS,
    MIN_READABILITY_WORDS,
    Doc,
    Item,
    apart_text,
    evidence_href,
    frame_name,
    frame_sentence_counts,
    long_enough,
    no_interval_reason,
    shares_text,
)
from pipeline.report_stats import (
    frame_dispersion_cells,
    frame_dispersion_sums,
    frame_sums,
    side_design_effects,
)
from pipeline.report_text import anchor_key, truthy
from pipeline.serial_stats import (
    FLESCH_CONFIDENCE,
    alike_correlation,
    alike_of_sums,
    design_worth,
    effective_size,
)


def body_compounds(sentences: pd.DataFrame | None, doc_id: str) -> np.ndarray:
    """Compound scores of one document's body sentences (empty without the columns)."""
    if not has_columns(sentences, ("doc_id", "is_heading", "compound")):
        return np.empty(0)
    rows = sentences[sentences["doc_id"] == doc_id]
    if "sent_id" in rows.columns:  # in the text's order: neighbours matter (effective_size)
        rows = rows.sort_values("sent_id", kind="stable")
    heading = rows["is_heading"].map(truthy).astype(bool)
    return rows.loc[~heading, "compound"].dropna().to_numpy(float)


def sentiment_difference(
    docs: Sequence[Doc], href: str, sentences: pd.DataFrame | None
) -> list[Item]:
    """Mean compound scores compared through Welch's interval of their difference (body
    sentences, each document's counted as the independent sentences they are worth: neighbours
    alike in tone are less evidence, :func:`effective_size`); tentative when that interval
    includes 0 or cannot be computed."""
    if not all(finite(d.get("compound_mean")) for d in docs):
        return []
    a, b = sorted(docs, key=lambda d: (-d["compound_mean"], d["doc_id"]))
    diff = a["compound_mean"] - b["compound_mean"]
    if diff < 0.05:
        return []
    scores = [body_compounds(sentences, d["doc_id"]) for d in (a, b)]
    alike = alike_correlation(scores)
    sizes = (effective_size(len(scores[0]), alike), effective_size(len(scores[1]), alike))
    low, high = welch_interval(*scores, sizes=sizes)
    text = (
        f"{a['doc_id']}'s sentences are more positive on average: mean compound "
        f"{fmt(a['compound_mean'], 2)} vs {fmt(b['compound_mean'], 2)}"
    )
    # the difference of the means as shown, so that they subtract to it (-0.043 and -0.188,
    # shown as -0.04 and -0.19, gave "a difference of 0.14"); the interval is of the exact one
    shown = float(f"{a['compound_mean']:.2f}") - float(f"{b['compound_mean']:.2f}")
    sure = finite(low) and low > 0
    if not all(len(x) for x in scores):  # the sentences of documents not shown are not read
        text += " (no interval: set report.max_documents_inline to 2 to read both texts)"
    elif not finite(low):
        text += " (no interval of the difference: a side has one body sentence, or no spread)"
    else:
        text += (
            f", a difference of {fmt(shown, 2)} ({CONFIDENCE:.0%} interval "
            f"{apart_text(low, 0.0, 2)} to {apart_text(high, 0.0, 2)}"
            + (")" if sure else ", which includes 0: this may be noise)")
        )
        text += alike_note([a["doc_id"], b["doc_id"]], scores, sizes, alike)
    return [{"text": text, "strength": 4 * diff, "caution": not sure, "href": href}]


def alike_note(
    doc_ids: Sequence[str], scores: Sequence[np.ndarray], sizes: Sequence[float], alike: float
) -> str:
    """A sentence saying that the interval allows for neighbouring sentences alike in tone, so
    it counts fewer sentences than a document has (empty when no rounded count shrinks). It
    does not say they "tend to" be alike: an analyst's check read that beside a correlation of
    0.02 (2026-12-06)."""
    shrunk = [
        (d, len(x), round(size))
        for d, x, size in zip(doc_ids, scores, sizes, strict=True)
        if round(size) < len(x)
    ]
    if not shrunk:
        return ""
    counts = [f"{d}'s {n} sentences as {k} unrelated ones" if i == 0 else f"{d}'s {n} as {k}"
              for i, (d, n, k) in enumerate(shrunk)]  # fmt: skip
    return (
        f". Allowing for neighbouring sentences alike in tone (estimated correlation of one "
        f"sentence with the next: {alike:.2f}), the interval counts {' and '.join(counts)}"
    )


def frame_difference(
    frames: pd.DataFrame | None, docs: Sequence[Doc], index: Mapping[str, int], anchors: set[str]
) -> list[Item]:
    """Up to two frames whose share differs most in the pair, clear ones first.

    Each is weighed as the frame items of three or more documents are, from the sentence counts
    of frames.csv and documents.csv: the exact interval of the difference in shares (MOVER with
    Clopper-Pearson limits), Bonferroni-adjusted for picking among the frames compared (the
    intervals of frame_differences.csv hold for one frame chosen in advance, not for the
    largest of many), each text counting as the sentences it is worth when a frame's sentences
    come in runs: ``n / D``, ``D`` its design effect, the largest of the AR(1) inflation of the
    correlation of neighbours (:func:`pipeline.report_stats.frame_sums`, pooled over both texts
    and all frames; a statistician's simulation of paragraphs drawn from one pool: a false
    "clear" 3.7% of the time, 10.6% in the worst pool, without it; 1.2% and 3.0% with it) and the
    window dispersion (frames.csv's ``disp5``) pooled so and the text's own for the frame, each
    counted where the dispersion test shows it (simulation estimates of 2026-12-05: a text with
    its frames in passages of 5 to 10 sentences against a plain one "clear" 17.7% of the time
    with the correlation alone, 12.9% with the windows; docs/report-statistics.md). A frame
    whose counts are missing or out of step is left out; without ``disp5`` (a table of an older
    run) the correlation alone, as before.
    """
    if not has_columns(frames, ("doc_id", "frame", "n_sentences")) or len(docs) != 2:
        return []
    body = {d["doc_id"]: d.get("n_sentences") for d in docs}
    if not all(finite(n) and n > 0 and float(n).is_integer() for n in body.values()):
        return []
    body = {d: int(n) for d, n in body.items()}
    counts = frame_sentence_counts(frames, body)
    n_frames = frames.loc[frames["doc_id"].astype(str).isin(body), "frame"].nunique()
    level = bonferroni(n_frames)
    # a frame's sentences come in runs: each text counts as the independent sentences it is
    # worth, with the correlation of neighbours and the window dispersion pooled over both
    # texts and all frames, and the text's own window dispersion of the frame
    rows = frames[frames["doc_id"].astype(str).isin(body)]
    lag, cells = frame_sums(rows, body), frame_dispersion_cells(rows, body)
    pooled = frame_dispersion_sums(cells)
    alike = alike_of_sums(*lag)
    weighed = []
    for frame, k in counts.items():
        if len(k) != 2:
            continue  # a document's row is missing or out of step
        top, other = sorted(body, key=lambda d: (-k[d] / body[d], d))
        if k[top] * body[other] == k[other] * body[top]:
            continue
        own = [cells.get((d, frame), (0.0, 0)) for d in (top, other)]
        deffs = side_design_effects(lag, pooled, own)
        worth = {d: min(body[d], design_worth(body[d], alike, deff))
                 for d, deff in zip((top, other), deffs, strict=True)}  # fmt: skip
        low, high = proportion_difference_interval(
            k[top], body[top], k[other], body[other], confidence=level,
            effective=(worth[top], worth[other]),
        )  # fmt: skip
        share, share_o = k[top] / body[top], k[other] / body[other]
        weighed.append((low <= 0, share_o - share, frame, top, other, (low, high)))
    weighed.sort(key=lambda w: w[:3])
    labels = frame_labels()
    adjusted = f", adjusted for picking among {n_frames} frames" if n_frames > 1 else ""
    out = []
    for caution, _, frame, top, other, (low, high) in weighed[:MAX_FRAME_ITEMS]:
        (k, n), (k_o, n_o) = (counts[frame][top], body[top]), (counts[frame][other], body[other])
        shown, shown_o, shown_diff, _ = shares_text(k / n, k_o / n_o)
        text = (
            f"{top} leans more on {frame_name(frame, labels)}: {shown}% of its sentences "
            f"({k} of {n}) vs {shown_o}% ({k_o} of {n_o}), a difference of {shown_diff} points "
            f"({CONFIDENCE:.0%} interval{adjusted}: {apart_text(low, 0.0, 0, 100)} to "
            f"{apart_text(high, 0.0, 0, 100)} points"
            f"{', which includes 0: this may be noise' if caution else ''})"
        )
        href = evidence_href(index, anchors, top, f"frame-{anchor_key(frame)}", "#frames")
        out.append({"text": text, "strength": 3 * (k / n - k_o / n_o), "caution": caution,
                    "href": href})  # fmt: skip
    return out


def readability_difference(docs: Sequence[Doc]) -> list[Item]:
    """An item when Flesch reading ease differs by 10 points or more, with the interval of the
    difference (:func:`flesch_difference_interval`); tentative when that interval includes 0 or
    is missing, or when a text has fewer than MIN_READABILITY_WORDS words, whose score rests on
    a line or two (as the extremes of three or more documents leave such texts out)."""
    if not all(finite(d.get("flesch_reading_ease")) for d in docs):
        return []
    a, b = sorted(docs, key=lambda d: (d["flesch_reading_ease"], d["doc_id"]))
    diff = b["flesch_reading_ease"] - a["flesch_reading_ease"]
    if diff < 10:
        return []
    # a text known to be short (a missing word count says nothing)
    short = [d["doc_id"] for d in (a, b) if finite(d.get("n_words")) and not long_enough(d)]
    low, high = flesch_difference_interval(b, a)
    text = (
        f"{a['doc_id']} is harder to read: Flesch reading ease {fmt(a['flesch_reading_ease'])} "
        f"vs {fmt(b['flesch_reading_ease'])} (higher is easier), a difference of {fmt(diff)}"
    )
    if finite(low):
        text += f" ({CONFIDENCE:.0%} interval {fmt(low)} to {fmt(high)}"
        text += ", which includes 0: this may be noise" if low <= 0 else ""
    else:
        missing = next(d for d in (a, b) if not finite(d.get("flesch_ci_low")))
        text += f" (no interval: {missing['doc_id']}: {no_interval_reason(missing, 'flesch')}"
    if short:
        words = f"{MIN_READABILITY_WORDS} words"
        text += f"; {' and '.join(short)} {'has' if len(short) == 1 else 'have'} under {words}"
        text += ", a score that rests on a line or two"
    caution = bool(short) or not finite(low) or low <= 0
    return [{"text": text + ")", "strength": diff / 20, "caution": caution, "href": "#summary"}]


def flesch_difference_interval(a: Doc, b: Doc) -> tuple[float, float]:
    """Welch's interval of Flesch(a) - Flesch(b) from the documents' own intervals
    (``flesch_ci_low``, ``flesch_ci_high``, ``flesch_effective_n``: the sentences' linearised
    contributions, :func:`pipeline.readability.flesch_interval`); NaNs when one is missing."""
    sides = []
    for d in (a, b):
        size = d.get("flesch_effective_n")
        se = standard_error(d.get("flesch_ci_low"), d.get("flesch_ci_high"), size,
                            confidence=FLESCH_CONFIDENCE)  # fmt: skip
        sides.append((se, size))
    if not all(finite(se) for se, _ in sides):
        return math.nan, math.nan
    diff = a["flesch_reading_ease"] - b["flesch_reading_ease"]
    return welch_from_summaries(diff, *sides)
