"""Web boilerplate: the rules of ``lexicons/boilerplate.tsv`` (and users' extra files), loaded
and compiled (:func:`load_boilerplate_patterns`), and the lines, paragraphs and sections of a
text they match blanked (:func:`remove_boilerplate`): lines, labels and contacts, notes, an
infobox's rows, a heading's section and the closing sections after the text. Decoding,
normalizing and the rest of cleaning a document are in :mod:`pipeline.ingest`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.lexicon import lexicon_path, read_lexicon
from pipeline.markdown import markdown_heading, plain_inline
from pipeline.page_lines import is_own_line, is_post_header
from pipeline.paragraphs import is_heading_line

BLANK_RUN_RE = re.compile(r"\n{3,}")  # three newlines or more: one blank line is enough
_EMPHASIS_RE = re.compile(r"(\*\*|\*|__|_)(\S(?:.*\S)?)\1")  # **bold**, *italic*, _italic_
# what a boilerplate rule removes (see the header of lexicons/boilerplate.tsv)
BOILERPLATE_SCOPES = (
    "line",
    "paragraph",
    "heading",
    "label",
    "note",
    "closing heading",
    "closing paragraph",
    "post",
    "rows",
)
MAX_CONTACT_WORDS = 12  # a line of a contact after its label: a name, a title, a number, an e-mail
MIN_TABLE_ROWS = 2  # a "rows" rule's matches in a paragraph: one "Label<TAB>value" line is text
MIN_SPEAKERS = 2  # labels that each come back after another in a paragraph of TAB lines


@dataclass(frozen=True)
class BoilerplateRule:
    """A row of ``boilerplate.tsv``: its compiled pattern and text, its scope and, for a
    heading, the regex that finds the paragraphs of its section."""

    regex: re.Pattern[str]
    source: str
    scope: str = "line"
    follow: re.Pattern[str] | None = None


@dataclass(frozen=True)
class BoilerplatePatterns:
    """Compiled boilerplate rules, in the order of their files and rows."""

    rules: tuple[BoilerplateRule, ...]
    versions: dict[str, str]

    @functools.cached_property
    def by_scope(self) -> dict[str, list[BoilerplateRule]]:
        """The rules of each scope, in order (built once, not for every text)."""
        return {s: [r for r in self.rules if r.scope == s] for s in BOILERPLATE_SCOPES}

    @functools.cached_property
    def quick(self) -> dict[str, re.Pattern[str] | None]:
        """Per scope, all its patterns as one regex: a line none of them matches is passed in
        one test instead of one per rule (most lines of a text)."""
        return {
            scope: re.compile("|".join(f"(?:{r.source})" for r in rules), re.IGNORECASE)
            if rules
            else None
            for scope, rules in self.by_scope.items()
        }


def load_boilerplate_patterns(extra_files: Sequence[str | Path] = ()) -> BoilerplatePatterns:
    """Rules from ``lexicons/boilerplate.tsv`` plus users' extra TSV files (same columns;
    ``scope`` and ``follow`` may be left out)."""
    lex = read_lexicon([lexicon_path("boilerplate.tsv"), *extra_files], required=("pattern",))
    rules = []
    for i, row in enumerate(lex.rows):
        pattern, scope, follow = row["pattern"], row.get("scope") or "line", row.get("follow")
        if scope not in BOILERPLATE_SCOPES or (follow and "heading" not in scope):
            raise ValueError(
                f"{lex.where(i)}boilerplate pattern {pattern!r} has scope {scope!r}"
                + (" and a follow regex, which only a heading has" if follow else "")
                + f"; the scopes are {', '.join(BOILERPLATE_SCOPES)}"
            )
        where = f"{lex.where(i)}boilerplate pattern"
        follow_rx = (
            _boilerplate_regex(follow, f"{where} {pattern!r}: its follow") if follow else None
        )
        rule_rx = _boilerplate_regex(pattern, where)
        rules.append(BoilerplateRule(rule_rx, pattern, scope, follow_rx))
    return BoilerplatePatterns(tuple(rules), lex.versions)


def _boilerplate_regex(pattern: str, what: str = "boilerplate pattern") -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{what} {pattern!r} is not a regex: {exc}") from exc


def remove_boilerplate(
    text: str, patterns: BoilerplatePatterns, *, markdown: bool = False
) -> tuple[str, list[tuple[int, str, str]]]:
    """Blank the lines, paragraphs and sections the rules match (``boilerplate.tsv`` describes
    their scopes): (kept text, [(line_no, line, pattern)]). With ``markdown``, a ``#`` heading
    line matches by its text without the marks and is a paragraph of its own, and a link by its
    text ("[Read more](https://...)" as "Read more"). So is a wiki's section heading or a post's
    header (:func:`pipeline.page_lines.is_own_line`), which the kept text sets apart with blank
    lines; the "post" rules apply after a text's first post header.
    The "rows" rules see a line's TABs (an infobox's "Label<TAB>value"); the others see them as
    spaces."""
    lines = text.split("\n")
    tabbed = [line.strip() for line in lines]  # only the "rows" rules see a table's TABs
    keys = [key.replace("\t", " ") for key in tabbed]
    own = {i for i, key in enumerate(keys) if markdown and markdown_heading(key) is not None}
    keys = [markdown_heading(key) or key if i in own else key for i, key in enumerate(keys)]
    if markdown:  # a link matches by its text: "[Read more](https://...)" is "Read more"
        keys = [plain_inline(key) if "](" in key else key for key in keys]
    apart = {i for i, key in enumerate(keys) if is_own_line(key)}  # "Background[edit]"
    own |= apart
    blocks: list[list[int]] = []  # line indices of each paragraph
    for i, key in enumerate(keys):
        if key and blocks and blocks[-1][-1] == i - 1 and i not in own and i - 1 not in own:
            blocks[-1].append(i)
        elif key:
            blocks.append([i])
    rules, quick = patterns.by_scope, patterns.quick
    hits: dict[int, str] = {}  # line index -> the pattern that removes it
    for i, key in enumerate(keys):
        _mark(hits, [i], _first_match(rules["line"], key, quick["line"]))
    first_post = next((i for i in sorted(apart) if is_post_header(keys[i])), len(keys))
    for i in range(first_post + 1, len(keys)):  # engagement counts "14 212 903 88K"
        _mark(hits, [i], _first_match(rules["post"], keys[i], quick["post"]))
    sections = _Sections(keys, blocks)
    covered = -1  # the last block a heading's section marked: all blocks up to it are marked
    noted = -1  # the last block of a note's indented continuation paragraphs
    for k, block in enumerate(blocks):
        joined = _block_text(keys, block)
        _mark(hits, block, _first_match(rules["paragraph"], joined, quick["paragraph"]))
        contact = None  # a contact label's rule, up to the next long line of its paragraph
        for i in block:
            label = _first_match(rules["label"], keys[i], quick["label"])
            contact = label or (contact if len(keys[i].split()) <= MAX_CONTACT_WORDS else None)
            _mark(hits, [i], contact)
        for i, rule in _table_rows(tabbed, block, rules["rows"], quick["rows"]):
            _mark(hits, [i], rule)
        if k > noted and (note := _note_lines(keys, blocks, k, lines, rules, quick)):
            note_rule, note_lines, noted = note
            _mark(hits, note_lines, note_rule)
        rule, n = sections.find(k, rules["heading"], quick["heading"])
        if rule is not None:  # the heading and its n paragraphs, less those marked already
            _mark(hits, [i for b in blocks[max(k, covered + 1) : k + n + 1] for i in b], rule)
            covered = max(covered, k + n)
    _remove_closing(keys, blocks, hits, patterns, sections)
    if markdown:
        _mark(hits, _code_block_lines(tabbed), CODE_BLOCK_RULE)
    removed = [(i + 1, keys[i], hits[i]) for i in sorted(hits)]
    kept = [
        "" if i in hits else f"\n{line}\n" if i in apart else line for i, line in enumerate(lines)
    ]
    return BLANK_RUN_RE.sub("\n\n", "\n".join(kept)).strip("\n"), removed


# A Markdown code block between fences (``` or ~~~, up to three spaces in): code, no prose (a
# robustness probe's "print('hello') x = 1" was a sentence, its 1 a figure); an unclosed fence
# runs to the end of the text, as in CommonMark
CODE_FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})")
CODE_BLOCK_RULE = BoilerplateRule(
    source="Markdown code block (between ``` or ~~~ fences)", regex=CODE_FENCE_RE
)


def _code_block_lines(lines: Sequence[str]) -> list[int]:
    """The indices of the lines of Markdown code blocks, fences included (not their blank
    lines, which hold nothing to remove)."""
    out: list[int] = []
    fence = ""
    for i, line in enumerate(lines):
        m = CODE_FENCE_RE.match(line)
        if fence:
            if line:
                out.append(i)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = ""
        elif m and (m.group(1)[0] == "~" or "`" not in line[m.end() :]):
            fence = m.group(1)
            out.append(i)
    return out


def _note_lines(
    keys: Sequence[str],
    blocks: Sequence[Sequence[int]],
    k: int,
    lines: Sequence[str],
    rules: Mapping[str, Sequence[BoilerplateRule]],
    quick: Mapping[str, re.Pattern[str] | None],
) -> tuple[BoilerplateRule, list[int], int] | None:
    """A "note" rule's lines in paragraph ``k`` and after it: (rule, line indices, the last
    paragraph they reach). From the first matching line, the rest of its paragraph (a Markdown
    footnote's definition goes on over its lazy continuation lines) and the paragraphs after it
    whose lines are all indented by four spaces or a tab (the note's further paragraphs)."""
    block = blocks[k]
    first = next(
        ((n, r) for n, i in enumerate(block) if (r := _first_match(rules["note"], keys[i],
                                                                   quick["note"]))),
        None,
    )  # fmt: skip
    if first is None:
        return None
    n, rule = first
    out, last = list(block[n:]), k
    while last + 1 < len(blocks) and all(
        lines[i].startswith(("    ", "\t")) for i in blocks[last + 1]
    ):
        last += 1
        out += blocks[last]
    return rule, out, last


def _table_rows(
    tabbed: Sequence[str],
    block: Sequence[int],
    rules: Sequence[BoilerplateRule],
    quick: re.Pattern[str] | None,
) -> list[tuple[int, BoilerplateRule]]:
    """The lines of a paragraph that its "rows" rules remove, with the rule: each matching line
    (seen with its TABs) and the short heading-like lines without a TAB after it, when at least
    MIN_TABLE_ROWS lines match and they are most of the paragraph's lines with a TAB (an
    infobox; not a transcript's "Speaker<TAB>turn" lines or a table of numbers). Nor when two
    labels or more come back (HOST, GUEST, HOST, GUEST): those are speakers taking turns, however
    short the turns ("Good morning"), where an infobox names each field once."""
    tab_lines = [i for i in block if "\t" in tabbed[i]]
    if len(tab_lines) < MIN_TABLE_ROWS or quick is None:
        return []
    if len(_returning_labels([tabbed[i].split("\t", 1)[0] for i in tab_lines])) >= MIN_SPEAKERS:
        return []
    matched = {i: r for i in tab_lines if (r := _first_match(rules, tabbed[i], quick))}
    if len(matched) < MIN_TABLE_ROWS or 2 * len(matched) <= len(tab_lines):
        return []
    out: list[tuple[int, BoilerplateRule]] = []
    rule = None
    for i in block:
        after = "\t" not in tabbed[i] and len(tabbed[i].split()) <= MAX_CONTACT_WORDS
        rule = matched.get(i) or (rule if after and is_heading_line(tabbed[i]) else None)
        if rule is not None:
            out.append((i, rule))
    return out


def _returning_labels(labels: Sequence[str]) -> set[str]:
    """The labels that come back after a different one (HOST, GUEST, HOST: HOST); a field
    listed on lines in a row (Member, Member, Observer, Observer) comes back after none."""
    seen: set[str] = set()
    out = set()
    for previous, label in zip([None, *labels], labels):
        if label != previous and label in seen:
            out.add(label)
        seen.add(label)
    return out


def _block_text(keys: Sequence[str], block: Sequence[int]) -> str:
    return " ".join(keys[i] for i in block)


def _first_match(
    rules: Sequence[BoilerplateRule], text: str, quick: re.Pattern[str] | None = None
) -> BoilerplateRule | None:
    """The first rule matching the whole text, or the text without the emphasis marks around
    it (``**FOR IMMEDIATE RELEASE**``, ``*Jane Doe is a fellow at ...*``); ``quick``: all the
    rules as one regex (BoilerplatePatterns.quick), tried first."""
    if not text:
        return None
    emphasis = _EMPHASIS_RE.fullmatch(text)
    variants = (text, emphasis.group(2)) if emphasis else (text,)
    if quick is not None and not any(map(quick.fullmatch, variants)):
        return None
    return next((r for r in rules if any(map(r.regex.fullmatch, variants))), None)


def _mark(hits: dict[int, str], lines: Sequence[int], rule: BoilerplateRule | None) -> None:
    if rule:
        for i in lines:
            hits.setdefault(i, rule.source)


class _Sections:
    """The sections under the headings of one text's paragraphs (``blocks``): each paragraph is
    searched for a rule's follow at most once, so a text of many headings stays linear."""

    def __init__(self, keys: Sequence[str], blocks: Sequence[Sequence[int]]) -> None:
        self.keys, self.blocks = keys, blocks
        self._runs: dict[int, list[int]] = {}  # id(rule) -> per block, its follow run (-1: not yet)

    def find(
        self, k: int, rules: Sequence[BoilerplateRule], quick: re.Pattern[str] | None = None
    ) -> tuple[BoilerplateRule | None, int]:
        """The first rule taking paragraph ``k``, one line, for the heading of a section, and the
        number of paragraphs of its section after it: those in which the rule's follow is found,
        or the next one when it has none (unless that is a heading too); (None, 0) when none
        does. ``quick``: all the rules as one regex, tried first."""
        keys, blocks = self.keys, self.blocks
        if len(blocks[k]) != 1 or not _first_match(rules, keys[blocks[k][0]], quick):
            return None, 0
        for rule in rules:
            if not _first_match([rule], keys[blocks[k][0]]):
                continue
            if rule.follow is None:  # the one next paragraph, unless it is a heading too
                after = blocks[k + 1] if k + 1 < len(blocks) else None
                heading = after is not None and len(after) == 1 and is_heading_line(keys[after[0]])
                n = int(after is not None and not heading)
            else:  # the paragraphs after it in which follow is found
                n = self._run(rule, k + 1)
            if n:
                return rule, n
        return None, 0

    def _run(self, rule: BoilerplateRule, j: int) -> int:
        """How many paragraphs from ``j`` on in a row have ``rule.follow`` in them."""
        follow = rule.follow
        if follow is None:
            raise ValueError(f"boilerplate rule {rule.source!r} has no follow regex")
        runs = self._runs.setdefault(id(rule), [-1] * (len(self.blocks) + 1))
        runs[-1] = 0  # past the last paragraph
        todo = []
        while runs[j] < 0:
            if not follow.search(_block_text(self.keys, self.blocks[j])):
                runs[j] = 0
                break
            todo.append(j)
            j += 1
        for i in reversed(todo):
            runs[i] = runs[i + 1] + 1
        return runs[todo[0]] if todo else runs[j]


def _remove_closing(
    keys: Sequence[str],
    blocks: Sequence[Sequence[int]],
    hits: dict[int, str],
    patterns: BoilerplatePatterns,
    sections: _Sections,
) -> None:
    """Mark the closing sections from the end of the text up: a closing paragraph, or a closing
    heading with the one paragraph after it, that only boilerplate follows (lines a rule
    removes: "More from Opinion", "Related Topics" and its tags) and some text that stays
    precedes. So "About ExxonMobil" and its blurb, before the contacts, "###" or "SOURCE ..."
    of a press release, go; "About the outbreak" in the middle of an article stays, and so
    does a last section that is all of the text."""
    rules, quick = patterns.by_scope, patterns.quick
    kept = [n for n, block in enumerate(blocks) if any(i not in hits for i in block)]
    k = len(blocks) - 1
    while kept and k > kept[0]:
        if all(i in hits for i in blocks[k]):
            k -= 1
            continue
        joined = _block_text(keys, blocks[k])
        rule = _first_match(rules["closing paragraph"], joined, quick["closing paragraph"])
        start = k
        if rule is None:
            rule, n = sections.find(k - 1, rules["closing heading"], quick["closing heading"])
            rule, start = (rule, k - 1) if n else (None, k)
        if rule is None or start <= kept[0]:  # nothing before it would stay
            return
        _mark(hits, [i for block in blocks[start : k + 1] for i in block], rule)
        k = start - 1
