"""Tests for pipeline.compare (corpus-level tables) and pipeline.compare_plots on real text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.compare import (
    CompareOptions,
    compare_corpus,
    main,
    read_string_table,
    read_term_counts,
    write_table,
)
from pipeline.compare_plots import comparison_plots, comparison_slug, similarity_heatmap
from pipeline.keyness import top_key_terms
from pipeline.keyness_table import KEYNESS_COLUMNS
from pipeline.tables import write_csv, write_frame
from pipeline.terms import TERM_COUNT_COLUMNS, TermsStage

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def corpus_tables(tmp_path_factory, default_corpus) -> dict[str, Path]:
    """Chunk-like inputs for the default corpus: term_counts.csv and documents.csv."""
    out = tmp_path_factory.mktemp("compare_inputs")
    stage = TermsStage()
    rows, docs = [], []
    for doc in default_corpus.values():
        result = stage.analyse(doc)
        rows += result.tables["term_counts"]
        docs.append({"doc_id": doc.doc_id, **result.document_columns})
    write_csv(out / "term_counts.csv", rows, TERM_COUNT_COLUMNS, sort_by=("doc_id", "term"))
    write_csv(out / "documents.csv", docs, ("doc_id", "n_terms"), sort_by=("doc_id",))
    return {"term_counts": out / "term_counts.csv", "documents": out / "documents.csv"}


def run_main(inputs: dict[str, Path], out: Path, **options) -> dict[str, int]:
    return main(
        term_counts=[inputs["term_counts"]],
        documents=inputs["documents"],
        metadata=CORPUS / "metadata.csv",
        tfidf_top_terms=out / "tfidf_top_terms.csv",
        similarity=out / "similarity.csv",
        keyness=out / "keyness.csv",
        options=options,
    )


def test_default_corpus_key_terms(corpus_tables, tmp_path) -> None:
    counts = run_main(corpus_tables, tmp_path)
    keyness = pd.read_csv(tmp_path / "keyness.csv", keep_default_na=False)
    assert list(keyness.columns) == list(KEYNESS_COLUMNS)
    assert set(keyness["comparison"]) == {"intelligence_cooperation_vs_intelligence_diplomacy"}
    top = top_key_terms(keyness, n=10)
    target = top.loc[top["side"] == "target", "term"].tolist()
    reference = top.loc[top["side"] == "reference", "term"].tolist()
    assert {"cooperation", "espionage", "capabilities"} <= set(target), target
    assert {"data", "huawei"} <= set(reference), reference
    row = keyness.set_index("term").loc["huawei"]
    assert (row["count_target"], row["count_reference"]) == (0, 4)
    assert row["g2"] < 0 and row["log_ratio"] < 0
    assert counts["similarity"] == 1
    similarity = pd.read_csv(tmp_path / "similarity.csv")
    assert 0.0 < similarity["cosine"].iloc[0] < 0.5
    tfidf = pd.read_csv(tmp_path / "tfidf_top_terms.csv", keep_default_na=False)
    assert list(tfidf.columns) == ["doc_id", "rank", "term", "tfidf", "count"]
    assert (tfidf.groupby("doc_id")["rank"].max() == 20).all()


def test_outputs_are_byte_identical_across_runs(corpus_tables, tmp_path) -> None:
    run_main(corpus_tables, tmp_path / "one")
    run_main(corpus_tables, tmp_path / "two")
    for name in ("tfidf_top_terms.csv", "similarity.csv", "keyness.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


@pytest.mark.default_results  # the style column of corpus/metadata.csv
def test_group_comparison_from_metadata(corpus_tables, tmp_path) -> None:
    run_main(corpus_tables, tmp_path, group_column="style", comparisons="groups")
    keyness = pd.read_csv(tmp_path / "keyness.csv", keep_default_na=False)
    assert set(keyness["comparison"]) == {"abstract and evaluative_vs_figures and attributions"}
    with pytest.raises(ValueError, match="no column"):
        run_main(corpus_tables, tmp_path, group_column="outlet")


def test_write_table_matches_tables_write_frame(tmp_path) -> None:
    frame = pd.DataFrame(
        {
            "name": ["a,b", 'q"x', "nan"],
            "value": [1 / 3, -0.0, np.nan],
            "big": [1.5e12, np.inf, -2.0],
            "flag": [True, False, True],
            "n": [1, 2, 3],
        }
    )
    columns = list(frame.columns)
    write_table(tmp_path / "fast.csv", frame, columns)
    write_frame(tmp_path / "slow.csv", frame)
    assert (tmp_path / "fast.csv").read_bytes() == (tmp_path / "slow.csv").read_bytes()
    write_table(tmp_path / "pieces.csv", frame, columns, rows_per_write=2)
    assert (tmp_path / "pieces.csv").read_bytes() == (tmp_path / "slow.csv").read_bytes()
    write_table(tmp_path / "empty.csv", frame.iloc[:0], columns)
    assert (tmp_path / "empty.csv").read_text() == "name,value,big,flag,n\n"


def test_term_counts_keep_words_that_look_like_missing_values(tmp_path) -> None:
    path = tmp_path / "tc.csv"
    write_csv(path, [{"doc_id": "d", "term": "nan", "count": 2}], TERM_COUNT_COLUMNS)
    frame = read_term_counts([path, path])
    assert frame["term"].tolist() == ["nan", "nan"]
    assert read_term_counts([]).columns.tolist() == list(TERM_COUNT_COLUMNS)


@pytest.mark.parametrize(
    "section",
    [
        {"unknown_key": 1},
        {"ngram_range": [2, 1]},
        {"comparisons": "everything"},
        {"comparisons": "groups"},
    ],
)
def test_bad_config_raises(section) -> None:
    with pytest.raises(ValueError):
        CompareOptions.from_config(section)


def test_many_documents_one_vs_rest_and_top_k() -> None:
    rng = np.random.default_rng(11)
    vocab = [f"term{i:03d}" for i in range(300)]
    rows = []
    for d in range(30):
        words = rng.choice(300, size=60, p=np.arange(300, 0, -1) / np.arange(300, 0, -1).sum())
        for w, c in zip(*np.unique(words, return_counts=True), strict=True):
            rows.append((f"doc{d:02d}", vocab[w], int(c)))
    term_counts = pd.DataFrame(rows, columns=list(TERM_COUNT_COLUMNS))
    documents = pd.DataFrame({"doc_id": [f"doc{d:02d}" for d in range(31)]})  # doc30: no terms
    opts = CompareOptions(similarity_top_k=3, keyness_top_n=5, min_count=2)
    tables = compare_corpus(term_counts, documents, options=opts)
    keyness = tables["keyness"]
    assert keyness["comparison"].nunique() == 30  # doc30 has no terms: no comparison rows
    assert keyness.groupby("comparison").size().max() <= 10
    assert keyness.equals(keyness.sort_values(["comparison", "term"], kind="mergesort"))
    assert len(tables["similarity"]) <= 3 * 31


# t: x 10, y 90 (c = 100); r: x 2, y 198 (d = 200); corpus x 12, y 288 (300 terms)
KEYNESS_TOY = pd.DataFrame(
    {"doc_id": ["t", "t", "r", "r"], "term": ["x", "y", "x", "y"], "count": [10, 90, 2, 198]}
)


@pytest.mark.parametrize(
    ("prior_scale", "low_count_expected", "z", "low_count"),
    [
        # "r_vs_t" (sorted ids), term x: a = 2, c = 200, b = 10, d = 100.
        # prior_scale 2: alpha_x = 2 x 12 = 24, alpha_0 = 2 x 300 = 600;
        # delta = ln(26/774) - ln(34/666), var = 1/26 + 1/34 -> z = -1.606548718.
        # expected min(c, d)(a + b)/(c + d) = 100 x 12/300 = 4.0, not below 3.9
        (2.0, 3.9, -1.606548718, False),
        # prior_scale 1: alpha_x = 12, alpha_0 = 300;
        # delta = ln(14/486) - ln(22/378), var = 1/14 + 1/22 -> z = -2.057142841; 4.0 < 4.1
        (1.0, 4.1, -2.057142841, True),
    ],
)
def test_compare_passes_keyness_options(prior_scale, low_count_expected, z, low_count) -> None:
    opts = CompareOptions(
        min_count=1,
        keyness_top_n=None,
        comparisons="pairs",
        prior_scale=prior_scale,
        low_count_expected=low_count_expected,
    )
    keyness = compare_corpus(KEYNESS_TOY, pd.DataFrame({"doc_id": ["t", "r"]}), options=opts)[
        "keyness"
    ]
    assert keyness["comparison"].unique().tolist() == ["r_vs_t"]
    row = keyness.set_index("term").loc["x"]
    assert row["log_odds_z"] == pytest.approx(z, rel=1e-8)
    assert bool(row["low_count"]) is low_count


@pytest.mark.parametrize(
    ("comparisons", "names"),
    [("pairs", ["r_vs_t"]), ("one_vs_rest", ["r_vs_rest", "t_vs_rest"])],
)
def test_compare_passes_comparison_mode(comparisons, names) -> None:
    opts = CompareOptions(min_count=1, comparisons=comparisons)
    tables = compare_corpus(KEYNESS_TOY, pd.DataFrame({"doc_id": ["t", "r"]}), options=opts)
    assert sorted(tables["keyness"]["comparison"].unique()) == names


# "zz" is not in documents.csv (the merge left it out): its row must not count anywhere
TFIDF_TOY = pd.DataFrame(
    {"doc_id": ["d1", "d1", "d2", "d2", "d3", "d3", "zz"],
     "term": ["apple", "banana", "banana", "cherry", "cherry", "date", "apple"],
     "count": [2, 1, 1, 1, 3, 1, 5]}
)  # fmt: skip


@pytest.mark.parametrize(
    ("sublinear_tf", "cosines"),
    [
        # n = 3 documents; smooth idf ln(4 / (1 + df)) + 1: apple, date (df 1) 1.693147181,
        # banana, cherry (df 2) 1.287682072. d2 = (banana, cherry) = (1, 1) / sqrt(2).
        # raw tf: d1 = (apple 2 x 1.693147, banana 1.287682), |d1| = 3.622860;
        # d3 = (cherry 3 x 1.287682, date 1.693147), |d3| = 4.217804;
        # d1.d2 = 1.287682 / 3.622860 / sqrt(2) = 0.251328708; d1.d3 = 0 (no shared term);
        # d2.d3 = 3.863046 / 4.217804 / sqrt(2) = 0.647632265
        (False, [0.251328708, 0.0, 0.647632265]),
        # tf 1 + ln(count): d1 apple (1 + ln 2) x 1.693147 = 2.866747, |d1| = 3.142669;
        # d3 cherry (1 + ln 3) x 1.287682 = 2.702345, |d3| = 3.188953;
        # d1.d2 = 1.287682 / 3.142669 / sqrt(2) = 0.289731071;
        # d2.d3 = 2.702345 / 3.188953 / sqrt(2) = 0.599208286
        (True, [0.289731071, 0.0, 0.599208286]),
    ],
)
def test_compare_passes_sublinear_tf_and_drops_unlisted_documents(sublinear_tf, cosines) -> None:
    opts = CompareOptions(sublinear_tf=sublinear_tf, ngram_range=(1, 1), min_count=1)
    documents = pd.DataFrame({"doc_id": ["d1", "d2", "d3"]})
    tables = compare_corpus(TFIDF_TOY, documents, options=opts)
    similarity = tables["similarity"]
    assert list(zip(similarity["doc_a"], similarity["doc_b"])) == [
        ("d1", "d2"), ("d1", "d3"), ("d2", "d3"),
    ]  # fmt: skip
    # within 3e-8: the cosines are those of weights rounded to 2**-26 (exact_grid_weights)
    assert similarity["cosine"].tolist() == pytest.approx(cosines, abs=3e-8)
    assert set(tables["tfidf_top_terms"]["doc_id"]) == {"d1", "d2", "d3"}
    # apple counted in d1 only (2), not with zz's 5
    counts = tables["tfidf_top_terms"].set_index(["doc_id", "term"])["count"]
    assert counts["d1", "apple"] == 2


def test_plots_written(corpus_tables, tmp_path) -> None:
    run_main(corpus_tables, tmp_path)
    keyness = pd.read_csv(tmp_path / "keyness.csv", keep_default_na=False)
    similarity = pd.read_csv(tmp_path / "similarity.csv")
    written = comparison_plots(keyness, tmp_path / "plots")
    slug = comparison_slug("intelligence_cooperation_vs_intelligence_diplomacy")
    assert sorted(p.name for p in written) == [f"keyness_{slug}.png", f"term_scatter_{slug}.png"]
    assert all(p.stat().st_size > 1000 and p.with_suffix(".svg").is_file() for p in written)
    ids = read_string_table(corpus_tables["documents"])["doc_id"]
    assert similarity_heatmap(similarity, ids, tmp_path / "h.png", tmp_path / "h.svg")
    assert not similarity_heatmap(similarity, ["one"], tmp_path / "p.png")  # placeholder
    assert (tmp_path / "p.png").is_file()
    first = (tmp_path / "h.svg").read_bytes()
    similarity_heatmap(similarity, ids, tmp_path / "h.png", tmp_path / "h.svg")
    assert (tmp_path / "h.svg").read_bytes() == first


def test_scatter_labels_stay_inside_the_axes_and_apart(corpus_tables, tmp_path, monkeypatch):
    from matplotlib.text import Text

    import pipeline.compare_plots as compare_plots

    run_main(corpus_tables, tmp_path)
    keyness = pd.read_csv(tmp_path / "keyness.csv", keep_default_na=False)
    figures = []
    monkeypatch.setattr(compare_plots, "save_figure", lambda fig, *paths: figures.append(fig))
    name = "intelligence_cooperation_vs_intelligence_diplomacy"
    compare_plots.term_scatter(keyness, name, tmp_path / "s.png")
    fig, ax = figures[0], figures[0].axes[0]
    floor = ax.get_xlim()[0] * 1.3  # zero rates are drawn at the floor, the axes start below it
    labels = {a.get_text(): a for a in ax.texts}
    edge_x = [a for a in labels.values() if np.isclose(a.xy[0], floor)]
    edge_y = [a for a in labels.values() if np.isclose(a.xy[1], floor)]
    assert edge_x and edge_y  # terms only in the target, and only in the reference
    assert all(a.get_ha() == "left" and a.xyann[0] > 0 for a in edge_x)  # right of the edge
    inner = [a for a in labels.values() if a not in edge_x and a not in edge_y]
    assert any(a.get_ha() == "right" for a in inner)  # other target labels keep to the left
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [Text.get_window_extent(a, renderer) for a in labels.values()]  # text, not leader
    for i, a in enumerate(boxes):  # the edge labels clear of the tick labels, too
        assert ax.bbox.x0 <= a.x0 + 0.5 and a.x1 <= ax.bbox.x1 + 0.5
        assert ax.bbox.y0 <= a.y0 + 0.5 and a.y1 <= ax.bbox.y1 + 0.5
        for b in boxes[i + 1 :]:
            assert min(min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0)) < 0.5


@pytest.mark.parametrize(("low", "high"), [(1.4, 90.0), (0.002, 50.0), (3e-5, 0.2)])
def test_scatter_tick_labels_are_distinct_numbers(tmp_path, monkeypatch, low, high) -> None:
    import pipeline.compare_plots as compare_plots

    keyness = pd.DataFrame(
        {"comparison": "a_vs_b", "target": "a", "reference": "b", "term": ["x", "y", "z"],
         "rate_target": [high, low, 2 * low], "rate_reference": [low, high, 2 * low],
         "log_odds_z": [3.0, -3.0, 0.5], "count_target": 1, "count_reference": 1}
    )  # fmt: skip
    figures = []
    monkeypatch.setattr(compare_plots, "save_figure", lambda fig, *paths: figures.append(fig))
    compare_plots.term_scatter(keyness, "a_vs_b", tmp_path / "s.png")
    ax = figures[0].axes[0]
    figures[0].canvas.draw()
    for axis, (lo, hi) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
        pairs = zip(axis.get_majorticklocs(), axis.get_majorticklabels(), strict=True)
        shown = [(tick, label.get_text()) for tick, label in pairs if lo <= tick <= hi]
        assert len(shown) >= 2 and len({text for _, text in shown}) == len(shown)
        # each label is its tick's value (not rounded to 0.00 or to its neighbour's label)
        assert all(np.isclose(float(text.replace("\u2212", "-")), tick) for tick, text in shown)


@pytest.mark.parametrize(
    ("name", "slug"), [("a b/c_vs_rest", "a_b_c_vs_rest"), ("..", "comparison")]
)
def test_comparison_slug(name: str, slug: str) -> None:
    assert comparison_slug(name) == slug
