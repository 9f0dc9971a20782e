"""What the "what differs" items share, of two documents (:mod:`pipeline.report_differences`,
:mod:`pipeline.report_score_differences`), of three or more
(:mod:`pipeline.report_corpus_differences`) and of groups (:mod:`pipeline.report_groups`): the
types ``Doc`` and ``Item`` and the list's limits, the figures the items read from the tables
(the documents' rates and counts, the frames' sentence counts), the link to an item's evidence,
and the wording of ratios, shares, intervals' ends, runs of markers and missing intervals.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from pipeline.report_data import QUOTED_COLUMN
from pipeline.report_format import finite, fmt, rate_count
from pipeline.report_intervals import count_worth
from pipeline.serial_stats import MIN_EFFECTIVE_SIZE, MIN_INTERVAL_SENTENCES

MAX_DIFFERENCES = 10
MAX_FRAME_ITEMS = 2  # frames named in the list (the Frames table shows them all)
FEW = 5  # fewer markers than this on both sides together: state the counts, claim nothing
Item = dict[str, Any]
Doc = dict[str, Any]


def evidence_href(index: Mapping[str, int], anchors: set[str], doc_id: str, key: str,
                  fallback: str | None = None) -> str:  # fmt: skip
    """``#doc-{i}-{key}`` when that anchor exists in the page, else ``fallback``, by default the
    document's row of the summary table (``#summary-{i}``)."""
    i = index.get(doc_id)
    if i is not None and f"doc-{i}-{key}" in anchors:
        return f"#doc-{i}-{key}"
    if fallback is not None:
        return fallback
    return "#summary" if i is None else f"#summary-{i}"


# a design effect below this, that of a correlation of neighbours of 0.1 (11/9 = 1.22), is
# applied but not said: mostly noise. It may be a window dispersion that the test shows: with
# many pooled degrees of freedom the test passes 1.1-1.22 (700: from 1.13)
RUNS_NOTED = (1 + 0.1) / (1 - 0.1)


def runs_note(
    what: str, counts: Sequence[int], deffs: Sequence[float], *, rest: bool = False
) -> str:
    """A sentence saying that ``what`` come in runs or several to a sentence, so that the
    interval counts the ``counts`` as fewer independent ones (their design effects ``deffs``);
    empty below a design effect of RUNS_NOTED or when no count rounds to fewer (as
    :func:`pipeline.report_score_differences.alike_note` says of sentences). ``rest``: the
    second count is the other documents' together (an item of three or more)."""
    worth = [count_worth(k, d) for k, d in zip(counts, deffs, strict=True)]
    if max(deffs) < RUNS_NOTED or all(round(w) >= k for w, k in zip(worth, counts, strict=True)):
        return ""
    shown = ["0" if w == 0 else f"{w:.1f}" if w < 9.95 else f"{w:,.0f}" for w in worth]
    counted = (f"its {counts[0]:,} and the other documents' {counts[1]:,}" if rest
               else f"the {counts[0]:,} and {counts[1]:,}")  # fmt: skip
    times = [f"{d:.1f}" for d in deffs]
    factors = times[0] if times[0] == times[1] else " and ".join(times)
    return (
        f". {what.capitalize()} come in runs or several to a sentence (estimated: the variance "
        f"of a count {factors} times that of independent ones), so the interval of the ratio "
        f"counts {counted} as the {' and '.join(shown)} independent ones they are worth"
    )


MAX_RATIO_SHOWN = 10_000  # a ratio bound above this reads "over 10,000"


def ratio_factor(ratio: float) -> str:
    """A ratio as a factor: "3.8×", "21.0×", "190×" (no tenth of a hundredfold)."""
    return f"{ratio:,.0f}×" if ratio >= 100 else f"{ratio:.1f}×"


def ratio_text(value: float) -> str:
    """A ratio bound for a sentence: 0.45, 3.2, 170, 9,896, "over 10,000" or "infinity"; a bound
    near 1 that is not 1 keeps the digits that tell it from 1 (1.02, 0.996), since 1 is where "no
    difference" is. A bound of hundreds of thousands (75 markers vs 1) tells no more than "over
    10,000" and read as a precise figure."""
    if math.isinf(value):
        return "infinity"
    if value > MAX_RATIO_SHOWN:
        return f"over {MAX_RATIO_SHOWN:,}"
    if value >= 10:
        return f"{value:,.0f}"
    for digits in range(2, 7):
        text = f"{value:.{digits}g}"
        if value == 1 or float(text) != 1:
            return text
    return repr(value)


def rates_of(docs: Sequence[Doc], column: str, *, skip_missing: bool = False) -> list[Doc] | None:
    """doc_id, rate and count of one rate column per document; None if any is missing, or
    with ``skip_missing`` the documents that have it (a document without words has none)."""
    out = []
    for d in docs:
        count = rate_count(d.get(column), d.get("n_words"))
        if count is None and skip_missing:
            continue
        if count is None:
            return None
        row = {"doc_id": d["doc_id"], "rate": float(d[column]), "count": count,
               "words": float(d["n_words"])}  # fmt: skip
        quoted = d.get(QUOTED_COLUMN.get(column, ""))
        if finite(quoted) and 0 < quoted <= count:
            row["quoted"] = int(quoted)
        out.append(row)
    return out


def frame_sentence_counts(
    frames: pd.DataFrame, body: Mapping[str, int]
) -> dict[str, dict[str, int]]:
    """frame -> doc_id -> body sentences with the frame (frames.csv's n_sentences) for the
    documents of ``body`` (doc_id -> body sentences); a count that is not a whole number
    within 0 and the document's sentences is left out (a row out of step)."""
    rows = frames[frames["doc_id"].astype(str).isin(body)]
    counts: dict[str, dict[str, int]] = {}
    for doc_id, frame, k in zip(rows["doc_id"].astype(str).tolist(),
                                rows["frame"].astype(str).tolist(), rows["n_sentences"].tolist(),
                                strict=True):  # fmt: skip
        if finite(k) and float(k).is_integer() and 0 <= k <= body[doc_id]:
            counts.setdefault(frame, {})[doc_id] = int(k)
    return counts


def long_enough(doc: Doc) -> bool:
    """Whether a text has the MIN_READABILITY_WORDS words a Flesch score needs."""
    return finite(doc.get("n_words")) and doc["n_words"] >= MIN_READABILITY_WORDS


def counts_of(docs: Sequence[Doc], column: str) -> list[Doc]:
    """doc_id, rate per 1,000 words, count and words of a count column (``n_figures``,
    ``n_questions``) for the documents that have it and some words."""
    out = []
    for d in docs:
        count, words = d.get(column), d.get("n_words")
        if finite(count) and finite(words) and words > 0:
            out.append({"doc_id": d["doc_id"], "rate": 1000.0 * count / words,
                        "count": int(count), "words": float(words), "doc": d})  # fmt: skip
    return out


def figures_key(doc: Doc) -> str:
    """The evidence anchor of a document's figures: the first sourcing its body figures have
    (unsourced, vague, then named)."""
    counts = [(k, doc.get(f"n_figures_{c}")) for k, c in
              (("figure-none", "unsourced"), ("figure-vague", "vague"),
               ("figure-named", "named"))]  # fmt: skip
    return next((k for k, n in counts if finite(n) and n), "figure-none")


MIN_READABILITY_WORDS = 100  # a shorter text's Flesch score rests on a line or two


def digits_apart(values: Sequence[float], reference: float, digits: int, scale: float = 1.0) -> int:
    """The fewest decimals, from ``digits`` up to 6, at which every value that is not
    ``reference`` reads differently from it (times ``scale``): an interval's end that is not
    the reference never reads as it."""
    for d in range(digits, 6):
        if all(v == reference or fmt(v * scale, d) != fmt(reference * scale, d) for v in values):
            return d
    return 6


def apart_text(value: float, reference: float, digits: int, scale: float = 1.0) -> str:
    """``value * scale`` with the decimals of :func:`digits_apart`."""
    return fmt(value * scale, digits_apart([value], reference, digits, scale))


def frame_name(frame: str, labels: Mapping[str, str]) -> str:
    """A frame as a sentence names it: "the economic frame", "the frame coded “Other”"."""
    label = labels.get(frame, str(frame).replace("_", " "))
    if label.lower() == "other":
        return f"the frame coded “{label}”"
    return f"the {label.lower()} frame"


def shares_text(share: float, rest: float) -> tuple[str, str, str, int]:
    """Two shares and their difference in points, and the decimals used: whole numbers unless
    the rounded shares would not subtract to the rounded difference (then one decimal) or a
    share or difference that is not 0 would read as 0 (then up to two)."""
    values = (share, rest, share - rest)
    for digits in (0, 1, 2):
        a, b, d = (round(100 * v, digits) for v in values)
        subtracts = digits > 0 or abs(a - b - d) < 0.5
        if subtracts and not any(v and round(100 * v, digits) == 0 for v in values):
            break
    shown = (fmt(100 * share, digits), fmt(100 * rest, digits), fmt(100 * (share - rest), digits))
    return (*shown, digits)


def no_interval_reason(doc: Doc, column: str = "compound_mean") -> str:
    """Why a document's ``column`` (mean sentiment, Flesch reading ease) has no interval: fewer
    body sentences than MIN_INTERVAL_SENTENCES, or sentences that do not vary
    (:func:`pipeline.serial_stats.serial_mean_interval`)."""
    n = doc.get("flesch_n_sentences") if column == "flesch" else None
    n = n if finite(n) else doc.get("n_sentences")
    if finite(n) and n < MIN_INTERVAL_SENTENCES:
        if n == 1:
            return "it has one body sentence"
        return (
            f"it has {n:,.0f} body sentences, fewer than the {MIN_INTERVAL_SENTENCES} an "
            "interval needs"
        )
    size = doc.get("flesch_effective_n" if column == "flesch" else "compound_effective_n")
    if finite(size) and size < MIN_EFFECTIVE_SIZE:
        return (
            # rounded down: 2.97 is no "3.0 ..., fewer than 3"
            f"its body sentences run so alike that they count as {fmt(math.floor(10 * size) / 10)} "
            "independent ones, "
            f"fewer than {MIN_EFFECTIVE_SIZE:g}"
        )
    if column == "compound_mean" and finite(n) and finite(doc.get(column)):
        return f"its {n:,.0f} body sentences all score {fmt(doc[column], 2)}"
    if finite(n):
        return f"its {n:,.0f} body sentences do not vary"
    return "documents.csv gives none"
