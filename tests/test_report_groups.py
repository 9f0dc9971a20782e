"""The report's "what differs" items for groups of documents (comparison.group_column)."""

from __future__ import annotations

import re

import pytest

from pipeline.corpus import group_members
from pipeline.report_group_tables import group_rate_table
from pipeline.report_groups import group_differences
from pipeline.report_items import ratio_text


def docs_with_hedges(counts: dict[str, int], words: int = 100) -> list[dict]:
    """Documents of ``words`` words with the given hedge counts (other rates absent)."""
    return [{"doc_id": d, "n_words": words, "hedges_per_1k": 1000 * c / words}
            for d, c in counts.items()]  # fmt: skip


def test_group_members_strip_labels_and_leave_out_empty_ones():
    groups = {"a": " x ", "b": "x", "c": "", "d": "y", "zz": "y"}
    assert group_members(groups, ["a", "b", "c", "d", "e"]) == {"x": ["a", "b"], "y": ["d"]}


def test_groups_differ_in_pooled_and_per_document_rates():
    docs = docs_with_hedges({"a1": 10, "a2": 12, "a3": 11, "b1": 1, "b2": 2, "b3": 1})
    groups = {"a1": "a", "a2": "a", "a3": "a", "b1": "b", "b2": "b", "b3": "b"}
    (item,) = group_differences(docs, groups)
    # pooled 33 / 300 words = 110 per 1,000 vs 4 / 300 = 13.3: 8.2 times; one pair of groups
    # on 9 measures (5 marker rates, figures, questions, sentiment, Flesch), so the intervals
    # are at 1 - 0.05 / 9: the ratio's lower end p / (1 - p), p = betaincinv(33, 5, 0.05 / 18)
    # = 0.6810, is 2.13
    assert item["text"].startswith(
        "Group a (3 documents) uses 8.2× more hedges per 1,000 words than group b (3 documents) "
        "(110.0 vs 13.3 per 1,000 words; 33 vs 4; 95% interval of the ratio, adjusted for 9 "
        "comparisons, 2.1 to 62)"
    )
    # per document 100, 120, 110 vs 10, 20, 10: Welch se^2 = 100/3 + 33.3/3 = 44.4, df = 3.2,
    # t(1 - 0.05 / 18, 3.2) = 6.686, half width 6.686 * sqrt(44.4) = 44.6 around 96.7: 52.1
    # to 141.2
    assert item["text"].endswith(
        "the mean of the documents' rates: 110.0 vs 13.3, 95% interval of the difference, "
        "adjusted likewise, 52.1 to 141.2"
    )
    assert item["caution"] is False and item["href"] == "#group-rates"


def test_the_group_rates_table_shows_the_numbers_the_items_compare():
    docs = docs_with_hedges({"a1": 10, "a2": 12, "a3": 11, "b1": 1})
    table = group_rate_table(docs, {"a1": "a", "a2": "a", "a3": "a", "b1": "b", "c1": "c"})
    assert table["id"] == "group-rates"
    assert table["columns"] == ["a (3 docs)", "b (1 doc)"]
    hedges = next(r for r in table["rows"] if r["what"] == "hedges")
    # the pooled 33 in 300 words of the item above, and its documents' own rates
    assert hedges["cells"] == ["110.0 (33 in 300 words) · documents 100.0–120.0",
                               "10.0 (1 in 100 words)"]  # fmt: skip
    boosters = next(r for r in table["rows"] if r["what"] == "boosters")
    assert boosters["cells"] == ["–", "–"]  # no document has the rate
    assert group_rate_table(docs, {"a1": "a"}) == {}


def test_a_group_difference_carried_by_one_document_is_tentative():
    # pooled 21 vs 3 hedges is a clear ratio, but one document of group a has 20 of the 21
    docs = docs_with_hedges({"a1": 20, "a2": 1, "b1": 1, "b2": 2})
    (item,) = group_differences(docs, {"a1": "a", "a2": "a", "b1": "b", "b2": "b"})
    # clear on pooled counts: p = betaincinv(21, 4, 0.05 / 18) = 0.5919, p / (1 - p) = 1.45 > 1
    assert "95% interval of the ratio, adjusted for 9 comparisons, 1.5 to" in item["text"]
    # a1, a2: 200 and 10 per 1,000 words, b1, b2: 10 and 20
    assert item["text"].endswith("; the mean of the documents' rates: 105.0 vs 15.0 (with 2 and 2 "
                                 "documents their own rates cannot tell)")  # fmt: skip
    assert "interval of the difference" not in item["text"]  # its width would be its t quantile
    assert item["caution"] is True


def test_a_wide_group_interval_with_three_documents_a_side_says_it_may_rest_on_a_few():
    docs = docs_with_hedges({"a1": 30, "a2": 1, "a3": 2, "b1": 1, "b2": 2, "b3": 1})
    groups = {d: d[0] for d in ("a1", "a2", "a3", "b1", "b2", "b3")}
    (item,) = group_differences(docs, groups)
    assert "95% interval of the difference, adjusted likewise," in item["text"]
    assert item["text"].endswith(", which includes 0: it may rest on a few documents")
    assert item["caution"] is True


def test_a_one_document_group_has_no_per_document_interval():
    docs = docs_with_hedges({"a1": 20, "b1": 1, "b2": 2})
    (item,) = group_differences(docs, {"a1": "a", "b1": "b", "b2": "b"})
    assert item["text"].startswith("Group a (1 document) uses")
    assert item["text"].endswith("(no interval: a group of one document)")
    assert item["caution"] is True


def test_a_group_whose_rates_do_not_vary_says_so():
    # a1 and a2 both 15 hedges in 100 words, b1 and b2 both 1: Welch has no spread to work with
    docs = docs_with_hedges({"a1": 15, "a2": 15, "b1": 1, "b2": 1})
    (item,) = group_differences(docs, {d: d[0] for d in ("a1", "a2", "b1", "b2")})
    assert item["text"].endswith(
        "(no interval: the documents' rates do not vary within each group)"
    )


@pytest.mark.parametrize("groups", [{}, {"a1": "a", "a2": "a"}, {"a1": "a", "a2": " a "}])
def test_fewer_than_two_groups_give_no_items(groups):
    assert group_differences(docs_with_hedges({"a1": 5, "a2": 9}), groups) == []


def test_the_report_lists_group_items_before_document_items():
    import pandas as pd

    from pipeline.report import report_context

    docs = pd.DataFrame(docs_with_hedges({"a1": 10, "a2": 12, "b1": 1, "b2": 2, "c1": 6}))
    groups = {"a1": "a", "a2": "a", "b1": "b", "b2": "b"}  # c1 has no group
    context = report_context({"documents": docs}, docs_dir=None, plots_dir=None,
                             manifest_path=None, groups=groups)  # fmt: skip
    texts = [item["text"] for item in context["differences"]]
    assert texts[0].startswith("Group a (2 documents) uses 7.3× more hedges")
    # then the documents, each named with its group (a new user's walkthrough: "state_08 has
    # the highest mean sentiment" beside the group items did not say which group it is in)
    assert texts[1].startswith("a2 (group a) has the most hedges per 1,000 words")
    no_groups = report_context({"documents": docs}, docs_dir=None, plots_dir=None,
                               manifest_path=None)  # fmt: skip
    assert [i["text"] for i in no_groups["differences"]] == [
        t.replace(" (group a)", "").replace(" (group b)", "") for t in texts[1:]
    ]


def test_too_few_markers_claim_nothing_and_get_no_per_document_clause():
    docs = docs_with_hedges({"a1": 2, "a2": 1, "b1": 1, "b2": 0})
    (item,) = group_differences(docs, {"a1": "a", "a2": "a", "b1": "b", "b2": "b"})
    assert item["text"] == (
        "Hedges: 3 in group a (2 documents) vs 1 in group b (2 documents) (15.0 vs 5.0 per "
        "1,000 words), too few to call a difference"
    )
    assert item["caution"] is True


def test_group_keyness_headings_say_how_many_documents_each_side_pools():
    import pandas as pd

    from pipeline.report import render_report, report_context

    docs = pd.DataFrame(docs_with_hedges({"a1": 10, "a2": 12, "b1": 1, "c1": 3}))
    keyness = pd.DataFrame(
        {"comparison": ["a_vs_b", "a_vs_b"], "target": "a", "reference": "b",
         "term": ["x", "y"], "count_target": [9, 0], "count_reference": [0, 7],
         "log_odds_z": [2.0, -2.0]}
    )  # fmt: skip
    groups = {"a1": "a", "a2": "a", "b1": "b"}  # c1 has no group
    page = render_report(report_context({"documents": docs, "keyness": keyness},
                                        docs_dir=None, plots_dir=None, manifest_path=None,
                                        groups=groups))  # fmt: skip
    assert '<h3 id="keyness-0">a_vs_b (2 vs 1 documents)</h3>' in page
    context = report_context({"documents": docs, "keyness": keyness}, docs_dir=None,
                             plots_dir=None, manifest_path=None)  # fmt: skip
    plain = render_report(context)
    assert '<h3 id="keyness-0">a_vs_b</h3>' in plain


@pytest.mark.parametrize("n_docs", [3, 6])  # side by side (up to 4 documents) and one per row
def test_the_summary_names_each_documents_group(n_docs):
    import pandas as pd

    from pipeline.report import render_report, report_context

    docs = pd.DataFrame(docs_with_hedges({f"d{i}": i for i in range(n_docs)}))
    groups = {"d0": "x", "d1": " y "}  # the others have none
    page = render_report(report_context({"documents": docs}, docs_dir=None, plots_dir=None,
                                        manifest_path=None, groups=groups))  # fmt: skip
    labels = ["x", "y", *["–"] * (n_docs - 2)]
    if n_docs <= 4:  # one row of groups under the titles
        assert '<tr><th scope="row">Group</th>' + "".join(f"<td>{g}</td>" for g in labels) in page
    else:  # a group column after each document's name
        for i, label in enumerate(labels):
            assert f'<a href="#doc-{i}">d{i}</a></th><td>{label}</td>' in page
    plain = render_report(report_context({"documents": docs}, docs_dir=None, plots_dir=None,
                                         manifest_path=None))  # fmt: skip
    assert ">Group</th>" not in plain


def test_group_frame_table_pools_sentences_and_shows_the_documents_range():
    import pandas as pd

    from pipeline.report_group_tables import group_frame_matrix

    documents = pd.DataFrame(
        {"doc_id": ["a1", "a2", "b1", "b2", "c1"], "n_sentences": [10, 30, 20, 20, 0]}
    )
    # sentences with the frame: a1 5 of 10, a2 3 of 30; b1 0 of 20, b2 4 of 20; c1 has no body
    frames = pd.DataFrame(
        {"doc_id": ["a1", "a2", "b1", "b2", "a1", "a2", "b1", "b2"],
         "frame": ["economic"] * 4 + ["morality"] * 4,
         "n_sentences": [5, 3, 0, 4, 0, 0, 0, 0]}
    )  # fmt: skip
    groups = {"a1": "A", "a2": "A", "b1": "B", "b2": "B", "c1": "C"}
    got = group_frame_matrix(frames, documents, groups, {"economic": "Economic"})
    # A: 8 of 40 = 20%, documents 10% and 50%; B: 4 of 40 = 10%, documents 0% and 20%;
    # C has no body sentence, so no column; morality has no cue in any group, so no row
    assert got == {
        "columns": ["A (2 docs)", "B (2 docs)"],
        "rows": [{"frame": "Economic", "cells": [
            "20% · 8 of 40 sent. · documents 10–50%", "10% · 4 of 40 sent. · documents 0–20%",
        ]}],
        "truncated": False,
    }  # fmt: skip


def test_report_context_has_the_group_frame_table_with_groups_only():
    import pandas as pd

    from pipeline.report import report_context

    documents = pd.DataFrame({"doc_id": ["a1", "a2", "b1"], "n_sentences": [10, 30, 20]})
    frames = pd.DataFrame({"doc_id": ["a1", "a2", "b1"], "frame": ["economic"] * 3,
                           "n_sentences": [5, 3, 4]})  # fmt: skip
    tables = {"documents": documents, "frames": frames}
    grouped = report_context(tables, docs_dir=None, plots_dir=None, manifest_path=None,
                             groups={"a1": "A", "a2": "A", "b1": "B"})  # fmt: skip
    assert grouped["frame_groups"]["columns"] == ["A (2 docs)", "B (1 doc)"]
    plain = report_context(tables, docs_dir=None, plots_dir=None, manifest_path=None)
    assert plain["frame_groups"] == {}


def test_group_frame_table_needs_two_groups():
    import pandas as pd

    from pipeline.report_group_tables import group_frame_matrix

    documents = pd.DataFrame({"doc_id": ["a1", "b1", "b2"], "n_sentences": [10, 10, 5]})
    frames = pd.DataFrame(
        {"doc_id": ["a1", "b1", "b2"], "frame": ["economic"] * 3, "n_sentences": [1, 2, 1]}
    )
    assert group_frame_matrix(frames, documents, {"a1": "A", "b1": "A", "b2": "A"}, {}) == {}
    got = group_frame_matrix(frames, documents, {"a1": "A", "b1": "B", "b2": "B"}, {})
    assert got["rows"][0]["cells"] == ["10% · 1 of 10 sent. · one document",
                                       "20% · 3 of 15 sent. · every document 20%"]  # fmt: skip


def test_group_frame_table_leaves_out_documents_without_frame_rows_and_needs_a_cue():
    import pandas as pd

    from pipeline.report_group_tables import group_frame_matrix

    # a2's frames stage failed: it has body sentences but no rows in frames.csv
    documents = pd.DataFrame({"doc_id": ["a1", "a2", "b1"], "n_sentences": [10, 30, 20]})
    frames = pd.DataFrame(
        {"doc_id": ["a1", "b1"], "frame": ["economic"] * 2, "n_sentences": [5, 4]}
    )
    got = group_frame_matrix(frames, documents, {"a1": "A", "a2": "A", "b1": "B"}, {})
    assert got["columns"] == ["A (1 doc)", "B (1 doc)"]
    assert got["rows"][0]["cells"][0] == "50% · 5 of 10 sent. · one document"
    no_cue = frames.assign(n_sentences=0)
    assert group_frame_matrix(no_cue, documents, {"a1": "A", "a2": "A", "b1": "B"}, {}) == {}


def test_group_frame_table_shows_a_spread_that_whole_percents_hide():
    import pandas as pd

    from pipeline.report_group_tables import group_frame_matrix

    # 49 of 250 = 19.6% and 51 of 250 = 20.4%: both 20% in whole percents
    documents = pd.DataFrame({"doc_id": ["a1", "a2", "b1"], "n_sentences": [250, 250, 10]})
    frames = pd.DataFrame(
        {"doc_id": ["a1", "a2", "b1"], "frame": ["economic"] * 3, "n_sentences": [49, 51, 1]}
    )
    got = group_frame_matrix(frames, documents, {"a1": "A", "a2": "A", "b1": "B"}, {})
    assert got["rows"][0]["cells"][0] == "20.0% · 100 of 500 sent. · documents 19.6–20.4%"


def test_group_frame_table_never_shows_a_share_that_is_not_0_as_0_percent():
    import pandas as pd

    from pipeline.report_group_tables import group_frame_matrix

    # A: 1 of 353 sentences (0.28%) in one document; B: 1 of 400 in each of two (0.25%)
    documents = pd.DataFrame({"doc_id": ["a1", "b1", "b2"], "n_sentences": [353, 400, 400]})
    frames = pd.DataFrame(
        {"doc_id": ["a1", "b1", "b2"], "frame": ["economic"] * 3, "n_sentences": [1, 1, 1]}
    )
    got = group_frame_matrix(frames, documents, {"a1": "A", "b1": "B", "b2": "B"}, {})
    assert got["rows"][0]["cells"] == ["0.3% · 1 of 353 sent. · one document",
                                       "0.2% · 2 of 800 sent. · every document 0.2%"]  # fmt: skip
    # 1 of 200,000: under 0.01%, said so rather than 0.00%
    documents["n_sentences"] = [200_000, 400, 400]
    got = group_frame_matrix(frames, documents, {"a1": "A", "b1": "B", "b2": "B"}, {})
    assert got["rows"][0]["cells"][0] == "<0.01% · 1 of 200,000 sent. · one document"


def test_the_group_frame_table_is_on_the_page():
    import pandas as pd

    from pipeline.report import render_report, report_context

    tables = {
        "documents": pd.DataFrame(
            {"doc_id": ["a1", "a2", "b1", "b2"], "title": ["t"] * 4, "n_sentences": [10] * 4,
             "n_words": [100] * 4}
        ),
        "frames": pd.DataFrame(
            {"doc_id": ["a1", "a2", "b1", "b2"], "frame": ["economic"] * 4,
             "n_cues": [2, 1, 0, 1], "n_sentences": [2, 1, 0, 1], "share": [0.2, 0.1, 0, 0.1],
             "share_ci_low": [0.0] * 4, "share_ci_high": [0.5] * 4}
        ),
    }  # fmt: skip
    groups = {"a1": "A", "a2": "A", "b1": "B", "b2": "B"}
    context = report_context(tables, docs_dir=None, plots_dir=None, manifest_path=None,
                             groups=groups)  # fmt: skip
    page = render_report(context)
    start = page.index('id="frame-groups-cap"')
    table = page[start : page.index("</table>", start)]
    assert '<th scope="col">A (2 docs)</th><th scope="col">B (2 docs)</th>' in table
    # a part of a cell a line (four groups had not fit 1,300 pixels), the " · " for readers
    assert (
        '<td class="num"><span class="part">15%</span><span class="part"><span class="vh"> · '
        in table
    )
    assert "15% · 3 of 20 sent. · documents 10–20%" in re.sub(r"<[^>]+>", "", table)
    assert "5% · 1 of 20 sent. · documents 0–10%" in re.sub(r"<[^>]+>", "", table)
    assert "frame-groups-cap" not in render_report(
        report_context(tables, docs_dir=None, plots_dir=None, manifest_path=None)
    )


def test_the_group_rates_table_is_on_the_page_and_the_items_link_to_it():
    import pandas as pd

    from pipeline.report import render_report, report_context

    docs = docs_with_hedges({"a1": 10, "a2": 12, "a3": 11, "b1": 1, "b2": 2, "b3": 1})
    tables = {"documents": pd.DataFrame([{**d, "title": "t", "n_sentences": 5} for d in docs])}
    groups = {d["doc_id"]: d["doc_id"][0] for d in docs}
    page = render_report(
        report_context(tables, docs_dir=None, plots_dir=None, manifest_path=None, groups=groups)
    )
    start = page.index('id="group-rates"')
    table = page[start : page.index("</table>", start)]
    assert "110.0 (33 in 300 words) · documents 100.0–120.0" in re.sub(r"<[^>]+>", "", table)
    assert '<a href="#group-rates">Evidence' in page


def test_groups_are_compared_on_mean_sentiment_with_documents_as_the_sample():
    """A new user's walkthrough: the groups' largest difference, sentiment, was in no item."""
    from scipy import stats

    means = {"a1": 0.2, "a2": 0.25, "a3": 0.3, "b1": 0.0, "b2": -0.05, "b3": -0.1}
    docs = [{"doc_id": d, "n_words": 100, "compound_mean": m} for d, m in means.items()]
    groups = {d: d[0] for d in means}
    (item,) = group_differences(docs, groups)
    # Welch: se^2 = 0.0025/3 + 0.0025/3, df = 4, t(1 - 0.05 / 18, 4) = 5.437, half width
    # 5.437 * 0.0408 = 0.222 around 0.30: 0.08 to 0.52 (scipy's own interval below)
    ci = stats.ttest_ind([0.2, 0.25, 0.3], [0.0, -0.05, -0.1], equal_var=False)
    low, high = ci.confidence_interval(1 - 0.05 / 9)
    assert (round(low, 2), round(high, 2)) == (0.08, 0.52)
    assert item["text"] == (
        "Group a's documents read as more positive than group b's: the mean of their mean "
        "compound scores 0.25 vs −0.05 (3 and 3 documents), a difference of 0.30 (95% interval, "
        "adjusted for 9 comparisons, 0.08 to 0.52)"
    )
    assert item["caution"] is False and item["href"] == "#group-rates"
    # means closer than 0.05: no item; two documents a side that disagree: cannot tell
    near = [{**d, "compound_mean": 0.01 * (d["doc_id"][0] == "a")} for d in docs]
    assert group_differences(near, groups) == []
    small = [{"doc_id": d, "n_words": 100, "compound_mean": m}
             for d, m in {"a1": 0.6, "a2": -0.2, "b1": 0.0, "b2": -0.1}.items()]  # fmt: skip
    (item,) = group_differences(small, {d: d[0] for d in ("a1", "a2", "b1", "b2")})
    assert item["text"].endswith("(with 2 and 2 documents their scores cannot tell)")
    assert item["caution"] is True


def test_groups_are_compared_on_figures_and_readability_too():
    docs = [{"doc_id": d, "n_words": 200, "n_figures": f, "flesch_reading_ease": r}
            for d, f, r in (("a1", 8, 60.0), ("a2", 10, 62.0), ("a3", 9, 64.0),
                            ("b1", 1, 30.0), ("b2", 0, 35.0), ("b3", 1, 40.0))]  # fmt: skip
    items = group_differences(docs, {d["doc_id"]: d["doc_id"][0] for d in docs})
    texts = [i["text"] for i in items]
    assert any(t.startswith("Group a (3 documents) uses 13.5× more figures per 1,000 words than "
                            "group b (3 documents)") for t in texts)  # fmt: skip
    easier = "Group a's documents read more easily than group b's: the mean of their Flesch"
    assert any(t.startswith(f"{easier} reading ease scores 62.0 vs 35.0") for t in texts)
    # a text under 100 words has no say in readability
    short = [{**d, "n_words": 50} if d["doc_id"] == "a1" else d for d in docs]
    table = group_rate_table(short, {d["doc_id"]: d["doc_id"][0] for d in docs})
    flesch = next(r for r in table["rows"] if r["what"].startswith("Flesch"))
    assert flesch["cells"] == ["63.0 · documents 62.0–64.0", "35.0 · documents 30.0–40.0"]
    table = group_rate_table(docs, {d["doc_id"]: d["doc_id"][0] for d in docs})
    figures = next(r for r in table["rows"] if r["what"] == "figures")
    assert figures["cells"][0] == "45.0 (27 in 600 words) · documents 40.0–50.0"


def test_keyness_counts_of_a_pooled_side_say_how_many_documents_they_come_from():
    """A new user's walkthrough: seven of a group's top 15 terms came from one sentence
    repeated in 12 of its 20 documents; the counts now say so ("in 12 of 20 docs")."""
    from pipeline.report import spread_counts

    term = {"count_target": "14", "count_reference": "2", "docs_target": 12, "docs_reference": 1}
    spread_counts(term, [20, 20])
    assert (term["count_target"], term["count_reference"]) == ("14 in 12 of 20 docs",
                                                               "2 in 1 of 20 docs")  # fmt: skip
    pair = {"count_target": "3", "count_reference": "0", "docs_target": 1, "docs_reference": 0}
    spread_counts(pair, [1, 1])  # two documents: nothing to add
    assert (pair["count_target"], pair["count_reference"]) == ("3", "0")
    rest = {"count_target": "3", "count_reference": "9", "docs_target": 1, "docs_reference": 4}
    spread_counts(rest, [1, 39])
    assert (rest["count_target"], rest["count_reference"]) == ("3", "9 in 4 of 39 docs")


def test_a_document_named_rest_is_no_rest_of_the_corpus():
    """A keyness review: in pairs, a document named "rest" was read as the rest of the corpus,
    so its counts were shown as "in 1 of 2 docs"."""
    import pandas as pd

    from pipeline.report import compares_against_rest

    # the run's mode, resolved as comparisons_for does
    pairs = {"comparison": {"comparisons": "pairs", "group_column": None}}
    auto = {"comparison": {"comparisons": "auto", "group_column": None}}
    grouped = {"comparison": {"comparisons": "auto", "group_column": "outlet"}}
    only_rest = pd.DataFrame({"reference": ["rest", "rest"]})  # a_vs_b kept no row
    assert not compares_against_rest(pairs, 3, only_rest)
    assert compares_against_rest(auto, 3, only_rest)
    assert not compares_against_rest(auto, 2, only_rest)
    assert not compares_against_rest(grouped, 3, only_rest)
    assert compares_against_rest({"comparison": {"comparisons": "one_vs_rest"}}, 2, None)
    # no run config (no manifest): the references of the rows
    assert not compares_against_rest({}, 3, pd.DataFrame({"reference": ["b", "rest", "rest"]}))
    assert compares_against_rest({}, 3, only_rest)
    assert not compares_against_rest({}, 3, None)


def test_a_caption_of_a_dozen_words_does_not_sway_the_documents_own_rates():
    """A statistician's review: one 12-word text with a hedge (a rate of 83) turned a clear
    group difference tentative through the mean of the documents' rates."""
    sizes = {"x1": 14, "x2": 12, "x3": 10, "x4": 13, "y1": 2, "y2": 3, "y3": 1, "y4": 2}
    docs = [
        {"doc_id": d, "n_words": 600, "hedges_per_1k": 1000 * c / 600} for d, c in sizes.items()
    ]
    groups = {d: d[0] for d in sizes}
    (item,) = group_differences(docs, groups)
    assert item["caution"] is False
    docs.append({"doc_id": "y5", "n_words": 12, "hedges_per_1k": 1000 / 12})
    (item,) = group_differences(docs, {**groups, "y5": "y"})
    # the pooled rate keeps the caption's hedge (49 vs 9 in 2,400 and 2,412 words), the
    # documents' own rates leave it out
    assert "(20.4 vs 3.7 per 1,000 words; 49 vs 9;" in item["text"]
    assert "the mean of the documents' rates of 100 words or more: 20.4 vs 3.3" in item["text"]
    assert item["caution"] is False


def test_short_texts_stay_in_when_a_side_would_keep_one_document():
    """A review: leaving the caption out left group y one document, and the item read "of 100
    words or more ... (no interval: a group of one document)"."""
    sizes = {"x1": 14, "x2": 12, "x3": 10, "x4": 13, "y1": 2}
    docs = [
        {"doc_id": d, "n_words": 600, "hedges_per_1k": 1000 * c / 600} for d, c in sizes.items()
    ]
    docs.append({"doc_id": "y5", "n_words": 12, "hedges_per_1k": 1000 / 12})
    (item,) = group_differences(docs, {d["doc_id"]: d["doc_id"][0] for d in docs})
    assert "of 100 words or more" not in item["text"]
    assert "the mean of the documents' rates: 20.4 vs 43.3" in item["text"]


def test_document_items_name_their_group_unless_each_group_is_one_document():
    from pipeline.report import with_groups

    texts = ["a1 has the most hedges", "a1's sentences are more positive",
             "Hedges: 1 in a1 vs 0 in b1", "c9 is the hardest to read"]  # fmt: skip
    items = [{"text": t} for t in texts]
    named = with_groups([dict(i) for i in items], {"a1": "a", "a2": "a", "b1": " b "})
    assert [i["text"] for i in named] == [
        "a1 (group a) has the most hedges", "a1's (group a) sentences are more positive",
        "Hedges: 1 in a1 vs 0 in b1", "c9 is the hardest to read",
    ]  # fmt: skip
    # every group one document: the document is its group, and the items stay as they are
    alone = with_groups([dict(i) for i in items], {"a1": "a", "b1": "b"})
    assert [i["text"] for i in alone] == [i["text"] for i in items]


def test_every_clear_group_item_is_listed_up_to_twelve_and_the_rest_counted():
    """A journalist's walkthrough: three outlets had 17 clear differences and "What differs"
    listed five, the largest tone gap not among them, and did not say there were more."""
    from pipeline.report_groups import clear_left_out, listed_group_items

    def items(n_clear, n_tentative):
        return [{"text": f"c{i}", "caution": False, "strength": -i} for i in range(n_clear)] + [
            {"text": f"t{i}", "caution": True, "strength": -i} for i in range(n_tentative)
        ]

    listed = listed_group_items(items(17, 4))
    assert [i["text"] for i in listed] == [f"c{i}" for i in range(12)]
    assert clear_left_out(items(17, 4)) == 5
    # few clear items: tentative ones fill the list up to five
    assert [i["text"] for i in listed_group_items(items(2, 9))] == ["c0", "c1", "t0", "t1", "t2"]
    assert clear_left_out(items(2, 9)) == 0
    assert len(listed_group_items(items(7, 3))) == 7
    # a measure at a time: the strongest of each measure first (rates' log ratios of 5 would
    # otherwise crowd out a tone gap of strength 2)
    mixed = [
        {"text": "boosters a", "caution": False, "strength": 5.2, "measure": "boosters"},
        {"text": "boosters b", "caution": False, "strength": 5.0, "measure": "boosters"},
        {"text": "hedges a", "caution": False, "strength": 4.0, "measure": "hedges"},
        {"text": "tone", "caution": False, "strength": 2.1, "measure": "Mean sentiment"},
    ]
    listed = [i["text"] for i in listed_group_items(mixed)]
    assert listed == ["boosters a", "hedges a", "tone", "boosters b"]


def test_the_tentative_group_items_left_out_are_named_by_measure():
    """An analyst's check: with four clear group items, a tentative tone gap and a tentative
    economic lean were listed nowhere and the page said nothing of them."""
    from pipeline.report_groups import listed_group_items, tentative_left_out

    items = [
        *({"text": f"c{i}", "caution": False, "strength": 5 - i, "measure": f"rate {i}"}
          for i in range(4)),
        {"text": "economic", "caution": True, "strength": 1.0,
         "measure": "the economic frame share"},
        {"text": "tone", "caution": True, "strength": 0.8, "measure": "Mean sentiment"},
        {"text": "tone 2", "caution": True, "strength": 0.5, "measure": "Mean sentiment"},
        {"text": "flesch", "caution": True, "strength": 0.4, "measure": "Flesch reading ease"},
    ]  # fmt: skip
    assert [i["text"] for i in listed_group_items(items)] == ["c0", "c1", "c2", "c3", "economic"]
    assert tentative_left_out(items) == ["mean sentiment", "Flesch reading ease"]
    assert tentative_left_out(items[:5]) == []


def test_groups_are_compared_on_each_frame_through_their_documents_shares():
    """A journalist's walkthrough: the largest planted difference of three outlets, security
    framing 31% vs 3%, was in the frames table but in no item. By hand: S's documents 30, 40 and
    35% (6, 8, 7 of 20 sentences), L's 0, 5 and 10%: means 35 and 5, variances 25 and 25, so
    se = sqrt(25/3 + 25/3) = 4.0825 with 4 degrees of freedom, t(0.975, 4) = 2.776445: 30 +-
    11.3 points."""
    import pandas as pd

    from pipeline.report_groups import all_group_items, frame_share_items

    ids = ["s1", "s2", "s3", "l1", "l2", "l3"]
    docs = [{"doc_id": d, "n_sentences": 20} for d in ids]
    frames = pd.DataFrame(
        {"doc_id": ids * 2, "frame": ["security_defense"] * 6 + ["economic"] * 6,
         "n_sentences": [6, 8, 7, 0, 1, 2] + [0] * 6}
    )  # fmt: skip
    members = {"L": ["l1", "l2", "l3"], "S": ["s1", "s2", "s3"]}
    labels = {"security_defense": "Security and defense"}
    (item,) = frame_share_items(frames, docs, members, labels)  # economic has no cue
    assert item == {
        "text": "Group S's documents lean more on the security and defense frame than group L's: "
        "the mean of their shares of sentences with the security and defense frame 35% vs 5% "
        "(3 and 3 documents), a difference of 30 points (95% interval 19 to 41 points); pooled "
        "over their sentences, 35% vs 5%",
        "strength": 30 / 25,
        "caution": False,
        "href": "#group-frames",
        "measure": "the security and defense frame share",
    }
    groups = {d: d[0].upper() for d in ids}
    assert item in all_group_items(docs, groups, frames, labels)
    # two frames with a cue and three pairs of groups: adjusted for 6 comparisons
    frames.loc[frames["frame"] == "economic", "n_sentences"] = [1, 0, 0, 0, 0, 0]
    docs.append({"doc_id": "x1", "n_sentences": 10})
    items = frame_share_items(frames, docs, {**members, "X": ["x1"]}, labels)
    assert "adjusted for 6 comparisons" in items[0]["text"]


def test_a_group_frame_item_whose_pooled_shares_point_the_other_way_is_tentative():
    """A review: A's eight 2-sentence documents with the frame (100%) and two of 200 sentences
    at 5% have a mean share of 81% but pool to 36 of 416 sentences (9%), against B's 30%: the
    item said A leans more, clear, and the frames table it links to said the opposite."""
    import pandas as pd

    from pipeline.report_groups import frame_share_items

    a = [f"a{i}" for i in range(10)]
    b = [f"b{i}" for i in range(10)]
    sizes = {**{d: 2 for d in a[:8]}, **{d: 200 for d in a[8:]}, **{d: 10 for d in b}}
    with_frame = {**{d: 2 for d in a[:8]}, **{d: 10 for d in a[8:]}, **{d: 3 for d in b}}
    docs = [{"doc_id": d, "n_sentences": n} for d, n in sizes.items()]
    frames = pd.DataFrame(
        {"doc_id": list(with_frame), "frame": "economic", "n_sentences": list(with_frame.values())}
    )
    (item,) = frame_share_items(frames, docs, {"A": a, "B": b}, {})
    assert item["caution"] is True
    assert item["text"].endswith(
        "; pooled over their sentences, 9% vs 30%, the other way round: short documents weigh as "
        "much as long ones in the mean of the documents' shares"
    )


def test_group_means_as_shown_subtract_to_the_difference_shown():
    """A review: "75% vs 32% ... a difference of 42 points" (exact 74.6 vs 32.2)."""
    import numpy as np

    from pipeline.report_groups import MeanMeasure, group_mean_item

    measure = MeanMeasure("x", "x share", "shares", "lean more", 0, 5.0, 25.0, "%", " points")
    item = group_mean_item(measure, {"a": [73.6, 75.6], "b": [31.2, 33.2]}, 1)
    assert np.isclose(73.6 / 2 + 75.6 / 2 - (31.2 / 2 + 33.2 / 2), 42.4)
    assert "75% vs 32% (2 and 2 documents), a difference of 43 points (95% interval" in item["text"]


def test_the_per_document_frames_table_shows_every_group_and_names_it():
    """A review: with 4 outlets of 20 documents the table chose among the first 50 by id, so
    outlet d was left out while the caption said "one of each group in turn"."""
    import pandas as pd

    from pipeline.corpus import in_turn_note
    from pipeline.report_data import frame_matrix

    ids = [f"{g}{i:02d}" for g in "abcd" for i in range(20)]
    frames = pd.DataFrame({"doc_id": ids, "frame": "economic", "share": 0.5, "n_sentences": 5})
    groups = {d: d[0] for d in ids}
    table = frame_matrix(frames, ids, {}, groups)
    assert table["columns"] == ["a00 (a)", "b00 (b)", "c00 (c)", "d00 (d)",
                                "a01 (a)", "b01 (b)", "c01 (c)", "d01 (d)"]  # fmt: skip
    assert table["in_turn"] == "a document of each group in turn"
    # more groups than the table's 8 columns: said so
    many = {d: f"g{i}" for i, d in enumerate(ids[:10])}
    assert in_turn_note(ids[:10], many, 8) == "a document of each of the first 8 of 10 groups"
    assert in_turn_note(ids, None, 8) == ""
    assert frame_matrix(frames, ids, {})["in_turn"] == ""


def test_the_page_says_how_many_clear_group_differences_it_does_not_list(monkeypatch):
    import pandas as pd

    from pipeline import report_groups
    from pipeline.report import render_report, report_context

    # three groups, hedges far apart: three clear pairs; one listed, two counted
    counts = {"a1": 40, "a2": 42, "a3": 41, "b1": 10, "b2": 12, "b3": 11, "c1": 0, "c2": 1, "c3": 0}
    docs = pd.DataFrame(docs_with_hedges(counts, words=1000))
    groups = {d: d[0] for d in counts}
    monkeypatch.setattr(report_groups, "MAX_CLEAR_GROUP_ITEMS", 1)
    page = render_report(report_context({"documents": docs}, docs_dir=None, plots_dir=None,
                                        manifest_path=None, groups=groups))  # fmt: skip
    assert "2 more clear differences between the groups are not listed here" in page


@pytest.mark.parametrize("short_words", [20, 99])
def test_group_frame_and_sentiment_items_leave_out_texts_under_100_words(short_words):
    """A speeches walkthrough: a 26-word speech (a cue in none of its four sentences) entered its
    party's mean of the documents' shares as much as a long speech, widened the interval past 0
    and hid the party's planted lean on a frame; the rate items already left such texts out."""
    import pandas as pd

    from pipeline.report_groups import all_group_items, frame_share_items

    a, b = ["a1", "a2", "a3", "a4", "a5"], ["b1", "b2", "b3", "b4"]
    sizes = {**dict.fromkeys(a[:4] + b, 50), "a5": 4}
    words = {**dict.fromkeys(a[:4] + b, 600), "a5": short_words}
    with_frame = dict(zip(a + b, [15, 16, 17, 18, 0, 5, 6, 7, 8]))
    compound = dict(zip(a + b, [0.30, 0.32, 0.34, 0.36, -0.9, 0.10, 0.12, 0.14, 0.16]))
    docs = [{"doc_id": d, "n_sentences": sizes[d], "n_words": words[d],
             "compound_mean": compound[d]} for d in a + b]  # fmt: skip
    frames = pd.DataFrame(
        {"doc_id": list(with_frame), "frame": "morality", "n_sentences": list(with_frame.values())}
    )
    (item,) = frame_share_items(frames, docs, {"A": a, "B": b}, {"morality": "Morality"})
    assert item["caution"] is False
    assert "33% vs 13% (4 and 4 documents of 100 words or more)" in item["text"]
    assert "pooled over their sentences, 33% vs 13%" in item["text"]
    groups = {**dict.fromkeys(a, "A"), **dict.fromkeys(b, "B")}
    tone = [i for i in all_group_items(docs, groups) if i["measure"] == "Mean sentiment"]
    assert "0.33 vs 0.13 (4 and 4 documents of 100 words or more)" in tone[0]["text"]
    # with 100 words the text takes part again: its 0% share makes the difference tentative
    docs[4]["n_words"] = 100
    (item,) = frame_share_items(frames, docs, {"A": a, "B": b}, {"morality": "Morality"})
    assert item["caution"] is True and "(5 and 4 documents)" in item["text"]


def test_short_texts_stay_when_a_group_would_keep_fewer_than_two():
    from pipeline.report_groups import without_short_texts

    sides = {"A": ["a1", "a2"], "B": ["b1", "b2"]}
    words = {"a1": 500, "a2": 30, "b1": 500, "b2": 500}
    assert without_short_texts(sides, words.get) == (sides, "")
    words["a3"] = 400
    sides["A"].append("a3")
    assert without_short_texts(sides, words.get) == (
        {"A": ["a1", "a3"], "B": ["b1", "b2"]},
        " of 100 words or more",
    )


def test_a_range_of_negative_means_reads_to_not_a_dash():
    """The speeches walkthrough: "documents −0.28–−0.08" read as a subtraction."""
    docs = [{"doc_id": d, "compound_mean": v, "n_words": 500}
            for d, v in (("a1", -0.28), ("a2", -0.08), ("b1", 0.1), ("b2", 0.3))]  # fmt: skip
    table = group_rate_table(docs, {"a1": "A", "a2": "A", "b1": "B", "b2": "B"})
    (row,) = [r for r in table["rows"] if r["what"].startswith("Mean sentiment")]
    assert row["cells"] == ["−0.18 · documents −0.28 to −0.08", "0.20 · documents 0.10–0.30"]


def test_the_group_table_leaves_out_short_texts_as_the_items_do():
    """A code review: the table's mean rows kept a 26-word text the group items leave out."""
    docs = [{"doc_id": d, "compound_mean": v, "n_words": w}
            for d, v, w in (("a1", 0.2, 500), ("a2", 0.4, 500), ("a3", -0.9, 26),
                            ("b1", 0.1, 500), ("b2", 0.1, 40))]  # fmt: skip
    table = group_rate_table(docs, {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B"})
    (row,) = [r for r in table["rows"] if r["what"].startswith("Mean sentiment")]
    # A keeps its two long texts; B has one long text, so keeps both
    assert row["cells"] == ["0.30 · documents 0.20–0.40", "0.10 · documents 0.10–0.10"]


def test_a_flesch_group_item_says_when_short_texts_took_no_part():
    """A walkthrough: "(5 and 11 documents)" for groups of 12, with no word that the short
    texts were left out (mean_scores drops them before the item sees them)."""
    from pipeline.report_groups import all_group_items

    docs = [{"doc_id": f"a{i}", "flesch_reading_ease": 30.0 + i, "n_words": 500} for i in range(3)]
    docs += [{"doc_id": f"b{i}", "flesch_reading_ease": 80.0 + i, "n_words": 500} for i in range(3)]
    docs.append({"doc_id": "b9", "flesch_reading_ease": 100.0, "n_words": 40})
    groups = {d["doc_id"]: d["doc_id"][0] for d in docs}
    (item,) = [i for i in all_group_items(docs, groups) if i["measure"] == "Flesch reading ease"]
    assert "(3 and 3 documents of 100 words or more)" in item["text"]


def test_group_rate_items_count_markers_in_runs_as_fewer():
    """The pooled counts of two groups (33 vs 4 hedges, test_groups_differ_in_pooled_and_per_
    document_rates) with every member's hedge series of 20 sentences correlated 0.4 with its
    neighbours (corrected: (0.4 + 1/20) / (1 - 3/20) = 0.5294, a count's variance 1.5294 /
    0.4706 = 3.25 times that of independent markers): each marker is worth 0.3077 independent
    ones, the interval is that of 10.2 vs 1.2 markers and holds 1, and the note follows the
    per-document clause. A group's own window dispersion counts for it alone: the first group's
    texts at 4 on 3 degrees of freedom each (36 on 9, over the 0.99 quantile 21.67; both groups
    pooled, 36 + 9 = 45 on 18, over 34.81: 2.5 for the second)."""
    from pipeline.report_intervals import rate_ratio_interval

    plain = docs_with_hedges({"a1": 10, "a2": 12, "a3": 11, "b1": 1, "b2": 2, "b3": 1})
    docs = [dict(d, n_sentences=20, hedges_sd=1.0, hedges_lag1=0.4) for d in plain]
    groups = {"a1": "a", "a2": "a", "a3": "a", "b1": "b", "b2": "b", "b3": "b"}
    (item,) = group_differences(docs, groups)
    low, high = rate_ratio_interval(33, 300, 4, 300, confidence=1 - 0.05 / 9,
                                    deffs=(1.5294 / 0.4706,) * 2)  # fmt: skip
    assert (low, ratio_text(high)) == (pytest.approx(0.82, abs=0.005), "1,221")
    assert item["caution"] is True
    assert (
        "adjusted for 9 comparisons, 0.82 to 1,221, which includes 1: not a clear difference)"
        in item["text"]
    )
    assert item["text"].endswith(
        "52.1 to 141.2. Hedges come in runs or several to a sentence (estimated: the variance "
        "of a count 3.2 times that of independent ones), so the interval of the ratio counts the "
        "33 and 4 "
        "as the 10 and 1.2 independent ones they are worth"
    )
    windows = [dict(d, hedges_lag1=-0.05, hedges_disp5=4.0 if d["doc_id"][0] == "a" else 1.0)
               for d in docs]  # fmt: skip
    (item,) = group_differences(windows, groups)
    assert item["text"].endswith(
        "(estimated: the variance "
        "of a count 4.0 and 2.5 times that of independent ones), so the interval of the ratio "
        "counts the 33 and 4 as the 8.2 and 1.6 independent ones they are worth"
    )


def test_a_group_pair_pools_its_own_two_groups_windows_only():
    """With three groups, the dispersion pooled for a pair is that of its two groups alone: a
    third group's texts at 20 on 3 degrees of freedom each leave the a-b item as with two
    groups (a: 36 on 9, its own 4; pooled with b, 45 on 18: 2.5 for b); pooled over all three
    groups (225 on 27) both sides would be 8.3."""
    counts = {"a1": 10, "a2": 12, "a3": 11, "b1": 1, "b2": 2, "b3": 1, "c1": 11, "c2": 10, "c3": 12}
    spread = {"a": 4.0, "b": 1.0, "c": 20.0}
    docs = [dict(d, n_sentences=20, hedges_sd=1.0, hedges_lag1=-0.05,
                 hedges_disp5=spread[d["doc_id"][0]])
            for d in docs_with_hedges(counts)]  # fmt: skip
    items = group_differences(docs, {d["doc_id"]: d["doc_id"][0] for d in docs})
    (ab,) = [i for i in items if i["text"].startswith("Group a ") and "than group b " in i["text"]]
    assert ab["text"].endswith(
        "(estimated: the variance of a count 4.0 and 2.5 times that of independent ones), so "
        "the interval of the ratio counts the 33 and 4 as the 8.2 and 1.6 independent ones they "
        "are worth"
    )
    (cb,) = [i for i in items if i["text"].startswith("Group c ")]
    assert "(estimated: the variance of a count 20.0 and 10.5 times" in cb["text"]
