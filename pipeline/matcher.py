"""Compile lexicon patterns (one per entry) into one regex; find leftmost-longest matches.

Pattern syntax: see :mod:`pipeline.pattern_syntax` (stable API, shared by stance and frames).

:class:`LexiconMatcher` matches like ONE alternation of the patterns, ordered longest first (more
tokens first, then longer pattern text, then entry order), scanning left to right without
overlaps. ``find(..., accept=f)`` lets a caller veto a match by context; the matcher then tries
the entry's other spans at the same position (another ``<skip:N>`` length or optional words left
out: shortest first), then the remaining entries there in the same order, before moving on, as a
backtracking alternation with the veto inside it would.

It does not run that alternation (``re`` would try every entry at every position). One regex
finds the word starts where an entry's leading word occurs (its longest form there, through a
trie); only the entries that can start with that word are tried there, each with its own regex,
compiled on first use. Entries of unknown first character ("wild", ``<name> said``) have their
own search; where it finds one, they take their place among the entries tried there.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pipeline.matcher_words import WORD_START_RE, StartWords, WordFilter
from pipeline.pattern_syntax import (
    GAP_RE,
    SKIP_RE,
    first_chars,
    leading_prefixes,
    max_gaps,
    pattern_parts,
    pattern_regex,
)

__all__ = ["LexiconMatcher", "PatternMatch", "compile_patterns"]


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """One match: ``text[start:end]`` matched entry number ``entry`` (index into the patterns)."""

    start: int
    end: int
    entry: int


def _has_other_spans(pattern: str) -> bool:
    """Whether a match of ``pattern`` can have other spans at its start (a skip, optional words)."""
    return any(optional or SKIP_RE.fullmatch(token) for token, optional in pattern_parts(pattern))


def _pattern_sort_key(pattern: str, index: int) -> tuple[int, int, int]:
    """Order for the alternation: more tokens, then longer pattern text, then entry order."""
    n_tokens = len(pattern_parts(pattern))
    return (-n_tokens, -len(pattern), index)


# Characters besides its two cases that an ASCII letter matches under re.IGNORECASE (Kelvin
# sign, long s, dotted and dotless I); a test checks this against the whole of Unicode.
CASE_VARIANTS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _key_head(key: str) -> str:
    """A case-sensitive class of what the key character matches under re.IGNORECASE.

    ``re`` passes over an alternative that starts with a case-sensitive class without entering
    it, so at a word start only the branch of its first character is tried.
    """
    if not key.isalpha():
        return re.escape(key)
    return f"(?-i:[{key}{key.upper()}{CASE_VARIANTS.get(key, '')}])"


def _start_nodes(
    patterns: Sequence[str], rank: dict[int, int], firsts: Sequence[frozenset[str] | None]
) -> tuple[str, dict[str, tuple[int, ...]], StartWords]:
    """Regex (for ``re.IGNORECASE``) of where entries can start, and the entries to try there.

    At a word start the regex matches the longest prefix of any entry
    (:func:`pipeline.pattern_syntax.leading_prefixes`);
    its empty group (``n0``, ``n1``, ...) names a node: the keyed entries that can match there,
    in alternation order (``rank``: entry -> place, inserted in that order) (those with that
    whole word, those with a stem it starts with). A first character with an entry of unknown
    prefix (``<num>``) is one node of all its entries. The same nodes by word
    (:class:`pipeline.matcher_words.StartWords`) find what the regex finds, faster.
    """
    prefixes = {i: leading_prefixes(patterns[i]) for i in rank if firsts[i] is not None}
    char_keys = sorted({c for i, pairs in prefixes.items() if pairs is None for c in firsts[i]})
    by_prefix: dict[tuple[str, bool], set[int]] = defaultdict(set)
    trie: dict[str, dict] = {}  # prefix characters; " " marks a whole word's end, "*" a stem's
    for i, pairs in prefixes.items():
        for prefix, whole in pairs or ():
            if prefix[0] not in char_keys:
                by_prefix[(prefix, whole)].add(i)
                node = trie
                for ch in prefix:
                    node = node.setdefault(ch, {})
                node[" " if whole else "*"] = {}
    nodes: dict[str, tuple[int, ...]] = {}
    words = StartWords()

    def node_group(entries: set[int]) -> str:
        name = f"n{len(nodes)}"
        nodes[name] = tuple(sorted(entries, key=rank.__getitem__))
        return f"(?P<{name}>)"

    def emit(node: dict, prefix: str) -> str:
        """Longer prefixes first, then the whole word here, then the stem here."""
        alts = [ch + emit(node[ch], prefix + ch) for ch in sorted(node) if ch.isalnum()]
        stem_prefixes = [(prefix[:n], False) for n in range(1, len(prefix) + 1)]
        stems = {i for key in stem_prefixes for i in by_prefix.get(key, ())}
        if " " in node:
            alts.append("(?!\\w)" + node_group(by_prefix[(prefix, True)] | stems))
            words.whole[prefix] = f"n{len(nodes) - 1}"
        if "*" in node:
            alts.append(node_group(stems))
            words.stem[prefix] = f"n{len(nodes) - 1}"
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    branches = [
        _key_head(c) + node_group({i for i in prefixes if c in firsts[i]})  # type: ignore[operator]
        for c in char_keys
    ]
    words.first = {c: f"n{k}" for k, c in enumerate(char_keys)}
    branches += [_key_head(c) + emit(trie[c], c) for c in sorted(trie)]
    return "(?<!\\w)(?:" + "|".join(branches) + ")", nodes, words


def _entry_groups(
    sources: Sequence[str], patterns: Sequence[str], order: Sequence[int]
) -> tuple[dict[str, str], str]:
    """Alternations (in ``order``) per first character, and the alternation of the rest.

    Entries whose first character is unknown ("wild") are in every group and in the rest.
    Group names are ``e{entry}_{first character}`` (``e{entry}__`` for the rest). Within a
    group the global longest-first order is kept.
    """
    firsts = {i: first_chars(patterns[i]) for i in order}
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
    """Many lexicon patterns matched as one leftmost-longest alternation (module docstring)."""

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
        # entries with other spans, and the most gaps between words a span of each can hold
        self._variable = {
            i: max_gaps(p) for i, p in enumerate(self.patterns) if _has_other_spans(p)
        }
        # where a word ends (a hyphen and a word go on with it, as in the patterns' last token)
        self._word_end = re.compile(r"\w(?!\w|-\w)" if hyphen_joins_words else r"\w(?!\w)")
        self._compiled: list[re.Pattern[str] | None] = [None] * len(sources)
        firsts = [first_chars(p) for p in self.patterns]
        rank = {i: r for r, i in enumerate(self.order)}
        self._starts_source, self._nodes, self._start_words = _start_nodes(
            self.patterns, rank, firsts
        )
        self._wild_entries = tuple(i for i in self.order if firsts[i] is None)
        # where a wild entry matches too, it takes its place among the node's entries
        self._nodes_and_wild = {
            name: tuple(sorted(node + self._wild_entries, key=rank.__getitem__))
            for name, node in self._nodes.items()
        }
        # the words each keyed entry needs besides its first (pipeline.matcher_words)
        self._filter = WordFilter(self.patterns, self._nodes, unfiltered=self._wild_entries)
        wild = "|".join(f"(?P<e{i}>{sources[i]})" for i in self._wild_entries)
        self._wild = re.compile(wild, re.IGNORECASE) if wild else None

    @functools.cached_property
    def regex(self) -> re.Pattern[str] | None:
        """The whole lexicon as one regex; ``find`` gives what its repeated ``search`` gives."""
        if not self._sources:
            return None
        return re.compile(_dispatch_regex(self._sources, self.patterns, self.order), re.IGNORECASE)

    @functools.cached_property
    def _starts(self) -> re.Pattern[str] | None:
        """Where entries can start (:func:`_start_nodes`), compiled on first use: ``find`` reads
        the same nodes by word (:class:`pipeline.matcher_words.StartWords`)."""
        return re.compile(self._starts_source, re.IGNORECASE) if self._nodes else None

    @property
    def entry_regexes(self) -> tuple[re.Pattern[str], ...]:
        """Each entry's own regex (all of them compiled)."""
        return tuple(map(self._entry_regex, range(len(self._sources))))

    def _entry_regex(self, i: int) -> re.Pattern[str]:
        """Entry ``i``'s regex, compiled on first use (a chunk meets only some entries)."""
        rx = self._compiled[i]
        if rx is None:
            rx = self._compiled[i] = re.compile(self._sources[i], re.IGNORECASE)
        return rx

    def can_start(self, text: str, pos: int) -> bool:
        """Whether an entry may match at ``pos``: a word there starts one (a cheap test before
        :meth:`find`; entries that start with a placeholder may match anywhere)."""
        if self._wild is not None:
            return True
        return self._starts is not None and self._starts.match(text, pos) is not None

    def may_match(self, text: str) -> bool:
        """Whether an entry may match somewhere in ``text``: a word of it starts one (the start
        regex finds it) or an entry starts with a placeholder. False: :meth:`find` finds nothing
        in ``text[start:end]`` for an ``end`` at a word's end (its words are words of ``text``;
        a word cut short by ``end`` may start an entry that the whole word does not)."""
        if self._wild is not None:
            return True
        return self._starts is not None and self._starts.search(text) is not None

    def _search(
        self, text: str, pos: int, end: int, wild: re.Match[str] | None, present: int
    ) -> tuple[re.Match[str], tuple[int, ...], int] | None:
        """What ``self.regex.search(text, pos, end)`` finds, given the next wild match.

        Returns the match, the entries tried at its position in order, and the index of its
        entry among them (the entries after it are the veto's fallbacks). Only the entries
        whose needed words are among the text's (``present``: :class:`WordFilter`) are tried:
        the others cannot match there, nor be a fallback.
        """
        limit = wild.start() if wild is not None else end
        compiled = self._compiled
        if self._nodes:
            # the caches of StartWords.node and WordFilter.entries, read here first: a call
            # per word costs more than the lookup
            names, kept, bits = self._start_words.cache, self._filter.cache, self._filter.node_bits
            # the word starts where self._starts matches, with the node its group names
            for run in WORD_START_RE.finditer(text, pos, end):
                p = run.start()
                if p > limit:
                    break
                word = run.group()
                name = names.get(word)
                if name is None:
                    name = self._start_words.node(word) or ""
                if not name:
                    continue
                # no wild entry matches before the next wild match
                at_wild = p == limit
                entries = kept.get((name, at_wild, present & bits[name]))  # type: ignore[assignment]
                if entries is None:
                    nodes = self._nodes_and_wild if at_wild else self._nodes
                    entries = self._filter.entries(name, at_wild, nodes[name], present)
                for k, i in enumerate(entries):
                    m = (compiled[i] or self._entry_regex(i)).match(text, p, end)
                    if m is not None:
                        return m, entries, k
        if wild is None:
            return None
        # no entry but the wild ones can start here: else a node would have matched
        entry = int(wild.lastgroup[1:])  # type: ignore[index]
        return wild, self._wild_entries, self._wild_entries.index(entry)

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
        a match; the entry's other spans there (shortest first), then the other entries are
        tried at the same position, in alternation order.
        """
        end = len(text) if end is None else end
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"bad span start={start}, end={end} for text of length {len(text)}")
        if not self._sources:
            return []
        out: list[PatternMatch] = []
        pos = start
        present = self._filter.present(text, start, end)
        wild = None
        if self._wild is not None and self._filter.any_may_match(self._wild_entries, present):
            wild = self._wild.search(text, pos, end)
        while pos < end:
            if wild is not None and wild.start() < pos:  # the next wild match is still valid
                wild = self._wild.search(text, pos, end)  # type: ignore[union-attr]
            searched = self._search(text, pos, end, wild, present)
            if searched is None:
                break
            m, entries, k = searched
            first = PatternMatch(m.start(), m.end(), entries[k])
            found: PatternMatch | None = first
            if accept is not None and not accept(first):
                found = self._other_span(text, first, end, accept) or self._fallback(
                    text, m.start(), end, entries[k + 1 :], accept
                )
            if found is None:
                pos = m.start() + 1
                continue
            out.append(found)
            pos = found.end if found.end > found.start else found.start + 1
        return out

    def _fallback(
        self,
        text: str,
        pos: int,
        end: int,
        entries: Sequence[int],
        accept: Callable[[PatternMatch], bool],
    ) -> PatternMatch | None:
        """The first accepted non-empty match at ``pos`` of one of ``entries`` (in order; each
        entry's own match first, then its other spans)."""
        for i in entries:
            m = self._entry_regex(i).match(text, pos, end)
            if m is not None and m.end() > m.start():
                candidate = PatternMatch(m.start(), m.end(), i)
                if accept(candidate):
                    return candidate
                other = self._other_span(text, candidate, end, accept)
                if other is not None:
                    return other
        return None

    def _other_spans(self, text: str, match: PatternMatch, end: int) -> Iterator[PatternMatch]:
        """The entry's other matches at ``match.start`` (``text[:end]``), shortest first.

        Only entries with a skip or optional words have any, with at most ``max_gaps`` gaps
        between words (:mod:`pipeline.pattern_syntax`). A span ends where a word ends (the
        pattern's last token ends a word too); the entry's regex must match all of it
        (``fullmatch`` with ``endpos``: the lookaheads at the span's end then see the end of the
        string, which agrees with the real text there, since no word goes on).
        """
        if match.entry not in self._variable:
            return
        for k, gap in enumerate(GAP_RE.finditer(text, match.start, end)):
            if k == self._variable[match.entry]:  # no span reaches past this gap
                end = gap.start()
                break
        rx = self._entry_regex(match.entry)
        for word in self._word_end.finditer(text, match.start):
            e = word.end()
            if e > end:
                return
            if e != match.end and rx.fullmatch(text, match.start, e) is not None:
                yield PatternMatch(match.start, e, match.entry)

    def _other_span(
        self,
        text: str,
        match: PatternMatch,
        end: int,
        accept: Callable[[PatternMatch], bool],
    ) -> PatternMatch | None:
        """The first accepted other span of a vetoed match's entry (see :meth:`_other_spans`)."""
        return next((m for m in self._other_spans(text, match, end) if accept(m)), None)


def compile_patterns(patterns: Sequence[str], *, hyphen_joins_words: bool = True) -> LexiconMatcher:
    """Compile lexicon patterns into one :class:`LexiconMatcher` (see the module docstring)."""
    return LexiconMatcher(patterns, hyphen_joins_words=hyphen_joins_words)
