"""The HTML report: escaping of untrusted text, highlighting, graceful degradation, scale."""

from __future__ import annotations

import html
import itertools
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.frames_plots import MAX_STRIP_DOCUMENTS
from pipeline.report import (
    build_report,
    document_views,
    render_report,
    report_context,
)
from pipeline.report_corpus_differences import corpus_differences, corpus_frame_differences
from pipeline.report_differences import (
    count_difference,
    pair_differences,
    rate_difference,
)
from pipeline.report_format import finite, fmt
from pipeline.report_intervals import welch_interval
from pipeline.report_items import rates_of, ratio_text
from pipeline.report_plots import plot_kind
from pipeline.report_score_differences import frame_difference, sentiment_difference
from pipeline.report_svg import sanitised_svg
from pipeline.report_tables import read_table
from pipeline.report_text import Mark, SentenceInfo, sentiment_class, text_runs
from pipeline.tables import write_csv

ROOT = Path(__file__).resolve().parents[1]

# A document whose text tries every classic injection; it must come out as text.
HOSTILE_TEXT = (
    "Title <script>alert(1)</script>\n"
    "\n"
    "Critics argue the <img src=x onerror=alert(1)> deal may cost $12 billion. "
    'See <a href="javascript:alert(1)">x</a> now.\n'
    "\n"
    "It is clearly a </textarea><script>window.__pwned=1</script> problem? "
    "The World Bank said 40% agree."
)
PLAIN_TEXT = (
    "A calm title\n"
    "\n"
    "Officials say the plan may work. It is certainly useful. Reportedly costs rose by 5%."
)
HOSTILE_SVG = (
    '<?xml version="1.0"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="100pt" height="50pt" viewBox="0 0 100 50" onload="alert(1)">'
    "<script>alert(2)</script><style>*{fill:red}</style>"
    '<defs><clipPath id="c1"><rect x="0" y="0" width="10" height="10"/></clipPath></defs>'
    '<g id="figure_1" clip-path="url(#c1)" onclick="alert(3)">'
    '<path d="M 0 0 L 10 10" style="fill: url(http://evil.example/x.svg#p)"/>'
    '<a xlink:href="javascript:alert(4)"><text x="1" y="9">link</text></a>'
    '<image xlink:href="http://evil.example/x.png" width="5" height="5"/>'
    '<use xlink:href="#figure_1"/>'
    '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'
    '<text x="1" y="20">A &lt;b&gt; label</text></g></svg>'
)


def span(text: str, match: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``match`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(match, start + 1)
    return start, start + len(match)


def sentence_rows(doc_id: str, text: str, sentences: list[str], **extra: list) -> list[dict]:
    rows = []
    for i, s in enumerate(sentences):
        start, end = span(text, s)
        row = {"doc_id": doc_id, "sent_id": i + 1, "paragraph_id": i + 1, "is_heading": i == 0,
               "start": start, "end": end, "text": s}  # fmt: skip
        row.update({k: v[i] for k, v in extra.items()})
        rows.append(row)
    return rows


def marker_row(doc_id, text, sent_id, match, category, subtype):
    start, end = span(text, match)
    return {"doc_id": doc_id, "sent_id": sent_id, "start": start, "end": end, "match": match,
            "category": category, "subtype": subtype}  # fmt: skip


def write_tiny_corpus(results: Path, *, with_plot: bool = True) -> tuple[Path, Path, Path]:
    """Tables, texts and one (hostile) plot of a two-document corpus; returns their folders."""
    tables, docs, plots = results / "tables", results / "docs", results / "plots"
    for doc_id, text in (("hostile", HOSTILE_TEXT), ("plain", PLAIN_TEXT)):
        (docs / doc_id).mkdir(parents=True, exist_ok=True)
        (docs / doc_id / "clean.txt").write_text(text, encoding="utf-8")
    h_sents = [
        "Title <script>alert(1)</script>",
        "Critics argue the <img src=x onerror=alert(1)> deal may cost $12 billion.",
        'See <a href="javascript:alert(1)">x</a> now.',
        "It is clearly a </textarea><script>window.__pwned=1</script> problem?",
        "The World Bank said 40% agree.",
    ]
    p_sents = [
        "A calm title",
        "Officials say the plan may work.",
        "It is certainly useful.",
        "Reportedly costs rose by 5%.",
    ]
    sentences = sentence_rows(
        "hostile", HOSTILE_TEXT, h_sents, compound=[0.0, -0.6, 0.0, -0.3, 0.4],
        sentiment=["neutral", "negative", "neutral", "negative", "positive"],
        is_question=[0, 0, 0, 1, 0],
    ) + sentence_rows(
        "plain", PLAIN_TEXT, p_sents, compound=[0.0, 0.2, 0.5, 0.0],
        sentiment=["neutral", "positive", "positive", "neutral"], is_question=[0, 0, 0, 0],
    )  # fmt: skip
    sent_cols = ["doc_id", "sent_id", "paragraph_id", "is_heading", "start", "end", "text",
                 "compound", "sentiment", "is_question"]  # fmt: skip
    write_csv(tables / "sentences.csv", sentences, sent_cols)
    doc_cols = (
        "doc_id title n_sentences n_words flesch_reading_ease compound_mean compound_ci_low "
        "compound_ci_high share_positive share_negative hedges_per_1k boosters_per_1k "
        "attitude_per_1k attributions_named_per_1k attributions_vague_per_1k n_figures "
        "n_figures_named n_figures_vague n_figures_unsourced n_questions"
    ).split()
    write_csv(tables / "documents.csv", [
        {"doc_id": "hostile", "title": "Title <script>alert(1)</script>", "n_sentences": 5,
         "n_words": 40, "flesch_reading_ease": 50.0, "compound_mean": -0.125,
         "compound_ci_low": -0.5, "compound_ci_high": 0.2, "share_positive": 0.25,
         "share_negative": 0.5, "hedges_per_1k": 25.0, "boosters_per_1k": 25.0,
         "attitude_per_1k": 0.0, "attributions_named_per_1k": 25.0,
         "attributions_vague_per_1k": 25.0, "n_figures": 2, "n_figures_named": 1,
         "n_figures_vague": 1, "n_figures_unsourced": 0, "n_questions": 1},
        {"doc_id": "plain", "title": "A calm title", "n_sentences": 4, "n_words": 14,
         "flesch_reading_ease": 80.0, "compound_mean": 0.233, "compound_ci_low": 0.0,
         "compound_ci_high": 0.5, "share_positive": 0.67, "share_negative": 0.0,
         "hedges_per_1k": 71.4286, "boosters_per_1k": 71.4286, "attitude_per_1k": 0.0,
         "attributions_named_per_1k": 0.0, "attributions_vague_per_1k": 142.857, "n_figures": 1,
         "n_figures_named": 0, "n_figures_vague": 1, "n_figures_unsourced": 0, "n_questions": 0},
    ], doc_cols)  # fmt: skip
    write_csv(tables / "stance_markers.csv", [
        marker_row("hostile", HOSTILE_TEXT, 2, "Critics argue", "attribution", "vague"),
        marker_row("hostile", HOSTILE_TEXT, 2, "may", "hedge", "modal"),
        marker_row("hostile", HOSTILE_TEXT, 4, "clearly", "booster", "adverb"),
        marker_row("hostile", HOSTILE_TEXT, 5, "The World Bank said", "attribution", "named"),
        marker_row("plain", PLAIN_TEXT, 2, "Officials say", "attribution", "vague"),
        marker_row("plain", PLAIN_TEXT, 2, "may", "hedge", "modal"),
        marker_row("plain", PLAIN_TEXT, 3, "certainly", "booster", "adverb"),
        marker_row("plain", PLAIN_TEXT, 4, "Reportedly", "attribution", "vague"),
        # a row whose offsets do not point at its match: must be dropped, not shown
        {"doc_id": "plain", "sent_id": 2, "start": 0, "end": 3, "match": "<b>", "category": "hedge",
         "subtype": "x"},
    ], ["doc_id", "sent_id", "start", "end", "match", "category", "subtype"])  # fmt: skip
    write_csv(tables / "figures.csv", [
        {**marker_row("hostile", HOSTILE_TEXT, 2, "$12 billion", "", ""), "kind": "money",
         "sourcing": "vague"},
        {**marker_row("hostile", HOSTILE_TEXT, 5, "40%", "", ""), "kind": "percent",
         "sourcing": "named"},
        {**marker_row("plain", PLAIN_TEXT, 4, "5%", "", ""), "kind": "percent",
         "sourcing": "vague"},
    ], ["doc_id", "sent_id", "start", "end", "match", "kind", "sourcing"])  # fmt: skip
    write_csv(tables / "frame_cues.csv", [
        {**marker_row("hostile", HOSTILE_TEXT, 2, "billion", "", ""), "frame": "economic"},
        {**marker_row("hostile", HOSTILE_TEXT, 4, "<script>", "", ""), "frame": "security_defense"},
    ], ["doc_id", "sent_id", "start", "end", "match", "frame"])  # fmt: skip
    write_csv(tables / "keyness.csv", [
        {"comparison": "hostile_vs_plain", "target": "hostile", "reference": "plain",
         "term": "<script>alert(5)</script>", "count_target": 3, "count_reference": 0,
         "log_ratio": 3.2, "q_value": 0.04, "log_odds_z": 2.1, "low_count": 1},
        {"comparison": "hostile_vs_plain", "target": "hostile", "reference": "plain",
         "term": "plan", "count_target": 0, "count_reference": 1, "log_ratio": -1.0,
         "q_value": 0.9, "log_odds_z": -0.5, "low_count": 1},
    ], ["comparison", "target", "reference", "term", "count_target", "count_reference",
        "log_ratio", "q_value", "log_odds_z", "low_count"])  # fmt: skip
    write_csv(tables / "frames.csv", [
        {"doc_id": d, "frame": f, "share": k / n, "share_ci_low": 0.0, "share_ci_high": 0.5,
         "n_sentences": k}  # of the 5 and 4 body sentences documents.csv gives
        for d, f, k, n in [("hostile", "economic", 1, 5), ("hostile", "cultural_identity", 0, 5),
                           ("plain", "economic", 0, 4), ("plain", "cultural_identity", 0, 4)]
    ], ["doc_id", "frame", "n_sentences", "share", "share_ci_low", "share_ci_high"])  # fmt: skip
    write_csv(tables / "frame_differences.csv", [
        {"doc_a": "hostile", "doc_b": "plain", "frame": "economic", "share_a": 0.2,
         "share_b": 0.0, "difference": 0.2, "ci_low": 0.05, "ci_high": 0.45},
    ], "doc_a doc_b frame share_a share_b difference ci_low ci_high".split())  # fmt: skip
    write_csv(tables / "actor_sentiment.csv", [
        {"doc_id": "hostile", "actor": "World <Bank>", "n_mentions": 1, "n_sentences": 1,
         "compound_mean": 0.4, "compound_ci_low": 0.3, "compound_ci_high": 0.5},
        {"doc_id": "plain", "actor": "World <Bank>", "n_mentions": 0, "n_sentences": 0},
    ], ["doc_id", "actor", "n_mentions", "n_sentences", "compound_mean", "compound_ci_low",
        "compound_ci_high"])  # fmt: skip
    write_csv(tables / "problems.csv", [
        {"source": "x.txt", "doc_id": "hostile", "stage": "ingest", "severity": "warning",
         "message": '<img src=x onerror="alert(6)">'},
    ], ["source", "doc_id", "stage", "severity", "message"])  # fmt: skip
    if with_plot:
        plots.mkdir(parents=True, exist_ok=True)
        (plots / "frame_profile.svg").write_text(HOSTILE_SVG, encoding="utf-8")
    return tables, docs, plots


class PageParser(HTMLParser):
    """Start tags with their attributes, and the text the browser would show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def external_references(page: PageParser) -> list[str]:
    """src/href-like attribute values that would fetch something from outside the page."""
    out = []
    for _tag, attrs in page.tags:
        for name, value in attrs.items():
            v = value.strip().lower()
            if name in ("src", "href", "xlink:href", "srcset", "poster", "data", "action") and (
                v.startswith(("http:", "https:", "//", "ftp:")) or "://" in v
            ):
                out.append(f"{name}={value}")
    return out


def assert_inert(page_text: str) -> PageParser:
    """No script, no event handler, no javascript: URL, no external reference, no form fields."""
    page = parse(page_text)
    tags = [t for t, _ in page.tags]
    assert "script" not in tags
    for tag in ("iframe", "object", "embed", "textarea", "foreignobject", "base", "form"):
        assert tag not in tags, tag
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert "javascript:" not in "".join(value.split()).lower(), (tag, name, value)
        if tag == "img":
            assert attrs["src"].startswith("data:image/"), attrs
        if tag == "a":
            assert attrs.get("href", "#").startswith("#"), attrs
    assert external_references(page) == []
    return page


@pytest.fixture(scope="module")
def tiny_report(tmp_path_factory) -> str:
    results = tmp_path_factory.mktemp("results")
    tables, docs, plots = write_tiny_corpus(results)
    manifest = results / "manifest.json"
    manifest.write_text(json.dumps({"config": {"note": "</pre><script>alert(7)</script>"},
                                    "inputs": {"a<b>.txt": "00ff"}}), encoding="utf-8")  # fmt: skip
    out = results / "report.html"
    build_report(tables_dir=tables, docs_dir=docs, plots_dir=plots, manifest_path=manifest,
                 out_path=out)  # fmt: skip
    return out.read_text(encoding="utf-8")


def test_hostile_text_appears_only_escaped(tiny_report):
    page = assert_inert(tiny_report)
    shown = "".join(page.text)
    for payload in (
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "</textarea><script>window.__pwned=1</script>",
        "<script>alert(5)</script>",  # keyness term
        '<img src=x onerror="alert(6)">',  # problems.csv message
        "</pre><script>alert(7)</script>",  # manifest config
    ):
        assert payload in shown, payload
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in tiny_report
    assert "&lt;/textarea&gt;" in tiny_report
    assert "<textarea" not in tiny_report.lower()


def test_hostile_svg_is_sanitised(tiny_report):
    assert "alert(2)" not in tiny_report and "alert(3)" not in tiny_report
    assert "alert(4)" not in tiny_report and "evil.example" not in tiny_report
    assert "*{fill:red}" not in tiny_report
    assert 'id="p0-c1"' in tiny_report and "url(#p0-c1)" in tiny_report
    assert 'xlink:href="#p0-figure_1"' in tiny_report
    assert "A &lt;b&gt; label" in tiny_report


def test_sections_from_the_tiny_tables(tiny_report):
    shown = " ".join("".join(parse(tiny_report).text).split())
    assert (
        # 1 of hostile's 5 body sentences vs 0 of plain's 4: the exact interval of the difference
        # (test_pair_frame_items_hand_worked) is wide and includes 0, so the item is tentative
        "Tentative: hostile leans more on the economic frame: 20% of its sentences (1 of 5) vs 0% "
        "(0 of 4), a difference of 20 points (95% interval, adjusted for picking among 2 frames: "
        "\u221249 to 76 points, which includes 0: this may be noise)" in shown
    )
    assert "No cue in any of these documents: Cultural identity." in shown
    assert "World <Bank>hostile110.40 [0.30, 0.50]" in shown  # adjacent table cells
    assert "World <Bank>plain" not in shown  # no mentions, no row
    # what the adjustments allow for, and what they do not
    assert "not for the number of measures compared in this list, about ten" in shown
    # per 1,000 words, as the markers: plain's 1 figure in 14 words is the higher rate
    assert (
        "Tentative: Figures: 1 in plain vs 2 in hostile (71.4 vs 50.0 per 1,000 words), too few "
        "to call a difference; plain's one figure is vague; hostile's 2 figures: 1 named, 1 "
        "vague, 0 without a source" in shown
    )
    assert (
        "Tentative: Questions: 1 in hostile vs 0 in plain (25.0 vs 0.0 per 1,000 words), too few "
        "to call a difference" in shown
    )
    assert (
        "Most distinctive words, the top 1 by z on each side: hostile: "
        "<script>alert(5)</script>† low count; plain: plan† low count. None of them differs "
        "clearly (q < 0.05 with counts high enough to trust)" in shown
    )


@pytest.mark.parametrize(
    ("q_values", "low_counts", "sentence"),
    [
        # q < 0.05 and not low: "alpha", "beta" clear; "gamma" (q 0.2) and "delta" (low) not
        ((0.01, 0.04, 0.2, 0.01), (0, 0, 0, 1), "Only alpha and beta differ clearly"),
        ((0.01, 0.5, 0.5, 0.5), (0, 0, 0, 0), "Only alpha differs clearly"),
        ((0.01, 0.01, 0.01, 0.01), (0, 0, 0, 0), "Each of them differs clearly"),
        ((0.049, 0.05, 0.2, 0.01), (1, 0, 0, 1), "None of them differs clearly"),
        ((0.3, 0.05, 0.2, 0.06), (1, 1, 1, 1), "None of them differs clearly"),
    ],
)
def test_distinctive_words_say_which_differ_clearly(q_values, low_counts, sentence):
    terms = ("alpha", "beta", "gamma", "delta")
    keyness = pd.DataFrame(
        {"comparison": "a_vs_b", "target": "a", "reference": "b", "term": terms,
         "count_target": [9, 8, 0, 0], "count_reference": [0, 0, 7, 2],
         "log_ratio": [3.0, 2.9, -2.8, -1.0], "q_value": q_values,
         "log_odds_z": [2.5, 2.4, -2.3, -0.9], "low_count": low_counts}
    )  # fmt: skip
    tables = {"documents": pd.DataFrame({"doc_id": ["a", "b"], "title": ["A", "B"]}),
              "keyness": keyness}  # fmt: skip
    page = render_report(report_context(tables, docs_dir=None, plots_dir=None,
                                        manifest_path=None))  # fmt: skip
    shown = " ".join("".join(parse(page).text).split())
    start = shown.index("Most distinctive words")
    paragraph = shown[start : shown.index("Keyness table", start)]
    assert paragraph.startswith("Most distinctive words, the top 2 by z on each side: a: alpha")
    assert sentence in paragraph
    assert ("† marks counts too low to trust" in paragraph) == any(low_counts)
    one = render_report(report_context(tables, docs_dir=None, plots_dir=None,
                                       manifest_path=None, top_terms=1))  # fmt: skip
    shown = " ".join("".join(parse(one).text).split())
    assert "the top 1 by z on each side: a: alpha" in shown  # report.top_terms: 1
    # with the exact test's q-values (keyness.csv's q_exact), they decide, at any count: no †
    tables["keyness"] = keyness.assign(q_exact=q_values, q_value=0.5)
    page = render_report(report_context(tables, docs_dir=None, plots_dir=None,
                                        manifest_path=None))  # fmt: skip
    shown = " ".join("".join(parse(page).text).split())
    paragraph = shown[shown.index("Most distinctive words") :]
    paragraph = paragraph[: paragraph.index("Keyness table")]
    clear = [t for t, q in zip(terms, q_values, strict=True) if q < 0.05]
    assert "† marks" not in paragraph and "the exact test’s q < 0.05" in paragraph
    if len(clear) == 4:
        assert "Each of them differs clearly" in paragraph
    elif not clear:
        assert "None of them differs clearly (the exact test’s q < 0.05)" in paragraph
    elif clear:
        listed = clear[0] if len(clear) == 1 else ", ".join(clear[:-1]) + " and " + clear[-1]
        assert f"Only {listed} differ" in paragraph
    assert "the exact test of equal rates" in shown


def test_marks_are_highlighted_with_labels_and_anchors(tiny_report):
    page = parse(tiny_report)
    marks = [a for t, a in page.tags if t == "mark"]
    labels = {a["data-label"] for a in marks}
    assert "vague attribution" in labels and "hedge (modal)" in labels
    assert "figure (money), vague source; frame cue: Economic" in labels
    assert all(a["title"] for a in marks)
    # a mark is a tab stop with a spoken label, or a piece of one begun before it: neither,
    # and not hidden (a reader that ignores the label still reads its words)
    assert all(bool(a.get("tabindex") == "0") == bool(a.get("aria-label")) for a in marks)
    assert not any("aria-hidden" in a for a in marks)
    ids = {a.get("id") for _, a in page.tags}
    assert {"doc-0-attribution-vague", "doc-0-hedge", "doc-0-question"} <= ids
    for _, attrs in page.tags:  # every internal link points at an element of the page
        href = attrs.get("href", "")
        if href.startswith("#"):
            assert href[1:] in ids, href
    assert "1 table rows did not match this text" in tiny_report  # the <b> row at 0:3


def test_page_has_landmarks_skip_link_and_labelled_tables(tiny_report):
    page = parse(tiny_report)
    tags = [t for t, _ in page.tags]
    assert page.tags[0] == ("html", {"lang": "en"})
    assert ("a", {"class": "skip", "href": "#main"}) in page.tags
    assert tags.count("h1") == 1 and "main" in tags and "footer" in tags
    assert tags.count("caption") == tags.count("table")
    assert "Content-Security-Policy" in tiny_report


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((4.0, 1), (0.0, 0), "Hedges: 1 in A vs 0 in B (4.0 vs 0.0 per 1,000 words), too few"),
        ((2.0, 2), (1.0, 1), "Hedges: 2 in A vs 1 in B"),
        ((12.0, 6), (2.0, 1), "A uses 6.0× more hedges per 1,000 words (12.0 vs 2.0"),
        ((10.0, 10), (0.0, 0), "A uses hedges and B none: 10 vs 0"),
        ((1.0, 3), (3.0, 9), "B uses 3.0× more hedges"),
        ((40.0, 40), (10.0, 10), "A uses 4.0× more hedges per 1,000 words (40.0 vs 10.0"),
        ((11.0, 11), (10.0, 10), None),  # within 1.25×: similar
        ((0.0, 0), (0.0, 0), None),
    ],
)
def test_rate_difference_phrasing(a, b, expected):
    words = {  # the words behind each rate
        "A": 1000 * a[1] / a[0] if a[0] else 1000.0,
        "B": 1000 * b[1] / b[0] if b[0] else 1000.0,
    }
    side_a = {"doc_id": "A", "rate": a[0], "count": a[1], "words": words["A"]}
    item = rate_difference(
        "hedges", side_a, {"doc_id": "B", "rate": b[0], "count": b[1], "words": words["B"]}
    )
    if expected is None:
        assert item is None
    else:
        assert item["text"].startswith(expected)
        text = item["text"]
        assert item["caution"] == ("too few" in text or "includes 1" in text)
        assert "inf" not in text.replace("infinity", "")


def test_rate_item_says_how_many_markers_are_a_quoted_speakers():
    """A journalist's walkthrough: an outlet's boosters were mostly its officials' words."""
    docs = [
        {"doc_id": "courier", "n_words": 1000, "boosters_per_1k": 37.0, "n_boosters_quoted": 31},
        {"doc_id": "ledger", "n_words": 1000, "boosters_per_1k": 0.0, "n_boosters_quoted": 0},
    ]
    a, b = rates_of(docs, "boosters_per_1k")
    assert (a["quoted"], "quoted" in b) == (31, False)
    item = rate_difference("boosters", a, b)
    assert item["text"].startswith(
        "courier uses boosters and ledger none: 37 vs 0, 31 of the 37 in quotations ("
    )
    # an analyst's check (2026-12-06): a count too small for a ratio says it as well
    docs = [
        {"doc_id": "tabloid", "n_words": 555, "attitude_per_1k": 3 / 0.555,
         "n_attitude_quoted": 2},
        {"doc_id": "broadsheet", "n_words": 634, "attitude_per_1k": 0.0, "n_attitude_quoted": 0},
    ]  # fmt: skip
    item = rate_difference("attitude markers", *rates_of(docs, "attitude_per_1k"))
    assert item["text"] == (
        "Attitude markers: 3 in tabloid (2 of them in quotations) vs 0 in broadsheet (5.4 vs "
        "0.0 per 1,000 words), too few to call a difference"
    )


@pytest.mark.parametrize(
    ("a", "words_a", "b", "words_b"),
    [
        (6, 577, 1, 360),
        (9, 3000, 3, 3000),
        (40, 1000, 10, 1000),
        (10, 1000, 0, 1000),
        (1, 50, 7, 900),
    ],
)
def test_rate_ratio_interval_is_the_exact_conditional_binomial_one(a, words_a, b, words_b):
    from scipy.stats import binomtest

    from pipeline.report_intervals import rate_ratio_interval

    # Clopper-Pearson for p = a / (a + b), mapped through R = p / (1 - p) * words_b / words_a
    ci = binomtest(a, a + b).proportion_ci(confidence_level=0.95, method="exact")
    scale = words_b / words_a
    low, high = rate_ratio_interval(a, words_a, b, words_b)
    assert low == pytest.approx(ci.low / (1 - ci.low) * scale, rel=1e-9)
    if ci.high < 1:
        assert high == pytest.approx(ci.high / (1 - ci.high) * scale, rel=1e-9)
    else:
        assert high == math.inf


@pytest.mark.parametrize(
    ("args", "message"),
    [((-1, 100, 2, 100), "a must be a count"), ((1, 100, 2.0, 100), "b must be a count"),
     ((True, 100, 2, 100), "a must be a count"), ((0, 100, 0, 100), "both 0"),
     ((3, 0, 2, 100), "word counts"), ((3, 100, 2, 0), "word counts")],
)  # fmt: skip
def test_rate_ratio_interval_refuses_bad_arguments(args, message):
    from pipeline.report_intervals import rate_ratio_interval

    with pytest.raises(ValueError, match=message):
        rate_ratio_interval(*args)
    with pytest.raises(ValueError, match="confidence"):
        rate_ratio_interval(3, 100, 2, 100, confidence=1.0)


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.4512, "0.45"), (3.24, "3.2"), (170.4, "170"), (9895.6, "9,896"), (math.inf, "infinity"),
     (1.0, "1"),
     # 75 markers vs 1 gave "18 to 415,372": a bound that large is shown as such, not as a figure
     (10_000, "10,000"), (10_000.4, "over 10,000"), (415_372.2, "over 10,000"),
     # a bound that is not 1 never reads as 1, the value of no difference
     (1.0155, "1.02"), (0.9962, "0.996"), (1.0004, "1.0004"), (0.96, "0.96"),
     (1.0000001, "1.0000001")],
)  # fmt: skip
def test_ratio_text_keeps_a_bound_near_1_apart_from_1(value, text):
    assert ratio_text(value) == text


@pytest.mark.parametrize(
    ("ratio", "text"), [(3.84, "3.8×"), (21.0, "21.0×"), (99.94, "99.9×"), (189.8, "190×"),
                        (1234.5, "1,234×")]
)  # fmt: skip
def test_ratio_factor_has_no_tenth_of_a_hundredfold(ratio, text):
    from pipeline.report_items import ratio_factor

    assert ratio_factor(ratio) == text


def test_rate_ratio_interval_hand_worked():
    from pipeline.report_intervals import rate_ratio_interval

    # 10 vs 0 in equal words: p's lower bound solves p^10 = 0.025; R > 0.025^0.1 / (1 - 0.025^0.1)
    p = 0.025**0.1
    assert rate_ratio_interval(10, 500, 0, 500) == (pytest.approx(p / (1 - p)), math.inf)
    assert rate_ratio_interval(10, 500, 0, 500)[0] == pytest.approx(2.2415, abs=1e-4)
    # 5 vs 0: 0.025^0.2 / (1 - 0.025^0.2) = 0.916 < 1, so "none vs 5" is not a clear difference
    assert rate_ratio_interval(5, 500, 0, 500)[0] == pytest.approx(0.9164, abs=1e-4)


def pieces(runs):
    return [(p.text, p.css) for r in runs for p in r.pieces]


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ([], [("abcdefghij", "")]),
        ([(2, 5, "x")], [("ab", ""), ("cde", "x"), ("fghij", "")]),
        (
            [(2, 8, "x"), (4, 6, "y")],  # nested
            [("ab", ""), ("cd", "x"), ("ef", "x y"), ("gh", "x"), ("ij", "")],
        ),
        (
            [(1, 5, "x"), (3, 8, "y")],  # overlapping
            [("a", ""), ("bc", "x"), ("de", "x y"), ("fgh", "y"), ("ij", "")],
        ),
        ([(0, 10, "x"), (0, 10, "y")], [("abcdefghij", "x y")]),
    ],
)
def test_text_runs_split_at_every_boundary(marks, expected):
    marks = [Mark(s, e, c, c, c) for s, e, c in marks]
    runs, _ = text_runs("abcdefghij", [], marks, anchor_prefix="d")
    assert pieces(runs) == expected


def test_text_runs_wrap_sentences_and_place_first_anchor_only():
    sentences = [SentenceInfo(0, 4, "s-pos", "one", ("most-positive",)),
                 SentenceInfo(5, 9, "s-neg", "two")]  # fmt: skip
    marks = [Mark(1, 2, "m", "l", "hedge"), Mark(6, 7, "m", "l", "hedge")]
    runs, anchors = text_runs("abcd efgh", sentences, marks, anchor_prefix="doc-3")
    assert [(r.sentence, r.css, "".join(p.text for p in r.pieces)) for r in runs] == [
        (True, "s-pos", "abcd"), (False, "", " "), (True, "s-neg", "efgh")]  # fmt: skip
    assert anchors == {"doc-3-hedge", "doc-3-most-positive"}
    assert [p.anchor for r in runs for p in r.pieces if p.anchor] == ["doc-3-hedge"]


@given(
    text=st.text(min_size=1, max_size=60),
    raw=st.lists(
        st.tuples(st.integers(0, 60), st.integers(1, 20), st.sampled_from("abc")), max_size=8
    ),
)
def test_pieces_cover_text_and_carry_exactly_their_marks(text, raw):
    n = len(text)
    marks = [Mark(min(s, n - 1), min(s + w, n), c, c, c) for s, w, c in raw if min(s, n - 1) < n]
    marks = [m for m in marks if m.start < m.end]
    runs, _ = text_runs(text, [], marks, anchor_prefix="d")
    assert "".join(p.text for r in runs for p in r.pieces) == text
    pos = 0
    for r in runs:
        for p in r.pieces:
            for i in range(pos, pos + len(p.text)):
                covering = {m.css for m in marks if m.start <= i < m.end}
                assert set(p.css.split()) == covering
            # a screen reader hears each mark once, whole, where it starts
            starting = sorted((m for m in marks if m.start == pos), key=lambda m: (-m.end, m.css))
            want = dict.fromkeys(f"{text[m.start : m.end]} ({m.label})" for m in starting)
            assert p.spoken == "; ".join(want)
            pos += len(p.text)


def test_split_marks_are_spoken_once_and_whole():
    text = "according to 2023 industry reports, $12 billion"
    marks = [
        Mark(0, 34, "a-vague", "vague attribution", "attribution-vague"),
        Mark(13, 17, "f-vague", "figure (count), vague source", "figure-vague"),
        Mark(36, 47, "f-none", "figure (money), no source", "figure-none"),
        Mark(40, 47, "frame", "frame cue: Economic", "frame-economic"),
    ]
    runs, _ = text_runs(text, [], marks, anchor_prefix="d")
    assert [(p.text, p.spoken) for r in runs for p in r.pieces] == [
        ("according to ", "according to 2023 industry reports (vague attribution)"),
        ("2023", "2023 (figure (count), vague source)"),
        (" industry reports", ""),  # read with "according to ...": no label, no tab stop
        (", ", ""),
        ("$12 ", "$12 billion (figure (money), no source)"),
        ("billion", "billion (frame cue: Economic)"),
    ]


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><g/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><g ONCLICK="alert(1)"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
        b'<use x:href="javascript:alert(1)"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" '
        b'to="alert(1)"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://x.test/a)"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://x.test/a.png"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0" fill="url( //x.test/a )"/></svg>',
    ],
)
def test_sanitised_svg_drops_active_content(svg):
    out = sanitised_svg(svg, id_prefix="p-")
    assert out.startswith("<svg") and out.endswith("</svg>")
    assert_inert(f"<html lang='en'><body>{out}</body></html>")
    assert "alert" not in out and "x.test" not in out


@pytest.mark.parametrize(
    "svg",
    [b"<html><body/></html>", b"not xml", b'<!DOCTYPE s [<!ENTITY a "b">]><svg>&a;</svg>'],
)
def test_sanitised_svg_rejects_other_files(svg):
    with pytest.raises(ValueError):
        sanitised_svg(svg, id_prefix="p-")


@pytest.mark.parametrize(
    ("stem", "section"),
    [("sentiment_arc", "sentiment"), ("actor_sentiment", "sentiment"),
     ("stance_profile", "stance"), ("figure_sourcing", "stance"),
     ("keyness_a_vs_b", "keyness"), ("term_scatter_a_vs_b", "keyness"),
     ("similarity_heatmap", "keyness"), ("frame_profile", "frames"), ("frame_strip", "frames"),
     ("sentiment_arcs", "sentiment"), ("frame_hierarchy", "frames"), ("something_else", "other")],
)  # fmt: skip
def test_plot_kind(stem, section):
    got, caption, _ = plot_kind(stem)
    assert got == section and caption.endswith(".")


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [(1.25, 1, "1.2"), (-0.031, 2, "−0.03"), (-0.001, 2, "0.00"), (1234.5, 0, "1,234"),
     (float("nan"), 1, "–"), (None, 1, "–"), ("x", 1, "–")],
)  # fmt: skip
def test_fmt(value, digits, text):
    assert fmt(value, digits) == text


@pytest.mark.parametrize(
    ("label", "compound", "css"),
    [("positive", 0.0, "s-pos"), ("negative", 0.9, "s-neg"), ("neutral", 0.9, "s-neu"),
     (math.nan, 0.05, "s-pos"), (math.nan, -0.05, "s-neg"), (math.nan, 0.049, "s-neu"),
     (math.nan, math.nan, ""), ("", None, "")],
)  # fmt: skip
def test_sentiment_class(label, compound, css):
    assert sentiment_class(label, compound) == css


def test_finite_accepts_numpy_numbers():
    np = pytest.importorskip("numpy")
    assert finite(np.int64(3)) and finite(np.float32(0.5)) and finite(2)
    assert not finite(True) and not finite(np.nan) and not finite("1") and not finite(None)


@pytest.mark.parametrize(
    ("value", "want"),
    [(0, True), (-7, True), (2**53 + 1, True), (1.5, True), (True, False), (False, False),
     (math.inf, False), (-math.inf, False), (math.nan, False), (None, False), ("2", False)],
)  # fmt: skip
def test_finite_of_plain_numbers(value, want):
    assert finite(value) is want


def test_read_table_keeps_text_ids_as_text(tmp_path):
    write_csv(tmp_path / "t.csv", [{"doc_id": "NA", "n_words": 3, "term": "1e5"}],
              ["doc_id", "n_words", "term"])  # fmt: skip
    df = read_table(tmp_path / "t.csv")
    assert df["doc_id"].tolist() == ["NA"] and df["term"].tolist() == ["1e5"]
    assert df["n_words"].tolist() == [3]
    assert read_table(tmp_path / "missing.csv") is None
    part = read_table(tmp_path / "t.csv", columns=["term", "doc_id"])
    assert list(part.columns) == ["doc_id", "term"] and part["doc_id"].tolist() == ["NA"]
    with pytest.raises(ValueError, match=r"t\.csv lacks column\(s\) sentiment"):
        read_table(tmp_path / "t.csv", columns=["doc_id", "sentiment"])


def test_comparison_names_are_the_sorted_distinct_comparisons(tmp_path):
    from pipeline.report_tables import comparison_names

    rows = [{"comparison": c, "term": t} for c, t in (("b_vs_a", "x"), ("NA_vs_rest", "y"),
                                                       ("b_vs_a", "z"))]  # fmt: skip
    write_csv(tmp_path / "k.csv", rows, ["comparison", "term"])
    assert comparison_names(tmp_path / "k.csv") == ["NA_vs_rest", "b_vs_a"]
    write_csv(tmp_path / "d.csv", [{"doc_id": "a"}], ["doc_id"])
    assert comparison_names(tmp_path / "d.csv") is None


def test_read_first_comparisons_stops_after_the_last_comparison_asked_for(tmp_path):
    from pipeline.report_tables import read_first_comparisons

    rows = [{"comparison": c, "term": t} for c, t in (("a", "x"), ("a", "y"), ("b", "z"),
                                                       ("c", "w"))]  # fmt: skip
    write_csv(tmp_path / "k.csv", rows, ["comparison", "term"])
    df, n = read_first_comparisons(tmp_path / "k.csv", 2)
    assert n == 3 and df["term"].tolist() == ["x", "y", "z"]
    df, n = read_first_comparisons(tmp_path / "k.csv", 0)
    assert n == 3 and df.empty and list(df.columns) == ["comparison", "term"]
    write_csv(tmp_path / "d.csv", [{"doc_id": "a"}], ["doc_id"])
    df, n = read_first_comparisons(tmp_path / "d.csv", 2)
    assert n is None and df["doc_id"].tolist() == ["a"]
    assert read_first_comparisons(tmp_path / "missing.csv", 2) == (None, None)


def test_report_is_deterministic(tmp_path):
    tables, docs, plots = write_tiny_corpus(tmp_path)
    outs = []
    for name in ("a.html", "b.html"):
        build_report(tables_dir=tables, docs_dir=docs, plots_dir=plots, manifest_path=None,
                     out_path=tmp_path / name)  # fmt: skip
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]


def test_partial_workflow_leaves_sections_out_with_notes(tmp_path):
    tables, docs, _ = write_tiny_corpus(tmp_path, with_plot=False)
    for name in ("stance_markers", "figures", "frame_cues", "keyness", "problems"):
        (tables / f"{name}.csv").unlink()
    write_csv(tables / "documents.csv", [{"doc_id": "hostile", "n_words": 40},
                                         {"doc_id": "plain", "n_words": 14}],
              ["doc_id", "n_words"])  # fmt: skip
    out = tmp_path / "r.html"
    stats = build_report(tables_dir=tables, docs_dir=docs, plots_dir=tmp_path / "none",
                         manifest_path=tmp_path / "none.json", out_path=out)  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert_inert(page)
    assert stats["documents"] == 2 and stats["plots"] == 0
    assert "keyness.csv was not found" in page
    assert "Not in documents.csv (a stage may be switched off): Sentences" in page
    assert "manifest.json was not found" in page
    assert "<mark" not in page and 'class="s s-neg"' in page  # text still shaded


def test_one_document(tmp_path):
    tables, docs, _ = write_tiny_corpus(tmp_path, with_plot=False)
    for name in ("documents", "sentences"):
        rows = [r for r in read_table(tables / f"{name}.csv").to_dict("records")
                if r["doc_id"] == "plain"]  # fmt: skip
        write_csv(tables / f"{name}.csv", rows, list(rows[0]))
    out = tmp_path / "r.html"
    stats = build_report(tables_dir=tables, docs_dir=docs, plots_dir=None, manifest_path=None,
                         out_path=out)  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert stats["documents"] == 1 and stats["differences"] == 0
    assert "only one document" in page
    assert_inert(page)


def test_many_documents_inline_only_the_first(tmp_path):
    tables, docs = tmp_path / "tables", tmp_path / "docs"
    rows, sents = [], []
    for i in range(30):
        doc_id = f"doc{i:03d}"
        text = f"Document {i} may say something."
        (docs / doc_id).mkdir(parents=True)
        (docs / doc_id / "clean.txt").write_text(text, encoding="utf-8")
        rows.append({"doc_id": doc_id, "n_words": 100, "hedges_per_1k": 200.0 * (i == 7) + 10})
        sents.append({"doc_id": doc_id, "sent_id": 1, "start": 0, "end": len(text), "text": text})
    write_csv(tables / "documents.csv", rows, ["doc_id", "n_words", "hedges_per_1k"])
    write_csv(tables / "sentences.csv", sents, ["doc_id", "sent_id", "start", "end", "text"])
    write_csv(
        tables / "similarity.csv",
        [{"doc_a": "doc001", "doc_b": "doc002", "cosine": 0.9}],
        ["doc_a", "doc_b", "cosine"],
    )
    out = tmp_path / "r.html"
    stats = build_report(tables_dir=tables, docs_dir=docs, plots_dir=None, manifest_path=None,
                         out_path=out, max_documents_inline=4)  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert stats == {**stats, "documents": 30, "documents_inline": 4}
    assert page.count("<article") == 4 and "The first 4 of 30 documents" in page
    # where the tables and texts are, for a report in any results folder
    assert "the tables in <code>tables/</code>, in the folder of this report" in page
    assert "in docs/, in the folder of this report" in page and "results/" not in page
    assert page.count('<th scope="row">') >= 30  # every document in the summary
    assert "doc001 and doc002: cosine 0.90" in page  # pairs, not a 30 x 30 matrix
    assert (
        "doc007 has the most hedges per 1,000 words: 210.0 (21 markers; median 10.0 across 30 "
        "documents, 21.0× the median); 21.0× the other documents' pooled rate"
        in html.unescape(page)
    )


@pytest.mark.parametrize(
    ("option", "value"),
    [("max_documents_inline", -1), ("top_terms", 0), ("top_terms", 2.5), ("top_terms", True)],
)
def test_bad_options_raise(tmp_path, option, value):
    kwargs = {"max_documents_inline": 50, "top_terms": 15, option: value}
    with pytest.raises(ValueError, match=option):
        build_report(tables_dir=tmp_path, docs_dir=tmp_path, plots_dir=None, manifest_path=None,
                     out_path=tmp_path / "r.html", **kwargs)  # fmt: skip


def test_committed_report_is_self_contained_and_inert():
    report = ROOT / "results" / "report.html"
    if not report.is_file():
        pytest.skip("results/report.html does not exist yet: run `make run` first")
    assert_inert(report.read_text(encoding="utf-8"))


WORDS = (
    "china data security trade policy may clearly critics argue officials said market growth "
    "risk network government report reportedly cost billion percent law court sanctions survey "
    "public opinion cooperation espionage alliance technology infrastructure export"
).split()


def write_synthetic_corpus(results: Path, n_docs: int, *, words: int = 400, seed: int = 0,
                           keyness_terms: int = 200) -> tuple[Path, Path]:  # fmt: skip
    """Tables and texts of ``n_docs`` generated documents, sized like real stage output.

    Used for the scale test here and for timing (see "The comparison report" in README.md).
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    tables, docs = results / "tables", results / "docs"
    documents, sentences, markers, figures, cues, keyness = [], [], [], [], [], []
    for d in range(n_docs):
        doc_id = f"doc{d:05d}"
        picks = rng.integers(0, len(WORDS), size=words)
        tokens = [WORDS[i] for i in picks]
        chunks = [" ".join(tokens[i : i + 16]).capitalize() + "." for i in range(0, words, 16)]
        text = " ".join(chunks)
        (docs / doc_id).mkdir(parents=True, exist_ok=True)
        (docs / doc_id / "clean.txt").write_text(text, encoding="utf-8")
        pos = 0
        for s, chunk in enumerate(chunks, start=1):
            compound = float(rng.uniform(-1, 1))
            sentences.append({"doc_id": doc_id, "sent_id": s, "is_heading": 0, "start": pos,
                              "end": pos + len(chunk), "text": chunk, "compound": compound,
                              "sentiment": "positive" if compound >= 0.05 else "negative"
                              if compound <= -0.05 else "neutral"})  # fmt: skip
            offset = pos
            for w in chunk[:-1].split(" "):
                low = w.lower()
                row = {"doc_id": doc_id, "sent_id": s, "start": offset,
                       "end": offset + len(w), "match": w}  # fmt: skip
                if low in ("may", "reportedly"):
                    markers.append({**row, "category": "hedge", "subtype": "modal"})
                elif low == "clearly":
                    markers.append({**row, "category": "booster", "subtype": "adverb"})
                elif low in ("critics", "argue"):
                    markers.append({**row, "category": "attribution", "subtype": "vague"})
                elif low in ("billion", "percent"):
                    figures.append({**row, "kind": "money", "sourcing": "none"})
                elif low in ("security", "espionage", "market", "law", "sanctions"):
                    cues.append({**row, "frame": "security_defense"})
                offset += len(w) + 1
            pos += len(chunk) + 1
        documents.append({"doc_id": doc_id, "title": f"Document {d}", "n_words": words,
                          "n_sentences": len(chunks), "hedges_per_1k": rng.uniform(0, 30),
                          "boosters_per_1k": rng.uniform(0, 10),
                          "attributions_vague_per_1k": rng.uniform(0, 10),
                          "compound_mean": rng.uniform(-0.5, 0.5), "compound_ci_low": -0.6,
                          "compound_ci_high": 0.6, "n_figures": 3, "n_questions": 1})  # fmt: skip
        for t in range(keyness_terms):
            z = float(rng.normal())
            keyness.append({"comparison": f"{doc_id}_vs_rest", "target": doc_id,
                            "reference": "rest", "term": f"term{t}", "count_target": 3,
                            "count_reference": 40, "log_ratio": z, "q_value": 0.5,
                            "log_odds_z": z, "low_count": 0})  # fmt: skip
    write_csv(tables / "documents.csv", documents, list(documents[0]))
    write_csv(tables / "sentences.csv", sentences, list(sentences[0]))
    write_csv(tables / "stance_markers.csv", markers, list(markers[0]))
    write_csv(tables / "figures.csv", figures, list(figures[0]))
    write_csv(tables / "frame_cues.csv", cues, list(cues[0]))
    write_csv(tables / "keyness.csv", keyness, list(keyness[0]))
    return tables, docs


def test_synthetic_corpus_at_scale(tmp_path):
    tables, docs = write_synthetic_corpus(tmp_path, 300, words=200, keyness_terms=30)
    out = tmp_path / "r.html"
    stats = build_report(tables_dir=tables, docs_dir=docs, plots_dir=None, manifest_path=None,
                         out_path=out, max_documents_inline=10, top_terms=5)  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert stats["documents"] == 300 and stats["documents_inline"] == 10
    assert page.count("<article") == 10 and page.count('<h3 id="keyness-') == 10
    assert "Showing 10 of 300 comparisons" in page
    assert stats["bytes"] < 3_000_000
    assert_inert(page)


@pytest.mark.parametrize("inline", [0, 1, 7, 300])
def test_reading_only_what_the_report_shows_gives_the_same_page(tmp_path, inline):
    from pipeline.report import render_report, report_context
    from pipeline.report_tables import read_report_tables, read_tables

    tables, docs = write_synthetic_corpus(tmp_path, 40, words=64, keyness_terms=12)
    options = {"docs_dir": docs, "plots_dir": None, "manifest_path": None,
               "max_documents_inline": inline, "top_terms": 5}  # fmt: skip
    whole = render_report(report_context(read_tables(tables), **options))
    part, n_comparisons = read_report_tables(
        tables, max_documents_inline=inline, max_comparisons=max(1, inline)
    )
    assert n_comparisons == 40
    assert render_report(report_context(part, n_comparisons=n_comparisons, **options)) == whole
    last = sorted(part["documents"]["doc_id"])[:inline][-1:] or [""]
    assert set(part["sentences"]["doc_id"]) <= {d for d in part["documents"]["doc_id"]
                                                if d <= last[0]}  # fmt: skip
    assert part["keyness"]["comparison"].nunique() == min(40, max(1, inline))


def test_a_table_out_of_order_is_read_whole(tmp_path):
    from pipeline.report_tables import read_table

    path = tmp_path / "sentences.csv"
    path.write_text("doc_id,sent_id,text\nb,1,x\na,1,y\nc,1,z\n", encoding="utf-8")
    assert list(read_table(path, through=("doc_id", "b"))["doc_id"]) == ["b", "a", "c"]
    path.write_text('doc_id,sent_id,text\na,1,"two\nlines"\nb,1,y\nc,1,z\n', encoding="utf-8")
    part = read_table(path, through=("doc_id", "b"))
    assert list(part["doc_id"]) == ["a", "b"] and part["text"][0] == "two\nlines"
    assert list(read_table(path, through=("doc_id", None)).columns) == ["doc_id", "sent_id", "text"]
    assert len(read_table(path, through=("doc_id", None))) == 0


# --- placement, links and captions -------------------------------------------------------------


def write_plots(folder: Path, *stems: str) -> Path:
    """A tiny valid SVG per stem (under comparisons/ for the comparison plots, as the workflow
    writes them)."""
    for stem in stems:
        sub = folder / "comparisons" if stem.startswith(("keyness_", "term_scatter_")) else folder
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{stem}.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><text>{stem}</text></svg>',
            encoding="utf-8",
        )
    return folder


def build(tables: Path, docs: Path, plots: Path | None, out: Path, **options) -> str:
    build_report(tables_dir=tables, docs_dir=docs, plots_dir=plots, manifest_path=None,
                 out_path=out, **options)  # fmt: skip
    return out.read_text(encoding="utf-8")


def evidence_links(page: str) -> list[str]:
    """The hrefs of the "what differs" items, in order."""
    items = page[page.index('<ol class="differences">') :]
    return re.findall(r'<a href="([^"]*)">Evidence', items[: items.index("</ol>")])


def enclosing_sentence(page: str, ident: str) -> str:
    """The start tag of the sentence span that holds the element with id ``ident``."""
    at = page.index(f'id="{ident}"')
    start = page.rindex('<span class="s ', 0, at)
    return page[start : page.index(">", start) + 1]


def test_each_comparisons_plots_follow_its_tables_and_similarity_its_heading(tmp_path):
    tables, docs, plots = write_tiny_corpus(tmp_path, with_plot=False)
    write_csv(tables / "similarity.csv", [{"doc_a": "hostile", "doc_b": "plain", "cosine": 0.3}],
              ["doc_a", "doc_b", "cosine"])  # fmt: skip
    write_plots(plots, "keyness_hostile_vs_plain", "term_scatter_hostile_vs_plain",
                "keyness_zzz_vs_rest", "similarity")  # fmt: skip
    page = build(tables, docs, plots, tmp_path / "r.html")
    assert_inert(page)
    order = ['<h3 id="keyness-0">', 'id="keyness-0-2"', "(keyness_hostile_vs_plain.svg)",
             "(term_scatter_hostile_vs_plain.svg)", "(keyness_zzz_vs_rest.svg)",
             '<h3 id="similarity-h">', "(similarity.svg)", '<section id="documents"']  # fmt: skip
    at = [page.index(s) for s in order]
    assert at == sorted(at), [s for s, _ in sorted(zip(order, at, strict=True), key=lambda x: x[1])]


@pytest.mark.parametrize(("n_docs", "shown"), [(1, False), (2, True), (51, False)])
def test_similarity_placeholder_is_left_out(tmp_path, n_docs, shown):
    tables, docs = write_synthetic_corpus(tmp_path, n_docs, words=32, keyness_terms=2)
    plots = write_plots(tmp_path / "plots", "similarity", "keyness_doc00000_vs_rest")
    page = build(tables, docs, plots, tmp_path / "r.html")
    assert ("(similarity.svg)" in page) is shown
    assert ("Cosine similarity of the documents&#39; TF-IDF vectors." in page) is shown
    assert "(keyness_doc00000_vs_rest.svg)" in page


def test_evidence_of_a_document_not_shown_links_to_its_summary_row(tmp_path):
    tables, docs = write_synthetic_corpus(tmp_path, 30, words=64, keyness_terms=2)
    page = build(tables, docs, None, tmp_path / "r.html", max_documents_inline=4)
    ids = {a.get("id") for _, a in parse(page).tags}
    links = evidence_links(page)
    assert links and "#summary" not in links
    assert all(h[1:] in ids for h in links)
    rows = [h for h in links if re.fullmatch(r"#summary-([4-9]|[12]\d)", h)]
    assert rows and all(f'<tr id="{h[1:]}">' in page for h in rows)
    assert "or, for a document not shown there, to its row in the summary" in page


def test_evidence_links_to_the_summary_column_when_no_text_is_shown(tmp_path):
    tables, docs, _ = write_tiny_corpus(tmp_path, with_plot=False)
    page = build(tables, docs, None, tmp_path / "r.html", max_documents_inline=0)
    ids = {a.get("id") for _, a in parse(page).tags}
    links = evidence_links(page)
    assert {"#summary-0", "#summary-1"} <= set(links)  # the side-by-side summary's columns
    assert '<th scope="col" id="summary-0">' in page and all(h[1:] in ids for h in links)


@pytest.mark.parametrize(("body_cue", "href"), [(True, "#doc-0-frame-security-defense"),
                                                (False, "#frames")])  # fmt: skip
def test_frame_evidence_is_a_cue_in_a_body_sentence(tmp_path, body_cue, href):
    tables, docs, _ = write_tiny_corpus(tmp_path, with_plot=False)
    cues = read_table(tables / "frame_cues.csv").to_dict("records")  # the title's <script> too
    assert span(HOSTILE_TEXT, "<script>")[0] < HOSTILE_TEXT.index("\n")
    start, end = span(HOSTILE_TEXT, "<script>", 1)  # in "It is clearly a ... problem?"
    if body_cue:
        cues.append({"doc_id": "hostile", "sent_id": 4, "start": start, "end": end,
                     "match": "<script>", "frame": "security_defense"})  # fmt: skip
    write_csv(tables / "frame_cues.csv", cues, list(cues[0]))
    frames = read_table(tables / "frames.csv").to_dict("records")
    frames += [{"doc_id": d, "frame": "security_defense", "n_sentences": k, "share": k / n,
                "share_ci_low": 0.0, "share_ci_high": 0.5} for d, k, n in
               (("hostile", 3, 5), ("plain", 0, 4))]  # fmt: skip
    write_csv(tables / "frames.csv", frames, list(frames[0]))
    page = build(tables, docs, None, tmp_path / "r.html")
    item = next(i for i in page.split("<li") if "security and defense frame" in i)
    assert f'<a href="{href}">' in item
    if body_cue:
        assert "s-head" not in enclosing_sentence(page, href[1:])


def test_sentence_titles_name_the_primary_frame_by_its_label(tmp_path):
    tables, docs, _ = write_tiny_corpus(tmp_path, with_plot=False)
    rows = read_table(tables / "sentences.csv").to_dict("records")
    rows = [{**r, "primary_frame": "security_defense"} for r in rows]
    write_csv(tables / "sentences.csv", rows, list(rows[0]))
    page = build(tables, docs, None, tmp_path / "r.html")
    assert "main frame: Security and defense" in page
    assert "main frame: security defense" not in page


def test_actor_table_says_what_it_measures(tiny_report):
    assert '<h3 id="actors-h">Sentiment of the sentences naming each actor</h3>' in tiny_report
    assert "towards each actor" not in tiny_report
    assert "the sentences that name each actor (the tone around the actor" in tiny_report
    assert "documents (by id) only" not in tiny_report  # every document is shown


def test_actor_table_caption_says_when_it_is_cut(tmp_path):
    tables, docs = write_synthetic_corpus(tmp_path, 30, words=32, keyness_terms=2)
    write_csv(tables / "actor_sentiment.csv", [
        {"doc_id": f"doc{d:05d}", "actor": "China", "n_mentions": 2, "n_sentences": 2,
         "compound_mean": 0.1} for d in range(30)
    ], ["doc_id", "actor", "n_mentions", "n_sentences", "compound_mean"])  # fmt: skip
    page = build(tables, docs, None, tmp_path / "r.html", max_documents_inline=4)
    caption = re.search(r'<caption id="actors-cap">(.*?)</caption>', page).group(1)
    assert "; the first 4 of 30 documents (by id) only, all are in actor_sentiment.csv." in caption
    assert page.count('<tr><th scope="row">China</th>') == 4


@pytest.mark.parametrize(
    ("stem", "words"),
    [("frame_strip", "Primary frame of each sentence, by position in the text (the first "
                     f"{MAX_STRIP_DOCUMENTS} documents by id when there are more)."),
     ("actor_sentiment", "for the actors and documents with the most mentions."),
     ("figure_sourcing", "the documents with the most figures when there are many"),
     ("sentiment_arc", "the first documents by id when there are many")],
)  # fmt: skip
def test_plot_captions_say_what_the_plots_draw(stem, words):
    assert words in plot_kind(stem)[1]


@pytest.mark.parametrize(
    ("stem", "comparison"),
    [("keyness_doc_00001_vs_rest", "doc_00001 vs rest"),
     ("term_scatter_doc_00001_vs_rest", "doc_00001 vs rest"),
     ("keyness_intelligence_cooperation_vs_intelligence_diplomacy",
      "intelligence_cooperation vs intelligence_diplomacy"),
     ("keyness_doc_factor_vs_stance_arc", "doc_factor vs stance_arc")],  # not actor/stance/arc
)  # fmt: skip
def test_comparison_plot_captions_keep_the_ids(stem, comparison):
    section, caption, _ = plot_kind(stem)
    assert section == "keyness" and f" of {comparison}" in caption


def test_a_text_over_max_inline_chars_is_not_inlined_and_says_where_it_is(tmp_path):
    """One 6 MB text once made a 75 MB page; its evidence then links to its summary row."""
    tables, docs, _ = write_tiny_corpus(tmp_path, with_plot=False)
    limit = len(PLAIN_TEXT)
    page = build(tables, docs, None, tmp_path / "r.html", max_inline_chars=limit)
    assert len(HOSTILE_TEXT) > limit
    note = (
        f"The text has {len(HOSTILE_TEXT):,} characters, over report.max_inline_chars "
        f"({limit:,}): it is not shown here. Its clean text is docs/hostile/clean.txt next to "
        "this page; its rows are in the tables."
    )
    assert html.escape(note, quote=True) in page
    placed = {i for _, a in parse(page).tags if (i := a.get("id") or "").startswith("doc-")}
    assert {i for i in placed if i.startswith("doc-0-")} == {"doc-0-h"}  # its heading only
    assert any(i.startswith("doc-1-") and i != "doc-1-h" for i in placed)  # plain's marks
    ids = {a.get("id") for _, a in parse(page).tags}
    assert all(h[1:] in ids for h in evidence_links(page))
    full = build(tables, docs, None, tmp_path / "full.html")
    assert "over report.max_inline_chars" not in full and 'id="doc-0-frame' in full
    with pytest.raises(ValueError, match="max_inline_chars must be an int >= 0"):
        build(tables, docs, None, tmp_path / "bad.html", max_inline_chars=-1)


def test_welch_interval_hand_worked():
    # a: mean 2, var 1 -> 1/3 per mean; b: mean 0.5, var 1/3 -> 1/12; se^2 = 5/12;
    # df = (5/12)^2 / ((1/3)^2 / 2 + (1/12)^2 / 3) = 3; t(0.975, 3) = 3.182446;
    # half width 3.182446 * sqrt(5/12) = 3.182446 * 0.645497 = 2.054260 around 1.5
    low, high = welch_interval(np.array([1.0, 2.0, 3.0]), np.array([0.0, 0.0, 1.0, 1.0]))
    assert (low, high) == pytest.approx((-0.554260, 3.554260), abs=1e-6)


@pytest.mark.parametrize("seed", range(5))
def test_welch_interval_equals_scipy(seed):
    from scipy import stats

    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=int(rng.integers(2, 40))), rng.normal(1, 2, int(rng.integers(2, 40)))
    want = stats.ttest_ind(a, b, equal_var=False).confidence_interval(0.95)
    assert welch_interval(a, b) == pytest.approx(tuple(want), rel=1e-12)


@pytest.mark.parametrize(
    ("a_values", "b_values", "caution", "says"),
    [
        # means 0.5 and -0.5, variance 0.01 each: se = sqrt(2 * 0.01 / 3) = 0.08165, df = 4,
        # t(0.975, 4) = 2.776445, half width 0.2267: far from 0
        (
            [0.4, 0.5, 0.6],
            [-0.4, -0.5, -0.6],
            False,
            "a difference of 1.00 (95% interval 0.77 to 1.23)",
        ),
        # the same means, wide spread: the interval holds 0
        ([0.9, 0.1, 0.5], [-0.9, 0.9, -1.5], True, "which includes 0: this may be noise"),
        # one body sentence on a side: no interval
        ([0.5], [-0.5, -0.4], True, "no interval of the difference: a side has one body"),
        # means -0.04317 and -0.186294 are shown as -0.04 and -0.19: the difference shown is
        # theirs, 0.15, not the exact 0.143124 rounded to 0.14
        (
            [-0.03317, -0.04317, -0.05317],
            [-0.176294, -0.186294, -0.196294],
            False,
            "mean compound −0.04 vs −0.19, a difference of 0.15 (95% interval",
        ),
        # no spread on either side: Welch's standard error is 0 and there is no interval
        ([0.5, 0.5], [-0.5, -0.5], True, "no interval of the difference: a side has one body"),
    ],
)
def test_sentiment_item_rests_on_the_interval_of_the_difference(a_values, b_values, caution, says):
    sentences = pd.DataFrame(
        {"doc_id": ["a"] * len(a_values) + ["b"] * len(b_values) + ["a"],
         "is_heading": [0] * (len(a_values) + len(b_values)) + [1],
         "compound": [*a_values, *b_values, -1.0]}  # the heading is left out
    )  # fmt: skip
    docs = [{"doc_id": d, "compound_mean": float(np.mean(v))}
            for d, v in (("b", b_values), ("a", a_values))]  # fmt: skip
    (item,) = sentiment_difference(docs, "#s", sentences)
    assert item["text"].startswith("a's sentences are more positive on average")
    assert item["caution"] is caution
    assert says in item["text"]


def test_lag1_autocorrelation_and_effective_size_by_hand():
    from pipeline.serial_stats import alike_correlation, effective_size, lag1_autocorrelation

    # 1, 2, 3, 4: deviations -1.5, -0.5, 0.5, 1.5; (0.75 - 0.25 + 0.75) / 5 = 0.25
    assert lag1_autocorrelation([np.array([1.0, 2, 3, 4])]) == pytest.approx(0.25)
    # pooled with 5, 5, 7, 7 (deviations -1, -1, 1, 1: lagged 1 - 1 + 1 = 1, squares 4), each
    # centred on its own mean: (1.25 + 1) / (5 + 4) = 0.25
    assert lag1_autocorrelation([np.array([1.0, 2, 3, 4]), np.array([5.0, 5, 7, 7])]) == 0.25
    # bias-corrected for series of mean length 4: (0.25 + 1/4) / (1 - 3/4) = 2, kept at 0.9
    assert alike_correlation([np.array([1.0, 2, 3, 4])]) == 0.9
    # 1..10: r = 0.7, m = 10: (0.7 + 0.1) / 0.7 = 1.14, kept at 0.9; alternating: 0
    assert alike_correlation([np.arange(10.0)]) == 0.9
    assert alike_correlation([np.array([1.0, -1] * 5)]) == 0.0
    # under three values or no spread: no r, and no correction
    assert math.isnan(lag1_autocorrelation([np.array([1.0, 2])]))
    assert math.isnan(lag1_autocorrelation([np.array([1.0, 1, 1])]))
    assert alike_correlation([np.array([1.0, 1, 1, 1])]) == 0.0
    # n (1 - r) / (1 + r): 23 sentences with r = 1/3 are worth 11.5; never under 2
    assert effective_size(23, 1 / 3) == pytest.approx(11.5)
    assert (effective_size(8, 0.9), effective_size(8, 0.0)) == (2.0, 8.0)


def test_sentiment_item_counts_neighbouring_sentences_alike_in_tone_as_fewer():
    """A statistician's review: adjacent sentences share a tone, so Welch's interval over them
    as independent was "clear" too often. a rises steadily, b alternates around 0: pooled,
    r = (0.2625 + 0) / (0.42 + 0.04) = 0.5707, corrected for 8 sentences (0.5707 + 1/8) /
    (1 - 3/8) = 1.11, kept at 0.9: each document's 8 sentences are worth 8 * 0.1 / 1.9 = 0.4,
    so 2."""
    a = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
    b = [-0.1, 0.0, 0.1, 0.0, -0.1, 0.0, 0.1, 0.0]
    assert welch_interval(np.array(a), np.array(b))[0] > 0  # as independent: clear
    sentences = pd.DataFrame(
        {"doc_id": ["a"] * 8 + ["b"] * 8, "sent_id": [*range(8, 0, -1), *range(1, 9)],
         "is_heading": [0] * 16, "compound": a[::-1] + b}
    )  # fmt: skip  # a's rows come last first: read in the text's order
    docs = [{"doc_id": "a", "compound_mean": 0.45}, {"doc_id": "b", "compound_mean": 0.0}]
    (item,) = sentiment_difference(docs, "#s", sentences)
    assert item["caution"] is True
    assert item["text"].endswith(
        "which includes 0: this may be noise). Allowing for neighbouring sentences alike in "
        "tone (estimated correlation of one sentence with the next: 0.90), the interval counts "
        "a's 8 sentences as 2 unrelated ones and b's 8 as 2"
    )
    # sentences with no neighbour alike: no note
    (item,) = sentiment_difference(
        docs,
        "#s",
        sentences.assign(compound=[0.4, 0.5, 0.4, 0.5, 0.4, 0.5, 0.4, 0.5, *b]),
    )
    assert "Neighbouring" not in item["text"]


FIFTEEN_FRAMES = [f"frame{i:02d}" for i in range(15)]


def pair_frames(counts_a: dict[str, int], counts_b: dict[str, int], n_a: int, n_b: int):
    """frames.csv rows of documents a and b over FIFTEEN_FRAMES (0 sentences where not given),
    with shares rounded as the table writes them and intervals the items must not rely on."""
    rows = []
    for frame in FIFTEEN_FRAMES:
        for doc, counts, n in (("a", counts_a, n_a), ("b", counts_b, n_b)):
            k = counts.get(frame, 0)
            rows.append({"doc_id": doc, "frame": frame, "n_cues": k, "n_sentences": k,
                         "share": float(f"{k / n:.6g}"), "share_ci_low": 0.01,
                         "share_ci_high": 0.02})  # fmt: skip
    return pd.DataFrame(rows)


def test_pair_frame_items_hand_worked():
    """The default corpus's two frame items: 17 of 34 vs 4 of 23 and 21 of 23 vs 11 of 34
    body sentences, the largest two of 15 frames' differences, so each interval is at the
    Bonferroni level 1 - 0.05 / 15.

    Exact limits at that level (scipy's, checked below): 17/34 0.25279 to 0.74721, 4/23 0.02271
    to 0.49185; MOVER: 0.32609 - sqrt(0.24721^2 + 0.31794^2) = -0.07665 and 0.32609 +
    sqrt(0.24721^2 + 0.15120^2) = 0.61587: it includes 0, so tentative (the bootstrap interval
    of that one frame, 8 to 55 points, would have called it clear). 21/23 0.61646 to 0.99739,
    11/34 0.12153 to 0.58790: 0.58951 - sqrt(0.29659^2 + 0.26437^2) = 0.19221 and 0.58951 +
    sqrt(0.08435^2 + 0.20200^2) = 0.80841: clear. 50% - 17% shows as 33 points (0.32609).
    """
    from scipy.stats import binomtest

    level = 1 - 0.05 / 15
    for k, n, low, high in ((17, 34, 0.25279, 0.74721), (4, 23, 0.02271, 0.49185),
                            (21, 23, 0.61646, 0.99739), (11, 34, 0.12153, 0.58790)):  # fmt: skip
        ci = binomtest(k, n).proportion_ci(confidence_level=level, method="exact")
        assert (ci.low, ci.high) == pytest.approx((low, high), abs=5e-6)
    docs = [{"doc_id": "a", "n_sentences": 23}, {"doc_id": "b", "n_sentences": 34}]
    frames = pair_frames({"frame03": 4, "frame07": 21, "frame09": 1},
                         {"frame03": 17, "frame07": 11}, 23, 34)  # fmt: skip
    clear, tentative = frame_difference(frames, docs, {"a": 0, "b": 1}, {"doc-0-frame-frame07"})
    assert clear["text"] == (
        "a leans more on the frame07 frame: 91% of its sentences (21 of 23) vs 32% (11 of 34), "
        "a difference of 59 points (95% interval, adjusted for picking among 15 frames: 19 to 81 "
        "points)"
    )
    assert clear["caution"] is False and clear["href"] == "#doc-0-frame-frame07"
    assert tentative["text"] == (
        "b leans more on the frame03 frame: 50% of its sentences (17 of 34) vs 17% (4 of 23), "
        "a difference of 33 points (95% interval, adjusted for picking among 15 frames: -8 to 62 "
        "points, which includes 0: this may be noise)"
    ).replace("-8", "\u22128")
    assert tentative["caution"] is True and tentative["href"] == "#frames"
    assert tentative["strength"] == pytest.approx(3 * (17 / 34 - 4 / 23))


def test_a_pair_frame_item_counts_runs_of_frame_sentences_as_fewer():
    """A statistician's audit: a frame's sentences come in runs (a paragraph on the economy),
    and paragraphs drawn from one pool made a false "clear" frame item up to 9% of pairs. With
    every frame's own lag-1 correlation 0.5 in two texts of 40 sentences, the pooled one is
    0.5, corrected (0.5 + 1/40) / (1 - 3/40) = 0.5676: each text counts as 40 x 0.4324 /
    1.5676 = 11.03 sentences. 30 of 40 vs 8 of 40 is then 75% vs 20% of 11.03 each."""
    from pipeline.report_intervals import proportion_difference_interval
    from pipeline.report_stats import frame_sums
    from pipeline.serial_stats import alike_of_sums

    docs = [{"doc_id": "a", "n_sentences": 40}, {"doc_id": "b", "n_sentences": 40}]
    frames = pair_frames({"frame07": 30}, {"frame07": 8}, 40, 40)
    (plain,) = frame_difference(frames, docs, {}, set())
    assert plain["caution"] is False  # as independent sentences: clear
    frames["lag1"] = 0.5
    frames.loc[frames["n_sentences"].isin([0, 40]), "lag1"] = math.nan  # a share of 0: none
    assert alike_of_sums(*frame_sums(frames, {"a": 40, "b": 40})) == pytest.approx(0.5676, abs=1e-4)
    (runs,) = frame_difference(frames, docs, {}, set())
    low, high = proportion_difference_interval(30, 40, 8, 40, confidence=1 - 0.05 / 15,
                                               effective=(11.0345, 11.0345))  # fmt: skip
    assert f"{round(100 * low)} to {round(100 * high)} points" in runs["text"].replace(
        "\u2212", "-"
    )
    assert runs["caution"] is True and low <= 0
    # a text under 10 sentences takes no part in the pooled correlation
    assert alike_of_sums(*frame_sums(frames, {"a": 40, "b": 9})) == pytest.approx(0.5676, abs=1e-4)
    # counts out of step with documents.csv (30 of 23 sentences) are left out, as the item
    # leaves such a frame out (a review: a square root of a negative number had raised)
    docs = [{"doc_id": "a", "n_sentences": 23}, {"doc_id": "b", "n_sentences": 23}]
    frames = pd.DataFrame(
        {"doc_id": ["a", "a", "b", "b"], "frame": ["economic", "legality"] * 2,
         "n_sentences": [30, 5, 2, 4], "lag1": [0.2, 0.1, -0.05, 0.3]}
    )  # fmt: skip
    (item,) = frame_difference(frames, docs, {}, set())
    assert "legality" in item["text"]


@pytest.mark.parametrize(
    ("k_a", "k_b", "caution", "ends"),
    [
        # 20 of 34 vs none of 23: the exact upper limit of 0 of 23 is 0.2428, so clear
        (20, 0, False, "23 to 82 points)"),
        # 5 of 34 vs none of 23: 0.147 - sqrt(0.147^2 + 0.2428^2) < 0: tentative
        (5, 0, True, "which includes 0: this may be noise)"),
        # all 34 vs 23 of 23 differ by nothing: no item
        (34, 23, None, None),
    ],
)
def test_pair_frame_item_of_a_share_of_none_or_all(k_a, k_b, caution, ends):
    docs = [{"doc_id": "a", "n_sentences": 34}, {"doc_id": "b", "n_sentences": 23}]
    items = frame_difference(pair_frames({"frame00": k_a}, {"frame00": k_b}, 34, 23), docs, {},
                             set())  # fmt: skip
    if caution is None:
        assert items == []
        return
    (item,) = items
    assert item["caution"] is caution and item["text"].endswith(ends)


@pytest.mark.parametrize(
    ("n_a", "rows"),
    [
        (None, None),  # documents.csv without the count
        (0, None),
        (7.5, None),
        (23, "more sentences with the frame than the document has"),
        (23, "a row of one document missing"),
        (23, "a NaN count"),
    ],
)
def test_pair_frame_items_leave_out_counts_out_of_step(n_a, rows):
    docs = [{"doc_id": "a", "n_sentences": n_a}, {"doc_id": "b", "n_sentences": 23}]
    frames = pair_frames({"frame00": 12}, {"frame00": 2}, 23, 23)
    if rows == "more sentences with the frame than the document has":
        frames.loc[(frames["doc_id"] == "a") & (frames["frame"] == "frame00"), "n_sentences"] = 30
    elif rows == "a row of one document missing":
        frames = frames[~((frames["doc_id"] == "b") & (frames["frame"] == "frame00"))]
    elif rows == "a NaN count":
        frames.loc[(frames["doc_id"] == "a") & (frames["frame"] == "frame00"), "n_sentences"] = None
    assert frame_difference(frames, docs, {}, set()) == []
    assert (
        len(
            frame_difference(
                pair_frames({"frame00": 12}, {"frame00": 2}, 23, 23),
                [{"doc_id": "a", "n_sentences": 23}, docs[1]],
                {},
                set(),
            )
        )
        == 1
    )


def test_pair_frame_item_of_one_frame_is_not_adjusted():
    docs = [{"doc_id": "a", "n_sentences": 23}, {"doc_id": "b", "n_sentences": 34}]
    frames = pair_frames({"frame07": 21}, {"frame07": 11}, 23, 34)
    frames = frames[frames["frame"] == "frame07"]
    (item,) = frame_difference(frames, docs, {}, set())
    assert "(95% interval: " in item["text"] and "adjusted" not in item["text"]


def test_frame_table_shows_no_interval_for_a_share_of_none_or_all():
    from pipeline.report_data import frame_matrix

    frames = pd.DataFrame(
        {"doc_id": ["a", "b", "a", "b"],
         "frame": ["economic", "economic", "political", "political"],
         "share": [0.0, 0.5, 1.0, 0.25], "share_ci_low": [0.0, 0.2, 1.0, 0.0],
         "share_ci_high": [0.0, 0.8, 1.0, 0.5], "n_sentences": [0, 2, 4, 1]}
    )  # fmt: skip
    got = frame_matrix(frames, ["a", "b"], {"economic": "Economic", "political": "Political"})
    assert got["rows"] == [
        {"frame": "Political", "cells": ["100% · 4 sent.", "25% [0, 50] · 1 sent."]},
        {"frame": "Economic", "cells": ["0% · 0 sent.", "50% [20, 80] · 2 sent."]},
    ]


@pytest.mark.parametrize(
    ("weights", "shown", "tail"),
    [
        ([0.5, 0.4, 0.3, 0.2], 2, None),  # no tie at the cut
        ([0.5, 0.4, 0.4, 0.4, 0.1], 2, "and 2 more terms of the same weight"),
        # the table ends inside the tie: it may hold more than it lists
        ([0.5, 0.4, 0.4, 0.4], 2, "and at least 2 more terms of the same weight"),
        ([0.5, 0.4], 2, None),  # nothing after the cut
    ],
)
def test_tfidf_terms_say_when_the_cut_splits_a_tie(weights, shown, tail):
    from pipeline.report_data import tfidf_terms

    terms = [f"t{i}" for i in range(len(weights))]
    table = pd.DataFrame({"doc_id": "d", "rank": range(1, len(weights) + 1), "term": terms,
                          "tfidf": weights, "count": 1})  # fmt: skip
    got = tfidf_terms(table, ["d"], shown)["d"]
    assert got[:shown] == ["t0 (1)", "t1 (1)"]
    assert got[shown:] == ([] if tail is None else [tail])


@pytest.mark.parametrize(
    ("top", "each", "caution", "says"),
    [
        # 21 hedges in 100 words vs 29 in 2,900: ratio 21, far from 1
        (21, 1, False, "d07 has the most hedges per 1,000 words: 210.0 (21 markers; median 10.0"),
        # 8 in 100 words vs 29 in 2,900: ratio 8; picking the top of 30, the interval is at
        # 1 - 0.05 / 30: its lower end p / (1 - p) * 29 with p = betaincinv(8, 30, 0.05 / 60)
        # = 0.055708 is 1.7
        (
            8,
            1,
            False,
            "8.0× the other documents' pooled rate of 10.0 (95% interval of the ratio of the "
            "rates, adjusted for picking the highest of 30: 1.7 to 27)",
        ),
        # 5 in 100 words: ratio 5, clear at 95% alone (1.5 to 13) but not once adjusted
        (5, 1, True, "0.65 to 20, which includes 1"),
        # 6 in 100 words vs 116 in 2,900: ratio 1.5
        (6, 4, True, "0.26 to 4.8, which includes 1"),
    ],
)
def test_corpus_items_weigh_the_top_rate_against_the_rest(top, each, caution, says):
    docs = [{"doc_id": f"d{i:02d}", "n_words": 100,
             "hedges_per_1k": 10.0 * (top if i == 7 else each)} for i in range(30)]  # fmt: skip
    items = corpus_differences(docs, index={}, anchors=set())
    (item,) = [i for i in items if "hedges" in i["text"]]
    assert item["text"].startswith("d07 has the most hedges")
    assert says in item["text"] and item["caution"] is caution


def test_proportion_difference_interval_hand_worked():
    """12 of 20 vs 5 of 40 at 95%: exact (Clopper-Pearson) limits 0.36054 to 0.80881 and
    0.04186 to 0.26803 (scipy's, checked below). Difference 0.6 - 0.125 = 0.475; MOVER:
    0.475 - sqrt(0.23946^2 + 0.14303^2) = 0.475 - 0.27892 = 0.19608 and
    0.475 + sqrt(0.20881^2 + 0.08314^2) = 0.475 + 0.22475 = 0.69975.
    10 of 10 vs 0 of 10: limits 0.69150 to 1 and 0 to 0.30850, so 1 - sqrt(2) x 0.30850 =
    0.56372 to 1. 5 of 5 on both sides: 1 - 0.025^(1/5) = 0.52182 either way."""
    from scipy.stats import binomtest

    from pipeline.report_intervals import clopper_pearson, proportion_difference_interval

    for k, n, low, high in ((12, 20, 0.36054, 0.80881), (5, 40, 0.04186, 0.26803),
                            (10, 10, 0.69150, 1.0), (0, 10, 0.0, 0.30850)):  # fmt: skip
        exact = binomtest(k, n).proportion_ci(method="exact")
        assert clopper_pearson(k, n) == pytest.approx((exact.low, exact.high), abs=1e-12)
        assert clopper_pearson(k, n) == pytest.approx((low, high), abs=5e-6)
    assert proportion_difference_interval(12, 20, 5, 40) == pytest.approx((0.19608, 0.69975),
                                                                          abs=5e-6)  # fmt: skip
    assert proportion_difference_interval(10, 10, 0, 10) == pytest.approx((0.56372, 1.0), abs=5e-6)
    assert proportion_difference_interval(5, 5, 5, 5) == pytest.approx((-0.52182, 0.52182),
                                                                       abs=5e-6)  # fmt: skip


@pytest.mark.parametrize(("n1", "n2"), [(20, 60), (10, 200)])
@pytest.mark.parametrize("p", [0.02, 0.05, 0.3])
@pytest.mark.parametrize("confidence", [0.95, 1 - 0.05 / 45])
def test_proportion_difference_interval_errs_at_most_alpha_over_two_per_side(n1, n2, p, confidence):
    """Exactly, over every outcome of two samples with the same proportion p: the interval
    leaves 0 out on either side with probability <= (1 - confidence) / 2. Newcombe's Wilson
    version fails this at the adjusted levels: 10 vs 200 sentences at p = 0.02 and 1 - 0.05/45,
    its lower end clears 0 thirteen times too often."""
    from scipy.stats import binom

    from pipeline.report_intervals import proportion_difference_interval

    alpha = (1 - confidence) / 2
    k2 = np.arange(n2 + 1)
    w2 = binom.pmf(k2, n2, p)
    above = below = 0.0
    for k1 in range(n1 + 1):
        w1 = binom.pmf(k1, n1, p)
        for k, w in zip(k2, w2, strict=True):
            if w1 * w < 1e-13:
                continue
            low, high = proportion_difference_interval(k1, n1, int(k), n2, confidence=confidence)
            above += w1 * w * (low > 0)
            below += w1 * w * (high < 0)
    assert above <= alpha and below <= alpha


@pytest.mark.parametrize(
    ("args", "message"),
    [((3, 2, 1, 5), "k1 and n1"), ((1, 5, -1, 5), "k2 and n2"), ((0, 0, 1, 5), "n1 is 0"),
     ((1.0, 5, 1, 5), "k1 and n1"), ((True, 5, 1, 5), "k1 and n1")],
)  # fmt: skip
def test_proportion_difference_interval_refuses_bad_arguments(args, message):
    from pipeline.report_intervals import proportion_difference_interval

    with pytest.raises(ValueError, match=message):
        proportion_difference_interval(*args)
    with pytest.raises(ValueError, match="confidence"):
        proportion_difference_interval(1, 5, 1, 5, confidence=0.0)


def frames_of(counts: dict[str, int], frame: str = "economic") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(counts), "frame": frame,
                         "n_sentences": list(counts.values())})  # fmt: skip


def documents_of(sizes: dict[str, int]) -> list[dict]:
    return [{"doc_id": d, "n_sentences": n} for d, n in sizes.items()]


THREE = documents_of({"a": 20, "b": 20, "c": 20})


def test_corpus_frame_item_hand_worked():
    """a has the economic frame in 12 of its 20 body sentences, b in 2 and c in 3 (fewer than
    5: neither is named as next).

    a vs b and c pooled: 12/20 = 0.6 vs 5/40 = 0.125, a difference of 0.475. Picking the highest
    of 3 documents in 1 frame, the level is 1 - 0.05 / 3. Exact limits at that level: a 0.31675
    to 0.84143, the rest 0.03167 to 0.30095 (scipy's, checked below). MOVER:
    0.475 - sqrt(0.28325^2 + 0.17595^2) = 0.14155 and 0.475 + sqrt(0.24143^2 + 0.09333^2) =
    0.73384. 12.5% shows as 12 and 47.5 as 48 (halves to even), which subtract.
    """
    from scipy.stats import binomtest

    level = 1 - 0.05 / 3
    for k, n, low, high in ((12, 20, 0.31675, 0.84143), (5, 40, 0.03167, 0.30095)):
        ci = binomtest(k, n).proportion_ci(confidence_level=level, method="exact")
        assert (ci.low, ci.high) == pytest.approx((low, high), abs=5e-6)
    anchors = {"doc-0-frame-economic"}
    (item,) = corpus_frame_differences(frames_of({"a": 12, "b": 2, "c": 3}), THREE, {"a": 0},
                                       anchors)  # fmt: skip
    assert item["text"] == (
        "a leans most on the economic frame: 60% of its sentences (12 of 20; median 15% across 3 "
        "documents); the other documents pooled: 12% (5 of 40), a difference of 48 points (95% "
        "interval, adjusted for picking the highest of 3 documents in 1 frame: 14 to 73 points)"
    )
    assert item["caution"] is False and item["href"] == "#doc-0-frame-economic"
    assert item["strength"] == pytest.approx(3 * 0.475)


@pytest.mark.parametrize(
    ("counts", "caution", "ends"),
    [
        # 16 of 20 vs 18 of 40: the lower end is +0.26 points, shown with the digit that says so
        ({"a": 16, "b": 9, "c": 9}, False, "0.3 to 59 points)"),
        # 7 of 20 vs 3 of 40: -0.11 points, which includes 0
        ({"a": 7, "b": 3, "c": 0}, True, "−0.1 to 57 points, which includes 0)"),
        # 6 of 20 vs 5 of 40
        ({"a": 6, "b": 2, "c": 3}, True, "−10 to 48 points, which includes 0)"),
    ],
)
def test_corpus_frame_item_near_zero_keeps_its_sign(counts, caution, ends):
    (item,) = corpus_frame_differences(frames_of(counts), THREE, {}, set())
    assert item["caution"] is caution and item["text"].endswith(ends)
    assert item["href"] == "#frames"  # no anchor for a's cues: the Frames section


def test_corpus_frame_item_ranks_shares_among_documents_with_five_sentences():
    docs = documents_of({"big": 200, "mid": 40, "tiny": 2, "small": 100, "zero": 0})
    # tiny: 2 of 2 (100%) is too few to lean on; mid: 10 of 40 (25%) beats big's 30 of 200 (15%)
    frames = frames_of({"big": 30, "mid": 10, "tiny": 2, "small": 5, "zero": 0})
    (item,) = corpus_frame_differences(frames, docs, {}, set())
    # zero (no body sentence) takes no part; the median of 5, 15, 25 and 100% is 20%
    assert item["text"].startswith(
        "mid leans most on the economic frame among the 3 documents with 5 or more such "
        "sentences: 25% of its sentences (10 of 40; median 20% across 4 documents; next: big, "
        "15%); the other documents pooled: 12% (37 of 302), a difference of 13 points"
    )


def test_corpus_frame_item_with_one_document_of_five_sentences_is_not_among_1_documents():
    docs = documents_of({"big": 200, "tiny": 2, "small": 100, "mid": 100})
    # big: 20 of 200 (10%), the only one with 5 or more; tiny's 2 of 2 is higher
    frames = frames_of({"big": 20, "tiny": 2, "small": 1, "mid": 4})
    (item,) = corpus_frame_differences(frames, docs, {}, set())
    assert item["text"].startswith(
        "big leans most on the economic frame, the only document with 5 or more such "
        "sentences: 10% of its sentences"
    )


@pytest.mark.parametrize(
    ("sizes", "counts"),
    [
        ({"a": 40, "b": 20, "c": 20}, {"a": 10, "b": 5, "c": 0}),  # 25% and 25%: a tie
        ({"a": 20, "b": 20, "c": 20}, {"a": 5, "b": 1, "c": 8}),  # c has 8 of 20 but... see below
    ],
)
def test_corpus_frame_item_needs_one_top_above_the_median(sizes, counts):
    docs = documents_of(sizes)
    items = corpus_frame_differences(frames_of(counts), docs, {}, set())
    if counts["c"] == 8:  # c, 40%, is the top: the item is about c
        assert [i["text"][:2] for i in items] == ["c "]
    else:
        assert items == []
    # big leads the documents with 5 or more, but its 6% is under the median (30%): nothing
    docs = documents_of({"big": 100, "s1": 10, "s2": 10, "s3": 10})
    frames = frames_of({"big": 6, "s1": 3, "s2": 3, "s3": 3})
    assert corpus_frame_differences(frames, docs, {}, set()) == []


def test_shares_take_a_decimal_when_whole_numbers_would_not_subtract():
    from pipeline.report_items import shares_text

    assert shares_text(0.6, 0.125) == ("60", "12", "48", 0)  # 12.5 and 47.5 round to even
    assert shares_text(0.25, 32 / 202) == ("25", "16", "9", 0)
    assert shares_text(5 / 6, 2 / 12) == ("83.3", "16.7", "66.7", 1)  # 83 - 17 is not 67
    # shares under half a percent would read as 0
    assert shares_text(5 / 1100, 2 / 3000) == ("0.5", "0.1", "0.4", 1)


@pytest.mark.parametrize(
    "counts",
    [
        {"a": 4, "b": 3, "c": 3},  # no document has 5 sentences with the frame
        {"a": 12, "b": 12, "c": 0},  # a and b share the top share
        {"a": 5, "b": 5, "c": 5},  # every share equal
    ],
)
def test_corpus_frame_item_left_out(counts):
    assert corpus_frame_differences(frames_of(counts), THREE, {}, set()) == []


def test_corpus_frame_items_skip_documents_and_rows_out_of_step():
    # c has no rows in frames.csv: it takes no part, so only two documents are left
    assert corpus_frame_differences(frames_of({"a": 12, "b": 2}), THREE, {}, set()) == []
    four = documents_of({"a": 20, "b": 20, "c": 20, "d": 20})
    rows = frames_of({"a": 12, "b": 2, "c": 3, "d": 1})
    bad = rows.assign(n_sentences=[12, 2, np.nan, 1])  # a missing count: c takes no part
    (item,) = corpus_frame_differences(bad, four, {}, set())
    assert "the other documents pooled: 8% (3 of 40)" in item["text"]
    over = rows.assign(n_sentences=[25, 2, 3, 1])  # more sentences with the frame than in a
    assert corpus_frame_differences(over, four, {}, set()) == []
    # a pair takes the pair items
    assert corpus_frame_differences(frames_of({"a": 12, "b": 2}), THREE[:2], {}, set()) == []


def test_corpus_frame_items_name_at_most_two_frames_clear_ones_first():
    docs = documents_of({"a": 100, "b": 100, "c": 6})
    frames = pd.concat(
        [
            frames_of({"a": 40, "b": 10, "c": 0}, "legality"),  # 40 vs 9.4: clear, 31 points
            frames_of({"a": 35, "b": 8, "c": 0}, "economic"),  # 35 vs 7.5: clear, 27 points
            frames_of({"b": 20, "a": 5, "c": 0}, "morality"),  # 20 vs 4.7: clear, 15 points
            frames_of({"c": 5, "a": 30, "b": 30}, "other"),  # 83 vs 30: tentative, 53 points
        ]
    )
    items = corpus_frame_differences(frames, docs, {}, set())
    # the largest difference is tentative: the two strongest clear ones come first
    assert [i["text"].split(": ")[0] for i in items] == [
        "a leans most on the legality, constitutionality, jurisprudence frame",
        "a leans most on the economic frame",
    ]
    assert all("in 4 frames" in i["text"] and not i["caution"] for i in items)
    (item,) = corpus_frame_differences(frames[frames["frame"] == "other"], docs, {}, set())
    assert item["text"].startswith("c leans most on the frame coded “Other”: 83%")
    assert (
        item["caution"] is True and "in 1 frame: −2 to 71 points, which includes 0" in item["text"]
    )


def test_corpus_frame_items_rarely_call_chance_clear():
    """20 documents of 100 sentences, 15 frames, every frame in 3% of every document's
    sentences: any clear item is chance. Adjusted for 20 documents in 15 frames, the family of
    one-sided intervals errs in at most 2.5% of corpora; 300 seeded corpora show none."""
    rng = np.random.default_rng(7)
    docs = documents_of({f"d{i:02d}": 100 for i in range(20)})
    frames_ids = [f"f{j:02d}" for j in range(15)]
    clear = 0
    for _ in range(300):
        k = rng.binomial(100, 0.03, size=(20, 15))
        frames = pd.DataFrame(
            {"doc_id": np.repeat([d["doc_id"] for d in docs], 15),
             "frame": np.tile(frames_ids, 20), "n_sentences": k.ravel()}
        )  # fmt: skip
        clear += any(not i["caution"] for i in corpus_frame_differences(frames, docs, {}, set()))
    assert clear <= 3


def test_corpus_items_name_the_document_with_the_most_figures_and_questions():
    docs = [{"doc_id": d, "n_words": 400, "n_figures": f, "n_figures_unsourced": u,
             "n_figures_named": f - u, "n_questions": q}
            for d, f, u, q in (("figs", 15, 11, 0), ("b", 1, 1, 6), ("c", 0, 0, 1),
                               ("d", 1, 0, 0))]  # fmt: skip
    items = corpus_differences(docs, index={"figs": 2, "b": 0}, anchors={"doc-2-figure-none"})
    (figures,) = [i for i in items if "figures per" in i["text"]]
    assert figures["text"].startswith(
        "figs has the most figures per 1,000 words: 37.5 (15 figures, 11 of them without a "
        "source; median 2.5 across 4 documents, 15.0× the median); 22.5× the other documents' "
        "pooled rate of 1.7"
    )
    assert figures["href"] == "#doc-2-figure-none" and figures["caution"] is False
    (questions,) = [i for i in items if "questions per" in i["text"]]
    assert questions["text"].startswith(
        "b has the most questions per 1,000 words: 15.0 (6 questions;"
    )
    assert questions["href"] == "#summary-0"  # no highlighted question in the page
    items = corpus_differences(docs, index={"b": 0}, anchors={"doc-0-question"})
    assert [i["href"] for i in items if "questions per" in i["text"]] == ["#doc-0-question"]
    docs[1]["n_questions"] = 4  # fewer than 5 in every document: nothing to say
    items = corpus_differences(docs, index={}, anchors=set())
    assert not any("questions per" in i["text"] for i in items)


def test_a_short_document_does_not_hide_the_top_rate():
    """tiny: 1 hedge in 10 words is 100 per 1,000, but one marker says little; the top of the
    documents with 5 or more is named, and the runner-up among them."""
    sizes = (("tiny", 10, 1), ("a", 500, 20), ("b", 500, 6), ("c", 500, 2))
    docs = [{"doc_id": d, "n_words": w, "hedges_per_1k": 1000 * h / w} for d, w, h in sizes]
    (item,) = [
        i for i in corpus_differences(docs, index={}, anchors=set()) if "hedges" in i["text"]
    ]
    assert item["text"].startswith(
        "a has the most hedges per 1,000 words among the 2 documents with 5 or more: 40.0 (20 "
        "markers; median 26.0 across 4 documents, 1.5× the median; next: b, 12.0)"
    )
    # the only document with 5 or more is not "among the 1 documents"
    docs[2]["hedges_per_1k"] = 8.0  # b: 4 hedges
    (item,) = [
        i for i in corpus_differences(docs, index={}, anchors=set()) if "hedges" in i["text"]
    ]
    assert item["text"].startswith(
        "a has the most hedges per 1,000 words, the only document with 5 or more: 40.0 (20 "
        "markers; median 24.0 across 4 documents"
    )


@pytest.mark.parametrize(
    "sizes",
    [
        # the only document with 5 hedges has the lowest rate: 6 in 5,000 words (1.2) against
        # 4 in 300, 3 in 300 and 4 in 350; no item (it was named "the most" with 0.1x the rest)
        (("t", 5000, 6), ("a", 300, 4), ("b", 300, 3), ("c", 350, 4)),
        # two documents share the top rate
        (("a", 500, 10), ("b", 500, 10), ("c", 500, 2), ("d", 500, 1)),
    ],
)
def test_no_rate_item_without_one_top_above_the_rest(sizes):
    docs = [{"doc_id": d, "n_words": w, "hedges_per_1k": 1000 * h / w} for d, w, h in sizes]
    assert not any("hedges" in i["text"] for i in corpus_differences(docs, index={}, anchors=set()))


def test_counts_of_leaves_out_documents_without_words_or_counts():
    from pipeline.report_items import counts_of

    docs = [{"doc_id": "a", "n_words": 0, "n_figures": 3}, {"doc_id": "b", "n_words": 100},
            {"doc_id": "c", "n_words": 100, "n_figures": math.nan},
            {"doc_id": "d", "n_words": 200, "n_figures": 4}]  # fmt: skip
    assert [(r["doc_id"], r["rate"], r["count"]) for r in counts_of(docs, "n_figures")] == [
        ("d", 20.0, 4)
    ]


@pytest.mark.parametrize(
    ("scores", "says"),
    [
        # each text's own interval is its score -/+ 4 with 30 sentences' worth: widened for
        # picking the extreme of 3 by t(29, 1 - 0.05 / 6) / t(29, 0.975) = 1.2424
        ((1.1, 33.1, 38.8), ["d0 is the hardest to read: Flesch reading ease 1.1 vs a median of "
                             "33.1 across 3 documents (higher is easier; its 95% interval, "
                             "adjusted for picking the hardest of 3: −3.9 to 6.1)"]),
        ((30.0, 35.0, 60.0, 40.0), ["d2 is the easiest to read: Flesch reading ease 60.0 vs a "
                                    "median of 37.5"]),
        ((30.0, 35.0, 39.0), []),  # within 10 points of the median
        ((20.0, 30.0, 35.0), ["d0 is the hardest to read: Flesch reading ease 20.0 vs a median "
                              "of 30.0"]),  # 10 points exactly
        ((20.0, 20.0, 35.0, 60.0, 60.0), []),  # both extremes shared by two documents
        ((1.1, 33.1), []),  # two documents: the pair items cover them
    ],
)  # fmt: skip
def test_corpus_readability_extremes(scores, says):
    docs = [{"doc_id": f"d{i}", "n_words": 400, "flesch_reading_ease": x, "flesch_ci_low": x - 4,
             "flesch_ci_high": x + 4, "flesch_effective_n": 30.0}
            for i, x in enumerate(scores)]  # fmt: skip
    items = [i for i in corpus_differences(docs, index={}, anchors=set()) if "to read" in i["text"]]
    assert len(items) == len(says)
    for item, text in zip(items, says, strict=True):
        assert item["text"].startswith(text) and item["caution"] is False
    if scores == (1.1, 33.1, 38.8):
        assert items[0]["strength"] == pytest.approx((33.1 - 1.1) / 20)


def test_a_readability_extreme_whose_interval_holds_the_median_or_is_missing_is_tentative():
    docs = [{"doc_id": f"d{i}", "n_words": 400, "flesch_reading_ease": x, "flesch_ci_low": x - 4,
             "flesch_ci_high": x + 4, "flesch_effective_n": 30.0}
            for i, x in enumerate((1.1, 33.1, 38.8))]  # fmt: skip
    docs[0].update(flesch_ci_low=-30.0, flesch_ci_high=32.2)  # a text of very unequal sentences
    (item,) = [
        i for i in corpus_differences(docs, index={}, anchors=set()) if "to read" in i["text"]
    ]
    assert (
        item["caution"] is True and "which includes the median: this may be noise" in item["text"]
    )
    docs[0].update(flesch_ci_low=math.nan, flesch_ci_high=math.nan, n_sentences=8)
    (item,) = [
        i for i in corpus_differences(docs, index={}, anchors=set()) if "to read" in i["text"]
    ]
    assert item["caution"] is True and item["text"].endswith(
        "no interval: it has 8 body sentences, fewer than the 10 an interval needs)"
    )


def test_a_readability_extreme_counts_neighbours_as_alike_as_the_corpus_at_least():
    """Five texts of 30 sentences whose Flesch contributions have sd 30: four with a lag-1
    correlation of 0.5, the hardest (25.0) with its own -1/30, corrected to 0 (ne = 30: its
    interval widened for the hardest of 5 is 9.9 to 40.1, clear of the median 52.0). Pooled,
    r = (2 - 1/30) / 5 = 0.3933, corrected 0.4741: ne = 10.70, and 25 -/+ 29.26 = -4.3 to
    54.3 holds the median."""
    docs = [{"doc_id": f"d{i}", "n_words": 600, "flesch_reading_ease": x, "flesch_sd": 30.0,
             "flesch_lag1": 0.5, "flesch_n_sentences": 30}
            for i, x in enumerate((25.0, 50.0, 52.0, 55.0, 58.0))]  # fmt: skip
    # documents.csv's own interval of the hardest: 25 -/+ t(29) 30 / sqrt(30) = 25 -/+ 11.2022
    docs[0].update(flesch_lag1=-1 / 30, flesch_ci_low=13.7978, flesch_ci_high=36.2022,
                   flesch_effective_n=30.0)  # fmt: skip

    def hardest(docs):
        return next(i for i in corpus_differences(docs, index={}, anchors=set())
                    if "hardest" in i["text"])  # fmt: skip

    item = hardest(docs)
    assert item["caution"] is True and "hardest of 5: −4.3 to 54.3, which includes" in item["text"]
    item = hardest([docs[0], *(dict(d, flesch_lag1=-1 / 30) for d in docs[1:])])
    assert item["caution"] is False and "hardest of 5: 9.9 to 40.1)" in item["text"]
    # too few sentences: the reason counts the Flesch sentences (those with a word)
    docs[0].update(flesch_n_sentences=8, n_sentences=9)
    assert hardest(docs)["text"].endswith(
        "no interval: it has 8 body sentences, fewer than the 10 an interval needs)"
    )


def test_a_title_only_text_is_not_the_hardest_to_read():
    """Under 100 words a Flesch score rests on a line: "Intergovernmental telecommunications
    infrastructure." alone scores about -276."""
    docs = [{"doc_id": "title", "n_words": 3, "flesch_reading_ease": -275.6}]
    docs += [{"doc_id": f"d{i}", "n_words": 400, "flesch_reading_ease": x}
             for i, x in enumerate((45.0, 47.5, 52.0))]  # fmt: skip
    assert not any(
        "to read" in i["text"] for i in corpus_differences(docs, index={}, anchors=set())
    )
    # the median is of the others, and the item says so: a short text may read easier still
    docs += [{"doc_id": "easy", "n_words": 400, "flesch_reading_ease": 70.0}]
    (item,) = [
        i for i in corpus_differences(docs, index={}, anchors=set()) if "to read" in i["text"]
    ]
    assert item["text"].startswith(
        "easy is the easiest to read: Flesch reading ease 70.0 vs a median of 49.8 across 4 "
        "documents of 100 words or more (higher is easier"
    )


def test_sentiment_extremes_take_the_decimals_that_tell_them_from_the_median():
    docs = [{"doc_id": d, "compound_mean": m, "compound_ci_low": m - 0.2,
             "compound_ci_high": m + 0.2} for d, m in
            (("a", 0.101), ("b", 0.103), ("c", 0.104), ("d", 0.1035))]  # fmt: skip
    texts = [i["text"] for i in corpus_differences(docs, index={}, anchors=set())]
    # the median, 0.1032, and both extremes at three decimals (at two all read 0.10)
    assert "a has the lowest mean sentiment: 0.101 vs a median of 0.103 across 4 documents" in (
        " ".join(texts)
    )
    assert "c has the highest mean sentiment: 0.104 vs a median of 0.103" in " ".join(texts)
    # every document the same: no extreme to name
    same = [{**d, "compound_mean": 0.1} for d in docs]
    items = corpus_differences(same, index={}, anchors=set())
    assert not any("mean sentiment" in t["text"] for t in items)


def test_a_sentiment_extreme_whose_sentences_all_score_the_same_is_not_clear():
    """Three body sentences that all score 0 bootstrap to [0, 0]: no variation to resample,
    which must not read as a certain mean (it had made "flat" the clear highest)."""
    docs = [
        {
            "doc_id": d,
            "n_sentences": 20,
            "compound_mean": m,
            "compound_ci_low": m - 0.05,
            "compound_ci_high": m + 0.05,
        }
        for d, m in (("a", -0.30), ("b", -0.25), ("c", -0.2))
    ]
    docs.append(
        {
            "doc_id": "flat",
            "n_sentences": 12,
            "compound_mean": 0.0,
            "compound_ci_low": 0.0,
            "compound_ci_high": 0.0,
        }
    )
    docs.append({"doc_id": "one", "n_sentences": 1, "compound_mean": -0.9,
                 "compound_ci_low": math.nan, "compound_ci_high": math.nan})  # fmt: skip
    items = {i["text"].split(" ")[0]: i for i in corpus_differences(docs, index={}, anchors=set())
             if "mean sentiment" in i["text"]}  # fmt: skip
    assert items["flat"]["caution"] is True
    assert items["flat"]["text"].endswith("(no interval: its 12 body sentences all score 0.00)")
    assert items["one"]["caution"] is True
    assert items["one"]["text"].endswith("(no interval: it has one body sentence)")
    # with some spread the same mean is clear
    docs[3].update(compound_ci_low=-0.01, compound_ci_high=0.01)
    flat = [i for i in corpus_differences(docs, index={}, anchors=set())
            if i["text"].startswith("flat")]  # fmt: skip
    assert flat[0]["caution"] is False and "interval, adjusted" in flat[0]["text"]


def test_zero_width_intervals_are_not_shown():
    from pipeline.report_data import SUMMARY_METRICS, actor_rows
    from pipeline.report_format import metric_cell

    (metric,) = [m for m in SUMMARY_METRICS if m.key == "sentiment"]
    flat = {"compound_mean": 0.0, "compound_ci_low": 0.0, "compound_ci_high": 0.0}
    assert metric_cell(metric, flat) == "0.00"
    spread = {**flat, "compound_ci_low": -0.1, "compound_ci_high": 0.05}
    assert metric_cell(metric, spread) == "0.00 [−0.10, 0.05]"
    actors = pd.DataFrame([{"doc_id": "a", "actor": "china", "n_mentions": 2, "n_sentences": 2,
                            **flat}])  # fmt: skip
    assert actor_rows(actors, ["a"])[0]["compound"] == "0.00"


@pytest.mark.parametrize(
    ("value", "reference", "digits", "text"),
    [(0.001, 0.0, 2, "0.001"), (-0.0004, 0.0, 2, "−0.0004"), (0.0, 0.0, 2, "0.00"),
     (0.31, 0.0, 2, "0.31"), (0.0026, 0.0, 0, "0.3"), (-0.0011, 0.0, 0, "−0.1")],
)  # fmt: skip
def test_an_interval_end_never_reads_as_its_reference(value, reference, digits, text):
    from pipeline.report_items import apart_text

    scale = 1.0 if digits else 100.0
    assert apart_text(value, reference, digits, scale) == text


def test_report_lists_frame_items_for_three_documents():
    documents = pd.DataFrame(
        [{"doc_id": d, "title": "t", "n_sentences": 20, "n_words": 400} for d in ("a", "b", "c")]
    )
    context = report_context(
        {"documents": documents, "frames": frames_of({"a": 12, "b": 2, "c": 3})},
        docs_dir=None, plots_dir=None, manifest_path=None,
    )  # fmt: skip
    assert any(i["text"].startswith("a leans most on the economic frame") for i in
               context["differences"])  # fmt: skip


@pytest.mark.parametrize(
    ("ci", "caution"), [((-0.9, -0.5), False), ((-0.9, 0.3), True), ((None, None), True)]
)
def test_corpus_sentiment_extremes_are_clear_only_off_the_median(ci, caution):
    docs = [{"doc_id": f"d{i}", "compound_mean": 0.1 * i, "compound_ci_low": 0.1 * i - 0.05,
             "compound_ci_high": 0.1 * i + 0.05} for i in range(1, 5)]  # fmt: skip
    docs.append({"doc_id": "low", "compound_mean": -0.7, "compound_ci_low": ci[0],
                 "compound_ci_high": ci[1]})  # fmt: skip
    items = corpus_differences(docs, index={}, anchors=set())
    (item,) = [i for i in items if i["text"].startswith("low has the lowest")]
    # median of -0.7, 0.1, 0.2, 0.3, 0.4 is 0.2
    assert "vs a median of 0.20 across 5 documents" in item["text"]
    assert item["caution"] is caution


def test_a_sentiment_extreme_is_widened_for_picking_it_among_n():
    """Picking the lowest of 5 documents: its 95% interval (-0.30 to 0.15) leaves the median
    (0.20) out, but at the Bonferroni level 1 - 0.05 / 5 each side grows by z(0.995) / z(0.975)
    = 2.5758 / 1.9600 = 1.3142: -0.10 - 0.20 * 1.3142 = -0.363, -0.10 + 0.25 * 1.3142 = 0.229."""
    docs = [{"doc_id": f"d{i}", "compound_mean": 0.1 * i, "compound_ci_low": 0.1 * i - 0.05,
             "compound_ci_high": 0.1 * i + 0.05} for i in range(1, 5)]  # fmt: skip
    docs.append({"doc_id": "low", "compound_mean": -0.1, "compound_ci_low": -0.3,
                 "compound_ci_high": 0.15})  # fmt: skip
    items = corpus_differences(docs, index={}, anchors=set())
    (item,) = [i for i in items if i["text"].startswith("low has the lowest")]
    assert item["text"].endswith(
        "(its 95% interval, adjusted for picking the lowest of 5: −0.36 to 0.23, which includes "
        "the median)"
    )
    assert item["caution"] is True


def test_a_sentiment_extreme_counts_neighbours_as_alike_as_the_corpus_at_least():
    """Five texts of 20 sentences (sd 0.3): four with a lag-1 correlation of 0.5, and "low"
    (mean -0.2) whose own came out -0.05, corrected to 0 (ne = 20: t(19) interval -0.2 -/+
    0.1404, widened for the lowest of 5 by t(19, 0.995) / t(19, 0.975) to -0.392 to -0.008,
    clear of the median 0.2). Pooled, r = (4 * 0.5 - 0.05) / 5 = 0.39, corrected (0.39 + 1/20)
    / (1 - 3/20) = 0.5176: ne = 20 * 0.4824 / 1.5176 = 6.357, half-width t(5.357) 0.3 /
    sqrt(6.357) = 0.2998, widened to 0.4638: -0.664 to 0.264, which holds the median."""
    docs = [{"doc_id": f"d{i}", "compound_mean": 0.1 * i, "compound_sd": 0.3,
             "compound_lag1": 0.5, "n_sentences": 20} for i in range(1, 5)]  # fmt: skip
    # documents.csv's own interval of "low": t(19) 0.3 / sqrt(20) = 0.1404 either side
    low = {"doc_id": "low", "compound_mean": -0.2, "compound_sd": 0.3, "compound_lag1": -0.05,
           "n_sentences": 20, "compound_ci_low": -0.3404043, "compound_ci_high": -0.0595957,
           "compound_effective_n": 20.0}  # fmt: skip

    def lowest(docs):
        items = corpus_differences(docs, index={}, anchors=set())
        return next(i for i in items if i["text"].startswith("low has the lowest"))

    item = lowest([*docs, low])
    assert item["caution"] is True
    assert item["text"].endswith("adjusted for picking the lowest of 5: −0.66 to 0.26, which "
                                 "includes the median)")  # fmt: skip
    # alone with texts whose neighbours are no more alike, its own correlation stands: clear
    alike_as_it = [dict(d, compound_lag1=-0.05) for d in docs]
    item = lowest([*alike_as_it, low])
    assert item["caution"] is False and item["text"].endswith("lowest of 5: −0.39 to −0.01)")
    # a text more alike than the rest (own 0.6) keeps its own, larger correlation
    from pipeline.report_stats import corpus_alike, extreme_interval

    # a text under 10 sentences adds nothing to the pool (its shortness would bias it)
    short = dict(low, n_sentences=6, compound_lag1=-0.9)
    assert corpus_alike([*docs, short], "compound") == corpus_alike(docs, "compound") > 0.6
    alike = dict(low, compound_lag1=0.6)
    pooled = corpus_alike([*alike_as_it, alike], "compound")
    assert pooled < 0.2
    own_only = extreme_interval(alike, "compound", 5, 0.0, confidence=0.95, bounds=(-1, 1))
    assert extreme_interval(alike, "compound", 5, pooled, confidence=0.95,
                            bounds=(-1, 1)) == own_only  # fmt: skip
    # sentences that all score the same: no interval, however alike the corpus
    from pipeline.sentiment import document_aggregates

    flat = document_aggregates([-0.2] * 100, confidence=0.95)
    flat = {"doc_id": "low", "n_sentences": 100, **flat}
    item = lowest([*docs, flat])
    assert (
        item["caution"] is True and "(no interval: its 100 body sentences all score" in item["text"]
    )
    # a table without the summaries (an older run's): the document's own interval
    old = {"doc_id": "low", "compound_mean": -0.2, "compound_ci_low": -0.3402,
           "compound_ci_high": -0.0596, "compound_effective_n": 20.0}  # fmt: skip
    assert lowest([*docs, old])["text"].endswith("lowest of 5: −0.39 to −0.01)")


def test_sentiment_item_says_when_a_documents_sentences_were_not_read():
    sentences = pd.DataFrame({"doc_id": ["a", "a"], "is_heading": [0, 0], "compound": [0.5, 0.4]})
    docs = [{"doc_id": "a", "compound_mean": 0.45}, {"doc_id": "b", "compound_mean": -0.5}]
    (item,) = sentiment_difference(docs, "#s", sentences)
    assert item["text"].endswith(
        "(no interval: set report.max_documents_inline to 2 to read both texts)"
    )
    assert item["caution"] is True


def test_a_documents_counts_say_how_many_marks_are_in_headings(tmp_path):
    clean = "Critics Say 40% Fell\n\nPrices may fall by 5%."
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "clean.txt").write_text(clean, encoding="utf-8")
    sentences = pd.DataFrame(
        {"doc_id": ["d", "d"], "sent_id": [1, 2], "paragraph_id": [1, 2], "is_heading": [1, 0],
         "start": [0, 22], "end": [20, 45], "text": [clean[:20], clean[22:]]}
    )  # fmt: skip

    def rows(spans):
        return pd.DataFrame(
            [{"doc_id": "d", "sent_id": sid, "start": a, "end": b, "match": clean[a:b],
              "category": "hedge", "subtype": "modal", "kind": "percent", "sourcing": "none",
              "frame": "economic"} for sid, a, b in spans]
        )  # fmt: skip

    tables = {
        "sentences": sentences,
        "stance_markers": rows([(2, 29, 32)]),
        "figures": rows([(1, 12, 15), (2, 41, 43)]),
        "frame_cues": rows([(2, 22, 28)]),
    }
    views, _ = document_views(tables, ["d"], tmp_path, top_terms=5)
    assert views[0]["counts"] == {"stance_markers": 1, "figures": 2, "frame_cues": 1}
    assert views[0]["in_headings"] == {"stance_markers": 0, "figures": 1, "frame_cues": 0}


def test_a_list_of_only_tentative_differences_says_so():
    documents = pd.DataFrame(
        [{"doc_id": d, "title": "t", "n_sentences": 5, "n_words": 100, "hedges_per_1k": h}
         for d, h in (("a", 30.0), ("b", 10.0))]
    )  # fmt: skip
    context = report_context({"documents": documents}, docs_dir=None, plots_dir=None,
                             manifest_path=None)  # fmt: skip
    assert context["differences"] and all(i["caution"] for i in context["differences"])
    assert "no difference is clear" in render_report(context)
    context["differences"][0]["caution"] = False
    assert "no difference is clear" not in render_report(context)


def test_an_actor_list_written_for_another_corpus_is_pointed_out():
    from pipeline.report_data import unnamed_actors

    def table(mentions):
        return pd.DataFrame({"doc_id": "d", "actor": [f"a{i}" for i in range(len(mentions))],
                             "n_mentions": mentions})  # fmt: skip

    assert unnamed_actors(table([0, 0, 0, 2])) == ["a0", "a1", "a2"]  # three quarters unnamed
    assert unnamed_actors(table([0, 0, 1, 2])) == []
    assert unnamed_actors(None) == []


def test_a_90_percent_sentiment_interval_is_widened_from_its_own_level():
    """documents.csv at sentiment.confidence 0.9: the same interval (-0.30 to 0.15) is a 90% one,
    so each side grows by z(0.995) / z(0.95) = 2.5758 / 1.6449 = 1.5659: -0.10 - 0.20 * 1.5659
    = -0.413, -0.10 + 0.25 * 1.5659 = 0.291 (the 95% reading gave -0.36 to 0.23)."""
    docs = [{"doc_id": f"d{i}", "compound_mean": 0.1 * i, "compound_ci_low": 0.1 * i - 0.05,
             "compound_ci_high": 0.1 * i + 0.05} for i in range(1, 5)]  # fmt: skip
    docs.append({"doc_id": "low", "compound_mean": -0.1, "compound_ci_low": -0.3,
                 "compound_ci_high": 0.15})  # fmt: skip
    items = corpus_differences(docs, index={}, anchors=set(), sentiment_confidence=0.9)
    (item,) = [i for i in items if i["text"].startswith("low has the lowest")]
    assert "adjusted for picking the lowest of 5: −0.41 to 0.29, which includes" in item["text"]


@pytest.mark.parametrize("levels", [(0.95, 0.95), (0.9, 0.8)])
def test_report_names_the_interval_levels_the_run_used(tmp_path, levels):
    sentiment, frames = levels
    tables, docs, plots = write_tiny_corpus(tmp_path)
    manifest = tmp_path / "manifest.json"
    config = {"sentiment": {"confidence": sentiment}, "frames": {"confidence": frames}}
    manifest.write_text(json.dumps({"config": config}), encoding="utf-8")
    out = tmp_path / "report.html"
    build_report(tables_dir=tables, docs_dir=docs, plots_dir=plots, manifest_path=manifest,
                 out_path=out)  # fmt: skip
    page = out.read_text(encoding="utf-8")
    s, f = f"{100 * sentiment:g}%", f"{100 * frames:g}%"
    assert f"Mean sentiment [{s} CI]" in page
    assert f"with its exact {f} interval" in page
    # the frame items of the pair are exact intervals at the report's own 95%, not the table's
    assert "(95% interval, adjusted for picking among" in page
    others = {"95%", "90%", "80%"} - {s, f}
    assert not any(f"Mean sentiment [{o} CI]" in page for o in others)


@pytest.mark.parametrize(
    ("config", "levels"),
    [
        ({}, (0.95, 0.95)),
        ({"sentiment": {"confidence": 0.9}, "frames": {"confidence": "0.8"}}, (0.9, 0.8)),
        ({"sentiment": None, "frames": {"confidence": None}}, (0.95, 0.95)),
        ({"sentiment": {"confidence": 1.5}, "frames": "x"}, (0.95, 0.95)),
        (None, (0.95, 0.95)),
    ],
)
def test_interval_levels_fall_back_to_95_where_the_config_does_not_say(config, levels):
    from pipeline.report_intervals import interval_levels

    got = interval_levels(config or {})
    assert (got["sentiment"], got["frames"]) == levels


def test_a_manifest_whose_config_is_null_still_gives_a_report(tmp_path):
    tables, docs, plots = write_tiny_corpus(tmp_path)
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"config": None}), encoding="utf-8")
    out = tmp_path / "report.html"
    build_report(tables_dir=tables, docs_dir=docs, plots_dir=plots, manifest_path=manifest,
                 out_path=out)  # fmt: skip
    assert "Mean sentiment [95% CI]" in out.read_text(encoding="utf-8")


def test_actor_plot_caption_names_the_level_of_its_intervals():
    assert "with 90% bootstrap intervals" in plot_kind("actor_sentiment", sentiment_level="90%")[1]
    assert "with 95% bootstrap intervals" in plot_kind("actor_sentiment")[1]


def test_evidence_anchors_skip_headings_which_the_rates_leave_out(tmp_path):
    # a hedge and a vague figure in the headline and again in the body: the rates count the
    # body only, so the Evidence anchors go to the body's
    clean = "Prices May Fall 40%, Critics Warn\n\nPrices may fall by 5%."
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "clean.txt").write_text(clean, encoding="utf-8")
    body = clean.index("Prices may")
    sentences = pd.DataFrame(
        {"doc_id": ["d", "d"], "sent_id": [1, 2], "paragraph_id": [1, 2], "is_heading": [1, 0],
         "start": [0, body], "end": [body - 2, len(clean)],
         "text": [clean[: body - 2], clean[body:]]}
    )  # fmt: skip

    def rows(spans, **extra):
        return pd.DataFrame([{"doc_id": "d", "sent_id": sid, "start": a, "end": b,
                              "match": clean[a:b], **extra} for sid, a, b in spans])  # fmt: skip

    may_head, may_body = clean.index("May"), clean.index("may")
    pct_head, pct_body = clean.index("40%"), clean.index("5%")
    tables = {
        "sentences": sentences,
        "stance_markers": rows([(1, may_head, may_head + 3), (2, may_body, may_body + 3)],
                               category="hedge", subtype="modal"),
        "figures": rows([(1, pct_head, pct_head + 3), (2, pct_body, pct_body + 2)],
                        kind="percent", sourcing="none"),
    }  # fmt: skip
    views, anchors = document_views(tables, ["d"], tmp_path, top_terms=5)
    assert {"doc-0-hedge", "doc-0-figure-none"} <= anchors
    pieces = [p for run in views[0]["runs"] for p in run.pieces]
    placed = {p.anchor: p.text for p in pieces if getattr(p, "anchor", "")}
    assert placed["doc-0-hedge"] == "may" and placed["doc-0-figure-none"] == "5%"


@pytest.mark.parametrize(
    ("sourcing", "key"),
    [((1, 1, 1), "figure-none"), ((0, 1, 1), "figure-vague"), ((0, 0, 2), "figure-named")],
)
def test_a_figures_item_links_to_a_kind_of_figure_the_body_has(sourcing, key):
    from pipeline.report_differences import count_difference

    unsourced, vague, named = sourcing
    a = {"doc_id": "a", "n_figures": sum(sourcing), "n_figures_unsourced": unsourced,
         "n_figures_vague": vague, "n_figures_named": named, "n_words": 100}  # fmt: skip
    b = {"doc_id": "b", "n_figures": 0, "n_figures_unsourced": 0, "n_figures_vague": 0,
         "n_figures_named": 0, "n_words": 100}  # fmt: skip
    anchors = {f"doc-0-{k}" for k in ("figure-none", "figure-vague", "figure-named")}
    (item,) = count_difference([a, b], "n_figures", {"a": 0, "b": 1}, anchors)
    assert item["href"] == f"#doc-0-{key}"


def test_pair_figures_and_questions_are_weighed_per_word_hand_worked():
    """Counts alone said "long cites 3 figures and short 2" as a clear difference, though short
    has ten times the rate, and 5 questions against none as clear whatever the lengths."""
    from pipeline.report_differences import count_difference

    def doc(doc_id, words, **counts):
        return {"doc_id": doc_id, "n_words": words, **counts}

    # the default corpus: 11 figures in 576 words against none in 360. Exact (Clopper-Pearson)
    # lower bound of the share 11/11: 0.025 ** (1/11) = 0.7152, so the ratio of the rates is
    # at least 0.7152 / 0.2848 * 360 / 576 = 1.57
    (item,) = count_difference(
        [doc("dip", 576, n_figures=11, n_figures_named=2, n_figures_vague=2,
             n_figures_unsourced=7), doc("coop", 360, n_figures=0)],
        "n_figures", {}, set(),
    )  # fmt: skip
    assert item["text"] == (
        "dip uses figures and coop none: 11 vs 0 (19.1 vs 0.0 per 1,000 words; 95% interval of "
        "the ratio 1.6 to infinity); dip's 11 figures: 2 named, 2 vague, 7 without a source"
    )
    # both texts' sourcing, the top one's first: more unsourced figures in one text may go with
    # more vague ones in the other (an analyst's two articles, 2026-12-06)
    (both,) = count_difference(
        [doc("b", 542, n_figures=19, n_figures_named=3, n_figures_vague=15,
             n_figures_unsourced=1),
         doc("a", 622, n_figures=35, n_figures_named=16, n_figures_vague=2,
             n_figures_unsourced=17)],
        "n_figures", {}, set(),
    )  # fmt: skip
    assert both["text"].endswith(
        "; a's 35 figures: 16 named, 2 vague, 17 without a source; b's 19 figures: 3 named, "
        "15 vague, 1 without a source"
    )
    assert item["caution"] is False
    (item,) = count_difference(
        [doc("long", 2000, n_figures=3), doc("short", 200, n_figures=2)], "n_figures", {}, set()
    )
    assert item["text"].startswith("short uses 6.7× more figures per 1,000 words (10.0 vs 1.5")
    assert item["caution"] is True
    # 5 vs 0: the share 5/5 has the lower bound 0.025 ** (1/5) = 0.4782, so the ratio is at
    # least 0.4782 / 0.5218 * 200 / 2000 = 0.092: it includes 1
    (item,) = count_difference(
        [doc("long", 2000, n_questions=5), doc("short", 200, n_questions=0)],
        "n_questions", {}, set(),
    )  # fmt: skip
    assert "95% interval of the ratio 0.092 to infinity, which includes 1" in item["text"]
    assert item["caution"] is True
    assert count_difference([doc("a", 0, n_figures=1), doc("b", 10, n_figures=0)],
                            "n_figures", {}, set()) == []  # fmt: skip
    # the same rate is no item, however few the figures (ratios under 1.25 are not listed)
    same = [doc("a", 100, n_figures=1, n_figures_unsourced=1), doc("b", 100, n_figures=1)]
    assert count_difference(same, "n_figures", {}, set()) == []
    assert count_difference([doc("a", 100, n_questions=2), doc("b", 100, n_questions=2)],
                            "n_questions", {}, set()) == []  # fmt: skip


@pytest.mark.parametrize(
    ("counts", "count", "clause"),
    [((0, 0, 1), 1, "d's one figure is without a source"),
     ((1, 0, 0), 1, "d's one figure is named"), ((0, 1, 0), 1, "d's one figure is vague"),
     ((3, 0, 0), 3, "d's 3 figures: 3 named, 0 vague, 0 without a source"),
     ((1, 1, 1), 3, "d's 3 figures: 1 named, 1 vague, 1 without a source"),
     ((0, 0, 0), 0, ""), ((float("nan"), 0, 1), 2, "")],
)  # fmt: skip
def test_the_sourcing_clause_reads_for_any_count(counts, count, clause):
    from pipeline.report_differences import sourcing_sentence

    named, vague, none = counts
    doc = {"n_figures_named": named, "n_figures_vague": vague, "n_figures_unsourced": none}
    assert sourcing_sentence("d", doc, count) == clause


def test_pair_frame_item_quotes_the_frame_coded_other():
    docs = [{"doc_id": "a", "n_sentences": 40}, {"doc_id": "b", "n_sentences": 40}]
    frames = pd.DataFrame({"doc_id": ["a", "b"], "frame": ["other", "other"],
                           "n_sentences": [20, 4], "share": [0.5, 0.1]})  # fmt: skip
    (item,) = frame_difference(frames, docs, {"a": 0, "b": 1}, set())
    assert item["text"].startswith("a leans more on the frame coded “Other”: 50% of its sentences")


def test_a_large_svg_is_shown_from_its_png(tmp_path, monkeypatch):
    """A helper's walkthrough: 1 MB of short sentences made a 16 MB page, two SVGs with a mark
    per sentence inlined; over MAX_INLINE_SVG_BYTES the PNG is shown instead."""
    import pipeline.report_plots as plots_module

    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
           + '<circle cx="1" cy="1" r="1"/>' * 50 + "</svg>")  # fmt: skip
    for stem in ("sentiment_arc", "frame_profile"):
        (tmp_path / f"{stem}.svg").write_text(svg, encoding="utf-8")
        (tmp_path / f"{stem}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "frame_strip.svg").write_text(svg, encoding="utf-8")  # no PNG: the SVG stays
    monkeypatch.setattr(plots_module, "MAX_INLINE_SVG_BYTES", 1000)
    sections, _ = plots_module.plot_sections(tmp_path)
    shown = {p["stem"]: ("svg" if p["svg"] else "png") for s in sections.values() for p in s}
    assert shown == {"sentiment_arc": "png", "frame_profile": "png", "frame_strip": "svg"}
    monkeypatch.setattr(plots_module, "MAX_INLINE_SVG_BYTES", 10_000)
    sections, _ = plots_module.plot_sections(tmp_path)
    assert all(p["svg"] for s in sections.values() for p in s)


def test_two_documents_readability_item_and_its_short_text_guard():
    """A statistician's review: the pair item had no guard for a short text (the extremes of
    three or more documents leave texts under 100 words out) and no word on its interval."""
    from pipeline.report_score_differences import readability_difference

    # the default corpus's documents.csv: each text's own 95% interval (flesch_interval)
    docs = [{"doc_id": "coop", "n_words": 360, "flesch_reading_ease": 1.1,
             "flesch_ci_low": -7.41, "flesch_ci_high": 9.55, "flesch_effective_n": 23.0},
            {"doc_id": "dipl", "n_words": 576, "flesch_reading_ease": 33.1,
             "flesch_ci_low": 25.56, "flesch_ci_high": 40.61,
             "flesch_effective_n": 34.0}]  # fmt: skip
    (item,) = readability_difference(docs)
    # by hand: se = half-width / t(ne - 1, 0.975): 8.48 / 2.0739 = 4.089 and 7.525 / 2.0345 =
    # 3.699; se of the difference 5.514, Welch df 50.3, t 2.0083: 32.0 -/+ 11.07
    assert item["text"] == (
        "coop is harder to read: Flesch reading ease 1.1 vs 33.1 (higher is easier), a "
        "difference of 32.0 (95% interval 20.9 to 43.1)"
    )
    assert item["caution"] is False and item["strength"] == pytest.approx(1.6)
    # a text of fewer than 10 sentences has no interval: tentative
    no_interval = [dict(docs[0], flesch_ci_low=float("nan"), n_sentences=6), docs[1]]
    (item,) = readability_difference(no_interval)
    assert item["text"].endswith(
        "(no interval: coop: it has 6 body sentences, fewer than the 10 an interval needs)"
    )
    assert item["caution"] is True
    # an interval that includes 0
    wide = [dict(docs[0], flesch_ci_low=-40.0, flesch_ci_high=42.2), docs[1]]
    (item,) = readability_difference(wide)
    assert "which includes 0: this may be noise" in item["text"] and item["caution"] is True
    docs[1]["n_words"] = 40
    (item,) = readability_difference(docs)
    assert item["text"].endswith("; dipl has under 100 words, a score that rests on a line or "
                                 "two)")  # fmt: skip
    assert item["caution"] is True
    docs[1]["flesch_reading_ease"] = 10.0  # within 10 points: no item
    assert readability_difference(docs) == []


def test_a_missing_word_count_makes_no_short_text_claim():
    from pipeline.report_score_differences import readability_difference

    docs = [{"doc_id": "coop", "n_words": math.nan, "flesch_reading_ease": 1.1,
             "flesch_ci_low": -7.41, "flesch_ci_high": 9.55, "flesch_effective_n": 23.0},
            {"doc_id": "dipl", "n_words": 576, "flesch_reading_ease": 33.1,
             "flesch_ci_low": 25.56, "flesch_ci_high": 40.61,
             "flesch_effective_n": 34.0}]  # fmt: skip
    (item,) = readability_difference(docs)
    assert "under 100 words" not in item["text"] and item["caution"] is False


def test_widened_for_extreme_scales_by_t_quantiles_of_the_documents_own_size():
    """A t interval with ne - 1 degrees of freedom widens by the t quantiles' ratio (the normal
    ratio under-widens it); without a size, by the normal quantiles'."""
    from statistics import NormalDist

    from scipy import stats

    from pipeline.report_intervals import bonferroni, widened_for_extreme

    level = bonferroni(20)  # picking the extreme of 20 documents
    t_scale = stats.t.ppf(1 - (1 - level) / 2, 4) / stats.t.ppf(0.975, 4)
    low, high = widened_for_extreme(0.1, 0.0, 0.2, 20, confidence=0.95, effective_n=5.0)
    assert (low, high) == pytest.approx((0.1 - 0.1 * t_scale, 0.1 + 0.1 * t_scale))
    z = NormalDist()
    z_scale = z.inv_cdf(1 - (1 - level) / 2) / z.inv_cdf(0.975)
    assert widened_for_extreme(0.1, 0.0, 0.2, 20, confidence=0.95) == pytest.approx(
        (0.1 - 0.1 * z_scale, 0.1 + 0.1 * z_scale)
    )
    assert t_scale > z_scale
    # clipped to VADER's -1..1
    assert widened_for_extreme(0.9, 0.8, 1.0, 20, confidence=0.95, effective_n=5.0)[1] == 1.0


def test_no_interval_reason_names_a_worth_under_three():
    from pipeline.report_items import no_interval_reason

    doc = {"n_sentences": 12, "compound_mean": 0.3, "compound_effective_n": 2.0}
    assert no_interval_reason(doc) == (
        "its body sentences run so alike that they count as 2.0 independent ones, fewer than 3"
    )
    # rounded down: 2.97 is no "3.0 ..., fewer than 3"
    assert "count as 2.9 independent" in no_interval_reason(dict(doc, compound_effective_n=2.97))
    flesch = {"n_sentences": 12, "flesch_effective_n": 2.5}
    assert "count as 2.5 independent ones" in no_interval_reason(flesch, "flesch")
    assert no_interval_reason({"n_sentences": 6}) == (
        "it has 6 body sentences, fewer than the 10 an interval needs"
    )


def test_rate_ratio_interval_counts_markers_in_runs_as_fewer():
    """With a design effect of 2 (a count's variance twice that of independent markers), each
    marker is worth half an independent one: 10 vs 4 markers give the interval of 5 vs 2; with
    2 on the first side only, 10 markers in 800 words count as 5 in 400 (the same rate)."""
    from pipeline.report_intervals import count_worth, rate_ratio_interval

    assert count_worth(10, 2.0) == 5.0
    assert count_worth(7, 1.0) == 7
    assert rate_ratio_interval(10, 800, 4, 1000, deffs=(2.0, 2.0)) == pytest.approx(
        rate_ratio_interval(5, 800, 2, 1000), rel=1e-9
    )
    assert rate_ratio_interval(10, 800, 4, 1000, deffs=(2.0, 1.0)) == pytest.approx(
        rate_ratio_interval(5, 400, 4, 1000), rel=1e-9
    )
    assert rate_ratio_interval(10, 800, 4, 1000, deffs=(1.0, 1.0)) == rate_ratio_interval(
        10, 800, 4, 1000
    )
    for bad in (0.5, math.inf, math.nan):
        with pytest.raises(ValueError, match="deff"):
            count_worth(3, bad)
    for deffs in ((2.0,), (1.0, 1.0, 1.0)):  # one design effect a side
        with pytest.raises(ValueError, match="two design effects"):
            rate_ratio_interval(10, 800, 4, 1000, deffs=deffs)


def test_window_dispersion_by_hand():
    """documents.csv's <rate>_disp5: sums over max(2, n // 5) windows of nearly equal size (the
    longer first, as np.array_split: from 6 sentences, two windows), against the text's own
    rate. 12 hedges all in the first 4 of 9 sentences: windows of 5 and 4, sums 12 and 0,
    expected 12 x 5/9 = 6.67 and 12 x 4/9 = 5.33: 5.33^2 / 6.67 + 5.33^2 / 5.33 = 4.27 + 5.33 =
    9.6 on 1 degree of freedom; hedges 2 and 1 in two windows of 6, expected 1.5 each: 0.5^2 /
    1.5 x 2 = 1/3; a brief of 6 sentences and the same reversed (a reviewer's example, 9.8 and
    0.8 with a window of 5 and one of 1): windows of 3, sums 0 and 4, expected 2: 2 + 2 = 4."""
    from pipeline.serial_stats import window_degrees, window_dispersion, window_edges

    assert window_edges(5) == [] and window_edges(6) == [0, 3, 6] and window_edges(9) == [0, 5, 9]
    assert window_edges(14) == [0, 7, 14] and window_edges(15) == [0, 5, 10, 15]
    assert window_edges(23) == [0, 6, 12, 18, 23]
    for n in range(60):  # as np.array_split; the degrees of freedom from the length alone
        edges = window_edges(n)
        if n > 5:
            parts = np.array_split(np.arange(n), max(2, n // 5))
            assert edges == [0, *np.cumsum([p.size for p in parts]).tolist()]
        assert window_degrees(n) == max(0, len(edges) - 2) == window_degrees(float(n))
    assert [window_degrees(n) for n in (0, 5, 6, 9, 10, 14, 15, 40)] == [0, 0, 1, 1, 1, 1, 2, 7]
    assert window_dispersion([3, 3, 3, 3, 0, 0, 0, 0, 0]) == pytest.approx(9.6)
    assert window_dispersion([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) == pytest.approx(1 / 3)
    assert window_dispersion([0, 0, 0, 0, 1, 3]) == window_dispersion([3, 1, 0, 0, 0, 0]) == 4.0
    assert window_dispersion([0, 0, 0, 0, 0, 2]) == window_dispersion([2, 0, 0, 0, 0, 0]) == 2.0
    assert window_dispersion([2] * 15) == 0.0  # alike in every window
    assert math.isnan(window_dispersion([3, 1, 0, 2, 1]))  # one window: nothing to compare
    assert math.isnan(window_dispersion([0] * 20))  # no marker: no rate


def test_design_effects_count_the_dispersion_a_test_shows():
    """A side's design effect is the largest of (1 + r) / (1 - r) and the window dispersions,
    pooled and its own, each counted only when the dispersion test at 1% shows it: chi-squared
    30 on 14 degrees of freedom passes (its 0.99 quantile is 29.14: 30 / 14 = 2.14), 29 does
    not (1); 9.6 on 1 passes (6.63), 6 does not. Sums: texts of 40 sentences (7 degrees of
    freedom each) with dispersions 2 and 1.2 give 14 + 8.4, one of 9 sentences 9.6 on 1: 32 on
    15; one of 4 sentences and one without a dispersion take no part."""
    from pipeline.report_stats import rate_design_effects, side_design_effects
    from pipeline.serial_stats import design_effect, dispersion_of_sums, dispersion_sums

    assert dispersion_of_sums(30.0, 14) == pytest.approx(30 / 14)
    assert dispersion_of_sums(29.0, 14) == 1.0
    assert dispersion_of_sums(9.6, 1) == pytest.approx(9.6)
    assert dispersion_of_sums(6.0, 1) == 1.0 and dispersion_of_sums(0.0, 0) == 1.0
    sums = dispersion_sums([40, 40, 9, 4, 30], [2.0, 1.2, 9.6, 3.0, math.nan])
    assert sums == (pytest.approx(32.0), 15)
    assert design_effect(0.2, 1.0, 1.3) == pytest.approx(1.5)  # 1.2 / 0.8
    assert design_effect(0.0, 2.5, 1.0) == 2.5 and design_effect(0.0) == 1.0
    # the pooled dispersion (14 + 8.4 = 22.4 on 14) is noise; the first text's own (14 on 7,
    # quantile 18.48) too; at 3: 21 on 7 counts, for that text only, and 29.4 on 14 for both
    no_runs = (0.0, 0.0, 0.0, 0)
    assert side_design_effects(no_runs, (22.4, 14), [(14.0, 7), (8.4, 7)]) == (1.0, 1.0)
    assert side_design_effects(no_runs, (29.4, 14), [(21.0, 7), (8.4, 7)]) == (
        pytest.approx(3.0),
        pytest.approx(29.4 / 14),
    )
    docs = [{"doc_id": "a", "n_sentences": 40, "hedges_disp5": 3.0},
            {"doc_id": "b", "n_sentences": 40, "hedges_disp5": 1.2}]  # fmt: skip
    assert rate_design_effects(docs, "hedges_per_1k", [docs[:1], docs[1:]]) == (
        pytest.approx(3.0),
        pytest.approx(29.4 / 14),
    )
    # a table of an older run (no <rate>_disp5): the lag-1 correlation alone, as before
    old = [{"doc_id": d, "n_sentences": 40, "hedges_sd": 1.0, "hedges_lag1": 0.5} for d in "ab"]
    r = (0.5 + 1 / 40) / (1 - 3 / 40)
    assert (
        rate_design_effects(old, "hedges_per_1k", [old[:1], old[1:]])
        == (pytest.approx((1 + r) / (1 - r)),) * 2
    )


def test_rate_sums_pool_each_documents_summaries_of_its_counts():
    """documents.csv's hedges_sd and hedges_lag1 pool to the correlation of the series
    themselves (alike_correlation); a text under 10 body sentences and a table without the
    columns (an older run) take no part."""
    from pipeline.report_stats import rate_sums
    from pipeline.serial_stats import alike_correlation, alike_of_sums
    from pipeline.stance import serial_rate_columns

    def rate_alike(docs, column):  # the correlation the rate items use (rate_design_effects)
        return alike_of_sums(*rate_sums(docs, column))

    rng = np.random.default_rng(3)
    series = [rng.poisson(0.6, size=n).astype(float) for n in (14, 31, 9)]
    docs = []
    for i, x in enumerate(series):
        columns = {column: [0] * x.size for column in
                   ("n_boosters", "n_attitude", "n_attributions_named", "n_attributions_vague",
                    "n_figures", "is_question")}  # fmt: skip
        columns["n_hedges"] = list(x)
        docs.append({"doc_id": f"d{i}", "n_sentences": x.size,
                     **serial_rate_columns(columns, [True] * x.size)})  # fmt: skip
    assert rate_alike(docs, "hedges_per_1k") == pytest.approx(
        alike_correlation(series[:2]), abs=1e-12
    )
    assert rate_alike(docs[:2], "hedges_per_1k") == rate_alike(docs, "hedges_per_1k")
    assert rate_alike(docs, "n_figures") == 0.0  # no figures: no spread, no correlation
    assert rate_alike([{"doc_id": "old", "n_sentences": 40}], "hedges_per_1k") == 0.0
    # a row without its correlation (a table trimmed by hand, a text without a hedge) takes no
    # part: it had raised a TypeError, and a long text without hedges had weakened the rest's r
    for other in (
        {"doc_id": "t", "n_sentences": 40, "hedges_sd": 0.5},
        {"doc_id": "z", "n_sentences": 300, "hedges_sd": 0.0, "hedges_lag1": None},
    ):
        assert rate_alike([*docs[:2], other], "hedges_per_1k") == rate_alike(
            docs[:2], "hedges_per_1k"
        )


def runs_docs(
    lag1: float, sentences: int = 40, disp5: tuple[float, float] | None = None,
    **counts: tuple[int, int],
) -> list[dict]:  # fmt: skip
    """Two documents of 1,000 words with ``counts`` (column: (a, b)) of each rate and every
    rate's per-sentence counts summarised with a lag-1 correlation ``lag1``, a sd of 1 and, with
    ``disp5``, the two documents' window dispersions."""
    from pipeline.report_stats import RATE_SERIAL

    summaries = {f"{name}_{s}": v for name in RATE_SERIAL.values()
                 for s, v in (("sd", 1.0), ("lag1", lag1))}  # fmt: skip
    return [{"doc_id": doc_id, "n_words": 1000, "n_sentences": sentences, **summaries,
             **({f"{name}_disp5": disp5[i] for name in RATE_SERIAL.values()} if disp5 else {}),
             **{column: (pair[i] if column.startswith("n_") else float(pair[i]))
                for column, pair in counts.items()}}
            for i, doc_id in enumerate(("a", "b"))]  # fmt: skip


def test_a_pair_rate_item_counts_markers_in_runs_as_fewer():
    """An audit: markers come in runs (a paragraph of figures, a passage of hedged claims), and
    two texts of one source differed "clearly" in figures in up to 7.8% of pairs. 30 vs 12
    hedges in 1,000 words each is clear as independent markers (exact interval 1.24 to 5.36);
    with every sentence series' own lag-1 correlation 0.5 in two texts of 40 sentences, the
    pooled one is 0.5, corrected (0.5 + 1/40) / (1 - 3/40) = 0.5676, a count's variance is
    1.5676 / 0.4324 = 3.63 times that of independent markers, 30 and 12 count as 8.3 and 3.3,
    and the interval of the ratio holds 1 (a table without <rate>_disp5, as of an older run)."""
    from pipeline.report_intervals import rate_ratio_interval

    for lag1, caution in ((-0.025, False), (0.5, True)):  # -1/40 is corrected to 0
        docs = runs_docs(lag1, hedges_per_1k=(30, 12))
        items = pair_differences(docs, {}, index={}, anchors=set(), sentiment_href="#s")
        (item,) = [i for i in items if "hedges" in i["text"]]
        assert item["caution"] is caution
    assert rate_ratio_interval(30, 1000, 12, 1000)[0] > 1
    low, _ = rate_ratio_interval(30, 1000, 12, 1000, deffs=(1.5676 / 0.4324,) * 2)
    assert low < 1
    assert item["text"].endswith(
        ", which includes 1: not a clear difference). Hedges come in runs or several to a "
        "sentence (estimated: the variance "
        "of a count 3.6 times that of independent ones), so the interval of the ratio counts the "
        "30 and 12 as the 8.3 and 3.3 independent ones they are worth"
    )
    # a design effect that shrinks no count to a whole one fewer widens the interval unsaid (6
    # and 1 vague attributions at 1.03, r = 0.0136, the default corpus's: worth 5.84 and 0.97)
    from pipeline.report_items import runs_note

    assert runs_note("vague attributions", (6, 1), (1.03, 1.03)) == ""
    # nor one below 1.2, mostly noise (an audit: the note had been on half the items of texts
    # without runs, at a median correlation of 0.00-0.06), even where a count shrinks by one
    assert runs_note("vague attributions", (60, 10), (1.1, 1.1)) == ""
    assert runs_note("vague attributions", (6, 1), (1.35, 1.35)) == (
        ". Vague attributions come in runs or several to a sentence (estimated: the variance "
        "of a count 1.4 times that of independent ones), so the interval of the ratio counts the 6 "
        "and 1 as "
        "the 4.4 and 0.7 independent ones they are worth"
    )
    # figures: the note follows the sentences on the documents' sourcing
    docs = runs_docs(
        0.5,
        n_figures=(30, 12),
        n_figures_named=(20, 12),
        n_figures_vague=(6, 0),
        n_figures_unsourced=(4, 0),
    )
    (item,) = count_difference(docs, "n_figures", {}, set())
    unsourced = (
        "; a's 30 figures: 20 named, 6 vague, 4 without a source; b's 12 figures: 12 named, 0 "
        "vague, 0 without a source"
    )
    assert item["text"].endswith(
        f"{unsourced}. Figures come in runs or several to a sentence (estimated: the variance "
        "of a count 3.6 times that of independent ones), so the interval of the ratio counts the "
        "30 and 12 "
        "as the 8.3 and 3.3 independent ones they are worth"
    )


def test_a_pair_rate_item_counts_each_texts_window_dispersion():
    """Runs longer than a sentence, and several markers in one: with no correlation of
    neighbours (lag-1 -1/40, corrected to 0), the first text's hedges vary 3 times as much over
    its 8 windows of 5 sentences as independent ones would (chi-squared 21 on 7 degrees of
    freedom, over the 0.99 quantile 18.48) and the second's as much (7 on 7): pooled, 28 on 14
    is under the quantile 29.14, so the second counts as independent. The first side's 30
    hedges in 1,000 words count as 10 in 333 (the same rate), and against 12 in 1,000 the
    interval is 0.97 to 6.3 (1.24 to 5.36 without). With the documents swapped, the same."""
    from pipeline.report_intervals import rate_ratio_interval

    assert rate_ratio_interval(10, 1000 / 3, 12, 1000) == pytest.approx((0.9675, 6.3137), abs=1e-4)
    docs = runs_docs(-0.025, disp5=(3.0, 1.0), hedges_per_1k=(30, 12))
    items = pair_differences(docs, {}, index={}, anchors=set(), sentiment_href="#s")
    (item,) = [i for i in items if "hedges" in i["text"]]
    assert item["caution"] is True
    assert "95% interval of the ratio 0.97 to 6.3, which includes 1" in item["text"]
    assert item["text"].endswith(
        "(estimated: the variance "
        "of a count 3.0 and 1.0 times that of independent ones), so the interval of the ratio "
        "counts the 30 and 12 as the 10 and 12 independent ones they are worth"
    )
    docs = runs_docs(-0.025, disp5=(1.0, 3.0), hedges_per_1k=(12, 30))  # b is on top
    items = pair_differences(docs, {}, index={}, anchors=set(), sentiment_href="#s")
    (item,) = [i for i in items if "hedges" in i["text"]]
    assert item["text"].startswith("b uses 2.5× more hedges")
    assert "0.97 to 6.3, which includes 1" in item["text"]
    # under the test's quantile (18 on 7): no dispersion counted, as before
    docs = runs_docs(-0.025, disp5=(18 / 7, 1.0), hedges_per_1k=(30, 12))
    items = pair_differences(docs, {}, index={}, anchors=set(), sentiment_href="#s")
    (item,) = [i for i in items if "hedges" in i["text"]]
    assert item["caution"] is False and "1.2 to 5.4)" in item["text"]


def test_two_short_texts_are_checked_for_runs():
    """An audit: two texts under 10 sentences had no correction at all, and 12 hedges all in
    one 4-sentence run against 1 were "clear" (1.8 to 513). Their windows (the first 5 and the
    other 4 sentences) see the run: 12 and 0 against 6.67 and 5.33 is a dispersion of 9.6 on 1
    degree of freedom (over the quantile 6.63), the other text's 0.8; pooled 10.4 on 2 (over
    9.21): 5.2. The 12 and 1 count as 1.2 and 0.2 and the item is tentative."""
    from pipeline.stance import SERIAL_RATES, serial_rate_columns

    docs = []
    for doc_id, hedges in (("d0", [3, 3, 3, 3, 0, 0, 0, 0, 0]), ("d1", [1] + [0] * 8)):
        columns = {column: [0] * 9 for _, column in SERIAL_RATES}
        columns["n_hedges"] = hedges
        docs.append({"doc_id": doc_id, "n_words": 180, "n_sentences": 9,
                     "hedges_per_1k": 1000 * sum(hedges) / 180,
                     **serial_rate_columns(columns, [True] * 9)})  # fmt: skip
    (item,) = pair_differences(docs, {}, index={}, anchors=set(), sentiment_href="#s")
    assert item["caution"] is True
    assert item["text"].endswith(
        "(estimated: the variance "
        "of a count 9.6 and 5.2 times that of independent ones), so the interval of the ratio "
        "counts the 12 and 1 as the 1.2 and 0.2 independent ones they are worth"
    )
    old = [{k: v for k, v in d.items() if not k.endswith("_disp5")} for d in docs]
    (item,) = pair_differences(old, {}, index={}, anchors=set(), sentiment_href="#s")
    assert item["caution"] is False and "1.8 to 513)" in item["text"]


def test_the_top_rate_of_three_or_more_counts_markers_in_runs_as_fewer():
    """The top of 30 documents (8 hedges in 100 words vs 29 in 2,900) is clear (1.7 to 27,
    test_corpus_items_weigh_the_top_rate_against_the_rest); with every text's hedge series of
    20 sentences correlated 0.4 with its neighbours (corrected: (0.4 + 1/20) / (1 - 3/20) =
    0.5294, a variance 1.5294 / 0.4706 = 3.25 times that of independent markers), the 8 and 29
    count as 2.5 and 8.9 and the interval holds 1. Without the correlation, the top text's own
    window dispersion (4 on 3 degrees of freedom: 12 over the quantile 11.34) counts for it
    alone (the 30 texts pooled: 12 + 29 x 3 = 99 on 90, under 124.1): its 8 as 2.0."""
    docs = [{"doc_id": f"d{i:02d}", "n_words": 100, "n_sentences": 20, "hedges_sd": 0.5,
             "hedges_lag1": 0.4, "hedges_per_1k": 80.0 if i == 7 else 10.0}
            for i in range(30)]  # fmt: skip
    items = corpus_differences(docs, index={}, anchors=set())
    (item,) = [i for i in items if "hedges" in i["text"]]
    assert item["caution"] is True and "which includes 1)" in item["text"]
    assert item["text"].endswith(
        ". Hedges come in runs or several to a sentence (estimated: the variance "
        "of a count 3.2 times that of independent ones), so the interval of the ratio counts its 8 "
        "and the other "
        "documents' 29 as the 2.5 and 8.9 independent ones they are worth"
    )
    plain = [dict(d, hedges_lag1=-0.05) for d in docs]  # corrected to 0: as before
    items = corpus_differences(plain, index={}, anchors=set())
    (item,) = [i for i in items if "hedges" in i["text"]]
    assert item["caution"] is False and "1.7 to 27)" in item["text"]
    assert "come in runs" not in item["text"]
    listed = [dict(d, hedges_disp5=4.0 if d["doc_id"] == "d07" else 1.0) for d in plain]
    items = corpus_differences(listed, index={}, anchors=set())
    (item,) = [i for i in items if "hedges" in i["text"]]
    assert item["text"].endswith(
        "(estimated: the variance "
        "of a count 4.0 and 1.0 times that of independent ones), so the interval of the ratio "
        "counts its 8 and the other documents' 29 as the 2.0 and 29 independent "
        "ones they are worth"
    )


def _reference_rate_clear(series, words, top=None):
    """An independent reference of the rate items' decision on the body sentences' counts
    themselves (``series``, one array per document; ``words``): None for no ratio item, else
    whether it is clear; ``top``: the top document's index (three or more)."""
    from scipy.stats import beta, chi2

    def alike(xs):
        xs = [x for x in xs if x.size >= 10 and np.ptp(x) > 0]
        if not xs:
            return 0.0
        d = [x - x.mean() for x in xs]
        r = sum(v[:-1] @ v[1:] for v in d) / sum(v @ v for v in d)
        m = np.mean([x.size for x in xs])
        return min(0.9, max(0.0, (r + 1 / m) / (1 - 3 / m))) if m > 3 else 0.0

    def spread(xs):
        chi = df = 0.0
        for x in xs:
            if x.size <= 5 or x.sum() == 0:
                continue
            parts = np.array_split(np.arange(x.size), max(2, x.size // 5))
            cuts = [0, *(int(p[-1]) + 1 for p in parts)]
            for a, b in itertools.pairwise(cuts):
                e = x.sum() * (b - a) / x.size
                chi += (x[a:b].sum() - e) ** 2 / e
            df += len(cuts) - 2
        return chi / df if df and chi > chi2.ppf(0.99, df) else 1.0

    r = alike(series)
    ar1 = (1 + r) / (1 - r)

    def deff(side):
        return max(1.0, ar1, spread(series), spread(side))

    def low(ka, wa, kb, wb, da, db, level):
        a, b = ka / da, kb / db
        p = beta.ppf((1 - level) / 2, a, b + 1)
        return p / (1 - p) * (wb / db) / (wa / da)

    counts = [int(x.sum()) for x in series]
    if len(series) == 2:
        i, j = (0, 1) if counts[0] / words[0] >= counts[1] / words[1] else (1, 0)
        ra, rb = counts[i] / words[i], counts[j] / words[j]
        if counts[i] == 0 or (rb > 0 and ra / rb < 1.25) or counts[i] + counts[j] < 5:
            return None
        return low(counts[i], words[i], counts[j], words[j], deff([series[i]]),
                   deff([series[j]]), 0.95) > 1  # fmt: skip
    rest = [k for k in range(len(series)) if k != top]
    kr, wr = sum(counts[k] for k in rest), sum(words[k] for k in rest)
    return low(counts[top], words[top], kr, wr, deff([series[top]]),
               deff([series[k] for k in rest]), 1 - 0.05 / len(series)) > 1  # fmt: skip


def test_rate_items_decide_as_an_independent_reference_does():
    """The report's decisions on documents.csv's summaries equal those of a reference that works
    on the sentences' counts themselves (lag-1 correlation, windows, dispersion test, exact
    interval, each written anew) on random texts: plain ones, list-like ones whose hedges come
    in runs, ones with several hedges to a sentence, texts of 4 to 60 sentences."""
    from pipeline.stance import SERIAL_RATES, serial_rate_columns

    rng = np.random.default_rng(20261205)

    def text(n):
        kind = rng.integers(3)
        if kind == 0:
            return rng.poisson(0.3, n)
        if kind == 1:  # runs: a rate of 1.5 in spells of about 6 sentences
            state = np.cumsum(rng.random(n) < 0.17) % 2
            return rng.poisson(np.where(state == 1, 1.5, 0.05))
        return np.where(rng.random(n) < 0.1, 1 + rng.poisson(2.0, n), 0)

    def row(i, x, w):
        columns = {column: [0] * x.size for _, column in SERIAL_RATES}
        columns["n_hedges"] = x.tolist()
        return {"doc_id": f"d{i}", "n_words": w, "n_sentences": x.size,
                "hedges_per_1k": 1000 * x.sum() / w,
                **serial_rate_columns(columns, [True] * x.size)}  # fmt: skip

    decided = {True: 0, False: 0}
    for _ in range(150):
        for size in (2, 5):
            series = [text(int(rng.integers(4, 61))) for _ in range(size)]
            words = [int(rng.integers(12, 33, x.size).sum()) for x in series]
            docs = [row(i, x, w) for i, (x, w) in enumerate(zip(series, words, strict=True))]
            if size == 2:
                items = pair_differences(docs, {}, index={}, anchors=set(), sentiment_href="#s")
                (item,) = [i for i in items if "hedges" in i["text"]] or [None]
                want = _reference_rate_clear(series, words)
                got = None if item is None or "too few" in item["text"] else not item["caution"]
            else:
                items = corpus_differences(docs, index={}, anchors=set())
                (item,) = [i for i in items if "hedges" in i["text"]] or [None]
                if item is None:
                    continue
                top = int(item["text"].split()[0][1:])
                want, got = _reference_rate_clear(series, words, top), not item["caution"]
            assert got == want, (series, words)
            if got is not None:
                decided[got] += 1
    assert min(decided.values()) >= 20  # both decisions were put to the test


def test_summary_table_reads_the_records_it_is_given():
    """summary_table with the caller's documents.to_dict("records") gives the table it reads
    itself, and takes its cells from those records."""
    from pipeline.report_data import summary_table

    documents = pd.DataFrame(
        [{"doc_id": "a", "title": "A", "n_words": 1200, "n_sentences": 40,
          "hedges_per_1k": 2.5, "compound_mean": 0.12, "compound_ci_low": -0.02,
          "compound_ci_high": 0.26},
         {"doc_id": "b", "title": "B", "n_words": 800, "n_sentences": 30,
          "hedges_per_1k": math.nan, "compound_mean": -0.3, "compound_ci_low": -0.3,
          "compound_ci_high": -0.3}]
    )  # fmt: skip
    records = documents.to_dict("records")
    own = summary_table(documents, ["b", "a"], {"a"}, sentiment_confidence=0.9)
    given = summary_table(documents, ["b", "a"], {"a"}, sentiment_confidence=0.9, records=records)
    assert given == own
    assert [r["cells"] for r in own.rows] == [
        ["800", "30", "−0.30", "–"],
        ["1,200", "40", "0.12 [−0.02, 0.26]", "2.5 (3)"],
    ]
    records[0]["n_words"] = 2000  # a
    changed = summary_table(documents, ["b", "a"], {"a"}, records=records)
    assert [r["cells"][0] for r in changed.rows] == ["800", "2,000"]


def test_sanitised_svg_prefixes_each_plot_of_the_same_attributes():
    """Two plots with the same attributes (a marker's id and its uses) each get their own
    prefix; the root's width moves into a max-width."""
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'width="300pt" height="200pt" style="x"><defs><path id="m1" d="M0 0"/></defs>'
        b'<use xlink:href="#m1" x="1" style="fill: #1f77b4" clip-path="url(#c1)"/>'
        b'<use xlink:href="#m1" x="2" style="fill: #1f77b4" clip-path="url(#c1)"/></svg>'
    )

    def want(p: str) -> str:
        use = f'<use xlink:href="#{p}m1" x="{{}}" style="fill: #1f77b4" clip-path="url(#{p}c1)">'
        return (
            '<svg width="100%" style="max-width: 300pt" role="img" focusable="false">'
            f'<defs><path id="{p}m1" d="M0 0"></path></defs>'
            f"{use.format(1)}</use>{use.format(2)}</use></svg>"
        )

    assert sanitised_svg(svg, id_prefix="p0-") == want("p0-")
    assert sanitised_svg(svg, id_prefix="p1-") == want("p1-")
    assert sanitised_svg(svg, id_prefix="p0-") == want("p0-")


@pytest.mark.parametrize(
    ("docs", "want"),
    [([{"n_sentences": 40, "hedges_disp5": 2.5}], (17.5, 7)),
     ([{"n_sentences": 40, "hedges_disp5": 2.5}, {"n_sentences": 12, "hedges_disp5": 1.5}],
      (19.0, 8)),
     ([{"n_sentences": 40, "hedges_disp5": 2.5}, {"n_sentences": 12},
       {"n_sentences": math.nan, "hedges_disp5": 3.0}, {"n_sentences": 30, "hedges_disp5": None},
       {"n_sentences": 5, "hedges_disp5": 4.0}], (17.5, 7)),
     ([], (0.0, 0))],
)  # fmt: skip
def test_rate_dispersion_sums_of_the_rows_with_a_dispersion(docs, want):
    """(chi-squared, degrees of freedom) of the rows with a finite size and hedges_disp5 (a
    text of 5 sentences or fewer has no two windows: none)."""
    from pipeline.report_stats import rate_dispersion_sums

    assert rate_dispersion_sums(docs, "hedges_per_1k") == want
