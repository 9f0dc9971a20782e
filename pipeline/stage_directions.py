"""A transcript's stage directions ("(Applause)", "[Laughter]", "(Interruption.)"): no one's words.

The ingestion removes them (:func:`remove_stage_directions`) before the boilerplate rules see
the lines, and lists each in boilerplate.csv: a direction would otherwise be a sentence of its
own that VADER scores positive ("(Applause)" +0.42), words and a keyness term, and after a
speaker's last sentence it turns the line into a heading ("... reject this Bill. (Applause)" has
no final full stop). The words are those of ``lexicons/stage_directions.tsv``.
"""

from __future__ import annotations

import functools
import re

from pipeline.lexicon import lexicon_path, read_lexicon

PATTERN_NAME = "stage direction (stage_directions.tsv)"  # boilerplate.csv's pattern column


@functools.cache
def stage_direction_re() -> re.Pattern[str]:
    """A stage direction in round or square brackets (with the white space before it)."""
    lex = read_lexicon([lexicon_path("stage_directions.tsv")], required=("word", "kind"))
    words = {kind: [] for kind in ("event", "manner")}
    for i, row in enumerate(lex.rows):
        if row["kind"] not in words:
            raise ValueError(f"{lex.where(i)}kind must be event or manner, got {row['kind']!r}")
        words[row["kind"]].append(re.escape(row["word"].strip().lower()))
    event = "|".join(sorted(words["event"], key=len, reverse=True))
    manner = "|".join(sorted(words["manner"], key=len, reverse=True))
    inside = (
        rf"(?:(?:{manner})(?:\s+and\s+|\s+)){{0,3}}(?:{event})(?:\s+and\s+(?:{event}))?\s*[.!]?"
    )
    # the white space before it goes with it after a word ("Bill. (Applause)"), not at a line's
    # start; "[Applause](url)" is a Markdown link
    return re.compile(
        rf"(?:(?<=\S)[^\S\n]+)?(?:\(\s*{inside}\s*\)|\[\s*{inside}\s*\](?!\())", re.IGNORECASE
    )


def remove_stage_directions(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """``text`` without its stage directions, line by line (a line that held only directions is
    left empty, so line k is still line k of the file), and [(line_no, direction, pattern)]."""
    pattern = stage_direction_re()
    if "(" not in text and "[" not in text:
        return text, []
    removed: list[tuple[int, str, str]] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "(" not in line and "[" not in line:
            continue
        found = [m.group().strip() for m in pattern.finditer(line)]
        if found:
            removed.extend((i + 1, direction, PATTERN_NAME) for direction in found)
            kept = pattern.sub("", line)
            lines[i] = kept if line[:1].isspace() else kept.lstrip()  # "(Applause) Thank you."
    return "\n".join(lines), removed
