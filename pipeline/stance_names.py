"""Whether a stance marker's source is named: proper names, places, sectors and peoples around
a source noun ("Pentagon officials" is named, "Wall Street analysts" and "Chinese officials" are
not). Used by :mod:`pipeline.stance` to turn a vague attribution into a named one.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.figures_markers import WEEKDAYS, month_words
from pipeline.language import english_common_words
from pipeline.lexicon import lexicon_path, read_lexicon, read_word_list
from pipeline.pattern_syntax import FUNCTION_WORDS

# Capitalised words that do not make a source "named": demonyms and short initialisms (and
# their plurals: MPs, MEPs, CEOs). "Guardian" is a newspaper's, no demonym ("A Guardian
# reporter said": named, as "A Reuters reporter said"; 1.36.27).
NOT_A_NAME_RE = re.compile(
    r"(?:(?!Guardian(?![a-z]))[A-Z][a-z]+(?:an|ans|ese|ish|ic|ern|ist|ists)|[A-Z]{1,3}|[A-Z]{2,4}s|U\.[SK]\.|[A-Z][a-z]?"
    rf"|{WEEKDAYS}|{'|'.join(month_words(('month',)))})"
)  # days and months say when, not who (full names: "Jan" may be a first name)
# A time after "by" is a deadline, no agent: "More than 200 cases were reported in the region by
# Friday", "reported on the island by Tuesday night", "by Christmas", "by Lunar New Year",
# "by Memorial Day" (days, months, holidays), "by dawn", "by the spring" (seasons and times of
# day, in lower case: "by Dawn", "by the Today programme" and "by Spring Street Research" are
# names). A capitalised time word followed by another ("by the Sunday Times", "by Sunday
# Business Post") is a name too. 1.36.10, 1.36.11.
TIME_AGENT_RE = re.compile(
    r"\b[Bb]y\s+(?:"
    rf"(?:{WEEKDAYS}|"
    rf"{'|'.join(month_words(('month',)))}|Christmas|Easter|Thanksgiving|Halloween|Ramadan|Eid|"
    r"Diwali|Hanukkah|Passover|Lent|Midsummer|(?:Lunar\s+)?New\s+Year|[A-Z][a-z]+\s+Day)"
    r"(?![\w-]|['’](?!s\b)|\s+[A-Z])"  # "by Friday's deadline" is a time
    r"|(?:the\s+)?(?:spring|summer|autumn|fall|winter|morning|noon|midday|midnight|dawn|dusk|"
    r"nightfall|tonight|today|tomorrow|year-end)\b)"
)
PRONOUN_I_RE = re.compile(r"I(?![\w.-])")  # the pronoun: "I'm", "I am" (not "I." nor "IMF")
CAPITAL_WORD_RE = re.compile(r"(?<![\w’'])[A-Z][\w’'.-]*")
LAST_WORD_RE = re.compile(r"(?<![\w’'])([A-Z][\w’'-]*) $")  # a capitalised word just before
# "in" (across, throughout) and place names just before a word: "officials in Beijing and
# Washington"
PLACE_BEFORE_RE = re.compile(
    r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+(?:[A-Z][\w’'.-]*,?\s+(?:(?:and|or)\s+)?)*$"
)
# "of" and the names after it: "critics of Senator Mark Hollis's"
OF_BEFORE_RE = re.compile(r"\bof\s+(?:the\s+)?(?:[A-Z][\w’'.-]*,?\s+)*$")
# Sources who speak for an organisation, which a name just before them identifies ("Pentagon
# officials", "Goldman Sachs economists"); critics, supporters or watchers of a name are not it.
MEMBER_NOUNS = frozenset(read_word_list(lexicon_path("member_nouns.txt")))
WORD_CHAR_RE = re.compile(r"\w")
WORD_RE = re.compile(r"\w+")
POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")
LONG_WORD_RE = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more (title case test)
TITLE_CASE_SHARE = 0.8
# A source kept anonymous: its words name no source even with an institution in them ("a
# Commission official, speaking on condition of anonymity, said", "an anonymous Pentagon official");
# "Anonymity" is anonymity in any case.
ANONYMOUS_RE = re.compile(
    r"(?-i:\banonym\w*|\bANONYM[A-Z]*|\bAnonym\w*)"
    r"|\bnot\s+(?:to\s+)?be(?:ing)?\s+(?:named|identified)\b"
    r"|\b(?:declined|refused)\s+to\s+be\s+(?:named|identified)\b",
    re.IGNORECASE,
)
# a capitalised "Anonymous" after a lower-case preposition, "and", "the" or "group" is the hacker
# group, a name ("a spokesman for Anonymous said", "members of  Anonymous"), and so is one after
# another capitalised word ("Alcoholics Anonymous", "Narcotics Anonymous")
GROUP_BEFORE_RE = re.compile(
    r"(?-i:\b(?:for|of|to|from|by|with|and|the|group|collective)"
    r"|\b(?!(?:A|An|The|Some|Many|Several|Two|Three|Four|Five)\b)[A-Z][a-z]+)\s+$"
)


# where a source works, after its words: "according to researchers at the University of Minnesota"
AFFILIATION_RE = re.compile(
    r"\s+at\s+(?:the\s+)?(?-i:[A-Z][\w’'.&-]*)(?:\s+(?:(?:of|for|and|&)\s+)?(?-i:[A-Z][\w’'.&-]*))*"
)


# a name that is an occasion, not an employer: "officials at Monday's meeting", "sources at the
# Christmas party", "analysts at the G20 summit" (review of 2026-12-04)
OCCASION_RE = re.compile(
    r"\s*(?:meeting|party|parties|summit|conference|event|dinner|lunch|hearing|forum|festival"
    r"|session|ceremony|reception|gala|convention)s?\b",  # nouns only: "Eurostat show" is a verb
    re.IGNORECASE,
)
DAY_RE = re.compile(rf"\b{WEEKDAYS}['’]s\b")


# occasion words that are also verbs ("Eurostat show", "Smith talks"): occasions only after "at"
AT_OCCASION_RE = re.compile(
    r"\s*(?:talks|rally|rallies|match|matches|show|shows|briefing|briefings|launch|fair|game|games"
    r"|march|vigil|protest)\b",
    re.IGNORECASE,
)
AT_BEFORE_RE = re.compile(r"\bat\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'.&-]+\s+){0,3}$", re.IGNORECASE)


def is_occasion(name: str, text: str, end: int, limit: int | None = None) -> bool:
    """Whether ``name``, which ends at ``text[end]``, is an occasion: a weekday's ("Monday's"),
    or followed by an occasion noun ("the G20 summit", "the Christmas party"), or, after "at", by
    a word that can also be a verb ("at the Geneva talks", "at the Wembley match")."""
    stop = len(text) if limit is None else limit
    if DAY_RE.search(name) or OCCASION_RE.match(text, end, stop):
        return True
    start = end - len(name)
    return bool(AT_OCCASION_RE.match(text, end, stop) and AT_BEFORE_RE.search(text, 0, start))


# the last words of a source that works somewhere (not "fans at Wembley", "Critics said at ...")
AFFILIATED_NOUNS = MEMBER_NOUNS | {"source", "sources", "insider", "insiders"}


def affiliation_end(text: str, start: int, end: int, limit: int) -> int:
    """Where "at" and the name of the institution of the source ``text[start:end]`` end, when
    its last word is one who works for one (``AFFILIATED_NOUNS``); else ``end``."""
    last = text[start:end].rsplit(None, 1)[-1:]
    if not last or last[0].lower() not in AFFILIATED_NOUNS:
        return end
    m = AFFILIATION_RE.match(text, end, limit)
    if not m or is_occasion(m.group(), text, m.end(), limit):
        return end
    return m.end()


def is_anonymous(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` keeps its source anonymous (see ANONYMOUS_RE)."""
    for m in ANONYMOUS_RE.finditer(text, start, end):
        if m.group() != "Anonymous" or not GROUP_BEFORE_RE.search(
            text, max(0, m.start() - 40), m.start()
        ):
            return True
    return False


# "say" as a noun: after a determiner, a possessive or a word of quantity and up to two of the
# adjectives a say is given ("a say", "the last say", "a bigger say", "their own say", "a
# meaningful, democratic say", "more say"; not "the unions say", "some say"); the generic named
# "say" row of stance.tsv has the same words in its not_before (@SAYNOUN there: a test keeps the
# two the same, 1.36.16)
SAY_NOUN_ADJECTIVES = (
    "final|real|last|direct|fair|proper|decisive|meaningful|democratic|genuine|effective|formal"
    "|legal|statutory|binding|full|fuller|equal|strong|stronger|big|bigger|large|larger|great"
    "|greater|major|significant|substantial|ultimate|true|official|collective|individual"
    "|personal|early|earlier|first|louder|wider|broader|better|fairer|much|more|little|less|any"
    "|no|local|own"
)
SAY_NOUN = (
    r"\b(?:(?:a|an|the|its|their|his|her|our|your|my|no|any|more|little|much|less"
    r"|equal|greater|bigger|real|final|last|direct|fair|proper|decisive|meaningful"
    # "one say" ("Everyone should have one say"; not "Twenty-one say", "forty one say", "One
    # hundred and one say": 1.36.18, 1.36.19); a possessive is read with what follows "say", in
    # pipeline/stance_say.py (1.36.19; "Sainsbury's say the cuts will last" reports)
    r"|(?<![-‐–])(?<!ty\s)(?<!and\s)one)"
    rf"(?:,?\s+(?:{SAY_NOUN_ADJECTIVES})){{0,2}})"
)
TRAILING_THAT_RE = re.compile(r"\s+that$", re.IGNORECASE)  # "... show that": test the verb
LOOKBACK = 200  # characters before a source noun in which the name tests look
# A match that skips words ends in no report when its last word follows "to", a form of "be" or
# a modal: "lawmakers struggle to agree", "companies are expected", "people would find"; a
# state of mind after "are" is still the source's ("officials are worried that"), and so is a
# verb after "spoke to" ("analysts I spoke to say"). Nor after a modal and "have" (a hypothetical
# past: "few economists would have predicted this"), nor a noun after a determiner ("investors on
# the call", "analysts on a conference call", "some groups, a point"), nor a passive after an
# adverb ("users who are wrongly rejected"), nor a verb whose own subject is a pronoun after a
# comma ("Her neighbours, she says, tend to": she is the source), or a noun phrase or a name
# ("Members invested heavily, the Council noted": the Council is). After such a veto the matcher
# tries longer skips: "critics, who might have expected more, said" is still a report.
NOT_A_REPORT_RE = re.compile(
    r"(?:(?<!spoke\s)(?<!spoken\s)(?<!talked\s)(?<!speak\s)(?<!talk\s)\bto"
    r"|\b(?:would|could|should|will|(?-i:may)|might|must|can|cannot))\s+"
    r"(?!(?:said|told|wrote|thought|found|knew|\w+ed|\w+s)$)\w+$"  # "experts he spoke to said"
    r"|\b(?:be|been|being)\s+(?!\w+ing$)\w+$"  # "have been saying" reports
    r"|\b(?:is|are|was|were)\s+(?:\w+ly\s+)?"
    r"(?!(?:worried|concerned|convinced|confident|divided|alarmed|\w+ing)$)\w+$"
    r"|\b(?:would|could|might|should|must|will|may)\s+(?:not\s+)?have\s+\w+$"
    r"|,\s*(?:he|she|(?-i:I)|we|you)\s+\w+$"  # "Her neighbours, she says,": she is the source
    # ", the Council noted", ", the club said", ", police said", "angry, Smith said" (not
    # "Springfield, Illinois said": a place, then its state)
    r"|,\s*(?:the|a|an|its|his|her|their)\s+(?:[\w’'-]+\s+){0,3}\w+$"
    r"|,\s*(?:police|officials)\s+\w+$"
    r"|\b(?-i:[a-z0-9])[\w’'%-]*[)\"”’']?,\s*(?-i:[A-Z][\w’'.-]*)(?:\s+(?-i:[A-Z][\w’'.-]*))*\s+\w+$"
    r"|\b(?:a|an|the|its|their|his|our|conference|phone|earnings|video)\s+"
    r"(?:call|view|fear|fears|claim|claims|doubt|doubts|estimate|estimates|charge|dispute|note"
    r"|point|project|forecast)$"
    # nor a participle right after an article or a possessive determiner, an adjective there:
    # "Firms account for an estimated 35%", "Companies face an expected rise" (1.36.18; not
    # "her", an object too; a noun that ends a match is its agent: "criticised by the experts")
    r"|\b(?:a|an|the|its|their|our|my|your)\s+[\w’'-]+ed$"
    # "say" as a noun after a determiner or a word of quantity: "Families deserve a say", "have
    # the final say", "have their say", "want more say" (1.36.13), with up to two adjectives
    # between ("the last say", "a bigger say", "a real democratic say": 1.36.16)
    rf"|{SAY_NOUN}\s+say$",
    re.IGNORECASE,
)


# A question word as the subject of the sentence names no source: "Who believes that ...?", "Who
# in this House seriously believes ...?", "And who says ...?", "Who on earth has ever said that?"
# ask for one (1.36.13). Only "Who" at the sentence's start (after "and", "but", "so" or "yet"),
# then a prepositional phrase of up to three words and adverbs or auxiliaries: in "Who knows
# whether the minister said that?" the minister is the subject of "said". "Who" as written in
# mixed or lower case only: "WHO warned that", "WHO officials expect" are the World Health
# Organization's (1.36.16). The phrase and the adverbs may stand between commas: "Who, then,
# said that ...?", "Who, exactly, says ...?", "Who in this House, then, believes ...?" (1.36.18);
# "Who, the minister said, would pay?" is the minister's report.
QUESTION_SUBJECT_RE = re.compile(
    r"\s*[\"“‘']?(?:(?:[Aa]nd|[Bb]ut|[Ss]o|[Yy]et|[Tt]hen|[Ww]ell),?\s+)?(?:Who|who)"  # not "WHO"
    r"(?:,?\s+(?:in|on|among|amongst|of|at|from|across|within|inside|outside|here|there)"
    r"(?:\s+(?!(?:that|whether|if|what|which|who|when|why|how)\b)[\w’'.-]+){1,3}?)?"
    r"(?:,?\s+(?:else|here|now|then|still|ever|really|honestly|seriously|actually|truly|genuinely"
    r"|on\s+earth|exactly|today|though|anyway|after\s+all|has|have|had|does|do|did|would|will"
    r"|could|can|should|might|is|was|\w+ly))*,?\s*$"
)


def question_subject_before(text: str, sentence_start: int, start: int) -> bool:
    """Whether the sentence up to ``start`` is only a question word as its subject and the words
    that may come between it and its verb (``QUESTION_SUBJECT_RE``): "Who believes" asks who."""
    if start - sentence_start > LOOKBACK:
        return False
    return QUESTION_SUBJECT_RE.fullmatch(text, sentence_start, start) is not None


# A quantified plural of common nouns just before a reporting verb, the verb's subject: "some
# hospitals say", "Some retired generals have warned", "a few of the clinics reported" are groups
# that no name identifies, so a vague source, as "critics say" (the lexicon lists some such nouns;
# this takes any). A capitalised word in it must be no name (a demonym, an initialism, a place:
# "Many Americans say", "Several GOP senators said"): "Some Democrats say" and "some Pentagon
# officials" name a party or an institution. Not after "and" or "or" ("Senator Warren and other
# lawmakers", "the ministry and some hospitals": a named source among them), nor after "the" or
# a possessive ("the other hospitals", "the most affected clinics"), nor words that are no group
# ("some results suggest", "in some cases", "most respondents said": a survey's share).
_NOT_A_MODIFIER = (
    "the|a|an|its|their|his|her|our|my|your|this|that|these|those|of|in|at|on|for|from|with|by|"
    "and|or|but|to|who|which|whom|whose|are|is|was|were|have|has|had|be|been|will|would|could|"
    "can|may|might|must|should|not|also|do|does|did|as|than|more|less|said|say|says"
)
_NOT_A_GROUP = (
    "this|is|was|has|does|goes|its|his|hers|ours|theirs|yours|always|perhaps|sometimes|whereas|"
    "besides|towards|afterwards|respondents|participants|results|findings|signs|indications|tests|"
    "figures|numbers|statistics|trends|models|scans|images|factors|reasons|things|times|cases|days|"
    "years|months|weeks|hours|ways|changes|areas|parts|places|words|questions|issues|problems|"
    "rules|laws|measures|terms|details|facts|events|papers|pages"
)
UNNAMED_GROUP_RE = re.compile(
    r"(?<![\w’'-])(?<!\band\s)(?<!\bor\s)(?<!\b[Tt]he\s)(?<!\b[Ii]ts\s)(?<!\b[Tt]heir\s)"
    r"(?<!\b[Hh]is\s)(?<!\b[Oo]ur\s)"  # "her": DEFINITE_BEFORE_RE, OBJECT_HER_RE
    r"(?:[Ss]ome|[Mm]any|[Ss]everal|[Nn]umerous|[Vv]arious|[Cc]ertain|[Mm]ost|[Oo]ther|[Ff]ew"
    r"|[Aa]\s+few|[Aa]\s+number\s+of|[Dd]ozens\s+of|[Hh]undreds\s+of|[Tt]housands\s+of)\s+"
    r"(?:of\s+(?:the|its|their|these|those)\s+)?"
    rf"(?P<group>(?:(?!(?:{_NOT_A_MODIFIER})\b)[A-Za-z][\w’'.-]*\s+){{0,2}}"
    rf"(?!(?:{_NOT_A_GROUP})\b)[A-Za-z][\w’'-]*[^\W\d_aisuw]s)"
    r"(?:\s+(?:have|had|also|now|still|long|repeatedly|already|privately|publicly|openly"
    r"|recently|again|previously|increasingly|often|reportedly))*\s+$"
)


# A party's members, nouns and adjectives, that the suffix rule of NOT_A_NAME_RE would take for a
# people's ("Republicans", "Democratic", "Socialists"): in a quantified group they name a party,
# as "Democrats", "Tories" and "Conservatives" do ("Some Republicans said", "Other Republicans
# said", "Some Democratic senators said": named, as without the quantifier; 1.36.9).
PARTY_WORD_RE = re.compile(
    r"(?:Republican|Democratic|Socialist|Communist|Nationalist|Unionist|Libertarian|Gaullist"
    r"|Peronist)s?"
)


# A definite or possessive determiner before the quantifier, a number between them or not: "The
# two other candidates said", "His two other sons said", "Johnson's few remaining allies said"
# are a known group, as "the other hospitals" is (1.36.10).
DEFINITE_BEFORE_RE = re.compile(
    r"(?:(?<![\w’'-])(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Mm]y|[Yy]our|[Tt]hese|[Tt]hose)"
    r"|\w['’]s|\ws['’])\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?$"
)
# "her" right after a verb that needs a person as its object is that object, no possessive: in
# "Police told her two other candidates said" the candidates are an unnamed group (vague, as "Two
# other candidates said"); "Police said her two other candidates said" keeps the possessive
# (1.36.12).
OBJECT_HER_RE = re.compile(
    r"(?<![\w’'-])(?:tell|tells|told|telling|inform|informs|informed|informing|assure|assures"
    r"|assured|assuring|remind|reminds|reminded|reminding|notify|notifies|notified|notifying)"
    r"\s+[Hh]er\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?$",
    re.IGNORECASE,
)
# An initialism in a quantified group names an institution ("Some FBI agents said", "Many NHS
# trusts said", "Several GOP senators said": named, as "Some Pentagon officials said"), unless it
# is a place's or a field's ("Some US officials", "Some AI researchers": unnamed). 1.36.10. So
# does one before a source noun ("IMF officials said", "An IMF official said": 1.36.12).
# Listed ones only (1.36.14): capitals also spell places, fields, emphasis; no exception list ends
INSTITUTION_INITIALISMS = frozenset(read_word_list(lexicon_path("institution_initialisms.txt")))


def unnamed_group_before(text: str, sentence_start: int, start: int) -> bool:
    """Whether the words right before ``start`` are a quantified plural (UNNAMED_GROUP_RE)
    whose capitalised words name no one (a party's members, ``PARTY_WORD_RE``, or an
    institution's initialism name one), not after a definite or possessive determiner
    (``DEFINITE_BEFORE_RE``; "her" after "told" is an object, ``OBJECT_HER_RE``): the subject of
    a reporting verb there is an unnamed group."""
    m = UNNAMED_GROUP_RE.search(text, max(sentence_start, start - LOOKBACK), start)
    if m is None:
        return False
    lo = max(sentence_start, m.start() - LOOKBACK)
    if DEFINITE_BEFORE_RE.search(text, lo, m.start()) and not OBJECT_HER_RE.search(
        text, lo, m.start()
    ):
        return False
    return names_no_one(m.group("group"))


def institution_initialism(word: str) -> bool:
    """Whether ``word`` is an institution's initialism ("IMF", "CDC", "FBI"): one listed in
    lexicons/institution_initialisms.txt, not a place's, a field's or a word in capitals ("US",
    "NSW", "AI", "NLP", "ALL"; 1.36.14)."""
    return word in INSTITUTION_INITIALISMS


def names_no_one(group: str) -> bool:
    """Whether the capitalised words of a group of people ("Some US officials", "European
    banks") name no one: each is a demonym, a place's or a field's initialism or a place, not a
    party's members (``PARTY_WORD_RE``) nor an institution's initialism, unless an outsider's
    noun follows it (:func:`_outsider_after`, as :func:`_initialism_member` reads it: "An IMF
    watcher", "A UN observer", "A NATO opponent" name no one; 1.36.28 review). Not
    :func:`_initialism_member` itself: the group's noun is a person's already, and its staff
    and member nouns would miss "An SNP MP", "A BBC correspondent", "a nurse from the RCN"."""
    places = [
        p.span() for p in place_name_re().finditer(group) if not in_a_longer_name(group, *p.span())
    ]

    def no_name(w: re.Match[str]) -> bool:
        if institution_initialism(w.group()):
            return _outsider_after(group, w)
        return not PARTY_WORD_RE.fullmatch(w.group()) and bool(
            NOT_A_NAME_RE.fullmatch(w.group())
            or NOT_A_NAME_RE.fullmatch(w.group().rstrip("."))
            or any(a <= w.start() < b for a, b in places)
        )

    return all(no_name(w) for w in CAPITAL_WORD_RE.finditer(group))


# A nationality or a place before a common plural names no agent after "by": "criticised by
# European banks", "praised by British farmers", "reported by Japanese newspapers" are unnamed
# groups, as "Chinese officials said" is (1.36.12); not after "the" ("by the European banks": a
# known group), nor with a name in it ("by European Commission officials", "by Deutsche Bank",
# "by Chinese state media": the state's). A plural without -s too ("by Ukrainian media", "by
# Scottish fishermen", "by Afghan women"; not "by Pakistani police", a force: 1.36.14).
BY_GROUP_RE = re.compile(
    r"(?<![\w’'-])[Bb]y\s+(?P<group>(?:[A-Z][\w’'.-]*\s+){1,2}(?:[a-z][\w’'-]*\s+){0,2}"
    r"(?:[a-z][\w’'-]*[^\W\d_aisuw]s|(?<!state\s)(?<!state-run\s)(?<!state-owned\s)media"
    r"|people|staff|personnel|children|[a-z]*men))(?![\w’'-])"
)
AGENT_LOOKAHEAD = 60  # characters past a match in which its agent's plural may end


def unnamed_agent(text: str, start: int, end: int) -> bool:
    """Whether the agent after "by" in ``text[start:end]`` (read on past ``end``, as a match may
    stop at its first capitalised word: "criticised by European") is an unnamed group
    (``BY_GROUP_RE``, :func:`names_no_one`)."""
    m = BY_GROUP_RE.search(text, start, min(len(text), end + AGENT_LOOKAHEAD))
    return m is not None and m.start() < end and names_no_one(m.group("group"))


@cache
def common_words() -> frozenset[str]:
    """Common lower-case English words (lexicons/common_words.txt) and the function words."""
    return frozenset(read_word_list(lexicon_path("common_words.txt"))) | english_common_words()


# the kinds of places_and_peoples.tsv read only after "from" (:func:`from_a_country`): a country's
# or a city's name elsewhere is often a firm's or an institution's ("Air Canada executives",
# "Brussels said"); cities 1.36.12; British and Irish towns and counties 1.36.28 ("Leeds officials
# said", "Hull City said": named)
FROM_ONLY_KINDS = frozenset({"country", "city", "town"})


@cache
def _place_names(*, countries: bool = False) -> str:
    """Regex of the names of places, sectors and peoples (lexicons/places_and_peoples.tsv), or,
    with ``countries``, of its countries and cities alone (``FROM_ONLY_KINDS``, read only after
    "from": see :func:`from_a_country`)."""
    rows = read_lexicon([lexicon_path("places_and_peoples.tsv")], required=("name", "kind")).rows
    kept = {row["name"] for row in rows if (row["kind"] in FROM_ONLY_KINDS) == countries}
    names = sorted(kept, key=len, reverse=True)
    return "(?<![\\w’'-])(?:" + "|".join(re.escape(n).replace("\\ ", "\\s+") for n in names) + ")"


@cache
def city_names() -> frozenset[str]:
    """The cities and towns of lexicons/places_and_peoples.tsv (kinds ``city`` and ``town``):
    "Washington", "Brussels", "Leeds" (towns 1.36.28)."""
    rows = read_lexicon([lexicon_path("places_and_peoples.tsv")], required=("name", "kind")).rows
    return frozenset(row["name"] for row in rows if row["kind"] in ("city", "town"))


@cache
def place_name_re() -> re.Pattern[str]:
    """A place, sector or people's name ("Wall Street", "Silicon Valley", "Qatari")."""
    return re.compile(_place_names() + r"(?![\w’'-])")


@cache
def country_name_re() -> re.Pattern[str]:
    """A country's or a city's name ("China", "South Korea", "the United States", "Brussels")."""
    return re.compile(_place_names(countries=True) + r"(?![\w’'-])")


# "from" and the names after it: "diplomats from China", "experts from Canada and Mexico"
FROM_BEFORE_RE = re.compile(
    r"\b([\w’'-]+)\s+from\s+(?:the\s+)?(?:[A-Z][\w’'.-]*,?\s+(?:(?:and|or)\s+)?(?:the\s+)?)*$"
)
# words for what a source publishes: after them "from China" is the country's (its government's)
# data ("data from China show"), not where people come from
PUBLISHED_NOUNS = frozenset(
    "data figures statistics stats numbers records documents files minutes filings estimates "
    "estimate projections calculations assessments reports report research studies study "
    "surveys survey polls poll analysis analyses evidence testing tests accounts".split()
)


# An initialism as the whole agent of what a source published, just before the verb that ends the
# span: "Data published on Friday by the BLS show", "Figures released by the IMF showed", "A
# study by the CDC found", "Data from the ONS show" (after "from" only a published thing's: "data
# from", not "diplomats from the US"). An agency's initialism names it, as "by the Census Bureau"
# does; before a noun it is a modifier ("by US officials showed": vague, as "A US official said").
# 1.36.9.
INITIALISM_AGENT_RE = re.compile(
    r"\b(?:(?P<by>by)|(?P<noun>[\w’'-]+)\s+from)\s+(?:the\s+)?"
    r"(?-i:[A-Z]{2,5}|[A-Z](?:\.[A-Z])+\.?)\s+"
    r"(?:show|shows|showed|shown|showing|reveal|reveals|revealed|confirm|confirms|confirmed"
    r"|demonstrate|demonstrates|demonstrated|prove|proves|proved|proven|find|finds|found|finding"
    r"|suggest|suggests|suggested|indicate|indicates|indicated|conclude|concludes|concluded"
    r"|estimate|estimates|estimated|say|says|said)(?:\s+that)?$"
)


def initialism_agent(span: str) -> bool:
    """Whether ``span`` ends in an initialism that is its published thing's agent
    (``INITIALISM_AGENT_RE``)."""
    m = INITIALISM_AGENT_RE.search(span)
    return m is not None and (
        m.group("by") is not None or m.group("noun").lower() in PUBLISHED_NOUNS
    )


def from_a_country(span: str, start: int) -> bool:
    """Whether the country's or city's name at ``span[start]`` says where unnamed people come
    from ("Diplomats from China say", "Diplomats from Brussels say", as "Chinese diplomats" and
    "diplomats in Beijing"): it follows
    "from" after a word that is not one for data or documents ("data from China show" is the
    country's). Countries are read only there: before a source noun a country's name is often a
    firm's ("Air Canada executives"), in a citation a surname ("(Jordan, 2019)"), and after "by"
    the agent ("estimates by Russia")."""
    m = FROM_BEFORE_RE.search(span, 0, start)
    return m is not None and m.group(1).lower() not in PUBLISHED_NOUNS


# A place's name inside a longer capitalised name is part of that name, not where a source is:
# an institution "of" or "for" it ("Council of Europe", "Economic Commission for Africa",
# "Development Bank of Latin America"; not after a quantifier or a function word, "Most of
# Europe"), or one whose name goes on after it ("Africa CDC", "Asia Society"; not a day or a
# month, "from Asia on Monday", "Diplomats from Asia Monday said"). 1.36.9.
NAME_BEFORE_PLACE_RE = re.compile(
    rf"(?<![\w’'-])(?!(?:{FUNCTION_WORDS}|Much|Half|Rest|Parts?)\b)[A-Z][\w’'.&-]*"
    r"\s+(?:of|for)\s+(?:the\s+)?$"
)
NAME_AFTER_PLACE_RE = re.compile(
    rf"\s+(?!(?:{FUNCTION_WORDS}|{WEEKDAYS}"
    rf"|{'|'.join(month_words(('month',)))})\b)[A-Z]"
)


def in_a_longer_name(text: str, start: int, end: int, lo: int = 0) -> bool:
    """Whether the place's name ``text[start:end]`` is part of a longer capitalised name
    (``NAME_BEFORE_PLACE_RE``, ``NAME_AFTER_PLACE_RE``); the name before it must start at or
    after ``lo``."""
    before = NAME_BEFORE_PLACE_RE.search(text, max(lo, start - LOOKBACK), start)
    return before is not None or NAME_AFTER_PLACE_RE.match(text, end) is not None


@cache
def place_name_before_re() -> re.Pattern[str]:
    """Such a name just before a word ("Wall Street analysts": at the end of "Wall Street ")."""
    return re.compile(_place_names() + r"\s+$")


def is_ordinary_word(word: str) -> bool:
    """Whether a capitalised word is a common English word ("Federal", "Two", "Mid-level"), not
    a name ("Pentagon", "Goldman"); a word in capitals ("NATO") is taken for a name."""
    common = common_words()
    return not word.isupper() and all(part.lower() in common for part in word.split("-"))


def names_a_source(span: str) -> bool:
    """Whether a span holds a proper name after its first word (demonyms and initialisms aside,
    and places: a name right after "in", as in "officials in Washington", a place, sector or
    people's name, as in "Wall Street analysts" or "diplomats from Southeast Asia", or a country
    after "from" (:func:`from_a_country`), says where or among whom the unnamed source is, not
    who; nor an occasion: "officials at Monday's meeting", "at the G20 summit"). A place's or
    a field's initialism names no one, an institution's before one who speaks for it does ("An
    IMF official said"). A name after "of" names the source only when the span speaks for an
    organisation ("officials of the Commerce Department"): "critics of Trump", "opponents of
    Senator Hollis's bill" are still unnamed."""
    members = not MEMBER_NOUNS.isdisjoint(WORD_RE.findall(span.lower()))
    places = [m.span() for m in place_name_re().finditer(span)]
    places += [
        m.span() for m in country_name_re().finditer(span) if from_a_country(span, m.start())
    ]
    # not inside a longer name ("Officials from Africa CDC said"); the span's first word, its
    # source noun, is no such name ("Leaders of Africa said")
    places = [(a, b) for a, b in places if not in_a_longer_name(span, a, b, lo=1)]
    if initialism_agent(span):
        return True
    words = [
        m
        for m in CAPITAL_WORD_RE.finditer(span)
        if m.start() > 0
        and not PLACE_BEFORE_RE.search(span, 0, m.start())
        and not any(a <= m.start() < b for a, b in places)
        and (members or not OF_BEFORE_RE.search(span, 0, m.start()))
        and not is_occasion(m.group(), span, m.end())
    ]
    return any(
        not (NOT_A_NAME_RE.fullmatch(w.group().rstrip(".,")) or _outsider_after(span, w))
        or _initialism_member(span, w)
        for w in words
    )


NEXT_WORD_RE = re.compile(r"\s+(\w+)")
# a preposition after one who speaks for an institution, before its initialism: "A spokesman for
# the IMF said", "officials at the WHO said" (1.36.23)
MEMBER_OF_RE = re.compile(
    r"(?<![\w’'-])(\w+)\s+(?:for|of|at|from|with)\s+(?:the\s+)?$", re.IGNORECASE
)


# those after an institution's initialism who are none of its staff ("An IMF observer said",
# "An IMF opponent said"): ``outsider_nouns.txt``
OUTSIDERS = frozenset(read_word_list(lexicon_path("outsider_nouns.txt")))
# a noun of one who works ("doctor", "engineer", "scientist", "nurse"), not a verb ("Experts the
# BBC spoke to": the interviewer's): a staff suffix (``STAFF_SUFFIX_RE``; not PERSON_SUFFIXES of
# stance_persons.py: its "-ee", "-eur", "-smith", "refugee", are no staff) or a noun of
# ``staff_nouns.txt`` ("nurse", "staff"; an armed service's pilots and troops, "An RAF pilot said",
# "IDF troops said": named; 1.36.28)
STAFF_SUFFIX_RE = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|eer|ier|man|woman|person)s?")
STAFF_NOUNS = frozenset(read_word_list(lexicon_path("staff_nouns.txt")))
STAFF_NOUN_RE = re.compile(
    rf"{STAFF_SUFFIX_RE.pattern}|"
    + "|".join(re.escape(w) for w in sorted(STAFF_NOUNS, key=lambda w: (-len(w), w)))
)


def _outsider_after(span: str, word: re.Match[str]) -> bool:
    """Whether the word right after ``word``, an institution's initialism, is an outsider's
    noun (``OUTSIDERS``, singular or plural: "An IMF watcher", "IMF opponents")."""
    if not institution_initialism(word.group()):
        return False
    after = NEXT_WORD_RE.match(span, word.end())
    noun = after.group(1).lower() if after else ""
    return noun in OUTSIDERS or (noun.endswith("s") and noun[:-1] in OUTSIDERS)


def _initialism_member(span: str, word: re.Match[str]) -> bool:
    """Whether ``word`` is an institution's initialism right before one who speaks for it ("An
    IMF official said", "A CIA officer said": named, as "A White House official said"; "A US
    official said" is not, :func:`institution_initialism`; 1.36.12), or before any noun but an
    outsider's (``OUTSIDERS``: "An MSF doctor said", as "A Reuters reporter said"; 1.36.27) or
    after one and "for", "of", "at", "from" or "with" ("A spokesman for the IMF said", "An
    official at the WHO said": named, as "A spokeswoman for Tideline said"; 1.36.23). An
    outsider after it is read first, whatever its ending ("An IMF opponent said", "An IMF
    critic said": no member; 1.36.28 review)."""
    if not institution_initialism(word.group()) or _outsider_after(span, word):
        return False
    after = NEXT_WORD_RE.match(span, word.end())
    noun = after.group(1).lower() if after else ""
    before = MEMBER_OF_RE.search(span, 0, word.start())
    member = before.group(1).lower() if before else ""
    if STAFF_NOUN_RE.fullmatch(noun):
        return True  # "An MSF doctor said", "A WHO scientist said": its staff (1.36.27)
    return any(w in MEMBER_NOUNS or f"{w}s" in MEMBER_NOUNS for w in (noun, member) if w)


def is_title_case(text: str) -> bool:
    """Whether ``text`` is written in title case ("Critics Argue Export Controls Backfire"):
    at least three words of four letters or more, and most of them capitalised. In such a
    heading a capital says nothing about a name (a body sentence full of names can pass the
    test too, so it is applied to headings only)."""
    words = LONG_WORD_RE.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


# a capitalised word and "of" or "for" before a capitalised source noun, up to two capitalised
# words between: "the International Federation of Journalists said", "the National Union of
# Teachers said", "the Council of Economic Advisers said" (1.36.12); not after a function word or
# a word of quantity ("Dozens of Journalists"), as before a place (NAME_BEFORE_PLACE_RE)
NAME_OF_BEFORE_RE = re.compile(
    rf"(?<![\w’'-])(?!(?:{FUNCTION_WORDS}|Much|Half|Rest|Parts?|Dozens|Hundreds|Thousands"
    r"|Millions|Scores|Lots|Plenty|Majority|Minority)\b)[A-Z][\w’'.&-]*"
    r"\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'.&-]*\s+){0,2}$"
)


def ends_a_name(text: str, start: int) -> bool:
    """Whether the capitalised word at ``start`` ends a name begun before it ("Center for
    Strategic and International Studies found", "International Federation of Journalists
    said"): a capital after a capitalised word, or after one and "of" or "for"
    (``NAME_OF_BEFORE_RE``); the pronoun "I" ends none ("What I'm told is that", "Now I am
    told": 1.36.21)."""
    if not text[start : start + 1].isupper() or PRONOUN_I_RE.match(text, start):
        return False
    lo = max(0, start - LOOKBACK)
    before = LAST_WORD_RE.search(text, lo, start)
    if before is not None and not NOT_A_NAME_RE.fullmatch(before.group(1)):
        return True
    of = NAME_OF_BEFORE_RE.search(text, lo, start)
    return of is not None and not NOT_A_NAME_RE.fullmatch(of.group().split()[0])


def name_before(text: str, sentence_start: int, start: int) -> bool:
    """Whether a name stands right before a source noun at ``start`` ("as Pentagon officials
    said", "the White House officials said"): the noun is one for members of an organisation
    (MEMBER_NOUNS: "China watchers", "Trump critics" stay vague), and the word before it is
    capitalised but, as the sentence's first word, not a common word (whose capital is the
    sentence's: "Two officials said"; "Pentagon officials said" and a city's, "Washington
    officials said", are named), nor a demonym, a place's or a field's initialism ("US
    officials"; an institution's names it, "IMF officials said", "Africa CDC officials said":
    1.36.12; a listed one, 1.36.14), day or month, nor a possessive ("Beijing's
    officials"), a "-based" place ("Kyiv-based analysts"), a place after "in", or a place,
    sector or people's name ("Wall Street analysts", "Qatari officials")."""
    first = WORD_RE.match(text, start)
    if first is None or first.group() not in MEMBER_NOUNS:
        return False
    lo = max(sentence_start, start - LOOKBACK)  # the words just before: bounded
    before = LAST_WORD_RE.search(text, lo, start)
    if before is None:
        return False
    word = before.group(1)
    sentence_first = not WORD_CHAR_RE.search(text, sentence_start, before.start(1))
    return not (
        # a city is no ordinary word, first or not: "Washington officials said" (1.36.14)
        (sentence_first and is_ordinary_word(word) and word not in city_names())
        or (NOT_A_NAME_RE.fullmatch(word) and not institution_initialism(word))
        or POSSESSIVE_RE.search(word)
        or word.lower().endswith("-based")
        or PLACE_BEFORE_RE.search(text, lo, start)
        or _place_just_before(text, lo, start)
    )


def _place_just_before(text: str, lo: int, start: int) -> bool:
    """Whether a place, sector or people's name ends just before ``start`` ("Wall Street
    analysts", "Central Asia analysts") that is not part of a longer name ("Council of Europe
    officials", "Development Bank of Latin America economists": named)."""
    m = place_name_before_re().search(text, lo, start)
    return m is not None and not in_a_longer_name(
        text, m.start(), m.start() + len(m.group().rstrip()), lo
    )
