"""Sentiment plots: the arc of each document and actor-by-document sentiment with CIs."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.corpus import groups_in_turn, in_turn_note
from pipeline.plotting import pyplot, save_figure, set_title
from pipeline.sentiment_vader import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD

# Blue/orange as in the HTML report (report.css --pos/--neg), strong enough for bars, and
# told apart with any of the common colour-vision deficiencies (ColorBrewer RdBu/PuOr ends).
POSITIVE_COLOR = "#2166ac"
NEGATIVE_COLOR = "#e66101"
NEUTRAL_COLOR = "#9e9e9e"
HEADING_COLOR = "#555555"  # not blue: the headings' dotted lines must not read as positive
X_LIMIT = 1.05  # compound axis of the actor chart: -X_LIMIT..X_LIMIT
N_LABEL_ROOM = 0.2  # data units beside an interval kept for its "n=" label (about 30 pt)
ROW_PITCH = 0.12  # inches at least between two documents' rows of the actor chart (8.6 pt)
MAX_LABEL_CHARS = 40
ARC_COLUMNS = ("doc_id", "sent_id", "is_heading", "compound")  # of the sentences table


def as_bool(values: Any) -> np.ndarray:
    """A boolean array from bools, 0/1 or their CSV spellings ("0", "1", "True", "false")."""
    out = []
    for v in values:
        if isinstance(v, str):
            out.append(v.strip().lower() in ("1", "true", "yes"))
        else:
            out.append(bool(v) and not (isinstance(v, float) and math.isnan(v)))
    return np.asarray(out, dtype=bool)


def short_label(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def rolling_mean(values: np.ndarray, *, window: int) -> np.ndarray:
    """Centred moving average; near the ends it averages over the values that exist.

    Value ``i`` is the mean of the values at positions ``i - window // 2`` to
    ``i + (window - 1) // 2`` that exist, for a series of any length, also one shorter than
    the window. An odd window is symmetric; an even one reaches one value further back than
    forward (the alignment of ``np.convolve(mode="same")``).
    """
    if window < 1:
        raise ValueError(f"window must be >= 1, got {window}")
    if values.size == 0:
        return values.astype(float)
    kernel = np.ones(window)
    # "full" sum k covers values[k - window + 1 .. k]; from k = i + after it is i's window
    after = (window - 1) // 2
    sums = np.convolve(values, kernel, mode="full")[after : after + values.size]
    counts = np.convolve(np.ones(values.size), kernel, mode="full")[after : after + values.size]
    return sums / counts


def bar_corners(x: np.ndarray, height: np.ndarray, *, width: float) -> np.ndarray:
    """Corners (N, 4, 2) of bars centred on ``x`` from 0 to ``height``, as ``Axes.bar`` draws."""
    x0 = x - width / 2
    x1 = x0 + width
    y1 = np.asarray(height, dtype=float)
    y0 = np.zeros_like(y1)
    return np.stack([np.stack(xy, axis=1) for xy in ((x0, y0), (x0, y1), (x1, y1), (x1, y0))], 1)


def color_of(compound: float) -> str:
    """Bar colour by VADER's label thresholds."""
    if compound >= POSITIVE_THRESHOLD:
        return POSITIVE_COLOR
    if compound <= NEGATIVE_THRESHOLD:
        return NEGATIVE_COLOR
    return NEUTRAL_COLOR


def plot_sentiment_arc(
    sentences_df: Any,
    png: str | Path,
    svg: str | Path | None = None,
    *,
    max_documents: int = 12,
    window: int = 5,
    groups: Mapping[str, str] | None = None,
) -> list[str]:
    """Compound score by sentence position, one panel per document (first ``max_documents``
    doc_ids in sorted order; with ``groups``, doc_id -> label, a document of each group in
    turn, :func:`pipeline.corpus.groups_in_turn`), with a rolling mean over body sentences and
    headings marked.

    Returns the doc_ids shown.
    """
    if max_documents < 1:
        raise ValueError(f"max_documents must be >= 1, got {max_documents}")
    missing = set(ARC_COLUMNS) - set(sentences_df.columns)
    if missing:
        raise ValueError(f"sentences table lacks column(s) {sorted(missing)}")
    plt = pyplot()
    from matplotlib.collections import PolyCollection  # one artist for all bars of a panel
    from matplotlib.ticker import MaxNLocator  # sentence positions are whole numbers

    ids = sentences_df["doc_id"].astype(str)
    doc_ids = sorted(ids.unique())
    shown = groups_in_turn(doc_ids, groups, max_documents)
    n = max(1, len(shown))
    ncols = 1 if n <= 4 else 2
    nrows = math.ceil(n / ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(7.5 * ncols, 1.9 * nrows + 0.8), sharey=True, squeeze=False
    )
    drawn = ids.isin(shown).to_numpy()  # only the rows drawn; positional, as the index may repeat
    frame = sentences_df[drawn].assign(doc_id=ids[drawn].to_numpy())
    for ax, doc_id in zip(axes.flat, shown, strict=False):
        doc = frame[frame["doc_id"] == doc_id].sort_values("sent_id", kind="stable")
        compound = doc["compound"].astype(float).to_numpy()
        heading = as_bool(doc["is_heading"])
        pos = np.arange(1, compound.size + 1)
        ax.add_collection(
            PolyCollection(bar_corners(pos, compound, width=0.8), linewidths=0,
                           facecolors=[color_of(c) for c in compound])
        )  # fmt: skip
        body = ~heading
        if body.any():
            ax.plot(pos[body], rolling_mean(compound[body], window=window), color="black", lw=1.3)
        for x in pos[heading]:
            ax.axvline(x, color=HEADING_COLOR, lw=0.8, ls=":")
        if heading.any():
            ax.plot(pos[heading], np.full(int(heading.sum()), 0.97), "v", color=HEADING_COLOR, ms=4)
        ax.axhline(0, color="black", lw=0.5)
        ax.axhspan(NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, color="#eeeeee", zorder=0)
        ax.set_ylim(-1.05, 1.05)
        ax.set_xlim(0.4, max(compound.size, 1) + 0.6)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
        label = str((groups or {}).get(doc_id) or "").strip()
        name = f"{short_label(doc_id)} (group {label})" if label else short_label(doc_id)
        set_title(ax, name, fontsize=9, loc="left")
        ax.tick_params(labelsize=8)
    for ax in list(axes.flat)[len(shown) :]:
        ax.set_visible(False)
    if not shown:
        axes.flat[0].text(0.5, 0.5, "no sentences", ha="center", va="center")
    for ax in axes[:, 0]:
        ax.set_ylabel("compound", fontsize=8)
    for ax in axes[-1, :]:
        ax.set_xlabel("sentence position", fontsize=8)
    title = (
        "Sentiment arc (bars: blue positive, orange negative, grey neutral;\n"
        f"black: rolling mean of {window} body sentences; ▼ dotted: headings)"
    )
    if len(doc_ids) > len(shown):
        order = in_turn_note(doc_ids, groups, len(shown)) or "first by doc_id"
        title += f"\nshowing {len(shown)} of {len(doc_ids)} documents ({order})"
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    save_figure(fig, png, svg)
    return shown


def plot_actor_sentiment(
    actor_df: Any,
    png: str | Path,
    svg: str | Path | None = None,
    *,
    max_documents: int = 8,
    max_actors: int = 15,
) -> tuple[list[str], list[str]]:
    """Mean compound of the sentences naming each actor, per document, with CI error bars.

    Shows the actors and documents with the most mentions (ties by name) and returns
    (actors shown, doc_ids shown). Marker labels give the number of sentences.
    """
    if max_documents < 1 or max_actors < 1:
        raise ValueError("max_documents and max_actors must be >= 1")
    need = {"doc_id", "actor", "n_sentences", "compound_mean", "compound_ci_low"}
    missing = (need | {"compound_ci_high"}) - set(actor_df.columns)
    if missing:
        raise ValueError(f"actor table lacks column(s) {sorted(missing)}")
    plt = pyplot()
    everything = actor_df.assign(
        doc_id=actor_df["doc_id"].astype(str), actor=actor_df["actor"].astype(str)
    )
    df = everything[everything["n_sentences"].astype(float) > 0]
    actors = _top(df, "actor", max_actors)
    docs = _top(df, "doc_id", max_documents)
    note = _selection_note(
        (len(docs), df["doc_id"].nunique(), everything["doc_id"].nunique()),
        (len(actors), df["actor"].nunique(), everything["actor"].nunique()),
    )
    df = df[df["actor"].isin(actors) & df["doc_id"].isin(docs)]
    n_docs = max(1, len(docs))  # an actor's rows share 0.8 y units: keep each ROW_PITCH tall
    per_actor = max(0.25 + 0.12 * n_docs, ROW_PITCH * n_docs / 0.8)
    fig, ax = plt.subplots(figsize=(8, 1.5 + max(1, len(actors)) * per_actor))
    cmap = plt.get_cmap("tab10" if len(docs) <= 10 else "tab20")
    step = 0.8 / n_docs
    x_high = X_LIMIT
    for j, doc_id in enumerate(docs):
        part = df[df["doc_id"] == doc_id]
        y = [actors.index(a) + (j - (len(docs) - 1) / 2) * step for a in part["actor"]]
        mean = part["compound_mean"].astype(float).to_numpy()
        low = part["compound_ci_low"].astype(float).to_numpy()
        high = part["compound_ci_high"].astype(float).to_numpy()
        xerr = np.vstack([mean - low, high - mean])
        ax.errorbar(
            mean,
            y,
            xerr=xerr,
            fmt="o",
            ms=5,
            capsize=3,
            color=cmap(j % cmap.N),
            label=short_label(doc_id, 30),
        )
        for m, lo, hi, yy, k in zip(mean, low, high, y, part["n_sentences"], strict=True):
            x, right = n_label_anchor(m, lo, hi)
            if right:
                x_high = max(x_high, x + N_LABEL_ROOM)
            ax.annotate(
                f"n={int(k)}",
                (x, yy),
                xytext=(4 if right else -4, 0),  # beside the interval, on its own row
                textcoords="offset points",
                ha="left" if right else "right",
                va="center",
                fontsize=6,
                color="#555555",
            )
    ax.axvline(0, color="black", lw=0.5)
    ax.axvspan(NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, color="#eeeeee", zorder=0)
    ax.set_yticks(range(len(actors)), [short_label(a, 25) for a in actors], fontsize=8)
    ax.set_ylim(len(actors) - 0.5 if actors else 0.5, -0.5)
    ax.set_xlim(-X_LIMIT, x_high)
    ax.set_xticks(np.linspace(-1, 1, 9))
    ax.set_xlabel("mean compound of sentences naming the actor (bars: bootstrap CI)", fontsize=8)
    if docs:
        ax.legend(
            fontsize=7,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            title="document",
            title_fontsize=7,
        )
    else:
        ax.text(0, 0, "no actor mentions", ha="center", va="center")
    set_title(ax, "Actor sentiment by document" + note, fontsize=10)
    fig.tight_layout()
    save_figure(fig, png, svg)
    return actors, docs


def n_label_anchor(mean: float, low: float, high: float) -> tuple[float, bool]:
    """Where an interval's "n=" label starts, and whether it goes to the right: beyond the
    upper end if there is room before the axis end, else before the lower end if there is
    room there, else beyond the upper end all the same (the axis is then made longer)."""
    low, high = np.fmin(low, mean), np.fmax(high, mean)  # a missing bound: the mean
    if X_LIMIT - high < N_LABEL_ROOM <= low + X_LIMIT:
        return float(low), False
    return float(high), True


def _selection_note(docs: tuple[int, int, int], actors: tuple[int, int, int]) -> str:
    """A second title line saying which documents and actors are shown, if some are left out;
    each of ``docs`` and ``actors`` is (shown, with mentions, in the table)."""
    parts = [
        f"the {shown} of {total} {name} with most {weight}"
        for (shown, mentioned, total), name, weight in (
            (docs, "documents", "actor mentions"),
            (actors, "actors", "mentions"),
        )
        if shown < mentioned
    ]
    return f"\n({'; '.join(parts)})" if parts else ""


def _top(df: Any, key: str, limit: int) -> list[str]:
    """Values of ``key`` with the most mentions (``n_mentions`` or sentences), ties by name."""
    weight = "n_mentions" if "n_mentions" in df.columns else "n_sentences"
    totals = df[weight].astype(float).groupby(df[key]).sum()
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    return [k for k, _ in ranked[:limit]]
