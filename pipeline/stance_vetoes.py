"""Whether a lexicon match is no report at all: a time after "by" that is a deadline, no agent
("reported in the region by Friday": ``TIME_AGENT_RE``), a skipped-words match whose last word
follows "to", a modal or a form of "be", or is "say" as a noun ("lawmakers struggle to agree",
"people would find", "Families deserve a say": ``NOT_A_REPORT_RE``, ``SAY_NOUN``), or a question
word as the sentence's subject ("Who believes that ...?": :func:`question_subject_before`), or in a
yes/no question ("Do delegates argue that ...?": :func:`auxiliary_question`).
Used by :mod:`pipeline.stance_detector` to veto such a match.
"""

from __future__ import annotations

import re

from pipeline.figures_markers import WEEKDAYS, month_words
from pipeline.stance_names import LOOKBACK

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


# A yes/no question opened by its auxiliary asks, and reports nothing: "Do delegates argue that the
# rules are unfair?", "Will Western firms find other suppliers in time?" (a README walkthrough's
# question, read as a named "Will Western"); its subject and a few more words before the match,
# no comma ("Is it true, as critics claim, that ...?" reports a claim)
AUXILIARY_QUESTION_RE = re.compile(
    r"\s*[\"“‘']?(?:(?:And|But|So|Yet|Or),?\s+)?"
    r"(?-i:Will|Would|Can|Could|Shall|Should|May|Might|Must|Do|Does|Did|Is|Are|Was|Were|Has|Have|"
    r"Had)\s+(?:[\w’'.-]+\s+){0,4}"
)
QUESTION_END_RE = re.compile(r"\?[\s\"”’')\]]*$")


def auxiliary_question(text: str, sentence_start: int, start: int, sentence_end: int) -> bool:
    """Whether the match at ``start`` is in a yes/no question that opens the sentence
    ``text[sentence_start:sentence_end]`` with its auxiliary (``AUXILIARY_QUESTION_RE``, the
    sentence ending with a question mark)."""
    if start - sentence_start > LOOKBACK:
        return False
    return (
        AUXILIARY_QUESTION_RE.fullmatch(text, sentence_start, start) is not None
        and QUESTION_END_RE.search(text, start, sentence_end) is not None
    )
