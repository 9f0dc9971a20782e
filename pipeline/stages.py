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

from pipeline.types import DocumentStage, StageOutput

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
    # n_words: the sentence's word tokens, whose sum over body sentences is documents' n_words
    "sentences": (
        "doc_id",
        "sent_id",
        "paragraph_id",
        "is_heading",
        "start",
        "end",
        "text",
        "n_words",
    ),
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


STAGE_ATTRIBUTES = ("name", "sentence_columns", "document_columns", "tables")


def check_stage_class(name: str, cls: type) -> None:
    """Raise ValueError, naming the stage, unless ``cls`` has the class attributes of
    :class:`pipeline.types.DocumentStage` and its ``name`` is the one it is registered under."""
    where = f"stage {name!r} ({DOCUMENT_STAGES.get(name, cls.__qualname__)})"
    missing = [a for a in STAGE_ATTRIBUTES if not hasattr(cls, a)]
    if missing:
        raise ValueError(
            f"{where} lacks the class attribute(s) {', '.join(missing)}: set them in the class "
            "body, not in __init__ (see pipeline.types.DocumentStage)"
        )
    if cls.name != name:
        raise ValueError(f"{where} is named {cls.name!r}: its name must be its DOCUMENT_STAGES key")


def table_columns() -> dict[str, list[str]]:
    """Columns of every chunk table: base columns plus what each registered stage adds.

    Read from the stage classes, so an empty chunk writes the same headers as a full one.
    Raises ValueError when a stage's class is incomplete or a table is written but listed in
    neither PUBLISHED_TABLES nor INTERNAL_TABLES (its rows would be lost), or listed but
    written by no stage.
    """
    columns = {name: list(cols) for name, cols in BASE_TABLES.items()}
    listed = {*PUBLISHED_TABLES, *INTERNAL_TABLES}
    for name in DOCUMENT_STAGES:
        cls = stage_class(name)
        check_stage_class(name, cls)
        columns["sentences"].extend(cls.sentence_columns)
        columns["documents"].extend(cls.document_columns)
        for table, cols in cls.tables.items():
            if table in columns:
                raise ValueError(f"stage {name!r} redefines table {table!r}")
            if table not in listed:
                raise ValueError(
                    f"stage {name!r} writes table {table!r}, which pipeline/stages.py lists in "
                    "neither PUBLISHED_TABLES (merged into results/tables/) nor INTERNAL_TABLES "
                    "(kept in each chunk): add it to one of them"
                )
            columns[table] = list(cols)
    unwritten = sorted(listed - set(columns))
    if unwritten:
        raise ValueError(
            f"pipeline/stages.py lists table(s) {', '.join(unwritten)} that no registered stage "
            "writes (a stage's tables attribute names them)"
        )
    return columns


def check_output(stage: DocumentStage, output: StageOutput, n_sentences: int) -> None:
    """Raise ValueError, naming the stage, when ``output`` breaks the stage's declaration: a
    sentence column without one value per sentence (headings included), or a column, document
    column, table or row key the stage's class does not declare (it would be dropped)."""
    where = f"stage {stage.name!r}"
    for col, values in output.sentence_columns.items():
        if col not in stage.sentence_columns:
            raise ValueError(f"{where} returned sentence column {col!r}, not in sentence_columns")
        if len(values) != n_sentences:
            raise ValueError(
                f"{where} returned {len(values)} value(s) of sentence column {col!r} for "
                f"{n_sentences} sentence(s): one per sentence, headings included"
            )
    extra = sorted(set(output.document_columns) - set(stage.document_columns))
    if extra:
        raise ValueError(f"{where} returned document column(s) {extra}, not in document_columns")
    for table, rows in output.tables.items():
        if table not in stage.tables:
            raise ValueError(f"{where} returned rows of table {table!r}, not in its tables")
        declared = set(stage.tables[table])
        for row in rows:
            if not row.keys() <= declared:
                keys = sorted(set(row) - declared)
                raise ValueError(f"{where} returned {table!r} rows with undeclared key(s) {keys}")


def stage_options(cls: type, section: Mapping[str, Any]) -> dict[str, Any]:
    """The keys of a config section that the stage's constructor takes.

    A section also holds options of the stage's corpus-level rules (e.g. the confidence level
    of frames.csv); those are left for the rules. A constructor with ``**kwargs`` takes them all.
    """
    accepted = inspect.signature(cls).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in accepted.values()):
        return dict(section)
    return {k: v for k, v in section.items() if k in accepted}


def build_stages(options: Mapping[str, Mapping[str, Any]]) -> list[DocumentStage]:
    """One instance of every registered stage, built with its config section's options."""
    stages = []
    for name in DOCUMENT_STAGES:
        cls = stage_class(name)
        stages.append(cls(**stage_options(cls, options.get(name) or {})))
    return stages
