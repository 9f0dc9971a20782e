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

from pipeline.pattern_syntax import LEADING_ALNUM_RE, SKIP_RE, pattern_parts

WORD_RUN_RE = re.compile(r"\w+")
WORD_START_RE = re.compile(r"(?<!\w)\w+")  # a word run from its start
# Characters besides its two cases that an ASCII letter matches under re.IGNORECASE (as
# pipeline.matcher.CASE_VARIANTS), mapped to that letter before lower-casing
CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})
MAX_CACHE = 50_000  # filtered nodes or words kept; cleared when full (a bound, not a knob)
_NO_NODE = ""  # a word no entry starts with (cached like a node's name)


def _spellings(token: str) -> list[str] | None:
    """A token's spellings, one per alternative of its first ``{...}`` (None: a placeholder or
    another group after it, whose words this does not read)."""
    token = token.lstrip("=")
    if token.startswith("<"):
        return None
    if not token.startswith("{"):
        return None if "{" in token else [token]
    close = token.index("}")
    rest = token[close + 1 :]
    return None if "{" in rest else [a + rest for a in token[1:close].split(",")]


def _needed_word(spelling: str) -> str | None:
    """The longest whole ASCII word of a spelling (longer words are rarer): each word starts a
    word run, after a space (``\\s+``) or at the match's start (a word start: the matcher tries
    entries there). Whole: nothing that could go on with a word (a letter, a digit, "_", "*" or
    "{") follows it, so the text's word run there is that word. None: no such word."""
    best = None
    for word in spelling.split(" "):
        m = LEADING_ALNUM_RE.match(word)
        after = word[m.end() : m.end() + 1] if m else ""
        whole = m is not None and not (after.isalnum() or after in ("_", "*", "{"))
        if whole and len(m.group()) > len(best or ""):  # type: ignore[union-attr]
            best = m.group().lower()  # type: ignore[union-attr]
    return best


def required_words(pattern: str) -> list[frozenset[str]]:
    """For each required token of a pattern whose every spelling has a needed word
    (:func:`_needed_word`), those words: a match holds one of them as a word run. The last
    required token only when the pattern ends a word (``pattern_regex``'s look-ahead after it;
    else a word could go on after a token that ends the match)."""
    parts = pattern_parts(pattern)
    required = [token for token, optional in parts if not optional]
    last = parts[-1][0]
    if not (last.endswith((">", "}", "*")) or last[-1:].isalnum() or last[-1:] == "_"):
        required.pop()
    out = []
    for token in required:
        spellings = None if SKIP_RE.fullmatch(token) else _spellings(token)
        needed = [_needed_word(s) for s in spellings or ()]
        if spellings and all(needed):
            out.append(frozenset(needed))  # type: ignore[arg-type]
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
