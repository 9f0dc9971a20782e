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
)
from pipeline.report import build_report
from tests.test_report import write_tiny_corpus


def test_shipped_file_is_what_the_blind_sets_give_now():
    # a changed lexicon or blind set fails here until `python -m pipeline.accuracy` is run
    assert ACCURACY_PATH.read_text(encoding="utf-8") == accuracy_text(measure(), lexicon_versions())


def test_file_round_trips(tmp_path):
    rows = [
        {"detector": "stance", "measure": "hedge F1", "blind_set": "a.tsv", "sentences": 120,
         "value": "0.900"},
        {"detector": "frames", "measure": "micro F1", "blind_set": "b.tsv", "sentences": 100,
         "value": "0.536"},
    ]  # fmt: skip
    path = tmp_path / "acc.tsv"
    path.write_text(accuracy_text(rows, {"stance.tsv": "1.0.0"}), encoding="utf-8")
    read = read_accuracy(path)
    assert read["versions"] == {"stance.tsv": "1.0.0"}
    assert [dict(r) for r in read["rows"]] == [{k: str(v) for k, v in r.items()} for r in rows]
    assert read_accuracy(tmp_path / "missing.tsv") == {"rows": [], "versions": {}}


def test_view_takes_the_range_over_sets_and_compares_versions():
    measured = {
        "rows": [
            {"detector": "stance", "measure": "hedge F1", "blind_set": "a", "sentences": "120",
             "value": "0.880"},
            {"detector": "stance", "measure": "hedge F1", "blind_set": "b", "sentences": "100",
             "value": "0.955"},
            {"detector": "frames", "measure": "micro F1", "blind_set": "c", "sentences": "100",
             "value": "0.536"},
        ],
        "versions": {"stance.tsv": "1.33.0", "frames.tsv": "1.12.2"},
    }  # fmt: skip
    same = [("pipeline/lexicons/stance.tsv", "1.33.0", "x"), ("pipeline/lexicons/frames.tsv",
                                                               "1.12.2", "y")]  # fmt: skip
    view = accuracy_view(measured, same)
    assert view["measures"] == [
        {"detector": "stance", "measure": "hedge F1", "low": 0.88, "high": 0.955, "n_sets": 2,
         "n_sentences": 220},
        {"detector": "frames", "measure": "micro F1", "low": 0.536, "high": 0.536, "n_sets": 1,
         "n_sentences": 100},
    ]  # fmt: skip
    assert not view["differs"]
    other = [("pipeline/lexicons/stance.tsv", "1.34.0", "x")]
    view = accuracy_view(measured, other)
    assert view["differs"]
    assert ("stance.tsv", "1.33.0", "1.34.0") in view["versions"]
    assert not accuracy_view(measured, [])["differs"]  # no manifest: nothing to compare


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
    row = (f'<td>named attribution F1</td><td class="num">{named["low"]:.2f}</td>'
           f'<td class="num">{named["high"]:.2f}</td>')  # fmt: skip
    assert row in page
    warned = "this run used other versions (stance.tsv 0.0.1)" in page
    assert warned == (run_version == "other")
