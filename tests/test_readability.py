from __future__ import annotations

import math

import pytest

from pipeline.readability import (
    READABILITY_COLUMNS,
    ReadabilityStage,
    body_text,
    readability_scores,
)
from tests.conftest import segment_text

# Hand-worked: 9 words, 2 sentences, 10 syllables (hap-py is the only two-syllable word).
SIMPLE = "The cat sat on the mat. It was happy."


def test_flesch_hand_worked():
    scores = readability_scores(SIMPLE)
    # 206.835 - 1.015 * (9 / 2) - 84.6 * (10 / 9) = 108.2675
    assert scores["flesch_reading_ease"] == pytest.approx(108.2675, abs=1e-4)
    # 0.39 * (9 / 2) + 11.8 * (10 / 9) - 15.59 = -0.72389
    assert scores["flesch_kincaid_grade"] == pytest.approx(-0.72389, abs=1e-4)
    assert math.isnan(scores["smog_index"])  # under 3 sentences: no SMOG


def test_empty_text_gives_nan():
    scores = readability_scores("1234 -- 56")
    assert set(scores) == set(READABILITY_COLUMNS)
    assert all(math.isnan(v) for v in scores.values())


def test_headings_do_not_glue_onto_sentences():
    doc = segment_text("Impact on Global Security\n\nThe cat sat on the mat. It was happy.")
    assert body_text(doc) == "The cat sat on the mat.\nIt was happy."
    with_heading = ReadabilityStage().analyse(doc).document_columns
    assert with_heading["flesch_reading_ease"] == pytest.approx(108.2675, abs=1e-4)


def test_unpunctuated_body_line_gets_a_stop():
    doc = segment_text("First point made here.\n\nA closing line without a stop")
    assert body_text(doc).endswith("A closing line without a stop.")


def test_default_corpus_first_document_is_harder(default_corpus):
    stage = ReadabilityStage()
    coop = stage.analyse(default_corpus["intelligence_cooperation"]).document_columns
    dipl = stage.analyse(default_corpus["intelligence_diplomacy"]).document_columns
    # The abstract, evaluative text reads harder than the news-style one on every index.
    assert coop["flesch_reading_ease"] < dipl["flesch_reading_ease"]
    assert coop["flesch_kincaid_grade"] > dipl["flesch_kincaid_grade"]
    assert coop["gunning_fog"] > dipl["gunning_fog"]
