"""Highlighted document text for the report: the clean text cut into pieces at every boundary.

Stance markers, figures and frame cues may nest or overlap, so the text is split at every start
and end offset (and at sentence edges); each piece carries the set of marks covering it. Pieces
are plain strings: the template escapes them, nothing here builds HTML.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Stance categories (and attribution subtypes) -> CSS class; anything else gets "m-other".
STANCE_CLASSES: dict[str, str] = {
    "hedge": "m-hedge",
    "booster": "m-booster",
    "attitude": "m-attitude",
    "attribution:named": "m-named",
    "attribution:vague": "m-vague",
}
FIGURE_CLASSES: dict[str, str] = {"named": "f-named", "vague": "f-vague", "none": "f-none"}
FRAME_CLASS = "c-frame"
SOURCING_WORDS = {"named": "named source", "vague": "vague source", "none": "no source"}
# VADER's documented thresholds, used when sentences.csv has compound but no label.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span of the clean text: ``clean[start:end]`` is the matched text."""

    start: int
    end: int
    css: str
    label: str
    evidence: str  # anchor key of the first occurrence: "hedge", "figure-none", "frame-economic"
    body_only: bool = False  # the anchor goes on the first occurrence outside headings


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """A sentence's span, its shading class, its tooltip and the anchor keys it carries."""

    start: int
    end: int
    css: str
    title: str
    keys: tuple[str, ...] = ()
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text covered by one set of marks (``css`` empty when unmarked)."""

    text: str
    css: str = ""
    label: str = ""
    anchor: str = ""
    # what a screen reader says: each mark that starts here, read whole with its label; empty
    # for a piece that only continues marks begun before it (no label or tab stop of its own)
    spoken: str = ""


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive pieces inside one sentence (``sentence`` True) or between sentences."""

    pieces: tuple[Piece, ...]
    sentence: bool = False
    css: str = ""
    title: str = ""
    anchor: str = ""


@functools.lru_cache(maxsize=4096)  # a page asks for the same few keys thousands of times
def anchor_key(text: str) -> str:
    """A fragment-safe key: lower-case ASCII letters, digits and hyphens only."""
    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in str(text).lower())
    return "-".join(p for p in out.split("-") if p) or "x"


def stance_class(category: str, subtype: str) -> str:
    """CSS class of a stance marker; attributions are split by subtype."""
    if category == "attribution":
        return STANCE_CLASSES.get(f"attribution:{subtype}", "m-other")
    return STANCE_CLASSES.get(category, "m-other")


def stance_evidence(category: str, subtype: str) -> str:
    """Anchor key of a stance marker category ("hedge", "attribution-vague", ...)."""
    if category == "attribution":
        return anchor_key(f"attribution-{subtype}")
    return anchor_key(category)


Rows = Sequence[Mapping[str, Any]] | None  # a table's rows of one document, as dicts


def _valid_rows(rows: Rows, clean: str) -> tuple[list[Mapping[str, Any]], int]:
    """Rows whose offsets are in range and whose ``match`` equals ``clean[start:end]``."""
    good: list[Mapping[str, Any]] = []
    bad = 0
    for row in rows or ():
        try:
            start, end = int(row["start"]), int(row["end"])
        except (TypeError, ValueError, KeyError):
            bad += 1
            continue
        match = row.get("match")
        if not 0 <= start < end <= len(clean) or (
            isinstance(match, str) and clean[start:end] != match
        ):
            bad += 1
            continue
        good.append(row)
    return good, bad


def document_marks(
    clean: str,
    *,
    markers: Rows = None,
    figures: Rows = None,
    cues: Rows = None,
    frame_labels: Mapping[str, str] | None = None,
) -> tuple[list[Mark], int]:
    """Marks of one document from its marker, figure and frame-cue rows; also the rows dropped.

    A row is dropped (and counted) when its offsets do not point at its ``match`` in ``clean``.
    Every mark is anchored in body sentences only: headings count neither in the frame shares
    nor in the stance and figure rates an Evidence link stands for.
    """
    frame_labels = frame_labels or {}
    marks: list[Mark] = []
    rows, bad_markers = _valid_rows(markers, clean)
    for r in rows:
        cat, sub = str(r.get("category", "")), str(r.get("subtype", "") or "")
        label = f"{cat} ({sub})" if sub and cat != "attribution" else f"{cat}"
        if cat == "attribution":
            label = f"{sub} attribution" if sub else "attribution"
        marks.append(
            Mark(int(r["start"]), int(r["end"]), stance_class(cat, sub), label,
                 stance_evidence(cat, sub), body_only=True)
        )  # fmt: skip
    rows, bad_figures = _valid_rows(figures, clean)
    for r in rows:
        sourcing = str(r.get("sourcing", ""))
        kind = str(r.get("kind", "") or "figure")
        label = f"figure ({kind}), {SOURCING_WORDS.get(sourcing, sourcing or 'unknown sourcing')}"
        marks.append(
            Mark(int(r["start"]), int(r["end"]), FIGURE_CLASSES.get(sourcing, "f-none"), label,
                 anchor_key(f"figure-{sourcing}"), body_only=True)
        )  # fmt: skip
    rows, bad_cues = _valid_rows(cues, clean)
    for r in rows:
        frame = str(r.get("frame", ""))
        label = f"frame cue: {frame_labels.get(frame, frame.replace('_', ' '))}"
        marks.append(
            Mark(int(r["start"]), int(r["end"]), FRAME_CLASS, label, anchor_key(f"frame-{frame}"),
                 body_only=True)
        )  # fmt: skip
    marks.sort(key=lambda m: (m.start, -m.end, m.css, m.label))
    return marks, bad_markers + bad_figures + bad_cues


def sentiment_class(label: Any, compound: Any) -> str:
    """``s-pos``/``s-neg``/``s-neu`` from the sentence label, or from compound when unlabelled."""
    if isinstance(label, str) and label in ("positive", "negative", "neutral"):
        return {"positive": "s-pos", "negative": "s-neg", "neutral": "s-neu"}[label]
    if isinstance(compound, (int, float)) and not math.isnan(compound):
        if compound >= POSITIVE_THRESHOLD:
            return "s-pos"
        if compound <= NEGATIVE_THRESHOLD:
            return "s-neg"
        return "s-neu"
    return ""


def truthy(value: Any) -> bool:
    """A table's flag as True/False: 1, true or 1.0 (a column read as float) are True."""
    return str(value).strip().lower() in ("1", "true", "1.0")


def document_sentences(
    clean: str, rows: Rows, *, frame_labels: Mapping[str, str] | None = None
) -> tuple[list[SentenceInfo], int]:
    """Sentence spans with sentiment shading, tooltips and anchor keys; also the rows dropped.

    Keys: ``question`` on the first question, ``most-negative`` / ``most-positive`` on the body
    sentences with the lowest / highest compound score. Tooltips name the primary frame by its
    label in ``frame_labels`` when it has one.
    """
    frame_labels = frame_labels or {}
    listed = list(rows or ())
    if not listed:
        return [], 0
    body = [
        r for r in listed
        if not truthy(r.get("is_heading")) and isinstance(r.get("compound"), (int, float))
        and not math.isnan(r["compound"])
    ]  # fmt: skip
    extremes: dict[int, list[str]] = {}
    if body:
        low = min(body, key=lambda r: (r["compound"], int(r["sent_id"])))
        high = max(body, key=lambda r: (r["compound"], -int(r["sent_id"])))
        if low["compound"] <= NEGATIVE_THRESHOLD:
            extremes.setdefault(int(low["sent_id"]), []).append("most-negative")
        if high["compound"] >= POSITIVE_THRESHOLD:
            extremes.setdefault(int(high["sent_id"]), []).append("most-positive")
    out: list[SentenceInfo] = []
    bad = 0
    seen_question = False
    for r in listed:
        try:
            start, end, sent_id = int(r["start"]), int(r["end"]), int(r["sent_id"])
        except (TypeError, ValueError, KeyError):
            bad += 1
            continue
        text = r.get("text")
        if not 0 <= start < end <= len(clean) or (
            isinstance(text, str) and clean[start:end] != text
        ):
            bad += 1
            continue
        css = [sentiment_class(r.get("sentiment"), r.get("compound"))]
        title = [f"Sentence {sent_id}"]
        compound = r.get("compound")
        if isinstance(compound, (int, float)) and not math.isnan(compound):
            title.append(f"sentiment {compound:+.2f} ({r.get('sentiment') or css[0][2:]})")
        frame = r.get("primary_frame")
        if isinstance(frame, str) and frame not in ("", "none"):
            title.append(f"main frame: {frame_labels.get(frame, frame.replace('_', ' '))}")
        if isinstance(r.get("voice"), str) and r["voice"]:
            title.append(f"voice: {r['voice']}")
        keys = list(extremes.get(sent_id, []))
        heading = truthy(r.get("is_heading"))
        if heading:
            css.append("s-head")
            title.append("heading")
        if truthy(r.get("is_question")):
            css.append("s-q")
            title.append("question")
            if not seen_question:
                keys.append("question")
                seen_question = True
        out.append(
            SentenceInfo(start, end, " ".join(c for c in css if c), " · ".join(title), tuple(keys),
                         heading)
        )  # fmt: skip
    out.sort(key=lambda s: (s.start, s.end))
    kept: list[SentenceInfo] = []
    for s in out:  # sentences must not overlap; drop any that does
        if kept and s.start < kept[-1].end:
            bad += 1
            continue
        kept.append(s)
    return kept, bad


def _boundaries(n: int, sentences: Sequence[SentenceInfo], marks: Sequence[Mark]) -> list[int]:
    points = {0, n}
    for s in sentences:
        points.update((s.start, s.end))
    for m in marks:
        points.update((m.start, m.end))
    return sorted(p for p in points if 0 <= p <= n)


def _label(active: Iterable[Mark]) -> tuple[str, str]:
    css: list[str] = []
    labels: list[str] = []
    for m in active:
        if m.css not in css:
            css.append(m.css)
        if m.label not in labels:
            labels.append(m.label)
    return " ".join(css), "; ".join(labels)


def text_runs(
    clean: str,
    sentences: Sequence[SentenceInfo],
    marks: Sequence[Mark],
    *,
    anchor_prefix: str,
) -> tuple[list[Run], set[str]]:
    """The clean text as runs of pieces, plus the anchor ids placed (``{prefix}-{key}``).

    Every boundary of a sentence or mark starts a new piece, so nested and overlapping marks
    both show; the first piece of the first mark of each evidence key carries its anchor (for a
    ``body_only`` mark, the first outside a heading sentence).
    """
    marks = sorted(marks, key=lambda m: (m.start, -m.end, m.css, m.label))
    sentences = sorted(sentences, key=lambda s: s.start)
    bounds = _boundaries(len(clean), sentences, marks)
    anchors: set[str] = set()
    runs: list[Run] = []
    current: list[Piece] = []
    current_sentence: int | None = None
    active: list[Mark] = []
    next_mark = 0
    s_idx = 0

    def close() -> None:
        if not current:
            return
        if current_sentence is None:
            runs.append(Run(tuple(current)))
        else:
            s = sentences[current_sentence]
            anchor = ""
            for key in s.keys:
                ident = f"{anchor_prefix}-{key}"
                if ident not in anchors and not anchor:
                    anchor = ident
                    anchors.add(ident)
            runs.append(Run(tuple(current), True, s.css, s.title, anchor))
        current.clear()

    for a, b in itertools.pairwise(bounds):
        if a == b:
            continue
        while s_idx < len(sentences) and sentences[s_idx].end <= a:
            s_idx += 1
        in_sentence = s_idx if s_idx < len(sentences) and sentences[s_idx].start <= a else None
        if in_sentence != current_sentence:
            close()
            current_sentence = in_sentence
        active = [m for m in active if m.end > a]
        while next_mark < len(marks) and marks[next_mark].start <= a:
            if marks[next_mark].end > a:
                active.append(marks[next_mark])
            next_mark += 1
        css, label = _label(active)
        starting = [m for m in active if m.start == a]
        spoken = "; ".join(dict.fromkeys(f"{clean[m.start : m.end]} ({m.label})" for m in starting))
        anchor = ""
        in_heading = in_sentence is not None and sentences[in_sentence].heading
        for m in active:
            ident = f"{anchor_prefix}-{m.evidence}"
            if m.start == a and ident not in anchors and not (m.body_only and in_heading):
                anchor = ident
                anchors.add(ident)
                break
        text = clean[a:b]
        if (
            current
            and not anchor
            and not starting
            and current[-1].css == css
            and current[-1].label == label
        ):
            last = current.pop()
            current.append(Piece(last.text + text, css, label, last.anchor, last.spoken))
        else:
            current.append(Piece(text, css, label, anchor, spoken))
    close()
    return runs, anchors
