"""Bad input never crashes the run, never loses work, and is always explained (issue 8)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from pipeline.htmltext import html_to_text, looks_like_html
from pipeline.language import NO_BODY_WORDS, language_warning, text_warnings
from pipeline.merge import mark_duplicates
from pipeline.tables import read_csv_rows
from tests.conftest import segment_text
from tests.workflow_helpers import ROOT, run_tables, run_workflow, tables_of

SEEDS = ("intelligence_cooperation.txt", "intelligence_diplomacy.txt")
SEED_IDS = {"intelligence_cooperation", "intelligence_diplomacy"}
GERMAN = (
    "Die Regierung hat am Montag neue Regeln für die Datenverarbeitung beschlossen. Nach "
    "Angaben des Ministeriums sollen die Unternehmen ihre Daten künftig im Inland speichern. "
    "Kritiker sprechen von einem schweren Eingriff in die Freiheit der Wirtschaft und warnen "
    "vor hohen Kosten für kleine Betriebe, die sich keine eigenen Rechenzentren leisten können."
)
SMART_QUOTES = "Officials said “the deal is done” — and it’s final.\n"
CHINESE = "中国与俄罗斯的情报合作在2023年显著加强。据报道，双方签署了新的协议。\n"
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head><body>"
    "<h1>Trade talks stall</h1><p>Negotiators met on Monday.</p>"
    "<script>alert('x')</script><p>No deal was reached.</p></body></html>"
)
PROBLEM_FILES = {
    # file name -> (bytes, words that must be in its problems.csv message)
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n\t \n", "empty"),
    "only_boilerplate.txt": (b"Leave a Comment\n\nScroll to Top\n", "only web boilerplate"),
    "nul_bytes.txt": (b"abc\x00\x00\x01\x02\x03def" * 20, "not text"),
    "picture.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
    "scan.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF file"),
    "huge.txt": (b"Word after word. " * 70_000, "over the 1 MB limit"),
    "bad_bytes.txt": (
        "Beijing’s “cyber sovereignty” is contested. ".encode() * 4 + b"\xff\xfe.",
        "not valid UTF-8",
    ),
    "german.txt": (GERMAN.encode(), "does not look like English"),
    "page.txt": (HTML_PAGE.encode(), "looked like an HTML page"),
    "intelligence_diplomacy_copy.txt": (None, "same content as intelligence_diplomacy"),
}
DECODED_FILES = {
    # file name -> (bytes, expected encoding, expected clean text)
    "utf16_bom.txt": (SMART_QUOTES.encode("utf-16"), "utf-16", SMART_QUOTES.strip()),
    "utf16_le.txt": (SMART_QUOTES.encode("utf-16-le"), "utf-16-le", SMART_QUOTES.strip()),
    # few NUL bytes: it was once taken for binary data
    "chinese_utf16_be.txt": (CHINESE.encode("utf-16-be"), "utf-16-be", CHINESE.strip()),
    "windows.txt": (SMART_QUOTES.encode("cp1252"), "cp1252", SMART_QUOTES.strip()),
    "latin1.txt": (
        "Ça coûte très cher à Genève.\n".encode("latin-1"),
        "cp1252",
        "Ça coûte très cher à Genève.",
    ),
    "line_ends.txt": (
        b"First line.\r\nSecond line.\rThird line.\n",
        "utf-8",
        "First line.\nSecond line.\nThird line.",
    ),
    "long_line.txt": (("word " * 20_000).encode(), "utf-8", ("word " * 20_000).strip()),
}
ODD_NAMES = [
    "my file (1).txt",
    "café ñandú.txt",
    'it\'s "quoted".txt',
    "$(touch pwned);.txt",
    "-leading-dash.txt",
    "x" * 200 + ".txt",
    "carriage\rreturn.txt",  # csv.writer leaves a lone \r unquoted: it once broke the merge
    "line\nbreak, comma.txt",
]


def _write_messy_corpus(corpus):
    corpus.mkdir()
    for name in SEEDS:
        shutil.copy(ROOT / "corpus" / name, corpus / name)
    shutil.copy(ROOT / "corpus" / "metadata.csv", corpus / "metadata.csv")
    for name, (data, _) in PROBLEM_FILES.items():
        if data is None:
            shutil.copy(ROOT / "corpus" / "intelligence_diplomacy.txt", corpus / name)
        else:
            (corpus / name).write_bytes(data)
    for name, (data, _, _) in DECODED_FILES.items():
        (corpus / name).write_bytes(data)
    for i, name in enumerate(ODD_NAMES):
        (corpus / name).write_text(f"Odd name number {i} is analysed. It has two sentences.\n")
    outside = corpus.parent / "outside.txt"
    outside.write_text("A file outside the corpus folder.")
    os.symlink(outside, corpus / "link_outside.txt")
    os.symlink(corpus / "nowhere.txt", corpus / "broken_link.txt")  # once stopped the run
    os.mkfifo(corpus / "pipe.txt")  # once blocked a chunk job for good


@pytest.fixture(scope="module")
def messy_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("messy")
    corpus, results = base / "corpus", base / "results"
    _write_messy_corpus(corpus)
    config = base / "config.yaml"
    config.write_text("ingest:\n  max_file_mb: 1\n")
    proc = run_workflow(corpus, results, "--configfile", str(config))
    return proc, results


def test_run_completes_with_exit_zero(messy_run):
    proc, _ = messy_run
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not (ROOT / "pwned").exists() and not (ROOT / "corpus" / "pwned").exists()


@pytest.mark.parametrize("name", sorted(PROBLEM_FILES))
def test_each_bad_file_is_explained(messy_run, name):
    _, results = messy_run
    problems = read_csv_rows(results / "tables" / "problems.csv")
    mine = [p for p in problems if p["source"] == name]
    assert mine, f"{name} is not in problems.csv"
    assert any(PROBLEM_FILES[name][1] in p["message"] for p in mine), mine


def test_link_outside_is_not_followed(messy_run):
    _, results = messy_run
    problems = read_csv_rows(results / "tables" / "problems.csv")
    assert any(
        p["source"] == "link_outside.txt" and "outside the corpus" in p["message"] for p in problems
    )
    docs = {r["source_file"] for r in read_csv_rows(results / "tables" / "documents.csv")}
    assert "link_outside.txt" not in docs


def test_broken_links_and_pipes_are_passed_over_with_the_reason(messy_run):
    _, results = messy_run
    problems = {p["source"]: p for p in read_csv_rows(results / "tables" / "problems.csv")}
    assert problems["broken_link.txt"]["message"] == (
        "skipped: is a broken link: the file it points to does not exist; restore the file or "
        "remove the link"
    )
    assert problems["pipe.txt"]["message"] == (
        "skipped: is not a regular file (a named pipe, socket or device): save the text as a file"
    )


@pytest.mark.parametrize("name", sorted(DECODED_FILES))
def test_encodings_are_decoded_right(messy_run, name):
    _, results = messy_run
    docs = {r["source_file"]: r for r in read_csv_rows(results / "tables" / "documents.csv")}
    _, encoding, text = DECODED_FILES[name]
    row = docs[name]
    assert row["encoding"] == encoding
    assert (results / "docs" / row["doc_id"] / "clean.txt").read_text(encoding="utf-8") == text


def test_odd_file_names_get_safe_ids_and_keep_their_name(messy_run):
    _, results = messy_run
    docs = {r["source_file"]: r for r in read_csv_rows(results / "tables" / "documents.csv")}
    ids = set()
    for name in ODD_NAMES:
        doc_id = docs[name]["doc_id"]
        assert all(c.isalnum() or c in "_.-" for c in doc_id) and not doc_id.startswith("-")
        assert len(doc_id) <= 80
        ids.add(doc_id)
    assert len(ids) == len(ODD_NAMES)


def test_duplicate_is_flagged_and_analysed_once(messy_run):
    _, results = messy_run
    docs = {r["doc_id"]: r for r in read_csv_rows(results / "tables" / "documents.csv")}
    assert "intelligence_diplomacy_copy" not in docs
    sentences = read_csv_rows(results / "tables" / "sentences.csv")
    assert not [s for s in sentences if s["doc_id"] == "intelligence_diplomacy_copy"]


@pytest.mark.default_results
def test_seeds_are_analysed_exactly_as_alone(messy_run):
    _, results = messy_run
    committed = tables_of(ROOT / "results")
    messy = tables_of(results)
    for name, data in committed.items():
        if name.startswith("docs/"):
            assert messy[name] == data
            continue
        if name.endswith(
            (
                "problems.csv",
                "similarity.csv",
                "keyness.csv",
                "frame_differences.csv",
                "tfidf_top_terms.csv",
            )
        ):
            continue  # corpus-level: depend on which documents are in the corpus
        header, *rows = list(csv.reader(io.StringIO(data.decode())))
        mheader, *mrows = list(csv.reader(io.StringIO(messy[name].decode())))
        assert header == mheader
        key = header.index("doc_id")
        assert [r for r in mrows if r[key] in SEED_IDS] == rows, name


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        (HTML_PAGE, True),
        ("Use <b>bold</b> sparingly, says the style guide.", False),
        ("a < b and c > d in this formula.", False),
    ],
)
def test_looks_like_html(text, is_html):
    assert looks_like_html(text) is is_html


def test_html_to_text_keeps_visible_text_only():
    assert (
        html_to_text(HTML_PAGE)
        == "Trade talks stall\n\nNegotiators met on Monday.\n\nNo deal was reached."
    )


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        (GERMAN, True),
        ("Правительство объявило о новых правилах хранения данных в стране.", True),
        ((ROOT / "corpus" / "intelligence_cooperation.txt").read_text(), False),
        ("Short.", False),
        # unpunctuated lines are headings: a text of them is read whole (a review)
        (
            "\n\n".join(
                [
                    "Die Regierung plant neue Regeln",
                    "Der Schutz der Daten ist wichtig",
                    "Die Firmen sind besorgt über die Kosten",
                    "Das Gesetz soll im Sommer kommen",
                    "Die Opposition kritisiert den Plan",
                    "Viele Bürger sind skeptisch",
                ]
                * 2
            ),
            True,
        ),
        # a thread in plain English: its post headers are headings, no prose (a walkthrough:
        # 35 of its 112 tokens were headers, and the text "did not look like English")
        (
            "\n\n".join(
                f"Sam Lee @samlee_sec · Jun 12\n{p}"
                for p in (
                    "Hot take thread. Data security is not hard. We make it hard.",
                    "1/ Everyone yells about China. Fine. China hacks. We know.",
                    "2/ But most breaches? Bad passwords. Old software. Lazy admins.",
                    "3/ You want to stop spies? Patch your stuff. Use MFA. Back up your data.",
                    "4/ It's boring. It works. Boring is good.",
                    "5/ Bans make headlines. Patches make you safe. Pick one.",
                )
            ),
            False,
        ),
    ],
)
def test_language_warning(text, warns):
    assert (language_warning(segment_text(text)) is not None) is warns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("😀😀😀 🎉 🙌", [NO_BODY_WORDS]),
        ("." * 1000, [NO_BODY_WORDS]),
        ("Prices rose. Officials said so.", []),
    ],
)
def test_a_text_without_body_words_is_warned_of(text, expected):
    """A robustness probe: files of emoji or dots alone were analysed with no problem row
    (the emoji even scored a sentiment of 0.76)."""
    assert text_warnings(segment_text(text)) == expected


def test_mark_duplicates_keeps_first_by_doc_id():
    header = ["doc_id", "content_sha256", "duplicate_of"]
    rows = [["a", "x", ""], ["b", "y", ""], ["c", "x", ""]]
    assert mark_duplicates(header, rows) == {"c": "a"}
    assert rows[2] == ["c", "x", "a"]


def test_mark_duplicates_keeps_the_copy_with_a_metadata_row():
    """news__2023__story-1 (a copy) sorts before residents_health, which metadata.csv titles:
    the titled one is kept, else the copy would take its place and its title and group."""
    header = ["doc_id", "content_sha256", "duplicate_of"]
    rows = [["news__2023__story-1", "x", ""], ["other", "y", ""], ["residents_health", "x", ""],
            ["zz_copy", "x", ""]]  # fmt: skip
    assert mark_duplicates(header, rows, prefer={"residents_health", "other"}) == {
        "news__2023__story-1": "residents_health", "zz_copy": "residents_health",
    }  # fmt: skip
    assert [r[2] for r in rows] == ["residents_health", "", "", "residents_health"]


def test_interrupted_run_resumes_to_the_same_tables(tmp_path):
    from pipeline.synthetic import write_corpus

    corpus = tmp_path / "corpus"
    write_corpus(corpus, n_docs=300, seed=7)
    reference = tmp_path / "reference"
    assert run_tables(corpus, reference).returncode == 0  # the tables are compared
    interrupted = tmp_path / "interrupted"
    # with Snakemake's lock, as a user's run: the resumed run must find no lock left behind
    cmd = [
        sys.executable,
        "-m",
        "snakemake",
        "--cores",
        "2",
        "--config",
        f"corpus_dir={corpus}",
        f"results_dir={interrupted}",
    ]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.time() + 120
    while time.time() < deadline and not list((interrupted / "chunks").glob("*/documents.csv")):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
    proc.wait(timeout=120)
    assert not (interrupted / "manifest.json").exists(), "the run finished before the interrupt"
    # a job Snakemake stopped by killing its shell may still be finishing a write: give it time
    # to rename or remove its temporary file, then none may be left
    deadline = time.time() + 30
    while (partial := list(interrupted.rglob("*.tmp"))) and time.time() < deadline:
        time.sleep(0.2)
    assert not partial, f"partial file left: {partial}"
    resumed = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "run",
            f"SNAKEMAKE_ARGS=--config corpus_dir={corpus} results_dir={interrupted}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert tables_of(interrupted) == tables_of(reference)
