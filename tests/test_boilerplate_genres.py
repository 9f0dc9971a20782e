"""Boilerplate of the genres of audit F (lexicons/boilerplate.tsv 1.7.0): social-media thread
exports, Wikipedia pages, e-mail newsletters, Xinhua copy, a paper's back matter with bold
labels and the remains of a share row. Each kind is removed, and text that looks like it stays."""

from __future__ import annotations

import re
import time

import pytest

from pipeline.ingest import clean_document, remove_boilerplate
from pipeline.lexicon import lexicon_path

BODY = "Output rose 4% in 2025, the company said."


def removed_lines(text, patterns, *, markdown=False):
    return [line for _, line, _ in remove_boilerplate(text, patterns, markdown=markdown)[1]]


# --- social-media thread exports (H3) ------------------------------------------------------

THREAD = (
    "Dr. Mara Kovacs\n@MaraKovacsPhD\n\n"
    "1/3 Everyone is dunking on Veloria for the deal. A few things are missing.\n\n"
    "2/3 Our survey (N = 1,204) finds 46% support vs 39% opposed.\n\n"
    "10:14 AM · Mar 6, 2024 · 184.2K Views\n\n"
    "1,204 Reposts  312 Quotes  4.8K Likes  2,011 Bookmarks\n\n"
    "Replying to @MaraKovacsPhD\n"
    "Tariq Haddad @thaddad_sec · Mar 6\n"
    "Great thread. I was at that workshop lol\n"
    "💬 14  🔁 51  ❤️ 623\n\n"
    "Replying to @LibertyHawk1776 and @MaraKovacsPhD\n"
    "Dr. Mara Kovacs @MaraKovacsPhD · Mar 6\n"
    "Explaining isn't defending. Read the thread.\n"
    "💬 9  🔁 40  ❤️ 1.1K\n\n"
    "Show more replies"
)


def test_social_thread_furniture_is_boilerplate_and_the_posts_stay(patterns):
    kept, rows = remove_boilerplate(THREAD, patterns)
    assert kept == (
        "Dr. Mara Kovacs\n@MaraKovacsPhD\n\n"
        "1/3 Everyone is dunking on Veloria for the deal. A few things are missing.\n\n"
        "2/3 Our survey (N = 1,204) finds 46% support vs 39% opposed.\n\n"
        "Tariq Haddad @thaddad_sec · Mar 6\n"
        "Great thread. I was at that workshop lol\n\n"
        "Dr. Mara Kovacs @MaraKovacsPhD · Mar 6\n"
        "Explaining isn't defending. Read the thread."
    )
    assert [line for _, line, _ in rows] == [
        "10:14 AM · Mar 6, 2024 · 184.2K Views",
        "1,204 Reposts  312 Quotes  4.8K Likes  2,011 Bookmarks",
        "Replying to @MaraKovacsPhD",
        "💬 14  🔁 51  ❤️ 623",
        "Replying to @LibertyHawk1776 and @MaraKovacsPhD",
        "💬 9  🔁 40  ❤️ 1.1K",
        "Show more replies",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "· 184.2K Views",
        "184.2K Views",
        "23 likes · 4 replies",
        "12 reposts, 3 quotes, 45 likes",
        "❤️ 623",
        "👍 12  💬 3",
        "9:05 PM · 6 Mar 2024",
        "Replying to @a, @b and 2 others",
        "View 3 more replies",
    ],
)
def test_other_forms_of_social_media_furniture_are_boilerplate(patterns, line):
    assert removed_lines(f"{BODY}\n\n{line}\n\nProfits rose.", patterns) == [line]


@pytest.mark.parametrize(
    "text",
    [
        # a post's own words about counts, replies and views are prose
        "The post drew 623 likes and 51 reposts within an hour.",
        "623 likes and 51 reposts later, she deleted it",
        "Replying to critics, she said the deal was sound.",
        "She was replying to @EastSeaWatcher, who had asked about Article 9.",
        "Views differ on the deal",
        "❤️ this thread",
        "14 million people",
        "At 10:14 AM the minister spoke.",
        "Show more courage, the editorial said.",
    ],
)
def test_text_like_social_media_furniture_stays(patterns, text):
    text = f"{BODY}\n\n{text}\n\nProfits rose."
    assert remove_boilerplate(text, patterns) == (text, [])


# --- Wikipedia (M2) ----------------------------------------------------------------------

WIKI_BODY = (
    "Background[edit]\n\n"
    "Veloria had relied on British assistance since 2015.[4] In 2022, a ransomware attack "
    "disrupted the tax authority for 11 days.[5]\n\n"
    "Reactions[edit]\n\n"
    "Analysts compared the agreement to earlier Chinese arrangements.[19]"
)
WIKI = (
    "China–Veloria Cybersecurity Cooperation Agreement\n\n"
    "From Wikipedia, the free encyclopedia\n"
    "Jump to navigation Jump to search\n\n"
    "The agreement is a bilateral agreement signed in Beijing on 4 March 2024.[1][2]\n\n"
    "Contents\n1 Background\n2 Provisions\n2.1 Article 9 and data\n3 Reactions\n4 See also\n"
    "5 References\n\n"
    f"{WIKI_BODY}\n\n"
    "See also[edit]\n\nChina–Veloria relations\nDigital Silk Road\nFive Eyes\n\n"
    "References[edit]\n\n"
    '^ a b c "China, Veloria sign landmark agreement". Xinhua. 4 March 2024. Retrieved 6 '
    "March 2024.\n"
    '^ Kowalski, Anna (4 March 2024). "Veloria turns to Beijing". Reuters. Retrieved 6 March '
    "2024.\n"
    '^ "Eastern Sea Dialogue members". ESD Secretariat. Archived from the original on 2 '
    "January 2024.\n"
    '^ Tanaka, H. (2019). "Capacity building". Journal of Cyber Policy. 4 (2): 112–130.\n\n'
    "External links[edit]\n\nText of the joint statement (in Chinese)\nOfficial website\n\n"
    "This page was last edited on 12 March 2024, at 09:14 (UTC).\n"
    "Text is available under the Creative Commons Attribution-ShareAlike License 4.0; "
    "additional terms may apply. By using this site, you agree to the Terms of Use and Privacy "
    "Policy.\n"
    "Privacy policy About Wikipedia Disclaimers Contact Wikipedia Code of Conduct Developers "
    "Statistics Cookie statement Mobile view"
)


def test_wikipedia_furniture_and_back_matter_are_boilerplate(patterns):
    kept, rows = remove_boilerplate(WIKI, patterns)
    assert kept == (
        "China–Veloria Cybersecurity Cooperation Agreement\n\n"
        "The agreement is a bilateral agreement signed in Beijing on 4 March 2024.[1][2]\n\n"
        f"{WIKI_BODY}"
    )
    lines = [line for _, line, _ in rows]
    assert lines[:3] == [
        "From Wikipedia, the free encyclopedia",
        "Jump to navigation Jump to search",
        "Contents",
    ]
    assert "Five Eyes" in lines and "Official website" in lines
    assert lines[-1].startswith("Privacy policy About Wikipedia")
    # each line is listed with the rule that took it: the reference list with its heading's
    by_line = {line: pattern for _, line, pattern in rows}
    assert by_line["References[edit]"] == by_line[lines[lines.index("References[edit]") + 1]]
    assert by_line["References[edit]"].startswith("(references|notes")


def test_a_contents_list_after_a_blank_line_goes_with_its_heading(patterns):
    text = f"{BODY}\n\nContents\n\n1 Background\n2 Reactions to the 2022 attack\n3 See also\n\n"
    text += "Background\n\nTalks began in 2022."
    assert remove_boilerplate(text, patterns)[0] == f"{BODY}\n\nBackground\n\nTalks began in 2022."


def test_a_reference_list_of_many_paragraphs_and_numbered_endnotes_go(patterns):
    refs = (
        "References\n\n^ Smith, J. (2020). Cyber pacts. Retrieved 6 March 2024.\n\n"
        "^ Doe, A. (2019). Small states. doi:10.1080/2373.2019.123\n\n"
        "^ Lee, K. Capacity building. ISBN 978-0-19-884123-4."
    )
    notes = (
        "Notes\n\n1 Joint Statement, 4 March 2024.\n2 Annual Report 2023, p. 17.\n"
        "3 Authors' translation."
    )
    for back in (refs, notes):
        assert remove_boilerplate(f"{BODY}\n\n{back}", patterns)[0] == BODY


@pytest.mark.parametrize(
    "text",
    [
        # a Notes, References or Contents heading over prose keeps the prose
        f"{BODY}\n\nNotes\n\nThe survey was fielded in May, before the vote.",
        f"{BODY}\n\nReferences\n\nThe minister made several references to the 2019 MoU.",
        f"{BODY}\n\nContents\n\nThe contents of Article 9 remain secret.",
        # a See also list in the middle of a text is no closing section
        f"{BODY}\n\nSee also\n\nDigital Silk Road\n\nTalks resumed in May, the ministry said.",
        # a See also heading over prose
        f"{BODY}\n\nSee also\n\nThe ministry's earlier statement, which was shorter.",
        # prose that names the page's furniture
        f"{BODY}\n\nThe text is available under the agreement's annex, the ministry said.",
        f"{BODY}\n\nThis page was last edited by the ministry, critics said.",
        f"{BODY}\n\nContents 1 and 2 of the box were seized.",
        f"{BODY}\n\nThe agreement was retrieved from the archive in 2024.",
    ],
)
def test_text_like_wikipedia_back_matter_stays(patterns, text):
    assert remove_boilerplate(text, patterns) == (text, [])


# --- e-mail newsletters (Low) ------------------------------------------------------------

NEWSLETTER = (
    "[View in browser](https://cyberbrief.example.com/issues/87)\n\n"
    "# The Cyber Brief\n\n"
    "We think the Western reaction has been more alarmed than useful.\n\n"
    "*Enjoyed this issue? [Forward it to a friend](https://cyberbrief.example.com/forward) or "
    "[share it on LinkedIn](https://www.linkedin.com/sharing).*\n\n"
    "You are receiving this email because you subscribed at cyberbrief.example.com.\n\n"
    "[Unsubscribe](https://cyberbrief.example.com/unsubscribe?u=8f3a2c) | [View in browser]"
    "(https://cyberbrief.example.com/issues/87) | [Forward to a friend](https://cyberbrief."
    "example.com/forward) | [Update preferences](https://cyberbrief.example.com/prefs)\n\n"
    "Copyright © 2024 Cyber Brief Media Ltd, All rights reserved.\n"
    "Our mailing address is: Cyber Brief Media Ltd, 14 Harbour Street, London EC2A 4BX\n\n"
    "Our mailing address is:\nCyber Brief Media Ltd\n14 Harbour Street\nLondon EC2A 4BX\n\n"
    "Want to change how you receive these emails?\n"
    "You can update your preferences or unsubscribe from this list.\n\n"
    "Unsubscribe | View in browser | Forward to a friend"
)


def test_a_newsletters_footer_is_boilerplate(patterns):
    doc = clean_document("n", NEWSLETTER.encode("utf-8"), patterns=patterns, markdown=True)
    assert doc.clean == (
        "The Cyber Brief\n\nWe think the Western reaction has been more alarmed than useful."
    )
    assert "14" not in doc.clean
    lines = [row["line"] for row in doc.boilerplate]
    assert len(lines) == 13  # every line of the footer, the address's own lines too
    assert lines[-7:-3] == ["Our mailing address is:", "Cyber Brief Media Ltd", "14 Harbour Street",
                            "London EC2A 4BX"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Readers who want to unsubscribe can do so at any time, the company said.",
        "You are receiving this because of the new law, the regulator wrote.",
        "She said she would update your preferences for you.",
        "Our mailing address is changing in May, the company said in a statement to staff.",
        "Enjoyed this issue of the journal? Many readers did.",
    ],
)
def test_text_like_a_newsletters_footer_stays(patterns, text):
    text = f"{BODY}\n\n{text}"
    assert remove_boilerplate(text, patterns) == (text, [])


# --- Xinhua copy (Low) -------------------------------------------------------------------


def test_xinhua_source_editor_and_end_lines_are_boilerplate(patterns):
    text = (
        "China, Veloria sign landmark agreement\n\n"
        "Source: Xinhua | 2024-03-04 21:15:07 | Editor: Liu Mingzhe\n\n"
        "BEIJING, March 4 (Xinhua) -- China and Veloria on Monday signed an agreement.\n\n"
        "(Edited by Zhang Wei with Xinhua Mobile)\n\nEnditem"
    )
    kept, rows = remove_boilerplate(text, patterns)
    assert kept == (
        "China, Veloria sign landmark agreement\n\n"
        "BEIJING, March 4 (Xinhua) -- China and Veloria on Monday signed an agreement."
    )
    assert [line for _, line, _ in rows] == [
        "Source: Xinhua | 2024-03-04 21:15:07 | Editor: Liu Mingzhe",
        "(Edited by Zhang Wei with Xinhua Mobile)",
        "Enditem",
    ]
    # the newer site's form, without bars
    line = "Source: Xinhua Editor: huaxia 2024-03-04 21:15:07"
    assert removed_lines(f"{BODY}\n\n{line}", patterns) == [line]


@pytest.mark.parametrize(
    "text",
    [
        "Source: the ministry said the talks would resume.",
        "The source, an editor at Xinhua, declined to comment.",
        "(Edited by a committee, the text runs to 40 pages.) The vote is in May.",
        "Enditem is not a word, the editor said.",
    ],
)
def test_text_like_xinhua_furniture_stays(patterns, text):
    text = f"{BODY}\n\n{text}"
    assert remove_boilerplate(text, patterns) == (text, [])


# --- a paper's bold labels (Low) ---------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "**Funding:** This research was supported by the Eastbridge Research Council (grant "
        "ERC-2023-118).",
        "**Funding**: This study was funded by grant R01-AI-123456.",
        "**Keywords:** cybersecurity; China; public opinion",
        "__Key words:__ measles; vaccine exemptions",
        "**Competing interests:** None declared.",
    ],
)
def test_a_papers_back_matter_with_a_bold_label_is_boilerplate(patterns, line):
    text = f"{BODY}\n\n{line}"
    assert remove_boilerplate(text, patterns, markdown=True)[0] == BODY


@pytest.mark.parametrize(
    "text",
    [
        "**Funding:** $2 billion over five years",
        "**Funding:** The bill provides $5 billion in grants to states.",
        "**Keywords** matter for search, the editor said.",
    ],
)
def test_bold_labels_like_back_matter_stay(patterns, text):
    text = f"{BODY}\n\n{text}"
    assert remove_boilerplate(text, patterns, markdown=True) == (text, [])


# --- the remains of a share row (Low) ----------------------------------------------------


def test_the_remains_of_a_share_row_are_boilerplate(patterns):
    text = f"{BODY}\n\nShare this:\nFacebook\nX\nEmail\n\nRelated: Other fact checks"
    kept, rows = remove_boilerplate(text, patterns)
    assert kept == BODY
    assert [line for _, line, _ in rows] == [
        "Share this:",
        "Facebook",
        "X",
        "Email",
        "Related: Other fact checks",
    ]
    # without "Share this": only closing a text
    assert remove_boilerplate(f"{BODY}\n\nFacebook\nX\nEmail", patterns)[0] == BODY


@pytest.mark.parametrize(
    "text",
    [
        # a heading naming a platform, and a list of platforms that is not at the end
        f"{BODY}\n\nFacebook\n\nThe company said it would appeal.",
        f"{BODY}\n\nFacebook\nInstagram\nTikTok\n\nAll three were fined in May.",
        f"{BODY}\n\nShare prices on Facebook and X fell.",
    ],
)
def test_platform_names_in_an_article_stay(patterns, text):
    assert remove_boilerplate(text, patterns) == (text, [])


# --- the lexicon file --------------------------------------------------------------------


def test_no_boilerplate_pattern_is_listed_twice(patterns):
    sources = [rule.source for rule in patterns.rules]
    assert len(sources) == len(set(sources))
    header = lexicon_path("boilerplate.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert re.fullmatch(r"# version: 1\.(\d+)\.\d+", header) and int(header.split(".")[1]) >= 7


@pytest.mark.parametrize(
    "line",
    [
        "Contents " + "1 a " * 400 + "!",
        "💬 1 " * 600 + "x",
        "1 likes, " * 400 + "x",
        "Share this: " + "x " * 800 + "!",
        "x " * 800 + "!",
        "Source: " + "a|" * 400 + "editor",
        "[Unsubscribe](" + "a" * 3000 + " | " * 300,
        "Replying to @a" + " @a" * 800 + "!",
        "References " + "^ " * 800,
    ],
)
def test_the_new_rules_take_linear_time_on_adversarial_lines(patterns, line):
    text = f"{BODY}\n\n" + "\n".join([line] * 5) + "\n\n" + line + "\n\nProfits rose."
    start = time.perf_counter()
    remove_boilerplate(text, patterns)
    assert time.perf_counter() - start < 0.5
