"""The summaries in documents.csv and frames.csv the report's intervals pool: the correlation
of neighbouring sentences pooled over documents, a rate's and a frame's sums of summaries and
window dispersions, each side's design effect for a rate or frame compared between documents,
and the interval of the document named the lowest or highest of several. The intervals
themselves are in :mod:`pipeline.report_intervals`."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from pipeline.report_format import finite
from pipeline.report_intervals import widened_for_extreme
from pipeline.serial_stats import (
    DISPERSION_SUMMARY,
    MIN_INTERVAL_SENTENCES,
    alike_of_sums,
    corrected_correlation,
    design_effect,
    dispersion_cells,
    dispersion_of_sums,
    dispersion_sums,
    pooled_sums,
    summary_interval,
)

# documents.csv's columns of a mean over body sentences in text order: the mean, its interval,
# the effective size, and the summaries a correlation of neighbours pooled over documents needs
SERIAL_COLUMNS = {
    "compound": ("compound_mean", "compound_ci_low", "compound_ci_high", "compound_effective_n",
                 "compound_sd", "compound_lag1", "n_sentences"),
    "flesch": ("flesch_reading_ease", "flesch_ci_low", "flesch_ci_high", "flesch_effective_n",
               "flesch_sd", "flesch_lag1", "flesch_n_sentences"),
}  # fmt: skip


# documents.csv's summaries of a rate's counts per body sentence (pipeline.stance.SERIAL_RATES):
# rate column -> the name of its ``<name>_sd``, ``<name>_lag1`` and ``<name>_disp5``
# (``<name>_`` + pipeline.serial_stats.DISPERSION_SUMMARY)
RATE_SERIAL = {
    "hedges_per_1k": "hedges",
    "boosters_per_1k": "boosters",
    "attitude_per_1k": "attitude",
    "attributions_named_per_1k": "attributions_named",
    "attributions_vague_per_1k": "attributions_vague",
    "n_figures": "figures",
    "n_questions": "questions",
}


def corpus_alike(docs: Sequence[Mapping[str, Any]], measure: str) -> float:
    """The correlation of neighbouring sentences pooled over ``docs`` for ``measure``
    ("compound" or "flesch"): :func:`pipeline.serial_stats.pooled_alike_correlation` of the
    summaries in documents.csv of those with MIN_INTERVAL_SENTENCES or more (0 when none has
    them)."""
    *_, sd, lag1, n = SERIAL_COLUMNS[measure]
    return _pooled_alike(docs, n, sd, lag1)


def rate_sums(docs: Sequence[Mapping[str, Any]], column: str) -> tuple[float, float, float, int]:
    """:func:`pipeline.serial_stats.pooled_sums` of a rate's summaries in ``docs``: those of
    two sets of documents add up to those of both (the groups' :func:`rate_design_effects`)."""
    name = RATE_SERIAL[column]
    return _pooled_sums(docs, "n_sentences", f"{name}_sd", f"{name}_lag1")


def rate_dispersion_sums(docs: Sequence[Mapping[str, Any]], column: str) -> tuple[float, int]:
    """:func:`pipeline.serial_stats.dispersion_sums` of a rate's window dispersions
    (``<name>_disp5``) in ``docs``: those of two sets of documents add up to those of both. A
    row without one (a text under 6 sentences or without a marker, a table of an older run)
    takes no part."""
    summary = f"{RATE_SERIAL[column]}_{DISPERSION_SUMMARY}"
    rows = [(d.get("n_sentences"), d.get(summary)) for d in docs]
    rows = [(float(n), float(v)) for n, v in rows if finite(n) and finite(v)]
    sizes, dispersions = zip(*rows, strict=True) if rows else ((), ())
    return dispersion_sums(sizes, dispersions)


def rate_design_effects(
    docs: Sequence[Mapping[str, Any]], column: str, sides: Sequence[Sequence[Mapping[str, Any]]]
) -> tuple[float, ...]:
    """Each side's design effect for a rate (``column``) compared between the ``sides``, sets
    of ``docs``: how many times the variance of its count is that of independent markers
    (:func:`side_design_effects` of the summaries)."""
    return side_design_effects(
        rate_sums(docs, column),
        rate_dispersion_sums(docs, column),
        [rate_dispersion_sums(side, column) for side in sides],
    )


def side_design_effects(
    lag_sums: tuple[float, float, float, int],
    pooled: tuple[float, int],
    sides: Sequence[tuple[float, int]],
) -> tuple[float, ...]:
    """Each side's :func:`pipeline.serial_stats.design_effect`: the largest of the AR(1)
    inflation of the correlation of neighbours pooled over all the documents compared
    (``lag_sums``, :func:`rate_sums`), their window dispersion pooled (``pooled``,
    :func:`rate_dispersion_sums`) and the side's own (``sides``), each dispersion counted only
    where the dispersion test shows it (:func:`pipeline.serial_stats.dispersion_of_sums`).

    Markers come in runs and several to a sentence: the correlation of neighbours sees runs one
    sentence deep, the windows of 5 sentences longer runs and several markers in one sentence.
    A side's own dispersion counts, as a list-like text among plain ones hardly moves the pooled
    one; a text under 10 sentences, without its own correlation, and one under 6, without its
    own windows, gets those of the others (the frame items: a text under 10 sentences gets the
    others' windows too, :func:`frame_dispersion_cells`). docs/report-statistics.md has a
    statistician's simulations."""
    alike = alike_of_sums(*lag_sums)
    common = dispersion_of_sums(*pooled)
    return tuple(design_effect(alike, common, dispersion_of_sums(*side)) for side in sides)


def _pooled_alike(docs: Sequence[Mapping[str, Any]], n: str, sd: str, lag1: str) -> float:
    """:func:`pipeline.serial_stats.pooled_alike_correlation` of the columns ``n``, ``sd`` and
    ``lag1`` of ``docs``, those with MIN_INTERVAL_SENTENCES or more sentences taking part."""
    return alike_of_sums(*_pooled_sums(docs, n, sd, lag1))


def _pooled_sums(
    docs: Sequence[Mapping[str, Any]], n: str, sd: str, lag1: str
) -> tuple[float, float, float, int]:
    rows = [(d.get(n), d.get(sd), d.get(lag1)) for d in docs]
    # a missing correlation (a series without spread, a table trimmed by hand) takes no part
    rows = [(float(a), float(b), float(c)) for a, b, c in rows
            if finite(a) and finite(b) and finite(c)]  # fmt: skip
    sizes, sds, lags = zip(*rows, strict=True) if rows else ((), (), ())
    return pooled_sums(sizes, sds, lags, min_size=MIN_INTERVAL_SENTENCES)


def extreme_interval(
    doc: Mapping[str, Any], measure: str, n_docs: int, pooled: float, *, confidence: float,
    bounds: tuple[float, float],
) -> tuple[float, float, float]:  # fmt: skip
    """(low, high, effective size) of ``doc``'s mean ``measure`` for the item that names it the
    lowest (or highest) of ``n_docs``: its interval at ``confidence`` with neighbouring
    sentences counted as alike as the larger of its own correlation and ``pooled``
    (:func:`corpus_alike`), within ``bounds``, then widened for picking the extreme
    (:func:`pipeline.report_intervals.widened_for_extreme`). NaNs for the interval when it has
    none.

    One text's correlation of neighbours rests on its few sentences: picking the extreme of
    several picks the text whose correlation came out lowest by chance. A statistician's
    simulation (2026-12-05, same-pool corpora of 3 to 10 texts, neighbours strongly alike) found
    a false "clear" extreme 7-29% of the time with each text's own correlation and 1-6% with
    the correlation pooled over the texts; the larger of the two also keeps a text that is more
    alike than the others (a transcript among news stories) from borrowing their lower one. A
    second simulation (152 settings, 20,000 corpora each): the larger of the two gave 0.2-6.2%
    false "clear" where the own gave 1.4-18.6% and the pooled alone 8-17% with one text more
    alike than the rest. Its price: a plain text among texts more alike is doubted as much.
    Without the summaries (a table of an older run) the document's own interval is used."""
    mean, low, high, size, sd, lag1, n = (doc.get(c) for c in SERIAL_COLUMNS[measure])
    own = corrected_correlation(float(lag1), [float(n)]) if finite(lag1) and finite(n) else 0.0
    # the table's own interval as it is unless the pooled correlation is the larger (rebuilt
    # from its six-digit sd and correlation it could differ in the sixth decimal)
    if finite(mean) and finite(n) and finite(sd) and pooled > own:
        low, high, size = summary_interval(
            float(mean), float(n), float(sd), pooled, confidence=confidence
        )
        if finite(low):
            low, high = max(bounds[0], low), min(bounds[1], high)
    if not (finite(low) and finite(high) and low < high):
        return math.nan, math.nan, size if finite(size) else math.nan
    low, high = widened_for_extreme(
        mean, low, high, n_docs, confidence=confidence, effective_n=size, bounds=bounds
    )
    return low, high, size


def frame_sums(rows: Any, body: Mapping[str, int]) -> tuple[float, float, float, int]:
    """:func:`pipeline.serial_stats.pooled_sums` of the frame indicators of ``rows`` of
    frames.csv (``lag1``, ``n_sentences``: one per document and frame) of the documents in
    ``body`` (doc_id -> body sentences) with MIN_INTERVAL_SENTENCES or more, the indicator's sd
    being ``sqrt(p (1 - p) n / (n - 1))``: a frame's sentences come in runs, and
    :func:`pipeline.serial_stats.alike_of_sums` of these is their correlation of neighbours
    pooled (``(0, 0, 0, 0)``, so 0, when frames.csv has no ``lag1``)."""
    if "lag1" not in getattr(rows, "columns", ()):
        return pooled_sums((), (), ())
    sizes, sds, lags = [], [], []
    # lists: iterating a pandas column boxes each value (30,000 rows at 2,000 documents)
    for doc_id, k, lag in zip(rows["doc_id"].astype(str).tolist(), rows["n_sentences"].tolist(),
                              rows["lag1"].tolist(), strict=True):  # fmt: skip
        n = body.get(doc_id)
        if n is None or n < 2 or not (finite(k) and finite(lag)):
            continue
        if not (float(k).is_integer() and 0 <= k <= n):
            continue  # frames.csv and documents.csv out of step (frame_sentence_counts' rule)
        p = k / n
        sizes.append(float(n))
        sds.append(math.sqrt(p * (1 - p) * n / (n - 1)))
        lags.append(float(lag))
    return pooled_sums(sizes, sds, lags, min_size=MIN_INTERVAL_SENTENCES)


def frame_dispersion_sums(
    cells: Mapping[tuple[str, str], tuple[float, int]],
) -> tuple[float, int]:
    """The (chi-squared, degrees of freedom) of rows of frames.csv (:func:`frame_dispersion_cells`)
    added up, as :func:`pipeline.serial_stats.dispersion_sums` adds those of several series."""
    return sum(chi for chi, _ in cells.values()), sum(df for _, df in cells.values())


def frame_dispersion_cells(
    rows: Any, body: Mapping[str, int]
) -> dict[tuple[str, str], tuple[float, int]]:
    """(doc_id, frame) -> :func:`pipeline.serial_stats.dispersion_sums` of that row of
    frames.csv (its ``disp5`` and its document's body sentences in ``body``). A row without one
    (a share of 0 or 1, a count out of step with documents.csv) or of a text under
    MIN_INTERVAL_SENTENCES (as in frames.csv's share interval and the correlation of
    neighbours, :func:`frame_sums`) takes no part; a table of an older run, without the
    column, gives none: no dispersion is shown and the frame items count runs by the lag-1
    correlation alone, as before. Two rows of one (doc_id, frame) add up, as
    :func:`frame_sums` counts both."""
    column = DISPERSION_SUMMARY
    if column not in getattr(rows, "columns", ()):
        return {}
    # numpy over the rows (a top-of-many item reads a frame's rows of 20,000 documents)
    doc_ids = rows["doc_id"].astype(str).to_numpy()
    n = np.array([body.get(d, math.nan) for d in doc_ids], dtype=np.float64)
    k, value = (_numbers(rows[c]) for c in ("n_sentences", column))
    chi, df = dispersion_cells(n, value, min_size=MIN_INTERVAL_SENTENCES)
    with np.errstate(invalid="ignore"):
        ok = (df > 0) & (k == np.floor(k)) & (k >= 0) & (k <= n)
    frames = rows["frame"].astype(str).to_numpy()
    cells: dict[tuple[str, str], tuple[float, int]] = {}
    for key in zip(doc_ids[ok], frames[ok], chi[ok].tolist(), df[ok].astype(int).tolist(),
                   strict=True):  # fmt: skip
        c, g = cells.get(key[:2], (0.0, 0))
        cells[key[:2]] = (c + key[2], g + key[3])
    return cells


def _numbers(column: Any) -> np.ndarray:
    """A table's column as floats, NaN where a cell is no number."""
    import pandas as pd

    return pd.to_numeric(column, errors="coerce").to_numpy(dtype=np.float64)
