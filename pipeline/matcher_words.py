"""A cheap pre-test for :class:`pipeline.matcher.LexiconMatcher`: the words an entry cannot match
without, so that the entries of a word start whose other words are not in the text are not tried.

Where a pattern's first word occurs, the matcher tries every entry that can start with it, each
with its own regex: 18 of them at every "the". Most need a word the sentence lacks ("a survey by
the ministry found": "survey", "by", "found"). A required token after the first is matched after
white space (``\\s+`` in :func:`pipeline.pattern_syntax.pattern_regex`), so it starts a run of word
characters; when each of its spellings starts with a whole word (``{found,finds}``, ``has
noted``, ``well-known``: not the stem of ``argu*`` or ``suggest{,s,ed}``), that run is that word.
So an entry can match in ``text[start:end]`` only if, for each such token, one of its words is one
of the text's word runs there (:func:`text_words`). A necessary condition only: the entries that
pass are matched as before, in the same order, so the matches are the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.pattern_syntax import SKIP_RE, _pattern_parts, _token_prefixes

WORD_RUN_RE = re.compile(r"\w+")
WORD_START_RE = re.compile(r"(?<!\w)\w+")  # a word run from its start
# Characters besides its two cases that an ASCII letter matches under re.IGNORECASE (as
# pipeline.matcher.CASE_VARIANTS), mapped to that letter before lower-casing
CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})
MAX_CACHE = 50_000  # filtered nodes or words kept; cleared when full (a bound, not a knob)
_NO_NODE = ""  # a word no entry starts with (cached like a node's name)


def required_words(pattern: str) -> list[frozenset[str]]:
    """For each required token after a pattern's first required token whose spellings all start
    with a whole ASCII word (module docstring), the lower-case words it can start with."""
    parts = _pattern_parts(pattern)
    first = next(k for k, (_, optional) in enumerate(parts) if not optional)
    out = []
    for token, optional in parts[first + 1 :]:
        if optional or SKIP_RE.fullmatch(token):
            continue
        prefixes = _token_prefixes(token)
        if prefixes and all(whole for _, whole in prefixes):
            out.append(frozenset(prefix for prefix, _ in prefixes))
    return out


def text_words(text: str, start: int, end: int) -> set[str]:
    """The word runs (``\\w+``) of ``text[start:end]``, lower-cased as re.IGNORECASE reads ASCII
    letters (the Kelvin sign is a "k", a long s an "s", a dotted or dotless I an "i")."""
    piece = text[start:end]
    if piece.isascii():
        return set(WORD_RUN_RE.findall(piece.lower()))
    return {w.translate(CASE_FOLD).lower() for w in WORD_RUN_RE.findall(piece)}


class WordFilter:
    """The entries of a node that may match in a text, given the words the text holds: each entry's
    :func:`required_words` tokens are bits; an entry is kept when a word of each is present."""

    def __init__(
        self,
        patterns: Sequence[str],
        nodes: dict[str, tuple[int, ...]],
        unfiltered: Sequence[int] = (),
    ) -> None:
        """``unfiltered``: entries a node keeps (the wild ones, whose own search found them);
        :meth:`any_may_match` tells whether that search can find any of them."""
        self.index: dict[str, int] = {}  # word -> the bits of the tokens it may be
        self.needs: dict[int, int] = {}  # entry -> the bits of its tokens (0: unfiltered)
        self.own_needs: dict[int, int] = {}  # entry -> the bits of its tokens
        bit = 1
        for i, pattern in enumerate(patterns):
            mask = 0
            for words in required_words(pattern):
                for word in words:
                    self.index[word] = self.index.get(word, 0) | bit
                mask |= bit
                bit <<= 1
            self.own_needs[i] = mask
            self.needs[i] = 0 if i in unfiltered else mask
        # the bits a node's entries need
        self.node_bits = {name: self._bits(entries) for name, entries in nodes.items()}
        # (node, wild, its bits present) -> its entries kept (read by the matcher)
        self.cache: dict[tuple[str, bool, int], tuple[int, ...]] = {}

    def _bits(self, entries: Sequence[int]) -> int:
        """The union of the bits ``entries`` need."""
        mask = 0
        for i in entries:
            mask |= self.needs[i]
        return mask

    def present(self, text: str, start: int, end: int) -> int:
        """The bits of the tokens whose words ``text[start:end]`` holds."""
        index, mask = self.index, 0
        for word in text_words(text, start, end):
            mask |= index.get(word, 0)
        return mask

    def any_may_match(self, entries: Sequence[int], present: int) -> bool:
        """Whether a text whose words give the bits ``present`` holds all the words one of
        ``entries`` needs (else none of them can match there)."""
        needs = self.own_needs
        return any(needs[i] & present == needs[i] for i in entries)

    def entries(
        self, name: str, wild: bool, entries: tuple[int, ...], present: int
    ) -> tuple[int, ...]:
        """``entries`` (node ``name``'s, with the wild entries when ``wild``) that may match
        where ``present`` are the bits of the text's words, in their order."""
        key = (name, wild, present & self.node_bits[name])
        kept = self.cache.get(key)
        if kept is None:
            if len(self.cache) >= MAX_CACHE:
                self.cache.clear()
            needs = self.needs
            kept = self.cache[key] = tuple(i for i in entries if needs[i] & present == needs[i])
        return kept


def _folded(run: str) -> str:
    """A word run as re.IGNORECASE matches it against lower-case ASCII letters and digits: ASCII
    lower-cased, the four other forms of ASCII letters (CASE_FOLD) mapped to them, any other
    character a NUL, which no pattern's prefix holds (a run keeps its length)."""
    if run.isascii():
        return run.lower()
    return "".join(
        ch.lower()
        if ch.isascii()
        else ch.translate(CASE_FOLD)
        if ch in "\u0130\u0131\u212a\u017f"
        else "\0"
        for ch in run
    )


class StartWords:
    """The node of :func:`pipeline.matcher._start_nodes` that its regex matches at the start of a
    word run: the node of its first character (``first``: entries of unknown prefix), else of
    the whole word (``whole``: the regex's ``(?!\\w)`` after it), else of its longest prefix that
    is a stem (``stem``): the regex tries longer prefixes first, then the whole word, then the
    stem, and only the run's own path through its prefixes can match."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}
        self.whole: dict[str, str] = {}
        self.stem: dict[str, str] = {}
        self.cache: dict[str, str] = {}  # run -> node name, "" for none (read by the matcher)
        self._stem_lengths: tuple[int, ...] | None = None

    def node(self, run: str) -> str | None:
        """The node's name for the word run ``run`` (None: no entry starts there)."""
        name = self.cache.get(run)
        if name is None:
            if len(self.cache) >= MAX_CACHE:
                self.cache.clear()
            name = self.cache[run] = self._node(_folded(run))
        return name or None

    def _node(self, word: str) -> str:
        """:meth:`node` of a folded run, uncached (``_NO_NODE`` for none)."""
        if word[0] in self.first:
            return self.first[word[0]]
        if word in self.whole:
            return self.whole[word]
        if self._stem_lengths is None:
            self._stem_lengths = tuple(sorted({len(p) for p in self.stem}, reverse=True))
        for n in self._stem_lengths:
            if n <= len(word) and word[:n] in self.stem:
                return self.stem[word[:n]]
        return _NO_NODE
