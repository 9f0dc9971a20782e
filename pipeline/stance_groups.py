"""Whether an unnamed group is a reporting verb's subject or agent: a quantified plural of common
nouns right before the verb ("some hospitals say", "Several GOP senators said" is named:
:func:`unnamed_group_before`), not after a definite or possessive determiner ("the other
hospitals"), or a nationality or place before a plural after "by" ("criticised by European
banks": :func:`unnamed_agent`), their capitals naming no one
(:func:`~pipeline.stance_names.names_no_one`). Used by :mod:`pipeline.stance_sources` to turn a
named attribution into a vague one.
"""

from __future__ import annotations

import re

from pipeline.stance_names import LOOKBACK, names_no_one

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
