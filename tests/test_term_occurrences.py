"""python -m pipeline where: the sentences and offsets behind each keyness and TF-IDF count."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.__main__ import main
from pipeline.term_occurrences import query_term, where
from pipeline.terms import TermAnalyzer

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "results"


def test_every_keyness_count_of_the_default_corpus_is_its_occurrences():
    """The committed run: each term's occurrences per document are keyness.csv's counts, and
    each occurrence's offsets give its words in the document's clean text."""
    keyness = pd.read_csv(RESULTS / "tables" / "keyness.csv", keep_default_na=False)
    clean = {
        d: (RESULTS / "docs" / d / "clean.txt").read_text(encoding="utf-8")
        for d in set(keyness["target"]) | set(keyness["reference"])
    }
    assert len(keyness) > 20
    warnings: list[str] = []
    for row in keyness.itertuples(index=False):
        term, found = where(row.term, RESULTS, warnings=warnings)
        assert term == row.term
        counts = found.groupby("doc_id").size()
        assert counts.get(row.target, 0) == row.count_target, row.term
        assert counts.get(row.reference, 0) == row.count_reference, row.term
        for hit in found.itertuples(index=False):
            assert clean[hit.doc_id][hit.start : hit.end] == hit.words
    assert warnings == []  # the committed run is this code's


def _write_run(results: Path, sentences: list[tuple], terms: dict) -> None:
    (results / "tables").mkdir(parents=True)
    columns = ["doc_id", "sent_id", "paragraph_id", "is_heading", "start", "end", "text"]
    pd.DataFrame(sentences, columns=columns).to_csv(results / "tables" / "sentences.csv",
                                                    index=False)  # fmt: skip
    docs = sorted({row[0] for row in sentences})
    pd.DataFrame({"doc_id": docs, "content_sha256": [f"h-{d}" for d in docs]}).to_csv(
        results / "tables" / "documents.csv", index=False
    )
    manifest = {"config": {"terms": terms}, "inputs": {f"{d}.txt": f"h-{d}" for d in docs}}
    (results / "manifest.json").write_text(json.dumps(manifest))


def test_occurrences_follow_the_runs_settings_by_hand(tmp_path):
    # clean text of "d": "National Security\n\nHOST: National security matters. The US and the
    # U.S. Navy.": a heading (not counted), a speaker label (not counted), two sentences
    sentences = [
        ("d", 1, 1, 1, 0, 17, "National Security"),
        ("d", 2, 2, 0, 19, 51, "HOST: National security matters."),
        ("d", 3, 2, 0, 52, 77, "The US and the U.S. Navy."),
        ("e", 1, 1, 0, 0, 29, "Security of national borders."),
    ]
    _write_run(tmp_path, sentences, {"ngram_range": [1, 2], "include_headings": False})
    term, found = where("National Security", tmp_path)
    assert term == "national security"
    # "HOST:" is a speaker label; the heading is not counted; e's words are not adjacent
    assert found[["doc_id", "sent_id", "start", "end", "words"]].values.tolist() == [
        ["d", 2, 25, 42, "National security"]
    ]
    assert found["context"].tolist() == ["HOST: [National security] matters."]
    term, found = where("US", tmp_path)
    assert term == "US"
    assert found[["start", "end", "words"]].values.tolist() == [[56, 58, "US"], [67, 71, "U.S."]]
    _, found = where("security", tmp_path, ["e"])
    assert found[["doc_id", "start", "words"]].values.tolist() == [["e", 0, "Security"]]


def test_headings_count_when_the_run_counted_them(tmp_path):
    sentences = [("d", 1, 1, 1, 0, 17, "National Security"), ("d", 2, 2, 0, 19, 28, "Security.")]
    _write_run(tmp_path, sentences, {"include_headings": True})
    _, found = where("security", tmp_path)
    assert found["sent_id"].tolist() == [1, 2]
    _write_run(tmp_path / "body", sentences, {"include_headings": False})
    assert where("security", tmp_path / "body")[1]["sent_id"].tolist() == [2]


def test_where_says_what_may_make_its_counts_differ_from_the_runs(tmp_path, monkeypatch):
    """A review: an older run's manifest, a stop-word file edited since, a file not found from
    here and a term order the comparison does not use."""
    from pipeline.cache import software_fingerprint
    from pipeline.manifest import file_sha256

    monkeypatch.chdir(tmp_path)
    Path("stop.txt").write_text("tariffs\n", encoding="utf-8")
    sentences = [("d", 1, 1, 0, 0, 25, "Tariffs and quotas rose.")]
    _write_run(tmp_path / "r", sentences, {"extra_stopwords": ["stop.txt"]})
    manifest = json.loads((tmp_path / "r" / "manifest.json").read_text())
    manifest.update(
        software_sha256=software_fingerprint(),
        lexicons={"stop.txt": {"sha256": file_sha256("stop.txt")}},
    )
    manifest["config"]["comparison"] = {"ngram_range": [1, 1]}
    (tmp_path / "r" / "manifest.json").write_text(json.dumps(manifest))
    warnings: list[str] = []
    assert where("quotas", tmp_path / "r", warnings=warnings)[1]["words"].tolist() == ["quotas"]
    assert warnings == []
    with pytest.raises(ValueError, match="tariffs is no counted term"):  # the run's stop word
        where("tariffs", tmp_path / "r")
    Path("stop.txt").write_text("tariffs\n# edited\n", encoding="utf-8")
    where("quotas", tmp_path / "r", warnings=warnings)
    assert warnings == ["the stop-word file stop.txt changed since this run"]
    manifest["software_sha256"] = "older"
    manifest["config"]["terms"]["ngram_range"] = [1, 2]
    manifest["inputs"] = {"d.txt": "h-other"}  # the tables of a run that did not finish
    (tmp_path / "r" / "manifest.json").write_text(json.dumps(manifest))
    warnings.clear()
    assert len(where("quotas rose", tmp_path / "r", warnings=warnings)[1]) == 1
    assert warnings[0].startswith("the pipeline code or a package changed since this run")
    assert any("documents.csv and manifest.json name different texts" in w for w in warnings)
    assert "compare terms of 1 to 1 word(s) (comparison.ngram_range)" in warnings[-1]
    Path("stop.txt").unlink()
    with pytest.raises(ValueError, match=r"stop-word file stop\.txt .* is not found from"):
        where("quotas", tmp_path / "r")
    (tmp_path / "r" / "manifest.json").unlink()
    with pytest.raises(ValueError, match=r"manifest\.json does not exist"):
        where("quotas", tmp_path / "r")


def test_a_query_must_be_a_counted_term():
    analyzer = TermAnalyzer()
    assert query_term(analyzer, "China’s") == "china"
    # punctuation around a word as written in a text goes, as the segmenter drops it
    # (a speeches walkthrough: "hon." was "counted nowhere", "hon" 140 times)
    assert query_term(analyzer, "hon.") == "hon"
    assert query_term(analyzer, '"(Security)",') == "security"
    assert query_term(analyzer, "U.S.") == "US"
    with pytest.raises(ValueError, match="no counted term"):
        query_term(analyzer, "...")
    with pytest.raises(ValueError, match="the is no counted term"):
        query_term(analyzer, "the")
    with pytest.raises(ValueError, match=r"who is no counted term .*; in capitals, WHO is counted"):
        query_term(analyzer, "who")
    with pytest.raises(ValueError, match="counted terms of 1 to 1 word"):
        query_term(analyzer, "national security")


def test_where_command_exit_codes(tmp_path, capsys):
    _write_run(tmp_path, [("d", 1, 1, 0, 0, 29, 'Tariffs rose "fast", he said.')], {})
    assert main(["where", "tariffs", "--results-dir", str(tmp_path)]) == 0
    out = capsys.readouterr()
    # tab-separated and unquoted: the quotation marks as written
    row = 'd\t1\t0\t7\ttariffs\tTariffs\t[Tariffs] rose "fast", he said.'
    assert out.out.splitlines()[1] == row
    assert "tariffs: 1 occurrence(s) in 1 document(s): d 1" in out.err
    assert main(["where", "quotas", "--results-dir", str(tmp_path)]) == 1
    assert "quotas: counted nowhere" in capsys.readouterr().err
    assert main(["where", "tariffs", "--doc", "x", "--results-dir", str(tmp_path)]) == 2
    assert "no sentences of document(s) x" in capsys.readouterr().err
    assert main(["where", "tariffs", "--results-dir", str(tmp_path / "none")]) == 2
    assert "run the workflow first" in capsys.readouterr().err
