"""Stance markers (hedges, boosters, attitude, attribution) with evidence spans, per document:
the stage (``StanceStage``) that runs the detector (:mod:`pipeline.stance_detector`) over each
sentence and writes the marker and figure rows, the per-sentence counts, questions and voice,
and the per-document rates and their serial summaries.

References: Hyland, K. (2005) Metadiscourse. Continuum (hedges, boosters, attitude markers);
Hyland, K. (1998) Hedging in Scientific Research Articles. John Benjamins.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from pipeline.figures import figure_rows
from pipeline.quotes import has_quotation, quoted_parts
from pipeline.serial_stats import DISPERSION_SUMMARY, serial_summary, window_dispersion
from pipeline.stance_lexicon import default_lexicon_paths, stance_entries
from pipeline.types import SegmentedDocument, StageOutput
from pipeline.voices import is_question, quotation_ids, speaker_turns
from pipeline.voices_sourcing import borrowed_sourcing, source_line_items

if TYPE_CHECKING:
    from pipeline.stance_detector import Marker, StanceDetector

SPACE_RUN_RE = re.compile(r"\s+")
# a source line that names the writer's own work: "Author's calculations", "Own estimates"
OWN_SOURCE_RE = re.compile(r"\b(?:authors?|own|our)\b", re.IGNORECASE)
MARKER_COLUMNS = (
    "doc_id",
    "sent_id",
    "start",
    "end",
    "match",
    "category",
    "subtype",
    "left_context",
    "right_context",
    "in_quotation",
)
FIGURE_COLUMNS = ("doc_id", "sent_id", "start", "end", "match", "kind", "sourcing")
SENTENCE_COLUMNS = (
    "n_hedges",
    "n_boosters",
    "n_attitude",
    "n_attributions_named",
    "n_attributions_vague",
    "n_figures",
    "is_question",
    "voice",
)
# (name, sentence column) of each count whose body sentences' series documents.csv summarises
# (``<name>_sd``, ``<name>_lag1``: :func:`pipeline.serial_stats.serial_summary`; ``<name>_disp5``:
# :func:`pipeline.serial_stats.window_dispersion`), so that the report can count markers that
# come in runs or several to a sentence as the fewer independent ones they are worth
SERIAL_RATES = (
    ("hedges", "n_hedges"),
    ("boosters", "n_boosters"),
    ("attitude", "n_attitude"),
    ("attributions_named", "n_attributions_named"),
    ("attributions_vague", "n_attributions_vague"),
    ("figures", "n_figures"),
    ("questions", "is_question"),
)
DOCUMENT_COLUMNS = (
    "hedges_per_1k",
    "boosters_per_1k",
    "attitude_per_1k",
    "attributions_named_per_1k",
    "attributions_vague_per_1k",
    "n_figures",
    "n_figures_named",
    "n_figures_vague",
    "n_figures_unsourced",
    "n_questions",
    "n_hedges_quoted",
    "n_boosters_quoted",
    "n_attitude_quoted",
    "n_attributions_named_quoted",
    "n_attributions_vague_quoted",
    *(f"{name}_{s}" for name, _ in SERIAL_RATES for s in ("sd", "lag1", DISPERSION_SUMMARY)),
)
# (sentence column, category, subtype or None) in the order of SENTENCE_COLUMNS
COUNT_KEYS = (
    ("n_hedges", "hedge", None),
    ("n_boosters", "booster", None),
    ("n_attitude", "attitude", None),
    ("n_attributions_named", "attribution", "named"),
    ("n_attributions_vague", "attribution", "vague"),
)
COUNT_COLUMN = {(category, subtype): col for col, category, subtype in COUNT_KEYS}


def serial_rate_columns(
    columns: Mapping[str, Sequence[float]], body: Sequence[bool]
) -> dict[str, float]:
    """``<name>_sd``, ``<name>_lag1`` and ``<name>_disp5`` (``_`` + DISPERSION_SUMMARY: the
    dispersion of its sums over windows of about RUN_WINDOW = 5 sentences) of each SERIAL_RATES
    count over the body sentences (``body``: one flag per sentence) in text order."""
    keep = np.asarray(body, dtype=bool)
    out = {}
    for name, column in SERIAL_RATES:
        values = np.asarray(columns[column], dtype=np.float64)[keep]
        out[f"{name}_sd"], out[f"{name}_lag1"] = serial_summary(values)
        out[f"{name}_{DISPERSION_SUMMARY}"] = window_dispersion(values)
    return out


def rate_per_1k(count: int, n_words: int) -> float:
    """Occurrences per 1,000 words (NaN for a document without words)."""
    return 1000.0 * count / n_words if n_words else math.nan


def _one_line(text: str) -> str:
    """Context text on one line: whitespace runs become one space."""
    # every white space but " " is unprintable, so most contexts skip the regex (str tests in C)
    if "  " not in text and text.isprintable():
        return text
    return SPACE_RUN_RE.sub(" ", text)


def marker_counts(markers: Iterable[Marker]) -> dict[str, int]:
    """The count of each COUNT_KEYS column among ``markers`` (one pass; the keys are disjoint)."""
    counts = dict.fromkeys(COUNT_COLUMN.values(), 0)
    for m in markers:
        col = COUNT_COLUMN.get((m.category, m.subtype)) or COUNT_COLUMN.get((m.category, None))
        if col is not None:
            counts[col] += 1
    return counts


class StanceStage:
    """Per-document stage: stance markers, figures with sourcing, questions and voice."""

    name = "stance"
    sentence_columns = SENTENCE_COLUMNS
    document_columns = DOCUMENT_COLUMNS
    tables = {"stance_markers": MARKER_COLUMNS, "figures": FIGURE_COLUMNS}

    def __init__(
        self, *, extra_lexicons: Sequence[str | Path] = (), context_chars: int = 40
    ) -> None:
        if isinstance(extra_lexicons, str | Path):
            raise ValueError("extra_lexicons must be a list of paths")
        if (
            not isinstance(context_chars, int)
            or isinstance(context_chars, bool)
            or context_chars < 0
        ):
            raise ValueError(f"context_chars must be a non-negative integer, got {context_chars!r}")
        self.context_chars = context_chars
        self.lexicon_paths = [*default_lexicon_paths(), *map(Path, extra_lexicons)]
        entries, self.lexicon_versions = stance_entries(self.lexicon_paths)
        # imported here: its patterns take a third of a second to compile, which every parse
        # of the workflow (stage_options reads this class's signature) would pay for nothing
        from pipeline.stance_detector import StanceDetector

        self.detector: StanceDetector = StanceDetector(entries)

    def source_kind(self, source: str) -> str:
        """Whether a source line's source ("OECD (2023)", "industry estimates") is named or
        vague: as the detector reads "According to <source>, ..."; where it finds no
        attribution, named when the source has a capitalised word or is the writer's own
        ("Author's calculations"), vague otherwise ("various", "interviews")."""
        text = f"According to {source}, it is so."
        found = self.detector.markers(text, start=0, end=len(text), heading=False)
        kinds = {m.subtype for m in found if m.category == "attribution"}
        if kinds:
            return "vague" if kinds == {"vague"} else "named"
        words = source.split()
        named = any(w[:1].isupper() for w in words[1:]) or sum(map(str.isupper, words[0])) > 1
        return "named" if named or OWN_SOURCE_RE.search(source) else "vague"

    def analyse(self, doc: SegmentedDocument) -> StageOutput:
        """Markers, figures and per-sentence/per-document stance columns of one document."""
        clean, k = doc.clean, self.context_chars
        columns: dict[str, list] = {c: [] for c in SENTENCE_COLUMNS}
        marker_rows: list[dict] = []
        figure_rows_all: list[dict] = []
        totals = dict.fromkeys((c for c, _, _ in COUNT_KEYS), 0)
        quoted_totals = dict(totals)  # of them, a quoted speaker's (in_quotation)
        n_questions = 0
        turns = speaker_turns(doc.sentences)
        # ``opened``: sentences that start inside a quotation, whose first straight mark closes it
        quoted, opened = quotation_ids(doc.sentences, turns)
        markers_of = {
            s.sent_id: self.detector.markers(clean, start=s.start, end=s.end, heading=s.is_heading)
            for s in doc.sentences
        }
        # a reaction ("drawing condemnation from") is apart: it sources no figure but one it labels
        split = {i: self.detector.split_reactions(ms) for i, ms in markers_of.items()}
        reports_of = {i: reports for i, (reports, _) in split.items()}
        borrowed = borrowed_sourcing(doc.sentences, reports_of, turns, quoted, clean=clean)
        # a source line's ("Source: OECD (2023)") for the figures above it, which stay the
        # writer's words: a figure's source, not a sentence's voice
        lined = source_line_items(doc.sentences, self.source_kind)
        for sentence in doc.sentences:
            markers = markers_of[sentence.sent_id]
            # the words of a quoted speaker, not the writer's: a speaker's turn, the quoted parts
            # of a sentence with quotation marks (not its "the analyst added"), or a sentence
            # without marks inside a quotation that runs over several sentences
            spans = quoted_parts(
                clean, sentence.start, sentence.end, open_at_start=sentence.sent_id in opened
            )
            whole = sentence.paragraph_id in turns or (sentence.sent_id in quoted and not spans)
            in_quotation = [whole or any(a <= m.start and m.end <= b for a, b in spans)
                            for m in markers]  # fmt: skip
            for m, inside in zip(markers, in_quotation, strict=True):
                marker_rows.append(
                    {
                        "doc_id": doc.doc_id,
                        "sent_id": sentence.sent_id,
                        "start": m.start,
                        "end": m.end,
                        "match": clean[m.start : m.end],
                        "category": m.category,
                        "subtype": m.subtype,
                        "left_context": _one_line(clean[max(0, m.start - k) : m.start]),
                        "right_context": _one_line(clean[m.end : m.end + k]),
                        "in_quotation": inside,
                    }
                )
            figs = figure_rows(
                clean,
                sentence,
                *split[sentence.sent_id],
                doc_id=doc.doc_id,
                borrowed=borrowed.get(sentence.sent_id) or lined.get(sentence.sent_id, "none"),
            )
            figure_rows_all.extend(figs)
            counts = marker_counts(markers)
            question = (
                is_question(sentence.text)
                and not sentence.is_heading
                and sentence.paragraph_id not in turns  # asked of a speaker, not the reader
            )
            attributed = counts["n_attributions_named"] + counts["n_attributions_vague"] > 0
            for col, value in counts.items():
                columns[col].append(value)
            columns["n_figures"].append(len(figs))
            columns["is_question"].append(question)
            voiced = (
                attributed
                or has_quotation(clean, sentence.start, sentence.end)
                or sentence.sent_id in quoted
                or sentence.sent_id in borrowed  # a list item under an attributing lead-in
            )
            columns["voice"].append("attributed" if voiced else "author")
            if not sentence.is_heading:
                quoted_counts = marker_counts(m for m, q in zip(markers, in_quotation) if q)
                for col in totals:
                    totals[col] += counts[col]
                    quoted_totals[col] += quoted_counts[col]
                n_questions += question
        body_ids = {s.sent_id for s in doc.sentences if not s.is_heading}
        body_figs = [f for f in figure_rows_all if f["sent_id"] in body_ids]
        n = doc.n_words
        document = {
            "hedges_per_1k": rate_per_1k(totals["n_hedges"], n),
            "boosters_per_1k": rate_per_1k(totals["n_boosters"], n),
            "attitude_per_1k": rate_per_1k(totals["n_attitude"], n),
            "attributions_named_per_1k": rate_per_1k(totals["n_attributions_named"], n),
            "attributions_vague_per_1k": rate_per_1k(totals["n_attributions_vague"], n),
            "n_figures": len(body_figs),
            "n_figures_named": sum(f["sourcing"] == "named" for f in body_figs),
            "n_figures_vague": sum(f["sourcing"] == "vague" for f in body_figs),
            "n_figures_unsourced": sum(f["sourcing"] == "none" for f in body_figs),
            **{f"{col}_quoted": quoted_totals[col] for col in quoted_totals},
            "n_questions": n_questions,
            **serial_rate_columns(columns, [not s.is_heading for s in doc.sentences]),
        }
        return StageOutput(
            sentence_columns=columns,
            document_columns=document,
            tables={"stance_markers": marker_rows, "figures": figure_rows_all},
        )
