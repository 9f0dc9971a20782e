"""The "what differs" items of groups of documents (``comparison.group_column``).

Each rate per 1,000 words (the five marker rates, figures and questions) is pooled over a
group's documents and compared between every pair of groups with the exact interval of the
ratio (as for two documents). Pooled counts treat every word alike, so one talkative document
can make a group look different: an item is clear only when the per-document rates agree too
(Welch's interval of the difference of their means excludes 0). Mean sentiment and Flesch
reading ease are one score per document, compared through Welch's interval of the difference
of the groups' means, the documents being the sample. Every pair of groups is compared on every
measure, so every interval is Bonferroni-adjusted for the number of those comparisons. Each
frame's share of body sentences is compared the same way (the mean of the documents' shares),
adjusted for the frames times the pairs of groups.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

import numpy as np
import pandas as pd

from pipeline.corpus import group_members
from pipeline.report_data import RATE_METRICS, has_columns
from pipeline.report_differences import rate_difference
from pipeline.report_format import finite, fmt
from pipeline.report_intervals import CONFIDENCE, bonferroni, welch_interval
from pipeline.report_items import (
    MIN_READABILITY_WORDS,
    Doc,
    Item,
    counts_of,
    frame_name,
    frame_sentence_counts,
    long_enough,
    rates_of,
)
from pipeline.report_stats import rate_dispersion_sums, rate_sums, side_design_effects

T = TypeVar("T")
MAX_GROUP_ITEMS = 5  # tentative items are listed while there are fewer items than this
MAX_CLEAR_GROUP_ITEMS = 12  # every clear item up to this many; the page says how many more
SMALL_GROUP = 3  # below this many documents a side, Welch's interval is mostly its t quantile
GROUP_RATES_ID = "group-rates"  # the anchor of the group rates table, the evidence of the items
GROUP_FRAMES_ID = "group-frames"  # the anchor of the frames-by-group table
FRAME_POINTS_LEAST = 5.0  # a difference of mean frame shares below 5 points is not listed


COUNT_METRICS = (("n_figures", "figures"), ("n_questions", "questions"))


class MeanMeasure(NamedTuple):
    """A score of each document compared between groups through the mean of the documents'."""

    column: str
    what: str  # "mean sentiment"
    score: str  # "mean compound scores"
    higher: str  # "read as more positive"
    digits: int
    least: float  # a difference of the means below this is not listed
    scale: float  # the item's strength is the difference over this
    unit: str = ""  # after a mean ("%")
    points: str = ""  # after a difference or an interval's ends (" points")


MEAN_MEASURES = (
    MeanMeasure("compound_mean", "Mean sentiment", "mean compound scores",
                "read as more positive", 2, 0.05, 0.25),
    MeanMeasure("flesch_reading_ease", "Flesch reading ease", "Flesch reading ease scores",
                "read more easily", 1, 5.0, 20.0),
)  # fmt: skip


# documents.csv's column of each rate of group_rates, in its order
GROUP_RATE_COLUMNS = (*(column for column, _, _ in RATE_METRICS),
                      *(column for column, _ in COUNT_METRICS))  # fmt: skip


def group_rates(docs: Sequence[Doc]) -> list[tuple[str, dict[str, Doc]]]:
    """(what, {doc_id: doc_id, rate, count, words}) of every rate the groups are compared on:
    the marker rates, then figures and questions per 1,000 words (GROUP_RATE_COLUMNS)."""
    out = [(what, {r["doc_id"]: r for r in rates_of(docs, column, skip_missing=True) or []})
           for column, what, _ in RATE_METRICS]  # fmt: skip
    out += [(what, {r["doc_id"]: r for r in counts_of(docs, column)})
            for column, what in COUNT_METRICS]  # fmt: skip
    return out


def mean_scores(docs: Sequence[Doc], measure: MeanMeasure) -> dict[str, float]:
    """Each document's score of ``measure``; Flesch only for texts of MIN_READABILITY_WORDS
    words or more (a shorter text's score rests on a line or two)."""
    out = {}
    for d in docs:
        value = d.get(measure.column)
        if not (isinstance(value, int | float) and math.isfinite(value)):
            continue
        if measure.column == "flesch_reading_ease" and not long_enough(d):
            continue
        out[d["doc_id"]] = float(value)
    return out


def without_short_texts(
    sides: Mapping[str, Sequence[T]], words: Callable[[T], Any]
) -> tuple[dict[str, list[T]], str]:
    """``sides`` (group -> its documents, each with ``words(document)`` words) without the texts
    under MIN_READABILITY_WORDS words when each side keeps two, and the words that say so (" of
    100 words or more"); else ``sides`` as they are and "". A caption's one hedge in 12 words
    is a rate of 83 that says nothing of its group, and had made a clear difference tentative;
    a 26-word speech with a cue in two of its four sentences weighs as much as a long one in
    the mean of the shares, and had hidden a group's clear lean on a frame."""
    kept = {g: [d for d in side if finite(n := words(d)) and n >= MIN_READABILITY_WORDS]
            for g, side in sides.items()}  # fmt: skip
    if all(len(side) >= 2 for side in kept.values()) and kept != sides:
        return kept, f" of {MIN_READABILITY_WORDS} words or more"
    return {g: list(side) for g, side in sides.items()}, ""


def group_mean_item(
    measure: MeanMeasure, sides: Mapping[str, Sequence[float]], tests: int, *, of: str = ""
) -> Item | None:
    """Two groups' documents compared on one score (``sides``: label -> the documents' scores):
    Welch's interval of the difference of the means, Bonferroni-adjusted for ``tests``; None
    when the means are closer than ``measure.least``. ``of`` qualifies the documents (" of 100
    words or more")."""
    (a, xa), (b, xb) = sorted(sides.items(), key=lambda kv: (-float(np.mean(kv[1])), kv[0]))
    xa, xb = np.asarray(xa, dtype=float), np.asarray(xb, dtype=float)
    diff = float(xa.mean() - xb.mean())
    if diff < measure.least:
        return None
    d, unit, points = measure.digits, measure.unit, measure.points
    text = (
        f"Group {a}'s documents {measure.higher} than group {b}'s: the mean of their "
        f"{measure.score} {fmt(xa.mean(), d)}{unit} vs {fmt(xb.mean(), d)}{unit} ({xa.size} and "
        f"{xb.size} documents{of})"
    )
    low, high = welch_interval(xa, xb, confidence=bonferroni(tests))
    clear = math.isfinite(low) and low > 0
    if not math.isfinite(low):
        why = "a group of one document" if min(xa.size, xb.size) < 2 else "no spread"
        text += f" (no interval: {why})"
    elif not clear and min(xa.size, xb.size) < SMALL_GROUP:
        text += f" (with {xa.size} and {xb.size} documents their scores cannot tell)"
    else:
        adjusted = f", adjusted for {tests} comparisons," if tests > 1 else ""
        # the difference of the means as shown, so that they subtract to it (74.6 and 32.2,
        # shown as 75 and 32, gave "a difference of 42"); the interval is of the exact one
        shown = round(float(xa.mean()), d) - round(float(xb.mean()), d)
        text += (
            f", a difference of {fmt(shown, d)}{points} ({CONFIDENCE:.0%} interval{adjusted} "
            f"{fmt(low, d)} to {fmt(high, d)}{points}"
            + (")" if clear else ", which includes 0: this may be noise)")
        )
    return {"text": text, "strength": diff / measure.scale, "caution": not clear,
            "href": f"#{GROUP_RATES_ID}", "measure": measure.what}  # fmt: skip


def group_heading(label: str, n: int) -> str:
    """A group's column heading: its label and how many documents it has ("a (3 docs)")."""
    return f"{label} ({n} doc{'s' * (n != 1)})"


def pooled(label: str, rates: Sequence[Doc]) -> Doc:
    """A group as one document: its markers and words added up."""
    count, words = sum(r["count"] for r in rates), sum(r["words"] for r in rates)
    n = len(rates)
    return {"doc_id": f"group {label} ({n} document{'s' * (n != 1)})", "count": count,
            "words": words, "rate": 1000 * count / words,
            "quoted": sum(r.get("quoted", 0) for r in rates)}  # fmt: skip


def per_document_clause(top: Sequence[Doc], other: Sequence[Doc], tests: int) -> tuple[str, bool]:
    """The documents' own rates compared (Welch, Bonferroni-adjusted): a clause and whether it
    shows the difference. Two small groups whose interval includes 0 get no numbers: with a
    degree of freedom or two, its width is mostly the t quantile (thousands per 1,000 words).
    Texts under MIN_READABILITY_WORDS words take no part when each side keeps two: a caption's
    one hedge in 12 words is a rate of 83 that says nothing of its group, and had made a clear
    difference tentative (:func:`without_short_texts`; each side keeps two texts, or Welch has
    no interval for it)."""
    kept, of = without_short_texts({"top": top, "other": other}, lambda r: r["words"])
    a, b = (np.array([r["rate"] for r in kept[side]]) for side in ("top", "other"))
    low, high = welch_interval(a, b, confidence=bonferroni(tests))
    text = f"; the mean of the documents' rates{of}: {fmt(a.mean())} vs {fmt(b.mean())}"
    if not math.isfinite(low):
        why = (
            "a group of one document"
            if min(a.size, b.size) < 2
            else "the documents' rates do not vary within each group"
        )
        return text + f" (no interval: {why})", False
    clear = low > 0
    if not clear and min(a.size, b.size) < SMALL_GROUP:
        return text + f" (with {a.size} and {b.size} documents their own rates cannot tell)", False
    adjusted = ", adjusted likewise," if tests > 1 else ""
    text += f", {CONFIDENCE:.0%} interval of the difference{adjusted} {fmt(low)} to {fmt(high)}"
    return text + ("" if clear else ", which includes 0: it may rest on a few documents"), clear


def group_differences(docs: Sequence[Doc], groups: Mapping[str, str]) -> list[Item]:
    """The group items listed in "What differs" (:func:`listed_group_items`)."""
    return listed_group_items(all_group_items(docs, groups))


def listed_group_items(items: Sequence[Item]) -> list[Item]:
    """Of the group items (clear first), every clear one up to MAX_CLEAR_GROUP_ITEMS, and
    tentative ones while fewer than MAX_GROUP_ITEMS are listed. The clear ones come a measure
    at a time: the strongest of each measure, then the second of each, and so on, since the
    strengths of rates (log ratios), scores and shares are not on one scale. A journalist's
    walkthrough: five of 17 clear differences of three outlets were listed, the largest tone
    gap and the largest framing gap not."""
    rank: dict[str, int] = {}
    ranked = []
    for item in (i for i in items if not i["caution"]):  # strongest first within a measure
        measure = item.get("measure", "")
        rank[measure] = rank.get(measure, -1) + 1
        ranked.append((rank[measure], -item["strength"], item["text"], item))
    clear = [r[-1] for r in sorted(ranked, key=lambda r: r[:3])][:MAX_CLEAR_GROUP_ITEMS]
    tentative = [i for i in items if i["caution"]][: max(0, MAX_GROUP_ITEMS - len(clear))]
    return clear + tentative


def clear_left_out(items: Sequence[Item]) -> int:
    """How many clear group items :func:`listed_group_items` leaves out."""
    return max(0, sum(not i["caution"] for i in items) - MAX_CLEAR_GROUP_ITEMS)


def tentative_left_out(items: Sequence[Item], listed: Sequence[Item] | None = None) -> list[str]:
    """The measures of the tentative group items :func:`listed_group_items` leaves out (its
    result ``listed`` when the caller has it), each once, strongest first ("mean sentiment",
    "the economic frame share"): an analyst's planted economic lean and a tone gap were in no
    item and the page said nothing of them."""
    shown = {id(i) for i in (listed_group_items(items) if listed is None else listed)}
    out: list[str] = []
    for item in items:
        what = item.get("measure", "")
        if not what.startswith("Flesch"):  # a name keeps its capital: "Mean sentiment" does not
            what = what[:1].lower() + what[1:]
        if item["caution"] and id(item) not in shown and what and what not in out:
            out.append(what)
    return out


def frame_share_items(
    frames: pd.DataFrame | None,
    docs: Sequence[Doc],
    members: Mapping[str, Sequence[str]],
    labels: Mapping[str, str],
) -> list[Item]:
    """Every pair of groups on each frame: the mean of the documents' shares of body sentences
    with the frame, Welch's interval of the difference Bonferroni-adjusted for the frames with
    a cue times the pairs of groups (a family of their own, as the document frame items are).
    Documents, not sentences, are the sample: a text's sentences share its frames."""
    if not has_columns(frames, ("doc_id", "frame", "n_sentences")):
        return []
    body = {d["doc_id"]: d.get("n_sentences") for d in docs}
    body = {d: int(n) for d, n in body.items() if finite(n) and n > 0}
    words = {d["doc_id"]: d.get("n_words") for d in docs}
    counts = frame_sentence_counts(frames, body)
    cued = sorted(f for f, by_doc in counts.items() if any(by_doc.values()))
    pairs = list(itertools.combinations(members, 2))
    tests = len(cued) * len(pairs)
    items = []
    for frame in cued:
        name = frame_name(frame, labels)
        measure = MeanMeasure(
            frame, f"{name} share", f"shares of sentences with {name}", f"lean more on {name}",
            0, FRAME_POINTS_LEAST, 25.0, "%", " points",
        )  # fmt: skip
        shares = {d: 100 * k / body[d] for d, k in counts[frame].items()}
        for a, b in pairs:
            ids, of = without_short_texts(
                {g: [d for d in members[g] if d in shares] for g in (a, b)}, words.get
            )
            sides = {g: [shares[d] for d in ids[g]] for g in (a, b)}
            if all(sides.values()) and (item := group_mean_item(measure, sides, tests, of=of)):
                top, other = sorted(sides, key=lambda g: (-float(np.mean(sides[g])), g))
                pooled_share = {
                    g: 100 * sum(counts[frame].get(d, 0) for d in ids[g])
                    / sum(body[d] for d in ids[g])
                    for g in (top, other)
                }  # fmt: skip
                item["text"] += (
                    f"; pooled over their sentences, {fmt(pooled_share[top], 0)}% vs "
                    f"{fmt(pooled_share[other], 0)}%"
                )
                if pooled_share[top] <= pooled_share[other]:
                    # the frames table shows the pooled shares: it would say the opposite
                    item["text"] += (
                        ", the other way round: short documents weigh as much as long ones in "
                        "the mean of the documents' shares"
                    )
                    item["caution"] = True
                item["href"] = f"#{GROUP_FRAMES_ID}"
                items.append(item)
    return items


def all_group_items(
    docs: Sequence[Doc],
    groups: Mapping[str, str],
    frames: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None,
) -> list[Item]:
    """Items comparing every pair of groups on each rate (and, given frames.csv, on each
    frame's share), clearest and strongest first; none when there are fewer than two groups or
    every group is one document (the document items say it all)."""
    members = group_members(groups, [d["doc_id"] for d in docs])
    if len(members) < 2 or all(len(m) == 1 for m in members.values()):
        return []
    rates = group_rates(docs)
    tests = (len(rates) + len(MEAN_MEASURES)) * math.comb(len(members), 2)
    items = []
    words = {d["doc_id"]: d.get("n_words") for d in docs}
    for measure in MEAN_MEASURES:
        scores = mean_scores(docs, measure)
        scored = {d["doc_id"] for d in docs if finite(d.get(measure.column))}
        for a, b in itertools.combinations(members, 2):
            ids, of = without_short_texts(
                {g: [d for d in members[g] if d in scores] for g in (a, b)}, words.get
            )
            if any(d in scored and d not in scores for g in (a, b) for d in members[g]):
                of = f" of {MIN_READABILITY_WORDS} words or more"  # Flesch: mean_scores drops
            sides = {g: [scores[d] for d in ids[g]] for g in (a, b)}
            if all(sides.values()) and (item := group_mean_item(measure, sides, tests, of=of)):
                items.append(item)
    by_id = {d["doc_id"]: d for d in docs}
    for column, (what, by_doc) in zip(GROUP_RATE_COLUMNS, rates, strict=True):
        # markers come in runs: neighbouring sentences' counts and windows pooled over both
        # groups (each group's sums once, added for a pair: 66 pairs of 12 groups had tripled
        # the time), each group's windows its own too
        of = {g: [by_id[d] for d in members[g] if d in by_doc] for g in members}
        sums = {g: rate_sums(of[g], column) for g in members}
        spread = {g: rate_dispersion_sums(of[g], column) for g in members}
        for a, b in itertools.combinations(members, 2):
            sides = [[by_doc[d] for d in members[g] if d in by_doc] for g in (a, b)]
            if not all(sides):
                continue
            first = pooled(a, sides[0])
            # the pair's sums (not all groups'): each group's own added
            lag = tuple(map(operator.add, sums[a], sums[b]))
            both = tuple(map(operator.add, spread[a], spread[b]))
            deffs = side_design_effects(lag, both, [spread[a], spread[b]])
            item = rate_difference(what, first, pooled(b, sides[1]), name_other=True,
                                   tests=tests, deffs=deffs)  # fmt: skip
            if item is None:
                continue
            top, other = sides if item.pop("doc_id") == first["doc_id"] else sides[::-1]
            item["text"] = item["text"][:1].upper() + item["text"][1:]
            if item.pop("ratio"):  # the "too few" variant claims nothing
                clause, clear = per_document_clause(top, other, tests)
                item["text"] += clause
                item["caution"] = item["caution"] or not clear
            item["text"] += item.pop("note")
            item["href"] = f"#{GROUP_RATES_ID}"
            item["measure"] = what
            items.append(item)
    items += frame_share_items(frames, docs, members, labels or {})
    items.sort(key=lambda i: (i["caution"], -i["strength"], i["text"]))
    return items
