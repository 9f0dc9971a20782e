"""Runs of a frame's sentences longer than one sentence: frames.csv's window dispersion
(``disp5``), the share interval and the report's frame items that count it, and tables of an
older run without it."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.frames_corpus import frame_differences, frame_shares
from pipeline.report_corpus_differences import corpus_frame_differences
from pipeline.report_score_differences import frame_difference

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
    """A frames table written from a corpus has disp5 as its last column, after lag1."""
    cues, sents = series_corpus({"a": {"economic": BLOCK}, "b": {"economic": at(40, 17)}})
    assert list(frame_shares(cues, sents).columns) == [
        "doc_id", "frame", "n_cues", "n_sentences", "share", "share_ci_low", "share_ci_high",
        "lag1", "disp5",
    ]  # fmt: skip


def test_a_passage_of_a_frame_widens_its_share_interval():
    """Two of every three of sentences 11-30 of 40 (14): the lag-1 sees little, (7 - 0.35 x 28
    + 39 x 0.35^2) / 9.1 = 0.21731, corrected (0.21731 + 1/40) / (1 - 3/40) = 0.26195, so 40
    sentences counted as 40 x 0.73805 / 1.26195 = 23.394; the windows' chi-squared 21.857 on 7
    degrees of freedom is above the 1% quantile 18.475, so they count as 40 / 3.1224 = 12.811.
    The same 14 spread out: no runs, 40."""
    from scipy.stats import chi2

    from pipeline.report_intervals import clopper_pearson

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


def pair_rows(disp5: bool = True) -> pd.DataFrame:
    """frames.csv rows of two texts of 40 sentences: frame07 in one passage of 12 sentences of a
    (11-22: lag1 (11 - 0.3 x 24 + 39 x 0.09) / 8.4 = 0.870238, disp5 4.77551) and in one lone
    sentence of b (the 18th: lag1 (-1/20 + 39/1600) / 0.975 = -0.0262821, disp5 1); frame00 to
    frame05 in 6 sentences of each, spread out (given as lag1 -0.1, disp5 0.8)."""
    rows = []
    for doc in ("a", "b"):
        for frame in FIFTEEN:
            k, lag1, disp = 0, math.nan, math.nan
            if frame == "frame07":
                k, lag1, disp = (12, 0.870238, 4.77551) if doc == "a" else (1, -0.0262821, 1.0)
            elif frame < "frame06":
                k, lag1, disp = 6, -0.1, 0.8
            rows.append({"doc_id": doc, "frame": frame, "n_cues": k, "n_sentences": k,
                         "share": k / 40, "share_ci_low": 0.0, "share_ci_high": 1.0,
                         "lag1": lag1, "disp5": disp})  # fmt: skip
    out = pd.DataFrame(rows)
    return out if disp5 else out.drop(columns="disp5")


def test_pair_rows_are_those_of_the_texts():
    """pair_rows' frame07 summaries are frames.csv's of the two texts."""
    cues, sents = series_corpus({"a": {"frame07": BLOCK}, "b": {"frame07": at(40, 17)}})
    out = frame_shares(cues, sents).set_index(["doc_id", "frame"])
    rows = pair_rows().set_index(["doc_id", "frame"])
    for key in (("a", "frame07"), ("b", "frame07")):
        assert out.loc[key, ["lag1", "disp5"]].to_numpy(float) == pytest.approx(
            rows.loc[key, ["lag1", "disp5"]].to_numpy(float), rel=1e-5
        )


def ends(text: str) -> str:
    """The ends of an item's interval as the text gives them ("5 to 53")."""
    return re.search(r"frames?: (\S+ to \S+) points", text).group(1).replace("\u2212", "-")


def test_a_pair_frame_item_counts_a_passage_by_its_windows():
    """A text that discusses a frame in one passage of 12 sentences and never again, against
    one that has it once: the lag-1 correlation pooled over both texts and all frames is
    (0.870238 x 8.4 - 0.0262821 x 0.975 - 12 x 0.1 x 5.1) / (8.4 + 0.975 + 12 x 5.1) = 1.164375
    / 70.575 = 0.016498, corrected 0.044863: each text counts as 40 x 0.955137 / 1.044863 =
    36.566 sentences, and 12 of 40 vs 1 of 40 is clear (1 to 53 points at the level of 15
    frames). a's windows: chi-squared 33.429 on 7 degrees of freedom, above the 1% quantile
    18.475: a counts as 40 / 4.77551 = 8.376 sentences; b's lone sentence (7 on 7) and the two
    texts' windows pooled (107.63 on 98, quantile 133.48) show nothing: b stays 36.566. Then the
    item is tentative (-6 to 79 points). A statistician's simulation (README): one text with
    passages against a plain one was "clear" 18% of the time with the lag-1 alone."""
    from pipeline.report_intervals import proportion_difference_interval
    from pipeline.report_stats import frame_sums
    from pipeline.serial_stats import alike_of_sums

    docs = [{"doc_id": "a", "n_sentences": 40}, {"doc_id": "b", "n_sentences": 40}]
    alike = alike_of_sums(*frame_sums(pair_rows(), {"a": 40, "b": 40}))
    assert alike == pytest.approx(0.041498 / 0.925, abs=1e-5)
    lag_worth = 40 * (1 - alike) / (1 + alike)
    assert lag_worth == pytest.approx(36.566, abs=1e-3)

    (before,) = frame_difference(pair_rows(disp5=False), docs, {}, set())
    want = proportion_difference_interval(12, 40, 1, 40, confidence=LEVEL,
                                          effective=(lag_worth, lag_worth))  # fmt: skip
    assert before["caution"] is False and want[0] > 0
    assert ends(before["text"]) == f"{100 * want[0]:.0f} to {100 * want[1]:.0f}"

    (after,) = frame_difference(pair_rows(), docs, {}, set())
    worth = 40 / (36 / 1.05 * 39 / 40 / 7)
    assert worth == pytest.approx(8.376, abs=1e-3)
    want = proportion_difference_interval(12, 40, 1, 40, confidence=LEVEL,
                                          effective=(worth, lag_worth))  # fmt: skip
    assert after["caution"] is True and want[0] < 0
    assert ends(after["text"]) == f"{100 * want[0]:.0f} to {100 * want[1]:.0f}"


def test_a_top_frame_item_counts_a_passage_by_its_windows():
    """Five texts of 40 sentences: a has frame07 in two of every three of sentences 11-30 (14;
    lag1 0.217308, disp5 3.12245), b to e in their 3rd and 16th (2 each; lag1 (-0.2 + 39 x
    0.0025) / 1.9 = -0.0539474, disp5 (2 x 0.75^2 + 6 x 0.25^2) / 0.2375 x 39/40 / 7 =
    0.879699). The frame's lag-1 pooled over the five: (1.9775 - 4 x 0.1025) / (9.1 + 4 x 1.9)
    = 0.093862, corrected 0.128500: each text counts as 40 / 1.29489 = 30.891 and a's 14 of 40
    against the others' 8 of 160 is clear (at the level of 5 texts and 15 frames). a's windows
    (21.857 on 7) show its passage: it counts as 40 / 3.12245 = 12.811; the others' (24.632 on
    28, quantile 48.28) and all five's (46.489 on 35, quantile 57.34) show nothing. Then the
    item is tentative."""
    from pipeline.report_intervals import proportion_difference_interval

    rows = []
    summary = {"a": (14, 0.217308, 3.12245)}
    summary.update({d: (2, -0.0539474, 0.879699) for d in "bcde"})
    for doc, (k, lag1, disp) in summary.items():
        for frame in FIFTEEN:
            on = frame == "frame07"
            rows.append({"doc_id": doc, "frame": frame, "n_sentences": k if on else 0,
                         "lag1": lag1 if on else math.nan,
                         "disp5": disp if on else math.nan})  # fmt: skip
    frames = pd.DataFrame(rows)
    docs = [{"doc_id": d, "n_sentences": 40} for d in "abcde"]
    level = 1 - 0.05 / (5 * 15)
    lag_worth = 40 / (1.128500 / 0.871500)
    assert lag_worth == pytest.approx(30.891, abs=1e-3)

    (before,) = corpus_frame_differences(frames.drop(columns="disp5"), docs, {}, set())
    want = proportion_difference_interval(14, 40, 8, 160, confidence=level,
                                          effective=(lag_worth, 4 * lag_worth))  # fmt: skip
    assert before["caution"] is False and want[0] > 0
    assert ends(before["text"]) == f"{100 * want[0]:.0f} to {100 * want[1]:.0f}"

    (after,) = corpus_frame_differences(frames, docs, {}, set())
    worth = 40 / 3.12245
    want = proportion_difference_interval(14, 40, 8, 160, confidence=level,
                                          effective=(worth, 4 * lag_worth))  # fmt: skip
    assert after["caution"] is True and want[0] < 0
    assert ends(after["text"]) == f"{100 * want[0]:.0f} to {100 * want[1]:.0f}"

    # the summaries are those of the texts
    cues, sents = series_corpus({"a": {"frame07": PASSAGE}, "b": {"frame07": at(40, 2, 15)}})
    out = frame_shares(cues, sents).set_index(["doc_id", "frame"])
    assert out.loc[("a", "frame07"), ["lag1", "disp5"]].to_numpy(float) == pytest.approx(
        summary["a"][1:], rel=1e-5
    )
    assert out.loc[("b", "frame07"), ["lag1", "disp5"]].to_numpy(float) == pytest.approx(
        summary["b"][1:], rel=1e-5
    )


def random_corpus(rng: np.random.Generator, n_docs: int) -> dict[str, dict[str, list[int]]]:
    """Texts of 6 to 60 sentences with four frames: spread out, in one or two passages, or in
    passages with gaps (the cases of the statistician's simulation)."""
    docs = {}
    for d in range(n_docs):
        n = int(rng.integers(6, 61))
        frames = {}
        for f, share in zip(("economic", "legality", "morality", "security_defense"),
                            (0.1, 0.2, 0.05, 0.3), strict=True):  # fmt: skip
            kind = rng.integers(3)
            if kind == 0:
                x = (rng.random(n) < share).astype(int).tolist()
            else:
                length = int(rng.integers(2, max(3, n // 2)))
                start = int(rng.integers(0, n - length + 1))
                x = passage(n, start, "1" if kind == 1 else "110", length)
            frames[f] = x
        docs[f"d{d:02d}"] = frames
    return docs


@pytest.mark.parametrize("seed", range(6))
def test_tables_without_disp5_give_the_lag1_rules_exact_worth(monkeypatch, seed):
    """A frames.csv of an older run (no disp5 column): every pair and top-of-many frame item is
    weighed with exactly the effective sizes of the lag-1 rule of before (the pair: both texts
    at min(n, effective_size(n, r)) with r pooled over both texts and all frames; the top of
    many: with the frame's r pooled over all texts, the rest as the sum of the others'), so its
    decisions and numbers are those of before; with the column, some differ."""
    from pipeline.report_stats import frame_sums
    from pipeline.serial_stats import alike_of_sums, effective_size

    rng = np.random.default_rng(seed)
    differs = 0
    for trial in range(12):
        docs = random_corpus(rng, 2 if trial % 2 else 5)
        cues, sents = series_corpus(docs)
        shares = frame_shares(cues, sents)
        body = {d: len(next(iter(f.values()))) for d, f in docs.items()}
        rows = [{"doc_id": d, "n_sentences": n} for d, n in body.items()]
        item = frame_difference if len(docs) == 2 else corpus_frame_differences

        old = item_sizes(monkeypatch, item, shares.drop(columns="disp5"), rows)
        expected = set()  # (k, n, k of the other side, the effective sizes of before)
        for frame in ("economic", "legality", "morality", "security_defense"):
            k = {d: sum(x[frame]) for d, x in docs.items()}
            if len(docs) == 2:
                alike = alike_of_sums(*frame_sums(shares, body))
                (a, n_a), (b, n_b) = body.items()
                worth = {d: min(n, effective_size(n, alike)) for d, n in body.items()}
                expected |= {(k[a], n_a, k[b], (worth[a], worth[b])),
                             (k[b], n_b, k[a], (worth[b], worth[a]))}  # fmt: skip
                continue
            alike = alike_of_sums(*frame_sums(shares[shares["frame"] == frame], body))
            for top, n in body.items():
                rest = sum(min(body[d], effective_size(body[d], alike)) for d in body if d != top)
                expected.add((k[top], n, sum(k.values()) - k[top],
                              (min(n, effective_size(n, alike)), rest)))  # fmt: skip
        for k1, n1, k2, _, effective in old:
            assert (k1, n1, k2, effective) in expected  # the very floats of before

        differs += sorted(item_sizes(monkeypatch, item, shares, rows)) != sorted(old)
    assert differs  # the windows change some of these items


def item_sizes(monkeypatch, item, shares, rows) -> list[tuple]:
    """(k, n, k of the other side, n of the other side, effective sizes) of each interval a
    report frame item computes, as it calls proportion_difference_interval."""
    import pipeline.report_corpus_differences as corpus_module
    import pipeline.report_score_differences as pair_module
    from pipeline.report_intervals import proportion_difference_interval

    calls = []

    def spy(k1, n1, k2, n2, *, confidence, effective):
        calls.append((k1, n1, k2, n2, effective))
        return proportion_difference_interval(k1, n1, k2, n2, confidence=confidence,
                                              effective=effective)  # fmt: skip

    monkeypatch.setattr(pair_module, "proportion_difference_interval", spy)
    monkeypatch.setattr(corpus_module, "proportion_difference_interval", spy)
    item(shares, rows, {}, set())
    return calls


def table_sizes(monkeypatch, cues, sents) -> dict[tuple[str, str, str], tuple[float, float]]:
    """(doc_a, doc_b, frame) -> the effective sizes of both sides frame_differences.csv's row
    counts, as frames_corpus calls proportion_difference_arrays."""
    import pipeline.frames_corpus as module

    seen = []
    real = module.proportion_difference_arrays

    def spy(x_a, n_a, x_b, n_b, *, confidence):
        seen.append((np.array(n_a), np.array(n_b)))
        return real(x_a, n_a, x_b, n_b, confidence=confidence)

    monkeypatch.setattr(module, "proportion_difference_arrays", spy)
    table = frame_differences(cues, sents)
    ((w_a, w_b),) = seen
    c = module.frame_counts(cues, sents)
    if table["doc_b"].eq(module.REST).all():
        pairs = [(d, module.REST) for d in c.doc_ids]
    else:
        ia, ib = np.triu_indices(len(c.doc_ids), k=1)
        pairs = [(c.doc_ids[i], c.doc_ids[j]) for i, j in zip(ia, ib, strict=True)]
    return {(a, b, f): (float(w_a[p, i]), float(w_b[p, i]))
            for p, (a, b) in enumerate(pairs) for i, f in enumerate(c.frames)}  # fmt: skip


def test_frame_differences_csv_weighs_the_windows_as_the_report_does(monkeypatch):
    """frame_differences.csv's pair rows count each side's sentences as the report's pair item
    counts them, and its rest rows as the top-of-many item counts the top document and the
    rest: the effective sizes each hands to its interval, compared as they are computed."""
    pair = {"a": {"economic": BLOCK, "legality": at(40, 3, 20, 33)},
            "b": {"economic": at(40, 17), "legality": at(40, 5, 25)}}  # fmt: skip
    cues, sents = series_corpus(pair)
    rows = [{"doc_id": "a", "n_sentences": 40}, {"doc_id": "b", "n_sentences": 40}]
    calls = item_sizes(monkeypatch, frame_difference, frame_shares(cues, sents), rows)
    table = table_sizes(monkeypatch, cues, sents)
    by_k = {(k1, k2): effective for k1, _, k2, _, effective in calls}
    got = table["a", "b", "economic"]
    assert by_k[12, 1] == pytest.approx(got, rel=1e-12)
    assert got[0] == pytest.approx(40 / 4.77551, abs=1e-3)  # a's passage shows in its windows
    assert by_k[3, 2] == pytest.approx(table["a", "b", "legality"], rel=1e-12)

    rng = np.random.default_rng(8)
    docs = random_corpus(rng, 24)
    docs["d00"]["economic"] = passage(50, 5, "110", 24)[: len(docs["d00"]["economic"])]
    docs["d03"]["legality"] = [1] * 6 + [0] * (len(docs["d03"]["legality"]) - 6)
    cues, sents = series_corpus(docs)
    body = {d: len(next(iter(f.values()))) for d, f in docs.items()}
    rows = [{"doc_id": d, "n_sentences": n} for d, n in body.items()]
    calls = item_sizes(monkeypatch, corpus_frame_differences, frame_shares(cues, sents), rows)
    table = table_sizes(monkeypatch, cues, sents)
    k = {(d, f): sum(x) for d, frames in docs.items() for f, x in frames.items()}
    total = {f: sum(v for (_, g), v in k.items() if g == f) for _, f in k}
    assert len(calls) >= 2  # some frames have a top document
    for k1, n1, k2, _, effective in calls:
        # the top document and frame: the one whose counts the call holds
        (top, frame), *more = [(d, f) for (d, f), v in k.items()
                               if (v, body[d], total[f] - v) == (k1, n1, k2)]  # fmt: skip
        assert not more
        assert effective == pytest.approx(table[top, "(rest)", frame], rel=1e-12)


def test_rest_worth_is_the_sum_of_the_others_worth():
    """frame_runs.rest_worth (sorted sums) equals adding up the others' worth one by one."""
    from pipeline.frame_runs import rest_worth
    from pipeline.serial_stats import design_worth

    rng = np.random.default_rng(4)
    n = rng.integers(0, 80, 40).astype(float)
    alike = np.array([0.0, 0.2, 0.5])
    deff = np.where(rng.random((40, 3)) < 0.5, 1.0, rng.uniform(1, 12, (40, 3)))
    got = rest_worth(n, alike, deff)
    for d in range(40):
        for f in range(3):
            want = sum(min(n[i], design_worth(float(n[i]), float(alike[f]), float(deff[d, f])))
                       for i in range(40) if i != d)  # fmt: skip
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
    # the 1% quantiles of scipy.stats.chi2.ppf(0.99, df): 29.141238 at 14, 6.634897 at 1; a
    # chi-squared just above one shows, just below it does not, as numbers and as arrays
    chi = [29.1413, 29.1412, 6.6349, 6.6348, 9.6, 0.0, 5.0]
    df = [14, 14, 1, 1, 1, 0, 0]
    want = [29.1413 / 14, 1.0, 6.6349, 1.0, 9.6, 1.0, 1.0]
    assert dispersion_of_sums(np.array(chi), np.array(df)).tolist() == pytest.approx(want)
    assert [dispersion_of_sums(c, d) for c, d in zip(chi, df, strict=True)] == pytest.approx(want)
    alike = np.array([0.0, 0.2, 0.5])
    assert design_effect(alike, np.array([2.5, 1.0, 1.0])).tolist() == [
        design_effect(0.0, 2.5),
        design_effect(0.2, 1.0),
        design_effect(0.5, 1.0),
    ]
    assert isinstance(design_effect(0.2, 1.3), float) and isinstance(
        dispersion_of_sums(1, 1), float
    )


def test_design_worth_of_arrays_is_that_of_each_cell():
    """design_worth over numpy arrays (the frames tables) gives, cell by cell, the very number
    the scalar form gives (the report's items), and so do window_degrees and design_effect;
    design_effect passes over a NaN in both forms."""
    from pipeline.serial_stats import design_effect, design_worth, window_degrees

    n = np.array([0.0, 1.0, 2.0, 5.0, 9.0, 10.0, 23.0, 34.0, 500.0])[:, None, None]
    alike = np.array([0.0, 0.2, 0.6, 0.9])[None, :, None]
    deff = np.array([1.0, 1.2, 1.5, 2.9, 4.0, 30.0, 2000.0])[None, None, :]
    got = design_worth(n, alike, deff)
    assert got.shape == (9, 4, 7)
    for i, j, m in np.ndindex(got.shape):
        want = design_worth(float(n[i, 0, 0]), float(alike[0, j, 0]), float(deff[0, 0, m]))
        assert got[i, j, m] == want, (i, j, m)
    sizes = np.arange(0, 60, dtype=float)
    assert window_degrees(sizes).tolist() == [window_degrees(int(v)) for v in sizes]
    assert window_degrees(np.array([np.nan, 23.0])).tolist() == [0.0, 3.0]
    assert design_effect(0.2, math.nan) == 1.2 / 0.8 == design_effect(np.array([0.2]), np.nan)[0]
    assert design_effect(0.0, math.nan, 2.5) == 2.5 == design_effect(0.0, np.array([np.nan]), 2.5)


def test_a_text_under_ten_sentences_has_no_windows_anywhere(monkeypatch):
    """A text of 8 sentences with 4 frame sentences in its first half (windows 4 + 4: disp5 =
    8 x 7/8 = 7, chi-squared 7 on 1 degree of freedom, above the 1% quantile 6.63): under
    MIN_INTERVAL_SENTENCES its windows count nowhere. frames.csv's share interval is the plain
    exact one of 4 of 8; frame_differences.csv's pair row and the report's pair item count it
    as its 8 sentences too (a text of 40 without runs on the other side)."""
    from pipeline.report_intervals import clopper_pearson, proportion_difference_interval

    short, plain = [1, 1, 1, 1, 0, 0, 0, 0], at(40, 3, 20, 33)
    cues, sents = series_corpus({"a": {"economic": short}, "b": {"economic": plain}})
    shares = frame_shares(cues, sents)
    row = shares.set_index(["doc_id", "frame"]).loc[("a", "economic")]
    assert row["disp5"] == pytest.approx(7.0)
    assert (row["share_ci_low"], row["share_ci_high"]) == pytest.approx(clopper_pearson(4, 8))
    pair = frame_differences(cues, sents).set_index("frame").loc["economic"]
    # b's lag-1 of 3 lone sentences, corrected, is 0: both sides count all their sentences
    want = proportion_difference_interval(4, 8, 3, 40, effective=(8.0, 40.0))
    assert (pair["ci_low"], pair["ci_high"]) == pytest.approx(want, abs=1e-9)

    rows = [{"doc_id": "a", "n_sentences": 8}, {"doc_id": "b", "n_sentences": 40}]
    calls = item_sizes(monkeypatch, frame_difference, shares, rows)
    assert calls and calls[0][:4] == (4, 8, 3, 40)
    assert calls[0][4] == pytest.approx((8.0, 40.0))


def test_a_duplicated_frames_row_counts_twice_in_both_sums():
    """Two rows of one (document, frame): frame_dispersion_cells adds up both, as frame_sums
    counts both (neither keeps one and drops the other); a text under 10 sentences has none."""
    from pipeline.report_stats import frame_dispersion_cells, frame_sums

    row = {"doc_id": "a", "frame": "economic", "n_sentences": 12, "lag1": 0.87, "disp5": 4.0}
    other = {"doc_id": "b", "frame": "economic", "n_sentences": 1, "lag1": -0.03, "disp5": 1.0}
    once, twice = pd.DataFrame([row, other]), pd.DataFrame([row, row, other])
    body = {"a": 40, "b": 40}
    assert frame_dispersion_cells(once, body) == {
        ("a", "economic"): (28.0, 7),
        ("b", "economic"): (7.0, 7),
    }
    assert frame_dispersion_cells(twice, body) == {
        ("a", "economic"): (56.0, 14),
        ("b", "economic"): (7.0, 7),
    }
    number = frame_sums(once, body)[3]  # the series pooled
    assert frame_sums(twice, body)[3] == number + 1
    assert frame_dispersion_cells(once, {"a": 9, "b": 40}) == {("b", "economic"): (7.0, 7)}


def test_numeric_doc_ids_are_read_as_text_in_the_frame_sums():
    """frames.csv read without dtypes gives doc_ids such as 2023 as numbers: frame_sums and
    frame_sentence_counts take them as the text documents.csv's doc_id is."""
    from pipeline.report_items import frame_sentence_counts
    from pipeline.report_stats import frame_sums

    text = pair_rows().replace({"doc_id": {"a": "2023", "b": "2024"}})
    numbers = text.assign(doc_id=text["doc_id"].astype(int))
    body = {"2023": 40, "2024": 40}
    want = frame_sums(text[text["frame"] == "frame07"], body)
    assert want[3] == 2 and frame_sums(numbers[numbers["frame"] == "frame07"], body) == want
    counts = frame_sentence_counts(numbers, body)
    assert counts["frame07"] == {"2023": 12, "2024": 1} and counts == frame_sentence_counts(
        text, body
    )
