"""Run the Snakemake workflow from tests, into temporary folders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def snakemake(*args: str, cwd: Path = ROOT, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run snakemake with this interpreter; output captured, never raises on failure.

    Without Snakemake's lock (``--nolock``): the tests run workflows side by side in one working
    directory (pytest-xdist), each into its own results folder, and Snakemake's lock files race
    there (a run that reads ``.snakemake/locks/`` while another removes its lock stops with
    FileNotFoundError). The interrupted-run test keeps the lock, as a user's runs do."""
    cmd = [sys.executable, "-m", "snakemake", "--cores", "2", "--nolock", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def run_workflow(corpus: Path, results: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run the whole workflow on ``corpus`` writing into ``results``."""
    return snakemake("--config", f"corpus_dir={corpus}", f"results_dir={results}", *extra)


# the rules that write every table: a run of these skips the plots, the manifest and the report,
# two thirds of a small corpus's job time, for tests that read tables only
TABLE_RULES = ("merge_tables", "frames", "compare")


def run_tables(
    corpus: Path, results: Path, *extra: str, rules: tuple[str, ...] = TABLE_RULES
) -> subprocess.CompletedProcess:
    """Run the workflow on ``corpus`` up to the tables of ``rules`` (the targets go before
    ``--config``, which takes every word after it)."""
    return snakemake(*rules, "--config", f"corpus_dir={corpus}", f"results_dir={results}", *extra)


def tables_of(results: Path) -> dict[str, bytes]:
    """Every CSV table and clean text under a results folder, by relative path."""
    files = [*results.glob("tables/*.csv"), *results.glob("docs/*/clean.txt")]
    return {p.relative_to(results).as_posix(): p.read_bytes() for p in sorted(files)}


def crash_marks(out: str) -> list[str]:
    """The signs of a crash in a run's output, for a run that should stop with its message
    alone: Snakemake's error header, a traceback or its 'File "..."' lines, rules/common.smk."""
    marks = ("WorkflowError", "Traceback", 'File "', "common.smk", "Exception")
    return [mark for mark in marks if mark in out]
