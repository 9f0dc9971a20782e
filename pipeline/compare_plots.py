"""Plots of the comparison tables: keyness bars, a rate-vs-rate term scatter, a similarity heatmap.

Each function takes the merged result table(s) as pandas DataFrames plus output paths and writes
PNG (+ SVG) through :func:`pipeline.plotting.save_figure`. Works for 1 to many documents: the
heatmap is drawn for 2-50 documents and replaced by a captioned placeholder otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.keyness import side_terms
from pipeline.plotting import pyplot, save_figure, set_title
from pipeline.point_labels import annotate_points

TARGET_COLOUR = "#1b6ca8"
REFERENCE_COLOUR = "#c0392b"
MAX_HEATMAP_DOCUMENTS = 50
_UNSAFE_RE = re.compile(r"[^A-Za-z0-9_.-]+")


def comparison_slug(name: str) -> str:
    """A file-name-safe form of a comparison name."""
    return _UNSAFE_RE.sub("_", name).strip("._") or "comparison"


def _one_comparison(keyness: pd.DataFrame, comparison: str) -> pd.DataFrame:
    rows = keyness[keyness["comparison"] == comparison]
    if rows.empty and comparison not in set(keyness["comparison"]):
        raise ValueError(f"no keyness rows for comparison {comparison!r}")
    return rows


def keyness_chart(
    keyness: pd.DataFrame,
    comparison: str,
    png_path: str | Path,
    svg_path: str | Path | None = None,
    *,
    n_terms: int = 15,
) -> None:
    """Horizontal bars of log-odds z: target's terms right, reference's left, counts in labels."""
    plt = pyplot()
    rows = _one_comparison(keyness, comparison)
    target, reference = side_terms(rows, n_terms=n_terms)
    shown = pd.concat([reference.iloc[::-1], target.iloc[::-1]]) if len(rows) else rows
    height = max(2.5, 0.28 * len(shown) + 1.4)
    fig, ax = plt.subplots(figsize=(7.5, height))
    if shown.empty:
        ax.text(0.5, 0.5, "no terms pass min_count", ha="center", va="center")
        ax.set_axis_off()
    else:
        z = shown["log_odds_z"].to_numpy(dtype=float)
        ypos = np.arange(len(shown))
        colours = [TARGET_COLOUR if v > 0 else REFERENCE_COLOUR for v in z]
        ax.barh(ypos, z, color=colours)
        labels = [
            f"{t} ({ct}/{cr})"
            for t, ct, cr in zip(
                shown["term"], shown["count_target"], shown["count_reference"], strict=True
            )
        ]
        ax.set_yticks(ypos, labels, fontsize=8)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel(
            "log-odds z (informative Dirichlet prior); labels: term (target/reference count)"
        )
    first = rows.iloc[0] if len(rows) else None
    target_name = first["target"] if first is not None else "target"
    reference_name = first["reference"] if first is not None else "reference"
    set_title(
        ax, f"Keyness: {target_name} (right, blue) vs {reference_name} (left, red)", fontsize=10
    )
    save_figure(fig, png_path, svg_path)


def term_scatter(
    keyness: pd.DataFrame,
    comparison: str,
    png_path: str | Path,
    svg_path: str | Path | None = None,
    *,
    n_labels: int = 10,
) -> None:
    """Rate in target vs rate in reference (log axes); the most distinctive terms labelled.

    Zero rates are drawn at half the smallest non-zero rate, on the axis edge.
    """
    plt = pyplot()
    from matplotlib.ticker import LogLocator, NullFormatter, StrMethodFormatter

    rows = _one_comparison(keyness, comparison)
    fig, ax = plt.subplots(figsize=(7, 7))
    if rows.empty:
        ax.text(0.5, 0.5, "no terms pass min_count", ha="center", va="center")
        ax.set_axis_off()
        save_figure(fig, png_path, svg_path)
        return
    rt = rows["rate_target"].to_numpy(dtype=float)
    rr = rows["rate_reference"].to_numpy(dtype=float)
    positive = np.concatenate([rt[rt > 0], rr[rr > 0]])
    floor = positive.min() / 2 if len(positive) else 1.0
    x, y = np.where(rr > 0, rr, floor), np.where(rt > 0, rt, floor)
    z = rows["log_odds_z"].to_numpy(dtype=float)
    ax.scatter(x, y, c=np.where(z > 0, TARGET_COLOUR, REFERENCE_COLOUR), s=12, alpha=0.6)
    top = max(x.max(), y.max()) * 1.5
    ax.plot([floor, top], [floor, top], color="grey", linewidth=0.8, linestyle="--")
    ax.set_xlim(floor / 1.3, top)
    ax.set_ylim(floor / 1.3, top)
    ax.set_xscale("log")
    ax.set_yscale("log")
    # 1-2-5 ticks while they fit; over more than three decades one per decade
    subs = (1.0, 2.0, 5.0) if top / floor <= 1e3 else (1.0,)
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(LogLocator(subs=subs))
        axis.set_major_formatter(StrMethodFormatter("{x:g}"))  # 0.002, 0.005, 0.01, ..., 50
        axis.set_minor_formatter(NullFormatter())
    # the minor ticks' labels are empty: hidden, they are not measured at every drawing (their
    # empty boxes sit in the row of the major labels, at least one of which is in any range)
    ax.tick_params(which="minor", labelbottom=False, labelleft=False)
    _label_terms(ax, rows, x, y, n_labels=n_labels)
    first = rows.iloc[0]
    ax.set_xlabel(f"rate per 1,000 terms in {first['reference']} (0 drawn at {floor:.3g})")
    ax.set_ylabel(f"rate per 1,000 terms in {first['target']} (0 drawn at {floor:.3g})")
    set_title(ax, "Term rates: above the line = more in target", fontsize=10)
    save_figure(fig, png_path, svg_path)


def _label_terms(ax, rows: pd.DataFrame, x: np.ndarray, y: np.ndarray, *, n_labels: int) -> None:
    """Label the ``n_labels`` most distinctive terms of each side at their points: target terms
    up and to the left (above the diagonal), reference terms down and to the right; terms at the
    same point (equal counts) share one label."""
    target, reference = side_terms(rows, n_terms=n_labels)
    positions = {t: i for i, t in enumerate(rows["term"])}
    points, texts, prefer = [], [], []
    for side, direction in ((target, (-1, 1)), (reference, (1, -1))):
        at_point: dict[tuple[float, float], list[str]] = {}  # in order of each point's best term
        for term in side["term"]:
            i = positions[term]
            at_point.setdefault((x[i], y[i]), []).append(term)
        for point, terms in at_point.items():
            points.append(point)
            texts.append(", ".join(terms[:4]) + (f" +{len(terms) - 4}" if len(terms) > 4 else ""))
            prefer.append(direction)
    annotate_points(ax, points, texts, prefer, avoid=np.column_stack([x, y]))


def similarity_heatmap(
    similarity: pd.DataFrame,
    doc_ids: Sequence[str],
    png_path: str | Path,
    svg_path: str | Path | None = None,
    *,
    max_documents: int = MAX_HEATMAP_DOCUMENTS,
) -> bool:
    """Cosine heatmap for 2..``max_documents`` documents; else a placeholder. True if drawn."""
    plt = pyplot()
    ids = sorted(set(map(str, doc_ids)))
    if not 2 <= len(ids) <= max_documents:
        fig, ax = plt.subplots(figsize=(6, 1.6))
        ax.text(
            0.5,
            0.5,
            f"Similarity heatmap drawn for 2-{max_documents} documents; this corpus has "
            f"{len(ids)}.\nSee results/tables/similarity.csv.",
            ha="center",
            va="center",
            fontsize=9,
        )
        ax.set_axis_off()
        save_figure(fig, png_path, svg_path)
        return False
    index = {d: i for i, d in enumerate(ids)}
    grid = np.full((len(ids), len(ids)), np.nan)
    np.fill_diagonal(grid, 1.0)
    for a, b, c in similarity[["doc_a", "doc_b", "cosine"]].itertuples(index=False):
        if a in index and b in index:
            grid[index[a], index[b]] = grid[index[b], index[a]] = float(c)
    size = min(12.0, 2.5 + 0.3 * len(ids))
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    image = ax.imshow(np.ma.masked_invalid(grid), vmin=0, vmax=1, cmap="viridis")
    labels = [d if len(d) <= 30 else d[:27] + "..." for d in ids]
    ax.set_xticks(range(len(ids)), labels, rotation=90, fontsize=7)
    ax.set_yticks(range(len(ids)), labels, fontsize=7)
    if len(ids) <= 12:
        for i in range(len(ids)):
            for j in range(len(ids)):
                if not np.isnan(grid[i, j]):
                    colour = "black" if grid[i, j] > 0.6 else "white"
                    ax.text(
                        j,
                        i,
                        f"{grid[i, j]:.2f}",
                        ha="center",
                        va="center",
                        fontsize=8,
                        color=colour,
                    )
    fig.colorbar(image, ax=ax, label="cosine similarity of TF-IDF vectors")
    set_title(ax, "Document similarity (blank: not among the top-k neighbours)", fontsize=10)
    save_figure(fig, png_path, svg_path)
    return True


def comparison_plots(
    keyness: pd.DataFrame,
    out_dir: str | Path,
    *,
    max_comparisons: int = 20,
    svg: bool = True,
) -> list[Path]:
    """Keyness chart and term scatter for the first ``max_comparisons`` comparisons (by name).

    Files: ``keyness_<comparison>.png`` and ``term_scatter_<comparison>.png`` (+ ``.svg``).
    """
    out_dir = Path(out_dir)
    written: list[Path] = []
    labels = keyness["comparison"].astype(str)
    names = sorted(labels.unique().tolist())[:max_comparisons]
    shown = keyness[labels.isin(names)]  # one pass over a long table, not one per comparison
    for name in names:
        slug = comparison_slug(name)
        for prefix, draw in (("keyness", keyness_chart), ("term_scatter", term_scatter)):
            png = out_dir / f"{prefix}_{slug}.png"
            draw(shown, name, png, out_dir / f"{prefix}_{slug}.svg" if svg else None)
            written.append(png)
    return written
