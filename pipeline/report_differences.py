"""The "what differs" list of the report: differences between documents, built from the tables.
This module has the items of two documents that compare rates and counts (markers per 1,000
words, figures cited, questions asked) and :func:`pair_differences`, the list of two documents;
their items of sentiment, frames and readability are in
:mod:`pipeline.report_score_differences`, and the helpers the items of three or more
(:mod:`pipeline.report_corpus_differences`) share with them in :mod:`pipeline.report_items`.

Each item is a sentence, a strength used to order the list, a caution flag (small counts, or an
interval that does not rule out "no difference") and a link to its evidence. Counts below
``FEW`` are stated as counts, never as ratios.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from pipeline.report_data import RATE_METRICS
from pipeline.report_format import finite, fmt
from pipeline.report_intervals import CONFIDENCE, bonferroni, rate_ratio_interval
from pipeline.report_items import (
    FEW,
    MAX_DIFFERENCES,
    Doc,
    Item,
    counts_of,
    evidence_href,
    figures_key,
    rates_of,
    ratio_factor,
    ratio_text,
    runs_note,
)
from pipeline.report_score_differences import (
    frame_difference,
    readability_difference,
    sentiment_difference,
)
from pipeline.report_stats import rate_design_effects

MIN_RATIO = 1.25  # rate ratios below this count as "similar" and are not listed


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
    item's ``note`` (:func:`pipeline.report_items.runs_note`, for the end of its text) says so.
    The item's ``doc_id`` is the document with the higher rate, ``ratio`` False for the "too
    few" variant.
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
        # the quoted share too: "3 vs 0" of which two are a quoted speaker's (2026-12-06)
        quoted = f" ({a['quoted']} of them in quotations)" if a.get("quoted") else ""
        text = (
            f"{what.capitalize()}: {a['count']} in {a['doc_id']}{quoted} vs {b['count']} in "
            f"{b['doc_id']} ({rates}), too few to call a difference"
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


def count_difference(
    docs: Sequence[Doc], column: str, index: Mapping[str, int], anchors: set[str]
) -> list[Item]:
    """Figures cited (``n_figures``) or questions asked (``n_questions``) by two documents,
    weighed as the marker rates are (:func:`rate_difference`: per 1,000 words, with the ratio's
    exact interval), so that more figures in a longer text are no difference by themselves;
    the figures item says how each document's figures are sourced."""
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
    if column == "n_figures":
        # how each text sources its figures: more unsourced figures in one may go with more
        # vague ones in the other, which the count alone hides (2026-12-06, an analyst's reading)
        clauses = [sourcing_sentence(r["doc_id"], r["doc"], r["count"])
                   for r in sorted(rates, key=lambda r: r["doc_id"] != on_top)]  # fmt: skip
        item["text"] += "".join(f"; {c}" for c in clauses if c)
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


def sourcing_sentence(doc_id: str, doc: Doc, count: int) -> str:
    """How a document's ``count`` figures are sourced (its ``n_figures_named``, ``_vague`` and
    ``_unsourced``), as a clause; "" when it has none or the counts are missing."""
    parts = [doc.get(f"n_figures_{c}") for c in ("named", "vague", "unsourced")]
    if count == 0 or not all(finite(p) for p in parts):
        return ""
    named, vague, none = (int(p) for p in parts)
    if count == 1:
        which = "named" if named else "vague" if vague else "without a source"
        return f"{doc_id}'s one figure is {which}"
    return f"{doc_id}'s {count} figures: {named} named, {vague} vague, {none} without a source"


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
