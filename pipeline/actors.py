"""Actors (countries, blocs, firms) and where a sentence mentions them, with offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Short all-caps aliases ("US", "EU", "UN", "UK", "ZTE") match case-sensitively, so the
# pronoun "us" is never the United States; longer aliases match in any case.
MAX_CASE_SENSITIVE_LETTERS = 4

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
    """The identity of an alias for duplicate checks: exact if case-sensitive, else casefolded."""
    return alias if is_case_sensitive_alias(alias) else alias.casefold()


def alias_regex(alias: str) -> str:
    """Regex source for one alias: literal, any run of spaces between words, case as above."""
    body = r"\s+".join(re.escape(part) for part in alias.split())
    return body if is_case_sensitive_alias(alias) else f"(?i:{body})"


def compile_actor_pattern(actors: Sequence[Actor]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation over all aliases (longest first) and the map group name -> actor name.

    Aliases must not touch a word character on either side, so "US" never matches in "USB",
    while "U.S." matches in "U.S.-led" and "China" in "China’s".
    """
    aliases = sorted(
        ((alias, actor.name) for actor in actors for alias in actor.aliases),
        key=lambda pair: (-len(pair[0]), pair[0], pair[1]),
    )
    groups: dict[str, str] = {}
    parts: list[str] = []
    for i, (alias, name) in enumerate(aliases):
        groups[f"a{i}"] = name
        parts.append(f"(?P<a{i}>{alias_regex(alias)})")
    if not parts:
        return re.compile(r"(?!x)x"), groups
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"), groups


class ActorMatcher:
    """Finds actor mentions in sentences; build once per process."""

    def __init__(self, actors: Iterable[Mapping[str, Any] | Actor]) -> None:
        self.actors = actors_from_config(actors)
        self.names = tuple(a.name for a in self.actors)
        self.pattern, self._groups = compile_actor_pattern(self.actors)

    def mentions(self, text: str, *, offset: int = 0) -> list[Mention]:
        """Non-overlapping mentions in ``text``, left to right; offsets shifted by ``offset``."""
        groups = self._groups
        return [
            Mention(groups[m.lastgroup or ""], m.start() + offset, m.end() + offset, m.group())
            for m in self.pattern.finditer(text)
        ]
