"""Markdown files (``*.md``): ``#`` headings become heading paragraphs without their marks; a
pipe table's header row becomes a heading paragraph and each of its data rows a body paragraph of
its own (its figures count; the cells of two rows never run together), its delimiter row goes."""

from __future__ import annotations

import re
from collections.abc import Sequence

_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
# a pipe table's delimiter row under its header: "|---|:---:|", "--- | ---"
_TABLE_DELIMITER_RE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*")


def markdown_heading(line: str) -> str | None:
    """The text of a Markdown ``#`` heading line without its marks, else None."""
    if not _MD_HEADING_RE.match(line):
        return None
    return _MD_HEADING_RE.sub("", line).rstrip("# ").strip()


def table_lines(lines: Sequence[str]) -> tuple[set[int], set[int], set[int]]:
    """(headers, rows, delimiters): the indices of the header rows of the pipe tables in
    ``lines`` (the line above a delimiter row "|---|---|"), of their data rows (the lines with
    a "|" after the delimiter row, up to a blank line or one without "|") and of their
    delimiter rows. A line of links separated by "|" with no delimiter row under it is no
    table."""
    headers: set[int] = set()
    rows: set[int] = set()
    delimiters: set[int] = set()
    for i, line in enumerate(lines):
        if i == 0 or i in rows or "-" not in line or "|" not in line:
            continue
        if "|" not in lines[i - 1] or not _TABLE_DELIMITER_RE.fullmatch(line):
            continue
        delimiters.add(i)
        headers.add(i - 1)
        rows.discard(i - 1)
        j = i + 1
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            rows.add(j)
            j += 1
    return headers, rows, delimiters


def markdown_to_text(text: str) -> tuple[str, frozenset[int], frozenset[int]]:
    """Normalized text with each Markdown heading made its own paragraph without its ``#``
    marks, and each row of a pipe table its own paragraph without the table's delimiter row
    (:func:`table_lines`; at most one blank line in a row, none at the ends); the text, the
    offsets where the headings (``#`` lines and tables' header rows) start and the offsets
    where the tables' data rows start (body paragraphs whatever their punctuation)."""
    source = text.split("\n")
    headers, rows, delimiters = table_lines(source) if "|" in text else (set(), set(), set())
    lines: list[tuple[str, bool | None]] = []  # (line, True: heading, None: data row)
    for i, line in enumerate(source):
        if i in delimiters:
            continue
        if i in rows:
            lines.extend([("", False), (line, None), ("", False)])
        elif heading := line if i in headers else markdown_heading(line):
            lines.extend([("", False), (heading, True), ("", False)])
        else:
            lines.append((line, False))
    out: list[str] = []
    heading_starts: set[int] = set()
    body_starts: set[int] = set()
    offset = 0
    for line, kind in lines:
        if not line and (not out or not out[-1]):
            continue  # a blank line at the start or after another
        if kind is not False:
            (heading_starts if kind else body_starts).add(offset)
        out.append(line)
        offset += len(line) + 1
    while out and not out[-1]:
        out.pop()
    return "\n".join(out), frozenset(heading_starts), frozenset(body_starts)
