"""The detectors' measured accuracy: the shipped file is current, and the report shows it."""

from __future__ import annotations

import json

import pytest

from pipeline.accuracy import (
    ACCURACY_PATH,
    accuracy_text,
    accuracy_view,
    lexicon_versions,
    measure,
    read_accuracy,
    shipped_settings,
    two_decimals,
)
from pipeline.report import build_report
from tests.test_report import write_tiny_corpus


def test_shipped_file_is_what_the_blind_sets_give_now():
    # a changed lexicon or blind set fails here until `python -m pipeline.accuracy` is run
    assert ACCURACY_PATH.read_text(encoding="utf-8") == accuracy_text(
        measure(), lexicon_versions(), shipped_settings()
    )


def test_file_round_trips(tmp_path):
    rows = [
        {"detector": "stance", "measure": "hedge F1", "blind_set": "a.tsv", "fully_blind": "yes",
         "sentences": 120, "value": "0.900"},
        {"detector": "frames", "measure": "micro F1", "blind_set": "b.tsv", "fully_blind": "no",
         "sentences": 100, "value": "0.536"},
    ]  # fmt: skip
    path = tmp_path / "acc.tsv"
    settings = {"sentiment.neutral_terms": ["security"], "stance.extra_lexicons": []}
    path.write_text(accuracy_text(rows, {"stance.tsv": "1.0.0 sha256:ab"}, settings), "utf-8")
    read = read_accuracy(path)
    assert read["versions"] == {"stance.tsv": "1.0.0 sha256:ab"}
    assert read["settings"] == settings
    assert [dict(r) for r in read["rows"]] == [{k: str(v) for k, v in r.items()} for r in rows]
    assert read_accuracy(tmp_path / "missing.tsv") == {"rows": [], "versions": {}, "settings": None}


def test_shipped_file_records_the_lexicons_and_settings_measured():
    measured = read_accuracy()
    assert set(measured["versions"]) == {"stance.tsv", "frames.tsv", "sentiment_news.tsv",
                                         "sentiment_senses.tsv"}  # fmt: skip
    assert all(" sha256:" in v for v in measured["versions"].values())
    assert measured["settings"]["sentiment.extra_valences"] == [
        "pipeline/lexicons/sentiment_news.tsv"
    ]
    partly = {r["blind_set"] for r in measured["rows"] if r["fully_blind"] == "no"}
    assert partly == {"stance_blind.tsv", "stance_blind2.tsv", "stance_blind4.tsv",
                      "frames_blind2.tsv"}  # fmt: skip


@pytest.mark.parametrize(
    ("value", "shown"), [("0.955", "0.96"), ("0.945", "0.95"), ("0.944", "0.94"), ("1.000", "1.00")]
)
def test_figures_are_rounded_half_up_from_their_text(value, shown):
    assert two_decimals(value) == shown


def test_view_takes_the_range_over_sets_and_compares_versions():
    measured = {
        "rows": [
            {"detector": "stance", "measure": "hedge F1", "blind_set": "a", "fully_blind": "yes",
             "sentences": "120", "value": "0.880"},
            {"detector": "stance", "measure": "hedge F1", "blind_set": "b", "fully_blind": "yes",
             "sentences": "100", "value": "0.955"},
            {"detector": "stance", "measure": "hedge F1", "blind_set": "p", "fully_blind": "no",
             "sentences": "100", "value": "0.990"},
            {"detector": "frames", "measure": "micro F1", "blind_set": "c", "fully_blind": "no",
             "sentences": "100", "value": "0.536"},
        ],
        "versions": {"stance.tsv": "1.33.0 sha256:x", "frames.tsv": "1.12.2 sha256:y"},
        "settings": {"sentiment.neutral_terms": ["security"], "frames.extra_lexicons": []},
    }  # fmt: skip
    same = [("pipeline/lexicons/stance.tsv", "1.33.0", "x"), ("pipeline/lexicons/frames.tsv",
                                                               "1.12.2", "y")]  # fmt: skip
    view = accuracy_view(measured, same)
    assert view["measures"] == [  # the partly blind set p is left out where fully blind ones exist
        {"detector": "stance", "measure": "hedge F1", "low": "0.88", "high": "0.96", "n_sets": 2,
         "n_sentences": 220},
        {"detector": "frames", "measure": "micro F1", "low": "0.54", "high": "0.54", "n_sets": 1,
         "n_sentences": 100},
    ]  # fmt: skip
    assert not view["differs"] and view["differences"] == []
    view = accuracy_view(measured, [("pipeline/lexicons/stance.tsv", "1.34.0", "x")])
    assert view["differences"] == ["stance.tsv 1.34.0"]
    assert ("stance.tsv", "1.33.0", "1.34.0") in view["versions"]
    view = accuracy_view(measured, [("pipeline/lexicons/stance.tsv", "1.33.0", "edited")])
    assert view["differences"] == ["stance.tsv 1.33.0, edited"]  # same version, other content
    config = {"sentiment": {"neutral_terms": ["security"]}, "frames": {"extra_lexicons": []}}
    assert not accuracy_view(measured, same, config)["differs"]
    config["sentiment"]["neutral_terms"] = []  # plain VADER's own reading of "security"
    assert accuracy_view(measured, same, config)["differences"] == [
        "sentiment.neutral_terms: none (measured with security)"
    ]
    config["sentiment"]["neutral_terms"] = ["security"]
    config["frames"]["extra_lexicons"] = ["/data/lex/mine.tsv", "/data/lex/more.tsv"]
    assert accuracy_view(measured, same, config)["differences"] == [
        "frames.extra_lexicons: /data/lex/mine.tsv, /data/lex/more.tsv (measured with none)"
    ]
    config["frames"]["extra_lexicons"] = None  # as no list
    assert not accuracy_view(measured, same, config)["differs"]
    assert not accuracy_view(measured, [])["differs"]  # no manifest: nothing to compare
    extra = [("my/stance.tsv", "0.1", "z"), *same]  # an extra lexicon named like a shipped one
    assert accuracy_view(measured, extra)["differences"] == []


def test_the_same_file_written_otherwise_is_the_same_setting():
    from pipeline.accuracy import ROOT

    measured = read_accuracy()
    shipped = measured["settings"]["sentiment.extra_valences"]
    assert shipped, "the shipped config lists the news valences"
    for spelling in (["./" + p for p in shipped], [str(ROOT / p) for p in shipped]):
        config = {section: {} for section in ("sentiment", "frames", "stance")}
        for key, value in measured["settings"].items():
            section, _, name = key.partition(".")
            config[section][name] = value
        config["sentiment"]["extra_valences"] = spelling
        assert accuracy_view(measured, [], config)["differences"] == []


@pytest.mark.parametrize("run_version", ["same", "other"])
def test_report_shows_the_ranges_and_warns_of_other_lexicons(tmp_path, run_version):
    tables, docs, plots = write_tiny_corpus(tmp_path)
    measured = read_accuracy()
    version = measured["versions"]["stance.tsv"] if run_version == "same" else "0.0.1"
    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        json.dumps({"lexicons": {"pipeline/lexicons/stance.tsv": {"version": version,
                                                                  "sha256": "00"}}}),
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "report.html"
    build_report(tables_dir=tables, docs_dir=docs, plots_dir=plots, manifest_path=manifest,
                 out_path=out)  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert '<section id="accuracy"' in page and 'href="#accuracy"' in page
    view = accuracy_view(measured, [])
    named = next(m for m in view["measures"] if m["measure"] == "named attribution F1")
    row = (f'<td>named attribution F1</td><td class="num">{named["low"]}</td>'
           f'<td class="num">{named["high"]}</td>')  # fmt: skip
    assert row in page
    warned = "this run differs (stance.tsv 0.0.1)" in page
    assert warned == (run_version == "other")


def test_report_reads_the_accuracy_file_it_is_given(tmp_path):
    tables, docs, plots = write_tiny_corpus(tmp_path)
    out = tmp_path / "report.html"
    build_report(tables_dir=tables, docs_dir=docs, plots_dir=plots, manifest_path=None,
                 out_path=out, accuracy_path=tmp_path / "absent.tsv")  # fmt: skip
    assert '<section id="accuracy"' not in out.read_text(encoding="utf-8")
