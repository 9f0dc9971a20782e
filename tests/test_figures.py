"""Tests for pipeline.figures and pipeline.voices: figure spans and kinds, sourcing, questions and
quotations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import figures_context
from pipeline.figures import figure_spans
from pipeline.figures_sourcing import figure_sourcing
from pipeline.quotes import has_quotation
from pipeline.stance import StanceStage
from pipeline.stance_detector import Marker
from pipeline.voices import is_question, quoted_sentence_ids, speaker_turns
from tests.conftest import segment_text


def spans(text: str) -> list[tuple[str, str]]:
    """(match, kind) of the figures in a text."""
    return [(text[s:e], kind) for s, e, kind in figure_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Huawei lost an estimated $12 billion.", [("$12 billion", "money")]),
        ("It funded $1 trillion in 150 countries.", [("$1 trillion", "money"), ("150", "count")]),
        (
            "82% of respondents and 74 percent of others",
            [("82%", "percent"), ("74 percent", "percent")],
        ),
        ("Fines reach 4% of revenue.", [("4%", "percent")]),
        ("A rise of 3.5 per cent.", [("3.5 per cent", "percent")]),
        ("It cost €3m, or 5 million euros.", [("€3m", "money"), ("5 million euros", "money")]),
        (
            "Sales grew 3x in 2.5 times the time.",
            [("3x", "multiplier"), ("2.5 times", "multiplier")],
        ),
        ("It blacklisted 28 entities and 1,200 people.", [("28", "count"), ("1,200", "count")]),
        ("About 1.2 million people fled.", [("1.2 million", "count")]),
        ("Between 2019 and 2022, since 2013, in the 1990s.", []),
        ("On May 5 and 12 March the 5G and G20 and COVID-19 talks met.", []),
        ("The meeting began at 10:30.", []),
        # a number between capitalised words names a model; a sentence's first word may be a
        # quantity word
        ("Huawei's Mate 60 Pro and the Boeing 737 Max sold 40 units.", [("40", "count")]),
        # a route's number before its vehicle names the route (an analyst's "The 42 bus")
        (
            "The 42 bus and the number 7 tram run hourly; 12 buses and 3 bus routes go.",
            [("12", "count"), ("3", "count")],
        ),
        ("About 300 Chinese firms and 20 Western banks.", [("300", "count"), ("20", "count")]),
        (
            "On Monday 30 Chinese firms and the EU's 27 Member States met.",
            [("30", "count"), ("27", "count")],
        ),
        # a reference names a law, a document's part or a stage; a verb before a count does not
        ("Section 301 tariffs hit 25% of goods.", [("25%", "percent")]),
        ("Under section 301 of the act, 40 firms", [("40", "count")]),
        ("Executive Order 13873 and the Phase 1 deal covered 200 items.", [("200", "count")]),
        ("See § 5 and p. 12 of Table 3: 7 agencies.", [("7", "count")]),
        (
            "They agreed to order 50 jets and are building 300 homes.",
            [("50", "count"), ("300", "count")],
        ),
        # a telephone number is not a figure; a range is one figure; a currency word singular too
        ("Media contact: +46 8 555 0100 or (202) 555-0100; 40 staff.", [("40", "count")]),
        ("Tel: 020 7946 0958", []),
        (
            "Costs rose 20-30% or 5–10 percent.",
            [("20-30%", "percent"), ("5–10 percent", "percent")],
        ),
        ("It costs $2-3 billion.", [("$2-3 billion", "money")]),
        (
            "A 450 million euro plant adds 30 cents a litre.",
            [("450 million euro", "money"), ("30 cents", "money")],
        ),
        # a range is one figure of the kind that is not a bare count; a change and its new level
        # ("rose 8% to $3.2 billion", "from about 5% to 7%") are two
        (
            "It costs 15% to 30% more, or 200 to 400 euros.",
            [("15% to 30%", "percent"), ("200 to 400 euros", "money")],
        ),
        (
            "Between 20 and 30 firms and 15% and 20% of staff.",
            [("20 and 30", "count"), ("15%", "percent"), ("20%", "percent")],
        ),
        (
            "Shares fell 3% to $45.20; revenue rose 8% to $3.2 billion.",
            [("3%", "percent"), ("$45.20", "money"), ("8%", "percent"), ("$3.2 billion", "money")],
        ),
        (
            "It fell 0.2 percentage points to 4.1%, from about 5% to 7%.",
            [
                ("0.2 percentage points", "percent"),
                ("4.1%", "percent"),
                ("5%", "percent"),
                ("7%", "percent"),
            ],
        ),
        # a bracketed list number is no figure; a bracketed count after a name is
        ("The goals: (1) 20% less, (2) 300 plants.", [("20%", "percent"), ("300", "count")]),
        ("Cases rose in Germany (27) and France (12).", [("27", "count"), ("12", "count")]),
        # a telephone number has seven digits or more; "+5%" and "(2023) 40%" are figures
        (
            "Call +1 555 0100; sales grew +5% and (2023) 40% of firms",
            [("5%", "percent"), ("40%", "percent")],
        ),
        ("Scores: +4 2 7.", [("4", "count"), ("2", "count"), ("7", "count")]),
        # ambiguous reference words count only capitalised; punctuation before one is no matter
        (
            "In the first phase 300 firms pay; in Phase 2 most; (Section 301) and (Article 102).",
            [("300", "count")],
        ),
        ("Its 70-strong team left.", [("70", "count")]),
        # a compound modifier describes a thing
        ("TSMC makes 7-nanometre chips for 30 clients under a 10-point plan.", [("30", "count")]),
    ],
)
def test_figure_spans_and_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list's or paragraph's marker "N." or "N)" opens a sentence; a decimal there counts
        ("1. The Ministry notes that 40 firms agree.", [("40", "count")]),
        ("2) Trim OXY if it gets to $75", [("$75", "money")]),
        ("12. Roll the calls", []),
        ("1.5 million people came.", [("1.5 million", "count")]),
        ("The firms numbered 12. Then 4 left.", [("12", "count"), ("4", "count")]),
    ],
)
def test_list_markers_are_no_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a North American telephone number has no "+", bracket or label; a range stays a range
        ("Email media@frb.gov or call 202-452-2955.", []),
        ("Contact: 972-940-6007 or 972.940.6007; 40 staff.", [("40", "count")]),
        ("Call +1 (212) 555-0147 now.", []),
        ("Costs rose 20-30%; 1,200-1,500 jobs.", [("20-30%", "percent"), ("1,200-1,500", "count")]),
    ],
)
def test_north_american_telephone_numbers_are_no_figures(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a scale without a currency stays in the figure; a lone letter only attached
        ("Up about 5k on a ~40k position.", [("5k", "count"), ("40k", "count")]),
        (
            "A cut of 1mn bbl/d, or 500k barrels a day.",
            [("1mn", "count"), ("500k", "count")],
        ),
        (
            "Output of 1 mn barrels, 8.98 mn, 12.3 mn and 150 bn.",
            [("1 mn", "count"), ("8.98 mn", "count"), ("12.3 mn", "count"), ("150 bn", "count")],
        ),
        ("OPEC+ removed 2.3 mb/d of supply.", [("2.3 mb/d", "count")]),
        (
            "A 5m fund, a 3b bond and 7 m of rope.",
            [("5m", "count"), ("3b", "count"), ("7", "count")],
        ),
        ("Rule 10b-5, a 401k plan, a 4K screen and hedges_per_1k.", []),
        # after a currency symbol or a three-letter currency code the figure is money
        (
            "It sold at $80ish, then $5b and $1trn.",
            [("$80", "money"), ("$5b", "money"), ("$1trn", "money")],
        ),
        (
            "Over SAR 150 bn, USD 2 billion and EUR 5 mn.",
            [("SAR 150 bn", "money"), ("USD 2 billion", "money"), ("EUR 5 mn", "money")],
        ),
        (
            "It costs USD 2-3 billion, or 5 bn SAR.",
            [("USD 2-3 billion", "money"), ("5 bn SAR", "money")],
        ),
        ("Fees of 300 EUR 20 each.", [("300 EUR", "money"), ("20", "count")]),
    ],
)
def test_scales_and_currency_codes(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # basis points and percentage points are percent, with the unit in the figure
        (
            "The 10-year yield rose 8 basis points to 4.31%.",
            [("8 basis points", "percent"), ("4.31%", "percent")],
        ),
        (
            "It climbed 11 bps; margins widened 340 basis points.",
            [("11 bps", "percent"), ("340 basis points", "percent")],
        ),
        (
            "Pricing 25bp or 50 bp of cuts adds c.0.3pp to CPI.",
            [("25bp", "percent"), ("50 bp", "percent"), ("0.3pp", "percent")],
        ),
        # a new level is never in points, so after "by" or "rose" this is one range
        (
            "It would raise coverage by 4 to 6 percentage points.",
            [("4 to 6 percentage points", "percent")],
        ),
        ("Unemployment rose 0.2 to 4.1%.", [("0.2", "count"), ("4.1%", "percent")]),
        (
            "Gaps widened from 4 to 6 percentage points.",
            [("4", "count"), ("6 percentage points", "percent")],
        ),
    ],
)
def test_points_are_percent(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an index's number is part of its name; a figure after the name counts
        (
            "The S&P 500 fell 1.2%, the STOXX 600 and the Stoxx 600 0.8%.",
            [("1.2%", "percent"), ("0.8%", "percent")],
        ),
        ("The FTSE 100, Nikkei 225, Russell 2000 and Euro Stoxx 50 rose.", []),
        (
            "The DAX 40 and CAC 40 lost 30 points; the Hang Seng 120.",
            [("30", "count"), ("120", "count")],
        ),
        # a bill, a rule and a page with its page count are references
        ("Senate Bill 1142, SB 277 and HB 12 cover 300 schools.", [("300", "count")]),
        ("STATE HEALTH REPORT 2026 Page 4 of 12", []),
        (
            "Under Rule 14a-8 and Rule 144, 4 of 12 members voted.",
            [("4", "count"), ("12", "count")],
        ),
    ],
)
def test_index_names_and_references(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a confidence interval and a p-value belong to the estimate before them: no figures
        ("The rate ratio was 2.1 (95% CI 1.2–3.4; p = .008).", [("2.1", "count")]),
        ("An odds ratio of 1.9 (95% CI, 0.7-2.0) at P=0.03.", [("1.9", "count")]),
        ("It held (p < 0.01; p for trend < .01) in 40% of schools.", [("40%", "percent")]),
        ("An estimate of 2.0; 95% confidence interval 1.1 to 3.6.", [("2.0", "count")]),
        ("Rates (<5%, 5-10%, >10%)", [("5%", "percent"), ("5-10%", "percent"), ("10%", "percent")]),
    ],
)
def test_statistics_are_no_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mixed fraction is one number and a range of them one figure
        (
            "The target range is 5-1/4 to 5-1/2 percent.",
            [("5-1/4 to 5-1/2 percent", "percent")],
        ),
        (
            "Rates of 5 1/4 percent and 1/2 percent",
            [("5 1/4 percent", "percent"), ("1/2 percent", "percent")],
        ),
        ("On 3/4/2026 it ran 24/7 under No. 47/2026.", []),  # a date and a code
        # a clock time is not a figure
        ("Hours are 8 a.m. to 7 p.m., and 10:30 a.m.; 2 p.m. ET or 14:00 GMT.", []),
        ("It opens at 9 AM, 6pm and 5 o’clock for 20 people.", [("20", "count")]),
    ],
)
def test_fractions_and_clock_times(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # readings the audits found right, kept as they are
        ("Revenue of $24 billion to $26 billion", [("$24 billion to $26 billion", "money")]),
        (
            "Brent settled up $2.14, or 2.6%, at $84.20.",
            [("$2.14", "money"), ("2.6%", "percent"), ("$84.20", "money")],
        ),
        (
            "It raised its dividend by 4 cents to 99 cents a share.",
            [("4 cents", "money"), ("99 cents", "money")],
        ),
        (
            "Analysts estimate 0.2 to 0.3 percentage points and 40-50 cents.",
            [("0.2 to 0.3 percentage points", "percent"), ("40-50 cents", "money")],
        ),
        (
            "The 10-year note in Q3, H1 2026 and FY26 (NYSE: XOM) rose for the 39th time.",
            [],
        ),
        ("On June 30, Sept. 10 and 3 June 2026, by 2027, at 2:00 p.m.", []),
        (
            "XOM/OXY/XLE gained 0.4x, 3x and 10x.",
            [("0.4x", "multiplier"), ("3x", "multiplier"), ("10x", "multiplier")],
        ),
    ],
)
def test_readings_found_right_stay(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range of counts is one figure, as "20-30%" is (the second number was dropped)
        ("Between 200-300 people came; it took 1-4 years.",
         [("200-300", "count"), ("1-4", "count")]),
        ("About 15–20 cases and 5,000-6,000 doses.",
         [("15–20", "count"), ("5,000-6,000", "count")]),
        # a tally or score is one figure too, also when it ends in 0
        ("A 2-1 vote; the court ruled 9-0.", [("2-1", "count"), ("9-0", "count")]),
        # a currency code opens money only before an amount, not a year or a name
        ("The Hong Kong SAR 2022 policy, its SAR 25th anniversary and SAR 5G; SAR 150 bn.",
         [("SAR 150 bn", "money")]),
        # years, ISO dates, local telephone numbers and references stay out
        ("In 2019-2020 and on 2026-03-04, call 555-0100; see pages 10-12.", []),
    ],
)  # fmt: skip
def test_a_range_of_counts_is_one_figure(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age or an age band says whom a claim is about, as a date says when: no figure
        ("It hit children under 10 and kids aged 5 to 11.", []),
        ("People 65 and older and adults aged 18-64 got it.", []),
        ("It is for those 18 years and older, aged between 18 and 64.", []),
        ("Children aged 5-11 years and people aged 65 years or older.", []),
        ("People in their 20s, her early 40s, the under 18s and the over-50s; a 12-year-old.", []),
        ("Among 18- to 24-year-olds (aged 18-24), 40% agreed.", [("40%", "percent")]),
        ("She moved to Paris at the age of 19 with 3 friends.", [("3", "count")]),
        ("Those over 65 and those aged 65+ and anyone younger than 16.", []),
        # an age band alone in a table's cell or line
        ("Under 1 year", []),
        ("1-4 years", []),
        ("Under 1 year | 1-4 years | 5-14 years | 65+ years", []),
        ("Age | Cases\nUnder 1 year | 12\n1-4 years | 40", [("12", "count"), ("40", "count")]),
        # guards: a bound or count of things, a duration (a count) and a compound modifier stay
        ("It fell to under 10 percent.", [("10 percent", "percent")]),
        ("Fewer than 10 cases; at least 65 people died.", [("10", "count"), ("65", "count")]),
        ("There were 5 to 11 cases.", [("5 to 11", "count")]),
        ("He got 18 years in prison; it took 1-4 years.", [("18", "count"), ("1-4", "count")]),
        ("A 10-year bond yield of 4.2% rose.", [("4.2%", "percent")]),
        ("Under 10 people came; rates over 5 held.", [("10", "count"), ("5", "count")]),
        ("More than 65 people and the over 100 people.", [("65", "count"), ("100", "count")]),
        ("Term | 10 years | 4.2%", [("10", "count"), ("4.2%", "percent")]),  # a value, no band
    ],
)  # fmt: skip
def test_ages_and_age_bands_are_no_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a distance in metres that names an event is no figure, as "a 10-year bond" is not
        ("He won the 100m final and a 400m race.", []),
        ("She swam the 100m freestyle and ran the 100m hurdles.", []),
        ("The 100 m hurdles, the 400 metres relay and the women's 100m.", []),
        ("The 1,500m freestyle semi-final", []),
        # guards: a distance that quantifies is a count, as "7 m of rope" is; millions stay
        ("A 300m-tall tower is 50m deep and 200m away.", [("50m", "count"), ("200m", "count")]),
        (
            "It cost £100m and $5m for 100m people in a 100m deal.",
            [("£100m", "money"), ("$5m", "money"), ("100m", "count"), ("100m", "count")],
        ),
        ("Sales passed the 100m mark; 7 m of rope.", [("100m", "count"), ("7", "count")]),
        ("He ran 5km and lifted 5kg.", []),  # no thousands ("5km" reads as a code, as "5G")
    ],
)
def test_metres_of_an_event_are_no_millions(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ratio is one figure, a multiplier as "3x" is
        (
            "Voters backed it by a 2.6-to-1 ratio and a 3-to-1 margin.",
            [("2.6-to-1", "multiplier"), ("3-to-1", "multiplier")],
        ),
        ("It passed by 3 to 1, a ratio of 2:1.", [("3 to 1", "multiplier"), ("2:1", "multiplier")]),
        (
            "Odds of 100 to 1 and a 3:2 split; sales grew 3x.",
            [("100 to 1", "multiplier"), ("3:2", "multiplier"), ("3x", "multiplier")],
        ),
        # guards: clock times, compound modifiers, changes, ranges and tallies stay as they were
        ("At 10:30, by 2:15, a 9-to-5 job and 1-to-1 meetings.", []),
        (
            "It fell from 3 to 1; prices rose by 3 to 5.",
            [("3", "count"), ("1", "count"), ("3", "count"), ("5", "count")],
        ),
        ("A 2-1 vote; it rose 3 to 1%.", [("2-1", "count"), ("3", "count"), ("1%", "percent")]),
    ],
)
def test_a_ratio_is_one_multiplier(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


def test_a_bare_n_to_1_is_no_ratio() -> None:
    # no ratio word, no "by": no multiplier; whether "3 to 1" is one count or two is undecided
    assert all(kind != "multiplier" for _, kind in spans("Later 3 to 1 came."))


# 1.36.13, a user's run on parliamentary speeches: a Bill's schedules and parts are references,
# as its clauses are, and a proportion is one figure, a share as a percentage is
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Schedule 2 of the Act sets out the penalties, and clause 4 repeals them.", []),
        ("Paragraph 5 of schedule 2 was amended.", []),
        ("Part 1 of schedule 4 applies.", []),
        ("Under part 2 of the Bill and in schedule 7, landlords must register.", []),
        ("New clause 7, amendment 42, Annex 3 and Chapter 2 stand in my name.", []),
        ("Section 21, Article 50 and Regulation 14 were revoked.", []),
        # near misses: a verb, a plural noun, "ahead of schedule", "took part"
        ("The airline plans to schedule 20 more flights.", [("20", "count")]),
        ("The Bill has 12 clauses and 4 schedules.", [("12", "count"), ("4", "count")]),
        ("The plant was ahead of schedule 2 years after work began.", [("2", "count")]),
        ("The firm took part 3 years ago.", [("3", "count")]),
    ],
)
def test_a_bills_provisions_are_references(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 in 5 households are in arrears.", [("1 in 5", "percent")]),
        (
            "Around 1 in 4 children and 2 out of 3 teachers said so.",
            [("1 in 4", "percent"), ("2 out of 3", "percent")],
        ),
        (
            "The risk is 1 in 100,000; the odds are 1 in 14 million.",
            [("1 in 100,000", "percent"), ("1 in 14 million", "percent")],
        ),
        # near misses: spelled out, a period or a match, a year, a larger first part
        ("One in five households are in arrears.", []),
        ("She scored 2 in 5 minutes.", [("2", "count"), ("5", "count")]),
        ("The team won 3 in 4 games at home.", [("3", "count"), ("4", "count")]),
        ("Inflation rose 3 in 2022.", [("3", "count")]),
        ("It sold 40 in 12 stores.", [("40", "count"), ("12", "count")]),
        ("Prices rose in 5 of 12 regions.", [("5", "count"), ("12", "count")]),
    ],
)
def test_a_proportion_is_one_figure(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


def test_a_proportion_takes_the_source_of_its_clause() -> None:
    out = StanceStage().analyse(
        segment_text("Nearly 1 in 10 nurses left last year, the survey found.")
    )
    assert [(f["match"], f["kind"], f["sourcing"]) for f in out.tables["figures"]] == [
        ("1 in 10", "percent", "named")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person noun + under/over + a number before a unit or a counted noun: no age
        ("Workers under 40 hours a week lose their benefits.", [("40", "count")]),
        ("Drivers over 80 km/h were fined.", [("80", "count")]),
        ("Patients over 100 kg were excluded.", [("100", "count")]),
        ("Residents over 5 miles away were told.", [("5", "count")]),
        ("Students under 12 credits pay less.", [("12", "count")]),
        ("Players over 2 metres tall were picked.", [("2", "count")]),
        # ... but an age before nothing, punctuation, "years", "and" or a verb
        ("Children under 10 are safe; people over 65.", []),
        ("Workers over 50 years and children under 5, mostly.", []),
        # an age band, not a ratio; a range of points, not a ratio
        ("The majority of 12 to 15 year olds use it.", []),
        ("He won by a margin of 3 to 4 points.", [("3 to 4", "count")]),
        ("It won by a majority of 5 to 4.", [("5 to 4", "multiplier")]),
        # "and up to", "and over that time": no age
        ("At least 25 and up to 40 people died.", [("25", "count"), ("40", "count")]),
        ("Revenue rose for 3 years and over that time it doubled.", [("3", "count")]),
        ("People 18 and up and those 65 and over were there.", []),
    ],
)
def test_ages_ratios_and_their_near_misses(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a temperature's "F." before a decimal or a thousands' comma is no reporter
        ("It reached 98 F. 1.5 million people sweltered.", [("98", "count"),
                                                            ("1.5 million", "count")]),
        ("Temperatures hit 104 F. 2,000 homes lost power.", [("104", "count"),
                                                             ("2,000", "count")]),
        ("It hit 98 F. 5 people fainted.", [("98", "count"), ("5", "count")]),
        ("See 94 F. 312, 315 (2004) and 94 F. 4th 312.", []),
        # no glued footnote marker after a letter, a numeral or a currency
        ("See Appendix A.1 The results", [("1", "count")]),
        ("Part II.3 The Board", [("3", "count")]),
        ("The price was Rs.500 Crore", [("500", "count")]),
        ("as the firms “keep”.2 Then 7 more", [("7", "count")]),
    ],
)  # fmt: skip
def test_temperatures_and_labels_are_no_citations(text: str, expected: list[tuple[str, str]]):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number with a lettered part names a plan or a provision, as "401k" does
        ("Savings in a 401(k), 401(k)s and a 401(k) plan.", []),
        ("A 403(b) plan and 501(c)(3) groups hold 40 funds.", [("40", "count")]),
        # guards: names and codes stay out; a bracketed count after a name counts
        ("Title IX, Form 10-K, Schedule 13D and Covid-19 rules.", []),
        ("Cases rose in Germany (27) and a 401k plan.", [("27", "count")]),
        (
            "A long sentence that runs on about many other things first, under Executive Order "
            "13873 and (Section 301), 40 firms",
            [("40", "count")],
        ),
    ],
)
def test_names_with_digits_are_no_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("people\tperson\npeople\tperson\n", "listed twice"),
        ("people\tperson\nfinal\tsport\n", "not one of"),
    ],
)
def test_figure_context_lexicon_errors(tmp_path, monkeypatch, rows: str, message: str) -> None:
    path = tmp_path / "figure_context.tsv"
    path.write_text(f"# version: 1.0.0\nword\trole\n{rows}", encoding="utf-8")
    monkeypatch.setattr(figures_context, "lexicon_path", lambda name: path)
    figures_context.context_words.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            figures_context.context_words()
    finally:
        figures_context.context_words.cache_clear()


def marker(start: int, end: int, category: str, subtype: str) -> Marker:
    return Marker(start, end, category, subtype, 0)


@pytest.mark.parametrize(
    ("text", "figure", "markers", "expected"),
    [
        (
            "Huawei reportedly lost $12 billion.",
            "$12 billion",
            [(7, 17, "hedge", "evidential")],
            "vague",
        ),
        ("Pew found that 82% agree.", "82%", [(0, 9, "attribution", "named")], "named"),
        ("It funded $1 trillion.", "$1 trillion", [], "none"),
        ("It may cost $5.", "$5", [(3, 6, "hedge", "modal")], "none"),
        (
            "China denies it, the fallout is clear: it blacklisted 28 firms.",
            "28",
            [(6, 12, "attribution", "named")],
            "none",
        ),
        (
            "Critics argue, but Pew found 40% agree.",
            "40%",
            [(0, 13, "attribution", "vague"), (19, 28, "attribution", "named")],
            "named",
        ),
    ],
)
def test_figure_sourcing(
    text: str, figure: str, markers: list[tuple[int, int, str, str]], expected: str
) -> None:
    start = text.index(figure)
    found = figure_sourcing(text, start, start + len(figure), [marker(*m) for m in markers])
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("So, is there a middle ground?", True),
        ("What about the human impact? ", True),
        ("(Is it?)", True),
        ('He asked: "Why now?"', False),
        ("She asked “why now?”", False),
        ("It is not a question.", False),
        ("Is it", False),
        ("这是真的吗？", True),
        ("他问：“这是真的吗？”", False),
        ("（真的吗？）", True),
        ("彼は「本当ですか？」", False),
    ],
)
def test_is_question(text: str, expected: bool) -> None:
    assert is_question(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hu said it complies “with all applicable laws” there.", True),
        ('Beijing advocates "cyber sovereignty" abroad.', False),
        ("Such “diplomatic tech” might be used.", False),
        ("No quotation here.", False),
    ],
)
def test_has_quotation(text: str, expected: bool) -> None:
    assert has_quotation(text) is expected


@given(st.text(alphabet="0123456789$%€., x-Gmaybillion", max_size=80))
def test_figure_spans_are_inside_the_span(text: str) -> None:
    lo, hi = len(text) // 4, len(text)
    for s, e, kind in figure_spans(text, lo, hi):
        assert lo <= s < e <= hi
        assert kind in {"money", "percent", "multiplier", "count"}


def test_a_quotation_over_several_sentences_and_speakers_turns_are_someone_elses_words():
    doc = segment_text(
        "He was pleased. “We are proud. Our customers want it,” he said.\n\n"
        "Q: Will prices rise?\n\nA: I think so. It is fair.\n\n"
        "“The levy is here to stay. Importers must adapt.\n\n“It will take years,” she added. "
        'A 6" pipe burst. Prices rose.\n\nA. Smith, the economist, says costs rose.'
    )
    turns = speaker_turns(doc.sentences)
    assert sorted(turns.values()) == ["A", "Q"]
    quoted = quoted_sentence_ids(doc.sentences, turns)
    assert [s.text for s in doc.sentences if s.sent_id in quoted] == [
        "“We are proud.",  # a quotation left open at the sentence's end, however short
        "Our customers want it,” he said.",
        "A: I think so.",  # the interviewee's turn; the interviewer's "Q:" is the writer's
        "It is fair.",
        "“The levy is here to stay.",  # a quotation that the paragraph's end leaves open
        "Importers must adapt.",
    ]  # an inch mark opens no quotation; "A. Smith" is no speaker's label


def test_a_quotation_closes_at_a_straight_quote_after_a_digit():
    doc = segment_text('It launched the "Made in China 2025" plan. The plan failed. Is it dead?')
    assert quoted_sentence_ids(doc.sentences) == set()


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Intro.\n\nQ. Will prices rise?\n\nA. Yes, they will.", ["Q", "A"]),
        ("A. Smith, the economist, says costs rose.\n\nPrices rose.", []),  # an initial
        # sections with labels in capitals, none of which speaks twice: no transcript
        ("WHY IT MATTERS: Prices could rise.\n\nWHAT'S NEXT: A vote. Who will win?", []),
    ],
)
def test_speaker_labels(text, labels):
    assert list(speaker_turns(segment_text(text).sentences).values()) == labels


def test_speaker_labels_count_in_a_transcript_not_alone():
    hearing = segment_text(
        "SEN. SMITH: Should people worry?\n\nMR. PICHAI: No. We compete.\n\nSEN. SMITH: Why?"
    )
    assert list(speaker_turns(hearing.sentences).values()) == ["SEN. SMITH", "MR. PICHAI",
                                                                "SEN. SMITH"]  # fmt: skip
    update = segment_text("UPDATE: The firm said it would appeal.\n\nPrices rose.")
    assert speaker_turns(update.sentences) == {}  # one label that is not Q or A: no transcript


def test_the_questions_of_speakers_turns_are_not_the_writers():
    doc = segment_text(
        "SEN. SMITH: Should people worry?\n\nMR. PICHAI: No.\n\nSEN. SMITH: Why not?\n\n"
        "Q: Is it fair?\n\nSo, is there a middle ground?"
    )
    out = StanceStage().analyse(doc)
    assert out.sentence_columns["is_question"] == [False, False, False, False, True]
    assert out.document_columns["n_questions"] == 1
    assert out.sentence_columns["voice"] == ["attributed"] * 3 + ["author"] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker's turns are named by the label; the interviewer's question is nobody's source
        (
            "DR. ALVAREZ: We have 18 confirmed cases.\n\nQ: Is it 20 now?\n\n"
            "DR. ALVAREZ: No. We have 18 cases and 97 percent coverage.\n",
            [(1, "18", "named"), (2, "20", "none"), (4, "18", "named"), (4, "97 percent", "named")],
        ),
        # a quotation over two sentences takes the nearest attribution of its paragraph
        (
            "“Cases rose 18% this week. We expect 40 more,” Alvarez said. Officials said 5 "
            "schools closed. Another 7 opened.\n",
            [(1, "18%", "named"), (2, "40", "named"), (3, "5", "vague"), (4, "7", "none")],
        ),
        # a quotation that runs on into a new paragraph takes the attribution before it
        (
            "“Cases rose 18% this week. We expect more,” Alvarez said.\n\n"
            "“Testing is free. We have 12 clinics open.\n\nPrices rose 3%.\n",
            [(1, "18%", "named"), (4, "12", "named"), (5, "3%", "none")],
        ),
    ],
)
def test_figures_in_someone_elses_words_take_their_source(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    rows = StanceStage().analyse(segment_text(text)).tables["figures"]
    assert [(r["sent_id"], r["match"], r["sourcing"]) for r in rows] == expected


# --- legal citations, footnote markers and endnotes (pipeline.citations) -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reporter's volume and page(s), a code's title and section, a page: no figures
        ("The court vacated it, 94 F. 4th 312, holding that 5 firms must pay.", [("5", "count")]),
        ("Ashcroft v. ACLU, 542 U.S. 656 (2004), covered 3 statutes.", [("3", "count")]),
        ("Butler v. Michigan, 352 U.S. 380, 383 (1957).", []),
        ("Reno v. ACLU, 521 U.S. 844 (1997).", []),
        ("NetRights v. Caldwell, 607 U.S. ___ (2026), slip op. at 14.", []),
        ("See Ashcroft, 542 U.S., at 670; Id., at 383.", []),
        ("Smith v. Jones, 5 F.3d 12 (2d Cir. 1993); 123 F. Supp. 2d 456 (D. Mass. 2000).", []),
        ("Claims under 42 U.S.C. § 1983 rose 12%.", [("12%", "percent")]),
        ("It is complete, § 1349.09(D)(2), and 1.5 years off.", [("1.5", "count")]),
        ("See §§ 12-14 and §5 of the Act.", []),
        ("The law says Section (D)(2) or whatever, and (a)(iv)(3) too.", []),
        ("Pew Research Center, 2024, p. 3; Brooks (2025), pp. 22-31. Pp. 6–21.", []),
        # near misses: numbers around a "U.S." or an "F." that cite nothing stay figures
        ("In 2019 U.S. 10 firms left; 300 U.S. troops stayed.",
         [("10", "count"), ("300", "count")]),
        ("See 542 U.S. 656, 700 people came.", [("700", "count")]),
        ("It was 50 F. 5 people fainted.", [("50", "count"), ("5", "count")]),
        ("It cut (a) 5 jobs and (b) 7 plants.", [("5", "count"), ("7", "count")]),
        ("See 501(c)(3) groups and 7 others.", [("7", "count")]),
    ],
)  # fmt: skip
def test_legal_citations_are_no_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a footnote marker glued to a sentence's end, before a capital or at the end
        ("the data platforms keep.1 At least 19 states", [("19", "count")]),
        ("exposed an estimated 2.2 million records.5", [("2.2 million", "count")]),
        ('as he said."3 Then 40 more', [("40", "count")]),
        ("sales rose 5%.2 Then 7 more", [("5%", "percent"), ("7", "count")]),
        ("Firms in the U.S.1 The end", []),
        # near misses: decimals, versions, section numbers, a reference's number, a lower case
        ("It rose 3.5 Million", [("3.5 Million", "count")]),
        ("in version 2.1 Beta", [("2.1", "count")]),
        ("the keep.1 at the top", [("1", "count")]),
        ("the keep.1234 At the top", [("1234", "count")]),
    ],
)
def test_glued_footnote_markers_are_no_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


def test_a_year_before_a_point_is_no_footnote_marker() -> None:
    # the "2" of "2019.2" is not cut off as a marker (too close to a decimal); whether the
    # whole is one figure is undecided
    assert spans("Output rose in 2019.2 The results held.") == [("2019.2", "count")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We saw 5 cases.\n\nNotes\n1 Pew Research Center, 2024.\n2 See Brooks, 30 cases.",
            ["5", "30"],
        ),
        ("Notes:\n\n1 Pew Research Center.\n2 See Brooks.\n\nLater 3 Cases rose.", ["3"]),
        # near misses: lines starting with a number outside a notes section, or after a
        # notes heading in a paragraph that does not open with one
        ("Results\n12 Chinese firms left.\n3 Stayed.", ["12", "3"]),
        ("Notes\n\nThe text goes on\n4 People came.", ["4"]),
    ],
)
def test_endnote_numbers_are_no_figures(text: str, expected: list[str]) -> None:
    doc = segment_text(text)
    found = [
        doc.clean[s:e] for sent in doc.sentences for s, e, _ in
        figure_spans(doc.clean, sent.start, sent.end)
    ]  # fmt: skip
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a poll's margin of error belongs to its estimates, as a confidence interval does
        ("Of 1,200 adults, with a margin of error of ±2.2 percentage points, 61% agreed.",
         [("1,200", "count"), ("61%", "percent")]),
        ("The margin of error is plus or minus 3 points.", []),
        ("It polled 900 voters (MoE +/- 3.5%).", [("900", "count")]),
        # near misses: profit margins, and an error that is no margin's
        ("Sales rose 3% and margins of 12% held.", [("3%", "percent"), ("12%", "percent")]),
        ("The margin of error was large, and 40% said no.", [("40%", "percent")]),
    ],
)  # fmt: skip
def test_a_margin_of_error_is_no_figure(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reference marker in square brackets points at a source: no figure, no sourcing
        ("signed by China and Veloria.[1][2] It was the first of 3 pacts.", [("3", "count")]),
        ("[11]", []),
        ("taxpayers.[5] Velorian officials later said 40 staff left.", [("40", "count")]),
        ("as shown [2, 5] and [3–5] in 12 studies", [("12", "count")]),
        ("a footnote [note 3] on 7 firms", [("7", "count")]),
        # near misses: a number in round brackets, a letter in square ones, a bracketed
        # interval (a statistic of the estimate before it)
        ("Germany (27) and [a] 5 firms", [("27", "count"), ("5", "count")]),
        ("An odds ratio of 2.03 [1.20, 3.41] held.", [("2.03", "count")]),
    ],
)
def test_reference_markers_are_no_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a section or paragraph number of two levels or more opens a sentence, before a capital
        ("1.1 On 4 March 2024 China and Veloria signed 3 deals.", [("3", "count")]),
        ("12.3 Avoid public rhetoric", []),
        ("2.1.4 The report draws on 23 interviews.", [("23", "count")]),
        ("1.2 UK officials said so.", []),
        # near misses: a decimal count at the start (its scale is part of it), a unit in
        # capitals, a decimal inside a sentence
        ("1.5 million people fled.", [("1.5 million", "count")]),
        ("1.5 Million People Fled", [("1.5 Million", "count")]),
        ("2.5 GW of power came online.", [("2.5", "count")]),
        ("The index was 1.1 On average.", [("1.1", "count")]),
    ],
)
def test_section_numbers_are_no_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


def test_a_paragraphs_section_number_is_no_figure() -> None:
    doc = segment_text(
        "1. Introduction\n\n1.1 On 4 March China signed 3 deals.\n\n1.5 million fled."
    )
    found = [
        doc.clean[s:e] for sent in doc.sentences for s, e, _ in
        figure_spans(doc.clean, sent.start, sent.end)
    ]  # fmt: skip
    assert found == ["3", "1.5 million"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a minus sign (U+2212, or a hyphen after a space, a bracket or "=") belongs to the
        # figure, and so does a leading decimal point
        ("The interaction was significant (β = −0.19, p = .008).", [("−0.19", "count")]),
        (
            "Growth was −0.5% in 2023 and -0.7% in 2024.",
            [("−0.5%", "percent"), ("-0.7%", "percent")],
        ),
        ("Support fell to −12 points.", [("−12", "count")]),
        ("Support fell to -12 points.", [("-12", "count")]),
        ("Reliability was good (α = .81).", [(".81", "count")]),
        ("It lost -$5 billion (x=-2).", [("-$5 billion", "money"), ("-2", "count")]),
        # a p-value in a table's cell is a statistic, as in prose; an odds ratio stays
        (
            "| Threat | 2.03 | [1.20, 3.41] | < .001 |\n| Trust | 0.71 | [0.58, 0.87] | .002 |",
            [("2.03", "count"), ("0.71", "count")],
        ),
        ("| Trust | 0.71 | .81 |", [("0.71", "count"), (".81", "count")]),
        # near misses: a hyphen between words or numbers, a glued footnote marker
        ("In 2019-2020 COVID-19 cut US-China trade by 5%.", [("5%", "percent")]),
        ("the data platforms keep.1 At least 19 states", [("19", "count")]),
    ],
)
def test_signs_and_leading_points_belong_to_the_figure(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a variable's code is no figure
        (
            "Exposure was coded 1 if the respondent was hit (n = 412, 34.2%), and 0 otherwise.",
            [("412", "count"), ("34.2%", "percent")],
        ),
        ("Trust was recoded as 0 for 40 people.", [("40", "count")]),
        ("The team scored 30 goals.", [("30", "count")]),
        # a day in a range of dates is a date
        ("a visit from March 3 to 6 with 40 staff", [("40", "count")]),
        ("It was fielded between 14 and 22 March 2024.", []),
        ("It hired between 14 and 22 firms.", [("14 and 22", "count")]),
        # "N times" after a verb of sharing or viewing counts; otherwise it multiplies
        ("The post was shared more than 23,000 times on Facebook.", [("23,000", "count")]),
        ("It was viewed 2 million times.", [("2 million", "count")]),
        ("Exports were 2.5 times the level.", [("2.5 times", "multiplier")]),
        ("Prices rose 3 times faster.", [("3 times", "multiplier")]),
        # a country's dollars are money
        ("worth about 167 million U.S. dollars", [("167 million U.S. dollars", "money")]),
        ("trade reached 38.6 billion US dollars", [("38.6 billion US dollars", "money")]),
        ("It cost 40 Australian dollars.", [("40 Australian dollars", "money")]),
        ("About 300 U.S. troops stayed.", [("300", "count")]),
        # Markdown's bold or italic marks around a reference
        ("An unpublished **Article 9** covers 40 firms.", [("40", "count")]),
        ("_Section 301_ hit 25% of goods.", [("25%", "percent")]),
        ("**40** firms left.", [("40", "count")]),
    ],
)
def test_codes_date_ranges_counts_of_actions_and_dollars(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a journal article's volume, issue and pages, a licence's version
        ('"Pacts". Journal of Cyber Policy. 4 (2): 112–130. Cited 40 times.', [("40", "count")]),
        ("Creative Commons Attribution-ShareAlike License 4.0; 3 more", [("3", "count")]),
        # near misses: a count with a bracketed note, a licence counted in lower case
        ("It lost 40 (12%) firms: 3 left.", [("40", "count"), ("12%", "percent"),
                                             ("3", "count")]),
        ("They issued license 40 times", [("40 times", "multiplier")]),
    ],
)  # fmt: skip
def test_journal_citations_and_licence_versions_are_no_figures(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table of contents numbers its lines, as a notes section does
        ("About 14 people.\n\nContents\n1 Background\n2 Provisions\n\nIt trained 500 staff.",
         ["14", "500"]),
        ("Results\n12 Chinese firms left.", ["12"]),
    ],
)  # fmt: skip
def test_table_of_contents_numbers_are_no_figures(text: str, expected: list[str]) -> None:
    doc = segment_text(text)
    found = [
        doc.clean[s:e] for sent in doc.sentences for s, e, _ in
        figure_spans(doc.clean, sent.start, sent.end)
    ]  # fmt: skip
    assert found == expected


# --- review 63: spaced ranges, dates, counts of actions, journal issues, title case ------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphen after a number (or "%") and a space, before a whole number, is no minus sign
        ("Pay rose 3 -4% this year.", [("3", "count"), ("4%", "percent")]),
        ("The score was 3 -2 to the home side.", [("3", "count"), ("2", "count")]),
        ("Temperatures ranged from 5 -10 degrees.", [("5", "count"), ("10", "count")]),
        ("Pages 10 -12 cover the method.", []),
        # guards: a sign after "=", a bracket, a word or at the start; U+2212; a column of
        # decimals; a hyphen glued to a code
        ("x = -2 and ( -3) and y=-4", [("-2", "count"), ("-3", "count"), ("-4", "count")]),
        ("The index fell to -12 points, from -8.", [("-12", "count"), ("-8", "count")]),
        ("It was 5 −3 in the end (β = −0.19).", [("5", "count"), ("−3", "count"),
                                                ("−0.19", "count")]),
        ("GDP 2.1 -0.3 1.5", [("2.1", "count"), ("-0.3", "count"), ("1.5", "count")]),
        ("-4% in 2020", [("-4%", "percent")]),
        ("His score was B-12 and -4.", [("-4", "count")]),
    ],
)  # fmt: skip
def test_a_spaced_range_or_score_has_no_minus_sign(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a level after "from" and a quantity, or with a unit or a time of its own, is no day
        ("The death toll rose from 12 on March 3 to 27 on Friday.",
         [("12", "count"), ("27", "count")]),
        ("Cases fell from 4,000 on March 3 to 25 by April.", [("4,000", "count"), ("25", "count")]),
        ("The index rose from Jan 5 to 25 points by March.", [("25", "count")]),
        # guards: days of a range stay dates
        ("a visit from March 3 to 6 with 40 staff", [("40", "count")]),
        ("From March 3 to 6 prices rose 6 percent.", [("6 percent", "percent")]),
        ("It was fielded between 14 and 22 March 2024.", []),
        ("It ran from March 3 to 6, 2024, and from Jan 3rd-6th.", []),
    ],
)  # fmt: skip
def test_a_level_after_a_date_is_no_day_of_a_range(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison after "times" keeps the multiplier, whatever the verb before
        ("Women were seen as 2.5 times more likely to vote.", [("2.5 times", "multiplier")]),
        ("Households used 3 times as much energy as in 2000.", [("3 times", "multiplier")]),
        ("The drug was used 10 times more often in Scotland.", [("10 times", "multiplier")]),
        ("The site was visited 3 times as often as its rival.", [("3 times", "multiplier")]),
        ("Prices were called 3 times higher than last year.", [("3 times", "multiplier")]),
        ("It was seen as 3 times the risk.", [("3 times", "multiplier")]),
        ("The loan was used 3 times over.", [("3 times", "multiplier")]),
        # guards: counts of actions
        ("The post was shared more than 23,000 times on Facebook.", [("23,000", "count")]),
        ("It was seen 2 million times as of Monday.", [("2 million", "count")]),
        ("It was viewed 40,000 times the following day.", [("40,000", "count")]),
        ("It was viewed 900 times over the weekend.", [("900", "count")]),
        ("Officials called 3 times; the word was used 40 times.", [("3", "count"),
                                                                   ("40", "count")]),
        ("It was shared as many as 500 times.", [("500", "count")]),
    ],
)  # fmt: skip
def test_a_comparison_after_times_is_a_multiplier_after_a_count_verb(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "year (n): n" in prose is no journal issue
        ("In 2023 (12): 5 regions reported cases.", [("12", "count"), ("5", "count")]),
        ("Sales in Q3 2024 (15): 300 units.", [("15", "count"), ("300", "count")]),
        # guards: a range of pages, one page after a journal's title
        ('"Pacts". Journal of Cyber Policy. 4 (2): 112–130. Cited 40 times.', [("40", "count")]),
        ("Foreign Affairs 98 (4): 40; 7 more", [("7", "count")]),
        ("Smith J. Nature. 5(3): 45 and 6 others", [("6", "count")]),
    ],
)  # fmt: skip
def test_a_journal_issue_needs_pages_or_a_title(text, expected):
    assert spans(text) == expected


def test_the_quick_test_for_a_journal_issue_skips_speakers_labels():
    from pipeline.citations import may_hold_a_journal_issue

    label = "Mr Smith (SNP): I thank the minister (Ms Jones): 40 schools closed."
    assert not may_hold_a_journal_issue(label, 0, len(label))
    cite = "Policy. 4 (2): 112–130"
    assert may_hold_a_journal_issue(cite, 0, len(cite))
    assert not may_hold_a_journal_issue(cite, 0, cite.index("):"))  # the span is respected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit or scale in title case after a decimal at a sentence's start: no section number
        ("3.5 Percent of voters switched.", [("3.5 Percent", "percent")]),
        ("3.2 Per cent of households are poor.", [("3.2 Per cent", "percent")]),
        ("2.5 Times as many people voted.", [("2.5 Times", "multiplier")]),
        ("12.5 People per household is the average.", [("12.5", "count")]),
        ("4.5 PERCENT of the budget", [("4.5 PERCENT", "percent")]),
        # guards: section numbers, and "Times" as a name
        ("1.1 On 4 March 2024 China and Veloria signed 3 deals.", [("3", "count")]),
        ("2.3 Use of force was the 1 issue.", [("1", "count")]),
        ("1.2 UK officials said so.", []),
        ("The 2019 Times report cited 1 Times Square.", [("1", "count")]),
    ],
)  # fmt: skip
def test_a_unit_after_a_decimal_is_no_section_number(text, expected):
    assert spans(text) == expected


def test_the_rules_read_a_bounded_window_of_a_long_sentence(monkeypatch):
    from pipeline import figures

    seen: list[int] = []
    kind = figures.figure_kind

    def spy(match, before, after):
        seen.append(max(len(before), len(after)))
        return kind(match, before, after)

    monkeypatch.setattr(figures, "figure_kind", spy)
    text = "x = 1, " * 2000
    assert len(figure_spans(text, 0, len(text))) == 2000
    assert max(seen) <= figures.CONTEXT_CHARS


LONG_PARTS = [
    "from March 3 to 6", "the 2020 election with 51% and -2 points", "1.1 On 4 March",
    "between 14 and 22 March 2024", "shared more than 23,000 times", "coded 1 if", "0 otherwise",
    "Mate 60 Pro", "Section 301", "Page 4 of 12", "men's 100m final", "rose 8% to $3.2 billion",
    "from 5% to 7%", "between 200,000 and 400,000 euros", "children under 10",
    "see 542 U.S. 656", "p = .008", "+46 8 555 0100", "keep.1 At least 19 states",
]  # fmt: skip


@pytest.mark.parametrize("sep", [", ", " " * 130 + ", ", "; and " + "word " * 40])
def test_a_bounded_window_gives_the_figures_of_the_whole_sentence(monkeypatch, sep):
    from pipeline import figures

    text = sep.join(LONG_PARTS * 20)
    windowed = figure_spans(text, 0, len(text))
    monkeypatch.setattr(figures, "CONTEXT_CHARS", 10**9)
    assert windowed == figure_spans(text, 0, len(text))
    assert len(windowed) > 100


def test_numbers_inside_many_citations_are_skipped_in_order():
    text = "; ".join(["See 542 U.S. 656, 700 people came", "Tel: 020 7946 0958 and 3 more"] * 50)
    assert [m for m, _ in spans(text)] == ["700", "3"] * 50


def test_month_names_come_from_one_list():
    from pipeline.figures_markers import MONTHS, MONTHS_AND_SEASONS, month_words

    assert set(month_words(("month",))) == {
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    }  # fmt: skip
    assert {"Sept", "Jan"} <= set(MONTHS.split("|"))
    assert "Spring" not in MONTHS.split("|") and "Spring" in MONTHS_AND_SEASONS.split("|")
    assert spans("On Sept 5 and 12 May, 40 firms and Spring 3 cases") == [
        ("40", "count"),
        ("3", "count"),
    ]


# --- audit G: list labels, contrasts, page furniture, money codes, points, tallies ------------


def figure_table(text: str) -> list[tuple[int, str, str, str]]:
    """(sent_id, match, kind, sourcing) of the figures table of a text."""
    rows = StanceStage().analyse(segment_text(text)).tables["figures"]
    return [(r["sent_id"], r["match"], r["kind"], r["sourcing"]) for r in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a colon after a figure that labels a list item breaks no clause: the item's source
        # (or evidential) is the figure's; the last item has none
        (
            "Numbers of the week\n\n- **2,300**: civil servants reportedly named in Annex B\n"
            "- **62%**: share of Marisca's international traffic that passes through Coral "
            "Gate, according to Tideline (the Herald says 40%)\n"
            "- **8.4%**: fall in Tideline's share price on Wednesday\n",
            [(2, "2,300", "count", "vague"), (3, "62%", "percent", "named"),
             (3, "40%", "percent", "named"), (4, "8.4%", "percent", "none")],
        ),
        ("2,300: civil servants reportedly named in Annex B\n",
         [(1, "2,300", "count", "vague")]),
        # near misses: a colon inside a sentence, or after words that follow the figure
        ("China denies it, the fallout is clear: it blacklisted 28 firms, Pew said.\n",
         [(1, "28", "count", "named")]),
        ("Officials said: 28 firms were listed.\n", [(1, "28", "count", "none")]),
        ("- 62% of voters: the share that backs it, according to Pew.\n",
         [(1, "62%", "percent", "none")]),
    ],
)  # fmt: skip
def test_a_list_items_label_and_its_description_are_one_clause(text, expected):
    assert figure_table(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the source after a contrasted figure is that figure's
        (
            "Coral Gate carries approximately 62% of Marisca's international internet "
            "traffic, not the 40% cited in some reports.\n",
            [(1, "62%", "percent", "none"), (1, "40%", "percent", "vague")],
        ),
        (
            "Turnout was 62%, rather than the 40% some analysts predicted.\n",
            [(1, "62%", "percent", "none"), (1, "40%", "percent", "vague")],
        ),
        # near misses: a comma ends the contrasted figure's phrase; a source before both
        (
            "Coral Gate carries 62% of the traffic, not 40%, according to Tideline.\n",
            [(1, "62%", "percent", "named"), (1, "40%", "percent", "named")],
        ),
        (
            "Pew said 62% agree, compared with 40% in 2019.\n",
            [(1, "62%", "percent", "named"), (1, "40%", "percent", "named")],
        ),
        (
            "Tideline says 62% of traffic goes through Coral Gate, the Herald says 40%.\n",
            [(1, "62%", "percent", "named"), (1, "40%", "percent", "named")],
        ),
    ],
)
def test_a_source_after_a_contrasted_figure_is_that_figures(text, expected):
    assert figure_table(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thread's counter opening a post is no figure; the post's figures are
        ("Mele Tuilagi @meletuilagi · Mar 6\n1/ Thread on the Harbour Protocol.", []),
        (
            "Mele Tuilagi @meletuilagi · Mar 6\n4/ Third: Tideline says 62% of traffic goes "
            "through Coral Gate, the Herald says 40%.",
            [("62%", "percent"), ("40%", "percent")],
        ),
        ("5/ Finally, the govt's line.", []),
        # reading times, file sizes, issue numbers, comment counts, a postal code before "Tel:"
        ("By Graham Whitcombe\nMarch 8, 2026 · 6 min read", []),
        ("a 6-minute read; 4 mins read", []),
        ("RNZ Pacific | Pacific Waves\nListen duration 9:42\nDownload: Ogg MP3 ( 8.9 MB )", []),
        ("PDF, 2.3MB, or 640 kB and 1 GiB", []),
        ("**Issue #212 · 10 March 2026**", []),
        ("Comments (48)\nSign in to comment", []),
        ("Address: No. 2, Chaoyangmen Nandajie, Chaoyang District, Beijing, 100701 "
         "Tel: 86-10-65961114", []),
        # near misses: a fraction, data that was taken, tuberculosis, comments as a count,
        # minutes that are no reading time, a number before a word that is no telephone label
        ("1/4 of voters agreed.", [("1/4", "count")]),
        ("It stole 1.5 TB of data and 40 GB of e-mails; 20 TB cases; 48 comments.",
         [("1.5", "count"), ("40", "count"), ("20", "count"), ("48", "count")]),
        ("It took 6 min to read and 6 minutes.", [("6", "count"), ("6", "count")]),
        ("In 100701 Telstra users", [("100701", "count")]),
    ],
)  # fmt: skip
def test_page_furniture_numbers_are_no_figures(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the margin of error of a subsample, and the confidence level, are no figures
        ("The margin of error for the full sample is ±2.8 percentage points at the 95% "
         "confidence level.", []),
        ("The margin of error among Republicans was 4 points.", []),
        ("At a 95 percent level of confidence, 40% agreed.", [("40%", "percent")]),
        # near misses: confidence that is measured, and a level that is no confidence's
        ("Confidence fell to 40% and 95% of the level was met.",
         [("40%", "percent"), ("95%", "percent")]),
        ("The margin of error for this poll was large, and 40% said no.",
         [("40%", "percent")]),
    ],
)  # fmt: skip
def test_a_margin_of_error_for_a_sample_and_its_confidence_level_are_no_figures(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a currency code of the list; an unlisted one after a money word and before a scale
        ("NZD 2.5 million, FJD 40 million, PGK 1 bn and TWD 3 bn",
         [("NZD 2.5 million", "money"), ("FJD 40 million", "money"), ("PGK 1 bn", "money"),
          ("TWD 3 bn", "money")]),
        ("Shares of Tideline fell 8.4%, wiping roughly MSD 310 million off the company's "
         "market value.", [("8.4%", "percent"), ("MSD 310 million", "money")]),
        # an amount compared with money is money
        ("Contracts in 2025 were worth MSD 14.6 billion, well above the 11.2 billion average "
         "of the previous three years.",
         [("MSD 14.6 billion", "money"), ("11.2 billion", "money")]),
        ("Revenue was $5 billion, up from 4 billion.",
         [("$5 billion", "money"), ("4 billion", "money")]),
        # near misses: capitals without a money word or a scale, codes left out of the list,
        # a head count after money, another scale
        ("the XYZ 310 million", [("310 million", "count")]),
        ("worth ABC 5 more", [("5", "count")]),
        ("TOP 10 reasons and COP 28 talks", [("10", "count"), ("28", "count")]),
        ("It spent $5 billion to reach more than 2 billion people.",
         [("$5 billion", "money"), ("2 billion", "count")]),
        ("It spent $5 billion, above the 2 million average.",
         [("$5 billion", "money"), ("2 million", "count")]),
    ],
)  # fmt: skip
def test_money_with_a_currency_code_and_compared_with_money(text, expected):
    assert spans(text) == expected


def test_currency_codes_lexicon_errors(tmp_path, monkeypatch):
    from pipeline import figures

    path = tmp_path / "currency_codes.txt"
    path.write_text("# version: 1.0.0\nUSD\nusd\n", encoding="utf-8")
    monkeypatch.setattr(figures, "lexicon_path", lambda name: path)
    with pytest.raises(ValueError, match="usd"):
        figures.currency_codes()
    path.write_text("USD\nNZD\nUSD\n", encoding="utf-8")
    with pytest.raises(ValueError, match="USD"):
        figures.currency_codes()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare points after a level in percent are percentage points
        ("- Favourable views of Australia rose slightly, to 58%, up 2.1 points.",
         [("58%", "percent"), ("2.1 points", "percent")]),
        ("Trust stood at 34% (down 3 pts).", [("34%", "percent"), ("3 pts", "percent")]),
        # near misses: an index's points, with or without a percent change
        ("The index rose 2.1 points.", [("2.1", "count")]),
        ("The Dow rose 0.8%, up 300 points.", [("0.8%", "percent"), ("300", "count")]),
        ("It reached 58%, and 2 points were awarded.", [("58%", "percent"), ("2", "count")]),
    ],
)  # fmt: skip
def test_points_after_a_percentage_are_percentage_points(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tally after "by a" and an adjective is one count, as "by a vote of" is
        ("The inquiry that parliament voted to open on Monday, by a comfortable 31 to 17, is "
         "the right place to start.", [("31 to 17", "count")]),
        ("It was established by a vote of 31 to 17.", [("31 to 17", "count")]),
        ("It passed by a narrow 5 to 4.", [("5 to 4", "count")]),
        # near miss: a change and its new level
        ("Membership grew by 5 to 12.", [("5", "count"), ("12", "count")]),
    ],
)  # fmt: skip
def test_a_tally_after_by_a_is_one_count(text, expected):
    assert spans(text) == expected


# Code review of the audit G rules (2026-12-04 review), finding 13: figures' edge cases, and
# finding 10: three capitals before an amount of people or things are no currency.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change and its new level after "by a further", not a tally
        ("Membership grew by a further 5 to 12 members.", [("5", "count"), ("12", "count")]),
        ("It passed by a narrow 5 to 4.", [("5 to 4", "count")]),
        # a size that was taken or is described counts; page furniture's sizes do not
        ("Hackers stole 100 GB from the ministry.", [("100", "count")]),
        ("A 40 GB leak exposed the files.", [("40", "count")]),
        ("Hackers stole 100 GB of e-mails.", [("100", "count")]),
        ("PDF, 2.3MB, or 640 kB and 1 GiB", []),
        # an amount of users or things after money is no money
        ("The company invested $5 billion, compared with 2 billion users last year.",
         [("$5 billion", "money"), ("2 billion", "count")]),
        ("Contracts were worth MSD 14.6 billion, well above the 11.2 billion average.",
         [("MSD 14.6 billion", "money"), ("11.2 billion", "money")]),
        # an unlisted code before people or things; a code of currency_codes.txt stays money
        ("Imports from the UAE 5 million barrels a day arrived.", [("5 million", "count")]),
        ("Food aid from WFP 2 million people reached.", [("2 million", "count")]),
        ("The PRC 1.4 billion population grew.", [("1.4 billion", "count")]),
        ("WHO 5 million doses arrived.", [("5 million", "count")]),
        ("Loans of XYZ 2 billion were made.", [("XYZ 2 billion", "money")]),
        ("The SAR 150 billion fund grew.", [("SAR 150 billion", "money")]),
    ],
)  # fmt: skip
def test_review_figures_edge_cases(text, expected):
    assert spans(text) == expected


def _alternations(line: str, pattern: str) -> list[list[str]]:
    """The alternatives of each group of ``line`` that ``pattern`` finds (its group 1)."""
    import re

    return [m.split("|") for m in re.findall(pattern, line)]


def test_currency_codes_and_money_words_agree_across_the_three_lexicons():
    """currency_codes.txt (figures), the stance lexicon's @QUANT and frames.tsv's @MONEY_BEFORE
    list the same currency codes in the same order, and @MONEY_BEFORE's money words are
    figure_context.tsv's money role, so the three stages cannot drift apart (review finding 10)."""
    import re

    from pipeline.figures import CURRENCY_CODES
    from pipeline.lexicon import lexicon_path

    def define(name: str, file: str) -> str:
        text = lexicon_path(file).read_text(encoding="utf-8")
        (line,) = [x for x in text.splitlines() if x.startswith(f"# define {name}:")]
        return line

    code_run = r"((?:[A-Z]{3}\|){9,}[A-Z]{3})"
    quant, money = define("QUANT", "stance.tsv"), define("MONEY_BEFORE", "frames.tsv")
    assert _alternations(quant, code_run) == [list(CURRENCY_CODES)]
    assert _alternations(money, code_run) == [list(CURRENCY_CODES)] * 2
    # the money words: twice in MONEY_BEFORE (before a number, before an unlisted code), equal
    runs = _alternations(money, r"\\b\(\?:(worth\|[^)]*(?:\([^)]*\)[^)]*)*)\)\\s\+")
    assert len(runs) == 2 and runs[0] == runs[1]
    words = figures_context.context_words()["money"]
    for alternative in runs[0]:  # each alternative is a money word of figure_context.tsv
        assert any(re.fullmatch(alternative, w, re.IGNORECASE) for w in words), alternative
    for word in words:  # and each money word is one of the alternatives
        assert any(re.fullmatch(a, word, re.IGNORECASE) for a in runs[0]), word


def test_a_source_line_sources_the_figures_above_it():
    """A walkthrough of policy briefs: "Source: OECD (2023)" under a paragraph or a chart's
    caption left its figures unsourced. The line's source is read as after "according to":
    named, or vague ("industry estimates"); it reaches the sentences of its paragraph before it,
    or, when it opens its paragraph, the paragraph before, and no further; a figure's own
    source stays its own."""
    text = (
        "Youth jobs\n\n"
        "Unemployment reached 14.2% in 2023. Critics say it is 16%.\n\n"
        "Source: OECD (2023)\n\n"
        "Imports rose 5% last year.\nSource: industry estimates.\n\n"
        "A scheme costs 3 million euros.\n\n"
        "Exports fell 2%.\n\n"
        "Output grew 4%.\n\n"
        "Data: the unemployment rate in the north rose again last year to well above the "
        "national average of 5%."
    )
    rows = StanceStage().analyse(segment_text(text)).tables["figures"]
    assert [(r["match"], r["sourcing"]) for r in rows] == [
        ("14.2%", "named"), ("16%", "vague"), ("5%", "vague"), ("3 million euros", "none"),
        ("2%", "none"), ("4%", "none"), ("5%", "none"),
    ]  # fmt: skip
    from pipeline.voices_sourcing import source_line_items

    doc = segment_text("Exports fell 2%.\n\nSources: Eurostat; national statistics offices")
    assert source_line_items(doc.sentences, lambda source: source) == {
        1: "Eurostat; national statistics offices"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Data:" or "Statistics:" before words in lower case is a sentence or a heading
        ("Jobs fell 4%.\n\nData: the unemployment rate for young people rose to 14.8%.", "none"),
        ("Jobs fell 4%.\n\nStatistics: they can be made to say anything.", "none"),
        ("Jobs fell 4%.\n\nStatistics: the compliance gap\n\nIt grew.", "none"),
        # no source: a photo credit, "unknown", "N/A"
        ("The river rose 2 metres.\n\nSource: Getty Images\n\nIt fell.", "none"),
        ("Prices rose 3%.\n\nSource: unknown", "none"),
        ("It cost $438.\n\nSource: N/A", "none"),
        # a source that names no one is vague
        ("Prices rose 3%.\n\nSource: various", "vague"),
        ("Prices rose 3%.\n\nSource: my uncle who is a realtor lol", "vague"),
        ("Prices rose 3%.\n\nSource: Author's calculations based on ONS data", "named"),
        # a chart's caption without a full stop merges with its source line: sourced itself
        ("Figure 2: Youth unemployment rose to 14%\nSource: OECD (2023)\n\nMore text here.",
         "named"),
    ],
)  # fmt: skip
def test_what_a_source_line_is_not(text, expected):
    """A review of source lines (34 documents): "Data:" and "Statistics:" sentences and
    headings, photo credits and sources that say none had named figures above them."""
    rows = StanceStage().analyse(segment_text(text)).tables["figures"]
    assert [r["sourcing"] for r in rows][:1] == [expected]


def test_a_source_line_under_a_table_sources_its_rows_and_lends_no_voice():
    """In Markdown a pipe table's rows are a paragraph each: the line under it sources them all
    and not the paragraph above the table. The sentences above a source line stay the writer's
    (voice "author")."""
    from pipeline.ingest import clean_document
    from pipeline.ingest_boilerplate import load_boilerplate_patterns
    from pipeline.segment import load_abbreviations, segment_document

    text = (
        "# Regional rates\n\nThe north lost 3% of its jobs.\n\n"
        "| Region | Rate |\n|---|---|\n| North | 14% |\n| South | 9% |\n\n"
        "Source: ONS\n\nThe gap is wide. It rose 2%.\n\nSource: Eurostat"
    )
    clean = clean_document("d", text.encode(), patterns=load_boilerplate_patterns(), markdown=True)
    out = StanceStage().analyse(segment_document(clean, abbreviations=load_abbreviations()))
    assert [(r["match"], r["sourcing"]) for r in out.tables["figures"]] == [
        ("3%", "none"), ("14%", "named"), ("9%", "named"), ("2%", "named")
    ]  # fmt: skip
    assert set(out.sentence_columns["voice"]) == {"author"}
    # a source line of its own is a label, no body sentence (no words, no readability), with a
    # full stop or at the text's end
    doc = segment_text("Imports rose 5%.\n\nSource: industry estimates.\n\nMore.\n\nSource: ONS")
    assert [s.is_heading for s in doc.sentences] == [False, True, False, True]


@pytest.mark.parametrize(
    ("text", "expected", "label"),
    [
        # a chart's credit before the source on its line (Datawrapper's "Chart: ... • Source:")
        ("Jobs fell 4%.\n\nChart: Jane Doe | Source: Copernicus", "named", True),
        ("Jobs fell 4%.\n\nGraphic: Jane Doe • Source: industry estimates", "vague", True),
        ("Jobs fell 4%.\n\nNotes: seasonally adjusted; Source: ONS", "named", True),
        # a note before the source line in its paragraph: the paragraph above is still sourced,
        # and the paragraph is a label (a note holding a number stays a sentence, below)
        ("Jobs fell 4%.\n\nNote: Figures are seasonally adjusted. Source: ONS", "named", True),
        ("Jobs fell 4%.\n\nNote: 2022 was 3%. Source: ONS", "named", False),
        # not a credit: a sentence, or a table's caption, which may stand above its rows (a
        # heading as a short line without a full stop)
        ("Jobs fell 4%.\n\nThe analysis shows a fall; Source: ONS", "none", False),
        ("Jobs fell 4%.\n\nTable 2: Jobs by region | Source: ONS\n\nThe north lost 9%.", "none",
         True),
        # a credit whose source says none
        ("Jobs fell 4%.\n\nChart: Jane Doe | Source: unknown", "none", False),
        # a review of the first version (68 documents): a photo's agency is no figure's source;
        # a numbered chart's caption may stand above its table; "Notes" and "Analysis" as words
        # of a sentence; a note's source in lower case; a number in a note is a claim
        ("Jobs fell 4%.\n\nPhoto: Jane Doe | Source: AFP", "none", False),
        ("Jobs fell 4%.\n\nImage: NASA/ESA · Source: NASA", "none", False),
        ("Jobs fell 4%.\n\nChart 2: Real wage growth (%) | Source: ONS", "none", False),
        ("Jobs fell 4%.\n\nNotes of caution were sounded — Sources: local groups", "none", False),
        ("Jobs fell 4%.\n\nAnalysis shows a fall; Source: ONS", "none", False),
        ("Jobs fell 4%.\n\nNote that 2023 data are provisional; Source: ONS", "none", False),
        ("Jobs fell 4%.\n\nNotes: I thought it went well; Source: my diary", "none", False),
        ("Jobs fell 4%.\n\nNotes: n = 1,200; Source: Pew Research Center survey.", "none", False),
        ("Jobs fell 4%.\n\nChart by Jane Doe | Source: ONS", "named", True),
        ("Jobs fell 4%.\n\nChart: Jane Doe, 2023 | Source: ONS", "named", True),
        # notes and a source as one short line, a heading, before more text
        ("Jobs fell 4%.\n\nNote: Figures are seasonally adjusted. Source: ONS\n\nMore text.",
         "named", True),
        # a review: long notes are prose, no label (their hedges and attributions count; the
        # source line, a sentence of its own, still sources them and the paragraph above); a
        # source in lower case after notes makes no label either (as a sentence of its own it
        # is a source as "Source: my diary" alone is); a year range is no number
        ("Jobs fell 4%.\n\nNote: Critics say the government may perhaps have misled voters "
         "about the scale and the timing of the cuts, according to people familiar with the "
         "matter. Source: Reuters", "named", False),
        ("Jobs fell 4%.\n\nNote: seasonally adjusted. Source: my diary", "vague", False),
        ("Jobs fell 4%.\n\nNotes: Figures in 2023-24 prices; Source: ONS", "named", True),
        # a chart's footer over two lines (Datawrapper's) is a source line of its own, a label;
        # a caption above its source line is sourced itself, and notes with a number too
        ("Jobs fell 4%.\n\nNotes: seasonally adjusted\nChart: Jane Doe • Source: ONS • Get the "
         "data\n\nMore text.", "named", True),
        ("Jobs fell 4%.\n\nChart: Jane Doe\nSource: ONS\n\nMore text.", "named", True),
        ("Jobs fell 4%.\n\nNotes: n = 1,200\nSource: Pew\n\nMore text.", "none", False),
    ],
)  # fmt: skip
def test_a_source_after_a_credit_or_a_note_sources_the_figures_above(text, expected, label):
    """A reviewer's note on source lines: "Chart: Jane Doe | Source: Copernicus" (a chart's
    credit line) and "Note: ... Source: ONS" left the figures above unsourced. A line that is a
    credit and a source is a label, as a source line of its own is (no body sentence)."""
    import time

    from pipeline.voices_sourcing import source_line

    # a run of spaces in a credit split 120 ways before the separator (2.4 s for the first
    # line), and notes before a source had backtracked exponentially (the second never ended)
    assert source_line("Note: seasonally adjusted. Source: my diary") is None
    assert source_line("Note: seasonally adjusted. Source: ONS") == "ONS"
    for line in ("Chart:" + " " * 119 + "| Source: A" + " " * 16000 + "x",
                 "Note: " + "a. Note: " * 2000 + "Source: ONS",
                 " ".join(["Note: figures for this region are provisional."] * 200)):  # fmt: skip
        start = time.process_time()
        source_line(line)
        assert time.process_time() - start < 1.0, line[:20]
    doc = segment_text(text)
    rows = StanceStage().analyse(doc).tables["figures"]
    assert [r["sourcing"] for r in rows][:1] == [expected]
    assert doc.sentences[1].is_heading is label
