"""Boilerplate of the genres of audit F (lexicons/boilerplate.tsv 1.7.0): social-media thread
exports, Wikipedia pages, e-mail newsletters, Xinhua copy, a paper's back matter with bold
labels and the remains of a share row. Each kind is removed, and text that looks like it stays."""

from __future__ import annotations

import functools
import re

import pytest

from pipeline.ingest import clean_document
from pipeline.ingest_boilerplate import remove_boilerplate
from pipeline.lexicon import lexicon_path
from tests.conftest import growth

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
        "Tariq Haddad @thaddad_sec · Mar 6\n\n"  # a post's header: a paragraph of its own
        "Great thread. I was at that workshop lol\n\n"
        "Dr. Mara Kovacs @MaraKovacsPhD · Mar 6\n\n"
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
    assert re.fullmatch(r"# version: 1\.(\d+)\.\d+", header) and int(header.split(".")[1]) >= 9


def time_ratio(patterns, prefix, unit, suffix, chars=10_000):
    """How much longer a text of six adversarial lines four times as long takes: about 4 when
    the rules are linear in a line's length, 16 when quadratic (a ratio, not a wall-clock
    limit, so a loaded machine does not fail it)."""

    def text(n):
        line = prefix + unit * n + suffix
        return f"{BODY}\n\n" + "\n".join([line] * 5) + "\n\n" + line + "\n\nProfits rose."

    n = max(1, chars // len(unit))
    return growth(functools.partial(remove_boilerplate, patterns=patterns), text(n), text(4 * n))


@pytest.mark.parametrize(
    ("prefix", "unit", "suffix"),
    [
        ("Contents ", "1 a ", "!"),
        ("", "💬 1 ", "x"),
        ("", "1 likes, ", "x"),
        ("Share this: ", "x ", "!"),
        ("", "x ", "!"),
        ("Source: ", "a|", "editor"),
        ("[Unsubscribe](", "a", " | " * 300),
        ("Replying to @a", " @a", "!"),
        ("References ", "^ ", ""),
    ],
)
def test_the_new_rules_take_linear_time_on_adversarial_lines(patterns, prefix, unit, suffix):
    assert time_ratio(patterns, prefix, unit, suffix) < 8


# --- audit G (boilerplate.tsv 1.8.0) -------------------------------------------------------

POSTS = (
    "Post\n\nSee new posts\nConversation\n\n"
    "Mele Tuilagi @meletuilagi · Mar 6\n"
    "1/ Thread on the Harbour Protocol. A few things people keep getting wrong 🧵\n"
    "14 212 903 88K\n\n"
    "Pacific Watcher @pacwatch_ · Mar 6\n"
    "Replying to @meletuilagi\n"
    "Good thread. But the Herald's source reportedly worked inside NID for 11 years.\n"
    "2 5 48\n\n"
    "Mele Tuilagi @meletuilagi · Mar 6\n"
    "Fair. Not dismissing it, just saying the text we have doesn't show it\n"
    "1 3 31\n\n"
    "Show more replies\n\n"
    "Discover more\nSourced from across X\n\n"
    "Relevant people\nMele Tuilagi @meletuilagi\nFollow\n"
    "Pacific politics & cyber policy. Views my own. Lecturer @usp_ac"
)


def test_a_threads_bare_counts_headers_and_x_furniture(patterns):
    """S4, S5, S6: the counts go, each post's header is a paragraph of its own, X's furniture
    goes, and the posts stay."""
    kept, rows = remove_boilerplate(POSTS, patterns)
    assert kept == (
        "Mele Tuilagi @meletuilagi · Mar 6\n\n"
        "1/ Thread on the Harbour Protocol. A few things people keep getting wrong 🧵\n\n"
        "Pacific Watcher @pacwatch_ · Mar 6\n\n"
        "Good thread. But the Herald's source reportedly worked inside NID for 11 years.\n\n"
        "Mele Tuilagi @meletuilagi · Mar 6\n\n"
        "Fair. Not dismissing it, just saying the text we have doesn't show it"
    )
    assert [line for _, line, _ in rows] == [
        "Post", "See new posts", "Conversation", "14 212 903 88K", "Replying to @meletuilagi",
        "2 5 48", "1 3 31", "Show more replies", "Discover more", "Sourced from across X",
        "Relevant people", "Mele Tuilagi @meletuilagi", "Follow",
        "Pacific politics & cyber policy. Views my own. Lecturer @usp_ac",
    ]  # fmt: skip


def test_a_posts_header_is_a_heading_and_its_words_are_body(patterns):
    doc = clean_document("t", POSTS.encode("utf-8"), patterns=patterns)
    paras = [(doc.clean[p.start : p.end], p.is_heading) for p in doc.paragraphs]
    assert paras[:2] == [
        ("Mele Tuilagi @meletuilagi · Mar 6", True),
        ("1/ Thread on the Harbour Protocol. A few things people keep getting wrong 🧵", False),
    ]
    # a post without a final full stop under its header is no heading
    assert paras[-1] == ("Fair. Not dismissing it, just saying the text we have doesn't show it",
                         False)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # numbers without a post header: a table's row, a list of years, scores
        "Seats won\n\n12 45 3\n\nThe vote is in May.",
        "2019 2020 2021\n\nThe vote is in May.",
        # prose about following, conversations and discovery
        "Follow the money, the senator said.\n\nThe conversation went on.",
        "We discover more every day.\n\nRelevant people were not asked.",
        "She wrote to @jolee about the Mar 6 deadline.",
    ],
)
def test_text_like_a_threads_furniture_stays(patterns, text):
    text = f"{BODY}\n\n{text}"
    assert remove_boilerplate(text, patterns) == (text, [])


@pytest.mark.parametrize(
    "post",
    [
        # after a post header: a list of years stays, so do numbers with words and the words
        # Post and Follow in a post
        "Deals signed in\n2019 2020 2022\n\n3 of 5 seats went to them.",
        "Post this anywhere. Follow the money.",
    ],
)
def test_a_posts_own_lines_like_furniture_stay(patterns, post):
    kept, rows = remove_boilerplate(f"{BODY}\n\nJo Lee @jolee · Mar 6\n{post}", patterns)
    assert (kept, rows) == (f"{BODY}\n\nJo Lee @jolee · Mar 6\n\n{post}", [])


@pytest.mark.parametrize(
    "line",
    ["9 188 1.2K 52K", "305 96 410 210K", "2.1M 40K", "https://t.co/x8Kq2LmZvE", "[Print] [Close]",
     "Share:", "Suggest To A Friend",
     "Address: No. 2, Chaoyangmen Nandajie, Chaoyang District, Beijing, 100701 Tel: "
     "86-10-65961114",
     "March 8, 2026 · 6 min read", "Comments (48)", "Sign in to comment", "More from Opinion",
     "Listen duration 9:42", "Download: Ogg MP3 ( 8.9 MB )",
     "Suggested citation: Pacific Futures Institute (2026). Trust, Data and Foreign Partners. "
     "Research Brief No. 14. Port Selwyn: PFI.",
     "Contact: research@pacificfutures.org | +679 331 2207",
     "That's it for this week. Forward this to a colleague who would find it useful, and hit "
     "reply to tell us what we missed.",
     "---", "* * *",
     "*The Pacific Brief is an independent, reader-supported newsletter.* [Become a paid "
     "subscriber](https://pacificbrief.substack.com/subscribe)",
     "Research Brief No. 14 | March 2026", "2026-03-04 19:10",
     "This article is about the 2025 intelligence agreement. For the 1998 port treaty, see "
     "Treaty of Port Selwyn.",
     "For other uses, see Harbour Protocol (disambiguation).",
     "Not to be confused with the Port Selwyn Treaty."],
)  # fmt: skip
def test_audit_g_page_furniture_lines_are_boilerplate(patterns, line):
    """S2, S4, S6, S9: each line goes, between two paragraphs that stay."""
    assert removed_lines(f"{BODY}\n\n{line}\n\nProfits rose.", patterns) == [line]


@pytest.mark.parametrize(
    "text",
    [
        "Share: 45% of voters, up from 40%.",
        "Address: the minister's speech to parliament was short.",
        "The report was a 6 min read, the editor said.",
        "Comments (in brackets) are the editor's.",
        "More from the minister came on Monday.",
        "Listen to the minister: 9:42 was the time of the vote.",
        "Suggested cuts: the ministry wants 5%.",
        "Contact: the two sides have had no contact since May.",
        "He asked staff to forward this to a colleague in Beijing.",
        "The Pacific Brief is a newsletter read in 14 countries.",
        "Research Brief No. 14 found that 34% trust the government.",
        "This article is about the 2025 agreement and its critics.",
        "For the government, see-sawing polls are a worry.",
        "Readers who become a paid subscriber get the archive.",
        "The score was 3-2 in 2026-03-04 terms, he joked.",
        # review 12: prose in the shape of a hatnote or a contact line
        "Not to be confused with the 2019 deal, the new pact covers data.",
        "Not to be confused with Fiji, the island state has its own courts.",
        "For details of the methods, see Annex B.",
        "For the full list of signatories, see Table 2 below.",
        "For a review, see Smith et al. (2020).",
        "For the background to the deal, see Chapter 3.",
        "Contact: the ministry on 020 7946 0958 said it would respond.",
        "Contact: Jane Doe on 020 7946 0958 declined to comment.",
    ],
)
def test_text_like_audit_g_page_furniture_stays(patterns, text):
    text = f"{BODY}\n\n{text}\n\nProfits rose."
    assert remove_boilerplate(text, patterns) == (text, [])


def test_a_newsletters_sign_off_is_boilerplate_and_a_greeting_line_stays(patterns):
    text = f"{BODY}\n\nNgā mihi,\nLosa and the Pacific Brief team\n\nProfits rose."
    assert removed_lines(text, patterns) == ["Ngā mihi,", "Losa and the Pacific Brief team"]
    text = f"{BODY}\n\nCheers,\nMargaret Hill\nLeeds"
    assert removed_lines(text, patterns) == ["Cheers,", "Margaret Hill", "Leeds"]
    for prose in (
        "Regards, the minister said, were sent to Beijing.",
        "Cheers rang out.",
        # review 12: a greeting word opening a one-line paragraph of prose
        "Cheers, the crowd roared as the team won the final in Auckland",
        "Best wishes, The Queen sent them on Monday",
    ):
        text = f"{BODY}\n\n{prose}\n\nProfits rose."
        assert remove_boilerplate(text, patterns) == (text, [])


INFOBOX = (
    "Harbour Protocol\nType\tMemorandum of understanding\nSigned\t12 November 2025\n"
    "Signatories\tMinistry of State Security\nNational Intelligence Directorate\n"
    "Parties\t China\n Marisca\nStatus\tSuspended (10 March 2026)\n\n"
    "The Harbour Protocol is an alleged memorandum of understanding."
)


def test_a_wikipedia_infoboxs_tab_rows_are_boilerplate(patterns):
    """S2: the TAB between label and value marks a row (normalize_text keeps it for the rules);
    the clean text has no TAB left, and the caption stays as a heading."""
    doc = clean_document("w", INFOBOX.encode("utf-8"), patterns=patterns)
    assert doc.clean == (
        "Harbour Protocol\n\nThe Harbour Protocol is an alleged memorandum of understanding."
    )
    assert [r["line"] for r in doc.boilerplate] == [
        "Type Memorandum of understanding", "Signed 12 November 2025",
        "Signatories Ministry of State Security", "National Intelligence Directorate",
        "Parties  China", "Marisca", "Status Suspended (10 March 2026)",
    ]  # fmt: skip
    # the same rows with spaces, not TABs, are text
    spaced = INFOBOX.replace("\t", " ")
    assert len(clean_document("w", spaced.encode("utf-8"), patterns=patterns).boilerplate) == 0


@pytest.mark.parametrize(
    "table",
    [
        "Region\tPrice\tChange\nNorth\t1.72\t+0.04\nSouth\t1.69\t-0.02",  # 3 columns
        "Region\tPrice\nNorth\t1.72\nSouth\t1.69",  # one row with words: no infobox
        "North\t1.72\nSouth\t1.69\nEast\t1.80",
    ],
)
def test_a_data_tables_tab_rows_of_numbers_are_not_an_infobox(patterns, table):
    """A spreadsheet pasted into a text keeps all its rows (the infobox rule wants a word in the
    value, one TAB, and most of a paragraph's TAB lines)."""
    text = f"{BODY}\n\nPrices per litre:\n{table}\n\nProfits rose."
    doc = clean_document("t", text.encode("utf-8"), patterns=patterns)
    assert doc.clean == text.replace("\t", " ")
    assert doc.boilerplate == ()


TRANSCRIPT = (
    "Interviewer\tSo tell me how you first heard about the agreement between the two "
    "governments.\n"
    "Respondent\tWell, I read it in the paper, and I was shocked, honestly.\n"
    "Interviewer\tWhy shocked?\n"
    "Respondent\tBecause nobody had told us anything about our records being shared with a "
    "foreign state."
)


@pytest.mark.parametrize(
    "text",
    [
        # review 1: a TAB-separated transcript, a label and its text pasted from Word, a TAB
        # inside a sentence
        f"Interview 3, 12 May 2024\n\n{TRANSCRIPT}\n\nThe interview ended at noon.",
        "Report on the pact\n\nSummary\tThe government signed a secret deal with China in 2023,"
        " critics argue.\nIt allows data sharing.\n\nThe ministry denied this.",
        "The ministry said\tit would respond within a week to the claims.\nOfficials declined to "
        "comment.\n\nMore text here follows.",
        # turns without a full stop among punctuated ones; one short "Label<TAB>value" line
        "Interviewer\tSo what happened next\nRespondent\tWe left at dawn.\n"
        "Interviewer\tWhere to?\nRespondent\tTo the coast, by boat.",
        f"{BODY}\n\nNote\tFigures are provisional\n\nProfits rose.",
        # two speakers taking turns, most turns without a full stop: speakers, not fields
        "HOST\tGood morning\nMINISTER\tGood morning\nHOST\tDid you sign it?\n"
        "MINISTER\tWe signed a memorandum, nothing more.\nHOST\tThank you\nMINISTER\tThank you",
        "Anna Lee\tHi all\nTom Ward\tHello\nAnna Lee\tShall we start\nTom Ward\tSure",
    ],
)
def test_tab_separated_prose_is_not_an_infobox(patterns, text):
    doc = clean_document("t", text.encode("utf-8"), patterns=patterns)
    assert (doc.clean, doc.boilerplate) == (text.replace("\t", " "), ())


def test_a_file_of_only_a_tab_transcript_stays_whole(patterns):
    doc = clean_document("t", TRANSCRIPT.encode("utf-8"), patterns=patterns)
    assert (doc.clean, doc.boilerplate) == (TRANSCRIPT.replace("\t", " "), ())


@pytest.mark.parametrize(
    ("rows", "removed"),
    [
        # audit G's other rows; an abbreviation's full stop is no sentence end
        ("Context\tIntelligence sharing, maritime security\nLocation\tBeijing, China\n"
         "Languages\tChinese, English",
         ["Context Intelligence sharing, maritime security", "Location Beijing, China",
          "Languages Chinese, English"]),
        ("Headquarters\tWashington, D.C.\nKey people\tJane Roe (Chair)",
         ["Headquarters Washington, D.C.", "Key people Jane Roe (Chair)"]),
        # a continuation line that ends a sentence is text; so is a row of 121 characters
        ("Type\tTreaty\nSigned\t2025\nStatus\tIn force\nIt was signed in secret.",
         ["Type Treaty", "Status In force"]),
        ("Type\tTreaty\nNotes\t" + "x" * 121, []),
        # one field that comes back (a list of members) is still an infobox's
        ("Type\tPact\nMember\tFrance\nMember\tGermany\nMember\tItaly",
         ["Type Pact", "Member France", "Member Germany", "Member Italy"]),
        ("Type\tPact\nMember\tFrance\nMember\tGermany\nObserver\tJapan\nObserver\tPeru",
         ["Type Pact", "Member France", "Member Germany", "Observer Japan", "Observer Peru"]),
    ],
)  # fmt: skip
def test_infobox_rows_and_their_limits(patterns, rows, removed):
    text = f"{BODY}\n\n{rows}\n\nProfits rose."
    assert removed_lines(text, patterns) == removed


def test_other_rules_see_a_tab_as_a_space(patterns):
    """Only the infobox ("rows") rule sees TABs: "Share<TAB>this article" is a share prompt."""
    text = f"{BODY}\n\nShare\tthis article\n\nProfits rose."
    assert remove_boilerplate(text, patterns)[1] == [
        (3, "Share this article", r"share (this|on)\b.*")
    ]


WIKI_G = (
    "Provisions[edit]\n"
    "Annex B of the document reportedly lists 2,300 civil servants.[8]\n\n"
    "Reactions[edit]\nDomestic[edit]\n"
    "Opposition leader Hana Kolo called for a parliamentary inquiry.[10]\n\n"
    "See also[edit]\nChina–Solomon Islands security agreement\nFive Eyes\n"
    "References[edit]\n"
    '^ Jump up to: a b "Leaked protocol gives Beijing foothold". The Marisca Herald. 3 March '
    "2026. Retrieved 3 March 2026.\n"
    '^ "Pacific Aid Map 2025". Lowy Institute. Retrieved 4 March 2026.'
)


def test_an_edit_heading_with_text_on_the_next_line_is_a_heading(patterns):
    """S1: "[edit]" headings without a blank line after them; See also and References go."""
    doc = clean_document("w", WIKI_G.encode("utf-8"), patterns=patterns)
    assert doc.clean == (
        "Provisions[edit]\n\nAnnex B of the document reportedly lists 2,300 civil servants.[8]\n\n"
        "Reactions[edit]\n\nDomestic[edit]\n\n"
        "Opposition leader Hana Kolo called for a parliamentary inquiry.[10]"
    )
    assert [p.is_heading for p in doc.paragraphs] == [True, False, True, True, False]
    # "[edit]" inside a sentence is no heading
    text = f"{BODY}\nThe page's [edit] link was locked, the editor said.\nProfits rose."
    assert remove_boilerplate(text, patterns) == (text, [])


BIO = (
    "Graham Whitcombe is a senior fellow at the Centre for Pacific Strategy and a former "
    "adviser to the Ministry. The views expressed are his own."
)
CREDITS = (
    "Transcripts may contain errors. Please check the audio before quoting.\n\n"
    "Pacific Waves is broadcast weekdays at 6pm on RNZ Pacific.\n"
    "Copyright © 2026, Radio New Zealand"
)


@pytest.mark.parametrize(
    "closing",
    [
        # S10: audit G's op-ed and radio transcript, whose furniture other rules remove
        f"{BIO}\n\nShare this article\nFacebook\nX\nLinkedIn\nEmail\n\nMore from Opinion\n\n"
        "Comments (48)\nSign in to comment",
        CREDITS,
        # a related-topics heading and its tags close the page too
        f"{BIO}\n\nRelated Topics\n\nPacific Desk",
    ],
)
def test_closing_sections_go_before_removed_furniture(patterns, closing):
    assert remove_boilerplate(f"{BODY}\n\n{closing}", patterns)[0] == BODY


@pytest.mark.parametrize(
    "text",
    [
        # review 7: a line that no rule removes (a byline, a list of tags) protects what is
        # before it, as before audit G
        f"{BODY}\n\nAbout the Ministry of Health\n\nThe ministry, founded in 1947, said it "
        "would review the deal and serves all citizens.\n\nJane Doe",
        f"{BODY}\n\nLi Wei is a former senior official who negotiated the 2019 deal on behalf "
        "of the ministry.\n\nChina\nTaiwan\nDiplomacy",
        # a broadcast line or a bio in the middle of a text, or before a long line
        f"{BODY}\n\nPacific Waves is broadcast weekdays at 6pm.\n\nProfits rose in May, it said.",
        f"{BODY}\n\n{BIO}\n\nThe next column runs on Monday, the editor said",
        # a Related Topics heading with prose after it
        f"{BODY}\n\nRelated topics\n\nThe talks also covered fishing rights and visas.",
    ],
)
def test_closing_sections_stay_before_text_no_rule_removes(patterns, text):
    assert remove_boilerplate(text, patterns) == (text, [])


@pytest.mark.parametrize(
    ("prefix", "unit", "suffix"),
    [
        ("", "1 ", "5K"),
        ("", "a · ", "6 min read"),
        ("Address: ", "a ", "Tel: 1"),
        ("Ngā mihi, ", "a", ""),
        ("Ngā mihi, ", "Aa and ", "x"),
        ("Contact: ", "a ", ""),
        ("Contact: ", "Jane 0207946095 ", "said"),
        ("This article is about ", "a. ", ""),
        ("For ", "a, see ", "B"),
        ("Not to be confused with A", ", the ", "x"),
        ("", "Jo @j · Mar 6 ", ""),
        ("Type\t", "a ", ""),
        ("Type\t", "a. ", ""),
        ("A a a\t", "a ", "."),
        ("Related ", "topics ", ""),
    ],
)
def test_the_audit_g_rules_take_linear_time_on_adversarial_lines(patterns, prefix, unit, suffix):
    assert time_ratio(patterns, prefix, unit, suffix) < 8


@pytest.mark.parametrize("unit", ["Type\tTreaty\nNational Directorate\n", "Interviewer\tWhy?\n"])
def test_a_long_infobox_or_transcript_takes_linear_time(patterns, unit):
    """One paragraph of about 300 or 1,200 TAB rows (each row is looked at once)."""
    n = 10_000 // len(unit)
    small, large = (f"{BODY}\n\n{unit * k}\nProfits rose." for k in (n, 4 * n))
    assert growth(functools.partial(remove_boilerplate, patterns=patterns), small, large) < 8
