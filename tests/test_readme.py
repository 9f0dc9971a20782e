"""The README's worked examples on the default corpus quote the committed results exactly.

Each test finds one quoted number or row in README.md and checks it against the table (or the
report) it comes from, so a change that moves a result cannot leave the README behind.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest

# the README's examples describe the default corpus: skipped when corpus/ holds other texts
pytestmark = pytest.mark.default_results

ROOT = Path(__file__).resolve().parents[1]
TABLES = ROOT / "results" / "tables"
COOP, DIPLO = "intelligence_cooperation", "intelligence_diplomacy"


def readme() -> str:
    """README.md with every run of whitespace (line breaks included) made one space."""
    return re.sub(r"\s+", " ", (ROOT / "README.md").read_text(encoding="utf-8"))


def table_rows(name: str) -> list[dict[str, str]]:
    with open(TABLES / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def table_lines(name: str) -> set[str]:
    return set((TABLES / f"{name}.csv").read_text(encoding="utf-8").splitlines())


def documents() -> dict[str, dict[str, str]]:
    return {r["doc_id"]: r for r in table_rows("documents")}


def quoted(pattern: str) -> re.Match[str]:
    """The README's match of ``pattern`` (exactly one)."""
    found = list(re.finditer(pattern, readme()))
    assert len(found) == 1, f"README: expected one match of {pattern!r}, found {len(found)}"
    return found[0]


def number(text: str) -> float:
    """A README number, with the typographic minus."""
    return float(text.replace("−", "-"))


def test_tfidf_example_row_is_in_the_table() -> None:
    row = quoted(r"Example: `(intelligence_diplomacy,\d+,\w+,[\d.]+,\d+)`").group(1)
    assert row in table_lines("tfidf_top_terms")


def test_similarity_example_row_is_in_the_table() -> None:
    row = quoted(rf"`({COOP},{DIPLO},[\d.]+)`").group(1)
    assert row in table_lines("similarity")


def test_stance_rates_example() -> None:
    m = quoted(
        rf"{DIPLO} has ([\d.]+) hedges, ([\d.]+) named and ([\d.]+) vague attributions per "
        r"1,000 words, (\d+) figures \((\d+) named, (\d+) vague, (\d+) unsourced\) and (\d+) "
        rf"questions; {COOP} has ([\d.]+) hedges and ([\d.]+) boosters per 1,000 words and no "
        r"figures"
    )
    d, c = documents()[DIPLO], documents()[COOP]
    rates = ("hedges_per_1k", "attributions_named_per_1k", "attributions_vague_per_1k")
    counts = ("n_figures", "n_figures_named", "n_figures_vague", "n_figures_unsourced")
    expected = [f"{float(d[k]):.1f}" for k in rates] + [d[k] for k in (*counts, "n_questions")]
    expected += [f"{float(c[k]):.1f}" for k in ("hedges_per_1k", "boosters_per_1k")]
    assert list(m.groups()) == expected
    assert c["n_figures"] == "0"


def test_sentiment_aggregates_example() -> None:
    num = r"(−?[\d.]+)"
    m = quoted(
        rf"`{DIPLO}` has compound_mean {num} \(95% CI {num} … {num}\), median {num}, (\d+)% "
        rf"positive, (\d+)% negative and (\d+)% neutral sentences; `{COOP}` has {num} "
        rf"\({num} … {num}\)"
    )
    d, c = documents()[DIPLO], documents()[COOP]
    cols = ("compound_mean", "compound_ci_low", "compound_ci_high", "compound_median")
    shares = ("share_positive", "share_negative", "share_neutral")
    got = m.groups()
    assert [number(x) for x in got[:4]] == [round(float(d[k]), 3) for k in cols]
    assert [int(x) for x in got[4:7]] == [round(100 * float(d[k])) for k in shares]
    assert [number(x) for x in got[7:]] == [round(float(c[k]), 3) for k in cols[:3]]


def test_actor_example() -> None:
    m = quoted(
        rf"Huawei in `{DIPLO}`: (\d+) mentions in (\d+) sentences, mean (−[\d.]+) "
        r"\(CI (−[\d.]+) … (−[\d.]+)\)"
    )
    (row,) = [
        r for r in table_rows("actor_sentiment") if (r["doc_id"], r["actor"]) == (DIPLO, "Huawei")
    ]
    assert m.groups()[:2] == (row["n_mentions"], row["n_sentences"])
    cols = ("compound_mean", "compound_ci_low", "compound_ci_high")
    assert [number(x) for x in m.groups()[2:]] == [round(float(row[k]), 3) for k in cols]


def test_frame_table_example() -> None:
    shares = {(r["doc_id"], r["frame"]): r for r in table_rows("frames")}
    cell = r"([\d.]+) \[([\d.]+), ([\d.]+)\]"
    for frame in ("economic", "security_defense", "external_regulation"):
        m = quoted(rf"\| {frame} \| {cell} \| {cell} \|")
        for doc, got in ((COOP, m.groups()[:3]), (DIPLO, m.groups()[3:])):
            r = shares[(doc, frame)]
            cols = ("share", "share_ci_low", "share_ci_high")
            assert [float(x) for x in got] == [round(float(r[k]), 2) for k in cols], frame


def test_frame_differences_example() -> None:
    m = quoted(
        r"economic difference (-[\d.]+), interval \[(-[\d.]+), (-[\d.]+)\]\) and the first is "
        r"almost entirely security and espionage \(\+([\d.]+), \[([\d.]+), ([\d.]+)\]\)"
    )
    rows = {r["frame"]: r for r in table_rows("frame_differences")}
    cols = ("difference", "ci_low", "ci_high")
    want = [round(float(rows[f][k]), 2) for f in ("economic", "security_defense") for k in cols]
    assert [float(x) for x in m.groups()] == want


def test_keyness_counts_and_q_values() -> None:
    rows = {r["term"]: r for r in table_rows("keyness")}
    for doc, side in ((COOP, "target"), (DIPLO, "reference")):
        listed = quoted(rf"- {doc}: ((?:[\w.-]+ \(\d+/\d+\)(?:, )?)+)").group(1)
        for term, a, b in re.findall(r"([\w.-]+) \((\d+)/(\d+)\)", listed):
            r = rows[term]
            assert (a, b) == (r["count_target"], r["count_reference"]), term
            assert float(r["log_odds_z"]) > 0 if side == "target" else float(r["log_odds_z"]) < 0
    m = quoted(r"Only ((?:`\w+`(?:, | and )?)+) reach q < 0.05 \(`(\w+)`: q = ([\d.]+)\)")
    named = re.findall(r"`(\w+)`", m.group(1))
    assert sorted(named) == sorted(t for t, r in rows.items() if float(r["q_value"]) < 0.05)
    assert round(float(rows[m.group(2)]["q_value"]), 3) == float(m.group(3))


@pytest.mark.parametrize(
    "pattern",
    [
        rf"\*\"({DIPLO} uses [\d.]+× more vague attributions .*?not a clear difference\))\"\*",
        rf"\*\"(Boosters: \d+ in {COOP} vs \d+ in {DIPLO} .*?too few to call a difference)\"\*",
        rf"\*\"({COOP}'s sentences are more positive on average: .*?this may be noise\))\"\*",
    ],
)
def test_quoted_report_items_are_in_the_report(pattern: str) -> None:
    item = quoted(pattern).group(1)
    page = re.sub(
        r"\s+",
        " ",
        html.unescape(
            re.sub(r"<[^>]+>", "", (ROOT / "results" / "report.html").read_text(encoding="utf-8"))
        ),
    )
    assert item in page


def test_the_example_stage_runs_as_written(default_corpus) -> None:
    """The "Adding a stage" example is working code: its output passes the chunk's check, its
    offsets point at the modal verbs, and its rate counts body sentences only."""
    from pipeline.stages import check_output
    from tests.conftest import segment_text

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(# pipeline/modals\.py\n.*?)```", text, flags=re.S)
    namespace: dict = {}
    exec(compile(code, "README.md (pipeline/modals.py)", "exec"), namespace)
    stage = namespace["ModalsStage"]()
    doc = segment_text("Could It Rain\n\nIt may rain. We must go; they might not.\n", "d")
    out = stage.analyse(doc)
    check_output(stage, out, len(doc.sentences))
    assert out.sentence_columns == {"n_modals": [1, 1, 2]}  # the heading's "Could" counted
    rows = out.tables["modal_verbs"]
    assert [doc.clean[r["start"] : r["end"]] for r in rows] == ["Could", "may", "must", "might"]
    assert [r["sent_id"] for r in rows] == [1, 2, 3, 3]
    # 3 modals in body sentences of 3 + 6 words
    assert doc.n_words == 9 and out.document_columns["modals_per_1k"] == pytest.approx(1000 / 3)
    for segmented in default_corpus.values():  # and on real documents
        check_output(stage, stage.analyse(segmented), len(segmented.sentences))
