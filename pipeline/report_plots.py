"""The report's figures: which section and caption a plot file gets from its name
(:data:`PLOT_KINDS`), the plots folder read into sections with each SVG sanitised and inlined
(or its PNG as a data URI when the SVG is over MAX_INLINE_SVG_BYTES), and the keyness section's
figures placed beside their comparisons. The page that shows them is built by
:func:`pipeline.report.report_context`."""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pipeline.compare_plots import comparison_slug
from pipeline.frames_plots import MAX_STRIP_DOCUMENTS
from pipeline.report_svg import sanitised_svg

MAX_PLOTS = 40
MAX_INLINE_SVG_BYTES = 1_000_000  # a larger figure is shown from its PNG
Plot = dict[str, str]


# (kind, pattern on the file stem, section, caption); the first matching pattern wins. The
# comparison plots come first: their stems end in document ids, which may contain any word.
# {comparison} is the comparison as keyness.csv names it, {name} the rest of the stem.
PLOT_KINDS: tuple[tuple[str, str, str, str], ...] = (
    ("keyness", r"^keyness(_|$)", "keyness",
     "Terms most over-represented on each side of {comparison}, by log-odds z-score, with "
     "counts."),
    ("scatter", r"^term_scatter(_|$)", "keyness",
     "Rate of each term on both sides of {comparison} on log axes; the most distinctive are "
     "labelled."),
    ("arc", r"sentiment_arc|(^|_)arcs?(_|$)", "sentiment",
     "Sentiment arc: VADER compound score of each sentence in text order, with a rolling mean "
     "of the body sentences and the headings marked (the first documents by id when there are "
     "many; the plot's title says how many)."),
    ("actor", r"actor", "sentiment",
     "Mean compound score of the sentences that name each actor, with {sentiment} bootstrap "
     "intervals, for the actors and documents with the most mentions."),
    ("stance", r"stance", "stance",
     "Stance markers per 1,000 words by category in each document (for a large corpus, their "
     "distribution across the documents, the highest named)."),
    ("sourcing", r"figure|sourcing", "stance",
     "Figures (numeric claims) by how they are sourced: named, vague or none, per document (the "
     "documents with the most figures when there are many; the plot's title says how many)."),
    ("similarity", r"similarity", "keyness", "Cosine similarity of the documents' TF-IDF vectors."),
    ("frame_profile", r"frame.*profile", "frames",
     "Share of body sentences with at least one cue of each policy frame, per document (for a "
     "large corpus, its distribution across the documents, the highest named)."),
    ("frame_strip", r"frame.*(strip|position)", "frames",
     "Primary frame of each sentence, by position in the text (the first "
     f"{MAX_STRIP_DOCUMENTS} documents by id when there are more)."),
    ("frame", r"frame", "frames", "Policy frames: {name}."),
)  # fmt: skip
PLOT_SECTIONS = ("sentiment", "stance", "frames", "keyness", "other")


def plot_kind(
    stem: str, *, comparison: str | None = None, sentiment_level: str = "95%"
) -> tuple[str, str, int]:
    """Section, one-sentence caption and rank (order of PLOT_KINDS) of a plot, from its name.

    A comparison plot's caption names the comparison (``comparison``, else the end of the stem)
    with its "_vs_" shown as " vs ": "doc_00001 vs rest"; an actor plot's, the level of its
    intervals (``sentiment_level``, from ``sentiment.confidence``).
    """
    for rank, (_, pattern, section, caption) in enumerate(PLOT_KINDS):
        m = re.search(pattern, stem)
        if m:
            rest = stem[m.end() :].strip("_-") or stem
            shown = (rest if comparison is None else comparison).replace("_vs_", " vs ")
            text = caption.format(
                name=rest.replace("_", " "), comparison=shown, sentiment=sentiment_level
            )
            return section, text, rank
    return "other", f"Plot written by the workflow: {stem.replace('_', ' ')}.", len(PLOT_KINDS)


def plot_kind_name(stem: str) -> str:
    """The kind (first field of PLOT_KINDS) of a plot, "other" when no pattern matches."""
    return _kind_name(plot_kind(stem)[2])


def _kind_name(rank: int) -> str:
    return PLOT_KINDS[rank][0] if rank < len(PLOT_KINDS) else "other"


def plot_sections(
    plots_dir: str | Path | None, *, max_plots: int = MAX_PLOTS, leave_out: Sequence[str] = (),
    sentiment_level: str = "95%",
) -> tuple[dict[str, list[Plot]], list[str]]:  # fmt: skip
    """Plots by section (SVG inlined after sanitising, else, or when the SVG is over
    MAX_INLINE_SVG_BYTES, PNG as a data URI) and notes.

    One figure per file stem, SVG preferred; at most ``max_plots``, in section then name order;
    none of the kinds in ``leave_out``.
    """
    sections: dict[str, list[Plot]] = {s: [] for s in PLOT_SECTIONS}
    folder = Path(plots_dir) if plots_dir else None
    if folder is None or not folder.is_dir():
        return sections, []
    files: dict[str, Path] = {}
    kinds: dict[str, tuple[str, str, int]] = {}  # stem -> plot_kind(stem), matched once
    for path in sorted(folder.rglob("*")):  # sub-folders too: plots/comparisons/
        if path.suffix not in (".svg", ".png"):
            continue
        if path.stem not in kinds:
            kinds[path.stem] = plot_kind(path.stem, sentiment_level=sentiment_level)
        usable = _kind_name(kinds[path.stem][2]) not in leave_out
        if usable and (path.stem not in files or path.suffix == ".svg"):
            files[path.stem] = path
    # an SVG with a mark per sentence grows with the corpus (40,000 sentences: 7 MB); its PNG
    # has a size set by its pixels
    for stem, path in files.items():
        png = path.with_suffix(".png")
        if path.suffix == ".svg" and png.is_file() and _size(path) > MAX_INLINE_SVG_BYTES:
            files[stem] = png
    order = sorted(files, key=lambda s: (PLOT_SECTIONS.index(kinds[s][0]), kinds[s][2], s))
    notes = []
    if len(order) > max_plots:
        notes.append(f"{len(order) - max_plots} of {len(order)} plots are not embedded here; "
                     "they are in the plots folder.")  # fmt: skip
    for n, stem in enumerate(order[:max_plots]):
        path = files[stem]
        section, caption, rank = kinds[stem]
        plot = {"id": f"plot-{n}", "name": path.name, "stem": stem, "kind": _kind_name(rank),
                "caption": caption, "svg": "", "png": ""}  # fmt: skip
        try:
            data = path.read_bytes()
            if path.suffix == ".svg":
                plot["svg"] = sanitised_svg(data, id_prefix=f"p{n}-", labelled_by=f"plot-{n}-c")
            else:
                plot["png"] = base64.b64encode(data).decode("ascii")
        except (OSError, ValueError) as exc:
            notes.append(f"{path.name} was left out: {exc}")
            continue
        sections[section].append(plot)
    return sections, notes


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def keyness_figures(
    blocks: Sequence[Mapping[str, Any]], figures: Sequence[Plot]
) -> tuple[list[list[Plot]], list[Plot], list[Plot]]:
    """The keyness section's figures placed: each comparison's keyness chart and term scatter
    (``keyness_<slug>``, ``term_scatter_<slug>``, in ``blocks`` order, captioned with the name
    keyness.csv gives), the other figures but similarity, and the similarity figures."""
    similarity = [p for p in figures if p["kind"] == "similarity"]
    unplaced = {p["stem"]: p for p in figures if p["kind"] != "similarity"}
    placed = []
    for block in blocks:
        slug = comparison_slug(block["comparison"])
        mine = [unplaced.pop(f"{prefix}_{slug}") for prefix in ("keyness", "term_scatter")
                if f"{prefix}_{slug}" in unplaced]  # fmt: skip
        placed.append([{**p, "caption": plot_kind(p["stem"], comparison=block["comparison"])[1]}
                       for p in mine])  # fmt: skip
    rest = [p for p in figures if p["stem"] in unplaced and p["kind"] != "similarity"]
    return placed, rest, similarity
