"""Read the TSV lexicons: a ``# version:`` line, ``#`` notes, a header, one entry a line."""

from __future__ import annotations

import csv
import difflib
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicons"


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """' (did you mean X?)' for the closest of ``choices`` to a misspelt ``word``, else ''."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass(frozen=True)
class Lexicon:
    """Rows of one or more lexicon files, with the version and sha256 of each file."""

    rows: tuple[dict[str, str], ...]
    versions: dict[str, str]  # file name -> version
    sha256: dict[str, str]  # file name -> sha256 of its bytes
    sources: tuple[str, ...] = ()  # the file each row comes from, for messages
    lines: tuple[int, ...] = ()  # the line of its file each row is on

    def where(self, index: int) -> str:
        """'<file>, line <n>: ' for messages about row ``index`` (empty when not known)."""
        if index >= len(self.sources):
            return ""
        line = f", line {self.lines[index]}" if index < len(self.lines) else ""
        return f"{self.sources[index]}{line}: "

    def line_of(self, index: int) -> str:
        """'line <n>: ' of row ``index`` in its file, for a message beside the file's name."""
        return f"line {self.lines[index]}: " if index < len(self.lines) else ""

    def file_of(self, index: int) -> str:
        """The file row ``index`` comes from (empty when not known)."""
        return self.sources[index] if index < len(self.sources) else ""


def text_lines(text: str) -> list[str]:
    """The lines of a file's text as an editor numbers them: split at ``\r\n``, ``\n`` or a lone
    ``\r`` (old Mac files), not at the form feeds or line separators ``str.splitlines`` also
    splits at."""
    return re.split(r"\r\n|\r|\n", text)


def lexicon_path(name: str) -> Path:
    """Path of a lexicon shipped in ``pipeline/lexicons/``."""
    return LEXICON_DIR / name


def read_lexicon(paths: Iterable[str | Path], *, required: Iterable[str] = ()) -> Lexicon:
    """Read TSV lexicon files in order; later files add entries (callers decide overrides).

    Each file starts with ``# version: X`` (other ``#`` lines are notes), then a header row.
    Raises ``ValueError`` naming the file when the version line or a required column is missing.
    """
    required = tuple(required)
    rows: list[dict[str, str]] = []
    sources: list[str] = []
    line_numbers: list[int] = []
    versions: dict[str, str] = {}
    digests: dict[str, str] = {}
    for path in map(Path, paths):
        if not path.is_file():
            raise ValueError(f"lexicon file {path} does not exist")
        data = path.read_bytes()
        digests[path.name] = hashlib.sha256(data).hexdigest()
        lines = text_lines(data.decode("utf-8-sig"))
        version = None
        body: list[str] = []
        numbers: list[int] = []  # the line number of each body line
        for number, line in enumerate(lines, start=1):
            if line.startswith("#"):
                key, _, value = line[1:].partition(":")
                if key.strip().lower() == "version" and version is None:
                    version = value.strip()
                continue
            if line.strip():
                body.append(line)
                numbers.append(number)
        if version is None:
            raise ValueError(f"lexicon file {path} has no '# version: ...' line")
        versions[path.name] = version
        reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            header = body[0] if body else ""
            if not header:
                hint = ": it has no header line"
            elif len(required) > 1 and "\t" not in header and any(c in header for c in ",; "):
                hint = ": its columns must be separated by tabs, not commas or spaces"
            else:
                hint = f"; its header line is {header!r}"
            raise ValueError(f"lexicon file {path} lacks column(s) {', '.join(missing)}{hint}")
        for number, line, row in zip(numbers[1:], body[1:], reader, strict=True):  # no quoting
            if "\t" not in line and len(required) > 1:  # a required column left empty
                raise ValueError(
                    f"{path}, line {number}: its columns must be separated by tabs, not commas or "
                    f"spaces (the row has no tab: {line[:60]!r})"
                )
            rows.append({k: (v or "").strip() for k, v in row.items() if k is not None})
            sources.append(str(path))
            line_numbers.append(number)
    return Lexicon(
        rows=tuple(rows),
        versions=versions,
        sha256=digests,
        sources=tuple(sources),
        lines=tuple(line_numbers),
    )


class UnusedRowWarning(UserWarning):
    """A lexicon row that does nothing (an ``off`` with no earlier entry of its pattern). The
    workflow lists these once, in problems.csv (merge_tables); its chunk jobs ignore them."""


OFF_NOTHING = (
    "entry {pattern!r} is off but no earlier entry has exactly this pattern, so nothing is "
    "disabled (to drop one word of a {{a,b}} entry, repeat that entry without it)"
)


def unused_offs(lexicon: Lexicon) -> list[tuple[str, str]]:
    """(file, "line <n>: message") for each row of category ``off`` that disables nothing: no
    earlier row has exactly its pattern (lexicons in the stance format: pattern, category, ...)."""
    seen: set[str] = set()
    out = []
    for i, row in enumerate(lexicon.rows):
        pattern = row.get("pattern", "")
        if row.get("category", "").lower() == "off" and pattern not in seen:
            out.append(
                (lexicon.file_of(i), lexicon.line_of(i) + OFF_NOTHING.format(pattern=pattern))
            )
        seen.add(pattern)
    return out


def read_word_list(path: str | Path) -> list[str]:
    """Read a plain list: one entry a line, ``#`` comments and blank lines ignored."""
    out = []
    for line in text_lines(Path(path).read_text(encoding="utf-8-sig")):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def listed_section(name: str, heading: str) -> frozenset[str]:
    """The entries of the shipped word list ``name`` under its comment line that starts with
    ``heading``, up to the next comment line."""
    words, inside = [], False
    for line in text_lines(lexicon_path(name).read_text(encoding="utf-8-sig")):
        if line.startswith("#"):
            inside = line.startswith(heading)
        elif inside and line.strip():
            words.append(line.strip())
    return frozenset(words)
