"""The chunk runner: every table written (even when empty), failures isolated per document."""

from __future__ import annotations

import json
import logging

import pytest

from pipeline.chunk import analyse_chunk
from pipeline.chunk_settings import ChunkSettings
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


def test_a_failing_stage_leaves_its_traceback_in_the_log_file_not_on_stderr(
    tmp_path, monkeypatch, capsys
):
    from pipeline.logs import log_to
    from pipeline.sentiment import SentimentStage

    def broken(self, doc):
        raise RuntimeError("boom in the stage")

    monkeypatch.setattr(SentimentStage, "analyse", broken)
    sources = [_source(tmp_path, "bad", "The talks failed badly.")]
    with log_to(tmp_path / "chunk.log"):
        analyse_chunk(
            sources, out_dir=tmp_path / "c", docs_dir=tmp_path / "d", settings=ChunkSettings()
        )
    logged = (tmp_path / "chunk.log").read_text(encoding="utf-8")
    assert "ERROR bad.txt (bad, sentiment)" in logged
    assert "Traceback (most recent call last)" in logged and "in broken" in logged
    stderr = capsys.readouterr().err
    assert "ERROR bad.txt (bad, sentiment)" in stderr
    assert "Traceback" not in stderr


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


def _counts(chunk_dir):
    rows = read_csv_rows(chunk_dir / "timings.csv")
    return {r["step"]: int(r["documents"]) for r in rows if r["step"] in ("analysed", "from cache")}


def _tables(chunk_dir):
    return {p.name: p.read_bytes() for p in sorted(chunk_dir.glob("*.csv")) if p.stem != "timings"}


def test_cache_reuses_unchanged_documents_only(tmp_path, caplog):
    texts = {
        "a": "The talks failed badly. Critics argue it was a disaster.",
        "b": "The talks went well. Reportedly, both sides were happy.",
        "c": "China and the EU signed a deal. It was not good.",
    }
    sources = [_source(tmp_path, name, text) for name, text in texts.items()]
    cache = tmp_path / "cache" / "chunk.marshal"

    def run(srcs, out, settings=None):
        analyse_chunk(
            srcs,
            out_dir=tmp_path / out,
            docs_dir=tmp_path / "d",
            settings=settings or ChunkSettings(),
            cache_path=cache,
        )
        return _counts(tmp_path / out), _tables(tmp_path / out)

    first_counts, first = run(sources, "c1")
    assert first_counts == {"analysed": 3}
    with caplog.at_level(logging.INFO, logger="pipeline"):
        again_counts, again = run(sources, "c2")
    assert again_counts == {"from cache": 3}
    assert "analysed 0 document(s), took 3 from the cache, 0 unread" in caplog.messages
    assert again == first  # byte for byte
    # an edited file is analysed again, the others come from the cache
    _source(tmp_path, "b", "The talks went badly. Allegedly, both sides were furious.")
    edit_counts, edited = run(sources, "c3")
    assert edit_counts == {"analysed": 1, "from cache": 2}
    uncached = tmp_path / "fresh"
    analyse_chunk(sources, out_dir=uncached, docs_dir=tmp_path / "d2", settings=ChunkSettings())
    assert edited == _tables(uncached)
    assert (tmp_path / "d" / "b" / "clean.txt").read_text().startswith("The talks went badly")
    # a changed stage setting misses the whole cache
    other = ChunkSettings(stage_options={"sentiment": {"seed": 7}})
    assert run(sources, "c4", other)[0] == {"analysed": 3}
    # a removed document leaves the cache; an unreadable cache is ignored with a warning
    assert run(sources[:2], "c5", other)[0] == {"from cache": 2}
    from pipeline.cache import fingerprint, load_cache

    assert set(load_cache(cache, fingerprint(other.as_data()))) == {"a", "b"}
    cache.write_bytes(b"not a cache")
    assert run(sources[:2], "c6", other)[0] == {"analysed": 2}


def test_cache_fingerprint_follows_named_files_and_settings(tmp_path):
    from pipeline.cache import fingerprint

    lexicon = tmp_path / "extra.tsv"
    lexicon.write_text("# version: 1\npattern\tcategory\tsubtype\nfoo\thedge\tepistemic\n")
    settings = ChunkSettings(stage_options={"stance": {"extra_lexicons": [str(lexicon)]}})
    before = fingerprint(settings.as_data())
    assert fingerprint(settings.as_data()) == before
    lexicon.write_text("# version: 2\npattern\tcategory\tsubtype\nbar\thedge\tepistemic\n")
    assert fingerprint(settings.as_data()) != before
    assert fingerprint(ChunkSettings().as_data()) != fingerprint(settings.as_data())


@pytest.mark.parametrize(
    "changed", ["stance.py", "lexicons/stance.tsv", "templates/report.html.j2", "templates/r.css"]
)
def test_software_fingerprint_follows_code_templates_lexicons_and_versions(
    tmp_path, monkeypatch, changed
):
    from pipeline import cache

    for name in ("stance.py", "lexicons/stance.tsv", "templates/report.html.j2", "templates/r.css"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("v1")
    (tmp_path / "notes.md").write_text("not part of the software")
    (tmp_path / "measured_accuracy.tsv").write_text("read by the report rule only")
    monkeypatch.setattr(cache, "PACKAGE_DIR", tmp_path)
    before = cache.software_fingerprint()
    (tmp_path / "notes.md").write_text("edited")
    (tmp_path / "measured_accuracy.tsv").write_text("rewritten by python -m pipeline.accuracy")
    assert cache.software_fingerprint() == before
    (tmp_path / changed).write_text("v2")
    assert cache.software_fingerprint() != before
    (tmp_path / changed).write_text("v1")
    assert cache.software_fingerprint() == before
    monkeypatch.setattr(cache, "_package_versions", lambda: ["pandas==99"])
    assert cache.software_fingerprint() != before


def test_a_failed_stage_is_not_cached(tmp_path, monkeypatch):
    from pipeline.sentiment import SentimentStage

    original = SentimentStage.analyse
    calls = {"fail": True}

    def flaky(self, doc):
        if calls["fail"]:
            raise MemoryError("transient")
        return original(self, doc)

    monkeypatch.setattr(SentimentStage, "analyse", flaky)
    sources = [_source(tmp_path, "x", "The talks went well. It was good.")]
    cache = tmp_path / "cache.marshal"
    kwargs = {"docs_dir": tmp_path / "d", "settings": ChunkSettings(), "cache_path": cache}
    analyse_chunk(sources, out_dir=tmp_path / "c1", **kwargs)
    calls["fail"] = False
    analyse_chunk(sources, out_dir=tmp_path / "c2", **kwargs)
    assert _counts(tmp_path / "c2") == {"analysed": 1}
    assert read_csv_rows(tmp_path / "c2" / "problems.csv") == []


def test_batches_give_the_same_tables_in_source_order(tmp_path, monkeypatch):
    texts = [
        "The talks failed badly. Critics argue it was a disaster.",
        "The talks went well. Reportedly, both sides were happy.",
        "",
        "China and the EU signed a deal worth $3 billion. It was not good.",
        "Officials said 40% of firms agreed. Allegedly, the U.S. objected.",
    ]
    sources = [_source(tmp_path, f"d{i}", text) for i, text in enumerate(texts)]
    sources.insert(2, SourceFile("gone", tmp_path / "gone.txt", "gone.txt"))

    def run(out, batch):
        monkeypatch.setattr("pipeline.chunk.BATCH_DOCUMENTS", batch)
        analyse_chunk(
            sources, out_dir=tmp_path / out, docs_dir=tmp_path / "d", settings=ChunkSettings()
        )
        return _tables(tmp_path / out)

    whole = run("one", 200)
    assert run("two", 2) == whole == run("single", 1)
    ids = [r["doc_id"] for r in read_csv_rows(tmp_path / "one" / "documents.csv")]
    assert ids == ["d0", "d1", "d3", "d4"]  # source order; the empty and the missing file skipped


def test_rows_frozen_out_of_the_garbage_collector_are_given_back(tmp_path, monkeypatch):
    """A chunk freezes its rows batch by batch (gc.freeze: full collections walked them all);
    when it is done, and when it fails, nothing stays frozen."""
    import gc

    sources = [
        _source(tmp_path, f"d{i}", f"The talks failed badly in round {i}. Critics argue so.")
        for i in range(3)
    ]
    monkeypatch.setattr("pipeline.chunk.BATCH_DOCUMENTS", 1)
    counts = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: (freeze(), counts.append(gc.get_freeze_count())))
    kwargs = {"docs_dir": tmp_path / "d", "settings": ChunkSettings()}
    assert analyse_chunk(sources, out_dir=tmp_path / "c", **kwargs) == 3
    assert len(counts) >= 3 and min(counts) > 0  # after the set-up and after every batch
    assert gc.get_freeze_count() == 0

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("pipeline.chunk.write_segmented_tables", fail)
    with pytest.raises(OSError, match="disk full"):
        analyse_chunk(sources, out_dir=tmp_path / "c2", **kwargs)
    assert gc.get_freeze_count() == 0


class _QuestionsStage:
    """A stage as a user would add one: questions with their offsets."""

    name = "questions"
    sentence_columns = ("is_question",)
    document_columns = ("n_questions",)
    tables = {"questions": ("doc_id", "sent_id", "start", "end")}

    def analyse(self, doc):
        from pipeline.types import StageOutput

        flags = [s.text.endswith("?") for s in doc.sentences]
        rows = [
            {"doc_id": doc.doc_id, "sent_id": s.sent_id, "start": s.start, "end": s.end}
            for s, q in zip(doc.sentences, flags, strict=True)
            if q
        ]
        return StageOutput(
            sentence_columns={"is_question": flags},
            document_columns={"n_questions": sum(flags)},
            tables={"questions": rows},
        )


def test_a_stage_table_listed_nowhere_is_an_error_not_lost_rows(monkeypatch):
    import pipeline.stages as stages

    monkeypatch.setitem(stages.DOCUMENT_STAGES, "questions", "tests.test_chunk:_QuestionsStage")
    with pytest.raises(ValueError, match=r"'questions'.*neither PUBLISHED_TABLES"):
        stages.table_columns()
    monkeypatch.setattr(stages, "PUBLISHED_TABLES", (*stages.PUBLISHED_TABLES, "questions"))
    assert stages.table_columns()["questions"] == ["doc_id", "sent_id", "start", "end"]
    monkeypatch.setattr(stages, "INTERNAL_TABLES", (*stages.INTERNAL_TABLES, "answers"))
    with pytest.raises(ValueError, match="answers that no registered stage writes"):
        stages.table_columns()


def test_a_stage_class_without_its_class_attributes_is_named():
    from pipeline.stages import check_stage_class

    class SetInInit:
        name = "questions"

        def __init__(self):
            self.sentence_columns, self.document_columns, self.tables = (), (), {}

    with pytest.raises(
        ValueError,
        match=r"stage 'questions' .* lacks the class attribute\(s\) "
        "sentence_columns, document_columns, tables: set them in the class body",
    ):
        check_stage_class("questions", SetInInit)
    with pytest.raises(ValueError, match="is named 'questions': its name must be"):
        check_stage_class("asks", _QuestionsStage)
    check_stage_class("questions", _QuestionsStage)


def _questions_output(**changes):
    from pipeline.types import StageOutput

    out = {
        "sentence_columns": {"is_question": [True, False]},
        "document_columns": {"n_questions": 1},
        "tables": {"questions": [{"doc_id": "d", "sent_id": 1, "start": 0, "end": 3}]},
    }
    out.update(changes)
    return StageOutput(**out)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sentence_columns": {"is_question": [True]}}, "1 value.* for 2 sentence"),
        ({"sentence_columns": {"other": [1, 2]}}, "sentence column 'other', not in"),
        ({"document_columns": {"n_asked": 1}}, r"document column\(s\) \['n_asked'\]"),
        ({"tables": {"answers": []}}, "table 'answers', not in its tables"),
        (
            {"tables": {"questions": [{"doc_id": "d", "page": 2}]}},
            r"undeclared key\(s\) \['page'\]",
        ),
    ],
)
def test_stage_output_that_breaks_its_declaration_is_named(changes, message):
    from pipeline.stages import check_output

    stage = _QuestionsStage()
    check_output(stage, _questions_output(), 2)
    with pytest.raises(ValueError, match=message):
        check_output(stage, _questions_output(**changes), 2)


def test_a_stage_output_error_is_recorded_for_its_document(tmp_path, monkeypatch):
    from pipeline.sentiment import SentimentStage

    original = SentimentStage.analyse

    def short(self, doc):
        out = original(self, doc)
        out.sentence_columns["compound"] = out.sentence_columns["compound"][:-1]
        return out

    monkeypatch.setattr(SentimentStage, "analyse", short)
    sources = [_source(tmp_path, "d", "The talks failed. Critics were angry.")]
    analyse_chunk(
        sources, out_dir=tmp_path / "c", docs_dir=tmp_path / "d", settings=ChunkSettings()
    )
    problems = read_csv_rows(tmp_path / "c" / "problems.csv")
    assert [(p["doc_id"], p["stage"]) for p in problems] == [("d", "sentiment")]
    assert "1 value(s) of sentence column 'compound' for 2 sentence(s)" in problems[0]["message"]
    sentences = read_csv_rows(tmp_path / "c" / "sentences.csv")
    assert [r["compound"] for r in sentences] == ["", ""]


def test_chunk_input_files_are_the_shipped_lexicons_and_every_file_the_settings_name(
    tmp_path, monkeypatch
):
    from pipeline.cache import input_files

    monkeypatch.chdir(tmp_path)
    (tmp_path / "lex").mkdir()
    for name in ("b.tsv", "a.txt", "notes.md"):
        (tmp_path / "lex" / name).write_text("x")
    (tmp_path / "mine.tsv").write_text("x")
    (tmp_path / "cues.txt").write_text("x")
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "made.txt").write_text("x")
    settings = {
        "stance": {"extra_lexicons": ["mine.tsv", "./lex/b.tsv", "typo.tsv"]},
        "questions": {"cue_file": "cues.txt", "mode": "strict", "missing": "gone.txt",
                      "written": "results/made.txt"},
        "segment": {},
    }  # fmt: skip
    # an extra_* file that does not exist stays an input (Snakemake: missing input, before
    # any job); other names count only for existing files outside the results folder
    assert input_files("lex", settings, results_dir="results") == [
        "lex/a.txt", "lex/b.tsv", "mine.tsv", "typo.tsv", "cues.txt",
    ]  # fmt: skip


def test_user_word_lists_leave_out_the_tested_ones(tmp_path):
    """The files the shipped config lists are tested, under their keys; any other, even one
    saved among them in pipeline/lexicons/ or a shipped one under another key, is the user's."""
    from pipeline.chunk_settings import user_word_lists
    from pipeline.lexicon import LEXICON_DIR

    news, mine = str(LEXICON_DIR / "sentiment_news.tsv"), str(tmp_path / "mine.tsv")
    beside, senses = str(LEXICON_DIR / "my_frames.tsv"), str(LEXICON_DIR / "sentiment_senses.tsv")
    config = {"sentiment": {"extra_valences": [news, mine]},
              "frames": {"extra_lexicons": [beside]}, "stance": {"extra_lexicons": [senses]},
              "segment": {"max_chars": 3}}  # fmt: skip
    assert user_word_lists(config) == [
        ("sentiment.extra_valences", mine), ("frames.extra_lexicons", beside),
        ("stance.extra_lexicons", senses),
    ]  # fmt: skip
    # a new stage's own word list: the user's file is checked, its shipped default is not
    from pipeline import chunk_settings

    ours = str(LEXICON_DIR / "first_person_plural.txt")
    config = {"we_words": {"word_list": str(tmp_path / "we.txt"), "mode": "strict"},
              "they_words": {"word_list": ours, "others": [mine, "plain text"]}}  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chunk_settings, "_stage_names", lambda: ["we_words", "they_words"])
        assert user_word_lists(config) == [("we_words.word_list", str(tmp_path / "we.txt"))]


def test_config_files_are_the_extra_lists_and_a_stage_value_ending_as_a_word_list():
    from pipeline.cache import config_files

    config = {
        "corpus_dir": "corpus/x.txt",  # top-level keys are no section
        "stance": {"extra_lexicons": ["a.tsv", "b"], "context_chars": 60},
        "we_words": {"word_list": "my/WE.TXT", "stop": ["s.csv", 3], "label": "plain"},
        "sentiment": {"neutral_terms": ["readme.txt"]},  # a list of words
        "comparison": {"group_column": "outlet.csv"},
    }  # not a stage: a metadata column
    assert config_files(config, ["stance", "we_words", "sentiment"]) == [
        ("stance.extra_lexicons", "a.tsv"), ("stance.extra_lexicons", "b"),
        ("we_words.word_list", "my/WE.TXT"),
    ]  # fmt: skip
    assert config_files(config) == config_files(config, ["comparison"])[:2]  # extra_* alone


class _WordListStage:
    """A stage class whose constructor takes the word-list keys of these tests."""

    def __init__(self, word_list=None, extra_lexicons=()):
        pass


def test_a_refusal_is_not_pinned_on_a_file_that_may_be_good(tmp_path, monkeypatch):
    """A stage's one word_list cannot be left out when the others are tried alone: when the
    loader's message names no file, both are named."""
    from pipeline import chunk_settings

    good, bad = tmp_path / "good.tsv", tmp_path / "bad.txt"
    for path in (good, bad):
        path.write_text("x")

    def load(settings):  # a loader whose message names no file
        if bad.as_posix() in str(settings.stage_options):
            raise ValueError("'co-uld' is not a word")

    monkeypatch.setattr(chunk_settings, "_stage_names", lambda: ["stance", "we_words"])
    monkeypatch.setattr("pipeline.stages.stage_class", lambda name: _WordListStage)
    monkeypatch.setattr(chunk_settings, "chunk_tools", load)
    config = {"stance": {"extra_lexicons": [str(good)]}, "we_words": {"word_list": str(bad)}}
    assert chunk_settings.refused_word_list(config) == (
        f"{good} or {bad} (one of them): 'co-uld' is not a word"
    )
    config = {"stance": {"extra_lexicons": [str(bad), str(good)]}}
    assert chunk_settings.refused_word_list(config) == f"{bad}: 'co-uld' is not a word"


def test_a_word_list_that_cannot_be_read_is_refused_with_its_name(tmp_path, monkeypatch):
    """A new stage's own loader may raise an OSError (a folder of that name): refused, named,
    not a traceback in every chunk job."""
    from pipeline import chunk_settings

    folder = tmp_path / "we.txt"
    folder.mkdir()

    def load(settings):  # the new stage's loader, built with the user's file
        with open(folder, encoding="utf-8") as fh:
            return fh.read()

    monkeypatch.setattr(chunk_settings, "_stage_names", lambda: ["we_words"])
    monkeypatch.setattr("pipeline.stages.stage_class", lambda name: _WordListStage)
    monkeypatch.setattr(chunk_settings, "chunk_tools", load)
    refused = chunk_settings.refused_word_list({"we_words": {"word_list": str(folder)}})
    assert refused == f"[Errno 21] Is a directory: '{folder}'"


def test_tested_word_lists_are_those_of_the_shipped_config():
    from pathlib import Path

    import yaml

    from pipeline.cache import listed_files
    from pipeline.chunk_settings import TESTED_WORD_LISTS

    root = Path(__file__).resolve().parent.parent
    config = yaml.safe_load((root / "config" / "config.yaml").read_text(encoding="utf-8"))
    listed = [(key, Path(path).name) for key, path in listed_files(config)]
    assert sorted(listed) == sorted(TESTED_WORD_LISTS)


def test_a_file_listed_twice_is_refused():
    from pipeline.chunk_settings import refused_word_list
    from pipeline.lexicon import LEXICON_DIR

    senses = str(LEXICON_DIR / "sentiment_senses.tsv")
    config = {"sentiment": {"extra_neutral_senses": [senses, senses]}}
    assert refused_word_list(config) == (
        f"config key sentiment.extra_neutral_senses lists {senses} twice"
    )


def test_refused_word_list_names_the_file_the_stages_refuse(tmp_path):
    """The refused file is named, with the line of the bad pattern."""
    from pipeline.chunk_settings import refused_word_list

    good = tmp_path / "good.tsv"
    good.write_text("# version: 1\npattern\tframe\tnote\nfine print\tnone\tx\n", encoding="utf-8")
    bad = tmp_path / "bad.tsv"
    bad.write_text("# version: 1\npattern\tframe\tnote\n[fine print\tlegality\tx\n", "utf-8")
    assert refused_word_list({"frames": {"extra_lexicons": [str(good)]}}) is None
    message = refused_word_list({"frames": {"extra_lexicons": [str(good), str(bad)]}})
    assert message.startswith(f"{bad}, line 3: frame lexicon entry '[fine print'")
    assert "unbalanced '['" in message


def test_chunk_state_changes_with_what_modification_times_hide(tmp_path):
    import os

    from pipeline.cache import chunk_state, write_if_changed

    doc = tmp_path / "a.txt"
    doc.write_text("Costs rose.", encoding="utf-8")
    os.utime(doc, ns=(2_000_000_000_000_000_000,) * 2)
    members = [("a", doc, "a.txt")]
    state = chunk_state(members)
    assert json.loads(state) == {"members": [["a", "a.txt", 11, 2_000_000_000_000_000_000]]}
    doc.write_text("Costs fell.", encoding="utf-8")  # same size
    os.utime(doc, ns=(1_577_836_800_000_000_000,) * 2)  # an older date: cp -p, rsync -a
    assert chunk_state(members) != state
    assert chunk_state([("b", doc, "a.txt")]) != chunk_state(members)  # a new doc_id
    gone = chunk_state([("a", tmp_path / "gone.txt", "gone.txt")])
    assert json.loads(gone)["members"] == [["a", "gone.txt", None, None]]
    # written only when the text differs, so its modification time says when it changed
    path = tmp_path / "cache" / "1-of-4.inputs.json"
    assert write_if_changed(path, state) is True
    os.utime(path, ns=(1_000,) * 2)
    assert write_if_changed(path, state) is False and path.stat().st_mtime_ns == 1_000
    assert write_if_changed(path, gone) is True and path.read_text(encoding="utf-8") == gone


def test_chunk_settings_leave_out_what_corpus_level_rules_read() -> None:
    config = {
        "ingest": {"max_file_mb": 5, "duplicates": "analyse", "extra_boilerplate": []},
        "segment": {"extra_abbreviations": ["x.txt"]},
        "frames": {"tie_break": "codebook_order", "confidence": 0.9, "max_pairwise_documents": 3},
        "stance": {"context_chars": 30},
    }
    sections = ChunkSettings.config_sections(config)
    assert sections["ingest"] == {"max_file_mb": 5, "extra_boilerplate": []}
    assert sections["segment"] == {"extra_abbreviations": ["x.txt"]}
    assert sections["frames"] == {"tie_break": "codebook_order"}
    assert sections["stance"] == {"context_chars": 30}
    assert set(sections) == set(ChunkSettings.sections())
    settings = ChunkSettings.from_config(config)
    assert settings.stage_options["frames"] == {"tie_break": "codebook_order"}
    assert settings.max_file_mb == 5.0


def test_reading_the_chunk_settings_does_not_load_the_stance_detector() -> None:
    """Every parse of the workflow reads the settings (the stage classes' signatures); the
    detector's patterns take a third of a second to compile and are built in the chunks only."""
    import subprocess
    import sys

    code = (
        "import sys; from pipeline.chunk_settings import ChunkSettings; "
        "ChunkSettings.config_sections({}); "
        "print(sorted(m for m in sys.modules if m.startswith('pipeline.stance_')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pipeline.stance_detector" not in out.stdout
    assert "pipeline.stance_lexicon" in out.stdout  # the stage module itself was imported


def test_stage_options_are_the_keys_the_constructor_takes_or_all_for_kwargs() -> None:
    from pipeline.stages import stage_options

    class Named:
        def __init__(self, word_list=None):
            pass

    class Open:
        def __init__(self, word_list=None, **options):
            pass

    section = {"word_list": "w.txt", "threshold": 3}
    assert stage_options(Named, section) == {"word_list": "w.txt"}
    assert stage_options(Open, section) == section
