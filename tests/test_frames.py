"""Tests for the policy-frames stage, its corpus-level shares, evaluation and plots."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.frames import (
    CUE_COLUMNS,
    FRAME_IDS,
    NO_FRAME,
    FramesStage,
    frame_order,
    load_frame_lexicon,
    primary_frame,
)
from pipeline.frames_corpus import (
    DIFFERENCE_COLUMNS,
    REST,
    SHARE_COLUMNS,
    frame_differences,
    frame_shares,
    frame_tables,
    main,
)
from pipeline.frames_eval import evaluate, read_annotations
from pipeline.frames_plots import (
    frame_colors,
    plot_frame_profile,
    plot_frame_strip,
    strip_rectangles,
)
from pipeline.lexicon import lexicon_path, read_lexicon
from pipeline.types import SegmentedDocument, Sentence
from tests.conftest import segment_text

ANNOTATED = Path(__file__).parent / "data" / "frames_annotated.tsv"
STAGE = FramesStage()

TINY = """Trade and Security

Exports fell by a billion dollars. Troops moved to the border region. The weather was mild.

Courts and laws decide. Military spending rose while the poll showed public backlash."""


def frames_of(text: str, stage: FramesStage = STAGE) -> list[tuple[str, str]]:
    return [(text[s:e], f) for s, e, f in stage.sentence_cues(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports fell sharply.", [("Exports", "economic")]),
        ("It is a matter of national security.", [("national security", "security_defense")]),
        ("Researchers used artificial intelligence.", []),  # blocking entry
        # what is spied on does not make the economic or political frame (1.14.11)
        ("They share political and economic intelligence.",
         [("political and economic intelligence", "security_defense")]),
        ("Economic espionage grew; the economic outlook dimmed.",
         [("Economic espionage", "security_defense"), ("economic", "economic")]),
        ("Tenants pay a security deposit.", [("security deposit", "economic")]),
        ("The counter-terrorism unit grew.", [("terrorism", "security_defense")]),
        ("It is important to import less.", [("import", "economic")]),
        ("Pollution rose; polls fell.",
         [("Pollution", "health_safety"), ("polls", "public_opinion")]),
        ("The EU objected.", [("EU", "external_regulation")]),
        ("The eu word is lower case.", []),  # =EU is case-sensitive
        ("Diplomacy failed and diplomats left.",
         [("Diplomacy", "external_regulation"), ("diplomats", "external_regulation")]),
        ("He was sentenced to death.", [("sentenced to death", "crime_punishment")]),
        ("A sunny afternoon in the park.", []),
        # a survey of firms or experts is not public opinion; a survey of voters is
        ("A Reuters survey of 40 supply-chain managers found delays.", []),
        ("A survey of voters found anger.",
         [("survey", "public_opinion"), ("voters", "political")]),
        # agencies named after a frame's word are actors, not cues of the frame
        ("The Commerce Department acted; commerce grew.", [("commerce", "economic")]),
        ("A survey by the DIHK found that 43% of member firms agree.", []),
        ("It is a law of nature; new laws passed.", [("laws", "legality")]),
        ("Emissions are below pre-pandemic levels.", []),
        ("The Federal Trade Commission and the Competition and Markets Authority acted.", []),
        ("Large language models and a safe harbour.", []),
        ("A professor at the London School of Economics said economics matters.",
         [("economics", "economic")]),
        ("The Bureau of Industry and Security acted.", []),
        ("Customs data show it; customs duties rose.", [("customs duties", "economic")]),
        ("Local customs survive.", [("customs", "cultural_identity")]),
        # a measles outbreak is health; degree "fairly", markets' "safe haven", experts polled,
        # staff forecasts, a start date, a central bank committee and a rival company are not
        ("The measles outbreak spread among unvaccinated children; disease surveillance grew.",
         [("measles", "health_safety"), ("outbreak", "health_safety"),
          ("unvaccinated", "health_safety"), ("disease surveillance", "health_safety")]),
        ("Mass surveillance grew.", [("surveillance", "security_defense")]),
        ("To be fair, gold, a safe haven, was fairly flat; workers were treated fairly.",
         [("treated fairly", "fairness_equality")]),
        ("Economists polled by Reuters and Fed staff projections agree.", []),
        ("The rule is effective June 19; the Committee judges that risks are balanced.", []),
        ("Rival Meridian Petroleum Inc. cut output; rival powers clashed.",
         [("rival", "external_regulation")]),
        ("Students in the public schools; the public is angry.",
         [("the public", "public_opinion")]),
        ("The public health emergency; the public debt; pay their fair share.",
         [("The public health", "health_safety"), ("the public debt", "economic"),
          ("fair", "fairness_equality")]),
        # a court's vocabulary is legality; an organisation's name, identification, a
        # population statistic, an agency's name and insults are not frames
        ("The Act is subject to intermediate scrutiny; petitioners have not shown it fails.",
         [("intermediate scrutiny", "legality"), ("petitioners", "legality")]),
        ("The court enjoined the law; amici and plaintiffs filed briefs.",
         [("court", "legality"), ("enjoined", "legality"), ("law", "legality"),
          ("amici", "legality"), ("plaintiffs", "legality")]),
        ("In her dissent Kagan cited the First Amendment; the dissenting justices agreed.",
         [("her dissent", "legality"), ("First Amendment", "legality"),
          ("dissenting justices", "legality")]),
        ("Crackdowns on dissent grew; an appeals court heard it.",
         [("appeals court", "legality")]),
        ("NetRights Alliance objected; the alliance with Japan holds.",
         [("alliance", "external_regulation")]),
        ("Two dissenting members voted no; the dissenting opinion; the Atlantic Alliance.",
         [("voted", "political"), ("dissenting opinion", "legality"),
          ("Atlantic Alliance", "external_regulation")]),
        ("Users upload identity documents or reveal their identity; national identity matters.",
         [("national identity", "cultural_identity")]),
        ("8 percent of adults lack a license; 60 percent of adults say no.",
         [("percent of adults say", "public_opinion")]),
        ("The National Institute of Standards and Technology tested them; standards rose.",
         [("standards", "policy_prescription")]),
        ("Personal attacks will be removed; the attacks continued.",
         [("attacks", "security_defense")]),
        ("An overwhelming majority agreed; clinics were overwhelmed.",
         [("overwhelmed", "capacity_resources")]),
    ],
)  # fmt: skip
def test_sentence_cues(text, expected):
    assert frames_of(text) == expected


@pytest.mark.parametrize(
    ("cues", "tie_break", "expected"),
    [
        ([], "first_cue", NO_FRAME),
        ([(5, "economic")], "first_cue", "economic"),
        ([(0, "legality"), (9, "economic"), (20, "economic")], "first_cue", "economic"),
        ([(30, "economic"), (2, "security_defense")], "first_cue", "security_defense"),
        ([(30, "economic"), (2, "security_defense")], "codebook_order", "economic"),
        ([(4, "political"), (4, "morality")], "first_cue", "morality"),  # same start: codebook
        ([(0, "zz_custom"), (9, "other")], "codebook_order", "other"),  # user frames come last
    ],
)
def test_primary_frame(cues, tie_break, expected):
    assert primary_frame(cues, tie_break=tie_break) == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"tie_break": "longest"}, "tie_break"),
        ({"extra_lexicons": "one.tsv"}, "list of TSV paths"),
        ({"extra_lexicons": ["/nonexistent/frames.tsv"]}, "does not exist"),
    ],
)
def test_stage_rejects_bad_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        FramesStage(**kwargs)


def write_lexicon(path: Path, rows: list[str]) -> Path:
    path.write_text("# version: t1\npattern\tframe\tnote\n" + "\n".join(rows) + "\n", "utf-8")
    return path


def test_extra_lexicon_overrides_adds_and_blocks(tmp_path):
    extra = write_lexicon(
        tmp_path / "x.tsv",
        ["espionage\tcrime_punishment\tmine", "security\tnone\tdrop", "chip{,s}\ttechnology\tnew"],
    )
    stage = FramesStage(extra_lexicons=[extra])
    text = "Espionage, security and chips."
    assert frames_of(text, stage) == [("Espionage", "crime_punishment"), ("chips", "technology")]
    shipped = read_lexicon([lexicon_path("frames.tsv")]).versions
    assert stage.lexicon_versions == {**shipped, "x.tsv": "t1"}
    assert frame_order(["technology", "economic"])[-1] == "technology"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("spying\tSecurity Defense\tx", "bad frame id"),
        # "off" switches a stance entry off; as a frame id it would add a frame called "off"
        (
            "espionage\toff\tx",
            "bad.tsv, line 3: frame lexicon entry 'espionage': frame 'off' is not a frame",
        ),
    ],
)
def test_bad_frame_id_is_rejected(tmp_path, row, message):
    extra = write_lexicon(tmp_path / "bad.tsv", [row])
    with pytest.raises(ValueError, match=message):
        load_frame_lexicon([extra])


def test_a_bad_frame_id_names_the_closest_codebook_id(tmp_path):
    extra = write_lexicon(tmp_path / "bad.tsv", ["fare{,s}\tEconomic\tx"])
    with pytest.raises(ValueError, match=r"bad frame id 'Economic' \(did you mean 'economic'\?\)"):
        load_frame_lexicon([extra])


def test_a_new_frame_id_close_to_a_codebook_id_is_a_warning(tmp_path):
    from pipeline.frames import near_codebook_ids

    extra = write_lexicon(
        tmp_path / "mine.tsv",
        ["fare{,s}\teconomics\tx", "tram{,s}\ttransport\tx", "dole\teconomic\tx",
         "# a note", "fairly\tfairness_equalty\tx", "toll{,s}\tnone\tx"],
    )  # fmt: skip
    got = near_codebook_ids(read_lexicon([extra], required=("pattern", "frame")))
    assert got == [
        (str(extra), "line 3: frame 'economics' of entry 'fare{,s}' is not a codebook frame, so "
                     "it makes a new one (did you mean 'economic'?)"),
        (str(extra), "line 7: frame 'fairness_equalty' of entry 'fairly' is not a codebook "
                     "frame, so it makes a new one (did you mean 'fairness_equality'?)"),
    ]  # fmt: skip
    # a part of a compound id names it, not a near spelling of another ('equality', 'legality')
    extra = write_lexicon(tmp_path / "parts.tsv", ["a\tcrime\tx", "b\tequality\tx",
                                                   "c\ttechnology\tx"])  # fmt: skip
    got = near_codebook_ids(read_lexicon([extra], required=("pattern", "frame")))
    assert [message.rsplit("(", 1)[1] for _, message in got] == [
        "did you mean 'crime_punishment'?)",
        "did you mean 'fairness_equality'?)",
    ]


def test_shipped_lexicon_covers_every_dimension():
    lex = load_frame_lexicon()
    counts = pd.Series(lex.frames).value_counts()
    assert set(lex.frames) <= {*FRAME_IDS, NO_FRAME}
    assert all(counts.get(f, 0) >= 5 for f in FRAME_IDS), counts.to_dict()
    assert len(lex.patterns) == len(set(lex.patterns))


def test_analyse_tiny_document():
    doc = segment_text(TINY, "tiny")
    out = STAGE.analyse(doc)
    assert [s.is_heading for s in doc.sentences] == [True, False, False, False, False, False]
    assert out.sentence_columns["primary_frame"] == [
        "economic", "economic", "security_defense", NO_FRAME, "legality", "public_opinion",
    ]  # fmt: skip
    assert out.sentence_columns["n_frame_cues"] == [2, 3, 1, 0, 2, 4]
    rows = out.tables["frame_cues"]
    assert all(tuple(r) == CUE_COLUMNS for r in rows)
    assert all(doc.clean[r["start"] : r["end"]] == r["match"] for r in rows)
    assert [(r["match"], r["frame"]) for r in rows if r["sent_id"] == 6] == [
        ("Military", "security_defense"), ("spending", "economic"), ("poll", "public_opinion"),
        ("public backlash", "public_opinion"),
    ]  # fmt: skip
    # the heading gets cues (and a primary frame) but frame_shares leaves it out
    assert [r["match"] for r in rows if r["sent_id"] == 1] == ["Trade", "Security"]


def test_default_corpus_offsets_and_alignment(default_corpus):
    for doc in default_corpus.values():
        out = STAGE.analyse(doc)
        for column in STAGE.sentence_columns:
            assert len(out.sentence_columns[column]) == len(doc.sentences)
        spans = {s.sent_id: (s.start, s.end) for s in doc.sentences}
        for row in out.tables["frame_cues"]:
            assert doc.clean[row["start"] : row["end"]] == row["match"]
            start, end = spans[row["sent_id"]]
            assert start <= row["start"] < row["end"] <= end


WORDS = [
    "espionage",
    "revenue",
    "court",
    "poll",
    "the",
    "and",
    "weather",
    "U.S.",
    "—",
    "Law",
    "ban",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30), st.sampled_from([" ", "\n", "  "])
)
def test_offsets_round_trip(words, sep):
    clean = sep.join(words)
    cut = len(clean) // 2
    sents = (
        Sentence(1, 1, False, 0, cut, clean[:cut]),
        Sentence(2, 1, False, cut, len(clean), clean[cut:]),
    )
    doc = SegmentedDocument("h", clean, sents, ((), ()))
    out = STAGE.analyse(doc)
    for row in out.tables["frame_cues"]:
        assert clean[row["start"] : row["end"]] == row["match"]
        sent = sents[row["sent_id"] - 1]
        assert sent.start <= row["start"] and row["end"] <= sent.end
    assert sum(out.sentence_columns["n_frame_cues"]) == len(out.tables["frame_cues"])


# ------------------------------------------------------------------------ corpus level

SENTS = pd.DataFrame(
    {"doc_id": ["a"] * 5 + ["b"] * 2,
     "sent_id": [1, 2, 3, 4, 5, 1, 2],
     "is_heading": [True, False, False, False, False, False, False]}
)  # fmt: skip
CUES = pd.DataFrame(
    {"doc_id": ["a", "a", "a", "a", "a", "b"],
     "sent_id": [1, 2, 2, 3, 3, 2],
     "start": 0, "end": 1, "match": "x",
     "frame": ["economic", "economic", "economic", "economic", "legality", "legality"]}
)  # fmt: skip


@pytest.mark.parametrize(
    ("doc_id", "frame", "n_cues", "n_sentences", "share"),
    [
        ("a", "economic", 3, 2, 0.5),  # heading cue left out; two cues in sentence 2 count once
        ("a", "legality", 1, 1, 0.25),
        ("a", "security_defense", 0, 0, 0.0),
        ("b", "legality", 1, 1, 0.5),
        ("b", "economic", 0, 0, 0.0),
    ],
)
def test_frame_shares_counts(doc_id, frame, n_cues, n_sentences, share):
    out = frame_shares(CUES, SENTS)
    row = out[(out["doc_id"] == doc_id) & (out["frame"] == frame)].iloc[0]
    assert (row["n_cues"], row["n_sentences"], row["share"]) == (n_cues, n_sentences, share)
    assert row["share_ci_low"] <= row["share"] <= row["share_ci_high"]


def test_frame_shares_shape_and_determinism():
    out = frame_shares(CUES, SENTS)
    assert tuple(out.columns) == SHARE_COLUMNS
    assert len(out) == 2 * len(FRAME_IDS)
    pd.testing.assert_frame_equal(out, frame_shares(CUES, SENTS))
    # adding a document leaves the other documents' intervals unchanged
    more = pd.concat(
        [SENTS, pd.DataFrame({"doc_id": ["c"], "sent_id": [1], "is_heading": [False]})]
    )
    again = frame_shares(CUES, more)
    pd.testing.assert_frame_equal(again[again["doc_id"] != "c"].reset_index(drop=True), out)


def test_document_without_body_sentences_has_no_share():
    sents = pd.DataFrame({"doc_id": ["h"], "sent_id": [1], "is_heading": [True]})
    cues = pd.DataFrame({"doc_id": ["h"], "sent_id": [1], "frame": ["economic"]})
    out = frame_shares(cues, sents)
    assert out["share"].isna().all() and (out["n_cues"] == 0).all()
    assert out["share_ci_low"].isna().all() and out["share_ci_high"].isna().all()


def spread(n: int, k: int) -> list[int]:
    """k of the sentence ids 1..n as evenly spaced as they go, none at the ends when it can be
    helped (no runs: the frame's indicator has a lag-1 correlation that corrects to 0)."""
    return [int((j + 0.5) * n / k + 0.5) for j in range(k)]


@pytest.mark.parametrize(("n", "k"), [(100, 70), (10, 1), (10, 0), (7, 7), (1, 1), (23, 21)])
@pytest.mark.parametrize("confidence", [0.95, 0.9])
def test_share_ci_is_the_exact_binomial_interval(n, k, confidence):
    """A statistician's review: the percentile bootstrap gave 0 of n and n of n a zero-width
    interval and held 1 of 10 at [0, 30%]; the exact (Clopper-Pearson) interval is [0.3%,
    44.5%]. scipy's binomtest computes it independently. The frame's sentences are spread out,
    so they count as the independent sentences they are (test_runs_of_a_frame_widen_...)."""
    from scipy.stats import binomtest

    sents = pd.DataFrame({"doc_id": "d", "sent_id": range(1, n + 1), "is_heading": False})
    cues = pd.DataFrame({"doc_id": "d", "sent_id": spread(n, k), "frame": "economic"})
    # another frame in another document, so that "economic" has its row even when k is 0
    sents = pd.concat([sents, pd.DataFrame({"doc_id": ["z"], "sent_id": [1], "is_heading": [0]})])
    cues = pd.concat([cues, pd.DataFrame({"doc_id": ["z"], "sent_id": [1], "frame": ["economic"]})])
    row = frame_shares(cues, sents, confidence=confidence).set_index(["doc_id", "frame"])
    row = row.loc[("d", "economic")]
    want = binomtest(k, n).proportion_ci(confidence_level=confidence, method="exact")
    # scipy finds its limits by root-finding (brentq, xtol about 2e-12)
    assert row["share_ci_low"] == pytest.approx(want.low, abs=1e-9)
    assert row["share_ci_high"] == pytest.approx(want.high, abs=1e-9)
    assert row["share_ci_low"] < row["share_ci_high"]  # never a zero-width interval
    if (n, k) == (10, 1) and confidence == 0.95:
        assert (round(row["share_ci_low"], 4), round(row["share_ci_high"], 4)) == (0.0025, 0.445)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"confidence": 1.0}, "confidence"),
        ({"confidence": True}, "confidence"),
        ({"max_pairwise_documents": 1}, "max_pairwise_documents"),
    ],
)
def test_differences_reject_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        frame_differences(CUES, SENTS, **kwargs)


def test_frame_differences_pairs():
    out = frame_differences(CUES, SENTS)
    assert tuple(out.columns) == DIFFERENCE_COLUMNS
    assert len(out) == len(FRAME_IDS) and set(out["doc_a"]) == {"a"}
    econ = out[out["frame"] == "economic"].iloc[0]
    assert (econ["share_a"], econ["share_b"], econ["difference"]) == (0.5, 0.0, 0.5)
    assert econ["ci_low"] <= 0.5 <= econ["ci_high"]
    np.testing.assert_allclose(out["difference"], out["share_a"] - out["share_b"])


def test_a_difference_interval_is_mover_with_exact_limits():
    """7 of 10 against 1 of 1: the bootstrap had excluded 0 ([-0.60, -0.10]); the MOVER
    interval with exact limits (the report's frame items use the same) is [-0.65, 0.70].
    By hand: p1 - p2 = 0.7 - 1 = -0.3; exact limits 0.3475..0.9333 and 0.025..1;
    low = -0.3 - sqrt((0.7 - 0.3475)^2 + (1 - 1)^2) = -0.6525,
    high = -0.3 + sqrt((0.9333 - 0.7)^2 + (1 - 0.025)^2) = 0.7025."""
    sents = pd.DataFrame(
        [("a", s, False) for s in range(1, 11)] + [("b", 1, False)],
        columns=["doc_id", "sent_id", "is_heading"],
    )
    cues = pd.DataFrame(
        [("a", s, "economic") for s in spread(10, 7)] + [("b", 1, "economic")],
        columns=["doc_id", "sent_id", "frame"],
    )
    row = frame_differences(cues, sents).set_index("frame").loc["economic"]
    assert (row["share_a"], row["share_b"]) == (0.7, 1.0)
    assert (round(row["ci_low"], 4), round(row["ci_high"], 4)) == (-0.6525, 0.7025)


def many_documents(n_docs: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = [f"d{i:02d}" for i in range(n_docs)]
    sents = pd.DataFrame(
        [(d, s, False) for d in ids for s in range(1, 5)],
        columns=["doc_id", "sent_id", "is_heading"],
    )
    cues = pd.DataFrame(
        [(d, 1 + i % 4, "economic") for i, d in enumerate(ids)],
        columns=["doc_id", "sent_id", "frame"],
    )
    return cues, sents


@pytest.mark.parametrize(
    ("n_docs", "limit", "n_rows"), [(3, 20, 3), (4, 20, 6), (5, 4, 5), (21, 20, 21)]
)
def test_pairs_or_one_vs_rest(n_docs, limit, n_rows):
    cues, sents = many_documents(n_docs)
    out = frame_differences(cues, sents, max_pairwise_documents=limit)
    assert len(out) == n_rows * len(FRAME_IDS)
    assert set(out["doc_b"]) == (
        {REST} if n_docs > limit else {f"d{i:02d}" for i in range(1, n_docs)}
    )
    if n_docs > limit:
        assert set(out["doc_b"]) == {REST}
        econ = out[out["frame"] == "economic"]
        np.testing.assert_allclose(econ["share_a"], 0.25)
        np.testing.assert_allclose(econ["share_b"], 0.25)


def test_one_vs_rest_difference_hand_worked():
    """21 documents of 4 body sentences; d00 has the economic frame in all 4, the others in 1.

    d00 vs the rest: share_a = 4/4 = 1, share_b = 20 x 1 / (20 x 4) = 0.25 (d00 left out),
    difference 0.75; its interval is MOVER with the exact limits of 4/4 and 20/80 (scipy's
    binomtest below computes them independently).
    """
    from scipy.stats import binomtest

    cues, sents = many_documents(21)
    cues = pd.concat(
        [cues, pd.DataFrame({"doc_id": "d00", "sent_id": [2, 3, 4], "frame": "economic"})],
        ignore_index=True,
    )
    out = frame_differences(cues, sents, max_pairwise_documents=20)
    row = out[(out["doc_a"] == "d00") & (out["frame"] == "economic")].iloc[0]
    assert (row["doc_b"], row["share_a"], row["share_b"], row["difference"]) == (
        REST, 1.0, 0.25, 0.75,
    )  # fmt: skip
    l1, u1 = binomtest(4, 4).proportion_ci(method="exact")
    l2, u2 = binomtest(20, 80).proportion_ci(method="exact")
    low = 0.75 - ((1 - l1) ** 2 + (u2 - 0.25) ** 2) ** 0.5
    high = 0.75 + ((u1 - 1) ** 2 + (0.25 - l2) ** 2) ** 0.5
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high), abs=1e-9)
    # another document: 1/4 against (4 from d00 + 19 x 1) / 80 = 23/80 in its rest
    other = out[(out["doc_a"] == "d01") & (out["frame"] == "economic")].iloc[0]
    assert (other["share_a"], other["share_b"]) == (0.25, 23 / 80)


def test_chunk_processes_do_not_import_pandas():
    """FramesStage runs in every chunk job; the corpus-level code (and pandas) stays out."""
    code = "import sys, pipeline.frames; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(("n_docs", "limit"), [(3, 20), (25, 20)])
def test_frame_tables_match_the_separate_tables(n_docs, limit):
    cues, sents = many_documents(n_docs)
    shares, diffs = frame_tables(cues, sents, confidence=0.9, max_pairwise_documents=limit)
    pd.testing.assert_frame_equal(shares, frame_shares(cues, sents, confidence=0.9))
    pd.testing.assert_frame_equal(
        diffs, frame_differences(cues, sents, confidence=0.9, max_pairwise_documents=limit)
    )


def test_main_writes_csvs(tmp_path):
    CUES.to_csv(tmp_path / "cues.csv", index=False)
    SENTS.assign(is_heading=SENTS["is_heading"].astype(int)).to_csv(tmp_path / "s.csv", index=False)
    args = (tmp_path / "cues.csv", tmp_path / "s.csv", tmp_path / "f.csv", tmp_path / "d.csv")
    main(*args)
    first = (tmp_path / "f.csv").read_bytes()
    main(*args)
    assert (tmp_path / "f.csv").read_bytes() == first
    assert first.decode().splitlines()[0] == ",".join(SHARE_COLUMNS)
    assert "a,economic,3,2,0.5," in first.decode()


# ------------------------------------------------------------------ default corpus, quality


def corpus_tables(default_corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    cues, sents = [], []
    for doc in default_corpus.values():
        out = STAGE.analyse(doc)
        cues += out.tables["frame_cues"]
        sents += [
            {"doc_id": doc.doc_id, "sent_id": s.sent_id, "is_heading": s.is_heading,
             "primary_frame": p}
            for s, p in zip(doc.sentences, out.sentence_columns["primary_frame"], strict=True)
        ]  # fmt: skip
    return pd.DataFrame(cues), pd.DataFrame(sents)


def test_default_corpus_expectations(default_corpus):
    cues, sents = corpus_tables(default_corpus)
    share = frame_shares(cues, sents).set_index(["doc_id", "frame"])["share"]
    first, second = "intelligence_cooperation", "intelligence_diplomacy"
    assert share[second, "economic"] > share[first, "economic"]
    assert share[first, "security_defense"] > share[second, "security_defense"]
    # the issue also expected external regulation to be higher in the second text; it is not
    # (both documents have a whole section on foreign relations): see "Policy frames" in README.md
    assert abs(share[first, "external_regulation"] - share[second, "external_regulation"]) < 0.1


def test_annotations_cover_default_corpus(default_corpus):
    ann = read_annotations(ANNOTATED)
    assert len(ann) >= 120 and set(ann["split"]) == {"dev", "test"}
    assert ann["id"].is_unique and ann["text"].is_unique
    labels = {f for cell in ann["frames"] for f in cell.split("|") if f}
    assert labels <= set(FRAME_IDS)
    texts = set(ann["text"])
    for doc in default_corpus.values():
        assert [s.text for s in doc.sentences if not s.is_heading and s.text not in texts] == []


# Floors a little under the scores of lexicon 1.13.0 (dev 0.654, test 0.788, all 0.679): the dev
# split holds two development sets written blind, first scored 0.51 and 0.44, whose frames are
# often carried by the story rather than a cue word (see "Measured quality" in README.md).
@pytest.mark.parametrize(("split", "floor"), [("dev", 0.64), ("test", 0.75), (None, 0.66)])
def test_micro_f1_on_annotated_sentences(split, floor):
    result = evaluate(ANNOTATED, split=split)
    assert result.micro_f1 >= floor, result.to_text()
    assert 0 < result.macro_f1 <= 1


EVAL_ROWS = (  # gold frames -> the cues the detector finds (see test_sentence_cues)
    "1\tdev\tx\teconomic\tExports fell sharply.\n"  # economic: TP
    "2\tdev\tx\teconomic\tIt is a matter of national security.\n"  # economic FN, security FP
    "3\ttest\tx\texternal_regulation\tThe EU objected.\n"  # external_regulation: TP
    "4\ttest\tx\tlegality\tA sunny afternoon in the park.\n"  # no cue: legality FN
)


@pytest.mark.parametrize(
    ("split", "per_frame", "micro", "macro_f1"),
    [
        # economic: P 1/1, R 1/2, F1 2/3; security_defense: 0 of 1 predicted, F1 0;
        # external_regulation: F1 1; legality: 0 of 1 found, F1 0 -> macro (2/3 + 1) / 4 = 5/12.
        # micro: tp 2, predicted 3, support 4 -> P 2/3, R 1/2, F1 2(1/3)/(7/6) = 4/7
        (None,
         {"economic": (2, 1, 1.0, 0.5, 2 / 3), "security_defense": (0, 1, 0.0, 0.0, 0.0),
          "external_regulation": (1, 1, 1.0, 1.0, 1.0), "legality": (1, 0, 0.0, 0.0, 0.0)},
         (2 / 3, 1 / 2, 4 / 7), 5 / 12),
        # dev rows 1-2: economic F1 2/3, security_defense 0 -> macro 1/3;
        # micro: tp 1, predicted 2, support 2 -> P 1/2, R 1/2, F1 1/2
        ("dev",
         {"economic": (2, 1, 1.0, 0.5, 2 / 3), "security_defense": (0, 1, 0.0, 0.0, 0.0)},
         (1 / 2, 1 / 2, 1 / 2), 1 / 3),
    ],
)  # fmt: skip
def test_evaluation_scores_hand_worked(tmp_path, split, per_frame, micro, macro_f1):
    path = tmp_path / "annotated.tsv"
    path.write_text("# note\nid\tsplit\tsource\tframes\ttext\n" + EVAL_ROWS, encoding="utf-8")
    result = evaluate(path, split=split)
    rows = result.per_frame.set_index("frame")
    assert set(rows.index) == set(per_frame)  # frames in the gold labels or the predictions
    for frame, (support, predicted, *scores) in per_frame.items():
        row = rows.loc[frame]
        assert (row["support"], row["predicted"]) == (support, predicted), frame
        assert [row["precision"], row["recall"], row["f1"]] == pytest.approx(scores), frame
    assert (result.micro_precision, result.micro_recall, result.micro_f1) == pytest.approx(micro)
    assert result.macro_f1 == pytest.approx(macro_f1)
    assert result.n_sentences == (4 if split is None else 2)


# ------------------------------------------------------------------------------ plots


def test_plots_are_deterministic(tmp_path, default_corpus):
    cues, sents = corpus_tables(default_corpus)
    shares = frame_shares(cues, sents)
    for name, plot, df in (("p", plot_frame_profile, shares), ("s", plot_frame_strip, sents)):
        plot(df, tmp_path / f"{name}1.png", tmp_path / f"{name}1.svg")
        plot(df, tmp_path / f"{name}2.png", tmp_path / f"{name}2.svg")
        for ext in ("png", "svg"):
            assert (tmp_path / f"{name}1.{ext}").read_bytes() == (
                tmp_path / f"{name}2.{ext}"
            ).read_bytes()


def teststrip_rectangles_one_per_sentence_top_row_first():
    sents = pd.DataFrame(
        {"doc_id": ["b", "a", "a", "b", "b", "c"], "sent_id": [2, 2, 1, 1, 3, 1],
         "is_heading": [False, False, True, False, False, False],
         "primary_frame": ["economic", "none", "legality", "none", "morality", "other"]}
    )  # fmt: skip
    corners, frames = strip_rectangles(sents, ["a", "b"])
    assert frames == ["legality", "none", "none", "economic", "morality"]
    a1, a2, b1 = corners[0], corners[1], corners[2]
    np.testing.assert_allclose(a1, [[0, 0.65], [0, 1.0], [0.5, 1.0], [0.5, 0.65]])  # heading
    np.testing.assert_allclose(a2, [[0.5, 0.65], [0.5, 1.35], [1, 1.35], [1, 0.65]])
    np.testing.assert_allclose(b1, [[0, -0.35], [0, 0.35], [1 / 3, 0.35], [1 / 3, -0.35]])


@pytest.mark.parametrize("n_docs", [1, 8, 120])
def test_plots_scale_with_documents(tmp_path, n_docs):
    cues, sents = many_documents(n_docs)
    sents = sents.assign(primary_frame=np.where(sents["sent_id"] == 1, "economic", NO_FRAME))
    plot_frame_profile(frame_shares(cues, sents), tmp_path / "p.png", None)
    plot_frame_strip(sents, tmp_path / "s.png", tmp_path / "s.svg")
    assert (tmp_path / "p.png").stat().st_size > 0 and (tmp_path / "s.svg").stat().st_size > 0


def test_frame_colours_are_distinct_and_none_alone_is_grey():
    from pipeline.frames import FRAME_IDS, NO_FRAME

    colors = frame_colors([*FRAME_IDS, NO_FRAME])
    frames = [colors[f] for f in FRAME_IDS]
    assert len(set(frames)) == len(FRAME_IDS)  # no two frames share a colour
    assert all(len({round(c, 3) for c in rgba[:3]}) > 1 for rgba in frames)  # no grey frame
    assert len({round(c, 3) for c in colors[NO_FRAME][:3]}) == 1  # none is grey
    # the codebook's first nine frames get tab20's strong colours, the later ones the light
    # colours paired with the first ones: each light colour is lighter than its strong pair
    luminance = [0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b, _ in frames]
    assert all(luminance[i] < luminance[i + 9] for i in range(len(frames) - 9))


# ------------------------------------------------------------------ context rules (audit F)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # million/billion count only as money: a currency or money word next to the number
        ("About 14 million citizens; 2.1 million records; millions of people.", []),
        (
            "It cost US$167 million, £4.5 million and $12 billion; worth 1.2 billion yuan.",
            [("cost", "economic"), ("million", "economic"), ("million", "economic"),
             ("billion", "economic"), ("billion", "economic")],
        ),
        (
            "About 167 million U.S. dollars; millions of euros; 3 million in funding.",
            [("million", "economic"), ("dollars", "economic"), ("millions", "economic"),
             ("million", "economic"), ("funding", "economic")],
        ),
        # review #15 and regressions R4-R6: money after a borrowing or pledging verb, a money
        # noun after the number, ranges, money without a digit; a toll in lives is no money
        ("The government borrowed another 30 billion last year.", [("billion", "economic")]),
        ("Germany pledged a further 5 billion to Kyiv.", [("billion", "economic")]),
        ("The 1.5 billion bailout was approved.", [("billion", "economic")]),
        ("A 700 billion stimulus package; a 5 million fund.",
         [("billion", "economic"), ("million", "economic"), ("fund", "economic")]),
        ("GDP reached 2 trillion; its market value hit 3 trillion.",
         [("GDP", "economic"), ("trillion", "economic"), ("market", "economic"),
          ("trillion", "economic")]),
        ("The war cost 3 million lives.", [("war", "security_defense")]),
        ("The crisis cost 3 million jobs.",
         [("cost", "economic"), ("million", "economic"), ("jobs", "economic")]),
        ("Officials spent 2 million hours on it; the cost in lives; the cost of life insurance.",
         [("cost", "economic")]),
        ("It costs $2.5-3.0 million per year; the deal is worth $2–3 billion.",
         [("costs", "economic"), ("million", "economic"), ("billion", "economic")]),
        ("They invested billions more; they spent tens of millions on chips.",
         [("invested", "economic"), ("billions", "economic"), ("millions", "economic")]),
        ("Some 3 million people; a 2 million-strong army; $5 million to help children.",
         [("army", "security_defense"), ("million", "economic")]),
        # market and production volumes
        ("Volume was 11.9 billion shares; it had 4.12 billion outstanding shares.",
         [("billion shares", "economic"), ("billion outstanding shares", "economic")]),
        ("Net production was 4.4 million oil-equivalent barrels per day, or 1.2 million boe/d.",
         [("million oil-equivalent barrels", "economic"), ("million boe/d", "economic")]),
        ("Output rose to 450 kboe/d; cuts of 2 million barrels a day; 1.5 billion tonnes.",
         [("kboe/d", "economic"), ("million barrels", "economic"),
          ("billion tonnes", "economic")]),
        # an abbreviation in brackets after its words, or a column's unit, is no second cue
        ("Cuts of 1.6 million barrels per day (bbl/d); Production (kboe/d).",
         [("million barrels", "economic")]),
        # rhetoric, not culture; the language of a people keeps it
        ("They frame it in the language of partnership.", [("partnership", "external_regulation")]),
        ("The language of the Kurds.", [("language", "cultural_identity")]),
        # an attack or a health drive is no political campaign; an election campaign is
        ("A ransomware campaign; the election campaign.",
         [("ransomware", "security_defense"), ("election", "political"),
          ("campaign", "political")]),
        # the Speaker's procedure is no prescription; a duty is
        ("The Minister must be heard. We must move on. Firms must comply.",
         [("Firms", "economic"), ("must", "policy_prescription"), ("comply", "legality")]),
        # a name is no policy or initiative of the sentence
        ("The Cyber Policy Centre said the policy failed.", [("policy", "policy_prescription")]),
        ("The Global Security Initiative; the initiative failed.",
         [("Security", "security_defense"), ("initiative", "policy_prescription")]),
        ("A commercial panel provider; commercial interests.", [("commercial", "economic")]),
        # audit G (eight genres on one leaked pact). R1: maritime safety is security, not health
        ("China and Marisca enjoy cooperation in law enforcement and maritime safety.",
         [("law enforcement", "crime_punishment"), ("maritime safety", "security_defense")]),
        ("One wonders why a document about maritime safety would need to say so.",
         [("maritime safety", "security_defense")]),
        ("The Maritime Safety Administration inspected it; food safety.",
         [("safety", "health_safety")]),
        # R2: idioms, a reply, an infobox label and names are no cues
        ("That's vague, but it isn't the smoking gun some accounts are claiming.", []),
        ("Don't let the numbers war distract you; the war in Ukraine.",
         [("war", "security_defense")]),
        ("Mele Tuilagi @meletuilagi · Mar 6\nFair.", []),
        ("Fair.", []),
        ("The deal is not fair.", [("fair", "fairness_equality")]),
        ("Signed 12 November 2025\nLanguages English, Mandarin\nStatus Suspended", []),
        ("Languages spoken in Marisca include English.", [("Languages", "cultural_identity")]),
        ("An adviser to the New Zealand Ministry of Foreign Affairs and Trade; trade fell.",
         [("trade", "economic")]),
        ("We will never ask any company or individual to collect data; Has any Chinese company "
         "been involved?", []),
        ("HOST: So why should anyone believe them now?", []),
        ("GUEST: I'm not saying anyone should.", []),
        ("Anyone should be able to vote; the government should act.",
         [("should", "policy_prescription"), ("vote", "political"),
          ("should", "policy_prescription")]),
        # a law firm hired for a review is lawyers: legality stays (decided, audit G R2)
        ("Tideline has engaged Halvorsen & Crane LLP, an independent law firm.",
         [("law", "legality")]),
        # R3: missed cues
        ("The US has conducted indiscriminate wiretapping of its allies.",
         [("wiretapping", "security_defense"), ("allies", "external_regulation")]),
        ("The Philippine vessel intruded into the waters without permission; an intrusion into "
         "their privacy.",
         [("intruded", "security_defense"), ("privacy", "legality")]),
        ("A Chinese coast guard vessel came within 30 metres; the coastguard said.",
         [("coast guard", "security_defense"), ("coastguard", "security_defense")]),
        ("Tideline complies with lawful interception requests.",
         [("complies", "legality"), ("interception", "security_defense")]),
        ("Stop spreading disinformation and respect the sovereign choices of Pacific Island "
         "countries; sovereign debt rose.",
         [("disinformation", "security_defense"), ("sovereign", "external_regulation"),
          ("sovereign debt", "economic")]),
        # F6: any three-capital currency code, and a money comparison
        ("It fell 8.4 percent, wiping roughly MSD 310 million off its value.",
         [("million", "economic")]),
        ("Contracts were worth MSD 14.6 billion, well above the 11.2 billion average.",
         [("Contracts", "economic"), ("billion", "economic"), ("billion", "economic")]),
        ("It cost $5 million, up from 3 million last year.",
         [("cost", "economic"), ("million", "economic"), ("million", "economic")]),
        ("The NHS 1.4 million; the PLA 2 million; 14 million citizens, compared with 12 million "
         "in 2020.", []),
    ],
)  # fmt: skip
def test_context_rules_of_cues(text, expected):
    assert frames_of(text) == expected


def test_extra_lexicon_rules_and_macros(tmp_path):
    path = tmp_path / "rules.tsv"
    path.write_text(
        "# version: r1\n# define CURRENCY: [$€£]\\d+\n"
        "pattern\tframe\tnote\tnot_before\tnot_after\trequires_before\trequires_after\n"
        "widget{,s}\teconomic\tmoney widgets\t\t\t@CURRENCY\t\n"
        "gadget{,s}\ttechnology\tnot toy gadgets\ttoy\t\t\t\n"
        "gizmo{,s}\ttechnology\tgizmos that ship\t\t\\s*stay\t\tship\n",
        encoding="utf-8",
    )
    stage = FramesStage(extra_lexicons=[path])
    text = "$5 widgets, 5 widgets, toy gadgets, new gadgets, gizmos ship, gizmos stay."
    assert frames_of(text, stage) == [
        ("widgets", "economic"),
        ("gadgets", "technology"),
        ("gizmos", "technology"),
    ]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (["widget\teconomic\tx\t(\t\t\t"], "bad not_before regex"),
        # the position is in the rule as written (9 characters), not in its anchored expansion
        (
            ["widget\teconomic\tx\tcheap (\t\t\t"],
            r"bad not_before regex 'cheap \(': missing \), unterminated subpattern at position 6$",
        ),
        # valid alone, not inside the anchored rule
        (
            ["widget\teconomic\tx\t(?i)cheap\t\t\t"],
            r"global flags not at the start of the expression \(the rules ignore case already",
        ),
        (
            ["widget\teconomic\tx\t@NOPE\t\t\t"],
            r"bad.tsv, line 3: entry 'widget': unknown macro @NOPE",
        ),
        (
            ["widget\teconomic\tx\t\t\t\t", "widget\tnone\ty\t\t\t\t"],
            r"bad.tsv, line 4: frame lexicon entry 'widget' is listed twice "
            r"\(also \S+bad.tsv, line 3\): merge",
        ),
    ],
)
def test_bad_frame_rules_are_rejected(tmp_path, rows, message):
    path = tmp_path / "bad.tsv"
    path.write_text(
        "# version: b1\npattern\tframe\tnote\tnot_before\tnot_after\trequires_before\t"
        "requires_after\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=message):
        load_frame_lexicon([path])


def test_shipped_frame_lexicon_lists_each_pattern_once():
    rows = read_lexicon([lexicon_path("frames.tsv")]).rows
    patterns = [r["pattern"] for r in rows]
    assert len(patterns) == len(set(patterns))


# Regression check P-2 and code review finding 10 (2026-12-04 review): an interception in sport is
# no security cue; three capitals before a head-count are no currency (as in figures.csv), and the
# codes of currency_codes.txt and an unlisted code after a money word stay money.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The defender intercepted a loose pass in the 80th minute.", []),
        ("His interception in the 80th minute sealed the win.", []),
        ("The quarterback threw an interception.", []),
        ("Ukraine's air defenders intercepted 30 drones overnight.",
         [("intercepted", "security_defense")]),
        ("The navy intercepted a vessel carrying arms.",
         [("navy", "security_defense"), ("intercepted", "security_defense")]),
        ("Agencies intercepted cross-border traffic.", [("intercepted", "security_defense")]),
        ("Tideline complies with lawful interception requests.",
         [("complies", "legality"), ("interception", "security_defense")]),
        ("The PRC 1.4 billion population grew.", []),
        ("The CCP 90 million members met.", []),
        ("WHO 5 million doses arrived.", []),
        ("Food aid from WFP 2 million people reached.", []),
        ("It cost NZD 2.5 million.", [("cost", "economic"), ("million", "economic")]),
        ("The SAR 150 billion fund grew.", [("billion", "economic"), ("fund", "economic")]),
        ("Loans of XYZ 2 billion were made.", [("billion", "economic")]),
        ("The fund is worth MSD 14.6 billion.", [("fund", "economic"), ("billion", "economic")]),
    ],
)  # fmt: skip
def test_review_sport_and_currency_cues(text, expected):
    assert frames_of(text) == expected


def test_review_rules_match_in_linear_time():
    import time

    for unit in ("intercepted a ", "the PRC 1 ", "worth MSD ", "worth 5 million, above the "):
        text = unit * (100_000 // len(unit))
        start = time.process_time()
        STAGE.sentence_cues(text, 0, len(text))
        assert time.process_time() - start < 6.0, unit


def test_frames_eval_prints_a_held_out_file_without_dev_rows(capsys) -> None:
    from pipeline.frames_eval import BLIND_PATH, main

    main([str(BLIND_PATH)])
    printed = capsys.readouterr().out
    dev, test, every = printed.split("== frames, split: ")[1:]
    assert dev.splitlines()[1] == "no sentences"
    n = len(read_annotations(BLIND_PATH))
    assert f"sentences={n} " in test and f"sentences={n} " in every


# Lexicon 1.11 (2026-12-04): external regulation and reputation cues, each with look-alikes a
# review found (a company's joint statement, a two-day summit, "His counterpart", US politics).
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ambassador was summoned to the foreign ministry.", "ambassador"),
        ("China lodged a formal protest with Tokyo over the visit.", "lodged a formal protest"),
        ("China lodged a strong protest.", "lodged a strong protest"),
        ("The two leaders met at the G20 summit in Bali.", "G20"),
        ("The leaders met at the Biden-Xi summit.", "summit"),
        ("World leaders' summit ends in Rome.", "summit"),
        ("He met his Chinese counterpart in Beijing.", "counterpart"),
        ("A Japanese delegation arrived in Manila.", "delegation"),
        ("Wang Yi told his Washington counterpart that the visit was off.", "counterpart"),
        ("Beijing accused Washington of interfering in its internal affairs.",
         "interfering in its internal affairs"),
        ("The incident damaged the country's standing abroad.", "standing abroad"),
        ("The two countries signed a defence pact.", "pact"),
        ("Take the Belt and Road Initiative.", "Belt and Road"),
        ("The three-nation summit ended without agreement.", "summit"),
        ("The Arab League summit opened in Riyadh.", "summit"),
        ("The ambassador for the European Union was summoned.", "ambassador"),
        ("China's pact with Russia worries Washington.", "pact"),
    ],
)  # fmt: skip
def test_external_regulation_cues(text: str, cue: str) -> None:
    assert (cue, "external_regulation") in frames_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Both companies said in a joint statement that the merger was off.",
        "Teachers attended a two-day summit on school funding in Leeds.",
        "Business leaders' summit backs new apprenticeships.",
        "The climbers reached the summit at dawn.",
        "His counterpart at the Treasury disagreed.",
        "The delegation of authority to managers is clear.",
        "The California delegation voted against the bill.",
        "The Republican leader and his Senate counterpart agreed on a budget.",
        "The Democratic leader and his GOP counterpart met on Tuesday.",
        "Her Lib Dem counterpart called the plan unfunded.",
        "The New York delegation voted against the bill.",
        "The West Virginia delegation backed the coal subsidy.",
        "The Washington delegation split on the vote.",
        "Labour and the Lib Dems agreed an electoral pact.",
        "Residents lodged a formal protest with the council over the parking fees.",
        "The club lodged a formal protest with FIFA over the referee.",
        "She was named a brand ambassador for Nike.",
        "Kane is an ambassador for the Football Association.",
        "She is an anti-bullying ambassador.",
        "He was appointed a UNICEF ambassador.",
        "Google and Apple's search pact is under scrutiny.",
        "Labour's pact with the SNP collapsed.",
        "The unions agreed a pay pact with ministers.",
        "The Tory-Lib Dem pact collapsed.",
        "The hotel's embassy suite was booked for the wedding.",
        "The deal is worth 1.2 billion yuan, according to a joint statement.",
    ],
)
def test_external_regulation_look_alikes(text: str) -> None:
    assert "external_regulation" not in {frame for _, frame in frames_of(text)}


# Lexicon 1.12 (2026-12-04, fourth session): cues and look-alikes from a development set written
# by an assistant session blind to the lexicon (frames_annotated rows 227-525).
@pytest.mark.parametrize(
    ("text", "cue", "frame"),
    [
        ("Brewers lobbied MPs to freeze beer duty.", "beer duty", "economic"),
        ("Peers voted to override the European Court of Human Rights.",
         "European Court of Human Rights", "legality"),
        ("Cuts to the flood defence budget mean fewer repairs.", "flood defence", "health_safety"),
        ("Residents were evacuated as the river burst its banks.", "evacuated", "health_safety"),
        ("Campaigners were given suspended sentences.", "suspended sentences", "crime_punishment"),
        ("A petition gathered 4,000 signatures in a week.", "petition", "public_opinion"),
        ("The junta extended the curfew.", "junta", "political"),
        ("Australia will acquire three submarines.", "submarines", "security_defense"),
        ("Fewer people identify as both Chinese and Taiwanese.", "identify as",
         "cultural_identity"),
        ("There are too few caseworkers to clear the backlog.", "too few", "capacity_resources"),
        ("There are too few nurses on the ward.", "nurses", "health_safety"),
        ("Is that a fair way to treat refugees?", "fair", "fairness_equality"),
        ("Scientists warn of more flood risk.", "flood", "health_safety"),
        ("He was handed a six-year sentence.", "sentence", "crime_punishment"),
        ("The MPs backed a ban on assault weapons.", "assault weapons", "security_defense"),
        ("The anti-corruption ambassador of the EU visited Kyiv.", "ambassador of",
         "external_regulation"),
        ("The ambassador for the Arab League criticised the plan.", "ambassador",
         "external_regulation"),
        ("The EU-US data pact was struck down by the court.", "EU-US data pact",
         "external_regulation"),
    ],
)  # fmt: skip
def test_cues_of_lexicon_1_12(text: str, cue: str, frame: str) -> None:
    assert (cue, frame) in frames_of(text)


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("A fair amount of rain fell overnight.", "fairness_equality"),
        ("The Christmas fair on the market square opened on time.", "fairness_equality"),
        ("Former pupils came to offer moral support.", "morality"),
        ("Brewers lobbied MPs to freeze beer duty.", "morality"),
        ("Peers voted to override the European Court of Human Rights.", "morality"),
        ("Cuts to the flood defence budget mean fewer repairs.", "security_defense"),
        ("He filed a petition with the High Court.", "public_opinion"),
        ("The man was identified as the driver.", "cultural_identity"),
        ("The MPs backed a ban on assault weapons.", "crime_punishment"),
        ("The Premier League summit on finances was postponed.", "external_regulation"),
        ("The one-nation summit of Tory MPs was cancelled.", "external_regulation"),
        ("The FIFA delegation visited Qatar.", "external_regulation"),
        ("The Washington Post delegation toured the site.", "external_regulation"),
        ("The Real Madrid delegation arrived for the draw.", "external_regulation"),
        ("Meta and Google signed a data pact.", "external_regulation"),
        ("She is an anti-gambling ambassador.", "external_regulation"),
        ("Not enough drivers wear seatbelts.", "capacity_resources"),
        ("Cheap imports are flooding the market.", "health_safety"),
        ("The army began a ground assault on the city.", "crime_punishment"),
        ("The firm filed a bankruptcy petition.", "public_opinion"),
        ("Staff evacuated the building during a fire drill.", "health_safety"),
        ("YouGov shares fell 5 per cent.", "public_opinion"),
        ("He ordered a submarine sandwich.", "security_defense"),
        ("It felt like a life sentence.", "crime_punishment"),
        ("The manager fumes at the referee.", "health_safety"),
    ],
)
def test_look_alikes_of_lexicon_1_12(text: str, frame: str) -> None:
    assert frame not in {f for _, f in frames_of(text)}


# Lexicon 1.13 (2026-12-04, fifth session): cues of the codebook that were missing (trials and
# verdicts, corruption, violent crimes, disasters, product recalls, rents, interest rates, oil,
# labour disputes, export controls, resignations, referendums, demonstrations), found through the
# misses of a second development set written blind (frames_annotated rows 527-825); the sentences
# below are ours.
@pytest.mark.parametrize(
    ("text", "cue", "frame"),
    [
        ("The jury convicted him of murder.", "jury", "crime_punishment"),
        ("Jurors spent two days convicting the pair.", "convicting", "crime_punishment"),
        ("She was found guilty of fraud.", "found guilty", "crime_punishment"),
        ("He pleaded not guilty to all counts.", "pleaded not guilty", "crime_punishment"),
        ("He has been in custody awaiting trial since May.", "awaiting trial", "crime_punishment"),
        ("The mayor goes on trial next week.", "on trial", "crime_punishment"),
        ("He committed a driving offence.", "offence", "crime_punishment"),
        ("She admitted a federal offense.", "federal offense", "crime_punishment"),
        ("The contractor paid kickbacks to officials.", "kickbacks", "crime_punishment"),
        ("Corruption has hollowed out the agency.", "Corruption", "crime_punishment"),
        ("Inmates staged a rooftop protest.", "Inmates", "crime_punishment"),
        ("Gunmen seized a bus on the highway.", "Gunmen", "crime_punishment"),
        ("Young black men are stopped and searched far more often.", "stopped and searched",
         "crime_punishment"),
        ("The exchange freed 40 prisoners of war.", "prisoners of war", "security_defense"),
        ("Suicide bombers attacked the market.", "Suicide bombers", "security_defense"),
        ("Suicides rose among farmers last year.", "Suicides", "health_safety"),
        ("The pill was laced with an opioid.", "opioid", "health_safety"),
        ("The cyclone made landfall near Chittagong.", "cyclone", "health_safety"),
        ("A boat carrying 80 people capsized off Lampedusa.", "capsized", "health_safety"),
        ("Toyota recalled 340,000 cars over a faulty airbag.", "recalled 340,000 cars",
         "health_safety"),
        ("The flat had black mould on every wall.", "black mould", "health_safety"),
        ("The health minister resigned hours later.", "minister resigned", "political"),
        ("Scotland may hold a second referendum.", "referendum", "political"),
        ("Demonstrators blocked the bridge.", "Demonstrators", "public_opinion"),
        ("Thousands marched through London against the war.",
         "marched through London against", "public_opinion"),
        ("The bank held interest rates at 5.25%.", "interest rates", "economic"),
        ("Brent crude rose 3% on Tuesday.", "Brent crude", "economic"),
        ("Dockworkers downed tools for a second day.", "downed tools", "economic"),
        ("Rents have doubled in a decade.", "Rents", "economic"),
        ("Rough sleepers were moved on before the summit.", "Rough sleepers", "quality_of_life"),
        ("Export controls on lithography tools have slowed the programme.", "Export controls",
         "external_regulation"),
        ("Canberra and New Delhi signed an interim agreement.", "interim agreement",
         "external_regulation"),
        ("The hospital ran out of beds.", "ran out of", "capacity_resources"),
        ("There are 600 fewer officers than in 2010.", "fewer", "capacity_resources"),
        ("The navy sent two destroyers.", "destroyers", "security_defense"),
        ("Vandals daubed graffiti on the mosque.", "mosque", "morality"),
        ("Check the small print of your insurance policy.", "insurance policy", "economic"),
        ("The defence argued that the evidence was inadmissible.", "defence argued",
         "legality"),
        ("The government will expand this program to rural schools.", "program",
         "policy_prescription"),
        ("A landslide buried the village.", "landslide", "health_safety"),
        ("Three fishermen drowned off the coast.", "drowned", "health_safety"),
        ("Troops ran short of ammunition.", "ammunition", "security_defense"),
        ("Iran and the IAEA reached an interim agreement.", "interim agreement",
         "external_regulation"),
        # lexicon 1.13.2, from a review of 1.13.1's guards
        ("Hundreds were buried by a landslide.", "landslide", "health_safety"),
        ("Ukraine needs more ammunition.", "ammunition", "security_defense"),
        ("The nurse went on trial accused of killing patients.", "on trial", "crime_punishment"),
        ("The jury heard that the film was used as evidence.", "jury", "crime_punishment"),
        ("Councils are running out of homes for homeless families.", "running out of",
         "capacity_resources"),
        ("The European Union reached an interim agreement with Mercosur.", "interim agreement",
         "external_regulation"),
        # lexicon 1.13.3
        ("Britain struck an interim agreement with the company that runs the port.",
         "interim agreement", "external_regulation"),
        # lexicon 1.14.0 (2026-12-05), from a new user's walkthrough
        ("Critics call the charge regressive.", "regressive", "fairness_equality"),
        ("It hits those least able to afford it.", "least able to afford", "fairness_equality"),
        ("The judge said the charge was lawful.", "judge", "legality"),
        # lexicon 1.14.1: the blocker spares a court's judge and judging fairly
        ("The motion was submitted to Judge Amit Mehta.", "Judge", "legality"),
        ("He was promoted to judge in 2010.", "judge", "legality"),
        ("Voters are free to judge fairly.", "to judge fairly", "fairness_equality"),
        # lexicon 1.14.2
        ("Critics attacked the regressive changes to council tax.", "regressive",
         "fairness_equality"),
        # lexicon 1.14.3: a judge's name after a title-case 'To Judge'; fairness not graded
        ("A Letter To Judge Smith From The Families", "Judge", "legality"),
        ("The petition was submitted to Judge A. Patel on Monday.", "Judge", "legality"),
        ("Workers were treated fairly only after the ruling.", "treated fairly",
         "fairness_equality"),
        ("Applicants were treated fairly and quickly.", "treated fairly", "fairness_equality"),
        ("How To Judge Fairly", "To Judge Fairly", "fairness_equality"),
        # lexicon 1.14.5: cultural customs keep their cue, the agency's name does not
        ("Local customs and traditions shape the festival.", "customs", "cultural_identity"),
        ("Customs vary from village to village.", "Customs", "cultural_identity"),
        # a review of 1.14.5: what traditions show or control, and a title-case heading
        ("Ancient customs show how people lived.", "customs", "cultural_identity"),
        ("Local customs control who may marry whom.", "customs", "cultural_identity"),
        ("Marriage Customs In Rural Japan", "Customs", "cultural_identity"),
        ("The tribe's Customs and Rituals", "Customs", "cultural_identity"),
        # lexicon 1.14.4, from a review of 1.14.3
        ("The appeal went to Judge An Nguyen.", "Judge", "legality"),
        ("The EU must treat fairly Italy and Spain.", "treat fairly", "fairness_equality"),
        ("We must share fairly family assets.", "share fairly", "fairness_equality"),
        ("Workers were treated fairly, the panel found.", "treated fairly", "fairness_equality"),
    ],
)  # fmt: skip
def test_cues_of_lexicon_1_13(text: str, cue: str, frame: str) -> None:
    assert (cue, frame) in frames_of(text)


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("The jury is still out on whether the scheme works.", "crime_punishment"),
        ("A jury awarded her $2m in damages.", "crime_punishment"),
        ("I feel guilty about eating cake.", "crime_punishment"),
        ("No offence, but the plan is daft.", "crime_punishment"),
        ("The offense struggled in the second half.", "crime_punishment"),
        ("The referee awarded a penalty in the 90th minute.", "crime_punishment"),
        ("He missed the penalty kick.", "crime_punishment"),
        ("The clinical trial enrolled 300 patients.", "crime_punishment"),
        ("The scheme runs on a trial basis until June.", "crime_punishment"),
        ("The corrupt file would not open.", "crime_punishment"),
        ("He won by a landslide victory.", "health_safety"),
        ("She recalled the day she met him.", "health_safety"),
        ("The party was torn apart; the nation was rent asunder.", "economic"),
        ("We ran out of patience with the talks.", "capacity_resources"),
        ("Fewer people voted this year.", "capacity_resources"),
        ("The navy blue jacket was on sale.", "security_defense"),
        ("Troops marched through the city towards the front.", "public_opinion"),
        ("The Ministry of Defence said the drills would continue.", "legality"),
        ("Beijing is eroding goodwill in the capitals it most needs to court.", "legality"),
        ("You're listening to the breakfast programme.", "policy_prescription"),
        ("The 13-year-old cannot be named for legal reasons.", "legality"),
        # lexicon 1.13.1, from a review of 1.13.0
        ("Labour won by a landslide.", "health_safety"),
        ("His speech was drowned out by boos.", "health_safety"),
        ("Residents ran out of their homes as the fire spread.", "capacity_resources"),
        ("The memo handed the opposition fresh ammunition.", "security_defense"),
        ("It would be political suicide to raise taxes.", "health_safety"),
        ("Farmers planted oilseed rape.", "crime_punishment"),
        ("The festival jury gave the top prize to a Korean film.", "crime_punishment"),
        ("After trial and error, engineers found a fix.", "crime_punishment"),
        ("The new vaccine is on trial in twelve hospitals.", "crime_punishment"),
        ("The union reached an interim agreement with the employer.", "external_regulation"),
        ("The party was rent by bitter infighting.", "economic"),
        # lexicon 1.13.3, from a review of 1.13.2
        ("The measure passed by a landslide.", "health_safety"),
        ("Modi won the general election in June by a landslide.", "health_safety"),
        ("The scandal gave critics more ammunition.", "security_defense"),
        ("The drug is on trial at three hospitals in London.", "crime_punishment"),
        ("The jury said the winning film was brave.", "crime_punishment"),
        ("Unions reached an interim agreement with Ford.", "external_regulation"),
        ("The interim deal ended a six-week strike at the port.", "external_regulation"),
        ("People ran out of buildings as the quake struck.", "capacity_resources"),
        ("He ran out of court after the verdict.", "capacity_resources"),
        # lexicon 1.14.0: judging as a verb; regressive in statistics or medicine
        ("It is too early to judge whether the charge works.", "legality"),
        ("It is hard to judge the public mood.", "legality"),
        ("Regressive smoothing of the series was applied.", "fairness_equality"),
        ("The study fitted a regressive model.", "fairness_equality"),
        # lexicon 1.14.1, from a review of 1.14.0
        ("He was at least able to pay the rent.", "fairness_equality"),
        ("An auto-regressive process was fitted.", "fairness_equality"),
        ("The child showed regressive behaviour.", "fairness_equality"),
        # lexicon 1.14.2: judging something after a verb of appointing or going
        ("She was appointed to judge the baking contest.", "legality"),
        ("He went to judge the county fair.", "legality"),
        # lexicon 1.14.3: judging in a title-case heading; 'fairly' grading what follows
        ("How To Judge A Policy By Its Results", "legality"),
        ("How to Judge Whether a Charge Works", "legality"),
        ("It is hard to judge fairly accurately how many beds were lost.", "fairness_equality"),
        ("Staff said they were paid fairly well for the work.", "fairness_equality"),
        ("The essays were judged fairly consistently.", "fairness_equality"),
        # lexicon 1.14.5, from a new user's walkthrough: customs as the border agency (all 37
        # cultural-identity cues of a corpus on export curbs)
        ("Exports rose 12%, the General Administration of Customs reported.", "cultural_identity"),
        ("China's customs said exports fell.", "cultural_identity"),
        ("Customs officers seized the shipment.", "cultural_identity"),
        ("HM Revenue and Customs wrote to the firm.", "cultural_identity"),
        ("U.S. Customs and Border Protection detained the cargo.", "cultural_identity"),
        ("The U.S. Customs Service seized it.", "cultural_identity"),
        ("HM Customs and Excise fined the firm.", "cultural_identity"),
        ("They complained to Customs.", "cultural_identity"),
        # lexicon 1.14.4, from a review of 1.14.3
        ("HOW TO JUDGE A POLICY", "legality"),
        ("Too Early To Judge", "legality"),
        ("They tried fairly hard to win.", "fairness_equality"),
        ("He was elected fairly young.", "fairness_equality"),
    ],
)
def test_look_alikes_of_lexicon_1_13(text: str, frame: str) -> None:
    assert frame not in {f for _, f in frames_of(text)}


# Lexicon 1.14.7 (2026-12-05), from a journalist's report: "Intelligence" in the name of a market
# research or data firm and in business senses is no security cue; the state's intelligence is.
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Benchmark Mineral Intelligence said lithium prices fell.", "Intelligence"),
        ("S&P Global Market Intelligence said lithium prices fell.", "Intelligence"),
        ("The Economist Intelligence Unit expects growth to slow.", "Intelligence"),
        ("The Economist Intelligence Unit's democracy index fell.", "Intelligence"),
        ("Mordor Intelligence estimates the market at $4 billion.", "Intelligence"),
        ("According to Mordor Intelligence, the market will grow.", "Intelligence"),
        ("Adamas Intelligence said magnet demand rose.", "Intelligence"),
        ("Lloyd's List Intelligence data showed tankers went dark.", "Intelligence"),
        ("Firms spend heavily on market intelligence.", "intelligence"),
        ("The company sells business intelligence software.", "intelligence"),
        ("Competitive intelligence helps firms track rivals.", "intelligence"),
        ("Retailers buy consumer intelligence from data brokers.", "intelligence"),
        ("Emotional intelligence matters for managers.", "intelligence"),
        ("Researchers used artificial intelligence to sort the images.", "intelligence"),
        ("Artificial Intelligence is changing work.", "Intelligence"),
        ("Labs race to build artificial general intelligence.", "intelligence"),
    ],
)  # fmt: skip
def test_intelligence_of_firms_and_business_is_no_security_cue(text: str, cue: str) -> None:
    assert (cue, "security_defense") not in frames_of(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The firm shares threat intelligence with banks.", "intelligence"),
        ("The intelligence agencies warned of a plot.", "intelligence"),
        ("Military intelligence says the troops have moved.", "intelligence"),
        ("Military Intelligence says the troops have moved.", "Intelligence"),
        ("The Central Intelligence Agency declined to comment.", "Intelligence"),
        ("Defence Intelligence said Russia had lost tanks.", "Intelligence"),
        ("UK Defence Intelligence said Russia had lost tanks.", "Intelligence"),
        ("The allies agreed on intelligence sharing.", "intelligence"),
        ("China's intelligence cooperation has grown.", "intelligence"),
        ("China's Intelligence Cooperation has grown.", "Intelligence"),
        ("The role of China Intelligence Cooperation in global security is complex.",
         "Intelligence"),
        ("China's 2017 National Intelligence Law mandates cooperation.", "Intelligence"),
        ("Intelligence gathering is central to the pact.", "Intelligence"),
        ("The NSA collects signals intelligence.", "intelligence"),
        ("It also extends to sharing political and economic intelligence.",
         "political and economic intelligence"),
        ("China has invested in its cyber intelligence capabilities.", "intelligence"),
        ("Open-source intelligence groups tracked the convoy.", "intelligence"),
        ("The Senate Intelligence Committee held a hearing.", "Intelligence"),
        ("Russian Intelligence said the plot failed.", "Intelligence"),
        ("Western Intelligence agencies disagree.", "Intelligence"),
        ("North Korea Intelligence chiefs met.", "Intelligence"),
        ("US Intelligence officials briefed reporters.", "Intelligence"),
        ("Pakistan's Inter-Services Intelligence denied the report.", "Intelligence"),
        ("The Director of National Intelligence warned Congress.", "Intelligence"),
        ("The National Geospatial-Intelligence Agency released images.", "Intelligence"),
        ("Israeli Military Intelligence said the launch failed.", "Intelligence"),
        ("Former Intelligence officials signed the letter.", "Intelligence"),
        ("Iran's Ministry of Intelligence said it arrested spies.", "Intelligence"),
        ("How China's Intelligence Services Work", "Intelligence"),
    ],
)  # fmt: skip
def test_intelligence_of_states_stays_a_security_cue(text: str, cue: str) -> None:
    assert (cue, "security_defense") in frames_of(text)


# Lexicon 1.14.8: only a firm-name head (Mordor, Adamas, Market, Mineral ...) makes a capitalised
# "Intelligence" a firm's: an armed group's or a service's, and a headline's, stay security cues.
@pytest.mark.parametrize(
    "text",
    [
        "Hamas Intelligence operatives planned the raid for months.",
        "Hezbollah Intelligence operatives were killed in the strike.",
        "Wagner Intelligence officers were seen in Mali.",
        "Kyiv Intelligence officials said the drones came from Iran.",
        "Customs Intelligence officers seized 2 tonnes of cocaine.",
        "Immigration Intelligence units targeted smuggling gangs.",
        "Treasury Intelligence analysts tracked the payments.",
        "Five Eyes Intelligence partners share information.",
        "Allies Step Up Intelligence",
        "China Boosts Intelligence",
        "Spy Agencies Share Intelligence",
        "Ukraine Needs Intelligence",
        "CrowdStrike Intelligence said the hackers were linked to Russia.",
    ],
)
def test_intelligence_after_other_capitalised_words_stays_a_security_cue(text: str) -> None:
    assert ("Intelligence", "security_defense") in frames_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Benchmark Mineral Intelligence said lithium prices fell.",
        "Mordor Intelligence estimates the market at $4 billion.",
        "The Economist Intelligence Unit expects growth to slow.",
        "Energy Intelligence reported the deal.",
    ],
)
def test_intelligence_after_a_firm_name_head_is_no_security_cue(text: str) -> None:
    assert ("Intelligence", "security_defense") not in frames_of(text)


# Lexicon 1.14.7: the name of a business group or think tank is an actor, no economic frame.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Peterson Institute for International Economics hosted the talk.", []),
        ("The Semiconductor Industry Association met lawmakers.", [("lawmakers", "political")]),
        ("The Confederation of British Industry met ministers.", []),
        ("Leaders met at the World Economic Forum in Davos.", []),
        ("The Economic Policy Institute held a briefing.", []),
        ("The Council of Economic Advisers held a briefing.", []),
        ("The Organisation for Economic Co-operation and Development met.", []),
        ("The Bureau of Industry and Security added 28 entities.", []),
        # near misses: the economy itself, and names that say more than an actor
        ("The Economics Of Tariffs Explained", [("Economics", "economic"),
                                                ("Tariffs", "economic")]),
        ("The industry association said sales rose.", [("industry", "economic"),
                                                       ("sales", "economic")]),
        ("Industry Groups Fear Tariffs", [("Industry", "economic"), ("Tariffs", "economic")]),
        ("How Trade Shapes Society", [("Trade", "economic")]),
        ("The EU filed a complaint with the World Trade Organization.",
         [("EU", "external_regulation"), ("World Trade Organization", "external_regulation")]),
    ],
)  # fmt: skip
def test_names_of_business_groups_and_think_tanks_are_no_economic_cue(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert frames_of(text) == expected


# Lexicon 1.14.9, from users' reports: "privilege" as an honour (parliamentary courtesy) is no
# fairness cue; a group's privileges keep it.
@pytest.mark.parametrize(
    "text",
    [
        "It is a privilege to speak in this debate.",
        "I am privileged to serve.",
        "I am privileged to serve on this committee.",
        "It has been my privilege to chair the committee for six years.",
        "It's been a privilege, Mr Speaker.",
        "It is both an honour and a privilege to open this wing.",
        "I have had the privilege of representing this town.",
        "I've had the privilege of working with her.",
        "What a privilege it is to stand here today.",
        "Serving as your mayor has been a privilege.",
        "We are truly privileged to live in a free country.",
        "I'm privileged to be here tonight.",
        "I count myself privileged to have worked with them.",
        "I am privileged and humbled to accept this award.",
        "I feel very privileged.",
    ],
)
def test_privilege_as_an_honour_is_no_fairness_cue(text: str) -> None:
    assert "fairness_equality" not in {f for _, f in frames_of(text)}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The lecture was about white privilege.", "privilege"),
        ("The bill ends tax privileges for oil companies.", "privileges"),
        ("The regime keeps special privileges for party members.", "privileges"),
        ("Privileged elites pay less tax than nurses.", "Privileged"),
        # near misses of the honour rows: the same frames with an advantage of a group
        ("Healthcare should be a right, not a privilege.", "privilege"),
        ("It is a privilege, not a right.", "privilege"),
        ("It is a privilege that only the rich enjoy.", "privilege"),
        ("It is the privilege of the rich to ignore the price of bread.", "privilege"),
        ("Education is a privilege for the few.", "privilege"),
        ("We are privileged compared with most of the world.", "privileged"),
        ("We are privileged.", "privileged"),
        ("I'm privileged because my parents were rich.", "privileged"),
        ("The wealthy are privileged to a degree few voters realise.", "privileged"),
        ("I recognise my privilege as a white man.", "privilege"),
        ("A privileged few control most of the land.", "privileged"),
    ],
)  # fmt: skip
def test_privilege_of_a_group_keeps_the_fairness_cue(text: str, cue: str) -> None:
    assert (cue, "fairness_equality") in frames_of(text)


# Lexicon 1.14.9: "good faith" and "bad faith" (honest or dishonest dealing, a procedural and legal
# idiom) are no morality cue; religious faith is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both sides agreed to negotiate in good faith.", []),
        ("It was a good-faith effort.", []),
        ("The firm made a good faith payment of $2 million.", [("million", "economic")]),
        ("The judge found that the landlord had acted in bad faith.", [("judge", "legality")]),
        # near misses: faith as religion
        ("Faith leaders condemned the plan as cruel.", [("Faith", "morality")]),
        ("Her faith in God never wavered.", [("faith", "morality"), ("God", "morality")]),
        ("Millions of people of faith marched.", [("faith", "morality")]),
    ],
)  # fmt: skip
def test_good_faith_is_no_morality_cue(text: str, expected: list[tuple[str, str]]) -> None:
    assert frames_of(text) == expected


# Lexicon 1.14.9: "Market" in a market-research firm's name (after a firm-name head, as for
# "Intelligence" in 1.14.8) is no economic cue; markets are.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S&P Global Market Intelligence tracked the tanker to Oman.", []),
        ("S&P Global Market Intelligence said lithium prices fell.", [("prices", "economic")]),
        ("Allied Market Research published the report on Tuesday.", []),
        ("According to Future Market Insights, demand is rising.", []),
        ("Market Research Future said the market grew.", [("market", "economic")]),
        ("Research and Markets published a report.", []),
        # near misses: markets, market research in lower case, a headline, a name going on
        ("Small exporters say market access matters.", [("exporters", "economic"),
                                                         ("market", "economic")]),
        ("The bond market fell.", [("market", "economic")]),
        ("Market Research Shows Shoppers Want Cheaper Food", [("Market", "economic")]),
        ("Global Market Research Shows Prices Rising", [("Market", "economic"),
                                                        ("Prices", "economic")]),
        ("The firm hired a market research agency.", [("market", "economic")]),
        ("Emerging Markets Face Higher Borrowing Costs", [("Markets", "economic"),
                                                          ("Borrowing Costs", "economic")]),
        ("Investing In Research And Markets", [("Investing", "economic"),
                                               ("Markets", "economic")]),
    ],
)  # fmt: skip
def test_market_in_a_research_firms_name_is_no_economic_cue(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert frames_of(text) == expected


# Lexicon 1.14.9: a duty imposed by law (the administrative-law duty to give reasons, a statutory,
# legal or fiduciary duty) is legality, not morality; a moral duty stays morality.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Public bodies owe the duty to give reasons for their decisions.",
         [("duty to give reasons", "legality")]),
        ("The ministry breached its duty to give adequate reasons.",
         [("duty to give adequate reasons", "legality")]),
        ("Company directors owe a fiduciary duty to shareholders.",
         [("Company", "economic"), ("fiduciary duty", "legality")]),
        ("The council breached its statutory duty to house the family.",
         [("statutory duty", "legality"), ("family", "quality_of_life")]),
        ("It is a moral and legal duty.", [("moral", "morality"), ("legal duty", "legality")]),
        # near misses: a moral duty, and a tax
        ("She felt a moral duty to speak out.", [("moral", "morality"), ("duty", "morality")]),
        ("Every citizen has a duty to vote.", [("duty", "morality"), ("vote", "political")]),
        ("No law can relieve us of the duty to ask.", [("law", "legality"), ("duty", "morality")]),
        ("Soldiers spoke of their sense of duty.", [("Soldiers", "security_defense"),
                                                    ("duty", "morality")]),
        ("Beer duty will rise in April.", [("Beer duty", "economic")]),
    ],
)  # fmt: skip
def test_a_duty_imposed_by_law_is_legality(text: str, expected: list[tuple[str, str]]) -> None:
    assert frames_of(text) == expected


def test_place_or_people_macro_lists_the_places_and_peoples_lexicon() -> None:
    """frames.tsv's @PLACE_OR_PEOPLE (before a state's 'Intelligence') names the countries,
    regions and demonyms of places_and_peoples.tsv, in its order, so the two cannot drift apart."""
    text = lexicon_path("frames.tsv").read_text(encoding="utf-8")
    (line,) = [x for x in text.splitlines() if x.startswith("# define PLACE_OR_PEOPLE:")]
    listed = line.split(":", 1)[1].strip().replace(r"\s+", " ").replace("['’]", "'").split("|")
    places = read_lexicon([lexicon_path("places_and_peoples.tsv")], required=("name", "kind"))
    kinds = ("country", "region", "demonym")
    assert listed == [r["name"] for r in places.rows if r["kind"] in kinds]


@pytest.mark.parametrize("confidence", [0.95, 0.8])
def test_profile_axis_names_the_level_of_the_intervals(tmp_path, confidence):
    cues, sents = many_documents(2)
    shares = frame_shares(cues, sents, confidence=confidence)
    plot_frame_profile(shares, tmp_path / "p.png", tmp_path / "p.svg", confidence=confidence)
    svg = (tmp_path / "p.svg").read_text(encoding="utf-8")
    assert f"({100 * confidence:g}% exact CI)" in svg


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.booleans(), st.sets(st.sampled_from(["economic", "legality"]))),
                 min_size=0, max_size=30),
        min_size=1, max_size=5,
    )
)  # fmt: skip
def test_frames_lag1_is_the_indicators_lag1_autocorrelation(docs):
    """frames.csv's lag1, from counts of neighbouring pairs, equals lag1_autocorrelation of each
    frame's 0/1 series over the body sentences in order (headings skipped, sentences listed in
    any order, a sentence's cues counted once)."""
    from pipeline.frames_corpus import frame_counts
    from pipeline.serial_stats import lag1_autocorrelation

    rows, cues, series = [], [], {}
    for d, sentences in enumerate(docs):
        for s, (heading, frames) in enumerate(sentences, start=1):
            rows.append((f"d{d}", s, int(heading)))
            cues += [(f"d{d}", s, f) for f in sorted(frames) for _ in range(1 + s % 2)]
            for f in ("economic", "legality"):
                if not heading:
                    series.setdefault((f"d{d}", f), []).append(float(f in frames))
    sents = pd.DataFrame(rows, columns=["doc_id", "sent_id", "is_heading"])
    sents = (
        sents.iloc[::-1]
        if len(sents)
        else pd.DataFrame({"doc_id": ["d0"], "sent_id": [1], "is_heading": [1]})
    )
    c = frame_counts(pd.DataFrame(cues, columns=["doc_id", "sent_id", "frame"]), sents)
    for i, doc_id in enumerate(c.doc_ids):
        for f in ("economic", "legality"):
            x = np.array(series.get((doc_id, f), []))
            want = lag1_autocorrelation([x]) if x.size >= 3 else float("nan")
            got = c.lag1[i, c.frames.index(f)]
            assert got == pytest.approx(want, abs=1e-12, nan_ok=True), (doc_id, f, x)


def runs_corpus(docs: dict[str, tuple[int, dict[str, list[int]]]]) -> tuple[pd.DataFrame, ...]:
    """cues and sentences of documents given as doc_id -> (body sentences, frame -> the ids of
    the sentences with it)."""
    sents = pd.DataFrame([(d, s, False) for d, (n, _) in docs.items() for s in range(1, n + 1)],
                         columns=["doc_id", "sent_id", "is_heading"])  # fmt: skip
    cues = pd.DataFrame([(d, s, f) for d, (_, frames) in docs.items()
                         for f, ids in frames.items() for s in ids],
                        columns=["doc_id", "sent_id", "frame"])  # fmt: skip
    return cues, sents


def test_runs_of_a_frame_widen_its_share_interval():
    """A statistician's simulation (documents of whole paragraphs drawn from 13 pools of real
    text): the exact interval of k of n sentences held the share 80.6% of the time in the worst
    pool and frame, as a frame's sentences come in runs. By hand, 20 body sentences, the
    economic frame in 1-3 and 11-13, the legality frame in 6 and 16: economic k = 6, 4 pairs of
    neighbours with it, 1 at an end, m = 0.3: lag-1 (4 - 0.3 (12 - 1) + 19 x 0.09) / (6 x 14 /
    20) = 2.41 / 4.2 = 0.5738, corrected (0.5738 + 1/20) / (1 - 3/20) = 0.7339; legality k = 2,
    lag-1 (0 - 0.1 x 4 + 0.19) / 1.8 = -0.1167, corrected 0; pooled over the document's frames
    (2.41 - 0.21) / (4.2 + 1.8) = 0.3667, corrected 0.4902. Economic counts as 20 (1 -
    0.7339) / 1.7339 = 3.070 sentences, legality as 20 x 0.5098 / 1.4902 = 6.842."""
    from pipeline.report_intervals import clopper_pearson

    cues, sents = runs_corpus({"d": (20, {"economic": [1, 2, 3, 11, 12, 13],
                                          "legality": [6, 16]})})  # fmt: skip
    out = frame_shares(cues, sents).set_index("frame")
    assert out.loc["economic", "lag1"] == pytest.approx(2.41 / 4.2)
    for frame, k, worth in (("economic", 6, 3.0696), ("legality", 2, 6.842)):
        want = clopper_pearson(k * worth / 20, worth)
        got = out.loc[frame, ["share_ci_low", "share_ci_high"]].to_numpy(float)
        assert got == pytest.approx(want, abs=2e-4)
        assert out.loc[frame, "share"] == k / 20  # the share itself stays k of n
    plain = clopper_pearson(6, 20)
    assert out.loc["economic", "share_ci_high"] - out.loc["economic", "share_ci_low"] > (
        plain[1] - plain[0]
    )
    # under 10 sentences a correlation is noise: the plain exact interval
    cues, sents = runs_corpus({"d": (9, {"economic": [1, 2, 3]})})
    row = frame_shares(cues, sents).set_index("frame").loc["economic"]
    assert (row["share_ci_low"], row["share_ci_high"]) == pytest.approx(clopper_pearson(3, 9))


def test_frame_differences_weigh_runs_as_the_reports_items_do():
    """Pairs: each side counts as the sentences it is worth with the correlation pooled over
    both documents and all frames (the report's pair item); the rest rows of a larger corpus:
    with the frame's correlation pooled over all the documents (the report's items of three or
    more). The CSV and the report agree."""
    from pipeline.report_intervals import proportion_difference_interval
    from pipeline.report_stats import frame_sums
    from pipeline.serial_stats import alike_of_sums, effective_size

    rng = np.random.default_rng(5)

    def document(n):
        start = int(rng.integers(1, n - 4))
        return (n, {"economic": list(range(start, start + int(rng.integers(1, 5)))),
                    "morality": spread(n, int(rng.integers(0, 4)))})  # fmt: skip

    docs = {f"d{i:02d}": document(int(rng.integers(8, 40))) for i in range(24)}
    docs = {d: (n, {f: ids for f, ids in frames.items() if ids}) for d, (n, frames) in docs.items()}
    cues, sents = runs_corpus(docs)
    shares = frame_shares(cues, sents)
    body = {d: n for d, (n, _) in docs.items()}

    pair = dict(list(docs.items())[:2])
    cues2, sents2 = runs_corpus(pair)
    row = frame_differences(cues2, sents2).set_index("frame").loc["economic"]
    (a, b), rows = list(pair), shares[shares["doc_id"].isin(pair)]
    alike = alike_of_sums(*frame_sums(rows, {d: body[d] for d in pair}))
    assert alike > 0
    k = {d: len(docs[d][1].get("economic", [])) for d in pair}
    worth = tuple(min(body[d], effective_size(body[d], alike)) for d in (a, b))
    want = proportion_difference_interval(k[a], body[a], k[b], body[b], effective=worth)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(want, abs=1e-9)

    rest = frame_differences(cues, sents).set_index(["doc_a", "frame"])
    group = shares[shares["frame"] == "economic"]
    alike = alike_of_sums(*frame_sums(group, body))
    worth = {d: min(n, effective_size(n, alike)) for d, n in body.items()}
    k = {d: len(docs[d][1].get("economic", [])) for d in docs}
    for d in ("d00", "d07"):
        others = [o for o in docs if o != d]
        want = proportion_difference_interval(
            k[d], body[d], sum(k[o] for o in others), sum(body[o] for o in others),
            effective=(worth[d], sum(worth[o] for o in others)),
        )  # fmt: skip
        got = rest.loc[(d, "economic"), ["ci_low", "ci_high"]].to_numpy(float)
        assert got == pytest.approx(want, abs=1e-9)


def test_the_tables_numpy_corrections_equal_the_serial_stats_ones():
    """frames_corpus re-states corrected_correlation and effective_size over arrays (300,000
    cells at 20,000 documents); a change to either must change both."""
    from pipeline.frame_runs import corrected as _corrected
    from pipeline.serial_stats import corrected_correlation, design_worth, effective_size

    for r in (-0.9, -0.2, -0.05, 0.0, 0.1, 0.45, 0.8, 0.95, float("nan")):
        for m in (1, 3, 4, 10, 23.5, 200):
            assert _corrected(np.array([r]), np.array([m]))[0] == pytest.approx(
                corrected_correlation(r, [m]), abs=1e-15
            )
    for n in (1, 2, 5, 10, 34, 500):
        for alike in (0.0, 0.2, 0.6, 0.9):
            got = design_worth(np.array([float(n)]), np.array([alike]), 1.0)[0]
            assert min(n, got) == min(n, effective_size(n, alike))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It would betray families who had trusted it.",
         [("betray", "morality"), ("families", "quality_of_life")]),
        ("Voters feel betrayed.", [("Voters", "political"), ("betrayed", "morality")]),
        ("He betrayed the trust of his clients.", [("betrayed", "morality")]),
        ("It is a shameful betrayal.", [("shameful", "morality"), ("betrayal", "morality")]),
        ("Shame on you!", [("Shame", "morality")]),
        ("The conditions are a disgrace.", [("disgrace", "morality")]),
        ("They should be ashamed of the hypocrisy.", [("should", "policy_prescription"),
         ("ashamed", "morality"), ("hypocrisy", "morality")]),
        ("Every human life is sacred.", [("sacred", "morality")]),
        ("Their consciences would not allow it.", [("consciences", "morality")]),
        # traps: what a word shows, a pity, titles and names, a fall from office, no ethics
        ("His face betrayed no emotion.", []),
        ("Her accent betrayed her origins.", []),
        ("The wake betrayed its position.", []),
        ("It is a shame that it rained.", []),
        ("Harold Pinter's Betrayal opens on Friday.", []),
        ("Shame, the 2011 drama, returns to cinemas.", []),
        ("Sacred Heart Hospital will add beds.", [("Hospital", "health_safety"),
         ("beds", "capacity_resources")]),
        ("The minister quit in disgrace.", []),
        ("A dishonest scale was seized.", []),
        ("Staff morale is low.", [("Staff", "capacity_resources")]),
        ("It was a moral victory.", []),
        ("The sin tax rose.", [("tax", "economic")]),
        ("An off-duty officer helped.", []),
    ],
)  # fmt: skip
def test_moral_charges_are_morality_cues(text, expected):
    """Frames 1.14.12 (2026-12-06): betrayal, shame, disgrace, dishonour, hypocrisy, decency and
    what is sacred are the codebook's ethics, duty and honour; reviews 1_14_12_a and _b
    (tests/data/frames_review_1_14) gave the traps."""
    assert frames_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reservoir levels have fallen to 34%.", [("Reservoir", "capacity_resources")]),
        ("The drought has left three towns without water.", [("drought", "capacity_resources")]),
        ("Water rationing begins on Monday.", [("Water rationing", "capacity_resources")]),
        ("Hosepipe bans will stay until October.", [("Hosepipe bans", "capacity_resources")]),
        ("Fuel stocks ran low.", [("Fuel stocks", "capacity_resources")]),
        ("Power cuts will continue.", [("Power cuts", "capacity_resources")]),
        # traps: a place, a figure of speech, sport, a title, a name
        ("The water in the reservoir was clear and cold.", []),
        ("The council has a reservoir of goodwill.", []),
        ("United ended their goal drought with a late winner.", []),
        ("Drought, the Mexican film, won the award.", []),
        ("Reservoir Dogs was Tarantino's first film.", []),
    ],
)  # fmt: skip
def test_resources_running_short_are_capacity_cues(text, expected):
    """Frames 1.14.13 (2026-12-06): water and other resources running short, from an analyst's
    water-rationing articles that had no resources cue; review 1_14_13
    (tests/data/frames_review_1_14) gave the traps."""
    assert frames_of(text) == expected


Q, F = "quality_of_life", "fairness_equality"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The towns have already lost their post offices, pubs and libraries.",
         [("lost their post offices", Q)]),
        ("Locals fear that elderly and disabled people will be hit hardest.",
         [("hit hardest", F)]),
        ("Scrapping the bus will hit older and disabled residents hardest.",
         [("hit older and disabled residents hardest", F)]),
        ("The cuts will hit the poorest areas first.", [("the poorest", F)]),
        ("The cuts will fall hardest on single parents.", [("fall hardest on", F)]),
        ("Women will bear the brunt of the creche closure.", [("bear the brunt", F)]),
        ("Older customers risk being digitally excluded.", [("digitally excluded", F)]),
        ("Critics warned of a two-tier service.", [("two-tier service", F)]),
        ("Loneliness among pensioners has grown.", [("Loneliness", Q)]),
        ("Its loss has left a hole in village life.", [("village life", Q)]),
        # traps: a result, a cake, a disaster, a striker, a threat to act, a firm's competitors
        ("It was the poorest performance in a decade.", []),
        ("The poorest-rated hotel scored 41%.", []),
        ("The two-tier cake won first prize.", []),
        ("Residents hit hardest by the flood can claim grants.", [("flood", "health_safety")]),
        ("The team was hit hardest by injuries.", [("injuries", "health_safety")]),
        ("The striker was left isolated up front.", []),
        ("The union threatened to strike over pay.", []),
        ("Campaigners gathered outside the threatened branch.", [("Campaigners", "political")]),
        ("The bank's rivals cut their fees.", []),
        ("Rival banks cut their fees.", []),
        ("The rivalry between the two powers deepened.", [("rivalry", "external_regulation")]),
    ],
)  # fmt: skip
def test_burdens_and_community_life_are_fairness_and_quality_of_life_cues(text, expected):
    """Frames 1.14.14 (2026-12-06): what closures and cuts do to community life and who bears the
    burden, from an analyst's articles on a bank's branch closures that had no such cue; review
    1_14_14 (tests/data/frames_review_1_14) gave the traps and the in-sample cues."""
    assert frames_of(text) == expected
