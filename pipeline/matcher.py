"""Compile lexicon patterns (one per entry) into one regex; find leftmost-longest matches.

Pattern syntax for one lexicon entry (stable API, shared by the stance and frame stages):

- Words are separated by spaces; a space matches any run of whitespace (``\\s+``), so
  ``in fact`` also matches ``in\\nfact``.
- Matching is case-insensitive. A token prefixed with ``=`` must match with the case written:
  ``=May`` matches "May" but not "may"; ``=EU`` matches "EU" but not "eu".
- ``*`` at the end of a token matches any word characters: ``argu*`` -> argue, argued, arguing.
- ``{a,b,c}`` inside a token is an alternation, an empty alternative is allowed:
  ``suggest{,s,ed}`` -> suggest, suggests, suggested; ``{argue,argues,argued}``. An
  alternative may hold spaces (flexible whitespace again): ``{has been,was} said``.
- ``[ ... ]`` makes the tokens inside optional: ``it is [widely] believed``.
- Placeholders, each one whole token: ``<any>`` one word, ``<cap>`` one word starting with an
  upper-case letter (case-sensitive even though the pattern is not), ``<name>`` like
  ``<cap>`` but not a capitalised function word ("The", "Our", "While"), ``<num>`` one number
  (``12``, ``1,200``, ``3.5``, ``2019``); ``<skip:N>`` (not first or last) skips 0 to N words
  inside the clause, as few as possible: ``critics <skip:3> argue`` matches "critics argue" and
  "critics of the deal argue" (it does not cross ``. ; : ! ?``).
- ``-`` inside a token matches a hyphen, an en dash or a space (``well-known`` matches
  "well known"); ``'`` matches ``'`` and ``’``. Any other character is literal (``$``, ``%``,
  ``.``).
- Word boundaries: a pattern that starts (ends) with a word character does not match inside a
  word; with ``hyphen_joins_words=True`` (default) a hyphen counts as part of the word, so
  ``clear`` does not match in "clear-cut" and ``called`` does not match in "so-called".

:class:`LexiconMatcher` compiles many patterns into ONE alternation, ordered longest first (more
tokens first, then longer pattern text, then entry order), and scans left to right without
overlaps. ``find(..., accept=f)`` lets a caller veto a match by context; the matcher then tries
the remaining entries at the same position in the same order before moving on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["LexiconMatcher", "PatternMatch", "compile_patterns", "pattern_regex"]

NUMBER_RE = r"\d+(?:[.,]\d+)*"
# Capitalised function words that start sentences but are not names (for ``<name>``).
FUNCTION_WORDS = (
    "A|About|After|All|Also|An|And|Another|Any|As|At|Before|Both|But|By|Each|Every|For|From|He|"
    "Her|His|How|I|If|In|It|Its|Many|More|Most|My|No|Nor|Not|Of|On|One|Or|Other|Our|Several|She|"
    "So|Some|Such|That|The|Their|Then|There|These|They|This|Those|Though|Thus|To|Under|We|What|"
    "When|Where|Whether|Which|While|Who|Why|With|Yet|You|Your"
)
PLACEHOLDERS = {
    "<any>": r"\w+(?:['’\-]\w+)*",
    "<cap>": r"(?-i:[^\W\d_a-z])\w*(?:['’\-]\w+)*",
    "<num>": NUMBER_RE,
    "<name>": rf"(?-i:(?=[^\W\d_a-z])(?!(?:{FUNCTION_WORDS})\b)[^\W\d_a-z])\w*(?:['’\-]\w+)*",
}
SKIP_RE = re.compile(r"<skip:(\d+)>")


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """One match: ``text[start:end]`` matched entry number ``entry`` (index into the patterns)."""

    start: int
    end: int
    entry: int


def _literal_regex(chars: str) -> str:
    """Regex for literal pattern characters (hyphen and apostrophe variants widened)."""
    out = []
    for ch in chars:
        if ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            out.append(r"[\-‐–\s]")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _token_regex(token: str, pattern: str) -> str:
    """Regex for one token of a pattern (see the module docstring)."""
    case_sensitive = token.startswith("=")
    if case_sensitive:
        token = token[1:]
    if not token:
        raise ValueError(f"empty token in pattern {pattern!r}")
    if token in PLACEHOLDERS:
        return PLACEHOLDERS[token]
    parts: list[str] = []
    i = 0
    while i < len(token):
        ch = token[i]
        if ch == "{":
            close = token.find("}", i)
            if close < 0:
                raise ValueError(f"unbalanced '{{' in pattern {pattern!r}")
            alternatives = token[i + 1 : close].split(",")
            alternatives.sort(key=len, reverse=True)  # longest alternative first
            parts.append("(?:" + "|".join(_literal_regex(a) for a in alternatives) + ")")
            i = close + 1
        elif ch == "}":
            raise ValueError(f"unbalanced '}}' in pattern {pattern!r}")
        elif ch == "*":
            if i != len(token) - 1:
                raise ValueError(f"'*' is only allowed at the end of a token in {pattern!r}")
            parts.append(r"\w*")
            i += 1
        else:
            j = i
            while j < len(token) and token[j] not in "{}*":
                j += 1
            parts.append(_literal_regex(token[i:j]))
            i = j
    body = "".join(parts)
    return f"(?-i:{body})" if case_sensitive else body


def _split_pattern(pattern: str) -> list[str]:
    """Split a pattern on spaces outside braces, keeping ``[`` and ``]`` as separate pieces."""
    pieces: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in pattern:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if depth == 0 and (ch.isspace() or ch in "[]"):
            if current:
                pieces.append("".join(current))
                current = []
            if ch in "[]":
                pieces.append(ch)
            continue
        current.append(ch)
    if current:
        pieces.append("".join(current))
    return pieces


def _pattern_parts(pattern: str) -> list[tuple[str, bool]]:
    """Split a pattern into (token, optional) pairs; raise ``ValueError`` on bad brackets."""
    tokens: list[tuple[str, bool]] = []
    optional = False
    for piece in _split_pattern(pattern.strip()):
        if piece == "[":
            if optional:
                raise ValueError(f"nested '[' in pattern {pattern!r}")
            optional = True
        elif piece == "]":
            if not optional:
                raise ValueError(f"unbalanced ']' in pattern {pattern!r}")
            optional = False
        else:
            tokens.append((piece, optional))
    if optional:
        raise ValueError(f"unbalanced '[' in pattern {pattern!r}")
    if not tokens:
        raise ValueError(f"empty pattern {pattern!r}")
    if all(opt for _, opt in tokens):
        raise ValueError(f"pattern {pattern!r} has only optional tokens")
    for k, (token, optional) in enumerate(tokens):
        if SKIP_RE.fullmatch(token) and (optional or k in (0, len(tokens) - 1)):
            raise ValueError(f"<skip:N> must be a required inner token in {pattern!r}")
    return tokens


def pattern_regex(pattern: str, *, hyphen_joins_words: bool = True) -> str:
    """Regex source (to compile with ``re.IGNORECASE``) for one lexicon pattern."""
    parts = _pattern_parts(pattern)
    first_required = next(k for k, (_, optional) in enumerate(parts) if not optional)
    pieces: list[str] = []
    for k, (token, optional) in enumerate(parts):
        skip = SKIP_RE.fullmatch(token)
        if skip:
            pieces.append(rf"(?:[\s,]+[^\s.;:!?]+){{0,{int(skip.group(1))}}}?")
            continue
        rx = _token_regex(token, pattern)
        if k < first_required:  # leading optional token: its whitespace comes after it
            pieces.append(f"(?:{rx}\\s+)?")
        elif k == first_required:
            pieces.append(rx)
        else:
            pieces.append(f"(?:\\s+{rx})?" if optional else f"\\s+{rx}")
    body = "".join(pieces)
    word = r"[\w\-]" if hyphen_joins_words else r"\w"
    first, last = parts[0][0].lstrip("="), parts[-1][0]
    starts_word = first.startswith(("<", "{", "[")) or first[:1].isalnum() or first[:1] == "_"
    ends_word = last.endswith((">", "}", "*")) or last[-1:].isalnum() or last[-1:] == "_"
    lead = f"(?<!{word})" if starts_word else ""
    trail = f"(?!{word})" if ends_word else ""
    if hyphen_joins_words and ends_word:
        trail = r"(?!\w|-\w)"  # a trailing hyphen before a space ("well- and") still ends a word
    return f"{lead}{body}{trail}"


def _pattern_sort_key(pattern: str, index: int) -> tuple[int, int, int]:
    """Order for the alternation: more tokens, then longer pattern text, then entry order."""
    n_tokens = len(_pattern_parts(pattern))
    return (-n_tokens, -len(pattern), index)


def _token_first_chars(token: str) -> frozenset[str] | None:
    """Lower-case ASCII letters or digits a token can start with (None: unknown or any)."""
    token = token.lstrip("=")
    if token == "<num>":
        return frozenset("0123456789")
    if token.startswith("<"):
        return None
    if token.startswith("{"):
        close = token.index("}")
        chars: set[str] = set()
        for alternative in token[1:close].split(","):
            alternative = alternative or token[close + 1 :]
            if not alternative or alternative[0] in "{*":
                return None
            chars.add(alternative[0].lower())
    else:
        chars = {token[0].lower()}
    if all(c.isascii() and c.isalnum() for c in chars):
        return frozenset(chars)
    return None


def _first_chars(pattern: str) -> frozenset[str] | None:
    """Characters a match of ``pattern`` can start with (None: unknown); used for dispatch."""
    chars: set[str] = set()
    for token, optional in _pattern_parts(pattern):
        first = _token_first_chars(token)
        if first is None:
            return None
        chars |= first
        if not optional:
            break
    return frozenset(chars)


_LEADING_ALNUM = re.compile(r"[A-Za-z0-9]+")


def _token_prefixes(token: str) -> frozenset[tuple[str, bool]] | None:
    """(lower-case ASCII prefix, whole word?) pairs a match of the token starts with.

    None when unknown (placeholders, a non-ASCII or symbol start). "Whole word" when nothing
    that could continue a word follows the prefix in the token (``a`` in ``a few``, ``well``
    in ``well-known``), so the prefix must end at a word boundary.
    """
    token = token.lstrip("=")
    if token.startswith("<"):
        return None
    if token.startswith("{"):
        close = token.index("}")
        rest = token[close + 1 :]
        candidates = [alternative + rest for alternative in token[1:close].split(",")]
    else:
        candidates = [token]
    prefixes = set()
    for candidate in candidates:
        m = _LEADING_ALNUM.match(candidate)
        if m is None:
            return None
        after = candidate[m.end() : m.end() + 1]
        whole = after == "" or not (after.isalnum() or after in "_*{")
        prefixes.add((m.group().lower(), whole))
    return frozenset(prefixes)


def _prefixes(pattern: str) -> frozenset[tuple[str, bool]] | None:
    """(prefix, whole word?) pairs a match of ``pattern`` starts with (None: unknown)."""
    out: set[tuple[str, bool]] = set()
    for token, optional in _pattern_parts(pattern):
        prefixes = _token_prefixes(token)
        if prefixes is None:
            return None
        out |= prefixes
        if not optional:
            break
    return frozenset(out)


def _start_regex(patterns: Sequence[str], keys: Sequence[str]) -> str:
    """Where a keyed entry can start: per first character, the tries of its entries' prefixes.

    A key with an entry of unknown prefix (``<num>``) falls back to the character itself.
    Group ``k_{key}`` names the key; positions no prefix matches are skipped at C speed (wild
    entries are found by their own search).
    """
    from pipeline.actors import trie_regex

    by_key: dict[str, set[tuple[str, bool]] | None] = {key: set() for key in keys}
    for pattern in patterns:
        firsts = _first_chars(pattern)
        if firsts is None:
            continue
        prefixes = _prefixes(pattern)
        for key in firsts:
            known = by_key[key]
            if prefixes is None or known is None:
                by_key[key] = None
            else:
                known.update(p for p in prefixes if p[0][0] == key)
    branches = []
    for key, prefixes in by_key.items():
        if not prefixes:
            body = _key_class(key)
        else:
            words = sorted(p for p, whole in prefixes if whole)
            stems = sorted(p for p, whole in prefixes if not whole)
            alts = [f"{trie_regex(words)}(?!\\w)"] if words else []
            alts += [trie_regex(stems)] if stems else []
            body = "|".join(alts)
        branches.append(f"(?P<k_{key}>{body})")
    return "(?<!\\w)(?:" + "|".join(branches) + ")"


def _entry_groups(
    sources: Sequence[str], patterns: Sequence[str], order: Sequence[int]
) -> tuple[dict[str, str], str]:
    """Alternations (in ``order``) per first character, and the alternation of the rest.

    Entries whose first character is unknown ("wild") are in every group and in the rest.
    Group names are ``e{entry}_{first character}`` (``e{entry}__`` for the rest). Within a
    group the global longest-first order is kept.
    """
    firsts = {i: _first_chars(patterns[i]) for i in order}
    keys = sorted({c for f in firsts.values() if f for c in f})
    groups = {
        key: "|".join(
            f"(?P<e{i}_{key}>{sources[i]})" for i in order if firsts[i] is None or key in firsts[i]
        )
        for key in keys
    }
    wild = "|".join(f"(?P<e{i}__>{sources[i]})" for i in order if firsts[i] is None)
    return groups, wild


def _key_class(key: str) -> str:
    return f"[{key}{key.upper()}]" if key.isalpha() else key


def _dispatch_regex(sources: Sequence[str], patterns: Sequence[str], order: Sequence[int]) -> str:
    """The whole lexicon as ONE alternation (the reference :meth:`LexiconMatcher.find` equals).

    Keyed entries start with a letter or digit after a non-word character: one cheap guard,
    then a lookahead per first character.
    """
    groups, wild = _entry_groups(sources, patterns, order)
    branches = [f"(?={_key_class(key)})(?:{alts})" for key, alts in groups.items()]
    keyed = f"(?<!\\w)(?:{'|'.join(branches)})" if branches else ""
    return "|".join(x for x in (keyed, wild) if x)


class LexiconMatcher:
    """Many lexicon patterns compiled into one leftmost-longest alternation regex."""

    def __init__(self, patterns: Sequence[str], *, hyphen_joins_words: bool = True) -> None:
        if isinstance(patterns, str):
            raise ValueError("patterns must be a sequence of pattern strings, not one string")
        self.patterns: tuple[str, ...] = tuple(patterns)
        sources: list[str] = []
        for i, pattern in enumerate(self.patterns):
            try:
                sources.append(pattern_regex(pattern, hyphen_joins_words=hyphen_joins_words))
            except ValueError as err:
                raise ValueError(f"lexicon entry {i}: {err}") from None
        self.order: tuple[int, ...] = tuple(
            sorted(range(len(sources)), key=lambda i: _pattern_sort_key(self.patterns[i], i))
        )
        self._sources = tuple(sources)
        groups, wild = _entry_groups(sources, self.patterns, self.order)
        # Dispatch in Python: a scan for word starts (C speed), then only the entries that can
        # start with that character; Python's re would try every alternative at every position.
        self._groups = {f"k_{key}": re.compile(alts, re.IGNORECASE) for key, alts in groups.items()}
        self._starts = (
            re.compile(_start_regex(self.patterns, list(groups)), re.IGNORECASE) if groups else None
        )
        self._wild = re.compile(wild, re.IGNORECASE) if wild else None

    @functools.cached_property
    def regex(self) -> re.Pattern[str] | None:
        """The whole lexicon as one regex; ``find`` gives what its repeated ``search`` gives."""
        if not self._sources:
            return None
        return re.compile(_dispatch_regex(self._sources, self.patterns, self.order), re.IGNORECASE)

    @functools.cached_property
    def entry_regexes(self) -> tuple[re.Pattern[str], ...]:
        """Each entry's own regex, compiled on first use (only vetoed matches need them)."""
        return tuple(re.compile(s, re.IGNORECASE) for s in self._sources)

    def _search(
        self, text: str, pos: int, end: int, wild: re.Match[str] | None
    ) -> re.Match[str] | None:
        """The match ``self.regex.search(text, pos, end)`` finds, given the next wild match."""
        limit = wild.start() if wild is not None else end
        if self._starts is not None:
            for start in self._starts.finditer(text, pos, end):
                p = start.start()
                if p > limit:
                    break
                m = self._groups[start.lastgroup].match(text, p, end)  # type: ignore[index]
                if m is not None:
                    return m
        return wild

    def find(
        self,
        text: str,
        *,
        start: int = 0,
        end: int | None = None,
        accept: Callable[[PatternMatch], bool] | None = None,
    ) -> list[PatternMatch]:
        """Non-overlapping leftmost-longest matches in ``text[start:end]`` (offsets into text).

        Characters outside ``[start, end)`` still count for word boundaries. ``accept`` may veto
        a match; the other entries are then tried at the same position, in alternation order.
        """
        end = len(text) if end is None else end
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"bad span start={start}, end={end} for text of length {len(text)}")
        if not self._sources:
            return []
        out: list[PatternMatch] = []
        pos = start
        wild = self._wild.search(text, pos, end) if self._wild is not None else None
        while pos < end:
            if wild is not None and wild.start() < pos:  # the next wild match is still valid
                wild = self._wild.search(text, pos, end)  # type: ignore[union-attr]
            m = self._search(text, pos, end, wild)
            if m is None:
                break
            entry = int(m.lastgroup[1:].partition("_")[0])  # type: ignore[index]
            found = PatternMatch(m.start(), m.end(), entry)
            if accept is not None and not accept(found):
                found = self._fallback(text, found, end, accept)
            if found is None:
                pos = m.start() + 1
                continue
            out.append(found)
            pos = found.end if found.end > found.start else found.start + 1
        return out

    def _fallback(
        self,
        text: str,
        rejected: PatternMatch,
        end: int,
        accept: Callable[[PatternMatch], bool],
    ) -> PatternMatch | None:
        """The first accepted match of another entry at the rejected match's position."""
        after = self.order.index(rejected.entry) + 1
        for i in self.order[after:]:
            m = self.entry_regexes[i].match(text, rejected.start, end)
            if m is not None and m.end() > m.start():
                candidate = PatternMatch(m.start(), m.end(), i)
                if accept(candidate):
                    return candidate
        return None


def compile_patterns(patterns: Sequence[str], *, hyphen_joins_words: bool = True) -> LexiconMatcher:
    """Compile lexicon patterns into one :class:`LexiconMatcher` (see the module docstring)."""
    return LexiconMatcher(patterns, hyphen_joins_words=hyphen_joins_words)
