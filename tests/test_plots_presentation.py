"""Presentation of the sentiment and stance plots: label placement, ticks, colours, titles."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_hex

from pipeline.sentiment_plots import plot_actor_sentiment, plot_sentiment_arc
from pipeline.stance_plots import (
    document_sourcing_counts,
    plot_figure_sourcing,
)

ACTORS = [f"actor {i:02d}" for i in range(15)]


def actor_frame(n_docs: int, *, seed: int = 7) -> pd.DataFrame:
    """Every actor in every document: wide intervals, some at the axis ends, some single points."""
    rng = np.random.default_rng(seed)
    rows = []
    for d in range(n_docs):
        for i, actor in enumerate(ACTORS):
            n = int(rng.integers(1, 13))
            mean = float(rng.uniform(-0.9, 0.9))
            half = 0.0 if n == 1 else float(rng.uniform(0.05, 0.9))
            low, high = max(-1.0, mean - half), min(1.0, mean + half)
            if (d + i) % 17 == 0:  # no room beside either end
                mean, low, high, n = 0.0, -0.97, 0.98, 11
            rows.append(
                {
                    "doc_id": f"doc_{d:04d}",
                    "actor": actor,
                    "n_mentions": 100 - i + (n_docs - d),  # ranks: by index, no ties
                    "n_sentences": n,
                    "compound_mean": mean,
                    "compound_ci_low": low,
                    "compound_ci_high": high,
                }
            )
    return pd.DataFrame(rows)


def _row_shapes(ax: Any) -> tuple[np.ndarray, np.ndarray]:
    """Data y (N,) and display boxes (N, 4: x0, y0, x1, y1) of every interval line, cap and
    marker of the actor chart."""
    px = ax.figure.dpi / 72
    rows, boxes = [], []
    for coll in ax.collections:
        if isinstance(coll, LineCollection):
            half = coll.get_linewidth()[0] * px / 2
            for seg in coll.get_segments():
                (x0, y0), (x1, _) = ax.transData.transform(seg)
                rows.append(seg[0][1])
                boxes.append((min(x0, x1) - half, y0 - half, max(x0, x1) + half, y0 + half))
    for line in ax.lines:
        if line.get_marker() in ("|", "o"):
            half = line.get_markersize() * px / 2
            for (cx, cy), y in zip(ax.transData.transform(line.get_xydata()), line.get_ydata()):
                rows.append(y)
                boxes.append((cx - half, cy - half, cx + half, cy + half))
    return np.asarray(rows, dtype=float), np.asarray(boxes, dtype=float)


@pytest.mark.parametrize("n_docs", [8, 20])
def test_actor_n_labels_touch_no_other_row(tmp_path, drawn, n_docs):
    plot_actor_sentiment(actor_frame(n_docs), tmp_path / "a.png", max_documents=n_docs)
    (fig,) = drawn
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_text().startswith("n=")]
    assert len(labels) == 15 * n_docs
    rows, shapes = _row_shapes(ax)
    frame = ax.get_window_extent(renderer)
    for label in labels:
        box = label.get_window_extent(renderer)
        row = label.xy[1]
        hits = (
            ~np.isclose(rows, row)
            & (shapes[:, 0] < box.x1)
            & (box.x0 < shapes[:, 2])
            & (shapes[:, 1] < box.y1)
            & (box.y0 < shapes[:, 3])
        )
        assert not hits.any(), f"{label.get_text()} at y={row:.3f} touches another row"
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, f"{label.get_text()} leaves the axes"


def test_actor_chart_is_deterministic(tmp_path):
    frame = actor_frame(8)
    for name in ("a", "b"):
        plot_actor_sentiment(frame, tmp_path / f"{name}.png", tmp_path / f"{name}.svg")
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


@pytest.mark.parametrize(
    ("n_docs", "limits", "note"),
    [
        (8, {}, ""),
        (12, {}, "\n(the 8 of 12 documents with most actor mentions)"),
        (3, {"max_actors": 5}, "\n(the 5 of 15 actors with most mentions)"),
        (
            12,
            {"max_documents": 4, "max_actors": 5},
            "\n(the 4 of 12 documents with most actor mentions; "
            "the 5 of 15 actors with most mentions)",
        ),
    ],
)
def test_actor_chart_title_says_which_are_shown(tmp_path, drawn, n_docs, limits, note):
    actors, docs = plot_actor_sentiment(actor_frame(n_docs), tmp_path / "a.png", **limits)
    assert drawn[0].axes[0].get_title() == "Actor sentiment by document" + note
    assert docs == [f"doc_{d:04d}" for d in range(len(docs))]  # most mentions first
    assert actors == ACTORS[: len(actors)]


def test_actors_without_mentions_are_not_reported_as_left_out(tmp_path, drawn):
    frame = actor_frame(3)
    frame.loc[frame["actor"] == ACTORS[-1], "n_sentences"] = 0
    actors, _ = plot_actor_sentiment(frame, tmp_path / "a.png")
    assert actors == ACTORS[:-1]
    assert drawn[0].axes[0].get_title() == "Actor sentiment by document"


def arc_frame(lengths: dict[str, int]) -> pd.DataFrame:
    """Sentences alternating positive, negative and neutral; the first one a heading."""
    rows = [
        {
            "doc_id": doc_id,
            "sent_id": k,
            "is_heading": int(k == 0),
            "compound": (0.6, -0.5, 0)[k % 3],
        }
        for doc_id, n in lengths.items()
        for k in range(n)
    ]
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    "lengths", [{"a": 20}, {"a": 3, "b": 7}, {f"d{k}": 9 + 4 * k for k in range(6)}]
)
def test_arc_ticks_are_whole_sentence_positions(tmp_path, drawn, lengths):
    plot_sentiment_arc(arc_frame(lengths), tmp_path / "a.png")
    panels = [ax for ax in drawn[0].axes if ax.get_visible()]
    assert len(panels) == len(lengths)
    for ax in panels:
        low, high = ax.get_xlim()
        ticks = [t for t in ax.get_xticks() if low <= t <= high]
        assert len(ticks) >= 2
        assert all(float(t).is_integer() for t in ticks), ticks


def test_arc_bars_are_blue_and_orange_and_the_title_says_so(tmp_path, drawn):
    plot_sentiment_arc(arc_frame({"a": 6}), tmp_path / "a.png")
    ax = drawn[0].axes[0]
    (bars,) = [c for c in ax.collections if isinstance(c, PolyCollection)]
    colours = [to_hex(c) for c in bars.get_facecolors()]
    assert colours == ["#2166ac", "#e66101", "#9e9e9e"] * 2
    heading_marks = {to_hex(line.get_color()) for line in ax.lines if line.get_marker() == "v"}
    assert heading_marks.isdisjoint(colours)
    assert "blue positive, orange negative, grey neutral" in drawn[0].get_suptitle()


@pytest.mark.parametrize(
    ("n_docs", "title"),
    [
        (30, "Sourcing of figures per document"),
        (
            2001,
            "Sourcing of figures per document\n"
            "(30 of 2001 documents with figures: those with the most)",
        ),
    ],
)
def test_figure_sourcing_title_does_not_read_as_a_year(tmp_path, drawn, n_docs, title):
    documents = pd.DataFrame(
        {"doc_id": [f"doc_{d:05d}" for d in range(n_docs)], "n_figures_named": 1,
         "n_figures_vague": 0, "n_figures_unsourced": 0}
    )  # fmt: skip
    plot_figure_sourcing(documents, tmp_path / "s.png", None)
    assert drawn[0].axes[0].get_title() == title


# audit G, P1: a heading's figure ("Issue #212 · 10 March 2026") was in the plot's bar but not in
# documents.csv's n_figures; both now leave headings out, by the same rule
NEWSLETTER = (
    "The Pacific Brief\n\nContracts worth $300 million\n\n"
    "The ministry said the deal is worth $120 million. Some 400 engineers may be involved, "
    "according to reports. Another 75 firms bid.\n"
)


def test_figure_sourcing_leaves_headings_out_as_documents_csv_does(tmp_path, drawn):
    from pipeline.stance import StanceStage
    from tests.conftest import segment_text

    doc = segment_text(NEWSLETTER, "brief")
    out = StanceStage().analyse(doc)
    figures = pd.DataFrame(out.tables["figures"])
    sentences = pd.DataFrame(
        {"doc_id": doc.doc_id, "sent_id": [s.sent_id for s in doc.sentences],
         "is_heading": [int(s.is_heading) for s in doc.sentences]}
    )  # fmt: skip
    heading_ids = set(sentences.loc[sentences["is_heading"] == 1, "sent_id"])
    assert figures["sent_id"].isin(heading_ids).sum() == 1  # "$300 million" of the heading
    documents = pd.DataFrame([{"doc_id": doc.doc_id, **out.document_columns}])
    expected = [[1, 1, 1]]  # named $120 million, vague 400, unsourced 75 (the heading's left out)
    assert (
        documents[["n_figures_named", "n_figures_vague", "n_figures_unsourced"]].values.tolist()
        == expected
    )
    assert int(documents["n_figures"].iloc[0]) == 3
    plot_figure_sourcing(documents, tmp_path / "d.png", None)  # the bars are these counts
    for fig in drawn:
        widths = [round(p.get_width()) for p in fig.axes[0].patches]
        assert widths == [1, 1, 1]


def test_document_sourcing_counts_leave_out_documents_without_figures():
    documents = pd.DataFrame(
        {"doc_id": ["b", "a"], "n_figures_named": [0, 2], "n_figures_vague": [0, 0],
         "n_figures_unsourced": [0, 5]}
    )  # fmt: skip
    counts = document_sourcing_counts(documents)
    assert counts.index.tolist() == ["a"] and counts.values.tolist() == [[2, 0, 5]]
    with pytest.raises(ValueError, match="n_figures_vague"):
        document_sourcing_counts(documents.drop(columns="n_figures_vague"))
