"""The stance and frame profiles of large corpora: one box a category, the highest documents
named (smaller corpora keep their bar charts and heat maps)."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from matplotlib.patches import PathPatch

from pipeline.frames import FRAME_IDS, FRAME_LABELS
from pipeline.frames_plots import plot_frame_profile
from pipeline.plotting import top_documents
from pipeline.stance_plots import PROFILE, plot_stance_profile

STANCE_COLUMNS = ["doc_id", "n_words", *(c for c, _ in PROFILE)]
FRAME_COLUMNS = ["doc_id", "frame", "share", "share_ci_low", "share_ci_high"]
STANCE_NAMES = [name for _, name in PROFILE]
FRAME_NAMES = [FRAME_LABELS.get(f, f) for f in FRAME_IDS]


def stance_table(n_docs: int) -> pd.DataFrame:
    """Documents doc_0000... with rates in [0, 8] that vary by document and category."""
    rows = []
    for i in range(n_docs):
        row = {"doc_id": f"doc_{i:04d}", "n_words": 400 + 7 * i}
        for k, (column, _) in enumerate(PROFILE):
            row[column] = float((i * (3 + 2 * k)) % 17) / 2
        rows.append(row)
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


def frames_table(n_docs: int) -> pd.DataFrame:
    """Every codebook frame in documents doc_0000..., shares in [0, 0.5] with +-0.1 intervals."""
    rows = []
    for i in range(n_docs):
        for k, frame in enumerate(FRAME_IDS):
            share = ((i * (2 + k)) % 11) / 20
            rows.append(
                {"doc_id": f"doc_{i:04d}", "frame": frame, "share": share,
                 "share_ci_low": max(0.0, share - 0.1), "share_ci_high": min(1.0, share + 0.1)}
            )  # fmt: skip
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


TABLES = {"stance": stance_table, "frames": frames_table}
PLOTS = {"stance": plot_stance_profile, "frames": plot_frame_profile}
NAMES = {"stance": STANCE_NAMES, "frames": FRAME_NAMES}


def row_labels(ax: Any) -> dict[int, str]:
    """The text beside each box row, by row (0 = top)."""
    return {int(t.get_position()[1]): t.get_text() for t in ax.texts}


@pytest.mark.parametrize("kind", ["stance", "frames"])
@pytest.mark.parametrize("n_docs", [201, 2001])
def test_large_profile_is_one_box_per_category(drawn: list[Any], kind: str, n_docs: int) -> None:
    PLOTS[kind](TABLES[kind](n_docs), "unused.png", None)
    (ax,) = drawn[0].axes  # no colour bar
    assert [t.get_text() for t in ax.get_yticklabels()] == NAMES[kind]
    assert len([p for p in ax.patches if isinstance(p, PathPatch)]) == len(NAMES[kind])
    assert not ax.images
    assert f"across {n_docs:,} documents" in ax.get_title()


@pytest.mark.parametrize("kind", ["stance", "frames"])
def test_large_profile_height_is_fixed(drawn: list[Any], kind: str) -> None:
    for n_docs in (201, 2001):
        PLOTS[kind](TABLES[kind](n_docs), "unused.png", None)
    small, large = (fig.get_size_inches() for fig in drawn)
    assert tuple(small) == tuple(large) and large[1] <= 10


def png_size(path: Path) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's IHDR chunk."""
    return struct.unpack(">II", path.read_bytes()[16:24])


@pytest.mark.parametrize("kind", ["stance", "frames"])
def test_large_profile_files_are_deterministic_and_fixed_size(tmp_path: Path, kind: str) -> None:
    for n_docs in (201, 2001):
        for run in (1, 2):
            PLOTS[kind](TABLES[kind](n_docs), tmp_path / f"{n_docs}_{run}.png",
                        tmp_path / f"{n_docs}_{run}.svg")  # fmt: skip
        for ext in ("png", "svg"):
            first, second = (tmp_path / f"{n_docs}_{run}.{ext}" for run in (1, 2))
            assert first.read_bytes() == second.read_bytes()
    # the width follows the labels beside the boxes; the height does not follow the documents
    assert png_size(tmp_path / "201_1.png")[1] == png_size(tmp_path / "2001_1.png")[1]


def stance_extremes() -> pd.DataFrame:
    """250 documents with rates below 9, a few known ones above, and one without words."""
    docs = stance_table(250)
    high = {
        "hedges_per_1k": {"doc_0100": 50.0, "doc_0007": 40.0, "doc_0200": 30.0},
        # doc_0031 and doc_0032 tie for second: the earlier doc_id is named first
        "boosters_per_1k": {"doc_0032": 20.0, "doc_0031": 20.0, "doc_0240": 60.0},
        "attitude_per_1k": {},  # all 0 below
        # three documents at 12.5 for the third place: one named, two counted
        "attributions_named_per_1k": {"doc_0001": 13.0, "doc_0005": 12.5, "doc_0006": 12.5,
                                      "doc_0004": 12.5, "doc_0002": 20.0},
        "attributions_vague_per_1k": {"doc_0249": 9.5, "doc_0000": 9.25, "doc_0123": 9.75},
    }  # fmt: skip
    docs["attitude_per_1k"] = 0.0
    for column, values in high.items():
        for doc, value in values.items():
            docs.loc[docs["doc_id"] == doc, column] = value
    docs.loc[docs["doc_id"] == "doc_0150", [c for c, _ in PROFILE]] = np.nan  # no body words
    return docs.sample(frac=1.0, random_state=0)  # row order must not matter


def test_stance_labels_name_the_highest_documents(drawn: list[Any]) -> None:
    plot_stance_profile(stance_extremes(), "unused.png", None)
    (ax,) = drawn[0].axes
    assert row_labels(ax) == {
        0: "doc_0100 (50.0), doc_0007 (40.0), doc_0200 (30.0)",
        1: "doc_0240 (60.0), doc_0031 (20.0), doc_0032 (20.0)",
        2: "all 0",
        3: "doc_0002 (20.0), doc_0001 (13.0), doc_0004 (12.5) and 2 more at 12.5",
        4: "doc_0123 (9.8), doc_0249 (9.5), doc_0000 (9.2)",
    }
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"{n} (n=249)" for n in STANCE_NAMES]
    circled = {
        int(line.get_ydata()[0]): sorted(line.get_xdata())
        for line in ax.lines
        if line.get_markeredgecolor() == "#d62728"
    }
    assert sorted(circled) == [0, 1, 3, 4] and circled[0] == [30.0, 40.0, 50.0]


def test_frame_labels_name_the_highest_documents(drawn: list[Any]) -> None:
    shares = {  # economic: known top three over a spread; legality: a tie at the top
        "economic": lambda i: {7: 0.9, 300: 0.8, 12: 0.7}.get(i, (i % 10) / 20),
        "legality": lambda i: 0.5 if i in (3, 9) else 0.1,
        "morality": lambda i: 0.0,
    }
    frames_df = pd.DataFrame(
        [{"doc_id": f"doc_{i:04d}", "frame": frame, "share": share(i), "share_ci_low": 0.0,
          "share_ci_high": 1.0} for i in range(400) for frame, share in shares.items()]
    )  # fmt: skip
    plot_frame_profile(frames_df, "unused.png", None)
    (ax,) = drawn[0].axes
    labels = row_labels(ax)
    assert labels[FRAME_IDS.index("economic")] == (
        "doc_0007 (0.90), doc_0300 (0.80), doc_0012 (0.70)"
    )
    assert labels[FRAME_IDS.index("legality")] == (
        "doc_0003 (0.50), doc_0009 (0.50), doc_0000 (0.10) and 397 more at 0.10"
    )
    assert labels[FRAME_IDS.index("morality")] == "all 0"
    assert len(labels) == 3  # frames absent from the table have no box and no label


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"a": 1.0, "b": 3.0, "c": 2.0, "d": 0.5}, [("b", 3.0), ("c", 2.0), ("a", 1.0)]),
        ({"b": 2.0, "a": 2.0, "c": 2.0, "d": 2.0}, [("a", 2.0), ("b", 2.0), ("c", 2.0)]),
        ({"a": 0.0, "b": np.nan, "c": 1.0}, [("c", 1.0)]),  # neither 0 nor missing is "high"
        ({"a": 0.0}, []),
    ],
)
def test_top_documents(values: dict[str, float], expected: list[tuple[str, float]]) -> None:
    top = top_documents(pd.DataFrame({"x": values}))["x"]
    assert list(top.items()) == expected


def test_top_documents_rejects_negative_n() -> None:
    with pytest.raises(ValueError, match=re.escape("n must be >= 0, got -1")):
        top_documents(pd.DataFrame({"x": [1.0]}), n=-1)
