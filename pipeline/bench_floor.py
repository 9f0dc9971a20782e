"""The least a re-run can cost under Snakemake: the same jobs, doing no work.

``make bench`` reads the job graph Snakemake plans for a re-run (``snakemake --dag dot``), writes
a workflow with one rule per job that runs (same dependencies, each a ``script:`` that only
imports pandas, as every job of this workflow reads or writes a table) and times it. What that
costs is Snakemake's scheduling and each job's process start-up, which no faster analysis code
can remove.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TARGET_RULE = "all"
JOB_SCRIPT = '''"""A job of the floor workflow: start Python, import pandas, write the output."""

import pandas  # noqa: F401  (every job of the real workflow reads or writes a table)

for path in snakemake.output:  # noqa: F821  (set by Snakemake's script preamble)
    open(path, "w", encoding="utf-8").close()
'''
_NODE_RE = re.compile(r'^\s*(\d+)\[label = "([^"]*)".*?style="([^"]*)"', re.MULTILINE)
_EDGE_RE = re.compile(r"^\s*(\d+) -> (\d+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class DagJob:
    """One job of a planned run: its rule and whether it runs (Snakemake dashes the others)."""

    rule: str
    runs: bool


def parse_dag(dot: str) -> tuple[dict[int, DagJob], list[tuple[int, int]]]:
    """Jobs by node number and (upstream, downstream) edges of ``snakemake --dag dot`` output."""
    jobs = {
        int(node): DagJob(rule=label.split("\\n")[0], runs="dashed" not in style)
        for node, label, style in _NODE_RE.findall(dot)
    }
    if not jobs:
        raise ValueError("no jobs in the DAG: is this the output of snakemake --dag dot?")
    edges = [(int(a), int(b)) for a, b in _EDGE_RE.findall(dot)]
    return jobs, edges


def floor_snakefile(jobs: dict[int, DagJob], edges: list[tuple[int, int]]) -> str:
    """A Snakefile with one rule per job that runs (the target rule apart), each depending on the
    jobs it depends on in ``edges`` and running ``job.py`` (:data:`JOB_SCRIPT`)."""
    running = sorted(n for n, job in jobs.items() if job.runs and job.rule != TARGET_RULE)
    lines = [
        "# The jobs of a planned run of rhetoric-compare, doing no work (pipeline/bench_floor.py).",
        "",
        f"rule {TARGET_RULE}:",
        f"    input: {[f'out/{n}' for n in running]!r}",
    ]
    for n in running:
        upstream = sorted(a for a, b in edges if b == n and a in running)
        lines += [
            "",
            f"rule job_{n}_{re.sub(r'[^A-Za-z0-9_]', '_', jobs[n].rule)}:",
            f"    input: {[f'out/{a}' for a in upstream]!r}",
            f"    output: 'out/{n}'",
            "    script: 'job.py'",
        ]
    return "\n".join(lines) + "\n"
