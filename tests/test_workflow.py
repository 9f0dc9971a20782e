"""The workflow end to end: dry run, a real run, reruns and bad configuration."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.tables import read_csv_rows
from tests.workflow_helpers import (
    ROOT,
    crash_marks,
    run_tables,
    run_workflow,
    snakemake,
    tables_of,
)

pytestmark = pytest.mark.workflow

# the rules whose tables a test reads (tests.workflow_helpers.run_tables)
CHUNKS = ("merge_tables",)  # documents, sentences, stance markers, problems ...
STANCE_AND_FRAMES = ("merge_tables", "frames")


@pytest.fixture(scope="module")
def default_run(tmp_path_factory):
    results = tmp_path_factory.mktemp("results")
    proc = run_workflow(ROOT / "corpus", results)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return results


def test_dry_run_default_config():
    proc = snakemake("-n")
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_committed_results_are_reproduced_exactly(default_run):
    fresh = tables_of(default_run)
    committed = tables_of(ROOT / "results")
    assert fresh.keys() == committed.keys()
    for name in fresh:
        assert fresh[name] == committed[name], (
            f"{name} differs from the committed results: run `make run`"
        )


def test_committed_results_come_from_this_code(default_run):
    """The committed manifest and report footer name the code that made them: after a change
    to pipeline/ that leaves the tables as they were, `make run` still rewrites both."""
    fresh = json.loads((default_run / "manifest.json").read_text(encoding="utf-8"))
    committed = json.loads((ROOT / "results" / "manifest.json").read_text(encoding="utf-8"))
    if (committed["python"], committed["packages"]) != (fresh["python"], fresh["packages"]):
        pytest.skip("the committed results were made with another Python or other packages")
    for key in ("software_sha256", "workflow_sha256", "accuracy_sha256"):
        assert committed[key] == fresh[key], (
            f"results/manifest.json names other code ({key}): run `make run` and commit results/"
        )
        assert fresh[key] in (ROOT / "results" / "report.html").read_text("utf-8"), key


@pytest.mark.default_results
def test_offsets_round_trip(default_run):
    rows = read_csv_rows(default_run / "tables" / "sentences.csv")
    assert {r["doc_id"] for r in rows} == {"intelligence_cooperation", "intelligence_diplomacy"}
    for row in rows:
        clean = (default_run / "docs" / row["doc_id"] / "clean.txt").read_text(encoding="utf-8")
        assert clean[int(row["start"]) : int(row["end"])] == row["text"]
        assert "Leave a Comment" not in row["text"] and "Scroll to Top" not in row["text"]


@pytest.mark.default_results
def test_document_word_counts_are_the_sum_of_their_body_sentences(default_run):
    """A helper's audit: n_words, the denominator of every rate, had no word-level trace."""
    from pipeline.segment import word_tokens

    sentences = read_csv_rows(default_run / "tables" / "sentences.csv")
    for doc in read_csv_rows(default_run / "tables" / "documents.csv"):
        rows = [r for r in sentences if r["doc_id"] == doc["doc_id"]]
        body = [r for r in rows if r["is_heading"] == "0"]
        assert sum(int(r["n_words"]) for r in body) == int(doc["n_words"]) > 0
        assert all(int(r["n_words"]) == len(word_tokens(r["text"])) for r in rows)


@pytest.mark.default_results
def test_boilerplate_table(default_run):
    text = (default_run / "tables" / "boilerplate.csv").read_text(encoding="utf-8")
    assert "intelligence_cooperation,46,Leave a Comment," in text
    assert text.count("Scroll to Top") == 2


@pytest.mark.default_results
def test_documents_table_and_manifest(default_run):
    docs = {r["doc_id"]: r for r in read_csv_rows(default_run / "tables" / "documents.csv")}
    assert docs["intelligence_diplomacy"]["title"].startswith("What challenges arise")
    assert int(docs["intelligence_diplomacy"]["n_sentences"]) == 34
    for col in (
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "dale_chall",
    ):
        assert docs["intelligence_cooperation"][col] != ""  # a number, not NaN
    manifest = json.loads((default_run / "manifest.json").read_text())
    assert set(manifest["inputs"]) == {"intelligence_cooperation.txt", "intelligence_diplomacy.txt"}
    assert manifest["packages"]["textstat"].startswith("0.7.")
    assert "pipeline/lexicons/boilerplate.tsv" in manifest["lexicons"]
    assert manifest["config"]["results_dir"] == str(default_run)


def test_second_run_changes_nothing(default_run):
    before = tables_of(default_run)
    proc = run_workflow(ROOT / "corpus", default_run)
    assert proc.returncode == 0
    assert "Nothing to be done" in proc.stdout + proc.stderr
    assert tables_of(default_run) == before


def test_a_changed_chunk_setting_names_only_its_section_as_the_rerun_reason(default_run, tmp_path):
    config = tmp_path / "changed.yaml"
    config.write_text("stance:\n  extra_lexicons: []\n  context_chars: 41\n")
    proc = run_workflow(ROOT / "corpus", default_run, "--configfile", str(config), "-n")
    assert proc.returncode == 0, proc.stderr[-2000:]
    reasons = [
        line for line in (proc.stdout + proc.stderr).splitlines() if "Params have changed" in line
    ]
    assert len(reasons) == 4  # each chunk re-runs; nothing is written by a dry run
    for line in reasons:
        assert "'context_chars': 40" in line and "'context_chars': 41" in line
        assert "actors" not in line and "max_file_mb" not in line  # other sections stay out


def test_a_setting_only_corpus_level_rules_read_does_not_re_run_the_chunks(default_run, tmp_path):
    """frames.confidence (frames.csv's intervals) and ingest.duplicates (the merge) share a
    section with chunk settings; changing them had re-analysed every document."""
    config = tmp_path / "changed.yaml"
    config.write_text("frames:\n  confidence: 0.9\ningest:\n  duplicates: analyse\n")
    proc = run_workflow(ROOT / "corpus", default_run, "--configfile", str(config), "-n")
    assert proc.returncode == 0, proc.stderr[-2000:]
    jobs = {line.split()[1] for line in proc.stdout.splitlines() if line.startswith("rule ")}
    assert "analyse_chunk:" not in jobs
    assert {"merge_tables:", "frames:"} <= jobs


def test_changes_that_modification_times_hide_re_run_the_chunks(tmp_path):
    """A helper's walkthrough: a file replaced by one with an older modification time (cp -p,
    rsync -a, unzip) was not analysed again, and a copied results folder run on another corpus
    kept the old corpus's tables ("Nothing to be done"), with no problem listed."""
    import os

    corpus, other = tmp_path / "corpus", tmp_path / "other"
    corpus.mkdir()
    other.mkdir()
    (corpus / "a.txt").write_text("Costs rose sharply, officials said.\n", encoding="utf-8")
    (other / "farm.txt").write_text("Tariffs hurt farmers, the minister said.\n", encoding="utf-8")
    results = tmp_path / "results"
    assert run_tables(corpus, results, rules=CHUNKS).returncode == 0
    (corpus / "a.txt").write_text("Prices fell, critics argue.\n", encoding="utf-8")
    os.utime(corpus / "a.txt", ns=(1_577_836_800_000_000_000,) * 2)  # 2020-01-01
    proc = run_tables(corpus, results, rules=CHUNKS)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Nothing to be done" not in proc.stdout + proc.stderr
    clean = (results / "docs" / "a" / "clean.txt").read_text(encoding="utf-8")
    assert clean == "Prices fell, critics argue."
    # a copy of the folder has no record in .snakemake/: its state files tell the corpus apart
    copy = tmp_path / "copy"
    shutil.copytree(results, copy)
    proc = run_tables(other, copy, rules=CHUNKS)
    assert proc.returncode == 0, proc.stderr[-2000:]
    ids = [r["doc_id"] for r in read_csv_rows(copy / "tables" / "documents.csv")]
    assert ids == ["farm"]
    assert "Nothing to be done" in (lambda p: p.stdout + p.stderr)(
        run_tables(other, copy, rules=CHUNKS)
    )


def test_bad_file_is_listed_and_others_analysed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "intelligence_diplomacy.txt", corpus)
    (corpus / "scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (corpus / "empty.txt").write_bytes(b"")
    results = tmp_path / "results"
    proc = run_tables(corpus, results, rules=CHUNKS)
    assert proc.returncode == 0, proc.stderr[-2000:]
    problems = (results / "tables" / "problems.csv").read_text(encoding="utf-8")
    assert (
        "scan.txt,scan,ingest,error,skipped: not text: the file looks like a PDF file" in problems
    )
    assert "empty.txt,empty,ingest,error,skipped: the file is empty" in problems
    assert (results / "docs" / "intelligence_diplomacy" / "clean.txt").is_file()
    assert "problem(s) with the input" in proc.stdout + proc.stderr


def test_a_corpus_of_binary_files_stops_before_any_job_and_keeps_earlier_results(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (corpus / "b.txt").write_bytes(b"")
    earlier = tmp_path / "results" / "tables" / "documents.csv"
    earlier.parent.mkdir(parents=True)
    earlier.write_text("doc_id\nfrom_an_earlier_run\n", encoding="utf-8")
    proc = run_workflow(corpus, tmp_path / "results", "-n")
    assert proc.returncode != 0
    out = proc.stdout + proc.stderr
    assert f"no file of the corpus '{corpus}' can be analysed, so no job was run" in out
    assert "a.txt: not text: the file looks like a PNG image" in out
    assert "b.txt: the file is empty or contains only white space" in out
    assert earlier.read_text(encoding="utf-8") == "doc_id\nfrom_an_earlier_run\n"


def test_no_analysable_document_fails_clearly_and_keeps_earlier_results(tmp_path):
    """Files that may be text until they are cleaned: the merge stops before writing, names
    each file's reason, and the earlier run's tables and report stay (a helper's walkthrough:
    they had been replaced by empty tables beside the old report)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "intelligence_diplomacy.txt", corpus)
    results = tmp_path / "results"
    assert run_workflow(corpus, results).returncode == 0
    before = tables_of(results)
    report = (results / "report.html").read_bytes()
    (corpus / "intelligence_diplomacy.txt").unlink()
    (corpus / "a.txt").write_text("Leave a Comment\nScroll to Top\n", encoding="utf-8")
    proc = run_workflow(corpus, results)
    assert proc.returncode != 0
    # printed once the run has stopped (on stdout), not only inside the job's log
    lines = proc.stdout.splitlines()
    start = lines.index(
        "rhetoric-compare: No document of the corpus could be analysed, so no table was "
        "written (an earlier run's tables are kept):"
    )
    assert (
        lines[start + 1]
        == "  a.txt: skipped: the file contains only web boilerplate after cleaning"
    )
    assert "NoDocumentsError" not in proc.stdout + proc.stderr  # the message, no traceback
    assert tables_of(results) == before
    assert (results / "report.html").read_bytes() == report
    # a first run: nothing to keep, and no table written
    proc = run_workflow(corpus, tmp_path / "fresh")
    assert proc.returncode != 0 and not (tmp_path / "fresh" / "tables" / "documents.csv").exists()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "Config key corpus_dir: corpus_dir '{corpus}' does not exist"),
        ("empty", "contains no *.txt or *.md files"),
        ("html only", "contains no *.txt or *.md files. Passed over:\n  page.html is an HTML "
         "page: only .txt and .md files are read; save it as plain text (.txt)"),
    ],
)  # fmt: skip
def test_missing_or_empty_corpus_stops_at_once(tmp_path, setup, message):
    corpus = tmp_path / "corpus"
    if setup != "missing":
        corpus.mkdir()
    if setup == "html only":
        (corpus / "page.html").write_text("<p>A page.</p>")
    proc = run_workflow(corpus, tmp_path / "results", "-n")
    assert proc.returncode != 0
    out = proc.stdout + proc.stderr
    assert message.format(corpus=corpus) in out
    assert crash_marks(out) == []


def test_config_of_wrong_type_names_the_key(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("ingest:\n  max_file_mb: big\n")
    proc = snakemake("--configfile", str(bad), "-n")
    assert proc.returncode != 0
    out = proc.stdout + proc.stderr
    assert "max_file_mb" in out and "'big' is not of type 'number'" in out


# the shipped lexicons the shipped config names, for a run in another folder
SHIPPED_LEXICONS = (
    f"sentiment:\n  extra_valences: [{ROOT}/pipeline/lexicons/sentiment_news.tsv]\n"
    f"  extra_neutral_senses: [{ROOT}/pipeline/lexicons/sentiment_senses.tsv]\n"
)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (  # the schema's refusal: Snakemake printed the whole schema (700 lines) after it
            "chunk_size: 5\n",
            "rhetoric-compare did not start: Config key chunk_size is not a key the workflow "
            "knows.",
        ),
        (  # a pre-flight check of the workflow's own
            "stance:\n  extra_lexicons: [no_such_file.tsv]\n",
            "rhetoric-compare did not start: Config lists lexicon or word-list files that do "
            "not exist",
        ),
        (  # a helper's walkthrough: an IndexError in ingest.smk
            "results_dir: 'out {2023}'\n",
            "rhetoric-compare did not start: Config key results_dir: Snakemake reads a word in "
            "braces in a path as a wildcard: rename the folder",
        ),
        (  # a robustness probe: a second run read the first one's output as 9 documents
            f"results_dir: {ROOT / 'corpus'}\n",
            "rhetoric-compare did not start: Config keys corpus_dir and results_dir name the "
            f"same folder, '{ROOT / 'corpus'}'",
        ),
        (  # the same probe: a 60-line traceback ending in NotADirectoryError
            f"results_dir: {ROOT / 'README.md'}\n",
            f"rhetoric-compare did not start: Config key results_dir: '{ROOT / 'README.md'}' is "
            "a file, not a folder",
        ),
        (  # a keyness review: bigrams asked of the comparison only were silently none
            "comparison:\n  ngram_range: [1, 2]\n" + SHIPPED_LEXICONS,
            "rhetoric-compare did not start: Config key comparison.ngram_range: [1, 2] is not "
            "within terms.ngram_range [1, 1], the n-gram orders the chunks count: set "
            "terms.ngram_range to [1, 2] too",
        ),
        (  # a reproducibility audit: run from another folder with a --configfile, the shipped
            # config/config.yaml was skipped without a word and the schema's defaults analysed
            "{}\n",
            "rhetoric-compare did not start: Config lists lexicon or word-list files that do "
            f"not exist (paths are relative to {{tmp}}): sentiment.extra_valences: "
            "pipeline/lexicons/sentiment_news.tsv; sentiment.extra_neutral_senses: "
            "pipeline/lexicons/sentiment_senses.tsv. They are in the project folder: run there, "
            f"or give their absolute paths in a --configfile ({ROOT}/pipeline/lexicons/"
            f"sentiment_news.tsv, {ROOT}/pipeline/lexicons/sentiment_senses.tsv)",
        ),
    ],
)
def test_a_refused_config_is_a_short_message_in_the_log_not_a_crash(tmp_path, config, message):
    """The message alone, on stderr and in Snakemake's log: no 'WorkflowError in file
    rules/common.smk' header, traceback lines or schema dump."""
    message = message.replace("{tmp}", str(tmp_path))
    path = tmp_path / "bad.yaml"
    path.write_text(config)
    # no dry run (a dry run writes no log); the working directory keeps the log apart
    proc = snakemake("--configfile", str(path), "--directory", str(tmp_path),
                     "--config", f"corpus_dir={ROOT / 'corpus'}")  # fmt: skip
    assert proc.returncode == 1
    out = proc.stdout + proc.stderr
    assert message in out
    assert crash_marks(out) == [] and "Failed validating" not in out
    assert len(out.splitlines()) <= 4
    (log,) = (tmp_path / ".snakemake" / "log").glob("*.snakemake.log")
    assert message in log.read_text(encoding="utf-8")


def test_snakemake_report_has_every_final_output(default_run, tmp_path):
    out = tmp_path / "workflow_report.html"
    proc = snakemake("--report", str(out), "--config", f"results_dir={default_run}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    html = out.read_text(encoding="utf-8", errors="replace")
    for name in (
        "keyness.csv",
        "stance_markers.csv",
        "frames.csv",
        "sentiment_arc.png",
        "report.html",
    ):
        assert name in html, name


def test_editing_a_lexicon_re_runs_the_analysis(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Frankly, the talks went well. Both sides agreed.\n")
    lexicon = tmp_path / "mine.tsv"
    header = "# version: 1\npattern\tcategory\tsubtype\tnote\n"
    lexicon.write_text(header + "agreed\tattitude\tverb\ta first entry\n")
    config = tmp_path / "config.yaml"
    config.write_text(f"stance:\n  extra_lexicons: [{lexicon}]\n")
    results = tmp_path / "results"

    def run(*extra: str):
        return run_tables(
            corpus, results, "--configfile", str(config), *extra, rules=STANCE_AND_FRAMES
        )

    assert run().returncode == 0

    def matches():
        rows = read_csv_rows(results / "tables" / "stance_markers.csv")
        return {r["match"] for r in rows}

    assert "agreed" in matches() and "Frankly" not in matches()
    lexicon.write_text(header + "agreed\tattitude\tverb\ta first entry\n"
                       "frankly\tattitude\tadverb\tadded later\n"
                       "to some extent\toff\t\tno entry has exactly this pattern\n")  # fmt: skip
    plan = run("-n")
    assert "analyse_chunk" in plan.stdout + plan.stderr
    assert run().returncode == 0
    assert {"agreed", "Frankly"} <= matches()
    # the off row that disables nothing is a problem of the run, not only a chunk log line
    problems = read_csv_rows(results / "tables" / "problems.csv")
    assert [(p["source"], p["doc_id"], p["stage"], p["severity"]) for p in problems] == [
        (str(lexicon), "", "stance", "warning")
    ]
    assert problems[0]["message"].startswith(
        "line 5: entry 'to some extent' is off but no earlier entry"
    )
    # a new frame id one letter away from a codebook id is run, and reported
    frames = tmp_path / "frames.tsv"
    frames.write_text("# version: 1\npattern\tframe\ntalks\teconomics\n")
    config.write_text(f"stance:\n  extra_lexicons: [{lexicon}]\n"
                      f"frames:\n  extra_lexicons: [{frames}]\n")  # fmt: skip
    # and a stance subtype one letter away from a shipped one
    with lexicon.open("a") as fh:
        fh.write("went well\thedge\tevidentail\ta typo\n")
    assert run().returncode == 0
    problems = read_csv_rows(results / "tables" / "problems.csv")
    assert sorted((p["source"], p["stage"], p["message"][:30]) for p in problems) == [
        (str(frames), "frames", "line 3: frame 'economics' of e"),
        (str(lexicon), "stance", "line 5: entry 'to some extent'"),
        (str(lexicon), "stance", "line 6: subtype 'evidentail' o"),
    ]
    assert "economics" in {r["frame"] for r in read_csv_rows(results / "tables" / "frames.csv")}


def test_groups_without_a_group_column_stops_before_the_run(tmp_path):
    config = tmp_path / "groups.yaml"
    config.write_text("comparison:\n  comparisons: groups\n")
    proc = snakemake("--configfile", str(config), "-n")
    assert proc.returncode != 0
    assert (
        "Config key comparison.group_column: an empty value (null) is not of type 'string'. "
        "About the key: With comparisons set to groups, the metadata column"
    ) in proc.stdout + proc.stderr
    config.write_text("comparison:\n  comparisons: groups\n  group_column: style\n")
    assert snakemake("--configfile", str(config), "-n").returncode == 0


def test_fewer_than_two_groups_stop_before_the_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text(f"Text {name} is here. It says little.\n")
    (corpus / "metadata.csv").write_text("doc_id,outlet\na,Daily\nb, Daily \n")
    config = tmp_path / "groups.yaml"
    config.write_text("comparison:\n  group_column: outlet\n")
    proc = run_workflow(corpus, tmp_path / "results", "--configfile", str(config), "-n")
    assert proc.returncode != 0
    assert (
        "gives the corpus documents 1 group(s) ('Daily'); comparing groups needs two."
        in " ".join((proc.stdout + proc.stderr).split())
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (  # stopped the merge after every chunk, with a traceback, and lost earlier tables
            "metadata.csv",
            b"docid,title\na,Title A\n",
            "Config key metadata: {path} must have a header row with a 'doc_id' column (its "
            "first line: docid, title)",
        ),
        ("metadata.csv", b"doc_id,title\na,Caf\xe9\n", "Config key metadata: {path} is not "
         "UTF-8 text (line 2 cannot be read): save it as UTF-8."),
        (  # a name of the user's own that does not exist was passed over
            "meta.csv",
            None,
            "Config key metadata: {path} does not exist (the name is relative to corpus_dir",
        ),
        ("metadata.csv", b"doc_id,outlet\na,X\nb,Y\na,Y\n", "Config key metadata: {path}: "
         "doc_id 'a' has two rows (lines 2 and 4): keep one row per document."),
        (".", None, "Config key metadata: {path} is a folder, not a CSV file."),
    ],
)  # fmt: skip
def test_a_metadata_file_that_cannot_be_used_stops_before_any_job(tmp_path, name, content,
                                                                  message):  # fmt: skip
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc in ("a", "b"):
        (corpus / f"{doc}.txt").write_text(f"Text {doc} is here. It says little.\n")
    if content is not None:
        (corpus / name).write_bytes(content)
    earlier = tmp_path / "results" / "tables" / "documents.csv"
    earlier.parent.mkdir(parents=True)
    earlier.write_text("doc_id\nfrom_an_earlier_run\n", encoding="utf-8")
    proc = snakemake("--config", f"corpus_dir={corpus}", f"results_dir={tmp_path / 'results'}",
                     f"metadata={name}")  # fmt: skip
    assert proc.returncode == 1
    assert message.format(path=corpus / name) in proc.stdout + proc.stderr
    assert crash_marks(proc.stdout + proc.stderr) == []
    assert earlier.read_text(encoding="utf-8") == "doc_id\nfrom_an_earlier_run\n"


def test_a_missing_metadata_file_of_the_default_name_or_none_is_no_problem(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Text a is here. It says little.\n")
    (corpus / "metadata.csv").write_text("no,id,column\n")  # refused, but not read with metadata=
    assert snakemake("-n", "--config", f"corpus_dir={corpus}", "metadata=").returncode == 0
    assert snakemake("-n", "--config", f"corpus_dir={corpus}").returncode == 1  # it is read
    (corpus / "metadata.csv").unlink()
    assert run_workflow(corpus, tmp_path / "results", "-n").returncode == 0


def test_a_group_column_the_metadata_lacks_stops_before_the_run(tmp_path):
    config = tmp_path / "groups.yaml"
    config.write_text("comparison:\n  comparisons: groups\n  group_column: Style\n")
    proc = snakemake("--configfile", str(config), "-n")
    assert proc.returncode != 0
    assert (
        "Config key comparison.group_column: corpus/metadata.csv has no column 'Style' (its "
        "columns: doc_id, title, source_seed, style)."
        in " ".join((proc.stdout + proc.stderr).split())
    )


def test_a_mistyped_extra_lexicon_stops_the_run_before_any_job(tmp_path):
    config = tmp_path / "typo.yaml"
    missing = tmp_path / "stance_extra.tsv"
    config.write_text(f"stance:\n  extra_lexicons: [{missing}]\n")
    proc = snakemake("--configfile", str(config), "-n")  # the committed results exist:
    assert proc.returncode != 0  # Snakemake alone said "Nothing to be done"
    assert (
        f"Config lists lexicon or word-list files that do not exist (paths are relative to "
        f"{ROOT}): stance.extra_lexicons: {missing}"
    ) in proc.stdout + proc.stderr


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        (
            "stance:\n  extra_lexicons",
            "pattern\tcategory\tsubtype\nfirmly\tbooster\tadverb\n",
            "Config key stance.extra_lexicons: lexicon file {path} has no '# version: ...' line",
        ),
        (
            "frames:\n  extra_lexicons",
            "# version: 1\npattern\tnote\nchips\ttech\n",
            "Config key frames.extra_lexicons: lexicon file {path} lacks column(s) frame",
        ),
        (
            "stance:\n  extra_lexicons",
            "# version: 1\npattern\tcategory\nfirmly\tbooster\n",
            "Config key stance.extra_lexicons: lexicon file {path} lacks column(s) subtype",
        ),
        (
            "sentiment:\n  extra_valences",
            "# version: 1\nterm\tnote\ncrippled\tx\n",
            "Config key sentiment.extra_valences: lexicon file {path} lacks column(s) valence",
        ),
        (  # readable, but the frames stage refuses the stance lexicon's "off"
            "frames:\n  extra_lexicons",
            "# version: 1\npattern\tframe\tnote\nfine print\toff\tx\n",
            "A lexicon or word list named in the config cannot be used: {path}, line 3: "
            "frame lexicon entry 'fine print': frame 'off' is not a frame",
        ),
        (
            "stance:\n  extra_lexicons",
            "# version: 1\npattern\tcategory\tsubtype\nfirmly\tboostr\tadverb\n",
            "A lexicon or word list named in the config cannot be used: {path}, line 3: "
            "entry 'firmly': unknown category 'boostr'",
        ),
    ],
)
def test_an_unreadable_extra_lexicon_stops_the_run_before_any_job(tmp_path, key, text, message):
    """Found when the workflow is parsed, not by every chunk job (on a cluster, after queueing)."""
    path = tmp_path / "extra.tsv"
    path.write_text(text, encoding="utf-8")
    config = tmp_path / "extra.yaml"
    config.write_text(f"{key}: [{path}]\n")
    proc = snakemake("--configfile", str(config), "-n")
    assert proc.returncode != 0
    assert message.format(path=path) in proc.stdout + proc.stderr


def test_a_corpus_folder_whose_path_is_not_utf8_stops_before_any_job(tmp_path):
    """Snakemake writes its inputs' paths to its own files as UTF-8: such a folder stopped the
    run with a traceback from Snakemake's locks."""
    import os

    folder = os.path.join(os.fsencode(tmp_path), b"caf\xe9")
    os.mkdir(folder)
    with open(os.path.join(folder, b"a.txt"), "w", encoding="utf-8") as fh:
        fh.write("A text about the port.")
    proc = snakemake("-n", "--config", f"corpus_dir={os.fsdecode(folder)}",
                     f"results_dir={tmp_path / 'out'}")  # fmt: skip
    assert proc.returncode != 0
    assert "Config key corpus_dir: the path of the folder is not valid UTF-8" in (
        proc.stdout + proc.stderr
    )


@pytest.mark.parametrize(
    "name", ["my results", "two  spaces", "cost$HOME", "it's", "a$(HOME)b", "a\\cb"]
)
def test_make_clean_removes_only_scratch_folders_of_any_results_path(tmp_path, name):
    import subprocess

    results = tmp_path / name
    for folder in ("chunks", "cache", "logs", "benchmarks", "tables", "plots"):
        (results / folder).mkdir(parents=True)
    (tmp_path / ".snakemake" / "log").mkdir(parents=True)
    (tmp_path / ".snakemake" / "metadata").mkdir()
    make = ["make", "-s", "-C", str(tmp_path), "-f", str(ROOT / "Makefile"), "clean"]
    proc = subprocess.run([*make, f"RESULTS={results}"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in results.iterdir()) == ["plots", "tables"]
    # Snakemake's record of how every output was made stays: a config change still re-runs
    assert sorted(p.name for p in (tmp_path / ".snakemake").iterdir()) == ["metadata"]
    assert proc.stdout.startswith(f"rm -rf {results}/{{chunks,")  # the path as it is
    for bad in ("", "/", "  ", "/tmp/.."):
        proc = subprocess.run([*make, f"RESULTS={bad}"], capture_output=True, text=True)
        assert proc.returncode == 2 and "RESULTS must name a results folder" in proc.stderr


def test_the_same_settings_in_another_order_re_run_nothing(default_run, tmp_path):
    """A reproducibility audit: a --configfile with the shipped values in another key order
    re-ran every chunk and corpus-level job (Snakemake compares a param by its text)."""
    import yaml

    shipped = yaml.safe_load((ROOT / "config" / "config.yaml").read_text(encoding="utf-8"))
    reordered = {name: dict(reversed(list(v.items()))) if isinstance(v, dict) else v
                 for name, v in reversed(list(shipped.items()))}  # fmt: skip
    assert list(reordered["comparison"]) != list(shipped["comparison"])
    path = tmp_path / "same.yaml"
    path.write_text(yaml.safe_dump(reordered, sort_keys=False), encoding="utf-8")
    proc = run_workflow(ROOT / "corpus", default_run, "--configfile", str(path), "-n")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Nothing to be done" in proc.stdout + proc.stderr, proc.stdout[-3000:]
