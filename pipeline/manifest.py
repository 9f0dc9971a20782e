"""The run manifest: sha256 of every input, package versions and the effective config."""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Mapping, Sequence
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.cache import RESULT_PACKAGES, software_fingerprint
from pipeline.tables import atomic_write_text, read_csv_rows

# Snakemake and the config's reader, and every distribution whose code shapes the results
PACKAGES = ("snakemake", "pyyaml", *RESULT_PACKAGES)
# the workflow's own files besides pipeline/ (software_sha256): the rules, the scripts they run
# and the schema whose defaults fill the config
WORKFLOW_FILES = ("Snakefile", "rules/*.smk", "rules/envs/*", "scripts/*.py", "config/schema.yaml")


NO_DOCUMENTS = "No document of the corpus could be analysed"


class NoDocumentsError(RuntimeError):
    """No document of the corpus could be analysed (its message starts with NO_DOCUMENTS)."""


def file_sha256(path: str | Path) -> str:
    """Hex sha256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def package_versions(names: Sequence[str] = PACKAGES) -> dict[str, str]:
    """Installed versions of the packages the analysis depends on."""
    out = {}
    for name in names:
        try:
            out[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def workflow_fingerprint(root: str | Path) -> str:
    """sha256 of the WORKFLOW_FILES under ``root`` (the project folder), by path and bytes."""
    h = hashlib.sha256()
    for pattern in WORKFLOW_FILES:
        for path in sorted(Path(root).glob(pattern)):
            if path.is_file():
                h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
                h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def lexicon_versions(paths: Sequence[str | Path]) -> dict[str, str]:
    """The ``# version:`` line of each lexicon file that has one."""
    out = {}
    for path in paths:
        with open(path, encoding="utf-8-sig") as fh:
            for line in fh:
                if not line.startswith("#"):
                    break
                key, _, value = line[1:].partition(":")
                if key.strip().lower() == "version":
                    out[Path(path).name] = value.strip()
                    break
    return out


def _lexicon_key(path: str | Path) -> str:
    """A shipped lexicon by its path in the project (``pipeline/lexicons/x.tsv``) wherever the
    run starts; another file by its path as given."""
    project = Path(__file__).resolve().parents[1]
    resolved = Path(path).resolve()
    if resolved.is_relative_to(project / "pipeline"):
        return resolved.relative_to(project).as_posix()
    return Path(path).as_posix()


def build_manifest(
    *,
    texts: Sequence[str | Path],
    metadata: Sequence[str | Path],
    lexicons: Sequence[str | Path],
    config: Mapping[str, Any],
    text_names: Sequence[str],
    workflow_sha256: str = "",
    accuracy: str | Path | None = None,
) -> dict[str, Any]:
    """The manifest as a dict (no timestamps: same inputs, same bytes).

    ``text_names`` are the corpus files' paths relative to the corpus folder, in the order of
    ``texts``, so the manifest does not depend on where the corpus lies. ``workflow_sha256``:
    :func:`workflow_fingerprint` of the project; ``accuracy``: the measured accuracy file the
    report shows.
    """
    return {
        "rhetoric_compare": __version__,
        # the package's code, templates and lexicons with the Python and package versions: a
        # local change to pipeline/ changes it while the version number stays
        "software_sha256": software_fingerprint(),
        # the rules, scripts and schema: a local change to the workflow around pipeline/
        "workflow_sha256": workflow_sha256,
        "accuracy_sha256": file_sha256(accuracy) if accuracy else "",
        "python": platform.python_version(),
        "packages": package_versions(),
        "config": config,
        "inputs": {name: file_sha256(p) for name, p in sorted(zip(text_names, texts, strict=True))},
        "metadata": {Path(p).name: file_sha256(p) for p in metadata},
        # by path, so that two files of one name both appear
        "lexicons": {
            _lexicon_key(p): {
                "sha256": file_sha256(p),
                "version": lexicon_versions([p]).get(Path(p).name, ""),
            }
            for p in lexicons
        },
    }


def write_manifest(
    path: str | Path,
    *,
    texts: Sequence[str | Path],
    metadata: Sequence[str | Path],
    lexicons: Sequence[str | Path],
    documents_table: str | Path,
    config: Mapping[str, Any],
    text_names: Sequence[str],
    workflow_sha256: str = "",
    accuracy: str | Path | None = None,
) -> None:
    """Write manifest.json; raise NoDocumentsError when documents.csv has no row."""
    if not read_csv_rows(documents_table):
        problems = Path(documents_table).with_name("problems.csv")
        raise NoDocumentsError(f"{NO_DOCUMENTS}: see {problems}.")
    manifest = build_manifest(
        texts=texts, metadata=metadata, lexicons=lexicons, config=config, text_names=text_names,
        workflow_sha256=workflow_sha256, accuracy=accuracy,
    )  # fmt: skip
    atomic_write_text(
        path, json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    )
