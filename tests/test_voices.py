"""Speakers' turns that go on over several paragraphs (pipeline.voices.speaker_turns)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pytest

from pipeline.voices import (
    REFERENCE_MARK,
    answers_to_interviewer,
    continued_turns,
    is_question,
    quoted_sentence_ids,
    speaker_label,
    speaker_label_ends,
    speaker_turns,
)
from pipeline.voices_sourcing import borrowed_sourcing, lead_in_items
from tests.conftest import segment_text


def labels_by_paragraph(text: str) -> list[str | None]:
    """Each paragraph's speaker, in text order (None: the writer's)."""
    doc = segment_text(text)
    turns = speaker_turns(doc.sentences)
    paragraphs = dict.fromkeys(s.paragraph_id for s in doc.sentences)
    return [turns.get(pid) for pid in paragraphs]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a hearing: each speaker's second paragraph is still theirs
        (
            "SEN. SMITH: Should people worry?\n\nI ask because costs rose.\n\n"
            "MR. PICHAI: No. We compete.\n\nWe hire more people every year.\n\nSEN. SMITH: Why?",
            ["SEN. SMITH", "SEN. SMITH", "MR. PICHAI", "MR. PICHAI", "SEN. SMITH"],
        ),
        # an interview whose answers run over paragraphs, to the end of the text
        (
            "Q: Will prices rise?\n\nA: I think so.\n\nIt is fair.\n\nQ: Why?\n\nA: Costs.\n\n"
            "And wages.",
            ["Q", "A", "A", "Q", "A", "A"],
        ),
        # a heading ends a turn
        (
            "Q: Will prices rise?\n\nA: I think so.\n\nIt is fair.\n\nQ: Why?\n\nA: Costs.\n\n"
            "Analysis\n\nThe writer speaks again.",
            ["Q", "A", "A", "Q", "A", None, None],
        ),
        # "Q." and "A." labels
        (
            "Intro.\n\nQ. Will prices rise?\n\nA. Yes, they will.\n\nThey must.\n\nQ. Why?",
            [None, "Q", "A", "A", "Q"],
        ),
    ],
)
def test_a_turn_goes_on_until_the_next_label_or_a_heading(text, labels):
    assert labels_by_paragraph(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # an interview section in an article: the article's paragraphs after it stay the writer's
        (
            "Intro.\n\nQ: Will prices rise?\n\nA: I think so.\n\nThe article goes on.\n\n"
            "Prices rose.",
            [None, "Q", "A", None, None],
        ),
        # one "Q:" line: no transcript, nothing goes on
        ("Q: Will prices rise?\n\nPrices rose.\n\nThey did.", ["Q", None, None]),
        # turns of one paragraph each: a run after the last one is longer than any between
        (
            "SEN. SMITH: Why?\n\nMR. PICHAI: We compete.\n\nSEN. SMITH: When?\n\n"
            "The hearing ended at noon.\n\nShares rose.",
            ["SEN. SMITH", "MR. PICHAI", "SEN. SMITH", None, None],
        ),
        # turns of two paragraphs, then three paragraphs of the article: too long for a turn
        (
            "Q: Why?\n\nA: Costs.\n\nAnd wages.\n\nQ: When?\n\nA: Soon.\n\n"
            "The talks went on.\n\nPrices rose.\n\nShares fell.",
            ["Q", "A", "A", "Q", "A", None, None, None],
        ),
        # the paragraphs before the first label are the writer's
        ("Intro.\n\nMore intro.\n\nQ: Why?\n\nA: Costs.", [None, None, "Q", "A"]),
        # a Q/A box in an article: the article goes on, reporting in the third person
        (
            "The rules took effect on Monday.\n\nQ: Will the rules work?\n\nA: Partly.\n\n"
            "They will slow China down.\n\nBut not for long.\n\nQ: And then?\n\n"
            "A: We will see.\n\nIndustry groups said they would sue.\n\n"
            "Shares of Nvidia fell 3%.",
            [None, "Q", "A", "A", "A", "Q", "A", None, None],
        ),
        (
            "Q: Will the rules work?\n\nA: Partly.\n\nThey will slow China down.\n\n"
            "Q: And then?\n\nA: We will see.\n\nShares fell, according to Reuters.",
            ["Q", "A", "A", "Q", "A", None],
        ),
        # a transcript whose last speaker talks over three paragraphs: still the speaker's,
        # "I said" and "we told" are no writer's reporting
        (
            "SEN. SMITH: Should people worry?\n\nI ask because costs rose.\n\n"
            "And prices too.\n\nMR. PICHAI: No.\n\nSEN. SMITH: Why?\n\n"
            "MR. PICHAI: As I said, we compete.\n\nWe told our staff so.\n\n"
            "And we hire more people every year.",
            ["SEN. SMITH"] * 3 + ["MR. PICHAI", "SEN. SMITH"] + ["MR. PICHAI"] * 3,
        ),
    ],
)
def test_the_writers_paragraphs_after_an_interview_stay_the_writers(text, labels):
    assert labels_by_paragraph(text) == labels


def test_a_continued_turn_is_the_speakers_words_and_no_question_of_the_writer():
    doc = segment_text(
        "SEN. SMITH: Should people worry?\n\nMR. PICHAI: No.\n\nWill it last? Yes.\n\n"
        "SEN. SMITH: Why?"
    )
    quoted = quoted_sentence_ids(doc.sentences)
    assert [s.text for s in doc.sentences if s.sent_id in quoted] == [
        "SEN. SMITH: Should people worry?",
        "MR. PICHAI: No.",
        "Will it last?",
        "Yes.",
        "SEN. SMITH: Why?",
    ]


@pytest.mark.parametrize(
    ("paragraphs", "turns", "expected"),
    [
        # paragraph id -> is a heading; ids need not be consecutive
        ({1: False, 2: False, 4: False}, {1: "A", 4: "B"}, {1: "A", 2: "A", 4: "B"}),
        ({1: False, 2: True, 3: False, 4: False}, {1: "A", 4: "B"}, {1: "A", 4: "B"}),
        ({1: False, 2: False, 3: False}, {1: "A", 2: "B"}, {1: "A", 2: "B"}),
        # a closing run with the writer's reporting (paragraph 4) is not the speaker's
        ({k: False for k in range(1, 5)}, {1: "A", 3: "B"}, {1: "A", 2: "A", 3: "B"}),
    ],
)
def test_continued_turns(paragraphs, turns, expected):
    out = continued_turns(paragraphs, turns, reporting={4})
    assert out == expected
    assert list(out) == sorted(out)  # in text order


def test_a_hosts_turns_are_the_programmes_own_voice():
    text = (
        "HOST: Welcome back. Cases rose 20% this year, the agency says.\n\n"
        "LENA FISCHER: The ruling changes a lot. We saw 12 cases.\n\n"
        "HOST: Why?\n\n"
        "LENA FISCHER: Because vendors charge per check."
    )
    doc = segment_text(text)
    quoted = quoted_sentence_ids(doc.sentences)
    assert [s.text for s in doc.sentences if s.sent_id in quoted] == [
        "LENA FISCHER: The ruling changes a lot.",
        "We saw 12 cases.",
        "LENA FISCHER: Because vendors charge per check.",
    ]


HANSARD = (
    "Veloria–China Cyber-Security Agreement\n\n"
    "Mr Tobias Hale (Northfield) (Con) (Urgent Question): To ask the Secretary of State if he "
    "will make a statement.\n\n"
    "The Minister for Security (Dame Helen Marsh): I thank my hon. Friend for his question.\n\n"
    "Mr Hale: Some 40% of the traffic lands in Veloria. What assurance can she give?\n\n"
    "Dame Helen Marsh: We keep all arrangements under review.\n\n"
    "Fiona McAlister (Glasgow Kelvinbridge) (SNP): Will she publish an assessment?\n\n"
    "Hon. Members: Hear, hear!\n\n"
    "Mr Speaker: Order.\n\n"
    "Dame Helen Marsh: It has trained 312 officials."
)


def test_a_parliamentary_records_labels_in_mixed_case_are_turns():
    assert labels_by_paragraph(HANSARD) == [
        None,
        "MR TOBIAS HALE (NORTHFIELD) (CON) (URGENT QUESTION)",
        "THE MINISTER FOR SECURITY (DAME HELEN MARSH)",
        "MR HALE",
        "DAME HELEN MARSH",
        "FIONA MCALISTER (GLASGOW KELVINBRIDGE) (SNP)",
        "HON. MEMBERS",
        "MR SPEAKER",
        "DAME HELEN MARSH",
    ]
    doc = segment_text(HANSARD)
    ends = speaker_label_ends(doc.sentences)
    labels = [
        doc.clean[s.start : ends[s.sent_id]].rstrip() for s in doc.sentences if s.sent_id in ends
    ]
    assert labels[:3] == [
        "Mr Tobias Hale (Northfield) (Con) (Urgent Question):",
        "The Minister for Security (Dame Helen Marsh):",
        "Mr Hale:",
    ]
    assert len(labels) == 8


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Mr Hale: Why?", "MR HALE"),
        ("Dame Helen Marsh: Yes.", "DAME HELEN MARSH"),
        ("Hon. Members: Hear, hear!", "HON. MEMBERS"),
        ("The Secretary of State for Foreign, Commonwealth and Development Affairs (Mr Lammy): "
         "No.", "THE SECRETARY OF STATE FOR FOREIGN, COMMONWEALTH AND DEVELOPMENT AFFAIRS (MR "
         "LAMMY)"),
        ("Tom Ashworth (Wells and Mendip Hills) (LD): It is.", "TOM ASHWORTH (WELLS AND MENDIP "
         "HILLS) (LD)"),
        ("Deputy Mary Lou McDonald: No.", "DEPUTY MARY LOU MCDONALD"),
        ("SEN. SMITH: Why?", "SEN. SMITH"),
        # prose with a colon: no speaker
        ("Why it matters: Veloria hosts cables.", None),
        ("The bottom line: nobody knows.", None),
        ("Note: figures are rounded.", None),
        ("Read more: the full text.", None),
        ("Update: the vote passed.", None),
        ("Dr Smith said: it works.", None),
        ("Mr: a title.", None),
        ("Veloria (VL): a country.", None),
        # a transcript's time code before the label is the label's ("[14:02:15] Mr Hale:");
        # a live blog's "12:30 PM:" or "09:15 GMT:" is a time, no speaker
        ("[14:02:15] Daniel Ferris (Sovereignty): The Bill.", "DANIEL FERRIS (SOVEREIGNTY)"),
        ("(00:01:22.5) ANNA LOWE: Yes.", "ANNA LOWE"),
        ("14:02 Mr Hale: Why?", "MR HALE"),
        ("[1:02:03] Q: Will prices rise?", "Q"),
        ("12:30 PM: The vote passed.", None),
        ("09:15 GMT: Markets open.", None),
        # any zone of time_zones.txt (a review: "AEST", "IST", "MSK" had become speakers)
        ("08:00 AEST: Markets open.", None),
        ("12:30 IST: The count began.", None),
        ("[14:02] HOST: Welcome back.", "HOST"),
        # a bracketed code is a transcript's: a zone's letters are a speaker there
        ("[14:02] CAT: I disagree.", "CAT"),
        ("(14:02) WEST: I disagree.", "WEST"),
        # a label whose words went with a stage direction ("MS LOWE: (Applause)")
        ("MS LOWE:", "MS LOWE"),
        ("[14:02] Note: figures are rounded.", None),
    ],
)  # fmt: skip
def test_speaker_label(text, label):
    found = speaker_label(text)
    assert (found and found[0]) == label


@pytest.mark.parametrize(
    "label", ["Why it matters", "The bottom line", "Note", "Read more", "Update", "Background"]
)
def test_prose_labels_in_mixed_case_are_no_turns_even_when_repeated(label):
    text = f"Intro.\n\n{label}: one thing.\n\nMore.\n\n{label}: another thing.\n\nEnd."
    assert labels_by_paragraph(text) == [None] * 5


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a label on the text's first line that opens no other paragraph is a title's
        ("EXCLUSIVE: China signs a pact with Veloria.\n\nSEN. SMITH: Why?\n\n"
         "MR. PICHAI: Costs.\n\nSEN. SMITH: When?",
         [None, "SEN. SMITH", "MR. PICHAI", "SEN. SMITH"]),
        # near misses: a first speaker who speaks again, an interview's first question
        ("SEN. SMITH: Why now.\n\nMR. PICHAI: Costs.\n\nSEN. SMITH: When?",
         ["SEN. SMITH", "MR. PICHAI", "SEN. SMITH"]),
        ("Q: Will prices rise.\n\nA: Yes.", ["Q", "A"]),
    ],
)  # fmt: skip
def test_a_label_on_the_first_line_is_a_turn_only_when_it_comes_again(text, labels):
    assert labels_by_paragraph(text) == labels


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Some commentators have described the talks as secretive.[who?]", False),
        ("They were slow.[citation needed]", False),
        ("Was it secret?[1]", True),
        ("Was it secret? [2][3]", True),
        ("Was it secret?", True),
        ("He asked (why?)", True),
    ],
)
def test_a_wikis_cleanup_mark_asks_no_question(text, question):
    assert is_question(text) is question


NEWS_QUOTING_TWICE = (
    "The summit ended without a deal on Friday, officials said.\n\n"
    'Mr Trump: "We will win this, believe me." He repeated the line at a rally later.\n\n'
    "Analysts said the remarks would unsettle markets. Oil prices fell 3% on the news, and "
    "could fall further.\n\n"
    'Mr Trump: "Nobody has done more for farmers." The claim is false, according to USDA '
    "data.\n\n"
    "Is the White House listening? It did not respond to a request for comment."
)


@pytest.mark.parametrize(
    "text",
    [
        NEWS_QUOTING_TWICE,
        # a profile's headline-style colons, in lower case after the label
        "Dr Smith: a profile of the scientist who changed the debate.\n\n"
        "She grew up in Leeds and studied physics.\n\n"
        "Dr Smith: the early years were hard, colleagues say.\n\n"
        "Critics said her models were too pessimistic.",
        # one label in mixed case, twice: a news story's device, not a record of a debate
        "Justice Department: The agency said it would appeal the ruling on Monday.\n\n"
        "The judge found the policy unlawful. Lawyers for the plaintiffs welcomed it.\n\n"
        "Justice Department: A spokesman declined to comment further.\n\n"
        "Civil rights groups said the ruling was a victory.",
        "The Minister for Finance: a career in numbers, reviewed.\n\n"
        "The Minister for Finance: she has held the post since 2019, and critics say she has "
        "cut spending deeply.\n\nThe opposition said the budget was cruel.",
        "Key terms used in this report.\n\n"
        "World Health Organization (WHO): the UN agency for public health.\n\n"
        "European Union (EU): a union of 27 member states.\n\n"
        "World Health Organization (WHO): see above.\n\nOfficials said it was provisional.",
    ],
)
def test_labels_in_mixed_case_outside_a_transcript_are_no_turns(text):
    doc = segment_text(text)
    assert all(label is None for label in labels_by_paragraph(text))
    assert speaker_label_ends(doc.sentences) == {}
    quoted = quoted_sentence_ids(doc.sentences)
    writers = [s.text for s in doc.sentences if s.sent_id not in quoted]
    if text is NEWS_QUOTING_TWICE:  # the writer's own sentences stay the writer's
        assert "Analysts said the remarks would unsettle markets." in writers
        assert "Is the White House listening?" in writers


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # two speakers in mixed case who speak in turn: a hearing's record
        ("The committee met at noon.\n\nMr Hale: Why now?\n\nDame Helen Marsh: Costs rose.\n\n"
         "Mr Hale: By how much?\n\nDame Helen Marsh: By 40%.",
         [None, "MR HALE", "DAME HELEN MARSH", "MR HALE", "DAME HELEN MARSH"]),
        # labels in capitals keep their rules: one speaker twice, before a quotation mark too
        ('Intro.\n\nSEN. SMITH: "Why now?" I ask.\n\nSEN. SMITH: Costs rose.',
         [None, "SEN. SMITH", "SEN. SMITH"]),
    ],
)  # fmt: skip
def test_labels_in_mixed_case_of_two_speakers_are_turns(text, labels):
    assert labels_by_paragraph(text) == labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ('Mr Trump: "We will win this, believe me."', None),
        ("Mr Trump: “We will win this.”", None),
        ("Dr Smith: a profile of the scientist who changed the debate.", None),
        ("The Minister for Finance: a career in numbers, reviewed.", None),
        ("World Health Organization (WHO): the UN agency for public health.", None),
        # a transcript header's metadata labels
        ("PARTICIPANTS: Dr. Elena Alvarez, ADHS Director; Marcus Lee, Maricopa County Public "
         "Health Director.", None),
        ("DATE: March 4, 2026.", None),
        ("TRANSCRIPT: Arizona Department of Health Services media briefing.", None),
        # near misses: a speaker's words that open with a figure or a capital
        ("Mr Hale: 40% of the traffic lands in Veloria.", "MR HALE"),
        ('SEN. SMITH: "Why?"', "SEN. SMITH"),
        ("DR. ALVAREZ: Good afternoon, everyone.", "DR. ALVAREZ"),
    ],
)  # fmt: skip
def test_near_misses_of_speaker_labels(text, label):
    found = speaker_label(text)
    assert (found and found[0]) == label


def test_a_transcript_headers_participants_are_no_speaker():
    text = (
        "TRANSCRIPT: Arizona Department of Health Services media briefing, March 4, 2026.\n\n"
        "PARTICIPANTS: Dr. Elena Alvarez, ADHS Director; Marcus Lee, Director.\n\n"
        "DR. ALVAREZ: Good afternoon. We have 47 cases.\n\nQ: Will it grow?\n\n"
        "DR. ALVAREZ: We expect 15 more."
    )
    assert labels_by_paragraph(text) == [None, None, "DR. ALVAREZ", "Q", "DR. ALVAREZ"]


@pytest.mark.parametrize(
    ("mark", "is_mark"),
    [
        ("[1]", True), ("[2–4]", True), ("[note 3]", True), ("[a]", True),
        ("[citation needed]", True), ("[who?]", True), ("[according to whom?]", True),
        ("[dubious – discuss]", True), ("[original research?]", True),
        ("[failed verification]", True), ("[better source needed]", True), ("[sic?]", True),
        ("[Citation needed]", True), ("[edit]", True),
        # an editor's insertion and a transcript's note are none
        ("[the deal]", False), ("[we]", False), ("[and of the alliance]", False),
        ("[Laughter]", False), ("[ab]", False),
    ],
)  # fmt: skip
def test_reference_marks_are_numbers_notes_and_a_wikis_cleanup_marks(mark, is_mark):
    assert (re.fullmatch(REFERENCE_MARK, mark) is not None) is is_mark


def test_an_editors_insertion_after_a_question_is_no_mark():
    assert is_question("Why did they sign?[who?]") is True
    assert is_question("Who signed it.[who?]") is False
    assert is_question("He signed it?[the deal]") is False  # the bracket ends it, no "?"


@dataclass
class _Marker:
    category: str
    subtype: str


def _brute_force_borrowed(sentences, markers, turns, quoted):
    """borrowed_sourcing as first written: each quoted sentence scans its paragraph."""
    by_paragraph: dict[int, list] = {}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph_id, []).append(s)
    ids = list(by_paragraph)
    out = {}
    for s in sentences:
        if s.is_heading or s.sent_id not in quoted:
            continue
        if turns.get(s.paragraph_id) is not None:
            out[s.sent_id] = "named"
            continue
        k = ids.index(s.paragraph_id)
        for pid in (ids[k], *ids[max(k - 1, 0) : k]):
            found = [
                (abs(o.sent_id - s.sent_id), o.sent_id, m.subtype)
                for o in by_paragraph[pid]
                for m in markers.get(o.sent_id, ())
                if m.category == "attribution"
            ]
            if found:
                out[s.sent_id] = min(found)[2]
                break
    return out


def test_borrowed_sourcing_takes_the_nearest_attribution_once_per_paragraph():
    text = (
        "“Cases rose 18%. We expect more,” Alvarez said. Some 40% were children. "
        "Officials said little.\n\n"
        "“Another 12 are likely. Another 30 are possible.\n\n"
        "“It is 5% of the total,” officials said. “And 3% more,” Alvarez said. “Or 9%.”"
    )
    doc = segment_text(text)
    quoted = quoted_sentence_ids(doc.sentences) | {s.sent_id for s in doc.sentences}
    hedge = _Marker("hedge", "epistemic")
    markers = {
        s.sent_id: [_Marker("attribution", "vague" if "fficials" in s.text else "named"), hedge]
        for s in doc.sentences
        if "said" in s.text
    }
    found = borrowed_sourcing(doc.sentences, markers, {}, quoted)
    assert found == _brute_force_borrowed(doc.sentences, markers, {}, quoted)
    by_text = {s.text: found.get(s.sent_id) for s in doc.sentences}
    assert by_text["“Another 12 are likely."] == "vague"  # the paragraph before's nearest
    assert by_text["“Or 9%.”"] == "named"  # its own paragraph's nearest: Alvarez, not officials
    assert by_text["Some 40% were children."] == "named"  # of two as near, the earlier


# audit G S7/F4: a ministry's press conference, "Spokesperson Zhao Wenli:" after the reporters'
# "Q:" (shortened from the audit's mfa_press_conference)
PRESS_CONFERENCE = (
    "At the invitation of Prime Minister Tomas Ferrell, Vice Foreign Minister Sun Weidong will "
    "visit Marisca.\n\n"
    "Q: Can you confirm the document is authentic?\n\n"
    "Spokesperson Zhao Wenli: I'm not aware of the specifics you mentioned.\n\n"
    "Q: So you're not denying that the document exists?\n\n"
    "Spokesperson Zhao Wenli: I have answered your question.\n\n"
    "Q: Will China cooperate with an inquiry?\n\n"
    "Spokesperson Zhao Wenli: That is Marisca's internal affair. Bilateral trade reached 1.8 "
    "billion US dollars last year, up 12.5 percent year on year.\n\n"
    "China firmly opposes this.\n\n"
    "Q: Thank you."
)
ZHAO = "SPOKESPERSON ZHAO WENLI"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (PRESS_CONFERENCE, ZHAO),
        # a bare name as the label: a turn only because it answers the "Q:" turns
        (PRESS_CONFERENCE.replace("Spokesperson Zhao Wenli:", "Zhao Wenli:"), "ZHAO WENLI"),
        (PRESS_CONFERENCE.replace("Spokesperson", "Foreign Ministry Spokesperson"),
         "FOREIGN MINISTRY " + ZHAO),
    ],
)  # fmt: skip
def test_a_spokespersons_answers_to_the_reporters_are_turns(text, speaker):
    assert labels_by_paragraph(text) == [
        None, "Q", speaker, "Q", speaker, "Q", speaker, speaker, "Q"
    ]  # fmt: skip
    doc = segment_text(text)
    quoted = quoted_sentence_ids(doc.sentences)
    assert [s.text for s in doc.sentences if s.sent_id in quoted] == [
        text.split("\n\n")[2],
        text.split("\n\n")[4],
        text.split("\n\n")[6].split(" Bilateral")[0],
        "Bilateral trade reached 1.8 billion US dollars last year, up 12.5 percent year on year.",
        "China firmly opposes this.",
    ]
    ends = speaker_label_ends(doc.sentences)
    labels = {doc.clean[s.start : ends[s.sent_id]] for s in doc.sentences if s.sent_id in ends}
    assert labels == {"Q: ", text.split("\n\n")[2].split(": ")[0] + ": "}
    # the figures of a turn are named by its label (borrowed_sourcing)
    turns = speaker_turns(doc.sentences)
    borrowed = borrowed_sourcing(doc.sentences, {}, turns, quoted)
    trade = next(s.sent_id for s in doc.sentences if s.text.startswith("Bilateral"))
    assert borrowed[trade] == "named"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Spokesperson Zhao Wenli: I have answered your question.", ZHAO),
        ("Spokesman Wang Wenbin: No.", "SPOKESMAN WANG WENBIN"),
        ("Foreign Minister Wang Yi: Yes.", "FOREIGN MINISTER WANG YI"),
        ("Vice Foreign Minister Sun Weidong: Yes.", "VICE FOREIGN MINISTER SUN WEIDONG"),
        ("Ambassador Xie Feng: We disagree.", "AMBASSADOR XIE FENG"),
        # a title with no name after it, a bare name, a title before a word in lower case
        ("Spokesperson: No comment.", None),
        ("Foreign Minister: Yes.", None),
        ("Zhao Wenli: I have answered your question.", None),
        ("Spokesperson Zhao Wenli: the ministry's voice.", None),
        ('Spokesperson Zhao Wenli: "We oppose it."', None),
    ],
)  # fmt: skip
def test_offices_of_government_are_titles_of_a_label(text, label):
    found = speaker_label(text)
    assert (found and found[0]) == label


@pytest.mark.parametrize(
    "text",
    [
        # one titled label twice, no reporters' "Q:": a news story's device
        "The ministry spoke on Monday.\n\nSpokesperson Zhao Wenli: China opposes this.\n\n"
        "Analysts said the remarks were sharp.\n\nSpokesperson Zhao Wenli: We urge restraint.\n\n"
        "Markets fell.",
        # a bare name twice without an interviewer, or a section label after an answer
        "Intro.\n\nZhao Wenli: China opposes this.\n\nMore.\n\nZhao Wenli: We urge restraint.",
    ],
)
def test_labels_that_answer_no_interviewer_are_no_turns(text):
    assert all(label is None for label in labels_by_paragraph(text))


def test_a_section_label_after_an_answer_is_no_speaker():
    text = (
        "Q: Will prices rise?\n\nA: Yes.\n\nBottom Line: Prices rise.\n\nQ: When?\n\n"
        "A: Soon.\n\nBottom Line: Soon."
    )
    assert labels_by_paragraph(text) == ["Q", "A", "A", "Q", "A", "A"]


@functools.cache
def _stance_stage():
    from pipeline.stance import StanceStage

    return StanceStage()


@pytest.mark.parametrize(
    "label", ["Short Answer", "Key Points", "Bottom Line", "Our View", "Editor's Note",
              "Editor’s Note", "The Short Answer"],
)  # fmt: skip
def test_a_section_label_after_the_reporters_questions_is_no_speaker(label):
    # review 6: an explainer's own answers after "Q:" are the writer's, not a speaker's
    text = (
        f"Q: What does the pact cover?\n\n{label}: It covers 40% of the cables and 12 ports.\n\n"
        f"Q: Who signed it?\n\n{label}: The two ministers signed it in 2025, with 3 annexes."
    )
    # the reporter's "Q:" goes on over the writer's answers: the interviewer's, no one quoted
    assert labels_by_paragraph(text) == ["Q", "Q", "Q", "Q"]
    doc = segment_text(text)
    assert quoted_sentence_ids(doc.sentences) == set()
    out = _stance_stage().analyse(doc)
    assert set(out.sentence_columns["voice"]) == {"author"}
    assert [(f["match"], f["sourcing"]) for f in out.tables["figures"]] == [
        ("40%", "none"), ("12", "none"), ("3", "none")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Zhao Wenli", "ZHAO WENLI"),
        ("Wang Yi", "WANG YI"),  # "wang" is a common word, "yi" is not
        ("Hua Chunying", "HUA CHUNYING"),
        ("Mao Ning", "MAO NING"),
        ("Sean O'Neil", "SEAN O'NEIL"),
        # near misses: common English words only
        ("Short Answer", None),
        ("Key Points Here", None),
    ],
)
def test_a_bare_name_that_answers_the_reporters_is_a_speaker(name, key):
    # review 6: a name (one word of it at least no common English word) stays a label
    text = PRESS_CONFERENCE.replace("Spokesperson Zhao Wenli:", f"{name}:")
    labels = labels_by_paragraph(text)
    quoted = quoted_sentence_ids(segment_text(text).sentences)
    if key is None:  # the reporter's turns go on over the writer's words: nobody is quoted
        assert (labels, quoted) == ([None] + ["Q"] * 8, set())
    else:
        assert labels == [None, "Q", key, "Q", key, "Q", key, key, "Q"]
        assert len(quoted) == 5


# review 2: a live blog repeats "UPDATE:" on its section lines (shortened from the review's)
LIVE_BLOG = (
    "Live: talks on the pact\n\nThe talks began on Monday in Suva with 40 delegates.\n\n"
    "UPDATE: Talks resume at noon\n\nDelegates returned after a 2 hour break.\n\n"
    "UPDATE: Deal signed by 12 states\n\nThe ministers signed the text, officials said.\n\n"
    "UPDATE: Beijing objects\n\nChina said it opposes the deal."
)


@pytest.mark.parametrize(
    "text",
    [
        LIVE_BLOG,
        LIVE_BLOG.replace("UPDATE:", "BREAKING:"),
        LIVE_BLOG.replace("UPDATE:", "Editor’s Note:"),
        # a label that page_labels.txt does not list: heading lines, so no speaker's turns
        LIVE_BLOG.replace("UPDATE:", "DEVELOPING:"),
    ],
)
def test_a_live_blogs_repeated_update_lines_stay_headings_and_the_writers(text):
    doc = segment_text(text)
    headings = [s.text.split(":")[0] for s in doc.sentences if s.is_heading]
    label = text.split("\n\n")[2].split(":")[0]
    assert headings == ["Live", label, label, label]
    assert speaker_turns(doc.sentences) == {}
    out = _stance_stage().analyse(doc)
    voices = dict(zip((s.text for s in doc.sentences), out.sentence_columns["voice"]))
    assert [t for t, v in voices.items() if v == "attributed"] == [
        "The ministers signed the text, officials said.",  # its own attributions
        "China said it opposes the deal.",
    ]
    assert [(f["match"], f["sourcing"]) for f in out.tables["figures"]] == [
        ("40", "none"), ("2", "none"), ("12", "none")
    ]  # fmt: skip


@pytest.mark.parametrize(
    "label", ["UPDATE", "UPDATED", "BREAKING", "CORRECTION", "EDITOR'S NOTE", "EDITOR’S NOTE",
              "CLARIFICATION", "WATCH", "READ MORE", "LIVE", "NOTE", "Breaking News", "Update"],
)  # fmt: skip
def test_a_pages_own_labels_are_no_speakers_even_on_sentences(label):
    # review 2: full sentences under a page's label, repeated, are no speaker's turns
    text = (
        "The talks began on Monday in Suva with 40 delegates.\n\n"
        f"{label}: Talks resumed at noon after a 2 hour break.\n\nThe mood was calm.\n\n"
        f"{label}: The deal was signed by 12 states.\n\nIt covers 3 ports."
    )
    assert speaker_label(f"{label}: Talks resumed at noon.") is None
    assert labels_by_paragraph(text) == [None] * 5


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a transcript is unchanged: labels that are no page's speak, "Q:"/"A:" too
        ("SEN. SMITH: Should people worry?\n\nMR. PICHAI: No. We compete.\n\n"
         "SEN. SMITH: Why?", ["SEN. SMITH", "MR. PICHAI", "SEN. SMITH"]),
        ("Q: Will prices rise?\n\nA: I think so.\n\nQ: Why?\n\nA: Costs.", ["Q", "A", "Q", "A"]),
        # audit G S8: a turn cut off with "--" is a speaker's, who speaks again in full
        ("HOST: But the government also said there was no agreement at all.\n\n"
         "GUEST: It did. And that's --\n\nHOST: So why should anyone believe them now?\n\n"
         "GUEST: I'm not saying anyone should.\n\nHOST: We'll have to --\n\n"
         "GUEST: -- because that phrase is doing an awful lot of work.",
         ["HOST", "GUEST", "HOST", "GUEST", "HOST", "GUEST"]),
    ],
)  # fmt: skip
def test_a_transcripts_turns_are_no_headings(text, labels):
    doc = segment_text(text)
    assert not any(s.is_heading for s in doc.sentences)
    assert labels_by_paragraph(text) == labels


TIDELINE = (
    "Tideline has engaged a law firm to review 45 days of logs.\n\n"
    "The company also noted that:\n\n"
    "- Coral Gate carries approximately 62% of Marisca's international internet traffic.\n"
    "- All lawful interception requests received in 2025 (a total of 118) came from Marisca's "
    "own authorities. They were approved by a judge.\n\n"
    "- The centre was last audited in October 2025.\n\n"
    "Shares of Tideline fell 8.4% on Wednesday."
)


def _lead_in_markers(doc, subtype="named"):
    return {
        s.sent_id: [_Marker("attribution", subtype), _Marker("hedge", "epistemic")]
        for s in doc.sentences
        if s.text.endswith("that:")
    }


def test_list_items_under_an_attributing_lead_in_are_its_sources():
    # audit G F3: the list under "The company also noted that:" is the company's
    doc = segment_text(TIDELINE)
    texts = {s.sent_id: s.text for s in doc.sentences}
    for subtype in ("named", "vague"):
        found = lead_in_items(doc.sentences, _lead_in_markers(doc, subtype), clean=doc.clean)
        assert [texts[i] for i in found] == [
            "- Coral Gate carries approximately 62% of Marisca's international internet traffic.",
            "- All lawful interception requests received in 2025 (a total of 118) came from "
            "Marisca's own authorities.",
            "They were approved by a judge.",
            "- The centre was last audited in October 2025.",
        ]
        assert set(found.values()) == {subtype}
    borrowed = borrowed_sourcing(doc.sentences, _lead_in_markers(doc), {}, set(), clean=doc.clean)
    assert [texts[i][:12] for i in borrowed] == [
        "- Coral Gate", "- All lawful", "They were ap", "- The centre"
    ]  # fmt: skip
    # without the clean text, where a line starts is unknown: a sentence that is no item ends
    # the list (no false carry-over)
    assert [texts[i][:12] for i in lead_in_items(doc.sentences, _lead_in_markers(doc))] == [
        "- Coral Gate", "- All lawful"
    ]  # fmt: skip


def _listed(text: str) -> list[str]:
    """The sentences of ``text`` that lead_in_items gives the lead-in's source."""
    doc = segment_text(text)
    markers = {
        s.sent_id: [_Marker("attribution", "named")]
        for s in doc.sentences
        if s.text.endswith(":") and ("noted" in s.text or "Reuters" in s.text)
    }
    assert markers  # a lead-in is there to carry over
    found = lead_in_items(doc.sentences, markers, clean=doc.clean)
    assert set(found.values()) <= {"named"}
    return [s.text for s in doc.sentences if s.sent_id in found]


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # review 3: the writer's prose on the next line after a list, in the list's paragraph,
        # is the writer's again; a second sentence on an item's own line is the item's
        ("The company also noted that:\n- Coral Gate carries 62% of traffic.\n"
         "- It employs 118 staff.\nOur own analysis found 40% of the cables were idle last year.",
         ["- Coral Gate carries 62% of traffic.", "- It employs 118 staff."]),
        # the list does not start again at an item after the writer's line
        ("The company also noted that:\n- Coral Gate carries 62% of traffic.\n"
         "Our own analysis found 40%.\n- An aside of 3 lines.",
         ["- Coral Gate carries 62% of traffic."]),
        ("According to Reuters, the main points were:\n1. Exports fell 5%.\n"
         "2. Imports rose 3%. Analysts were surprised.\nIn our view 7% is more likely.",
         ["1. Exports fell 5%.", "2. Imports rose 3%.", "Analysts were surprised."]),
        # an item that wraps onto a second line keeps a second sentence there
        ("The company also noted that:\n- Coral Gate carries 62% of the\ntraffic. It is old.\n"
         "- It employs 118 staff.\n\nWe found 40%.",
         ["- Coral Gate carries 62% of the\ntraffic.", "It is old.", "- It employs 118 staff."]),
        # items in paragraphs of their own go on; a paragraph that opens with no item ends them
        ("The company also noted that:\n\n- Coral Gate carries 62%.\n\n- It employs 118.\n\n"
         "Our own analysis found 40%.\n\n- An aside.",
         ["- Coral Gate carries 62%.", "- It employs 118."]),
    ],
)  # fmt: skip
def test_a_list_ends_where_the_writers_prose_starts_a_line(text, listed):
    assert _listed(text) == listed


@pytest.mark.parametrize(
    "text",
    [
        # an attributing lead-in followed by prose, not a list, then an item
        "The company also noted that:\n\nCoral Gate carries 62% of the traffic.\n\n- An aside.",
        "According to Reuters, the main points were:\n\nExports fell 5%.\n- An aside.",
    ],
)
def test_a_lead_in_with_no_list_after_it_carries_nothing(text):
    assert _listed(text) == []


def test_a_lead_in_with_no_attribution_carries_nothing():
    # the writer's own list: "Here is what we know:" has no attribution marker
    text = TIDELINE.replace("The company also noted that:", "Here is what we know:")
    doc = segment_text(text)
    assert lead_in_items(doc.sentences, _lead_in_markers(doc), clean=doc.clean) == {}
    assert _lead_in_markers(doc) == {}  # the same marker-maker finds the lead-in in TIDELINE


def test_the_stance_stage_sources_a_spokespersons_and_a_lead_ins_figures():
    # audit G F4 and F3, through the stance stage: the spokesperson's figures are named by the
    # label and the turn is attributed; the list's figures are the company's
    from pipeline.stance import StanceStage

    stage = StanceStage()
    rows = {}
    for text in (PRESS_CONFERENCE, TIDELINE):
        doc = segment_text(text)
        out = stage.analyse(doc)
        voices = dict(zip((s.text for s in doc.sentences), out.sentence_columns["voice"]))
        rows.update({f["match"]: f["sourcing"] for f in out.tables["figures"]})
        if text is PRESS_CONFERENCE:
            assert voices["China firmly opposes this."] == "attributed"
            assert voices["Q: Can you confirm the document is authentic?"] == "author"
    assert rows == {
        "1.8 billion US dollars": "named",
        "12.5 percent": "named",
        "45": "none",  # before the lead-in: the writer's
        "62%": "named",
        "118": "named",
        "8.4%": "none",  # after the list: the writer's
    }


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        ({1: "Q", 2: "ZHAO WENLI", 3: "Q", 4: "ZHAO WENLI"}, {"ZHAO WENLI"}),
        # ids, not the order of the mapping, give the text order ("Q." labels are added last)
        ({2: "ZHAO WENLI", 4: "ZHAO WENLI", 1: "Q", 3: "Q"}, {"ZHAO WENLI"}),
        # once is not enough; a host answering the reporter is no answer
        ({1: "Q", 2: "ZHAO WENLI", 3: "ZHAO WENLI", 4: "Q", 5: "A"}, set()),
        ({1: "Q", 2: "HOST", 3: "Q", 4: "HOST"}, set()),
    ],
)
def test_answers_to_interviewer(turns, expected):
    assert answers_to_interviewer(turns) == expected


@pytest.mark.parametrize("stamp", ["", "[14:02:15] ", "(00:01:22.5) ", "14:02 "])
def test_a_turns_label_and_time_code_are_no_words(stamp):
    """A transcript's speaker labels (and their time codes) name who speaks: no words, no terms;
    with time codes the turns are found as without them."""
    text = (
        f"{stamp}HOST: Welcome.\n\n{stamp}LENA FISCHER: Thanks a lot.\n\n{stamp}HOST: Why?\n\n"
        f"{stamp}LENA FISCHER: Vendors charge."
    )
    doc = segment_text(text)
    assert doc.n_words == 7
    assert labels_by_paragraph(text) == ["HOST", "LENA FISCHER", "HOST", "LENA FISCHER"]


def test_a_turn_of_only_a_stage_direction_stays_a_turn_without_words():
    """A review: once "(Applause)" had gone from "MS LOWE: (Applause)", the bare label was no
    label (a colon before white space was required): its words counted and its turn went to
    the speaker before."""
    text = "MR HALE: We must act.\n\nMS LOWE: (Applause)\n\nMR HALE: Thank you all."
    assert labels_by_paragraph(text) == ["MR HALE", "MS LOWE", "MR HALE"]
    assert segment_text(text).n_words == 6


def test_a_live_blog_in_another_time_zone_has_no_speakers():
    text = "\n\n".join(f"0{h}:00 AEST: Markets moved again." for h in range(1, 9))
    assert labels_by_paragraph(text) == [None] * 8


@pytest.mark.parametrize(
    ("text", "question"),
    [("Is it safe? 🤔", True), ("Who knows?? 🤷", True), ("Why now? #AI #China", True),
     ("Is it safe? https://t.co/x1", True), ("It is safe. 🤔", False), ("#AI", False)],
)  # fmt: skip
def test_a_question_ends_before_a_posts_emoji_hashtags_or_link(text, question):
    assert is_question(text) is question
