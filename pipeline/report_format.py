"""Values for the report page: number formatting and the cells of the summary table."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


def finite(value: Any) -> bool:
    """True for a real, finite number."""
    if type(value) is float or type(value) is int:  # the common cases (to_dict's floats and
        return math.isfinite(value)  # ints), without the slower abstract-class check
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def has_spread(low: Any, high: Any) -> bool:
    """True for an interval of two finite ends apart. A bootstrap of values that are all the
    same (sentences that all score 0) gives a zero-width one, which only says that the sample
    has no variation to resample, not that the value is certain."""
    return finite(low) and finite(high) and low < high


def fmt(value: Any, digits: int = 1) -> str:
    """A number for the page: fixed decimals, a true minus sign, "–" when missing."""
    if not finite(value):
        return "–"
    text = f"{value:,.{digits}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # -0.00 -> 0.00
    return text.replace("-", "−")


def percent_digits(shares: Any, digits: int = 0) -> int:
    """``digits``, or up to two more decimals, so that no share of ``shares`` (fractions) that
    is not 0 reads as 0% (1 of 353 sentences is 0.3%, not 0%)."""
    for more in range(digits, max(digits, 2) + 1):
        if not any(v and round(100 * v, more) == 0 for v in shares if finite(v)):
            return more
    return max(digits, 2)


def fmt_percent(share: Any, digits: int) -> str:
    """A share (fraction) in percent with ``digits`` decimals; "<0.01" for one that is not 0
    but would read as 0 with two (1 in 100,000)."""
    if finite(share) and share > 0 and round(100 * share, max(digits, 2)) == 0:
        return "<0.01"
    return fmt(100 * share, digits)


def fmt_int(value: Any) -> str:
    """An integer count with thousands separators, "–" when missing."""
    return f"{round(value):,}" if finite(value) else "–"


def fmt_q(value: Any) -> str:
    """A q- or p-value: 3 significant digits, small values in scientific notation."""
    if not finite(value):
        return "–"
    return f"{value:.2e}" if value < 0.001 else f"{value:.3f}"


@dataclass(frozen=True)
class Metric:
    """One row of the summary table: how to read it from documents.csv and how to show it."""

    key: str
    label: str
    columns: tuple[str, ...]
    help: str


def rate_count(rate: Any, n_words: Any) -> int | None:
    """The count behind a rate per 1,000 words."""
    if not (finite(rate) and finite(n_words)):
        return None
    return round(rate * n_words / 1000.0)


def metric_cell(metric: Metric, row: Mapping[str, Any]) -> str:
    """The text of one summary cell."""
    get = row.get
    if metric.key == "sentiment":
        mean, low, high = (get(c) for c in metric.columns)
        if not finite(mean):
            return "–"
        ci = f" [{fmt(low, 2)}, {fmt(high, 2)}]" if has_spread(low, high) else ""
        return f"{fmt(mean, 2)}{ci}"
    if metric.key == "tone":
        pos, neg = get("share_positive"), get("share_negative")
        if not (finite(pos) and finite(neg)):
            return "–"
        return f"{fmt(100 * pos, 0)}% / {fmt(100 * neg, 0)}%"
    if metric.key.endswith("_per_1k"):
        count = rate_count(get(metric.key), get("n_words"))
        return "–" if count is None else f"{fmt(get(metric.key))} ({count})"
    if metric.key == "figures":
        total, named, vague, none = (get(c) for c in metric.columns)
        return f"{fmt_int(total)} ({fmt_int(named)} / {fmt_int(vague)} / {fmt_int(none)})"
    if metric.key == "flesch":  # with its interval when documents.csv has one
        low, high = get("flesch_ci_low"), get("flesch_ci_high")
        ci = f" [{fmt(low)}, {fmt(high)}]" if finite(get(metric.columns[0])) and has_spread(
            low, high
        ) else ""  # fmt: skip
        return fmt(get(metric.columns[0])) + ci
    if metric.key == "grade":
        return fmt(get(metric.columns[0]))
    return fmt_int(get(metric.columns[0]))


def level_text(confidence: float) -> str:
    """A confidence level as the report writes it: 0.95 -> "95%", 0.975 -> "97.5%"."""
    return f"{100 * confidence:g}%"
