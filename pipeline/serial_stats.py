"""Means of values in a sequence whose neighbours are alike (a text's sentences share a topic
and a tone): the lag-1 autocorrelation, the effective number of independent values, and a
document's t interval of its mean sentence score that allows for them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

MIN_INTERVAL_SENTENCES = 10  # fewer: a document's own r rests on under 9 pairs of neighbours
FLESCH_CONFIDENCE = 0.95  # the level of documents.csv's flesch_ci_low and flesch_ci_high
# below this worth in independent values the t quantile (12.7 at one degree of freedom) makes
# the interval span the scale: none is given (a statistician's simulation of the Flesch interval)
MIN_EFFECTIVE_SIZE = 3.0


MAX_ALIKE = 0.9  # the largest lag-1 correlation used (a higher estimate is mostly noise)


def lag1_autocorrelation(series: Sequence[np.ndarray]) -> float:
    """The lag-1 autocorrelation of one or more series pooled, each centred on its own mean:
    ``sum((x_t - m)(x_t+1 - m)) / sum((x_t - m)^2)`` over all of them; NaN without a series
    of three values or without spread."""
    lagged = total = 0.0
    for x in series:
        x = np.asarray(x, dtype=np.float64)
        if x.size >= 3:
            d = x - x.mean()
            lagged, total = lagged + float(d[:-1] @ d[1:]), total + float(d @ d)
    return lagged / total if total > 0 else math.nan


def alike_correlation(series: Sequence[np.ndarray]) -> float:
    """The correlation of neighbouring values that the series share, for :func:`effective_size`:
    their pooled lag-1 autocorrelation corrected for its bias in short series, ``(r + 1/m) /
    (1 - 3/m)`` with ``m`` their mean length, kept within 0 and MAX_ALIKE (0 for series of
    three values or fewer on average), ``m`` over the series that give r (three values or more,
    with spread: a text without a single hedge says nothing of how hedges follow each other).
    Pooled, because one document's 23 sentences give r within about 0.2 of the truth;
    corrected, because r is about -1/m for independent values.

    References: Kendall (1954), Biometrika 41:403-404 (the bias of r); simulations of the
    statistician's review of 2026-12-05: with 10 to 60 sentences a document and a true
    correlation of 0 to 0.5, Welch's interval with this correction was "clear" 3.4-7.6% of the
    time at a nominal 5% (plain Welch: 14-26% at 0.3-0.5).
    """
    # the bias is that of the series that give r: one without spread takes no part
    lengths = [x.size for x in map(np.asarray, series) if x.size >= 3 and np.ptp(x) > 0]
    return corrected_correlation(lag1_autocorrelation(series), lengths)


def corrected_correlation(r: float, lengths: Sequence[float]) -> float:
    """The pooled lag-1 autocorrelation ``r`` of series of ``lengths`` corrected for its bias
    and kept within 0 and MAX_ALIKE, as :func:`alike_correlation` does."""
    m = float(np.mean(lengths)) if len(lengths) else 0.0
    if m <= 3 or not math.isfinite(r):
        return 0.0
    return min(MAX_ALIKE, max(0.0, (r + 1 / m) / (1 - 3 / m)))


def pooled_alike_correlation(
    sizes: Sequence[float], sds: Sequence[float], lag1s: Sequence[float], *, min_size: float = 0
) -> float:
    """:func:`alike_correlation` of series known by their summaries alone (documents.csv's):
    each one's length, standard deviation (ddof 1) and own :func:`lag1_autocorrelation`. Exact,
    since a series' centred sum of squares is ``(n - 1) s^2`` and its lagged sum ``r`` times
    that; a series without a finite r (under three values, or no spread) takes no part, as
    there (an audit: texts without a single hedge had lengthened the mean length and so
    weakened the correction, 0.178 to 0.058 with one text of 300 sentences). Series shorter
    than ``min_size`` take no part either: the report pools texts of MIN_INTERVAL_SENTENCES or
    more, as shorter ones add little to the sums but pull the mean length down, and the bias
    correction then over-corrects (a statistician's simulation: a pooled 0.63-0.64 for a true
    0.6 with them, 0.60 without)."""
    return alike_of_sums(*pooled_sums(sizes, sds, lag1s, min_size=min_size))


def pooled_sums(
    sizes: Sequence[float], sds: Sequence[float], lag1s: Sequence[float], *, min_size: float = 0
) -> tuple[float, float, float, int]:
    """What :func:`pooled_alike_correlation` adds up over the series that take part: their
    lagged sums, their centred sums of squares, their lengths and their number. The sums of two
    sets of series are those of the two added (the report pools groups of documents so)."""
    lagged = total = length = 0.0
    count = 0
    for n, sd, r in zip(sizes, sds, lag1s, strict=True):
        if n >= max(min_size, 3) and math.isfinite(sd) and sd > 0 and math.isfinite(r):
            square = (n - 1) * sd * sd
            lagged, total = lagged + r * square, total + square
            length, count = length + n, count + 1
    return lagged, total, length, count


def alike_of_sums(lagged: float, total: float, length: float, count: int) -> float:
    """:func:`pooled_alike_correlation` from :func:`pooled_sums`."""
    r = lagged / total if total > 0 else math.nan
    return corrected_correlation(r, [length / count] if count else [])


RUN_WINDOW = 5  # sentences a window of documents.csv's <rate>_disp5 (DISPERSION_SUMMARY) holds
# the name of that summary: ``<rate>_disp5``; it changes with RUN_WINDOW
DISPERSION_SUMMARY = f"disp{RUN_WINDOW}"
# a window dispersion counts only when a chi-squared test at this nominal level shows it (two
# texts of 40 sentences, 14 degrees of freedom: from 2.08; below, mostly noise; with a few
# markers the statistic is discrete and the test fires 1.5-2.8% of the time, a reviewer's
# simulation). A statistician's simulation (README, the rate items): with every dispersion
# counted, an excess of figures scattered through a text was found 7-9 points less often than
# with the lag-1 correlation alone; at 5%, 3-5 points; at 1%, 1-2
RUN_EVIDENCE = 0.01


def window_edges(n: int, width: int = RUN_WINDOW) -> list[int]:
    """Where the windows of :func:`window_dispersion` of ``n`` values start, then ``n``:
    ``max(2, n // width)`` windows of nearly equal size, the longer ones first (as
    ``np.array_split``: 6 values are 3 + 3, 14 are 7 + 7, 23 are 6 + 6 + 6 + 5); none (``[]``)
    for ``width`` values or fewer. Equal sizes, because a window of 1 to 4 values beside one of
    5 (the remainder on its own) made a marker in a text's last sentence weigh more than one in
    its first (a reviewer's example: ``[0, 0, 0, 0, 1, 3]`` and ``[3, 1, 0, 0, 0, 0]``, 9.8 and
    0.8)."""
    if n <= width:
        return []
    m = max(2, n // width)
    size, longer = divmod(n, m)
    return [i * size + min(i, longer) for i in range(m)] + [n]


def window_degrees(n: Any, width: int = RUN_WINDOW) -> Any:
    """The degrees of freedom of :func:`window_dispersion` of ``n`` values: its windows less one
    (0 without two windows), ``len(window_edges(n)) - 2``. ``n`` a number (an int then) or a
    numpy array of them (floats of whole numbers then, 0 where ``n`` is NaN)."""
    if np.ndim(n) == 0:
        n = int(n)
        return max(2, n // width) - 1 if n > width else 0
    n = np.floor(np.asarray(n, dtype=np.float64))
    with np.errstate(invalid="ignore"):
        return np.where(n > width, np.maximum(2.0, n // width) - 1, 0.0)


def window_dispersion(values: Sequence[float], width: int = RUN_WINDOW) -> float:
    """Pearson's dispersion of counts in text order: their sums over consecutive windows of
    about ``width`` (:func:`window_edges`) against those the series' own rate per value gives
    each window, ``sum((s - e)^2 / e) / (windows - 1)``. About 1 for counts that fall
    independently of each other at one rate per value (Poisson; given the total, Pearson's
    statistic has the expectation ``windows - 1`` whatever the windows' sizes); above 1 when
    they come several to a value or in runs of up to about ``width`` (the variance inflation of
    a window's sum, and so of the series' sum). NaN without two windows or without a count.

    The expectation is per value (a sentence), not per word: markers that fall independently
    per word in sentences of unequal length come out slightly over-dispersed (a reviewer's
    simulation: about 1.01-1.04 at 0.02 markers a word, 1.08-1.13 at 0.1), a conservative bias.

    The lag-1 correlation sees runs one value deep: counts that follow a rate that changes in
    spells (a list, a table of figures, questions and answers) have a small lag-1 correlation
    (0.2-0.4) but a variance of their sum 3-12 times Poisson's (a statistician's simulation).
    Reference: Cochran (1954), Biometrics 10:417-451 (the dispersion test)."""
    x = np.asarray(values, dtype=np.float64)
    edges = window_edges(x.size, width)
    total = math.fsum(x)
    if not edges or not total > 0:
        return math.nan
    sums = np.add.reduceat(x, edges[:-1])
    expected = total * np.diff(edges) / x.size
    # fsum: the value does not depend on numpy's order of summation
    return math.fsum(((sums - expected) ** 2 / expected).tolist()) / (len(edges) - 2)


def indicator_dispersion(values: Sequence[float], width: int = RUN_WINDOW) -> float:
    """:func:`window_dispersion` of a 0/1 series (a frame's sentence indicator): Pearson's
    chi-squared of the windows' sums around the series' own share ``p`` with a binomial
    variance ``m p (1 - p)`` for a window of ``m`` values (the 2 x windows table's, so
    :func:`window_dispersion` over ``1 - p``) times ``(n - 1) / n``, over the windows less
    one. Given the count, a series of independent values has the expectation 1 exactly (the
    plain statistic's is ``n / (n - 1)``, Haldane 1940); above 1 when the ones come in runs
    of up to about ``width`` or longer (the variance inflation of the series' count). NaN
    without two windows or without spread (all 0 or all 1). The reference definition of
    frames.csv's ``disp5``, which :func:`pipeline.frame_runs.indicator_runs` computes from
    counts over 20,000 documents at once (the tests hold the two equal); nothing in the
    pipeline calls this one.

    References: Haldane (1940), Biometrika 31:346-355 (the mean of the statistic given the
    margins); Cochran (1954), Biometrics 10:417-451."""
    x = np.asarray(values, dtype=np.float64)
    p = math.fsum(x) / x.size if x.size else math.nan
    if not 0 < p < 1:
        return math.nan
    return window_dispersion(x, width) / (1 - p) * (x.size - 1) / x.size


def dispersion_sums(sizes: Sequence[float], dispersions: Sequence[float]) -> tuple[float, int]:
    """(chi-squared, degrees of freedom) of series known by their length and
    :func:`window_dispersion` (documents.csv's ``n_sentences`` and ``<rate>_disp5``), those with
    a finite one: the sums of two sets of series are those of the two added. The
    chi-squared is recovered to the precision of the stored dispersion (documents.csv's six
    significant digits: 10.737501 for 10.7375), the degrees of freedom exactly."""
    chi, df = dispersion_cells(sizes, dispersions)
    total = 0.0
    for x in chi.tolist():  # in order, one at a time: the very sums of the series added up
        total += x
    return total, int(df.sum())


def dispersion_cells(sizes: Any, dispersions: Any, *, min_size: int = 0) -> tuple[Any, Any]:
    """Each series' (chi-squared, degrees of freedom) of its length in ``sizes`` and its
    :func:`window_dispersion` in ``dispersions`` (numpy arrays, broadcast): ``dispersion x
    window_degrees(size)`` and :func:`window_degrees`, both 0 for a series without a finite
    dispersion of 0 or more, without two windows or under ``min_size`` values (the frame
    items' MIN_INTERVAL_SENTENCES). :func:`dispersion_sums` adds them up."""
    n = np.asarray(sizes, dtype=np.float64)
    disp = np.asarray(dispersions, dtype=np.float64)
    if n.ndim < disp.ndim:  # one size a row of a table of series
        n = n.reshape(n.shape + (1,) * (disp.ndim - n.ndim))
    degrees = window_degrees(n)
    with np.errstate(invalid="ignore"):
        part = np.isfinite(n) & np.isfinite(disp) & (disp >= 0) & (degrees > 0) & (n >= min_size)
    return np.where(part, disp * degrees, 0.0), np.where(part, degrees, 0.0)


def dispersion_of_sums(chi: Any, df: Any, *, level: float = RUN_EVIDENCE) -> Any:
    """The variance inflation :func:`dispersion_sums` show: ``chi / df`` when the dispersion test
    at ``level`` finds more spread than independent counts have (``chi`` above the chi-squared
    quantile 1 - level at ``df``), otherwise 1 (as without windows). ``chi`` and ``df`` may be
    numpy arrays (a frames.csv cell each): an array of the same shape then."""
    from scipy.special import chdtri  # the quantile of an upper tail, without scipy.stats

    chi, df = np.asarray(chi, dtype=np.float64), np.asarray(df, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        shown = (df > 0) & (chi > chdtri(np.maximum(df, 1.0), level))
        out = np.where(shown, chi / np.where(shown, df, 1.0), 1.0)
    return float(out) if out.ndim == 0 else out


def design_effect(alike: Any, *dispersions: Any) -> Any:
    """How many times a count's variance is that of independent markers: the largest of the
    AR(1) inflation ``(1 + r) / (1 - r)`` of the correlation of neighbours ``alike`` and the
    window ``dispersions`` (:func:`dispersion_of_sums`), never under 1, a NaN passed over.
    Numbers or numpy arrays (an array, broadcast, when one of them is)."""
    numbers = (alike, *dispersions)
    if all(isinstance(x, int | float) for x in numbers):  # no numpy: a report sums 20,000
        # 1.0 first: a NaN is never the larger and is passed over, as np.fmax does below
        return max(1.0, (1 + alike) / (1 - alike), *dispersions)
    alike = np.asarray(alike, dtype=np.float64)
    out = np.fmax.reduce(
        np.broadcast_arrays(1.0, (1 + alike) / (1 - alike), *map(np.asarray, dispersions))
    )
    return float(out) if out.ndim == 0 else out


def design_worth(n: Any, alike: Any, deff: Any) -> Any:
    """How many independent values ``n`` values are worth for their mean when its variance is
    ``deff`` times theirs (:func:`design_effect` of ``alike`` and window dispersions): ``n /
    deff`` within ``n`` and 2, so 2 (over ``n``) for ``n`` under 2, as :func:`effective_size`
    (callers that count sentences take ``min(n, ...)``); :func:`effective_size` itself (the very
    number) when ``deff`` is no more than the AR(1) inflation of ``alike``, so that a table
    without window dispersions gives what it gave before them. Numbers or numpy arrays (an
    array, broadcast, when one of them is: a cell each, the same numbers)."""
    if all(isinstance(x, int | float) for x in (n, alike, deff)):
        if not deff > design_effect(alike):
            return effective_size(n, alike)
        return max(2.0, min(float(n), n / deff))
    n, alike, deff = np.broadcast_arrays(
        *(np.asarray(x, dtype=np.float64) for x in (n, alike, deff))
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        # fmax and fmin pass over a NaN as max and min of numbers do after a number
        plain = np.fmax(2.0, np.fmin(n, n * (1 - alike) / (1 + alike)))
        runs = np.fmax(2.0, np.fmin(n, n / deff))
    out = np.where(deff > design_effect(alike), runs, plain)
    return float(out) if out.ndim == 0 else out


def effective_size(n: int, r: float) -> float:
    """How many independent values ``n`` neighbouring values with lag-1 correlation ``r`` are
    worth for their mean: ``n (1 - r) / (1 + r)`` (the variance inflation of an AR(1) series)
    within ``n`` and 2 (so 2 for ``n`` under 2).

    Sentences next to each other share a topic and a tone: with r = 0.3, Welch's interval
    treating them as independent is "clear" about three times as often as it should be.
    References: Wilks (2011), Statistical Methods in the Atmospheric Sciences, 3rd ed., 5.2.4;
    Bretherton et al. (1999), J. Climate 12:1990-2009.
    """
    return max(2.0, min(float(n), n * (1 - r) / (1 + r)))


def serial_mean_interval(
    values: Sequence[float], *, confidence: float
) -> tuple[float, float, float]:
    """(low, high, effective size) of the mean of ``values`` in text order: the t interval
    ``mean ± t(ne - 1) s / sqrt(ne)`` with ``ne`` = :func:`effective_size` of the values' own
    :func:`alike_correlation`, the one-document form of the report's Welch interval. NaNs for
    the interval (the size kept) below MIN_INTERVAL_SENTENCES values, below a worth of
    MIN_EFFECTIVE_SIZE independent ones, or without spread.

    A statistician's simulations of 2026-12-05 (AR(1) sentence scores, r = 0 to 0.6, 10 to 200
    sentences): the percentile bootstrap that resampled sentences as independent covered the
    mean 54-67% of the time at a nominal 95% with r = 0.6 (79-90% at r = 0 below 20 sentences);
    moving-block bootstraps 44-89%; this interval at least 86% from 10 sentences and at least
    89% from 20, slightly over 95% at r = 0. References: Wilks (2011), 5.2.4; Kendall (1954).
    """
    x = np.asarray(values, dtype=np.float64)
    n = x.size
    mean = math.fsum(x) / n if n else math.nan
    if n < 2 or np.ptp(x) == 0:  # all alike: no spread (a sd of 1e-16 from rounding is none)
        return summary_interval(mean, n, 0.0, 0.0, confidence=confidence)
    sd = float(x.std(ddof=1))
    return summary_interval(mean, n, sd, alike_correlation([x]), confidence=confidence)


def serial_summary(values: Sequence[float]) -> tuple[float, float]:
    """(standard deviation with ddof 1, own :func:`lag1_autocorrelation`) of ``values`` in text
    order: with their count, what :func:`pooled_alike_correlation` needs of a document. NaNs
    below two values (the sd) or three (the correlation); without spread the sd is 0 and the
    correlation NaN."""
    x = np.asarray(values, dtype=np.float64)
    if x.size >= 2 and np.ptp(x) == 0:  # all alike: a sd of 1e-17 from rounding is none
        return 0.0, math.nan
    sd = float(x.std(ddof=1)) if x.size >= 2 else math.nan
    return sd, (lag1_autocorrelation([x]) if x.size >= 3 else math.nan)


def summary_interval(
    mean: float, n: float, sd: float, alike: float, *, confidence: float
) -> tuple[float, float, float]:
    """(low, high, effective size) of :func:`serial_mean_interval` from a series' summaries: its
    mean, length ``n``, standard deviation ``sd`` and the correlation of neighbours ``alike``
    (already corrected, :func:`alike_correlation`), so that the report can give a document's
    interval with a correlation pooled over the corpus. NaNs for the interval as there."""
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence!r}")
    if not n >= 1:
        return math.nan, math.nan, math.nan
    if n < 2 or not sd > 0:
        return math.nan, math.nan, float(n)
    ne = effective_size(n, alike)
    if n < MIN_INTERVAL_SENTENCES or ne < MIN_EFFECTIVE_SIZE:
        return math.nan, math.nan, ne
    half = t_quantile(ne - 1, confidence) * sd / math.sqrt(ne)
    return mean - half, mean + half, ne


def t_quantile(df: float, confidence: float) -> float:
    """The two-sided ``confidence`` quantile of Student's t with ``df`` degrees of freedom."""
    from scipy.special import stdtrit  # without scipy.stats' import (0.6 s)

    return float(stdtrit(df, 1 - (1 - confidence) / 2))
