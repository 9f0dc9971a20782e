"""Markdown files (``*.md``): ``#`` headings become heading paragraphs without their marks."""

from __future__ import annotations

import re

_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")


def markdown_heading(line: str) -> str | None:
    """The text of a Markdown ``#`` heading line without its marks, else None."""
    if not _MD_HEADING_RE.match(line):
        return None
    return _MD_HEADING_RE.sub("", line).rstrip("# ").strip()


def markdown_to_text(text: str) -> tuple[str, frozenset[int]]:
    """Normalized text with each Markdown heading made its own paragraph without its ``#``
    marks (at most one blank line in a row, none at the ends); the text and the offsets where
    the headings start."""
    lines: list[tuple[str, bool]] = []
    for line in text.split("\n"):
        heading = markdown_heading(line)
        lines.extend([("", False), (heading, True), ("", False)] if heading else [(line, False)])
    out: list[str] = []
    starts: set[int] = set()
    offset = 0
    for line, is_heading in lines:
        if not line and (not out or not out[-1]):
            continue  # a blank line at the start or after another
        if is_heading:
            starts.add(offset)
        out.append(line)
        offset += len(line) + 1
    while out and not out[-1]:
        out.pop()
    return "\n".join(out), frozenset(starts)
