"""Compile lexicon patterns (one per entry) into one regex; find leftmost-longest matches.

Pattern syntax: see :mod:`pipeline.pattern_syntax` (stable API, shared by stance and frames).

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

from pipeline.pattern_syntax import _pattern_parts, pattern_regex

__all__ = ["LexiconMatcher", "PatternMatch", "compile_patterns"]


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """One match: ``text[start:end]`` matched entry number ``entry`` (index into the patterns)."""

    start: int
    end: int
    entry: int


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
