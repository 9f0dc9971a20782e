"""Markdown files (``*.md``): ``#`` headings become heading paragraphs without their marks; a
pipe table's header row becomes a heading paragraph and each of its data rows a body paragraph of
its own (its figures count; the cells of two rows never run together), its delimiter row goes;
emphasis marks (``*...*``, ``**...**``, ``_..._``), link syntax (``[text](url)``, ``[text][ref]``,
``<https://...>``) and blockquote marks (``> ``) become their plain text, and a reference link's
definition line (``[ref]: https://...``) and a YAML front matter block go (its title stays, as
the first heading). The result is the clean text, so every offset refers to the text without
them."""

from __future__ import annotations

import re
from collections.abc import Sequence

_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
# a pipe table's delimiter row under its header: "|---|:---:|", "--- | ---"
_TABLE_DELIMITER_RE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*")
# inline marks, each span within a line and up to the next mark of its kind (linear): a link or
# an image "[text](url "title")", bold "**x**" or "__x__", italic "*x*" or "_x_"; a "*" or "_"
# before a space ("* item", "5 * 3") or inside a word ("snake_case") or a URL is no emphasis.
# By hand, not markdown-it-py: a parser renders HTML and gives no map from its text to ours.
_LINK_RE = re.compile(r'!?\[([^\[\]\n]{1,500})\]\([^()\s]{1,2000}(?:\s+"[^"\n]{0,200}")?\)')
# [text][ref] and [text][]: a link only when the file defines ref (CommonMark), so that a wiki's
# "disaster.[1][2]" stays as written
_REF_LINK_RE = re.compile(r"!?\[([^\[\]\n]{1,500})\]\[([^\[\]\n]{0,500})\]")
_AUTOLINK_RE = re.compile(r"<((?:https?|ftp)://[^\s<>]{1,2000}|[^\s<>@]{1,200}@[^\s<>]{1,200})>")
# "[1]: https://example.com "Title"": a reference link's target, no text of the page; the
# target looks like one (a scheme, a path, an anchor, www.), so "[Update]: Corrected." stays
_REF_DEFINITION_RE = re.compile(
    r" {0,3}\[([^\[\]\n]{1,500})\]:[ \t]*"
    r"(?:<[^<>\n]{0,2000}>|(?:[A-Za-z][\w+.-]{0,30}:|/|#|\.{1,2}/|www\.)[^\s<>]{0,2000})"
    r"""(?:[ \t]+(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|\([^()\n]{0,200}\)))?[ \t]*"""
)
_QUOTE_MARKS_RE = re.compile(r"(?: {0,3}>[ \t]?)+")  # "> ", "> > " before a blockquote's line
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\[\]()]{0,2000}[^\s<>\[\]()*_]")
_MASK = str.maketrans("*_", "\ue000\ue001")  # a URL's "*" and "_" while the marks go
_UNMASK = str.maketrans("\ue000\ue001", "*_")
_INLINE_RES = (
    re.compile(r"\*\*(?=[^\s*])([^*\n]{1,2000}?)(?<=[^\s*])\*\*"),
    re.compile(r"(?<![\w_])__(?=[^\s_])([^_\n]{1,2000}?)(?<=[^\s_])__(?![\w_])"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,2000}?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,2000}?)(?<=[^\s_])_(?![\w_])"),
)


def markdown_heading(line: str) -> str | None:
    """The text of a Markdown ``#`` heading line without its marks, else None."""
    if not _MD_HEADING_RE.match(line):
        return None
    return _MD_HEADING_RE.sub("", line).rstrip("# ").strip()


def link_label(label: str) -> str:
    """A reference link's label as CommonMark matches it: case and runs of spaces ignored."""
    return " ".join(label.split()).casefold()


def plain_inline(line: str, labels: frozenset[str] = frozenset()) -> str:
    """A line without its Markdown emphasis marks and link syntax: "*The Marisca Herald*" is
    "The Marisca Herald", "[Become a subscriber](https://...)" and "[Become a subscriber][2]"
    are "Become a subscriber", "<https://example.org>" is "https://example.org"."""
    if "[" in line and "](" in line:
        line = _LINK_RE.sub(r"\1", line)
    if "][" in line and labels:
        line = _REF_LINK_RE.sub(
            lambda m: m[1] if link_label(m[2] or m[1]) in labels else m[0], line
        )
    if "<" in line:
        line = _AUTOLINK_RE.sub(r"\1", line)
    if "*" in line or "_" in line:
        masked = ("://" in line or "www." in line) and not any(c in line for c in "\ue000\ue001")
        if masked:
            line = _URL_RE.sub(lambda m: m.group().translate(_MASK), line)
        for regex in _INLINE_RES:
            line = regex.sub(r"\1", line)
        if masked:
            line = line.translate(_UNMASK)
    return line


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


MAX_FRONT_MATTER_LINES = 200


def without_front_matter(lines: list[str]) -> list[str]:
    """``lines`` with a YAML front matter block (a first line "---", then "key: value" lines
    up to a "---" or "..." line, as Jekyll, Hugo and many exports write) made blank lines: its
    keys are no prose. Its ``title``, if any, becomes the first line, as a heading ("# title").
    As many lines as before, so that a line keeps its number in the file."""
    if not lines or lines[0].strip() != "---":
        return lines
    end = next((i for i, line in enumerate(lines[1:MAX_FRONT_MATTER_LINES], 1)
                if line.strip() in ("---", "...")), None)  # fmt: skip
    if end is None:
        return lines
    import yaml

    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return lines  # not YAML: a "---" rule above the text
    if not isinstance(data, dict):
        return lines
    title = data.get("title")
    ok = isinstance(title, str | int | float) and not isinstance(title, bool)  # "title: yes"
    title = " ".join(str(title).split()) if ok else ""
    return [f"# {title}" if title else "", *[""] * end, *lines[end + 1 :]]


def markdown_to_text(text: str) -> tuple[str, frozenset[int], frozenset[int]]:
    """Normalized text with each Markdown heading made its own paragraph without its ``#``
    marks, and each row of a pipe table its own paragraph without the table's delimiter row
    (:func:`table_lines`; at most one blank line in a row, none at the ends), and every line
    without its emphasis marks and link syntax (:func:`plain_inline`); the text, the
    offsets where the headings (``#`` lines and tables' header rows) start and the offsets
    where the tables' data rows start (body paragraphs whatever their punctuation)."""
    source = [
        line[quoted.end() :]
        if line.startswith((">", " ")) and (quoted := _QUOTE_MARKS_RE.match(line))
        else line
        for line in text.split("\n")
    ]
    definitions = {
        i: m for i, line in enumerate(source) if (m := _REF_DEFINITION_RE.fullmatch(line))
    }
    labels = frozenset(link_label(m[1]) for m in definitions.values())
    headers, rows, delimiters = table_lines(source) if "|" in text else (set(), set(), set())
    lines: list[tuple[str, bool | None]] = []  # (line, True: heading, None: data row)
    for i, line in enumerate(source):
        if i in delimiters:
            continue
        if i in definitions:
            line = ""
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
        line = plain_inline(line, labels)
        if not line and (not out or not out[-1]):
            continue  # a blank line at the start or after another
        if kind is not False:
            (heading_starts if kind else body_starts).add(offset)
        out.append(line)
        offset += len(line) + 1
    while out and not out[-1]:
        out.pop()
    return "\n".join(out), frozenset(heading_starts), frozenset(body_starts)
