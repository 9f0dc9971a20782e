"""The source a figure in someone else's words takes from the attribution of those words
(:func:`borrowed_sourcing`): a speaker's turn, a quotation over several sentences, a list under
an attributing lead-in (:func:`lead_in_items`); and the source a line such as "Source: OECD
(2023)" gives the figures above it (:func:`source_line_items`). :mod:`pipeline.voices` finds
whose words a sentence is; this module does not import it, so voices re-exports both functions."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from pipeline.list_items import is_list_item
from pipeline.stance_own import TABLE_ROW_RE
from pipeline.types import Sentence

if TYPE_CHECKING:
    from pipeline.stance_detector import Marker


def borrowed_sourcing(
    sentences: Sequence[Sentence],
    markers: Mapping[int, Sequence[Marker]],
    turns: Mapping[int, str],
    quoted: set[int],
    *,
    clean: str | None = None,
) -> dict[int, str]:
    """sent_id -> the sourcing (named / vague) of a figure that has no source in its own sentence
    but stands in someone else's words: a speaker's turn is named by its label ("DR. ALVAREZ:",
    "A:" of an interview); a sentence of a quotation over several sentences takes the nearest
    attribution of its paragraph (“Cases rose 18%. We expect more,” Alvarez said: both
    sentences are Alvarez's), or, when its paragraph has none, of the paragraph before (a
    quotation that runs on into a new paragraph); a list item under a lead-in that attributes
    the list takes the lead-in's ("The company also noted that:", :func:`lead_in_items`).
    ``markers``: each sentence's stance markers; ``clean``: the text the sentences' offsets
    refer to (:func:`lead_in_items` needs it to keep an item's second sentence)."""
    # each paragraph's sentences with an attribution, in order, and the sourcing of each (the
    # least of its attributions': "named" before "vague"), found once for the whole text
    found: dict[int, tuple[list[int], list[str]]] = {}
    for s in sentences:
        ids, kinds = found.setdefault(s.paragraph_id, ([], []))
        if subtypes := _attributions(markers, s.sent_id):
            ids.append(s.sent_id)
            kinds.append(min(subtypes))
    paragraph_ids = list(found)
    position = {pid: k for k, pid in enumerate(paragraph_ids)}
    listed = lead_in_items(sentences, markers, clean=clean)
    out: dict[int, str] = {}
    for s in sentences:
        if s.is_heading:
            continue
        if s.sent_id in quoted and turns.get(s.paragraph_id) is not None:
            out[s.sent_id] = "named"  # quoted_sentence_ids leaves the interviewer's turns out
            continue
        if s.sent_id in quoted:
            k = position[s.paragraph_id]
            for pid in (paragraph_ids[k], *paragraph_ids[max(k - 1, 0) : k]):  # its, before
                if sourcing := _nearest(*found[pid], s.sent_id):
                    out[s.sent_id] = sourcing
                    break
        if s.sent_id not in out and s.sent_id in listed:
            out[s.sent_id] = listed[s.sent_id]
    return out


# a line that says where the figures above it come from: "Source: OECD (2023)", "Sources:
# Eurostat; ONS", "Data: World Bank"; also a sentence's last line ("Figure 2: Youth unemployment
# (%)\nSource: OECD", a chart's caption without a full stop), after a chart's credit or a note
# on the same line up to a separator ("Chart: Jane Doe | Source: Copernicus", "Notes: seasonally
# adjusted; Source: ONS"). Not after a numbered caption ("Chart 2: Wages (%) | Source: ONS",
# "Table 2: ...", which may stand above its rows), nor a photo's credit (the picture's agency is
# no figure's source), nor a sentence that starts with the word ("Analysis shows a fall; ...")
CREDIT_WORD = (  # a chart's credit: its word before a colon or "by"
    r"(?:charts?|graphics?|graphs?|maps?|design|reporting|analysis|visuali[sz]ations?)"
    r"(?=\s*:|\s+by\b)"
)
CREDIT_RE = (
    rf"(?:(?:{CREDIT_WORD}|(?P<note>notes?)(?=\s*:))"
    r"(?P<credited>[^|;•·—–\n]{0,120})[|;•·—–]\s*)?"
)
SOURCE_LINE_RE = re.compile(
    CREDIT_RE + r"(?P<label>sources?|data(?:\s+sources?)?|statistics)\s*:\s*"
    r"(?P<source>\w.{0,200}?)[\s.]*",
    re.IGNORECASE,
)
# a number in a credit or a note that is not a year (2023, 2023-24, 2023/24, the 1990s): a
# claim ("Notes: n = 1,200; Source: Pew") that a label, out of the counts, would hide
NUMBER_RE = re.compile(r"(?<![\w.])(?<!\d[-/–])(?!(?:19|20)\d\d(?:s\b|[-/–]\d\d(?:\d\d)?\b|\b))\d")
# notes before a source line in one sentence ("Note: Figures are seasonally adjusted. Source:
# ONS", a short line without a full stop: a heading): read past when they are short and hold no
# number; several notes are one lazy run up to the last full stop before the label (no nested
# repetition: it had backtracked exponentially on a line of notes)
NOTES_BEFORE_RE = re.compile(r"notes?\s*:[^\n]*?[.!?]\s+(?=(?:sources?|data)\s*:)", re.I)
MAX_NOTE_WORDS = 25  # longer notes are prose ("Note: Critics say ... Source: Reuters")
NOTE_RE = re.compile(r"notes?\s*:", re.IGNORECASE)  # "Note: Figures are seasonally adjusted."
# a line of a chart's footer above its source line: a credit or notes ("Chart: Jane Doe",
# "Notes: seasonally adjusted" over "Source: ONS"; Datawrapper's and Flourish's footers)
FOOTER_LINE_RE = re.compile(rf"{CREDIT_WORD}|{NOTE_RE.pattern}", re.IGNORECASE)
MAX_SOURCE_WORDS = 15  # "Data: the unemployment rate rose to 5% in ..." is a sentence, no source
# what says no source, or none of the figures: "Source: unknown", "Source: N/A", a photo credit
NOT_A_SOURCE_RE = re.compile(
    r"(?:unknown|n/?a|none|tbc|tbd|see above|see below|trust me\b.*|"
    r"(?:afp/)?getty images\b.*|shutterstock\b.*|alamy\b.*|istock\b.*|reuters/\w+.*)",
    re.IGNORECASE,
)
FIGURE_IN_SOURCE_RE = re.compile(
    r"\d\s*(?:%|percent\b|per\s+cent\b|million\b|billion\b)|[$£€]\s?\d", re.IGNORECASE
)


def source_line(text: str) -> str | None:
    """The source a source line gives ("OECD (2023)" of "Source: OECD (2023)"), from a
    sentence that is one or ends in one (its last line), also after a chart's credit or a note
    on its line ("Chart: Jane Doe | Source: Copernicus", "Notes: seasonally adjusted; Source:
    ONS") or after short notes without a number ("Note: Figures are provisional. Source: ONS");
    None for a sentence that only looks like one: over MAX_SOURCE_WORDS words, a figure in it,
    a "Data:" or "Statistics:" label before words in lower case ("Data: the rate rose to 5%",
    "## Statistics: the gap"), a source in lower case after a note ("Notes: I thought ...;
    Source: my diary"), a credit or note holding a number that is not a year, or a source that
    says none ("unknown", "N/A", a photo agency's credit). A source line wrapped over two lines
    is not read: "Source: ONS\nThe gap is wide." has the same form."""
    line = text.strip().rsplit("\n", 1)[-1].strip()
    notes = NOTES_BEFORE_RE.match(line)
    noted = bool(notes) and len(notes.group().split()) <= MAX_NOTE_WORDS
    if noted and not NUMBER_RE.search(notes.group()):
        line = line[notes.end() :]
    m = SOURCE_LINE_RE.fullmatch(line)
    if not m:
        return None
    source = m.group("source")
    if len(source.split()) > MAX_SOURCE_WORDS or FIGURE_IN_SOURCE_RE.search(source):
        return None
    if NUMBER_RE.search(m.group("credited") or ""):
        return None
    capital = source[0].isupper()
    noted = noted or bool(m.group("note"))
    if not capital and (noted or not m.group("label").lower().startswith("source")):
        return None  # "Data: the rate rose ...", "Notes: I thought ...; Source: my diary"
    return None if NOT_A_SOURCE_RE.fullmatch(source.strip()) else source


def is_footer(text: str) -> bool:
    """Whether a text of several lines is a chart's footer that ends in its source line: every
    line above the last a credit or notes without a number that is not a year ("Notes:
    seasonally adjusted\nChart: Jane Doe • Source: ONS"), not a caption ("Figure 2: Youth
    unemployment (%)\nSource: OECD", which the line sources too)."""
    lines = [line.strip() for line in text.strip().splitlines()]
    return len(lines) > 1 and all(
        FOOTER_LINE_RE.match(line) and not NUMBER_RE.search(line) for line in lines[:-1]
    )


def source_line_items(
    sentences: Sequence[Sentence], source_kind: Callable[[str], str]
) -> dict[int, str]:
    """sent_id -> the sourcing of the body sentences a source line (:func:`source_line`: a
    line "Source: OECD (2023)" under a paragraph, a table or a chart's caption) sources: those
    of its paragraph before it, or, when the line opens its paragraph or follows notes only
    ("Note: Figures are provisional. Source: ONS" as two sentences; a note that holds a number
    stays a sentence, sourced with them), those of the paragraph before too (with the rows of a
    Markdown table above it, a paragraph each); a sentence that ends in the line (a caption
    without a full stop) is sourced itself too. ``source_kind`` says
    whether the line's source is named or vague ("Source: industry estimates"). The sentences
    stay the writer's words (no voice of their own): the source lends their figures its name."""
    out: dict[int, str] = {}
    by_paragraph: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph_id, []).append(s)
    paragraph_ids = list(by_paragraph)
    for k, pid in enumerate(paragraph_ids):
        for j, s in enumerate(by_paragraph[pid]):
            if (source := source_line(s.text)) is None:
                continue
            # "Figure 2: ... (%)\nSource: OECD"; a chart's footer is a source line of its own
            caption = "\n" in s.text.strip() and not is_footer(s.text)
            above = list(by_paragraph[pid][:j])
            if not caption and all(NOTE_RE.match(t.text.strip()) for t in above):
                # opening its paragraph, or after notes ("Note: Figures are seasonally
                # adjusted. Source: ONS"): the paragraph before is what it sources
                above = [*_paragraph_above(by_paragraph, paragraph_ids, k), *above]
            kind = source_kind(source)
            for t in [*above, s] if caption else above:
                if not t.is_heading and (t is s or source_line(t.text) is None):
                    out.setdefault(t.sent_id, kind)
    return out


def _paragraph_above(
    by_paragraph: Mapping[int, Sequence[Sentence]], paragraph_ids: Sequence[int], k: int
) -> list[Sentence]:
    """The sentences of the paragraph before paragraph ``k``, and when it is a Markdown table's
    row, those of the rows before it (a pipe table's rows are a paragraph each)."""
    out: list[Sentence] = []
    for i in range(k - 1, -1, -1):
        block = by_paragraph[paragraph_ids[i]]
        row = len(block) == 1 and TABLE_ROW_RE.fullmatch(block[0].text.strip())
        if out and not row:
            break
        out[:0] = block
        if not row:
            break
    return out


def lead_in_items(
    sentences: Sequence[Sentence],
    markers: Mapping[int, Sequence[Marker]],
    *,
    clean: str | None = None,
) -> dict[int, str]:
    """sent_id -> the sourcing (named / vague) of the list items that a lead-in attributes: a
    sentence that ends in a colon and has an attribution ("The company also noted that:",
    "Critics say:"), then list items ("- ", "• ", "2. "), in its paragraph or in the
    paragraphs after it that open with an item. An item's second sentence is the item's too
    when it starts on the line where the sentence before it ends ("2. Imports rose 3%. Analysts
    were surprised."). The list ends at a heading, at a paragraph that opens with no item, or at
    a sentence that is no item and starts a line ("- It employs 118 staff.\nOur own analysis
    found ..." is the writer's again). ``markers``: each sentence's stance markers; ``clean``:
    the text the sentences' offsets refer to (without it, where a line starts is unknown and
    every sentence that is no item ends the list)."""
    out: dict[int, str] = {}
    lead, started, paragraph, line_end = None, False, None, 0
    for s in sentences:
        new_paragraph, paragraph = s.paragraph_id != paragraph, s.paragraph_id
        new_line = clean is None or "\n" in clean[line_end : s.start]
        if s.is_heading or (
            lead and not is_list_item(s.text) and (new_paragraph or not started or new_line)
        ):
            lead = None
        if lead:
            out[s.sent_id], started = lead, True
        if s.text.rstrip().endswith(":") and (subtypes := _attributions(markers, s.sent_id)):
            lead, started = min(subtypes), False
        line_end = s.end
    return out


def _attributions(markers: Mapping[int, Sequence[Marker]], sent_id: int) -> list[str]:
    """The subtypes (named / vague) of a sentence's attribution markers."""
    return [m.subtype for m in markers.get(sent_id, ()) if m.category == "attribution"]


def _nearest(ids: Sequence[int], kinds: Sequence[str], sent_id: int) -> str | None:
    """The sourcing in ``kinds`` of the sentence in ``ids`` (ascending) nearest ``sent_id``, the
    earlier one of two as near; None when ``ids`` is empty."""
    k = bisect.bisect_left(ids, sent_id)
    near = [(abs(ids[j] - sent_id), ids[j], kinds[j]) for j in (k - 1, k) if 0 <= j < len(ids)]
    return min(near)[2] if near else None
