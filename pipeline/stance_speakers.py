"""One source for one speaker: the attributions of a sentence that name the same source twice
are read as one (:func:`one_source`: a vague source's words and its verb's own named row), and a
verb that shares its subject with an earlier attribution's verb takes that source
(:func:`shared_subject`: "Business groups welcomed the talks and urged"). Also the ``Marker`` row
of :mod:`pipeline.stance_detector`, which uses them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Subtypes of the stance adverbs an attribution's skipped words may hold, kept as markers of their
# own ("Some neighbours reportedly complained"); a clause's modal is not ("critics, who might ...")
SKIPPED_ADVERBS = frozenset({"evidential", "epistemic_adverb", "adverb"})
# a verb coordinated with the one before it, sharing its subject: "welcomed the talks and urged",
# "praised the plan but warned"; not after a clause of its own ("said that the firm grew and
# reported", "welcomed the deal; the minister urged", "said they were overworked and stressed"),
# nor a participle, which goes with another ("accuses X of detaining activists and denying")
COORDINATED_RE = re.compile(r"\b(?:and|but)\s+(?:(?:also|then|later|again)\s+)?$", re.IGNORECASE)
OWN_CLAUSE_RE = re.compile(
    r"[;:—–()\[\]\"“”]|\b(?:that|who|which|whom|whose|he|she|they|we|i)\b", re.IGNORECASE
)
MAX_SHARED_GAP = 80  # characters between the two verbs


@dataclass(frozen=True, slots=True)
class Marker:
    """A stance marker found in the clean text: ``clean[start:end]`` matched ``entry`` (the
    lexicon entry's index; ``CITATION_ENTRY`` for an author-date citation)."""

    start: int
    end: int
    category: str
    subtype: str
    entry: int


def one_source(text: str, markers: list[Marker]) -> list[Marker]:
    """``markers`` (in text order) with a named attribution that follows a vague one, with only
    white space and stance adverbs between, taken into the vague one: the vague row read the
    source's words and the verb's own row its verb ("Leaked documents revealed that", "Most
    people questioned said", "Internal memos reportedly warned"), one unnamed source, not a
    vague and a named one (2026-12-06). The adverbs stay markers of their own."""
    out: list[Marker] = []
    vague: int | None = None  # index in out of the vague attribution that may take a verb
    reach = 0  # where its words end: the attribution's end, or that of an adverb after it
    for m in sorted(markers, key=lambda m: (m.start, m.end)):
        if vague is not None and m.end > reach:  # a marker inside it leaves it open
            gap = reach <= m.start and not text[reach : m.start].strip()
            if gap and m.category == "attribution" and m.subtype == "named":
                v = out[vague]
                out[vague] = Marker(v.start, m.end, v.category, v.subtype, v.entry)
                vague = None
                continue
            if gap and m.category != "attribution" and m.subtype in SKIPPED_ADVERBS:
                reach = m.end
            else:
                vague = None
        if m.category == "attribution" and m.subtype == "vague":
            vague, reach = len(out), m.end
        out.append(m)
    return out


def shared_subject(text: str, markers: list[Marker]) -> list[Marker]:
    """``markers`` (in text order) with a named attribution that is a verb coordinated with the
    verb of a vague one before it (``COORDINATED_RE`` right before it, no clause of its own
    between) read as vague: its subject is the vague one's ("Business groups welcomed the talks
    and urged both sides to", a README walkthrough's sentence, was a vague and a named source).
    Both stay markers: two reports of one unnamed source."""
    out: list[Marker] = []
    last: Marker | None = None  # the attribution before
    for m in markers:
        if m.category == "attribution":
            if (
                m.subtype == "named"
                and last is not None
                and last.subtype == "vague"
                and 0 < m.start - last.end <= MAX_SHARED_GAP
                and COORDINATED_RE.search(text, last.end, m.start)
                and not OWN_CLAUSE_RE.search(text, last.end, m.start)
                and not text[m.start : m.end].lower().endswith("ing")
            ):
                m = Marker(m.start, m.end, m.category, "vague", m.entry)
            last = m
        out.append(m)
    return out
