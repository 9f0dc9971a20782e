"""Save matplotlib figures as PNG and SVG with deterministic bytes."""

from __future__ import annotations

import inspect
import io
import os
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.tables import atomic_write_bytes

DPI = 110
# Room (inches) drawn round the figure for what sticks out of it (long tick labels, legends
# beside the axes); a whole number of pixels at DPI, so the crop keeps the pixel grid.
MARGIN = 2.0
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": None}
TOP_DOCUMENTS = 3  # documents named beside each box of draw_distribution


def pyplot() -> Any:
    """matplotlib.pyplot with the non-interactive Agg backend and fixed settings."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "rhetoric-compare"
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: smaller, searchable SVG
    matplotlib.rcParams["font.family"] = "DejaVu Sans"
    import matplotlib.pyplot as plt

    return plt


def set_title(ax: Any, label: str, **kwargs: Any) -> None:
    """``ax.set_title`` at the height matplotlib gives a title over axes with their ticks and
    labels below (y=1), fixed: left to matplotlib, the title is placed again at every drawing
    and every measuring of the figure, each time measuring all the y tick labels first."""
    ax.set_title(label, y=1.0, **kwargs)


def tight_bbox(fig: Any, renderer: Any) -> Any:
    """The padded box (inches) that ``savefig(bbox_inches="tight")`` crops a PNG at DPI to,
    measured with a ``renderer`` that has just drawn ``fig`` at DPI (no drawing of its own)."""
    import matplotlib

    original = fig.dpi
    fig.dpi = DPI  # text extents depend on the dpi, as they do while saving
    try:
        bbox = fig.get_tightbbox(renderer)
    finally:
        fig.dpi = original
    return bbox.padded(matplotlib.rcParams["savefig.pad_inches"])


def save_figure(fig: Any, png_path: str | Path, svg_path: str | Path | None = None) -> None:
    """Write ``fig`` to PNG (and SVG) without timestamps or software tags, then close it.

    Both files are cropped to the box ``bbox_inches="tight"`` gives the PNG. The PNG is cut
    out of one drawing of the figure with a margin round it, measured with that drawing's
    renderer, so a figure is drawn twice (PNG, SVG) instead of three or five times.
    """
    plt = pyplot()
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    if isinstance(fig.get_layout_engine(), PlaceHolderLayoutEngine):
        fig.set_layout_engine(None)  # left by fig.tight_layout(); makes each savefig draw twice
    png, bbox = _tight_png(fig)
    atomic_write_bytes(png_path, png)
    if svg_path is not None:
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", dpi=DPI, metadata=SVG_METADATA, bbox_inches=bbox)
        atomic_write_bytes(svg_path, buf.getvalue())
    plt.close(fig)


def _tight_png(fig: Any) -> tuple[bytes, Any]:
    """PNG bytes of ``fig`` cropped to :func:`tight_bbox`, and that box."""
    import matplotlib.image
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    page = fig.bbox_inches.padded(MARGIN)
    with open(os.devnull, "wb") as sink:  # the drawing is read from the canvas below
        fig.savefig(sink, format="rgba", dpi=DPI, bbox_inches=page)
    bbox = tight_bbox(fig, canvas.renderer)
    crop = _crop(np.asarray(canvas.buffer_rgba()), (bbox.p0 - page.p0) * DPI, bbox.size * DPI)
    buf = io.BytesIO()
    if crop is None:  # something reaches beyond the margin: draw the box itself
        fig.savefig(buf, format="png", dpi=DPI, metadata=PNG_METADATA, bbox_inches=bbox)
    else:
        matplotlib.image.imsave(buf, crop, format="png", dpi=DPI, metadata=PNG_METADATA)
    return buf.getvalue(), bbox


def _crop(pixels: np.ndarray, origin: np.ndarray, size: np.ndarray) -> np.ndarray | None:
    """The ``size`` pixels at ``origin`` (from the bottom left) of an image stored top row
    first; None unless all of them are inside it."""
    left, bottom = np.rint(origin).astype(int)
    width, height = (size + 1e-8).astype(int)  # whole pixels, as savefig sizes an image
    top = pixels.shape[0] - bottom - height
    if min(left, bottom, top) < 0 or left + width > pixels.shape[1]:
        return None
    return np.ascontiguousarray(pixels[top : top + height, left : left + width])


def _short(doc_id: object) -> str:
    """A document label shortened to 40 characters."""
    d = str(doc_id)
    return d if len(d) <= 40 else d[:37] + "..."


def top_documents(values: Any, *, n: int = TOP_DOCUMENTS) -> dict[str, Any]:
    """Per column of ``values`` (documents x categories, doc_id index), the ``n`` highest values
    above 0, highest first; of equal values, the earlier doc_id."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    top = {}
    for column in values.columns:
        col = values[column].astype(float)
        col = col[col > 0].sort_index(kind="stable")
        top[column] = col.sort_values(ascending=False, kind="stable").iloc[:n]
    return top


def draw_distribution(ax: Any, values: Any, *, fmt: str) -> None:
    """A horizontal box plot per column of ``values`` (documents x categories, doc_id index,
    columns named as the rows are labelled), first column on top, whiskers at 1.5 IQR; the
    highest documents of each column circled and named, with their values formatted by
    ``fmt``, beside the row's right end."""
    columns = [values[c].dropna().to_numpy(float) for c in values.columns]
    rows = np.arange(len(columns))
    horizontal = (
        {"orientation": "horizontal"}
        if "orientation" in inspect.signature(ax.boxplot).parameters  # matplotlib >= 3.10
        else {"vert": False}
    )
    ax.boxplot(
        columns, positions=rows, widths=0.6, whis=1.5, patch_artist=True, **horizontal,
        boxprops={"facecolor": "#c6dbef", "edgecolor": "#08306b"},
        medianprops={"color": "#08306b", "linewidth": 1.5},
        flierprops={"marker": "o", "markersize": 2, "markerfacecolor": "0.4",
                    "markeredgecolor": "none"},
    )  # fmt: skip
    for row, column, (_, top) in zip(rows, columns, top_documents(values).items()):
        if top.empty:
            if len(column):
                ax.text(1.01, row, "all 0", transform=ax.get_yaxis_transform(), va="center",
                        fontsize=7, color="0.4")  # fmt: skip
            continue
        ax.plot(top.to_numpy(), np.full(len(top), row), linestyle="none", marker="o",
                markersize=6, markerfacecolor="none", markeredgecolor="#d62728")  # fmt: skip
        label = ", ".join(f"{_short(d)} ({v:{fmt}})" for d, v in zip(top.index, top))
        if tied := int((column == top.iloc[-1]).sum() - (top == top.iloc[-1]).sum()):
            label += f" and {tied:,} more at {top.iloc[-1]:{fmt}}"
        ax.text(1.01, row, label, transform=ax.get_yaxis_transform(), va="center", fontsize=7)
    counts = [len(c) for c in columns]
    ticks = [n if k == len(values) else f"{n} (n={k:,})" for n, k in zip(values.columns, counts)]
    ax.set_yticks(rows, ticks)
    ax.set_ylim(len(columns) - 0.5, -0.5)  # first column on top
    ax.grid(axis="x", alpha=0.3)
