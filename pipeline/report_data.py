"""The report's data: result tables that exist, the summary table and the sections' rows.

Every function takes DataFrames (or None when a table is missing) and returns plain rows for
the template; a missing table or column leaves its section out with a short note.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.corpus import groups_in_turn, in_turn_note
from pipeline.report_format import (
    Metric,
    finite,
    fmt,
    fmt_int,
    fmt_q,
    has_spread,
    level_text,
    metric_cell,
)

MAX_SIMILARITY_MATRIX = 12  # documents; above this the most similar pairs are listed instead
MAX_FRAME_MATRIX = 8  # documents shown side by side in the frame table
MAX_SIMILAR_PAIRS = 10
MAX_MANIFEST_INPUTS = 200  # input files listed in the footer
Q_LEVEL = 0.05  # keyness q-value below which a term's difference counts as shown


def has_columns(df: pd.DataFrame | None, columns: Sequence[str]) -> bool:
    """True when ``df`` exists and has every one of ``columns``."""
    return df is not None and all(c in df.columns for c in columns)


def by_document(df: pd.DataFrame | None, doc_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Rows of ``df`` per document as dicts in table order, for the given documents only."""
    if df is None or "doc_id" not in df.columns:
        return {}
    out: dict[str, list[dict[str, Any]]] = {}
    # one to_dict for all the documents: a pandas call per document costs milliseconds each
    for r in df[df["doc_id"].isin(set(doc_ids))].to_dict("records"):
        out.setdefault(str(r["doc_id"]), []).append(r)
    return out


# Rates per 1,000 words: (column, what is counted, anchor key of its first marker in the text).
RATE_METRICS: tuple[tuple[str, str, str], ...] = (
    ("hedges_per_1k", "hedges", "hedge"),
    ("boosters_per_1k", "boosters", "booster"),
    ("attitude_per_1k", "attitude markers", "attitude"),
    ("attributions_named_per_1k", "named attributions", "attribution-named"),
    ("attributions_vague_per_1k", "vague attributions", "attribution-vague"),
)
# documents.csv's count of a rate's markers in a quoted speaker's words (in_quotation)
QUOTED_COLUMN = {
    "hedges_per_1k": "n_hedges_quoted",
    "boosters_per_1k": "n_boosters_quoted",
    "attitude_per_1k": "n_attitude_quoted",
    "attributions_named_per_1k": "n_attributions_named_quoted",
    "attributions_vague_per_1k": "n_attributions_vague_quoted",
}
SUMMARY_METRICS: tuple[Metric, ...] = (
    Metric("n_words", "Words", ("n_words",), "word tokens in body sentences"),
    Metric("n_sentences", "Sentences", ("n_sentences",), "body text, headings excluded"),
    Metric("flesch", "Flesch reading ease [95% CI]", ("flesch_reading_ease",), "higher is easier"),
    Metric("grade", "Flesch–Kincaid grade", ("flesch_kincaid_grade",), "US school grade"),
    Metric(
        "sentiment",
        "Mean sentiment [{level} CI]",
        ("compound_mean", "compound_ci_low", "compound_ci_high"),
        "VADER compound, −1 to +1, over body sentences",
    ),
    Metric(
        "tone",
        "Positive / negative sentences",
        ("share_positive", "share_negative"),
        "share of body sentences",
    ),
    *(
        Metric(col, f"{what.capitalize()} per 1,000 words", (col, "n_words"), "rate (count)")
        for col, what, _ in RATE_METRICS
    ),
    Metric(
        "figures",
        "Figures: named / vague / unsourced",
        ("n_figures", "n_figures_named", "n_figures_vague", "n_figures_unsourced"),
        "numeric claims by how they are sourced",
    ),
    Metric("n_questions", "Questions", ("n_questions",), "question sentences in the body"),
)


@dataclass
class Summary:
    """The summary table: metrics present, one row of cells per document, and notes."""

    metrics: list[Metric]
    rows: list[dict[str, Any]]  # id, doc_id, title, anchor, cells
    missing: list[str] = field(default_factory=list)


def summary_table(
    documents: pd.DataFrame, doc_ids: Sequence[str], inlined: set[str],
    groups: Mapping[str, str] | None = None, *, sentiment_confidence: float = 0.95,
    records: Sequence[Mapping[str, Any]] | None = None,
) -> Summary:  # fmt: skip
    """Summary rows of every document (``doc_ids`` order) for the metrics whose columns exist;
    row ``i`` has the id ``summary-{i}``, as its text (when shown) has ``doc-{i}``; with
    ``groups`` each row also has its group label ("–" for none); the sentiment column is labelled
    with ``sentiment_confidence``, the level of documents.csv's intervals. ``records``:
    ``documents.to_dict("records")`` when the caller has it (47 ms at 2,000 documents)."""
    level = level_text(sentiment_confidence)
    labelled = [replace(m, label=m.label.format(level=level)) for m in SUMMARY_METRICS]
    metrics = [m for m in labelled if all(c in documents.columns for c in m.columns)]
    missing = [m.label for m in labelled if m not in metrics]
    if records is None:
        records = documents.to_dict("records")
    by_id = {str(r["doc_id"]): r for r in records}
    rows = []
    for i, doc_id in enumerate(doc_ids):
        rec = by_id.get(doc_id, {})
        rows.append(
            {
                "id": f"summary-{i}",
                "doc_id": doc_id,
                "title": str(rec.get("title", "") or ""),
                "anchor": f"doc-{i}" if doc_id in inlined else "",
                "cells": [metric_cell(m, rec) for m in metrics],
                "group": str((groups or {}).get(doc_id) or "").strip() or "–",
            }
        )
    return Summary(metrics, rows, missing)


def keyness_blocks(
    keyness: pd.DataFrame | None,
    *,
    top_terms: int,
    max_comparisons: int,
    n_comparisons: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Per comparison (sorted, capped) the top terms on each side by log-odds z; also the total
    (``n_comparisons`` when the table was read only as far as the comparisons shown).

    Each term row: term, counts, rates, log ratio, q-value, z and the low-count flag.
    """
    needed = ("comparison", "target", "reference", "term", "count_target", "count_reference")
    if not has_columns(keyness, needed):
        return [], 0
    score = "log_odds_z" if "log_odds_z" in keyness.columns else "log_ratio"
    if score not in keyness.columns:
        return [], 0
    names = sorted(keyness["comparison"].unique().tolist())
    shown = names[:max_comparisons]
    rows = keyness[keyness["comparison"].isin(shown)]
    rows = rows[rows[score].map(finite).astype(bool)]  # an empty map is float, not a mask
    first = rows.drop_duplicates("comparison").set_index("comparison")
    exact = "q_exact" in keyness.columns  # a table of an older run has G2's q-values only
    sides = [
        _side_terms(rows, score, positive=p, top_terms=top_terms, exact=exact)
        for p in (True, False)
    ]
    blocks = []
    for k, name in enumerate(shown):
        has_rows = name in first.index
        blocks.append(
            {
                "anchor": f"keyness-{k}",
                "comparison": str(name),
                "target": str(first.at[name, "target"]) if has_rows else "",
                "reference": str(first.at[name, "reference"]) if has_rows else "",
                "target_terms": sides[0].get(name, []),
                "reference_terms": sides[1].get(name, []),
                "score": score,
                "exact": exact,
            }
        )
    return blocks, len(names) if n_comparisons is None else n_comparisons


def _side_terms(
    rows: pd.DataFrame, score: str, *, positive: bool, top_terms: int, exact: bool
) -> dict[str, list[dict[str, Any]]]:
    """Per comparison the term rows of one side (score > 0 or < 0), by |score| then term."""
    side = rows[rows[score] > 0] if positive else rows[rows[score] < 0]
    # one stable sort of every comparison: each keeps the order a sort of its own rows gives
    side = side.assign(_s=side[score].abs()).sort_values(
        ["comparison", "_s", "term"], ascending=[True, False, True], kind="mergesort"
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for r in side.groupby("comparison", sort=False).head(top_terms).to_dict("records"):
        out.setdefault(r["comparison"], []).append(_term_row(r, score, exact=exact))
    return out


def _term_row(r: Mapping[str, Any], score: str, *, exact: bool) -> dict[str, Any]:
    """A term's row of the page. Its q-value is the exact test's (``q_exact``), valid at any
    count; in a table without it, G2's, whose p-value is rough where ``low_count`` says so."""
    q = r.get("q_exact" if exact else "q_value")
    low = not exact and finite(r.get("low_count")) and bool(r.get("low_count"))
    return {
        "term": str(r["term"]),
        "count_target": fmt_int(r.get("count_target")),
        "count_reference": fmt_int(r.get("count_reference")),
        "docs_target": r.get("docs_target"),
        "docs_reference": r.get("docs_reference"),
        "log_ratio": fmt(r.get("log_ratio"), 2),
        "q_value": fmt_q(q),
        "score": fmt(r.get(score), 2),
        "low_count": low,
        # a tested difference: q below Q_LEVEL (of G2, on counts high enough to trust)
        "clear": finite(q) and q < Q_LEVEL and not low,
    }


def tfidf_terms(tfidf: pd.DataFrame | None, doc_ids: Sequence[str], top_terms: int) -> dict:
    """Each listed document's top TF-IDF terms as "term (count)" strings."""
    if not has_columns(tfidf, ("doc_id", "rank", "term")):
        return {}
    has_count = "count" in tfidf.columns
    ranked = tfidf.sort_values("rank", kind="mergesort")  # stable: rank order in each document
    out: dict[str, list[str]] = {}
    for doc_id, rows in by_document(ranked, doc_ids).items():
        out[doc_id] = [
            f"{r['term']} ({fmt_int(r['count'])})" if has_count else str(r["term"])
            for r in rows[:top_terms]
        ]
        if tied := tied_after(rows, top_terms):
            more = f"at least {tied}" if tied == len(rows) - top_terms else str(tied)
            out[doc_id].append(f"and {more} more terms of the same weight")
    return out


def tied_after(rows: Sequence[Mapping[str, Any]], n: int) -> int:
    """How many rows after the first ``n`` have the same tfidf as row ``n`` (0 without it)."""
    if len(rows) <= n or "tfidf" not in rows[0] or not finite(rows[n - 1]["tfidf"]):
        return 0
    last = rows[n - 1]["tfidf"]
    return next((i for i, r in enumerate(rows[n:]) if r["tfidf"] != last), len(rows) - n)


def similarity_view(similarity: pd.DataFrame | None, doc_ids: Sequence[str]) -> dict[str, Any]:
    """A similarity matrix for up to MAX_SIMILARITY_MATRIX documents, else the closest pairs."""
    if not has_columns(similarity, ("doc_a", "doc_b", "cosine")):
        return {"columns": [], "matrix": [], "pairs": []}
    if 2 <= len(doc_ids) <= MAX_SIMILARITY_MATRIX:
        values = {}
        for r in similarity.to_dict("records"):
            values[(str(r["doc_a"]), str(r["doc_b"]))] = r["cosine"]
            values[(str(r["doc_b"]), str(r["doc_a"]))] = r["cosine"]
        matrix = [
            [d, [("1" if a == d else fmt(values.get((d, a)), 2)) for a in doc_ids]] for d in doc_ids
        ]
        return {"columns": list(doc_ids), "matrix": matrix, "pairs": []}
    top = similarity.sort_values(["cosine", "doc_a", "doc_b"], ascending=[False, True, True])
    pairs = [
        (str(r["doc_a"]), str(r["doc_b"]), fmt(r["cosine"], 2))
        for r in top.head(MAX_SIMILAR_PAIRS).to_dict("records")
    ]
    return {"columns": [], "matrix": [], "pairs": pairs}


def actor_rows(actors: pd.DataFrame | None, doc_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Actor sentiment rows of the listed documents, by actor then document order."""
    needed = ("doc_id", "actor", "n_mentions", "compound_mean")
    if not has_columns(actors, needed):
        return []
    order = {d: i for i, d in enumerate(doc_ids)}
    sub = actors[actors["doc_id"].isin(order) & (actors["n_mentions"].fillna(0) > 0)].copy()
    sub["_o"] = sub["doc_id"].map(order)
    out = []
    for r in sub.sort_values(["actor", "_o"], kind="mergesort").to_dict("records"):
        low, high = r.get("compound_ci_low"), r.get("compound_ci_high")
        ci = f" [{fmt(low, 2)}, {fmt(high, 2)}]" if has_spread(low, high) else ""
        out.append(
            {
                "actor": str(r["actor"]),
                "doc_id": str(r["doc_id"]),
                "n_mentions": fmt_int(r["n_mentions"]),
                "n_sentences": fmt_int(r.get("n_sentences")),
                "compound": f"{fmt(r['compound_mean'], 2)}{ci}",
            }
        )
    return out


def unnamed_actors(actors: pd.DataFrame | None) -> list[str]:
    """The configured actors that no document names, when they are most of them (three
    quarters or more): the actor list was likely written for another corpus."""
    if not has_columns(actors, ("actor", "n_mentions")):
        return []
    totals = actors.groupby("actor", sort=True)["n_mentions"].sum()
    unnamed = totals.index[totals.fillna(0) == 0].astype(str).tolist()
    return unnamed if len(totals) and len(unnamed) >= 0.75 * len(totals) else []


def frame_matrix(
    frames: pd.DataFrame | None,
    doc_ids: Sequence[str],
    labels: Mapping[str, str],
    groups: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Frame shares side by side (frames by largest share first) for up to MAX_FRAME_MATRIX docs:
    the first, or with ``groups`` a document of each group in turn (a journalist's walkthrough:
    the first 8 of 30 documents were one outlet's)."""
    if not has_columns(frames, ("doc_id", "frame", "share")) or not doc_ids:
        return {}
    shown = groups_in_turn(doc_ids, groups, MAX_FRAME_MATRIX)
    sub = frames[frames["doc_id"].isin(shown)]
    if sub.empty:
        return {}
    best = sub.groupby("frame")["share"].max().reset_index()
    best = best.sort_values(["share", "frame"], ascending=[False, True], kind="mergesort")
    cells = {(str(r["doc_id"]), str(r["frame"])): r for r in sub.to_dict("records")}
    rows = []
    absent = sorted(labels.get(f, f.replace("_", " ")) for f in best["frame"][best["share"] <= 0])
    for frame in best["frame"][best["share"] > 0]:
        row = []
        for d in shown:
            r = cells.get((d, frame))
            if r is None or not finite(r["share"]):
                row.append("–")
                continue
            low, high = r.get("share_ci_low"), r.get("share_ci_high")
            ci = f" [{fmt(100 * low, 0)}, {fmt(100 * high, 0)}]" if has_spread(low, high) else ""
            n = f" · {fmt_int(r['n_sentences'])} sent." if finite(r.get("n_sentences")) else ""
            row.append(f"{fmt(100 * r['share'], 0)}%{ci}{n}")
        rows.append({"frame": labels.get(frame, frame.replace("_", " ")), "cells": row})
    truncated = len(doc_ids) > len(shown)
    labels_of = {d: str((groups or {}).get(d) or "").strip() for d in shown}
    columns = [f"{d} ({labels_of[d]})" if labels_of[d] else d for d in shown]
    return {"columns": columns, "rows": rows, "absent": absent, "truncated": truncated,
            "in_turn": in_turn_note(doc_ids, groups, len(shown)) if truncated else ""}  # fmt: skip


def manifest_view(manifest_path: str | Path | None) -> dict[str, Any]:
    """The manifest as rows for the footer; inputs capped at MAX_MANIFEST_INPUTS."""
    path = Path(manifest_path) if manifest_path else None
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {"error": "manifest.json could not be read"}
    if not isinstance(data, dict):
        return {"error": "manifest.json is not an object"}
    inputs = sorted((str(k), str(v)) for k, v in dict(data.get("inputs") or {}).items())
    lexicons = []
    for name, info in sorted(dict(data.get("lexicons") or {}).items()):
        info = info if isinstance(info, dict) else {"sha256": info}
        lexicons.append((str(name), str(info.get("version", "")), str(info.get("sha256", ""))))
    packages = sorted((str(k), str(v)) for k, v in dict(data.get("packages") or {}).items())
    shown = {"inputs", "lexicons", "packages", "config", "metadata"}
    other = {k: v for k, v in sorted(data.items()) if k not in shown}
    return {
        "error": "",
        "inputs": inputs[:MAX_MANIFEST_INPUTS],
        "n_inputs": len(inputs),
        "metadata": sorted((str(k), str(v)) for k, v in dict(data.get("metadata") or {}).items()),
        "lexicons": lexicons,
        "packages": packages,
        "other": json.dumps(other, indent=2, sort_keys=True, ensure_ascii=False),
        "config": json.dumps(data.get("config", {}), indent=2, sort_keys=True, ensure_ascii=False),
    }


def frame_labels() -> dict[str, str]:
    """Readable names of the policy frames (from pipeline.frames when it is available)."""
    try:
        from pipeline.frames import FRAME_LABELS
    except ImportError:  # the frames stage is optional
        return {}
    return dict(FRAME_LABELS)


def document_ids(tables: Mapping[str, pd.DataFrame], docs_dir: Path | None) -> list[str]:
    """Sorted document ids from documents.csv, else sentences.csv, else the text folders."""
    for name in ("documents", "sentences"):
        df = tables.get(name)
        if df is not None and "doc_id" in df.columns:
            return sorted(set(df["doc_id"].astype(str)))
    if docs_dir is not None and docs_dir.is_dir():
        return sorted(p.parent.name for p in docs_dir.glob("*/clean.txt"))
    return []


def read_clean(docs_dir: Path | None, doc_id: str) -> str | None:
    """A document's clean text, or None when it is not there (or the id is not a plain name)."""
    if docs_dir is None or doc_id in ("", ".", "..") or "/" in doc_id or "\\" in doc_id:
        return None
    path = docs_dir / doc_id / "clean.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else None
