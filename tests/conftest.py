"""Shared fixtures: the repository root, the default corpus, a segmenter."""

from __future__ import annotations

import functools
import gc
import hashlib
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import settings

from pipeline.ingest import clean_document
from pipeline.ingest_boilerplate import load_boilerplate_patterns
from pipeline.segment import load_abbreviations, segment_document
from pipeline.types import SegmentedDocument

# No per-example time limit: the suite runs in parallel (pytest-xdist) beside Snakemake runs,
# whose load would stretch an example past hypothesis's 200 ms deadline now and then.
settings.register_profile("rhetoric-compare", deadline=None)
settings.load_profile("rhetoric-compare")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DEFAULT_CORPUS_SHA256 = ROOT / "tests" / "data" / "default_corpus.sha256"


@functools.cache
def default_corpus_hashes() -> dict[str, str]:
    """sha256 of each default corpus file, by path relative to corpus/."""
    lines = DEFAULT_CORPUS_SHA256.read_text(encoding="utf-8").splitlines()
    pairs = [line.split(maxsplit=1) for line in lines if line.strip() and not line.startswith("#")]
    return {name: digest for digest, name in pairs}


@functools.cache
def corpus_changes() -> tuple[str, ...]:
    """How corpus/ differs from the default corpus (DEFAULT_CORPUS_SHA256): files added,
    changed or missing, by path relative to corpus/; empty when it is the default corpus.
    Hidden files (.DS_Store), which the workflow does not read either, do not count."""
    expected = default_corpus_hashes()
    found = {
        p.relative_to(CORPUS).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(CORPUS.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(CORPUS).parts)
    }
    changes = [f"{n} (added)" for n in found if n not in expected]
    changes += [f"{n} (changed)" for n in found if n in expected and found[n] != expected[n]]
    changes += [f"{n} (missing)" for n in expected if n not in found]
    return tuple(sorted(changes))


def default_texts() -> list[Path]:
    """The default corpus's text files, unchanged, in corpus/ (texts added there left out)."""
    edited = {c.rpartition(" (")[0] for c in corpus_changes()}
    return [CORPUS / n for n in sorted(default_corpus_hashes()) if n.endswith(".txt")
            and n not in edited]  # fmt: skip


def pytest_collection_modifyitems(config, items) -> None:
    """Skip the checks of the default corpus's results when corpus/ holds other texts: they
    describe the default corpus (the README's examples), not a user's own."""
    changes = corpus_changes()
    if not changes:
        return
    shown = ", ".join(changes[:3]) + (f" and {len(changes) - 3} more" if len(changes) > 3 else "")
    skip = pytest.mark.skip(reason=f"corpus/ is not the default corpus ({shown})")
    for item in items:
        if item.get_closest_marker("default_results"):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter) -> None:
    changes = corpus_changes()
    if changes:
        terminalreporter.write_line(
            f"corpus/ holds other texts than the default corpus ({len(changes)} file(s) added, "
            "changed or missing; tests/data/default_corpus.sha256): the checks of the default "
            "corpus's results (marker default_results) were skipped. To keep corpus/ and "
            "results/ as the tests expect, analyse your own texts elsewhere: make run "
            'SNAKEMAKE_ARGS="--config corpus_dir=my_texts results_dir=my_results".'
        )


@pytest.fixture(scope="session")
def patterns():
    return load_boilerplate_patterns()


@pytest.fixture(scope="session")
def abbreviations():
    return load_abbreviations()


def segment_text(text: str, doc_id: str = "doc") -> SegmentedDocument:
    """Clean and segment a literal text the way the workflow does."""
    clean = clean_document(doc_id, text.encode("utf-8"), patterns=load_boilerplate_patterns())
    return segment_document(clean, abbreviations=load_abbreviations())


@pytest.fixture(scope="session")
def default_corpus() -> dict[str, SegmentedDocument]:
    """The two default documents, cleaned and segmented (texts added to corpus/ left out)."""
    edited = [c for c in corpus_changes() if ".txt (" in c and not c.endswith("(added)")]
    if edited:
        pytest.skip(f"corpus/ is not the default corpus ({', '.join(edited)})")
    docs = {}
    for path in default_texts():
        clean = clean_document(path.stem, path.read_bytes(), patterns=load_boilerplate_patterns())
        docs[path.stem] = segment_document(clean, abbreviations=load_abbreviations())
    return docs


@pytest.fixture
def drawn(monkeypatch):
    """The figures the plot modules would save, drawn and kept open instead (closed after)."""
    from pipeline import compare_plots, frames_plots, sentiment_plots, stance_plots
    from pipeline.plotting import pyplot

    figures: list = []

    def keep(fig, png, svg=None) -> None:
        fig.canvas.draw()
        figures.append(fig)

    for module in (compare_plots, frames_plots, sentiment_plots, stance_plots):
        monkeypatch.setattr(module, "save_figure", keep)
    yield figures
    for fig in figures:
        pyplot().close(fig)


def reviewers_hashes(folder: Path) -> dict[str, str]:
    """The reviewers' SHA256SUMS of a folder of review sets: file (relative to it) -> digest."""
    lines = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


def assert_review_files_listed_and_hashed(folder: Path, names: Iterable[str]) -> None:
    """Every review file of ``folder`` is one of ``names`` and hashed in its SHA256SUMS."""
    listed = sorted(names)
    assert sorted(str(p.relative_to(folder)) for p in folder.glob("*/*.tsv")) == listed
    assert sorted(reviewers_hashes(folder)) == listed


def is_as_hashed(folder: Path, name: str) -> bool:
    """Whether the review file ``name`` of ``folder`` is as its reviewer hashed it."""
    digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    return digest == reviewers_hashes(folder)[name]


def growth(func, small, large, repeats=5):
    """How much longer ``func(large)`` takes than ``func(small)``: the best of ``repeats``
    timings of each, taken in turn so that a spell of load falls on both, in this process's CPU
    time, which other processes' load does not lengthen (a ratio, not a wall-clock limit, so a
    loaded machine does not fail it: wall time had read 8.3 for a 4.5 under two other jobs)."""
    best = [float("inf"), float("inf")]
    gc.disable()
    try:
        for _ in range(repeats):
            for k, arg in enumerate((small, large)):
                began = time.process_time()
                func(arg)
                best[k] = min(best[k], time.process_time() - began)
    finally:
        gc.enable()
    return best[1] / best[0]
