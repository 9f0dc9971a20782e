"""The figures `make bench` reads back from a run: benchmark files and chunk timings."""

from __future__ import annotations

import os

from pipeline.bench import (
    benchmark_figures,
    chunk_step_seconds,
    machine_reference,
    rerun_chunk_counts,
)

TIMINGS = "step,seconds,documents\n"


def _write(path, text, mtime):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))


def _timings(path, *, stance, analysed, cached, mtime):
    rows = f"stance,{stance},{analysed}\nanalysed,0.0,{analysed}\nfrom cache,0.0,{cached}\n"
    _write(path, TIMINGS + rows, mtime)


def test_rerun_counts_only_the_chunks_written_since_the_rerun_started(tmp_path):
    _timings(tmp_path / "1-of-3" / "timings.csv", stance=1.5, analysed=10, cached=0, mtime=100)
    _timings(tmp_path / "2-of-3" / "timings.csv", stance=0.1, analysed=1, cached=9, mtime=300)
    _timings(tmp_path / "3-of-3" / "timings.csv", stance=2.0, analysed=12, cached=0, mtime=300)
    assert rerun_chunk_counts(tmp_path, since=200) == {
        "chunks": 2,
        "analysed": 13,
        "from cache": 9,
    }
    # a cache miss is reported, not hidden: nothing taken from the cache
    _timings(tmp_path / "2-of-3" / "timings.csv", stance=2.0, analysed=10, cached=0, mtime=300)
    assert rerun_chunk_counts(tmp_path, since=200)["from cache"] == 0
    assert rerun_chunk_counts(tmp_path, since=400) == {}


def test_chunk_step_seconds_sums_seconds_and_skips_the_document_counts(tmp_path):
    _timings(tmp_path / "1-of-2" / "timings.csv", stance=1.5, analysed=10, cached=0, mtime=100)
    _timings(tmp_path / "2-of-2" / "timings.csv", stance=0.25, analysed=3, cached=7, mtime=100)
    assert chunk_step_seconds(tmp_path) == {"stance": 1.75}


def test_benchmark_figures_sum_per_rule_and_find_the_peak_job(tmp_path):
    header = "s\th:m:s\tmax_rss\tmax_vms\n"
    _write(tmp_path / "analyse_chunk" / "1-of-2.tsv", header + "2.0\t0:00:02\t120.5\t1\n", 100)
    _write(tmp_path / "analyse_chunk" / "2-of-2.tsv", header + "3.0\t0:00:03\tNA\t1\n", 300)
    _write(tmp_path / "compare.tsv", header + "1.5\t0:00:01\t300.0\t1\n", 300)
    total, longest, peak, job = benchmark_figures(tmp_path)
    assert total == {"analyse_chunk": 5.0, "compare": 1.5}
    assert longest == {"analyse_chunk": 3.0, "compare": 1.5}
    assert (peak, job) == (300.0, "compare.tsv")
    total, _, peak, job = benchmark_figures(tmp_path, since=200)
    assert total == {"analyse_chunk": 3.0, "compare": 1.5}


def test_machine_reference_times_the_loop_and_keeps_the_fastest_repeat(monkeypatch):
    ticks = iter([0.0, 3.0, 10.0, 11.5, 20.0, 22.0])  # repeats of 3.0, 1.5 and 2.0 s
    monkeypatch.setattr("pipeline.bench.time.perf_counter", lambda: next(ticks))
    assert machine_reference(steps=10, repeats=3) == 1.5
