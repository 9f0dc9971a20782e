"""Tests for pipeline.stance (markers with context rules), the stance stage and its evaluation."""

from __future__ import annotations

import re
import time
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.author_dates import author_date_spans
from pipeline.lexicon import UnusedRowWarning, lexicon_path, read_lexicon, read_word_list
from pipeline.stance import (
    COUNT_KEYS,
    DOCUMENT_COLUMNS,
    SENTENCE_COLUMNS,
    StanceStage,
    _one_line,
    marker_counts,
)
from pipeline.stance_detector import Marker, StanceDetector
from pipeline.stance_eval import DEFAULT_ANNOTATIONS, evaluate, prf, read_annotations
from pipeline.stance_lexicon import _rule_regex, default_lexicon_paths, stance_entries
from pipeline.stance_names import name_before, names_a_source
from pipeline.stance_own import CITATION_ENTRY
from pipeline.stance_vetoes import SAY_NOUN
from pipeline.types import SegmentedDocument, Sentence
from tests.conftest import segment_text

ENTRIES, _ = stance_entries(default_lexicon_paths())
DETECTOR = StanceDetector(ENTRIES)
BASELINE = StanceDetector(ENTRIES, use_rules=False)
YEAR_RE = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def assert_markers_in_time(units: list[str]) -> None:
    """Each unit repeated to 100,000 characters is read in under 6 s of CPU time (other processes'
    load does not count): a guard against a pattern that backtracks without bound, seconds where a
    linear one takes a fraction of one."""
    for unit in units:
        text = unit * (100_000 // len(unit))
        start = time.process_time()
        DETECTOR.markers(text)
        assert time.process_time() - start < 6.0, unit


def found(text: str, detector: StanceDetector = DETECTOR) -> list[tuple[str, str, str]]:
    """(match, category, subtype) of every marker in a sentence."""
    return [(text[m.start : m.end], m.category, m.subtype) for m in detector.markers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks resume in May 2024.", []),
        ("Theresa May resigned as leader.", []),
        ("The might of the navy grew; military might is not enough.", []),
        ("Police could not confirm the report.", []),
        ("By ten she could speak four languages.", []),
        ("The talk was about cybersecurity.", []),
        ("They walked around the square.", []),
        ("He filed an insurance claim.", []),
        ("She appeared on television.", []),
        ("It is not clear that it works.", [("not clear", "hedge", "negated_booster")]),
        ("There is no doubt about it.", [("There is no doubt", "booster", "negated_doubt")]),
        ("It is, no doubt, late.", [("no doubt", "booster", "negated_doubt")]),
        ("There is some doubt about it.", [("doubt", "hedge", "epistemic_noun")]),
        ("The strategic objectives are clear.", [("are clear", "booster", "predicative")]),
        ("Set clear targets.", []),
        ("It offers certain advantages.", []),
        ("We are certain that it works.", [("are certain", "booster", "predicative")]),
        ("The storm may hit the coast.", [("may", "hedge", "modal")]),
        ("May said she would resign.", [("said", "attribution", "named")]),
        ("The IMF forecasts that growth will slow.", [("forecasts that", "attribution", "named")]),
        ("Estimates that the war cost $1 trillion are exaggerated.", []),  # a noun
        (
            "Aid agencies estimate that it is late.",
            [("Aid agencies estimate", "attribution", "vague")],
        ),
        (
            "It sold 32 units, according to market research firm Canalys.",
            [("according to", "attribution", "named")],
        ),
        (
            "It earned $9, according to the company's statement.",
            [("according to the company's statement", "attribution", "named")],  # a statement
        ),
        (
            "A study by researchers found it.",
            [("A study by researchers found", "attribution", "vague")],
        ),
        ("Chinese officials welcomed the visit.", [("officials welcomed", "attribution", "vague")]),
        (
            "It is usually described as a contest.",
            [("usually described as", "attribution", "vague")],
        ),
        ("This is often seen in small firms.", [("often", "hedge", "frequency_degree")]),
        (
            "Officials are said to be worried.",
            [("are said to", "attribution", "vague"), ("are said to", "hedge", "evidential")],
        ),
        ("Critics pointed to flaws.", [("Critics pointed", "attribution", "vague")]),
        (
            "Exports rose, data from the state show.",
            [("data from the state show", "attribution", "vague")],
        ),
        ("Figures from the ministry suggest a slowdown.", [("suggest", "hedge", "epistemic_verb")]),
        # from a review of the rules above: what they must not catch
        ("Companies accused of fraud were banned.", []),
        ("Firms dismissed by the regulator sued.", []),
        ("The model predicts rainfall well.", []),
        (
            "Previous estimates that the war cost $1 trillion were too high.",
            [("Previous estimates that", "hedge", "approximator")],
        ),
        ("Early forecasts that growth would slow proved wrong.", [("proved", "booster", "verb")]),
        ("Data from 2020 show a decline.", []),
        (  # one unnamed person, as "one official in Beijing said" (a place names no one)
            "According to one official in Beijing, talks stalled.",
            [("According to one official in Beijing", "attribution", "vague")],
        ),
        (
            "Officials said to be close to it left.",
            [("said to be", "attribution", "vague"), ("said to be", "hedge", "evidential")],
        ),
        (
            "Officials, while cautious, said so.",
            [("Officials, while cautious, said", "attribution", "vague")],
        ),
        # a skip stops at a comma and a conjunction: another clause, another subject
        ("It hires 900 people at home, and the state fears cuts.", []),
        ("The deal could collapse.", [("could", "hedge", "modal")]),
        ("About 40% agreed.", [("About", "hedge", "approximator")]),
        ("Around 300 came; some 150 countries joined.", None),
        ("Huawei reportedly lost money.", [("reportedly", "hedge", "evidential")]),
        ("The army allegedly fired first.", [("allegedly", "hedge", "evidential")]),
        ("Critics argue it is unfair.", [("Critics argue", "attribution", "vague")]),
        ("Skeptics question the claim.", [("Skeptics question", "attribution", "vague")]),
        ("Some argue for reform.", [("Some argue", "attribution", "vague")]),
        ("Experts say it is safe.", [("Experts say", "attribution", "vague")]),
        ("Reports surfaced that he left.", [("Reports surfaced", "attribution", "vague")]),
        ("Reports of abuse grew.", [("Reports of", "attribution", "vague")]),
        (
            "It is believed that he fled.",
            [("It is believed", "attribution", "vague"), ("It is believed", "hedge", "evidential")],
        ),
        (
            "Sales rose, according to 2023 industry reports.",
            [("according to 2023 industry reports", "attribution", "vague")],
        ),
        (
            "Growth slowed, according to the World Bank.",
            [("according to", "attribution", "named")],
        ),
        (
            "Ken Hu, the chairman, once stated that it complies.",
            [("stated", "attribution", "named")],
        ),
        ("Its stated aim is growth.", []),
        (
            "A 2022 Pew Research survey found that 82% agree.",
            [("Pew Research survey found", "attribution", "named")],
        ),
        (
            "A recent study found that sleep matters.",
            [("A recent study found", "attribution", "vague")],
        ),
        (
            "The move was condemned by Amnesty.",
            [("was condemned by Amnesty", "attribution", "named")],
        ),
        (
            "As Pentagon officials said, it holds.",
            [("officials said", "attribution", "named")],
        ),
        (
            "A survey by the company found that sales fell.",
            [("A survey by the company found", "attribution", "named")],
        ),
        (
            "Exports fell, data from the ministry show.",
            [("data from the ministry show", "attribution", "named")],
        ),
        ("The definitive phase began.", []),
        ("Paperwork will prove the larger obstacle.", []),
        ("Until the scheme is proven, firms wait.", []),
        ("The audits prove that it works.", [("prove", "booster", "verb")]),
        ("Make no mistake, it is a tariff.", [("Make no mistake", "booster", "phrase")]),
        (
            "The official said so, speaking on condition of anonymity.",
            [("speaking on condition of anonymity", "attribution", "vague")],
        ),
        ("The report said so.", [("The report said", "attribution", "named")]),
        ("A report said so.", [("A report said", "attribution", "vague")]),
        ('"We are ready," added Lindqvist.', [("added Lindqvist", "attribution", "named")]),
        ("India and China say it is unfair.", [("say", "attribution", "named")]),
        ("Needless to say, it failed.", []),
        ("China calls the levy unlawful.", [("calls the levy unlawful", "attribution", "named")]),
        ("We cannot really know.", []),
        ("Member states want more say over it.", []),
        ("Suppose it imports, say, 100 tonnes.", []),
        ("However, continued support is unclear.", [("unclear", "hedge", "epistemic_adjective")]),
        ("The FTC is expected to sue.", [("is expected to", "hedge", "epistemic_verb")]),
        ("Lawmakers struggle to agree on it.", []),
        (
            "Officials are worried that it fails.",
            [("Officials are worried", "attribution", "vague")],
        ),
        (
            "According to court filings, it fell.",
            [("According to court filings", "attribution", "named")],
        ),
        ("Neither side has confirmed any talks.", []),
        ("It reported net income of $7 billion.", [("reported", "attribution", "named")]),
        ("We were told it works.", [("We were told", "attribution", "vague")]),
        ("It fails, the argument goes.", [("the argument goes", "attribution", "vague")]),
        ("He calls for an end to unfair rules.", [("calls for", "attribution", "named")]),
        ("She called the police after the attack.", []),
        ("Few would call it a success.", []),
        ("The company was valued at $10 billion.", []),
        ("The argument goes both ways.", []),
        ("Zelensky was told the deal was off.", []),
        ("Nobody was hurt and the ministry confirmed it.", [("confirmed", "attribution", "named")]),
        (
            "Experts the BBC spoke to said so.",
            [("Experts the BBC spoke to said", "attribution", "vague")],
        ),
        ("The rules, Democrats say, go too far.", [("say", "attribution", "named")]),
        (
            "At 130 euros, as some forecasts suggest, firms pay.",
            [
                ("as some forecasts suggest", "attribution", "vague"),
                ("as some forecasts suggest", "hedge", "epistemic_verb"),
            ],
        ),
        ("Nobody doubts his resolve.", [("Nobody doubts", "booster", "negated_doubt")]),
        # a veto of a skip's first stretch: the matcher tries longer ones
        (
            "Critics, who might have expected more, said it failed.",
            [("Critics, who might have expected more, said", "attribution", "vague")],
        ),
        (
            "Experts trying to predict the outcome say it is close.",
            [("Experts trying to predict the outcome say", "attribution", "vague")],
        ),
        (
            "Analysts on a conference call said demand held.",
            [("Analysts on a conference call said", "attribution", "vague")],
        ),
        ("Few economists would have predicted this.", []),  # a hypothetical past
        ("Several investors on the call pressed for a buyback.", []),  # 'call' a noun
        (
            "Laura Whitfield told analysts on a conference call that it held.",
            [("told", "attribution", "named")],
        ),
        # near misses that keep their reading
        (
            "Critics of the plan call it a mistake.",
            [("Critics of the plan call", "attribution", "vague")],
        ),
        (
            "The plan was criticised by the experts.",
            [("was criticised by the experts", "attribution", "vague")],
        ),
        ("Some economists may have predicted this.", [("may", "hedge", "modal")]),
        (
            "Analysts on the call questioned the outlook.",
            [("Analysts on the call questioned", "attribution", "vague")],
        ),
        ("Thousands demonstrated against the war.", []),
        ("The trial demonstrated that it works.", [("demonstrated", "booster", "verb")]),
        ("Unfortunately, it rained.", [("Unfortunately", "attitude", "adverb")]),
        (
            "This is absurd and reckless.",
            [("absurd", "attitude", "adjective"), ("reckless", "attitude", "adjective")],
        ),
    ],
)
def test_markers_respect_context(text: str, expected: list[tuple[str, str, str]] | None) -> None:
    if expected is None:
        expected = [("Around", "hedge", "approximator"), ("some", "hedge", "approximator")]
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The talks resume in May 2024.",
        "Police could not confirm the report.",
        "They walked around the square.",
        "The might of the navy grew.",
    ],
)
def test_baseline_ignores_context(text: str) -> None:
    assert found(text) == [] and found(text, BASELINE) != []


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("according to Pew reports", True),
        ("Analysts of Huawei argue", True),  # members speak for the organisation named
        ("Critics of Huawei argue", False),  # the name is whom they criticise
        ("Opponents of Senator Mark Hollis's bill say", False),
        ("according to 2023 industry reports", False),
        ("Western officials said", False),
        ("U.S. officials said", False),
        ("Analysts at Goldman Sachs expect", True),
        ("Critics argue", False),  # the first word's capital is the sentence's
        ("Some officials in Washington believe", False),  # a place says where, not who
        ("Officials in Beijing and Washington said", False),
        ("officials at the Commerce Department in Washington said", True),
        ("Some Wall Street analysts expect", False),  # a sector: among whom, not who
        ("Some Silicon Valley executives said", False),
        ("Some Qatari officials said", False),  # a demonym the suffix rule misses
        ("Some Goldman Sachs analysts expect", True),
        ("Some White House officials said", True),  # an institution
        ("Some Wall Streetwise analysts expect", True),  # a place's name is a whole word
    ],
)
def test_names_a_source(span: str, expected: bool) -> None:
    assert names_a_source(span) is expected


@pytest.mark.parametrize(
    ("text", "heading", "subtype"),
    [
        # a title-case heading: the capitals are the heading's, not a name's
        ("Critics Argue Export Controls Backfire", True, "vague"),
        ("Experts Say the Strategic Studies Found Nothing", True, "vague"),
        # the same words in a body sentence: the capital names a source
        ("Critics Argue Export Controls Backfire", False, "named"),
        # a body sentence full of names is title case too, and its source is named
        ("Officials at Deutsche Bank Research said.", False, "named"),
        ("Analysts at Goldman Sachs International said so.", False, "named"),
        # a heading in sentence case: the capital names a source
        ("Analysts at Huawei argue that the ban is futile", True, "named"),
    ],
)
def test_a_title_case_heading_names_no_source(text: str, heading: bool, subtype: str) -> None:
    markers = DETECTOR.markers(text, heading=heading)
    assert [m.subtype for m in markers if m.category == "attribution"][:1] == [subtype]


def test_the_stage_reads_a_title_case_heading_as_a_heading() -> None:
    doc = segment_text("Critics Argue Export Controls Backfire\n\nAnalysts at Huawei argue so.\n")
    rows = StanceStage().analyse(doc).tables["stance_markers"]
    assert [(r["sent_id"], r["match"], r["subtype"]) for r in rows] == [
        (1, "Critics Argue", "vague"),
        (2, "Analysts at Huawei argue", "named"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Critics Argue Export Controls Backfire", True),
        ("China's Intelligence Cooperation: Impact on Global Security", True),
        ("What challenges arise from China’s intelligence diplomacy", False),
        ("Critics of Huawei argue that the ban is futile", False),
        ("Big US Tax", False),  # fewer than three words of four letters
        ("Human Rights Issues Today", True),
        ("Senator Elizabeth Warren and Critics argue loudly", False),  # 4 of 6 capitalised
    ],
)
def test_is_title_case(text: str, expected: bool) -> None:
    from pipeline.stance_names import is_title_case

    assert is_title_case(text) is expected


def test_default_corpus_expected_markers(default_corpus: dict[str, SegmentedDocument]) -> None:
    stage = StanceStage()
    doc = default_corpus["intelligence_diplomacy"]
    out = stage.analyse(doc)
    markers = {
        (r["match"].lower(), r["category"], r["subtype"]) for r in out.tables["stance_markers"]
    }
    for expected in [
        ("reportedly", "hedge", "evidential"),
        ("allegedly", "hedge", "evidential"),
        ("critics argue", "attribution", "vague"),
        ("skeptics question", "attribution", "vague"),
        ("according to 2023 industry reports", "attribution", "vague"),
        ("stated", "attribution", "named"),
    ]:
        assert expected in markers
    figures = {r["match"]: r["sourcing"] for r in out.tables["figures"]}
    assert figures["$12 billion"] == "vague"
    assert figures["$1 trillion"] == "none"
    assert figures["82%"] == "named"
    assert "2019" not in figures and "2013" not in figures  # years used as dates
    assert out.document_columns["n_questions"] == 3
    first = stage.analyse(default_corpus["intelligence_cooperation"])
    boosters = [r for r in first.tables["stance_markers"] if r["category"] == "booster"]
    assert any(r["match"] == "are clear" for r in boosters)


def test_stage_contract(default_corpus: dict[str, SegmentedDocument]) -> None:
    stage = StanceStage(context_chars=10)
    for doc in default_corpus.values():
        out = stage.analyse(doc)
        assert set(out.sentence_columns) == set(SENTENCE_COLUMNS)
        assert all(len(v) == len(doc.sentences) for v in out.sentence_columns.values())
        assert set(out.document_columns) == set(DOCUMENT_COLUMNS)
        for table, rows in out.tables.items():
            for row in rows:
                assert tuple(row) == stage.tables[table]
                assert doc.clean[row["start"] : row["end"]] == row["match"]
        for row in out.tables["stance_markers"]:
            assert len(row["left_context"]) <= 10 and len(row["right_context"]) <= 10
        assert set(out.sentence_columns["voice"]) <= {"author", "attributed"}
        assert stage.analyse(doc) == out  # deterministic


def test_rates_use_body_words() -> None:
    doc = segment_text("Clearly Maybe\n\nIt may rain. It is clearly wet. Critics argue so.")
    out = StanceStage().analyse(doc)
    assert doc.n_words == 10
    assert out.document_columns["hedges_per_1k"] == pytest.approx(100.0)
    assert out.document_columns["boosters_per_1k"] == pytest.approx(100.0)
    assert out.document_columns["attributions_vague_per_1k"] == pytest.approx(100.0)
    assert out.sentence_columns["voice"][-1] == "attributed"


def test_documents_count_the_markers_in_a_quoted_speakers_words() -> None:
    """A journalist's walkthrough: 31 of an outlet's 37 boosters were its officials' quoted
    words, and the report called the outlet's reporters more certain."""
    doc = segment_text(
        "Clearly Maybe\n\n"
        '"This is clearly wrong and we will certainly respond," the minister said. '
        "Prices clearly rose. It may rain."
    )
    out = StanceStage().analyse(doc)
    rows = out.tables["stance_markers"]
    boosters = [(r["match"], r["in_quotation"]) for r in rows if r["category"] == "booster"]
    assert boosters == [("Clearly", False), ("clearly", True), ("certainly", True),
                        ("clearly", False)]  # fmt: skip
    columns = out.document_columns
    # the heading's "Clearly" is in no count: 3 boosters in 18 body words
    assert doc.n_words == 18
    assert columns["boosters_per_1k"] == pytest.approx(3000 / 18)
    assert (columns["n_boosters_quoted"], columns["n_hedges_quoted"]) == (2, 0)
    assert columns["n_attributions_named_quoted"] == 0  # "the minister said" is the writer's


def test_empty_document_has_nan_rates() -> None:
    doc = SegmentedDocument("empty", "", (), ())
    out = StanceStage().analyse(doc)
    assert out.document_columns["n_figures"] == 0
    assert out.document_columns["hedges_per_1k"] != out.document_columns["hedges_per_1k"]


def write_lexicon(path: Path, rows: list[str]) -> Path:
    path.write_text("# version: test\npattern\tcategory\tsubtype\tnote\n" + "\n".join(rows) + "\n")
    return path


def test_a_subtype_close_to_a_shipped_one_is_a_warning(tmp_path: Path) -> None:
    from pipeline.stance_lexicon import near_subtypes

    extra = write_lexicon(
        tmp_path / "mine.tsv",
        [
            "purportedly\thedge\tevidentail\ta typo: 'reportedly' makes figures vague",
            "# a note",
            "kinda\thedge\tepistemic_adverbs\ta plural",
            "sorta\thedge\tslang\tnew and meant",
            "truly\tbooster\tadverb\tknown",
            "sceptics\tattribution\tvague\tknown",
            "my gut\tattitude\tadverbial\tnew: close to 'adverb', but a word of its own",
            "gosh\tattitude\tverb\tnew: 'adverb' less two letters",
            "so very\tbooster\tadverd\tone letter changed in a short word",
            "mebbe\thedge\tmodla\ttwo letters swapped",
            "by and large\tnone\tx\ta blocker's subtype: shipped blockers have none",
        ],
    )
    shipped = lexicon_path("stance.tsv")
    lexicon = read_lexicon([shipped, extra], required=("pattern", "category", "subtype"))
    assert near_subtypes(lexicon, shipped) == [
        (str(extra), "line 3: subtype 'evidentail' of entry 'purportedly' is new for category "
                     "'hedge' (did you mean 'evidential'?)"),
        (str(extra), "line 5: subtype 'epistemic_adverbs' of entry 'kinda' is new for category "
                     "'hedge' (did you mean 'epistemic_adverb'?)"),
        (str(extra), "line 11: subtype 'adverd' of entry 'so very' is new for category "
                     "'booster' (did you mean 'adverb'?)"),
        (str(extra), "line 12: subtype 'modla' of entry 'mebbe' is new for category 'hedge' "
                     "(did you mean 'modal'?)"),
    ]  # fmt: skip
    assert near_subtypes(read_lexicon([shipped], required=("pattern", "category", "subtype")),
                         shipped) == []  # fmt: skip


def test_extra_lexicon_adds_overrides_and_disables(tmp_path: Path) -> None:
    extra = write_lexicon(
        tmp_path / "extra.tsv",
        [
            "purportedly\tbooster\tadverb\toverride",
            "arguabl{e,y}\toff\t\t",
            "per se\tattitude\tx\tnew",
        ],
    )
    stage = StanceStage(extra_lexicons=[extra])
    doc = segment_text("It purportedly and arguably works per se.")
    rows = stage.analyse(doc).tables["stance_markers"]
    assert [(r["match"], r["category"]) for r in rows] == [
        ("purportedly", "booster"),
        ("per se", "attitude"),
    ]
    assert stage.lexicon_versions == {"stance.tsv": "1.37.27", "extra.tsv": "test"}


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        (["x\tnonsense\t\t"], 4, "unknown category"),
        (["x\tbostr\t\t"], 4, r"unknown category 'bostr' \(did you mean 'booster'\?\); the "),
        (["x\tattribution\tsome\t"], 4, "named|vague"),
        (["x\thedge\t\t\t(\t"], 4, "bad not_before"),
        (["x {a,b\thedge\t\t"], 4, "unbalanced '{'"),
        (["y\thedge\t\t", "x\thedge\t\t\t\tnope"], 5, "'also' must be"),
        (["x\thedge\t\t\t\thedg/modal"], 4,
         r"unknown category 'hedg' in 'also' 'hedg/modal' \(did you mean 'hedge'\?\); the "),
        # the second would replace the first
        (["x\thedge\t\t", "", "x\tbooster\t\t"], 6, r"listed twice \(also \S+, line 4\): merge"),
        (["x\thedge\t\t\t@NOPE"], 4, "unknown macro @NOPE in not_before"),
        # a macro naming itself, through another
        (["# define LOOP: a|@POOL", "# define POOL: @LOOP", "x\thedge\t\t\t@LOOP"], 6,
         "the macros in not_before name each other in a cycle"),
    ],
)  # fmt: skip
def test_bad_extra_lexicon_raises(tmp_path: Path, rows: list[str], line: int, message) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(
        "# version: 1\n# a note\npattern\tcategory\tsubtype\tnote\tnot_before\talso\n"
        + "\n".join(rows)
        + "\n"
    )
    with pytest.raises(ValueError, match=message) as error:
        StanceStage(extra_lexicons=[path])
    assert str(error.value).startswith(f"{path}, line {line}: entry '{rows[-1].split(chr(9))[0]}'")


def test_a_macro_may_name_other_macros(tmp_path: Path) -> None:
    path = tmp_path / "nested.tsv"
    path.write_text(
        "# version: 1\n# define INNER: so\\b|indeed\n# define OUTER: @INNER|too\\b\n"
        "pattern\tcategory\tsubtype\tnote\tnot_after\nzorbly\thedge\tadverb\t\t@OUTER\n"
    )
    stage = StanceStage(extra_lexicons=[path])
    hedges = [
        [s[m.start : m.end] for m in stage.detector.markers(s) if m.category == "hedge"]
        for s in ("It is zorbly fine.", "It is zorbly so.", "It is zorbly too.")
    ]
    assert hedges == [["zorbly"], [], []]


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            "pattern,category,subtype\narguably,hedge,\n",
            "must be separated by tabs, not commas or spaces",
        ),
        ("pattern\tkind\narguably\thedge\n", "its header line is 'pattern\\tkind'"),
        ("", ": it has no header line"),
    ],
)
def test_a_lexicon_with_the_wrong_columns_says_what_to_fix(
    tmp_path: Path, text: str, hint: str
) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("# version: 1\n" + text)
    with pytest.raises(ValueError, match=r"lacks column\(s\) ") as error:
        StanceStage(extra_lexicons=[path])
    assert str(error.value).startswith(f"lexicon file {path} lacks column(s) ")
    assert str(error.value).endswith(hint)


@pytest.mark.parametrize("row", ["arguably hedge epistemic_adverb", "arguably,hedge,adverb"])
def test_a_row_without_tabs_says_so(tmp_path: Path, row: str) -> None:
    """Not "unknown category ''": the row's columns ran together into its pattern."""
    path = tmp_path / "mine.tsv"
    path.write_text(f"# version: 1\npattern\tcategory\tsubtype\nsurely\tbooster\tadverb\n{row}\n")
    with pytest.raises(ValueError) as error:
        StanceStage(extra_lexicons=[path])
    assert str(error.value) == (
        f"{path}, line 4: its columns must be separated by tabs, not commas or spaces (the row "
        f"has no tab: {row!r})"
    )


def test_an_off_row_that_disables_nothing_is_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "extra.tsv"
    path.write_text("# version: 1\npattern\tcategory\tsubtype\nsurely\toff\t\n")
    with pytest.warns(UnusedRowWarning) as record:
        stage = StanceStage(extra_lexicons=[path])
    assert [str(w.message) for w in record] == [
        f"{path}, line 3: entry 'surely' is off but no earlier entry has exactly this pattern, so "
        "nothing is disabled (to drop one word of a {a,b} entry, repeat that entry without it)"
    ]
    rows = stage.analyse(segment_text("Surely it works.")).tables["stance_markers"]
    assert [(r["match"], r["category"]) for r in rows] == [("Surely", "booster")]
    path.write_text("# version: 1\npattern\tcategory\tsubtype\narguabl{e,y}\toff\t\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnusedRowWarning)
        StanceStage(extra_lexicons=[path])  # it disables an entry: no warning


@pytest.mark.parametrize(
    "kwargs",
    [{"context_chars": -1}, {"context_chars": 2.5}, {"extra_lexicons": "a.tsv"}],
)
def test_bad_options_raise(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        StanceStage(**kwargs)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="May mightcouldabout clear40%$1. ,Critics argue\n?“”", max_size=120))
def test_marker_offsets_hold_on_any_text(text: str) -> None:
    doc = SegmentedDocument("d", text, (Sentence(1, 1, False, 0, len(text), text),), ((),))
    out = StanceStage().analyse(doc)
    for table in ("stance_markers", "figures"):
        for row in out.tables[table]:
            assert 0 <= row["start"] < row["end"] <= len(text)
            assert text[row["start"] : row["end"]] == row["match"]


@given(st.text(alphabet=st.characters(categories=["Zs", "Zl", "Zp", "Cc", "Ll"]), max_size=20))
def test_one_line_context_folds_every_white_space_run(text: str) -> None:
    assert _one_line(text) == re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(
    ("markers", "expected"),
    [
        ([], (0, 0, 0, 0, 0)),
        ([("hedge", "epistemic"), ("hedge", "evidential"), ("booster", "")], (2, 1, 0, 0, 0)),
        ([("attitude", "x"), ("attribution", "named"), ("attribution", "vague")], (0, 0, 1, 1, 1)),
        ([("attribution", "vague"), ("attribution", "other"), ("none", "")], (0, 0, 0, 0, 1)),
    ],
)
def test_marker_counts(markers: list[tuple[str, str]], expected: tuple[int, ...]) -> None:
    counts = marker_counts([Marker(0, 1, category, subtype, 0) for category, subtype in markers])
    assert tuple(counts[col] for col, _, _ in COUNT_KEYS) == expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        # tp: row 1; fn: rows 2, 3; no fp -> P = 1/1, R = 1/3, F1 = 2(1/3)/(4/3) = 1/2
        ([1, 1, 1, 0], [1, 0, 0, 0], (1, 0, 2, 1.0, 1 / 3, 1 / 2)),
        # tp: row 2; fp: rows 1, 3; fn: row 4 -> P = 1/3, R = 1/2, F1 = 2(1/6)/(5/6) = 2/5
        ([0, 1, 0, 1], [1, 1, 1, 0], (1, 2, 1, 1 / 3, 1 / 2, 2 / 5)),
        # nothing predicted, nothing to find: every ratio undefined -> 0.0
        ([0, 0], [0, 0], (0, 0, 0, 0.0, 0.0, 0.0)),
        # all wrong: tp 0 -> P = R = F1 = 0
        ([1, 0], [0, 1], (0, 1, 1, 0.0, 0.0, 0.0)),
    ],
)
def test_prf_hand_worked(
    gold: list[int], predicted: list[int], expected: tuple[float, ...]
) -> None:
    got = prf(gold, predicted)
    keys = ("tp", "fp", "fn", "precision", "recall", "f1")
    assert tuple(got[k] for k in keys[:3]) == expected[:3]
    assert [got[k] for k in keys[3:]] == pytest.approx(expected[3:])


def test_annotated_set_is_large_and_balanced() -> None:
    rows = read_annotations(DEFAULT_ANNOTATIONS)
    assert len(rows) >= 150
    assert {r["split"] for r in rows} == {"dev", "test"}
    assert {r["style"] for r in rows} >= {"news", "policy", "encyclopedic"}


def test_quality_on_annotated_set() -> None:
    table = evaluate(DEFAULT_ANNOTATIONS)
    f1 = {(r.system, r.split, r.category): r.f1 for r in table.itertuples(index=False)}
    for split in ("dev", "test", "all"):
        assert f1[("detector", split, "hedge")] >= 0.85
        assert f1[("detector", split, "booster")] >= 0.85
        assert f1[("detector", split, "attribution_vague")] >= 0.75
    for category in ("hedge", "booster", "attribution_named"):
        assert f1[("detector", "all", category)] > f1[("baseline", "all", category)]
    assert f1[("detector", "all", "hedge")] - f1[("baseline", "all", "hedge")] >= 0.1


def test_unused_offs_name_each_off_row_that_disables_nothing(tmp_path):
    from pipeline.lexicon import read_lexicon, unused_offs

    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    header = "# version: 1\npattern\tcategory\tsubtype\n"
    first.write_text(header + "surely\tbooster\tcertainty\nmay\thedge\tmodal\n")
    # "surely" and "may" have earlier rows (across files); "perhaps" and "MAY" do not
    second.write_text(header + "surely\tOff\t\nperhaps\toff\t\nMAY\toff\t\nmay\toff\t\n")
    got = unused_offs(read_lexicon([first, second]))
    assert [(source, message.split(" is off")[0]) for source, message in got] == [
        (str(second), "line 4: entry 'perhaps'"),
        (str(second), "line 5: entry 'MAY'"),
    ]


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("the Center for Strategic and International Studies found", 43, True),
        ("Recent studies found", 7, False),  # lower case: a common noun
        ("The new Studies found", 8, False),  # after a lower-case word
        ("Studies found", 0, False),  # the sentence's first word
        ("said the Ministry. Officials said", 19, False),  # a full stop between
        ("Chinese Officials said", 8, False),  # a demonym is no name
    ],
)
def test_ends_a_name(text, start, expected):
    from pipeline.stance_names import ends_a_name

    assert ends_a_name(text, start) is expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("As Pentagon officials said, it holds.", "officials", True),
        ("The White House officials said it.", "officials", True),
        # a sentence's first word names the source unless it is a common word
        ("Pentagon officials said it.", "officials", True),
        ("Goldman Sachs economists expect it.", "economists", True),
        ("NATO officials said it.", "officials", True),  # capitals: an acronym
        ("Two officials said it.", "officials", False),  # a common word: the capital is the
        ("Federal prosecutors said it.", "prosecutors", False),  # sentence's
        ("Mid-level officials said it.", "officials", False),
        ("Treasury officials said it.", "officials", False),  # a common word, alas
        ("Chinese officials said it.", "officials", False),  # a demonym
        ("Qatari officials said it.", "officials", False),  # one the suffix rule misses
        ("Tuesday officials said it.", "officials", False),  # a day
        ("- Two officials said it.", "officials", False),  # a list item's first word likewise
        # places and sectors (lexicons/places_and_peoples.tsv) are no names, institutions are
        ("Silicon Valley executives said it.", "executives", False),
        ("Wall Street analysts expect it.", "analysts", False),
        ("Capitol Hill aides said it.", "aides", False),
        ("As Wall Street analysts expect, it holds.", "analysts", False),
        ("As Qatari officials said, it holds.", "officials", False),
        ("White House officials said it.", "officials", True),
        ("Commerce Department officials said it.", "officials", True),
        ("As Street officials said, it holds.", "officials", True),  # not a place's whole name
        ("On Monday officials said it.", "officials", False),  # a day says when
        ("After March officials said it.", "officials", False),  # so does a month
        ("The US officials said it.", "officials", False),  # an initialism
        ("Some Chinese officials said it.", "officials", False),  # a demonym
        ("And Beijing's critics argue it.", "critics", False),  # a possessive: critics of Beijing
        ("In Washington officials said it.", "officials", False),  # a place after "in"
        ("The firm Huawei was criticised by groups.", "was", False),  # a function word
        ("As pentagon officials said, it holds.", "officials", False),  # no capital
        ("But China watchers say it.", "watchers", False),  # not members of China
        ("Yet Trump critics argue it.", "critics", False),
        ("Yet Kyiv-based analysts said it.", "analysts", False),  # a place
        ("Across Europe officials said it.", "officials", False),
        ("And Goldman Sachs economists expect it.", "economists", True),
    ],
)
def test_name_before(text, source, expected):
    assert name_before(text, 0, text.index(source)) is expected


def test_a_figure_after_a_named_estimate_is_named() -> None:
    doc = segment_text("The World Food Programme estimates that 345 million people face hunger.")
    (figure,) = StanceStage().analyse(doc).tables["figures"]
    assert (figure["match"], figure["sourcing"]) == ("345 million", "named")


@pytest.mark.parametrize(
    ("rule", "left", "matches"),
    [
        ("(?:in|is|as)", "The Kremlin ", False),  # a word of the rule is a whole word
        ("(?:in|is|as)", "Paris ", False),
        ("(?:in|is|as)", "officials in ", True),
        ("['’]s", "China's ", True),  # a rule that starts with a mark still ends a word
        ("\\w*n[’']t", "He doesn't ", True),
        ("\\d+", "in 2020 ", True),
        ("(?:can)?not", "We cannot ", True),  # "not" is a whole word: the rule says "cannot" too
        ("not", "We cannot ", False),
    ],
)
def test_a_before_rule_matches_whole_words(rule, left, matches):
    regex = re.compile(_rule_regex(rule, "not_before", {}, "p"), re.IGNORECASE)
    assert (regex.search(left) is not None) is matches


AUDIT_C = [  # (sentence, expected markers): fixes a third audit (age-verification ruling) asked for
    # named sources that were missed
    (
        "At least 19 states did so, according to a tally by the National Conference of State "
        "Legislatures.",
        [("according to", "attribution", "named")],
    ),
    (
        "It cited a 2024 survey by the State Department of Health finding that 41% agreed.",
        [("a 2024 survey by the State Department of Health finding", "attribution", "named")],
    ),
    (
        "Independent testing by the National Institute of Standards and Technology found errors.",
        [
            (
                "Independent testing by the National Institute of Standards and Technology found",
                "attribution",
                "named",
            )
        ],
    ),
    ('"It is time," Thornton added.', [("added", "attribution", "named")]),
    ('"We are ready," she added.', [("added", "attribution", "named")]),
    ("Members invested heavily, the Council noted.", [("noted", "attribution", "named")]),
    ("Petitioners contend that it fails.", [("contend that", "attribution", "named")]),
    ("Justice Barrett concluded that it stands.", [("concluded that", "attribution", "named")]),
    ("Justice Barrett assures us that it works.", [("assures us that", "attribution", "named")]),
    (
        "It errs for some groups, a point Justice Elena Kagan raised.",
        [("a point Justice Elena Kagan raised", "attribution", "named")],
    ),
    ("That is a point he made.", [("a point he made", "attribution", "named")]),
    # the respondents of a survey are not a source of their own
    (
        "According to the Council's 2025 Member Survey, 62% of member companies said no.",
        [("According to", "attribution", "named")],
    ),
    ("About a third say they do so.", [("About", "hedge", "approximator")]),
    ("In the poll, most respondents said they would leave.", []),
    ("Only 10% said they would.", []),
    # false vague sources
    ("It applies because of its size, not because of what its users say.", []),
    ("It applies not because of what [their] users say.", []),
    ("It targets size, not what people say.", []),
    ("Give users who are wrongly rejected a free appeal.", []),
    ("It errs for some groups, a point that matters.", []),
    # one anonymous source, not two (since 1.36.13 the relative clause is read as an aside, so the
    # one marker spans the subject and its verb)
    (
        "An executive, who spoke on condition of anonymity because talks go on, said it failed.",
        [
            (
                "An executive, who spoke on condition of anonymity because talks go on, said",
                "attribution",
                "vague",
            )
        ],
    ),
    # boosters in another sense
    (
        "Petitioners have not shown that it is likely to fail.",
        [("likely", "hedge", "epistemic_adjective")],
    ),
    ("Petitioners failed to show that it fails.", []),
    ("An adult need only prove her age.", []),
    # missed hedges and vague sources
    ("Rates of something like 8 to 12 percent.", [("something like", "hedge", "approximator")]),
    ("Signups jumped something like 900%.", [("something like", "hedge", "approximator")]),
    ("Vendors report better results.", [("Vendors report", "attribution", "vague")]),
    ("Vendors claim the tools work.", [("Vendors claim", "attribution", "vague")]),
    ("The vendors will tell you it works.", [("vendors will tell you", "attribution", "vague")]),
    (
        "But independent testing has found errors.",
        [("independent testing has found", "attribution", "vague")],
    ),
    (
        "Testing by researchers found flaws.",
        [("Testing by researchers found", "attribution", "vague")],
    ),
    (
        "It is the $1.2 billion industry analysts have projected.",
        [("industry analysts have projected", "attribution", "vague")],
    ),
    # named attributions that are none
    ("Ohio responded to those figures with a law.", []),
    ("A spokesperson for House Speaker Mike Johnson did not respond.", []),
    ("The evidence says otherwise.", []),
    ("Posted by u/kernel_panic_88", []),
]
AUDIT_C_GUARDS = [  # near misses that keep their reading
    # a second review: passives and events that ended after a comma report nothing
    ("Last month, the vehicles were recalled.", []),
    ("After three days of testimony, the trial concluded.", []),
    ("Across the country, the holiday was observed.", []),
    ("Thornton said it is done.", [("said", "attribution", "named")]),
    ('"We are ready," added Lindqvist.', [("added Lindqvist", "attribution", "named")]),
    ("Prices rose, Smith added.", [("added", "attribution", "named")]),
    ("Over the year, Apple added 3 million users.", []),  # not after the clause
    ("The bill, which the Senate added, passed.", []),
    ("In March, the company added features.", []),
    ("The company, she noted, is profitable.", [("noted", "attribution", "named")]),
    ("Critics noted the risk.", [("Critics noted", "attribution", "vague")]),
    ("We contend that it fails.", []),  # the writer's own claim
    ("It is a point critics raised.", [("a point critics raised", "attribution", "vague")]),
    ("At the point she made her decision, it was late.", []),
    (
        "The firm holds 30% of the market, analysts said.",
        [("analysts said", "attribution", "vague")],
    ),
    ("Smith, who owns 40% of the company, said no.", [("said", "attribution", "named")]),
    ("A majority of lawmakers said no.", [("lawmakers said", "attribution", "vague")]),
    ("Users say the app crashes.", [("Users say", "attribution", "vague")]),
    ("Here is what experts say about it.", [("experts say", "attribution", "vague")]),
    (
        "Users who were rejected said it failed.",
        [("Users who were rejected said", "attribution", "vague")],
    ),
    (
        "Officials are increasingly worried that it fails.",
        [("Officials are increasingly worried", "attribution", "vague")],
    ),
    (
        "An official, speaking on condition of anonymity, said it failed.",
        [("An official, speaking on condition of anonymity, said", "attribution", "vague")],
    ),
    ("The trial showed that it works.", [("showed that", "booster", "verb")]),
    ("The data prove that it works.", [("prove", "booster", "verb")]),
    ("Something like that happened.", []),
    ("Blood tests showed he had been poisoned.", []),
    ("Analysts forecast a rise.", [("Analysts forecast", "attribution", "vague")]),
    (
        "Scientists on the project said it failed.",
        [("Scientists on the project said", "attribution", "vague")],
    ),
    ("The ministry responded that it would appeal.", [("responded", "attribution", "named")]),
    ("Beijing responded with a statement.", [("responded", "attribution", "named")]),
    (
        "A spokesperson for House Speaker Mike Johnson declined to say more, but the aide said so.",
        [("said", "attribution", "named")],
    ),
    (
        "A spokesperson for House Speaker Mike Johnson said it would pass.",
        [
            ("A spokesperson for House Speaker Mike Johnson", "attribution", "named"),
            ("said", "attribution", "named"),
        ],
    ),
    ("Smith says otherwise.", [("says", "attribution", "named")]),
    ("A spokesman for the ministry declined to comment.", []),  # no name after "for"
    ("She posted a video.", [("posted", "attribution", "named")]),
]


@pytest.mark.parametrize(("text", "expected"), AUDIT_C + AUDIT_C_GUARDS)
def test_audit_c_readings(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_a_run_of_commas_in_a_skip_matches_in_linear_time() -> None:
    # a skipped word that could start with a comma split such a run in exponentially many ways
    start = time.process_time()
    assert found("The critics" + "," * 40 + " made it.") == []
    assert found("Region,Officials" + "," * 30 + "\nNorth,12" + "," * 30) == []
    assert time.process_time() - start < 1.0


# Audit F (2026-12-03): statements, citations, a parenthetical before the verb, rating labels,
# comparisons of probabilities and a negated "speculate"; each with the ordinary case nearby.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to the joint statement, the centre has 500 staff.",
            [("According to the joint statement", "attribution", "named")],
        ),
        (
            "According to a statement from the ministry, 500 officials were trained.",
            [("According to a statement", "attribution", "named")],
        ),
        (
            "According to a press release, the firm hired 200 staff.",
            [("According to a press release", "attribution", "named")],
        ),
        (  # the ordinary case nearby: press reports are still vague
            "According to press reports, the firm hired 200 staff.",
            [("According to press", "attribution", "vague")],
        ),
        (
            "These figures are close to those reported by the Velorian Institute (2024).",
            [("reported by the Velorian", "attribution", "named")],
        ),
        (
            "Its scope is considered narrower.",
            [("considered", "attribution", "vague"), ("considered", "hedge", "evidential")],
        ),
        ("The bill was considered by the committee.", []),
        ("The application is being considered.", []),
        (
            "The opposition Civic Union party called it 'a surrender'.",
            [("called it", "attribution", "named")],
        ),
        ("Critics called it 'a surrender'.", [("Critics called", "attribution", "vague")]),
        ("She called the police.", []),
        ("We rate this claim Mostly False.", []),
        ("Rating: Mostly True", []),
        ("We rate it mostly false.", []),
        ("The claim is mostly true.", [("mostly", "hedge", "frequency_degree")]),
        ("Respondents were significantly more likely to support the deal.", []),
        ("Women were less likely than men to agree.", []),
        ("The bill is likely to pass.", [("likely", "hedge", "epistemic_adjective")]),
        (
            "It is more likely than not that it passes.",
            [("likely", "hedge", "epistemic_adjective")],
        ),
        ("I will not speculate on that.", []),
        ("The minister declined to speculate.", []),
        ("We can only speculate about the motive.", [("speculate", "hedge", "epistemic_verb")]),
    ],
)
def test_audit_f_readings(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cooperation is driven by elites (Kuik, 2016; Lim & Cooper, 2015).",
            [
                ("Kuik, 2016", "attribution", "named"),
                ("Lim & Cooper, 2015", "attribution", "named"),
            ],
        ),
        (
            "Opinion is a constraint (Smith et al., 2019).",
            [("Smith et al., 2019", "attribution", "named")],
        ),
        (
            "Harm may shape attitudes (Hall & Ortega, 2020, p. 14).",
            [("may", "hedge", "modal"), ("Hall & Ortega, 2020, p. 14", "attribution", "named")],
        ),
        # "As Smith (2019) notes" is an as-clause, a lexicon attribution (stance 1.24.0)
        ("As shown by Smith (2019), it matters.", [("Smith (2019)", "attribution", "named")]),
        # a citation next to a reporting verb is one source, counted once
        ("Smith (2019) argues that it matters.", [("argues", "attribution", "named")]),
        # not citations: a year alone, a sample size, a cross-reference, a date, a longer name
        ("The pact (2019) was signed.", []),
        ("The sample (N = 1,204) was large.", []),
        ("The effect is large (see Table 2).", []),
        ("It rained (March 2020).", []),
        ("The Paris Agreement (2015) binds all parties.", []),
        ("Kuik, C. C. (2016). The essence of hedging.", []),
    ],
)
def test_author_date_citations_are_named(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected
    # the citations come from pipeline.author_dates: exactly the expected spans with a year
    # (none for "Smith (2019) argues", whose lexicon attribution touches it)
    cites = [text[m.start : m.end] for m in DETECTOR.markers(text) if m.entry == CITATION_ENTRY]
    assert cites == [match for match, _, _ in expected if YEAR_RE.search(match)]
    # the plain word-list baseline has no citations, and finds nothing named but the verb
    assert all(m.entry != CITATION_ENTRY for m in BASELINE.markers(text))
    assert [(c, s) for _, c, s in found(text, BASELINE) if s == "named"] == [
        (c, s) for match, c, s in expected if s == "named" and not YEAR_RE.search(match)
    ]


def test_a_parenthetical_before_the_verb_keeps_the_attribution() -> None:
    plain = "A new survey by researchers at the University of Eastbridge finds 46% back it."
    text = plain.replace("Eastbridge", "Eastbridge (N = 1,204)")
    assert found(plain) == [(plain[: plain.index(" 46%")], "attribution", "named")]
    assert found(text) == [(text[: text.index(" 46%")], "attribution", "named")]
    doc = segment_text(text)
    figures = {r["match"]: r["sourcing"] for r in StanceStage().analyse(doc).tables["figures"]}
    assert figures["46%"] == "named"
    # a marker inside a parenthetical is still found there, with its own context
    # (the "may" before ")" is no hedge: its right context ends at the bracket)
    assert found("It cost $9 (about $12 today) and it may rise (as it may).") == [
        ("about", "hedge", "approximator"),
        ("may", "hedge", "modal"),
    ]


def test_figures_after_a_statement_are_named() -> None:
    text = (
        "The deal is worth 1.2 billion yuan (about 167 million U.S. dollars), according to a "
        "joint statement released after the talks."
    )
    out = StanceStage().analyse(segment_text(text))
    assert {r["sourcing"] for r in out.tables["figures"]} == {"named"}


# Code review of audit F (2026-12-04): "Name (year)" in prose is mostly a date gloss; a
# citation needs a reporting verb after it or a citing word before it.
@pytest.mark.parametrize(
    "text",
    [
        "Trade with the EU fell 12% after Brexit (2016).",
        "The Treaty of Rome (1957) created the common market.",
        "Cases rose during COVID (2020).",
        "Sales in France (2024) fell.",
        "Huawei (2019) and ZTE (2018) equipment was banned.",
        "Spending rose under Obama (2009) and Trump (2017).",
        "The merger of Exxon and Mobil (1999) was large.",
        "Both parties (Labour, 2019; Conservatives, 2017) promised cuts.",
        "Firms such as Huawei (2019) were banned.",
        "The law was signed by Obama (2009) in March.",
        # a title word is no author: "the Wild (2025)" ends "Age Estimation in the Wild"
        "2 See Brooks & Menon, Age Estimation in the Wild (2025), pp. 22-31.",
        # a reporting verb after a title is no citation either
        "As the Treaty of Rome (1957) states, the market is common.",
    ],
)
def test_a_year_after_a_name_in_prose_is_no_citation(text: str) -> None:
    assert found(text) == []
    assert author_date_spans(text, 0, len(text)) == []


def test_a_date_gloss_does_not_source_the_sentences_figures() -> None:
    doc = segment_text("Trade with the EU fell 12% after Brexit (2016).")
    out = StanceStage().analyse(doc)
    assert [(r["match"], r["sourcing"]) for r in out.tables["figures"]] == [("12%", "none")]
    doc = segment_text("Smith (2019) reports a rise of 12%.")
    out = StanceStage().analyse(doc)
    assert [(r["match"], r["sourcing"]) for r in out.tables["figures"]] == [("12%", "named")]


@pytest.mark.parametrize(
    ("text", "cite"),
    [
        ("Smith (2019) reports a rise of 12%.", "Smith (2019)"),
        ("This matters, as Smith (2019) has shown.", "as Smith (2019) has shown"),  # an as-clause
        ("As Smith (2019) notes, it matters.", "As Smith (2019) notes"),
        ("Prices fell, Smith (2019) convincingly shows.", "Smith (2019)"),
        ("Smith et al. (2019) collected 40 interviews.", "Smith et al. (2019)"),
        ("The method proposed by Smith (2019) is used.", "Smith (2019)"),
        ("This is described in Smith (2019).", "Smith (2019)"),
        ("See Brown (2019) for details.", "Brown (2019)"),
        ("Growth stalled (Brown, 2019).", "Brown, 2019"),  # a surname that is a common word
        ("Growth slowed (World Bank, 2020).", "World Bank, 2020"),
        ("Opinion is a constraint (Smith et al., 2019).", "Smith et al., 2019"),
        ("Harm shapes it (Zhang & Li, 2021, p. 14).", "Zhang & Li, 2021, p. 14"),
        ("A manifesto pledge (Labour, 2019, p. 4) set it.", "Labour, 2019, p. 4"),  # a page
    ],
)
def test_citations_with_a_verb_a_citing_word_or_brackets_still_count(text: str, cite: str) -> None:
    assert (cite, "attribution", "named") in found(text)
    if cite.lower().startswith("as "):  # an as-clause takes the citation in: still found as one
        assert [text[a:b] for a, b in author_date_spans(text, 0, len(text))] == ["Smith (2019)"]


def test_a_bracket_item_of_a_party_is_dropped_and_the_others_kept() -> None:
    text = "Growth slowed (OECD, 2019; Labour, 2019)."
    assert found(text) == [("OECD, 2019", "attribution", "named")]
    text = "Cooperation is driven by elites (Kuik, 2016; Lim & Cooper, 2015)."
    assert [m for m, _, _ in found(text)] == ["Kuik, 2016", "Lim & Cooper, 2015"]


def test_an_attribution_inside_a_bracket_that_an_attribution_spans_counts_once() -> None:
    # the reviewer's pairs: brackets gave two vague attributions, commas one
    text = "Two officials (who spoke on condition of anonymity) said the talks had stalled."
    commas = text.replace(" (", ", ").replace(") ", ", ")
    assert found(text) == [(text[4 : text.index(" the talks")], "attribution", "vague")]
    assert [(c, s) for _, c, s in found(commas)] == [("attribution", "vague")]
    text = "Critics (some of whom, it is said, were paid) argued the plan failed."
    assert found(text) == [
        (text[: text.index(" the plan")], "attribution", "vague"),
        ("it is said", "hedge", "evidential"),  # the hedge inside stays
    ]
    # no attribution around the bracket: the one inside it counts
    text = "The minister (who, officials said, was tired) left early."
    assert found(text) == [("officials said", "attribution", "vague")]
    # audit F: the parenthetical between a survey and its verb still costs no skipped words
    text = "A survey by researchers at the University of Eastbridge (N = 1,204) finds 46% back it."
    assert found(text) == [(text[: text.index(" 46%")], "attribution", "named")]


def test_long_sentences_of_attributions_and_citations_match_in_linear_time() -> None:
    unit = "Critics (who spoke on condition of anonymity) said (it is said) it fell (Kuik, 2016). "
    text = unit * 1200  # ~105 kB in one "sentence" (a lookback to the text's start took 3.6 s)
    start = time.process_time()
    DETECTOR.markers(text)
    assert time.process_time() - start < 2.0
    glosses = ", as Smith (2019) and Brexit (2016) of the Wild (2025)" * 2000  # ~105 kB
    start = time.process_time()
    assert len(author_date_spans(glosses, 0, len(glosses))) == 2000
    assert time.process_time() - start < 2.0


# Audit G (2026-12-04): eight new genres on one fictional event (the "Harbour Protocol"). Each
# sentence is the audit's (or a shortened one), with the ordinary case nearby that must not change.
AUDIT_G = [
    # T1: a share of a survey's respondents is no source (the survey is)
    (
        "- 62% of parents say they are worried that their children's records could be shared.",
        [("could", "hedge", "modal")],
    ),
    ("Some parents say they are worried.", [("Some parents say", "attribution", "vague")]),
    ("Parents say they are worried.", [("Parents say", "attribution", "vague")]),
    ("About 62% of parents say they are worried.", [("About", "hedge", "approximator")]),
    # T2: reporting verbs where nothing is reported
    ("We have had no knowledge of any arrangement of the kind described.", []),
    (
        "The minister described the plan as routine.",
        [("described", "attribution", "named")],
    ),
    (
        "Some observers have suggested that this economic dependence explains the "
        "government's initial reluctance to disclose the agreement.",
        [
            ("Some observers have suggested", "attribution", "vague"),
            ("suggested", "hedge", "epistemic_verb"),
        ],  # 1.32.0: the verb hedges too
    ),
    ("This dependence explains why it waited.", []),
    (
        "The minister explains that the deal is non-binding.",
        [("explains", "attribution", "named")],
    ),
    ("As she explains, the deal is non-binding.", [("As she explains", "attribution", "named")]),
    (
        "She explains to reporters how the deal works.",
        [("explains", "attribution", "named")],
    ),
    ("Ms Anand explained the company's position.", [("explained", "attribution", "named")]),
    (
        "But a sovereign choice made in secret, and denied when discovered, is not much of a "
        "sovereign choice.",
        [],
    ),
    ("The ministry denied when asked about it.", [("denied", "attribution", "named")]),
    (
        "Nobody outside government has seen the signed version, and the Herald has not said "
        "how it obtained its copy.",
        [],
    ),
    ("The Herald has not yet said how it got its copy.", []),
    ("He never said that.", []),
    (
        "I'd note that they haven't actually said the document is fake.",
        [("actually", "booster", "adverb")],
    ),
    (
        "They've said the reporting is speculation, which is a slightly different thing",
        [("said", "attribution", "named")],
    ),
    ("The Herald has said it will publish the text.", [("said", "attribution", "named")]),
    (
        "Respondents who said they follow the news (29% of the sample) were about twice as "
        "likely to support publishing the protocol.",
        [("about", "hedge", "approximator")],
    ),
    (
        "This is exactly what everyone warned about in 2022 with the Solomons deal.",
        [("everyone warned", "attribution", "vague")],
    ),
    ("Everyone says the deal is dead.", [("Everyone says", "attribution", "vague")]),
    ('"Everyone warned" - Australia spent years ignoring us too.', []),
    ("The PM warned about the deal.", [("warned", "attribution", "named")]),
    # T6: "too often" is a reproach
    (
        "Australia and New Zealand have too often treated the Pacific as a backyard.",
        [],
    ),
    ("They all too often ignore us.", []),
    ("They often ignore us.", [("often", "hedge", "frequency_degree")]),
    # T7: approximators before a currency code, and "somewhere between"
    (
        "Shares fell 8.4%, wiping roughly MSD 310 million off the company's market value.",
        [("roughly", "hedge", "approximator")],
    ),
    ("It cost about USD 2 billion.", [("about", "hedge", "approximator")]),
    ("It cost roughly A$5 million.", [("roughly", "hedge", "approximator")]),
    ("The audit was about ISO 27001 compliance.", []),
    ("The report about MH17 was published.", []),
    (
        "The station carries somewhere between 40 and 62 percent of the country's traffic.",
        [("somewhere between", "hedge", "approximator")],
    ),
    ("It lies somewhere between the airport and the port.", []),
    # T8: named and vague sources
    (
        "- **US$480 million**: Chinese loans and grants to Marisca since 2019, per the Lowy "
        "Institute",
        [("per the Lowy", "attribution", "named")],
    ),
    ("Exports rose 5%, per Reuters.", [("per Reuters", "attribution", "named")]),
    ("Per capita income rose 5% per year.", []),
    ("Income per Member State rose.", []),
    (
        'The government first called the story "fabricated".',
        [("called the story", "attribution", "named")],
    ),
    ("She called the police immediately.", []),
    ('You could call the plan "a surrender".', [("could", "hedge", "modal")]),
    (
        'Critics called the plan "a surrender".',
        [("Critics called", "attribution", "vague")],
    ),
    (
        "GUEST: Honestly, less than the headlines suggest.",
        [("the headlines suggest", "attribution", "vague"), ("suggest", "hedge", "epistemic_verb")],
    ),
    ("The results suggest that trust has fallen.", [("suggest", "hedge", "epistemic_verb")]),
    ("The headlines were grim.", []),
    (
        "It carries 40 to 62 percent of the traffic, depending on whom you ask.",
        [("depending on whom you ask", "attribution", "vague")],
    ),
    # T5: distancing, boosters, imo
    (
        "A week after the leak of the so-called Harbour Protocol, trust fell.",
        [("so-called", "attitude", "distancing")],
    ),
    ("The island is so called because of its shape.", []),
    (
        "I want to stress that China has always respected the sovereignty of Pacific Island "
        "countries.",
        [("I want to stress", "booster", "first_person")],
    ),
    ("China firmly opposes this.", [("firmly", "booster", "adverb")]),
    (
        "The EU strongly condemned the attack.",
        [("strongly", "booster", "adverb"), ("condemned", "attribution", "named")],
    ),
    ("The principle is firmly established in law.", []),
    ("They sent a strongly worded letter.", []),
    (
        "The whole world knows who is the biggest hacker empire.",
        [("The whole world knows", "booster", "phrase")],
    ),
    ("It is a country of 310,000 where everyone knows everyone.", []),
    ("Annex B is the real scandal imo.", [("imo", "hedge", "first_person")]),
    ("The IMO said the rules take effect next year.", [("said", "attribution", "named")]),
]


@pytest.mark.parametrize(("text", "expected"), AUDIT_G)
def test_audit_g_readings(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # T3: a Markdown table row's cells are labels with no subject; the same verbs in prose
        (
            '| Government of Marisca | Denied, then acknowledged | "A non-binding memorandum" |',
            [],
        ),
        ('| Opposition (Hana Kolo) | Calls for inquiry | "Parliament was kept in the dark" |', []),
        ('| China (MFA) | Denied | "Groundless speculation" |', []),
        ('| Global Times | Welcomed | "Positive and fruitful cooperation" |', []),
        ("| 2024 | about 40% of traffic |", [("about", "hedge", "approximator")]),
        ("| Smith | (Kuik, 2016) |", [("Kuik, 2016", "attribution", "named")]),
        (
            "The government denied, then acknowledged the memorandum.",
            [("denied", "attribution", "named"), ("acknowledged", "attribution", "named")],
        ),
        ("The opposition calls for an inquiry.", [("calls for", "attribution", "named")]),
        ("China denied the report.", [("denied", "attribution", "named")]),
        ("The Global Times welcomed the deal.", [("welcomed", "attribution", "named")]),
        ("Pipes | like these | denied the report.", [("denied", "attribution", "named")]),
    ],
)
def test_a_table_rows_cells_are_no_reporting_verbs(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected


def test_only_the_table_rows_of_a_sentence_lose_their_attributions() -> None:
    text = "| China (MFA) | Denied |\nChina denied the report."
    assert found(text) == [("denied", "attribution", "named")]
    assert found(text, BASELINE)[0] == ("Denied", "attribution", "named")  # no rules, no filter


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # T4: a quoted evaluation is its speaker's, not the writer's attitude
        (
            'Australia\'s foreign minister said the reports were "very troubling", and New '
            "Zealand summoned Marisca's high commissioner.",
            [("said", "attribution", "named")],
        ),
        ('| Australia | Concerned | "Very troubling" |', []),
        (
            "Australia's foreign minister said the reports were troubling.",
            [("said", "attribution", "named"), ("troubling", "attitude", "adjective")],
        ),
        ("The result is troubling.", [("troubling", "attitude", "adjective")]),
        (
            'It is troubling that he called it "a plan".',
            [("troubling", "attitude", "adjective"), ("called it", "attribution", "named")],
        ),
        (  # an unclosed quotation mark quotes nothing
            'He said "we are ready. The result is troubling.',
            [("said", "attribution", "named"), ("troubling", "attitude", "adjective")],
        ),
    ],
)
def test_an_attitude_marker_in_a_quotation_is_not_the_writers(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected


def test_the_survey_figures_of_audit_g_have_their_sourcing() -> None:
    text = (
        "- 62% of parents say they are worried about their records.\n\n"
        "Respondents who said they follow the news (29% of the sample) were more likely to "
        "support it.\n\n"
        "Exports rose 5%, per Reuters.\n\n"
        "It carries 40 to 62 percent of the traffic, depending on whom you ask."
    )
    out = StanceStage().analyse(segment_text(text))
    got = [(r["match"], r["sourcing"]) for r in out.tables["figures"]]
    assert got == [
        ("62%", "none"),
        ("29%", "none"),
        ("5%", "named"),
        ("40 to 62 percent", "vague"),
    ]


def test_audit_g_rules_match_in_linear_time() -> None:
    units = [
        "62% of parents say ",  # a vetoed skip entry tries its other spans: bounded
        "| Denied | ",  # one table row of 100 kB
        "\u201ctroubling ",  # unclosed quotation marks (see tests/test_quotes.py)
        "hasn't actually said ",
        "called the story ",
    ]
    for unit in units:
        text = unit * (100_000 // len(unit)) + "|"
        start = time.process_time()
        DETECTOR.markers(text)
        assert time.process_time() - start < 6.0, unit


def test_list_items_under_an_attributing_lead_in_are_attributed_voice() -> None:
    text = (
        "Shares fell 8.4% on Monday.\n\n"
        "The company also noted that:\n\n"
        "- Coral Gate carries approximately 62% of the traffic.\n"
        "- It has never shared data (a total of 118 requests).\n\n"
        "The board meets in May."
    )
    doc = segment_text(text)
    voices = StanceStage().analyse(doc).sentence_columns["voice"]
    got = {s.text[:12]: v for s, v in zip(doc.sentences, voices, strict=True)}
    assert got == {
        "Shares fell ": "author",
        "The company ": "attributed",
        "- Coral Gate": "attributed",
        "- It has nev": "attributed",
        "The board me": "author",
    }


# A new user's walkthrough (2026-12-04): 'according to' + a definite noun phrase is a named source,
# read as the same words before 'said'; a rule is no source; a bare plural of people is vague.
PORT = ", 42 ships were waiting offshore."
NEW_USER = [
    *[
        (f"According to {source}{PORT}", [("According to", "attribution", "named")])
        for source in (
            "the port authority",
            "the health ministry",
            "the central bank",
            "the city council",
            "the coast guard",
            "the weather service",
            "the election commission",
            "the statistics office",
            "the union",
            "the airline",
            "police",
            "local police",
            "state media",
            "the head of the port authority",
            "the port authority's own count",
            "the survey",
            "the residents' association",
            "the minister, who spoke to reporters",
            # unchanged: found as named before
            "the company",
            "the ministry",
            "the agency",
            "the government",
            "the police",
            "the World Bank",
            "the Port Authority",
            "its annual report",
        )
    ],
    (
        "Ships were waiting, according to the port authority.",
        [("according to", "attribution", "named")],
    ),
    (
        "According to the port authority 42 ships were waiting.",
        [("According to", "attribution", "named")],
    ),
    (
        f"According to a spokesman for the Port Authority{PORT}",
        [("According to a spokesman for the Port Authority", "attribution", "named")],
    ),
    (
        f"According to a White House official{PORT}",
        [("According to a White House official", "attribution", "named")],
    ),
    (
        f"According to an official communiqué{PORT}",
        [("According to an official communiqué", "attribution", "named")],
    ),
    # unnamed people, as before 'said'
    (
        f"According to local authorities{PORT}",
        [("According to local authorities", "attribution", "vague")],
    ),
    (
        f"According to the neighbours{PORT}",
        [("According to the neighbours", "attribution", "vague")],
    ),
    (
        f"According to the port officials{PORT}",
        [("According to the port officials", "attribution", "vague")],
    ),
    (
        f"According to the Chinese officials{PORT}",
        [("According to the Chinese officials", "attribution", "vague")],
    ),
    (f"According to a spokesman{PORT}", [("According to a spokesman", "attribution", "vague")]),
    (f"According to an official{PORT}", [("According to an official", "attribution", "vague")]),
    (
        f"According to a spokesman for the ministry{PORT}",
        [("According to a spokesman for the ministry", "attribution", "vague")],
    ),
    (
        f"According to a spokesman who asked not to be named{PORT}",
        [("asked not to be named", "attribution", "vague")],  # one source, one marker
    ),
    (
        f"According to the officials who spoke on condition of anonymity{PORT}",
        [("spoke on condition of anonymity", "attribution", "vague")],
    ),
    (
        f"According to the latest figures{PORT}",
        [("According to the latest figures", "attribution", "vague")],
    ),
    (
        f"According to the official count{PORT}",
        [("According to the official count", "attribution", "vague")],
    ),
    # unchanged vague readings
    (f"According to some reports{PORT}", [("According to some", "attribution", "vague")]),
    (f"According to sources{PORT}", [("According to sources", "attribution", "vague")]),
    (
        f"According to industry estimates{PORT}",
        [("According to industry estimates", "attribution", "vague")],
    ),
    (
        f"According to 2023 industry reports{PORT}",
        [("According to 2023 industry reports", "attribution", "vague")],
    ),
    (
        f"According to people familiar with the matter{PORT}",
        [("According to people", "attribution", "vague")],
    ),
    (
        f"According to local officials{PORT}",
        [("According to local officials", "attribution", "vague")],
    ),
    # a rule, a plan or a measure is no source
    *[
        (f"According to {norm}{PORT}", [])
        for norm in (
            "plan",
            "the law",
            "the rules",
            "the schedule",
            "Article 5",
            "the survey's methodology",
            "the Constitution",
            "the terms of the agreement",
            "the instructions",
            "tradition",
            "their needs",
        )
    ],
    ("Everything went according to the plan.", []),
    ("Fees vary according to the size of the vessel.", []),
    ("Prices vary according to their size.", []),
    ("Workers are paid according to the hours worked.", []),
    ("The ships are listed according to the registry.", []),
    ("According to whom?", []),
    # the Law Society and a law firm are sources, the law is not
    (f"According to the Law Society{PORT}", [("According to", "attribution", "named")]),
    (f"According to the law firm{PORT}", [("According to", "attribution", "named")]),
    # a bare plural of people before a speech verb is vague, as "Residents said" is
    (
        "Neighbours said the noise lasted all night.",
        [("Neighbours said", "attribution", "vague")],
    ),
    (
        "Many neighbours said they had not been warned.",
        [("Many neighbours said", "attribution", "vague")],
    ),
    (
        "Some neighbours reportedly complained about the noise.",
        [
            ("Some neighbours reportedly complained", "attribution", "vague"),
            ("reportedly", "hedge", "evidential"),  # the writer's hedge inside the skip
        ],
    ),
    (
        "Some residents reportedly complained about the noise.",
        [
            ("Some residents reportedly complained", "attribution", "vague"),
            ("reportedly", "hedge", "evidential"),
        ],
    ),
    (
        "Some residents complained about the noise.",
        [("Some residents complained", "attribution", "vague")],
    ),
    (
        "Local residents complained about the noise.",
        [("Local residents complained", "attribution", "vague")],
    ),
    ("Fishermen said the catch was down.", [("Fishermen said", "attribution", "vague")]),
    (
        "Shoppers complained that prices had doubled.",
        [("Shoppers complained", "attribution", "vague")],
    ),
    ("Farmers warned of losses.", [("Farmers warned", "attribution", "vague")]),
    (
        "Officials, while clearly cautious, said so.",
        [
            ("Officials, while clearly cautious, said", "attribution", "vague"),
            ("clearly", "booster", "adverb"),
        ],
    ),
    # not a report, or a listed organisation or a named group: unchanged
    ("Rescuers found 42 bodies in the rubble.", []),
    ("Passengers expected delays.", []),
    ("Police said two people died.", [("said", "attribution", "named")]),
    ("The union said it would strike.", [("said", "attribution", "named")]),
    ("The Fishermen's Union said the catch was down.", [("said", "attribution", "named")]),
    (
        "Critics, who might have expected more, said it failed.",
        [("Critics, who might have expected more, said", "attribution", "vague")],
    ),
    (
        "Some observers have suggested that it failed.",
        [
            ("Some observers have suggested", "attribution", "vague"),
            ("suggested", "hedge", "epistemic_verb"),
        ],
    ),
    # one unnamed person before the verb is vague, as after "according to"; a name in it names
    # the source unless the source is kept anonymous
    ("A port official said it.", [("A port official said", "attribution", "vague")]),
    ("One resident told reporters so.", [("One resident told", "attribution", "vague")]),
    (
        "A doctor at the hospital said three died.",
        [("A doctor at the hospital said", "attribution", "vague")],
    ),
    (
        "A spokesman for the ministry said so.",
        [("A spokesman for the ministry said", "attribution", "vague")],
    ),
    (
        "A White House official said so.",
        [("A White House official said", "attribution", "named")],
    ),
    (
        "A spokeswoman for Tideline said so.",
        [("A spokeswoman for Tideline said", "attribution", "named")],
    ),
    (
        "An anonymous Pentagon official said so.",
        [("An anonymous Pentagon official said", "attribution", "vague")],
    ),
    (
        "A Commission official, speaking on condition of anonymity, said so.",
        [("speaking on condition of anonymity", "attribution", "vague")],
    ),
    # the verb has another subject: the police's report
    ("A driver was killed, police said.", [("said", "attribution", "named")]),
    ("A worker was hurt, the company said.", [("said", "attribution", "named")]),
    # no report by the person: a noun, a question, a participle, a passive, a modal
    ("The plan takes a strongly local view of the problem.", []),
    ("There is a local call centre in the town.", []),
    ("Did a witness see the crash?", []),
    ("An officer charged with assault appeared in court.", []),
    ("A worker found dead at the site was named.", []),
    ("A student called Maria won the prize.", []),
    ("A member of the team was found dead.", []),
    ("An expert in the field would say so.", []),
    ("A member of the jury asked a question.", []),
    (
        "A student at the school is expected to win.",
        [("is expected to", "hedge", "epistemic_verb")],
    ),
    (
        "A witness said to have seen it fled.",
        [("said to have", "attribution", "vague"), ("said to have", "hedge", "evidential")],
    ),
    # an adverb between the place and the verb is still the writer's hedge
    (
        "A doctor at the hospital reportedly said it.",
        [
            ("A doctor at the hospital reportedly said", "attribution", "vague"),
            ("reportedly", "hedge", "evidential"),
        ],
    ),
    # one anonymous source is one vague marker: its anonymity aside
    (
        "The plant will close, a manager said, asking not to be named.",
        [("asking not to be named", "attribution", "vague")],
    ),
    (
        "A port official said, on condition of anonymity, that the ship left.",
        [("on condition of anonymity", "attribution", "vague")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEW_USER)
def test_new_user_walkthrough_readings(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_the_new_user_walkthroughs_figures_have_their_sourcing() -> None:
    text = (
        "According to the port authority, 42 ships were waiting offshore by evening.\n\n"
        "Neighbours said 300 people had left.\n\n"
        "Some neighbours reportedly complained of 12 night flights.\n\n"
        "According to the law, 42 ships may wait offshore.\n\n"
        "According to a spokesman, 17 ships were waiting.\n\n"
        "Police said 3 people died."
    )
    out = StanceStage().analyse(segment_text(text))
    got = [(r["match"], r["sourcing"]) for r in out.tables["figures"]]
    assert got == [
        ("42", "named"),
        ("300", "vague"),
        ("12", "vague"),
        ("42", "none"),
        ("17", "vague"),
        ("3", "named"),
    ]


def test_new_user_rules_match_in_linear_time() -> None:
    units = [
        "according to the ",  # a definite noun phrase that never ends
        "according to the port authority ",
        "according to a spokesman for the ",
        "according to the latest figures ",
        "some neighbours reportedly ",  # skipped words searched again for adverbs
        "neighbours said ",
        "varies according to the law ",
    ]
    assert_markers_in_time(units)


# Code review of the audit G rules (2026-12-04 review): each sentence is the review's, with the
# ordinary case nearby that must not change.
REVIEW = [
    # 4: 'called the <X>' wants a double quotation mark, never a possessive apostrophe
    ("She called the company's chief executive on Monday.", []),
    ("The minister called the Prime Minister's office twice.", []),
    ("He called his mother's doctor.", []),
    (
        'The government first called the story "fabricated".',
        [("called the story", "attribution", "named")],
    ),
    (
        "The ministry called the report \u201cbaseless\u201d.",
        [("called the report", "attribution", "named")],
    ),
    ("The government called the story 'fabricated'.", []),  # single marks: also apostrophes
    # 5: 'per' before a reference, a unit or a document is no source
    ("The fee is 5 euros, per Member State.", []),
    ("Payments are made quarterly, per Article 5 of the treaty.", []),
    ("Inspections happen twice a year, per Section 4.", []),
    ("Emissions must fall 45%, per the Paris Agreement.", []),
    ("Members must consult, per the UN Charter.", []),
    (
        "Chinese loans reached US$480 million, per the Lowy Institute.",
        [("per the Lowy", "attribution", "named")],
    ),
    ("Exports rose 5%, per Reuters.", [("per Reuters", "attribution", "named")]),
    ("Exports rose 5%, per the Guardian.", [("per the Guardian", "attribution", "named")]),
    # 9: the new boosters and the 'everyone' rows are not negated
    ("The minister did not firmly reject the plan.", []),
    ("We do not strongly support it.", []),
    ("They don't firmly oppose the plan.", []),
    ("China firmly opposes this.", [("firmly", "booster", "adverb")]),
    ("Not everyone knows the rules.", []),
    (
        "The whole world knows who is behind the attack.",
        [("The whole world knows", "booster", "phrase")],
    ),
    ("Not everyone agrees with the decision.", []),
    ("Not everybody says the deal is dead.", []),
    ("Everyone agrees the deal is dead.", [("Everyone agrees", "attribution", "vague")]),
    ("It isn't anywhere near 50% yet.", []),
    (
        "Turnout was anywhere from 40 to 60 percent.",
        [("anywhere from", "hedge", "approximator")],
    ),
    (
        "I want to stress that the talks continue.",
        [("I want to stress", "booster", "first_person")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REVIEW)
def test_review_readings(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_a_possessive_or_a_reference_leaves_the_sentences_figures_unsourced() -> None:
    text = (
        "She called the company's 3 chief executives on Monday.\n\n"
        "Payments of 5 euros are made quarterly, per Article 5 of the treaty.\n\n"
        "Exports rose 5%, per Reuters."
    )
    out = StanceStage().analyse(segment_text(text))
    got = [(r["match"], r["sourcing"]) for r in out.tables["figures"]]
    assert got == [("3", "none"), ("5 euros", "none"), ("5%", "named")]
    assert out.sentence_columns["voice"] == ["author", "author", "attributed"]


def test_review_rules_match_in_linear_time() -> None:
    units = [
        "per the Paris ",  # optional capitalised words before a document noun that never comes
        "per Member ",
        "called the company's ",
        "did not firmly ",
        "not everyone ",
    ]
    assert_markers_in_time(units)


# Stance 1.24.0 (2026-12-04): kinds of source and certainty a blind set's misses pointed at,
# tested on sentences of our own, each with a look-alike that must give nothing.
STANCE_1_24 = [
    ("The audit committee recommended that the contract be cancelled.",
     [("recommended that", "attribution", "named")]),
    ("We recommend that the ministry publish its data.", []),
    ("Al Jazeera is reporting that the convoy crossed the border.",
     [("is reporting", "attribution", "named")]),
    ("The station was reporting live from the border.", []),
    ("The agency is reporting to parliament next week.", []),
    ("A source is saying the deal is off.", []),
    ("As Professor Lindqvist has written, the treaty left it open.",
     [("As Professor Lindqvist has written", "attribution", "named")]),
    ("As Qatari officials said, the talks will resume.",
     [("officials said", "attribution", "vague")]),
    ("As one analyst put it, the deal is a truce.",
     [("As one analyst put it", "attribution", "vague")]),
    ("As noted above, the sample is small.", []),
    ("As the deadline approached, the talks stalled.", []),
    ("The ruling was welcomed by the Bar Council.",
     [("was welcomed by the Bar Council", "attribution", "named")]),
    ("The plan was welcomed by the crowd.",  # vague since the review (1.27.0)
     [("was welcomed by the crowd", "attribution", "vague")]),
    ("I can confirm that two of our staff were detained.",
     [("I can confirm that", "booster", "first_person")]),
    ("Can you confirm that the ship has left?", []),
    ("Screening has been shown to reduce deaths.", [("has been shown to", "booster", "verb")]),
    ("It has not been shown to work in children.", []),
    ("The film was shown to students in March.", []),
    ("According to a leaked memo, 400 jobs go.",
     [("According to a leaked memo", "attribution", "vague")]),
    ("According to a briefing seen by Reuters, troops moved.",
     [("According to a briefing seen by Reuters", "attribution", "named")]),
    ("Applicants may submit their forms online.", []),
    ("The talks may not resume before spring.", [("may", "hedge", "modal")]),
    ("A spokesman for Anonymous said the files leaked.",
     [("A spokesman for Anonymous said", "attribution", "named")]),
    ("Anonymous sources said the ship was seized.",
     [("Anonymous sources said", "attribution", "vague")]),
]  # fmt: skip


# Stance 1.25.0 (2026-12-04): unnamed sources that are not a speaker before a reporting verb
# (kinds from Wikipedia's guideline on weasel words), each with a look-alike.
STANCE_1_25 = [
    ("Many are of the opinion that the summit failed.",
     [("Many are of the opinion that", "attribution", "vague")]),
    ("Questions have been raised about the contract.",
     [("Questions have been raised", "attribution", "vague")]),
    ("There is evidence that the ban worked.",
     [("There is evidence that", "attribution", "vague")]),
    ("There is no evidence that the ban worked.", []),
    ("Someone told me the factory is closing.", [("Someone told", "attribution", "vague")]),
    ("Someone has to pay for the damage.", []),
    ("If someone tells you the vote was rigged, ask for proof.", []),
    ("The islands are disputed.", []),
    ("The door was slammed shut.", []),
    ("Not everyone is saying the plan will fail.", []),
    ("Everyone is saying goodbye.", []),
    ("Two people with direct knowledge of the talks said no decision was made.",
     [("people with direct knowledge of the talks said", "attribution", "vague")]),
    ("Intelligence estimates put the number at 40,000.",
     [("estimates put", "attribution", "vague"), ("estimates put", "hedge", "approximator")]),
    ("The ministry's estimates put the deficit at 4%.", [("estimates", "hedge", "approximator")]),
    ("The policy has been widely criticised.",
     [("has been widely criticised", "attribution", "vague")]),
    ("The prisoner was condemned to death.", []),
    ("Word has it the coach will stay.", [("Word has it", "attribution", "vague")]),
    ("The word is possibly derived from Old Norse.",
     [("possibly", "hedge", "epistemic_adjective")]),
    ("There is talk of a merger.", [("There is talk of", "attribution", "vague")]),
    ("The talk of the town was the new bridge.", []),
    ("Beijing advocates for sovereignty, allowing states to regulate.",
     [("advocates for", "attribution", "named")]),
]  # fmt: skip


def test_studies_that_show_are_a_vague_source_and_a_booster() -> None:
    assert found("Studies show that exercise lowers blood pressure.") == [
        ("Studies show that", "attribution", "vague"),
        ("Studies show that", "booster", "verb"),
    ]
    assert found("Studies have shown a link between sleep and memory.") == [
        ("Studies have shown", "attribution", "vague")
    ]


# Stance 1.26.0 (2026-12-04): named sources common in news and court reporting, each with a
# look-alike ("the minister wrote that" had given nothing: a veto dropped every "the <word> wrote").
STANCE_1_26 = [
    ("The minister wrote that the plan failed.", [("wrote", "attribution", "named")]),
    ("The company stated that it would appeal.", [("stated", "attribution", "named")]),
    ("its stated aim is peace.", []),
    ("The area was declared a disaster zone.", []),
    ("The plan, first announced in May, was dropped.", []),
    ("President Biden announced new sanctions.", [("announced", "attribution", "named")]),
    ("She wrote a book about the port.", []),
    ("The minister tweeted: \"We will not back down.\"", [("tweeted", "attribution", "named")]),
    ("The judge ruled that the search was unlawful.", [("ruled that", "attribution", "named")]),
    ("She held that job for ten years.", []),
    ("The king ruled that country for 40 years.", []),
    ("According to a report in the Financial Times, jobs go.",
     [("According to a report in the Financial", "attribution", "named")]),
    ("According to a report in March, sales rose.",
     [("According to a report in March", "attribution", "vague")]),
    ("A report by the committee found that it misled parliament.",
     [("A report by the committee found", "attribution", "named")]),
    ("He pointed out the window.", []),
    ("The ministry pointed out that exports rose.", [("pointed out that", "attribution", "named")]),
    ("Human Rights Watch has accused the army of war crimes.",
     [("accused", "attribution", "named")]),
    ("The officers accused of misconduct were suspended.", []),
    ("The minister's claim that the budget is balanced is false.",
     [("minister's claim that", "attribution", "named")]),
    ("The public's view that crime is rising is wrong.", []),
]  # fmt: skip


REPORTING_VERBS = (
    "said says argued argues claimed claims insisted insists warned warns noted added explained "
    "stated declared announced wrote testified acknowledged conceded admitted denied confirmed "
    "reported revealed disclosed alleged asserted maintained contended predicted estimated "
    "described urged recommended reiterated vowed signalled observed remarked suggested believes "
    "concluded found"
).split()


@pytest.mark.parametrize("subject", ["The minister", "The company", "Smith", "He", "Police"])
def test_a_reporting_verb_after_a_definite_subject_is_a_named_source(subject: str) -> None:
    # a veto meant for "its stated aim" once dropped "The minister stated/wrote that" (1.26.0)
    def labels(verb: str) -> set[tuple[str, str]]:
        markers = DETECTOR.markers(f"{subject} {verb} that it failed.")
        return {(m.category, m.subtype) for m in markers}

    missing = [verb for verb in REPORTING_VERBS if ("attribution", "named") not in labels(verb)]
    assert missing == []


# Stance 1.27.0 (2026-12-04 review of 1.24-1.26): neighbours of the new rows that must not fire.
STANCE_REVIEW = [
    ("Studies have failed to show that the drug works.", []),
    ("More research is needed to confirm that the drug is safe.", []),
    ("No studies have shown that the drug works.", []),
    ("Research could show that the link is weak.",
     [("could", "hedge", "modal"), ("show that", "booster", "verb")]),
    ("Officials involved in the scandal resigned.", []),
    ("Executives aware of the fraud were charged.", []),
    ("The plan was criticised on Monday by the foreign ministry.", []),
    ("The letter was shown to senior officials before it was sent.", []),
    ("The images were shown to President Zelensky during his visit.", []),
    ("As the pandemic showed, supply chains are fragile.", []),
    ("The soldiers were attacked by the Taliban.", []),
    ("No concerns were raised during the inspection.", []),
    ("Some students may choose to defer.", [("may", "hedge", "modal")]),
    ("More students may apply this year as fees fall.", [("may", "hedge", "modal")]),
    ("Someone shot him and then said nothing.", []),  # 1.31.0: 'said nothing' reports nothing
    ("Estimates of the cost put pressure on the government.",
     [("Estimates", "hedge", "approximator")]),
    ("I can confirm receipt of your letter.", []),
    ("The company is reporting its results on Thursday.", []),
    ("She is claiming compensation from the council.", []),
    ("Parents tell their children to be careful.", []),
    ("A Pentagon official, speaking on Condition of Anonymity, said it would go on.",
     [("speaking on Condition of Anonymity", "attribution", "vague")]),
    # and what they still find
    ("I can confirm the minister has resigned.", [("I can confirm", "booster", "first_person")]),
    ("As a former official put it to me, the agency is broken.",
     [("As a former official put it", "attribution", "vague")]),
    ("The plan was welcomed by the crowd.",
     [("was welcomed by the crowd", "attribution", "vague")]),
    ("Estimates by the health ministry put the toll at 400.",
     [("Estimates by the health ministry put", "attribution", "named"),
      ("Estimates by the health ministry put", "hedge", "approximator")]),
    ("Research by the Federal Reserve has shown that tariffs raise prices.",
     [("Research by the Federal Reserve has shown that", "attribution", "named"),
      ("Research by the Federal Reserve has shown that", "booster", "verb")]),
    ("Research by economists has shown that tariffs raise prices.",
     [("Research by economists has shown that", "attribution", "vague"),
      ("Research by economists has shown that", "booster", "verb")]),
]  # fmt: skip


def test_few_shipped_patterns_start_with_a_placeholder() -> None:
    # a pattern that starts with <name>/<cap>/<any> has no first word to look up, so the matcher
    # searches for it at every capital of every sentence: 5-22% of a stage's time for one entry
    # (2026-12-04). Put the name in a context rule (requires_before) instead.
    starts = {
        path.name: [r["pattern"] for r in read_lexicon([path]).rows if r["pattern"].startswith("<")]
        for path in (lexicon_path("stance.tsv"), lexicon_path("frames.tsv"))
    }
    assert starts == {
        "stance.tsv": [
            "<name> [<cap>] [<cap>] {survey,study,poll,report,analysis,census,review,audit,"
            "investigation,assessment,paper,data,estimate,estimates,figures,statistics} [{also}] "
            "{found,finds,shows,showed,revealed,reveals,suggests,suggested,indicates,indicated,"
            "concluded,concludes,estimated,estimates,says,said,claims,claimed,noted,warned}"
        ],
        "frames.tsv": ["<cap> =Alliance"],
    }


# Stance 1.28.0 (2026-12-04): unnamed sources of radio, parliamentary, NGO and court reporting.
STANCE_1_28 = [
    ("Local media reported that the mayor resigned.",
     [("Local media reported", "attribution", "vague")]),
    ("State media reported that the talks ended.", [("reported that", "attribution", "named")]),
    ("It emerged that the minister was warned.", [("It emerged that", "attribution", "vague")]),
    ("Members have raised concerns about the cost.",
     [("Members have raised concerns", "attribution", "vague")]),
    ("The incident raised concerns about safety.", []),
    ("The court heard that the files were lost.",
     [("The court heard that", "attribution", "vague")]),
    ("There are fears that the virus will spread.", [("There are fears", "attribution", "vague")]),
    ("The BBC understands that the minister will resign.",
     [("understands that", "attribution", "named")]),
    ("She understands that life is hard.", []),
    ("Unconfirmed reports said dozens were killed.",
     [("Unconfirmed reports said", "attribution", "vague")]),
]  # fmt: skip


# Stance 1.29.0 (2026-12-04, second review): a subject that can speak for 'suggested that',
# 'announced', 'stated'; the studies rows keep their booster; more forms of court and news phrasing.
STANCE_REVIEW_2 = [
    ("The timing suggested that the attack was planned.",
     [("suggested", "hedge", "epistemic_verb")]),
    ("Polling suggests that the race is tight.", [("suggests", "hedge", "epistemic_verb")]),
    ("The measures announced last week will cost $2 billion.", []),
    ("The aims stated in the report are vague.", []),
    ("The mayor declared a state of emergency.", []),
    ("The report stated that the agency failed.", [("stated", "attribution", "named")]),
    ("Studies in mice have shown that the drug works.",
     [("Studies in mice have shown that", "attribution", "vague"),
      ("Studies in mice have shown that", "booster", "verb")]),
    ("A few studies have shown that the drug works.",
     [("studies have shown that", "attribution", "vague"),
      ("studies have shown that", "booster", "verb")]),
    ("Official figures show that unemployment rose.",
     [("Official figures show that", "attribution", "vague"),
      ("Official figures show that", "booster", "verb")]),
    ("Media reports suggested the suspect had fled.",
     [("Media reports suggested", "attribution", "vague"),
      ("Media reports suggested", "hedge", "epistemic_verb")]),
    ("It emerged on Tuesday that the minister was warned.",
     [("It emerged on Tuesday that", "attribution", "vague")]),
    ("The court was told that the files were lost.",
     [("The court was told that", "attribution", "vague")]),
    ("Sarah understands that life is hard.", []),
    ("The man accused in the killing was released.", []),
    ("The panel held that meeting in private.", []),
    ("The judge ruled that out.", []),
    ("According to a report on Tuesday, sales rose.",
     [("According to a report on Tuesday", "attribution", "vague")]),
    ("As the IMF found, growth slowed.", [("As the IMF found", "attribution", "named")]),
    ("The drug has been shown to diminish pain.", [("has been shown to", "booster", "verb")]),
    ("The scheme was supported by public funds.", []),
    ("Experts tell the BBC that the bridge is unsafe.",
     [("Experts tell the", "attribution", "vague")]),
]  # fmt: skip


# Stance 1.30.0 (2026-12-04, fourth session): 'claims'/'alleges' without 'that' after a speaking
# subject (not the noun), a lawsuit or complaint as the subject, the hacker group after two spaces.
STANCE_1_30 = [
    ("The airline claims the delay was caused by weather.", [("claims", "attribution", "named")]),
    ("The ministry claims the figures are false.", [("claims", "attribution", "named")]),
    ("The lawsuit alleges the company knew about the defect.",
     [("alleges", "attribution", "named")]),
    ("The indictment stated that he fled.", [("stated", "attribution", "named")]),
    ("Insurance claims rose by 20%.", []),
    ("The union claims were rejected by the tribunal.", []),
    ("The airline claims department is closed.", []),
    ("Ryanair's claims are false.", []),
    ("A spokesman for  Anonymous said the files leaked.",
     [("A spokesman for  Anonymous said", "attribution", "named")]),
    ("An  Anonymous source said the ship was seized.",
     [("An  Anonymous source said", "attribution", "vague")]),
]  # fmt: skip


# Stance 1.31.0 (2026-12-04, fourth session): an agentless 'widely challenged' or 'hotly
# disputed' (only with the adverb), and 'said nothing' reports nothing.
STANCE_1_31 = [
    ("The figures are hotly disputed.", [("are hotly disputed", "attribution", "vague")]),
    ("The claim has been widely questioned.",
     [("has been widely questioned", "attribution", "vague")]),
    ("The islands are disputed.", []),
    ("The result is hotly contested by Labour.", []),
    ("The minister said nothing about the budget.", []),
    ("She said not a word.", []),
    ("Police said nothing had changed.", [("said", "attribution", "named")]),
    ("Police said little had changed.", [("said", "attribution", "named")]),
]  # fmt: skip


# Stance 1.32.0 (2026-12-04, fourth session), from a development set written by a helper blind
# to the rules (rows s698-s847): each general change with a look-alike.
STANCE_1_32 = [
    ("Polls suggest the race is tight.",
     [("Polls suggest", "attribution", "vague"), ("suggest", "hedge", "epistemic_verb")]),
    ("Police confirmed that a man had been arrested.", [("confirmed", "attribution", "named")]),
    ("Critics suggested to him that he resign.", [("Critics suggested", "attribution", "vague")]),
    ("It's understood the pair met on set.",
     [("It's understood", "attribution", "vague"), ("It's understood", "hedge", "evidential")]),
    ("Growth slowed, according to researchers at the University of Minnesota.",
     [("according to researchers", "attribution", "named")]),
    ("Growth slowed, according to officials at the ministry.",
     [("according to officials", "attribution", "vague")]),
    ("Copper may rise, according to a note from Goldman Sachs.",
     [("may", "hedge", "modal"), ("according to a note from Goldman", "attribution", "named")]),
    ("Records from the Registry of Shipping show that the boat was sold.",
     [("Records from the Registry of Shipping show that", "attribution", "named"),
      ("Records from the Registry of Shipping show that", "booster", "verb")]),
    ("Satellite data analysed by the European Space Agency show that ice shrank.",
     [("data analysed by the European Space Agency show", "attribution", "named"),
      ("show that", "booster", "verb")]),
    ("Data from a survey of 2,000 firms suggest demand is weak.",
     [("suggest", "hedge", "epistemic_verb")]),
    ("The producers have denied reports that the actor walked off set.",
     [("denied", "attribution", "named"), ("reports that", "attribution", "vague")]),
    ("The company reports that profits rose.", []),  # review: 'reports that' is mostly the noun
    ("Traders expect a cut, futures markets indicate.",
     [("Traders expect", "attribution", "vague"),
      ("futures markets indicate", "attribution", "vague"),
      ("indicate", "hedge", "epistemic_verb")]),
    ("Farmers who could once graze cattle there now cannot.", []),
    ("The 29-year-old could be seen clutching a coffee.", []),
    ("The move could be seen as a snub.", [("could", "hedge", "modal")]),
    ("Visitors may not take photographs inside the chapel.", []),
    ("Her neighbours, she says, treat the shop as a town hall.",
     [("says", "attribution", "named")]),
    ("Members invested heavily, the Council noted.", [("noted", "attribution", "named")]),
    ("Sterling may struggle, dealers said.",
     [("may", "hedge", "modal"), ("dealers said", "attribution", "vague")]),
    ("Many developing countries argue that the rules favour rich nations.",
     [("Many developing countries argue", "attribution", "vague")]),
    ("The two countries said the talks would resume.", [("said", "attribution", "named")]),
    ("The agreement is widely expected to enter into force next year.",
     [("is widely expected to", "attribution", "vague"),
      ("is widely expected to", "hedge", "epistemic_verb")]),
    ("Workers are widely expected to wear masks.", []),
    ("A leaked internal memo warned that the dam was unsafe.",
     [("A leaked internal memo warned", "attribution", "vague")]),
    ('"I was wrong," Patel admits.', [("admits", "attribution", "named")]),
    ("She was admitted to hospital on Friday.", []),
    ("Fires released more carbon (Halvorsen et al., 2025, Nature Geoscience).",
     [("Halvorsen et al., 2025, Nature Geoscience", "attribution", "named")]),
]  # fmt: skip


# Stance 1.33.0 (2026-12-04, a review of 1.30-1.32): the new rules' look-alikes, each mended.
STANCE_REVIEW_3 = [
    ("Liverpool claims top spot after beating Arsenal.", []),
    ("Hurricane Ian claims 100 lives.", []),
    ("Jobless claims came in below forecasts.", []),
    ("Nobody claims the system is perfect.", []),
    ("Early reports that the ship had sunk were wrong.", []),
    ("The hospital admitted 40 patients overnight.", []),
    ("Ford recalls 500,000 vehicles over a brake fault.", []),
    ("He admitted manslaughter.", []),
    ('"We got it wrong," Patel has admitted.', [("admitted", "attribution", "named")]),
    ("Patel admits the plan was rushed.", [("admits", "attribution", "named")]),
    ("Members invested heavily, police said.", [("said", "attribution", "named")]),
    ("Fans were left frustrated, the club said in a statement.",
     [("said", "attribution", "named")]),
    ("Residents of Springfield, Illinois said the water was brown.",
     [("Residents of Springfield, Illinois said", "attribution", "vague")]),
    ("Members of Congress said the bill would pass.",
     [("Members of Congress said", "attribution", "named")]),
    ("Citizens found guilty of fraud will lose benefits.", []),
    ("Critics said at the Labour conference that the plan was flawed.",
     [("Critics said", "attribution", "vague")]),
    ("According to fans at Wembley, the atmosphere was electric.",
     [("According to fans", "attribution", "vague")]),
    ("According to sources at the White House, the talks stalled.",
     [("According to sources", "attribution", "named")]),
    ("The region could once again become a battleground.", [("could", "hedge", "modal")]),
    ("The move could be seen by some as a snub.", [("could", "hedge", "modal")]),
    ("The impact could be seen in higher prices next year.", [("could", "hedge", "modal")]),
    ("Students may take longer to graduate.", [("may", "hedge", "modal")]),
    ("Police said nothing suspicious was found.", [("said", "attribution", "named")]),
    ("Critics said nothing at the time.", []),
    ("The election was hotly contested.", []),
    ("The suspect has been repeatedly questioned over the murder.", []),
    ("Players are generally expected to attend training.",
     [("are generally expected to", "hedge", "epistemic_verb")]),
    ("Markets are expected to open lower.", [("are expected to", "hedge", "epistemic_verb")]),
    ("Christmas markets expect record visitor numbers.", []),
    ("Figures of speech show how language works.", []),
    ("A letter said to have been written by Lincoln sold for $3m.",
     [("said to have", "attribution", "vague"), ("said to have", "hedge", "evidential")]),
    ("According to a paper on Tuesday, the drug works.", []),
    ("According to delegates, the talks stalled.",
     [("According to delegates", "attribution", "vague")]),
    ("It's known as the Garden of England.", []),
    ("It is said in the village that the mill has not turned since 1953.",
     [("It is said", "attribution", "vague"), ("It is said", "hedge", "evidential")]),
    ("A spokesperson for Alcoholics Anonymous said meetings would resume.",
     [("A spokesperson for Alcoholics Anonymous said", "attribution", "named")]),
    ("The museum owns a portrait of the painter (Turner, 1838, Tate Britain).", []),
    ("Several MPs suggested the minister should resign.",
     [("Several MPs suggested", "attribution", "vague"), ("suggested", "hedge", "epistemic_verb")]),
    ("According to staff, the wards are full.", [("According to staff", "attribution", "vague")]),
]  # fmt: skip


# Stance 1.34.0 (2026-12-04, fifth session, a review of 1.30-1.33): a clause after claims/admits/
# recalls has no relative clause, conjunction or pronoun before its verb; a sum's recipients are
# no source; responding to reports or complaints is an action; an occasion is no employer.
STANCE_1_34 = [
    ("Verstappen claims the pole as Hamilton crashed out.", []),
    ("Arsenal claims the win that sealed the title.", []),
    ("The hospital admitted the man who had been stabbed.", []),
    ("Toyota recalls the models that were sold in 2019.", []),
    ("Ford recalled the trucks it sold last year.", []),
    ("The club recalled the striker who was on loan at Leeds.", []),
    ("Smith claims the election was stolen.", [("claims", "attribution", "named")]),
    ("She recalled the army had withdrawn by then.", [("recalled", "attribution", "named")]),
    ("The scheme is costing taxpayers an estimated £2 billion a year.",
     [("estimated", "hedge", "approximator")]),
    ("Tariffs are costing firms an estimated €4 billion a year.",
     [("estimated", "hedge", "approximator")]),
    ("Many firms estimated losses at $4bn.", [("Many firms estimated", "attribution", "vague")]),
    ("Officers responded to reports that a man had been stabbed.",
     [("reports that", "attribution", "vague")]),
    ("Police responded to complaints about noise.", []),
    ("The ministry responded that the claims were false.",
     [("responded", "attribution", "named")]),
    ("According to officials at Monday's meeting, the deal is off.",
     [("According to officials", "attribution", "vague")]),
    ("Officials at the Treasury said growth would slow.",
     [("Officials at the Treasury said", "attribution", "named")]),
    # 1.34.1, from a review of 1.34.0: a clause's subject may hold a relative clause after
    # claims/alleges; only sums' recipients are no source; an occasion in subject position
    ("The lawsuit alleges the officers who arrested him used excessive force.",
     [("alleges", "attribution", "named")]),
    ("Smith claims the company he founded was defrauded.", [("claims", "attribution", "named")]),
    ("The storm left residents who said they had lost everything in shelters.",
     [("residents who said", "attribution", "vague")]),
    ("The flooding has left residents saying they feel abandoned.",
     [("residents saying", "attribution", "vague")]),
    ("Officials at Monday's meeting said the plan would pass.",
     [("Officials at Monday's meeting said", "attribution", "vague")]),
    ("Officials at the G20 summit said growth would slow.",
     [("Officials at the G20 summit said", "attribution", "vague")]),
    ("Sources at Goldman Sachs said the deal was off.",
     [("Sources at Goldman Sachs said", "attribution", "named")]),
    # 1.34.2, from an analyst's walkthrough: a verb after "who" is no source noun
    ("Professor Ana Ruiz of the University of Leeds, who studies port ownership, said the risk "
     "was small.", [("said", "attribution", "named")]),
    # 1.35.0: unnamed people "concerned that" are a vague source; certainty denied is a hedge;
    # "show" after a name is a verb, not an occasion
    ("Defence officials are concerned that a foreign owner would gain access.",
     [("officials are concerned that", "attribution", "vague")]),
    ("Nobody knows for sure how many ships were affected.",
     [("Nobody knows for sure", "hedge", "negated_booster")]),
    ("We don't know for certain who ordered it.",
     [("don't know for certain", "hedge", "negated_booster")]),
    ("It will for sure be delayed.", [("for sure", "booster", "phrase")]),
    ("Data from Eurostat show a rise of 4%.",
     [("Data from Eurostat show", "attribution", "named")]),
    # 1.35.1, from a review of 1.35.0: a relative clause's subject is still a source; an
    # occasion word that can be a verb counts after "at"; more ways to deny certainty; a named
    # speaker's concern
    ("Jones, who critics say is too close to Beijing, denied it.",
     [("critics say", "attribution", "vague"), ("denied", "attribution", "named")]),
    ("The bill, which critics argue is unconstitutional, passed.",
     [("critics argue", "attribution", "vague")]),
    ("Sources at the Geneva talks said a deal was near.",
     [("Sources at the Geneva talks said", "attribution", "vague")]),
    ("Smith talks to officials who said the plan would fail.",
     [("officials who said", "attribution", "vague")]),
    ("We may never know for sure what happened.",
     [("may never know for sure", "hedge", "negated_booster")]),
    ("Nobody really knows for sure how many died.",
     [("Nobody really knows for sure", "hedge", "negated_booster")]),
    ("It is not known for sure.", [("not known for sure", "hedge", "negated_booster")]),
    ("The minister is concerned that the deal is rushed.",
     [("is concerned that", "attribution", "named")]),
    # 1.35.2, from a review of 1.35.1
    ("The drug, which studies suggest lowers blood pressure, was approved.",
     [("studies suggest", "attribution", "vague"), ("suggest", "hedge", "epistemic_verb")]),
    ("Smith, who advocates stricter rules, said the bill was weak.",
     [("said", "attribution", "named")]),
    ("Farmers are concerned that the deal will hurt them.",
     [("Farmers are concerned that", "attribution", "vague")]),
    ("Anyone can tell for sure that the economy is slowing.", [("for sure", "booster", "phrase")]),
    ("No one will know certain facts until the inquiry ends.", []),
    ("Nobody can be sure what happened.", [("Nobody can be sure", "hedge", "negated_booster")]),
    # 1.36.0 (2026-12-05), from a new user's walkthrough: owners as unnamed people; a possessor's
    # own document is a named source, and only with a verb of finding
    ("Shop owners say the charge has cut footfall.",
     [("Shop owners say", "attribution", "vague")]),
    ("The council's own monitoring found a 6% fall.",
     [("monitoring found", "attribution", "named")]),
    ("Reuters' analysis found no link.", [("analysis found", "attribution", "named")]),
    ("The council's finance report shows income of £46.2m.",
     [("report shows", "attribution", "named")]),
    ("The council's finance report was published on Monday.", []),
    ("Council data show income rose.", []),  # no possessor: whose data is not said
    # 1.36.1 (2026-12-05), from a review of 1.36.0: no contraction, time, unnamed people or
    # indefinite possessor, at most one word between; owned owners are named as before
    ("Its own monitoring found a 6% fall.", [("monitoring found", "attribution", "named")]),
    ("Last month's figures showed inflation at 3%.", []),
    ("That's what the data show.", []),
    ("She's sure the figures show a rise.", []),
    ("Critics' analysis found a 40% overrun.", []),
    ("A study's data show a rise.", []),
    ("A recent poll's figures show support.", []),
    ("He called it 'a mess' and figures show it is.", [("called it", "attribution", "named")]),
    ("Its owners say the site will reopen.", [("say", "attribution", "named")]),
    ("The club's new owners said the deal was off.", [("said", "attribution", "named")]),
    ("Business owners said trade fell.", [("Business owners said", "attribution", "vague")]),
    ("The dog's owners called it Rex.", []),
    # the verbs of the row for unnamed people, "found" among them, as "Residents found" is
    ("Owners found their cars damaged.", [("Owners found", "attribution", "vague")]),
    # 1.36.2, from a review of 1.36.1: owners with words between; possessors after a straight
    # apostrophe or a clause's determiner; times and unnamed people as possessors
    ("Shop owners in the area say trade fell.",
     [("Shop owners in the area say", "attribution", "vague")]),
    ("Shop owners have long complained about parking.",
     [("Shop owners have long complained", "attribution", "vague")]),
    ("That's what owners say.", [("owners say", "attribution", "vague")]),
    ("Each year the council's report shows a deficit.",
     [("report shows", "attribution", "named")]),
    ("O'Brien's own data show a rise.", [("data show", "attribution", "named")]),
    ("'Labour's own data show a rise,' he said.",
     [("data show", "attribution", "named"), ("said", "attribution", "named")]),
    ("January's data show a rise.", []),
    ("2023's figures show a rise.", []),
    ("Farmers' records show a fall.", []),
    ("My own research shows a rise.", [("research shows", "attribution", "named")]),
    # 1.36.3, from a review of 1.36.2: the writer's own acquaintance is an unnamed person
    ("My neighbour says the clinic closed.",
     [("My neighbour says", "attribution", "vague")]),
    ("My old friend said it closed.", [("My old friend said", "attribution", "vague")]),
    ("My doctor, Ann Lee, said it closed.", [("said", "attribution", "named")]),
    # 1.36.4: an unnamed person whose appositive names a role, not a person
    ("Another neighbour, a nurse, says the clinic closed.",
     [("Another neighbour, a nurse, says", "attribution", "vague")]),
    ("A resident, an elderly man, told reporters it was unsafe.",
     [("A resident, an elderly man, told", "attribution", "vague")]),
    ("A spokesman, John Smith, said the deal was off.",
     [("A spokesman, John Smith, said", "attribution", "named")]),
    ("The nurse, a mother of two, says the clinic closed.", [("says", "attribution", "named")]),
    # 1.36.6, from a new user's walkthrough: a named source that ends its clause, and an
    # outlet that wrote in a commentary (13 of a group's figures had read as unsourced)
    ("Exports rose 12% in March, the General Administration of Customs reported.",
     [("reported", "attribution", "named")]),
    ("Exports rose 12%, Reuters reported.", [("reported", "attribution", "named")]),
    ("Exports rose 12%, the ministry announced.", [("announced", "attribution", "named")]),
    ("Exports rose 12%, officials reported.", [("officials reported", "attribution", "vague")]),
    ("Exports rose, it reported.", []),
    ("When the storm hit, I reported.", []),
    # asides that another comma closes are still skipped (a review)
    ("Officials, some of whom spoke anonymously, said the talks failed.",
     [("Officials, some of whom spoke anonymously, said", "attribution", "vague")]),
    ("Shop owners, many of them immigrants, say rents doubled.",
     [("Shop owners, many of them immigrants, say", "attribution", "vague")]),
    ("Experts, many from abroad, warned of delays.",
     [("Experts, many from abroad, warned", "attribution", "vague")]),
    ("Diplomats, some speaking privately, said the deal was dead.",
     [("Diplomats, some speaking privately, said", "attribution", "vague")]),
    ("No cases were reported.", []),
    ("The change, which Reuters reported.", []),
    ("The People's Daily wrote in a commentary that the curbs were lawful.",
     [("wrote", "attribution", "named")]),
    ("Xinhua wrote in its editorial that exports would grow.",
     [("wrote", "attribution", "named")]),
    ("She wrote a commentary on the film.", []),
    # a skip stops at a comma before a subject of its own: the source is after it, and the
    # span is the source's, not the claim's
    ("Authorities grant licences quickly, some traders suggest.",
     [("some traders suggest", "attribution", "vague"), ("suggest", "hedge", "epistemic_verb")]),
    ("Demand will hit carmakers and chipmakers, analysts warn.",
     [("analysts warn", "attribution", "vague")]),
    ("Companies, analysts say, are cutting output.", [("analysts say", "attribution", "vague")]),
    ("Critics, while wary, said the plan works.",
     [("Critics, while wary, said", "attribution", "vague")]),
    ("Data from a survey of 2,000 firms suggest demand is weak.",
     [("suggest", "hedge", "epistemic_verb")]),
    # 1.36.5, from a review of 1.36.3: 'my' in a row of its own, with the people of the row
    # for 'a port official said' (family and work were not listed then; 1.36.12 lists them)
    ("My mother says the rent doubled.", [("My mother says", "attribution", "vague")]),
    ("At my request the officer confirmed the figures.",
     [("confirmed", "attribution", "named")]),
    ("To my mind the analyst said it best.", [("said", "attribution", "named")]),
    ("My neighbour found my cat.", []),
    ("My neighbour said nothing.", []),
    # a skipped word holds no double quotation mark: the people inside a quotation are not
    # its source (from a new user's walkthrough)
    ('"This is the right decision for working families," said Mayor Ana Ruiz.',
     [("said", "attribution", "named")]),
    ("\u201cPrices rose for families,\u201d the minister said.",
     [("said", "attribution", "named")]),
    ('Families, the minister said, "pay too much."', [("said", "attribution", "named")]),
    ("\u2018Prices rose for families,\u2019 the minister said.",
     [("said", "attribution", "named")]),
    ("\u00abPrices rose for families,\u00bb the minister said.",
     [("said", "attribution", "named")]),
    # a quoted word inside the subject is skipped as any word is
    ('Critics of the "reform" argue it will cost jobs.',
     [('Critics of the "reform" argue', "attribution", "vague")]),
    ('Residents near the so-called "mega-mine" say the water is bad.',
     [('Residents near the so-called "mega-mine" say', "attribution", "vague")]),
    # a quotation that ends without punctuation, or with the comma after the mark
    ('"We must help families at home" the minister said.',
     [("said", "attribution", "named")]),
    ('"Critics are wrong", experts said.', [("experts said", "attribution", "vague")]),
    ("\u201cHelp the workers at home\u201d, experts said.",
     [("experts said", "attribution", "vague")]),
    # an aside between commas is still skipped; a plural possessive is a word
    ("Critics, while cautious, said it works.",
     [("Critics, while cautious, said", "attribution", "vague")]),
    ("Leaders of the workers' union say pay fell.",
     [("Leaders of the workers' union say", "attribution", "vague")]),
]  # fmt: skip


# the reading tables of stance 1.24-1.34 (2026-12-04), each marked with its table's name
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(text, expected, id=f"{name}-{i}")
        for name, table in (
            ("1.24", STANCE_1_24), ("1.25", STANCE_1_25), ("1.26", STANCE_1_26),
            ("review", STANCE_REVIEW), ("1.28", STANCE_1_28), ("review2", STANCE_REVIEW_2),
            ("1.30", STANCE_1_30), ("1.31", STANCE_1_31), ("1.32", STANCE_1_32),
            ("review3", STANCE_REVIEW_3), ("1.34", STANCE_1_34),
        )
        for i, (text, expected) in enumerate(table)
    ],
)  # fmt: skip
def test_readings_of_stance_1_24_to_1_34(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


# Stance 1.36.8 (2026-12-05): a publication time between a participle and its named agent, an
# unnamed group before a reporting verb, a place after "from", and a reporter's own people in the
# clause it reports; each with the near misses that keep their reading.
STANCE_1_36_8 = [
    # a time between the participle and "by" keeps the agent the source
    ("Costs rose 14.2%, according to data published on Tuesday by the U.S. Census Bureau.",
     [("according to", "attribution", "named")]),
    ("Costs rose 14.2%, according to data published by the U.S. Census Bureau.",
     [("according to", "attribution", "named")]),
    ("Costs rose 4%, according to figures compiled last month by LSEG.",
     [("according to", "attribution", "named")]),
    ("Costs rose 4%, according to data released earlier this week by the Commerce Department.",
     [("according to", "attribution", "named")]),
    ("Costs rose 4%, according to data released on March 3, 2024 by the Commerce Department.",
     [("according to", "attribution", "named")]),
    ("Costs rose 4%, according to statistics published this week by Eurostat.",
     [("according to", "attribution", "named")]),
    ("Exports fell 3%, figures released on Monday by the General Administration of Customs "
     "showed.",
     [("figures released on Monday by the General Administration of Customs showed",
       "attribution", "named")]),
    ("Exports fell 3%, figures released by the General Administration of Customs showed.",
     [("figures released by the General Administration of Customs showed", "attribution",
       "named")]),
    ("The deal was first reported on Monday by Reuters.",
     [("reported on Monday by Reuters", "attribution", "named")]),
    # a time alone, or an unnamed agent after it, stays vague; no agent, no source
    ("Costs rose 14.2%, according to data published on Tuesday.",
     [("according to data", "attribution", "vague")]),
    ("Costs rose 14.2%, according to data published in March.",
     [("according to data", "attribution", "vague")]),
    ("Costs rose 4%, according to data published on Tuesday by researchers.",
     [("according to data", "attribution", "vague")]),
    ("Exports fell 3%, figures released last week by officials showed.",
     [("figures released last week by officials showed", "attribution", "vague")]),
    ("The deal was first reported on Monday by witnesses.", []),
    # a quantified plural before a reporting verb is an unnamed group (1.36.12 lists hospitals in
    # a row of institutions: the row's span, as vague as the rule's; a noun no row lists is the
    # rule's, "some hospices say": STANCE_1_36_12)
    ("Shortages are growing, some hospitals say.", [("hospitals say", "attribution", "vague")]),
    ("Some retired generals have warned that the deal is risky.",
     [("warned", "attribution", "vague")]),
    ("A few of the clinics reported 300 new cases.", [("reported", "attribution", "vague")]),
    ("Many Americans say the economy is weak.", [("say", "attribution", "vague")]),
    ("Some hospitals have not said anything.", []),
    # ... but not a named party or institution, nor a named source beside the group, nor a
    # definite group, a survey's share or what is no group
    ("Some Democrats say the talks stalled.", [("say", "attribution", "named")]),
    ("Senator Warren and other Democrats say the talks stalled.",
     [("say", "attribution", "named")]),
    ("The ministry and some hospitals say beds are short.", [("say", "attribution", "named")]),
    ("The most affected hospitals said beds were short.", [("said", "attribution", "named")]),
    ("Most respondents said the talks stalled.", []),
    ("Some results suggest the talks stalled.", [("suggest", "hedge", "epistemic_verb")]),
    ("In some cases the courts said no.",
     [("In some cases", "hedge", "limiter"), ("said", "attribution", "named")]),
    ("Microsoft said the talks stalled.", [("said", "attribution", "named")]),
    ("The hospital said the talks stalled.", [("said", "attribution", "named")]),
    # some of a definite body's people are unnamed people, as before
    ("Some of the bank's economists said the talks stalled.",
     [("economists said", "attribution", "vague")]),
    # a place after "from" says where unnamed people come from, as after "in"
    ("Diplomats from Southeast Asia say the talks stalled.",
     [("Diplomats from Southeast Asia say", "attribution", "vague")]),
    ("Diplomats from China say the talks stalled.",
     [("Diplomats from China say", "attribution", "vague")]),
    ("Experts from Canada and Mexico warned of delays.",
     [("Experts from Canada and Mexico warned", "attribution", "vague")]),
    ("Diplomats in Brussels say the talks stalled.",
     [("Diplomats in Brussels say", "attribution", "vague")]),
    ("Diplomats say the talks stalled.", [("Diplomats say", "attribution", "vague")]),
    # ... but an institution or a firm names them, and a country's data are the country's
    ("Officials at the Commerce Department said the talks stalled.",
     [("Officials at the Commerce Department said", "attribution", "named")]),
    ("Officials from Microsoft said the talks stalled.",
     [("Officials from Microsoft said", "attribution", "named")]),
    ("Executives at Air Canada said the talks stalled.",
     [("Executives at Air Canada said", "attribution", "named")]),
    ("Data from China show exports fell.", [("Data from China show", "attribution", "named")]),
    # a reporter's own people in the clause it reports are no second source
    ("The American Hospital Association said its members expect costs of $1.1 billion.",
     [("said", "attribution", "named")]),
    ("The bank said its economists probably expect growth of 2%.",
     [("said", "attribution", "named"), ("probably", "hedge", "epistemic_adverb")]),
    ("The bank said its analysts suggest rates will fall.",
     [("said", "attribution", "named"), ("suggest", "hedge", "epistemic_verb")]),
    # (1.36.9: "their" after no organisation may be anyone's, a second source: STANCE_1_36_9)
    ("Critics say their lawyers expect 300 cases.",
     [("Critics say", "attribution", "vague"), ("lawyers expect", "attribution", "vague")]),
    ("Its members expect costs to rise.", [("members expect", "attribution", "vague")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_8)
def test_readings_of_stance_1_36_8(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("Costs rose 14.2%, according to data published on Tuesday by the U.S. Census Bureau.",
         "named"),
        ("Costs rose 14.2%, according to data published on Tuesday.", "vague"),
        ("Exports fell 3%, figures released on Monday by the General Administration of Customs "
         "showed.", "named"),
        ("Exports fell 3%, figures released last week by officials showed.", "vague"),
        ("Some hospitals say 300 beds were cut.", "vague"),
        ("The American Hospital Association said its members expect costs of $1.1 billion.",
         "named"),
        ("Its members expect costs of $1.1 billion.", "vague"),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_8_take_their_source(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


def test_the_baseline_keeps_the_named_verb_of_an_unnamed_group() -> None:
    # the group is read by the detector's rules (pipeline/stance_groups.py), not by a lexicon row:
    # the word-list baseline reads the verb as before (hospices: no row lists them; hospitals are
    # listed since 1.36.12)
    assert ("say", "attribution", "named") in found("Some hospices say beds are short.", BASELINE)
    assert found("Some hospices say beds are short.") == [("say", "attribution", "vague")]


def test_stance_1_36_8_rules_match_in_linear_time() -> None:
    units = [
        "some retired old ",  # a quantifier and words that never end in a plural and a verb
        "data published on Tuesday ",  # a time that never reaches "by"
        "diplomats from China and ",
    ]
    assert_markers_in_time(units)


# Stance 1.36.9 (2026-12-05): the regressions a review found in 1.36.8, each with near misses.
STANCE_1_36_9 = [
    # a region inside a longer capitalised name is part of that name
    ("Council of Europe officials said the talks stalled.",
     [("officials said", "attribution", "named")]),
    ("Economic Commission for Africa officials said the talks stalled.",
     [("officials said", "attribution", "named")]),
    ("Development Bank of Latin America economists said the talks stalled.",
     [("economists said", "attribution", "named")]),
    ("Bank of America economists said the talks stalled.",
     [("economists said", "attribution", "named")]),
    ("Officials from Africa CDC said the talks stalled.",
     [("Officials from Africa CDC said", "attribution", "named")]),
    ("Officials from China CDC said the talks stalled.",
     [("Officials from China CDC said", "attribution", "named")]),
    ("Officials from the Asia Society said the talks stalled.",
     [("Officials from the Asia Society said", "attribution", "named")]),
    # ... but a region alone, or after a source noun, a quantifier, "and" or before a day, says
    # where the source is: "Central Asia analysts" are a region's analysts (as "Middle East
    # analysts", "Wall Street analysts"), not an institution's
    ("Central Asia analysts said the talks stalled.", [("analysts said", "attribution", "vague")]),
    ("Middle East analysts said the talks stalled.", [("analysts said", "attribution", "vague")]),
    ("Diplomats from Southeast Asia say the talks stalled.",
     [("Diplomats from Southeast Asia say", "attribution", "vague")]),
    ("Diplomats from Southeast Asia Monday said the talks stalled.",
     [("Diplomats from Southeast Asia Monday said", "attribution", "vague")]),
    ("Experts from Europe and Asia said the talks stalled.",
     [("Experts from Europe and Asia said", "attribution", "vague")]),
    ("Leaders of Africa said the talks stalled.",
     [("Leaders of Africa said", "attribution", "vague")]),
    ("Most of Europe officials said the talks stalled.",
     [("officials said", "attribution", "vague")]),
    ("Gulf officials said the talks stalled.", [("officials said", "attribution", "vague")]),
    # a party's members in a quantified group name the party, as "Some Democrats" does
    ("Some Republicans said the talks stalled.", [("said", "attribution", "named")]),
    ("Other Republicans said the talks stalled.", [("said", "attribution", "named")]),
    ("Some Democrats said the talks stalled.", [("said", "attribution", "named")]),
    # 1.37.10: senators are unnamed speakers, of whatever party (two blind sets read them so)
    ("Some Republican senators said the talks stalled.",
     [("senators said", "attribution", "vague")]),
    ("Some Democratic senators said the talks stalled.",
     [("senators said", "attribution", "vague")]),
    ("Republican senators said the talks stalled.", [("senators said", "attribution", "vague")]),
    # ... a people is no party
    ("Some Americans said the talks stalled.", [("said", "attribution", "vague")]),
    ("Many Europeans say the economy is weak.", [("say", "attribution", "vague")]),
    ("Some AI researchers said the talks stalled.", [("researchers said", "attribution", "vague")]),
    # her, his or their after a reporter may be someone else's: a second, vague source
    ("Police said her lawyers claimed she was innocent.",
     [("said", "attribution", "named"), ("lawyers claimed", "attribution", "vague")]),
    ("Reuters reported that their analysts warned of a slowdown.",
     [("reported that", "attribution", "named"), ("analysts warned", "attribution", "vague")]),
    ("The minister said their officials had denied the report.",
     [("said", "attribution", "named"), ("officials had denied", "attribution", "vague")]),
    ("Smith said his lawyers claimed 300 cases.",
     [("said", "attribution", "named"), ("lawyers claimed", "attribution", "vague")]),
    ("The company's chief executive said their lawyers expect 300 cases.",
     [("said", "attribution", "named"), ("lawyers expect", "attribution", "vague")]),
    # ... "its", and "their" right after an organisation, are the reporter's own people
    ("The American Hospital Association said its members expect costs of $1.1 billion.",
     [("said", "attribution", "named")]),
    ("The American Hospital Association said on Monday that its members expect costs.",
     [("said", "attribution", "named")]),
    ("The association said their members expect costs of $2 billion.",
     [("said", "attribution", "named")]),
    ("The AHA said their members expect costs of $2 billion.",
     [("said", "attribution", "named")]),
    ("The banks said their economists expect growth of 2%.", [("said", "attribution", "named")]),
    ("The ministry also said their officials had denied the report.",
     [("said", "attribution", "named")]),
    ("Police said their officers had found 40 bodies.", [("said", "attribution", "named")]),
    # an initialism as the agent of published data names it, with a time before it or not
    ("Data published on Friday by the BLS show growth.",
     [("Data published on Friday by the BLS show", "attribution", "named")]),
    ("Figures released in March by the ONS showed growth.",
     [("Figures released in March by the ONS showed", "attribution", "named")]),
    ("Figures released by the IMF showed growth.",
     [("Figures released by the IMF showed", "attribution", "named")]),
    ("Data published by the BLS show growth.",
     [("Data published by the BLS show", "attribution", "named")]),
    ("Data from the ONS show growth.", [("Data from the ONS show", "attribution", "named")]),
    ("A study by the CDC found that cases rose.",
     [("A study by the CDC found", "attribution", "named")]),
    # ... not before a noun, which it qualifies, nor an unnamed agent, nor people "from" it
    ("Figures released last week by US officials showed growth.",
     [("Figures released last week by US officials showed", "attribution", "vague")]),
    ("The plan was criticised by UN experts.",
     [("was criticised by UN experts", "attribution", "vague")]),
    ("Data published on Friday by the agency show growth.",
     [("Data published on Friday by the agency show", "attribution", "vague")]),
    ("Figures released by officials showed growth.",
     [("Figures released by officials showed", "attribution", "vague")]),
    ("A US official said the talks stalled.", [("A US official said", "attribution", "vague")]),
    # the cases 1.36.8 was made for
    ("Costs rose 14.2%, according to data published on Tuesday by the U.S. Census Bureau.",
     [("according to", "attribution", "named")]),
    ("Exports fell 3%, figures released on Monday by the General Administration of Customs "
     "showed.",
     [("figures released on Monday by the General Administration of Customs showed",
       "attribution", "named")]),
    ("Shortages are growing, some hospitals say.", [("hospitals say", "attribution", "vague")]),
    ("Some retired generals have warned that the deal is risky.",
     [("warned", "attribution", "vague")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_9)
def test_readings_of_stance_1_36_9(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("Payrolls rose 2%, data published on Friday by the BLS show.", "named"),
        ("Payrolls rose 2%, figures released by the IMF showed.", "named"),
        ("Payrolls rose 2%, figures released last week by US officials showed.", "vague"),
        ("The American Hospital Association said its members expect costs of $1.1 billion.",
         "named"),
        ("The association said their members expect costs of $2 billion.", "named"),
        ("Police said her lawyers claimed 300 cases.", "vague"),
        ("Costs rose 14.2%, according to data published on Tuesday by the U.S. Census Bureau.",
         "named"),
        ("Exports fell 3%, figures released on Monday by the General Administration of Customs "
         "showed.", "named"),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_9_take_their_source(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


def test_stance_1_36_9_rules_match_in_linear_time() -> None:
    units = [
        "officials of the Council of Europe ",  # places inside longer names, never a verb
        "Asia Asia Asia ",
        "data published by the BLS data ",  # an initialism agent never before a verb
    ]
    assert_markers_in_time(units)


# Stance 1.36.10 (2026-12-05): the regressions a review found in 1.36.9, each with near misses.
STANCE_1_36_10 = [
    # a place is no publication time, and a time after "by" is a deadline, no agent
    ("More than 200 cases were reported in the region by Friday.", []),
    ("Three deaths were reported on the island by Tuesday night.", []),
    ("Cases reported in the US by May rose 30%.", []),
    ("Flooding was reported in Lagos by Sunday evening.", []),
    ("Damage was reported in several districts by Christmas.", []),
    ("Power cuts were reported in Kyiv by Ukrenergo.", []),
    ("The deal was first reported on Monday by Friday.", []),
    ("Cases were reported by Friday.", []),
    # ... a time is, and the whole agent is the match's
    ("The deal was first reported on Monday by Reuters.",
     [("reported on Monday by Reuters", "attribution", "named")]),
    ("The scandal was reported last year by The New York Times.",
     [("reported last year by The New York Times", "attribution", "named")]),
    ("The deal was first reported on March 3 by Reuters.",
     [("reported on March 3 by Reuters", "attribution", "named")]),
    ("The deal was first reported in 2023 by Reuters.",
     [("reported in 2023 by Reuters", "attribution", "named")]),
    ("The deal was first reported yesterday by Reuters.",
     [("reported yesterday by Reuters", "attribution", "named")]),
    ("Losses were reported in the first quarter by Tesla.",
     [("reported in the first quarter by Tesla", "attribution", "named")]),
    ("The abuses were documented in the 1990s by Human Rights Watch.",
     [("documented in the 1990s by Human Rights Watch", "attribution", "named")]),
    ("The deal was first reported on Monday by witnesses.", []),
    # a definite or possessive group is a known one
    ("The two other candidates said the talks stalled.", [("said", "attribution", "named")]),
    ("The three other defendants said they were innocent.", [("said", "attribution", "named")]),
    ("His two other sons said the talks stalled.", [("said", "attribution", "named")]),
    ("Johnson's few remaining allies said the talks stalled.",
     [("said", "attribution", "named")]),
    ("Two other candidates said the talks stalled.", [("said", "attribution", "vague")]),
    ("Some other candidates said the talks stalled.", [("said", "attribution", "vague")]),
    # an institution's initialism in a quantified group names it; a place's or a field's does not
    ("Some FBI agents have said the probe was rushed.", [("said", "attribution", "named")]),
    ("Many NHS trusts said beds were short.", [("said", "attribution", "named")]),
    # 1.37.10: senators are unnamed speakers, as "Some US officials" are
    ("Several GOP senators said the talks stalled.", [("senators said", "attribution", "vague")]),
    ("Some US officials said the talks stalled.", [("officials said", "attribution", "vague")]),
    ("Some CEOs said the talks stalled.", [("said", "attribution", "vague")]),
    ("Some Americans said the talks stalled.", [("said", "attribution", "vague")]),
    # "its" after a person or a plural subject is someone else's: a second source
    ("The judge said its lawyers argued the contract was void.",
     [("said", "attribution", "named"), ("lawyers argued", "attribution", "vague")]),
    ("Regulators said its executives claimed revenue of $2 billion.",
     [("Regulators said", "attribution", "vague"),
      ("executives claimed", "attribution", "vague")]),
    ("Critics said its managers warned of 500 job cuts.",
     [("Critics said", "attribution", "vague"), ("managers warned", "attribution", "vague")]),
    ("He said its lawyers argued the contract was void.",
     [("said", "attribution", "named"), ("lawyers argued", "attribution", "vague")]),
    ("The American Hospital Association said its members expect costs of $1.1 billion.",
     [("said", "attribution", "named")]),
    ("Goldman Sachs said its economists expect growth of 2%.",
     [("said", "attribution", "named")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_10)
def test_readings_of_stance_1_36_10(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("More than 200 cases were reported in the region by Friday.", "none"),
        ("Cases reported in the US by May rose 30%.", "none"),
        ("The American Hospital Association said its members expect costs of $1.1 billion.",
         "named"),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_10_take_their_source(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


def test_stance_1_36_10_rules_match_in_linear_time() -> None:
    units = ["reported in the region by ", "The two other ", "reported last year by The New "]
    assert_markers_in_time(units)


# Stance 1.36.11 (2026-12-05): the regressions a review found in 1.36.10, with near misses.
STANCE_1_36_11 = [
    # a newspaper named like a time is an agent; a time in lower case, a weekday, a holiday are not
    ("The plan was first reported by the Sunday Times.",
     [("reported by the Sunday", "attribution", "named")]),
    ("The story was reported on Monday by Sunday Business Post.",
     [("reported on Monday by Sunday Business Post", "attribution", "named")]),
    ("The claims were first reported by Spring Street Research.",
     [("reported by Spring", "attribution", "named")]),
    ("More than 40 deaths were reported this week by Memorial Day.", []),
    ("Cases were reported by dawn.", []),
    ("Cases were reported by Friday's deadline.", []),
    # an organisation's name or an adverb before "said its" is no person or plural subject
    ("The Economist said its analysts expect growth of 2.5% next year.",
     [("said", "attribution", "named")]),
    ("The Department of Justice said its lawyers argued for a $3 billion penalty.",
     [("said", "attribution", "named")]),
    ("The company has always said its engineers expect costs of $4 billion.",
     [("said", "attribution", "named")]),
    ("The world's largest maker of smartphones said its suppliers warned of a shortfall.",
     [("said", "attribution", "named")]),
    # ... a person or plural subject still is
    ("The judge said its lawyers argued the contract was void.",
     [("said", "attribution", "named"), ("lawyers argued", "attribution", "vague")]),
    ("The regulators said its executives claimed growth.",
     [("regulators said", "attribution", "vague"), ("executives claimed", "attribution", "vague")]),
    # a field's initialism in a quantified group names no one; an institution's does
    ("Some EV makers said they would cut prices.", [("said", "attribution", "vague")]),
    ("Several LNG buyers said the contracts were rigid.", [("said", "attribution", "vague")]),
    ("Some FBI agents have said the inquiry was rushed.", [("said", "attribution", "named")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_11)
def test_readings_of_stance_1_36_11(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("The figures were first reported by Dawn, which put the death toll at 41.", "named"),
        ("According to a memo seen by the Sunday Times, the cuts would affect 4,000 posts.",
         "named"),
        ("Over 300 cases were reported last week by Labor Day.", "none"),
        ("The Economist said its analysts expect growth of 2.5% next year.", "named"),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_11_take_their_source(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


# Stance 1.36.12 (2026-12-05): the misreads listed as not fixed with 1.36.11, each with near misses.
STANCE_1_36_12 = [
    # (1) "her" right after a verb of telling is its object: the group after it is unnamed
    ("Police told her two other candidates said the vote was rigged.",
     [("told", "attribution", "named"), ("said", "attribution", "vague")]),
    ("Police told her other candidates said the vote was rigged.",
     [("told", "attribution", "named"), ("said", "attribution", "vague")]),
    ("The lawyer said her two other clients had denied the charges.",
     [("said", "attribution", "named"), ("denied", "attribution", "named")]),
    ("The two other candidates said the vote was rigged.", [("said", "attribution", "named")]),
    ("Two other candidates said the vote was rigged.", [("said", "attribution", "vague")]),
    # (2) the writer's relative or colleague, by relation only, is unnamed; someone else's is not
    ("My mother says the prices have doubled.", [("My mother says", "attribution", "vague")]),
    ("My late husband said the house was safe.",
     [("My late husband said", "attribution", "vague")]),
    ("My boss told me the deal was off.", [("My boss told", "attribution", "vague")]),
    ("His mother said he had been at home all night.", [("said", "attribution", "named")]),
    ("My mother, Ruth Adler, says the prices have doubled.",
     [("says", "attribution", "named")]),
    ("At my mother's request, the officer confirmed the arrest.",
     [("confirmed", "attribution", "named")]),
    # (3) a city after "from" says where people come from; elsewhere it keeps its reading
    ("Diplomats from Brussels say the talks have stalled.",
     [("Diplomats from Brussels say", "attribution", "vague")]),
    ("Lawyers from New York and Geneva said the appeal would fail.",
     [("Lawyers from New York and Geneva said", "attribution", "vague")]),
    ("Brussels said the tariffs were unjustified.", [("said", "attribution", "named")]),
    ("Officials from Paris Saint-Germain said the transfer was agreed.",
     [("Officials from Paris Saint-Germain said", "attribution", "named")]),
    ("Researchers from Oxford said the vaccine was effective.",
     [("Researchers from Oxford said", "attribution", "named")]),
    ("Analysts from London-based Capital Economics said growth would slow.",
     [("Analysts from London-based Capital Economics said", "attribution", "named")]),
    # (4) a bare plural of institutions is unnamed; a known group or a party is not
    ("Hospitals say they are running out of beds.",
     [("Hospitals say", "attribution", "vague")]),
    ("In Ohio, hospitals say they are running out of beds.",
     [("hospitals say", "attribution", "vague")]),
    ("Regional banks said deposits had stabilised.", [("banks said", "attribution", "vague")]),
    ("Universities have warned of cuts.",
     [("Universities have warned", "attribution", "vague")]),
    ("Schools in the district said they would close early.",
     [("Schools in the district said", "attribution", "vague")]),
    ("Analysts say growth will slow.", [("Analysts say", "attribution", "vague")]),
    ("Some hospices say beds are short.", [("say", "attribution", "vague")]),
    ("Democrats said the bill would fail.", [("said", "attribution", "named")]),
    ("Republicans said the bill would fail.", [("said", "attribution", "named")]),
    ("The hospitals said they had run out of beds.", [("said", "attribution", "named")]),
    ("Ohio's hospitals said they had run out of beds.", [("said", "attribution", "named")]),
    ("The ministry and hospitals say beds are short.", [("say", "attribution", "named")]),
    ("The head of hospitals said beds were short.", [("said", "attribution", "named")]),
    ("NHS hospitals said they had run out of beds.", [("said", "attribution", "named")]),
    ("Schools that the ministry said were failing will close.",
     [("said", "attribution", "named")]),
    ("Hotels welcomed 2 million guests.", [("welcomed", "attribution", "named")]),
    ("Hospitals admitted 40 patients.", []),
    ("Williams said the team played well.", [("said", "attribution", "named")]),
    ("Reuters said the deal was close.", [("said", "attribution", "named")]),
    # (5) an institution's initialism before one who speaks for it names the source
    ("Africa CDC officials said cases rose.", [("officials said", "attribution", "named")]),
    ("IMF officials said growth would slow.", [("officials said", "attribution", "named")]),
    ("An IMF official said the loan would be approved.",
     [("An IMF official said", "attribution", "named")]),
    ("Several WHO officials said the virus was spreading.",
     [("officials said", "attribution", "named")]),
    ("US officials said the talks had stalled.", [("officials said", "attribution", "vague")]),
    ("A US official said the talks had stalled.",
     [("A US official said", "attribution", "vague")]),
    ("EU diplomats said the talks had stalled.", [("diplomats said", "attribution", "vague")]),
    ("IPO bankers said the listing would be delayed.",
     [("bankers said", "attribution", "vague")]),
    ("Some AI researchers said the model was unsafe.",
     [("researchers said", "attribution", "vague")]),
    # (6) a nationality or a place and a common plural after "by" name no agent
    ("The loans were criticised by European banks.",
     [("were criticised by European", "attribution", "vague")]),
    ("The merger was welcomed by Dutch regulators.",
     [("was welcomed by Dutch regulators", "attribution", "vague")]),
    ("The figures were reported by Japanese newspapers.",
     [("reported by Japanese", "attribution", "vague")]),
    ("The loans were criticised by the European Commission.",
     [("were criticised by the European", "attribution", "named")]),
    ("The loans were criticised by European Commission officials.",
     [("were criticised by European Commission officials", "attribution", "named")]),
    ("The plan was criticised by Chinese state media.",
     [("was criticised by Chinese", "attribution", "named")]),
    ("The plan was criticised by Deutsche Bank.",
     [("was criticised by Deutsche", "attribution", "named")]),
    ("The report was disputed by American Airlines pilots.",
     [("was disputed by American Airlines pilots", "attribution", "named")]),
    # (7) "over the weekend" is a publication time, as "on Tuesday" is
    ("Data published over the weekend by Reuters show a drop.",
     [("Data published over the weekend by Reuters show", "attribution", "named")]),
    ("The deal was first reported over the weekend by Reuters.",
     [("reported over the weekend by Reuters", "attribution", "named")]),
    ("According to data released over the weekend by the Census Bureau, sales fell.",
     [("According to", "attribution", "named")]),
    ("The deal was first reported on Tuesday by Reuters.",
     [("reported on Tuesday by Reuters", "attribution", "named")]),
    ("Cases were reported over the weekend.", []),
    ("Cases were reported over the weekend by Friday.", []),
    ("According to data released over the weekend, sales fell.",
     [("According to data", "attribution", "vague")]),
    # (8) a source noun that ends a name of the form "X of Y" is named
    ("The International Federation of Journalists said 40 reporters were killed.",
     [("Journalists said", "attribution", "named")]),
    ("The Council of Economic Advisers said inflation would ease.",
     [("Advisers said", "attribution", "named")]),
    ("Dozens of Journalists said they were harassed.",
     [("Journalists said", "attribution", "vague")]),
    ("Dozens of journalists said they were harassed.",
     [("journalists said", "attribution", "vague")]),
    ("Critics of the federation said the figures were too low.",
     [("Critics of the federation said", "attribution", "vague")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_12)
def test_readings_of_stance_1_36_12(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("Police told her two other candidates said 300 ballots were lost.", "vague"),
        ("Hospitals say 300 beds were cut.", "vague"),
        ("IMF officials said growth would slow to 2.1%.", "named"),
        ("Diplomats from Brussels say 40 envoys will attend.", "vague"),
        ("Data published over the weekend by Reuters show a 12% drop.", "named"),
        ("The International Federation of Journalists said 40 reporters were killed.", "named"),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_12_take_their_source(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


def test_stance_1_36_12_rules_match_in_linear_time() -> None:
    units = [
        "told her told her ",  # OBJECT_HER_RE before no group
        "by European Commission by European ",  # BY_GROUP_RE never ends in a plural
        "Federation of Union of ",  # NAME_OF_BEFORE_RE before no source noun
        "hospitals in the hospitals ",  # the institutions' rows never reach a verb
    ]
    assert_markers_in_time(units)


# Stance 1.36.14 (2026-12-05): a review of 1.36.12 on 401 fresh sentences (22 regressions).
STANCE_1_36_14 = [
    # (1) only a listed initialism names an institution: a place's, a field's or capitals for
    # emphasis stay unnamed, as before 1.36.12
    ("NSW officials said the fires had destroyed 200 homes.",
     [("officials said", "attribution", "vague")]),
    ("A NSW official said the dam was safe.", [("A NSW official said", "attribution", "vague")]),
    ("According to NSW officials, 200 homes were lost.",
     [("According to NSW officials", "attribution", "vague")]),
    ("NY officials said the subway would run.", [("officials said", "attribution", "vague")]),
    ("BC officials said the wildfire was contained.",
     [("officials said", "attribution", "vague")]),
    ("SA officials said the cuts would end.", [("officials said", "attribution", "vague")]),
    ("KZN officials said 14 people drowned.", [("officials said", "attribution", "vague")]),
    ("UP officials said the toll had risen.", [("officials said", "attribution", "vague")]),
    ("WA officials said the mine would reopen.", [("officials said", "attribution", "vague")]),
    ("NLP researchers argue that the benchmark is flawed.",
     [("researchers argue", "attribution", "vague")]),
    ("LLM researchers said the model was wrong.", [("researchers said", "attribution", "vague")]),
    ("CLO managers said defaults would rise.", [("managers said", "attribution", "vague")]),
    ("QA engineers said the release was not ready.",
     [("engineers said", "attribution", "vague")]),
    ("A DEI officer said the complaints had tripled.",
     [("A DEI officer said", "attribution", "vague")]),
    ("ALL officials said the plan was sound.", [("officials said", "attribution", "vague")]),
    ("Some NSW officials said the dam was safe.", [("officials said", "attribution", "vague")]),
    ("IMF officials said growth would slow.", [("officials said", "attribution", "named")]),
    ("Africa CDC officials said cases rose.", [("officials said", "attribution", "named")]),
    ("An IMF official said the loan would be approved.",
     [("An IMF official said", "attribution", "named")]),
    ("ANC officials said the vote was fair.", [("officials said", "attribution", "named")]),
    ("A senior ECB official said rates would rise.",
     [("A senior ECB official said", "attribution", "named")]),
    ("A DHS spokesman said the policy would stand.",
     [("A DHS spokesman said", "attribution", "named")]),
    ("A GOP aide said the bill would pass.", [("A GOP aide said", "attribution", "named")]),
    ("DOJ officials said the inquiry was continuing.",
     [("officials said", "attribution", "named")]),
    ("Few CDC scientists said the vaccine was unsafe.",
     [("scientists said", "attribution", "named")]),
    ("Several WHO officials said the virus was spreading.",
     [("officials said", "attribution", "named")]),
    ("Some FBI agents said the memo was leaked.", [("said", "attribution", "named")]),
    ("NATO officials said the talks had stalled.", [("officials said", "attribution", "named")]),
    ("US officials said the talks had stalled.", [("officials said", "attribution", "vague")]),
    # (2) a bare plural of institutions that heads a reduced passive is no source
    ("Funds expected to flow into the region next year total $5 billion.", []),
    ("Schools expected to reopen on Monday include three in the north.", []),
    ("Banks expected to report losses this week include two lenders.", []),
    ("Airlines expected to benefit from the deal include three carriers.", []),
    ("Councils estimated to owe £1 billion will get help.",
     [("estimated", "hedge", "approximator")]),
    ("Universities suggested as partners declined to comment.",
     [("suggested", "hedge", "epistemic_verb")]),
    ("Schools reported to the regulator last year will be inspected again.", []),
    ("Banks told to cut costs will get help.", []),
    ("Hospitals denied funding last year will be able to reapply.", []),
    ("Banks deny loans to small firms.", []),
    ("Schools in the north expected to reopen on Monday include three.", []),
    ("Hospitals reported to the regulator that 40 patients had died.",
     [("Hospitals reported", "attribution", "vague")]),
    ("Hospitals confirmed to the BBC that wards had closed.",
     [("Hospitals confirmed", "attribution", "vague")]),
    ("Banks said as many as 300 branches would close.",
     [("Banks said", "attribution", "vague")]),
    ("Hospitals expected losses of $2 billion.",
     [("Hospitals expected", "attribution", "vague")]),
    ("Hospitals expect to cut 500 jobs.", [("Hospitals expect", "attribution", "vague")]),
    ("Governments have repeatedly denied paying ransoms.",
     [("Governments have repeatedly denied", "attribution", "vague")]),
    ("Hospitals denied the allegations.", [("Hospitals denied", "attribution", "vague")]),
    ("Banks deny that they overcharged customers.", [("Banks deny", "attribution", "vague")]),
    ("Hospitals in the region denied the claims.",
     [("Hospitals in the region denied", "attribution", "vague")]),
    ("Hospitals say they are running out of beds.",
     [("Hospitals say", "attribution", "vague")]),
    ("Unions warned that strikes would follow.", [("Unions warned", "attribution", "vague")]),
    # (3) a nationality and a plural without -s after "by" name no agent
    ("The attack was first reported over the weekend by Ukrainian media.",
     [("reported over the weekend by Ukrainian", "attribution", "vague")]),
    ("The scheme was welcomed by Scottish fishermen.",
     [("was welcomed by Scottish fishermen", "attribution", "vague")]),
    ("The report was criticised by Afghan women.",
     [("was criticised by Afghan women", "attribution", "vague")]),
    ("The plan was criticised by Chinese state media.",
     [("was criticised by Chinese", "attribution", "named")]),
    ("The plan was criticised by Russian state-run media.",
     [("was criticised by Russian", "attribution", "named")]),
    ("The plan was criticised by the Ukrainian media.",
     [("was criticised by the Ukrainian", "attribution", "named")]),
    ("The decision was praised by Pakistani police.",
     [("was praised by Pakistani", "attribution", "named")]),
    # (4) a city before officials names them at a sentence's start as elsewhere
    ("Washington officials said the sanctions would stay.",
     [("officials said", "attribution", "named")]),
    ("As Washington officials said, the sanctions would stay.",
     [("officials said", "attribution", "named")]),
    ("In Washington officials said the deal was close.",
     [("officials said", "attribution", "vague")]),
    ("Federal prosecutors said the case was closed.",
     [("prosecutors said", "attribution", "vague")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_14)
def test_readings_of_stance_1_36_14(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


STANCE_1_36_16 = [
    # (1) WHO in capitals is the World Health Organization, not the question word "Who"
    ("WHO warned that cases would rise by 20%.",
     [("warned", "attribution", "named")]),
    ("WHO said 3 million people had been vaccinated.",
     [("said", "attribution", "named")]),
    ("WHO has repeatedly warned that antibiotics are overused.",
     [("warned", "attribution", "named")]),
    ("WHO believes the virus came from bats.",
     [("believes", "attribution", "named")]),
    ("WHO experts fear a second wave.",
     [("experts fear", "attribution", "vague")]),
    ("WHO officials expect cases to rise.",
     [("officials expect", "attribution", "named")]),
    ("WHO scientists believe the virus is airborne.",
     [("scientists believe", "attribution", "named")]),
    ("Who warned that the bridge was unsafe?",
     []),
    ("And who says the economy is recovering?",
     []),
    ("Who in this House seriously believes that 5% is affordable?",
     []),
    # (2) "say" as a noun after a determiner and up to two adjectives
    ("Voters should have the last say.",
     []),
    ("Residents want a bigger say over planning.",
     []),
    ("Patients deserve a real say in their care.",
     []),
    ("Councils want a bigger say over bus routes.",
     []),
    ("Unions want a real say in pay negotiations.",
     []),
    ("Staff should have the last say on rotas.",
     []),
    ("Local people deserve a democratic say on the plan.",
     []),
    ("Members want no real democratic say at all.",
     []),
    ("Tenants deserve their own say in how estates are run.",
     []),
    ("Pupils deserve a meaningful, democratic say.",
     []),
    ("The unions say pay is too low.",
     [("say", "attribution", "named")]),
    ("Farmers say they have had no real say in the plan.",
     [("Farmers say", "attribution", "vague")]),
    ("India and China say the talks have stalled.",
     [("say", "attribution", "named")]),
    ("Some say the plan is flawed.",
     [("Some say", "attribution", "vague")]),
    # (3) one source for "According to the X, which ..., "
    ("According to the survey, which was carried out by YouGov, 40% of voters are undecided.",
     [("According to the survey, which was carried out by YouGov", "attribution", "named")]),
    ("According to the report, which was written by the IFS, 3 million people lose out.",
     [("According to the report, which was written by the IFS", "attribution", "named")]),
    ("According to the council, which runs the scheme, 400 families have applied.",
     [("According to", "attribution", "named")]),
    ("According to the survey, which critics called flawed, 40% of voters are undecided.",
     [("According to", "attribution", "named"), ("which critics called", "attribution", "vague")]),
    ("The report, which critics called flawed, found that 30% of schools were failing.",
     [("The report, which critics called flawed, found", "attribution", "named"),
      ("which critics called", "attribution", "vague")]),
    # (4) mid-sentence "may I think" is a hedge; "May I" at a start or in a question, a request
    ("This may I think be the right approach.",
     [("may", "hedge", "modal"), ("I think", "hedge", "first_person")]),
    ("The scheme may I fear be too late.",
     [("may", "hedge", "modal")]),
    ("May I say how much I welcome the statement.",
     []),
    ('"May I add one thing," she said.',
     [("said", "attribution", "named")]),
    ("May we have a debate on the 18% rise in council tax?",
     []),
    ("Why, may I ask, has the Minister ignored the report?",
     []),
    # (5) a who clause that names the source's affiliation
    ("An analyst, who works at Goldman Sachs, said oil would reach $90.",
     [("An analyst, who works at Goldman Sachs, said", "attribution", "named")]),
    ("Researchers, who are based at Oxford University, found that 30% of patients improved.",
     [("Researchers, who are based at Oxford University, found", "attribution", "named")]),
    ("Scientists, who work for NASA, said the probe was healthy.",
     [("Scientists, who work for NASA, said", "attribution", "named")]),
    ("Residents, who have complained to Thames Water, say the pipes leak.",
     [("Residents, who have complained to Thames Water, say", "attribution", "vague")]),
    ("Doctors, who were trained by the NHS, say the rota is unsafe.",
     [("Doctors, who were trained by the NHS, say", "attribution", "vague")]),
    ("Analysts, who work long hours, say the deal is risky.",
     [("Analysts, who work long hours, say", "attribution", "vague")]),
    # (6) a bare plural of institutions heads a reduced passive of a participle of the generic rows
    ("Councils warned to cut spending have frozen recruitment.",
     []),
    ("Funds predicted to grow fastest are in Asia.",
     []),
    ("Unions urged to accept the offer have refused.",
     []),
    ("Hotels confirmed as venues for the summit are fully booked.",
     []),
    ("Broadcasters acknowledged as public service providers get prominence.",
     []),
    ("Councils warned that cuts would come.",
     [("Councils warned", "attribution", "vague")]),
    ("Unions warned as many as 300 jobs would go.",
     [("Unions warned", "attribution", "vague")]),
    ("Hospitals confirmed to the BBC that 40 beds had closed.",
     [("Hospitals confirmed", "attribution", "vague")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_16)
def test_readings_of_stance_1_36_16(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("WHO warned that cases would rise by 20%.", "named"),
        ("WHO said 3 million people had been vaccinated.", "named"),
        ("Who said that inflation would fall to 2%?", "none"),
        ("An analyst, who works at Goldman Sachs, said oil would reach $90.", "named"),
        ("An analyst, who works long hours, said oil would reach $90.", "vague"),
        ("According to the survey, which was carried out by YouGov, 40% of voters are undecided.",
         "named"),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_16(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


# Stance 1.36.17 (2026-12-05): a review of 1.36.16 on 206 fresh sentences (5 regressions).
STANCE_1_36_17 = [
    # a request after an opening word and its comma; mid-sentence 'may I think' stays a hedge
    ("And may I say, the 4% rise is welcome.", []),
    ("Yes, may we say, 3 in 10 is too many.", []),
    ("Lastly, may I thank the volunteers for 30 years of service.", []),
    ("In closing, may I thank the clerks.", []),
    ("This may I think be the right approach.",
     [("may", "hedge", "modal"), ("I think", "hedge", "first_person")]),
    ("Finally, prices may rise again next year.", [("may", "hedge", "modal")]),
    ("And prices may rise.", [("may", "hedge", "modal")]),
    # a 'who' clause naming a person is no affiliation; an organisation is
    ("A teacher, who works with Dr Smith, said 60% of pupils improved.",
     [("A teacher, who works with Dr Smith, said", "attribution", "vague")]),
    ("Analysts, who worked for Mr Hale, said the deal was poor.",
     [("Analysts, who worked for Mr Hale, said", "attribution", "vague")]),
    ("Analysts, who work for Barclays, said the deal was poor.",
     [("Analysts, who work for Barclays, said", "attribution", "named")]),
    # an organisation named after an office is no person (a review of 1.36.17)
    ("An analyst, who works for the Premier League, said clubs lost money.",
     [("An analyst, who works for the Premier League, said", "attribution", "named")]),
    ("A researcher, who works at Judge Business School, said sales rose.",
     [("A researcher, who works at Judge Business School, said", "attribution", "named")]),
    # 'as' opening a clause before a reported 'that' is no reduced passive
    ("Supermarkets warned as prices rose 8% that shortages loomed.",
     [("warned", "attribution", "named")]),
    ("Hotels confirmed as venues for the summit are fully booked.", []),
    ("Unions warned as many as 300 jobs would go.", [("Unions warned", "attribution", "vague")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_17)
def test_readings_of_stance_1_36_17(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


# Stance 1.36.18 (2026-12-05): the misreads that 1.36.17 listed as not fixed, each with near misses
# that keep their reading.
STANCE_1_36_18 = [
    # (1) "an estimated" (an adjective after an article) ends no attribution that skips words
    ("Firms account for an estimated 35% of emissions.",
     [("estimated", "hedge", "approximator")]),
    ("Manufacturers face an expected rise in costs.", []),
    ("Businesses in the estimated 40 towns affected will get help.",
     [("estimated", "hedge", "approximator")]),
    ("Farmers fear an estimated 20% drop in yields.",
     [("Farmers fear", "attribution", "vague"), ("estimated", "hedge", "approximator")]),
    ("Firms estimated that the levy would cost £3 billion.",
     [("Firms estimated", "attribution", "vague")]),
    ("Officials estimated that 400 homes were damaged.",
     [("Officials estimated", "attribution", "vague")]),
    ("The plan was criticised by the experts.",
     [("was criticised by the experts", "attribution", "vague")]),
    # (2) a bare singular source noun, and "folks", are vague
    ("Rumor says the deal is off.", [("Rumor says", "attribution", "vague")]),
    ("Report says the deal is off.", [("Report says", "attribution", "vague")]),
    ("Prices will rise, rumour says.", [("rumour says", "attribution", "vague")]),
    ("Study says coffee is good for you.", [("Study says", "attribution", "vague")]),
    ("The report says the deal is off.", [("The report says", "attribution", "named")]),
    ("Her report says the deal is off.", [("says", "attribution", "named")]),
    ("UN report says emissions are rising.", [("UN report says", "attribution", "named")]),
    ("Report says nothing about the costs.", []),
    ("Privacy folks warned that the app leaks data.",
     [("Privacy folks warned", "attribution", "vague")]),
    ("Folks at Amnesty International said the trial was unfair.",
     [("Folks at Amnesty International said", "attribution", "named")]),
    ("Folks gathered in the square on Sunday.", []),
    # (3) a person (a given name and a surname, or a title) in a "who" clause is no affiliation
    ("A lawyer, who worked for Boris Johnson, claimed that the rules were broken.",
     [("A lawyer, who worked for Boris Johnson, claimed", "attribution", "vague")]),
    ("An aide, who worked for Senator Warren, said the bill would pass.",
     [("An aide, who worked for Senator Warren, said", "attribution", "vague")]),
    ("A consultant, who works with James Dyson, said the factory would move.",
     [("A consultant, who works with James Dyson, said", "attribution", "vague")]),
    ("An analyst, who works for Goldman Sachs, said oil would reach $90.",
     [("An analyst, who works for Goldman Sachs, said", "attribution", "named")]),
    ("A lawyer, who worked for Deutsche Bank, said the fine was unfair.",
     [("A lawyer, who worked for Deutsche Bank, said", "attribution", "named")]),
    ("A lawyer, who worked for Boris Johnson's government, claimed that the rules were broken.",
     [("A lawyer, who worked for Boris Johnson's government, claimed", "attribution",
       "named")]),
    ("A banker, who works for Morgan Stanley, said rates would fall.",
     [("A banker, who works for Morgan Stanley, said", "attribution", "named")]),
    # (4) "say" as a noun after a possessive or "one"
    ("The public's say in this matters.", []),
    ("Everyone should have one say.", []),
    ("Parliament's say over the treaty is small.", []),
    ("Let no one say we did not try.", []),
    ("Twenty-one say they will vote no.", [("say", "attribution", "named")]),
    ("The unions say pay is too low.", [("say", "attribution", "named")]),
    ("Britain's farmers say the deal is poor.", [("farmers say", "attribution", "vague")]),
    ("The minister's aides say the plan is dead.", [("aides say", "attribution", "vague")]),
    # (5) a reduced passive after any plural subject
    ("Boroughs warned to cut spending have frozen hiring.", []),
    ("The councils warned to cut spending have frozen recruitment.", []),
    ("Teachers told to strike have refused.", []),
    ("Lenders rejected as too risky have appealed.", []),
    ("Districts predicted to grow fastest are in the south.", []),
    ("Boroughs warned that cuts would come.", [("warned", "attribution", "named")]),
    ("Boroughs warned to ministers that cuts would come.", [("warned", "attribution", "named")]),
    ("Boroughs warned as many as 300 jobs would go.", [("warned", "attribution", "named")]),
    ("Forecasters warned to expect heavy snow.",
     [("Forecasters warned", "attribution", "vague")]),
    ("Officials told reporters the deal was done.",
     [("Officials told", "attribution", "vague")]),
    ("Goldman Sachs warned to cut costs.", [("warned", "attribution", "named")]),
    # (6) "Who" and adverbs between commas ask for a source
    ("Who, then, said that the policy would work?", []),
    ("Who in this House, then, believes that 5% is affordable?", []),
    ("Who, after all, said that the plan would work?", []),
    ("Who, the minister said, would pay for it?", [("said", "attribution", "named")]),
    ("The minister, then, said that the policy would work.", [("said", "attribution", "named")]),
    ("WHO, then, said that the virus was spreading.", [("said", "attribution", "named")]),
    # (7) a comment clause between a modal and its verb keeps the hedge
    ("Prices may, I fear, rise.", [("may", "hedge", "modal")]),
    ("Rates may, it seems, fall next year.",
     [("may", "hedge", "modal"), ("seems", "hedge", "epistemic_verb")]),
    ("Prices might, I fear, rise.", [("might", "hedge", "modal")]),
    ("Be that as it may, I think, the plan is flawed.", [("I think", "hedge", "first_person")]),
    ("Come what may, I fear, the plan will fail.", []),
    ("Try as they may, I fear, they will fail.", []),
    ("Theresa May, I think, resigned in 2019.", [("I think", "hedge", "first_person")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_18)
def test_readings_of_stance_1_36_18(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("Firms account for an estimated 35% of emissions.", "none"),
        ("Report says 40% of firms cut jobs.", "vague"),
        ("A lawyer, who worked for Boris Johnson, claimed that 40 rules were broken.", "vague"),
        ("Boroughs warned to cut spending by 5% have frozen hiring.", "none"),
        ("Who, then, said inflation would fall to 2%?", "none"),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_18(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


def test_the_given_names_list_holds_capitalised_names_only() -> None:
    from pipeline.lexicon import read_word_list

    words = read_word_list(lexicon_path("given_names.txt"))
    assert lexicon_path("given_names.txt").read_text().startswith("# version: ")
    assert all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words)
    assert len(words) == len(set(words))
    # names that begin a firm's, a place's or a charity's name are left out
    assert not {"Morgan", "Grant", "Georgia", "Victoria", "Christian"} & set(words)


def test_stance_1_36_18_rules_match_in_linear_time() -> None:
    units = [
        "Boroughs warned to Boroughs told to ",  # the reduced passive reads 200 characters
        "Who, then, who, then, ",  # QUESTION_SUBJECT_RE with commas
        "may, I fear, may, I fear, ",  # the comment clause after a modal
        "for an estimated for the expected ",  # a participle after an article
        ", who worked for Boris Johnson, ",  # a person in a relative clause
    ]
    assert_markers_in_time(units)


def test_the_say_noun_macro_is_the_vague_rows_guard() -> None:
    # the generic named "say" row (@SAYNOUN) and NOT_A_REPORT_RE read the same noun "say"
    text = Path(lexicon_path("stance.tsv")).read_text(encoding="utf-8")
    macro = re.search(r"^# define SAYNOUN: (.*)$", text, re.MULTILINE)
    assert macro is not None and macro.group(1) == SAY_NOUN


# Stance 1.36.19 (2026-12-05): a review of 1.36.18 on 418 fresh sentences (37 regressions), each fix
# with near misses that keep their reading.
STANCE_1_36_19 = [
    # (1) a firm named after a person (eponymous_firms.txt) is the source's employer; a person
    # without a title, or with 'Chancellor', is not
    ("A manager, who works for Laura Ashley, said the stores would shut.",
     [("A manager, who works for Laura Ashley, said", "attribution", "named")]),
    ("A spokeswoman, who works for Louis Vuitton, said sales had slowed.",
     [("A spokeswoman, who works for Louis Vuitton, said", "attribution", "named")]),
    ("An adviser, who worked for Rachel Reeves, said the budget was rushed.",
     [("An adviser, who worked for Rachel Reeves, said", "attribution", "vague")]),
    ("A driver, who worked for Elon Musk, said the trips were secret.",
     [("A driver, who worked for Elon Musk, said", "attribution", "vague")]),
    ("A designer, who works for Ted Baker, said the range was late.",
     [("said", "attribution", "named")]),
    ("A lawyer, who worked for Paul Smith's firm, said the deal was off.",
     [("A lawyer, who worked for Paul Smith's firm, said", "attribution", "named")]),
    ("An aide, who worked for Chancellor Jeremy Hunt, said the figures were wrong.",
     [("An aide, who worked for Chancellor Jeremy Hunt, said", "attribution", "vague")]),
    # (2) an active report with a phrase after 'to' or an object after 'as ADJ' keeps its source;
    # 'warned to expect' after a plural that gives no warnings is a reduced passive
    ("Engineers warned to little avail that the bridge was failing.",
     [("Engineers warned", "attribution", "vague")]),
    ("Economists predicted to within a tenth of a point the rise in inflation.",
     [("Economists predicted", "attribution", "vague")]),
    ("Campaigners warned to deaf ears that the river was polluted.",
     [("Campaigners warned", "attribution", "vague")]),
    ("Scientists warned to camera that the glacier was melting.",
     [("Scientists warned", "attribution", "vague")]),
    ("Analysts predicted to general surprise that the index would double.",
     [("Analysts predicted", "attribution", "vague")]),
    ("Campaigners rejected as unfair the new charges for parking.",
     [("Campaigners rejected", "attribution", "vague")]),
    ("Councils rejected as too costly the plans for a new bypass.",
     [("Councils rejected", "attribution", "vague")]),
    ("Banks warned to little effect that lending was too loose.",
     [("Banks warned", "attribution", "vague")]),
    ("Lenders rejected as too risky have appealed.", []),
    ("Players confirmed as injured will miss the final.", []),
    ("Activists urged to effect change have joined the party.", []),
    ("Farmers urged to sell herds that are infected have refused.", []),
    ("Schools told to ensure that pupils wear masks have complied.", []),
    ("Pensioners warned to expect higher bills have begun to cut back.", []),
    ("Households warned to expect higher energy bills.", []),
    ("Forecasters warned to expect heavy snow.", [("Forecasters warned", "attribution", "vague")]),
    ("Experts warned to brace for a hard winter.", [("Experts warned", "attribution", "vague")]),
    # (3) the bare-noun row spares 'said to be/have' (the evidential hedge) and an imperative
    ("Report said to be damning is delayed again.",
     [("said to be", "attribution", "vague"), ("said to be", "hedge", "evidential")]),
    ("Rumour said to have started online spread fast.",
     [("said to have", "attribution", "vague"), ("said to have", "hedge", "evidential")]),
    ("Report says 300 wards closed over the winter.", [("Report says", "attribution", "vague")]),
    ("Report claims promptly to avoid delays.", []),
    ("Research claims carefully before you share them.", []),
    ("Study claims nearly half of adults are lonely.",
     [("Study claims", "attribution", "vague"), ("nearly", "hedge", "approximator")]),
    # (4) a possessive before 'say' is read with what follows: a noun before a preposition or a
    # verb of its own, a firm's plural verb before a clause; 'hundred and one say' reports
    ("Tesco's say the price freeze will last until March.", [("say", "attribution", "named")]),
    ("Moody's say that the outlook is stable.", [("say", "attribution", "named")]),
    ("Members' say over the budget has been cut.", []),
    ("The banks' say in the matter was limited.", []),
    ("The public's say in this matters.", []),
    ("'Experts' say the plan is sound.", [("say", "attribution", "named")]),
    ("One hundred and one say the service has improved.", [("say", "attribution", "named")]),
    ("Everyone should have one say.", []),
    # (5) an adverbial or 'I'm told' between 'may' and its verb keeps the hedge; 'I'm told' is vague
    ("Rates may, however, fall sooner than expected.", [("may", "hedge", "modal")]),
    ("Rates may, of course, fall next year.",
     [("may", "hedge", "modal"), ("of course", "booster", "phrase")]),
    ("Members may, of course, speak for as long as they like.",
     [("of course", "booster", "phrase")]),
    ("The talks may, I'm told, resume next week.",
     [("may", "hedge", "modal"), ("I'm told", "attribution", "vague")]),
    ("Growth may, I hear, be revised down.", [("may", "hedge", "modal")]),
    ("I'm told the factory will close.", [("I'm told", "attribution", "vague")]),
    ("I am told the factory will close.", [("I am told", "attribution", "vague")]),
    ("May, however, is the best month for planting.", []),
    ("Be that as it may, however, the plan stands.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_19)
def test_readings_of_stance_1_36_19(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("A manager, who works for John Lewis, said 40 staff would go.", "named"),
        ("Economists predicted to within a point that growth would be 2%.", "vague"),
        ("Households warned to expect bills of £2,000 have cut back.", "none"),
        ("Sainsbury's say prices will fall 5% this year.", "named"),
        ("The talks may, I'm told, cost £3 million.", "vague"),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_19(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


def test_the_eponymous_firms_list_holds_given_names_and_surnames() -> None:
    from pipeline.lexicon import read_word_list
    from pipeline.stance_persons import GIVEN_NAME_RE, GIVEN_NAMES

    firms = read_word_list(lexicon_path("eponymous_firms.txt"))
    assert lexicon_path("eponymous_firms.txt").read_text().startswith("# version: ")
    assert len(firms) == len(set(firms))
    # each one would be read as a person without the list: a given name and one surname
    for firm in firms:
        m = GIVEN_NAME_RE.fullmatch(firm)
        assert m is not None and m.group("given") in GIVEN_NAMES, firm


def test_the_passive_macros_are_the_detectors_phrases() -> None:
    # the institutions' rows (@TOPHRASE, @ASOBJECT) and pipeline/stance_passives.py read the same
    # phrases after "to" and "as"
    from pipeline.stance_passives import AS_OBJECT, TO_PHRASE

    text = Path(lexicon_path("stance.tsv")).read_text(encoding="utf-8")
    for name, value in (("TOPHRASE", TO_PHRASE), ("ASOBJECT", AS_OBJECT)):
        macro = re.search(rf"^# define {name}: (.*)$", text, re.MULTILINE)
        assert macro is not None and macro.group(1) == value, name


def test_stance_1_36_19_rules_match_in_linear_time() -> None:
    units = [
        "Voters rejected as too costly the Voters rejected as ",  # AS_OBJECT
        "Scientists warned to little effect to deaf ears ",  # TO_PHRASE
        "Sainsbury's say in Members' say the ",  # the possessive "say"
        "may, however, may, I'm told, ",  # the adverbial after a modal
        ", who works for John Lewis, ",  # a firm in a relative clause
    ]
    assert_markers_in_time(units)


# Stance 1.36.20 (2026-12-05): a review of 1.36.19 on 404 fresh sentences (48 regressions), each fix
# with near misses that keep their reading.
STANCE_1_36_20 = [
    # (1) a firm's name of eponymous_firms.txt is a person's when the words after it show one (a
    # pronoun, a public office, an occupation in apposition); 'Secretary', 'Minister', 'Leader'
    # are offices of one person
    ("An aide, who worked for John Lewis when he sat on the council, said the vote was rigged.",
     [("An aide, who worked for John Lewis when he sat on the council, said", "attribution",
       "vague")]),
    ("A student, who worked with Paul Smith on her first grant, said the samples were spoilt.",
     [("A student, who worked with Paul Smith on her first grant, said", "attribution", "vague")]),
    ("An official, who worked with David Lloyd at the Home Office, said the memo was leaked.",
     [("An official, who worked with David Lloyd at the Home Office, said", "attribution",
       "vague")]),
    ("A researcher, who worked with Michael Page, the oncologist, said the ward was understaffed.",
     [("A researcher, who worked with Michael Page, the oncologist, said", "attribution",
       "vague")]),
    ("A manager, who works for John Lewis in Manchester, said the sofas had sold out.",
     [("A manager, who works for John Lewis in Manchester, said", "attribution", "named")]),
    ("An analyst, who works for William Hill, said the favourite had drifted.",
     [("An analyst, who works for William Hill, said", "attribution", "named")]),
    ("A spokesman, who works for Marie Curie, said his team was stretched.",
     [("A spokesman, who works for Marie Curie, said", "attribution", "named")]),
    ("An aide, who worked for Secretary Rubio, said the visit was cancelled.",
     [("An aide, who worked for Secretary Rubio, said", "attribution", "vague")]),
    ("An adviser, who worked for Health Minister Wes Streeting, said the car was searched.",
     [("An adviser, who worked for Health Minister Wes Streeting, said", "attribution",
       "vague")]),
    ("An adviser, who worked for Leader of the Opposition Kemi Badenoch, said the plan was dead.",
     [("An adviser, who worked for Leader of the Opposition Kemi Badenoch, said", "attribution",
       "vague")]),
    # (2) a split infinitive's adverb or a hyphenated verb after 'to' is the passive's verb phrase
    ("Teachers told to just keep calm are struggling.", []),
    ("Tenants told to nearly halve their heating bills face a cold winter.", []),
    ("Drivers told to over-correct on ice skidded.", []),
    ("Analysts predicted to within two points that turnout would fall.",
     [("Analysts predicted", "attribution", "vague")]),
    # (3) a time after 'as ADJ' is no moved object; 'this year's budget' is one
    ("Players rejected as too slow this season have signed elsewhere.", []),
    ("Plants confirmed as toxic Friday were removed.", []),
    ("Critics rejected as too timid this year's budget.",
     [("Critics rejected", "attribution", "vague")]),
    # (4) 'say' before an adverb or a participle, or after a possessive that names no firm, is
    # the noun; 'say in a statement that' reports
    ("The reform would dilute the voters' say considerably.", []),
    ("They want the regions' say respected.", []),
    ("Ministers promised the public's say fresh weight.", []),
    ("Boots's say in a statement that prices will hold.", [("say", "attribution", "named")]),
    ("The public's say in this matters.", []),
    # (5) 'May,' at a sentence's start is the month; a permission verb after the comment is read
    # as without it
    ("May, as ever, brought blossom to the orchards.", []),
    ("Candidates may, however, submit their essays online.", []),
    ("Candidates may submit their essays online.", []),
    ("Shareholders may, of course, vote the plan down.",
     [("may", "hedge", "modal"), ("of course", "booster", "phrase")]),
    ("Rates may, however, fall.", [("may", "hedge", "modal")]),
    # (6) 'I'm told' is no source after 'do as', 'what', nor in 'told off', 'told nothing until'
    # (1.36.21: 'What we're told is that' is a vague source again)
    ("We do as we're told.", []),
    ("I was told off by the head teacher.", []),
    ("You're told nothing until the letter arrives.", []),
    ("What we're told is that the plant will close.", [("we're told", "attribution", "vague")]),
    ("As we're told, the plant will close.", [("we're told", "attribution", "vague")]),
    ("We were told off the record that the deal was dead.",
     [("We were told", "attribution", "vague")]),
    # (7) the bare-noun row's imperative needs a manner adverb
    ("Survey says family income has fallen.", [("Survey says", "attribution", "vague")]),
    ("Study says only in cities do rents rise.", [("Study says", "attribution", "vague")]),
    ("Report says partly to blame for delays.",
     [("Report says", "attribution", "vague"), ("partly", "hedge", "limiter")]),
    ("Report claims promptly to avoid delays.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_20)
def test_readings_of_stance_1_36_20(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("A student, who worked with Paul Smith on his thesis, said 40 were lost.", "vague"),
        ("An analyst, who works for William Hill, said 40 shops would close.", "named"),
        ("Candidates rejected as unsuitable this year number 300.", "none"),
        ("Report says family incomes fell 5% last year.", "vague"),
        ("What I'm told is that 300 jobs will go.", "vague"),  # 1.36.21: a vague source
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_20(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a manner adverb after the noun "say" ends it (pipeline/stance_say.py, MANNER_ADVERB)
        ("Voters will have their say dramatically.", []),
        ("Residents had a say equally with the council.", []),
        # the bare-noun row's @MANNERLY: a noun in -ly is no adverb, a manner adverb no subject
        ("Study says family incomes fell.", [("Study says", "attribution", "vague")]),
        ("Study says promptly treating the infection saves lives.",
         [("Study says", "attribution", "vague")]),
    ],
)  # fmt: skip
def test_the_manner_adverbs_of_the_say_rules(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    # the bare-noun row (@MANNERLY) and pipeline/stance_say.py read the same manner adverbs: the
    # code reads the macro itself (one list since the 1.36.28 review)
    from pipeline.stance_say import MANNER_ADVERB

    adverb = re.compile(MANNER_ADVERB, re.IGNORECASE)
    for word in ("promptly", "carefully", "dramatically", "equally"):
        assert adverb.fullmatch(word), word
    for word in ("family", "supply", "only", "likely", "unlikely", "partly", "early", "July"):
        assert not adverb.fullmatch(word), word
    assert found(text) == expected


def test_stance_1_36_20_rules_match_in_linear_time() -> None:
    units = [
        "Players rejected as too slow this season Players rejected as ",  # AS_OBJECT's time
        ", who worked with Paul Smith on the ",  # a person after a firm's name
        "the public's say the voters' say dramatically ",  # the possessive "say"
        "We do as we're told off told nothing ",  # the I'm-told row
        "Study says family Report says promptly ",  # the bare-noun row
    ]
    assert_markers_in_time(units)


# Stance 1.36.21 (2026-12-05): a review of 1.36.20 on 493 fresh sentences (76 regressions), each fix
# with near misses that keep their reading.
STANCE_1_36_21 = [
    # (1) after 'for', a pronoun or a public office where the source works is the source's; an
    # office held, a seat in a legislature, and after 'with' the pronoun or the office, a person's
    ("A manager, who works for John Lewis in her spare time, said the tills were down.",
     [("A manager, who works for John Lewis in her spare time, said", "attribution", "named")]),
    ("A lawyer, who worked for Paul Weiss before he joined the Treasury, said fees were high.",
     [("A lawyer, who worked for Paul Weiss before he joined the Treasury, said", "attribution",
       "named")]),
    ("An engineer, who works for Henry Boot at the Home Office, said the site was unsafe.",
     [("An engineer, who works for Henry Boot at the Home Office, said", "attribution",
       "named")]),
    ("An analyst, who works for William Hill at the University of Leeds ground, said the odds "
     "were long.",
     [("An analyst, who works for William Hill at the University of Leeds ground, said",
       "attribution", "named")]),
    ("An aide, who worked for John Lewis when he was a congressman, said the vote was rigged.",
     [("An aide, who worked for John Lewis when he was a congressman, said", "attribution",
       "vague")]),
    ("An aide, who worked for Michael Page in the Commons, said the vote was close.",
     [("An aide, who worked for Michael Page in the Commons, said", "attribution", "vague")]),
    ("A manager, who worked for Tom Ford when he led Gucci, said the house was strict.",
     [("A manager, who worked for Tom Ford when he led Gucci, said", "attribution", "vague")]),
    ("An official, who worked with Paul Smith at the Home Office, said the memo leaked.",
     [("An official, who worked with Paul Smith at the Home Office, said", "attribution",
       "vague")]),
    ("A researcher, who worked with Michael Page on her dissertation, said the data were sound.",
     [("A researcher, who worked with Michael Page on her dissertation, said", "attribution",
       "vague")]),
    # (2) an office's title before a firm's word is a firm's name
    ("An analyst, who works for Leader Systems, said chips were scarce.",
     [("An analyst, who works for Leader Systems, said", "attribution", "named")]),
    ("A manager, who works at Secretary Partners, said rents were rising.",
     [("A manager, who works at Secretary Partners, said", "attribution", "named")]),
    ("An analyst, who works at Secretary of State Investments, said yields were rising.",
     [("An analyst, who works at Secretary of State Investments, said", "attribution",
       "named")]),
    ("An aide, who works for Minister Jones, said rents were rising.",
     [("An aide, who works for Minister Jones, said", "attribution", "vague")]),
    ("An aide, who worked for Defence Secretary John Healey, said the order was cancelled.",
     [("An aide, who worked for Defence Secretary John Healey, said", "attribution", "vague")]),
    # (3) 'about', 'nearly', 'just' ... before a quantity or a determiner after 'to' head a phrase
    ("Officials confirmed to about 40 families that the school would close.",
     [("Officials confirmed", "attribution", "vague"), ("about", "hedge", "approximator")]),
    ("Councils warned to nearly a third of residents that bills would rise.",
     [("Councils warned", "attribution", "vague"), ("nearly", "hedge", "approximator")]),
    ("Analysts predicted to nearly everyone's surprise that the pound would rally.",
     [("Analysts predicted", "attribution", "vague"), ("nearly", "hedge", "approximator")]),
    ("Workers told to just about manage have struck.", []),
    ("Officials told to about-turn have complied.", []),
    # (4) a time before a determiner or a name is the moved object's
    ("Regulators rejected as too lax last week the new rules.",
     [("Regulators rejected", "attribution", "vague")]),
    ("Experts confirmed as accurate Monday the Treasury's forecast.",
     [("Experts confirmed", "attribution", "vague")]),
    ("Teams rejected as too weak last season have been relegated.", []),
    # (5) a permission verb after 'may, however,' leaves no hedge only after the permission row's
    # subjects ('citizens', 'parents', 'you' and 'sit' are new there)
    ("The flood may, however, enter the basement.", [("may", "hedge", "modal")]),
    ("Investors may, in time, access the fund.", [("may", "hedge", "modal")]),
    ("Residents may, however, appeal within 30 days.", []),
    ("Citizens may request a copy of their file.", []),
    ("You may, however, use your own car.", [("may", "hedge", "modal")]),  # 1.36.22
    ("Guests may sit anywhere they like.", []),
    ("Some visitors may, however, bring food.", [("may", "hedge", "modal")]),
    ("Staff may, however, leave early on Fridays.", [("may", "hedge", "modal")]),
    ("Members may, of course, speak.", [("of course", "booster", "phrase")]),
    # (6) 'I'm told' is no source only in 'do as I'm told', 'whatever I'm told' and 'What I'm
    # told is' before no 'that'; the pronoun 'I' ends no name
    ("What I'm told is that the shop will close.", [("I'm told", "attribution", "vague")]),
    ("What I'm told is irrelevant.", []),
    ("Whatever I'm told, I will check it myself.", []),
    ("As far as I'm told, nothing has been decided.", [("I'm told", "attribution", "vague")]),
    ("That's what we're told by the council.", [("we're told", "attribution", "vague")]),
    ("Now I am told that the plant will close.", [("I am told", "attribution", "vague")]),
    # (7) 'told off' is a scolding only before the end, a stop, 'for', 'by', 'if', 'when', 'every'
    ("I'm told off camera that the minister is furious.",
     [("I'm told", "attribution", "vague")]),
    ("I'm told off-air that the deal is done.", [("I'm told", "attribution", "vague")]),
    ("We were told off for talking.", []),
    ("I'm told off every time I speak up.", []),
    # (8) an adverb of time in -ly before 'to', 'via', 'and', 'before' or the end: the imperative
    ("Report claims early to avoid penalties.", []),
    ("Report claims monthly to finance.", []),
    ("Report claims early and often.", [("often", "hedge", "frequency_degree")]),
    ("Study claims early on that the drug works.", [("Study claims", "attribution", "vague")]),
    ("Report says monthly figures are due.", [("Report says", "attribution", "vague")]),
    # and a possessive's 'say, in a note, that' reports
    ("Moody's say, in a note, that the outlook is negative.", [("say", "attribution", "named")]),
    ("The council's say, in the end, counted for little.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_21)
def test_readings_of_stance_1_36_21(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("A manager, who works for John Lewis in her spare time, said 40 shops would close.",
         "named"),
        ("An aide, who worked for John Lewis when he was a congressman, said 40 votes were lost.",
         "vague"),
        ("Critics rejected as too timid this week the plan to cut 300 jobs.", "vague"),
        ("Report claims weekly via the portal cover 300 staff.", "none"),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_21(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


def test_the_permission_rows_share_their_subjects_and_verbs() -> None:
    # the permission row and its row with a comment between commas read the same subjects, and
    # @PERMITTED is the permission row's verbs
    text = Path(lexicon_path("stance.tsv")).read_text(encoding="utf-8")
    macro = re.search(r"^# define PERMITTED: (.*)$", text, re.MULTILINE)
    row = r"^\{(applicants,[^}]*)\} may(?: \[not\] \[\{also,still,only\}\] \{([^}]*)\})?\t"
    rows = re.findall(row, text, re.MULTILINE)
    assert len(rows) == 2 and rows[0][0] == rows[1][0]
    # 1.36.22: 'citizens', 'parents', 'you' in two rows of their own, without 'use' and 'enter'
    few = re.findall(r"^\{citizens,parents,you\} may(?: \[not\] [^\t]*\{([^}]*)\})?\t", text, re.M)
    verbs = rows[0][1].split(",")
    assert len(few) == 2 and set(few[0].split(",")) == set(verbs) - {"use", "enter"}
    takes = [v.split()[1] for v in verbs if v.startswith("take ")]
    plain = [v for v in verbs if not v.startswith("take ")]
    want = rf"(?:{'|'.join(plain)}|take\s+(?:{'|'.join(takes)}))\b"
    assert macro is not None and macro.group(1) == want


def test_stance_1_36_21_rules_match_in_linear_time() -> None:
    units = [
        "Critics rejected as too timid this week Critics rejected as ",  # AS_OBJECT's time
        "Officials confirmed to about Officials confirmed to nearly ",  # TO_PHRASE's adverbs
        ", who worked for John Lewis when he was the ",  # an office held
        ", who worked with Paul Smith on his ",  # a colleague's pronoun
        "Residents may, however, Residents may, however, ",  # the permission row's comment
        "What I'm told is What we're told off off ",  # the I'm-told rows
    ]
    assert_markers_in_time(units)


@pytest.mark.parametrize(
    ("text", "sourcing"),
    [
        ("NSW officials said the fires had destroyed 200 homes.", "vague"),
        ("KZN officials said 14 people drowned.", "vague"),
        ("IMF officials said growth would slow to 2.1%.", "named"),
        ("Funds expected to flow into the region next year total $5 billion.", "none"),
        ("Councils estimated to owe £1 billion will get help.", "none"),
        ("Hospitals reported to the regulator that 40 patients had died.", "vague"),
    ],
)  # fmt: skip
def test_the_figures_of_stance_1_36_14_take_their_source(text: str, sourcing: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]


@pytest.mark.parametrize(
    ("word", "institution"),
    [("IMF", True), ("CDC", True), ("WHO", True), ("GOP", True), ("ANC", True), ("NSW", False),
     ("NLP", False), ("ALL", False), ("NEW", False), ("US", False), ("EU", False), ("AI", False),
     ("Imf", False), ("UN", True), ("RAF", True)],
)  # fmt: skip
def test_an_institution_initialism_is_a_listed_one(word: str, institution: bool) -> None:
    from pipeline.stance_names import institution_initialism

    assert institution_initialism(word) is institution


def test_the_institution_initialisms_list_holds_initialisms_only() -> None:
    """Upper case, two to five letters, once each, and no place's or field's initialism nor an
    English word but the bodies listed for themselves (WHO, ICE)."""
    from pipeline.lexicon import read_word_list

    words = read_word_list(lexicon_path("institution_initialisms.txt"))
    assert lexicon_path("institution_initialisms.txt").read_text().startswith("# version: ")
    assert all(re.fullmatch(r"[A-Z]{2,5}", w) for w in words)
    assert len(words) == len(set(words))
    assert not {"US", "UK", "EU", "NY", "NSW", "AI", "IT", "IPO", "ALL", "NEW", "IS"} & set(words)
    assert {"UN", "RAF", "BT"} <= set(words)  # bodies, no places (1.36.28)


def test_stance_1_36_14_rules_match_in_linear_time() -> None:
    units = [
        "Funds expected to Funds expected to ",  # the participles' "to" never finds "that"
        "Banks denied the Banks deny funding ",  # the denial rows
        "by Ukrainian media by Scottish ",  # BY_GROUP_RE's plurals without -s
    ]
    assert_markers_in_time(units)


# Stance 1.36.13 (2026-12-05, sixth session): a user's run on 40 parliamentary speeches, each
# misread with near misses that keep their reading.
STANCE_1_36_13 = [
    # (1) the speaker's own words: 'let me say', 'may I say' (no source, no hedge); 'I
    # would say' is a hedge as before, a plural's 'say' a source, an epistemic 'may' a hedge
    ("Let me say a word about the scope of the Bill.", []),
    ("Let me just say a few words about the funding formula.", []),
    ("Let me tell you, the people of Wrexham are angry.", []),
    ("May I say how much I welcome the Minister's statement?", []),
    ("May I ask the Secretary of State when the review will be published?", []),
    ("I would say that the Bill does not go far enough.",
     [("I would say", "hedge", "first_person")]),
    ("India and China say the talks will continue.", [("say", "attribution", "named")]),
    ("The vote may be delayed until the autumn.", [("may", "hedge", "modal")]),
    ("Let us say the tax raises £2 billion.", []),
    # (2) a question word as the subject asks for a source; a subject after it is one
    ("Who in this House seriously believes that a firm facing these costs will refuse to pay?", []),
    ("Who says that tax cuts always pay for themselves?", []),
    ("And who claims that the market will sort this out?", []),
    ("Who on the Government Benches honestly thinks this is fair?", []),
    ("Who knows whether the Minister said that the deal was done?",
     [("said", "attribution", "named")]),
    ("Who thinks the minister said the deal was done?", [("said", "attribution", "named")]),
    ("The Minister, who believes in localism, said councils would decide.",
     [("believes", "attribution", "named"), ("said", "attribution", "named")]),
    ("What the Minister said yesterday contradicts the impact assessment.",
     [("said", "attribution", "named")]),
    # (3) 'doubt' as a verb of other people is no hedge of the writer's; the writer's own
    # and the noun are
    ("We cannot ignore those who doubt this country.", []),
    ("Those who still doubt the value of apprenticeships should look at the figures.", []),
    ("They doubt that the council can deliver.", []),
    ("She doubts the project will be finished on time.", []),
    ("I doubt that the scheme will survive its first winter.",
     [("doubt", "hedge", "epistemic_noun")]),
    ("There is some doubt about whether the funding will arrive.",
     [("doubt", "hedge", "epistemic_noun")]),
    ("Those doubts remain.", [("doubts", "hedge", "epistemic_noun")]),
    ("He has doubts about the plan.", [("doubts", "hedge", "epistemic_noun")]),
    ("Critics doubt the plan will work.", [("Critics doubt", "attribution", "vague")]),
    # (4) 'say' as a noun is no speech verb
    ("Families on low incomes deserve a say.", []),
    ("Tenants will finally have their say on the plans.", []),
    ("Workers want more say over their shifts.", []),
    ("Parliament should have the final say on any trade deal.", []),
    ("Residents say the buses are unreliable.", [("Residents say", "attribution", "vague")]),
    ("Councils have had their say in the consultation, and many say the plan is flawed.",
     [("many say", "attribution", "vague")]),
    # (5) an organisation that calculated, projected or (after a time) estimated that is a named
    # source; 'an estimated 3,000' stays a hedge, unnamed people stay vague
    ("The Bank of England calculated that the measure would add 0.1% to inflation.",
     [("calculated that", "attribution", "named")]),
    ("The City of London Corporation estimated last year that the sector contributed £81 billion.",
     [("estimated last year that", "attribution", "named")]),
    ("The City of London Corporation estimated that the sector contributed £81 billion.",
     [("estimated that", "attribution", "named")]),
    ("The Office for Budget Responsibility projected that debt would peak at 98% of GDP.",
     [("projected that", "attribution", "named")]),
    ("The Department for Education estimated in 2022 that 7,000 teachers left the profession.",
     [("estimated in 2022 that", "attribution", "named")]),
    ("An estimated 3,000 people joined the march.", [("estimated", "hedge", "approximator")]),
    ("The estimated cost of the scheme is £2 billion.", [("estimated", "hedge", "approximator")]),
    ("Economists calculated that the policy would cost £3 billion.",
     [("Economists calculated", "attribution", "vague")]),
    ("A spokesman calculated that the fare rise would cost £300.",
     [("A spokesman calculated", "attribution", "vague")]),
    ("Infrastructure projects that were cut will resume next year.", []),
    ("The Government's projected savings of £1 billion have not materialised.", []),
    ("It was found in 2019 that the pipes leaked.", []),
    # (6) a relative clause between a subject and its verb: its nouns are no subject of the verb,
    # the clause's own sources count (after 'who' the clause is the subject's)
    ("The Law Society's briefing, which I suspect many hon. Members have read, suggests "
     "that the clause is unworkable.",
     [("briefing, which I suspect many hon. Members have read, suggests", "attribution", "named"),
      ("I suspect", "hedge", "first_person"),
      ("suggests", "hedge", "epistemic_verb")]),
    ("The Resolution Foundation, which studies living standards, says 2 million families "
     "will lose out.",
     [("says", "attribution", "named")]),
    ("The union, whose members voted to strike, said talks had collapsed.",
     [("said", "attribution", "named")]),
    ("The minister, who many critics distrust, said the plan was sound.",
     [("said", "attribution", "named")]),
    ("Critics, who have long opposed the scheme, say it costs too much.",
     [("Critics, who have long opposed the scheme, say", "attribution", "vague")]),
    ("Residents, who say they were never consulted, have started a petition.",
     [("Residents, who say", "attribution", "vague")]),
    ("The plan, which critics say is unworkable, was approved on Monday.",
     [("critics say", "attribution", "vague")]),
    ("The report, which critics called flawed, found that 30% of schools were failing.",
     [("The report, which critics called flawed, found", "attribution", "named"),
      ("which critics called", "attribution", "vague")]),
    ("Critics, who might have expected more, said the plan failed.",
     [("Critics, who might have expected more, said", "attribution", "vague")]),
    ("Residents, who have complained to Thames Water for years, say the pipes still leak.",
     [("Residents, who have complained to Thames Water for years, say", "attribution", "vague")]),
    ("Officials, who spoke on condition of anonymity, said the deal was close.",
     [("Officials, who spoke on condition of anonymity, said", "attribution", "vague")]),
    ("Mr Dlamini, 54, who ran the scheme from a flat in Durban, denies all charges.",
     [("denies", "attribution", "named")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_13)
def test_readings_of_stance_1_36_13(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "sourcing", "voice"),
    [
        ("Let me say that 40% of my constituents rent.", "none", "author"),
        ("Who said that inflation would fall to 2%?", "none", "author"),
        ("Families on low incomes deserve a say in the £2 billion fund.", "none", "author"),
        ("The Bank of England calculated that the measure would add 0.1% to inflation.",
         "named", "attributed"),
        ("The City of London Corporation estimated last year that the sector contributed "
         "£81 billion.", "named", "attributed"),
        ("The Office for Budget Responsibility projected that debt would peak at 98% of GDP.",
         "named", "attributed"),
        ("An estimated 3,000 people joined the march.", "none", "author"),
        ("Economists calculated that the policy would cost £3 billion.", "vague", "attributed"),
        ("The Resolution Foundation, which studies living standards, says 2 million families "
         "will lose out.", "named", "attributed"),
        ("The hospital, which treated 40 patients, said all were stable.", "named", "attributed"),
    ],
)  # fmt: skip
def test_the_figures_and_voice_of_stance_1_36_13(text: str, sourcing: str, voice: str) -> None:
    out = StanceStage().analyse(segment_text(text))
    assert [f["sourcing"] for f in out.tables["figures"]] == [sourcing]
    assert out.sentence_columns["voice"] == [voice]


def test_stance_1_36_13_rules_match_in_linear_time() -> None:
    units = [
        "Critics, who say it, said ",  # a relative clause a few words long, again and again
        ", which, which ",  # RELATIVE_CLAUSE_RE never closes a clause of no words
        "Who in this House who ",  # QUESTION_SUBJECT_RE reads 200 characters at most
        "deserve a say the final say ",  # the noun "say" ends no report
    ]
    assert_markers_in_time(units)


def test_stance_eval_command_scores_a_file_with_an_extra_lexicon(tmp_path, capsys):
    from pipeline.stance_eval import main

    rows = tmp_path / "mine.tsv"
    rows.write_text(
        "id\tsplit\thedge\tbooster\tattribution_named\tattribution_vague\tsentence\n"
        "1\tdev\t1\t0\t0\t0\tThe figures are squishy at best.\n"
        "2\tdev\t0\t0\t0\t0\tThe figures are final.\n",
        encoding="utf-8",
    )
    extra = tmp_path / "my_stance.tsv"
    extra.write_text(
        "# version: m1\npattern\tcategory\tsubtype\tnote\nsquishy\thedge\tadjective\tmine\n",
        encoding="utf-8",
    )

    def hedge_f1(output: str) -> str:
        line = next(
            ln for ln in output.splitlines() if ln.split()[:3] == ["detector", "all", "hedge"]
        )
        return line.split()[-1]

    assert main([str(rows)]) == 0
    assert hedge_f1(capsys.readouterr().out) == "0.000"
    assert main([str(rows), "--lexicon", str(extra)]) == 0
    assert hedge_f1(capsys.readouterr().out) == "1.000"
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0 and "--lexicon" in capsys.readouterr().out


def test_a_lexicon_with_old_mac_line_ends_is_read(tmp_path: Path) -> None:
    from pipeline.lexicon import read_lexicon

    path = tmp_path / "mac.tsv"
    path.write_bytes(b"# version: 1\rpattern\tcategory\tsubtype\tnote\rreckon\thedge\t\t\r")
    lexicon = read_lexicon([path], required=("pattern", "category", "subtype"))
    assert [r["pattern"] for r in lexicon.rows] == ["reckon"] and lexicon.lines == (3,)


def test_lexicon_lines_are_counted_as_an_editor_counts_them(tmp_path: Path) -> None:
    """Only \\n ends a line (CRLF too): a form feed or a line separator inside a note neither
    starts a row nor shifts the line numbers of the rows after it."""
    from pipeline.lexicon import read_lexicon

    path = tmp_path / "odd.tsv"
    path.write_bytes(
        "\ufeff# version: 1\r\n# a note with a \u2028 line separator\r\n"
        "pattern\tcategory\tsubtype\tnote\r\nalpha\thedge\t\ta \x0c form feed\r\n\r\n"
        "beta\thedge\t\tand a \u2028 separator\r\ngamma\tnonsense\t\t\r\n".encode()
    )
    lexicon = read_lexicon([path], required=("pattern", "category", "subtype"))
    assert [r["pattern"] for r in lexicon.rows] == ["alpha", "beta", "gamma"]
    assert lexicon.lines == (4, 6, 7)
    with pytest.raises(ValueError, match=rf"^{re.escape(str(path))}, line 7: entry 'gamma'"):
        StanceStage(extra_lexicons=[path])


def test_markers_inside_quotations_are_flagged():
    """A new user's walkthrough: "likely" inside a quoted analyst's words counted as the
    outlet's hedge with nothing to tell it apart; in_quotation now does."""
    from tests.conftest import segment_text

    doc = segment_text(
        "Keller said the curbs will likely stay. \u201cIt is likely to last for years,\u201d she "
        "said.\n\n\u201cPrices may rise.\n\nThey could fall too,\u201d the analyst added."
    )
    rows = StanceStage().analyse(doc).tables["stance_markers"]
    hedges = [(r["sent_id"], r["match"], r["in_quotation"]) for r in rows
              if r["category"] == "hedge"]  # fmt: skip
    assert hedges == [(1, "likely", False), (2, "likely", True), (3, "may", True),
                      (4, "could", True)]  # fmt: skip
    assert all(doc.clean[r["start"] : r["end"]] == r["match"] for r in rows)
    # a review: the writer's own reporting verb around a quotation is not quoted
    said = [(r["sent_id"], r["in_quotation"]) for r in rows if r["category"] == "attribution"]
    assert said and not any(quoted for _, quoted in said)
    doc = segment_text(
        "\u201cPrices may rise. They could fall. Officials said it is uncertain,\u201d the "
        "analyst added. The minister said: \u201cWe will probably act."
    )
    rows = StanceStage().analyse(doc).tables["stance_markers"]
    flags = {(r["match"], r["category"]): r["in_quotation"] for r in rows}
    assert flags[("may", "hedge")] and flags[("could", "hedge")] and flags[("probably", "hedge")]
    assert not flags[("added", "attribution")] and not flags[("said", "attribution")]


def test_the_writers_verb_after_a_quotation_closed_by_a_straight_mark_is_not_quoted():
    """An analyst's check (2026-12-06): in '"Without water, I can't open. It's as simple as
    that," she said.' the second sentence starts inside the quotation, its straight mark has no
    pair in it, and the whole sentence was flagged as quoted, the writer's "she said" too. The
    first straight mark of a sentence that starts inside a quotation closes it."""
    from pipeline.quotes import quoted_parts
    from tests.conftest import segment_text

    doc = segment_text(
        'A cafe owner was worried. "Without water, I can\'t open. It may be the end," she said. '
        '"We might close," he added, "and we will probably move."'
    )
    rows = StanceStage().analyse(doc).tables["stance_markers"]
    flags = [(r["match"], r["in_quotation"]) for r in rows]
    assert flags == [("may", True), ("said", False), ("might", True), ("added", False),
                     ("probably", True)]  # fmt: skip
    text = 'It may be the end," she said, "or not."'
    assert quoted_parts(text, open_at_start=True) == [(0, 19), (30, 39)]
    assert quoted_parts(text) == [(18, 31)]  # without: the marks pair among themselves


STANCE_1_36_22 = [
    # (1) an adverb of time in -ly is an imperative's only after 'claims', a noun there too
    ("Study says early to bed is best.", [("Study says", "attribution", "vague")]),
    ("Survey says weekly and monthly checks help.", [("Survey says", "attribution", "vague")]),
    ("Report claims early to avoid penalties.", []),
    # (2) 'told off' a scolding but before a hyphen, 'the record', 'camera', 'air', 'mic', 'and'
    ("I was told off at school.", []),
    ("We were told off twice last year.", []),
    ("I'm told off because I'm late.", []),
    ("I was told off-site that the project had been shelved.",
     [("I was told", "attribution", "vague")]),
    ("I'm told off the record that talks failed.", [("I'm told", "attribution", "vague")]),
    ("I'm told off and on that the deal is close.", [("I'm told", "attribution", "vague")]),
    # (3) 'do what', 'accept what' and 'what we're told' before a verb: no source
    ("I just do what I'm told.", []),
    ("Most of us accept what we're told by politicians.", []),
    ("What we're told matters less than what we see.", []),
    ("What I'm told is that the plant will close.", [("I'm told", "attribution", "vague")]),
    # (4) the person's life after a firm-like name after 'for'
    ("An adviser, who worked for Kate Spade before her death, said the brand had lost its way.",
     [("An adviser, who worked for Kate Spade before her death, said", "attribution", "vague")]),
    ("An aide, who worked for Jo Malone when she launched her new brand, said it was gruelling.",
     [("An aide, who worked for Jo Malone when she launched her new brand, said", "attribution",
       "vague")]),
    ("A manager, who works for John Lewis when she is not studying, said the shop was quiet.",
     [("A manager, who works for John Lewis when she is not studying, said", "attribution",
       "named")]),
    # (5) 'you', 'parents', 'citizens' with 'use' or 'enter': a hedge; the comment changes nothing
    ("You may use more mobile data than you expect.", [("may", "hedge", "modal")]),
    ("Parents may, however, use the same excuse.", [("may", "hedge", "modal")]),
    ("You may claim a refund.", []),
    ("Citizens may, of course, request a copy.", [("of course", "booster", "phrase")]),
    # (6) a reduced passive with 'to about N' and a later verb
    ("Job losses confirmed to about 300 staff last week are the first of many.",
     [("about", "hedge", "approximator")]),
    ("Organisers confirmed to about 300 stallholders that the market would reopen.",
     [("Organisers confirmed", "attribution", "vague"), ("about", "hedge", "approximator")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_22)
def test_readings_of_stance_1_36_22(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "subject",
    ["Applicants", "Residents", "You", "Parents", "Citizens", "Landlords", "Hackers", "The virus",
     "Some students", "Guests"],
)  # fmt: skip
@pytest.mark.parametrize("verb", ["apply", "use", "enter", "request", "sit", "take part", "leave"])
def test_stance_1_36_22_a_comment_after_may_changes_nothing(subject: str, verb: str) -> None:
    # 'S may, however, V' reads as 'S may V' for every subject and verb (1.36.22)
    plain = found(f"{subject} may {verb} in the spring.")
    comma = found(f"{subject} may, however, {verb} in the spring.")
    assert comma == plain


def test_stance_1_36_22_rules_match_in_linear_time() -> None:
    units = [
        "Losses confirmed to about 300 staff Losses confirmed to nearly ",  # TO_OBJECT_VERB_RE
        ", who worked for John Lewis during his his his ",  # the person's life
        "I was told off off told off-off ",  # 'told off'
        "What we're told What we're told ",  # what one is told
    ]
    assert_markers_in_time(units)


def test_documents_summarise_each_rates_counts_per_body_sentence() -> None:
    """documents.csv's <rate>_sd and <rate>_lag1: the body sentences' counts in text order,
    worked by hand for hedges 1 (a heading), 0, 2, 0, 1: mean 0.75, deviations -0.75, 1.25,
    -0.75, 0.25, sum of squares 2.75, sd sqrt(2.75 / 3) = 0.9574; lagged sum -0.9375 - 0.9375
    - 0.1875 = -2.0625, lag-1 -2.0625 / 2.75 = -0.75. Questions are counted 0 or 1; counts that
    do not vary have a sd of 0 and no correlation."""
    import math

    from pipeline.stance import SERIAL_RATES, serial_rate_columns

    columns = {column: [0] * 5 for _, column in SERIAL_RATES}
    columns["n_hedges"] = [1, 0, 2, 0, 1]
    columns["is_question"] = [False, True, False, False, True]
    out = serial_rate_columns(columns, [False, True, True, True, True])
    summaries = ("sd", "lag1", "disp5")
    assert set(out) == {f"{name}_{s}" for name, _ in SERIAL_RATES for s in summaries}
    assert set(out) <= set(DOCUMENT_COLUMNS)
    assert out["hedges_sd"] == pytest.approx(math.sqrt(2.75 / 3))
    assert out["hedges_lag1"] == pytest.approx(-0.75)
    # questions 1, 0, 0, 1: mean 0.5, squares 1, lagged -0.25 + 0.25 - 0.25 = -0.25
    assert (out["questions_sd"], out["questions_lag1"]) == (
        pytest.approx(math.sqrt(1 / 3)),
        pytest.approx(-0.25),
    )
    assert out["boosters_sd"] == 0.0 and math.isnan(out["boosters_lag1"])
    assert math.isnan(out["hedges_disp5"])  # 4 body sentences: under two windows of 5
    empty = serial_rate_columns({column: [] for _, column in SERIAL_RATES}, [])
    assert all(math.isnan(v) for v in empty.values())
    # <rate>_disp5: 12 body sentences, two windows of 6; hedges 3 and 1 of 4, expected 2 and
    # 2: 1 / 2 + 1 / 2 = 1 on 1 degree of freedom
    columns = {column: [0] * 13 for _, column in SERIAL_RATES}
    columns["n_hedges"] = [9, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]  # the heading's 9 take no part
    columns["n_figures"] = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]  # alike in every window: 0
    out = serial_rate_columns(columns, [False] + [True] * 12)
    assert out["hedges_disp5"] == 1.0
    assert out["figures_disp5"] == 0.0
    assert math.isnan(out["boosters_disp5"])  # no booster: no rate to compare windows with


def test_the_stage_summarises_the_counts_it_gives_each_sentence(
    default_corpus: dict[str, SegmentedDocument],
) -> None:
    import numpy as np

    doc = default_corpus["intelligence_diplomacy"]
    out = StanceStage().analyse(doc)
    body = [not s.is_heading for s in doc.sentences]
    figures = np.array(out.sentence_columns["n_figures"], dtype=float)[body]
    assert figures.sum() == out.document_columns["n_figures"] > 0
    assert out.document_columns["figures_sd"] == pytest.approx(figures.std(ddof=1))
    d = figures - figures.mean()
    assert out.document_columns["figures_lag1"] == pytest.approx((d[:-1] @ d[1:]) / (d @ d))
    # n // 5 windows of body sentences, of nearly equal size
    windows = np.array_split(figures, max(2, figures.size // 5))
    sums = np.array([w.sum() for w in windows])
    expected = figures.mean() * np.array([w.size for w in windows])
    chi = ((sums - expected) ** 2 / expected).sum()
    assert out.document_columns["figures_disp5"] == pytest.approx(chi / (len(windows) - 1))


STANCE_1_36_23 = [
    # (1) one unnamed person or body of any noun as the subject of a reporting verb: vague
    ("A minister said the plan would work.", [("said", "attribution", "vague")]),
    ("A shadow minister claimed the figures were wrong.", [("claimed", "attribution", "vague")]),
    ("A stylist said the trend would last.", [("said", "attribution", "vague")]),
    ("A local shopkeeper noted that trade was slow.", [("noted that", "attribution", "vague")]),
    ("Another minister argued that the plan would fail.", [("argued", "attribution", "vague")]),
    ("One councillor warned that the library would close.", [("warned", "attribution", "vague")]),
    ("A 52-year-old shopkeeper said he had been robbed.", [("said", "attribution", "vague")]),
    ("A French stylist said the trend had started in Paris.", [("said", "attribution", "vague")]),
    ("A company said it would appeal against the fine.", [("said", "attribution", "vague")]),
    ("A minister at the department said the figures were provisional.",
     [("said", "attribution", "vague")]),
    ("A woman who lives nearby said the noise went on all night.",
     [("said", "attribution", "vague")]),
    ("A minister, who resigned last month, said the policy had failed.",
     [("said", "attribution", "vague")]),
    ("A minister, however, said the plan was dead.", [("said", "attribution", "vague")]),
    ("A minister has since insisted the numbers are right.",
     [("insisted", "attribution", "vague")]),
    ("Prices will keep rising, a shopkeeper said.", [("said", "attribution", "vague")]),
    ("On Monday a minister said the tax would not rise.", [("said", "attribution", "vague")]),
    ("Trade is slow, but a baker said orders were up.", [("said", "attribution", "vague")]),
    ("He said a minister had told him the funding was safe.",
     [("said", "attribution", "named"), ("told", "attribution", "vague")]),
    ("According to a minister, the plan will be published next month.",
     [("According to a", "attribution", "vague")]),
    ("According to one councillor, the vote was rigged.",
     [("According to one", "attribution", "vague")]),
    ("According to a minister, Jane Smith, the plan is dead.", []),  # a name: as before
    # (2) a name in the phrase, an institution's initialism after 'for': named
    ("A spokesman for the IMF said the loan would be approved.",
     [("A spokesman for the IMF said", "attribution", "named")]),
    ("An official at the WHO said the outbreak was contained.",
     [("An official at the WHO said", "attribution", "named")]),
    ("A Reuters reporter said the convoy had been fired on.",
     [("A Reuters reporter said", "attribution", "named")]),
    ("A Labour MP said the policy was unworkable.", [("said", "attribution", "named")]),
    ("A minister, Jane Smith, said the plan would work.", [("said", "attribution", "named")]),
    ("A minister at the Treasury said the numbers were sound.",
     [("said", "attribution", "named")]),
    ("A shopkeeper who supplies Tesco said prices were rising.",
     [("said", "attribution", "named")]),
    ("A report by the OECD said growth would slow.",
     [("A report by the OECD said", "attribution", "named")]),
    ("According to a Reuters reporter, the convoy was fired on.",
     [("According to a Reuters reporter", "attribution", "named")]),
    # (3) things, documents and shares keep their readings
    ("A statement from the ministry said the figures were provisional.",
     [("said", "attribution", "named")]),
    ("A letter from the council said the bins would be collected.",
     [("said", "attribution", "named")]),
    ("A statement released yesterday said the plan was dead.",
     [("said", "attribution", "named")]),
    ("A report said the bridge was unsafe.", [("A report said", "attribution", "vague")]),
    ("A quarter of respondents said they were worried.", []),
    ("According to a plan, the works will start in May.", []),
    ("According to a schedule published last week, trains will resume.", []),
    ("Fees vary according to a pupil's age.", []),
    # (4) the phrase is no subject of the verb: as before
    ("The minister said the plan would work.", [("said", "attribution", "named")]),
    ("In a statement, the ministry said the figures were provisional.",
     [("said", "attribution", "named")]),
    ("After a minister resigned, Smith said the government was in crisis.",
     [("said", "attribution", "named")]),
    ("The firm that employs a stylist said bookings were up.",
     [("said", "attribution", "named")]),
    ("A fee, he said, would be charged for late returns.", [("said", "attribution", "named")]),
    ("There is no way to say it.", []),
    ("It was a chance to claim the prize.", []),
    ("It was a tactic documented by Britain's MI5.",
     [("documented by Britain's", "attribution", "named")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_23)
def test_readings_of_stance_1_36_23(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def _pair(entry: str) -> str:
    """An entry of two words of @THINGPAIR or @PERSONPAIR as the list writes it."""
    return entry.replace(r"\s+", " ").replace("['’]", "'")


def test_the_thing_macro_is_the_thing_nouns_list() -> None:
    # the 'according to a' row (@THING) and pipeline/stance_phrase.py read the same things
    from pipeline.stance_phrase import THING_NOUNS

    text = Path(lexicon_path("stance.tsv")).read_text(encoding="utf-8")
    macro = re.search(r"^# define THING: \(\?:(.*)\)$", text, re.MULTILINE)
    assert macro is not None
    assert set(macro.group(1).split("|")) == {w for w in THING_NOUNS if " " not in w}
    pairs = re.search(r"^# define THINGPAIR: \(\?:(.*)\)$", text, re.MULTILINE)
    assert pairs is not None
    assert {_pair(w) for w in pairs.group(1).split("|")} == {w for w in THING_NOUNS if " " in w}
    assert lexicon_path("thing_nouns.txt").read_text().startswith("# version: ")
    assert {"statement", "sign", "third", "plan"} <= THING_NOUNS
    assert not {"minister", "stylist", "company", "man", "couple"} & THING_NOUNS


def test_stance_1_36_23_rules_match_in_linear_time() -> None:
    units = [
        "a minister who said a minister who said a minister said ",  # UNNAMED_ONE_RE
        "a local shop at the big town a local shop, however, said ",  # its place and aside
        "according to a minister according to a local shop keeper ",  # @THING
        "a spokesman for the IMF for the IMF said ",  # MEMBER_OF_RE
    ]
    assert_markers_in_time(units)


STANCE_1_36_24 = [
    # (1) a participle after a thing is no person's noun: as in 1.36.22 (1.36.23: vague)
    ("A letter sent on Monday said the school would close.", [("said", "attribution", "named")]),
    ("A note left on the windscreen said sorry.", [("said", "attribution", "named")]),
    ("A memo sent on Friday warned of job cuts.", [("warned", "attribution", "named")]),
    ("A statement made at the hearing said the firm was insolvent.",
     [("said", "attribution", "named")]),
    ("A sign hung on the door said closed.", [("said", "attribution", "named")]),
    # (2) a noun of no person nor body keeps the verb's reading (1.36.23: vague)
    ("A chatbot said the capital of Australia was Sydney.", [("said", "attribution", "named")]),
    ("A provision in the law says the tax is due in April.",
     [("says", "attribution", "named")]),
    ("A device said the room was safe.", [("said", "attribution", "named")]),
    ("A constitution says the president serves four years.",
     [("says", "attribution", "named")]),
    ("An inscription on the stone says the church was built in 1142.",
     [("says", "attribution", "named")]),
    ("A textbook says the battle was fought in 1066.", [("says", "attribution", "named")]),
    ("A reply from the council said the matter was closed.", [("said", "attribution", "named")]),
    ("A response from the ministry said two officials had been suspended.",
     [("said", "attribution", "named")]),
    ("According to an app, the bus is four minutes away.", []),
    ("According to a timeline, the attack lasted six minutes.", []),
    ("According to a biography, she wrote forty books.", []),
    ("According to a decision of the board, the school will close.", []),
    # (3) 'according to a' opens a clause: no manner 'according to' (1.36.23: vague)
    ("The house was built according to a blueprint.", []),
    ("The band played according to a setlist.", []),
    ("The game is played according to a set of rules.", []),
    ("The pupils were taught according to a syllabus.", []),
    # (4) a capitalised place after the article: no source, as documented (1.36.23: vague)
    ("According to a minister in the Cabinet Office, the plan is dead.", []),
    # (5) 1.36.23's readings kept: one unnamed person or body
    ("A minister said the plan would work.", [("said", "attribution", "vague")]),
    ("A stylist at the salon said the price would rise.", [("said", "attribution", "vague")]),
    ("A charity said demand for food parcels had risen.", [("said", "attribution", "vague")]),
    ("A jury said it could not reach a verdict.", [("said", "attribution", "vague")]),
    ("A think tank argued that taxes should rise.", [("argued", "attribution", "vague")]),
    ("A father-of-two said he had been sacked.", [("said", "attribution", "vague")]),
    ("A minister later said the figure was wrong.", [("said", "attribution", "vague")]),
    ("The deal is done, a banker familiar with the matter said.",
     [("said", "attribution", "vague")]),
    ("According to a local shopkeeper, three windows were smashed.",
     [("According to a", "attribution", "vague")]),
    ("The plan is dead, according to a minister.", [("according to a", "attribution", "vague")]),
    ("According to a woman who lives nearby, the fire started at midnight.",
     [("According to a", "attribution", "vague")]),
    ("According to a nurse on the ward, the beds were empty.",
     [("According to a", "attribution", "vague")]),
    ("According to a group of doctors, the drug is safe.",
     [("According to a", "attribution", "vague")]),
    # (6) new in 1.36.24: a participle after a person's noun, a thing before the noun's modifier
    ("A man arrested on Friday said he was innocent.", [("said", "attribution", "vague")]),
    ("A long-time film industry critic said the festival was dying.",
     [("said", "attribution", "vague")]),
    # (7) not one person: as before
    ("A letter from a woman who lives nearby said the road was closed.",
     [("said", "attribution", "named")]),
    ("A note later said the figure was wrong.", [("said", "attribution", "named")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_24)
def test_readings_of_stance_1_36_24(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_the_person_macro_is_the_person_nouns_list() -> None:
    # the 'according to a' row (@PERSON and the suffixes) and pipeline/stance_phrase.py read the
    # same people and bodies
    from pipeline.stance_phrase import (
        PERSON_NOUNS,
        PERSON_SUFFIXES,
        THING_NOUNS,
        THING_SUFFIXES,
        person_noun,
    )

    text = Path(lexicon_path("stance.tsv")).read_text(encoding="utf-8")
    macro = re.search(r"^# define PERSON: \(\?:(.*)\)$", text, re.MULTILINE)
    assert macro is not None
    assert set(macro.group(1).split("|")) == {w for w in PERSON_NOUNS if " " not in w}
    pairs = re.search(r"^# define PERSONPAIR: \(\?:(.*)\)$", text, re.MULTILINE)
    assert pairs is not None
    assert {_pair(w) for w in pairs.group(1).split("|")} == {w for w in PERSON_NOUNS if " " in w}
    row = next(
        line for line in text.splitlines() if line.startswith("according to {a,an,one,another}\t")
    )
    assert f"(?:{PERSON_SUFFIXES})" in row
    assert f"(?:{THING_SUFFIXES})" in row
    assert not PERSON_NOUNS & THING_NOUNS
    assert {"chatbot", "reply", "setlist", "blueprint", "inscription"} <= THING_NOUNS
    words = [
        "minister", "stylist", "nurse", "charity", "jury", "company", "historian", "claimant",
        "spokeswoman", "ex-wife", "chatbot", "app", "blueprint", "reply", "sensor", "provision",
        "government", "setlist", "checklist", "voicemail",
    ]  # fmt: skip
    for word in words:
        readings = [m[2] for m in found(f"According to a {word}, the plan is dead.")]
        assert readings == (["vague"] if person_noun(word) else []), word
        readings = [m[2] for m in found(f"A {word} said the plan was dead.")]
        assert readings == ["vague" if person_noun(word) else "named"], word


def test_stance_1_36_24_rules_match_in_linear_time() -> None:
    units = [
        "according to a " + "x-" * 2000 + "er, ",  # @PERSON after a prefix, the suffixes
        "a minister later " + "angrily " * 8 + "said ",  # _ADVERBS, the noun's lookahead
        "a letter sent a letter sent on monday said ",  # PARTICIPLES
        "a banker familiar with the matter familiar with said ",  # _AFTER_NOUN
        " - - - according to a ",  # requires_before
    ]
    assert_markers_in_time(units)


STANCE_1_36_25 = [
    # (1) a device, program, product or document whose noun has a person's suffix: as in 1.36.22
    # (1.36.24: vague)
    ("A compiler warns that the variable is unused.", [("warns", "attribution", "named")]),
    ("A router reported that the link was down.", [("reported that", "attribution", "named")]),
    ("A server reported that the disk was full.", [("reported that", "attribution", "named")]),
    ("A dishwasher warned that the salt was low.", [("warned", "attribution", "named")]),
    ("A projector said the lamp needed replacing.", [("said", "attribution", "named")]),
    ("An inhaler says to shake before use.", [("says", "attribution", "named")]),
    ("A sweater in the catalogue says it is pure wool.", [("says", "attribution", "named")]),
    ("A primer on the tax code says most people will not pay.",
     [("says", "attribution", "named")]),
    ("A flier on the lamppost says the fair is on Sunday.", [("says", "attribution", "named")]),
    ("A loudspeaker said the store would close.", [("said", "attribution", "named")]),
    # "-meter", "-ifier", "-iser", "-izer": a thing; "-ant", "-ent": no person's suffix
    ("An altimeter in the cockpit said they were level.", [("said", "attribution", "named")]),
    ("An air purifier said the air was clean.", [("said", "attribution", "named")]),
    ("A bottle steriliser said the cycle was done.", [("said", "attribution", "named")]),
    ("An organiser said the event was cancelled.", [("said", "attribution", "vague")]),
    ("A detergent says it works at thirty degrees.", [("says", "attribution", "named")]),
    ("A lubricant says it protects the chain.", [("says", "attribution", "named")]),
    # a place where only a thing is
    ("A trainer in the shop window says it is made from plastic.",
     [("says", "attribution", "named")]),
    ("A rider in the contract says the band gets a fruit bowl.",
     [("says", "attribution", "named")]),
    # (2) a thing of two words whose noun is a person's: as in 1.36.22 (1.36.24: vague)
    ("A style guide says numbers under ten are spelled out.",
     [("says", "attribution", "named")]),
    ("A notice board in the hall says the meeting starts at seven.",
     [("says", "attribution", "named")]),
    ("An email client warned that the file was unsafe.", [("warned", "attribution", "named")]),
    ("A setup wizard says the update will take an hour.", [("says", "attribution", "named")]),
    ("A logging library warns that the handler is deprecated.",
     [("warns", "attribution", "named")]),
    ("A bank account said the balance was zero.", [("said", "attribution", "named")]),
    ("A voice assistant said the timer had been set.", [("said", "attribution", "named")]),
    ("A media player said the file was corrupt.", [("said", "attribution", "named")]),
    ("A baby monitor said the room was too warm.", [("said", "attribution", "named")]),
    # (3) after 'according to a': no source, as in 1.36.22 (1.36.24: vague)
    ("According to a user guide, the battery lasts eight hours.", []),
    ("According to a departure board, the train is late.", []),
    ("According to a weather station on the coast, the wind reached gale force.", []),
    ("According to a pedometer, she walked ten miles.", []),
    ("According to a compiler, the code is fine.", []),
    ("According to a voice assistant, the shop is open.", []),
    # (4) a person's noun in "-ed" of person_nouns.txt (1.36.24: named for a verb)
    ("A newlywed said the hotel had lost their booking.", [("said", "attribution", "vague")]),
    ("An accused told the tribunal he had been beaten.", [("told", "attribution", "vague")]),
    # (5) kept: the person's or body's reading of the same nouns
    ("A tour guide said the castle was haunted.", [("said", "attribution", "vague")]),
    ("A shop assistant said the store was closing.", [("said", "attribution", "vague")]),
    ("A board of trustees said the museum would close.", [("said", "attribution", "vague")]),
    ("A client told the firm the invoice was wrong.", [("told", "attribution", "vague")]),
    ("A tenant said the flat was damp.", [("said", "attribution", "vague")]),
    ("A claimant said the payment was late.", [("said", "attribution", "vague")]),
    ("A cleaner said she had not been paid.", [("said", "attribution", "vague")]),
    ("A trainer said the filly would run at Ascot.", [("said", "attribution", "vague")]),
    ("According to a tour guide, the castle is haunted.",
     [("According to a", "attribution", "vague")]),
    # (6) new: two words a person or body whose noun is a thing's, people the list lacked, and
    # 'according to a' after a figure
    ("A town planner said the scheme was too dense.", [("said", "attribution", "vague")]),
    ("A record label said the album was delayed.", [("said", "attribution", "vague")]),
    ("According to a town planner, the scheme is too dense.",
     [("According to a", "attribution", "vague")]),
    ("A locksmith said the lock had been forced.", [("said", "attribution", "vague")]),
    ("A panel of judges said the entry was the best.", [("said", "attribution", "vague")]),
    ("A fire service said the blaze was out.", [("said", "attribution", "vague")]),
    ("A trade body said exports had fallen.", [("said", "attribution", "vague")]),
    ("Sales rose 4% according to a retailer.", [("according to a", "attribution", "vague")]),
    # (7) not changed: a manner 'according to' and a thing's panel
    ("The house was built according to a blueprint.", []),
    ("A control panel says the pressure is low.", [("says", "attribution", "named")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_25)
def test_readings_of_stance_1_36_25(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_36_25_rules_match_in_linear_time() -> None:
    units = [
        "according to a " + "x-" * 2000 + "meter, ",  # THING_SUFFIXES
        "according to a user guide according to a notice board in the hall ",  # @THINGPAIR
        "according to a town planner according to a big record label, ",  # @PERSONPAIR
        "sales rose 4% according to a retailer 5 according to a ",  # a figure before
        "a trainer in the shop window a style guide says ",  # THING_PLACES, the pairs
    ]
    assert_markers_in_time(units)


STANCE_1_36_26 = [
    # (1) a place, a product or a brand named beside one unnamed person: vague (1.36.25: named)
    ("A customer in Harrogate said the branch was shut.", [("said", "attribution", "vague")]),
    ("A barber in Luton said trade had halved.", [("said", "attribution", "vague")]),
    ("A nurse at a hospital in Leeds said the ward was full.",
     [("said", "attribution", "vague")]),
    ("A Wolverhampton resident said the lights were off.",
     [("A Wolverhampton resident said", "attribution", "vague")]),
    ("A London taxi driver said fares had risen.",
     [("A London taxi driver said", "attribution", "vague")]),  # a known place (placed_nouns)
    ("A Volvo owner said the recall came late.", [("said", "attribution", "vague")]),
    ("A Volvo car owner said the recall came late.", [("said", "attribution", "vague")]),
    ("An iPhone user said the update drained the battery.", [("said", "attribution", "vague")]),
    ("A Newcastle fan said the plan was a betrayal.",
     [("A Newcastle fan said", "attribution", "vague")]),
    ("A customer of Santander said the branch had closed.", [("said", "attribution", "vague")]),
    ("According to a Volvo owner, the recall came late.",
     [("According to a", "attribution", "vague")]),
    ("According to a Volvo car owner, the recall came late.",
     [("According to a", "attribution", "vague")]),
    ("According to a customer in Harrogate, the branch was shut.",
     [("According to a", "attribution", "vague")]),
    ("According to a Newcastle fan, the plan is a betrayal.",
     [("According to a Newcastle fan", "attribution", "vague")]),
    # an employer's name keeps the source named (1.36.23), and so does the body one speaks for
    ("A Cabinet Office official said the review was over.",
     [("A Cabinet Office official said", "attribution", "named")]),
    ("A Google engineer said the model was flawed.",
     [("A Google engineer said", "attribution", "named")]),
    ("A minister in the Foreign Office said the talks were over.",
     [("said", "attribution", "named")]),
    ("A Vodafone spokeswoman said the outage was fixed.",
     [("A Vodafone spokeswoman said", "attribution", "named")]),
    ("A representative of Oxfam said the aid had not arrived.",
     [("A representative of Oxfam said", "attribution", "named")]),
    ("A representative of the council said the road would reopen.",
     [("A representative of the council said", "attribution", "vague")]),  # as s581
    # a name after the noun, or before it without an article: named
    ("A Volvo owner, Maria Lopez, said the recall came late.",
     [("said", "attribution", "named")]),
    ("Harrogate resident Maria Lopez said the branch was shut.",
     [("said", "attribution", "named")]),
    # things keep their readings
    ("A Volvo manual says the tyres should be checked monthly.",
     [("says", "attribution", "named")]),
    ("A leaflet handed out in Swansea said the pool would close.",
     [("said", "attribution", "named")]),
    # (2) a clause without "who": vague (1.36.25: named)
    ("A builder I spoke to said the timber had doubled.", [("said", "attribution", "vague")]),
    ("A midwife we interviewed said the unit was short.", [("said", "attribution", "vague")]),
    ("A soldier I spoke to in Kharkiv said the shelling was worse.",
     [("said", "attribution", "vague")]),
    ("A trader Reuters spoke to said the market was rattled.",
     [("said", "attribution", "vague")]),
    ("According to a builder I spoke to, timber has doubled.",
     [("According to a", "attribution", "vague")]),
    # a definite one: vague since 1.36.29 (contacted_group_before), named before
    ("The builder I spoke to said the timber had doubled.", [("said", "attribution", "vague")]),
    # (3) a first predicate before "and": vague (1.36.25: named)
    ("A paramedic came to the door and said the ambulance was late.",
     [("said", "attribution", "vague")]),
    ("A steward approached and said the match was off.", [("said", "attribution", "vague")]),
    ("A volunteer handed out leaflets and said the vigil was on.",
     [("said", "attribution", "vague")]),
    ("Ruth Evans came to the door and said the ambulance was late.",
     [("said", "attribution", "named")]),
    ("The steward, Ruth Evans, approached and said the match was off.",
     [("said", "attribution", "named")]),
    ("A minister resigned and the party said it was sorry.", [("said", "attribution", "named")]),
    # the review of 1.36.26: its regressions, named as in 1.36.25
    # (a) a body after "in" after one who belongs to a body is the body, not a town
    ("A commander in Hamas said the fighters were ready.", [("said", "attribution", "named")]),
    ("A partner in Deloitte said the audit had been rushed.", [("said", "attribution", "named")]),
    ("An official in Kabul said the road was closed.",
     [("An official in Kabul said", "attribution", "vague")]),  # a known place
    # (b) an employer, a team or a party beside a driver, a rider, a man or a co-owner
    ("A Stagecoach driver said morale was at rock bottom.",
     [("A Stagecoach driver said", "attribution", "named")]),
    ("An Amazon driver said he was expected to deliver 200 parcels a day.",
     [("An Amazon driver said", "attribution", "named"),
      ("was expected to", "hedge", "epistemic_verb")]),
    ("A Deliveroo rider said he earned less than the minimum wage after costs.",
     [("said", "attribution", "named")]),
    ("An Uber driver said the new fee structure had cut his earnings.",
     [("An Uber driver said", "attribution", "named")]),
    ("A McLaren driver said the car was much improved.",
     [("A McLaren driver said", "attribution", "named")]),
    ("An Ineos rider said the stage was the hardest of the race.",
     [("said", "attribution", "named")]),
    ("A Foreign Office man said the embassy would stay open.",
     [("said", "attribution", "named")]),
    ("A senior Labour man said the leader was safe.", [("said", "attribution", "named")]),
    ("A driver for Uber said the app had cut his pay.",
     [("A driver for Uber said", "attribution", "named")]),
    ("An Amazon delivery driver said the targets were impossible.",
     [("An Amazon delivery driver said", "attribution", "named")]),
    ("A Deliveroo rider said he had been deactivated without warning.",
     [("said", "attribution", "named")]),
    ("A Chelsea co-owner said the club was not for sale.", [("said", "attribution", "named")]),
    ("A co-owner of Chelsea said the club was not for sale.", [("said", "attribution", "named")]),
    ("A Manchester United part-owner said the stadium would be rebuilt.",
     [("said", "attribution", "named")]),
    ("A Stagecoach bus driver said the route was unsafe.",
     [("A Stagecoach bus driver said", "attribution", "named")]),
    ("A woman at Google said the layoffs were coming.", [("said", "attribution", "named")]),
    ("A 45-year-old man from Leeds said he had been waiting six months.",
     [("said", "attribution", "vague")]),  # where he comes from
    ("A Tesla owner said the car was fine.", [("said", "attribution", "vague")]),  # a product
    # (c) the affiliation after a clause without "who" is read
    ("A source I spoke to at the Treasury said the budget would be delayed.",
     [("said", "attribution", "named")]),
    ("An official we spoke to at the Home Office said the policy was under review.",
     [("said", "attribution", "named")]),
    ("A spokesman I spoke to at Tesla said the recall was voluntary.",
     [("A spokesman I spoke to at Tesla said", "attribution", "named")]),
    ("An engineer the inquiry heard from said the bolts were undersized.",
     [("said", "attribution", "vague")]),  # a preposition with no object
    # (d) a participle that introduces a name is no first verb, and the name is read
    ("A man named John Smith walked into the station and said he had seen the car.",
     [("said", "attribution", "named")]),
    ("A neighbour called Mary Evans came out and said she heard screaming.",
     [("said", "attribution", "named")]),
    ("A woman identified as Sarah Jones stood up and told the court she was innocent.",
     [("told", "attribution", "named")]),
    ("A woman named in court as Jane Doe wept and said she was sorry.",
     [("said", "attribution", "named")]),
    # a name and a contact verb: the verb is no noun of the phrase
    ("A lawyer Reuters contacted said the case was weak.",
     [("A lawyer Reuters contacted said", "attribution", "vague")]),
    ("A woman Amnesty interviewed said her husband had been taken at night.",
     [("said", "attribution", "vague")]),
    # the second review of 1.36.26: its regressions, named as in 1.36.25
    # (a) "for" and a capital after a lay person is an employer
    ("A buyer for Tesco said suppliers had been squeezed.", [("said", "attribution", "named")]),
    ("A cyclist for Team Sky said the team had used the drug legally.",
     [("said", "attribution", "named")]),
    ("A collector for HMRC said arrears had doubled.", [("said", "attribution", "named")]),
    ("A shopper for Harrods said the range had sold out.", [("said", "attribution", "named")]),
    ("A fan for Chelsea said the ticket was dear.",
     [("A fan for Chelsea said", "attribution", "named")]),
    ("According to a fan for Chelsea, tickets were dear.",
     [("According to a fan for Chelsea", "attribution", "named")]),
    ("According to a shopper for Harrods, the range sold out.", []),  # no row, as in 1.36.25
    ("A buyer for a major supermarket said suppliers had been squeezed.",
     [("said", "attribution", "vague")]),  # no name
    ("A customer of Santander said the branch had shut.", [("said", "attribution", "vague")]),
    ("A resident of Tottenham said the road was closed.",
     [("A resident of Tottenham said", "attribution", "vague")]),
    ("A customer in Bristol said the bank had closed.", [("said", "attribution", "vague")]),
    # (b) "buyer", "cyclist", "collector" are placed_nouns: a capital is an employer or a team
    ("A Marks & Spencer buyer said suppliers had been squeezed.",
     [("said", "attribution", "named")]),
    ("A Team Sky cyclist said the team had used the drug legally.",
     [("said", "attribution", "named")]),
    ("An HMRC collector said arrears had doubled.", [("said", "attribution", "named")]),
    ("A Veolia bin collector said rounds had doubled.", [("said", "attribution", "named")]),
    ("A London cyclist said the lane was dangerous.",
     [("said", "attribution", "vague")]),  # a known place
    ("A cyclist in Leeds said the lane was dangerous.", [("said", "attribution", "vague")]),
    ("An eBay seller said fees had risen.", [("said", "attribution", "vague")]),  # still lay
    ("A London Marathon runner said the heat was brutal.", [("said", "attribution", "vague")]),
    # (c) a capital beside "owner" is what is owned, most often a product: vague (the lead's
    # decision after the review; a rule that read it as a club was dropped)
    ("A Tesla owner said the car had caught fire.", [("said", "attribution", "vague")]),
    ("A Volvo owner said the recall notice came late.", [("said", "attribution", "vague")]),
    ("An iPhone owner said the update drained the battery.", [("said", "attribution", "vague")]),
    ("According to a Tesla owner, the car caught fire.",
     [("According to a", "attribution", "vague")]),
    # the accepted miss: a club's owner cannot be told from a product's by form, and product
    # owners are far more common, so these read vague though they name the club's principal
    ("A Chelsea owner said the club would not sell.", [("said", "attribution", "vague")]),
    ("A Newcastle United owner said the club would spend.", [("said", "attribution", "vague")]),
    ("An owner of Chelsea said the club would not sell.", [("said", "attribution", "vague")]),
    # a co-owner or part-owner is no lay person, named: "A Chelsea co-owner said" (above)
    ("A Leeds restaurant owner said trade had fallen.",
     [("said", "attribution", "vague")]),  # what is owned in lower case
    ("According to a Leeds restaurant owner, trade fell.",
     [("According to a", "attribution", "vague")]),
    ("An owner of a Tesla said the car had caught fire.", [("said", "attribution", "vague")]),
    ("A dog owner said the park was unsafe.", [("said", "attribution", "vague")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_26)
def test_readings_of_stance_1_36_26(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_the_lay_macro_is_the_lay_nouns_list() -> None:
    # the 'according to a' row (@LAY) and pipeline/stance_placing.py read the same lay people
    from pipeline.stance_phrase import person_noun
    from pipeline.stance_placing import LAY_NOUNS

    text = Path(lexicon_path("stance.tsv")).read_text(encoding="utf-8")
    macro = re.search(r"^# define LAY: \(\?:(.*)\)$", text, re.MULTILINE)
    assert macro is not None
    assert set(macro.group(1).split("|")) == LAY_NOUNS
    assert all(person_noun(w) for w in LAY_NOUNS)  # a lay person is a person
    assert not {"official", "reporter", "engineer", "mp", "spokesperson"} & LAY_NOUNS
    # an employer or a team may stand beside these (1.36.26 review): placed only by known places
    from pipeline.stance_placing import ANYONE, PLACED_NOUNS

    assert not PLACED_NOUNS & LAY_NOUNS
    assert ANYONE <= LAY_NOUNS | PLACED_NOUNS
    assert "owner" in LAY_NOUNS  # "A Tesla owner": vague (1.36.26, its second review)
    assert not {"buyer", "cyclist", "collector"} & LAY_NOUNS  # jobs and teams' places too


def test_stance_1_36_26_rules_match_in_linear_time() -> None:
    units = [
        "a landlord I spoke to a landlord we met with him at said ",  # _CONTACT, a pronoun
        "an official the BBC spoke to the BBC Reuters The Guardian contacted said ",  # a name
        "a police officer knocked on the door and a neighbour came out and and said ",
        "a man came and went and came and went and and and told ",  # COORDINATED_RE
        "according to a Tesla owner according to a customer in Bristol, ",  # @LAY, the town
        "a nurse at a hospital in Leeds In In In Bristol said ",  # the town
        "a Bristol resident said a Tesla owner said a lawyer Reuters spoke to said ",  # lay_source
        "a source I spoke to at the Treasury in Leeds In a man named John Smith walked and said ",
    ]
    assert_markers_in_time(units)


STANCE_1_36_27 = [
    # (1) an inverted report: the verb after a quotation or a clause and a comma, its subject
    # one unnamed person after it: vague (1.36.26: named)
    ('"We are worried," said one resident.', [("said", "attribution", "vague")]),
    ('"It\'s a disgrace," said a customer in Bristol.', [("said", "attribution", "vague")]),
    ('"It\'s a disgrace," said a Bristol resident.', [("said", "attribution", "vague")]),
    ('"We are worried," said a local shopkeeper.', [("said", "attribution", "vague")]),
    ('"We are worried," says a minister.', [("says", "attribution", "vague")]),
    ('"It was chaos," warned a paramedic.', [("warned", "attribution", "vague")]),
    ("The plan is dead, said a minister.", [("said", "attribution", "vague")]),
    ("The plan, said a minister, is dead.", [("said", "attribution", "vague")]),
    ('"We are worried," said one resident, who asked not to be named.',
     [("asked not to be named", "attribution", "vague")]),
    # the same rules as before the verb: a named employer, a thing, a name in an appositive
    ('"We are worried," said a White House official.', [("said", "attribution", "named")]),
    ('"We are worried," said a spokesman for the IMF.', [("said", "attribution", "named")]),
    ('"We are worried," said a Stagecoach driver.', [("said", "attribution", "named")]),
    ('"We are worried," said a spokesman, Jane Smith.', [("said", "attribution", "named")]),
    ('"We are worried," said one resident, 62-year-old Jane Smith.',
     [("said", "attribution", "named")]),
    ('"It\'s a disgrace," said a letter from the council.', [("said", "attribution", "named")]),
    ('"Welcome," says a sign at the entrance.', [("says", "attribution", "named")]),
    # an object is no subject
    ("He said a minister had lied.", [("said", "attribution", "named")]),
    ("She told a customer to leave.", [("told", "attribution", "named")]),
    ("He said a prayer.", [("said", "attribution", "named")]),
    # (2) a person's name before an appositive: named (1.36.26: vague)
    ("Jane Smith, a resident of Bristol, said the road was closed.",
     [("a resident of Bristol, said", "attribution", "named")]),
    ("John Doe, a local shopkeeper, said the road was closed.",
     [("said", "attribution", "named")]),
    ("A man, a resident of Bristol, said the road was shut.",
     [("a resident of Bristol, said", "attribution", "vague")]),
    # (3) a newspaper's name, an institution's initialism before its staff: named
    ("A Guardian reporter said the road was closed.",
     [("A Guardian reporter said", "attribution", "named")]),
    ("An MSF doctor said the road was closed.",
     [("An MSF doctor said", "attribution", "named")]),
    ("A Reuters reporter said the road was closed.",
     [("A Reuters reporter said", "attribution", "named")]),
    ("Experts the BBC spoke to said so.",
     [("Experts the BBC spoke to said", "attribution", "vague")]),
    # (4) "called" and a number or a word in lower case is a verb
    ("A woman called 999 and said she had been attacked.", [("said", "attribution", "vague")]),
    ("A neighbour called the police and said he had heard shots.",
     [("said", "attribution", "vague")]),
    ("A man named John Smith walked into the station and said he was innocent.",
     [("said", "attribution", "named")]),
    # (5) the object of a thing's participle is no source
    ("A letter sent to residents in Bristol said the bins would be late.",
     [("said", "attribution", "named")]),
    ("The letter, sent to residents in Bristol, said the bins would be late.",
     [("said", "attribution", "named")]),
    ("An engineer the inquiry heard from said the bolts were undersized.",
     [("said", "attribution", "vague")]),
    # (6) "my" or "our" and one unnamed person: vague; the writer's own body or a name: named
    ("My neighbour in Bristol said the road was closed.", [("said", "attribution", "vague")]),
    ("My colleague Jane Smith said the road was closed.", [("said", "attribution", "named")]),
    ("Our correspondent said the city was calm.", [("said", "attribution", "named")]),
    # (review) an object after a subject and an aside, or after "told" and the like, is no
    # inverted subject: named as in 1.36.26
    ('Sir Keir, speaking in Berlin, told a reporter: "We will not back down."',
     [("told", "attribution", "named")]),
    ('The defendant, 34, told a police officer, "I didn\'t do it."',
     [("told", "attribution", "named")]),
    ('Mr Johnson, visiting a hospital in Kent, told a nurse: "You are doing an amazing job."',
     [("told", "attribution", "named")]),
    ('Trump, in a post on Truth Social, warned a judge.', [("warned", "attribution", "named")]),
    ('The manager, clearly frustrated, told a steward.',
     [("clearly", "booster", "adverb"), ("told", "attribution", "named")]),
    ('The actor, 52, told a fan: "Thank you for coming."', [("told", "attribution", "named")]),
    ('Mr Smith, 45, told a friend.', [("told", "attribution", "named")]),
    ('The council, in a letter, warned a resident.', [("warned", "attribution", "named")]),
    ('The minister, asked about the plan, told a reporter.', [("told", "attribution", "named")]),
    ('The company, however, warned a customer.', [("warned", "attribution", "named")]),
    ('After the vote, the minister, visibly angry, warned a colleague.',
     [("warned", "attribution", "named")]),
    # a clause before the verb, a time after the phrase: inverted
    ('The plan, which cost millions, is dead, said a minister.',
     [("said", "attribution", "vague")]),
    ('When the floods came, we lost everything, said one resident.',
     [("said", "attribution", "vague")]),
    ('The plan is dead, said a senior minister last night.', [("said", "attribution", "vague")]),
    # a group and an outlet that interviewed it: vague, as "Experts the BBC spoke to said"
    ('People the Guardian interviewed said they felt abandoned.',
     [("People the Guardian interviewed said", "attribution", "vague")]),
    ('Experts the Guardian spoke to said the policy would fail.',
     [("Experts the Guardian spoke to said", "attribution", "vague")]),
    ('Voters the Guardian contacted said they felt abandoned.',
     [("Voters the Guardian contacted said", "attribution", "vague")]),
    ('Experts Reuters spoke to said the deal was off.',
     [("Experts Reuters spoke to said", "attribution", "vague")]),
    ('A Guardian reporter said the road was closed.',
     [("A Guardian reporter said", "attribution", "named")]),
    # a name after a preposition or a participle is no appositive's: vague
    ('After meeting Jane Smith, a resident said she felt reassured.',
     [("a resident said", "attribution", "vague")]),
    ('Like Mr Patel, a neighbour said she had been burgled twice.',
     [("a neighbour said", "attribution", "vague")]),
    ('And Jane Smith, a resident of Bristol, said the road was closed.',
     [("a resident of Bristol, said", "attribution", "named")]),
    # the second review: an appositive closes with a comma before the verb; without one the
    # phrase is a parenthetical report's source, and "a prayer" is what one says, no person
    ('Jane Smith, a neighbour said, had lived there for years.',
     [("a neighbour said", "attribution", "vague")]),
    ('Mr Brown, a source said, had been sacked.', [("a source said", "attribution", "vague")]),
    ('Jane Smith, a resident of Bristol, told reporters the bins were late.',
     [("a resident of Bristol, told", "attribution", "named")]),
    ('He paused, said a prayer, and left the church.', [("said", "attribution", "named")]),
    # a code review: "now", "still", "then" are an aside's adverbs, no clause's ("Mr Smith, now
    # 45, warned a friend": the friend is the object, as in 1.36.26)
    ("Mr Smith, now 45, warned a friend.", [("warned", "attribution", "named")]),
    ("Mr Smith, still angry, warned a friend.", [("warned", "attribution", "named")]),
    ("The council, then led by Labour, warned a resident.",
     [("warned", "attribution", "named")]),
    ("The minister, now visibly angry, warned a colleague.",
     [("warned", "attribution", "named")]),
    ('The old man bowed his head, said a prayer for the dead, and stood.',
     [("said", "attribution", "named")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_27)
def test_readings_of_stance_1_36_27(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_36_27_rules_match_in_linear_time() -> None:
    units = [
        '"No," said a a a a resident of of the the in Bristol In In, ',  # INVERTED_ONE_RE
        "The plan is dead, said one resident, 62-year-old Jane Smith Jane Smith Jane, ",
        "Jane Smith, a resident of Bristol, Jane Smith, John Doe, a resident, said ",  # appositive
        "a letter sent to residents in a letter, sent to sent to the said ",  # THING_OBJECT_RE
        "a woman called 999 and called the police and called John and said ",  # _NAMING
        "my neighbour in Bristol our correspondent my colleague Jane Smith said ",
        "Mr Smith, 45, in a letter, however, The council, asked, warned a judge, said ",  # asides
        "Experts the Guardian spoke to the BBC interviewed People Reuters contacted said ",
        "After meeting Jane Smith, Like Mr Patel, And Jane Smith, a resident said ",
        "Mr Smith, " + " " * 400 + "now 45, " + " " * 400 + "warned a friend, ",  # runs of spaces
    ]
    assert_markers_in_time(units)


# The word lists of the stance rules kept in pipeline/lexicons/ rather than in the code (moved
# there with no reading changed)


@pytest.mark.parametrize(
    "name",
    [
        "object_verbs.txt",
        "own_nouns.txt",
        "body_members.txt",
        "outsider_nouns.txt",
        "people_plurals.txt",
        "tail_adverbs.txt",
        "staff_nouns.txt",
    ],
)
def test_the_stance_rules_word_lists_hold_one_lower_case_word_a_line(name: str) -> None:
    from pipeline.lexicon import read_word_list

    assert lexicon_path(name).read_text(encoding="utf-8").startswith("# version: ")
    words = read_word_list(lexicon_path(name))
    assert words and len(words) == len(set(words))
    assert all(re.fullmatch(r"[a-z]+", w) for w in words)


def test_the_object_verbs_list_is_every_form_never_inverted() -> None:
    from pipeline.lexicon import read_word_list
    from pipeline.stance_inverted import OBJECT_VERB_RE

    words = read_word_list(lexicon_path("object_verbs.txt"))
    assert all(OBJECT_VERB_RE.fullmatch(w) and OBJECT_VERB_RE.match(w.title()) for w in words)
    # a form the list lacks is none, nor a longer word that starts with a listed one
    assert not any(OBJECT_VERB_RE.match(w) for w in ("notifying", "urging", "tellers", "said"))


def test_the_own_nouns_list_holds_the_writers_bodies_not_people() -> None:
    from pipeline.stance_phrase import OWN_NOUNS

    assert {"correspondent", "company", "editors", "staff"} <= OWN_NOUNS
    assert not {"neighbour", "colleague", "friend", "client"} & OWN_NOUNS


def test_the_body_members_list_adds_to_the_affiliated_nouns() -> None:
    # _town reads a noun or its plural among BODY_MEMBERS: a line for a noun that
    # AFFILIATED_NOUNS has in either number would do nothing (as the code's "member",
    # "executive", "employee", "insider" and "source" did)
    from pipeline.lexicon import read_word_list
    from pipeline.stance_names import AFFILIATED_NOUNS
    from pipeline.stance_placing import _town

    words = read_word_list(lexicon_path("body_members.txt"))
    assert [w for w in words if w in AFFILIATED_NOUNS or f"{w}s" in AFFILIATED_NOUNS] == []
    for noun in ("member", "executive", "employee", "insider", "source", *words):
        assert not _town(noun, " in Hamas") and _town(noun, " in Kabul")  # a body; a place
    assert _town("stylist", " in Hamas")  # one who belongs to no body: a town


def test_the_outsider_nouns_list_makes_an_institutions_initialism_name_no_one() -> None:
    # _initialism_member reads OUTSIDERS before the staff test (STAFF_NOUN_RE), and names_no_one
    # reads them too (1.36.28 review): a listed noun makes the initialism before it name no one
    # whether or not STAFF_NOUN_RE takes it ("watcher": it does; "critic", "fan", "opponent": it
    # does not), in either number and at any length
    from pipeline.lexicon import read_word_list
    from pipeline.stance_names import STAFF_NOUN_RE, names_a_source, names_no_one

    words = read_word_list(lexicon_path("outsider_nouns.txt"))
    assert {"watcher", "observer", "critic", "fan", "opponent", "sceptic"} <= set(words)
    assert any(STAFF_NOUN_RE.fullmatch(w) for w in words)  # read before the staff test
    assert not all(STAFF_NOUN_RE.fullmatch(w) for w in words)  # and not only for its nouns
    for noun in words:
        assert not names_a_source(f"An IMF {noun}") and not names_a_source(f"Some IMF {noun}s")
        assert names_no_one(f"IMF {noun}") and names_no_one(f"UN {noun}s")
        assert names_no_one(f"NATO {noun}") and not names_a_source(f"A NATO {noun}")
    assert names_a_source("An IMF doctor") and names_a_source("Some MSF doctors")  # its staff
    assert not names_no_one("IMF doctor") and not names_no_one("UN officials")
    assert not names_no_one("NATO diplomat") and names_a_source("A NATO diplomat")


def test_the_people_plurals_list_holds_plurals_no_persons_noun_reads() -> None:
    # _people reads a group's last word as people when its singular is a person's or a lay
    # person's noun: a line for such a plural would do nothing (as the code's "children",
    # "women", "crew" and "team" did)
    from pipeline.stance_inverted import PEOPLE_PLURALS, _people, _singular
    from pipeline.stance_phrase import person_noun
    from pipeline.stance_placing import lay_noun

    for word in PEOPLE_PLURALS:
        assert _people(word)
        assert not person_noun(_singular(word)) and not lay_noun(_singular(word)), word
    for word in ("children", "women", "men", "people", "crew", "team", "family", "deputies"):
        assert _people(word), word
    assert not _people("waiting") and not _people("queues")


def test_the_staff_nouns_list_holds_nouns_the_staff_suffixes_miss() -> None:
    from pipeline.stance_names import STAFF_NOUN_RE, STAFF_NOUNS, STAFF_SUFFIX_RE, names_a_source

    assert STAFF_NOUNS and all(not STAFF_SUFFIX_RE.fullmatch(w) for w in STAFF_NOUNS)
    assert all(STAFF_NOUN_RE.fullmatch(w) for w in [*STAFF_NOUNS, "worker", "soldiers"])
    assert names_a_source("An RAF pilot") and names_a_source("Some WHO staff")
    assert not STAFF_NOUN_RE.fullmatch("patient") and not STAFF_NOUN_RE.fullmatch("refugee")


@pytest.mark.parametrize("word", sorted(read_word_list(lexicon_path("tail_adverbs.txt"))))
def test_a_tail_adverb_after_an_inverted_phrase_says_when_or_where(word: str) -> None:
    assert found(f'"We waited," said a passenger {word}.') == [("said", "attribution", "vague")]


def test_the_object_verbs_inverted_after_a_quotation_are_the_inverted_rows() -> None:
    # one source (1.36.28 review): the object verbs that the rows read only right after a
    # quotation list, not a copy in the code
    from pipeline.stance_inverted import quote_inverted_verbs, unnamed_one_after
    from pipeline.stance_lexicon import default_lexicon_paths, stance_entries

    entries, _ = stance_entries(default_lexicon_paths())
    assert quote_inverted_verbs(entries) == {"urged", "urges", "advised", "advises"}
    plain = [e for e in entries if e.rule("requires_before") is None]
    assert quote_inverted_verbs(plain) == frozenset()
    text = '"Stay indoors," urged a police officer.'
    at = text.index("urged")
    args = (text, 0, at, at + len("urged"), len(text))
    assert unnamed_one_after(*args, quote_inverted=frozenset({"urged"}))
    assert not unnamed_one_after(*args)  # an object verb no row inverts: its object after it


def test_the_listed_contact_clause_is_built_from_the_same_parts() -> None:
    # _phrase(listed=True) takes a clause's verb from contact_verbs.txt (1.36.28), built by
    # _contact, not by replacing a piece of _CONTACT's text (which could silently do nothing)
    from pipeline.stance_phrase import _CONTACT, _contact, _phrase

    assert _CONTACT == _contact() != _contact(listed=True)
    assert _contact(listed=True) in _phrase(listed=True) and _CONTACT in _phrase()
    for clause, listed in [(" the post office", False), (" the BBC spoke to", True),
                           (" I spoke to", True), (" Reuters contacted", True)]:  # fmt: skip
        assert re.fullmatch(_CONTACT, clause, re.IGNORECASE), clause
        assert bool(re.fullmatch(_contact(listed=True), clause, re.IGNORECASE)) is listed, clause


STANCE_1_36_28 = [
    # (1) an inverted phrase with a trailing place, participle or adverb: vague (1.36.27: named)
    ('"We waited for hours," said a customer in the queue outside the branch.',
     [("said", "attribution", "vague")]),
    ('"I heard every word," said a voice from the back.', [("said", "attribution", "vague")]),
    ('"He will be fine," said a nurse quietly.', [("said", "attribution", "vague")]),
    ('"We just want answers," said one relative outside the hospital.',
     [("said", "attribution", "vague")]),
    ('"The fields are flooded," said a farmer near Tewkesbury.',
     [("said", "attribution", "vague")]),
    ('"We deserved that," said a fan outside the ground.', [("said", "attribution", "vague")]),
    ('"It was a shambles," warned one former international.',
     [("warned", "attribution", "vague")]),
    ('"It felt like an earthquake," said a man living nearby.',
     [("said", "attribution", "vague")]),
    ('"The buses never come," said a student waiting at the stop.',
     [("said", "attribution", "vague")]),
    ('"Absolute shambles," said a season-ticket holder after the match.',
     [("said", "attribution", "vague")]),
    ('"It\'s all gone," said one farmer near Tewkesbury, surveying his fields.',
     [("said", "attribution", "vague")]),
    ('"We have been queueing since six," said a woman in the line outside the post office.',
     [("said", "attribution", "vague")]),
    ("A voice in the crowd said the speech was a lie.", [("said", "attribution", "vague")]),
    # ... named as before: an employer in the phrase or its tail, a name, no person
    ('"The rates will rise," said a spokesman for the IMF.', [("said", "attribution", "named")]),
    ('"We will appeal," said a spokesman for the IMF outside the building.',
     [("said", "attribution", "named")]),
    ('"The plan is sound," said a source at the Treasury.', [("said", "attribution", "named")]),
    ('"It is awful," said a resident, Jane Smith.', [("said", "attribution", "named")]),
    ('"We are full," said a nurse on the ward at St James\'s Hospital.',
     [("said", "attribution", "named")]),
    ('"Sales are down," said a man working for Tesco.', [("said", "attribution", "named")]),
    ('"It was chaos," said a Reuters reporter outside the court.',
     [("said", "attribution", "named")]),
    ('"We did our best," said a volunteer for Oxfam near Leeds.',
     [("said", "attribution", "named")]),
    ("He bowed his head, said a prayer for the dead, and stood.",
     [("said", "attribution", "named")]),
    ("She stood up, said a few words at the funeral, and left.",
     [("said", "attribution", "named")]),
    ("He paused, said a prayer quietly, and left.", [("said", "attribution", "named")]),
    ('"Get out," said the old man quietly.', [("said", "attribution", "named")]),
    ("A voice message said the meeting was cancelled.", [("said", "attribution", "named")]),
    # (2) "urged", "advised" right after a quotation: the subject after them (named before, or
    # no marker); without a quotation their object, as before
    ('"Stay indoors," urged a police officer.', [("urged", "attribution", "vague")]),
    ('"Rest is vital," advised one doctor.', [("advised", "attribution", "vague")]),
    ('"Wear a mask," advised the chief medical officer.', [("advised", "attribution", "named")]),
    ("The council urged a resident to leave.", [("urged", "attribution", "named")]),
    ('"Leave now," the officer urged a resident.', [("urged", "attribution", "named")]),
    ('She went home, told a friend, and went to bed.', [("told", "attribution", "named")]),
    # (3) "one", "another", "others" alone, or "of" a group: vague; a name: named
    ('"It\'s over," said another.', [("said", "attribution", "vague")]),
    ('"We will be back," added another.', [("added", "attribution", "vague")]),
    ('"Nobody listens," said one.', [("said", "attribution", "vague")]),
    ('"It\'s a scandal," said others.', [("said", "attribution", "vague")]),
    ('"We\'ll see," said one, shrugging.', [("said", "attribution", "vague")]),
    ('"He\'ll come back," said one of the children.', [("said", "attribution", "vague")]),
    ("The plan, said one, is dead.", [("said", "attribution", "vague")]),
    ('"It\'s over," said another of the directors, Jane Bell.',
     [("said", "attribution", "named")]),
    ('"We played well," said one of the Chelsea players.', [("said", "attribution", "named")]),
    ("He turned, said one thing to the crowd, and left.", [("said", "attribution", "named")]),
    ('"It is safe," explained the minister.', [("explained", "attribution", "named")]),
    ("The workers' added costs were high.", []),
    # (4) a town before a trade's noun, after "from" or "to": vague; an employer or a club: named
    ("A Leeds solicitor said the case was weak.", [("said", "attribution", "vague")]),
    ("A Norwich taxi driver said fares would rise.",
     [("A Norwich taxi driver said", "attribution", "vague")]),
    ("A Glasgow GP said the surgery was full.", [("said", "attribution", "vague")]),
    ("A Hull docker said the port was quiet.", [("said", "attribution", "vague")]),
    ("A nurse from Leeds said staff were exhausted.", [("said", "attribution", "vague")]),
    ("A visitor to Bristol said the city was dirty.", [("said", "attribution", "vague")]),
    ("A minister from Kent said the plan was sound.", [("said", "attribution", "vague")]),
    ("An envoy to Kyiv said the talks were frank.", [("said", "attribution", "vague")]),
    ("A Stagecoach driver said the route was cut.",
     [("A Stagecoach driver said", "attribution", "named")]),
    ("A Tesco manager said shelves were empty.",
     [("A Tesco manager said", "attribution", "named")]),
    ("A Chelsea co-owner said the club was stable.", [("said", "attribution", "named")]),
    ("A Liverpool player said the team was tired.", [("said", "attribution", "named")]),
    ("A Manchester United doctor said the injury was minor.",
     [("A Manchester United doctor said", "attribution", "named")]),
    ("A Kent Police officer said the road was closed.",
     [("A Kent Police officer said", "attribution", "named")]),
    ("An adviser to Boris Johnson said the plan was dead.",
     [("An adviser to Boris Johnson said", "attribution", "named")]),
    ("Leeds officials said the scheme would go ahead.",
     [("officials said", "attribution", "named")]),
    # (5) an institution's initialism names the source, a place's does not
    ("A UN official said the aid had arrived.", [("A UN official said", "attribution", "named")]),
    ("An RAF pilot said the mission was routine.",
     [("An RAF pilot said", "attribution", "named")]),
    ("A BT engineer told me the line was faulty.",
     [("A BT engineer told", "attribution", "named")]),
    ("A WHO scientist said the virus was spreading.",
     [("A WHO scientist said", "attribution", "named")]),
    ("An NHS nurse said wards were full.", [("said", "attribution", "named")]),
    ("An EU diplomat said talks had stalled.", [("An EU diplomat said", "attribution", "vague")]),
    ("A US official said the deal was close.", [("A US official said", "attribution", "vague")]),
    ("The shelling continued overnight, said a UN official.", [("said", "attribution", "named")]),
    # (6) a report after "spoke to", "told" before an audience
    ("A farmer I spoke to warned that prices would fall.", [("warned", "attribution", "vague")]),
    ("A farmer I talked to claimed that the river had burst.",
     [("claimed that", "attribution", "vague")]),
    ("The witness broke down and told jurors that she was afraid.",
     [("told", "attribution", "named")]),
    ('"I didn\'t mean it," the defendant told police.', [("told", "attribution", "named")]),
    ("The defendant, 52, told officers he had no idea.", [("told", "attribution", "named")]),
    # (7) kept: a reported clause's unnamed subject is a second, vague source, as a group's is
    ("She said a resident had complained.",
     [("said", "attribution", "named"), ("complained", "attribution", "vague")]),
    ("She said residents had complained.",
     [("said", "attribution", "named"), ("residents had complained", "attribution", "vague")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_28)
def test_readings_of_stance_1_36_28(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_36_28_rules_match_in_linear_time() -> None:
    units = [
        '"No," said a woman in the line outside the post office near the the near near, ',  # tail
        '"No," said one of the the the of them others another one one, ',  # INVERTED_PRONOUN_RE
        '"No," said a nurse quietly softly later nearby outside inside living waiting at at, ',
        '"No," urged a a a police officer advised one doctor added another added, ',
        '"No," said a farmer near Tewkesbury Tewkesbury near Leeds at St James at, ',
        "A Leeds solicitor A Glasgow GP a nurse from Leeds a visitor to Bristol to to said ",
        "A farmer I spoke to warned that I spoke to to to warned told jurors told police ",
        '"No," said a ' + " " * 400 + "woman " + " " * 400 + "near " + " " * 400 + "the door, ",
        '"No," said one ' + " " * 400 + "of " + " " * 400 + "them, ",
    ]
    assert_markers_in_time(units)


# The review of stance 1.36.28 (2026-12-05): its regressions and smaller bugs, fixed in the same
# version, each with controls that keep their readings
STANCE_1_36_28_REVIEW = [
    # (1) a listed town that starts a club's, a college's or a firm's name before a trade's noun
    # is part of that name (1.36.28 blanked it: vague)
    ("A Sheffield Wednesday doctor said the keeper was concussed.",
     [("A Sheffield Wednesday doctor said", "attribution", "named")]),
    ("A Hull FC doctor said the player was concussed.",
     [("A Hull FC doctor said", "attribution", "named")]),
    ("An Oldham Athletic doctor said the keeper was concussed.",
     [("An Oldham Athletic doctor said", "attribution", "named")]),
    ("A Kent CCC doctor said the player was fine.",
     [("A Kent CCC doctor said", "attribution", "named")]),
    ("A Manchester Metropolitan engineer said the bridge was safe.",
     [("A Manchester Metropolitan engineer said", "attribution", "named")]),
    ("A Bradford GP said the surgery was full.", [("said", "attribution", "vague")]),
    ("A Leeds solicitor said the case was weak.", [("said", "attribution", "vague")]),
    # (2) "added", "continued", "explained", "advised" after a quotation that is some verb's
    # object: no report (1.36.28: named)
    ('He typed "password," added an exclamation mark and pressed enter.', []),
    ('She wrote "fragile," added a stamp and posted the parcel.',
     [("wrote", "attribution", "named"), ("posted", "attribution", "named")]),
    ('The crowd sang "Abide with Me," continued the tradition and fell silent.', []),
    ('The doctor prescribed "rest," advised the patient to drink water and left.', []),
    ('"We will be back," added another.', [("added", "attribution", "vague")]),
    ('"It is safe," explained the minister.', [("explained", "attribution", "named")]),
    ('"Rest is vital," advised one doctor.', [("advised", "attribution", "vague")]),
    # (3) "told" before a possessive, "apart" or "family stories": no audience (1.36.28: named)
    ("Grandad told family stories every Christmas.", []),
    # (C) a place before a trade's or a field's initialism and a placed noun places the person;
    # a club's suffix, an institution's initialism or a capitalised word starts a longer name
    ("A Leeds IT worker said the outage had lasted all day.",
     [("A Leeds IT worker said", "attribution", "vague")]),
    ("A Hull PE teacher said pupils were losing interest.",
     [("A Hull PE teacher said", "attribution", "vague")]),
    ("A Leeds HGV driver said fuel prices were crippling.",
     [("A Leeds HGV driver said", "attribution", "vague")]),
    ("A Glasgow ICU nurse said the unit was full.", [("said", "attribution", "vague")]),
    ("A Hull FC doctor said the player was concussed.",
     [("A Hull FC doctor said", "attribution", "named")]),
    ("A Bath RUFC physio said the player was fine.", [("said", "attribution", "named")]),
    ("A Sheffield Wednesday doctor said the keeper was concussed.",
     [("A Sheffield Wednesday doctor said", "attribution", "named")]),
    ("A Kent Police officer said the road was closed.",
     [("A Kent Police officer said", "attribution", "named")]),
    ("A Leeds NHS nurse said the unit was full.", [("said", "attribution", "named")]),
    ("The exhibition told residents' stories of the 1953 flood.", []),
    ("He told friends apart by their voices.", []),
    ("She told family she was fine.", [("told", "attribution", "named")]),
    ("He told friends he wanted to retire.", [("told", "attribution", "named")]),
    ("The defendant told jurors that she was afraid.", [("told", "attribution", "named")]),
    # (4) the group after "one of" is the fewest words that fit: a participle after it is the
    # tail's (1.36.28: the participle the group, no people, named)
    ('"We were terrified," said one of the drivers waiting in the queue.',
     [("said", "attribution", "vague")]),
    ('"We were terrified," said one of the children playing outside.',
     [("said", "attribution", "vague")]),
    ('"We were terrified," said one of the young women sheltering in the church.',
     [("said", "attribution", "vague")]),
    ('"We played well," said one of the Chelsea players.', [("said", "attribution", "named")]),
    ('"It\'s over," said another of the directors, Jane Bell.',
     [("said", "attribution", "named")]),
    # (5) an institution's initialism before an outsider's noun names no one, whatever the noun's
    # ending, before the verb or after it (1.36.28 and before: named, but "An IMF observer said")
    ("An IMF watcher said the loan terms were harsh.", [("said", "attribution", "vague")]),
    ("An IMF opponent said the loan terms were harsh.", [("said", "attribution", "vague")]),
    ("An IMF sceptic said the loan terms were harsh.", [("said", "attribution", "vague")]),
    ("A UN watcher said the vote was rigged.", [("said", "attribution", "vague")]),
    ("A NATO critic said the summit would be tense.",
     [("A NATO critic said", "attribution", "vague")]),
    ('"The terms are harsh," said an IMF observer.', [("said", "attribution", "vague")]),
    ('"The vote was rigged," said a UN watcher.', [("said", "attribution", "vague")]),
    ("An IMF observer said the terms were harsh.",
     [("An IMF observer said", "attribution", "vague")]),
    ("An IMF economist said the terms were harsh.",
     [("An IMF economist said", "attribution", "named")]),
    ('"The terms are harsh," said an IMF official.', [("said", "attribution", "named")]),
    ("An SNP MP said the vote had been rigged.", [("said", "attribution", "named")]),
    ("A nurse from the RCN said wards were full.", [("said", "attribution", "named")]),
    ("A BBC correspondent in Kyiv said the explosions were loud.",
     [("said", "attribution", "named")]),
    # (6) "everyone", "every" and a noun, "those" or a share of them that the writer spoke to:
    # vague, as "Everyone said" and "People I spoke to said" (1.36.28: named)
    ("Every shopkeeper I spoke to complained about business rates.",
     [("complained", "attribution", "vague")]),
    ("Everyone I spoke to said the same thing.", [("said", "attribution", "vague")]),
    ("Those I spoke to said the same thing.", [("said", "attribution", "vague")]),
    ("Some of those I spoke to said the same thing.", [("said", "attribution", "vague")]),
    ("Everyone we have spoken to also said the same.", [("said", "attribution", "vague")]),
    ("Everyone I spoke to in Leeds said the same.", [("said", "attribution", "vague")]),
    ("Those we talked to stressed the cost.", [("stressed", "attribution", "vague")]),
    ("Everyone said the same thing.", [("Everyone said", "attribution", "vague")]),
    ("People I spoke to said the same thing.",
     [("People I spoke to said", "attribution", "vague")]),
    # ... named as before: a name among the group's words, no subject, another subject
    ("Every Tesco worker I spoke to said the same.", [("said", "attribution", "named")]),
    ("He thanked everyone I spoke to and said goodbye.", [("said", "attribution", "named")]),
    ("Everyone I spoke to thinks the minister said it.",
     [("thinks", "attribution", "vague"), ("said", "attribution", "named")]),
    # a definite subject: vague since 1.36.29 (named in 1.36.28)
    ("The man I spoke to denied it.", [("denied", "attribution", "vague")]),
    # (7) the group after "one of" read as the phrase's noun: a lay noun's capitals and tail
    # place it, a trade's town too (1.36.28: named)
    ('"Too late," said one of the Arsenal fans.', [("said", "attribution", "vague")]),
    ('"We were robbed," said one of the fans at Anfield.', [("said", "attribution", "vague")]),
    ('"Prices are up," said one of the shoppers at Tesco.', [("said", "attribution", "vague")]),
    ('"We are exhausted," said one of the Leeds doctors.', [("said", "attribution", "vague")]),
    ('"We were scared," said one of the policemen at the scene.',
     [("said", "attribution", "vague")]),
    ('"We played well," said one of the Chelsea players.', [("said", "attribution", "named")]),
    ('"We are exhausted," said one of the Hull FC doctors.',
     [("said", "attribution", "named")]),
    ('"We are exhausted," said one of the NHS nurses.', [("said", "attribution", "named")]),
    ('"Sales are down," said one of the fans working for Sky.',
     [("said", "attribution", "named")]),
    # (8) a union of countries is a place, whatever the length of its initialism, as the EU is
    # (1.36.28: "ASEAN", five capitals, a name)
    ("An ASEAN diplomat said the talks had stalled.",
     [("An ASEAN diplomat said", "attribution", "vague")]),
    ('"The talks have stalled," said an ASEAN diplomat.', [("said", "attribution", "vague")]),
    ("ASEAN diplomats said the talks had stalled.",
     [("diplomats said", "attribution", "vague")]),
    ("A Mercosur negotiator said the deal was close.",
     [("A Mercosur negotiator said", "attribution", "vague")]),
    ("An EU diplomat said the talks had stalled.",
     [("An EU diplomat said", "attribution", "vague")]),
    ("The ASEAN Secretariat said the talks had stalled.", [("said", "attribution", "named")]),
    ("A NATO diplomat said the talks had stalled.",
     [("A NATO diplomat said", "attribution", "named")]),
    # (9) "advised" before a name after a quotation (no marker before); a partial quotation after
    # a copula, a preposition or a pronoun is the report's, not a verb's object (@QUOTEDOBJECT;
    # the fix of (2) as the review wrote it read them as objects: none)
    ('"Rest is vital," advised Dr Chris van Tulleken.',
     [("advised Dr", "attribution", "named")]),
    ('"Lock your doors," advised Detective Sergeant Paul Reid.',
     [("advised Detective", "attribution", "named")]),
    ('She typed "hi," added Tom\'s number and hit send.', []),
    ('He said "no," advised Tom to leave and walked out.', [("said", "attribution", "named")]),
    ("The doctor advised Tom to rest.", []),
    ('The decision was "deeply regrettable," added a spokesman.',
     [("added", "attribution", "vague")]),
    ('The decision was "deeply regrettable," added Smith.',
     [("added Smith", "attribution", "named")]),
    ('The mood was "sombre," advised a police spokesman.', [("advised", "attribution", "vague")]),
    ('They were fighting for "a fairer deal," added another.',
     [("added", "attribution", "vague")]),
    ('The club called it "a sad day," added a spokesman.',
     [("called it", "attribution", "named"), ("added", "attribution", "vague")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_28_REVIEW)
def test_readings_of_the_stance_1_36_28_review(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected


STANCE_1_36_28_SECOND_REVIEW = [
    # (A) a partial quotation before an inverted "added", "advised" is the report's unless a verb
    # that makes text takes it (@QUOTEDOBJECT; the first review read any lower-case word as such a
    # verb: none)
    ('The council had "failed the community," added one resident.',
     [("added", "attribution", "vague")]),
    ('It was a total "disgrace," added one resident.', [("added", "attribution", "vague")]),
    ('Prices will "keep rising," advised one economist.', [("advised", "attribution", "vague")]),
    ('The talks proved "difficult," added a diplomat.',
     [("proved", "booster", "verb"), ("added", "attribution", "vague")]),
    ('Residents branded the plans "a disgrace," added one councillor.',
     [("Residents branded", "attribution", "vague"), ("added", "attribution", "vague")]),
    ('The staff were all "heroes," added a nurse.', [("added", "attribution", "vague")]),
    ('She typed "yes," added a smiley and hit send.', []),
    ('He signed the card "Dad," added a kiss and sealed it.', []),
    ('She texted the words "on my way," added a heart and left.', []),
    ('She circled "urgent," added the date and handed it back.', []),
    ('He signed it "yours ever," added a postscript and sealed the envelope.', []),
    # (B) "told" before a name with an apostrophe, a possessive that modifies the audience, or
    # "apart from": an audience (the first review: none); a possessive before a narrative noun,
    # "apart" alone and "family stories" stay none
    ("He told O'Brien he would resign.", [("told", "attribution", "named")]),
    ("She told D'Souza that the deal was off.", [("told", "attribution", "named")]),
    ("He told O'Neill's family that the case was closed.", [("told", "attribution", "named")]),
    ("The chairman told residents' association members that the scheme would go ahead.",
     [("told", "attribution", "named")]),
    ("The head told parents' evening that class sizes would rise.",
     [("told", "attribution", "named")]),
    ("She told friends apart from her sister that she was leaving.",
     [("told", "attribution", "named")]),
    ("The exhibition told residents' stories of the 1953 flood.", []),
    ("The film told miners' lives in their own words.", []),
    ("He told friends apart by their voices.", []),
    ("Grandad told family stories every Christmas.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_28_SECOND_REVIEW)
def test_readings_of_the_stance_1_36_28_second_review(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected


def test_the_club_suffixes_list_holds_words_in_capitals() -> None:
    from pipeline.lexicon import read_word_list

    text = lexicon_path("club_suffixes.txt").read_text(encoding="utf-8")
    assert text.startswith("# version: ")
    words = read_word_list(lexicon_path("club_suffixes.txt"))
    assert words and len(words) == len(set(words))
    assert all(re.fullmatch(r"[A-Z]{2,6}", w) for w in words)


def test_stance_1_36_28_review_rules_match_in_linear_time() -> None:
    units = [
        "Everyone I spoke to said every shopkeeper I spoke to complained those we talked to ",
        'She typed "yes," added a smiley and sang "x," continued the decision was "y," added a ',
        "An IMF watcher said a UN observer said A NATO critic said an ASEAN diplomat said ",
        '"No," said one of the Arsenal fans at Anfield, said one of the Leeds doctors, said ',
        "Every " + " " * 400 + "shopkeeper I spoke " + " " * 400 + "to in Leeds said ",
        '"x," advised Dr Chris "y," advised Detective Sergeant Paul Reid "z," urges a ',
        "Grandad told family stories told residents' stories told friends apart told family ",
        'He typed "' + "a " * 200,
    ]
    assert_markers_in_time(units)
