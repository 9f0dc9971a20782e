"""Policy frame dimensions per sentence, with the cue words behind them.

References: Boydstun, Card, Gross, Resnik & Smith (2014), Policy Frames Codebook; Card et al.
(2015), The Media Frames Corpus (ACL). Cue words: ``pipeline/lexicons/frames.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.lexicon import Lexicon, did_you_mean, lexicon_path, read_lexicon
from pipeline.matcher import LexiconMatcher, PatternMatch
from pipeline.stance_lexicon import (
    ContextRules,
    checked_pattern,
    lexicon_macros,
    row_rules,
    rules_hold,
)
from pipeline.types import SegmentedDocument, StageOutput

# The codebook's 15 dimensions, in codebook order (used to break ties and to order plots).
FRAMES: tuple[tuple[str, str], ...] = (
    ("economic", "Economic"),
    ("capacity_resources", "Capacity and resources"),
    ("morality", "Morality"),
    ("fairness_equality", "Fairness and equality"),
    ("legality", "Legality, constitutionality, jurisprudence"),
    ("policy_prescription", "Policy prescription and evaluation"),
    ("crime_punishment", "Crime and punishment"),
    ("security_defense", "Security and defense"),
    ("health_safety", "Health and safety"),
    ("quality_of_life", "Quality of life"),
    ("cultural_identity", "Cultural identity"),
    ("public_opinion", "Public opinion"),
    ("political", "Political"),
    ("external_regulation", "External regulation and reputation"),
    ("other", "Other"),
)
FRAME_IDS: tuple[str, ...] = tuple(f for f, _ in FRAMES)
FRAME_LABELS: dict[str, str] = dict(FRAMES)
NO_FRAME = "none"  # primary_frame of a sentence without cues; a lexicon frame that blocks a phrase
TIE_BREAKS = ("first_cue", "codebook_order")
CUE_COLUMNS = ("doc_id", "sent_id", "start", "end", "match", "frame")
_FRAME_ID_RE = re.compile(r"[a-z][a-z0-9_]*")
RULE_WINDOW = 120  # characters of the sentence each side that a cue's context rules can see


@dataclass(frozen=True)
class FrameLexicon:
    """Cue patterns with their frames (same-pattern entries of later files override)."""

    patterns: tuple[str, ...]
    frames: tuple[str, ...]
    versions: dict[str, str]
    rules: tuple[ContextRules | None, ...] = ()  # per pattern; None: a cue without context rules


def load_frame_lexicon(extra_lexicons: Sequence[str | Path] = ()) -> FrameLexicon:
    """The shipped ``frames.tsv`` plus users' files; a pattern repeated in a later file takes
    its frame and context rules (the same pattern twice in one file is an error)."""
    if isinstance(extra_lexicons, (str, Path)):
        raise ValueError("extra_lexicons must be a list of TSV paths, not one path")
    paths = [lexicon_path("frames.tsv"), *extra_lexicons]
    lex = read_lexicon(paths, required=("pattern", "frame"))
    macros = lexicon_macros(paths)
    by_pattern: dict[str, str] = {}
    rules: dict[str, ContextRules | None] = {}
    where_of: dict[str, str] = {}  # pattern -> "<file>, line <n>: " of the row that defines it
    file_of: dict[str, str] = {}  # pattern -> the file of that row
    for i, row in enumerate(lex.rows):
        pattern, frame = row["pattern"], row["frame"]
        if not pattern:
            raise ValueError(f"{lex.where(i)}frame lexicon row with an empty pattern: {row}")
        if lex.file_of(i) and file_of.get(pattern) == lex.file_of(i):
            raise ValueError(
                f"{lex.where(i)}frame lexicon entry {pattern!r} is listed twice (also "
                f"{where_of[pattern].removesuffix(': ')}): merge its rows, or write the second "
                "context as a different pattern"
            )
        checked_pattern(pattern, f"{lex.where(i)}frame lexicon ", hyphen_joins_words=False)
        where_of[pattern], file_of[pattern] = lex.where(i), lex.file_of(i)
        if not _FRAME_ID_RE.fullmatch(frame):
            raise ValueError(
                f"{lex.where(i)}frame lexicon entry {pattern!r}: bad frame id {frame!r}"
                f"{did_you_mean(frame.lower(), FRAME_IDS)}; a frame id is a lower-case word "
                "or words joined by '_' (the codebook's are economic, ..., security_defense, "
                "other; 'none' blocks; a new id makes a new frame)"
            )
        if frame == "off":  # the stance lexicon's word for it; here it would be a new frame
            raise ValueError(
                f"{lex.where(i)}frame lexicon entry {pattern!r}: frame 'off' is not a frame; "
                f"to switch a pattern off in a frame lexicon, give it the frame 'none'"
            )
        by_pattern[pattern] = frame  # dicts keep first-insertion order, later files override
        rules[pattern] = row_rules(row, macros, lex.where(i), lex.file_of(i))
    return FrameLexicon(
        tuple(by_pattern), tuple(by_pattern.values()), lex.versions, tuple(rules.values())
    )


def near_codebook_ids(lexicon: Lexicon) -> list[tuple[str, str]]:
    """(file, "line <n>: message") for each row whose frame id is new but close to a codebook
    id ('economics'): a new id makes a new frame, which a typo should not do unnoticed."""
    out = []
    for i, row in enumerate(lexicon.rows):
        frame = row.get("frame", "")
        if frame in FRAME_IDS or frame in (NO_FRAME, "off") or not _FRAME_ID_RE.fullmatch(frame):
            continue
        # a part of a codebook id ('crime', 'equality') names it; else a near spelling
        parts = [f for f in FRAME_IDS if frame in f.split("_")]
        hint = f" (did you mean {parts[0]!r}?)" if parts else did_you_mean(frame, FRAME_IDS)
        if hint:
            message = (
                f"{lexicon.line_of(i)}frame {frame!r} of entry {row['pattern']!r} is not a "
                f"codebook frame, so it makes a new one{hint}"
            )
            out.append((lexicon.file_of(i), message))
    return out


def frame_order(frames: Sequence[str]) -> tuple[str, ...]:
    """Codebook frames first (codebook order), then any user-defined frames alphabetically."""
    extra = sorted(set(frames) - set(FRAME_IDS) - {NO_FRAME})
    return FRAME_IDS + tuple(extra)


def primary_frame(cues: Sequence[tuple[int, str]], *, tie_break: str = "first_cue") -> str:
    """The frame with most cues among ``(start, frame)`` pairs; ``none`` when there are none.

    Ties: ``first_cue`` picks the tied frame whose first cue starts earliest in the sentence
    (then codebook order); ``codebook_order`` picks the tied frame listed first in the codebook.
    """
    if tie_break not in TIE_BREAKS:
        raise ValueError(f"tie_break must be one of {TIE_BREAKS}, not {tie_break!r}")
    if not cues:
        return NO_FRAME
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for start, frame in cues:
        count[frame] = count.get(frame, 0) + 1
        first[frame] = min(first.get(frame, start), start)
    best = max(count.values())
    tied = [f for f in count if count[f] == best]
    if len(tied) == 1:
        return tied[0]
    order = {f: i for i, f in enumerate(frame_order(tied))}
    if tie_break == "first_cue":
        return min(tied, key=lambda f: (first[f], order[f]))
    return min(tied, key=order.__getitem__)


class FramesStage:
    """Per-document stage: frame cues per sentence, the primary frame and the cue count."""

    name = "frames"
    sentence_columns = ("primary_frame", "n_frame_cues")
    document_columns: tuple[str, ...] = ()
    tables = {"frame_cues": CUE_COLUMNS}

    def __init__(
        self, *, extra_lexicons: Sequence[str | Path] = (), tie_break: str = "first_cue"
    ) -> None:
        if tie_break not in TIE_BREAKS:
            raise ValueError(f"tie_break must be one of {TIE_BREAKS}, not {tie_break!r}")
        self.tie_break = tie_break
        self.lexicon = load_frame_lexicon(extra_lexicons)
        self.lexicon_versions = self.lexicon.versions
        # hyphens do not join words here: "counter-terrorism" and "cyber-espionage" hold cues
        self.matcher = LexiconMatcher(self.lexicon.patterns, hyphen_joins_words=False)

    def sentence_cues(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """``(start, end, frame)`` of each cue in ``text[start:end]`` (blocking entries dropped).

        A cue with context rules counts only where they hold in its sentence; where they do not,
        the matcher tries the other entries at that place (as for a stance entry)."""
        frames, rules = self.lexicon.frames, self.lexicon.rules

        def accept(m: PatternMatch) -> bool:
            entry_rules = rules[m.entry]
            if entry_rules is None:
                return True
            left = text[max(start, m.start - RULE_WINDOW) : m.start]
            right = text[m.end : min(end, m.end + RULE_WINDOW)]
            return rules_hold(entry_rules.compiled, left, right)

        found = self.matcher.find(text, start=start, end=end, accept=accept if any(rules) else None)
        return [(m.start, m.end, frames[m.entry]) for m in found if frames[m.entry] != NO_FRAME]

    def analyse(self, doc: SegmentedDocument) -> StageOutput:
        """Cues, primary frame and cue count for every sentence (headings included)."""
        primary: list[str] = []
        n_cues: list[int] = []
        rows: list[dict[str, Any]] = []
        for sent in doc.sentences:
            cues = self.sentence_cues(doc.clean, sent.start, sent.end)
            primary.append(primary_frame([(s, f) for s, _, f in cues], tie_break=self.tie_break))
            n_cues.append(len(cues))
            rows.extend(
                {"doc_id": doc.doc_id, "sent_id": sent.sent_id, "start": s, "end": e,
                 "match": doc.clean[s:e], "frame": f}
                for s, e, f in cues
            )  # fmt: skip
        return StageOutput(
            sentence_columns={"primary_frame": primary, "n_frame_cues": n_cues},
            tables={"frame_cues": rows},
        )
