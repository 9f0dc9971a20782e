"""The "what differs" items of groups of documents (``comparison.group_column``).

Each rate per 1,000 words is pooled over a group's documents and compared between every pair of
groups with the exact interval of the ratio (as for two documents). Pooled counts treat every
word alike, so one talkative document can make a group look different: an item is clear only
when the per-document rates agree too (Welch's interval of the difference of their means
excludes 0).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np

from pipeline.report_data import RATE_METRICS
from pipeline.report_differences import (
    CONFIDENCE,
    Doc,
    Item,
    rate_difference,
    rates_of,
    welch_interval,
)
from pipeline.report_format import fmt

MAX_GROUP_ITEMS = 5


def group_members(groups: Mapping[str, str], doc_ids: Sequence[str]) -> dict[str, list[str]]:
    """Group label -> its documents among ``doc_ids`` (labels stripped; empty ones left out)."""
    out: dict[str, list[str]] = {}
    for doc_id in doc_ids:
        label = str(groups.get(doc_id, "") or "").strip()
        if label:
            out.setdefault(label, []).append(doc_id)
    return dict(sorted(out.items()))


def pooled(label: str, rates: Sequence[Doc]) -> Doc:
    """A group as one document: its markers and words added up."""
    count, words = sum(r["count"] for r in rates), sum(r["words"] for r in rates)
    n = len(rates)
    return {"doc_id": f"group {label} ({n} document{'s' * (n != 1)})", "count": count,
            "words": words, "rate": 1000 * count / words}  # fmt: skip


def group_differences(docs: Sequence[Doc], groups: Mapping[str, str]) -> list[Item]:
    """Items comparing every pair of groups on each rate, clearest and strongest first."""
    members = group_members(groups, [d["doc_id"] for d in docs])
    if len(members) < 2:
        return []
    items = []
    for column, what, _ in RATE_METRICS:
        rates = rates_of(docs, column)
        if not rates:
            continue
        by_doc = {r["doc_id"]: r for r in rates if r["words"] > 0}
        for a, b in itertools.combinations(members, 2):
            sides = [[by_doc[d] for d in members[g] if d in by_doc] for g in (a, b)]
            if not all(sides):
                continue
            first = pooled(a, sides[0])
            item = rate_difference(what, first, pooled(b, sides[1]), name_other=True)
            if item is None:
                continue
            top, other = sides if item.pop("doc_id") == first["doc_id"] else sides[::-1]
            low, high = welch_interval(
                np.array([r["rate"] for r in top]), np.array([r["rate"] for r in other])
            )
            mean_top, mean_other = (float(np.mean([r["rate"] for r in s])) for s in (top, other))
            clear = low > 0  # False for NaN: one document, or no spread
            item["text"] = item["text"][:1].upper() + item["text"][1:] + (
                f"; the mean of the documents' rates: {fmt(mean_top)} vs {fmt(mean_other)}, "
                + (f"{CONFIDENCE:.0%} interval of the difference {fmt(low)} to {fmt(high)}"
                   if np.isfinite(low) else "too few documents for an interval")
                + ("" if clear else ", so this may rest on a few documents")
            )  # fmt: skip
            item["caution"] = item["caution"] or not clear
            item["href"] = "#summary"
            items.append(item)
    items.sort(key=lambda i: (i["caution"], -i["strength"], i["text"]))
    return items[:MAX_GROUP_ITEMS]
