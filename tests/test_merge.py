"""Merging chunk tables: the byte-range copy equals parsing and re-writing every row."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.merge import merge_chunks, merge_segments, merge_table
from pipeline.tables import SEGMENTS_FILE, read_segments, text_rows_csv, write_segmented_tables

COLUMNS = {"sentences": ["doc_id", "sent_id", "text"], "figures": ["doc_id", "match"]}

# cells that need quoting, multi-byte characters and line breaks inside a cell
AWKWARD = ["plain", "a, comma", 'say "no"', "two\nlines", "crlf\r\nend", "é中😀", " lead", ""]


DOCUMENT_COLUMNS = {
    "documents": ["doc_id", "content_sha256", "duplicate_of", "source_file", "title"],
    "problems": ["source", "doc_id", "stage", "severity", "message"],
}


def _write_chunk(folder, docs, *, documents=False):
    """docs: [(doc_id, [sentence texts])] in the order the chunk analysed them."""
    groups = {
        "sentences": [
            (d, [{"doc_id": d, "sent_id": i, "text": t} for i, t in enumerate(texts)])
            for d, texts in docs
        ],
        "figures": [(d, [{"doc_id": d, "match": t} for t in texts[:1]]) for d, texts in docs],
        "documents": [
            (d, [{"doc_id": d, "content_sha256": d, "source_file": f"{d}.txt", "title": d}])
            for d, _ in docs
        ],
    }
    write_segmented_tables(folder, groups, {**COLUMNS, **(DOCUMENT_COLUMNS if documents else {})})
    return folder


def _parsed(paths, drop=()):
    header, rows = merge_table(paths)
    return text_rows_csv([r for r in rows if r[0] not in drop], header).encode("utf-8")


doc_ids = st.text(alphabet="abcxyz_0129é", min_size=1, max_size=6)
chunk_docs = st.lists(
    st.tuples(doc_ids, st.lists(st.sampled_from(AWKWARD) | st.text(max_size=8), max_size=4)),
    max_size=5,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chunks=st.lists(chunk_docs, min_size=1, max_size=3), data=st.data())
def test_byte_copy_equals_parsing_every_row(tmp_path_factory, chunks, data):
    seen: set[str] = set()  # a doc_id belongs to one chunk
    chunks = [[(d, t) for d, t in docs if not (d in seen or seen.add(d))] for docs in chunks]
    base = tmp_path_factory.mktemp("m")
    folders = [_write_chunk(base / str(i), docs) for i, docs in enumerate(chunks)]
    drop = data.draw(st.sets(st.sampled_from(sorted(seen)))) if seen else set()
    for name in COLUMNS:
        paths = [f / f"{name}.csv" for f in folders]
        entries = [read_segments(f)[name] for f in folders]
        assert merge_segments(paths, entries, drop=drop) == _parsed(paths, drop)


def test_documents_come_out_in_doc_id_order_across_chunks(tmp_path):
    a = _write_chunk(tmp_path / "a", [("d3", ["x", "y"]), ("d1", ["é中"])])
    b = _write_chunk(tmp_path / "b", [("d2", ["two\nlines"]), ("d0", [])])
    paths = [a / "sentences.csv", b / "sentences.csv"]
    merged = merge_segments(paths, [read_segments(a)["sentences"], read_segments(b)["sentences"]])
    assert merged.decode("utf-8") == (
        'doc_id,sent_id,text\nd1,0,é中\nd2,0,"two\nlines"\nd3,0,x\nd3,1,y\n'
    )


@pytest.mark.parametrize("damage", ["no index", "older file", "other header", "bad entry"])
def test_a_missing_or_stale_index_falls_back_to_parsing(tmp_path, damage):
    a = _write_chunk(tmp_path / "a", [("d1", ["one", "two"])])
    b = _write_chunk(tmp_path / "b", [("d0", ["zero"])])
    entries = [read_segments(a)["sentences"], read_segments(b)["sentences"]]
    if damage == "no index":
        (b / SEGMENTS_FILE).unlink()
        entries[1] = read_segments(b).get("sentences")
    elif damage == "older file":
        (b / "sentences.csv").write_text("doc_id,sent_id,text\nd0,0,zero\nd5,0,new\n")
    elif damage == "other header":
        (b / "sentences.csv").write_text("doc_id,sent_id,txt\nd0,0,zero\n")
        entries[1] = {"size": len("doc_id,sent_id,txt\nd0,0,zero\n"), "segments": []}
    else:
        entries[1] = {"size": entries[1]["size"], "segments": [["d0", "x", None]]}
    assert merge_segments([a / "sentences.csv", b / "sentences.csv"], entries) is None


def test_merge_chunks_writes_the_same_bytes_with_and_without_the_index(tmp_path):
    docs_a = [("d2", ["a, comma", "crlf\r\nend"]), ("d0", ["plain"])]
    docs_b = [("d1", ['say "no"'])]
    outputs = {}
    for use_index in (True, False):
        base = tmp_path / str(use_index)
        folders = [
            _write_chunk(base / "a", docs_a, documents=True),
            _write_chunk(base / "b", docs_b, documents=True),
        ]
        if not use_index:
            for f in folders:
                (f / SEGMENTS_FILE).unlink()
        out = {n: base / "out" / f"{n}.csv" for n in (*DOCUMENT_COLUMNS, *COLUMNS)}
        (base / "out").mkdir()
        merge_chunks(folders, tables=list(out), out_paths=out, metadata={})
        outputs[use_index] = {n: p.read_bytes() for n, p in out.items()}
    assert outputs[True] == outputs[False]
    assert outputs[True]["sentences"].startswith(b"doc_id,sent_id,text\nd0,0,plain\nd1,0,")


def test_problems_found_at_discovery_and_merge_are_logged(tmp_path, caplog):
    from pipeline.corpus import LINK_OUTSIDE, SkippedFile

    folder = _write_chunk(tmp_path / "a", [("d0", ["plain"])], documents=True)
    out = {n: tmp_path / f"{n}.csv" for n in (*DOCUMENT_COLUMNS, *COLUMNS)}
    skipped = [SkippedFile("link.txt", LINK_OUTSIDE)]
    with caplog.at_level("WARNING", logger="pipeline"):
        merge_chunks([folder], tables=list(out), out_paths=out, metadata={}, skipped=skipped)
    assert "link.txt (discover): skipped: is a link to a file outside" in caplog.text
    assert "link.txt,,discover,error," in out["problems"].read_text(encoding="utf-8")


def test_a_metadata_row_for_no_corpus_file_is_a_warning(tmp_path, caplog):
    folder = _write_chunk(tmp_path / "a", [("d0", ["plain"]), ("d1", ["other"])], documents=True)
    out = {n: tmp_path / f"{n}.csv" for n in (*DOCUMENT_COLUMNS, *COLUMNS)}
    metadata = {"d0": {"title": "Kept"}, "d9": {"title": "A typo"}}
    with caplog.at_level("WARNING", logger="pipeline"):
        merge_chunks([folder], tables=list(out), out_paths=out, metadata=metadata,
                     metadata_name="meta.csv")  # fmt: skip
    problems = out["problems"].read_text(encoding="utf-8")
    assert "meta.csv,d9,metadata,warning,the row for doc_id 'd9' matches no corpus file" in problems
    assert "d0" not in problems and "d1" not in problems
    assert "meta.csv (d9, metadata)" in caplog.text
    assert "d0,d0,,d0.txt,Kept\n" in out["documents"].read_text(encoding="utf-8")


def test_group_warnings_are_about_the_documents_kept(tmp_path):
    """A duplicate left out of every table is in no group: its group of one, or its missing
    label, is not reported, and the group it leaves with one document is."""
    docs = [("a1", ["x"]), ("a2", ["y"]), ("b1", ["z"]), ("b2", ["w"]), ("c1", ["v"]), ("d1", [])]
    folder = _write_chunk(tmp_path / "a", docs, documents=True)
    documents = folder / "documents.csv"
    text = documents.read_text(encoding="utf-8")  # a2, c1 and d1 (no label) have a1's bytes
    for doc in ("a2", "c1", "d1"):
        text = text.replace(f"{doc},{doc},", f"{doc},a1,")
    documents.write_text(text)
    out = _outputs(tmp_path)
    metadata = {"a1": {"outlet": "A"}, "a2": {"outlet": "A"}, "b1": {"outlet": "B"},
                "b2": {"outlet": "B"}, "c1": {"outlet": "C"}}  # fmt: skip
    merge_chunks([folder], tables=list(out), out_paths=out, metadata=metadata,
                 metadata_name="meta.csv", group_column="outlet")  # fmt: skip
    rows = [r for r in out["problems"].read_text(encoding="utf-8").splitlines() if "group" in r]
    assert rows == [
        "meta.csv,a1,compare,warning,the only document of group 'A': its comparisons rest on "
        "one text"
    ]


def _outputs(tmp_path):
    out = {n: tmp_path / "out" / f"{n}.csv" for n in (*DOCUMENT_COLUMNS, *COLUMNS)}
    (tmp_path / "out").mkdir()
    return out


def test_rows_of_doc_ids_no_longer_in_the_corpus_are_left_out(tmp_path, caplog):
    """A results folder with chunk outputs of an earlier corpus (copied, or Snakemake's
    records deleted) must not report the old documents as current."""
    a = _write_chunk(tmp_path / "a", [("d0", ["kept"]), ("old", ["stale"])], documents=True)
    b = _write_chunk(tmp_path / "b", [("d2", ["kept too"])], documents=True)
    (b / "problems.csv").write_text(
        "source,doc_id,stage,severity,message\n"
        "gone.txt,gone,ingest,error,skipped: not text\n"
        "bad.txt,bad,ingest,error,skipped: not text\n",
        encoding="utf-8",
    )
    out = _outputs(tmp_path)
    with caplog.at_level("WARNING", logger="pipeline"):
        kept = merge_chunks([a, b], tables=list(out), out_paths=out, metadata={},
                            expected=["d0", "d2", "bad"])  # fmt: skip
    assert kept == 2
    assert "left out the rows of 2 doc_id(s) that are not in the corpus now (gone, old)" in (
        caplog.text
    )
    assert out["sentences"].read_text(encoding="utf-8") == (
        "doc_id,sent_id,text\nd0,0,kept\nd2,0,kept too\n"
    )
    assert "old" not in out["figures"].read_text(encoding="utf-8")
    assert [line.split(",")[1] for line in out["documents"].read_text().splitlines()[1:]] == [
        "d0", "d2",
    ]  # fmt: skip
    problems = out["problems"].read_text(encoding="utf-8")
    assert "bad.txt,bad,ingest" in problems and "gone" not in problems


def test_a_corpus_document_in_no_chunk_stops_the_merge_with_what_to_do(tmp_path):
    from pipeline.merge import StaleChunksError

    a = _write_chunk(tmp_path / "a", [("d0", ["kept"])], documents=True)
    out = _outputs(tmp_path)
    with pytest.raises(StaleChunksError, match=r"1 document\(s\) of the corpus are in no chunk's "
                       r"tables \(new\).*--forcerun analyse_chunk"):  # fmt: skip
        merge_chunks([a], tables=list(out), out_paths=out, metadata={}, expected=["d0", "new"])


def test_a_left_out_duplicate_keeps_its_clean_text(tmp_path):
    """Its chunk may not re-run when the original changes; then it is analysed from that
    chunk's rows and needs its text (it was lost once)."""
    a = _write_chunk(tmp_path / "a", [("d0", ["same"]), ("d1", ["same"])], documents=True)
    documents = (a / "documents.csv").read_text(encoding="utf-8")
    (a / "documents.csv").write_text(documents.replace("d1,d1,", "d1,d0,"), encoding="utf-8")
    docs = tmp_path / "docs"
    for doc_id in ("d0", "d1", "gone"):
        (docs / doc_id).mkdir(parents=True)
        (docs / doc_id / "clean.txt").write_text("same")
    out = _outputs(tmp_path)
    assert merge_chunks([a], tables=list(out), out_paths=out, metadata={}, docs_dir=docs) == 1
    assert "d1.txt,d1,merge,warning,same content as d0" in out["problems"].read_text()
    assert sorted(p.name for p in docs.iterdir()) == ["d0", "d1"]


def test_a_file_name_with_a_line_break_stays_on_one_log_line(tmp_path, caplog):
    from pipeline.corpus import SkippedFile

    folder = _write_chunk(tmp_path / "a", [("d0", ["plain"])], documents=True)
    out = _outputs(tmp_path)
    skipped = [SkippedFile("bad\nname\t.txt", "is a broken link: the file it points to ...")]
    with caplog.at_level("WARNING", logger="pipeline"):
        merge_chunks([folder], tables=list(out), out_paths=out, metadata={}, skipped=skipped)
    assert [r.getMessage() for r in caplog.records] == [
        "bad\\nname\\t.txt (discover): skipped: is a broken link: the file it points to ..."
    ]
    assert "bad\nname\t.txt" in out["problems"].read_text(encoding="utf-8")  # the table keeps it


def test_one_line_escapes_line_breaks_only():
    from pipeline.logs import one_line

    assert one_line("a\nb\rc\td\u2028e") == "a\\nb\\rc\\td\\u2028e"
    assert one_line("東京\u3000報告\u00a0x👩‍💻.txt") == "東京\u3000報告\u00a0x👩‍💻.txt"


def test_a_mistyped_metadata_doc_id_gets_the_closest_document_without_a_row(tmp_path):
    """A walkthrough's row for 'herald_rare_earths' (the file's id is 'herald-rare-earths')."""
    docs = [("herald-rare-earths", ["Costs rise."]), ("ledger-tariffs", ["Prices fall."])]
    folder = _write_chunk(tmp_path / "a", docs, documents=True)
    out = {n: tmp_path / f"{n}.csv" for n in (*DOCUMENT_COLUMNS, *COLUMNS)}
    metadata = {"herald_rare_earths": {"title": "A"}, "ledger-tarifs": {"title": "B"}}
    merge_chunks([folder], tables=list(out), out_paths=out, metadata=metadata)
    problems = out["problems"].read_text(encoding="utf-8")
    assert (
        "the row for doc_id 'herald_rare_earths' matches no corpus file (did you mean "
        "'herald-rare-earths'?) (documents.csv lists the doc_ids)"
    ) in problems
    assert "'ledger-tarifs' matches no corpus file (did you mean 'ledger-tariffs'?)" in problems
    # only the documents without a row are offered
    metadata["ledger-tariffs"] = {"title": "C"}
    merge_chunks([folder], tables=list(out), out_paths=out, metadata=metadata)
    problems = out["problems"].read_text(encoding="utf-8")
    assert "'ledger-tarifs' matches no corpus file (documents.csv" in problems


def test_a_metadata_row_for_a_renamed_doc_id_says_why(tmp_path):
    """A helper's walkthrough: adding report.txt beside Report.txt gives both a suffix, and the
    row for 'Report' stopped applying with only 'matches no corpus file'."""
    from pipeline.corpus import discover_documents
    from pipeline.merge import unmatched_row_message

    for name in ("Report.txt", "x.txt", "news__story.txt", "news/story.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Costs rise.", encoding="utf-8")
    found, _ = discover_documents(tmp_path)
    sources = {s.doc_id: s.relpath for s in found}
    assert unmatched_row_message("Report", sources).endswith("(documents.csv lists the doc_ids)")
    (tmp_path / "report.txt").write_text("Other.", encoding="utf-8")
    found, _ = discover_documents(tmp_path)
    sources = {s.doc_id: s.relpath for s in found}
    (renamed,) = [d for d, rel in sources.items() if rel == "Report.txt"]
    assert renamed.startswith("Report-")
    assert unmatched_row_message("Report", sources) == (
        f"the row for doc_id 'Report' matches no corpus file: Report.txt is {renamed!r}, as "
        "another file's name makes the same doc_id (names the same apart from case, or "
        "news/story.txt and news__story.txt); use that doc_id in the row, or rename a file"
    )
    assert unmatched_row_message("Reprot", sources).endswith(
        "matches no corpus file (documents.csv lists the doc_ids)"
    )
    both = unmatched_row_message("news__story", sources)
    assert "news/story.txt is 'news__story-" in both and "news__story.txt is 'news__story-" in both
