"""Runs of a frame's sentences longer than one sentence: frames.csv's window dispersion
(``disp5``), the share interval and the report's frame items that count it, and tables of an
older run without it."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.frames_corpus import frame_shares

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


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sets(st.sampled_from(["economic", "legality"])), min_size=0, max_size=45),
        min_size=1, max_size=5,
    )
)  # fmt: skip
def test_frames_disp5_is_the_indicators_window_dispersion(docs):
    """frames.csv's disp5, from counts of each frame's sentences per window, equals the
    independent reference of each frame's 0/1 series (empty under 6 sentences, for a share of 0
    or 1)."""
    series = {f"d{i}": {f: [int(f in s) for s in sentences] for f in ("economic", "legality")}
              for i, sentences in enumerate(docs) if sentences}  # fmt: skip
    if not series:
        return
    cues, sents = series_corpus(series)
    out = frame_shares(cues, sents).set_index(["doc_id", "frame"])
    for d, frames in series.items():
        for f, x in frames.items():
            want = reference_dispersion(x)
            got = out.loc[(d, f), "disp5"] if (d, f) in out.index else math.nan
            assert got == pytest.approx(want, rel=1e-12, abs=1e-12, nan_ok=True), (d, f, x)


def test_frames_csv_has_disp5_last():
    from pipeline.frames_corpus import SHARE_COLUMNS

    assert SHARE_COLUMNS[-2:] == ("lag1", "disp5")


def test_a_passage_of_a_frame_widens_its_share_interval():
    """Two of every three of sentences 11-30 of 40 (14): the lag-1 sees little, (7 - 0.35 x 28
    + 39 x 0.35^2) / 9.1 = 0.21731, corrected (0.21731 + 1/40) / (1 - 3/40) = 0.26195, so 40
    sentences counted as 40 x 0.73805 / 1.26195 = 23.394; the windows' chi-squared 21.857 on 7
    degrees of freedom is above the 1% quantile 18.475, so they count as 40 / 3.1224 = 12.811.
    The same 14 spread out: no runs, 40."""
    from scipy.stats import chi2

    from pipeline.report_stats import clopper_pearson

    assert chi2.ppf(0.99, 7) == pytest.approx(18.4753, abs=1e-4)
    spread = at(40, *[1 + round(i * 39 / 14) for i in range(14)])
    cues, sents = series_corpus({"a": {"economic": PASSAGE}, "b": {"economic": spread}})
    out = frame_shares(cues, sents).set_index(["doc_id", "frame"])
    row = out.loc[("a", "economic")]
    assert row["lag1"] == pytest.approx(1.9775 / 9.1)
    assert row["disp5"] == pytest.approx(3.12245, abs=1e-5)
    worth = 40 / (25.5 / 1.1375 * 39 / 40 / 7)
    assert worth == pytest.approx(12.811, abs=1e-3)
    got = (row["share_ci_low"], row["share_ci_high"])
    assert got == pytest.approx(clopper_pearson(14 * worth / 40, worth), abs=1e-9)
    lag_only = 40 * (1 - 0.26195) / (1 + 0.26195)
    assert lag_only == pytest.approx(23.394, abs=1e-3)
    assert got[1] - got[0] > 0.1 + np.subtract(*clopper_pearson(14 * lag_only / 40, lag_only)[::-1])
    row = out.loc[("b", "economic")]  # no runs: the plain exact interval
    assert row["disp5"] < 1.0
    assert (row["share_ci_low"], row["share_ci_high"]) == pytest.approx(clopper_pearson(14, 40))


def test_rest_worth_is_the_sum_of_the_others_worth():
    """frame_runs.rest_worth (sorted sums) equals adding up the others' worth one by one."""
    from pipeline.frame_runs import rest_worth, worth

    rng = np.random.default_rng(4)
    n = rng.integers(0, 80, 40).astype(float)
    alike = np.array([0.0, 0.2, 0.5])
    deff = np.where(rng.random((40, 3)) < 0.5, 1.0, rng.uniform(1, 12, (40, 3)))
    got = rest_worth(n, alike, deff)
    for d in range(40):
        for f in range(3):
            want = sum(worth(n[i], alike[f], deff[d, f]) for i in range(40) if i != d)
            assert got[d, f] == pytest.approx(want, rel=1e-12, abs=1e-9)


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
