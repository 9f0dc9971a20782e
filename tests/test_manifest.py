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
