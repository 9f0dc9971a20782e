"""The "what differs" items of three or more documents: each rate's top document against the
others, the extremes of readability and of mean sentiment, and the frames one document leans
on most; each with its interval adjusted for the pick it makes (the highest of n documents).
The items of two documents are in :mod:`pipeline.report_differences` and
:mod:`pipeline.report_score_differences`, the helpers both use in :mod:`pipeline.report_items`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from pipeline.report_data import RATE_METRICS, frame_labels, has_columns
from pipeline.report_format import finite, fmt
from pipeline.report_intervals import (
    CONFIDENCE,
    bonferroni,
    proportion_difference_interval,
    rate_ratio_interval,
)
from pipeline.report_items import (
    FEW,
    MAX_DIFFERENCES,
    MAX_FRAME_ITEMS,
    MIN_READABILITY_WORDS,
    Doc,
    Item,
    apart_text,
    counts_of,
    digits_apart,
    evidence_href,
    figures_key,
    frame_name,
    long_enough,
    no_interval_reason,
    rates_of,
    ratio_factor,
    ratio_text,
    runs_note,
    shares_text,
)
from pipeline.report_stats import (
    corpus_alike,
    extreme_interval,
    frame_dispersion_cells,
    frame_dispersion_sums,
    frame_sums,
    rate_dispersion_sums,
    rate_sums,
    side_design_effects,
)
from pipeline.report_text import anchor_key
from pipeline.serial_stats import FLESCH_CONFIDENCE, alike_of_sums, design_worth


def top_versus_rest(
    top: Doc, count: float, words: float, n: int, deffs: tuple[float, ...] = (1.0, 1.0)
) -> tuple[str, bool]:
    """The top document's rate against the other documents' pooled ``count`` in ``words``: a
    clause for the item and whether the item is tentative.

    The highest of n rates is high partly by chance, so the interval is Bonferroni-adjusted for
    picking the top of the ``n`` documents (confidence 1 - 0.05 / n), and the item is tentative
    unless it clears 1. ``deffs``: the design effects of the top document's count and the
    others' (:func:`pipeline.report_stats.rate_design_effects`), with which both sides' markers
    count as the fewer independent ones they are worth.
    """
    if words <= 0:
        return "", True
    low, high = rate_ratio_interval(top["count"], top["words"], count, words,
                                    confidence=bonferroni(n), deffs=deffs)  # fmt: skip
    pooled = 1000 * count / words
    ratio = f"{ratio_factor(top['rate'] / pooled)} " if pooled > 0 else ""
    caution = low <= 1.0
    return (
        f"; {ratio}the other documents' pooled rate of {fmt(pooled)} ({CONFIDENCE:.0%} "
        f"interval of the ratio of the rates, adjusted for picking the highest of {n:,}: "
        f"{ratio_text(low)} to "
        f"{ratio_text(high)}{', which includes 1' if caution else ''})"
    ), caution


def top_deffs(docs: Sequence[Doc], column: str) -> Callable[[str], tuple[float, ...]]:
    """A top document's doc_id -> the design effects of its count of a rate (``column``, a key
    of RATE_SERIAL) and of the other documents' together
    (:func:`pipeline.report_stats.rate_design_effects`), for :func:`top_rate_item`. The sums are
    additive: the others' window sums are all the documents' less the top's (one pass over the
    documents, not one a top: 20,000 documents took 0.22 s a rate)."""
    lag = rate_sums(docs, column)
    pooled = rate_dispersion_sums(docs, column)
    by_id = {d["doc_id"]: d for d in docs}

    def deffs(top: str) -> tuple[float, ...]:
        own = rate_dispersion_sums([by_id[top]] if top in by_id else [], column)
        # max: a difference of floats is never below 0 (the chi-squared of one text left)
        others = (max(0.0, pooled[0] - own[0]), pooled[1] - own[1])
        return side_design_effects(lag, pooled, [own, others])

    return deffs


def unsourced_note(rate: Doc) -> str:
    """ ", 11 of them without a source" for a document's figures (empty when not known)."""
    none = rate["doc"].get("n_figures_unsourced")
    return f", {int(none)} of them without a source" if finite(none) else ""


def top_rate_item(
    rates: Sequence[Doc], what: str, unit: str, index: Mapping[str, int], anchors: set[str],
    key_of: Callable[[Doc], str], note_of: Callable[[Doc], str] | None = None,
    deffs_of: Callable[[str], tuple[float, ...]] | None = None,
) -> list[Item]:  # fmt: skip
    """The document with the highest rate per 1,000 words among those with FEW or more
    (markers, figures, questions), against the median and the other documents' pooled rate
    (:func:`top_versus_rest`); ``key_of`` gives its evidence anchor, ``note_of`` a note after
    its count. The text says "among the documents with FEW or more" when a shorter document has
    a higher rate. None with fewer than two documents, none with FEW, a tie for the top, or a top
    rate not above both the median and the others' pooled rate. ``deffs_of``: the top
    document's doc_id -> the design effects of its count and the others' (:func:`top_versus_rest`;
    none without it)."""
    if len(rates) < 2:
        return []
    ranked = sorted(
        (r for r in rates if r["count"] >= FEW), key=lambda r: (-r["rate"], r["doc_id"])
    )
    if not ranked or (len(ranked) > 1 and ranked[1]["rate"] == ranked[0]["rate"]):
        return []
    top, others = ranked[0], [r for r in rates if r is not ranked[0]]
    median = float(pd.Series([r["rate"] for r in rates]).median())
    count, words = sum(r["count"] for r in others), sum(r["words"] for r in others)
    if top["rate"] <= median or (words > 0 and top["rate"] <= 1000 * count / words):
        return []
    among = ""
    if any(r["rate"] >= top["rate"] for r in others):
        among = (
            f" among the {len(ranked):,} documents with {FEW} or more"
            if len(ranked) > 1
            else f", the only document with {FEW} or more"
        )
    times = f", {ratio_factor(top['rate'] / median)} the median" if median > 0 else ""
    following = (
        f"; next: {ranked[1]['doc_id']}, {fmt(ranked[1]['rate'])}" if len(ranked) > 1 else ""
    )
    text = (
        f"{top['doc_id']} has the most {what} per 1,000 words{among}: {fmt(top['rate'])} "
        f"({top['count']} {unit}{note_of(top) if note_of else ''}; median {fmt(median)} across "
        f"{len(rates):,} documents{times}{following})"
    )
    deffs = deffs_of(top["doc_id"]) if deffs_of else (1.0, 1.0)
    text_rest, caution = top_versus_rest(top, count, words, len(rates), deffs)
    if words > 0:
        text_rest += runs_note(what, (top["count"], count), deffs, rest=True)
    strength = math.log2((top["rate"] + 0.5) / (median + 0.5))
    href = evidence_href(index, anchors, top["doc_id"], key_of(top))
    return [{"text": text + text_rest, "strength": strength, "caution": caution, "href": href}]


def unshared_extremes(docs: Sequence[Doc], column: str) -> list[tuple[Doc, bool]]:
    """The documents with the lowest and the highest ``column`` (True for the lowest; ties
    broken by doc_id), each left out when another document has the same value."""
    values = sorted(d[column] for d in docs)
    out = []
    for is_low, pick, tied in (
        (True, min, len(values) > 1 and values[0] == values[1]),
        (False, max, len(values) > 1 and values[-1] == values[-2]),
    ):
        if not tied:
            out.append((pick(docs, key=lambda d: (d[column], d["doc_id"])), is_low))
    return out


def readability_extremes(docs: Sequence[Doc]) -> list[Item]:
    """The hardest and easiest documents to read when their Flesch reading ease is 10 points or
    more from the corpus median; tentative when the document's own interval (``flesch_ci_low``,
    ``flesch_ci_high``), widened for picking the extreme of n, includes the median or is
    missing. Documents under MIN_READABILITY_WORDS words take no part; an extreme two documents
    share is left out."""
    scores = [d for d in docs if finite(d.get("flesch_reading_ease")) and long_enough(d)]
    if len(scores) < 3:
        return []
    median = float(np.median([d["flesch_reading_ease"] for d in scores]))
    pooled = corpus_alike(scores, "flesch")
    items = []
    for d, is_low in unshared_extremes(scores, "flesch_reading_ease"):
        word = "hardest" if is_low else "easiest"
        gap = abs(d["flesch_reading_ease"] - median)
        if gap < 10:
            continue
        low, high, size = extreme_interval(
            d, "flesch", len(scores), pooled, confidence=FLESCH_CONFIDENCE,
            bounds=(-math.inf, math.inf),
        )  # fmt: skip
        text = (
            f"{d['doc_id']} is the {word} to read: Flesch reading ease "
            f"{fmt(d['flesch_reading_ease'])} vs a median of {fmt(median)} across "
            f"{len(scores):,} documents"
            + (f" of {MIN_READABILITY_WORDS} words or more" if len(scores) < len(docs) else "")
            + " (higher is easier; "
        )
        caution = not finite(low) or low <= median <= high
        if finite(low):
            text += (
                f"its {CONFIDENCE:.0%} interval, adjusted for picking the {word} of "
                f"{len(scores):,}: {fmt(low)} to {fmt(high)}"
                + (", which includes the median: this may be noise)" if caution else ")")
            )
        else:
            reason = no_interval_reason({**d, "flesch_effective_n": size}, "flesch")
            text += f"no interval: {reason})"
        items.append({"text": text, "strength": gap / 20, "caution": caution, "href": "#summary"})
    return items


def corpus_frame_differences(
    frames: pd.DataFrame | None, docs: Sequence[Doc], index: Mapping[str, int], anchors: set[str]
) -> list[Item]:
    """Three or more documents: per frame, the document with the highest share of body sentences
    with the frame, among those with FEW or more such sentences, against the other documents
    pooled; up to MAX_FRAME_ITEMS frames, clear ones first, then the largest differences.

    The interval of the difference (:func:`proportion_difference_interval`) is Bonferroni-
    adjusted for picking the highest of n documents in each of the table's frames, each text
    counting as the sentences it is worth when the frame's sentences come in runs (the frame's
    correlation of neighbours pooled over the texts, :func:`frame_sums`; a statistician's
    simulation of five texts of paragraphs drawn from one pool: a false "clear" 12.1% of the
    time, 22.7% in the worst pool, without it; 2.6% and 6.3% with it; and its window dispersion,
    frames.csv's ``disp5``, pooled over the texts, the top one's own and the others' together,
    each counted where the dispersion test shows it: one text with passages of 5 to 10
    sentences among four plain ones 30.6% without, 21.2% with, README); the item is tentative
    when it includes 0. A frame is left out when two documents share the top share or
    the top one is not above both the median and the rest. Documents without body sentences or
    without rows in ``frames`` (frames.csv) take no part.
    """
    if not has_columns(frames, ("doc_id", "frame", "n_sentences")):
        return []
    frames = frames.assign(doc_id=frames["doc_id"].astype(str))
    frames = frames[frames["n_sentences"].map(finite)]
    present = set(frames["doc_id"].tolist())  # a list: a pandas column boxes each value
    body = {d["doc_id"]: int(d["n_sentences"]) for d in docs
            if d["doc_id"] in present and finite(d.get("n_sentences"))
            and d["n_sentences"] > 0}  # fmt: skip
    if len(body) < 3:
        return []
    rows = frames[frames["doc_id"].isin(body)]
    n_frames = rows["frame"].nunique()
    level = bonferroni(len(body) * n_frames)
    labels = frame_labels()
    items = []
    for frame, group in rows.groupby("frame", sort=True):
        counts = {d: 0 for d in body}
        in_frame = zip(group["doc_id"].tolist(), group["n_sentences"].tolist(), strict=True)
        counts.update({d: int(k) for d, k in in_frame})
        if any(counts[d] > body[d] for d in body):
            continue  # frames.csv and documents.csv out of step
        ranked = sorted((d for d in body if counts[d] >= FEW),
                        key=lambda d: (-counts[d] / body[d], d))  # fmt: skip
        if not ranked:
            continue
        top, k, n = ranked[0], counts[ranked[0]], body[ranked[0]]
        if len(ranked) > 1 and counts[ranked[1]] * n == k * body[ranked[1]]:
            continue  # a tie: no one document leans most
        k_rest, n_rest = sum(counts.values()) - k, sum(body.values()) - n
        share, rest = k / n, k_rest / n_rest
        median = float(np.median([counts[d] / body[d] for d in body]))
        if share <= rest or share <= median:
            continue
        # the frame's sentences come in runs: each text counts as the sentences it is worth,
        # with this frame's correlation of neighbours and window dispersion pooled over all the
        # texts, the top one's own window dispersion and the others' together
        lag, cells = frame_sums(group, body), frame_dispersion_cells(group, body)
        pooled = frame_dispersion_sums(cells)
        own = cells.get((top, str(frame)), (0.0, 0))
        # max: a difference of floats is never below 0 (the chi-squared of one text left)
        others = (max(0.0, pooled[0] - own[0]), pooled[1] - own[1])
        alike = alike_of_sums(*lag)
        deff, deff_rest = side_design_effects(lag, pooled, [own, others])
        # the others' worth a document at a time (design_worth over an array), added in order
        others = np.array([body[d] for d in body if d != top], dtype=np.float64)
        rest_worth = np.minimum(others, design_worth(others, alike, deff_rest))
        worth = (min(n, design_worth(n, alike, deff)), sum(rest_worth.tolist()))
        low, high = proportion_difference_interval(k, n, k_rest, n_rest, confidence=level,
                                                   effective=worth)  # fmt: skip
        caution = low <= 0
        shown, shown_rest, shown_diff, digits = shares_text(share, rest)
        following = ""
        if len(ranked) > 1:
            d = ranked[1]
            following = f"; next: {d}, {fmt(100 * counts[d] / body[d], digits)}%"
        among = ""
        if any(counts[d] * n >= k * body[d] for d in body if d != top):
            among = (
                f" among the {len(ranked):,} documents with {FEW} or more such sentences"
                if len(ranked) > 1
                else f", the only document with {FEW} or more such sentences"
            )
        text = (
            f"{top} leans most on {frame_name(frame, labels)}{among}: {shown}% of its sentences "
            f"({k} of {n}; median {fmt(100 * median, digits)}% across {len(body):,} documents"
            f"{following}); the other documents pooled: {shown_rest}% ({k_rest:,} of "
            f"{n_rest:,}), a difference of {shown_diff} points ({CONFIDENCE:.0%} interval, "
            f"adjusted for picking the highest of {len(body):,} documents in {n_frames} "
            f"frame{'s' * (n_frames != 1)}: "
            f"{apart_text(low, 0.0, 0, 100)} to {apart_text(high, 0.0, 0, 100)} points"
            f"{', which includes 0' if caution else ''})"
        )
        href = evidence_href(index, anchors, top, f"frame-{anchor_key(frame)}", "#frames")
        items.append({"text": text, "strength": 3 * (share - rest), "caution": caution,
                      "href": href})  # fmt: skip
    items.sort(key=lambda i: (i["caution"], -i["strength"], i["text"]))
    return items[:MAX_FRAME_ITEMS]


def corpus_differences(
    docs: Sequence[Doc], *, index: Mapping[str, int], anchors: set[str],
    sentiment_confidence: float = CONFIDENCE, frames: pd.DataFrame | None = None,
) -> list[Item]:  # fmt: skip
    """Three or more documents: each rate's top document vs the median, the extremes of mean
    sentiment (``sentiment_confidence``: the level of documents.csv's intervals) and, with
    ``frames`` (frames.csv), the frames one document leans on most; strongest first, tentative
    ones (intervals that do not clear) last."""
    items = []
    for column, what, key in RATE_METRICS:
        rates = rates_of(docs, column, skip_missing=True) or []
        items += top_rate_item(rates, what, "markers", index, anchors, lambda _, k=key: k,
                               deffs_of=top_deffs(docs, column))  # fmt: skip
    items += top_rate_item(counts_of(docs, "n_figures"), "figures", "figures", index, anchors,
                           lambda r: figures_key(r["doc"]), unsourced_note,
                           deffs_of=top_deffs(docs, "n_figures"))  # fmt: skip
    items += top_rate_item(counts_of(docs, "n_questions"), "questions", "questions", index,
                           anchors, lambda _: "question",
                           deffs_of=top_deffs(docs, "n_questions"))  # fmt: skip
    items += readability_extremes(docs)
    if docs and all(finite(d.get("compound_mean")) for d in docs):
        median = float(np.median([d["compound_mean"] for d in docs]))
        pooled = corpus_alike(docs, "compound")
        extremes = []
        for d, is_low in unshared_extremes(docs, "compound_mean"):
            word = "lowest" if is_low else "highest"
            if d["compound_mean"] == median:
                continue  # it is the median itself
            # clear only when the document's interval (neighbours as alike as in the corpus at
            # least), widened for picking the extreme of n, leaves the corpus median out
            low, high, size = extreme_interval(
                d, "compound", len(docs), pooled, confidence=sentiment_confidence,
                bounds=(-1.0, 1.0),
            )  # fmt: skip
            extremes.append(({**d, "compound_effective_n": size}, word, low, high))
        # one number of decimals for both items: as many as keep a mean or an interval end that
        # is not the median from reading as it
        shown = [v for d, _, low, high in extremes
                 for v in (d["compound_mean"], low, high) if finite(v)]  # fmt: skip
        places = digits_apart(shown, median, 2)
        for d, word, low, high in extremes:
            caution = not (finite(low) and finite(high)) or low <= median <= high
            text = (
                f"{d['doc_id']} has the {word} mean sentiment: {fmt(d['compound_mean'], places)}"
                f" vs a median of {fmt(median, places)} across {len(docs):,} documents"
            )
            if finite(low) and finite(high):
                text += (
                    f" (its {CONFIDENCE:.0%} interval, adjusted for picking the {word} of "
                    f"{len(docs):,}: {fmt(low, places)} to {fmt(high, places)}"
                )
                text += ", which includes the median)" if caution else ")"
            else:
                text += f" (no interval: {no_interval_reason(d)})"
            key = "most-negative" if word == "lowest" else "most-positive"
            href = evidence_href(index, anchors, d["doc_id"], key)
            items.append({"text": text, "strength": 2 * abs(d["compound_mean"] - median),
                          "caution": caution, "href": href})  # fmt: skip
    items += corpus_frame_differences(frames, docs, index, anchors)
    items.sort(key=lambda i: (i["caution"], -i["strength"], i["text"]))
    return items[:MAX_DIFFERENCES]
