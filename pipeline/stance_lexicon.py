"""Read the stance lexicon format: TSV rows with a pattern, a category and context rules.

Shared by the stance stage and the sentiment senses (``categories=("neutral",)``). A row of a
later file with the same pattern replaces the earlier one; ``off`` disables it; ``none`` makes a
blocker; ``# define NAME: regex`` lines are macros (``@NAME``) for the context rules, and may
name other macros.
"""

from __future__ import annotations

import difflib
import functools
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pipeline.lexicon import (
    LEXICON_DIR,
    Lexicon,
    UnusedRowWarning,
    did_you_mean,
    lexicon_path,
    read_lexicon,
    text_lines,
    unused_offs,
)
from pipeline.pattern_syntax import pattern_regex

CATEGORIES = ("hedge", "booster", "attitude", "attribution")
CONTROL_CATEGORIES = ("none", "off")  # none = blocker (consumes, emits nothing); off = disable
# the ``kind`` column: how an attribution is read. A ``reaction`` ("drew criticism from rights
# groups", "was greeted with dismay by fans") is its people's response to what happened, not a
# report of it: a figure in its clause is not theirs (pipeline.figures_sourcing). An
# ``own_subject`` row holds its speaker ("which The Guardian called"): no subject before or after
# it is read. A ``platform`` row's capitals are where a text went round ("A post on Facebook
# claimed"), not its author: they make no vague source named (pipeline.stance_detector).
KINDS = ("reaction", "own_subject", "platform")
RULE_COLUMNS = ("not_before", "not_after", "requires_before", "requires_after")
# a row's compiled context rules, in RULE_COLUMNS order (None: an empty rule)
Rules = tuple[re.Pattern[str] | None, ...]
DEFINE_RE = re.compile(r"^#\s*define\s+([A-Z][A-Z0-9_]*)\s*:\s*(.+?)\s*$")
MACRO_RE = re.compile(r"@([A-Z][A-Z0-9_]*)")
MACRO_DEPTH = 8  # a macro may name macros that name others, this deep; deeper is a cycle


@dataclass(frozen=True)
class ContextRules:
    """A row's context rules as regexes (:func:`context_rules`), compiled on first use: a chunk
    tries the rules of the few entries its sentences match."""

    sources: tuple[str | None, ...]  # in RULE_COLUMNS order (None: an empty rule)
    entry: str = field(default="", compare=False)  # "<file>, line <n>: entry '<pattern>'"

    @cached_property
    def compiled(self) -> Rules:
        """The compiled rules, in RULE_COLUMNS order."""
        return tuple(map(self.rule, RULE_COLUMNS))

    def rule(self, column: str) -> re.Pattern[str] | None:
        """The compiled rule of one of RULE_COLUMNS (None: empty), the others left uncompiled;
        a bad one (a shipped file edited in place: its tests were not run) is named."""
        source = self.sources[RULE_COLUMNS.index(column)]
        try:
            return _compiled_rule(source)
        except re.error as err:
            raise ValueError(f"{self.entry}: bad {column} regex {source!r}: {err}") from None


@functools.cache  # rows share rules (a macro alone); a user row's check at load and use share one
def _compiled_rule(source: str | None) -> re.Pattern[str] | None:
    """A rule's regex compiled, ignoring case (None: an empty rule)."""
    return None if source is None else re.compile(source, re.IGNORECASE)


@dataclass(frozen=True)
class StanceEntry:
    """One lexicon entry with its context rules (None: it has none)."""

    pattern: str
    category: str
    subtype: str
    note: str
    context: ContextRules | None = None
    also: tuple[str, str] | None = None  # a second (category, subtype) for the same span
    kind: str = ""  # "" or one of KINDS (attributions only)

    @cached_property
    def rules(self) -> Rules | None:
        """The compiled context rules in RULE_COLUMNS order (None: the entry has none)."""
        return None if self.context is None else self.context.compiled

    def rule(self, column: str) -> re.Pattern[str] | None:
        """The compiled rule of one of RULE_COLUMNS (None: empty)."""
        return None if self.context is None else self.context.rule(column)

    @cached_property
    def skips(self) -> bool:
        """Whether the pattern skips words (``<skip:N>``): what it skips is not checked."""
        return "<skip:" in self.pattern


def lexicon_macros(paths: Iterable[str | Path]) -> dict[str, str]:
    """Macros defined by ``# define NAME: regex`` lines, later files overriding earlier ones."""
    macros: dict[str, str] = {}
    for path in paths:
        for line in text_lines(Path(path).read_text(encoding="utf-8-sig")):
            m = DEFINE_RE.match(line)
            if m:
                macros[m.group(1)] = m.group(2)
    return macros


def _rule_regex(source: str, column: str, macros: dict[str, str], pattern: str) -> str:
    """Expand macros in one rule, and the macros they name, and anchor it (before: at the end;
    after: at the start)."""

    def expand(m: re.Match[str]) -> str:
        if m.group(1) not in macros:
            raise ValueError(f"unknown macro @{m.group(1)} in {column}")
        return f"(?:{macros[m.group(1)]})"

    body = source
    for _ in range(MACRO_DEPTH):
        if MACRO_RE.search(body) is None:
            break
        body = MACRO_RE.sub(expand, body)
    if MACRO_RE.search(body) is not None:
        raise ValueError(
            f"the macros in {column} name each other in a cycle (or nest over {MACRO_DEPTH} deep)"
        )
    if column.endswith("before"):  # a word in the rule starts a word: "in" is not "Kremlin"
        return rf"(?:(?<!\w)|(?!\w))(?:{body})\s*$"
    return rf"\s*(?:{body})"


def compile_rules(row: dict[str, str], macros: dict[str, str], where: str) -> Rules | None:
    """Compiled context rules of one lexicon row, in RULE_COLUMNS order (None: it has none);
    shared by the stance, sense and frame lexicons."""
    if not any(row.get(c) for c in RULE_COLUMNS):
        return None
    out: list[re.Pattern[str] | None] = []
    for column in RULE_COLUMNS:
        source = row.get(column) or ""
        try:
            rx = _rule_regex(source, column, macros, row["pattern"]) if source else None
            out.append(_compiled_rule(rx) if rx else None)  # shared with ContextRules
        except re.error as err:
            # the position of the error in the rule as written, not in the anchored expansion
            detail = _regex_error(source) or err.msg
            if "global flags" in err.msg:
                detail += " (the rules ignore case already; for a part, write (?i:...))"
            message = f"{where}entry {row['pattern']!r}: bad {column} regex {source!r}: {detail}"
            raise ValueError(message) from None
        except ValueError as err:  # an unknown macro
            raise ValueError(f"{where}entry {row['pattern']!r}: {err}") from None
    return tuple(out)


def context_rules(row: dict[str, str], macros: dict[str, str], where: str) -> ContextRules | None:
    """A row's context rules, macros expanded (an unknown one: ValueError naming ``where``),
    to be compiled on first use (None: it has none); :func:`compile_rules` checks them now."""
    if not any(row.get(c) for c in RULE_COLUMNS):
        return None
    try:
        sources = tuple(
            _rule_regex(row[c], c, macros, row["pattern"]) if row.get(c) else None
            for c in RULE_COLUMNS
        )
    except ValueError as err:  # an unknown macro
        raise ValueError(f"{where}entry {row['pattern']!r}: {err}") from None
    return ContextRules(sources, f"{where}entry {row['pattern']!r}")


def row_rules(
    row: dict[str, str], macros: dict[str, str], where: str, file: str
) -> ContextRules | None:
    """A row's context rules (:func:`context_rules`), compiled now, so that a bad one raises
    :func:`compile_rules`' ValueError at load, unless they are a shipped file's as its tests
    compile them (:func:`shipped_rules`)."""
    if not shipped_rules(row, macros, file):
        compile_rules(row, macros, where)
    return context_rules(row, macros, where)


def shipped_rules(row: dict[str, str], macros: dict[str, str], file: str) -> bool:
    """Whether a row of ``file`` comes from a lexicon of LEXICON_DIR (whose every rule its tests
    compile) and the macros its rules use have that file's own values (another file listed
    after it may redefine one)."""
    own = _shipped_macros(file) if file else None
    if own is None:
        return False
    used = {m for c in RULE_COLUMNS for m in MACRO_RE.findall(row.get(c) or "")}
    return all(name in own and own[name] == macros.get(name) for name in used)


@functools.cache
def _shipped_macros(file: str) -> dict[str, str] | None:
    """The macros a file of LEXICON_DIR defines (None: another file)."""
    path = Path(file).resolve()
    return lexicon_macros([path]) if path.parent == LEXICON_DIR.resolve() else None


def _regex_error(source: str) -> str | None:
    """The error of compiling ``source`` on its own, with its position there, or None."""
    try:
        re.compile(source)
    except re.error as err:
        return str(err)
    return None


def letters_apart(word: str, other: str) -> bool:
    """Whether ``word`` is a typo of ``other``: one letter added, dropped, changed or two letters
    swapped ('adverd', 'modla'), or two such slips in a word of 8 letters or more ('evidentail').
    Counted as the letters of the longer word outside difflib's matching blocks (the standard
    library has no edit distance)."""
    if word == other:
        return False
    matcher = difflib.SequenceMatcher(None, word, other, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    slips = max(len(word), len(other)) - kept
    return slips <= (2 if min(len(word), len(other)) >= 8 else 1)


def near_subtypes(lexicon: Lexicon, shipped: str | Path) -> list[tuple[str, str]]:
    """(file, "line <n>: message") for each row of a file other than ``shipped`` whose subtype
    is new for its category but close to one the shipped lexicon gives it ('evidentail'): some
    subtypes change what a marker does (an evidential hedge makes a figure vaguely sourced), so
    a typo should not pass unnoticed. A new subtype further from every known one (by more than
    :func:`letters_apart` allows: 'verb' or 'adverbial' beside 'adverb') is taken as meant."""
    known: dict[str, set[str]] = {}
    for i, row in enumerate(lexicon.rows):
        if lexicon.file_of(i) == str(shipped) and row["subtype"]:  # blockers have none
            known.setdefault(row["category"].lower(), set()).add(row["subtype"])
    out = []
    for i, row in enumerate(lexicon.rows):
        subtypes = known.get(row["category"].lower(), set())
        if lexicon.file_of(i) == str(shipped) or not subtypes or row["subtype"] in subtypes:
            continue
        near = [s for s in sorted(subtypes) if letters_apart(row["subtype"], s)]
        if near:
            message = (
                f"{lexicon.line_of(i)}subtype {row['subtype']!r} of entry {row['pattern']!r} is "
                f"new for category {row['category'].lower()!r} (did you mean {near[0]!r}?)"
            )
            out.append((lexicon.file_of(i), message))
    return out


def checked_pattern(pattern: str, where: str, *, hyphen_joins_words: bool = True) -> None:
    """Raise a ValueError naming ``where`` (file and line) when ``pattern`` breaks the pattern
    syntax, before the matcher, which knows only its position in the merged lexicons, would."""
    try:
        pattern_regex(pattern, hyphen_joins_words=hyphen_joins_words)
    except ValueError as err:
        raise ValueError(f"{where}entry {pattern!r}: {err}") from None


def rules_hold(rules: Rules | None, left: str, right: str) -> bool:
    """Whether a match with ``rules`` (:func:`compile_rules`) passes them, ``left`` and
    ``right`` being its sentence's text before and after it."""
    if rules is None:
        return True
    not_before, not_after, requires_before, requires_after = rules
    return not (
        (not_before is not None and not_before.search(left))
        or (requires_before is not None and not requires_before.search(left))
        or (not_after is not None and not_after.match(right))
        or (requires_after is not None and not requires_after.match(right))
    )


def stance_entries(
    paths: Sequence[str | Path], *, categories: tuple[str, ...] = CATEGORIES
) -> tuple[tuple[StanceEntry, ...], dict[str, str]]:
    """Entries of the stance lexicon files in order; a row of a later file with the same pattern
    replaces the earlier one in place (the same pattern twice in one file is an error), and
    category ``off`` removes it. Returns (entries, versions).
    ``categories``: those a lexicon in this format may use (besides ``none`` and ``off``)."""
    lexicon = read_lexicon(paths, required=("pattern", "category", "subtype"))
    macros = lexicon_macros(paths)
    by_pattern: dict[str, dict[str, str]] = {}
    where_of: dict[str, str] = {}  # pattern -> "<file>, line <n>: " of the row that defines it
    file_of: dict[str, str] = {}  # pattern -> the file of that row
    for i, row in enumerate(lexicon.rows):
        category, where = row["category"].lower(), lexicon.where(i)
        checked_pattern(row["pattern"], where)
        if category not in categories + CONTROL_CATEGORIES:
            raise ValueError(
                f"{where}entry {row['pattern']!r}: unknown category {row['category']!r}"
                f"{did_you_mean(category, categories + CONTROL_CATEGORIES)}; the categories are "
                f"{', '.join(categories + CONTROL_CATEGORIES)}"
            )
        if category == "attribution" and row["subtype"] not in ("named", "vague"):
            raise ValueError(
                f"{where}entry {row['pattern']!r}: attribution subtype must be named|vague"
            )
        if lexicon.file_of(i) and file_of.get(row["pattern"]) == lexicon.file_of(i):
            raise ValueError(  # a second row would replace the first
                f"{where}entry {row['pattern']!r} is listed twice (also "
                f"{where_of[row['pattern']].removesuffix(': ')}): merge its rows into one, or "
                "write the second context as a different pattern"
            )
        by_pattern[row["pattern"]] = {**row, "category": category}
        where_of[row["pattern"]] = where
        file_of[row["pattern"]] = lexicon.file_of(i)
    for source, message in unused_offs(lexicon):
        warnings.warn(f"{source}, {message}", UnusedRowWarning, stacklevel=2)  # "line n: ..."
    entries = []
    for pattern, row in by_pattern.items():
        if row["category"] == "off":
            continue
        entries.append(
            StanceEntry(
                pattern,
                row["category"],
                row["subtype"],
                row.get("note", ""),
                row_rules(row, macros, where_of[pattern], file_of[pattern]),
                also=_also(row.get("also", ""), pattern, categories, where_of[pattern]),
                kind=_kind(row.get("kind", ""), row["category"], pattern, where_of[pattern]),
            )
        )
    return tuple(entries), lexicon.versions


def _also(
    value: str, pattern: str, categories: tuple[str, ...] = CATEGORIES, where: str = ""
) -> tuple[str, str] | None:
    """Parse the ``also`` column ("category/subtype") of one entry."""
    if not value:
        return None
    category, slash, subtype = value.partition("/")
    if not slash:
        raise ValueError(
            f"{where}entry {pattern!r}: 'also' must be category/subtype, got {value!r}"
        )
    if category not in categories:
        raise ValueError(
            f"{where}entry {pattern!r}: unknown category {category!r} in 'also' {value!r}"
            f"{did_you_mean(category, categories)}; the categories are {', '.join(categories)}"
        )
    return category, subtype


def _kind(value: str, category: str, pattern: str, where: str = "") -> str:
    """Check the ``kind`` column of one entry: empty, or one of KINDS for an attribution."""
    if not value:
        return ""
    if value not in KINDS:
        raise ValueError(
            f"{where}entry {pattern!r}: unknown kind {value!r}{did_you_mean(value, KINDS)}; "
            f"the kinds are {', '.join(KINDS)} (or nothing)"
        )
    if category != "attribution":
        raise ValueError(
            f"{where}entry {pattern!r}: kind {value!r} is for attributions, not {category!r}"
        )
    return value


def default_lexicon_paths() -> list[Path]:
    """The stance lexicon shipped with the package."""
    return [lexicon_path("stance.tsv")]
