"""Tests for pipeline.keyness and pipeline.keyness_table against hand-worked values on a toy
corpus, and of the "vs the rest" shortcut against the dense computation on random term matrices."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.keyness import Comparison, _one_hot, comparison_indicators, comparisons_for
from pipeline.keyness_rest import _rest_q_values, _rest_selected, _TermClasses
from pipeline.keyness_stats import (
    bh_q_values,
    direction,
    exact_p_value,
    g2_p_value,
    g2_statistic,
    log_odds_z,
    log_ratio,
)
from pipeline.keyness_table import (
    KEYNESS_COLUMNS,
    RATE_PER,
    _masked_q_values,
    _selected,
    keyness_table,
)
from pipeline.terms import term_matrix

# Toy corpus: target "t" has 100 terms (x 10, y 90), reference "r" 200 terms (x 2, y 198).
TOY = pd.DataFrame(
    {"doc_id": ["t", "t", "r", "r"], "term": ["x", "y", "x", "y"], "count": [10, 90, 2, 198]}
)


# G2 for x: a=10, b=2, c=100, d=200.
#   E1 = c(a+b)/(c+d) = 100*12/300 = 4;  E2 = 200*12/300 = 8
#   G2 = 2 (10 ln(10/4) + 2 ln(2/8)) = 2 (9.162907 - 2.772589) = 12.780637
#   p  = chi2.sf(12.780637, 1) = erfc(sqrt(12.780637 / 2)) = 0.000350226
# Zero cell: a=5, b=0, c=d=100: E1 = 2.5, G2 = 2 * 5 ln 2 = 6.931472
# y: a=90, b=198: E1 = 96, E2 = 192: G2 = 2 (90 ln(90/96) + 198 ln(198/192)) = 0.568643
@pytest.mark.parametrize(
    ("a", "b", "c", "d", "expected"),
    [
        (10, 2, 100, 200, 12.780637193),
        (5, 0, 100, 100, 6.931471806),
        (90, 198, 100, 200, 0.568643027),
        (3, 3, 100, 100, 0.0),
    ],
)
def test_g2_hand_worked(a, b, c, d, expected) -> None:
    assert g2_statistic(np.array([a]), np.array([b]), c, d)[0] == pytest.approx(expected, rel=1e-8)


@pytest.mark.parametrize("g2", [0.0, 1e-9, 0.5, 3.841458821, 12.780637193, 60.0, 400.0])
def test_p_value_is_chi_square_one_df(g2: float) -> None:
    from scipy.stats import chi2

    assert g2_p_value(np.array([g2]))[0] == pytest.approx(chi2.sf(g2, 1), rel=1e-12, abs=1e-300)


def test_p_value_at_the_5_percent_critical_value() -> None:
    assert g2_p_value(np.array([3.841458821]))[0] == pytest.approx(0.05, rel=1e-8)


# the exact p: given n = a + b, a ~ Binomial(n, c / (c + d)); twice the smaller tail, at most 1
#   5 vs 0 in 231 and 355 terms: P(X >= 5) = (231/586)^5 = 0.0095186 -> 0.019037 (G2's: 0.0023)
#   0 vs 7: P(X <= 0) = (355/586)^7 = 0.029944 -> 0.059889
#   3 vs 1 in equal texts: P(X >= 3) = 5/16 -> 0.625; 2 vs 2: both tails 11/16 -> 1
@pytest.mark.parametrize(
    ("a", "b", "c", "d", "expected"),
    [(5, 0, 231, 355, 0.0190371), (0, 7, 231, 355, 0.0598887), (3, 1, 100, 100, 0.625),
     (2, 2, 100, 100, 1.0)],
)  # fmt: skip
def test_exact_p_value_hand_worked(a, b, c, d, expected) -> None:
    assert exact_p_value(*map(np.array, ([a], [b], [c], [d])))[0] == pytest.approx(expected, 1e-5)


@settings(max_examples=100, deadline=None)
@given(a=st.integers(0, 300), b=st.integers(0, 300), c=st.integers(1, 10**6),
       d=st.integers(1, 10**6))  # fmt: skip
def test_exact_p_value_is_twice_the_smaller_binomial_tail(a, b, c, d) -> None:
    from scipy.stats import binom

    # P(X <= a) as P(n - X >= b) at the other side's share d / (c + d), not 1 - share: when c >>
    # d, 1 - share keeps few digits and the lower tail's reference was off by 1e-9 (a=0, b=49,
    # c=551202, d=1: 9.47900905e-282 against the exact 9.47900904e-282)
    n, share, rest = a + b, c / (c + d), d / (c + d)
    want = min(1.0, 2 * min(binom.sf(b - 1, n, rest), binom.sf(a - 1, n, share)))
    got = exact_p_value(np.array([a]), np.array([b]), np.array([c]), np.array([d]))[0]
    assert got == pytest.approx(want, rel=1e-9, abs=1e-300)


# log ratio = log2((a/c)/(b/d)); zero counts become 0.5
#   x: (10/100)/(2/200) = 0.1/0.01 = 10 -> 3.321928
#   a=5, b=0 -> b=0.5: (5/100)/(0.5/100) = 10 -> 3.321928
#   a=0, b=4, c=d=100 -> a=0.5: 0.5/4 = 1/8 -> -3
@pytest.mark.parametrize(
    ("a", "b", "c", "d", "expected"),
    [
        (10, 2, 100, 200, 3.321928095),
        (5, 0, 100, 100, 3.321928095),
        (0, 4, 100, 100, -3.0),
        (6, 6, 300, 300, 0.0),
        # a=0 in a 75-term text, b=3 in 10,000: (0.5/75)/(3/10000) = 22.2 -> +4.47, the
        # opposite of the counts' direction: no log ratio
        (0, 3, 75, 10000, math.nan),
        (3, 0, 10000, 75, math.nan),
        # a=0 in 900 terms, b=5 in 9,000: (0.5/900)/(5/9000) = 1 -> 0, "equally frequent" for
        # 0 against 5: no log ratio either
        (0, 5, 900, 9000, math.nan),
        (5, 0, 9000, 900, math.nan),
        # a=0, c=75, b=200, d=10000: (0.5/75)/(200/10000) = 1/3 -> -1.584963, same direction
        (0, 200, 75, 10000, -1.584962501),
    ],
)
def test_log_ratio_hand_worked(a, b, c, d, expected) -> None:
    got = log_ratio(np.array([a]), np.array([b]), c, d)[0]
    assert got == pytest.approx(expected, abs=1e-9, nan_ok=True)


# log-odds z, prior = the two sides' pooled counts: alpha_x = 12, alpha_0 = 300
#   delta = ln((10+12)/(100+300-10-12)) - ln((2+12)/(200+300-2-12))
#         = ln(22/378) - ln(14/486) = 0.703300
#   var = 1/22 + 1/14 = 0.116883; z = 0.703300 / 0.341882 = 2.057143
# y: alpha_y = 288: delta = ln(378/22) - ln(486/14) = -0.703300, var = 1/378 + 1/486,
#   z = -10.255280
# zero cell (a=5, b=0, c=d=100, alpha=5, alpha_0=200):
#   delta = ln(10/290) - ln(5/295) = 0.709565, var = 1/10 + 1/5, z = 1.296718
@pytest.mark.parametrize(
    ("a", "b", "c", "d", "expected"),
    [
        (10, 2, 100, 200, 2.057142841),
        (90, 198, 100, 200, -10.255279567),
        (5, 0, 100, 100, 1.296717844),
    ],
)
def test_log_odds_z_hand_worked(a, b, c, d, expected) -> None:
    z = log_odds_z(np.array([a]), np.array([b]), c, d)
    assert z[0] == pytest.approx(expected, rel=1e-8)


def test_keyness_table_on_toy_corpus() -> None:
    matrix = term_matrix(TOY, ["r", "t"])
    comps = comparisons_for(["r", "t"], mode="auto")
    assert [(c.name, c.target, c.reference) for c in comps] == [("r_vs_t", "r", "t")]
    # make "t" the target to match the worked values above
    (comp,) = comparisons_for(["t", "r"], mode="pairs")
    frame = keyness_table(matrix, [comp], min_count=1, top_n=None)
    assert list(frame.columns) == list(KEYNESS_COLUMNS)
    x = frame.set_index("term").loc["x"]
    assert (x["comparison"], x["target"], x["reference"]) == ("t_vs_r", "t", "r")
    assert (x["count_target"], x["count_reference"]) == (10, 2)
    assert (x["docs_target"], x["docs_reference"]) == (1, 1)  # one document a side
    assert x["rate_target"] == pytest.approx(100.0)  # 10 per 100 terms = 100 per 1,000
    assert x["rate_reference"] == pytest.approx(10.0)
    assert x["log_ratio"] == pytest.approx(3.321928095)
    assert x["g2"] == pytest.approx(12.780637193)  # positive: more in the target
    assert x["p_value"] == pytest.approx(0.000350226, rel=1e-5)
    assert x["log_odds_z"] == pytest.approx(2.057142841)
    assert x["low_count"]  # expected counts E1 = 4 and E2 = 8: 4 < 5 flags it
    y = frame.set_index("term").loc["y"]
    assert y["g2"] == pytest.approx(-0.568643027)  # signed: less in the target
    assert y["log_odds_z"] == pytest.approx(-10.255279567)
    # BH over the two terms: p_y = 0.4508 -> q_y = p_y * 2/2, q_x = p_x * 2/1
    assert x["q_value"] == pytest.approx(2 * 0.000350226, rel=1e-5)
    assert y["q_value"] == pytest.approx(y["p_value"])


@pytest.mark.parametrize(
    ("expected_min", "flag"),
    [(5.0, True), (3.9, False)],
)
def test_low_count_flag(expected_min, flag) -> None:
    # min expected count of x is min(E1, E2) = 4
    matrix = term_matrix(TOY, ["r", "t"])
    (comp,) = comparisons_for(["t", "r"], mode="pairs")
    frame = keyness_table(matrix, [comp], min_count=1, top_n=None, low_count_expected=expected_min)
    assert bool(frame.set_index("term").loc["x", "low_count"]) is flag


def test_min_count_filters_terms() -> None:
    table = pd.DataFrame(
        {"doc_id": ["a", "a", "b"], "term": ["rare", "common", "common"], "count": [2, 5, 4]}
    )
    matrix = term_matrix(table, ["a", "b"])
    comps = comparisons_for(["a", "b"])
    assert keyness_table(matrix, comps, min_count=3)["term"].tolist() == ["common"]
    assert keyness_table(matrix, comps, min_count=2)["term"].tolist() == ["common", "rare"]
    none = keyness_table(matrix, comps, min_count=100)
    assert none.empty and list(none.columns) == list(KEYNESS_COLUMNS)


# BH by hand: p sorted 0.005, 0.01, 0.03, 0.04 (m = 4): p*m/rank = 0.02, 0.02, 0.04, 0.04
# second: 0.001, 0.039, 0.04, 0.2 -> 0.004, 0.078, 0.0533, 0.2 -> running min from the top:
#   0.004, 0.0533, 0.0533, 0.2
@pytest.mark.parametrize(
    ("p", "q"),
    [
        ([0.01, 0.04, 0.03, 0.005], [0.02, 0.04, 0.04, 0.02]),
        ([0.001, 0.04, 0.039, 0.2], [0.004, 0.16 / 3, 0.16 / 3, 0.2]),
        ([0.5], [0.5]),
    ],
)
def test_bh_q_values_literal(p, q) -> None:
    assert bh_q_values(np.array(p)) == pytest.approx(q)


def test_one_vs_rest_and_groups() -> None:
    ids = ["a", "b", "c"]
    names = [c.name for c in comparisons_for(ids)]
    assert names == ["a_vs_rest", "b_vs_rest", "c_vs_rest"]
    groups = {"a": "left", "b": "right", "c": "left"}
    (comp,) = comparisons_for(ids, groups=groups)
    assert (comp.name, comp.target_docs, comp.reference_docs) == (
        "left_vs_right",
        ("a", "c"),
        ("b",),
    )
    assert comparisons_for(["only"]) == []
    with pytest.raises(ValueError):
        comparisons_for(ids, mode="groups", groups={"a": "x"})
    with pytest.raises(ValueError):
        comparisons_for(ids, mode="nonsense")


def test_one_vs_rest_reference_is_every_other_document() -> None:
    table = pd.DataFrame(
        {"doc_id": ["a", "b", "c", "c"], "term": ["w", "w", "w", "v"], "count": [4, 1, 2, 3]}
    )
    matrix = term_matrix(table, ["a", "b", "c"])
    frame = keyness_table(matrix, comparisons_for(["a", "b", "c"]), min_count=1, top_n=None)
    row = frame[(frame["comparison"] == "a_vs_rest") & (frame["term"] == "w")].iloc[0]
    assert (row["count_target"], row["count_reference"]) == (4, 3)


def test_top_n_keeps_each_side_and_sorted_rows() -> None:
    terms = [f"t{i:02d}" for i in range(20)]
    table = pd.DataFrame(
        {
            "doc_id": ["a"] * 20 + ["b"] * 20,
            "term": terms * 2,
            "count": list(range(1, 21)) + list(range(20, 0, -1)),
        }
    )
    matrix = term_matrix(table, ["a", "b"])
    frame = keyness_table(matrix, comparisons_for(["a", "b"]), min_count=1, top_n=3)
    assert frame["term"].tolist() == ["t00", "t01", "t02", "t17", "t18", "t19"]
    assert (frame.loc[frame["term"] >= "t17", "log_odds_z"] > 0).all()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=1, max_size=12).filter(
        lambda rows: sum(a for a, _ in rows) > 0 and sum(b for _, b in rows) > 0
    )
)
def test_swapping_target_and_reference_flips_signs(rows) -> None:
    terms = [f"w{i}" for i in range(len(rows))]
    table = pd.DataFrame(
        {
            "doc_id": ["a"] * len(rows) + ["b"] * len(rows),
            "term": terms * 2,
            "count": [a for a, _ in rows] + [b for _, b in rows],
        }
    )
    table = table[table["count"] > 0]
    matrix = term_matrix(table, ["a", "b"])
    forward = comparisons_for(["a", "b"], mode="pairs")
    backward = comparisons_for(["b", "a"], mode="pairs")
    f = keyness_table(matrix, forward, min_count=1, top_n=None).set_index("term")
    b = keyness_table(matrix, backward, min_count=1, top_n=None).set_index("term")
    assert f.index.tolist() == b.index.tolist()
    for column in ("log_ratio", "log_odds_z", "g2"):
        np.testing.assert_allclose(f[column], -b[column], rtol=1e-12, atol=1e-12)
    for column in ("p_value", "q_value"):
        np.testing.assert_allclose(f[column], b[column], rtol=1e-12)
    for column in ("p_exact", "q_exact"):  # the other tail of the mirrored binomial
        np.testing.assert_allclose(f[column], b[column], rtol=1e-9)
    # a log ratio never points the other way from the counts (a zero's 0.5 stand-in could)
    ratio = f["log_ratio"].dropna()  # NaN where a zero's stand-in would reverse the direction
    assert (np.sign(ratio) * np.sign(f.loc[ratio.index, "g2"]) >= 0).all()
    assert (f["count_target"] == b["count_reference"]).all()


def test_blocks_give_the_same_table() -> None:
    rng = np.random.default_rng(5)
    n_docs, n_terms = 7, 30
    rows = [
        (f"d{d}", f"w{w:02d}", int(c))
        for d in range(n_docs)
        for w in range(n_terms)
        if (c := rng.poisson(1.5)) > 0
    ]
    table = pd.DataFrame(rows, columns=["doc_id", "term", "count"])
    ids = [f"d{d}" for d in range(n_docs)]
    matrix = term_matrix(table, ids)
    comps = comparisons_for(ids)
    whole = keyness_table(matrix, comps, min_count=2, top_n=5)
    blocked = keyness_table(matrix, comps, min_count=2, top_n=5, block_cells=1)
    pd.testing.assert_frame_equal(whole, blocked)


@pytest.mark.parametrize(
    "options",
    [{"min_count": 0}, {"top_n": 0}, {"prior_scale": 0.0}, {"low_count_expected": -1.0}],
)
def test_bad_options_raise(options) -> None:
    matrix = term_matrix(TOY, ["r", "t"])
    with pytest.raises(ValueError):
        keyness_table(matrix, comparisons_for(["r", "t"]), **options)


def _keyness_table_dense(
    matrix,
    comparisons,
    *,
    min_count=3,
    top_n=200,
    low_count_expected=5.0,
    prior_scale=1.0,
    block_cells=1_000_000,
) -> pd.DataFrame:
    """keyness_table as it was before the "vs the rest" shortcut: every comparison x term cell.

    Kept as the reference; one change: empty blocks are left out of the final concat (an empty
    block's text columns are object, a full one's str, so the dtype followed the blocking).
    """
    counts = matrix.counts.tocsr().astype(np.float64)
    n_terms = counts.shape[1]
    if not comparisons or n_terms == 0:
        return pd.DataFrame({c: [] for c in KEYNESS_COLUMNS}, columns=list(KEYNESS_COLUMNS))
    orders = np.asarray(matrix.orders)
    order_codes, order_index = np.unique(orders, return_inverse=True)
    by_order = _one_hot(order_index, len(order_codes))
    corpus = np.asarray(counts.sum(axis=0)).ravel()
    candidates = np.flatnonzero(corpus >= min_count)
    doc_totals = counts @ by_order
    counts, corpus = counts[:, candidates], corpus[candidates]
    term_order = order_index[candidates]
    block = max(1, block_cells // max(1, len(candidates)))
    parts = []
    for start in range(0, len(comparisons), block):
        chunk = list(comparisons[start : start + block])
        t_ind, r_ind, rest = comparison_indicators(chunk, matrix.doc_ids)
        a = (t_ind @ counts).toarray()
        b = (r_ind @ counts).toarray() + rest[:, None] * (corpus[None, :] - a)
        c_order = t_ind @ doc_totals
        d_order = r_ind @ doc_totals + rest[:, None] * (doc_totals.sum(axis=0) - c_order)
        mask = (a + b >= min_count) & (c_order > 0)[:, term_order] & (d_order > 0)[:, term_order]
        counted = np.flatnonzero(mask.any(axis=0))
        a, b, mask = a[:, counted], b[:, counted], mask[:, counted]
        c, d = c_order[:, term_order[counted]], d_order[:, term_order[counted]]
        used = candidates[counted]
        g2 = g2_statistic(a, b, c, d)
        p = np.where(mask, g2_p_value(g2), np.nan)
        q = _masked_q_values(p, mask)
        p_exact = np.where(mask, exact_p_value(a, b, c, d), np.nan)
        q_exact = _masked_q_values(p_exact, mask)
        z = log_odds_z(a, b, c, d, prior_scale=prior_scale)
        keep = _selected(z, mask, top_n)
        lengths = np.fromiter(map(len, keep), dtype=np.int64, count=len(keep))
        row = np.repeat(np.arange(len(chunk)), lengths)
        cols = np.concatenate(keep) if keep else np.zeros(0, dtype=np.int64)
        ai, bi, ci, di = a[row, cols], b[row, cols], c[row, cols], d[row, cols]
        with np.errstate(divide="ignore", invalid="ignore"):
            e_min = np.minimum(ci, di) * (ai + bi) / (ci + di)
        label = {
            f: np.array([getattr(x, f) for x in chunk], dtype=object)[row]
            for f in ("name", "target", "reference")
        }
        parts.append(
            pd.DataFrame(
                {
                    "comparison": label["name"],
                    "target": label["target"],
                    "reference": label["reference"],
                    "term": matrix.vocabulary[used[cols]],
                    "count_target": ai.astype(np.int64),
                    "count_reference": bi.astype(np.int64),
                    # by brute force: the documents of each side whose count is not 0
                    **_document_counts_by_hand(matrix, chunk, row, used[cols]),
                    "rate_target": RATE_PER * ai / ci,
                    "rate_reference": RATE_PER * bi / di,
                    "log_ratio": log_ratio(ai, bi, ci, di),
                    "g2": direction(ai, bi, ci, di) * g2[row, cols],
                    "p_value": p[row, cols],
                    "q_value": q[row, cols],
                    "p_exact": p_exact[row, cols],
                    "q_exact": q_exact[row, cols],
                    "log_odds_z": z[row, cols],
                    "low_count": e_min < low_count_expected,
                },
                columns=list(KEYNESS_COLUMNS),
            )
        )
    frame = pd.concat([p for p in parts if len(p)] or parts[:1], ignore_index=True)
    return frame.sort_values(["comparison", "term"], kind="mergesort").reset_index(drop=True)


def _document_counts_by_hand(matrix, chunk, row, term_cols) -> dict[str, np.ndarray]:
    """docs_target and docs_reference of each kept cell, one document at a time."""
    dense = matrix.counts.toarray()
    position = {d: i for i, d in enumerate(matrix.doc_ids)}
    out = {"docs_target": [], "docs_reference": []}
    for r, j in zip(row, term_cols, strict=True):
        comp = chunk[r]
        target = set(comp.target_docs)
        reference = set(comp.reference_docs or (set(matrix.doc_ids) - target))
        out["docs_target"].append(sum(dense[position[d], j] > 0 for d in target))
        out["docs_reference"].append(sum(dense[position[d], j] > 0 for d in reference))
    return {k: np.array(v, dtype=np.int64) for k, v in out.items()}


def _random_matrix(rng: np.random.Generator, n_docs: int, n_words: int, n_bigrams: int):
    """Zipf-like counts of unigrams ("w007") and bigrams ("w007 x"), many ties and zeros; some
    documents have no bigram, one (when n_docs > 3) no term at all."""
    terms = [f"w{i:03d}" for i in range(n_words)] + [f"w{i:03d} x" for i in range(n_bigrams)]
    scale = 3.0 / (1.0 + np.arange(len(terms))) ** 0.6
    counts = rng.poisson(scale[None, :] * rng.uniform(0.2, 2.0, (n_docs, 1)))
    counts[rng.random(n_docs) < 0.3, n_words:] = 0
    if n_docs > 3:
        counts[n_docs // 2] = 0
    doc, term = np.nonzero(counts)
    ids = [f"d{i:02d}" for i in range(n_docs)]
    table = pd.DataFrame(
        {"doc_id": np.array(ids)[doc], "term": np.array(terms)[term], "count": counts[doc, term]}
    )
    return term_matrix(table, ids, ngram_range=(1, 2)), ids


@settings(max_examples=150, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_docs=st.integers(2, 9),
    n_words=st.integers(1, 30),
    n_bigrams=st.integers(0, 15),
    mode=st.sampled_from(["one_vs_rest", "one_vs_rest", "pairs", "groups"]),
    min_count=st.integers(1, 5),
    top_n=st.one_of(st.none(), st.integers(1, 20)),
    prior_scale=st.sampled_from([1.0, 0.3, 2.5]),
    block_cells=st.sampled_from([1, 40, 1_000_000]),
)
def test_keyness_table_equals_the_dense_computation(
    seed, n_docs, n_words, n_bigrams, mode, min_count, top_n, prior_scale, block_cells
) -> None:
    matrix, ids = _random_matrix(np.random.default_rng(seed), n_docs, n_words, n_bigrams)
    groups = {doc: "ab"[i % 2] for i, doc in enumerate(ids)} if mode == "groups" else None
    comps = comparisons_for(ids, mode=mode, groups=groups)
    options = {"min_count": min_count, "top_n": top_n, "prior_scale": prior_scale}
    fast = keyness_table(matrix, comps, block_cells=block_cells, **options)
    dense = _keyness_table_dense(matrix, comps, **options)
    pd.testing.assert_frame_equal(fast, dense, check_exact=True)


def test_log_odds_z_of_a_pair_in_a_larger_corpus_follows_the_rates() -> None:
    """A (100 terms) uses x 5 times, B (1,000 terms) 20 times: 50 against 20 per 1,000, so A's
    side. C (10,000 terms) is no part of A_vs_B. With the whole corpus as the prior (alpha_x =
    125, alpha_0 = 11,100) z was ln(130/11,070) - ln(145/11,955) = -0.032, z = -0.267: z
    compared counts. With the pair's pooled counts (alpha_x = 25, alpha_0 = 1,100):
    delta = ln(30/1,170) - ln(45/2,055) = 0.157807, var = 1/30 + 1/45, z = 0.669518."""
    table = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b", "c", "c"],
            "term": ["x", "y", "x", "y", "x", "y"],
            "count": [5, 95, 20, 980, 100, 9900],
        }
    )
    matrix = term_matrix(table, ["a", "b", "c"])
    comps = [c for c in comparisons_for(["a", "b", "c"], mode="pairs") if c.name == "a_vs_b"]
    x = keyness_table(matrix, comps, min_count=1, top_n=None).set_index("term").loc["x"]
    assert x["g2"] > 0
    assert x["log_odds_z"] == pytest.approx(0.669518, rel=1e-5)


@settings(max_examples=100, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_docs=st.integers(3, 9),
    mode=st.sampled_from(["one_vs_rest", "pairs", "groups"]),
    prior_scale=st.sampled_from([1.0, 0.3, 2.5]),
)
def test_log_odds_z_has_the_sign_of_the_difference_of_rates(seed, n_docs, mode, prior_scale):
    """z decides a term's side in the report and the plots: never against the rates."""
    matrix, ids = _random_matrix(np.random.default_rng(seed), n_docs, 30, 10)
    groups = {doc: "abc"[i % 3] for i, doc in enumerate(ids)} if mode == "groups" else None
    comps = comparisons_for(ids, mode=mode, groups=groups)
    frame = keyness_table(matrix, comps, min_count=1, top_n=None, prior_scale=prior_scale)
    side = np.sign(frame["g2"])  # the sign of the rates' difference (0 where they are equal)
    z = frame["log_odds_z"].where(frame["log_odds_z"].abs() > 1e-9, 0.0)  # rounding of equal
    assert (np.sign(z) == side).all()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_one_vs_rest_equals_the_dense_computation_on_a_larger_corpus(seed) -> None:
    rng = np.random.default_rng(seed)
    matrix, ids = _random_matrix(rng, 60, 400, 150)
    comps = comparisons_for(ids, mode="one_vs_rest")
    for min_count, top_n in [(1, 1), (3, 7), (5, 20), (2, 150)]:
        fast = keyness_table(matrix, comps, min_count=min_count, top_n=top_n, block_cells=5_000)
        dense = _keyness_table_dense(matrix, comps, min_count=min_count, top_n=top_n)
        pd.testing.assert_frame_equal(fast, dense, check_exact=True)
        assert fast["count_target"].eq(0).any()  # absent terms are among the kept rows


def test_absent_terms_of_one_class_are_kept_alphabetically() -> None:
    # "t" over-uses a (6 vs 0) and z (3 vs 1); it lacks f, e, d, c, b (each seen 4 times, all
    # in "r"), which get one z: top_n=2 keeps the alphabetically first two, b and c
    table = pd.DataFrame(
        {
            "doc_id": ["t", "t"] + ["r"] * 6,
            "term": ["a", "z", "f", "e", "d", "c", "b", "z"],
            "count": [6, 3, 4, 4, 4, 4, 4, 1],
        }
    )
    matrix = term_matrix(table, ["r", "t"])
    comps = [Comparison("t_vs_rest", "t", "rest", ("t",), None)]
    frame = keyness_table(matrix, comps, min_count=3, top_n=2)
    assert frame["term"].tolist() == ["a", "b", "c", "z"]
    assert frame.set_index("term").loc[["b", "c"], "count_target"].tolist() == [0, 0]
    # q-values count all five absent terms (m = 7 terms enter)
    pd.testing.assert_frame_equal(frame, _keyness_table_dense(matrix, comps, min_count=3, top_n=2))


def test_mixed_comparisons_and_group_targets_against_the_rest() -> None:
    matrix, ids = _random_matrix(np.random.default_rng(7), 8, 25, 10)
    comps = [
        Comparison("d00_vs_d01", "d00", "d01", ("d00",), ("d01",)),
        Comparison("g_vs_rest", "g", "rest", ("d02", "d03", "d05"), None),
        Comparison("all_vs_rest", "all", "rest", tuple(ids), None),  # empty reference
        Comparison("d06_vs_rest", "d06", "rest", ("d06",), None),
        Comparison("d04_vs_g", "d04", "g", ("d04",), ("d02", "d03")),
    ]
    for top_n in (1, 4, None):
        fast = keyness_table(matrix, comps, min_count=2, top_n=top_n, block_cells=30)
        dense = _keyness_table_dense(matrix, comps, min_count=2, top_n=top_n)
        pd.testing.assert_frame_equal(fast, dense, check_exact=True)
        assert not fast["comparison"].eq("all_vs_rest").any()


@settings(max_examples=300, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_rows=st.integers(1, 5),
    n_terms=st.integers(1, 25),
    n_classes=st.integers(1, 6),
    top_n=st.integers(1, 8),
)
def test_class_shortcut_gives_the_q_values_and_picks_of_the_dense_rows(
    seed, n_rows, n_terms, n_classes, top_n
) -> None:
    """Few distinct p and z values (ties, +-inf, NaN z): _rest_q_values and _rest_selected on
    present cells + absent classes against _masked_q_values and _selected on the dense rows."""
    rng = np.random.default_rng(seed)
    _, of = np.unique(rng.integers(0, n_classes, n_terms), return_inverse=True)
    size = np.bincount(of)
    empty = np.zeros(len(size))
    classes = _TermClasses(
        of, np.argsort(of, kind="stable"), np.cumsum(size) - size, size, *[empty] * 2
    )
    z_values = np.array([-np.inf, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, np.inf, np.nan])
    p_values = np.array([0.0, 0.01, 0.02, 0.02, 0.3, 0.5, 1.0])
    found = rng.random((n_rows, n_terms)) < 0.4
    row, col = np.nonzero(found)
    present = {"row": row, "col": col, "ok": rng.random(len(row)) < 0.8}
    present["z"], present["p"] = rng.choice(z_values, len(row)), rng.choice(p_values, len(row))
    seen = np.stack([np.bincount(of[r], minlength=len(size)) for r in found])
    absent = {"n": size - seen, "z": rng.choice(z_values, seen.shape)}
    absent["ok"] = (rng.random(seen.shape) < 0.8) & (absent["n"] > 0)
    absent["p"] = rng.choice(p_values, seen.shape)
    dense = {}
    for name in ("z", "p", "ok"):
        dense[name] = absent[name][:, of].copy()
        dense[name][row, col] = present[name]
    q_present, q_absent = _rest_q_values(present, absent, "p")
    q = _masked_q_values(np.where(dense["ok"], dense["p"], np.nan), dense["ok"])
    ok = present["ok"]
    np.testing.assert_array_equal(q_present[ok], q[row, col][ok])
    r, j = np.nonzero(dense["ok"] & ~found)
    np.testing.assert_array_equal(q_absent[r, of[j]], q[r, j])
    pick, k, kept = _rest_selected(present, absent, classes, top_n, n_terms)
    keep = _selected(dense["z"], dense["ok"], top_n)
    np.testing.assert_array_equal(kept[0], np.repeat(np.arange(n_rows), list(map(len, keep))))
    np.testing.assert_array_equal(kept[1], np.concatenate(keep))
    np.testing.assert_array_equal(col[pick[pick >= 0]], kept[1][pick >= 0])
    np.testing.assert_array_equal(k[pick < 0], of[kept[1][pick < 0]])
    assert not found[kept[0][pick < 0], kept[1][pick < 0]].any()


def test_groups_need_two_among_the_documents_analysed():
    # "b" is in group A once its label is stripped; "c" has no label; "d" (group B) is not analysed
    groups = {"a": "A", "b": " A ", "c": "", "d": "B"}
    with pytest.raises(ValueError, match=r"at least two groups among the documents analysed, "
                       r"found \['A'\]: a document left out of the tables"):  # fmt: skip
        comparisons_for(["a", "b", "c"], mode="groups", groups=groups)
    (only,) = comparisons_for(["a", "b", "c", "d"], mode="groups", groups=groups)
    assert (only.target, only.reference, only.target_docs) == ("A", "B", ("a", "b"))


def test_comparison_names_that_would_repeat_are_numbered() -> None:
    """A keyness review: "a" with "b_vs_c" and "a_vs_b" with "c" were both a_vs_b_vs_c, so
    keyness.csv pooled their rows under one name."""
    comps = comparisons_for(["a", "a_vs_b", "b_vs_c", "c"], mode="pairs")
    names = [c.name for c in comps]
    assert len(set(names)) == len(names) == 6
    pooled = [c for c in comps if c.name.startswith("a_vs_b_vs_c")]
    assert [(c.name, c.target, c.reference) for c in pooled] == [
        ("a_vs_b_vs_c", "a", "b_vs_c"),
        ("a_vs_b_vs_c_2", "a_vs_b", "c"),
    ]
