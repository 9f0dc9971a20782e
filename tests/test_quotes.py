"""Quotation spans and quotations of a sentence (pipeline.quotes)."""

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.quotes import CLOSING_QUOTES, OPENING_QUOTES, has_quotation, quotation_spans

# The pairing rule as one regular expression: the reference the one-pass pairing must agree with
# (it retries every opening mark to the end of the text: quadratic on unclosed marks)
REFERENCE_RE = re.compile(rf'[{OPENING_QUOTES}"]([^{CLOSING_QUOTES}"]+)[{CLOSING_QUOTES}"]')


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab “”«»" \n', max_size=40), st.data())
def test_quotation_spans_pair_the_marks_as_the_reference_regex_does(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert quotation_spans(text, start, end) == [
        m.span() for m in REFERENCE_RE.finditer(text, start, end)
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab “”«»" \n', max_size=40))
def test_has_quotation_counts_the_words_of_the_reference_quotations(text: str) -> None:
    expected = any(len(q.split()) >= 4 for q in REFERENCE_RE.findall(text))
    assert has_quotation(text) is expected
    assert has_quotation("x " + text + " y", 2, 2 + len(text)) is expected


def test_quotations_in_a_slice_and_an_empty_quotation() -> None:
    text = "He said “we will not sign this” and left. “Short” one; “” then “a b c d” here"
    assert quotation_spans(text) == [(8, 31), (42, 49), (63, 72)]
    assert has_quotation(text, 0, 40) is True  # "we will not sign this": five words
    assert has_quotation(text, 40, 60) is False  # “Short”: a scare quote
    assert has_quotation(text, 60) is True  # the empty “” quotes nothing; “a b c d” counts


def test_unclosed_marks_are_paired_in_linear_time() -> None:
    text = "\u201ca " * 33_000  # a regular expression of the same pairs took 29 s here
    start = time.process_time()
    assert not has_quotation(text)
    assert time.process_time() - start < 1.0
