"""Keyness statistics on count arrays: G2 and its p-value, the exact p-value, log ratio, log-odds
z, BH q-values."""

from __future__ import annotations

import numpy as np

ZERO_COUNT = 0.5


def g2_statistic(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Unsigned log-likelihood G2 = 2 (a ln(a/E1) + b ln(b/E2)), 0 ln 0 = 0.

    References: Dunning (1993); Rayson & Garside (2000), two-cell form with E1 = c(a+b)/(c+d).
    """
    from scipy.special import xlogy

    a, b, c, d = (np.asarray(x, dtype=np.float64) for x in (a, b, c, d))
    total = a + b
    with np.errstate(divide="ignore", invalid="ignore"):
        e1 = c * total / (c + d)
        e2 = d * total / (c + d)
        g2 = 2.0 * (xlogy(a, a / e1) + xlogy(b, b / e2))  # xlogy(0, .) = 0
    return np.maximum(np.nan_to_num(g2, nan=0.0), 0.0)


def g2_p_value(g2: np.ndarray) -> np.ndarray:
    """Upper tail of chi-square with 1 df: ``chi2.sf(g2, 1) == erfc(sqrt(g2 / 2))``, computed so."""
    from scipy.special import erfc

    return erfc(np.sqrt(np.asarray(g2, dtype=np.float64) / 2.0))


def exact_p_value(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Two-sided exact p-value of the conditional test of equal rates: given a term's ``a + b``
    occurrences, its count in the target is Binomial(a + b, c / (c + d)) when both sides use
    it at one rate; p is twice the smaller tail, at most 1 (the test the Clopper-Pearson
    interval inverts). Exact at any count, where G2's chi-square p is rough below 5 expected
    occurrences, and there too small: 5 against 0 in texts of 231 and 355 terms gives
    chi-square 0.0023, exact 0.019. NaN where a side has no terms.

    References: Lehmann & Romano (2005), Testing Statistical Hypotheses, 3rd ed., 4.6 (two
    Poisson rates); Clopper & Pearson (1934).
    """
    from scipy.special import betainc

    a, b, c, d = (np.asarray(x, dtype=np.float64) for x in (a, b, c, d))
    n = a + b
    with np.errstate(divide="ignore", invalid="ignore"):
        share, rest = c / (c + d), d / (c + d)  # not 1 - share: exact when c >> d
        # P(X <= a) = I_rest(n - a, a + 1); P(X >= a) = I_share(a, n - a + 1)
        below = np.where(a >= n, 1.0, betainc(np.maximum(n - a, 1.0), a + 1, rest))
        above = np.where(a <= 0, 1.0, betainc(np.maximum(a, 1.0), n - a + 1, share))
    p = np.minimum(1.0, 2.0 * np.minimum(below, above))
    return np.where((c > 0) & (d > 0), p, np.nan)


def direction(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """+1 where the target's relative frequency is higher, -1 where lower, 0 where equal."""
    return np.sign(np.asarray(a, float) * np.asarray(d, float) - np.asarray(b, float) * c)


def log_ratio(
    a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray, *, zero: float = ZERO_COUNT
) -> np.ndarray:
    """Binary log of the ratio of relative frequencies; a zero count counts as ``zero``.

    NaN where that stand-in reverses or erases the observed direction: 0 in a 75-term text
    against 3 in 10,000 would read as 4.5, "22 times as frequent in the text that lacks the
    term", and 0 in 900 against 5 in 9,000 as 0, "equally frequent". A short text's zero is
    too little evidence for a size of the difference.

    References: Hardie (2014), "Log Ratio: an informal introduction" (CASS, Lancaster).
    """
    a, b, c, d = (np.asarray(x, dtype=np.float64) for x in (a, b, c, d))
    ratio = np.log2((np.where(a > 0, a, zero) / c) / (np.where(b > 0, b, zero) / d))
    reversed_ = ((a == 0) & (ratio >= 0)) | ((b == 0) & (ratio <= 0))
    return np.where(reversed_, np.nan, ratio)


def log_odds_z(
    a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray, *, prior_scale: float = 1.0
) -> np.ndarray:
    """z-score of the log-odds ratio with an informative Dirichlet prior (alpha_w, alpha_0).

    delta = ln((a+aw)/(c+a0-a-aw)) - ln((b+aw)/(d+a0-b-aw)), var = 1/(a+aw) + 1/(b+aw), with
    the prior the two sides' pooled counts: aw = prior_scale (a+b), a0 = prior_scale (c+d).
    Each side's estimate then lies between its own rate and the pooled one, so z has the sign
    of the difference of the rates. (A prior from a larger corpus than the two sides, such as
    all documents when two of five are compared, can reverse it: z would compare counts.)
    References: Monroe, Colaresi & Quinn (2008), "Fightin' Words", Political Analysis 16(4).
    """
    a, b, c, d = (np.asarray(x, dtype=np.float64) for x in (a, b, c, d))
    aw, a0 = prior_scale * (a + b), prior_scale * (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((a + aw) / (c + a0 - a - aw)) - np.log((b + aw) / (d + a0 - b - aw))
        return delta / np.sqrt(1.0 / (a + aw) + 1.0 / (b + aw))


def bh_q_values(p_values: np.ndarray, *, axis: int = -1) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (scipy.stats.false_discovery_control).

    References: Benjamini & Hochberg (1995), J. R. Stat. Soc. B 57(1).
    """
    from scipy.stats import false_discovery_control

    p = np.asarray(p_values, dtype=np.float64)
    if p.size == 0:
        return p.copy()
    return false_discovery_control(p, axis=axis, method="bh")
