"""What a chunk job reads from the config and the tools it builds from it: :class:`ChunkSettings`
(the config sections and keys a chunk reads, the prefix of the chunk rule's params that carry
them), :func:`chunk_tools` (the boilerplate patterns, abbreviations and stages a chunk runs
with), and the check the workflow makes before any job that the stages accept the user's
lexicons and word lists (:func:`refused_word_list`). The chunk itself is
:func:`pipeline.chunk.analyse_chunk`."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.cache import config_files, listed_files
from pipeline.lexicon import LEXICON_DIR, UnusedRowWarning

SETTINGS_PARAM = "settings_"  # prefix of the chunk rule's params that hold config sections


@dataclass(frozen=True)
class ChunkSettings:
    """What a chunk job needs from the config."""

    max_file_mb: float = 20.0
    extra_boilerplate: tuple[str, ...] = ()
    extra_abbreviations: tuple[str, ...] = ()
    stage_options: Mapping[str, Mapping[str, Any]] | None = None

    @staticmethod
    def sections() -> list[str]:
        """The config sections a chunk reads (a change to any other does not re-run chunks)."""
        return ["ingest", "segment", *_stage_names()]

    @staticmethod
    def config_sections(config: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
        """The part of each of :meth:`sections` that a chunk reads: ingest's and segment's keys
        below, and of a stage's section the keys its constructor takes. The rest is read by
        corpus-level rules (``ingest.duplicates``, ``frames.confidence``), so changing it must
        not re-run the chunks."""
        from pipeline.stages import stage_class, stage_options

        out = {
            section: {k: v for k, v in (config.get(section) or {}).items() if k in keys}
            for section, keys in _CHUNK_KEYS.items()
        }
        for name in _stage_names():
            out[name] = stage_options(stage_class(name), config.get(name) or {})
        return out

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> ChunkSettings:
        """Settings from the workflow config (missing keys take their defaults)."""
        sections = cls.config_sections(config)
        ingest, segment = sections["ingest"], sections["segment"]
        return cls(
            max_file_mb=float(ingest.get("max_file_mb", 20.0)),
            extra_boilerplate=tuple(ingest.get("extra_boilerplate") or ()),
            extra_abbreviations=tuple(segment.get("extra_abbreviations") or ()),
            stage_options={k: sections[k] for k in _stage_names()},
        )

    def as_data(self) -> dict[str, Any]:
        """The settings as plain JSON-able data (the cache fingerprint's input)."""
        return {
            "max_file_mb": self.max_file_mb,
            "extra_boilerplate": list(self.extra_boilerplate),
            "extra_abbreviations": list(self.extra_abbreviations),
            "stage_options": dict(self.stage_options or {}),
        }


# the keys of the ingest and segment sections that ChunkSettings.from_config reads
_CHUNK_KEYS = {"ingest": ("max_file_mb", "extra_boilerplate"), "segment": ("extra_abbreviations",)}


def _stage_names() -> list[str]:
    from pipeline.stages import DOCUMENT_STAGES

    return list(DOCUMENT_STAGES)


def chunk_tools(settings: ChunkSettings) -> tuple[Any, frozenset[str], list[Any]]:
    """The boilerplate patterns, abbreviations and stages a chunk job runs with; ValueError
    names a lexicon or word list the loaders refuse (the workflow calls this before any job
    when the config names such files)."""
    from pipeline.ingest_boilerplate import load_boilerplate_patterns
    from pipeline.segment import load_abbreviations
    from pipeline.stages import build_stages

    with warnings.catch_warnings():  # merge_tables lists them once, not every chunk
        warnings.simplefilter("ignore", UnusedRowWarning)
        return (
            load_boilerplate_patterns(settings.extra_boilerplate),
            load_abbreviations(settings.extra_abbreviations),
            build_stages(settings.stage_options or {}),
        )


# the shipped word lists the shipped config lists under extra_* keys; the tests load them
TESTED_WORD_LISTS = (
    ("sentiment.extra_valences", "sentiment_news.tsv"),
    ("sentiment.extra_neutral_senses", "sentiment_senses.tsv"),
)


def user_word_lists(
    config: Mapping[str, Any], tested: Sequence[tuple[str, str | Path]] | None = None
) -> list[tuple[str, str]]:
    """(``section.key``, path) of the files the config names (:func:`config_files`) but the
    ``tested`` (key, path) pairs, by default the shipped files of TESTED_WORD_LISTS under their
    keys, and a stage's own file in pipeline/lexicons/ under a key other than ``extra_*`` (its
    shipped default, which the stage's tests load)."""
    if tested is None:
        tested = [(key, LEXICON_DIR / name) for key, name in TESTED_WORD_LISTS]
    known = {(key, Path(p).resolve()) for key, p in tested}
    shipped = LEXICON_DIR.resolve()
    return [
        (k, p)
        for k, p in config_files(config, ChunkSettings.sections())
        if (k, Path(p).resolve()) not in known
        and (
            k.partition(".")[2].startswith("extra_")
            or not Path(p).resolve().is_relative_to(shipped)
        )
    ]


def refused_word_list(
    config: Mapping[str, Any], tested: Sequence[tuple[str, str | Path]] | None = None
) -> str | None:
    """Why the stages refuse a lexicon or word list of the user's (the first such file, named),
    or None when they all load; the files are tried one at a time to name the file when the
    loader's message does not. A file listed twice under one key is refused too."""
    listed = listed_files(config)
    seen: set[tuple[str, Path]] = set()
    for key, path in listed:
        if (key, Path(path).resolve()) in seen:
            return f"config key {key} lists {path} twice"
        seen.add((key, Path(path).resolve()))
    files = user_word_lists(config, tested)
    if not files:
        return None
    try:
        chunk_tools(ChunkSettings.from_config(config))
        return None
    except (ValueError, OSError) as error:  # OSError: a user's file that cannot be read
        message = str(error)
    for key, path in files:
        alone = {k: dict(v) if isinstance(v, Mapping) else v for k, v in config.items()}
        kept = []  # the user's other files that cannot be left out (a stage's one word_list)
        for other_key, other in files:  # the user's other files left out
            section, _, name = other_key.partition(".")
            if (other_key, other) == (key, path):
                continue
            if isinstance(alone[section][name], list):
                alone[section][name] = [p for p in alone[section][name] if p != other]
            else:
                kept.append(other)
        try:
            chunk_tools(ChunkSettings.from_config(alone))
        except (ValueError, OSError) as error:
            if str(path) in str(error):
                return str(error)
            if not kept:
                return f"{path}: {error}"
            return f"{path} or {', '.join(kept)} (one of them): {error}"
    return message
