"""The comparison report: one self-contained HTML page built from the result tables.

``build_report`` reads whatever tables, texts, plots and manifest exist, works out the summary
and the "what differs" items, renders ``templates/report.html.j2`` with Jinja2 (autoescape on)
and writes the page atomically. A section whose table or columns are missing is left out with a
short note, so partial workflows still get a report.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.accuracy import ACCURACY_PATH, accuracy_view, read_accuracy
from pipeline.compare_plots import MAX_HEATMAP_DOCUMENTS
from pipeline.corpus import group_members
from pipeline.keyness import REST
from pipeline.report_corpus_differences import corpus_differences
from pipeline.report_data import (
    Q_LEVEL,
    actor_rows,
    by_document,
    document_ids,
    frame_labels,
    frame_matrix,
    has_columns,
    keyness_blocks,
    manifest_view,
    read_clean,
    similarity_view,
    summary_table,
    tfidf_terms,
    unnamed_actors,
)
from pipeline.report_differences import pair_differences
from pipeline.report_format import level_text
from pipeline.report_group_tables import group_frame_matrix, group_rate_table
from pipeline.report_groups import (
    all_group_items,
    clear_left_out,
    listed_group_items,
    tentative_left_out,
)
from pipeline.report_intervals import interval_levels
from pipeline.report_plots import keyness_figures, plot_sections
from pipeline.report_tables import read_report_tables
from pipeline.report_text import (
    document_marks,
    document_sentences,
    text_runs,
    truthy,
)
from pipeline.tables import atomic_write_text

TEMPLATE = "report.html.j2"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
SUMMARY_SIDE_BY_SIDE = 4  # up to this many documents the summary has one column per document
Item = dict[str, Any]
Doc = dict[str, Any]


def with_groups(items: list[dict[str, Any]], groups: Mapping[str, str]) -> list[dict[str, Any]]:
    """Document items that name their document's group after it ("state_08 (group state) has
    the highest mean sentiment", "a1's (group a) sentences"): beside the group items, a document
    compared with the whole corpus is read against its group. Not when every group is one
    document, which the group is then."""
    labels = {d: str(g).strip() for d, g in groups.items() if str(g or "").strip()}
    if len(set(labels.values())) == len(labels):
        return items
    for item in items:
        head = item["text"].split(" ", 1)[0]
        doc = head.removesuffix("'s")
        if doc in labels:
            item["text"] = f"{head} (group {labels[doc]}){item['text'][len(head) :]}"
    return items


def compares_against_rest(
    run_config: Mapping[str, Any], n_docs: int, keyness: pd.DataFrame | None
) -> bool:
    """Whether keyness.csv compares each document with the rest of the corpus: the run's
    comparison mode, resolved as :func:`pipeline.keyness.comparisons_for` does (a document
    may be named "rest"); without the run's config, every row's reference being "rest"."""
    section = run_config.get("comparison")
    if isinstance(section, Mapping):
        mode = section.get("comparisons", "auto")
        if mode == "auto":
            grouped = section.get("group_column") is not None
            mode = "groups" if grouped else ("pairs" if n_docs <= 2 else "one_vs_rest")
        return mode == "one_vs_rest"
    return keyness is not None and len(keyness) > 0 and bool(keyness["reference"].eq(REST).all())


def spread_counts(term: dict[str, Any], n_sides: Sequence[int]) -> None:
    """A term's counts with the documents they come from, on a side that pools two documents
    or more ("14 in 1 of 20 docs"): pooled counts can rest on one document, a sentence
    repeated in syndicated copies."""
    for side, n in zip(("target", "reference"), n_sides, strict=True):
        docs = term.get(f"docs_{side}")
        if n >= 2 and isinstance(docs, int | float) and math.isfinite(docs):
            term[f"count_{side}"] += f" in {int(docs):,} of {n:,} docs"


# --- the page ----------------------------------------------------------------------------------


def document_views(
    tables: Mapping[str, pd.DataFrame], doc_ids: Sequence[str], docs_dir: Path | None,
    *, top_terms: int, max_chars: int | None = None,
) -> tuple[list[dict[str, Any]], set[str]]:  # fmt: skip
    """The highlighted text of each listed document, and every anchor id placed in them; a
    text longer than ``max_chars`` is left out (its view says how long it is)."""
    parts = {name: by_document(tables.get(name), doc_ids)
             for name in ("sentences", "stance_markers", "figures", "frame_cues")}  # fmt: skip
    terms = tfidf_terms(tables.get("tfidf_top_terms"), doc_ids, top_terms)
    titles = {}
    if has_columns(tables.get("documents"), ("doc_id", "title")):
        titles = dict(zip(tables["documents"]["doc_id"], tables["documents"]["title"]))
    labels = frame_labels()
    views, anchors = [], set()
    for i, doc_id in enumerate(doc_ids):
        clean = read_clean(docs_dir, doc_id)
        view = {"index": i, "doc_id": doc_id, "title": str(titles.get(doc_id, "")),
                "terms": terms.get(doc_id, []), "runs": [], "dropped": 0, "counts": {},
                "in_headings": {}, "too_long": 0}  # fmt: skip
        if clean is not None and max_chars is not None and len(clean) > max_chars:
            view["too_long"] = len(clean)  # the page would be ~12 bytes per character
        elif clean is not None:
            sentences, bad_s = document_sentences(clean, parts["sentences"].get(doc_id),
                                                  frame_labels=labels)  # fmt: skip
            marks, bad_m = document_marks(
                clean, markers=parts["stance_markers"].get(doc_id),
                figures=parts["figures"].get(doc_id), cues=parts["frame_cues"].get(doc_id),
                frame_labels=labels,
            )  # fmt: skip
            view["runs"], placed = text_runs(clean, sentences, marks, anchor_prefix=f"doc-{i}")
            view["dropped"] = bad_s + bad_m
            headings = {r.get("sent_id") for r in parts["sentences"].get(doc_id, ())
                        if truthy(r.get("is_heading"))}  # fmt: skip
            for name in ("stance_markers", "figures", "frame_cues"):
                rows = parts[name].get(doc_id, ())
                view["counts"][name] = len(rows)
                view["in_headings"][name] = sum(r.get("sent_id") in headings for r in rows)
            anchors |= placed
        view["missing_text"] = clean is None
        views.append(view)
    return views, anchors


def report_context(
    tables: Mapping[str, pd.DataFrame], *, docs_dir: str | Path | None,
    plots_dir: str | Path | None, manifest_path: str | Path | None,
    max_documents_inline: int = 50, top_terms: int = 15, n_comparisons: int | None = None,
    max_inline_chars: int | None = None, groups: Mapping[str, str] | None = None,
    accuracy_path: str | Path = ACCURACY_PATH,
) -> dict[str, Any]:  # fmt: skip
    """Everything the template shows, as plain values (no HTML except sanitised SVG);
    ``n_comparisons`` when the keyness table was read only as far as the comparisons shown;
    ``groups`` (doc_id -> label of ``comparison.group_column``) adds the groups' differences;
    ``accuracy_path``: the detectors' measured accuracy (pipeline/measured_accuracy.tsv)."""
    docs_dir = Path(docs_dir) if docs_dir else None
    doc_ids = document_ids(tables, docs_dir)
    inline = doc_ids[:max_documents_inline]
    index = {d: i for i, d in enumerate(doc_ids)}
    views, anchors = document_views(tables, inline, docs_dir, top_terms=top_terms,
                                    max_chars=max_inline_chars)  # fmt: skip
    # outside 2..MAX_HEATMAP_DOCUMENTS the similarity "plot" is a placeholder saying so
    drawn = 2 <= len(doc_ids) <= MAX_HEATMAP_DOCUMENTS
    manifest = manifest_view(manifest_path)
    run_config = (json.loads(manifest["config"]) if manifest.get("config") else None) or {}
    levels = interval_levels(run_config)
    shown = {stage: level_text(level) for stage, level in levels.items()}
    plots, plot_notes = plot_sections(
        plots_dir, leave_out=() if drawn else ("similarity",), sentiment_level=shown["sentiment"]
    )
    documents = tables.get("documents")
    records = [] if documents is None else documents.to_dict("records")
    for r in records:
        r["doc_id"] = str(r["doc_id"])
    sentiment_href = f"#{plots['sentiment'][0]['id']}" if plots["sentiment"] else "#documents"
    if len(records) == 2:
        differences = pair_differences(records, tables, index=index, anchors=anchors,
                                       sentiment_href=sentiment_href)  # fmt: skip
    elif len(records) > 2:
        differences = corpus_differences(records, index=index, anchors=anchors,
                                         sentiment_confidence=levels["sentiment"],
                                         frames=tables.get("frames"))  # fmt: skip
    else:
        differences = []
    group_more = 0
    group_tentative: list[str] = []
    if groups:
        group_items = all_group_items(records, groups, tables.get("frames"), frame_labels())
        group_more = clear_left_out(group_items)
        listed = listed_group_items(group_items)
        group_tentative = tentative_left_out(group_items, listed)
        differences = listed + with_groups(differences, groups)
    keyness, n_comparisons = keyness_blocks(
        tables.get("keyness"), top_terms=top_terms, max_comparisons=max(1, max_documents_inline),
        n_comparisons=n_comparisons,
    )  # fmt: skip
    placed, keyness_rest, similarity_plots = keyness_figures(keyness, plots["keyness"])
    keyness = [{**block, "plots": p} for block, p in zip(keyness, placed, strict=True)]
    members = group_members(groups, doc_ids) if groups else {}
    against_rest = compares_against_rest(run_config, len(doc_ids), tables.get("keyness"))
    for block in keyness:  # group comparisons: how many documents each side pools
        sides = [members.get(block[side], []) for side in ("target", "reference")]
        block["sizes"] = f"{len(sides[0])} vs {len(sides[1])} documents" if all(sides) else ""
        n_sides = (
            [len(sides[0]), len(sides[1])] if all(sides)
            else [1, len(doc_ids) - 1] if against_rest else [1, 1]
        )  # fmt: skip
        for term in block["target_terms"] + block["reference_terms"]:
            spread_counts(term, n_sides)
    summary = (
        summary_table(documents, doc_ids, set(inline), groups,
                      sentiment_confidence=levels["sentiment"], records=records)
        if documents is not None else None
    )  # fmt: skip
    return {
        # the levels of the intervals in documents.csv and frames.csv, as the run's config set them
        "levels": shown,
        "doc_ids": doc_ids,
        "n_documents": len(doc_ids),
        "n_inline": len(inline),
        "max_inline_chars": max_inline_chars,
        "tables": sorted(tables),
        "summary": summary,
        "grouped": bool(groups),
        "group_rates": group_rate_table(records, groups) if groups else {},
        "side_by_side": 0 < len(doc_ids) <= SUMMARY_SIDE_BY_SIDE,
        "differences": differences,
        "group_more": group_more,
        "group_tentative": group_tentative,
        "keyness": keyness,
        "q_level": Q_LEVEL,
        "n_comparisons": n_comparisons,
        "keyness_plots": keyness_rest,
        "similarity": similarity_view(tables.get("similarity"), doc_ids),
        "similarity_plots": similarity_plots,
        "actors": actor_rows(tables.get("actor_sentiment"), inline),
        "unnamed_actors": unnamed_actors(tables.get("actor_sentiment")),
        "actors_truncated": len(inline) < len(doc_ids),
        # with groups, chosen among every document (frames.csv is read whole), so none is left out
        "frames": frame_matrix(tables.get("frames"), doc_ids if groups else inline, frame_labels(),
                               groups),
        "frame_groups": group_frame_matrix(tables.get("frames"), documents, groups,
                                           frame_labels()) if groups else {},
        "plots": plots,
        "plot_notes": plot_notes,
        "documents": views,
        "problems": [] if "problems" not in tables else tables["problems"].head(50)
        .astype(str).to_dict("records"),
        "n_problems": len(tables["problems"]) if "problems" in tables else 0,
        "manifest": manifest,
        "headings_counted": bool((run_config.get("terms") or {}).get("include_headings")),
        "accuracy": accuracy_view(
            read_accuracy(accuracy_path), manifest.get("lexicons") or [], run_config
        ),
    }  # fmt: skip


def render_report(context: Mapping[str, Any]) -> str:
    """The page from the packaged template, Jinja2 with autoescape on."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template(TEMPLATE).render(**context)


def build_report(
    *, tables_dir: str | Path, docs_dir: str | Path, plots_dir: str | Path | None,
    manifest_path: str | Path | None, out_path: str | Path, max_documents_inline: int = 50,
    top_terms: int = 15, max_inline_chars: int = 200_000, groups: Mapping[str, str] | None = None,
    accuracy_path: str | Path = ACCURACY_PATH,
) -> dict[str, int]:  # fmt: skip
    """Write the self-contained HTML report; return its size and what it holds (``groups``:
    doc_id -> label of ``comparison.group_column``, for the groups' differences)."""
    for name, value, low in (("max_documents_inline", max_documents_inline, 0),
                             ("top_terms", top_terms, 1),
                             ("max_inline_chars", max_inline_chars, 0)):  # fmt: skip
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise ValueError(f"{name} must be an int >= {low}, got {value!r}")
    tables, n_comparisons = read_report_tables(
        tables_dir, max_documents_inline=max_documents_inline,
        max_comparisons=max(1, max_documents_inline),
    )  # fmt: skip
    context = report_context(
        tables, docs_dir=docs_dir, plots_dir=plots_dir, manifest_path=manifest_path,
        max_documents_inline=max_documents_inline, top_terms=top_terms,
        n_comparisons=n_comparisons, max_inline_chars=max_inline_chars, groups=groups,
        accuracy_path=accuracy_path,
    )  # fmt: skip
    page = render_report(context)
    atomic_write_text(out_path, page)
    return {
        "bytes": len(page.encode("utf-8")),
        "documents": context["n_documents"],
        "documents_inline": context["n_inline"],
        "plots": sum(len(v) for v in context["plots"].values()),
        "differences": len(context["differences"]),
    }
