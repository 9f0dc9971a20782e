"""Save matplotlib figures as PNG and SVG with deterministic bytes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pipeline.tables import atomic_write_bytes

DPI = 110


def pyplot() -> Any:
    """matplotlib.pyplot with the non-interactive Agg backend and fixed settings."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "rhetoric-compare"
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: smaller, searchable SVG
    matplotlib.rcParams["font.family"] = "DejaVu Sans"
    import matplotlib.pyplot as plt

    return plt


def tight_bbox(fig: Any) -> Any:
    """The padded box (inches) that ``savefig(bbox_inches="tight")`` crops a PNG at DPI to."""
    import matplotlib

    original = fig.dpi
    fig.dpi = DPI  # text extents depend on the dpi, as they do while saving
    try:
        fig.draw_without_rendering()
        bbox = fig.get_tightbbox()
    finally:
        fig.dpi = original
    return bbox.padded(matplotlib.rcParams["savefig.pad_inches"])


def save_figure(fig: Any, png_path: str | Path, svg_path: str | Path | None = None) -> None:
    """Write ``fig`` to PNG (and SVG) without timestamps or software tags, then close it.

    Both files are cropped to the box ``bbox_inches="tight"`` gives the PNG, measured once, so
    the SVG needs no measuring draw of its own (three draws instead of four).
    """
    plt = pyplot()
    bbox = tight_bbox(fig)
    for path, fmt, metadata in (
        (png_path, "png", {"Software": None}),
        (svg_path, "svg", {"Date": None, "Creator": None}),
    ):
        if path is None:
            continue
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=metadata, bbox_inches=bbox)
        atomic_write_bytes(path, buf.getvalue())
    plt.close(fig)
