"""The report's "what differs" items for groups of documents (comparison.group_column)."""

from __future__ import annotations

import pytest

from pipeline.report_groups import group_differences, group_members


def docs_with_hedges(counts: dict[str, int], words: int = 100) -> list[dict]:
    """Documents of ``words`` words with the given hedge counts (other rates absent)."""
    return [{"doc_id": d, "n_words": words, "hedges_per_1k": 1000 * c / words}
            for d, c in counts.items()]  # fmt: skip


def test_group_members_strip_labels_and_leave_out_empty_ones():
    groups = {"a": " x ", "b": "x", "c": "", "d": "y", "zz": "y"}
    assert group_members(groups, ["a", "b", "c", "d", "e"]) == {"x": ["a", "b"], "y": ["d"]}


def test_groups_differ_in_pooled_and_per_document_rates():
    docs = docs_with_hedges({"a1": 10, "a2": 12, "b1": 1, "b2": 2})
    (item,) = group_differences(docs, {"a1": "a", "a2": "a", "b1": "b", "b2": "b"})
    # pooled 22 / 200 words = 110 per 1,000 vs 3 / 200 = 15: 7.3 times
    assert item["text"].startswith(
        "Group a (2 documents) uses 7.3× more hedges per 1,000 words than group b (2 documents) "
        "(110.0 vs 15.0 per 1,000 words; 22 vs 3; 95% interval of the ratio"
    )
    # per document 100 and 120 vs 10 and 20; Welch: se^2 = 200/2 + 50/2 = 125,
    # df = 125^2 / (100^2 + 25^2) = 1.4706, t(0.975, 1.4706) = 6.188, half width
    # 6.188 * sqrt(125) = 69.19 around 95: 25.8 to 164.2
    assert item["text"].endswith(
        "the mean of the documents' rates: 110.0 vs 15.0, 95% interval of the difference "
        "25.8 to 164.2"
    )
    assert item["caution"] is False and item["href"] == "#summary"


def test_a_group_difference_carried_by_one_document_is_tentative():
    # pooled 21 vs 3 hedges is a clear ratio, but one document of group a has 20 of the 21
    docs = docs_with_hedges({"a1": 20, "a2": 1, "b1": 1, "b2": 2})
    (item,) = group_differences(docs, {"a1": "a", "a2": "a", "b1": "b", "b2": "b"})
    assert "95% interval of the ratio 2.1" in item["text"]  # clear on pooled counts
    assert item["text"].endswith(", so this may rest on a few documents")
    assert item["caution"] is True


def test_a_one_document_group_has_no_per_document_interval():
    docs = docs_with_hedges({"a1": 20, "b1": 1, "b2": 2})
    (item,) = group_differences(docs, {"a1": "a", "b1": "b", "b2": "b"})
    assert item["text"].startswith("Group a (1 document) uses")
    assert "too few documents for an interval" in item["text"] and item["caution"] is True


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
    assert texts[1].startswith("a2 has the most hedges per 1,000 words")  # then the documents
    no_groups = report_context({"documents": docs}, docs_dir=None, plots_dir=None,
                               manifest_path=None)  # fmt: skip
    assert [i["text"] for i in no_groups["differences"]] == texts[1:]
