"""The group tables of the report (``comparison.group_column``): each group's pooled rates and
mean scores (the numbers the group items of :mod:`pipeline.report_groups` compare), and its
frame shares, each with the range of its documents' own values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from pipeline.corpus import group_members
from pipeline.report_data import MAX_FRAME_MATRIX, has_columns
from pipeline.report_format import fmt, fmt_int, fmt_percent, percent_digits
from pipeline.report_groups import (
    GROUP_RATES_ID,
    MEAN_MEASURES,
    group_heading,
    group_rates,
    mean_scores,
    pooled,
    without_short_texts,
)
from pipeline.report_items import Doc


def group_rate_table(docs: Sequence[Doc], groups: Mapping[str, str]) -> dict[str, Any]:
    """Each group's pooled rates per 1,000 words with the counts and words behind them (the
    numbers the group items compare) and the range of its documents' own rates; empty without
    two groups."""
    members = group_members(groups, [d["doc_id"] for d in docs])
    if len(members) < 2:
        return {}
    shown = sorted(members)[:MAX_FRAME_MATRIX]
    rows = []
    for what, by_doc in group_rates(docs):
        cells = []
        for g in shown:
            side = [by_doc[d] for d in members[g] if d in by_doc]
            if not side:
                cells.append("–")
                continue
            total = pooled(g, side)
            cell = (f"{fmt(total['rate'])} ({fmt_int(total['count'])} in "
                    f"{fmt_int(total['words'])} words)")  # fmt: skip
            if len(side) > 1:
                rates = [r["rate"] for r in side]
                cell += f" · documents {fmt(min(rates))}–{fmt(max(rates))}"
            cells.append(cell)
        rows.append({"what": what, "cells": cells})
    words = {d["doc_id"]: d.get("n_words") for d in docs}
    for measure in MEAN_MEASURES:
        scores = mean_scores(docs, measure)
        cells = []
        for g in shown:
            # as the group items: texts under 100 words out when the group keeps two
            kept, _ = without_short_texts({g: [d for d in members[g] if d in scores]}, words.get)
            values = [scores[d] for d in kept[g]]
            cell = f"{fmt(float(np.mean(values)), measure.digits)}" if values else "–"
            if len(values) > 1:
                # "−0.28 to −0.08": "−0.28–−0.08" read as a subtraction
                low, high = (fmt(v, measure.digits) for v in (min(values), max(values)))
                cell += f" · documents {low} to {high}" if min(values) < 0 else (
                    f" · documents {low}–{high}")  # fmt: skip
            cells.append(cell)
        rows.append({"what": f"{measure.what} (mean of the documents')", "cells": cells})
    columns = [group_heading(g, len(members[g])) for g in shown]
    return {"id": GROUP_RATES_ID, "columns": columns, "rows": rows,
            "truncated": len(members) > len(shown)}  # fmt: skip


def group_frame_matrix(
    frames: pd.DataFrame | None,
    documents: pd.DataFrame | None,
    groups: Mapping[str, str],
    labels: Mapping[str, str],
) -> dict[str, Any]:
    """Frame shares per group, side by side (frames by largest share first): each group's body
    sentences with the frame over its body sentences, and the range of its documents' shares,
    which says whether one document carries the pooled share. Only documents with body
    sentences and frame rows count (a document whose frames stage failed has none). Same shape
    as ``frame_matrix``; empty without two such groups or without any cue."""
    if not has_columns(frames, ("doc_id", "frame", "n_sentences")) or not has_columns(
        documents, ("doc_id", "n_sentences")
    ):
        return {}
    with_frame = frames.assign(doc_id=frames["doc_id"].astype(str)).pivot_table(
        index="frame", columns="doc_id", values="n_sentences", aggfunc="sum", fill_value=0
    )
    body = documents.assign(doc_id=documents["doc_id"].astype(str)).set_index("doc_id")
    counted = body.index[(body["n_sentences"] > 0) & body.index.isin(with_frame.columns)]
    members = group_members(groups, counted.tolist())
    if len(members) < 2:
        return {}
    shown = sorted(members)[:MAX_FRAME_MATRIX]
    pooled, spans = {}, {}
    for g in shown:
        k = with_frame[members[g]]
        n = body.loc[members[g], "n_sentences"].to_numpy(dtype=float)
        pooled[g] = (k.sum(axis=1), n.sum())
        shares = k.to_numpy(dtype=float) / n
        spans[g] = (shares.min(axis=1), shares.max(axis=1))
    best = pd.DataFrame({g: pooled[g][0] / pooled[g][1] for g in shown}).max(axis=1)
    rows = []
    for frame in sorted(best.index[best > 0], key=lambda f: (-best[f], f)):
        i = with_frame.index.get_loc(frame)
        cells = []
        for g in shown:
            k, n = int(pooled[g][0][frame]), int(pooled[g][1])
            low, high = spans[g][0][i], spans[g][1][i]
            # one decimal where whole percents would hide the spread, for the pooled share too
            spread = len(members[g]) > 1 and low != high
            digits = 1 if spread and fmt(100 * low, 0) == fmt(100 * high, 0) else 0
            digits = percent_digits((k / n, low, high), digits)  # 1 of 353 is no 0%
            cell = f"{fmt_percent(k / n, digits)}% · {fmt_int(k)} of {fmt_int(n)} sent."
            if len(members[g]) == 1:
                cell += " · one document"
            elif not spread:
                cell += f" · every document {fmt_percent(low, digits)}%"
            else:
                cell += f" · documents {fmt_percent(low, digits)}–{fmt_percent(high, digits)}%"
            cells.append(cell)
        rows.append({"frame": labels.get(frame, frame.replace("_", " ")), "cells": cells})
    if not rows:
        return {}
    columns = [group_heading(g, len(members[g])) for g in shown]
    return {"columns": columns, "rows": rows, "truncated": len(members) > len(shown)}
