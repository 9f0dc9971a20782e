from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import Paragraph
from pipeline.list_items import is_list_item
from pipeline.segment import sentences_of, word_tokens
from pipeline.segment_punkt import MAX_SENTENCE_CHARS
from tests.conftest import growth, segment_text


def assert_sentences(text: str, expected: list[str]) -> None:
    """``text`` segments into the ``expected`` sentences, each at its offsets in the clean text."""
    doc = segment_text(text)
    assert [s.text for s in doc.sentences] == expected
    assert all(doc.clean[s.start : s.end] == s.text for s in doc.sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Commerce Department acted. It was 2020.",
            ["The U.S. Commerce Department acted.", "It was 2020."],
        ),
        (
            "Dr. Smith met Mr. Jones at 3 p.m. on Friday.",
            ["Dr. Smith met Mr. Jones at 3 p.m. on Friday."],
        ),
        (
            "Use tools, e.g. Punkt, i.e. a model. Then stop.",
            ["Use tools, e.g. Punkt, i.e. a model.", "Then stop."],
        ),
        (
            "J. K. Rowling wrote it. Sales hit 3.5 million.",
            ["J. K. Rowling wrote it.", "Sales hit 3.5 million."],
        ),
        (
            "Revenue fell by $12 billion in 2022. Analysts noticed.",
            ["Revenue fell by $12 billion in 2022.", "Analysts noticed."],
        ),
        (
            "It must “support, assist, and cooperate.” This vague wording clashes.",
            ["It must “support, assist, and cooperate.”", "This vague wording clashes."],
        ),
        (
            "So, is there a middle ground? Some argue for it!",
            ["So, is there a middle ground?", "Some argue for it!"],
        ),
        (
            "The stakes are high—Huawei lost money. Then it recovered.",
            ["The stakes are high—Huawei lost money.", "Then it recovered."],
        ),
        (
            "a model at odds with the U.S.-led vision. Until then.",
            ["a model at odds with the U.S.-led vision.", "Until then."],
        ),
        # Chinese and Japanese: full-width sentence ends, not inside a quotation
        (
            "中国加强了合作。美国表示担忧！这是真的吗？",
            ["中国加强了合作。", "美国表示担忧！", "这是真的吗？"],
        ),
        ("他说：“合作很重要。”然后离开了。", ["他说：“合作很重要。”然后离开了。"]),
        ("他问：“真的吗？？”然后走了。", ["他问：“真的吗？？”然后走了。"]),  # a run of marks
        (
            "彼は「本当ですか？」と聞いた。そうです｡",
            ["彼は「本当ですか？」と聞いた。", "そうです｡"],
        ),
        (
            "Beijing said 合作很重要。 Washington disagreed. 真的吗？？ Yes.",
            ["Beijing said 合作很重要。", "Washington disagreed.", "真的吗？？", "Yes."],
        ),
        # list items are sentences, their markers included, with or without final punctuation
        (
            "Key points:\n- Sales rose by 40%\n- Exports fell\n• Prices rose. Then they fell.",
            ["Key points:", "- Sales rose by 40%", "- Exports fell", "• Prices rose.",
             "Then they fell."],
        ),
        ("Steps:\n1. Open the file\n2) Read it", ["Steps:", "1. Open the file", "2) Read it"]),
        ("Notes:\n- a long item\n  that wraps\n- another", ["Notes:", "- a long item\n  that wraps",
                                                             "- another"]),
        # a marked line inside a wrapped sentence is no list item
        (
            "It was signed after months of talks\n- and several false starts - in May. Next.",
            ["It was signed after months of talks\n- and several false starts - in May.",
             "Next."],
        ),
        ("They met on March\n3. It adjourned.", ["They met on March\n3.", "It adjourned."]),
        # Punkt leaves the last of a run of marks at the text's end alone: it is the sentence's
        ("Is oil going to the moon or what??", ["Is oil going to the moon or what??"]),
        ("Really? No!!", ["Really?", "No!!"]),
        # after an abbreviation, a frequent sentence starter starts a sentence (Punkt's
        # sentence-starter heuristic with sentence_starters.txt); a name or a numeral does not
        ("Shares of Apple Inc. The company said so.",
         ["Shares of Apple Inc.", "The company said so."]),
        ("Powell cuts in Sept. Maybe not. In the U.S. It fell.",
         ["Powell cuts in Sept.", "Maybe not.", "In the U.S.", "It fell."]),
        ("He met Mr. He Lifeng and Gen. He Weidong.",
         ["He met Mr. He Lifeng and Gen. He Weidong."]),
        ("Mr. Will Smith and Sen. Mark Warner met at Acme Corp. in Ohio.",
         ["Mr. Will Smith and Sen. Mark Warner met at Acme Corp. in Ohio."]),
        ("See Vol. I and Fig. 2 for details.", ["See Vol. I and Fig. 2 for details."]),
    ],
)  # fmt: skip
def test_sentences(text, expected):
    doc = segment_text(text)
    assert [s.text for s in doc.sentences] == expected


def test_headings_are_their_own_sentences():
    doc = segment_text("Strategic Objectives\n\nChina aims high. The objectives are clear.")
    assert [(s.text, s.is_heading, s.paragraph_id) for s in doc.sentences] == [
        ("Strategic Objectives", True, 1),
        ("China aims high.", False, 2),
        ("The objectives are clear.", False, 2),
    ]


def test_default_corpus_no_sentence_ends_in_us(default_corpus):
    for doc in default_corpus.values():
        for s in doc.sentences:
            assert not s.text.endswith("U.S."), s.text
            assert doc.clean[s.start : s.end] == s.text
    diplomacy = default_corpus["intelligence_diplomacy"]
    assert len([s for s in diplomacy.sentences if not s.is_heading]) == 34
    cooperation = default_corpus["intelligence_cooperation"]
    assert sum(s.is_heading for s in cooperation.sentences) == 12


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("China’s AI-driven 5G", ["China’s", "AI-driven", "5G"]),
        ("the U.S. and e.g. this", ["the", "U.S.", "and", "e.g.", "this"]),
        (
            "the U.S.-led vision, a U.S.-China deal",
            ["the", "U.S.-led", "vision", "a", "U.S.-China", "deal"],
        ),
        ("the U.S. - a model", ["the", "U.S.", "a", "model"]),
        ("$12 billion, 82% and 3.5", ["12", "billion", "82", "and", "3.5"]),
        ("“cyber sovereignty,”", ["cyber", "sovereignty"]),
    ],
)
def test_word_tokens(text, tokens):
    assert [t.text for t in word_tokens(text)] == tokens


def test_word_token_offsets_shift():
    toks = word_tokens("ab cd", offset=10)
    assert [(t.start, t.end) for t in toks] == [(10, 12), (13, 15)]


def test_long_line_without_punctuation_is_bounded():
    text = "word " * 20000
    doc = segment_text(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in doc.sentences)
    assert "".join(s.text.replace(" ", "") for s in doc.sentences) == text.replace(" ", "")


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400)


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None)
@given(_text)
def test_sentence_offsets_round_trip_and_do_not_overlap(text):
    para = Paragraph(1, 0, len(text), False)
    sents = sentences_of(text, [para], abbreviations=frozenset({"u.s"}))
    last_end = 0
    for s in sents:
        assert text[s.start : s.end] == s.text
        assert s.start >= last_end
        assert s.text == s.text.strip() and s.text
        last_end = s.end
    for s in sents:
        for t in word_tokens(s.text, offset=s.start):
            assert text[t.start : t.end] == t.text


def test_punkt_loads_without_all_of_nltk_and_nltk_still_imports_afterwards() -> None:
    """Chunk jobs import Punkt without NLTK's package init (which loads scipy and sklearn)."""
    import subprocess
    import sys
    from pathlib import Path

    code = """
import sys
from pipeline.segment import sentence_spans
text = "He went to the U.S. on Monday. Then Dr. Li left. It rained."
light = sentence_spans(text, abbreviations=frozenset({"u.s", "dr"}))
heavy = [m for m in ("scipy", "sklearn", "pandas") if m in sys.modules]
assert not heavy, heavy
assert not [m for m in sys.modules if m.startswith("nltk")]
import nltk
import nltk.tokenize.punkt as punkt
params = punkt.PunktParameters()
params.abbrev_types = {"u.s", "dr"}
assert list(punkt.PunktSentenceTokenizer(params).span_tokenize(text)) == light, light
assert callable(nltk.sent_tokenize)
print(light)
"""
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[(0, 30), (31, 48), (49, 59)]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company suffix or a place's initialism, then a quoted sentence: a new sentence
        ('Analysts at JPMorgan Chase & Co. "The question is whether demand holds," she said.',
         ["Analysts at JPMorgan Chase & Co.", '"The question is whether demand holds," she said.']),
        ("Shares of Apple Inc. “We see upside,” an analyst said.",
         ["Shares of Apple Inc.", "“We see upside,” an analyst said."]),
        ("Sales fell in the U.S. “Tariffs hurt us all. We will respond.",
         ["Sales fell in the U.S.", "“Tariffs hurt us all.", "We will respond."]),  # runs on
        ("The deal closed at 9 a.m. “We are pleased with it,” the CEO said.",
         ["The deal closed at 9 a.m.", "“We are pleased with it,” the CEO said."]),
    ],
)  # fmt: skip
def test_a_quoted_sentence_after_an_abbreviation_starts_a_sentence(text, expected):
    assert [s.text for s in segment_text(text).sentences] == expected


@pytest.mark.parametrize(
    "text",
    [
        'He said Sen. "Chuck" Grassley agreed.',  # a title before a name
        "He said Sen. “We must act now, and fast,” and left.",  # a title, whatever follows
        "Dr. “Dave” Lee and Gen. “The Hammer” Smith spoke.",
        'It is the U.S. "national security" exception.',  # a lower-case word in the quotation
        'It was added to the U.S. "Entity List" last year.',  # a name, no quoted sentence
        'It cited e.g. "The Art of War, revisited," and more.',  # a reference abbreviation
        'It is Acme Corp. "Best Value" brand.',  # two words, no punctuation inside
    ],
)
def test_a_quotation_after_a_title_or_in_a_sentence_goes_on(text):
    assert [s.text for s in segment_text(text).sentences] == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A school exclusion under A.A.C. R9-6-355 was applied to 286 students.",
         ["A school exclusion under A.A.C. R9-6-355 was applied to 286 students."]),
        ("It is under A.R.S. 15-841 now. It was applied.",
         ["It is under A.R.S. 15-841 now.", "It was applied."]),
        ("**Rachel T.** says: I agree with this. It is fine.",
         ["**Rachel T.** says: I agree with this.", "It is fine."]),
        ("__Rachel T.__ says: I agree.", ["__Rachel T.__ says: I agree."]),
        # near misses: a sentence's end before bold marks, a year after an initialism
        ("This is the end.** Next one here.", ["This is the end.", "** Next one here."]),
        ("It was the A.B.C. Next it rose.", ["It was the A.B.C.", "Next it rose."]),
    ],
)  # fmt: skip
def test_no_sentence_ends_at_an_initial_before_bold_or_an_initialism_before_a_code(text, expected):
    assert [s.text for s in segment_text(text).sentences] == expected


_pieces = st.lists(
    st.sampled_from(["Co.", "Inc.", "U.S.", "Sen.", '"The', "“We", "said,”", '"', "”", "T.**",
                     "**", "__", "A.A.C.", "R9-6-355", "15-841", "he", "said.", "it", " ", "\n",
                     "\n\n", "- ", "a.m.", "The", "end,", "x"]),
    max_size=40,
).map(" ".join)  # fmt: skip


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None)
@given(_pieces)
def test_offsets_round_trip_around_quotes_initials_and_codes(text):
    doc = segment_text(text) if text.strip() else None
    if doc is None:
        return
    last_end = 0
    for s in doc.sentences:
        assert doc.clean[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= last_end
        last_end = s.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a legal citation's full stops end no sentence (pipeline.citations)
        ("It vacated the injunction, 94 F. 4th 312, holding so. It is done.",
         ["It vacated the injunction, 94 F. 4th 312, holding so.", "It is done."]),
        ("See Pew, Teens 2024, p. 3. Ohio responded.", ["See Pew, Teens 2024, p. 3.",
                                                        "Ohio responded."]),
        ("1 NetRights v. Caldwell, 607 U.S. ___ (2026), slip op. at 14. It held.",
         ["1 NetRights v. Caldwell, 607 U.S. ___ (2026), slip op. at 14.", "It held."]),
        # a sentence that is only a page reference belongs to the one before it
        ("It is likely to fail that standard. Pp. 6–21.",
         ["It is likely to fail that standard. Pp. 6–21."]),
        ('It was used "almost constantly." Pp. 6–12.',
         ['It was used "almost constantly." Pp. 6–12.']),
        ("It was signed by John P. Smith. P. 7.", ["It was signed by John P. Smith. P. 7."]),
        # near misses: ordinary sentence ends still split
        ("It ends here. 5 people came.", ["It ends here.", "5 people came."]),
        ("It was the F. 5 fighter.", ["It was the F.", "5 fighter."]),
        ("He met P. 5 people came.", ["He met P.", "5 people came."]),
        ("Pp. 6-21. The next one.", ["Pp. 6-21.", "The next one."]),
        ("It was a photo op. At noon it ended.", ["It was a photo op.", "At noon it ended."]),
        # a footnote marker glued to a full stop ends the sentence it closes
        ("Platforms may keep data.1 At least 19 states act.",
         ["Platforms may keep data.1", "At least 19 states act."]),
        ("It exposed 2.2 million\nrecords.5 Critics argue so.",
         ["It exposed 2.2 million\nrecords.5", "Critics argue so."]),
        ('As he said."3 Then he left.', ['As he said."3', "Then he left."]),
        ("Firms in the U.S.12 “They left.”", ["Firms in the U.S.12", "“They left.”"]),
        # near misses: decimals, versions, section numbers, references, years, lower case
        ("Sales hit 3.5 Million units.", ["Sales hit 3.5 Million units."]),
        ("It shipped version 2.1 Beta today.", ["It shipped version 2.1 Beta today."]),
        ("See Section 4.2 The rules.", ["See Section 4.2 The rules."]),
        ("He was ranked No.1 Overall.", ["He was ranked No.1 Overall."]),
        ("Things were bad in 2019.2020 was worse.", ["Things were bad in 2019.2020 was worse."]),
        ("Keep the data.1 at a time.", ["Keep the data.1 at a time."]),
    ],
)  # fmt: skip
def test_citations_and_footnote_markers(text, expected):
    assert_sentences(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a temperature's "F." before a decimal or a number with a comma ends a sentence
        ("It reached 98 F. 1.5 million people sweltered.",
         ["It reached 98 F.", "1.5 million people sweltered."]),
        ("Temperatures hit 104 F. 2,000 homes lost power.",
         ["Temperatures hit 104 F.", "2,000 homes lost power."]),
        # no glued footnote marker after a single letter, a roman numeral or a currency
        ("A.1 Introduction", ["A.1 Introduction"]),
        ("See Appendix A.1 The results", ["See Appendix A.1 The results"]),
        ("Part II.3 The Board", ["Part II.3 The Board"]),
        ("The price was Rs.500 Crore", ["The price was Rs.500 Crore"]),
    ],
)  # fmt: skip
def test_temperatures_and_labels_are_no_citations_or_markers(text, expected):
    assert_sentences(text, expected)


@pytest.mark.parametrize("unit", ["Co. “A b c, ", "word.1 A "])
def test_long_paragraphs_of_cuts_segment_in_linear_time(unit):
    # 18 to 96 kB in one paragraph: 16 times as long at four times the length when each cut scans
    # all spans; a ratio, not a bound in seconds, which a loaded machine breaks (review 15)
    doc = segment_text(unit * 4000)
    assert all(doc.clean[s.start : s.end] == s.text for s in doc.sentences)
    assert growth(segment_text, unit * 2000, unit * 8000, repeats=3) < 8  # 4 linear, 16 quadratic


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("- Sales rose", True), ("• Sales rose", True), ("* Sales rose", True),
        ("– Sales rose", True), ("2. Sales rose", True), ("3) Sales rose", True),
        ("  - an indented item", True),
        # near misses: no space after the marker, a decimal, a long number, an em dash
        ("-Sales rose", False), ("2.5 percent rose", False), ("100. Sales rose", False),
        ("— Sales rose", False), ("Sales rose - and fell", False),
    ],
)  # fmt: skip
def test_list_item_markers_are_one_grammar_for_segment_and_voices(line, item):
    # review 14: pipeline.list_items is what the segmenter cuts at and what lead_in_items reads
    assert is_list_item(line) is item
    doc = segment_text(f"Critics say:\n{line}\n{line}")
    items = [s.text == line.strip() for s in doc.sentences[1:]]
    assert items == ([True, True] if item else [False] * len(items))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a spaced ellipsis marks words left out of a quotation: the sentence goes on
        (
            'A State may not "reduce the adult population . . . to reading only that." It stands.',
            ['A State may not "reduce the adult population . . . to reading only that."',
             "It stands."],
        ),
        # before a capital it may end a sentence
        ("He said it was over . . . The next day he returned.",
         ["He said it was over . . .", "The next day he returned."]),
    ],
)  # fmt: skip
def test_a_spaced_ellipsis_before_lower_case_ends_no_sentence(text, expected):
    assert [s.text for s in segment_text(text).sentences] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wiki's reference marks after a full stop close the sentence before them
        ("It was signed by China and Veloria.[1][2] It was the first.[3]",
         ["It was signed by China and Veloria.[1][2]", "It was the first.[3]"]),
        ("It was signed.[1–3] It held.", ["It was signed.[1–3]", "It held."]),
        # a cleanup mark is no sentence of its own, glued or spaced on the same line
        ("Partners had been slow to respond.[citation needed]\n\nMore.",
         ["Partners had been slow to respond.[citation needed]", "More."]),
        ("They were slow. [citation needed] Then it ended.",
         ["They were slow. [citation needed]", "Then it ended."]),
        ("Talks were secretive.[who?] They ended.", ["Talks were secretive.[who?]",
                                                     "They ended."]),
        # a superscript footnote number ends the sentence it closes, like "keep.1 At"
        ("It covers information sharing.¹ Western reactions were swift.",
         ["It covers information sharing.¹", "Western reactions were swift."]),
        # closing marks and a superscript number are no sentence of their own
        ("(“The sides agreed. They will act on sovereignty.”)³",
         ["(“The sides agreed.", "They will act on sovereignty.”)³"]),
        ("He said it.”³ Then he left.", ["He said it.”³", "Then he left."]),
        # a reference abbreviation before its number ends no sentence
        ("It makes Art. 9 more sensitive.", ["It makes Art. 9 more sensitive."]),
        ("Arts. 9 and 10 apply, see Sec. 5 and Ch. 2.",
         ["Arts. 9 and 10 apply, see Sec. 5 and Ch. 2."]),
        ("See para. 4 and paras. 12–14 of the report.",
         ["See para. 4 and paras. 12–14 of the report."]),
        # near misses: a list of references, a bracket in capitals, "art" and "sec" as words,
        # a single letter
        ("References.\n[1] Smith, J. A title.\n[2] Doe, K. Another.",
         ["References.", "[1] Smith, J. A title.", "[2] Doe, K. Another."]),
        ("He sat down.[Aside] Then he stood.", ["He sat down.", "[Aside] Then he stood."]),
        # a stage direction is removed at ingestion (pipeline.stage_directions)
        ("He sat down.[Laughter] Then he stood.", ["He sat down.", "Then he stood."]),
        ("Read it.[here](https://x.org) now.", ["Read it.", "[here](https://x.org) now."]),
        ("They love modern art. 5 people came.", ["They love modern art.", "5 people came."]),
        ("Wait 30 sec. Then go.", ["Wait 30 sec.", "Then go."]),
        ("It is a work of art. Critics agree.", ["It is a work of art.", "Critics agree."]),
        ("He met P. 5 people came.", ["He met P.", "5 people came."]),
        ("The total was 12.5 Million units.", ["The total was 12.5 Million units."]),
    ],
)  # fmt: skip
def test_reference_marks_superscripts_and_reference_abbreviations(text, expected):
    assert_sentences(text, expected)


@pytest.mark.parametrize("unit", ["word.[1] A ", "word.[1]", "word.¹ A ", "x.”)³ "])
def test_long_paragraphs_of_reference_marks_segment_in_linear_time(unit):
    """A paragraph four times as long takes about four times as long (a loop over all the spans
    for each cut, or a slice to the paragraph's end for each, makes it sixteen times): no bound in
    seconds, which a slower machine breaks and a mildly quadratic loop passes. A step of four, not
    two, leaves room for a loaded machine's noise (twice the length read 3.1 once under CI)."""
    doc = segment_text(unit * 4000)
    assert all(doc.clean[s.start : s.end] == s.text for s in doc.sentences)
    assert growth(segment_text, unit * 2000, unit * 8000) < 8  # 4 linear, 16 quadratic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an editor's insertion at the start of a quotation is no reference mark: the opening
        # quotation mark and the bracket stay with the quoted sentence
        ('The minister defended the plan. "[the deal] is the best we could possibly get for '
         'farmers," she said on Monday.',
         ["The minister defended the plan.",
          '"[the deal] is the best we could possibly get for farmers," she said on Monday.']),
        ('The talks went well, he said. "[we] will sign it next week," he added.',
         ["The talks went well, he said.", '"[we] will sign it next week," he added.']),
        # a spaced straight quotation mark opens the next quotation even before a mark
        ('He defended it. "[1] is the figure," she said.',
         ["He defended it.", '"[1] is the figure," she said.']),
        # near misses: a straight or curly quotation mark glued on closes the quotation
        ('He called it "a disgrace."[1] Others disagreed.',
         ['He called it "a disgrace."[1]', "Others disagreed."]),
        ("He called it “a disgrace.”[1] Others disagreed.",
         ["He called it “a disgrace.”[1]", "Others disagreed."]),
        ("Talks were slow. [dubious – discuss] They ended.",
         ["Talks were slow. [dubious – discuss]", "They ended."]),
        ("Talks were slow.[a] They ended.", ["Talks were slow.[a]", "They ended."]),
        ("Talks were slow.[note 3] They ended.", ["Talks were slow.[note 3]", "They ended."]),
    ],
)  # fmt: skip
def test_an_editors_insertion_is_no_reference_mark(text, expected):
    assert_sentences(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # audit G S3: a cleanup mark after a comma or a word ends no sentence
        ("Some analysts have argued that the wording of Article 7 would allow Chinese officials "
         "to access cable traffic metadata,[who?] although the text does not mention the cable "
         "explicitly.[9] Protests drew thousands.",
         ["Some analysts have argued that the wording of Article 7 would allow Chinese officials "
          "to access cable traffic metadata,[who?] although the text does not mention the cable "
          "explicitly.[9]", "Protests drew thousands."]),
        ("Some officials[who?] said the deal was bad.[3] Others disagreed.",
         ["Some officials[who?] said the deal was bad.[3]", "Others disagreed."]),
        # near misses: after a sentence's end the mark closes it
        ("It was secretive.[who?] Others disagreed.", ["It was secretive.[who?]",
                                                       "Others disagreed."]),
        ("Who signed it?[when?] Nobody knows.", ["Who signed it?[when?]", "Nobody knows."]),
        ("It was signed.[1][who?] Others disagreed.", ["It was signed.[1][who?]",
                                                       "Others disagreed."]),
    ],
)  # fmt: skip
def test_a_cleanup_mark_inside_a_sentence_ends_none(text, expected):
    doc = segment_text(text)
    assert [s.text for s in doc.sentences] == expected


def test_cleanup_marks_inside_sentences_segment_in_linear_time():
    unit = "a word,[who?] and more "
    doc = segment_text(unit * 4000)
    assert all(doc.clean[s.start : s.end] == s.text for s in doc.sentences)
    assert growth(segment_text, unit * 2000, unit * 8000) < 8  # 4 linear, 16 quadratic


def test_punkt_remembers_short_contexts_only() -> None:
    """The sentence-break test of a context is cached, but a long unbroken run is not kept."""
    from pipeline.segment_punkt import MAX_CACHED_CONTEXT, sentence_tokenizer

    tokenizer = sentence_tokenizer(frozenset())
    test = tokenizer.text_contains_sentbreak
    long_run = "x" * (MAX_CACHED_CONTEXT + 50) + ". The"
    assert test("region. The") is test("region. The")
    assert test(long_run) == test(long_run)
    info = test.__closure__  # the lru_cache sits in the wrapper's closure
    cached = next(c.cell_contents for c in info if hasattr(c.cell_contents, "cache_info"))
    assert cached.cache_info().currsize == 1  # "region. The" only


def test_a_chinese_or_japanese_paragraph_is_body_text_not_a_heading():
    """A robustness probe: 30 Chinese paragraphs ending in "。" gave 3 sentences and 4 words, as
    each read as a heading (no terminal punctuation of the Latin kind) and headings count in no
    per-document figure."""
    text = "中国政府周二宣布了一项新政策。批评者认为这项政策代价高昂。\n\n" * 3 + "東京は晴れです！"
    doc = segment_text("Policy news\n\n" + text)
    assert [(s.text, s.is_heading) for s in doc.sentences] == [
        ("Policy news", True),
        *[("中国政府周二宣布了一项新政策。", False), ("批评者认为这项政策代价高昂。", False)] * 3,
        ("東京は晴れです！", False),
    ]


def test_a_threads_posts_are_body_sentences_not_headings():
    """A walkthrough of social-media threads: a post of 15 words or fewer that ends in an emoji,
    a hashtag or a link had no final punctuation, so the whole post was a heading and left out
    of every count (about a quarter of the threads' words)."""
    text = (
        "1/ Kids love the app. Creators make money on it. A ban hurts them. 😢\n\n"
        "2/ Is it safe? 🤔\n\n3/ Nobody asked us #AI #China\n\n"
        "Cyber Security 🔒\n\nRegulators must act now."
    )
    doc = segment_text(text)
    headings = [s.text for s in doc.sentences if s.is_heading]
    assert headings == ["Cyber Security 🔒"]  # a title with an emoji stays a heading
    assert [s.text for s in doc.sentences][:4] == [
        "1/ Kids love the app.", "Creators make money on it.", "A ban hurts them. 😢",
        "2/ Is it safe? 🤔",
    ]  # fmt: skip


def test_a_threads_post_counters_are_no_words():
    """A walkthrough of threads: a post's counter ("1/", "3/12") numbers the post as a label
    names a speaker: no word, no term, no readability word. "24/7" opening a paragraph of a
    text that is no thread keeps its words, and so does a counter inside a sentence."""
    from pipeline.readability import body_lines

    doc = segment_text(
        "Thread on the new AI rules\n\n1/ The rules start next year. Firms worry.\n\n"
        "2/ Critics argue fines are small. 🤔\n\n3/12 Prices may rise 1/3 by 2027."
    )
    words = [[t.text for t in ts] for ts in doc.tokens]
    assert words[1:] == [
        ["The", "rules", "start", "next", "year"], ["Firms", "worry"],
        ["Critics", "argue", "fines", "are", "small"],
        ["Prices", "may", "rise", "1", "3", "by", "2027"],
    ]  # fmt: skip
    assert body_lines(doc)[0] == "The rules start next year."
    assert body_lines(doc)[3] == "Prices may rise 1/3 by 2027."
    for ts in doc.tokens:
        assert all(doc.clean[t.start : t.end] == t.text for t in ts)
    # a recipe's fractions are no thread ("1/2 cup", "2/3 cup": the totals differ), a shared
    # total is ("1/12", "2/12")
    recipe = segment_text("Pancakes\n\n1/2 cup flour goes in first.\n\n2/3 cup milk follows.")
    assert [t.text for t in recipe.tokens[1]][:3] == ["1", "2", "cup"]
    numbered = segment_text("1/12 The board met.\n\n2/12 It voted.")
    assert [[t.text for t in ts] for ts in numbered.tokens] == [
        ["The", "board", "met"],
        ["It", "voted"],
    ]
    plain = segment_text("24/7 support is here.\n\n1/ We answer every call.")
    assert [t.text for t in plain.tokens[0]][:2] == ["24", "7"]
    assert [t.text for t in plain.tokens[1]][:1] == ["1"]  # no post 2: no thread


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a footnote's superscript or a wiki's reference mark is no word (it had made the term
        # "adoption.¹" and the readability word "adoption¹", and "2022.[2]" two words)
        ("Adoption rose in 2022.[2] It fell.", ["Adoption", "rose", "in", "2022", "It", "fell"]),
        ("The adoption.¹ Then work.²", ["The", "adoption", "Then", "work"]),
        ("It was clear.[citation needed]", ["It", "was", "clear"]),
        # a Markdown footnote's mark closes the sentence before it and is no word
        ("DeepSeek grew fast.[^1] Its app led.", ["DeepSeek", "grew", "fast", "Its", "app", "led"]),
        # an editor's insertion keeps its words
        ('He said "[the deal] is done".', ["He", "said", "the", "deal", "is", "done"]),
    ],
)
def test_note_marks_are_no_words(text, words):
    doc = segment_text(text)
    assert [t.text for ts in doc.tokens for t in ts] == words
    for ts in doc.tokens:
        assert all(doc.clean[t.start : t.end] == t.text for t in ts)


def test_a_markdown_footnote_is_no_sentence_nor_figure():
    """A walkthrough of policy briefs: "[^1]" moved to the start of the next sentence, its
    definition line "[^1]: ..." stayed a body sentence, and both "1"s were figures."""
    from pipeline.stance import StanceStage

    text = (
        "DeepSeek grew fast.[^1] Its app led the charts.\n\n"
        "[^1]: Alibaba Cloud, press release, November 2024."
    )
    doc = segment_text(text)
    assert [s.text for s in doc.sentences] == ["DeepSeek grew fast.[^1]", "Its app led the charts."]
    assert StanceStage().analyse(doc).tables["figures"] == []


def test_a_markdown_footnotes_continuation_goes_with_its_definition():
    """A reproducibility audit: a footnote's definition went, but its continuation lines (lazy,
    in its paragraph, or in indented paragraphs after it) stayed body sentences. A paragraph
    after a note that is not indented stays, and so do lines before a definition."""
    from pipeline.ingest import clean_document
    from pipeline.ingest_boilerplate import load_boilerplate_patterns

    text = (
        "DeepSeek grew fast.[^1] Its app led.[^2]\n\n"
        "[^1]: Alibaba Cloud, press release,\nNovember 2024, a long line that goes on.\n"
        "[^2]: Company filing, 2025.\n\n"
        "    Its indented second paragraph.\n\n"
        "Prices rose again this year.\n\n"
        "[^3]: A third note."
    )
    doc = segment_text(text)
    assert [s.text for s in doc.sentences] == [
        "DeepSeek grew fast.[^1]", "Its app led.[^2]", "Prices rose again this year."
    ]  # fmt: skip
    removed = clean_document("d", text.encode(), patterns=load_boilerplate_patterns()).boilerplate
    assert [row["line"] for row in removed] == [
        "[^1]: Alibaba Cloud, press release,", "November 2024, a long line that goes on.",
        "[^2]: Company filing, 2025.", "Its indented second paragraph.", "[^3]: A third note.",
    ]  # fmt: skip


def test_a_lone_counter_like_heading_stays_a_heading_and_a_post_tail_is_linear():
    """A review: "24/7 Support" or "9/11 Commission Findings" alone is a heading (posts need two
    counters), and the social tail's pattern is linear on a run of emoji before a word (it
    had backtracked exponentially: 3 s at 24 emoji)."""
    import time

    doc = segment_text(
        "24/7 Support\n\nWe answer every call.\n\n9/11 Commission Findings\n\nIt met."
    )
    assert [s.text for s in doc.sentences if s.is_heading] == [
        "24/7 Support", "9/11 Commission Findings"
    ]  # fmt: skip
    start = time.process_time()
    segment_text("What a day " + "🔥" * 2000 + " lol\n\nMore text here.")
    assert time.process_time() - start < 5.0
    assert [t.text for ts in segment_text("The x²y term.").tokens for t in ts] == [
        "The",
        "x²y",
        "term",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reporting clause after a quoted question or exclamation is part of its sentence
        ('"Who is there?" said a man. He left.', ['"Who is there?" said a man.', "He left."]),
        ("“Get out!” she shouted.", ["“Get out!” she shouted."]),
        ("'Why not?' asked the minister.", ["'Why not?' asked the minister."]),
        ('"Are you sure?!" he asked.', ['"Are you sure?!" he asked.']),
        ("“Why not?” asked Jane, “when it costs so little?” she added.",
         ["“Why not?” asked Jane, “when it costs so little?” she added."]),
        # ... or a reporting clause led by a name: up to four capitalised words, a reporting verb
        # and a punctuation mark or the end
        ('"Where were the inspectors?" Mrs Patel asked. She left.',
         ['"Where were the inspectors?" Mrs Patel asked.', "She left."]),
        ('"Stop the count!" Mr Briggs shouted, banging the table.',
         ['"Stop the count!" Mr Briggs shouted, banging the table.']),
        ('"Is it?" Dr. Jane Smith asked.', ['"Is it?" Dr. Jane Smith asked.']),
        ("“Why now?” Ferguson muttered", ["“Why now?” Ferguson muttered"]),
        # ... with one word of "# after the verb" or an adverb in -ly after the verb, and name
        # particles inside the name (reporting_clauses.txt 1.2.0)
        ('"Why?" Mrs Patel asked again.', ['"Why?" Mrs Patel asked again.']),
        ('"Is it true?" Smith asked yesterday. He left.',
         ['"Is it true?" Smith asked yesterday.', "He left."]),
        ('"Get out!" Mr Briggs shouted angrily.', ['"Get out!" Mr Briggs shouted angrily.']),
        ('"Why?" Ursula von der Leyen asked.', ['"Why?" Ursula von der Leyen asked.']),
        ('"Non!" Charles de Gaulle replied, again.', ['"Non!" Charles de Gaulle replied, again.']),
        ('"Why?" Smith said yesterday the report was false.',
         ['"Why?"', "Smith said yesterday the report was false."]),
        ('"Is it?" Smith asked nothing.', ['"Is it?"', "Smith asked nothing."]),
        ('"Why?" Smith asked fly.', ['"Why?"', "Smith asked fly."]),
        ('"Goal!" Liverpool scored quickly.', ['"Goal!"', "Liverpool scored quickly."]),
        ('"Why?" Everyone asked again.', ['"Why?"', "Everyone asked again."]),
        ('"Why?" Ursula von asked.', ['"Why?"', "Ursula von asked."]),
        # ... not a clause that goes on after its verb, nor one whose verb reports nothing, nor
        # one led by a function word or a word that opens a sentence of its own
        ('"Why not?" Trump said the deal was dead.',
         ['"Why not?"', "Trump said the deal was dead."]),
        ('"Goal!" Liverpool scored again.', ['"Goal!"', "Liverpool scored again."]),
        ('"Why?" The minister asked.', ['"Why?"', "The minister asked."]),
        ('"Is it over?" Everyone laughed.', ['"Is it over?"', "Everyone laughed."]),
        ('"Really?" Nobody said.', ['"Really?"', "Nobody said."]),
        ('"Any news?" Yesterday Smith said: "No."', ['"Any news?"', 'Yesterday Smith said: "No."']),
        ('"Help!" Suddenly Smith shouted.', ['"Help!"', "Suddenly Smith shouted."]),
        ('The headline read "Crisis!" Analysts said, however, that it was over.',
         ['The headline read "Crisis!"', "Analysts said, however, that it was over."]),
        ('"Why?" Smith asked. "Why?" Jones asked.', ['"Why?" Smith asked.', '"Why?" Jones asked.']),
        # ... not a capital, a number or a word with a capital in it after it; not an unquoted "?"
        ('"Who is there?" Nobody answered.', ['"Who is there?"', "Nobody answered."]),
        ('"Really?" iPhone sales fell.', ['"Really?"', "iPhone sales fell."]),
        ('"No!" 3 people shouted.', ['"No!"', "3 people shouted."]),
        ("Is it? he wondered.", ["Is it?", "he wondered."]),
        ("“Why?” “Because.”", ["“Why?”", "“Because.”"]),
        ('He asked: "Why?" She smiled.', ['He asked: "Why?"', "She smiled."]),
        # ... nor a clause after a quotation with its own frame (a verb or a colon before it):
        # another speaker's answer (seg-review, 2026-12-06); after a comma it is the frame
        ('A reporter shouted "Will you resign?" Johnson answered calmly.',
         ['A reporter shouted "Will you resign?"', "Johnson answered calmly."]),
        ('The survey item read "Do you trust the police?" Respondents answered anonymously.',
         ['The survey item read "Do you trust the police?"', "Respondents answered anonymously."]),
        ('The host asked "Any final words?" Obama replied, smiling.',
         ['The host asked "Any final words?"', "Obama replied, smiling."]),
        ('She said: "Why?" Mrs Patel asked again.', ['She said: "Why?"', "Mrs Patel asked again."]),
        ('Asked if he would quit, "Never!" Johnson said.',
         ['Asked if he would quit, "Never!" Johnson said.']),
        ("'Who's there?' Ahmed asked again.", ["'Who's there?' Ahmed asked again."]),
        ("—“Why?” Smith asked again.", ["—“Why?” Smith asked again."]),
        ('"I am tired. Why bother?" Smith asked again.',
         ['"I am tired.', 'Why bother?" Smith asked again.']),
        ('A reporter shouted "You lied. Will you resign?" Johnson answered calmly.',
         ['A reporter shouted "You lied.', 'Will you resign?"', "Johnson answered calmly."]),
        # ... an object after "asked" (an audience, or a determiner and one or two words) and a
        # name's particle with a hyphen (reporting_clauses.txt 1.3.0)
        ('"Why now?" Mrs Patel asked reporters. She left.',
         ['"Why now?" Mrs Patel asked reporters.', "She left."]),
        ('"Is it over?" Wang asked the minister.', ['"Is it over?" Wang asked the minister.']),
        ('"Is it?" Wang asked the Prime Minister again.',
         ['"Is it?" Wang asked the Prime Minister again.']),
        ('"Really?" Smith asked her colleague.', ['"Really?" Smith asked her colleague.']),
        ('"Where is he?" al-Sadr asked.', ['"Where is he?" al-Sadr asked.']),
        ('"Why?" Smith said reporters.', ['"Why?"', "Smith said reporters."]),
        ('"Why?" Smith asked the court to delay the trial.',
         ['"Why?"', "Smith asked the court to delay the trial."]),
        ('"Why?" Smith asked the three big banks.', ['"Why?"', "Smith asked the three big banks."]),
        ('"Why?" al-Sadr said the deal was dead.', ['"Why?"', "al-Sadr said the deal was dead."]),
        # ... nor a word in -ly that is no adverb after the verb
        ('"Sold out!" Amazon adds supply.', ['"Sold out!"', "Amazon adds supply."]),
        ('"Why?" Hamas demands assembly.', ['"Why?"', "Hamas demands assembly."]),
    ],
)  # fmt: skip
def test_a_reporting_clause_after_a_quoted_question_is_in_its_sentence(text, expected):
    assert_sentences(text, expected)


@pytest.mark.parametrize(
    "unit",
    [
        '"Who is there?" said a man. ',
        '"Who is there?" Mrs Patel asked. ',
        '"Why?" Ursula von der Leyen asked again. ',
        '"Is it over?" al-Sadr asked the prime minister again. ',
    ],
)
def test_reporting_clauses_after_quoted_questions_segment_in_linear_time(unit):
    assert growth(segment_text, unit * 2000, unit * 8000) < 8  # 4 linear, 16 quadratic
    assert len(segment_text(unit * 100).sentences) == 100


def test_the_reporting_clause_word_lists_are_lower_case_sections():
    from pipeline.lexicon import listed_section
    from pipeline.segment_punkt import AFTER_CLAUSE_VERB, CLAUSE_VERBS, NO_SPEAKER

    particles = listed_section("reporting_clauses.txt", "# name particles")
    assert {"said", "asked", "shouted"} <= CLAUSE_VERBS
    assert {"nobody", "everyone", "the"} <= NO_SPEAKER
    assert {"again", "yesterday"} <= AFTER_CLAUSE_VERB and {"von", "de"} <= particles
    assert not CLAUSE_VERBS & NO_SPEAKER and not CLAUSE_VERBS & AFTER_CLAUSE_VERB
    from pipeline.segment_punkt import NOT_ADVERBS

    assert all(w.endswith("ly") and len(w) >= 5 for w in NOT_ADVERBS)
    words = CLAUSE_VERBS | NO_SPEAKER | AFTER_CLAUSE_VERB | particles | NOT_ADVERBS
    assert all(w == w.lower() and w.isalpha() for w in words)
