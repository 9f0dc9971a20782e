"""The README's worked examples on the default corpus quote the committed results exactly, and
its evaluation figures and lexicon sizes are what the annotated data and lexicons give now.

Each test finds one quoted number or row in README.md and checks it against the table (or the
report, the evaluation, the lexicon) it comes from, so a change that moves a result cannot leave
the README behind.
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
    """The table's exact intervals, and the report's adjusted for 15 frames (both counting
    runs of a frame's sentences as fewer, pooled over both texts and all frames)."""
    import pandas as pd

    from pipeline.report_intervals import bonferroni, proportion_difference_interval
    from pipeline.report_stats import frame_sums
    from pipeline.serial_stats import alike_of_sums, effective_size

    m = quoted(
        r"economic difference (-[\d.]+), interval \[(-[\d.]+), (-[\d.]+)\],\s+though once the "
        r"choice of the largest of (\d+) differences is allowed for, as the report does,\s+the "
        r"interval runs from (-[\d.]+) to ([\d.]+) and the contrast is tentative\) and the first "
        r"is almost\s+entirely security and espionage \(\+([\d.]+), \[([\d.]+), ([\d.]+)\]; "
        r"adjusted, ([\d.]+) to ([\d.]+)\)"
    )
    rows = {r["frame"]: r for r in table_rows("frame_differences")}
    cols = ("difference", "ci_low", "ci_high")
    economic, security = ([round(float(rows[f][k]), 2) for k in cols]
                          for f in ("economic", "security_defense"))  # fmt: skip
    got = [float(x) for x in m.groups()]
    assert got[:3] == economic and got[6:9] == security
    assert got[3] == len(rows)
    shares = {(r["doc_id"], r["frame"]): int(r["n_sentences"]) for r in table_rows("frames")}
    body = {r["doc_id"]: int(r["n_sentences"]) for r in table_rows("documents")}
    a, b = sorted(body)
    level = bonferroni(len(rows))
    alike = alike_of_sums(*frame_sums(pd.read_csv(TABLES / "frames.csv"), body))
    worth = tuple(min(body[d], effective_size(body[d], alike)) for d in (a, b))
    for frame, ends in (("economic", got[4:6]), ("security_defense", got[9:11])):
        low, high = proportion_difference_interval(
            shares[a, frame], body[a], shares[b, frame], body[b], confidence=level,
            effective=worth,
        )  # fmt: skip
        assert ends == [round(low, 2), round(high, 2)], frame


def test_keyness_counts_and_q_values() -> None:
    rows = {r["term"]: r for r in table_rows("keyness")}
    for doc, side in ((COOP, "target"), (DIPLO, "reference")):
        listed = quoted(rf"- {doc}: ((?:[\w.-]+ \(\d+/\d+\)(?:, )?)+)").group(1)
        for term, a, b in re.findall(r"([\w.-]+) \((\d+)/(\d+)\)", listed):
            r = rows[term]
            assert (a, b) == (r["count_target"], r["count_reference"]), term
            assert float(r["log_odds_z"]) > 0 if side == "target" else float(r["log_odds_z"]) < 0
    m = quoted(r"No term reaches `q_exact` < 0.05 \(the lowest: `(\w+)`, p_exact = ([\d.]+), "
               r"q_exact = ([\d.]+)\)")  # fmt: skip
    assert not any(float(r["q_exact"]) < 0.05 for r in rows.values())
    lowest = min(rows.values(), key=lambda r: float(r["p_exact"]))
    assert lowest["term"] == m.group(1)
    assert f"{float(lowest['p_exact']):.2g}" == m.group(2)
    assert round(float(lowest["q_exact"]), 3) == float(m.group(3))
    m = quoted(r"G²'s chi-square q-values would put ((?:`\w+`(?:,\s| and\s)?)+)\s*under 0.05 "
               r"\(`(\w+)`: q = ([\d.]+)\)")  # fmt: skip
    named = re.findall(r"`(\w+)`", m.group(1))
    assert sorted(named) == sorted(t for t, r in rows.items() if float(r["q_value"]) < 0.05)
    assert round(float(rows[m.group(2)]["q_value"]), 3) == float(m.group(3))


def test_no_sentiment_item_where_the_readme_says_none() -> None:
    """The README quotes the sentiment item as the default corpus gave it before sentiment
    senses 1.11.0; since then the means differ by less than 0.05 and the report lists none."""
    m = quoted(
        r"No item is written when the means\s+differ by less than 0\.05, as on the default corpus "
        r"since sentiment senses 1\.11\.0 \((−[\d.]+) and\s+(−[\d.]+)\)"
    )
    means = [float(documents()[d]["compound_mean"]) for d in (COOP, DIPLO)]
    assert [number(x) for x in m.groups()] == [round(x, 2) for x in means]
    assert abs(means[0] - means[1]) < 0.05
    report = (ROOT / "results" / "report.html").read_text(encoding="utf-8")
    assert "more positive on average" not in report


@pytest.mark.parametrize(
    "pattern",
    [
        rf"\*\"({DIPLO} uses [\d.]+× more vague attributions .*?not a clear difference\))\"\*",
        rf"\*\"(Boosters: \d+ in {COOP} vs \d+ in {DIPLO} .*?too few to call a difference)\"\*",
        rf"\*\"({DIPLO} uses figures and {COOP} none: .*?without a source)\"\*",
        rf"\*\"({DIPLO} leans more on the economic frame: .*?this\s+may be noise\))\"\*",
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


# The evaluation figures (`make evaluate`) and lexicon sizes the README quotes, recomputed from
# tests/data and pipeline/lexicons, so a new annotated row or lexicon entry cannot leave them
# behind.


def data_rows(name: str) -> list[dict[str, str]]:
    lines = (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line and not line.startswith("#")]
    return list(csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE))


def close(text: str, value: float) -> bool:
    """A README figure rounded to two decimals is ``value`` (either way at an exact half)."""
    return abs(float(text) - value) <= 0.005 + 1e-9


def test_quick_start_counts_the_annotated_sentences() -> None:
    m = quoted(
        r"stance markers on (\d+) sentences, policy frames on (\d+), sentiment sign on (\d+)\)"
    )
    names = ("stance_annotated.tsv", "frames_annotated.tsv", "sentiment_labelled.tsv")
    assert [int(x) for x in m.groups()] == [len(data_rows(n)) for n in names]
    blind = quoted(
        r"blind sets that .*? \((\d+) \+ (\d+) \+ (\d+) \+ (\d+) \+ (\d+) \+ (\d+), "
        r"(\d+) \+ (\d+) \+ (\d+) \+ (\d+) \+ (\d+) and (\d+) \+ (\d+) sentences\)"
    )
    names = ("stance_blind.tsv", "stance_blind2.tsv", "stance_blind3.tsv", "stance_blind4.tsv",
             "stance_blind5.tsv", "stance_blind6.tsv",
             "frames_blind.tsv", "frames_blind2.tsv", "frames_blind3.tsv", "frames_blind4.tsv",
             "frames_blind5.tsv",
             "sentiment_blind.tsv", "sentiment_blind2.tsv")  # fmt: skip
    assert [int(x) for x in blind.groups()] == [len(data_rows(n)) for n in names]


def test_stance_quality_table_is_what_stance_eval_prints() -> None:
    from pipeline.stance_eval import BLIND_SETS, evaluate

    rows = data_rows("stance_annotated.tsv")
    splits = [r["split"] for r in rows]
    m = quoted(
        r"`tests/data/stance_annotated.tsv`: (\d+) sentences we wrote .*? split into dev "
        r"\((\d+)\) and held-out test \((\d+)\) rows"
    )
    assert [int(x) for x in m.groups()] == [len(rows), splits.count("dev"), splits.count("test")]
    assert int(quoted(r"\| F1, all (\d+) rows \|").group(1)) == len(rows)
    blinds = [data_rows(path.name) for path in BLIND_SETS]
    header = r" \| baseline \| ".join(rf"set {i} \((\d+)\)" for i in range(1, len(BLIND_SETS) + 1))
    sizes = quoted(rf"\| category \| {header} \| baseline \|")
    assert [int(x) for x in sizes.groups()] == [len(b) for b in blinds]
    assert all({r["split"] for r in b} == {"test"} for b in blinds)  # all held out
    scores = evaluate().set_index(["system", "split", "category"])["f1"]
    blind_scores = [evaluate(path).set_index(["system", "split", "category"])["f1"]
                    for path in BLIND_SETS]  # fmt: skip
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    cell, sep = r"([\d.]+)", r" \| "
    for label, category in (
        ("hedge", "hedge"),
        ("booster", "booster"),
        ("named attribution", "attribution_named"),
        ("vague attribution", "attribution_vague"),
    ):
        own, blind = (
            re.search(rf"^\| {label} \| {sep.join([cell] * n)} \|$", text, flags=re.M).groups()
            for n in (4, 2 * len(BLIND_SETS))
        )
        want = [scores[(system, split, category)] for split in ("all", "test")
                for system in ("detector", "baseline")]  # fmt: skip
        assert all(close(g, w) for g, w in zip(own, want, strict=True)), (label, own, want)
        want = [b[(system, "all", category)] for b in blind_scores
                for system in ("detector", "baseline")]  # fmt: skip
        assert all(close(g, w) for g, w in zip(blind, want, strict=True)), (label, blind, want)


def test_frames_quality_table_is_what_frames_eval_prints() -> None:
    from pipeline.frames_eval import BLIND_SETS, evaluate

    n = int(quoted(r"`tests/data/frames_annotated.tsv` holds (\d+) sentences").group(1))
    assert n == len(data_rows("frames_annotated.tsv"))
    for path in BLIND_SETS:
        assert {r["split"] for r in data_rows(path.name)} == {"test"}  # all held out
    cell = r"([\d.]+)"
    blind = {"blind": BLIND_SETS[0]} | {f"blind {i + 1}": p for i, p in enumerate(BLIND_SETS) if i}
    for split in ("dev", "test", *blind):
        m = quoted(rf"\| {split} \| (\d+) \| {cell} \| {cell} \| {cell} \| {cell} \|")
        e = evaluate(blind[split]) if split in blind else evaluate(split=split)
        assert int(m.group(1)) == e.n_sentences
        want = (e.micro_precision, e.micro_recall, e.micro_f1, e.macro_f1)
        assert all(close(g, w) for g, w in zip(m.groups()[1:], want)), (split, m.groups())


def test_sentiment_agreement_is_what_make_evaluate_prints() -> None:
    from pipeline.__main__ import (
        BLIND_SENTIMENT,
        BLIND_SENTIMENT_2,
        DEV_SENTIMENT,
        evaluate_sentiment,
    )

    printed = evaluate_sentiment()
    printed_blind = evaluate_sentiment(BLIND_SENTIMENT)
    printed_blind_2 = evaluate_sentiment(BLIND_SENTIMENT_2)
    printed_dev = evaluate_sentiment(DEV_SENTIMENT)
    for name in ("sentiment_blind.tsv", "sentiment_blind2.tsv"):
        assert {r["known_disagreement"] for r in data_rows(name)} == {"0"}
    rows = data_rows("sentiment_labelled.tsv")
    n_sense = sum(r["category"] == "sense" for r in rows)
    n_known = sum(r["known_disagreement"] == "1" for r in rows)
    m = quoted(
        r"`tests/data/sentiment_labelled.tsv` holds (\d+) sentences .*? and (\d+) with a word in "
        r"a non-evaluative sense .*? agreement on the (\d+) where plain VADER's sign matches a "
        r"careful reading; the (\d+) marked `known_disagreement`.*? all (\d+) sense sentences"
    )
    assert [int(x) for x in m.groups()] == [len(rows), n_sense, len(rows) - n_known, n_known,
                                            n_sense]  # fmt: skip
    for label, line in (
        ("the authors' lexicon", "authors' VADER lexicon"),
        (r"the shipped config \(.*?\)", "as configured"),
    ):
        cell = r"(\d+) of (\d+) \((\d+)%\)"
        numbers = quoted(rf"\| {label} \| {cell} \| {cell} \| {cell} \| {cell} \|").groups()
        for (agree, total, pct), text in zip(
            (numbers[:3], numbers[3:6], numbers[6:9], numbers[9:]),
            (printed, printed_blind, printed_blind_2, printed_dev),
            strict=True,
        ):
            (found,) = re.findall(rf"{line}.*?: (\d+)/(\d+) sentences agree", text)
            assert (agree, total) == found
            assert int(pct) == round(100 * int(agree) / int(total))


def test_lexicon_sizes() -> None:
    from pipeline.lexicon import lexicon_path, read_lexicon

    news = quoted(r"The shipped config adds (\d+) of them from `pipeline/lexicons/sentiment_news")
    valences = read_lexicon([lexicon_path("sentiment_news.tsv")], required=("term", "valence"))
    assert int(news.group(1)) == len(valences.rows)
    about = quoted(r"`pipeline/lexicons/frames.tsv` \(about (\d+) entries")
    frames = read_lexicon([lexicon_path("frames.tsv")], required=("pattern", "frame"))
    assert abs(int(about.group(1)) - len(frames.rows)) <= 10  # "about": to the nearest ten


def github_anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives the headings of ``markdown``: lower case, punctuation other than
    hyphens and underscores dropped, spaces as hyphens, '-1', '-2' ... for a repeated heading."""
    seen: dict[str, int] = {}
    out = set()
    in_code = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        heading = re.match(r"#{1,6} (.+)", line)
        if in_code or not heading:
            continue
        slug = re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def test_every_link_inside_the_readme_leads_to_a_heading():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    anchors = github_anchors(text)
    assert {
        "quick-start",
        "outputs",
        "outputs-1",
        "the-comparison-report-resultsreporthtml",
    } <= anchors
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert len(links) > 20
    assert sorted(links - anchors) == []


def test_the_cluster_resource_table_is_what_the_rules_ask_for() -> None:
    """The README's table of the batch jobs' memory and time, and its list of the rules that run
    on the submitting machine, are the rules' `resources:` and the Snakefile's `localrules`."""
    asked = {}
    for path in sorted((ROOT / "rules").glob("*.smk")):
        for block in re.split(r"^(?=rule )", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
            name = re.match(r"rule (\w+):", block).group(1)
            mem, runtime = re.search(r"mem_mb=(\d+)", block), re.search(r"runtime=(\d+)", block)
            if mem and runtime:
                asked[name] = (mem.group(1), runtime.group(1))
    snakefile = (ROOT / "Snakefile").read_text(encoding="utf-8")
    local = set(
        re.findall(r"^    (\w+),$", snakefile.split("localrules:")[1].split("\n\n")[0], re.M)
    )
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = dict(
        (m.group(1), (m.group(2), m.group(3)))
        for m in re.finditer(r"^\| `(\w+)` \| (\d+) \| (\d+) \| [^|]+ \|$", text, flags=re.M)
    )
    assert table == {rule: v for rule, v in asked.items() if rule not in local}
    assert "the four plot rules, `manifest` and `report`" in readme()
    assert local == {"plot_sentiment", "plot_stance", "plot_frames", "plot_compare", "manifest",
                     "report"}  # fmt: skip
