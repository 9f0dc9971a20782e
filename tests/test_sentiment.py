"""Tests for the sentiment stage: VADER per sentence, evidence terms, aggregates, actors, plots."""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText, normalize

from pipeline.actors import ActorMatcher, actors_from_config, is_case_sensitive_alias
from pipeline.segment import word_tokens
from pipeline.sentiment import (
    DOCUMENT_COLUMNS,
    SentimentStage,
    bootstrap_mean_interval,
    bootstrap_mean_intervals,
    sorted_quantile,
    stable_rng,
)
from pipeline.sentiment_plots import plot_actor_sentiment, plot_sentiment_arc
from pipeline.sentiment_vader import (
    SenseAnalyzer,
    evaluate_sign_agreement,
    get_analyzer,
    mask_words,
    read_labelled_sentences,
    sense_detector,
    sentiment_label,
    vader_text,
)
from pipeline.types import SegmentedDocument, Sentence
from pipeline.vader import vader_word_spans
from tests.conftest import default_texts

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "data" / "sentiment_labelled.tsv"
CORPUS = {p.stem: p.read_text(encoding="utf-8") for p in default_texts()}
UPSTREAM = SentimentIntensityAnalyzer()
_SENT_END = re.compile(r"(?<!\bU\.S\.)(?<=[.!?])\s+(?=[A-Z“\"])")


def naive_document(doc_id: str, clean: str) -> SegmentedDocument:
    """Paragraphs by blank lines; a one-line paragraph without end punctuation is a heading."""
    sentences: list[Sentence] = []
    tokens = []
    for p_id, para in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", clean)):
        text = para.group()
        heading = "\n" not in text and not text.rstrip().endswith((".", "!", "?"))
        cuts = [0, *(m.end() for m in _SENT_END.finditer(text)), len(text)]
        for a, b in itertools.pairwise(cuts):
            seg = text[a:b].rstrip()
            if seg:
                start = para.start() + a
                sentences.append(
                    Sentence(len(sentences), p_id, heading, start, start + len(seg), seg)
                )
                tokens.append(word_tokens(seg, offset=start))
    return SegmentedDocument(doc_id, clean, tuple(sentences), tuple(tokens))


def doc_of(doc_id: str, parts: list[tuple[bool, str]]) -> SegmentedDocument:
    """A document from (is_heading, sentence) pairs joined by newlines."""
    sentences, pos, texts = [], 0, []
    for i, (heading, text) in enumerate(parts):
        sentences.append(Sentence(i, i, heading, pos, pos + len(text), text))
        texts.append(text)
        pos += len(text) + 1
    clean = "\n".join(texts)
    return SegmentedDocument(
        doc_id,
        clean,
        tuple(sentences),
        tuple(word_tokens(s.text, offset=s.start) for s in sentences),
    )


@pytest.fixture(scope="module")
def stage() -> SentimentStage:
    return SentimentStage()


@pytest.fixture(scope="module")
def corpus_outputs(stage):
    docs = {name: naive_document(name, text) for name, text in CORPUS.items()}
    return {name: (doc, stage.analyse(doc)) for name, doc in docs.items()}


# --- labels and VADER equivalence ---------------------------------------------------------


@pytest.mark.parametrize(
    ("compound", "label"),
    [
        (0.05, "positive"),
        (0.0499, "neutral"),
        (0.0, "neutral"),
        (-0.0499, "neutral"),
        (-0.05, "negative"),
        (0.9, "positive"),
        (-0.9, "negative"),
    ],
)
def test_sentiment_label_uses_vader_thresholds(compound, label):
    assert sentiment_label(compound) == label


TRICKY = [
    "",
    "   ",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "The book was only kind of good.",
    "At least it isn't a horrible book.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Without a doubt, an excellent idea.",
    "  leading and trailing spaces, good  ",
    "Is this good?? Really??? No!",
    "good, good, good but bad bad",
]


@pytest.mark.parametrize("text", TRICKY)
def test_scores_equal_vader_package(text):
    assert get_analyzer().polarity_scores(text) == UPSTREAM.polarity_scores(text)


WORDS = ["good", "bad", "not", "very", "but", "no", "kind", "of", "never", "so", "least", "the"]
# idioms and n-gram boosters VADER checks around a sentiment word
WORDS += ["bomb", "ass", "bus", "stop", "yeah", "right", "kiss", "death", "to", "die", "for"]
WORDS += ["beating", "heart", "sort", "kinda", "at", "without", "doubt", "this", "nor", "or"]
text_strategy = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(["GREAT", "!", "?", ":)", "😁", "…", "—", ",", "U.S.", "(bad)"]),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
    ),
    max_size=25,
).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(text_strategy)
def test_scores_and_term_spans_agree_with_vader(text):
    trace = get_analyzer().trace(text)
    assert trace.scores == UPSTREAM.polarity_scores(text)
    for start, end, valence in trace.terms:
        assert 0 <= start < end <= len(text)
        assert valence != 0
    sum_s = sum(v for _, _, v in trace.terms)
    assert expected_compound(sum_s, text) == pytest.approx(trace.scores["compound"], abs=6e-5)


def expected_compound(sum_s: float, text: str) -> float:
    """VADER's compound recomputed from the term valences and the text's punctuation."""
    emphasis = UPSTREAM._punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += emphasis
    elif sum_s < 0:
        sum_s -= emphasis
    return normalize(sum_s) if sum_s else 0.0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_word_spans_are_vader_words(text):
    spans = vader_word_spans(text)
    words = SentiText(text.strip()).words_and_emoticons
    assert [text[s:e] for s, e in spans] == words


# --- evidence terms -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The food was good.", [("good", 1.9)]),
        ("The food was not good.", [("good", 1.9 * -0.74)]),
        ("The food was very good.", [("good", 1.9 + 0.293)]),
        ("The food was very bad.", [("bad", -2.5 - 0.293)]),
        ("The room was good, but the staff were bad.", [("good", 0.95), ("bad", -2.5 * 1.5)]),
        ("No love was lost.", [("love", 3.2 * -0.74), ("lost", -1.3)]),
        ("Huawei’s profits were great!", [("profits", 1.9), ("great", 3.1)]),
        ("The committee met on Tuesday.", []),
    ],
)
def test_terms_give_valence_after_vader_rules(sentence, expected):
    trace = get_analyzer().trace(sentence)
    got = [(sentence[s:e], v) for s, e, v in trace.terms]
    assert [t for t, _ in got] == [t for t, _ in expected]
    assert [v for _, v in got] == pytest.approx([v for _, v in expected])


def test_emoji_terms_point_at_the_emoji():
    text = "Great news 😁 today"
    trace = get_analyzer().trace(text)
    terms = {text[s:e]: v for s, e, v in trace.terms}
    assert set(terms) == {"Great", "😁"}
    assert terms["😁"] > 0


def test_corpus_terms_and_offsets_round_trip(corpus_outputs):
    for doc, out in corpus_outputs.values():
        assert out.tables["sentiment_terms"], doc.doc_id
        by_sentence: dict[int, float] = {}
        for row in out.tables["sentiment_terms"]:
            assert doc.clean[row["start"] : row["end"]] == row["term"]
            by_sentence[row["sent_id"]] = by_sentence.get(row["sent_id"], 0.0) + row["valence"]
        for sent, compound in zip(doc.sentences, out.sentence_columns["compound"], strict=True):
            assert doc.clean[sent.start : sent.end] == sent.text
            recomputed = expected_compound(by_sentence.get(sent.sent_id, 0.0), sent.text)
            assert recomputed == pytest.approx(compound, abs=6e-5), sent.text
        for row in out.tables["actor_mentions"]:
            assert doc.clean[row["start"] : row["end"]] == row["match"]


# --- sentence and document columns --------------------------------------------------------


def test_sentence_columns_align_and_match_vader(corpus_outputs):
    for doc, out in corpus_outputs.values():
        assert set(out.sentence_columns) == {"neg", "neu", "pos", "compound", "sentiment"}
        for sent, i in zip(doc.sentences, range(len(doc.sentences)), strict=True):
            ref = UPSTREAM.polarity_scores(vader_text(sent.text))  # typography in ASCII
            got = {k: out.sentence_columns[k][i] for k in ("neg", "neu", "pos", "compound")}
            assert got == ref
            assert out.sentence_columns["sentiment"][i] == sentiment_label(ref["compound"])


def test_document_aggregates_use_body_sentences_only(stage):
    doc = doc_of(
        "d1",
        [
            (True, "Wonderful Glorious Triumph"),
            (False, "The attack was a disaster."),
            (False, "The war was terrible."),
            (False, "The meeting was on Monday."),
        ],
    )
    out = stage.analyse(doc)
    body = [UPSTREAM.polarity_scores(vader_text(s.text))["compound"] for s in doc.sentences[1:]]
    doc_cols = out.document_columns
    assert tuple(doc_cols) == DOCUMENT_COLUMNS
    assert doc_cols["compound_mean"] == pytest.approx(np.mean(body))
    assert doc_cols["compound_median"] == pytest.approx(np.median(body))
    assert doc_cols["share_negative"] == pytest.approx(2 / 3)
    assert doc_cols["share_neutral"] == pytest.approx(1 / 3)
    assert doc_cols["share_positive"] == 0
    assert out.sentence_columns["sentiment"][0] == "positive"  # heading scored, not aggregated
    # three body sentences: too few for an interval (serial_mean_interval), their worth kept
    assert math.isnan(doc_cols["compound_ci_low"]) and math.isnan(doc_cols["compound_ci_high"])
    assert doc_cols["compound_effective_n"] == 3


def test_document_scores_are_not_whole_text_scores(stage):
    parts = [(False, f"The {w} team did a fine job.") for w in ("first", "second", "third")] * 12
    parts += [(False, "The plan was approved on Monday.")] * 6
    doc = doc_of("long", parts)
    out = stage.analyse(doc)
    per_sentence = [UPSTREAM.polarity_scores(vader_text(t))["compound"] for _, t in parts]
    whole = UPSTREAM.polarity_scores(doc.clean)["compound"]
    assert out.document_columns["compound_mean"] == pytest.approx(np.mean(per_sentence))
    assert whole > 0.99  # saturated on the long text
    assert abs(out.document_columns["compound_mean"] - whole) > 0.4


def test_empty_document_gives_nan_and_empty_tables(stage):
    doc = SegmentedDocument("empty", "", (), ())
    out = stage.analyse(doc)
    assert all(math.isnan(out.document_columns[c]) for c in DOCUMENT_COLUMNS)
    assert out.tables["sentiment_terms"] == []
    assert out.tables["actor_mentions"] == []
    assert {r["n_mentions"] for r in out.tables["actor_sentiment"]} == {0}


def test_second_document_has_mean_and_ci(corpus_outputs):
    _, out = corpus_outputs["intelligence_diplomacy"]
    cols = out.document_columns
    assert cols["compound_ci_low"] < cols["compound_mean"] < cols["compound_ci_high"]
    shares = cols["share_positive"] + cols["share_negative"] + cols["share_neutral"]
    assert shares == pytest.approx(1.0)


# --- bootstrap ----------------------------------------------------------------------------


def test_actor_cis_are_seeded_by_doc_id_not_chunk_and_the_document_ci_draws_nothing():
    doc_a = naive_document("a", CORPUS["intelligence_diplomacy"])
    doc_b = naive_document("b", CORPUS["intelligence_cooperation"])
    first = SentimentStage().analyse(doc_a)
    SentimentStage().analyse(doc_b)
    again = SentimentStage().analyse(doc_a)
    assert first.document_columns == again.document_columns
    assert first.tables["actor_sentiment"] == again.tables["actor_sentiment"]
    other_seed = SentimentStage(seed=1).analyse(doc_a)
    assert other_seed.document_columns == first.document_columns  # a t interval: no draws
    bootstrapped = [r for r in first.tables["actor_sentiment"] if r["n_sentences"] > 1]
    assert bootstrapped and other_seed.tables["actor_sentiment"] != first.tables["actor_sentiment"]


def test_serial_mean_interval_by_hand():
    from pipeline.serial_stats import serial_mean_interval

    # mean 0.18, sd sqrt(0.636 / 9) = 0.26583; the lag-1 correlation is negative, so r = 0
    # and ne = n = 10: t(9, 0.975) = 2.262157, half-width 0.26583 / sqrt(10) * 2.262157
    x = [0.5, -0.2, 0.1, 0.0, 0.3, 0.4, -0.1, 0.2, 0.0, 0.6]
    low, high, ne = serial_mean_interval(x, confidence=0.95)
    assert ne == 10
    assert (low, high) == pytest.approx((0.18 - 0.190165, 0.18 + 0.190165), abs=1e-6)
    # the same values in runs alike in tone: r > 0, fewer independent ones, a wider interval
    runs = [0.5, 0.6, -0.2, -0.1, 0.3, 0.4, 0.0, 0.0, 0.1, 0.2]  # pairs alike: worth 5.1
    low_r, high_r, ne_r = serial_mean_interval(runs, confidence=0.95)
    assert ne_r < 10 and high_r - low_r > high - low
    # no interval below 10 values or without spread; the worth is kept
    assert serial_mean_interval(x[:9], confidence=0.95)[:2] == pytest.approx(
        (math.nan,) * 2, nan_ok=True
    )
    assert math.isnan(serial_mean_interval([0.0] * 12, confidence=0.95)[0])
    # runs so alike that the 12 values count as fewer than 3: no interval (t(1) = 12.7 made it
    # span the scale), the worth kept
    low, high, ne = serial_mean_interval([0.1] * 6 + [0.5] * 6, confidence=0.95)
    assert math.isnan(low) and math.isnan(high) and ne < 3
    # a value whose sum is not exact: a sd of about 1e-16 is no spread (a review: "0.44 to 0.44")
    assert serial_mean_interval([0.4404] * 23, confidence=0.95)[:2] == pytest.approx(
        (math.nan, math.nan), nan_ok=True
    )
    assert all(math.isnan(v) for v in serial_mean_interval([], confidence=0.95))
    with pytest.raises(ValueError, match="confidence"):
        serial_mean_interval(x, confidence=1.0)


def test_summaries_give_the_interval_and_the_pooled_correlation_exactly():
    """serial_summary (documents.csv's compound_sd, compound_lag1) with the count and mean gives
    the document's interval again, and pooled_alike_correlation of the summaries is
    alike_correlation of the series themselves."""
    from pipeline.serial_stats import (
        alike_correlation,
        pooled_alike_correlation,
        serial_mean_interval,
        serial_summary,
        summary_interval,
    )

    # by hand: deviations -1, +1, -1, +1 about 0.5 (sd sqrt(4/3)), lagged sum -3 over 4: -0.75
    assert serial_summary([-0.5, 1.5, -0.5, 1.5]) == pytest.approx((math.sqrt(4 / 3), -0.75))
    assert math.isnan(serial_summary([0.2, 0.4])[1]) and math.isnan(serial_summary([0.2])[0])
    # sentences that all score the same have no spread, whatever the sum's rounding (a review:
    # 100 x 0.1 gave a sd of 2.8e-17 and a correlation of 0.99, and a "clear" zero-width extreme)
    sd, lag1 = serial_summary(np.full(100, 0.1))
    assert sd == 0.0 and math.isnan(lag1)
    rng = np.random.default_rng(7)
    series = [np.cumsum(rng.normal(size=n)) / 4 for n in (12, 30, 5, 2, 61)]
    series.append(np.full(8, 0.3))  # no spread: no correlation, and no part in the mean length
    # (a review: a text without a single hedge had weakened the rates' correction)
    assert alike_correlation(series) == alike_correlation(series[:-1])
    sds, lag1s = zip(*(serial_summary(x) for x in series), strict=True)
    sizes = [x.size for x in series]
    assert pooled_alike_correlation(sizes, sds, lag1s) == pytest.approx(
        alike_correlation(series), abs=1e-12
    )
    assert 0 < alike_correlation(series) <= 0.9  # random walks: neighbours alike
    for x, sd in zip(series, sds, strict=True):
        got = summary_interval(x.mean(), x.size, sd, alike_correlation([x]), confidence=0.9)
        assert got == pytest.approx(serial_mean_interval(x, confidence=0.9), nan_ok=True)
    assert pooled_alike_correlation([], [], []) == 0.0


def test_bootstrap_interval_matches_numpy_percentiles():
    values = np.array([0.1, -0.4, 0.7, 0.0, 0.3, -0.2, 0.9])
    low, high = bootstrap_mean_interval(
        values, n_samples=500, confidence=0.9, rng=stable_rng(3, "doc")
    )
    rng = stable_rng(3, "doc")
    means = values.take(rng.integers(0, values.size, size=(500, values.size))).mean(axis=1)
    assert (low, high) == pytest.approx(tuple(np.quantile(means, [0.05, 0.95])))
    wide = bootstrap_mean_interval(values, n_samples=500, confidence=0.99, rng=stable_rng(3, "d"))
    narrow = bootstrap_mean_interval(values, n_samples=500, confidence=0.5, rng=stable_rng(3, "d"))
    assert wide[0] <= narrow[0] <= narrow[1] <= wide[1]


def test_bootstrap_groups_share_one_generator_in_order():
    body = np.array([0.1, -0.4, 0.7, 0.0, 0.3, -0.2, 0.9])
    actor = body[[1, 4, 6]]
    got = bootstrap_mean_intervals(
        [body, [], actor, [0.5]], n_samples=400, confidence=0.95, rng=stable_rng(1, "doc")
    )
    alone = bootstrap_mean_interval(body, n_samples=400, confidence=0.95, rng=stable_rng(1, "doc"))
    assert got[0] == alone  # the first group: exactly the single-group interval
    assert all(math.isnan(v) for v in (*got[1], *got[3]))  # no interval from 0 or 1 value
    rng = stable_rng(1, "doc")
    rng.integers(0, body.size, size=(400, body.size))  # the body's draw comes first
    means = actor.take(rng.integers(0, actor.size, size=(400, actor.size))).mean(axis=1)
    assert got[2] == pytest.approx(tuple(np.quantile(means, [0.025, 0.975])))


def test_bootstrap_blocks_give_the_same_draws(monkeypatch):
    values = np.linspace(-1, 1, 9)
    whole = bootstrap_mean_interval(values, n_samples=300, confidence=0.9, rng=stable_rng(2, "x"))
    monkeypatch.setattr("pipeline.sentiment._BOOTSTRAP_BLOCK", 20)
    blocked = bootstrap_mean_interval(values, n_samples=300, confidence=0.9, rng=stable_rng(2, "x"))
    assert blocked == pytest.approx(whole)


@pytest.mark.parametrize(
    ("values", "expected"), [([], (math.nan, math.nan)), ([0.25], (math.nan, math.nan))]
)
def test_bootstrap_degenerate_inputs(values, expected):
    got = bootstrap_mean_interval(values, n_samples=100, confidence=0.95, rng=None)
    assert got == pytest.approx(expected, nan_ok=True)


@given(st.lists(st.floats(0, 1), min_size=2, max_size=30), st.floats(0, 1))
def test_sorted_quantile_is_numpy_linear(values, q):
    arr = np.sort(np.array(values))
    assert sorted_quantile(arr, q) == pytest.approx(float(np.quantile(arr, q)))


# --- actors -------------------------------------------------------------------------------

MATCHER = ActorMatcher(
    [
        {"name": "United States", "aliases": ["United States", "U.S.", "US", "American"]},
        {"name": "China", "aliases": ["China", "Chinese", "Beijing"]},
        {"name": "EU", "aliases": ["EU", "European Union"]},
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Let us talk to the US about it.", [("United States", "US")]),
        ("Trust us.", []),
        ("The U.S.-led vision of an open internet.", [("United States", "U.S.")]),
        ("Sanctions by the U.S.", [("United States", "U.S.")]),
        ("A USB drive was found.", []),
        ("China’s 2017 law and Chinese firms.", [("China", "China"), ("China", "Chinese")]),
        (
            "the united states and UNITED STATES",
            [("United States", "united states")] * 1 + [("United States", "UNITED STATES")],
        ),
        ("The European\nUnion and the eu", [("EU", "European\nUnion")]),
        (
            "Beijing's position; Americanism is not American.",
            [("China", "Beijing"), ("United States", "American")],
        ),
        ("ChinaTown", []),
        # a dateline says where the reporter is; an alias can start another name
        ("BEIJING, Jan 9 (Reuters) - Beijing said so.", [("China", "Beijing")]),
        ("BEIJING (AP) — It fell.", []),
        ("US, EU and China met.", [("United States", "US"), ("EU", "EU"), ("China", "China")]),
        ("The Beijing Review and Washington Post say Beijing agrees.", [("China", "Beijing")]),
        ("BEIJING/WASHINGTON, Jan 9 (Reuters) - Talks began.", []),
        (
            "BEIJING/WASHINGTON - China and the US agreed.",
            [("China", "China"), ("United States", "US")],
        ),
        ("Its China Post-Pandemic plan.", [("China", "China")]),
        (
            "The American Academy of Pediatrics and American doctors agree.",
            [("United States", "American")],
        ),
    ],
)
def test_actor_mentions(text, expected):
    found = MATCHER.mentions(text, offset=5)
    assert [(m.actor, m.match) for m in found] == expected
    assert all(text[m.start - 5 : m.end - 5] == m.match for m in found)


@pytest.mark.parametrize(
    ("alias", "sensitive"),
    [
        ("US", True),
        ("U.S.", True),
        ("EU", True),
        ("NATO", True),
        ("China", False),
        ("HUAWEI", False),
        ("us", False),
    ],
)
def test_case_sensitive_aliases(alias, sensitive):
    assert is_case_sensitive_alias(alias) is sensitive


@pytest.mark.parametrize(
    "entries",
    [
        [{"name": "A"}],
        [{"name": "A", "aliases": "A"}],
        [{"name": "", "aliases": ["A"]}],
        [{"name": "A", "aliases": ["A"]}, {"name": "A", "aliases": ["B"]}],
        [{"name": "A", "aliases": ["Same"]}, {"name": "B", "aliases": ["same"]}],
        [{"name": "A", "aliases": [" A"]}],
        [{"name": "A", "aliases": ["A"], "colour": "red"}],
        ["China"],
    ],
)
def test_bad_actor_config_raises(entries):
    with pytest.raises(ValueError):
        actors_from_config(entries)


def test_actor_sentiment_rows(stage):
    doc = doc_of(
        "d",
        [
            (True, "China and the EU"),
            (False, "China praised the wonderful deal with the EU."),
            (False, "China, China and Beijing condemned the terrible attack."),
            (False, "The weather was fine."),
        ],
    )
    out = stage.analyse(doc)
    rows = {r["actor"]: r for r in out.tables["actor_sentiment"]}
    compounds = out.sentence_columns["compound"]
    assert (rows["China"]["n_mentions"], rows["China"]["n_sentences"]) == (4, 2)
    assert rows["China"]["compound_mean"] == pytest.approx((compounds[1] + compounds[2]) / 2)
    assert rows["China"]["compound_ci_low"] <= rows["China"]["compound_ci_high"]
    assert (rows["EU"]["n_mentions"], rows["EU"]["n_sentences"]) == (1, 1)
    assert rows["EU"]["compound_mean"] == compounds[1]
    assert math.isnan(rows["EU"]["compound_ci_low"]) and math.isnan(rows["EU"]["compound_ci_high"])
    assert rows["Huawei"]["n_mentions"] == 0 and math.isnan(rows["Huawei"]["compound_mean"])
    assert len(out.tables["actor_mentions"]) == 5


def test_corpus_actor_defaults_find_the_main_actors(corpus_outputs):
    _, out = corpus_outputs["intelligence_diplomacy"]
    rows = {r["actor"]: r for r in out.tables["actor_sentiment"]}
    for actor in ("China", "United States", "EU", "Huawei"):
        assert rows[actor]["n_mentions"] >= 1, actor
    matches = {r["match"] for r in out.tables["actor_mentions"] if r["actor"] == "United States"}
    assert matches == {"U.S."}


# --- options ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {"bootstrap_samples": 10},
        {"bootstrap_samples": 2000.0},
        {"seed": -1},
        {"seed": "0"},
        {"confidence": 1.0},
        {"confidence": 0},
        {"actors": [{"name": "X", "aliases": []}]},
        {"neutral_terms": "intelligence"},
        {"neutral_terms": ["two words"]},
    ],
)
def test_bad_options_raise(options):
    with pytest.raises(ValueError):
        SentimentStage(**options)


def test_neutral_terms_remove_words_from_the_lexicon():
    sentence = "The intelligence agency released a report."
    plain = SentimentStage(actors=[])
    neutral = SentimentStage(actors=[], neutral_terms=["Intelligence"])
    doc = doc_of("n", [(False, sentence)])
    assert plain.analyse(doc).sentence_columns["compound"][0] > 0.05
    out = neutral.analyse(doc)
    assert out.sentence_columns["compound"][0] == 0
    assert out.tables["sentiment_terms"] == []


# --- agreement with people ----------------------------------------------------------------

LABELLED_ROWS = read_labelled_sentences(LABELLED)
ASSERTED = [r for r in LABELLED_ROWS if r["known_disagreement"] == "0"]
KNOWN = [r for r in LABELLED_ROWS if r["known_disagreement"] == "1"]


def test_labelled_set_is_large_and_covers_the_rules():
    assert len(ASSERTED) >= 60
    categories = {r["category"] for r in ASSERTED}
    assert {"negation", "contrast", "booster", "news"} <= categories
    assert {r["expected"] for r in ASSERTED} == {"positive", "negative", "neutral"}


@pytest.mark.parametrize("row", ASSERTED, ids=lambda r: r["sentence"][:40])
def test_pipeline_agrees_with_people(row):
    doc = doc_of("labelled", [(False, row["sentence"])])
    out = SentimentStage(actors=[]).analyse(doc)
    assert out.sentence_columns["sentiment"][0] == row["expected"]


def test_known_disagreements_still_disagree_and_agreement_rate():
    result = evaluate_sign_agreement(
        [r["sentence"] for r in LABELLED_ROWS], [r["expected"] for r in LABELLED_ROWS]
    )
    assert {s for s, _, _ in result.disagreements} == {r["sentence"] for r in KNOWN}
    assert result.rate == pytest.approx(len(ASSERTED) / len(LABELLED_ROWS))


# --- plots --------------------------------------------------------------------------------


def sentence_frame(corpus_outputs) -> pd.DataFrame:
    rows = []
    for doc, out in corpus_outputs.values():
        for i, sent in enumerate(doc.sentences):
            rows.append(
                {
                    "doc_id": doc.doc_id,
                    "sent_id": sent.sent_id,
                    "is_heading": int(sent.is_heading),
                    "compound": out.sentence_columns["compound"][i],
                }
            )
    return pd.DataFrame(rows)


def test_arc_plot_is_deterministic_and_caps_documents(tmp_path, corpus_outputs):
    frame = sentence_frame(corpus_outputs)
    shown = plot_sentiment_arc(frame, tmp_path / "a.png", tmp_path / "a.svg")
    plot_sentiment_arc(frame, tmp_path / "b.png", tmp_path / "b.svg")
    assert shown == sorted(CORPUS)
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    many = pd.concat([frame.assign(doc_id=frame["doc_id"] + f"_{k:02d}") for k in range(15)])
    shown = plot_sentiment_arc(many, tmp_path / "m.png", None, max_documents=5)
    assert len(shown) == 5 and (tmp_path / "m.png").stat().st_size > 0
    # with groups (the copy number's parity), each group in turn: not five of one group
    ids = sorted(many["doc_id"].unique())
    groups = {d: "odd" if int(d[-2:]) % 2 else "even" for d in ids}
    shown = plot_sentiment_arc(many, tmp_path / "g.png", None, max_documents=4, groups=groups)
    assert [groups[d] for d in shown] == ["even", "odd", "even", "odd"]


def test_actor_plot_handles_corpus_many_and_empty(tmp_path, corpus_outputs):
    rows = [r for _, out in corpus_outputs.values() for r in out.tables["actor_sentiment"]]
    frame = pd.DataFrame(rows)
    actors, docs = plot_actor_sentiment(frame, tmp_path / "a.png", tmp_path / "a.svg")
    plot_actor_sentiment(frame, tmp_path / "b.png", tmp_path / "b.svg")
    assert actors[0] == "China" and set(docs) == set(CORPUS)
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    many = pd.concat([frame.assign(doc_id=frame["doc_id"] + f"_{k}") for k in range(20)])
    _, docs = plot_actor_sentiment(many, tmp_path / "m.png", None, max_documents=4)
    assert len(docs) == 4
    empty = frame.iloc[0:0]
    assert plot_actor_sentiment(empty, tmp_path / "e.png", None) == ([], [])
    assert (tmp_path / "e.png").stat().st_size > 0


@pytest.mark.parametrize(
    ("values", "window", "expected"),
    [
        # window 5 = positions i-2..i+2: [0,1,2] [0..3] [0..3] [1,2,3] -> 1, 1.5, 1.5, 2
        ([0, 1, 2, 3], 5, [1.0, 1.5, 1.5, 2.0]),
        # both positions of each window exist: (0 + 1) / 2 twice
        ([0, 1], 5, [0.5, 0.5]),
        ([7], 5, [7.0]),
        # window 3 = i-1..i+1: [0,1] [0,1,2] [1,2,3] [2,3] -> 0.5, 1, 2, 2.5
        ([0, 1, 2, 3], 3, [0.5, 1.0, 2.0, 2.5]),
        # even window 4 = i-2..i+1: [0,1] [0,1,2] [0,1,2,3] [1,2,3] -> 0.5, 1, 1.5, 2
        ([0, 1, 2, 3], 4, [0.5, 1.0, 1.5, 2.0]),
        # shorter than the even window: [0,1] [0,1,2] [0,1,2] -> 0.5, 1, 1
        ([0, 1, 2], 4, [0.5, 1.0, 1.0]),
        # window 1: the values themselves
        ([3, -1, 4], 1, [3.0, -1.0, 4.0]),
    ],
)  # fmt: skip
def test_rolling_mean_shorter_than_window(values, window, expected):
    from pipeline.sentiment_plots import rolling_mean

    assert rolling_mean(np.array(values, dtype=float), window=window).tolist() == pytest.approx(
        expected
    )


@given(
    st.lists(st.floats(-1, 1), min_size=1, max_size=40),
    st.integers(0, 6).map(lambda h: 2 * h + 1),
)
def test_rolling_mean_odd_window_is_reversal_symmetric(values, window):
    """A centred odd window treats both directions alike: smoothing commutes with reversal."""
    from pipeline.sentiment_plots import rolling_mean

    x = np.array(values)
    forward = rolling_mean(x, window=window)
    assert rolling_mean(x[::-1], window=window)[::-1] == pytest.approx(forward, abs=1e-12)
    # and each value is the plain mean of the positions within window // 2 that exist
    h = window // 2
    expected = [x[max(0, i - h) : i + h + 1].mean() for i in range(len(x))]
    assert forward == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    ("compounds", "shares"),
    [
        # 0.05 >= +0.05: positive; -0.05 <= -0.05: negative; 0.0 and 0.0499 in between: neutral
        ([0.05, -0.05, 0.0, 0.0499], (1 / 4, 1 / 4, 2 / 4)),
        # just past each threshold: one of each out of three
        ([0.0501, -0.0501, -0.0499], (1 / 3, 1 / 3, 1 / 3)),
    ],
)
def test_document_aggregate_label_thresholds(compounds, shares):
    from pipeline.sentiment import document_aggregates

    agg = document_aggregates(compounds, confidence=0.95)
    got = (agg["share_positive"], agg["share_negative"], agg["share_neutral"])
    assert got == pytest.approx(shares, abs=1e-12)


def test_news_valences_fix_known_gaps_without_breaking_agreement():
    from pipeline.lexicon import lexicon_path
    from pipeline.sentiment import SentimentStage

    # the news valences with the senses that guard them ('impossible to say': no evaluation)
    configured = SentimentStage(
        neutral_terms=["intelligence", "security"],
        extra_valences=[lexicon_path("sentiment_news.tsv")],
        extra_neutral_senses=[lexicon_path("sentiment_senses.tsv")],
    ).analyzer
    sentences = [r["sentence"] for r in LABELLED_ROWS]
    expected = [r["expected"] for r in LABELLED_ROWS]
    plain = evaluate_sign_agreement(sentences, expected)
    tuned = evaluate_sign_agreement(sentences, expected, analyzer=configured)
    assert tuned.n_agree > plain.n_agree
    # every sentence the authors' lexicon got right stays right
    assert {s for s, _, _ in tuned.disagreements} <= {s for s, _, _ in plain.disagreements}
    scores = configured.polarity_scores("The sanctions have crippled the economy.")
    assert scores["compound"] < -0.05


@pytest.mark.parametrize(
    ("row", "message"),
    [("big deal\t1.0", "one word"), ("awful\t-9", "valence in"), ("awful\tbad", "not a number")],
)
def test_extra_valences_are_validated(tmp_path, row, message):
    from pipeline.sentiment_vader import extra_valences_key

    path = tmp_path / "v.tsv"
    path.write_text(f"# version: 1\nterm\tvalence\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        extra_valences_key([path])
    assert str(error.value).startswith(f"{path}, line 3: ")


# --- neutral senses -----------------------------------------------------------------------

SENSES = ROOT / "pipeline" / "lexicons" / "sentiment_senses.tsv"


def configured_stage() -> SentimentStage:
    """The stage as config/config.yaml sets it up (topic words, news valences, senses)."""
    import yaml

    section = yaml.safe_load((ROOT / "config" / "config.yaml").read_text())["sentiment"]
    files = {k: [ROOT / p for p in section[k]] for k in ("extra_valences", "extra_neutral_senses")}
    return SentimentStage(actors=[], neutral_terms=section["neutral_terms"], **files)


def test_config_lists_the_shipped_sense_lexicon():
    stage = configured_stage()
    assert isinstance(stage.analyzer, SenseAnalyzer)
    assert stage.analyzer.neutral_spans("Talks with the United Nations collapsed.") == [(15, 21)]


@pytest.mark.parametrize(
    "row", [r for r in LABELLED_ROWS if r["category"] == "sense"], ids=lambda r: r["sentence"][:40]
)
def test_configured_stage_reads_the_senses_as_people_do(row):
    out = configured_stage().analyse(doc_of("labelled", [(False, row["sentence"])]))
    assert out.sentence_columns["sentiment"][0] == row["expected"]


@pytest.mark.parametrize(
    ("sentence", "neutral"),
    [
        ("Relations with the United States were strained.", ["United"]),
        ("The team united behind its leader.", []),  # the verb: no name follows
        ("Firms like Huawei lost money.", ["like"]),
        ("They like the plan and we would like more.", []),  # the verb, after a subject
        ("The data was shared with third parties.", ["shared", "parties"]),
        ("They shared a laugh.", []),
        ("The challenge lies in trust.", ["challenge", "lies"]),
        ("He lies to voters.", []),
        ("China plays a key role.", ["plays"]),
        ("This raises ethical and legal implications.", ["ethical", "legal"]),
        ("The ethical leader won.", []),
        ("Interest rates rose; it serves national interests.", ["Interest", "interests"]),
        ("Free allowances end; free trade stays; free speech matters.", ["Free", "free"]),
        ("Carbon charges rose; he faces charges of fraud.", ["charges"]),
        ("The International Energy Agency said energy use rose.", ["Energy", "energy"]),
        ("She is full of energy; Meridian Energy said.", ["Energy"]),  # vigour keeps it
        (
            "Brent crude rose; the price of crude fell; crude prices.",
            ["crude", "crude", "crude"],
        ),
        ("It was a crude attempt.", []),
        (
            "It had 4 billion outstanding shares; $2 a share; shares slumped.",
            ["outstanding", "shares", "share", "shares"],
        ),
        ("Her work was outstanding and they share a vision.", []),
        ("Debts remain outstanding; outstanding loans rose.", ["outstanding"]),
        (
            "Treasury securities and natural gas; a natural leader.",
            ["Treasury", "securities", "natural"],
        ),
        ("NME rates rose; nme.", ["NME"]),  # the initialism, not the slang in lower case
        ("She tested positive for measles; a positive PCR test.", ["tested positive", "positive"]),
        ("The talks gave positive results.", []),
        ("The outlook is positive for investors; sentiment turned negative.", []),
        ("A free clinic and health care providers; care workers.", ["free", "care", "care"]),
        ("I care about it.", []),
        ("The emergency room; a state of emergency.", ["emergency"]),
        (
            "The confidence interval and margin of error; no confidence.",
            ["confidence interval", "margin of error"],
        ),
        ("A conflict of interest; the conflict.", ["conflict of interest"]),
        ("Beating analyst estimates; a beating.", ["Beating"]),
        (
            "The FTSE 100 eased 0.3%; tensions eased; quantitative easing.",
            ["eased", "easing"],
        ),
        ("The Grand Canyon; a grand plan; oil wells.", ["Grand", "wells"]),
        ("Google paid a $5 billion fine; the weather was fine.", ["fine"]),
        ("It was a fine example; the deal has its merits.", []),
        ("It was judged on its merits.", ["merits"]),
        ("Critics argue it fails; they argued over the bill.", ["argue"]),
        ("The Justice Department and the AI Safety Institute.", ["Justice Department", "Safety"]),
        ("Neither side showed any interest in compromise.", []),
        ("Power dynamics shifted in a dynamic market.", ["dynamics"]),
        ("Market share fell.", ["Market share"]),
        # legal and platform prose (a third reader's corpus on an age-verification ruling)
        (
            "The Supreme Court upheld it; SUPREME COURT OF THE UNITED STATES; supreme confidence.",
            ["Supreme", "SUPREME"],
        ),
        (
            "Justice Barrett wrote; JUSTICE KAGAN, dissenting; justice was done.",
            ["Justice", "JUSTICE"],
        ),
        ("The American Civil Liberties Union defends civil liberties.", ["Liberties"]),
        ("Users must hand over an ID; on the other hand; a helping hand.", ["hand", "hand"]),
        ("The lower courts agreed; lower prices; prices closed lower.", ["lower", "lower"]),
        ("The state has a legitimate interest; she showed interest.", ["interest"]),
        ("It is a far cry from that; a cry for help.", ["cry"]),
        ("It has 90 million monthly active users; an active debate.", ["active"]),
        (
            "Effective dates vary; effective January 1; an effective drug.",
            ["Effective", "effective"],
        ),
        ("Age assurance tools; assurances of support.", ["assurance"]),
        ("That share is twice as high; they share the goal.", ["share"]),
        ("No more than 5 days; no deal.", ["No"]),
        # a reader's audit of a corpus on a cyber pact (audit F): the pact and a results section
        (
            "Under the agreement, a trade agreement and the Paris Agreement; they signed an "
            "agreement; the cyber-security agreement; a real agreement.",
            ["agreement", "agreement", "Agreement", "agreement", "agreement", "agreement"],
        ),
        (
            "Broad agreement among experts; in agreement; in full agreement; reach an agreement; "
            "no agreement; the broad agreement; the agreement among experts.",
            [],
        ),
        ("Talks ended without an agreement.", []),  # negated consensus keeps it
        (
            "It was statistically significant; the effect was also significant; a significant "
            "difference; a significant step.",
            ["significant", "significant", "significant"],
        ),
        ("X was positively associated with Y; they spoke positively.", ["positively"]),
        ("A positive correlation; a positive effect on jobs.", ["positive"]),
        ("It is robust to the inclusion of controls; robust to shocks.", ["robust"]),
        (
            "Trust in partners was associated with support; 46% support; public support for it.",
            ["Trust", "support", "support"],  # public support in news is support (review #8)
        ),
        ("Threat exposure shapes public support for cyber cooperation.", ["Threat", "support"]),
        (
            "Support for the pact was measured; support was higher among the young.",
            ["Support", "support"],
        ),
        ("Strong support from allies; they support it; support for the plan was strong.", []),
        ("46.1% of respondents supported it; it is not supported by evidence.", ["supported"]),
        (
            "Low trust in institutions; low Western trust; between exposure and trust; respect "
            "and trust; mutual trust; they trust us.",
            ["Low", "trust", "low", "trust", "trust"],
        ),
        (
            "Threat perception and threat exposure; perceived cyber threat; a threat to peace.",
            ["Threat", "threat", "threat"],
        ),
        ("The remainder were undecided; the minister is undecided.", ["undecided"]),
        # word senses (audit F, M9)
        ("The first of its kind; nothing of the kind; a kind man.", ["kind", "kind"]),
        ("My right hon. Friend; my friend Bob.", ["Friend"]),
        ("Wang stressed that it works; she felt stressed.", ["stressed"]),
        ("Certain countries object; I am certain.", ["Certain"]),
        ("Their respective laws.", ["respective"]),
        (
            "Information sharing and threat intel sharing; sharing threat intel.",
            ["sharing", "threat", "sharing", "sharing", "threat"],
        ),
        ("They shared a laugh; a sharing economy.", []),
        ("A computer emergency response team; a state of emergency.", ["emergency"]),
        ("In a criminal case; criminal gangs.", ["criminal"]),
        ("The approval rate; it won approval.", ["approval"]),
        ("Liberty Hawk replied; liberty matters; Liberty is precious.", ["Liberty"]),
        ("[Interruption.] The interruption was brief.", ["Interruption"]),
        # review #8: senses of a results section must not silence evaluation in news
        ("A positive correlation; a positive sign for the economy; positive signs.", ["positive"]),
        (
            "The coefficient has the expected positive sign; the slope has a negative sign.",
            ["positive sign", "negative sign"],
        ),
        (
            "Public support is overwhelming; popular support; increased support; majority support.",
            [],
        ),
        ("Exposure increases support for cooperation.", ["support"]),
        (
            "Both leaders voiced their agreement with the plan; she expressed her full agreement; "
            "their agreement with China; the agreement with the plan's backers.",
            ["agreement", "agreement"],
        ),
        (
            "Nurses were overworked and stressed; teachers are increasingly stressed; staff are "
            "stressed; I was stressed that I would fail.",
            [],
        ),
        (
            "'It is fair,' Wang stressed. It was stressed that talks go on; he stressed the need "
            "for calm; officials are stressing that it works; the deal, he stressed, is fair.",
            ["stressed", "stressed", "stressed", "stressing", "stressed"],
        ),
        # audit G (eight genres on one leaked pact): topic words, courtesy formulas, misread senses
        (
            "A memorandum on maritime safety; road safety; fears for their safety; safety first.",
            ["safety", "safety"],
        ),
        (
            "If that was shared, it was shared; records were to be shared; had their records "
            "shared; a widely shared view; they shared a laugh.",
            ["shared", "shared", "shared", "shared"],
        ),
        ("- Trust in the national government fell to 34%.", ["Trust"]),  # after a list marker
        ("1. Trust in the press was measured.", ["Trust"]),
        ("• Trust in courts was measured; they trust in God.", ["Trust"]),
        ("Marisca's trust in its own government has fallen; trust in God and it fell.", ["trust"]),
        (
            "The leaked document; a leaked copy of the memo; the leak; the Harbour Protocol Leak; "
            "a gas leak; the leak of radioactive water; leaked customer data.",
            ["leaked", "leaked", "leak", "Leak"],
        ),
        ("Q: Thank you.", ["Thank"]),
        ("HOST: Dr Sorensen, thanks for joining us.", ["thanks"]),
        ("GUEST: Thanks for having me.", ["Thanks"]),
        ("HOST: Dr Anika Sorensen, thank you.", ["thank"]),
        ("Thank you, Dr Sorensen.", ["Thank"]),
        ("Thanks to the reforms, growth returned; thank you for nothing.", []),
        ("Spokesperson Zhao Wenli: Please.", ["Please"]),
        ("Please stop lying.", []),
        ("HOST: Sure.", ["Sure"]),
        ("I am not sure; sure enough.", []),
        ("Kia ora and talofa lava,", ["Kia"]),
        ("It is tempting to treat this as another moment; what a treat.", ["treat"]),
        (
            "Tideline has engaged Halvorsen & Crane LLP; it engaged an independent law firm; "
            "engaged and motivated staff.",
            ["engaged", "engaged"],
        ),
        ("Tideline's shares have already lost 8.4 percent.", ["shares"]),
        ("Doing an awful lot of work; the food was awful.", ["awful"]),
        ("Well above the 11.2 billion average; doing well.", ["Well"]),
        ("GUEST: Well, in a country of 310,000 people.", ["Well"]),
        ("Refer to the competent authorities; a competent manager.", ["competent"]),
        ("I want to stress that China agrees; the stress that nurses feel.", ["stress"]),
        (
            "There was no agreement at all; there was no agreement on the budget.",
            ["no agreement"],
        ),
        (
            "Their Cold War mentality; the numbers war; the war in Ukraine; a trade war.",
            ["War", "war"],
        ),
        # a denial as a reporting act is neutral too (2026-12-04 regression R-1); a refusal is not
        (
            "So you're not denying that it exists? They denied the report; he was denied access.",
            ["denying", "denied"],
        ),
        (
            "| Marisca | Denied, then acknowledged | The ministry denied signing it; denies that; "
            "denied bail; denied him entry; China denies abuses; initially denied and later "
            "acknowledged it.\n| China (MFA) | Denied |",
            ["Denied", "denied", "denies", "denied", "Denied"],
        ),
        (
            "The government first denied and then admitted signing it; he admits that; she "
            "was admitted to hospital.",
            ["denied", "admitted", "admits"],
        ),
        # the leak of a name, not a sentence's first word (2026-12-04 review)
        (
            "Oil leak hits the coast; A leak at the plant; Data leak exposes users; the Harbour "
            "Protocol Leak; It survived the Harbour Protocol Leak.",
            ["Leak", "Leak"],
        ),
        (
            "Spending was well under 5%; well within the limits; performed well under pressure.",
            ["well", "well"],
        ),
        (
            "The Herald's original story; the original text; an original idea.",
            ["original", "original"],
        ),
        # senses 1.11.0 (2026-12-06): a reader's check of the default corpus's report
        (
            "Sophisticated cyber espionage tools; a sophisticated attack; a sophisticated "
            "reading of the poem.",
            ["Sophisticated", "sophisticated"],
        ),
        ("Intellectual property theft; an intellectual giant.", ["Intellectual property"]),
        (
            "It attracted international criticism; attracts scrutiny; attracted thousands of "
            "visitors.",
            ["attracted", "attracts"],
        ),
        (
            "The objectives are clear: growth; it is clear that it failed; they made it clear; "
            "clear skies.",
            ["clear", "clear", "clear"],
        ),
        (
            "Advanced capabilities; the most advanced semiconductors; the talks advanced.",
            ["Advanced", "advanced"],
        ),
        (
            "Legal implications; legal experts; without any legal basis; it is legal.",
            ["Legal", "legal"],
        ),
        ("China actively seeks allies.", ["actively"]),
        ("It extends to sharing data; extend a welcome.", ["extends", "sharing"]),
        ("Hard data and soft power; a hard day.", ["Hard"]),
        (
            "At 60% lower costs; lower than in spring; shares closed lower.",
            ["lower", "lower", "shares"],
        ),
        (
            "One major challenge; challenges arise; the ruling was challenged.",
            ["challenge", "challenges"],
        ),
        (
            "To secure its interests; secure a deal; a secure border; feel secure.",
            ["secure", "interests", "secure"],
        ),
        (
            "A significant role; a significant threat; a significant step.",
            ["significant", "significant"],
        ),
        (
            "Critical information; critical semiconductor supplies; critical of the plan; in "
            "critical condition.",
            ["Critical", "critical"],
        ),
        # senses 1.12.0 (2026-12-06): an analyst's check on two articles of their own
        ("A number of firms; the number of cases; number one.", ["number", "number"]),
        ("Smart meters; a smart grid; a smart move.", ["Smart", "smart"]),
        (
            "A post shared more than 10,000 times; sharing on Facebook; a shared view.",
            ["shared", "sharing"],
        ),
        (
            "Growing fears; a growing number; a growing economy.",
            ["Growing", "growing"],
        ),
        (
            "Peak demand; demand for water rose; demand rose; protesters demand answers.",
            ["demand", "demand", "demand"],
        ),
        ("I honestly don't know; bosses' bonuses; a bonus for fans.", ["honestly", "bonuses"]),
        # senses 1.13.0 (2026-12-06): a word of sentiment_news.tsv 1.4.0
        (
            "Impossible to say; impossible to know how many; simply impossible to run.",
            ["Impossible", "impossible"],
        ),
        # senses 1.14.1 (2026-12-06): the limit of an estimate ("modest at best": +0.90)
        (
            "Modest at best; at worst a delay; the best day; aim at best practice.",
            ["best", "worst"],
        ),
        # senses 1.14.0 (2026-12-06): a given name before a surname ("said Rob Keane": -2.6)
        (
            "said Rob Keane; Hope Hicks; Joy A. Reid; thieves rob; hope for; Rob said; Grace is.",
            ["Rob", "Hope", "Joy"],
        ),
        # senses 1.15.0 (2026-12-06): a word of a name after another capitalised word ("said
        # Michael Grant": +0.36, the "Hospitals Trust" +0.61, in an analyst's checked report)
        (
            "Michael Grant said; the Hospitals Trust; Universal Credit; Mr Best; The Trust said; "
            "a good grant; We Trust them; Good news.",
            ["Grant", "Trust", "Credit", "Best"],
        ),
    ],
)
def test_sense_entries_match_only_the_misread_senses(sentence, neutral):
    analyzer = SenseAnalyzer(get_analyzer(), sense_detector([SENSES]))
    assert [sentence[s:e] for s, e in analyzer.neutral_spans(sentence)] == neutral


# sense entries' words, in capitals and with the letters re.IGNORECASE reads as i and s
SENSE_WORDS = ["United", "UNITED", "Nations", "like", "LİKE", "party", "share", "ſhare", "of",
               "with", "data", "lies", "in", "interest", "rates", "free", "trade", "(", ")", ",",
               "Department", "Justice", "fine", "record", "unlike", "partly", "the"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SENSE_WORDS), max_size=14).map(" ".join))
def test_neutral_spans_are_the_sense_detectors_neutral_markers(sentence):
    """The pre-test that skips the detector (no word starts a sense entry) loses no span."""
    detector = sense_detector([SENSES])
    expected = [(m.start, m.end) for m in detector.markers(sentence) if m.category == "neutral"]
    assert SenseAnalyzer(get_analyzer(), detector).neutral_spans(sentence) == expected


def test_masked_words_score_as_unknown_words_and_offsets_stay():
    text = "Firms like Huawei lost money, LIKE it or not."
    masked = mask_words(text, [(6, 10), (30, 34)])
    assert masked == "Firms жжжж Huawei lost money, ЖЖЖЖ it or not."
    assert len(masked) == len(text)
    # the same scores as a sentence whose words are not in the lexicon at those places
    plain = get_analyzer()
    assert plain.polarity_scores(masked) == plain.polarity_scores(
        "Firms zzzz Huawei lost money, ZZZZ it or not."
    )
    trace = SenseAnalyzer(plain, sense_detector([SENSES])).trace("Firms like Huawei lost money.")
    assert [("Firms like Huawei lost money."[s:e], v) for s, e, v in trace.terms] == [
        ("lost", -1.3)
    ]


def test_no_sense_files_is_plain_vader():
    stage = SentimentStage(actors=[], extra_neutral_senses=[])
    assert not isinstance(stage.analyzer, SenseAnalyzer)  # the TracingAnalyzer itself
    with pytest.raises(ValueError, match="list of files"):
        SentimentStage(actors=[], extra_neutral_senses=str(SENSES))


def test_sense_lexicon_refuses_other_categories(tmp_path):
    path = tmp_path / "senses.tsv"
    path.write_text("# version: 1\npattern\tcategory\tsubtype\nlike\thedge\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown category"):
        sense_detector([path])


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        ("The treaty was widely praised.[3]", "The treaty was widely praised."),
        ("The rollout was a disaster.¹", "The rollout was a disaster."),
        ("Critics called the plan a disaster.[1][2]", "Critics called the plan a disaster."),
        ("The plan was a failure.[citation needed]", "The plan was a failure."),
    ],
)
def test_a_reference_mark_after_a_word_leaves_its_score(marked, plain) -> None:
    # audit F kept wiki marks in their sentence; VADER read "praised.[3]" as one unknown word
    from tests.conftest import segment_text

    stage = SentimentStage()
    got, want = (stage.analyse(segment_text(t)) for t in (marked, plain))
    assert got.sentence_columns["compound"] == want.sentence_columns["compound"] != [0.0]
    terms = [(r["term"], r["start"], r["end"]) for r in got.tables["sentiment_terms"]]
    assert terms == [(r["term"], r["start"], r["end"]) for r in want.tables["sentiment_terms"]]


@pytest.mark.parametrize(
    ("typographic", "ascii_"),
    [
        # a helper's audit: VADER strips only ASCII quotes, so “terrible” was an unknown word
        ("Critics call it “terrible”.", 'Critics call it "terrible".'),
        ("It was a ‘great’ day.", "It was a 'great' day."),
        # and finds negation by "n't": don’t like scored +0.36, don't like -0.28
        ("I don’t like the plan.", "I don't like the plan."),
        ("The plan is a disaster…", "The plan is a disaster."),
        # the default corpus's sentence 14 of intelligence_diplomacy, shortened
        (
            "citizens “support, assist, and cooperate with state intelligence work.”",
            'citizens "support, assist, and cooperate with state intelligence work."',
        ),
    ],
)
def test_typographic_punctuation_scores_as_its_ascii_form(typographic, ascii_) -> None:
    from tests.conftest import segment_text

    stage = SentimentStage()
    got, want = (stage.analyse(segment_text(t)) for t in (typographic, ascii_))
    assert got.sentence_columns["compound"] == want.sentence_columns["compound"] != [0.0]
    # the same words at the same offsets, taken from the text as written
    terms = [(r["term"], r["start"], r["end"], r["valence"]) for r in got.tables["sentiment_terms"]]
    assert terms == [
        (r["term"], r["start"], r["end"], r["valence"]) for r in want.tables["sentiment_terms"]
    ]


def test_an_em_dash_between_words_parts_them() -> None:
    from tests.conftest import segment_text

    doc = segment_text("The stakes are high—great news for rivals.")
    out = SentimentStage().analyse(doc)
    assert [r["term"] for r in out.tables["sentiment_terms"]] == ["great"]
    assert vader_text("high—great “news”…") == 'high great "news".'


@pytest.mark.parametrize(
    ("sentence", "term", "valence"),
    [
        ("The council squandered £40 million on a scheme.", "squandered", -2.0),
        ("The board announced drastic cuts.", "drastic", -1.3),
        ("Pupils are taught in crumbling classrooms.", "crumbling", -1.7),
        ("Without water it is simply impossible to run a restaurant.", "impossible", -1.3),
    ],
)
def test_news_words_of_1_4_0_are_scored_and_traced(sentence, term, valence):
    """sentiment_news.tsv 1.4.0 (2026-12-06): words VADER lacks from an analyst's emotive article;
    each is a term of the sentence's trace, at its offsets, with the file's valence (a booster
    before it, "simply", adds VADER's 0.293)."""
    from pipeline.lexicon import lexicon_path
    from pipeline.sentiment import SentimentStage

    analyzer = SentimentStage(
        extra_valences=[lexicon_path("sentiment_news.tsv")],
        extra_neutral_senses=[lexicon_path("sentiment_senses.tsv")],
    ).analyzer
    assert analyzer.polarity_scores(sentence)["compound"] < -0.05
    start = sentence.index(term)
    traced = {(a, b): v for a, b, v in analyzer.trace(sentence).terms}
    assert traced[(start, start + len(term))] == pytest.approx(valence, abs=0.3)  # boosters
