"""Frame plots: a frame profile per document and a frame-by-position strip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.frames import FRAME_LABELS, NO_FRAME, frame_order
from pipeline.plotting import TOP_DOCUMENTS, draw_distribution, pyplot, save_figure, set_title
from pipeline.report_format import level_text

MAX_BAR_DOCUMENTS = 6  # more documents: the profile becomes a heatmap
MAX_HEATMAP_DOCUMENTS = 200  # more documents: the profile becomes a box plot per frame
MAX_LABELLED_DOCUMENTS = 60  # more rows: tick labels are thinned out
MAX_STRIP_DOCUMENTS = 40  # the strip shows the first documents by doc_id and says so
STRIP_COLUMNS = ("doc_id", "sent_id", "is_heading", "primary_frame")  # of the sentences table


# tab20's nine strong colours first, then their light pairs, greys left out (grey is "none"):
# the first nine frames of the codebook get hues no other frame shares in strength
_PALETTE = (0, 2, 4, 6, 8, 10, 12, 16, 18, 1, 3, 5, 7, 9, 11, 13, 17, 19)


def frame_colors(frames: list[str]) -> dict[str, tuple[float, ...]]:
    """A fixed colour per frame (by codebook position), light grey for ``none``."""
    plt = pyplot()
    cmap = plt.get_cmap("tab20")
    order = frame_order(frames)
    colors = {f: cmap(_PALETTE[i % len(_PALETTE)]) for i, f in enumerate(order)}
    colors[NO_FRAME] = (0.92, 0.92, 0.92, 1.0)
    return colors


def _label(frame: str) -> str:
    return FRAME_LABELS.get(frame, frame)


def _thin_ticks(ax, labels: list[str], *, axis: str) -> None:
    """Label every k-th row/column so that at most MAX_LABELLED_DOCUMENTS labels show."""
    step = max(1, int(np.ceil(len(labels) / MAX_LABELLED_DOCUMENTS)))
    ticks = np.arange(0, len(labels), step)
    names = [labels[i][:40] for i in ticks]
    if axis == "y":
        ax.set_yticks(ticks, names, fontsize=7 if step > 1 or len(labels) > 20 else 9)
    else:
        ax.set_xticks(ticks, names, rotation=60, ha="right", fontsize=8)


def strip_rectangles(df: pd.DataFrame, shown: list[str]) -> tuple[np.ndarray, list[str]]:
    """Corners (N, 4, 2) and primary frame of one rectangle per sentence of the ``shown``
    documents, top row first: x = position share, half height for headings."""
    rows = df[df["doc_id"].isin(shown)].sort_values(["doc_id", "sent_id"], kind="stable")
    doc = rows["doc_id"].to_numpy()
    n = rows.groupby("doc_id", sort=False)["sent_id"].transform("size").to_numpy()
    x0 = rows.groupby("doc_id", sort=False).cumcount().to_numpy() / n
    x1 = x0 + 1 / n
    row = pd.Index(shown).get_indexer(doc)
    y0 = (len(shown) - 1 - row) - 0.35
    y1 = y0 + np.where(rows["is_heading"].to_numpy(bool), 0.35, 0.7)
    corners = np.stack([np.stack(xy, axis=1) for xy in ((x0, y0), (x0, y1), (x1, y1), (x1, y0))])
    return corners.transpose(1, 0, 2), rows["primary_frame"].tolist()


def plot_frame_profile(
    frames_df: pd.DataFrame, png: str | Path, svg: str | Path | None, *, confidence: float = 0.95
) -> None:
    """Share of body sentences with each frame, documents side by side, with exact CIs; a
    heat map for more documents, and one box per frame across a large corpus."""
    plt = pyplot()
    needed = {"doc_id", "frame", "share", "share_ci_low", "share_ci_high"}
    if missing := needed - set(frames_df.columns):
        raise ValueError(f"frames_df lacks column(s) {', '.join(sorted(missing))}")
    frames = list(frame_order(frames_df["frame"].astype(str).unique().tolist()))
    docs = sorted(frames_df["doc_id"].astype(str).unique())
    grid = frames_df.pivot_table(index="doc_id", columns="frame", values="share", aggfunc="first")
    grid = grid.reindex(index=docs, columns=frames)
    title = "Policy frames per document (Boydstun et al. 2014 codebook)"
    if not docs:
        fig, ax = plt.subplots(figsize=(6, 2))
        ax.text(0.5, 0.5, "no documents", ha="center", va="center")
        ax.set_axis_off()
    elif len(docs) <= MAX_BAR_DOCUMENTS:
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(frames) * max(1, len(docs) / 2) + 1.5))
        height = 0.8 / len(docs)
        y = np.arange(len(frames))[::-1]
        for i, doc in enumerate(docs):
            rows = frames_df[frames_df["doc_id"].astype(str) == doc].set_index("frame")
            rows = rows.reindex(frames)
            share = rows["share"].to_numpy(float)
            err = np.vstack([share - rows["share_ci_low"], rows["share_ci_high"] - share])
            ax.barh(
                y + 0.4 - height * (i + 0.5), share, height=height, label=doc[:50],
                xerr=np.nan_to_num(err), error_kw={"elinewidth": 0.8, "capsize": 2},
            )  # fmt: skip
        ax.set_yticks(y, [_label(f) for f in frames], fontsize=8)
        ax.set_xlim(0, 1)
        level = level_text(confidence)
        ax.set_xlabel(f"share of body sentences with >= 1 cue of the frame ({level} exact CI)")
        ax.legend(loc="lower right", fontsize=8)
        ax.grid(axis="x", alpha=0.3)
    elif len(docs) > MAX_HEATMAP_DOCUMENTS:
        fig, ax = plt.subplots(figsize=(8, 1.5 + 0.42 * len(frames)))
        draw_distribution(ax, grid.set_axis([_label(f) for f in frames], axis=1), fmt=".2f")
        ax.set_xlim(-0.02, 1.02)
        ax.set_xlabel("share of body sentences with >= 1 cue of the frame "
                      "(circled: the highest, named at the right)")  # fmt: skip
        title = (
            f"Policy frames across {len(docs):,} documents (Boydstun et al. 2014 codebook)\n"
            f"(box: quartiles, whiskers 1.5 IQR; labelled: the {TOP_DOCUMENTS} highest per frame)"
        )
    else:
        fig, ax = plt.subplots(figsize=(9, min(40, 2 + 0.18 * len(docs))))
        im = ax.imshow(grid.to_numpy(float), aspect="auto", cmap="viridis", vmin=0, vmax=1,
                       interpolation="nearest")  # fmt: skip
        ax.set_xticks(range(len(frames)), [_label(f) for f in frames], rotation=60,
                      ha="right", fontsize=8)  # fmt: skip
        _thin_ticks(ax, docs, axis="y")
        fig.colorbar(im, ax=ax, label="share of body sentences")
    set_title(ax, title)
    save_figure(fig, png, svg)


def plot_frame_strip(sentences_df: pd.DataFrame, png: str | Path, svg: str | Path | None) -> None:
    """Primary frame of each sentence by its position in the document, one strip a document."""
    plt = pyplot()
    from matplotlib.collections import PolyCollection

    if missing := set(STRIP_COLUMNS) - set(sentences_df.columns):
        raise ValueError(f"sentences_df lacks column(s) {', '.join(sorted(missing))}")
    df = sentences_df[list(STRIP_COLUMNS)].copy()
    df["doc_id"] = df["doc_id"].astype(str)
    df["primary_frame"] = df["primary_frame"].fillna(NO_FRAME).astype(str).replace("", NO_FRAME)
    df["is_heading"] = df["is_heading"].astype(str).str.lower().isin(("1", "true"))
    docs = sorted(df["doc_id"].unique())
    shown = docs[:MAX_STRIP_DOCUMENTS]
    colors = frame_colors(df["primary_frame"].unique().tolist())
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.45 * max(1, len(shown))))
    vertices, frames = strip_rectangles(df, shown)
    ax.add_collection(
        PolyCollection(vertices, facecolors=[colors[f] for f in frames], edgecolor="white",
                       linewidth=0.3)
    )  # fmt: skip
    ax.set_yticks(range(len(shown))[::-1], [d[:40] for d in shown], fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, len(shown) - 0.4)
    ax.set_xlabel("position in the document (share of its sentences; half-height = heading)")
    used = set(df["primary_frame"].unique())
    present = [f for f in frame_order(list(colors)) if f in used]
    if NO_FRAME in used:
        present.append(NO_FRAME)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colors[f]) for f in present]
    ax.legend(handles, [_label(f) for f in present], loc="upper left", bbox_to_anchor=(1.01, 1),
              fontsize=7, title="primary frame", title_fontsize=8)  # fmt: skip
    title = "Primary frame by sentence position"
    if len(docs) > len(shown):
        title += f" (first {len(shown)} of {len(docs)} documents)"
    set_title(ax, title)
    save_figure(fig, png, svg)
