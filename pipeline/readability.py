"""Readability indices of a document's body text (textstat), headings kept apart."""

from __future__ import annotations

import math
from typing import Any

from pipeline.types import SegmentedDocument, StageOutput

READABILITY_COLUMNS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall",
    "automated_readability_index",
)
_SENTENCE_END = ".!?"


def body_text(doc: SegmentedDocument) -> str:
    """Body sentences one per line, each ending in sentence punctuation.

    textstat counts sentences by punctuation, so a sentence without a final mark (a list item,
    a caption) gets a period here rather than being glued to the next one.
    """
    lines = []
    for s in doc.sentences:
        if s.is_heading:
            continue
        text = " ".join(s.text.split())
        stripped = text.rstrip("\"'”’)]")
        lines.append(text if stripped.endswith(tuple(_SENTENCE_END)) else text + ".")
    return "\n".join(lines)


def _textstat() -> Any:
    import textstat

    textstat.set_lang("en_US")
    textstat.set_rounding_points(None)
    return textstat


def readability_scores(text: str) -> dict[str, float]:
    """Flesch, Flesch-Kincaid, Gunning fog, SMOG, Coleman-Liau, Dale-Chall and ARI of ``text``.

    All NaN for a text with no words. SMOG is NaN below 3 sentences (its formula needs 30;
    textstat returns 0 there, which would read as "very easy").
    References: textstat (https://pypi.org/project/textstat/); SMOG: McLaughlin (1969).
    """
    if not any(ch.isalpha() for ch in text):
        return dict.fromkeys(READABILITY_COLUMNS, math.nan)
    ts = _textstat()
    n_sentences = ts.sentence_count(text)
    scores = {
        "flesch_reading_ease": ts.flesch_reading_ease(text),
        "flesch_kincaid_grade": ts.flesch_kincaid_grade(text),
        "gunning_fog": ts.gunning_fog(text),
        "smog_index": ts.smog_index(text) if n_sentences >= 3 else math.nan,
        "coleman_liau_index": ts.coleman_liau_index(text),
        "dale_chall": ts.dale_chall_readability_score(text),
        "automated_readability_index": ts.automated_readability_index(text),
    }
    return {k: float(v) for k, v in scores.items()}


class ReadabilityStage:
    """Per-document stage: readability indices of the body text."""

    name = "readability"
    sentence_columns: tuple[str, ...] = ()
    document_columns = READABILITY_COLUMNS
    tables: dict[str, tuple[str, ...]] = {}

    def analyse(self, doc: SegmentedDocument) -> StageOutput:
        """Readability columns for documents.csv."""
        return StageOutput(document_columns=readability_scores(body_text(doc)))
