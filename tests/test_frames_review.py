"""The sets of the frames reviews (tests/data/frames_review_1_14/): news sentences and traps that
independent reviewers wrote and labelled by the Policy Frames Codebook for the cues each change
reads, seeing only the frame ids and the file format. The files are kept as the reviewers hashed
them; a later change must find at least as many of their sentences of each reviewed frame, and
no more false cues of it, than the change they reviewed did."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.frames import FramesStage
from pipeline.frames_eval import read_annotations
from tests.conftest import assert_review_files_listed_and_hashed, is_as_hashed

REVIEWS = Path(__file__).parent / "data" / "frames_review_1_14"
STAGE = FramesStage()

# file: (sentences, {a frame reviewed: (its sentences found at least, its false cues at most)})
SETS = {
    "1_14_12_a/main.tsv": (80, {"morality": (39, 0)}),
    "1_14_12_a/traps.tsv": (40, {"morality": (0, 1)}),
    "1_14_12_b/main.tsv": (80, {"morality": (40, 0)}),
    "1_14_12_b/traps.tsv": (40, {"morality": (0, 2)}),
    "1_14_13/main.tsv": (80, {"capacity_resources": (16, 0)}),
    "1_14_13/traps.tsv": (40, {"capacity_resources": (3, 0)}),
    "1_14_14/main.tsv": (80, {"quality_of_life": (7, 3), "fairness_equality": (9, 0)}),
    "1_14_14/traps.tsv": (40, {"quality_of_life": (0, 1), "fairness_equality": (1, 3)}),
}  # fmt: skip


def test_every_review_file_is_listed_and_hashed() -> None:
    assert_review_files_listed_and_hashed(REVIEWS, SETS)


@pytest.mark.parametrize("name", sorted(SETS))
def test_review_set_is_as_hashed_and_still_read_as_well(name: str) -> None:
    n, frames = SETS[name]
    path = REVIEWS / name
    assert is_as_hashed(REVIEWS, name)
    rows = read_annotations(path)
    assert len(rows) == n and set(rows["split"]) == {"test"}
    found = [{fr for _, _, fr in STAGE.sentence_cues(t, 0, len(t))} for t in rows["text"]]
    for frame, (found_least, false_most) in frames.items():
        gold = [frame in f.split("|") for f in rows["frames"]]
        pred = [frame in cues for cues in found]
        assert sum(g and p for g, p in zip(gold, pred, strict=True)) >= found_least, frame
        assert sum(p and not g for g, p in zip(gold, pred, strict=True)) <= false_most, frame
