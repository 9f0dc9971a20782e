"""Shared fixtures: the repository root, the default corpus, a segmenter."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import clean_document, load_boilerplate_patterns
from pipeline.segment import load_abbreviations, segment_document
from pipeline.types import SegmentedDocument

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


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
    """The two default documents, cleaned and segmented."""
    docs = {}
    for path in sorted(CORPUS.glob("*.txt")):
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
