"""Runs of a frame's sentences longer than one sentence: frames.csv's window dispersion
(``disp5``), the share interval and the report's frame items that count it, and tables of an
older run without it."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

FIFTEEN = [f"frame{i:02d}" for i in range(15)]
LEVEL = 1 - 0.05 / 15  # a pair's items: picking among 15 frames


def reference_dispersion(x: list[int]) -> float:
    """An independent reference: the 2 x windows chi-squared of a 0/1 series in windows of
    numpy's array_split into max(2, n // 5), each window's expected count m p and variance m p
    (1 - p), times (n - 1) / n, over the windows less one; NaN under 6 values or without
    spread."""
    n, k = len(x), sum(x)
    if n <= 5 or k in (0, n):
        return math.nan
    parts = np.array_split(np.array(x, dtype=float), max(2, n // 5))
    p = k / n
    chi = sum((part.sum() - part.size * p) ** 2 / (part.size * p * (1 - p)) for part in parts)
    return chi * (n - 1) / n / (len(parts) - 1)


def series_corpus(docs: dict[str, dict[str, list[int]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """cues and sentences of documents given as doc_id -> frame -> its 0/1 series (one value a
    body sentence; every frame of a document has as many)."""
    sents, cues = [], []
    for d, frames in docs.items():
        n = len(next(iter(frames.values())))
        sents += [(d, s, False) for s in range(1, n + 1)]
        cues += [(d, s, f) for f, x in frames.items() for s, v in enumerate(x, start=1) if v]
    return (pd.DataFrame(cues, columns=["doc_id", "sent_id", "frame"]),
            pd.DataFrame(sents, columns=["doc_id", "sent_id", "is_heading"]))  # fmt: skip


def passage(n: int, start: int, pattern: str, length: int) -> list[int]:
    """n sentences with the frame in ``length`` of them from ``start`` (0-based), repeating
    ``pattern`` ("110": two of every three)."""
    x = [0] * n
    for i in range(length):
        x[start + i] = int(pattern[i % len(pattern)])
    return x


def at(n: int, *places: int) -> list[int]:
    return [int(i in places) for i in range(n)]


# 12 of 40 sentences in one passage (11-22), and 14 of 40 in two of every three of 11-30
BLOCK = passage(40, 10, "1", 12)
PASSAGE = passage(40, 10, "110", 20)


def test_window_dispersion_of_a_frames_sentences_by_hand():
    """12 of 40 in sentences 11-22: windows of 5 hold 0, 0, 5, 5, 2, 0, 0, 0; p = 0.3, each
    window expects 1.5 with variance 5 x 0.3 x 0.7 = 1.05: chi-squared (5 x 1.5^2 + 2 x 3.5^2 +
    0.5^2) / 1.05 = 36 / 1.05 = 34.286, times 39/40 = 33.429, over 7: 4.7755. Two of every
    three of 11-30 (14 of 40): 0, 0, 4, 3, 3, 4, 0, 0 around 1.75, variance 1.1375: (2 x 2.25^2
    + 2 x 1.25^2 + 4 x 1.75^2) / 1.1375 = 22.418, x 39/40 / 7 = 3.1224. A lone sentence in the
    middle of its window: exactly 1. The expectation for sentences in random order is 1."""
    from pipeline.serial_stats import indicator_dispersion

    assert indicator_dispersion(BLOCK) == pytest.approx(36 / 1.05 * 39 / 40 / 7)
    assert indicator_dispersion(BLOCK) == pytest.approx(4.77551, abs=1e-5)
    assert indicator_dispersion(PASSAGE) == pytest.approx(25.5 / 1.1375 * 39 / 40 / 7)
    assert indicator_dispersion(at(40, 17)) == pytest.approx(1.0)
    assert math.isnan(indicator_dispersion([0] * 40)) and math.isnan(indicator_dispersion([1] * 8))
    assert math.isnan(indicator_dispersion([1, 0, 0, 1, 0]))  # one window
    rng = np.random.default_rng(2)
    shuffled = [indicator_dispersion(rng.permutation(BLOCK)) for _ in range(4000)]
    assert np.mean(shuffled) == pytest.approx(1.0, abs=0.03)


def test_design_worth_and_array_forms():
    """design_worth: effective_size itself unless a dispersion exceeds the AR(1) inflation;
    dispersion_of_sums and design_effect of arrays are those of their cells."""
    from pipeline.serial_stats import (
        design_effect,
        design_worth,
        dispersion_of_sums,
        effective_size,
    )

    assert design_worth(40, 0.2, 1.5) == effective_size(40, 0.2)  # 1.2 / 0.8 = 1.5: the AR(1)
    assert design_worth(40, 0.2, 4.0) == 10.0
    assert design_worth(40, 0.0, 30.0) == 2.0 and design_worth(1, 0.0, 1.0) == 2.0
    chi, df = np.array([30.0, 29.0, 9.6, 0.0]), np.array([14, 14, 1, 0])
    got = dispersion_of_sums(chi, df)
    assert got.tolist() == [dispersion_of_sums(float(c), int(d)) for c, d in zip(chi, df)]
    assert got.tolist() == pytest.approx([30 / 14, 1.0, 9.6, 1.0])
    alike = np.array([0.0, 0.2, 0.5])
    assert design_effect(alike, np.array([2.5, 1.0, 1.0])).tolist() == [
        design_effect(0.0, 2.5),
        design_effect(0.2, 1.0),
        design_effect(0.5, 1.0),
    ]
    assert isinstance(design_effect(0.2, 1.3), float) and isinstance(
        dispersion_of_sums(1, 1), float
    )
