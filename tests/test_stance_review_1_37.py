"""The sets of the stance 1.37 reviews (tests/data/stance_review_1_37/): news sentences and traps
that independent reviewers wrote and labelled for the forms each change reads, seeing only the
guideline and the file format (docs/detector-changes.md gives each set's role). The files are
kept as the reviewers hashed them, and the detector must keep getting at least as many of their
sentences wholly right as stance 1.37.3 did (1.37.6 to 1.37.18, and the code of 2026-12-06, their
own sets; a floor lowered on purpose says why): a later change that loses one of them fails
here."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.stance_eval import predictions, read_annotations
from tests.conftest import assert_review_files_listed_and_hashed, is_as_hashed
from tests.test_stance import DETECTOR

REVIEWS = Path(__file__).parent / "data" / "stance_review_1_37"

# file: (sentences, wholly right with stance 1.37.3, or the version of its review); SHA256SUMS holds
# the reviewers' hashes
SETS = {
    # 121: stance 1.37.19 reads a company's own results with an adjective ("Sony reported an
    # operating profit of"), which this reviewer labels 0 and the README's convention named
    "1_37_0_a/main.tsv": (140, 121), "1_37_0_a/traps.tsv": (70, 49),
    "1_37_0_b/main.tsv": (100, 79), "1_37_0_b/traps.tsv": (60, 36),
    "1_37_1_a/main.tsv": (100, 95), "1_37_1_a/traps.tsv": (60, 47),
    "1_37_1_b/main.tsv": (100, 85), "1_37_1_b/traps.tsv": (60, 45),
    "1_37_2/main.tsv": (100, 88), "1_37_2/traps.tsv": (60, 52),
    "1_37_3_a/main.tsv": (100, 71), "1_37_3_a/traps.tsv": (60, 46),
    "1_37_3_b/main.tsv": (100, 60), "1_37_3_b/traps.tsv": (60, 38),
    "1_37_6/main.tsv": (100, 79), "1_37_6/traps.tsv": (60, 39),
    "1_37_7/main.tsv": (100, 76), "1_37_7/traps.tsv": (60, 46),
    "1_37_8/main.tsv": (100, 78), "1_37_8/traps.tsv": (60, 55),
    "1_37_9/main.tsv": (100, 96), "1_37_9/traps.tsv": (60, 52),
    "1_37_10_a/main.tsv": (100, 93), "1_37_10_a/traps.tsv": (60, 38),
    "1_37_10_b/main.tsv": (100, 82), "1_37_10_b/traps.tsv": (60, 40),
    "1_37_10_c/main.tsv": (100, 78), "1_37_10_c/traps.tsv": (60, 28),
    "1_37_11_a/main.tsv": (100, 93), "1_37_11_a/traps.tsv": (60, 44),
    "1_37_11_b/main.tsv": (100, 79), "1_37_11_b/traps.tsv": (60, 45),
    "1_37_12/main.tsv": (100, 73), "1_37_12/traps.tsv": (60, 30),
    "1_37_12_b/main.tsv": (100, 67), "1_37_12_b/traps.tsv": (60, 45),
    "1_37_13_a/main.tsv": (100, 86), "1_37_13_a/traps.tsv": (60, 45),
    "1_37_13_b/main.tsv": (100, 76), "1_37_13_b/traps.tsv": (60, 52),
    "1_37_14/main.tsv": (100, 72), "1_37_14/traps.tsv": (60, 53),
    "1_37_14_b/main.tsv": (100, 62), "1_37_14_b/traps.tsv": (60, 49),
    "1_37_15/main.tsv": (100, 52), "1_37_15/traps.tsv": (60, 56),
    "1_37_18/main.tsv": (100, 64), "1_37_18/traps.tsv": (60, 49),
}  # fmt: skip


def test_every_review_file_is_listed_and_hashed() -> None:
    assert_review_files_listed_and_hashed(REVIEWS, SETS)


@pytest.mark.parametrize("name", sorted(SETS))
def test_review_set_is_as_hashed_and_still_read_as_well(name: str) -> None:
    n, right = SETS[name]
    path = REVIEWS / name
    assert is_as_hashed(REVIEWS, name)
    rows = read_annotations(path)
    assert len(rows) == n and all(r["split"] == "test" for r in rows)
    got = predictions(rows, DETECTOR)
    wholly_right = sum(all(int(r[k]) == v for k, v in p.items()) for r, p in zip(rows, got))
    assert wholly_right >= right
