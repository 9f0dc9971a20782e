"""Words that a PDF broke at a line end with a hyphen ("con-\\nfirmed", "eco-\\nnomic") made whole.

A text pasted from a PDF keeps the typesetter's line breaks, and a word hyphenated at a line end
is two tokens ("con", "firmed") in every table. :func:`rejoin_hyphenated` joins each such pair of
lines within a paragraph (never across a blank line) and decides whether the hyphen was the
typesetter's or the word's:

1. a capital after the hyphen ("US-\\nChina", "anti-\\nAmerican"), a first part that is not a
   lower-case or capitalised word ("US-\\n", "COVID-\\n") or that follows another hyphen
   ("state-of-the-\\nart") keep the hyphen: a compound;
   "and", "or", "nor" or "to" after the hyphen ("small-\\nand medium-sized") make it a
   suspended hyphen, kept with a space after it ("small- and medium-sized");
2. the document itself decides next: the word with the hyphen elsewhere in it ("long-term")
   keeps it; the word without it elsewhere ("economic") loses it;
3. then the CMU Pronouncing Dictionary (``lexicons/cmudict_syllables.tsv``, 126,000 words, also
   its 942 hyphenated compounds: "well-known", "so-called", "long-term"): a hyphenated entry
   keeps the hyphen, a one-word entry ("confirmed", "economic") loses it, and so does a word
   that is an entry after a plain English ending is taken off ("-s", "-es", "-ed", "-ing",
   "-ly", "-er(s)", "-ment(s)", "-ness", "-ity", "-ally", also with an "e" put back:
   "tar-\\niffed" -> "tariff", "off-\\nshoring" -> "offshore"), except that a prefix keeps
   its hyphen before a word that starts with the prefix's last vowel ("re-\\nelection",
   "co-\\noperation", "pre-\\nexisting"), "re-\\nsign" stays "re-sign" and "cross-" stays
   before a word ("cross-border"; not "crossroads", "crossword", "crossover"). The shipped
   ``english_common.txt`` lists only some 70 function words, so it cannot tell words from
   halves of words; the CMU list can, and is loaded only when a text has a line-end hyphen;
4. anything else keeps the hyphen ("self-\\nreported" -> "self-reported"): a made-up compound
   is likelier than a word that no dictionary knows.
"""

from __future__ import annotations

import re

from pipeline.syllable_table import read_syllable_table

# a word, a hyphen at the line's end, and a word at the next line's start (after any indent)
# (at a word's start: unanchored, a long run of letters is tried from each of its letters)
LINE_END_HYPHEN_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)([-\u2010])\n[ ]*([^\W\d_]+)")
# a suspended hyphen: "small-\nand medium-sized firms" keeps the hyphen and gets its space back
SUSPENDED_BEFORE = frozenset({"and", "or", "nor", "to"})
# a prefix before a word that starts with the prefix's last vowel: "re-\nelection",
# "co-\noperation", "pre-\nexisting" keep the hyphen
VOWEL_PREFIXES = frozenset(
    "a anti co de extra infra intra macro micro mini multi pre re semi ultra".split()
)
# "re-sign" is not "resign", "re-creation" not "recreation": kept unless the document spells the
# joined word
# "re-sign" (sign again) against "resign"; "resigned", "resigning", "recreation" are far the
# likelier words in news, so only the bare verb keeps the hyphen
RE_HOMOGRAPHS = frozenset({"sign"})
# cross- keeps its hyphen ("cross-border", "cross-party") except in these closed compounds
CROSS_CLOSED = frozenset(
    "roads road word words over overs fire walk walks bow bows hairs wind winds".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
_SUFFIXES = ("ally", "ments", "ment", "ness", "ity", "ing", "ers", "er", "ed", "es", "ly", "s", "d")
# a speaker's label or a list item opening the next line: a line of its own, not a word's end
_OWN_LINE_RE = re.compile(r"[ ]*(?:[A-Z][A-Z.'’-]*\s+){0,3}[A-Z][A-Z.'’-]*:\s")


def rejoin_hyphenated(text: str) -> tuple[str, int, int]:
    """``text`` with each word hyphenated at a line end joined again (see the module's rules):
    (text, words joined without the hyphen, compounds joined with it)."""
    if "-\n" not in text and "\u2010\n" not in text:
        return text, 0, 0
    known: set[str] | None = None  # the document's own words, lower case, built when needed
    counts = [0, 0]

    def joined(m: re.Match[str]) -> str:
        nonlocal known
        left, hyphen, right = m.groups()
        if _OWN_LINE_RE.match(text, m.end(2) + 1):
            return m.group()
        if right.lower() in SUSPENDED_BEFORE:  # "small-\nand medium-sized"
            counts[1] += 1
            return f"{left}{hyphen} {right}"
        if known is None:
            known = {w.lower().replace("\u2010", "-") for w in _WORD_RE.findall(text)}
        chained = text[m.start() - 1 : m.start()] in ("-", "\u2010")  # "state-of-the-\nart"
        keep = chained or not _drops_hyphen(left, right, known)
        counts[keep] += 1
        return left + (hyphen if keep else "") + right

    out = LINE_END_HYPHEN_RE.sub(joined, text)
    return out, counts[0], counts[1]


def _drops_hyphen(left: str, right: str, known: set[str]) -> bool:
    """Whether ``left``-``right`` broken at a line end is one word (rules 1 to 4)."""
    if not right.islower() or not (left.islower() or left[1:].islower()):
        return False  # "US-\nChina", "anti-\nAmerican", "X-\nray", "COVID-\n"
    lower = left.lower()
    compound, word = f"{lower}-{right}", lower + right
    if compound in known:
        return False
    if word in known:
        return True
    words = read_syllable_table()
    if compound in words or _prefix_keeps_hyphen(lower, right, words):
        return False
    return word in words or any(
        stem in words
        for suffix in _SUFFIXES
        if word.endswith(suffix) and len(word) - len(suffix) >= 4
        for stem in (word[: -len(suffix)], word[: -len(suffix)] + "e")
    )


def _prefix_keeps_hyphen(left: str, right: str, words: dict[str, object]) -> bool:
    """Whether the prefix ``left`` keeps its hyphen before ``right`` (rule 3a): a doubled vowel
    ("re-election", "co-operation"), "re-sign", or cross- before a word ("cross-border")."""
    if left == "cross":
        return len(right) >= 4 and right not in CROSS_CLOSED and right in words
    if left == "re" and right in RE_HOMOGRAPHS:
        return True
    return left in VOWEL_PREFIXES and right[0] == left[-1] and len(right) >= 4 and right in words
