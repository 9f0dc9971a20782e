"""Plots of the stance stage: a stance profile per document and figure sourcing per document."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.plotting import TOP_DOCUMENTS, draw_distribution, pyplot, save_figure, set_title

PROFILE = (
    ("hedges_per_1k", "hedges"),
    ("boosters_per_1k", "boosters"),
    ("attitude_per_1k", "attitude"),
    ("attributions_named_per_1k", "named attribution"),
    ("attributions_vague_per_1k", "vague attribution"),
)
SOURCING = (("named", "#1b7837"), ("vague", "#e08214"), ("none", "#bdbdbd"))
# documents.csv's counts of body figures (n_figures leaves headings out), one per sourcing
SOURCING_COUNT_COLUMNS = {
    "named": "n_figures_named",
    "vague": "n_figures_vague",
    "none": "n_figures_unsourced",
}
MAX_BARS = 30  # more documents than this: a heat map (profile) or the top documents (sourcing)
MAX_HEATMAP_DOCUMENTS = 200  # more documents than this: the profile is a box plot per category
MAX_LABELS = 60


def _labels(doc_ids: pd.Series) -> list[str]:
    """Document labels shortened to 40 characters."""
    return [d if len(d) <= 40 else d[:37] + "..." for d in map(str, doc_ids)]


def _empty_figure(message: str, png: str | Path, svg: str | Path | None) -> None:
    """Save a small figure that only says why there is nothing to plot."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(6, 1.5))
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center")
    save_figure(fig, png, svg)


def plot_stance_profile(
    documents: pd.DataFrame, png: str | Path, svg: str | Path | None = None
) -> None:
    """Rates per 1,000 words by stance category per document, bars labelled with counts; a
    heat map for more documents, and one box per category across a large corpus."""
    missing = [c for c, _ in PROFILE if c not in documents.columns] + (
        [] if "doc_id" in documents.columns else ["doc_id"]
    )
    if missing:
        raise ValueError(f"documents table lacks column(s) {', '.join(missing)}")
    if documents.empty:
        _empty_figure("no documents", png, svg)
        return
    docs = documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    rates = docs[[c for c, _ in PROFILE]].astype(float).fillna(0.0).to_numpy()
    words = docs["n_words"].to_numpy(dtype=float) if "n_words" in docs.columns else None
    labels = _labels(docs["doc_id"])
    plt = pyplot()
    if len(docs) > MAX_HEATMAP_DOCUMENTS:
        fig, ax = plt.subplots(figsize=(8, 1.4 + 0.6 * len(PROFILE)))
        values = docs.set_index(docs["doc_id"].astype(str))[[c for c, _ in PROFILE]].astype(float)
        values.columns = [name for _, name in PROFILE]  # rates left NaN (no words) are left out
        draw_distribution(ax, values, fmt=".1f")
        ax.set_xlabel("markers per 1,000 words (circled: the highest, named at the right)")
        set_title(
            ax,
            f"Stance markers per 1,000 words across {len(docs):,} documents\n"
            f"(box: quartiles, whiskers 1.5 IQR; labelled: the {TOP_DOCUMENTS} highest per "
            "category)",
        )
        save_figure(fig, png, svg)
        return
    if len(docs) > MAX_BARS:
        fig, ax = plt.subplots(figsize=(8, min(40, 2 + 0.12 * len(docs))))
        image = ax.imshow(rates, aspect="auto", cmap="viridis", interpolation="nearest")
        fig.colorbar(image, ax=ax, label="per 1,000 words")
        step = max(1, -(-len(docs) // MAX_LABELS))
        ax.set_yticks(range(0, len(docs), step), labels[::step], fontsize=6)
        ax.set_xticks(range(len(PROFILE)), [name for _, name in PROFILE], rotation=30, ha="right")
        set_title(ax, f"Stance markers per 1,000 words ({len(docs)} documents)")
        save_figure(fig, png, svg)
        return
    fig, ax = plt.subplots(figsize=(9, 1.5 + 0.9 * len(docs)))
    height = 0.8 / len(PROFILE)
    y = np.arange(len(docs))
    colors = plt.get_cmap("tab10").colors
    for k, (_, name) in enumerate(PROFILE):
        pos = y + (k - (len(PROFILE) - 1) / 2) * height
        bars = ax.barh(pos, rates[:, k], height=height, color=colors[k], label=name)
        if words is not None:
            counts = np.rint(rates[:, k] * words / 1000).astype(int)
            ax.bar_label(bars, [f"{c}" for c in counts], padding=2, fontsize=7)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlabel("markers per 1,000 words (bar labels: counts)")
    set_title(ax, "Stance profile per document")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    ax.margins(x=0.08)
    save_figure(fig, png, svg)


def document_sourcing_counts(documents: pd.DataFrame) -> pd.DataFrame:
    """The same counts read from documents.csv's n_figures_named/_vague/_unsourced (body
    figures only); documents without figures are left out."""
    missing = [c for c in ("doc_id", *SOURCING_COUNT_COLUMNS.values()) if c not in documents]
    if missing:
        raise ValueError(f"documents table lacks column(s) {', '.join(missing)}")
    counts = (
        documents.assign(doc_id=documents["doc_id"].astype(str))
        .set_index("doc_id")[list(SOURCING_COUNT_COLUMNS.values())]
        .fillna(0)
        .astype(int)
        .rename(columns={v: k for k, v in SOURCING_COUNT_COLUMNS.items()})
        .sort_index()
    )
    counts.columns.name = "sourcing"
    return counts.loc[counts.sum(axis=1) > 0]


def plot_figure_sourcing(documents: pd.DataFrame, png: str | Path, svg: str | Path | None) -> None:
    """Stacked bars per document: how many body figures have a named, vague or no source, from
    documents.csv's counts (:func:`document_sourcing_counts`), so the bars and the table agree
    (a heading's figure is in neither)."""
    counts = document_sourcing_counts(documents)
    if counts.empty:
        _empty_figure("no figures (numeric claims) found", png, svg)
        return
    title = "Sourcing of figures per document"
    if len(counts) > MAX_BARS:
        totals = counts.sum(axis=1)
        keep = totals.sort_values(ascending=False, kind="stable").index[:MAX_BARS]
        counts = counts.loc[sorted(keep)]
        title += f"\n({MAX_BARS} of {len(totals)} documents with figures: those with the most)"
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(9, 1.5 + 0.45 * len(counts)))
    left = np.zeros(len(counts))
    y = np.arange(len(counts))
    for name, color in SOURCING:
        values = counts[name].to_numpy()
        bars = ax.barh(y, values, left=left, color=color, label=name)
        ax.bar_label(bars, [str(v) if v else "" for v in values], label_type="center", fontsize=8)
        left += values
    ax.set_yticks(y, _labels(counts.index.to_series()))
    ax.invert_yaxis()
    ax.set_xlabel("figures (numeric claims)")
    set_title(ax, title)
    ax.legend(title="sourcing", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    save_figure(fig, png, svg)
