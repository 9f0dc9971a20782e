"""Tests for pipeline.point_labels: hand-worked label places, and labels on a drawn scatter."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.plotting import pyplot
from pipeline.point_labels import annotate_points, candidate_boxes, place_labels

BOUNDS = (0.0, 0.0, 400.0, 300.0)
NO_OBSTACLES = np.empty((0, 4))


def test_candidate_boxes_worked_example() -> None:
    # a 40 x 10 label at (100, 100), preferring up-left, 3 from its point, rings 11 apart
    boxes = candidate_boxes((100, 100), (40, 10), (-1, 1), gap=3, step=11, rings=2)
    assert boxes[:5] == [
        (-1, 1, 0, (57, 103, 97, 113)),  # up-left, the preferred corner
        (1, 1, 0, (103, 103, 143, 113)),  # up-right
        (-1, -1, 0, (57, 87, 97, 97)),  # down-left
        (1, -1, 0, (103, 87, 143, 97)),  # down-right
        (-1, 1, 1, (57, 114, 97, 124)),  # up-left, one ring further up
    ]
    assert len(boxes) == 8 and boxes[-1] == (1, -1, 1, (103, 76, 143, 86))


def test_free_labels_take_their_preferred_corner() -> None:
    anchors = np.array([[100.0, 100.0], [300.0, 200.0]])
    sizes = np.array([[40.0, 10.0], [40.0, 10.0]])
    places = place_labels(anchors, sizes, [(-1, 1), (1, -1)], BOUNDS, NO_OBSTACLES, gap=3, step=1)
    assert places == [(-1, 1, 0), (1, -1, 0)]


def test_labels_at_one_point_take_the_next_free_places() -> None:
    anchors = np.array([[100.0, 100.0]] * 5)
    sizes = np.array([[40.0, 10.0]] * 5)
    places = place_labels(anchors, sizes, [(-1, 1)] * 5, BOUNDS, NO_OBSTACLES, gap=3, step=1)
    # the four corners, then up-left again one label height (10 + 1) further up
    assert places == [(-1, 1, 0), (1, 1, 0), (-1, -1, 0), (1, -1, 0), (-1, 1, 1)]


def test_labels_stay_inside_the_axes() -> None:
    # a point on the bottom-left corner: only up-right fits; on the right edge: only the left
    anchors = np.array([[0.0, 0.0], [400.0, 150.0]])
    sizes = np.array([[40.0, 10.0], [40.0, 10.0]])
    places = place_labels(anchors, sizes, [(1, -1), (1, -1)], BOUNDS, NO_OBSTACLES, gap=3, step=1)
    assert places == [(1, 1, 0), (-1, -1, 0)]


def test_points_are_obstacles() -> None:
    # another point's marker sits where the preferred corner would be
    obstacle = np.array([[60.0, 105.0, 64.0, 109.0]])
    places = place_labels(
        np.array([[100.0, 100.0]]), np.array([[40.0, 10.0]]), [(-1, 1)], BOUNDS, obstacle,
        gap=3, step=1,
    )  # fmt: skip
    assert places == [(1, 1, 0)]


def test_no_free_place_falls_back_to_the_preferred_corner() -> None:
    # a label wider than the axes fits nowhere
    places = place_labels(
        np.array([[200.0, 150.0]]), np.array([[500.0, 10.0]]), [(1, -1)], BOUNDS, NO_OBSTACLES,
        gap=3, step=1,
    )  # fmt: skip
    assert places == [(1, -1, 0)]


def _boxes(fig, annotations) -> list:
    """The drawn text boxes (an annotation's own extent includes its leader line)."""
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [Text.get_window_extent(a, renderer) for a in annotations]


@pytest.mark.parametrize("crowded", [False, True])
def test_drawn_labels_do_not_overlap(crowded: bool) -> None:
    plt = pyplot()
    rng = np.random.default_rng(3)
    n = 12
    # crowded: every point in a small patch of the axes, as terms with equal counts are
    x = rng.uniform(4.5, 5.5, n) if crowded else rng.uniform(1, 9, n)
    y = rng.uniform(4.5, 5.5, n) if crowded else rng.uniform(1, 9, n)
    fig, ax = plt.subplots(figsize=(6, 6))
    ax.scatter(x, y)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    texts = [f"term number {i}" for i in range(n)]
    annotations = annotate_points(
        ax, list(zip(x, y)), texts, [(-1, 1)] * n, avoid=np.column_stack([x, y])
    )
    boxes = _boxes(fig, annotations)
    inside = ax.bbox
    for i, a in enumerate(boxes):
        assert inside.x0 <= a.x0 + 0.5 and a.x1 <= inside.x1 + 0.5
        assert inside.y0 <= a.y0 + 0.5 and a.y1 <= inside.y1 + 0.5
        for b in boxes[i + 1 :]:  # overlaps under half a pixel are rounding
            overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert min(overlap_x, overlap_y) < 0.5
    # a label moved off its point's corner is joined to it by a line
    assert (any(a.arrow_patch is not None for a in annotations)) == crowded
    plt.close(fig)
