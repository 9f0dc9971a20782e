"""Tests for pipeline.plotting: PNGs cut from one drawing match savefig(bbox_inches="tight")."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from pipeline.plotting import DPI, pyplot, save_figure, set_title


def _figure(label_x: float, *, tight_layout: bool) -> object:
    """A small chart with a label at ``label_x`` in axes coordinates (> 1: right of the axes)."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1, 2], [2, 0, 1], color="black")
    ax.set_title("title")
    ax.text(label_x, 0.5, "a label", transform=ax.transAxes)
    if tight_layout:
        fig.tight_layout()
    return fig


def _pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=float)


def _blocks(image: np.ndarray, k: int = 4) -> np.ndarray:
    """Grey level averaged over k x k pixel blocks."""
    h, w = (image.shape[0] // k) * k, (image.shape[1] // k) * k
    return image[:h, :w].mean(axis=2).reshape(h // k, k, w // k, k).mean(axis=(1, 3))


def _difference(got: np.ndarray, want: np.ndarray) -> float:
    """Largest difference of 4 x 4 block means, at the best shift by <= 1 pixel.

    A sub-pixel shift of the same picture stays under ~45 (anti-aliased edges); a changed
    word (e.g. "a label" drawn as "a lbl" or "A label") gives 55-110.
    """
    shifts = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    want_blocks = _blocks(want)
    return min(
        float(np.abs(_blocks(np.roll(got, s, axis=(0, 1))) - want_blocks).max()) for s in shifts
    )


@pytest.mark.parametrize(
    ("label_x", "tight_layout"),
    [
        (0.5, False),  # everything inside the figure
        (1.1, False),  # the label sticks out by less than the margin
        (1.1, True),  # after fig.tight_layout()
        (3.0, False),  # the label sticks out beyond the margin: the box is drawn again
    ],
)
def test_png_matches_tight_savefig(tmp_path, label_x, tight_layout):
    expected = io.BytesIO()
    _figure(label_x, tight_layout=tight_layout).savefig(
        expected, format="png", dpi=DPI, bbox_inches="tight"
    )
    save_figure(_figure(label_x, tight_layout=tight_layout), tmp_path / "a.png", tmp_path / "a.svg")
    save_figure(_figure(label_x, tight_layout=tight_layout), tmp_path / "b.png", tmp_path / "b.svg")

    got, want = _pixels((tmp_path / "a.png").read_bytes()), _pixels(expected.getvalue())
    assert got.shape == want.shape
    assert _difference(got, want) < 50  # the same picture, at most a pixel apart
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_a_changed_word_is_told_apart_from_a_sub_pixel_shift(tmp_path):
    expected = io.BytesIO()
    _figure(0.5, tight_layout=False).savefig(expected, format="png", dpi=DPI, bbox_inches="tight")
    fig = _figure(0.5, tight_layout=False)
    fig.axes[0].texts[0].set_text("A label")
    save_figure(fig, tmp_path / "c.png")
    got, want = _pixels((tmp_path / "c.png").read_bytes()), _pixels(expected.getvalue())
    assert got.shape == want.shape and _difference(got, want) > 50


def _titled(*, pinned: bool, loc: str, ticks_on_top: bool) -> object:
    """A chart titled by :func:`set_title` (``pinned``) or by ``ax.set_title``."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1, 2], [2, 0, 1], color="black")
    ax.set_yticks([0, 1, 2], ["zero", "one", "two"])
    if ticks_on_top:
        ax.xaxis.tick_top()
    if pinned:
        set_title(ax, "title", loc=loc, fontsize=10)
    else:
        ax.set_title("title", loc=loc, fontsize=10)
    return fig


@pytest.mark.parametrize(
    ("loc", "ticks_on_top", "same"),
    [
        ("center", False, True),
        ("left", False, True),
        ("center", True, False),  # matplotlib lifts the title over the tick labels; set_title not
    ],
)
def test_set_title_is_where_matplotlib_puts_a_title_with_nothing_above(
    tmp_path, loc, ticks_on_top, same
):
    for name, pinned in (("a", False), ("b", True)):
        fig = _titled(pinned=pinned, loc=loc, ticks_on_top=ticks_on_top)
        save_figure(fig, tmp_path / f"{name}.png", tmp_path / f"{name}.svg")
    for ext in ("png", "svg"):
        a, b = (tmp_path / f"a.{ext}").read_bytes(), (tmp_path / f"b.{ext}").read_bytes()
        assert (a == b) == same
