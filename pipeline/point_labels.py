"""Labels beside scatter points, clear of one another, of the points and of the axes' edges.

Each label tries places round its point in a fixed order and takes the first whose box is inside
the axes and overlaps no label placed before it and no point: the corner its side prefers, then
the three other corners, then the same four one label-height further up or down, and so on. A
label moved off its point's corner gets a thin leader line. No place free: the preferred corner.
Written here because adjustText (1.4, tried) moves labels by iterated forces, takes about a
second per scatter and left labels on an axis edge on top of one another.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

# (horizontal, vertical) directions of a label from its point, in the order they are tried when
# the preferred direction is (1, 1); other preferences flip the signs
_CORNERS = ((1, 1), (-1, 1), (1, -1), (-1, -1))


def candidate_boxes(
    anchor: Sequence[float],
    size: Sequence[float],
    prefer: tuple[int, int],
    *,
    gap: float,
    step: float,
    rings: int,
) -> list[tuple[int, int, int, tuple[float, float, float, float]]]:
    """(dx sign, dy sign, ring, box) of every place tried for a label of ``size`` (w, h) at
    ``anchor`` (x, y), in order; boxes are (x0, y0, x1, y1) in the anchor's units, the label
    ``gap`` beside and ``gap + ring * step`` above or below its point."""
    x, y = anchor
    w, h = size
    out = []
    for ring in range(rings):
        lift = gap + ring * step
        for cx, cy in _CORNERS:
            hx, vy = cx * prefer[0], cy * prefer[1]
            x0 = x + gap if hx > 0 else x - gap - w
            y0 = y + lift if vy > 0 else y - lift - h
            out.append((hx, vy, ring, (x0, y0, x0 + w, y0 + h)))
    return out


def _overlaps(box: tuple[float, float, float, float], boxes: np.ndarray) -> bool:
    if not len(boxes):
        return False
    x0, y0, x1, y1 = box
    return bool(
        ((x0 < boxes[:, 2]) & (boxes[:, 0] < x1) & (y0 < boxes[:, 3]) & (boxes[:, 1] < y1)).any()
    )


def place_labels(
    anchors: np.ndarray,
    sizes: np.ndarray,
    prefer: Sequence[tuple[int, int]],
    bounds: tuple[float, float, float, float],
    obstacles: np.ndarray,
    *,
    gap: float,
    step: float,
    rings: int = 12,
) -> list[tuple[int, int, int]]:
    """(dx sign, dy sign, ring) for each label, placed in the order given (earlier labels get the
    better places): the first candidate (:func:`candidate_boxes`) inside ``bounds`` (x0, y0, x1,
    y1) clear of the ``obstacles`` boxes (n, 4) and of the labels placed before it, else ring 0 of
    the preferred corner. ``step`` is added to each label's own height to stack labels."""
    placed: list[tuple[float, float, float, float]] = []
    chosen = []
    bx0, by0, bx1, by1 = bounds
    fixed = np.asarray(obstacles, dtype=float).reshape(-1, 4)
    for anchor, size, side in zip(anchors, sizes, prefer, strict=True):
        candidates = candidate_boxes(anchor, size, side, gap=gap, step=size[1] + step, rings=rings)
        pick = candidates[0]
        taken = np.vstack([fixed, np.array(placed).reshape(-1, 4)])
        for candidate in candidates:
            x0, y0, x1, y1 = candidate[3]
            inside = bx0 <= x0 and x1 <= bx1 and by0 <= y0 and y1 <= by1
            if inside and not _overlaps(candidate[3], taken):
                pick = candidate
                break
        placed.append(pick[3])
        chosen.append(pick[:3])
    return chosen


def annotate_points(
    ax: Any,
    points: Sequence[tuple[float, float]],
    texts: Sequence[str],
    prefer: Sequence[tuple[int, int]],
    *,
    avoid: np.ndarray | None = None,
    fontsize: float = 8,
    gap_points: float = 3.0,
    marker_points: float = 2.5,
) -> list[Any]:
    """Annotate each point (data coordinates) with its text, placed by :func:`place_labels`
    among the points ``avoid`` (n, 2, data coordinates; markers ``marker_points`` in radius).
    Call after the axes' scales and limits are final: places are measured in display units."""
    if not texts:
        return []
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    px = fig.dpi / 72  # display pixels per point
    probe = ax.text(0, 0, "", fontsize=fontsize)
    sizes = []
    for text in texts:
        probe.set_text(text)
        box = probe.get_window_extent(renderer)
        sizes.append((box.width, box.height))
    probe.remove()
    anchors = ax.transData.transform(np.asarray(points, dtype=float).reshape(-1, 2))
    avoid = np.empty((0, 2)) if avoid is None else np.asarray(avoid, dtype=float).reshape(-1, 2)
    centres = ax.transData.transform(avoid) if len(avoid) else avoid
    r = marker_points * px
    obstacles = np.column_stack([centres - r, centres + r]) if len(centres) else centres
    gap = gap_points * px
    placed = place_labels(
        anchors, np.array(sizes), prefer, tuple(ax.bbox.extents), obstacles, gap=gap, step=1.0
    )
    annotations = []
    for point, text, size, (hx, vy, ring) in zip(points, texts, sizes, placed, strict=True):
        lift = gap + ring * (size[1] + 1.0)
        leader = {"arrowstyle": "-", "color": "grey", "linewidth": 0.5, "shrinkA": 0, "shrinkB": 2}
        annotations.append(
            ax.annotate(
                text,
                point,
                xytext=(hx * gap / px, vy * lift / px),
                textcoords="offset points",
                fontsize=fontsize,
                ha="left" if hx > 0 else "right",
                va="bottom" if vy > 0 else "top",
                annotation_clip=False,
                arrowprops=leader if ring else None,
            )
        )
    return annotations
