"""The figures `make bench` reads back from a run: benchmark files and chunk timings."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pipeline.bench import (
    benchmark_figures,
    chunk_step_seconds,
    floor_seconds,
    load_note,
    machine_reference,
    main,
    rerun_chunk_counts,
    settled_load,
)
from pipeline.bench_floor import DagJob, floor_snakefile, parse_dag

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


# the DAG `snakemake --dag dot` printed for a re-run after adding one document (abridged: one
# corpus-level job), with the chunk jobs that do not run dashed
DOT = r"""digraph snakemake_dag {
    graph[bgcolor=white, margin=0];
    node[shape=box, style=rounded, fontname=sans,                 fontsize=10, penwidth=2];
    edge[penwidth=2, color=grey];
	0[label = "all", color = "0.00 0.6 0.85", style="rounded"];
	1[label = "merge_tables", color = "0.30 0.6 0.85", style="rounded"];
	2[label = "analyse_chunk\nscatteritem: 1-of-2", color = "0.06", style="rounded,dashed"];
	3[label = "analyse_chunk\nscatteritem: 2-of-2", color = "0.06 0.6 0.85", style="rounded"];
	4[label = "compare", color = "0.12 0.6 0.85", style="rounded"];
	1 -> 0
	4 -> 0
	2 -> 1
	3 -> 1
	2 -> 4
	3 -> 4
	1 -> 4
}
"""


def test_parse_dag_reads_jobs_what_runs_and_edges():
    jobs, edges = parse_dag(DOT)
    assert jobs == {
        0: DagJob("all", True),
        1: DagJob("merge_tables", True),
        2: DagJob("analyse_chunk", False),
        3: DagJob("analyse_chunk", True),
        4: DagJob("compare", True),
    }
    assert edges == [(1, 0), (4, 0), (2, 1), (3, 1), (2, 4), (3, 4), (1, 4)]
    with pytest.raises(ValueError, match="no jobs"):
        parse_dag("Building DAG of jobs...\n")


def test_floor_snakefile_keeps_the_running_jobs_and_their_dependencies():
    text = floor_snakefile(*parse_dag(DOT))
    assert "rule all:\n    input: ['out/1', 'out/3', 'out/4']\n" in text
    assert "rule job_3_analyse_chunk:\n    input: []\n    output: 'out/3'\n" in text
    # the chunk job that does not run is left out of the compare job's inputs
    assert "rule job_4_compare:\n    input: ['out/1', 'out/3']\n" in text
    assert "job_2" not in text


def test_floor_workflow_runs_its_jobs_then_nothing(tmp_path):
    n_jobs, _, _ = floor_seconds(DOT, tmp_path, cores=2)
    assert n_jobs == 3
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["1", "3", "4"]
    # what the no-op timed was a run with nothing to do
    proc = subprocess.run(
        [sys.executable, "-m", "snakemake", "--cores", "1", "--dry-run"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "Nothing to be done" in proc.stdout + proc.stderr


@pytest.mark.parametrize(
    ("load", "says"),
    [(0.0, "the cores were free"), (0.99, "the cores were free"),
     (1.0, "not comparable"), (4.5, "not comparable")],
)  # fmt: skip
def test_load_note_says_when_other_processes_shared_the_cores(load, says):
    assert says in load_note(load)


def test_settled_load_waits_for_the_average_to_fall_below_one(monkeypatch):
    loads = iter([1.8, 1.3, 0.9, 0.5])
    monkeypatch.setattr("pipeline.bench.os.getloadavg", lambda: (next(loads), 0.0, 0.0))
    monkeypatch.setattr("pipeline.bench.time.sleep", lambda seconds: None)
    assert settled_load(max_wait=60, poll=5) == (0.9, 10.0)  # two polls: 1.3, then 0.9
    busy = iter([3.0] * 20)
    monkeypatch.setattr("pipeline.bench.os.getloadavg", lambda: (next(busy), 0.0, 0.0))
    assert settled_load(max_wait=15, poll=5) == (3.0, 15.0)  # gives up: the note says so


def test_keep_refuses_a_folder_an_earlier_bench_wrote_into(tmp_path, capsys):
    """A reused folder's corpus and cache would turn 'adding one document' into a cache hit."""
    (tmp_path / "corpus").mkdir()
    with pytest.raises(SystemExit) as stop:
        main(["--docs", "2", "--keep", str(tmp_path)])
    assert stop.value.code == 2
    assert "not an empty folder" in capsys.readouterr().err
    (tmp_path / "file").write_text("x")
    with pytest.raises(SystemExit):
        main(["--docs", "2", "--keep", str(tmp_path / "file")])
