"""Tests for pipeline.compare (corpus-level tables) and pipeline.compare_plots on real text."""

from __future__ import annotations

import re
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
from pipeline.keyness import KEYNESS_COLUMNS, top_key_terms
from pipeline.segment import word_tokens
from pipeline.tables import write_csv, write_frame
from pipeline.terms import TERM_COUNT_COLUMNS, TermsStage
from pipeline.types import SegmentedDocument, Sentence

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
BOILERPLATE = re.compile(
    r"^(Leave a Comment|Your email address.*|Scroll to Top)$", re.IGNORECASE | re.MULTILINE
)


def naive_segment(doc_id: str, raw: str) -> SegmentedDocument:
    """Fallback segmentation: blank-line paragraphs, unpunctuated short lines are headings."""
    clean = BOILERPLATE.sub("", raw.replace("Leave a CommentWhat", "What"))
    sentences, tokens = [], []
    for para_id, match in enumerate(re.finditer(r"[^\n]+", clean), start=1):
        text = match.group()
        heading = not text.rstrip().endswith((".", "?", "!")) and len(text.split()) <= 15
        for sm in re.finditer(r"[^.?!]+[.?!]*", text):
            piece = sm.group().strip()
            if not piece:
                continue
            start = match.start() + sm.start() + (len(sm.group()) - len(sm.group().lstrip()))
            sentences.append(
                Sentence(len(sentences) + 1, para_id, heading, start, start + len(piece), piece)
            )
            tokens.append(word_tokens(piece, offset=start))
    return SegmentedDocument(doc_id, clean, tuple(sentences), tuple(tokens))


def corpus_documents() -> list[SegmentedDocument]:
    """The default corpus, segmented by the lead's ingestion/segmentation when available."""
    paths = sorted(CORPUS.glob("*.txt"))
    try:
        from pipeline.ingest import clean_document, load_boilerplate_patterns
        from pipeline.segment import load_abbreviations, segment_document

        patterns, abbreviations = load_boilerplate_patterns(), load_abbreviations()
        return [
            segment_document(
                clean_document(p.stem, p.read_bytes(), patterns=patterns),
                abbreviations=abbreviations,
            )
            for p in paths
        ]
    except (ImportError, AttributeError):  # pragma: no cover - before the lead's modules exist
        return [naive_segment(p.stem, p.read_text(encoding="utf-8")) for p in paths]


@pytest.fixture(scope="module")
def corpus_tables(tmp_path_factory) -> dict[str, Path]:
    """Chunk-like inputs for the default corpus: term_counts.csv and documents.csv."""
    out = tmp_path_factory.mktemp("compare_inputs")
    stage = TermsStage()
    rows, docs = [], []
    for doc in corpus_documents():
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
