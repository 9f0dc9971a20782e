"""Tests for pipeline.tfidf: literal TF-IDF values, sparse blocks and top-k neighbours."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

import pipeline.tfidf as tfidf_module
from pipeline.segment import word_tokens
from pipeline.terms import TermAnalyzer, term_matrix
from pipeline.tfidf import similarity_pairs, tfidf_matrix, tfidf_top_terms, tfidf_vectorizer
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
    # every dense slice is block x documents, never documents x vocabulary
    assert dense_calls and all(s[0] <= 7 and s[1] == len(ids) for s in dense_calls)
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
