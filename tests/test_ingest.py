from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.decode import NotTextError, decode_bytes
from pipeline.dehyphen import rejoin_hyphenated
from pipeline.ingest import (
    MAX_HEADING_WORDS,
    MAX_TITLE_WORDS,
    clean_document,
    is_heading_line,
    normalize_lines,
    normalize_text,
    paragraphs_of,
)
from pipeline.ingest_boilerplate import load_boilerplate_patterns, remove_boilerplate
from pipeline.page_lines import is_own_line, post_header_spans
from pipeline.segment import load_abbreviations, segment_document
from tests.conftest import growth, segment_text

SMART = "He said “it’s fine” — twice."
LATIN = "Café au lait à Paris, déjà vu, naïve façade. " * 3
RUSSIAN = (
    "Министерство иностранных дел заявило, что переговоры продолжатся на следующей неделе. " * 3
)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (SMART.encode("utf-8"), SMART, "utf-8"),
        (b"\xef\xbb\xbf" + SMART.encode("utf-8"), SMART, "utf-8-sig"),
        (SMART.encode("utf-16"), SMART, "utf-16"),
        (SMART.encode("utf-16-le"), SMART, "utf-16-le"),
        (SMART.encode("utf-16-be"), SMART, "utf-16-be"),
        (SMART.encode("cp1252"), SMART, "cp1252"),
        (LATIN.encode("latin-1"), LATIN, "cp1252"),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
    ],
)
def test_decode_bytes(data, text, encoding):
    decoded, enc, warnings = decode_bytes(data)
    assert decoded == text
    assert enc == encoding
    assert warnings == []


@pytest.mark.parametrize("data", [b"\xfe\xff\x00", b"\xff\xfeA\x00B"])
def test_broken_utf16_after_a_bom_is_replaced_with_a_warning(data):
    # found by `make fuzz`: an odd number of bytes after a UTF-16 byte-order mark
    text, enc, warnings = decode_bytes(data)
    assert enc == "utf-16" and "\ufffd" in text
    assert "not valid UTF-16" in warnings[0]


def test_invalid_utf8_bytes_are_replaced_with_a_warning():
    data = "Beijing’s “cyber sovereignty” is contested. ".encode() * 3 + b"bad \xff byte."
    text, enc, warnings = decode_bytes(data)
    assert enc == "utf-8"
    assert "\ufffd" in text and "Beijing’s" in text
    assert warnings and "not valid UTF-8" in warnings[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"abc\x00\x01\x02def\x00\xff\xfe", "NUL"),
    ],
)
def test_not_text(data, message):
    with pytest.raises(NotTextError, match=message):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc\n", "a\nb\nc"),
        ("e\u0301te\u200b", "éte"),  # NFC composes, zero-width space dropped
        ("\n\n\nx  \n\n\n\ny\n", "x\n\ny"),
        ("tab\there\u00a0nbsp", "tab here nbsp"),
        # a terminal's colour codes and window title go whole (a probe's "[31m" stayed)
        (
            "\x1b[31mError:\x1b[0m rose \x1b[1;32mfast\x1b[0m.\x1b]0;title\x07 Done",
            "Error: rose fast. Done",
        ),
        ("a lone \x1b escape", "a lone  escape"),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


def test_remove_boilerplate_records_each_line(patterns):
    text = "Real text.\n\nLeave a Comment\n\nScroll to Top\nScroll to Top"
    kept, removed = remove_boilerplate(text, patterns)
    assert kept == "Real text."
    assert [(n, line) for n, line, _ in removed] == [
        (3, "Leave a Comment"),
        (5, "Scroll to Top"),
        (6, "Scroll to Top"),
    ]


def test_boilerplate_needs_the_whole_line(patterns):
    text = "Readers may leave a comment below if they disagree with the analysis."
    assert remove_boilerplate(text, patterns) == (text, [])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Strategic Objectives", True),
        ("What challenges arise from China’s intelligence diplomacy", True),
        ("This is a sentence.", False),
        ("Is this a question?", False),
        (
            " ".join(["word"] * 16),
            False,
        ),
        # a numbered recommendation that goes on after a semicolon is a clause, not a heading
        ("12.2 Press Veloria, privately, to publish Article 9 in full; and", False),
        ("12.2 Press Veloria to publish Article 9", True),
        ("2.1 Background", True),
        ("(a) ban the kit from 5G cores; or", False),
        ("(a) ban the kit from 5G cores;", False),
        # a semicolon inside a deck or a header's line: still a heading
        (
            "Earnings of $9.2 billion; strong cash flow supports shareholder distributions of "
            "$7.3 billion",
            True,
        ),
        (
            "PARTICIPANTS: Dr. Elena Alvarez, ADHS Director; Marcus Lee, Maricopa County Public "
            "Health Director",
            True,
        ),
    ],
)
def test_is_heading_line(line, expected):
    assert is_heading_line(line) is expected


def test_paragraphs_and_headings():
    clean = "Title\n\nFirst para.\nStill first.\n\nHeading\n\nBody.\n\nLast line no stop"
    paras = paragraphs_of(clean)
    assert [clean[p.start : p.end] for p in paras] == [
        "Title",
        "First para.\nStill first.",
        "Heading",
        "Body.",
        "Last line no stop",
    ]
    assert [p.is_heading for p in paras] == [True, False, True, False, False]


@pytest.mark.parametrize(
    ("clean", "headings"),
    [
        # a question as the title: a heading
        ("What Are Export Controls?\n\nThey limit sales. Why?\n\nMore?", [True, False, False]),
        # a question later, or one with nothing after it, or a long one: body text
        ("Intro.\n\nWhat are export controls?\n\nThey limit sales.", [False, False, False]),
        ("What are export controls?", [False]),
        (" ".join(["word"] * 16) + "?\n\nBody.", [False, False]),
        # a label on the first line that opens no other paragraph is the title's
        ("FACT CHECK: Did Veloria give China access to phone data?\n\nClaim: it did.",
         [True, False]),
        ("ANALYSIS: Why does it matter?\n\nIt does.", [True, False]),
        # near misses: a first speaker who speaks again, an interview's first question
        ("SEN. SMITH: Why now?\n\nMR. PICHAI: Costs.\n\nSEN. SMITH: When?\n\nSoon.",
         [False, False, False, False]),
        ("Q: Why now?\n\nA: Costs.", [False, False]),
        ("Mr Hale: Why now?\n\nDame Helen Marsh: No.\n\nMr Hale: When?\n\nSoon.",
         [False, False, False, False]),
    ],
)  # fmt: skip
def test_a_short_first_line_ending_in_a_question_mark_is_a_title(clean, headings):
    assert [p.is_heading for p in paragraphs_of(clean)] == headings


@pytest.mark.parametrize(
    ("clean", "headings"),
    [
        # an explainer's sections: two or more question lines and another heading
        (
            "What Is CBAM?\n\nIntro.\n\nWhy was it created?\n\nTo stop leakage.\n\nTimeline"
            "\n\nIn 2026.\n\nWhat happens next?\n\nA review.",
            [True, False, True, False, True, False, True, False],
        ),
        # an opinion piece's questions set apart, without other headings: body text
        (
            "Europe must lead.\n\nWho pays?\n\nImporters do.\n\nIs that fair?\n\nYes.",
            [False, False, False, False, False],
        ),
        # a byline above an opinion piece is no section heading
        (
            "Europe must lead\n\nBy Jane Doe\n\nIt is time.\n\nSo who pays?\n\nImporters."
            "\n\nAnd is that fair?\n\nYes.",
            [True, True, False, False, False, False, False],
        ),
        # a heading above the first body paragraph counts; a byline does not (above)
        (
            "EU carbon tax\n\nKey points\n\nIntro.\n\nWhy was it created?\n\nTo stop leakage."
            "\n\nHow does it work?\n\nIt works.",
            [True, True, False, True, False, True, False],
        ),
        # a transcript's turns are never headings
        (
            "SEN. SMITH: Why?\n\nMR. PICHAI: We compete.\n\nTimeline\n\nSEN. SMITH: When?\n\nSoon.",
            [False, False, True, False, False],
        ),
        # one question line with a heading elsewhere: body text
        (
            "Intro.\n\nTimeline\n\nIn 2026.\n\nWho pays?\n\nImporters.",
            [False, True, False, False, False],
        ),
    ],
)
def test_question_lines_are_section_headings_only_among_other_headings(clean, headings):
    assert [p.is_heading for p in paragraphs_of(clean)] == headings


def test_clean_document_only_boilerplate_is_not_text(patterns):
    with pytest.raises(NotTextError, match="only web boilerplate"):
        clean_document("d", b"Leave a Comment\n\nScroll to Top\n", patterns=patterns)


def test_markdown_headings(patterns):
    doc = clean_document(
        "d", b"# Title\nFirst line of text.\n\n## Part two\nMore.", patterns=patterns, markdown=True
    )
    assert doc.clean == "Title\n\nFirst line of text.\n\nPart two\n\nMore."
    assert [p.is_heading for p in doc.paragraphs] == [True, False, True, False]


def test_markdown_headings_keep_their_flag_whatever_their_punctuation(patterns):
    """A ``#`` line is a heading even when it ends in ?, . or ! or is the last line; a body
    line with the same words but no ``#`` mark is judged by the plain-text rule."""
    text = b"# Is this the end?\nIt is not.\n\n## Why now.\n\nBody text here.\n\n# Last!"
    doc = clean_document("d", text, patterns=patterns, markdown=True)
    assert [doc.clean[p.start : p.end] for p in doc.paragraphs] == [
        "Is this the end?", "It is not.", "Why now.", "Body text here.", "Last!",
    ]  # fmt: skip
    assert [p.is_heading for p in doc.paragraphs] == [True, False, True, False, True]
    plain = clean_document("d", text.replace(b"#", b""), patterns=patterns)
    assert not any(p.is_heading for p in plain.paragraphs)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # a pipe table's header row is a heading, each data row a body paragraph of its own
        # (its figures count), its delimiter row left out
        (
            "Table 2. Regression\n| Predictor | OR | p |\n|---|:--:|---|\n"
            "| Threat exposure | 2.03 | < .001 |\n| Trust | 0.71 | .002 |\nAs shown, it held.",
            [("Table 2. Regression", True), ("| Predictor | OR | p |", True),
             ("| Threat exposure | 2.03 | < .001 |", False), ("| Trust | 0.71 | .002 |", False),
             ("As shown, it held.", False)],
        ),
        ("A | B\n--- | ---\n1 | 2\n\nBody text.",
         [("A | B", True), ("1 | 2", False), ("Body text.", False)]),
        # an analyst's estimates (auditM analyst_note): the headline forecasts are body figures
        ("Estimate changes\n\n| Metric | Old | New | Change |\n|---|---|---|---|\n"
         "| Brent 2026E ($/bbl) | 78.0 | 85.0 | +9.0% |\n| NGE EPS 2026E ($) | 5.10 | 5.85 | "
         "+14.7% |\n\nInvestment thesis\n\nWe like it.",
         [("Estimate changes", True), ("| Metric | Old | New | Change |", True),
          ("| Brent 2026E ($/bbl) | 78.0 | 85.0 | +9.0% |", False),
          ("| NGE EPS 2026E ($) | 5.10 | 5.85 | +14.7% |", False),
          ("Investment thesis", True), ("We like it.", False)]),
        # near misses: a line of links or a sentence with a "|" and no delimiter row under it
        ("Read it | Share it\nMore text here.\n\nEnd.",
         [("Read it | Share it\nMore text here.", False), ("End.", False)]),
        ("Profits | costs - and more.\n\nEnd.", [("Profits | costs - and more.", False),
                                                  ("End.", False)]),
    ],
)  # fmt: skip
def test_markdown_table_rows_are_paragraphs_of_their_own(patterns, text, shown):
    doc = clean_document("d", text.encode(), patterns=patterns, markdown=True)
    assert [(doc.clean[p.start : p.end], p.is_heading) for p in doc.paragraphs] == shown
    assert "---" not in doc.clean


def test_a_markdown_tables_prose_cells_are_body_sentences_of_their_row(patterns):
    """REVIEW #10: a recommendations table whose cell is a sentence with a source, a figure and
    a hedge; no sentence joins the cells of two rows."""
    text = (
        "# Recommendations\n\n| Recommendation | Rationale |\n|---|---|\n"
        "| Ban Huawei kit from 5G cores. | Officials said the risk is severe: 40% of traffic "
        "passes through Chinese-made gear, and a breach could cripple hospitals. |\n"
        "| Fund audits | 12 audits a year |\n\nThe government rejected the advice."
    )
    doc = segment_document(
        clean_document("d", text.encode(), patterns=patterns, markdown=True),
        abbreviations=load_abbreviations(),
    )
    shown = [(s.text, s.is_heading) for s in doc.sentences]
    assert shown[:2] == [("Recommendations", True), ("| Recommendation | Rationale |", True)]
    body = [t for t, heading in shown if not heading]
    assert any(t.startswith("| Officials said the risk is severe: 40%") for t in body)
    assert "| Fund audits | 12 audits a year |" in body
    rows = [p for p in doc.sentences if "Fund audits" in p.text or "cripple" in p.text]
    assert len({s.paragraph_id for s in rows}) == 2
    assert all(doc.clean[s.start : s.end] == s.text for s in doc.sentences)


def test_a_transcript_headers_participants_line_is_a_heading():
    """REGRESSIONS R2 (auditH briefing_transcript): the semicolon no longer makes it a body
    sentence, and it is no speaker's turn."""
    clean = (
        "TRANSCRIPT: Arizona Department of Health Services media briefing\n\n"
        "PARTICIPANTS: Dr. Elena Alvarez, ADHS Director; Marcus Lee, Maricopa County Public "
        "Health Director\n\nDR. ALVAREZ: Good afternoon, everyone.\n\nQ: Why?\n\n"
        "DR. ALVAREZ: Costs."
    )
    assert [p.is_heading for p in paragraphs_of(clean)] == [True, True, False, False, False]


def test_default_corpus_boilerplate_removed(default_corpus):
    diplomacy = default_corpus["intelligence_diplomacy"]
    assert "Leave a Comment" not in diplomacy.clean
    assert "Scroll to Top" not in diplomacy.clean
    assert diplomacy.clean.endswith("global alliances—and rivalries.")


def test_a_plain_line_with_a_markdown_headings_words_is_not_a_heading(patterns):
    text = b"# Why now?\n\nBody text here.\n\nWhy now?\n\nMore body.\n\n## Why now?\n\nEnd."
    doc = clean_document("d", text, patterns=patterns, markdown=True)
    shown = [(doc.clean[p.start : p.end], p.is_heading) for p in doc.paragraphs]
    assert shown == [
        ("Why now?", True), ("Body text here.", False), ("Why now?", False),
        ("More body.", False), ("Why now?", True), ("End.", False),
    ]  # fmt: skip


def test_a_markdown_heading_removed_as_boilerplate_leaves_the_next_ones_headings(patterns):
    text = b"# Leave a Comment\n\nBody.\n\n# Is this next?\n\nEnd."
    doc = clean_document("d", text, patterns=patterns, markdown=True)
    shown = [(doc.clean[p.start : p.end], p.is_heading) for p in doc.paragraphs]
    assert shown == [("Body.", False), ("Is this next?", True), ("End.", False)]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "中国与俄罗斯的情报合作显著加强。据报道，双方签署了新的协议。",
        "日本政府は月曜日、新しい規則を発表した。",
    ],
)
def test_utf16_without_bom_in_a_non_latin_script_is_text(text, codec):
    """Few of its bytes are NUL (only the ASCII ones): it was once called binary."""
    decoded, encoding, warnings = decode_bytes(text.encode(codec))
    assert (decoded, encoding, warnings) == (text, codec, [])


@pytest.mark.parametrize(
    "text",
    [
        "می‌خواهم این کتاب را بخوانم. او به خانه رفت و دوباره برگشت.",  # Persian with ZWNJ
        "שלום‏ לכם. הממשלה הודיעה על כללים חדשים ביום שני.",  # Hebrew with an RLM mark
        "รัฐบาลประกาศกฎใหม่ในวันจันทร์ที่ผ่านมาเพื่อควบคุมการใช้ข้อมูลของบริษัทเทคโนโลยี "
        "นักวิจารณ์กล่าวว่ามาตรการนี้อาจส่งผลกระทบต่อธุรกิจขนาดเล็ก",  # Thai: few spaces
    ],
)
def test_utf16_without_bom_keeps_format_marks_and_unspaced_scripts(text):
    for codec in ("utf-16-le", "utf-16-be"):
        decoded, encoding, _ = decode_bytes(text.encode(codec))
        assert (decoded, encoding) == (text, codec)


def test_tag_and_category_lines_are_boilerplate(patterns):
    text = (
        "Real text.\n\nTags: Nvidia, China, export controls\nFiled under: Trade\n\nTags are cheap."
    )
    kept, removed = remove_boilerplate(text, patterns)
    assert [line for _, line, _ in removed] == ["Tags: Nvidia, China, export controls",
                                               "Filed under: Trade"]  # fmt: skip
    assert "Tags are cheap." in kept


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("Reporting by Wire Staff; Editing by Desk Editor", True),
        ("Reporting by Jane Doe, Tom Li and Ann Bo in New York; Editing by Mark Potter.", True),
        ("Reporting by John Smith in Beijing, additional reporting by Li Wei; Editing by Ann Ko",
         True),
        ("Writing by Tom Hals", True),
        # a sentence of the text
        ("Reporting by the BBC revealed that the scheme had failed.", False),
        ("Reporting by Bloomberg News suggests that the plan failed.", False),
        ("Editing by hand is slow.", False),
    ],
)  # fmt: skip
def test_a_credit_line_without_brackets_is_boilerplate(patterns, line: str, removed: bool):
    """An agency's credit line as Reuters ends a story (a walkthrough's text kept it)."""
    _, rows = remove_boilerplate(f"Leaders met on Thursday.\n\n{line}", patterns)
    assert [row[1] for row in rows] == ([line] if removed else [])


def test_a_markdown_link_matches_boilerplate_by_its_text(patterns):
    """ "[Read more](https://...)" is the teaser link "Read more" (a walkthrough's .md text kept
    it as a two-word sentence); in a plain-text file the line is left as written."""
    text = "Body.\n\n[Read more](https://example.org/tariffs)\n\n[Leaders met](https://x.org).\n"
    kept, rows = remove_boilerplate(text, patterns, markdown=True)
    assert [(n, line) for n, line, _ in rows] == [(3, "Read more")]
    assert "[Leaders met](https://x.org)." in kept
    assert remove_boilerplate(text, patterns)[1] == []


def test_a_markdown_code_block_is_no_prose(patterns):
    """A robustness probe: a fenced block's "print('hello') x = 1" was a sentence and its 1 a
    figure. Blocks between ``` or ~~~ fences go, an unclosed one to the end; inline code stays."""
    text = (
        "Prices rose 4% in March.\n\n```python\nprint('hello')\n\nx = 1\n```\n\n"
        "The fix took ```x = 1``` lines.\n\n~~~~\nunclosed code 5\n"
    )
    kept, rows = remove_boilerplate(text, patterns, markdown=True)
    assert kept == "Prices rose 4% in March.\n\nThe fix took ```x = 1``` lines."
    block = "Markdown code block (between ``` or ~~~ fences)"
    assert [(n, line) for n, line, rule in rows if rule == block] == [
        (3, "```python"),
        (4, "print('hello')"),
        (6, "x = 1"),
        (7, "```"),
        (12, "unclosed code 5"),
    ]
    assert remove_boilerplate(text, patterns)[0].count("x = 1") == 2  # plain text: kept


def test_press_release_furniture_is_boilerplate(patterns):
    text = (
        "Home > News > Press releases\n\nSteel output rose 4% in 2025.\n\n"
        "Forward-looking statements\n\nThis press release contains forward-looking statements "
        "that are subject to risks.\n\nMedia contact:\nErik Sandberg, Head of Communications\n"
        "press@nordicgreensteel.example\n+46 8 555 0100\n\n"
        "Related: Nordic GreenSteel reports record output\nCookie settings\n\n"
        "(Reporting by Anna Keller; Editing by Mark Potter)\n\n"
        "Related coverage shows that prices > costs in 3 of 4 markets.\n"
        "Call 555 0100 if you see it."
    )
    kept, removed = remove_boilerplate(text, patterns)
    assert [line for _, line, _ in removed] == [
        "Home > News > Press releases",
        "Forward-looking statements",
        "This press release contains forward-looking statements that are subject to risks.",
        "Media contact:",
        "Erik Sandberg, Head of Communications",
        "press@nordicgreensteel.example",
        "+46 8 555 0100",
        "Related: Nordic GreenSteel reports record output",
        "Cookie settings",
        "(Reporting by Anna Keller; Editing by Mark Potter)",
    ]
    # a year range or a row of figures is no telephone number
    kept, removed = remove_boilerplate("Timeline\n\n2019-2020\n\n12.5 13.2 14.8\n\nEnd.", patterns)
    assert removed == []
    kept, removed = remove_boilerplate(
        "Twitter | LinkedIn | Facebook | Email\nPosted by Nimbus AI | 12 May 2024 | 4 min read\n"
        "Manage preferences\nThe author is a former antitrust counsel at the FTC.\n"
        "The author is a gifted storyteller.",
        patterns,
    )
    assert kept == "The author is a gifted storyteller."
    kept, removed = remove_boilerplate(text, patterns)
    # the contact's name goes with its label (boilerplate 1.5.0); sentences stay
    assert "Erik Sandberg, Head of Communications" not in kept
    assert "Related coverage shows that prices > costs in 3 of 4 markets." in kept
    assert "Call 555 0100 if you see it." in kept


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Senate hearing on competition (excerpt)", True),  # a closing bracket after a word
        ("(See below.)", False),  # after punctuation it ends a sentence
        ('He said "yes."', False),
        ("Timeline", True),
        ("Key figures:", False),
    ],
)
def test_a_closing_mark_ends_a_heading_only_after_punctuation(line, heading):
    assert is_heading_line(line) is heading


BODY = "Output rose 4% in 2025, the company said."


LATER = "Shares rose 2% in early trading."


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        # a heading and the disclaimer paragraphs after it (ExxonMobil's Cautionary Statement)
        (
            f"{BODY}\n\nCautionary Statement\n\nStatements of future events in this release are "
            "forward-looking statements.\n\nActual results could differ materially. We assume no "
            f"duty to update these statements.\n\n{LATER}",
            [
                "Cautionary Statement",
                "Statements of future events in this release are forward-looking statements.",
                "Actual results could differ materially. We assume no duty to update these "
                "statements.",
            ],
        ),
        (
            f"{BODY}\n\nSafe Harbor Statement under the Private Securities Litigation Reform Act"
            f"\n\nThis release includes forward-looking statements within the meaning of the Act."
            f"\n\n{LATER}",
            [
                "Safe Harbor Statement under the Private Securities Litigation Reform Act",
                "This release includes forward-looking statements within the meaning of the Act.",
            ],
        ),
        # without a heading: the whole paragraph, its wrapped lines too
        (
            f"{BODY}\n\nThis news release contains forward-looking information about the merger."
            f"\n\n{LATER}",
            ["This news release contains forward-looking information about the merger."],
        ),
        (
            f"{BODY}\n\nCertain statements in this announcement, including plans for 2027,\n"
            f"are forward-looking statements that involve risks.\n\n{LATER}",
            [
                "Certain statements in this announcement, including plans for 2027,",
                "are forward-looking statements that involve risks.",
            ],
        ),
    ],
)
def test_forward_looking_statements_sections_are_boilerplate(patterns, text, removed):
    kept, rows = remove_boilerplate(text, patterns)
    assert [line for _, line, _ in rows] == removed
    assert kept == f"{BODY}\n\n{LATER}"


@pytest.mark.parametrize(
    "text",
    [
        # an article about the SEC that mentions forward-looking statements
        "Regulators have long argued over disclaimers.\nThe SEC said on Tuesday that companies "
        "making forward-looking statements must now name the risks.\n\nStatements by the SEC "
        "were welcomed by investors.",
        # a body heading whose next paragraph is no disclaimer
        "Cautionary note\n\nAnalysts warned that the rally in crude may not last.",
    ],
)
def test_forward_looking_statements_in_an_article_stay(patterns, text):
    assert remove_boilerplate(text, patterns) == (text, [])


def test_about_the_organisation_closing_a_press_release_is_boilerplate(patterns):
    text = (
        f"# Meridian reports record output\n\n{BODY}\n\n## About the Department\n\n"
        "The Department promotes public health. Learn more at www.azdhs.gov.\n\n"
        "Media contact: Rebecca Tran, Tel. +1 602 555 0143, rebecca.tran@azdhs.gov\n\n###"
    )
    doc = clean_document("d", text.encode(), patterns=patterns, markdown=True)
    assert doc.clean == f"Meridian reports record output\n\n{BODY}"
    assert [(r["line_no"], r["line"]) for r in doc.boilerplate] == [
        (5, "About the Department"),
        (7, "The Department promotes public health. Learn more at www.azdhs.gov."),
        (9, "Media contact: Rebecca Tran, Tel. +1 602 555 0143, rebecca.tran@azdhs.gov"),
        (11, "###"),
    ]
    kept, rows = remove_boilerplate(
        f"{BODY}\n\nAbout Meridian Energy Inc.\n\nMeridian Energy Inc. is a leading independent "
        "producer headquartered in Calgary.\n\nSOURCE Meridian Energy Inc.",
        patterns,
    )
    assert kept == BODY
    assert [line for _, line, _ in rows] == [
        "About Meridian Energy Inc.",
        "Meridian Energy Inc. is a leading independent producer headquartered in Calgary.",
        "SOURCE Meridian Energy Inc.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a section of the article, not a blurb: not at the end, or no capitalised name
        f"{BODY}\n\nAbout The Outbreak\n\nThe department confirmed 47 cases.\n\nMore later.",
        f"{BODY}\n\nAbout the outbreak\n\nThe department confirmed 47 cases.",
        # at the end, but the blurb would be the whole text
        "About Measles\n\nThe state health department tracks measles cases.",
        # at the end, but what follows it is no blurb
        f"{BODY}\n\nAbout Measles\n\nMeasles spreads through the air.",
    ],
)
def test_an_about_section_of_an_article_stays(patterns, text):
    assert remove_boilerplate(text, patterns) == (text, [])


def test_press_release_markers_and_contacts_are_boilerplate(patterns):
    text = (
        f"**FOR IMMEDIATE RELEASE**\nMarch 4, 2026\n\n{BODY}\n\nInvestor Contact:\nMarcus Delaney"
        "\n+1 (972) 940-6000\n\nMedia Contact:\nmedia.relations@exxonmobil.com\n972-940-6007\n\n"
        "Media inquiries: Rebecca Tran, rebecca.tran@azdhs.gov\n\nFor media inquiries, please "
        "email media@frb.gov or call 202-452-2955.\n\nMedia Relations\nJane Roe, Press Officer\n\n"
        "Media contact:\nThe ministry did not respond to repeated requests for comment on the "
        "figures.\n\nSOURCE Exxon Mobil Corporation\n\n— ENDS —\n-ENDS-\n(END)\n###"
    )
    kept, rows = remove_boilerplate(text, patterns)
    assert kept == (
        f"March 4, 2026\n\n{BODY}\n\nThe ministry did not respond to repeated requests for "
        "comment on the figures."
    )
    assert [line for _, line, _ in rows] == [
        "**FOR IMMEDIATE RELEASE**",
        "Investor Contact:",
        "Marcus Delaney",
        "+1 (972) 940-6000",
        "Media Contact:",
        "media.relations@exxonmobil.com",
        "972-940-6007",
        "Media inquiries: Rebecca Tran, rebecca.tran@azdhs.gov",
        "For media inquiries, please email media@frb.gov or call 202-452-2955.",
        "Media Relations",
        "Jane Roe, Press Officer",
        "Media contact:",
        "SOURCE Exxon Mobil Corporation",
        "— ENDS —",
        "-ENDS-",
        "(END)",
        "###",
    ]


def test_a_broker_notes_certification_and_disclosures_are_boilerplate(patterns):
    text = (
        f"# Integrated Oils\n\n{BODY}\n\n## Analyst certification\n\nI, Priya Natarajan, certify "
        "that the views expressed in this report reflect my personal views.\n\n## Important "
        "disclosures\n\nThis report is provided for information purposes only.\n\nPast "
        "performance is not indicative of future results."
    )
    doc = clean_document("d", text.encode(), patterns=patterns, markdown=True)
    assert doc.clean == f"Integrated Oils\n\n{BODY}"
    assert [r["line_no"] for r in doc.boilerplate] == [5, 7, 9, 11, 13]


def test_blog_and_agency_furniture_is_boilerplate(patterns):
    text = (
        f"{BODY}\n\nFacebook | Twitter | Pinterest | Email\nLike this:\nLike Loading...\n\n"
        "Great post!\n\nReply\n\nOur Standards: The Thomson Reuters Trust Principles."
    )
    kept, rows = remove_boilerplate(text, patterns)
    assert kept == f"{BODY}\n\nGreat post!"
    assert [line for _, line, _ in rows] == [
        "Facebook | Twitter | Pinterest | Email",
        "Like this:",
        "Like Loading...",
        "Reply",
        "Our Standards: The Thomson Reuters Trust Principles.",
    ]


def test_client_alert_podcast_and_forum_furniture_is_boilerplate(patterns):
    alert = (
        f"Attorney Advertising\n\n{BODY}\n\nContacts\n\nSarah K. Whitfield\nPartner, "
        "Washington, D.C.\n+1 202 555 0188\nswhitfield@example-law.com\n\nThis client alert is "
        "provided for informational purposes only and does not constitute legal advice. "
        "© 2026 Whitfield Marsh LLP. All rights reserved."
    )
    podcast = (
        "[Transcript generated automatically and lightly edited.]\n\nHOST: Welcome back.\n\n"
        "HOST: A quick break. This episode is brought to you by Ledgerly. Use code BENCH for 20% "
        "off.\n\nGUEST: The ruling matters.\n\nBench Notes is produced by Sam Ortiz. "
        "Transcripts may contain errors."
    )
    forum = (
        "Posted by u/kernel · 14h\n\nLink: reuters.com/legal/story\n\n▲ 4.8k  ▼   1.2k "
        "comments   Share   Save\n\nu/dad · 13h\n\nGood ruling.\n\n▲ 2.1k   Reply   Share   "
        "Report\n\nI am a bot, and this action was performed automatically."
    )
    expected = {
        alert: BODY,
        podcast: "HOST: Welcome back.\n\nGUEST: The ruling matters.",
        forum: "Posted by u/kernel · 14h\n\nu/dad · 13h\n\nGood ruling.",
    }
    for text, kept in expected.items():
        assert remove_boilerplate(text, patterns)[0] == kept


@pytest.mark.parametrize(
    "text",
    [
        # a disclaimer quoted mid-article, a film's credits closing a review, a code in a story
        "The firm said the memo does not constitute legal advice.\n\nCritics disagreed.",
        "The review was mixed.\n\nThe film was produced by Netflix.",
        "He used the code SAVE20 for a discount, and the episode ended.\n\nIt aired in May.",
        # a review found these ordinary paragraphs removed by the first versions of the rules
        f"{BODY}\n\nNew homes must comply with code R-402 for insulation, the council said.",
        f"{BODY}\n\nThis program is supported by a $2 million grant, the ministry said.",
        f"{BODY}\n\nThe podcast, produced by Serial Productions, was acquired by the Times.",
        f"{BODY}\n\nThe judge said the terms do not constitute legal advice and dismissed it.",
        f"{BODY}\n\nThe central bank said its guidance is for informational purposes only.",
        f"{BODY}\n\nThis is why investors should seek independent financial advice first.",
        f"{BODY}\n\nOppenheimer is produced by Universal Pictures. It opens in July.",
        "Costs rose 4% in the quarter.\n\nSee the table on Page 4 of 12 for the full data set "
        "of the regional breakdown, which the ministry published on Monday after a long delay.",
    ],
)
def test_text_like_alert_podcast_or_forum_furniture_stays(patterns, text):
    assert remove_boilerplate(text, patterns) == (text, [])


def test_a_contacts_heading_without_contact_details_takes_no_paragraph(patterns):
    body = "The two delegations kept in contact through the summer.\n\nTalks resumed."
    assert remove_boilerplate(f"Contacts\n\n{body}", patterns)[0] == body  # the label only


def test_reply_and_like_inside_a_paragraph_stay(patterns):
    text = "The letter arrived in May.\nReply came a week later.\nLike this, it was short."
    assert remove_boilerplate(text, patterns) == (text, [])


def test_research_paper_back_matter_is_boilerplate(patterns):
    text = (
        f"{BODY}\n\nSTATE HEALTH REPORT 2026 Page 4 of 12\n\nAcknowledgements\n\nWe thank the "
        "school nurses who collected the data.\n\nFunding: This study was supported by grant "
        "R01-AI-123456.\nConflicts of interest: None declared.\nCompeting interests: None.\n"
        "Keywords: measles; vaccine exemptions\nPage 5 of 12"
    )
    kept, rows = remove_boilerplate(text, patterns)
    assert kept == BODY
    assert [line for _, line, _ in rows] == [
        "STATE HEALTH REPORT 2026 Page 4 of 12",
        "Acknowledgements",
        "We thank the school nurses who collected the data.",
        "Funding: This study was supported by grant R01-AI-123456.",
        "Conflicts of interest: None declared.",
        "Competing interests: None.",
        "Keywords: measles; vaccine exemptions",
        "Page 5 of 12",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Funding: $2 billion over five years\n\nThe table is on page 4 of 12",
        "Acknowledgements\n\nMethods",  # a heading followed by a heading
        "Funding: The bill provides $5 billion in grants to states.",  # a news bullet
        "Press office: the ministry said the talks would resume.",
    ],
)
def test_lines_like_back_matter_stay(patterns, text):
    assert remove_boilerplate(text, patterns) == (text, [])


@pytest.mark.parametrize(
    "bio",
    [
        "Jane Doe is a professor of economics at the University of Chicago.",
        "— Jane Doe is a senior fellow at the Brookings Institution.",
        "*Jane Doe is a senior fellow at the Atlantic Council.*",
        "Daniel Okafor is a pediatrician in Mesa and a former member of the Arizona Medical "
        "Association's board.",
        "About the author\n\nJane Doe teaches history in Leeds.",
    ],
)
def test_an_authors_bio_closing_an_op_ed_is_boilerplate(patterns, bio):
    kept, rows = remove_boilerplate(f"{BODY}\n\n{bio}\n\nShare this", patterns)
    assert kept == BODY
    assert [line for _, line, _ in rows] == [*bio.split("\n\n"), "Share this"]


@pytest.mark.parametrize(
    "last",
    [
        "The Federal Reserve is the chief regulator of the banks.",
        # a person's role or plans in the news, not a bio: no "is a"/"is an" before the role
        "Prime Minister Keir Starmer is expected to meet the head of the IMF on Friday.",
        "Treasury Secretary Scott Bessent is due to meet China's chief negotiator in Geneva.",
        "Jane Doe was president of the Rotary Club for 20 years and leaves two children.",
    ],
)
def test_a_persons_role_in_an_article_is_no_bio(patterns, last):
    text = f"Mark Hollis is a former pediatrician in Tucson.\n\nHe sponsored the bill.\n\n{last}"
    assert remove_boilerplate(text, patterns) == (text, [])


@pytest.mark.parametrize(
    "text",
    [
        # an article's last subhead with a number, and a long article in one block
        "Floods hit the coast.\n\nAbout 300 Homes Flooded\n\nThe agency said 300 homes flooded.",
        "Information in this report comes from 12 interviews. " * 60
        + "Executives made forward-looking claims.",
    ],
)
def test_article_text_like_a_release_closing_stays(patterns, text):
    assert remove_boilerplate(text, patterns) == (text, [])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x\tnote\tpage\t", "has scope 'page'"),
        ("x\tnote\tline\ty", "a follow regex, which only a heading has"),
        ("x\tnote\theading\t(", "is not a regex"),
    ],
)
def test_boilerplate_rules_are_checked(tmp_path, row, message):
    path = tmp_path / "mine.tsv"
    path.write_text(f"# version: 1\npattern\tnote\tscope\tfollow\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        load_boilerplate_patterns([path])
    assert str(error.value).startswith(f"{path}, line 3: boilerplate pattern 'x'")


# --- words hyphenated at a line end (PDF text) -------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("The results con-\nfirmed that demand held.", "The results confirmed that demand held."),
        ("Its eco-\nnomic policy changed.", "Its economic policy changed."),
        ("Eco-\nnomic policy changed.", "Economic policy changed."),  # a capitalised first part
        ("The nego-\n  tiations failed.", "The negotiations failed."),  # an indented next line
        ("Prices were tar-\niffed twice.", "Prices were tariffed twice."),  # tariff + -ed
        ("Firms are off-\nshoring jobs.", "Firms are offshoring jobs."),  # offshore + -ing
        # compounds keep the hyphen (a dictionary's hyphenated entry, or no one-word entry)
        ("A well-\nknown fact.", "A well-known fact."),
        ("Its long-\nterm plan.", "Its long-term plan."),
        ("The self-\nreported data.", "The self-reported data."),
        ("The US-\nChina talks.", "The US-China talks."),  # a capital after the hyphen
        ("An anti-\nAmerican mood.", "An anti-American mood."),
        ("A state-of-the-\nart fab.", "A state-of-the-art fab."),  # a chain of hyphens
        # the document itself decides before the dictionary
        ("A cross-border deal. Its cross-\nborder reach.",
         "A cross-border deal. Its cross-border reach."),  # "crossborder" is in the dictionary
        ("A co-op. The co-\nop grew.", "A co-op. The co-op grew."),
    ],
)  # fmt: skip
def test_words_hyphenated_at_a_line_end_are_joined(patterns, raw, clean):
    doc = clean_document("d", raw.encode(), patterns=patterns)
    assert doc.clean == clean
    assert any("hyphenated at a line end" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "raw",
    [
        "The results con-\n\nfirmed that.",  # a paragraph break: never joined
        "Covid-19-\nrelated cases rose.",  # a digit before the hyphen
        "The vote -\nand the count.",  # a dash after a space
        "A hyphen at the end-\n",  # nothing on the next line
        "It rose 4-\n5% in May.",  # digits
    ],
)
def test_line_breaks_that_are_no_broken_words_stay(patterns, raw):
    doc = clean_document("d", raw.encode(), patterns=patterns)
    assert doc.clean == raw.strip("\n")
    assert not any("hyphenated" in w for w in doc.warnings)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # a suspended hyphen keeps its hyphen and gets its space back
        ("small-\nand medium-sized firms", "small- and medium-sized firms"),
        ("pre-\nor post-war", "pre- or post-war"),
        # a prefix before a word that starts with its last vowel, "re-sign", "cross-"
        ("his re-\nelection bid", "his re-election bid"),
        ("co-\noperation and pre-\nexisting rules", "co-operation and pre-existing rules"),
        ("they re-\nsign the deal", "they re-sign the deal"),
        ("they re-\nsign the deal; he will resign", "they resign the deal; he will resign"),
        ("a cross-\nborder deal", "a cross-border deal"),
        ("at the cross-\nroads", "at the crossroads"),
        # a second review: an ending is no word after cross-, and "resigned" is no "re-signed"
        ("the river cross-\ning was closed", "the river crossing was closed"),
        ("the minister re-\nsigned", "the minister resigned"),
        # ordinary words still lose the typesetter's hyphen
        ("con-\nfirmed eco-\nnomic in-\nformation", "confirmed economic information"),
        ("it re-\nported ex-\nports and re-\naction", "it reported exports and reaction"),
    ],
)
def test_prefixes_and_suspended_hyphens_at_a_line_end(raw, clean):
    assert rejoin_hyphenated(raw)[0] == clean


def test_rejoining_a_long_run_of_letters_is_linear():
    rejoin_hyphenated("con-\nfirmed")  # the dictionary loaded before the clock starts
    small, large = ("a" * n + " con-\nfirmed" for n in (25_000, 100_000))
    assert growth(rejoin_hyphenated, small, large) < 8  # 4 when linear, 16 when quadratic
    out, n_words, _ = rejoin_hyphenated(large)
    assert out.endswith(" confirmed") and n_words == 1


def test_a_speakers_label_after_a_line_end_hyphen_stays_on_its_line():
    assert rejoin_hyphenated("in the long-\nA: Yes.") == ("in the long-\nA: Yes.", 0, 0)


def test_hyphen_repairs_are_counted_in_a_warning(patterns):
    doc = clean_document(
        "d", b"Title\n\nThe results con-\nfirmed a well-\nknown eco-\nnomic law.", patterns=patterns
    )
    assert doc.clean == "Title\n\nThe results confirmed a well-known economic law."
    assert doc.warnings == (
        "3 word(s) hyphenated at a line end (as in a PDF) were joined again: 2 without the"
        " hyphen, 1 with it",
    )


_pdf_text = st.lists(
    st.sampled_from(["con-", "firmed", "well-", "known", "US-", "China", "-", "\n", "\n\n", " ",
                     "eco-", "nomic", "A:", "4-", "word.", "  ", "x"]),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(_pdf_text)
def test_rejoining_only_drops_line_ends_and_hyphens(text):
    out, n_words, n_compounds = rejoin_hyphenated(text)
    assert re.sub(r"[\s-]", "", out) == re.sub(r"[\s-]", "", text)
    assert out.count("\n\n") == text.count("\n\n")
    assert out.count("-") == text.count("-") - n_words
    assert out.count("\n") == text.count("\n") - n_words - n_compounds


# --- a long first line that is a title ---------------------------------------------------------

BODY_PARA = "The Commerce Department unveiled new rules on Tuesday. Industry groups objected."
LONG_TITLE = (
    "Why the New Export Rules Will Backfire on American Chipmakers, Their Workers and the"
    " Allies Who Depend on Them"
)
STUDY_TITLE = (
    "Export controls and innovation: evidence from firm-level data on the semiconductor"
    " industry in the United States and Europe, 2015-2024"
)


@pytest.mark.parametrize(
    ("clean", "headings"),
    [
        (f"{LONG_TITLE}\n\n{BODY_PARA}", [True, False]),
        (f"{STUDY_TITLE}\n\n{BODY_PARA}", [True, False]),  # a title and subtitle around a colon
        (f"{LONG_TITLE}\n\nBy Jane Doe\n\n{BODY_PARA}", [True, True, False]),  # a byline between
        (
            "Export controls and innovation: evidence from semiconductor firms in twelve"
            f" countries and three regions, 2015 to 2024\n\n{BODY_PARA}",
            [True, False],
        ),
        # a dateline before a Title Case headline
        (
            "WASHINGTON, D.C.: Why the New Export Rules Will Backfire on American Chipmakers"
            f" and Their Workers in Ohio\n\n{BODY_PARA}",
            [True, False],
        ),
    ],
)
def test_a_long_unpunctuated_first_line_before_body_text_is_a_title(clean, headings):
    assert MAX_HEADING_WORDS < len(clean.split("\n")[0].split()) <= MAX_TITLE_WORDS
    assert [p.is_heading for p in paragraphs_of(clean)] == headings


def test_a_study_title_with_a_colon_subtitle_stays_a_title():
    first = (
        "Export controls and innovation: evidence from semiconductor firms in twelve countries,"
        " 2015 to 2024"
    )
    assert [p.is_heading for p in paragraphs_of(f"{first}\n\n{BODY_PARA}")] == [True, False]


@pytest.mark.parametrize(
    "first",
    [
        # a one-line lede ending in a quotation or a dash
        "Lawmakers from both parties said on Tuesday that the new export rules were, in the"
        " words of one senator, “dead on arrival”",
        "The Commerce Department on Tuesday unveiled its most sweeping export rules yet, and"
        " the industry is already pushing back —",
        # a lede in sentence case that only lacks its full stop
        "The Commerce Department on Tuesday unveiled its most sweeping export rules yet and the"
        " industry is already pushing back",
        # two sentences in Title Case
        "Prices Rose Again Last Week. Officials Blamed the New Tariffs on Chinese Imports and"
        " European Steel Products Today",
        # longer than MAX_TITLE_WORDS
        " ".join(["Export Controls"] * 21),
        # a dateline lede without its full stop: no subtitle after the colon
        "LONDON: Britain's economy grew faster than expected in the third quarter as consumers"
        " spent more despite higher interest rates",
        "SAN FRANCISCO: The chipmaker said on Tuesday that its sales in China had fallen by a"
        " third since the rules took effect",
    ],
)
def test_a_long_first_line_that_is_a_sentence_stays_body_text(first):
    assert len(first.split()) > MAX_HEADING_WORDS
    assert [p.is_heading for p in paragraphs_of(f"{first}\n\n{BODY_PARA}")] == [False, False]


@pytest.mark.parametrize(
    "after",
    [
        "",  # nothing after it
        f"\n\nTimeline\n\n{BODY_PARA}",  # a heading after it
        "\n\nA second paragraph without any final punctuation",  # no body text after it
    ],
)
def test_a_long_title_needs_body_text_after_it(after):
    assert paragraphs_of(LONG_TITLE + after)[0].is_heading is False


@pytest.mark.parametrize(
    "first",
    [
        "COVID-19: lessons from three years of emergency rules for schools, hospitals and the"
        " courts that reviewed them",
        "NATO: a history of the alliance's intelligence sharing with partners in Asia and the"
        " Pacific since the end of the Cold War",
    ],
)
def test_an_acronym_before_a_subtitle_is_no_dateline(first):
    assert len(first.split()) > MAX_HEADING_WORDS
    assert [p.is_heading for p in paragraphs_of(f"{first}\n\n{BODY_PARA}")] == [True, False]


def test_a_long_title_is_a_heading_sentence(patterns):
    doc = segment_text(f"{LONG_TITLE}\n\n{BODY_PARA}")
    assert [(s.text, s.is_heading) for s in doc.sentences] == [
        (LONG_TITLE, True),
        ("The Commerce Department unveiled new rules on Tuesday.", False),
        ("Industry groups objected.", False),
    ]


# --- heading sections in linear time -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "removed_lines"),
    [
        # the outputs of the quadratic version these replace
        (
            "Acme sold 4 units.\n\nSafe harbor\n\nSafe harbor\n\n"
            "This release contains forward-looking statements.\n\nProfits rose.",
            "Acme sold 4 units.\n\nProfits rose.",
            [3, 5, 7],
        ),
        (
            "Acme sold 4 units.\n\nCautionary Statement\n\nActual results may differ materially."
            "\n\nSafe harbor\n\nUndue reliance is unwise.\n\nTimeline\n\nProfits rose.",
            "Acme sold 4 units.\n\nTimeline\n\nProfits rose.",
            [3, 5, 7, 9],
        ),
        (
            "Acme sold 4 units.\n\nAcknowledgements\n\nTimeline\n\nProfits rose.\n\nAbout Acme"
            "\n\nAcme makes things.",
            "Acme sold 4 units.\n\nAcknowledgements\n\nTimeline\n\nProfits rose.\n\nAbout Acme"
            "\n\nAcme makes things.",
            [],
        ),
    ],
)
def test_heading_sections_as_before(patterns, text, kept, removed_lines):
    out, removed = remove_boilerplate(text, patterns)
    assert out == kept
    assert [n for n, _, _ in removed] == removed_lines


def test_many_section_headings_are_removed_in_linear_time(patterns):
    small, large = (
        "Acme sold 4 units.\n\n" + "Safe harbor\n\n" * n + "Profits rose." for n in (500, 2000)
    )
    # 4 when linear, 16 when each heading scanned all after it (4 s for 2,000 headings)
    assert growth(functools.partial(remove_boilerplate, patterns=patterns), small, large) < 8
    out, removed = remove_boilerplate(large, patterns)
    assert out == "Acme sold 4 units.\n\nProfits rose."
    assert len(removed) == 2000


def test_a_turn_cut_off_with_a_dash_is_no_heading():
    """Audit G S8: a transcript's turn without final punctuation is body text; a lone label
    line that opens no other paragraph is still a heading."""
    text = (
        "HOST: But the government also said there was no agreement at all.\n\n"
        "GUEST: It did. And that's --\n\n"
        "HOST: So why should anyone believe them now?\n\n"
        "GUEST: I'm not saying anyone should.\n\n"
        "HOST: We'll have to --\n\n"
        "GUEST: -- because that phrase is doing an awful lot of work."
    )
    doc = segment_text(text)
    assert not any(s.is_heading for s in doc.sentences)
    text = "Talks resume\n\nUPDATE: Talks resume at noon\n\nThe ministers met on Monday."
    assert [p.is_heading for p in paragraphs_of(text)] == [True, True, False]


@pytest.mark.parametrize(
    ("source", "clean"),
    [
        # audit G S11: emphasis marks and link syntax become plain text
        ("On Tuesday *The Marisca Herald* published a 14-page document.",
         "On Tuesday The Marisca Herald published a 14-page document."),
        ("- **62%**: share of the traffic\n- **8.4%**: fall in the share price",
         "- 62%: share of the traffic\n- 8.4%: fall in the share price"),
        ("Read [the Herald's story](https://example.org/a) and __this__ _one_.",
         "Read the Herald's story and this one."),
        # near misses: list markers, arithmetic, words with underscores, lone marks stay
        ("* first item\n* second item", "* first item\n* second item"),
        ("It costs 5 * 3 * 2 units; see snake_case_name and a*b.",
         "It costs 5 * 3 * 2 units; see snake_case_name and a*b."),
        ("An [editor's note] and a bracket (here).", "An [editor's note] and a bracket (here)."),
        # review 16: a URL keeps its underscores and asterisks; emphasis around it goes
        ("See https://example.com/_private_/x and the _Herald_ said.",
         "See https://example.com/_private_/x and the Herald said."),
        ("Mirror: www.example.org/*draft*/v2 or *here*.",
         "Mirror: www.example.org/*draft*/v2 or here."),
        ("*see https://example.org/a_b_c*", "see https://example.org/a_b_c"),
        # a helper's audit: reference links, their definitions, autolinks and blockquote marks
        ("Read [the report][1] and [the reply][].\n\n[1]: https://example.com \"Report\"\n"
         "[the reply]: <https://example.org/r>",
         "Read the report and the reply."),
        ("Mail <press@example.org> or see <https://example.org/a_b>.",
         "Mail press@example.org or see https://example.org/a_b."),
        ("> The minister said it would pass.\n> > It did not.\n\nAfter.",
         "The minister said it would pass.\nIt did not.\n\nAfter."),
        # near misses: a wiki mark, a bracketed word with a colon in prose, a comparison
        ("It was praised.[1] See [note]: below, and 3 < 5 > 2.",
         "It was praised.[1] See [note]: below, and 3 < 5 > 2."),
        # a review: wiki marks side by side are no reference link without a definition (they
        # had become "disaster.1", which the sentiment's blanking of marks no longer saw), and
        # a bracketed word with a colon before prose is no definition
        ("The plan was a disaster.[1][2] It was [citation needed][5].\n\n[Update]: Corrected.",
         "The plan was a disaster.[1][2] It was [citation needed][5].\n\n[Update]: Corrected."),
        ("See [the report][R1].\n\n[r1]: /reports/2024.pdf", "See the report."),
    ],
)  # fmt: skip
def test_markdown_emphasis_and_links_become_plain_text(patterns, source, clean):
    doc = clean_document("d", source.encode(), patterns=patterns, markdown=True)
    assert doc.clean == clean


def test_markdown_headings_keep_exact_offsets_after_emphasis_is_removed(patterns):
    text = "# The *Pacific* Brief\n\n**Issue #212 · 10 March 2026**\n\nIt was *quite* a week."
    doc = clean_document("d", text.encode(), patterns=patterns, markdown=True)
    assert doc.clean == "The Pacific Brief\n\nIssue #212 · 10 March 2026\n\nIt was quite a week."
    assert [(doc.clean[p.start : p.end], p.is_heading) for p in doc.paragraphs] == [
        ("The Pacific Brief", True), ("Issue #212 · 10 March 2026", True),
        ("It was quite a week.", False),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "headers"),
    [
        # review 14: one grammar of a post's header for ingest and the terms: ISO dates, ages
        ("Body.\n  Mele Tuilagi @meletuilagi · 2024-03-06 \nPacific Watcher @pacwatch_ · 2w\nX",
         ["Mele Tuilagi @meletuilagi · 2024-03-06", "Pacific Watcher @pacwatch_ · 2w"]),
        ("Jo Lee @jolee · Mar 6", ["Jo Lee @jolee · Mar 6"]),
        # a handle in prose, a post's text after the date, a line without a date
        ("Email me @jsmith · 2h ago I said.\nMele Tuilagi @meletuilagi\nSee @x · Mar 6 deal", []),
    ],
)  # fmt: skip
def test_post_header_spans(text, headers):
    spans = post_header_spans(text)
    assert [text[start:end] for start, end in spans] == headers
    assert all(is_own_line(text[start:end]) for start, end in spans)


def test_boilerplate_line_numbers_are_the_files(patterns):
    """A helper's audit: runs of blank lines were merged before the rules numbered the lines,
    so "Leave a Comment" on line 11 of the file was reported on line 5."""
    text = (
        "\n\nBoilerplate Test\n\n\n\nThe economy grew by 5% in 2023, officials said.\n\n\n\n"
        "Leave a Comment\n\nScroll to Top\n"
    )
    doc = clean_document("d", text.encode(), patterns=patterns)
    lines = text.split("\n")
    assert [(r["line_no"], r["line"]) for r in doc.boilerplate] == [
        (11, "Leave a Comment"),
        (13, "Scroll to Top"),
    ]
    assert all(lines[r["line_no"] - 1] == r["line"] for r in doc.boilerplate)
    # the clean text still has one blank line between paragraphs and none at either end
    assert doc.clean == "Boilerplate Test\n\nThe economy grew by 5% in 2023, officials said."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a form feed between PDF pages, a vertical tab, Unicode line and paragraph separators
        # and NEL part words (they were deleted: "Line oneLine two")
        ("Line one\fLine two", "Line one Line two"),
        ("a\vb\u2028c\u2029d\x85e", "a b c d e"),
        # the soft hyphen (a hyphenation hint: "intel\u00adligence" was two words) and the
        # bidirectional marks web pages carry are invisible
        ("intel\u00adligence", "intelligence"),
        ("China\u200e said \u202aBeijing\u202c", "China said Beijing"),
        ("\u2066x\u2069", "x"),
    ],
)
def test_other_breaks_are_spaces_and_format_characters_go(raw, expected):
    assert normalize_text(raw) == expected
    # line numbers are kept: only "\n" ends a line
    assert normalize_lines(f"{raw}\nnext").split("\n")[1] == "next"


@pytest.mark.parametrize(
    ("source", "clean", "headings"),
    [
        # a helper's walkthrough: Jekyll's front matter had become the title and a sentence
        ("---\ntitle: \"Ports: who owns them?\"\ndate: 2024-03-06\ntags: [ports, china]\n---\n\n"
         "The harbour was sold in 2023.",
         "Ports: who owns them?\n\nThe harbour was sold in 2023.", ["Ports: who owns them?"]),
        ("---\nlayout: post\n...\nThe harbour was sold.", "The harbour was sold.", []),
        ("---\ntitle: yes\n---\nThe harbour was sold.", "The harbour was sold.", []),  # a bool
        # a block that is not YAML keys stays text (its "---" go, as any rule between sections)
        ("---\nThe harbour was sold.\n---\nIt was.", "The harbour was sold.\n\nIt was.", []),
        ("---\n\nNo end of the block.", "No end of the block.", []),
    ],
)  # fmt: skip
def test_markdown_front_matter_goes_and_its_title_leads(patterns, source, clean, headings):
    doc = clean_document("d", source.encode(), patterns=patterns, markdown=True)
    assert doc.clean == clean
    # boilerplate.csv's line numbers are still the file's
    lines = source.split("\n")
    assert all(lines[r["line_no"] - 1] == r["line"] for r in doc.boilerplate)
    assert [doc.clean[p.start : p.end] for p in doc.paragraphs if p.is_heading] == headings


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a zero-width joiner inside an emoji sequence stays: one symbol, not two (a walkthrough
        # of threads: "🤷‍♀️" had become "🤷" and "♀️")
        ("Nope \U0001f937\u200d\u2640\ufe0f ok", "Nope \U0001f937\u200d\u2640\ufe0f ok"),
        ("dev \U0001f469\u200d\U0001f4bb here", "dev \U0001f469\u200d\U0001f4bb here"),
        # between letters, or a letter and an emoji, it is an invisible character: removed
        ("Chi\u200dna said", "China said"),
        ("a\u200d\U0001f600", "a\U0001f600"),
    ],
)
def test_a_zero_width_joiner_stays_only_inside_an_emoji(text, kept):
    from pipeline.ingest import normalize_lines

    assert normalize_lines(text) == kept
