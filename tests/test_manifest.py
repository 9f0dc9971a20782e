"""The run manifest: hashes of every input and lexicon, keyed so that none hides another."""

from __future__ import annotations

import hashlib
import os

from pipeline.manifest import build_manifest


def test_lexicons_of_one_name_in_two_folders_both_keep_their_hash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shipped").mkdir()
    (tmp_path / "mine").mkdir()
    (tmp_path / "shipped" / "stance.tsv").write_text("# version: 1.0.0\npattern\tcategory\n")
    (tmp_path / "mine" / "stance.tsv").write_text("# version: 2\npattern\tcategory\n")
    (tmp_path / "a.txt").write_text("Text.")
    manifest = build_manifest(
        texts=["a.txt"],
        metadata=[],
        lexicons=["shipped/stance.tsv", "mine/stance.tsv"],
        config={},
        text_names=["a.txt"],
    )
    assert manifest["lexicons"] == {
        "shipped/stance.tsv": {
            "sha256": hashlib.sha256(b"# version: 1.0.0\npattern\tcategory\n").hexdigest(),
            "version": "1.0.0",
        },
        "mine/stance.tsv": {
            "sha256": hashlib.sha256(b"# version: 2\npattern\tcategory\n").hexdigest(),
            "version": "2",
        },
    }
    assert manifest["inputs"] == {"a.txt": hashlib.sha256(b"Text.").hexdigest()}


def test_shipped_lexicons_keep_their_project_path_wherever_the_run_starts(tmp_path, monkeypatch):
    from pipeline.lexicon import lexicon_path

    monkeypatch.chdir(tmp_path)
    shipped = lexicon_path("stance.tsv")
    manifest = build_manifest(
        texts=[], metadata=[], lexicons=[os.path.relpath(shipped)], config={}, text_names=[]
    )
    assert list(manifest["lexicons"]) == ["pipeline/lexicons/stance.tsv"]


def test_manifest_records_the_software_it_was_made_with(tmp_path, monkeypatch):
    from pipeline import cache

    def manifest() -> dict:
        return build_manifest(texts=[], metadata=[], lexicons=[], config={}, text_names=[])

    package = tmp_path / "pipeline"
    package.mkdir()
    (package / "stage.py").write_text("v1")
    monkeypatch.setattr(cache, "PACKAGE_DIR", package)
    before = manifest()["software_sha256"]
    assert before == cache.software_fingerprint() and len(before) == 64
    (package / "stage.py").write_text("v2")  # a local change under the same version number
    assert manifest()["software_sha256"] != before


def test_the_manifest_names_the_workflow_files_and_the_accuracy_file(tmp_path):
    """A reproducibility audit: the manifest covered pipeline/ only (not the rules, scripts or
    schema), left out pyphen and regex, which shape the results, and the measured accuracy the
    report shows."""
    from pipeline.manifest import PACKAGES, workflow_fingerprint

    assert {"pyphen", "regex", "snakemake"} <= set(PACKAGES)
    for name in ("Snakefile", "rules/a.smk", "rules/envs/e.yaml", "scripts/s.py",
                 "config/schema.yaml", "docs/notes.md"):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("v1")
    before = workflow_fingerprint(tmp_path)
    for name in ("rules/a.smk", "rules/envs/e.yaml", "scripts/s.py", "config/schema.yaml"):
        (tmp_path / name).write_text("v2")
        assert workflow_fingerprint(tmp_path) != before, name
        (tmp_path / name).write_text("v1")
    (tmp_path / "docs" / "notes.md").write_text("v2")  # not the workflow's
    assert workflow_fingerprint(tmp_path) == before
    accuracy = tmp_path / "measured_accuracy.tsv"
    accuracy.write_text("x\n")
    got = build_manifest(texts=[], metadata=[], lexicons=[], config={}, text_names=[],
                         workflow_sha256=before, accuracy=accuracy)  # fmt: skip
    assert got["workflow_sha256"] == before
    assert got["accuracy_sha256"] == hashlib.sha256(b"x\n").hexdigest()


def test_every_shipped_lexicon_has_the_version_line_the_manifest_records():
    # the workflow hands every file of pipeline/lexicons to the manifest (lexicon_files), which
    # records each one's "# version:" line: a new word list needs one
    from pipeline.cache import WORD_LIST_SUFFIXES
    from pipeline.lexicon import LEXICON_DIR
    from pipeline.manifest import lexicon_versions

    paths = sorted(p for p in LEXICON_DIR.iterdir() if p.suffix in WORD_LIST_SUFFIXES)
    assert {"placed_nouns.txt", "stance.tsv"} <= {p.name for p in paths}
    versions = lexicon_versions(paths)
    assert [p.name for p in paths if not versions.get(p.name)] == []
