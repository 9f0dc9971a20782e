"""Actors (countries, blocs, firms): where body sentences mention them and how those score."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.citations import is_reporter
from pipeline.types import SegmentedDocument

# Short all-caps aliases ("US", "EU", "UN", "UK", "ZTE") match case-sensitively, so the
# pronoun "us" is never the United States; longer aliases match in any case.
MAX_CASE_SENSITIVE_LETTERS = 4

# A dateline says where the reporter is ("LONDON, Jan 9 (Reuters) -", "BEIJING (AP) —"): an
# alias in capitals that starts the sentence and is followed by a comma, bracket or dash.
DATELINE_AFTER_RE = re.compile(r"\s*[,(\-–—]")
# An alias that starts the name of something else ("London School of Economics", "Washington
# Post", "Beijing Review", "American Academy of Pediatrics"), also with up to two capitalised
# words before the name's last word ("Australian National University", "Chinese Academy of
# Sciences", "Australian Strategic Policy Institute"), is not the place as an actor.
OTHER_NAME_AFTER_RE = re.compile(
    r"(?:\s+[A-Z][\w'’&.-]*){0,2}?"
    r"\s+(?:School|University|College|Institute|Post|Times|Review|Journal|Airport|Airlines"
    r"|Marathon|Zoo|Academy|Association|Society|Foundation|Express|Medical|Bar|Museum|Library"
    r"|Hospital|Heart|Cancer|Civil|Petroleum|Chamber)\b(?!-)"  # "China Post-Pandemic Recovery"
)
# A currency names no country: a "$" glued to the alias ("US$9 million", "U.S.$5"; never after a
# space: "hands China $2 trillion", "the EU $50 billion" are mentions), or "dollars" after an
# alias that names a dollar ("167 million U.S. dollars", "Australian dollars"; not "lent the EU
# dollars"): an initialism of the US, a demonym in -ian/-can/-ean or a place with a dollar
DOLLARS_AFTER_RE = re.compile(r"\s+dollars?\b", re.IGNORECASE)
DOLLAR_ALIAS_RE = re.compile(
    r"U\.?S\.?A?|NZ|(?i:\w+(?:ian|can|ean)|hong\s+kong|singapore|taiwan|new\s+zealand)"
)
# The place of a foreign mission is the mission's country's address, not an actor: "the Velorian
# Embassy in Washington", "its consulate in Sydney"
MISSION_BEFORE_RE = re.compile(
    r"\b(?:embass(?:y|ies)|consulates?(?:[-\s]general)?|high\s+commission|legation"
    r"|ambassadors?)\s+in\s+$",
    re.IGNORECASE,
)
# A language's label before a name in its script: "(Chinese: 中国)", "(Russian: Россия)"
LANGUAGE_LABEL_BEFORE = ("(", "; ")
LANGUAGE_LABEL_AFTER_RE = re.compile(r":\s*[^\x00-\x7f]")
# "BEIJING/WASHINGTON, Jan 9 (Reuters) -": the places of a dateline before the one matched
_PLACE = r"[A-Z][A-Z.'’]*(?: [A-Z][A-Z.'’]*)*"  # "BEIJING", "NEW YORK", "ST. LOUIS"
DATELINE_BEFORE_RE = re.compile(rf"\s*(?:{_PLACE}/)*")
DATELINE_MORE_RE = re.compile(rf"(?:/{_PLACE})*")  # the places after the one matched

# Defaults for the bundled corpus: every country, bloc or firm the two texts name as an actor.
DEFAULT_ACTORS: tuple[dict[str, Any], ...] = (
    {"name": "China", "aliases": ["China", "Chinese", "Beijing", "PRC"]},
    {
        "name": "United States",
        "aliases": ["United States", "U.S.", "US", "USA", "Washington", "American", "Americans"],
    },
    {"name": "EU", "aliases": ["EU", "European Union", "Brussels"]},
    {"name": "UN", "aliases": ["UN", "United Nations"]},
    {"name": "Huawei", "aliases": ["Huawei", "Ken Hu"]},
    {"name": "ZTE", "aliases": ["ZTE"]},
    {"name": "Hikvision", "aliases": ["Hikvision"]},
    {"name": "SenseTime", "aliases": ["SenseTime"]},
    {"name": "Australia", "aliases": ["Australia", "Australian", "Canberra"]},
    {
        "name": "United Kingdom",
        "aliases": ["United Kingdom", "UK", "U.K.", "Britain", "British", "London"],
    },
    {"name": "Canada", "aliases": ["Canada", "Canadian", "Ottawa"]},
    {"name": "Japan", "aliases": ["Japan", "Japanese", "Tokyo"]},
    {"name": "Sweden", "aliases": ["Sweden", "Swedish", "Stockholm"]},
    {"name": "Kenya", "aliases": ["Kenya", "Kenyan", "Nairobi"]},
    {"name": "Lithuania", "aliases": ["Lithuania", "Lithuanian", "Vilnius"]},
    {"name": "Ethiopia", "aliases": ["Ethiopia", "Ethiopian", "Addis Ababa"]},
)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor and the surface forms (aliases) that count as a mention of it."""

    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """One alias match; ``start``/``end`` are offsets into the text given (plus offset)."""

    actor: str
    start: int
    end: int
    match: str


def actors_from_config(entries: Iterable[Mapping[str, Any] | Actor]) -> tuple[Actor, ...]:
    """Validated actors from config entries ``{name, aliases}``; the name itself is not an alias."""
    actors: list[Actor] = []
    seen_names: set[str] = set()
    owner: dict[str, str] = {}
    for entry in entries:
        if isinstance(entry, Actor):
            name, aliases = entry.name, entry.aliases
        elif isinstance(entry, Mapping):
            unknown = sorted(set(entry) - {"name", "aliases"})
            if unknown:
                raise ValueError(f"actor entry has unknown key(s) {unknown}; use name, aliases")
            name, aliases = entry.get("name"), entry.get("aliases")
        else:
            raise ValueError(f"actor entry must be a mapping with name and aliases, got {entry!r}")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"actor name must be a non-empty string, got {name!r}")
        if isinstance(aliases, str) or not isinstance(aliases, Sequence) or not aliases:
            raise ValueError(f"actor {name!r}: aliases must be a non-empty list of strings")
        if name in seen_names:
            raise ValueError(f"actor {name!r} is listed twice")
        seen_names.add(name)
        clean: list[str] = []
        for alias in aliases:
            if not isinstance(alias, str) or not alias.strip() or alias != alias.strip():
                raise ValueError(f"actor {name!r}: bad alias {alias!r} (non-empty, no edge spaces)")
            key = alias_key(alias)
            if key in owner:
                raise ValueError(f"alias {alias!r} of {name!r} already belongs to {owner[key]!r}")
            owner[key] = name
            clean.append(alias)
        actors.append(Actor(name=name, aliases=tuple(clean)))
    return tuple(actors)


def is_case_sensitive_alias(alias: str) -> bool:
    """True for short all-caps aliases ("US", "EU", "U.S."), which must match exactly."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= MAX_CASE_SENSITIVE_LETTERS and alias == alias.upper()


def alias_key(alias: str) -> str:
    """The identity of an alias: exact text if case-sensitive, else lower-cased; single spaces."""
    alias = " ".join(alias.split())
    return alias if is_case_sensitive_alias(alias) else alias.lower()


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes (one space = ``\\s+``).

    Factoring lets the regex engine reject most positions on the first character, which makes
    one pass over a sentence several times faster than a flat alternation of aliases.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in sorted(node) if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def compile_actor_pattern(actors: Sequence[Actor]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over all aliases and the map alias key -> actor name.

    Matches must not touch a word character on either side, so "US" never matches in "USB" or
    "us", while "U.S." matches in "U.S.-led" and "China" in "China’s". Longer aliases win.
    """
    owners = {alias_key(a): actor.name for actor in actors for a in actor.aliases}
    folded = sorted(k for k in owners if not is_case_sensitive_alias(k))
    exact = sorted(k for k in owners if is_case_sensitive_alias(k))
    branches = []
    if folded:
        branches.append(trie_regex(folded))
    if exact:
        branches.append("(?-i:" + trie_regex(exact) + ")")
    if not branches:
        return re.compile(r"(?!x)x"), owners
    pattern = r"(?<!\w)(?:" + "|".join(branches) + r")(?!\w)"
    return re.compile(pattern, re.IGNORECASE), owners


class ActorMatcher:
    """Finds actor mentions in sentences; build once per process."""

    def __init__(self, actors: Iterable[Mapping[str, Any] | Actor]) -> None:
        self.actors = actors_from_config(actors)
        self.names = tuple(a.name for a in self.actors)
        self.pattern, self._owners = compile_actor_pattern(self.actors)

    def actor_of(self, match: str) -> str:
        """The actor a matched alias text belongs to."""
        key = " ".join(match.split())
        owner = self._owners.get(key)
        return owner if owner is not None else self._owners[key.lower()]

    def mentions(self, text: str, *, offset: int = 0) -> list[Mention]:
        """Non-overlapping mentions in ``text`` (one sentence), left to right, datelines,
        aliases that start another name, currencies ("US$9 million", "U.S. dollars"; not
        "hands China $2 trillion"), the
        place of a foreign mission ("Embassy in Washington"), language labels ("(Chinese:
        中国)") and a law reporter's "U.S." ("542 U.S. 656") left out; offsets shifted by
        ``offset``."""
        return [
            Mention(self.actor_of(m.group()), m.start() + offset, m.end() + offset, m.group())
            for m in self.pattern.finditer(text)
            if not OTHER_NAME_AFTER_RE.match(text, m.end())
            and not is_currency(text, m)
            and not is_dateline(text, m)
            and not (m.group()[-1] == "." and is_reporter(text, m.start(), m.end()))
            and not is_mission_place(text, m.start())
            and not is_language_label(text, m)
        ]


def is_currency(text: str, match: re.Match[str]) -> bool:
    """Whether an alias match is part of a currency: "US$9 million", "U.S. dollars"."""
    if text.startswith("$", match.end()):
        return True
    return bool(DOLLARS_AFTER_RE.match(text, match.end())) and bool(
        DOLLAR_ALIAS_RE.fullmatch(match.group())
    )


def is_dateline(text: str, match: re.Match[str]) -> bool:
    """Whether an alias match is the dateline that opens a news report (see DATELINE_AFTER_RE)."""
    word = match.group()
    if not (word.isupper() and len(word) > MAX_CASE_SENSITIVE_LETTERS):
        return False
    if not DATELINE_BEFORE_RE.fullmatch(text, 0, match.start()):
        return False
    rest = DATELINE_MORE_RE.match(text, match.end())
    return DATELINE_AFTER_RE.match(text, rest.end()) is not None


def is_mission_place(text: str, start: int) -> bool:
    """Whether the alias at ``start`` is where a foreign mission sits: "Embassy in Washington"."""
    return text.endswith(" in ", 0, start) and bool(
        MISSION_BEFORE_RE.search(text, max(0, start - 40), start)
    )


def is_language_label(text: str, match: re.Match[str]) -> bool:
    """Whether an alias match labels a language before a name in its script: "(Chinese: 中国)"."""
    return text.endswith(LANGUAGE_LABEL_BEFORE, 0, match.start()) and bool(
        LANGUAGE_LABEL_AFTER_RE.match(text, match.end())
    )


def actor_scores(
    doc: SegmentedDocument, compounds: Sequence[float], matcher: ActorMatcher
) -> dict[str, tuple[list[float], list[tuple[int, Mention]]]]:
    """Per configured actor (in config order): the compound scores of the body sentences that
    mention it (a sentence naming it twice counts once) and its (sent_id, mention) pairs."""
    scores: dict[str, tuple[list[float], list[tuple[int, Mention]]]] = {
        name: ([], []) for name in matcher.names
    }
    for sent, compound in zip(doc.sentences, compounds, strict=True):
        if sent.is_heading:
            continue
        found = matcher.mentions(sent.text, offset=sent.start)
        for m in found:
            scores[m.actor][1].append((sent.sent_id, m))
        for actor in dict.fromkeys(m.actor for m in found):
            scores[actor][0].append(float(compound))
    return scores


def actor_sentiment_rows(
    doc_id: str,
    scores: Mapping[str, tuple[Sequence[float], Sequence[tuple[int, Mention]]]],
    intervals: Sequence[tuple[float, float]],
) -> list[dict[str, Any]]:
    """actor_sentiment rows, one per actor of :func:`actor_scores`, with the given intervals."""
    rows = []
    for (name, (values, mentions)), (low, high) in zip(scores.items(), intervals, strict=True):
        rows.append(
            {
                "doc_id": doc_id,
                "actor": name,
                "n_mentions": len(mentions),
                "n_sentences": len(values),
                "compound_mean": math.fsum(values) / len(values) if values else math.nan,
                "compound_ci_low": low,
                "compound_ci_high": high,
            }
        )
    return rows


def actor_mention_rows(
    doc_id: str, scores: Mapping[str, tuple[Sequence[float], Sequence[tuple[int, Mention]]]]
) -> list[dict[str, Any]]:
    """actor_mentions rows, one per match, in text order."""
    found = sorted(
        ((m.start, sent_id, m) for _, mentions in scores.values() for sent_id, m in mentions),
        key=lambda item: item[0],
    )
    return [
        {
            "doc_id": doc_id,
            "sent_id": sent_id,
            "actor": m.actor,
            "start": m.start,
            "end": m.end,
            "match": m.match,
        }
        for _, sent_id, m in found
    ]
