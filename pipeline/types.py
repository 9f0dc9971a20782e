"""Shared data types: a segmented document and what a per-document stage returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence; ``clean[start:end] == text``."""

    sent_id: int
    paragraph_id: int
    is_heading: bool
    start: int
    end: int
    text: str


class Token(NamedTuple):
    """One word token; ``clean[start:end] == text`` (document offsets).

    A named tuple rather than a frozen dataclass: documents hold hundreds of tokens and a tuple
    is several times cheaper to create.
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SegmentedDocument:
    """A document's clean text, its sentences and their word tokens."""

    doc_id: str
    clean: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[tuple[Token, ...], ...]  # tokens[i] are the word tokens of sentences[i]

    @property
    def n_words(self) -> int:
        """Number of word tokens in body (non-heading) sentences."""
        return sum(len(t) for s, t in zip(self.sentences, self.tokens) if not s.is_heading)


@dataclass(slots=True)
class StageOutput:
    """What a per-document stage adds: sentence columns, document columns and table rows."""

    sentence_columns: dict[str, list[Any]] = field(default_factory=dict)
    document_columns: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class DocumentStage(Protocol):
    """A per-document stage, built once per process and applied to every document of a chunk.

    ``sentence_columns`` / ``document_columns`` name the columns it adds to sentences.csv and
    documents.csv; ``tables`` maps each extra table it writes to its columns (empty chunks still
    write the header).
    """

    name: str
    sentence_columns: tuple[str, ...]
    document_columns: tuple[str, ...]
    tables: dict[str, tuple[str, ...]]

    def analyse(self, doc: SegmentedDocument) -> StageOutput: ...
