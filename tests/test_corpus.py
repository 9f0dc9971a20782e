from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from pipeline.corpus import (
    METADATA_NAME,
    chunk_index,
    discover_documents,
    group_problems,
    metadata_labels,
    read_metadata,
    safe_doc_id,
)
from tests.workflow_helpers import ROOT


@pytest.mark.parametrize(
    ("relpath", "expected"),
    [
        ("intelligence_cooperation.txt", "intelligence_cooperation"),
        ("notes.md", "notes"),
        ("2023/nyt/story-1.txt", "2023__nyt__story-1"),
        ("file with spaces.txt", "file_with_spaces-{h}"),
        ("café.txt", "cafe-{h}"),
        ("--rm -rf.txt", "rm_-rf-{h}"),
        ("$(reboot);.txt", "reboot-{h}"),
        ('"quoted".txt', "quoted-{h}"),
        ("日本語.txt", "doc-{h}"),
    ],
)
def test_safe_doc_id(relpath, expected):
    from pipeline.corpus import name_hash

    assert safe_doc_id(relpath) == expected.format(h=name_hash(relpath))


def test_safe_doc_id_is_bounded_and_safe():
    doc_id = safe_doc_id("x" * 300 + ".txt")
    assert len(doc_id) <= 80
    assert all(c.isalnum() or c in "_.-" for c in doc_id)


def test_chunk_index_is_stable_crc32():
    # crc32(b"intelligence_cooperation") = 0x6f4e0b31 -> literal check of the formula
    import zlib

    assert (
        chunk_index("intelligence_cooperation", 8)
        == zlib.crc32(b"intelligence_cooperation") % 8 + 1
    )
    assert chunk_index("a", 1) == 1
    assert {chunk_index(f"d{i}", 4) for i in range(100)} == {1, 2, 3, 4}
    with pytest.raises(ValueError, match="n_chunks"):
        chunk_index("a", 0)


def test_discover_finds_txt_and_md_sorted_and_unique(tmp_path):
    (tmp_path / "b.txt").write_text("B.")
    (tmp_path / "a.md").write_text("A.")
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "metadata.csv").write_text("doc_id\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("C.")
    sources, skipped = discover_documents(tmp_path)
    ids = [s.doc_id for s in sources]
    assert ids == sorted(ids)
    assert len(set(ids)) == 4
    assert {s.relpath for s in sources} == {"a.md", "a.txt", "b.txt", "sub/c.txt"}
    assert "b" in ids and "sub__c" in ids
    assert skipped == []


def test_document_formats_that_are_not_read_are_reported_other_files_ignored(tmp_path):
    for name in ("story.txt", "page.HTML", "report.pdf", "notes.docx", "metadata.csv",
                 "LICENSE", "data.json"):  # fmt: skip
        (tmp_path / name).write_text("x")
    sources, skipped = discover_documents(tmp_path)
    assert [s.relpath for s in sources] == ["story.txt"]
    assert {s.relpath: s.message for s in skipped} == {
        "page.HTML": "is an HTML page: only .txt and .md files are read; save it as plain "
        "text (.txt)",
        "report.pdf": "is a PDF file: only .txt and .md files are read; save it as plain "
        "text (.txt)",
        "notes.docx": "is a Word file: only .txt and .md files are read; save it as plain "
        "text (.txt)",
    }


def test_ids_that_differ_only_in_case_get_hash_suffixes(tmp_path):
    """docs/Report/ and docs/report/ would be one folder on macOS or Windows."""
    from pipeline.corpus import name_hash

    (tmp_path / "Report.txt").write_text("Upper.")
    (tmp_path / "report.txt").write_text("Lower.")
    (tmp_path / "other.txt").write_text("Other.")
    sources, _ = discover_documents(tmp_path)
    assert {s.relpath: s.doc_id for s in sources} == {
        "Report.txt": f"Report-{name_hash('Report.txt')}",
        "report.txt": f"report-{name_hash('report.txt')}",
        "other.txt": "other",
    }


def test_discover_does_not_follow_links_outside(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    os.symlink(outside, corpus / "link.txt")
    (corpus / "real.txt").write_text("Real text.")
    sources, skipped = discover_documents(corpus)
    assert [s.relpath for s in sources] == ["real.txt"]
    assert skipped[0].relpath == "link.txt"
    assert "outside the corpus" in skipped[0].message


def test_discover_passes_over_what_it_cannot_read_with_the_reason(tmp_path):
    """A broken link used to stop the whole run (Snakemake: missing input) and a named pipe
    to hang it; a linked folder was ignored without a word."""
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "c.txt").write_text("Text in a folder.")
    (corpus / "real.txt").write_text("Real text.")
    os.symlink(corpus / "missing.txt", corpus / "broken.txt")
    os.symlink(tmp_path / "gone.txt", corpus / "broken_outside.txt")
    os.symlink(corpus / "real.txt", corpus / "alias.txt")  # inside the corpus: read
    os.symlink(corpus / "sub", corpus / "linked_dir")
    os.mkfifo(corpus / "pipe.txt")
    sources, skipped = discover_documents(corpus)
    from pipeline.corpus import BROKEN_LINK, LINK_TO_FOLDER, NOT_REGULAR

    assert sorted(s.relpath for s in sources) == ["alias.txt", "real.txt", "sub/c.txt"]
    assert {s.relpath: s.message for s in skipped} == {
        "linked_dir": LINK_TO_FOLDER,
        "broken.txt": BROKEN_LINK,
        "broken_outside.txt": BROKEN_LINK,
        "pipe.txt": NOT_REGULAR,
    }


def test_discover_passes_over_unreadable_files_and_folders(tmp_path, monkeypatch):
    """A robustness probe's findings, run as a user who may not read them: a file without read
    permission failed the whole run (Snakemake could not record the chunk job's input), and
    os.walk passed over a folder it could not list without a word. (Simulated: root reads
    anything.)"""
    from pipeline import corpus as corpus_module
    from pipeline.corpus import FOLDER_NOT_READABLE, NOT_READABLE

    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "x.txt").write_text("Hidden text.")
    (corpus / "real.txt").write_text("Real text.")
    (corpus / "secret.txt").write_text("Secret text.")
    real_access, real_scandir = os.access, os.scandir
    monkeypatch.setattr(
        corpus_module.os,
        "access",
        lambda p, mode: Path(p).name != "secret.txt" and real_access(p, mode),
    )

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    sources, skipped = discover_documents(corpus)
    assert [s.relpath for s in sources] == ["real.txt"]
    assert {s.relpath: s.message for s in skipped} == {
        "locked": FOLDER_NOT_READABLE.format(reason="Permission denied"),
        "secret.txt": NOT_READABLE,
    }


def test_discover_missing_folder(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        discover_documents(tmp_path / "nope")


def test_read_metadata(tmp_path):
    path = tmp_path / "metadata.csv"
    path.write_text("doc_id,title,outlet\na,Title A,X\n", encoding="utf-8")
    assert read_metadata(path) == {"a": {"doc_id": "a", "title": "Title A", "outlet": "X"}}
    assert read_metadata(tmp_path / "none.csv") == {}
    path.write_text("id,title\n")
    with pytest.raises(ValueError) as caught:
        read_metadata(path)
    assert str(caught.value) == (
        f"{path} must have a header row with a 'doc_id' column (its first line: id, title): "
        "name the column of document ids doc_id (python -m pipeline ids lists them)"
    )
    path.write_text("")
    with pytest.raises(ValueError, match=r"\(its first line: empty\)"):
        read_metadata(path)
    path.write_bytes("doc_id,title\na,Caf\u00e9 news\n".encode("latin-1"))
    with pytest.raises(ValueError) as caught:
        read_metadata(path)
    assert str(caught.value) == (
        f"{path} is not UTF-8 text (line 2 cannot be read): save it as UTF-8"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"doc_id;outlet\na;Daily\n", "(its first line: doc_id;outlet): separate the columns "
         "with commas, not ';'"),
        (b"doc_id ,outlet\na,Daily\n", "(its first line: doc_id , outlet): remove the spaces "
         "around doc_id"),
        (b'doc_id,t\na,"' + b"x" * 200_000 + b'"\n', ", line 2: not CSV: field larger than "
         "field limit"),
        (b"doc_id,outlet\r\na,Daily\r\nb,Post\r\na,Post\r\n", ": doc_id 'a' has two rows "
         "(lines 2 and 4): keep one row per document"),
        # the line a row starts on, with a line break inside a quoted field
        (b'doc_id,title\na,"two\nlines"\nb,x\na,y\n', ": doc_id 'a' has two rows (lines 2 and "
         "5)"),
        # an unclosed quotation mark would swallow the rows after it
        (b'doc_id,title\na,x\nb,"unclosed\nc,x\n', ", line 3: not CSV: unexpected end of data"),
        # a helper's walkthrough: a comma too many failed the compare job late ("need at
        # least two groups ... found []") and a re-run deleted the earlier tables
        (b"doc_id,title,outlet\na,Coop,A,\nb,Dip,B\n", ", line 2: 4 fields where the header "
         "has 3: remove the comma too many"),
        (b"doc_id,title,outlet\na,Coop,A\nb,Smith, J.,B\n", ", line 3: 4 fields"),
        # a robustness probe: the second doc_id column won and the real row was "unmatched"
        (b"doc_id,title,doc_id\na,Coop,x\n", ": the header names column(s) 'doc_id' more than "
         "once: give each column its own name"),
        # the same probe: a row whose doc_id was left empty was dropped without a word
        (b"doc_id,title\na,Coop\n,Dip\n", ", line 3: a row without a doc_id: fill it in"),
    ],
)  # fmt: skip
def test_a_metadata_file_that_cannot_be_used_says_what_to_mend(tmp_path, content, message):
    path = tmp_path / "metadata.csv"
    path.write_bytes(content)
    with pytest.raises(ValueError) as caught:
        read_metadata(path)
    assert str(caught.value).startswith(str(path)) and message in str(caught.value)


def test_spaces_around_a_metadata_doc_id_and_empty_rows_are_dropped(tmp_path):
    """A robustness probe: " intelligence_cooperation " matched no document."""
    path = tmp_path / "metadata.csv"
    path.write_text("doc_id,title\n a ,Coop\n,\n\nb\t,Dip\n", encoding="utf-8")
    assert read_metadata(path) == {
        "a": {"doc_id": "a", "title": "Coop"},
        "b": {"doc_id": "b", "title": "Dip"},
    }


def test_a_metadata_path_that_is_a_folder_or_unreadable_says_so(tmp_path, monkeypatch):
    (tmp_path / "metadata.csv").mkdir()
    with pytest.raises(ValueError, match=r"metadata\.csv is a folder, not a CSV file"):
        read_metadata(tmp_path / "metadata.csv")
    path = tmp_path / "meta.csv"
    path.write_text("doc_id\na\n", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    with pytest.raises(ValueError, match=r"meta\.csv cannot be read: Permission denied"):
        read_metadata(path)


def test_the_metadata_name_is_the_schema_default():
    schema = yaml.safe_load((ROOT / "config" / "schema.yaml").read_text(encoding="utf-8"))
    assert schema["properties"]["metadata"]["default"] == METADATA_NAME


def test_group_problems_name_missing_labels_variants_and_lone_documents():
    metadata = {
        "a": {"doc_id": "a", "outlet": "hawkish"},
        "b": {"doc_id": "b", "outlet": " Hawkish "},
        "c": {"doc_id": "c", "outlet": "business"},
        "d": {"doc_id": "d", "outlet": "business"},
        "e": {"doc_id": "e", "outlet": "  "},
        "zz": {"doc_id": "zz", "outlet": "wire"},  # not in the corpus: not counted
    }
    labels = metadata_labels(metadata, "outlet")
    got = group_problems(labels, "outlet", ["a", "b", "c", "d", "e", "f"])
    assert got == [
        ("e", "no value in the group column 'outlet': left out of the group comparisons"),
        ("f", "no value in the group column 'outlet': left out of the group comparisons"),
        ("", "group labels 'Hawkish' and 'hawkish' differ only in case or spaces, so they are "
             "compared as separate groups; write them the same way"),
        ("b", "the only document of group 'Hawkish': its comparisons rest on one text"),
        ("a", "the only document of group 'hawkish': its comparisons rest on one text"),
    ]  # fmt: skip
    assert group_problems(labels, "outlet", ["c", "d"]) == []


def test_ids_command_lists_the_doc_id_of_each_file(tmp_path, capsys):
    """`python -m pipeline ids FOLDER`: the ids a metadata.csv needs before the first run."""
    from pipeline.__main__ import main

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story-1.txt").write_text("A story.", encoding="utf-8")
    (tmp_path / "Opinion – Café.txt").write_text("An opinion.", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "zero.txt").write_bytes(b"")
    assert main(["ids", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # an empty file has its id (problems.csv uses it) and is said to be skipped
    assert "zero\tzero.txt" in lines
    assert (
        lines[-1] == "# a run will skip: zero.txt: the file is empty or contains only white space"
    )
    safe = safe_doc_id("Opinion – Café.txt")
    assert safe.startswith("Opinion_Cafe-") and len(safe) == len("Opinion_Cafe-") + 8
    # sorted by doc_id, as the workflow takes them
    assert lines[:3] == ["doc_id\tfile", f"{safe}\tOpinion – Café.txt",
                         "news__story-1\tnews/story-1.txt"]  # fmt: skip
    assert lines[4].startswith("# passed over: scan.pdf is a PDF file")
    assert main(["ids", str(tmp_path / "missing")]) == 2
    assert "does not exist or is not a folder" in capsys.readouterr().err
    # a line break or tab in a name is shown escaped, so each file keeps one line of two columns
    (tmp_path / "a\nb.txt").write_text("A story.", encoding="utf-8")
    assert main(["ids", str(tmp_path)]) == 0
    (row,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("a_b")]
    assert row.split("\t")[1] == "a\\nb.txt"


def test_ids_command_on_an_empty_folder_or_no_folder(tmp_path, capsys):
    from pipeline.__main__ import main

    assert main(["ids", str(tmp_path)]) == 1
    assert "holds no *.txt or *.md file a run could read" in capsys.readouterr().err
    assert main(["ids", " "]) == 2
    assert "give a corpus folder" in capsys.readouterr().err
    # only files a run will skip (empty, binary): the run would stop too
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["ids", str(tmp_path)]) == 1
    out = capsys.readouterr()
    assert "# a run will skip: a.txt" in out.out and "could read" in out.err
    (tmp_path / "c.txt").write_text("A text.", encoding="utf-8")
    assert main(["ids", str(tmp_path)]) == 0


def test_a_name_that_is_not_utf8_is_passed_over_with_the_reason(tmp_path):
    """Snakemake writes input paths to its own files as UTF-8: such a file would stop the run."""
    os.makedirs(tmp_path, exist_ok=True)
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "w") as fh:
        fh.write("A text.")
    (tmp_path / "ok.txt").write_text("Another text.", encoding="utf-8")
    sources, skipped = discover_documents(tmp_path)
    assert [s.doc_id for s in sources] == ["ok"]
    assert [(s.relpath, s.message) for s in skipped] == [
        ("caf\\xe9.txt", "has a name that is not valid UTF-8 (saved on a system with another "
         "encoding): rename it")
    ]  # fmt: skip


def test_a_results_folder_inside_the_corpus_is_not_read(tmp_path):
    """A helper's walkthrough: results_dir=corpus/out made the second run analyse the first
    run's clean texts and report as documents."""
    from pipeline.corpus import RESULTS_INSIDE

    corpus = tmp_path / "corpus"
    (corpus / "out" / "docs" / "a").mkdir(parents=True)
    (corpus / "a.txt").write_text("Costs rise.", encoding="utf-8")
    (corpus / "out" / "docs" / "a" / "clean.txt").write_text("Costs rise.", encoding="utf-8")
    (corpus / "outlook.txt").write_text("Other.", encoding="utf-8")  # a name that starts alike
    found, skipped = discover_documents(corpus, results_dir=corpus / "out")
    assert [s.relpath for s in found] == ["a.txt", "outlook.txt"]
    assert [(s.relpath, s.message) for s in skipped] == [("out", RESULTS_INSIDE)]
    # given as a relative path with a "..", and nested one folder down
    nested = corpus / "runs" / "r1"
    nested.mkdir(parents=True)
    (nested / "report.md").write_text("# Report", encoding="utf-8")
    found, skipped = discover_documents(corpus, results_dir=corpus / "runs" / ".." / "runs" / "r1")
    assert "runs/r1/report.md" not in [s.relpath for s in found]
    assert ("runs/r1", RESULTS_INSIDE) in [(s.relpath, s.message) for s in skipped]
    # a review: not there yet (a first run), it is listed all the same, so that the first and
    # the second run write the same problems.csv
    found, skipped = discover_documents(corpus, results_dir=corpus / "new")
    assert ("new", RESULTS_INSIDE) in [(s.relpath, s.message) for s in skipped]
    # python -m pipeline ids leaves out the results folder it is told of (default: results)
    from pipeline.__main__ import corpus_ids

    assert "out/docs/a/clean.txt" not in corpus_ids(corpus, corpus / "out")[0]
    assert "out/docs/a/clean.txt" in corpus_ids(corpus)[0]
    # outside the corpus, or not given: nothing changes
    found, skipped = discover_documents(corpus, results_dir=tmp_path / "results")
    assert "out/docs/a/clean.txt" in [s.relpath for s in found] and not skipped


def test_a_name_with_a_word_in_braces_is_passed_over(tmp_path):
    """A helper's walkthrough: "report {2023}.txt" stopped the whole run with Snakemake's
    WildcardError, doubled braces too; braces around no word are no wildcard."""
    from pipeline.corpus import WILDCARD_NAME

    for name in ("report {2023}.txt", "x{}.txt", "a{b.txt", "c}d.md", "{year}/e.txt", "f.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Costs rise.", encoding="utf-8")
    (tmp_path / "notes {v2}.json").write_text("{}", encoding="utf-8")  # not read anyway
    found, skipped = discover_documents(tmp_path)
    assert sorted(s.relpath for s in found) == ["a{b.txt", "c}d.md", "f.txt", "x{}.txt"]
    assert sorted((s.relpath, s.message) for s in skipped) == [
        ("report {2023}.txt", WILDCARD_NAME),
        ("{year}/e.txt", WILDCARD_NAME),
    ]


def test_groups_in_turn_leave_no_group_out():
    """A journalist's walkthrough: the sentiment arc's first 12 of 30 documents by doc_id were
    ten of one outlet and two of another; the third outlet, the most negative, was missing."""
    from pipeline.corpus import groups_in_turn

    ids = [f"courier_{i:02d}" for i in range(10)] + [f"ledger_{i:02d}" for i in range(10)]
    ids += [f"sentinel_{i:02d}" for i in range(3)] + ["loose"]
    labels = {d: d.split("_")[0] for d in ids if d != "loose"}
    shown = groups_in_turn(ids, labels, 8)
    assert shown == ["courier_00", "ledger_00", "sentinel_00", "courier_01", "ledger_01",
                     "sentinel_01", "courier_02", "ledger_02"]  # fmt: skip
    # a small group runs out, the others go on; documents in no group come last
    assert groups_in_turn(ids, labels, 30)[-4:] == ["ledger_08", "courier_09", "ledger_09", "loose"]
    assert groups_in_turn(ids, None, 3) == ids[:3]
    assert groups_in_turn(ids, {}, 3) == ids[:3]
