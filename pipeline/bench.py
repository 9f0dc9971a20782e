"""``make bench``: run the whole workflow on a generated corpus and print the figures.

Figures: total wall time, per-rule wall time (from Snakemake ``benchmark:`` files), documents
per second, peak memory of the largest job, a no-op re-run and a re-run after adding one document,
and a machine reference (a fixed Python loop), so that figures from different machines or days can
be compared.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from pipeline.bench_floor import JOB_SCRIPT, TARGET_RULE, floor_snakefile, parse_dag
from pipeline.synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[1]


def machine_reference(steps: int = 10_000_000, repeats: int = 3) -> float:
    """Best-of-``repeats`` seconds of a fixed pure-Python loop: how fast this machine is now."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        total = 0
        for i in range(steps):
            total += i
        best = min(best, time.perf_counter() - start)
    return best


def settled_load(max_wait: float = 60.0, poll: float = 5.0) -> tuple[float, float]:
    """The 1-minute load average once it is below 1, or after ``max_wait`` seconds, and the
    seconds waited: the average decays slowly, so right after other runs it is still high
    while the cores are already free."""
    waited = 0.0
    load = os.getloadavg()[0]
    while load >= 1.0 and waited < max_wait:
        time.sleep(poll)
        waited += poll
        load = os.getloadavg()[0]
    return load, waited


def load_note(load: float) -> str:
    """What the 1-minute load average before the runs says of the figures: with one process or
    more already running, the runs shared the cores and their times say little about the code
    (the machine reference, a loop timed alone, does not show this)."""
    if load < 1.0:
        return "the cores were free"
    return "other processes were running: the times below are not comparable with other runs"


def snakemake_command(corpus: Path, results: Path, cores: int, *extra: str) -> list[str]:
    """The command line of one snakemake run of the workflow on ``corpus`` into ``results``."""
    return [
        sys.executable,
        "-m",
        "snakemake",
        "--cores",
        str(cores),
        "--quiet",
        "all",
        "--config",
        f"corpus_dir={corpus}",
        f"results_dir={results}",
        *extra,
    ]


def timed_run(cmd: Sequence[str], cwd: Path = ROOT) -> tuple[float, str]:
    """Wall seconds and standard output of one command; raises when it fails."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"snakemake failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    return elapsed, proc.stdout


def run_snakemake(corpus: Path, results: Path, cores: int, *extra: str) -> float:
    """Wall seconds of one snakemake run; raises when it fails."""
    return timed_run(snakemake_command(corpus, results, cores, *extra))[0]


def floor_seconds(dot: str, folder: Path, cores: int) -> tuple[int, float, float]:
    """Jobs that run in the planned run ``dot`` (``snakemake --dag dot``), and the wall seconds of
    a first run and of a no-op re-run of the same jobs doing no work (:mod:`pipeline.bench_floor`)
    in ``folder``."""
    jobs, edges = parse_dag(dot)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Snakefile").write_text(floor_snakefile(jobs, edges), encoding="utf-8")
    (folder / "job.py").write_text(JOB_SCRIPT, encoding="utf-8")
    cmd = [sys.executable, "-m", "snakemake", "--cores", str(cores), "--quiet"]
    first, _ = timed_run(cmd, cwd=folder)
    noop, _ = timed_run(cmd, cwd=folder)
    n_jobs = sum(job.runs and job.rule != TARGET_RULE for job in jobs.values())
    return n_jobs, first, noop


def benchmark_figures(
    bench_dir: Path, since: float = 0.0
) -> tuple[dict[str, float], dict[str, float], float, str]:
    """Per-rule summed and longest job seconds, and the peak max_rss (MB) with its job.

    Only benchmark files written at or after ``since`` (a time.time() value) count.
    """
    total: dict[str, float] = defaultdict(float)
    longest: dict[str, float] = defaultdict(float)
    peak, peak_job = 0.0, ""
    for path in sorted(bench_dir.rglob("*.tsv")):
        if path.stat().st_mtime < since:
            continue
        rule = path.relative_to(bench_dir).parts[0].removesuffix(".tsv")
        with open(path, encoding="utf-8") as fh:
            row = next(csv.DictReader(fh, delimiter="\t"))
        seconds = float(row["s"])
        total[rule] += seconds
        longest[rule] = max(longest[rule], seconds)
        rss = float(row["max_rss"]) if row.get("max_rss", "NA") not in ("NA", "-", "") else 0.0
        if rss > peak:
            peak, peak_job = rss, path.relative_to(bench_dir).as_posix()
    return dict(total), dict(longest), peak, peak_job


COUNT_STEPS = ("analysed", "from cache")  # timings.csv rows that count documents, not seconds


def chunk_step_seconds(chunks_dir: Path) -> dict[str, float]:
    """Seconds spent in each per-document step, summed over the chunks' timings.csv files."""
    total: dict[str, float] = defaultdict(float)
    for path in sorted(chunks_dir.glob("*/timings.csv")):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["step"] not in COUNT_STEPS:
                    total[row["step"]] += float(row["seconds"])
    return dict(total)


def rerun_chunk_counts(chunks_dir: Path, *, since: float) -> dict[str, int]:
    """Chunk jobs that ran after ``since`` (epoch seconds), documents they analysed and
    documents they took from the cache (a cache miss shows as 0 taken from the cache)."""
    counts: dict[str, int] = defaultdict(int)
    for path in sorted(chunks_dir.glob("*/timings.csv")):
        if path.stat().st_mtime < since:
            continue
        with open(path, encoding="utf-8") as fh:
            rows = {r["step"]: int(r["documents"]) for r in csv.DictReader(fh)}
        counts["chunks"] += 1
        for step in COUNT_STEPS:
            counts[step] += rows.get(step, 0)
    return dict(counts)


def mean_sizes(documents_csv: Path) -> tuple[float, float]:
    """Mean body sentences and body words per document in a merged documents.csv."""
    with open(documents_csv, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["n_sentences"]]
    if not rows:
        return 0.0, 0.0
    return (
        sum(int(r["n_sentences"]) for r in rows) / len(rows),
        sum(int(r["n_words"]) for r in rows) / len(rows),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the corpus, run, re-run, add a document, and print one line per figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--keep", help="write into this folder (new or empty) instead of a temporary one"
    )
    args = parser.parse_args(argv)
    keep = Path(args.keep) if args.keep else None
    if keep and keep.exists() and (not keep.is_dir() or any(keep.iterdir())):
        # an earlier bench's corpus and cache would be measured with this one's
        parser.error(f"--keep {args.keep}: not an empty folder; name a new or empty one")
    with tempfile.TemporaryDirectory(prefix="rhetoric-bench-") as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        corpus, results = base / "corpus", base / "results"
        load, waited = settled_load()
        reference = machine_reference()
        t0 = time.perf_counter()
        write_corpus(corpus, n_docs=args.docs, seed=args.seed)
        gen = time.perf_counter() - t0
        full = run_snakemake(corpus, results, args.cores)
        total, longest, peak, peak_job = benchmark_figures(results / "benchmarks")
        steps = chunk_step_seconds(results / "chunks")
        sentences, words = mean_sizes(results / "tables" / "documents.csv")
        noop = run_snakemake(corpus, results, args.cores)
        write_corpus(corpus, n_docs=1, seed=args.seed, start=args.docs)
        _, dot = timed_run(snakemake_command(corpus, results, args.cores, "--dag", "dot"))
        add_start = time.time()
        add_one = run_snakemake(corpus, results, args.cores)
        floor_jobs, floor_first, floor_noop = floor_seconds(dot, base / "floor", args.cores)
        floor = floor_first - floor_noop + noop
        rerun = rerun_chunk_counts(results / "chunks", since=add_start)
        add_total, _, _, _ = benchmark_figures(results / "benchmarks", since=add_start)
        print(f"bench: documents                   {args.docs} (~400 words each, seed {args.seed})")
        print(
            f"bench: machine reference         {reference:.2f} s before the runs, "
            f"{machine_reference():.2f} s after them, for a 10-million-step Python loop "
            "(best of 3; lower is faster)"
        )
        print(
            f"bench: load average before runs  {load:.2f} ({load_note(load)}; "
            f"waited {waited:.0f} s for it to settle)"
        )
        print(f"bench: corpus generation           {gen:.1f} s")
        print(f"bench: full run wall time          {full:.1f} s  (target < 30 s at 2,000 docs)")
        print(f"bench: documents per second        {args.docs / full:.0f}")
        for rule in sorted(total, key=total.get, reverse=True):
            print(
                f"bench: stage {rule:<22} {total[rule]:6.1f} s job time, "
                f"longest job {longest[rule]:.1f} s"
            )
        for step in sorted(steps, key=steps.get, reverse=True):
            print(
                f"bench: in chunks {step:<17} {steps[step]:6.1f} s CPU, "
                f"{1000 * steps[step] / args.docs:.1f} ms per document; on {args.cores} cores "
                f"~{steps[step] / args.cores:.1f} s wall"
            )
        sentiment_ms = 1000 * steps.get("sentiment", 0.0) / args.docs
        print(
            f"bench: sentiment (issue 3)           {sentiment_ms:.2f} ms per document of "
            f"{sentences:.0f} sentences and {words:.0f} words; 5,000 documents of 400 words on "
            f"{args.cores} cores ~{5 * sentiment_ms * 400 / max(words, 1) / args.cores:.1f} s "
            "(budget ~3 s)"
        )
        print(f"bench: peak memory of a job        {peak:.0f} MB ({peak_job}; target < 2048 MB)")
        print(f"bench: no-op re-run                {noop:.1f} s  (target < 3 s)")
        print(
            f"bench: re-run after adding one doc {add_one:.1f} s  "
            f"({add_one / full:.0%} of the full run; target < 10%)"
        )
        print(
            f"bench: re-run chunk jobs             {rerun.get('chunks', 0)}: analysed "
            f"{rerun.get('analysed', 0)} document(s), took {rerun.get('from cache', 0)} "
            "from the cache"
        )
        for rule in sorted(add_total, key=add_total.get, reverse=True):
            print(f"bench: add-one job {rule:<19} {add_total[rule]:6.1f} s job time")
        print(
            f"bench: floor of adding one doc     {floor:.1f} s  ({floor / full:.0%} of the full "
            f"run): the same {floor_jobs} jobs doing no work (each a script importing pandas) "
            f"took {floor_first:.1f} s in a workflow whose no-op takes {floor_noop:.1f} s; "
            f"plus this workflow's no-op of {noop:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
