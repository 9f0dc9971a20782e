"""The chunk runner: every table written (even when empty), failures isolated per document."""

from __future__ import annotations

import pytest

from pipeline.chunk import ChunkSettings, analyse_chunk
from pipeline.corpus import SourceFile
from pipeline.stages import PUBLISHED_TABLES, table_columns
from pipeline.tables import read_csv_rows


def _source(tmp_path, name, text):
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return SourceFile(name, path, path.name)


def test_empty_chunk_writes_every_header(tmp_path):
    assert (
        analyse_chunk([], out_dir=tmp_path / "c", docs_dir=tmp_path / "d", settings=ChunkSettings())
        == 0
    )
    for name, columns in table_columns().items():
        with open(tmp_path / "c" / f"{name}.csv", encoding="utf-8") as fh:
            assert fh.read() == ",".join(columns) + "\n"
    assert set(PUBLISHED_TABLES) <= set(table_columns())


def test_a_failing_stage_is_recorded_and_the_others_go_on(tmp_path, monkeypatch):
    from pipeline.sentiment import SentimentStage

    original = SentimentStage.analyse

    def flaky(self, doc):
        if doc.doc_id == "bad":
            raise RuntimeError("boom")
        return original(self, doc)

    monkeypatch.setattr(SentimentStage, "analyse", flaky)
    sources = [
        _source(tmp_path, "bad", "The talks failed badly. Critics argue it was a disaster."),
        _source(tmp_path, "good", "The talks went well. Reportedly, both sides were happy."),
    ]
    n = analyse_chunk(
        sources, out_dir=tmp_path / "c", docs_dir=tmp_path / "d", settings=ChunkSettings()
    )
    assert n == 2
    problems = read_csv_rows(tmp_path / "c" / "problems.csv")
    assert [(p["doc_id"], p["stage"], p["severity"]) for p in problems] == [
        ("bad", "sentiment", "error")
    ]
    assert "boom" in problems[0]["message"]
    docs = {r["doc_id"]: r for r in read_csv_rows(tmp_path / "c" / "documents.csv")}
    assert docs["bad"]["compound_mean"] == ""  # the failed stage's columns are empty
    assert docs["bad"]["hedges_per_1k"] != ""  # the other stages still ran
    assert docs["good"]["compound_mean"] != ""
    stance = read_csv_rows(tmp_path / "c" / "stance_markers.csv")
    assert {r["doc_id"] for r in stance} == {"bad", "good"}


def test_unreadable_file_is_skipped_with_a_reason(tmp_path):
    sources = [
        SourceFile("gone", tmp_path / "gone.txt", "gone.txt"),
        _source(tmp_path, "ok", "A sentence. Another one."),
    ]
    assert (
        analyse_chunk(
            sources, out_dir=tmp_path / "c", docs_dir=tmp_path / "d", settings=ChunkSettings()
        )
        == 1
    )
    problems = read_csv_rows(tmp_path / "c" / "problems.csv")
    assert problems[0]["doc_id"] == "gone" and "could not read the file" in problems[0]["message"]
    assert (tmp_path / "d" / "ok" / "clean.txt").read_text() == "A sentence. Another one."


@pytest.mark.parametrize("bad", [{"sentiment": {"seed": -1}}, {"frames": {"tie_break": "coin"}}])
def test_bad_stage_options_raise_clearly(tmp_path, bad):
    settings = ChunkSettings(stage_options=bad)
    with pytest.raises(ValueError):
        analyse_chunk(
            [_source(tmp_path, "a", "Text.")],
            out_dir=tmp_path / "c",
            docs_dir=tmp_path / "d",
            settings=settings,
        )
