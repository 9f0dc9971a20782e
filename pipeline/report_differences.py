"""The "what differs" list of the report: differences between documents, built from the tables.
This module has the items of two documents and the helpers the items of three or more
(:mod:`pipeline.report_corpus_differences`) share with them.

Each item is a sentence, a strength used to order the list, a caution flag (small counts, or an
interval that does not rule out "no difference") and a link to its evidence. Counts below
``FEW`` are stated as counts, never as ratios.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from pipeline.report_data import (
    QUOTED_COLUMN,
    RATE_METRICS,
    frame_labels,
    has_columns,
)
from pipeline.report_format import finite, fmt, rate_count
from pipeline.report_intervals import (
    CONFIDENCE,
    bonferroni,
    count_worth,
    proportion_difference_interval,
    rate_ratio_interval,
    standard_error,
    welch_from_summaries,
    welch_interval,
)
from pipeline.report_stats import (
    frame_dispersion_cells,
    frame_dispersion_sums,
    frame_sums,
    rate_design_effects,
    side_design_effects,
)
from pipeline.report_text import anchor_key, truthy
from pipeline.serial_stats import (
    FLESCH_CONFIDENCE,
    MIN_EFFECTIVE_SIZE,
    MIN_INTERVAL_SENTENCES,
    alike_correlation,
    alike_of_sums,
    design_worth,
    effective_size,
)

MAX_DIFFERENCES = 10
MAX_FRAME_ITEMS = 2  # frames named in the list (the Frames table shows them all)
MIN_RATIO = 1.25  # rate ratios below this count as "similar" and are not listed
FEW = 5  # fewer markers than this on both sides together: state the counts, claim nothing
Item = dict[str, Any]
Doc = dict[str, Any]


def evidence_href(index: Mapping[str, int], anchors: set[str], doc_id: str, key: str,
                  fallback: str | None = None) -> str:  # fmt: skip
    """``#doc-{i}-{key}`` when that anchor exists in the page, else ``fallback``, by default the
    document's row of the summary table (``#summary-{i}``)."""
    i = index.get(doc_id)
    if i is not None and f"doc-{i}-{key}" in anchors:
        return f"#doc-{i}-{key}"
    if fallback is not None:
        return fallback
    return "#summary" if i is None else f"#summary-{i}"


def rate_difference(
    what: str, a: Doc, b: Doc, *, name_other: bool = False, tests: int = 1,
    deffs: tuple[float, ...] = (1.0, 1.0),
) -> Item | None:  # fmt: skip
    """One item for a rate per 1,000 words (``a``/``b``: doc_id, rate, count, words), or None.

    Tiny counts are stated as counts ("1 vs 0 ..."), never as a ratio. Otherwise the item
    gives the ratio's exact 95% interval and is tentative when that interval holds 1.
    ``name_other``: say "than <b>" (where more than two could be meant). ``tests``: the number
    of such comparisons made, for a Bonferroni-adjusted interval. ``deffs``: the design effects
    of ``a``'s count and ``b``'s (:func:`pipeline.report_stats.rate_design_effects`), with
    which the interval counts the markers as the fewer independent ones they are worth, and the
    item's ``note`` (:func:`runs_note`, for the end of its text) says so. The item's ``doc_id``
    is the document with the higher rate, ``ratio`` False for the "too few" variant.
    """
    if b["rate"] > a["rate"]:
        a, b, deffs = b, a, deffs[::-1]
    if a["count"] == 0 or (b["rate"] > 0 and a["rate"] / b["rate"] < MIN_RATIO):
        return None  # no difference worth a line, however few the markers
    counts = f"{a['count']} vs {b['count']}"
    if a.get("quoted"):  # a quoted speaker's words are not the writer's (in_quotation)
        counts += f", {a['quoted']} of the {a['count']} in quotations"
    rates = f"{fmt(a['rate'])} vs {fmt(b['rate'])} per 1,000 words"
    if a["count"] + b["count"] < FEW:
        text = (
            f"{what.capitalize()}: {a['count']} in {a['doc_id']} vs {b['count']} in {b['doc_id']} "
            f"({rates}), too few to call a difference"
        )
        return {"text": text, "strength": 0.0, "caution": True, "doc_id": a["doc_id"],
                "ratio": False, "note": ""}  # fmt: skip
    low, high = rate_ratio_interval(a["count"], a["words"], b["count"], b["words"],
                                    confidence=bonferroni(tests), deffs=deffs)  # fmt: skip
    unclear = low <= 1.0
    adjusted = f", adjusted for {tests} comparisons," if tests > 1 else ""
    interval = (
        f"{CONFIDENCE:.0%} interval of the ratio{adjusted} {ratio_text(low)} to {ratio_text(high)}"
    )
    if unclear:
        interval += ", which includes 1: not a clear difference"
    if b["count"] == 0:
        text = f"{a['doc_id']} uses {what} and {b['doc_id']} none: {counts} ({rates}; {interval})"
        strength = math.log2((a["count"] + 0.5) / 0.5)
    else:
        ratio = a["rate"] / b["rate"]
        text = (
            f"{a['doc_id']} uses {ratio_factor(ratio)} more {what} per 1,000 words "
            + (f"than {b['doc_id']} " if name_other else "")
            + f"({rates}; {counts}; {interval})"
        )
        strength = math.log2(ratio)
    return {"text": text, "strength": strength, "caution": unclear, "doc_id": a["doc_id"],
            "ratio": True, "note": runs_note(what, (a["count"], b["count"]), deffs)}  # fmt: skip


# a design effect below this, that of a correlation of neighbours of 0.1 (11/9 = 1.22), is
# applied but not said: mostly noise. It may be a window dispersion that the test shows: with
# many pooled degrees of freedom the test passes 1.1-1.22 (700: from 1.13)
RUNS_NOTED = (1 + 0.1) / (1 - 0.1)


def runs_note(
    what: str, counts: Sequence[int], deffs: Sequence[float], *, rest: bool = False
) -> str:
    """A sentence saying that ``what`` come in runs or several to a sentence, so that the
    interval counts the ``counts`` as fewer independent ones (their design effects ``deffs``);
    empty below a design effect of RUNS_NOTED or when no count rounds to fewer (as
    :func:`alike_note` says of sentences). ``rest``: the second count is the other documents'
    together (an item of three or more)."""
    worth = [count_worth(k, d) for k, d in zip(counts, deffs, strict=True)]
    if max(deffs) < RUNS_NOTED or all(round(w) >= k for w, k in zip(worth, counts, strict=True)):
        return ""
    shown = ["0" if w == 0 else f"{w:.1f}" if w < 9.95 else f"{w:,.0f}" for w in worth]
    counted = (f"its {counts[0]:,} and the other documents' {counts[1]:,}" if rest
               else f"the {counts[0]:,} and {counts[1]:,}")  # fmt: skip
    times = [f"{d:.1f}" for d in deffs]
    factors = times[0] if times[0] == times[1] else " and ".join(times)
    return (
        f". {what.capitalize()} come in runs or several to a sentence (estimated: the variance "
        f"of a count {factors} times that of independent ones), so the interval of the ratio "
        f"counts {counted} as the {' and '.join(shown)} independent ones they are worth"
    )


MAX_RATIO_SHOWN = 10_000  # a ratio bound above this reads "over 10,000"


def ratio_factor(ratio: float) -> str:
    """A ratio as a factor: "3.8×", "21.0×", "190×" (no tenth of a hundredfold)."""
    return f"{ratio:,.0f}×" if ratio >= 100 else f"{ratio:.1f}×"


def ratio_text(value: float) -> str:
    """A ratio bound for a sentence: 0.45, 3.2, 170, 9,896, "over 10,000" or "infinity"; a bound
    near 1 that is not 1 keeps the digits that tell it from 1 (1.02, 0.996), since 1 is where "no
    difference" is. A bound of hundreds of thousands (75 markers vs 1) tells no more than "over
    10,000" and read as a precise figure."""
    if math.isinf(value):
        return "infinity"
    if value > MAX_RATIO_SHOWN:
        return f"over {MAX_RATIO_SHOWN:,}"
    if value >= 10:
        return f"{value:,.0f}"
    for digits in range(2, 7):
        text = f"{value:.{digits}g}"
        if value == 1 or float(text) != 1:
            return text
    return repr(value)


def rates_of(docs: Sequence[Doc], column: str, *, skip_missing: bool = False) -> list[Doc] | None:
    """doc_id, rate and count of one rate column per document; None if any is missing, or
    with ``skip_missing`` the documents that have it (a document without words has none)."""
    out = []
    for d in docs:
        count = rate_count(d.get(column), d.get("n_words"))
        if count is None and skip_missing:
            continue
        if count is None:
            return None
        row = {"doc_id": d["doc_id"], "rate": float(d[column]), "count": count,
               "words": float(d["n_words"])}  # fmt: skip
        quoted = d.get(QUOTED_COLUMN.get(column, ""))
        if finite(quoted) and 0 < quoted <= count:
            row["quoted"] = int(quoted)
        out.append(row)
    return out


def count_difference(
    docs: Sequence[Doc], column: str, index: Mapping[str, int], anchors: set[str]
) -> list[Item]:
    """Figures cited (``n_figures``) or questions asked (``n_questions``) by two documents,
    weighed as the marker rates are (:func:`rate_difference`: per 1,000 words, with the ratio's
    exact interval), so that more figures in a longer text are no difference by themselves;
    the figures item says how many of the top document's figures have no source."""
    rates = counts_of(docs, column)
    if len(rates) < 2:
        return []
    what = "figures" if column == "n_figures" else "questions"
    item = rate_difference(what, *rates, deffs=pair_deffs(docs, rates, column))
    if item is None:
        return []
    on_top = item.pop("doc_id")
    top = next(r for r in rates if r["doc_id"] == on_top)
    item.pop("ratio")
    none = top["doc"].get("n_figures_unsourced")
    if column == "n_figures" and finite(none):
        item["text"] += "; " + unsourced_sentence(top["doc_id"], int(none), top["count"])
    item["text"] += item.pop("note")
    key = figures_key(top["doc"]) if column == "n_figures" else "question"
    item["href"] = evidence_href(index, anchors, top["doc_id"], key)
    return [item]


def pair_deffs(docs: Sequence[Doc], rates: Sequence[Doc], column: str) -> tuple[float, ...]:
    """The design effects of two documents' counts of a rate (``rates``: doc_id, rate, count,
    words; ``column``, a key of RATE_SERIAL), from ``docs``' summaries
    (:func:`pipeline.report_stats.rate_design_effects`)."""
    by_id = {d["doc_id"]: d for d in docs}
    return rate_design_effects(docs, column, [[by_id[r["doc_id"]]] for r in rates])


def unsourced_sentence(doc_id: str, none: int, count: int) -> str:
    """How many of a document's ``count`` figures have no source, as a clause."""
    if count == 1:
        return f"{doc_id}'s one figure has {'no' if none else 'a'} source"
    if none == 0:
        return f"each of {doc_id}'s {count} figures has a source"
    return f"{none} of {doc_id}'s {count} {'has' if none == 1 else 'have'} no source"


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
    """A sentence saying that neighbouring sentences share a tone, so that the interval counts
    fewer sentences than a document has (empty when no rounded count shrinks)."""
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
        f". Neighbouring sentences tend to share a tone (estimated correlation of one sentence "
        f"with the next: {alike:.2f}), so the interval counts {' and '.join(counts)}"
    )


def frame_sentence_counts(
    frames: pd.DataFrame, body: Mapping[str, int]
) -> dict[str, dict[str, int]]:
    """frame -> doc_id -> body sentences with the frame (frames.csv's n_sentences) for the
    documents of ``body`` (doc_id -> body sentences); a count that is not a whole number
    within 0 and the document's sentences is left out (a row out of step)."""
    rows = frames[frames["doc_id"].astype(str).isin(body)]
    counts: dict[str, dict[str, int]] = {}
    for doc_id, frame, k in zip(rows["doc_id"].astype(str), rows["frame"].astype(str),
                                rows["n_sentences"], strict=True):  # fmt: skip
        if finite(k) and float(k).is_integer() and 0 <= k <= body[doc_id]:
            counts.setdefault(frame, {})[doc_id] = int(k)
    return counts


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
    with the correlation alone, 12.9% with the windows; README). A frame whose counts are
    missing or out of step is left out; without ``disp5`` (a table of an older run) the
    correlation alone, as before.
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


def long_enough(doc: Doc) -> bool:
    """Whether a text has the MIN_READABILITY_WORDS words a Flesch score needs."""
    return finite(doc.get("n_words")) and doc["n_words"] >= MIN_READABILITY_WORDS


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


def pair_differences(
    docs: Sequence[Doc], tables: Mapping[str, pd.DataFrame], *, index: Mapping[str, int],
    anchors: set[str], sentiment_href: str,
) -> list[Item]:  # fmt: skip
    """The "what differs" items of two documents: strongest first, tentative ones last."""
    items: list[Item] = []
    for column, what, key in RATE_METRICS:
        rates = rates_of(docs, column)
        item = (rate_difference(what, *rates, deffs=pair_deffs(docs, rates, column))
                if rates else None)  # fmt: skip
        if item:
            item.pop("ratio")
            item["text"] += item.pop("note")
            item["href"] = evidence_href(index, anchors, item.pop("doc_id"), key)
            items.append(item)
    items += count_difference(docs, "n_figures", index, anchors)
    items += count_difference(docs, "n_questions", index, anchors)
    items += sentiment_difference(docs, sentiment_href, tables.get("sentences"))
    items += frame_difference(tables.get("frames"), docs, index, anchors)
    items += readability_difference(docs)
    items.sort(key=lambda i: (i["caution"], -i["strength"], i["text"]))
    return items[:MAX_DIFFERENCES]


def counts_of(docs: Sequence[Doc], column: str) -> list[Doc]:
    """doc_id, rate per 1,000 words, count and words of a count column (``n_figures``,
    ``n_questions``) for the documents that have it and some words."""
    out = []
    for d in docs:
        count, words = d.get(column), d.get("n_words")
        if finite(count) and finite(words) and words > 0:
            out.append({"doc_id": d["doc_id"], "rate": 1000.0 * count / words,
                        "count": int(count), "words": float(words), "doc": d})  # fmt: skip
    return out


def figures_key(doc: Doc) -> str:
    """The evidence anchor of a document's figures: the first sourcing its body figures have
    (unsourced, vague, then named)."""
    counts = [(k, doc.get(f"n_figures_{c}")) for k, c in
              (("figure-none", "unsourced"), ("figure-vague", "vague"),
               ("figure-named", "named"))]  # fmt: skip
    return next((k for k, n in counts if finite(n) and n), "figure-none")


MIN_READABILITY_WORDS = 100  # a shorter text's Flesch score rests on a line or two


def digits_apart(values: Sequence[float], reference: float, digits: int, scale: float = 1.0) -> int:
    """The fewest decimals, from ``digits`` up to 6, at which every value that is not
    ``reference`` reads differently from it (times ``scale``): an interval's end that is not
    the reference never reads as it."""
    for d in range(digits, 6):
        if all(v == reference or fmt(v * scale, d) != fmt(reference * scale, d) for v in values):
            return d
    return 6


def apart_text(value: float, reference: float, digits: int, scale: float = 1.0) -> str:
    """``value * scale`` with the decimals of :func:`digits_apart`."""
    return fmt(value * scale, digits_apart([value], reference, digits, scale))


def frame_name(frame: str, labels: Mapping[str, str]) -> str:
    """A frame as a sentence names it: "the economic frame", "the frame coded “Other”"."""
    label = labels.get(frame, str(frame).replace("_", " "))
    if label.lower() == "other":
        return f"the frame coded “{label}”"
    return f"the {label.lower()} frame"


def shares_text(share: float, rest: float) -> tuple[str, str, str, int]:
    """Two shares and their difference in points, and the decimals used: whole numbers unless
    the rounded shares would not subtract to the rounded difference (then one decimal) or a
    share or difference that is not 0 would read as 0 (then up to two)."""
    values = (share, rest, share - rest)
    for digits in (0, 1, 2):
        a, b, d = (round(100 * v, digits) for v in values)
        subtracts = digits > 0 or abs(a - b - d) < 0.5
        if subtracts and not any(v and round(100 * v, digits) == 0 for v in values):
            break
    shown = (fmt(100 * share, digits), fmt(100 * rest, digits), fmt(100 * (share - rest), digits))
    return (*shown, digits)


def no_interval_reason(doc: Doc, column: str = "compound_mean") -> str:
    """Why a document's ``column`` (mean sentiment, Flesch reading ease) has no interval: fewer
    body sentences than MIN_INTERVAL_SENTENCES, or sentences that do not vary
    (:func:`pipeline.serial_stats.serial_mean_interval`)."""
    n = doc.get("flesch_n_sentences") if column == "flesch" else None
    n = n if finite(n) else doc.get("n_sentences")
    if finite(n) and n < MIN_INTERVAL_SENTENCES:
        if n == 1:
            return "it has one body sentence"
        return (
            f"it has {n:,.0f} body sentences, fewer than the {MIN_INTERVAL_SENTENCES} an "
            "interval needs"
        )
    size = doc.get("flesch_effective_n" if column == "flesch" else "compound_effective_n")
    if finite(size) and size < MIN_EFFECTIVE_SIZE:
        return (
            # rounded down: 2.97 is no "3.0 ..., fewer than 3"
            f"its body sentences run so alike that they count as {fmt(math.floor(10 * size) / 10)} "
            "independent ones, "
            f"fewer than {MIN_EFFECTIVE_SIZE:g}"
        )
    if column == "compound_mean" and finite(n) and finite(doc.get(column)):
        return f"its {n:,.0f} body sentences all score {fmt(doc[column], 2)}"
    if finite(n):
        return f"its {n:,.0f} body sentences do not vary"
    return "documents.csv gives none"
