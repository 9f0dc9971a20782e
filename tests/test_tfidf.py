"""Tests for pipeline.tfidf: literal TF-IDF values, sparse blocks and top-k neighbours."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

import pipeline.tfidf as tfidf_module
from pipeline.segment import word_tokens
from pipeline.terms import TermAnalyzer, term_matrix
from pipeline.tfidf import (
    exact_grid_weights,
    similarity_pairs,
    tfidf_matrix,
    tfidf_top_terms,
    tfidf_vectorizer,
)
from pipeline.types import SegmentedDocument, Sentence

# d1: apple x2, banana; d2: banana, cherry; d3: cherry x3, date
TOY = pd.DataFrame(
    {
        "doc_id": ["d1", "d1", "d2", "d2", "d3", "d3"],
        "term": ["apple", "banana", "banana", "cherry", "cherry", "date"],
        "count": [2, 1, 1, 1, 3, 1],
    }
)
IDS = ["d1", "d2", "d3"]

# Smooth idf = ln((1 + n) / (1 + df)) + 1 with n = 3:
#   apple, date (df 1): ln(4/2) + 1 = 1.693147;  banana, cherry (df 2): ln(4/3) + 1 = 1.287682
# raw tf:  d1 = (2 * 1.693147, 1.287682) = (3.386294, 1.287682), norm 3.622864
#          -> apple 0.934702, banana 0.355432
#          d2 = (1.287682, 1.287682) -> 0.707107 each
#          d3 = (3 * 1.287682, 1.693147) = (3.863046, 1.693147), norm 4.217812
#          -> cherry 0.915890, date 0.401429
# sublinear tf = 1 + ln(count): apple 1.693147 * 1.693147 = 2.866748, banana 1.287682
#          -> apple 0.912202, banana 0.409742; d3: cherry 2.098612 * 1.287682 = 2.702349,
#          date 1.693147 -> cherry 0.847408, date 0.530941
EXPECTED = {
    False: {
        ("d1", "apple"): 0.934701964,
        ("d1", "banana"): 0.355432468,
        ("d2", "banana"): 0.707106781,
        ("d2", "cherry"): 0.707106781,
        ("d3", "cherry"): 0.915890332,
        ("d3", "date"): 0.401428574,
    },
    True: {
        ("d1", "apple"): 0.912201630,
        ("d1", "banana"): 0.409741610,
        ("d2", "banana"): 0.707106781,
        ("d2", "cherry"): 0.707106781,
        ("d3", "cherry"): 0.847408485,
        ("d3", "date"): 0.530941484,
    },
}
# cosines: d1.d2 = banana only = 0.355432 * 0.707107 = 0.251329 (sublinear 0.289731),
#          d2.d3 = 0.707107 * 0.915890 = 0.647632 (sublinear 0.599208), d1.d3 share nothing = 0
EXPECTED_COSINE = {
    False: [("d1", "d2", 0.251328708), ("d1", "d3", 0.0), ("d2", "d3", 0.647632265)],
    True: [("d1", "d2", 0.289731071), ("d1", "d3", 0.0), ("d2", "d3", 0.599208286)],
}


@pytest.mark.parametrize("sublinear", [False, True])
def test_tfidf_literal_values(sublinear: bool) -> None:
    matrix = term_matrix(TOY, IDS)
    weights = tfidf_matrix(matrix.counts, sublinear_tf=sublinear)
    assert sparse.issparse(weights)
    top = tfidf_top_terms(weights, matrix, top_n=5)
    got = {(d, t): v for d, t, v in zip(top["doc_id"], top["term"], top["tfidf"], strict=True)}
    assert got.keys() == EXPECTED[sublinear].keys()
    for key, value in EXPECTED[sublinear].items():
        assert got[key] == pytest.approx(value, abs=1e-8)


@pytest.mark.parametrize("sublinear", [False, True])
def test_similarity_literal_values(sublinear: bool) -> None:
    weights = tfidf_matrix(term_matrix(TOY, IDS).counts, sublinear_tf=sublinear)
    table = similarity_pairs(weights, IDS)
    assert list(table.columns) == ["doc_a", "doc_b", "cosine"]
    expected = EXPECTED_COSINE[sublinear]
    assert list(zip(table["doc_a"], table["doc_b"], strict=True)) == [
        (a, b) for a, b, _ in expected
    ]
    np.testing.assert_allclose(table["cosine"], [c for _, _, c in expected], atol=1e-8)


def test_top_terms_rank_count_and_ties() -> None:
    matrix = term_matrix(TOY, IDS)
    top = tfidf_top_terms(tfidf_matrix(matrix.counts, sublinear_tf=False), matrix, top_n=1)
    assert top.to_dict("list") | {"tfidf": None} == {
        "doc_id": ["d1", "d2", "d3"],
        "rank": [1, 1, 1],
        "term": ["apple", "banana", "cherry"],  # d2's tie broken alphabetically
        "tfidf": None,
        "count": [2, 1, 3],
    }


def make_doc(doc_id: str, text: str) -> SegmentedDocument:
    sentence = Sentence(1, 1, False, 0, len(text), text)
    return SegmentedDocument(doc_id, text, (sentence,), (word_tokens(text),))


DOCS = [
    make_doc("a", "Huawei data and more data about Huawei networks."),
    make_doc("b", "Espionage and cooperation: cyber espionage capabilities."),
    make_doc("c", "Data sharing, cyber cooperation and data networks."),
]


@pytest.mark.parametrize(("sublinear", "ngrams"), [(False, (1, 1)), (True, (1, 2))])
def test_counts_path_equals_tfidf_vectorizer(sublinear: bool, ngrams: tuple[int, int]) -> None:
    """TfidfTransformer on the stage's counts == TfidfVectorizer run on the texts."""
    analyzer = TermAnalyzer(ngram_range=ngrams)
    vectorizer = tfidf_vectorizer(analyzer=analyzer, sublinear_tf=sublinear)
    direct = vectorizer.fit_transform(DOCS)
    rows = [
        {"doc_id": d.doc_id, "term": t, "count": c}
        for d in DOCS
        for t, c in pd.Series(analyzer(d)).value_counts().items()
    ]
    matrix = term_matrix(pd.DataFrame(rows), [d.doc_id for d in DOCS], ngram_range=ngrams)
    assert list(matrix.vocabulary) == list(vectorizer.get_feature_names_out())
    ours = tfidf_matrix(matrix.counts, sublinear_tf=sublinear)
    np.testing.assert_allclose(ours.toarray(), direct.toarray(), atol=1e-12)


def random_corpus(n_docs: int, n_terms: int, seed: int) -> tuple[pd.DataFrame, list[str]]:
    rng = np.random.default_rng(seed)
    rows = []
    for d in range(n_docs):
        chosen = rng.choice(n_terms, size=rng.integers(1, 15), replace=False)
        rows += [(f"doc{d:03d}", f"w{w:03d}", int(rng.integers(1, 5))) for w in chosen]
    return pd.DataFrame(rows, columns=["doc_id", "term", "count"]), [
        f"doc{d:03d}" for d in range(n_docs)
    ]


def test_similarity_blocks_match_one_block_and_stay_sparse(monkeypatch) -> None:
    table, ids = random_corpus(60, 80, seed=1)
    weights = tfidf_matrix(term_matrix(table, ids).counts)
    assert sparse.issparse(weights)
    dense_calls = []
    original = weights.__class__.toarray

    def spy(self, *args, **kwargs):
        dense_calls.append(self.shape)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weights.__class__, "toarray", spy)
    blocked = similarity_pairs(weights, ids, block_size=7)
    # the frequent terms' columns are dense once (documents x terms in more than 1 in 8), then
    # every dense slice is block x documents (from the block's first row on, the product being
    # symmetric), never documents x vocabulary (80 terms here)
    frequent = int((np.bincount(weights.indices, minlength=80) * 8 > 60).sum())
    assert 0 < frequent < 40
    assert dense_calls == [(60, frequent)] + [
        (min(7, 60 - start), 60 - start) for start in range(0, 60, 7)
    ]
    monkeypatch.undo()
    whole = similarity_pairs(weights, ids, block_size=1000)
    pd.testing.assert_frame_equal(blocked, whole)
    assert len(whole) == 60 * 59 // 2
    full = (weights @ weights.T).toarray()
    index = {d: i for i, d in enumerate(ids)}
    for a, b, c in whole.sample(20, random_state=0).itertuples(index=False):
        assert c == pytest.approx(full[index[a], index[b]])


def test_top_k_neighbours() -> None:
    table, ids = random_corpus(40, 50, seed=2)
    weights = tfidf_matrix(term_matrix(table, ids).counts)
    full = (weights @ weights.T).toarray()
    np.fill_diagonal(full, -1)
    table_k = similarity_pairs(weights, ids, top_k=2, block_size=9)
    pairs = set(zip(table_k["doc_a"], table_k["doc_b"], strict=True))
    assert all(a < b for a, b in pairs)
    for i, doc in enumerate(ids):
        best = np.lexsort((np.arange(len(ids)), -full[i]))[:2]
        for j in best:
            assert tuple(sorted((doc, ids[j]))) in pairs
    assert len(table_k) <= 2 * len(ids)


def test_all_pairs_guard(monkeypatch) -> None:
    table, ids = random_corpus(10, 20, seed=3)
    weights = tfidf_matrix(term_matrix(table, ids).counts)
    monkeypatch.setattr(tfidf_module, "MAX_ALL_PAIRS", 44)
    with pytest.raises(ValueError, match="similarity_top_k"):
        similarity_pairs(weights, ids)
    assert len(similarity_pairs(weights, ids, top_k=1)) >= 5


def test_single_and_empty_documents() -> None:
    table = pd.DataFrame({"doc_id": ["a"], "term": ["word"], "count": [2]})
    matrix = term_matrix(table, ["a", "empty"])
    weights = tfidf_matrix(matrix.counts)
    sim = similarity_pairs(weights, ["a", "empty"])
    assert sim.to_dict("list") == {"doc_a": ["a"], "doc_b": ["empty"], "cosine": [0.0]}
    assert tfidf_top_terms(weights, matrix)["doc_id"].tolist() == ["a"]
    one = term_matrix(table, ["a"])
    assert similarity_pairs(tfidf_matrix(one.counts), ["a"]).empty


# --- the blocked implementation before the symmetric rewrite, kept verbatim as the reference
# (but for its enumeration of pairs, spelt out);
# since the exact grid it is given the grid weights (exact_grid_weights) ---


def _reference_similarity_pairs(
    tfidf, doc_ids, *, top_k: int | None = None, block_size: int = 512
) -> pd.DataFrame:
    if not sparse.issparse(tfidf):
        raise ValueError("tfidf must be a scipy.sparse matrix")
    if top_k is not None and (not isinstance(top_k, int) or top_k < 1):
        raise ValueError(f"similarity_top_k must be a positive integer or null, got {top_k!r}")
    if block_size < 1:
        raise ValueError("block_size must be >= 1")
    n = tfidf.shape[0]
    if top_k is None and n * (n - 1) // 2 > tfidf_module.MAX_ALL_PAIRS:
        raise ValueError("too many pairs; set similarity_top_k")
    ids = np.asarray(doc_ids, dtype=object)
    tfidf = sparse.csr_matrix(tfidf, dtype=np.float64)
    transposed = tfidf.T.tocsc()
    parts_a: list[np.ndarray] = []
    parts_b: list[np.ndarray] = []
    parts_c: list[np.ndarray] = []
    for start in range(0, n, block_size):
        stop = min(start + block_size, n)
        block = (tfidf[start:stop] @ transposed).toarray()
        np.clip(block, 0.0, 1.0, out=block)
        if top_k is None:
            a, b = _reference_upper_pairs(start, stop, n)
        else:
            a, b = _reference_nearest_pairs(block, start, top_k)
        parts_a.append(a)
        parts_b.append(b)
        parts_c.append(block[a - start, b])
    a = np.concatenate(parts_a) if parts_a else np.zeros(0, dtype=np.int64)
    b = np.concatenate(parts_b) if parts_b else np.zeros(0, dtype=np.int64)
    c = np.concatenate(parts_c) if parts_c else np.zeros(0)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key = lo * max(n, 1) + hi
    key, first = np.unique(key, return_index=True)
    return pd.DataFrame(
        {"doc_a": ids[lo[first]], "doc_b": ids[hi[first]], "cosine": c[first]},
        columns=["doc_a", "doc_b", "cosine"],
    )


def _reference_upper_pairs(start: int, stop: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    # spelt out pair by pair, not the vectorised arithmetic of tfidf._upper_pairs it checks
    pairs = [(i, j) for i in range(start, stop) for j in range(i + 1, n)]
    rows, cols = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
    return rows, cols


def _reference_nearest_pairs(
    block: np.ndarray, start: int, top_k: int
) -> tuple[np.ndarray, np.ndarray]:
    n_rows, n = block.shape
    k = min(top_k, n - 1)
    if k <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    scores = block.copy()
    scores[np.arange(n_rows), np.arange(start, start + n_rows)] = -np.inf
    kth = -np.partition(-scores, k - 1, axis=1)[:, k - 1]
    rows_out: list[np.ndarray] = []
    cols_out: list[np.ndarray] = []
    for i in range(n_rows):
        cand = np.flatnonzero(scores[i] >= kth[i])
        cand = cand[np.lexsort((cand, -scores[i, cand]))][:k]
        rows_out.append(np.full(len(cand), start + i, dtype=np.int64))
        cols_out.append(cand.astype(np.int64))
    return np.concatenate(rows_out), np.concatenate(cols_out)


def random_weights(
    seed: int,
    n_docs: int,
    n_terms: int,
    *,
    density: float,
    duplicates: int = 0,
    empty: int = 0,
    normalise: bool = True,
    small_integers: bool = False,
) -> sparse.csr_matrix:
    """Random canonical CSR weights with copied rows (exact ties) and all-zero rows."""
    rng = np.random.default_rng(seed)
    values = (
        (lambda size: rng.integers(1, 3, size=size).astype(np.float64))
        if small_integers
        else (lambda size: rng.random(size))
    )
    matrix = sparse.random(
        n_docs, max(n_terms, 1), density=density, format="csr", random_state=rng, data_rvs=values
    ).tolil()
    for _ in range(duplicates if n_docs > 1 else 0):
        src, dst = rng.integers(0, n_docs, size=2)
        matrix[dst] = matrix[src]
    for row in rng.integers(0, n_docs, size=empty) if n_docs else []:
        matrix[row] = 0
    matrix = matrix.tocsr()
    matrix.eliminate_zeros()
    if normalise:
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        matrix = sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
    matrix.sort_indices()
    return matrix


def scrambled(matrix: sparse.csr_matrix, seed: int, *, split: bool) -> sparse.csr_matrix:
    """The same matrix stored non-canonically: shuffled column order, optionally duplicates."""
    rng = np.random.default_rng(seed)
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    rows_i: list[np.ndarray] = []
    rows_d: list[np.ndarray] = []
    new_ptr = [0]
    for r in range(matrix.shape[0]):
        idx, val = indices[indptr[r] : indptr[r + 1]], data[indptr[r] : indptr[r + 1]]
        if split and len(idx):  # store some values as two entries that sum to them
            cut = rng.random(len(idx)) < 0.5
            part = val[cut] * rng.random(int(cut.sum()))
            val = val.copy()
            val[cut] -= part
            idx, val = np.concatenate([idx, idx[cut]]), np.concatenate([val, part])
        order = rng.permutation(len(idx))
        rows_i.append(idx[order])
        rows_d.append(val[order])
        new_ptr.append(new_ptr[-1] + len(idx))
    return sparse.csr_matrix(
        (
            np.concatenate(rows_d) if rows_d else np.zeros(0),
            np.concatenate(rows_i) if rows_i else np.zeros(0, dtype=np.int32),
            np.asarray(new_ptr),
        ),
        shape=matrix.shape,
    )


def assert_same_as_reference(weights, ids, **options) -> pd.DataFrame:
    """The reference's table for the weights on the exact grid, bit for bit."""
    expected = _reference_similarity_pairs(exact_grid_weights(weights)[0], ids, **options)
    got = similarity_pairs(weights.copy(), ids, **options)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    # bit-identical, not just equal: -0.0 / 0.0 and NaN payloads included
    assert got["cosine"].to_numpy().tobytes() == expected["cosine"].to_numpy().tobytes()
    return got


def test_product_of_sorted_rows_is_bitwise_symmetric() -> None:
    """The premise of the symmetric blocks: sorted rows give (i, j) and (j, i) the same sum."""
    weights = random_weights(5, 300, 400, density=0.05, duplicates=20)
    assert weights.has_sorted_indices
    full = (weights @ weights.T.tocsc()).toarray()
    assert full.tobytes() == np.ascontiguousarray(full.T).tobytes()
    assert (full != full.T).sum() == 0 and np.count_nonzero(full) > 1000


@settings(max_examples=300, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_docs=st.integers(0, 40),
    n_terms=st.integers(1, 25),
    density=st.sampled_from([0.02, 0.1, 0.3, 0.7]),
    duplicates=st.integers(0, 12),
    empty=st.integers(0, 6),
    normalise=st.booleans(),
    small_integers=st.booleans(),
    block_size=st.integers(1, 45),
    top_k=st.one_of(st.none(), st.integers(1, 45)),
    layout=st.sampled_from(["canonical", "canonical", "canonical", "unsorted", "duplicates"]),
)
def test_similarity_pairs_matches_reference(
    seed,
    n_docs,
    n_terms,
    density,
    duplicates,
    empty,
    normalise,
    small_integers,
    block_size,
    top_k,
    layout,
) -> None:
    weights = random_weights(
        seed,
        n_docs,
        n_terms,
        density=density,
        duplicates=duplicates,
        empty=empty,
        normalise=normalise,
        small_integers=small_integers,
    )
    if layout != "canonical":
        weights = scrambled(weights, seed, split=layout == "duplicates")
    ids = [f"d{i:02d}" for i in range(n_docs)]
    assert_same_as_reference(weights, ids, top_k=top_k, block_size=block_size)


@pytest.mark.parametrize("top_k", [None, 1, 2, 3])
@pytest.mark.parametrize("block_size", [1, 2, 3, 7])
def test_similarity_pairs_nan_and_inf_like_reference(top_k, block_size) -> None:
    """NaN never ranks; a row with fewer than k other numbers lists itself or nothing."""
    dense = np.array(
        [
            [1.0, 0.0, 0.0, 0.5, 1.0],
            [np.nan, 1.0, 0.0, 0.0, np.nan],  # NaN against d0, d2, d3 and d5
            [0.0, 1.0, 0.0, 0.0, 1.0],
            [0.0, 0.0, np.inf, 0.0, 1.0],  # inf clipped to 1
            [0.0, -2.0, 1.0, 0.0, 0.0],  # negative cosine clipped to 0
            [1.0, 0.0, 0.0, 0.5, 0.0],
            [0.0, 0.0, 0.0, 0.0, 0.0],
        ]
    )
    weights = sparse.csr_matrix(dense)
    ids = [f"d{i}" for i in range(dense.shape[0])]
    got = assert_same_as_reference(weights, ids, top_k=top_k, block_size=block_size)
    pairs = set(zip(got["doc_a"], got["doc_b"], strict=True))
    assert (("d1", "d1") in pairs) == (top_k == 3)  # the old rule's quirk, kept
    assert got["cosine"].isna().any() == (top_k in (None, 3))


@pytest.mark.parametrize("n_docs", [0, 1, 2, 3])
@pytest.mark.parametrize("top_k", [None, 1, 5])
@pytest.mark.parametrize("block_size", [1, 2, 512])
def test_similarity_pairs_tiny_like_reference(n_docs, top_k, block_size) -> None:
    weights = random_weights(n_docs, n_docs, 4, density=0.5, empty=1)
    got = assert_same_as_reference(
        weights, [f"d{i}" for i in range(n_docs)], top_k=top_k, block_size=block_size
    )
    assert len(got) == n_docs * (n_docs - 1) // 2 or (top_k == 1 and n_docs == 3)


def zipf_weights(n_docs: int, n_terms: int, seed: int) -> tuple[sparse.csr_matrix, list[str]]:
    """TF-IDF of a Zipf-like random corpus with some repeated and some empty documents."""
    rng = np.random.default_rng(seed)
    probabilities = 1.0 / np.arange(1, n_terms + 1)
    probabilities /= probabilities.sum()
    rows = []
    for d in range(n_docs):
        words = rng.choice(n_terms, size=int(rng.integers(0, 120)), p=probabilities)
        terms, counts = np.unique(words, return_counts=True)
        rows += [(f"doc{d:04d}", f"w{t:04d}", int(c)) for t, c in zip(terms, counts)]
    table = pd.DataFrame(rows, columns=["doc_id", "term", "count"])
    copies = table[table["doc_id"].isin([f"doc{d:04d}" for d in range(0, 60, 3)])].copy()
    copies["doc_id"] = copies["doc_id"].str.replace("doc00", "doc09", regex=False)
    ids = sorted({f"doc{d:04d}" for d in range(n_docs)} | set(copies["doc_id"]))
    matrix = term_matrix(pd.concat([table, copies]), ids)
    return tfidf_matrix(matrix.counts), ids


@pytest.mark.parametrize(("top_k", "block_size"), [(10, 64), (1, 100), (25, 601), (None, 64)])
def test_similarity_pairs_larger_corpus_like_reference(top_k, block_size) -> None:
    weights, ids = zipf_weights(600, 2_000, seed=11)
    assert weights.shape[0] > 600 and (np.diff(weights.indptr) == 0).any()
    got = assert_same_as_reference(weights, ids, top_k=top_k, block_size=block_size)
    if top_k is not None:
        assert len(got) >= len(ids) * top_k // 2


@pytest.mark.parametrize("split", [False, True])
@pytest.mark.parametrize("top_k", [1, 3])
def test_similarity_pairs_unsorted_storage_like_reference(split, top_k) -> None:
    """Rows stored out of order or with duplicates (whose raw products give (i, j) and (j, i)
    different sums) are made canonical: the reference's table for the canonical grid weights."""
    weights = scrambled(random_weights(3, 300, 60, density=0.6), 3, split=split)
    full = (weights @ weights.T.tocsc()).toarray()
    assert (full != full.T).sum() > 1000  # the raw storage's products are not symmetric
    ids = [f"d{i:03d}" for i in range(300)]
    assert_same_as_reference(weights, ids, top_k=top_k, block_size=16)


def test_grid_weights_sum_exactly_in_any_order() -> None:
    """On the grid, BLAS, the sparse product and a reversed term order give the same floats."""
    raw, _ = zipf_weights(300, 800, seed=5)
    grid, on_grid = exact_grid_weights(raw)
    assert on_grid and grid.has_canonical_format
    dense = grid.toarray()
    products = [
        (grid @ grid.T.tocsc()).toarray(),
        dense @ dense.T,
        dense[:, ::-1] @ dense[:, ::-1].T,
        np.ascontiguousarray(dense[:150]) @ dense.T,  # another block shape
    ]
    for other in products[1:]:
        assert products[0][: len(other)].tobytes() == other.tobytes()
    raw_dense = raw.toarray()
    # a weight moves by at most half a step of 2**-26 (rows of norm 1), a cosine by as little
    assert np.abs(grid.toarray() - raw_dense).max() <= 2.0**-27
    assert np.abs(products[0] - (raw @ raw.T).toarray()).max() < 5e-8


@pytest.mark.parametrize(
    ("scale", "on_grid"),
    [
        (1.0, True),
        (3e5, True),
        (1e-100, True),
        (2.0**-470, True),  # products of 2**-1012 and more: normal floats
        (2.0**-500, False),  # below MIN_GRID_EXPONENT the products would be subnormal, inexact
        (1e-200, False),  # the sums of squares underflow
        (1e200, False),  # and overflow
    ],
)
def test_grid_step_follows_the_largest_norm(scale: float, on_grid: bool) -> None:
    raw = random_weights(7, 30, 20, density=0.4) * scale
    grid, got = exact_grid_weights(raw)
    assert got == on_grid
    if on_grid:
        largest = np.sqrt(raw.multiply(raw).sum(axis=1).max())
        step = 2.0 ** (math.floor(math.log2(largest) + 0.5) - 26)  # norms < sqrt(2) * 2**e
        assert np.array_equal(grid.data / step, np.rint(grid.data / step))
        assert np.abs(grid.toarray() - raw.toarray()).max() <= step / 2
    else:
        assert grid.has_canonical_format and (grid != raw).nnz == 0
    ids = [f"d{i}" for i in range(30)]
    assert_same_as_reference(raw, ids, top_k=4, block_size=7)
    assert_same_as_reference(raw, ids, block_size=11)


def test_rows_stored_anyhow_off_the_grid_are_made_canonical() -> None:
    """Off the grid (a NaN row) only canonical storage makes (i, j) and (j, i) the same sums,
    which the half product relies on: scrambled rows with split duplicates still match."""
    weights = scrambled(random_weights(3, 300, 60, density=0.6), 3, split=True)
    nan_row = sparse.csr_matrix(np.r_[np.nan, np.zeros(59)][None])
    weights = scrambled(sparse.vstack([weights, nan_row]).tocsr(), 4, split=False)
    assert not exact_grid_weights(weights)[1]
    assert_same_as_reference(weights, [f"d{i:03d}" for i in range(301)], top_k=3, block_size=16)


def test_non_finite_weights_are_multiplied_sparsely_only() -> None:
    weights = sparse.csr_matrix(np.array([[1.0, np.inf], [1.0, 0.0], [0.5, 0.5]]))
    grid, on_grid = exact_grid_weights(weights)
    assert not on_grid and tfidf_module._Product(grid, on_grid=False).dense is None


@pytest.mark.parametrize("max_dense", [0, 2, 512])
def test_dense_columns_are_the_frequent_terms(monkeypatch, max_dense: int) -> None:
    weights, ids = zipf_weights(600, 2_000, seed=11)
    monkeypatch.setattr(tfidf_module, "MAX_DENSE_TERMS", max_dense)
    grid, on_grid = exact_grid_weights(weights)
    product = tfidf_module._Product(grid, on_grid=on_grid)
    df = np.bincount(weights.indices, minlength=weights.shape[1])
    frequent = int((df * 8 > weights.shape[0]).sum())
    assert 20 < frequent < 512
    width = 0 if product.dense is None else product.dense.shape[1]
    assert width == min(frequent, max_dense)
    assert product.sparse.shape[1] == weights.shape[1] - width
    if width:  # the most frequent terms: none left in the sparse part is more frequent
        left = np.bincount(product.sparse.indices, minlength=product.sparse.shape[1])
        assert left.max() <= np.count_nonzero(product.dense, axis=0).min()
    assert_same_as_reference(weights, ids, top_k=10, block_size=100)
