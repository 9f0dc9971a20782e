"""Tests for pipeline.matcher: the lexicon pattern syntax and the one-alternation matcher."""

from __future__ import annotations

import re
import string
import sys
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.matcher import CASE_VARIANTS, LexiconMatcher, PatternMatch, compile_patterns
from pipeline.matcher_words import WORD_START_RE, required_words
from pipeline.pattern_syntax import _alternation_regex, _literal_regex, max_gaps, pattern_regex


def matched(patterns: list[str], text: str) -> list[str]:
    """The matched substrings, in order."""
    return [text[m.start : m.end] for m in compile_patterns(patterns).find(text)]


@pytest.mark.parametrize(
    ("patterns", "text", "expected"),
    [
        (["clearly"], "It is Clearly wrong.", ["Clearly"]),
        (["clear"], "unclear and clear-cut, but clear.", ["clear"]),
        (["called"], "the so-called deal was called off", ["called"]),
        (["in fact"], "In  fact,\nin\nfact it is", ["In  fact", "in\nfact"]),
        (["argu*"], "argue argued arguments argus", ["argue", "argued", "arguments", "argus"]),
        (
            ["{argue,argues,argued}"],
            "argue, argues, arguing, argued",
            ["argue", "argues", "argued"],
        ),
        (["suggest{,s,ed}"], "suggests suggestion suggested", ["suggests", "suggested"]),
        (["=May"], "may May MAY", ["May"]),
        (["=EU officials"], "EU Officials, eu officials", ["EU Officials"]),
        (
            ["it is [widely] believed"],
            "it is believed; it is widely believed",
            ["it is believed", "it is widely believed"],
        ),
        (["[some] critics argue"], "Critics argue; some critics argue.", None),
        (["<num> percent"], "about 40 percent and 1,200 percent", ["40 percent", "1,200 percent"]),
        (["<cap> stated"], "Hu stated; he stated", ["Hu stated"]),
        (["according to <any>"], "according to Pew, according to", ["according to Pew"]),
        (
            ["well-known"],
            "a well-known and well known and well–known fact",
            ["well-known", "well known", "well–known"],
        ),
        (["it's clear"], "it’s clear and it's clear", ["it’s clear", "it's clear"]),
        (["$"], "$12 billion", ["$"]),
        (["U.S."], "the U.S. and US", ["U.S."]),
        (["40%"], "nearly 40% of", ["40%"]),
        (["{in,in fact,indeed}"], "In fact, indeed in", ["In fact", "indeed", "in"]),
        (["{a,a lot}"], "a lot, a", ["a lot", "a"]),
        (["{has,has been,had} said"], "has been said, had said", ["has been said", "had said"]),
        (["{kind,Kind of}"], "\u212aind of", ["\u212aind of"]),
        # a "*" ending an alternative of braces that end their token (a walkthrough's row that
        # matched nothing when the "*" was a literal asterisk)
        (
            ["{chip,chipmaker*,semiconductor*}"],
            "chip, chipset, chipmakers, semiconductor, semiconductors",
            ["chip", "chipmakers", "semiconductor", "semiconductors"],
        ),
        (
            ["{chip,chipmaker*} shortage"],
            "chipmakers shortage, chips shortage",
            ["chipmakers shortage"],
        ),
        (["={EU,Euro*}"], "Europe, euro, EU, eu", ["Europe", "EU"]),
    ],
)
def test_pattern_syntax(patterns: list[str], text: str, expected: list[str] | None) -> None:
    got = matched(patterns, text)
    assert got == (expected if expected is not None else ["Critics argue", "some critics argue"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it is not clear that", [("it is not clear", 1)]),
        ("it is clear that", [("it is clear", 2)]),
        ("clear", [("clear", 0)]),
        ("according to reports, according to the World Bank", None),
    ],
)
def test_longest_match_first(text: str, expected: list[tuple[str, int]] | None) -> None:
    patterns = ["clear", "it is not clear", "it is clear", "according to", "according to reports"]
    got = [(text[m.start : m.end], m.entry) for m in compile_patterns(patterns).find(text)]
    if expected is None:
        assert got == [("according to reports", 4), ("according to", 3)]
    else:
        assert got == expected


def test_entry_index_refers_to_input_order() -> None:
    matcher = LexiconMatcher(["b", "a b", "c"])
    assert matcher.find("a b c") == [PatternMatch(0, 3, 1), PatternMatch(4, 5, 2)]


def test_accept_veto_falls_back_to_shorter_entry() -> None:
    matcher = compile_patterns(["military might", "might"])
    text = "military might"
    assert matcher.find(text) == [PatternMatch(0, 14, 0)]
    vetoed = matcher.find(text, accept=lambda m: m.entry != 0)
    assert vetoed == [PatternMatch(9, 14, 1)]
    assert matcher.find(text, accept=lambda m: False) == []


@pytest.mark.parametrize(
    ("patterns", "text", "vetoed", "expected"),
    [
        # a longer skip after a veto of the shortest ("who say" is no report)
        (
            ["critics <skip:4> {say,said}"],
            "critics who say little said so",
            {"critics who say"},
            ["critics who say little said"],
        ),
        (["a <skip:3> b"], "a x b y b z", {"a x b"}, ["a x b y b"]),  # one word more
        (["growth [slowed]"], "growth slowed", {"growth slowed"}, ["growth"]),  # one less
        # a later entry's other span
        (["a b c d", "a <skip:3> c"], "a b c d c", {"a b c d", "a b c"}, ["a b c d c"]),
        (["a [x]"], "a x-b", {"a"}, []),  # "a x" ends no word here
        (["a b c"], "a b c", {"a b c"}, []),  # a fixed entry has no other span
        # the bound on gaps: " , " is one gap; the comma in "x,y's" parts two skipped words, no gap
        (["a <skip:3> b"], "a , x , y b b", {"a , x , y b"}, ["a , x , y b b"]),
        (["a <skip:3> b"], "a x,y's b b", {"a x,y's b"}, ["a x,y's b b"]),
        (["a [x-y] {has been,was} b"], "a x y has been b", {"a x y has"}, ["a x y has been b"]),
    ],
)
def test_a_veto_tries_the_entrys_other_spans(
    patterns: list[str], text: str, vetoed: set[str], expected: list[str]
) -> None:
    matcher = compile_patterns(patterns)
    found = matcher.find(text, accept=lambda m: text[m.start : m.end] not in vetoed)
    assert [text[m.start : m.end] for m in found] == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("a b c", 2),
        ("critics <skip:5> say", 6),
        ("[some] critics <skip:3> {say,have said}", 6),
        ("well-known <any> [x]", 3),
        ("a <skip:2> b <skip:3> c", 7),
    ],
)
def test_max_gaps(pattern: str, expected: int) -> None:
    assert max_gaps(pattern) == expected


def test_a_vetoed_skip_entry_scans_a_long_text_in_linear_time() -> None:
    """A veto looks for other spans no further than the entry's most gaps (was quadratic)."""
    matcher = compile_patterns(["critics <skip:5> {say,argue}", "little"])
    text = "Critics argue little, and critics argue more, and they argue " * 800  # 50 kB
    started = time.process_time()
    found = matcher.find(text, accept=lambda m: m.entry != 0)
    assert time.process_time() - started < 0.5
    assert len(found) == 800 and {m.entry for m in found} == {1}


def test_span_limits_and_boundaries_outside_span() -> None:
    matcher = compile_patterns(["clear"])
    text = "unclear clear"
    assert matcher.find(text, start=2) == [PatternMatch(8, 13, 0)]
    assert matcher.find(text, start=0, end=7) == []
    with pytest.raises(ValueError, match="bad span"):
        matcher.find(text, start=5, end=2)


@pytest.mark.parametrize(
    "bad",
    [
        *("", "  ", "{a,b", "a}", "ar*gue", "[a", "a]", "[a]", "[[a]] b", "= b"),
        *("{chip*,b}x", "{ch*ip}", "{*,a}", "{a**}"),  # a "*" in braces ends their token
    ],
)
def test_bad_patterns_raise(bad: str) -> None:
    with pytest.raises(ValueError):
        compile_patterns(["ok", bad])


@pytest.mark.parametrize("bad", ["{}", "*", "{,}", "=*", "[a] {}", "{,s}*", "[very] {,un}"])
def test_patterns_that_can_match_no_text_raise(bad: str) -> None:
    """They would give markers of no text at every position (an extra row of {} as a hedge)."""
    with pytest.raises(ValueError, match="can match no text at all"):
        compile_patterns(["ok", bad])


@pytest.mark.parametrize("bad", ["{,re}<any>", "x<num>", "a <skip:2>b c"])
def test_a_placeholder_inside_a_token_raises(bad: str) -> None:
    """It would match its own text ('<any>') literally."""
    with pytest.raises(ValueError, match="must be a whole token"):
        compile_patterns(["ok", bad])


@pytest.mark.parametrize("good", ["suggest{,s}", "econom*", "{a,}b", "a {}", "<any>"])
def test_patterns_with_empty_parts_that_take_some_text_are_fine(good: str) -> None:
    compile_patterns(["ok", good])


def test_string_instead_of_list_raises() -> None:
    with pytest.raises(ValueError, match="sequence"):
        LexiconMatcher("clearly")  # type: ignore[arg-type]


def test_empty_lexicon_matches_nothing() -> None:
    assert compile_patterns([]).find("anything") == []


def test_pattern_regex_is_a_string() -> None:
    assert isinstance(pattern_regex("in fact"), str)


WORDS = ["may", "might", "clear", "in fact", "it is not clear", "argu*", "$", "40%"]


@given(st.text(alphabet="maycler itsnofagu$40%-\n.", max_size=60))
def test_matches_are_sorted_non_overlapping_and_in_text(text: str) -> None:
    matcher = compile_patterns(WORDS)
    found = matcher.find(text)
    prev_end = 0
    for m in found:
        assert prev_end <= m.start < m.end <= len(text)
        again = matcher.entry_regexes[m.entry].match(text, m.start)
        assert again is not None and again.end() == m.end
        prev_end = m.end


def reference_find(matcher: LexiconMatcher, text: str, start: int, end: int) -> list[PatternMatch]:
    """The matches of repeated ``search`` with the whole lexicon as one regex (no veto)."""
    out, pos = [], start
    while pos < end and matcher.regex is not None:
        m = matcher.regex.search(text, pos, end)
        if m is None:
            break
        out.append(PatternMatch(m.start(), m.end(), int(m.lastgroup[1:].partition("_")[0])))
        pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


def _shipped_matchers() -> list[LexiconMatcher]:
    from pipeline.frames import FramesStage
    from pipeline.stance import StanceStage

    return [StanceStage().detector.matcher, FramesStage().matcher]


SHIPPED = _shipped_matchers()
# words from the shipped lexicons' patterns plus names, numbers, punctuation and other scripts
LEXICON_WORDS = sorted(
    {
        w.strip("[]{}=*<>,").split(",")[0]
        for m in SHIPPED
        for p in m.patterns
        for w in p.split()
        if w.strip("[]{}=*<>,")
    }
)
text_of_lexicon_words = st.lists(
    st.one_of(
        st.sampled_from(LEXICON_WORDS),
        st.sampled_from(["Reuters", "The", "Pew", "12", "1,200", "40%", "U.S.", "—", "İ", "K"]),
        st.sampled_from([".", ",", ";", "-", "\n", "’s", "(", ")"]),
        st.text(max_size=4),
    ),
    max_size=40,
).map(" ".join)


@pytest.mark.parametrize("which", [0, 1], ids=["stance", "frames"])
@settings(max_examples=300, deadline=None)
@given(text=text_of_lexicon_words, data=st.data())
def test_dispatch_equals_one_alternation_search(which: int, text: str, data) -> None:
    """The per-character dispatch finds exactly what the single big regex finds."""
    matcher = SHIPPED[which]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert matcher.find(text, start=start, end=end) == reference_find(matcher, text, start, end)


# lexicon words as re.IGNORECASE may meet them: upper-case, or with the other forms of k, s, i
VARIANT_WORDS = st.sampled_from(LEXICON_WORDS).map(
    lambda w: w.upper().replace("S", "ſ").replace("K", "\u212a").replace("I", "ı")
)


@pytest.mark.parametrize("which", [0, 1], ids=["stance", "frames"])
@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.one_of(text_of_lexicon_words, VARIANT_WORDS, st.just("İn")), max_size=8).map(
        " ".join
    ),
    data=st.data(),
)
def test_start_words_find_the_nodes_of_the_start_regex(which: int, text: str, data) -> None:
    """The word runs' nodes (StartWords) are where the start regex matches, with its node."""
    matcher = SHIPPED[which]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [(m.start(), m.lastgroup) for m in matcher._starts.finditer(text, start, end)]
    runs = WORD_START_RE.finditer(text, start, end)
    found = [(r.start(), matcher._start_words.node(r.group())) for r in runs]
    assert [(p, name) for p, name in found if name] == expected
    assert matcher.find(text, start=start, end=end) == reference_find(matcher, text, start, end)


SMALL = ["united nations", "like", "argu*", "in fact", "<num> percent"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met at the UNITED NATIONS.", True),
        ("He was arguing, in fact.", True),
        ("L\u0130KE it or not", True),  # a dotted capital I is an "i" under re.IGNORECASE
        ("Unity and unlike arguments", True),  # "argu*" starts "arguments"
        ("Unity and unlike aims, 40 all told.", True),  # "<num> percent" starts at "40"
        ("Unity and unlike aims.", False),
        ("", False),
    ],
)
def test_may_match_tells_whether_a_word_starts_an_entry(text: str, expected: bool) -> None:
    assert compile_patterns(SMALL).may_match(text) is expected
    assert compile_patterns([*SMALL, "<name> said"]).may_match(text)  # a name: anywhere


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(["united", "nations", "like", "argue", "in", "fact", "unlike", "12"]),
            VARIANT_WORDS,
            st.text(max_size=4),
        ),
        max_size=10,
    ).map(" ".join),
    data=st.data(),
)
def test_may_match_is_false_only_where_find_finds_nothing(text: str, data) -> None:
    """False only when no word run starts an entry, and then nothing is found in any part."""
    matcher = compile_patterns(SMALL)
    starts = [r for r in WORD_START_RE.finditer(text) if matcher._start_words.node(r.group())]
    assert matcher.may_match(text) == bool(starts)
    start = data.draw(st.integers(0, len(text)))
    if not starts:
        assert matcher.find(text, start=start) == []


def test_case_variants_are_all_that_ignorecase_adds() -> None:
    """Each ASCII letter's key class holds exactly what the letter matches under IGNORECASE."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    extra: dict[str, str] = {}
    for code in range(128, sys.maxunicode + 1):
        ch = chr(code)
        if letter.match(ch):
            key = next(c for c in string.ascii_lowercase if re.match(c, ch, re.IGNORECASE))
            extra[key] = extra.get(key, "") + ch
    assert extra == CASE_VARIANTS


@settings(max_examples=300, deadline=None)
@given(
    alternatives=st.lists(
        st.one_of(st.text(alphabet="ab -", min_size=1, max_size=4), st.sampled_from("Kſİi'’")),
        min_size=1,
    ),
    text=st.text(alphabet="abAkKſsİi -'’\n", max_size=30),
    after=st.sampled_from(["", " x"]),
)
@example(alternatives=["a b", "a"], text="a b", after="")
def test_grouped_alternatives_match_like_a_flat_alternation(
    alternatives: list[str], text: str, after: str
) -> None:
    """``{a,b,c}`` grouped by first letters matches what the flat alternation matches."""
    alternatives = [a for a in alternatives if a.strip() and a == a.strip()] or ["a"]
    ordered = sorted(alternatives, key=len, reverse=True)  # as pattern_regex orders them
    source = pattern_regex("{" + ",".join(alternatives) + "}" + after)
    grouped = _alternation_regex(ordered, case_sensitive=False)
    flat = "(?:" + "|".join(_literal_regex(a) for a in ordered) + ")"
    assert grouped in source
    a_rx = re.compile(source, re.IGNORECASE)
    b_rx = re.compile(source.replace(grouped, flat, 1), re.IGNORECASE)
    text += " x"
    for pos in range(len(text) + 1):
        a, b = a_rx.match(text, pos), b_rx.match(text, pos)
        assert (a and a.span()) == (b and b.span())


def reference_other_spans(
    matcher: LexiconMatcher, text: str, match: PatternMatch, end: int
) -> list[PatternMatch]:
    """Every other span of the entry at ``match.start`` that ends a word, shortest first: the
    entry's regex followed by exactly the rest of the text (brute force, no ``endpos``)."""
    pattern = matcher.patterns[match.entry]
    if "[" not in pattern and "<skip:" not in pattern:
        return []
    source = pattern_regex(pattern)
    out = []
    for e in range(match.start + 1, end + 1):
        if e == match.end or not re.match(r"\w(?!\w|-\w)", text[e - 1 : e + 2]):
            continue
        rx = re.compile(f"(?:{source})(?={re.escape(text[e:])}\\Z)", re.IGNORECASE)
        if rx.match(text, match.start) is not None:
            out.append(PatternMatch(match.start, e, match.entry))
    return out


def reference_find_with_veto(
    matcher: LexiconMatcher, text: str, start: int, end: int, accept
) -> list[PatternMatch]:
    """Repeated ``search`` of the whole lexicon; a vetoed match falls back to the entry's other
    spans, then to every later entry (its own match, then its other spans)."""
    out, pos = [], start
    while pos < end and matcher.regex is not None:
        m = matcher.regex.search(text, pos, end)
        if m is None:
            break
        entry = int(m.lastgroup[1:].partition("_")[0])
        found = PatternMatch(m.start(), m.end(), entry)
        if not accept(found):
            candidates = reference_other_spans(matcher, text, found, end)
            for i in matcher.order[matcher.order.index(entry) + 1 :]:
                again = matcher.entry_regexes[i].match(text, m.start(), end)
                if again is not None and again.end() > again.start():
                    first = PatternMatch(again.start(), again.end(), i)
                    candidates += [first, *reference_other_spans(matcher, text, first, end)]
            found = next((c for c in candidates if accept(c)), None)
        if found is None:
            pos = m.start() + 1
            continue
        out.append(found)
        pos = found.end if found.end > found.start else found.start + 1
    return out


# entries that overlap at the same positions, keyed and wild, so that vetoes fall back often
OVERLAPPING = compile_patterns(
    ["a b c", "a b", "a", "a*", "{a,ab} c", "<cap> b", "b", "<any> c", "=A b", "ab*", "<num> a"]
)
words_of_overlapping = st.lists(
    st.sampled_from(["a", "A", "ab", "abc", "b", "B", "c", "1", "K", "-", "."]), max_size=12
).map(" ".join)


@pytest.mark.parametrize("which", [0, 1, 2], ids=["stance", "frames", "overlapping"])
@settings(max_examples=200, deadline=None)
@given(data=st.data(), every=st.integers(2, 4))
def test_vetoed_matches_fall_back_like_the_reference(which: int, data, every: int) -> None:
    """Only the entries that can start at a position are retried there, and in order."""
    matcher = [*SHIPPED, OVERLAPPING][which]
    text = data.draw(words_of_overlapping if which == 2 else text_of_lexicon_words)

    def accept(m: PatternMatch) -> bool:  # a veto by entry, start and end
        return (m.entry * 31 + m.start + 7 * m.end) % every != 0

    expected = reference_find_with_veto(matcher, text, 0, len(text), accept)
    assert matcher.find(text, accept=accept) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{for certain,of course} x", [{"certain", "course"}, {"x"}]),
        (
            "[{the,some}] {headlines,coverage} {say,said}",
            [{"headlines", "coverage"}, {"say", "said"}],
        ),
        ("{has been,was} said", [{"been", "was"}, {"said"}]),  # the longest word of each
        ("suggest{,s,ed} that", [{"that"}]),  # a stem is no whole word
        ("$5 million", [{"million"}]),
        ("the U.S.", [{"the"}]),  # the pattern ends no word: its last token needs nothing
        ("a <name> <skip:2> said", [{"a"}, {"said"}]),
        ("{chip,chipmaker*} shortage", [{"shortage"}]),  # nor is a stem in braces
        ("global {chip,chipmaker*}", [{"global"}]),
    ],
)
def test_required_words(pattern: str, expected: list[set[str]]) -> None:
    """The words each required token of a pattern needs (the matcher's WordFilter)."""
    assert [set(w) for w in required_words(pattern)] == expected


def test_the_start_regex_is_compiled_on_first_use() -> None:
    """find reads the start nodes by word (StartWords); the regex only for can_start."""
    matcher = compile_patterns(["another example", "the survey"])
    found = matcher.find("Another example of the survey")
    assert [(m.start, m.end, m.entry) for m in found] == [(0, 15, 0), (19, 29, 1)]
    assert "_starts" not in vars(matcher)
    assert matcher.can_start("the survey", 0) and not matcher.can_start("a survey", 0)
    assert "_starts" in vars(matcher)


def test_pattern_parts_are_read_once_per_pattern() -> None:
    """Cached: the loaders and the matcher read a pattern's parts six times (immutable, so a
    caller cannot change another's)."""
    from pipeline.pattern_syntax import pattern_parts

    parts = pattern_parts("a [big] <skip:2> {said,says}")
    assert parts == (("a", False), ("big", True), ("<skip:2>", False), ("{said,says}", False))
    assert pattern_parts("a [big] <skip:2> {said,says}") is parts
    with pytest.raises(ValueError, match="unbalanced"):
        pattern_parts("a [big")
