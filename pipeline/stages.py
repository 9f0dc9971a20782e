"""The registry of per-document stages and the tables the chunks write.

To add a stage: write a class with the :class:`pipeline.types.DocumentStage` attributes, list
it in ``DOCUMENT_STAGES`` with its config section, and name any table it writes in
``PUBLISHED_TABLES`` (merged into ``results/tables/``) or ``INTERNAL_TABLES`` (kept per chunk).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Mapping
from typing import Any

from pipeline.types import DocumentStage

# stage name -> "module:Class"; the config section of the same name gives its options.
DOCUMENT_STAGES: dict[str, str] = {
    "readability": "pipeline.readability:ReadabilityStage",
    "sentiment": "pipeline.sentiment:SentimentStage",
    "stance": "pipeline.stance:StanceStage",
    "frames": "pipeline.frames:FramesStage",
    "terms": "pipeline.terms:TermsStage",
}

# Tables every chunk writes, merged into results/tables/<name>.csv in doc_id order.
BASE_TABLES: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id",
        "title",
        "source_file",
        "encoding",
        "n_bytes",
        "content_sha256",
        "duplicate_of",
        "n_paragraphs",
        "n_headings",
        "n_sentences",
        "n_words",
    ),
    "sentences": ("doc_id", "sent_id", "paragraph_id", "is_heading", "start", "end", "text"),
    "boilerplate": ("doc_id", "line_no", "line", "pattern"),
    "problems": ("source", "doc_id", "stage", "severity", "message"),
}
PUBLISHED_TABLES: tuple[str, ...] = (
    "documents",
    "sentences",
    "boilerplate",
    "problems",
    "sentiment_terms",
    "actor_sentiment",
    "actor_mentions",
    "stance_markers",
    "figures",
    "frame_cues",
)
INTERNAL_TABLES: tuple[str, ...] = ("term_counts",)  # read by the comparison rule


def stage_class(name: str) -> type:
    """The class registered for a stage name."""
    module, _, cls = DOCUMENT_STAGES[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def table_columns() -> dict[str, list[str]]:
    """Columns of every chunk table: base columns plus what each registered stage adds.

    Read from the stage classes, so an empty chunk writes the same headers as a full one.
    """
    columns = {name: list(cols) for name, cols in BASE_TABLES.items()}
    for name in DOCUMENT_STAGES:
        cls = stage_class(name)
        columns["sentences"].extend(cls.sentence_columns)
        columns["documents"].extend(cls.document_columns)
        for table, cols in cls.tables.items():
            if table in columns:
                raise ValueError(f"stage {name!r} redefines table {table!r}")
            columns[table] = list(cols)
    return columns


def stage_options(cls: type, section: Mapping[str, Any]) -> dict[str, Any]:
    """The keys of a config section that the stage's constructor takes.

    A section also holds options of the stage's corpus-level rules (e.g. bootstrap settings of
    frames.csv); those are left for the rules.
    """
    accepted = inspect.signature(cls).parameters
    return {k: v for k, v in section.items() if k in accepted}


def build_stages(options: Mapping[str, Mapping[str, Any]]) -> list[DocumentStage]:
    """One instance of every registered stage, built with its config section's options."""
    stages = []
    for name in DOCUMENT_STAGES:
        cls = stage_class(name)
        stages.append(cls(**stage_options(cls, options.get(name) or {})))
    return stages
