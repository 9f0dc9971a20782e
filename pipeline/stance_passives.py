"""Whether a reporting verb heads a reduced passive after a plural subject: "Boroughs warned to
cut spending have frozen hiring", "Lenders rejected as too risky have appealed", "Teachers told
to strike have refused" (the boroughs were warned: no source). Used by
:mod:`pipeline.stance_detector` to veto such an attribution whatever the plural (1.36.18; the
blocker rows of stance.tsv list institutions' plurals only, 1.36.16); not an active verb with a
phrase after "to" or "as" ("Scientists warned to little effect that", "Voters rejected as too
costly the plan": 1.36.19).
"""

from __future__ import annotations

import re

from pipeline.figures_markers import WEEKDAYS

LOOKBACK = 200  # characters of a sentence before the verb that the subject test reads
# the participles that take an object before "to" in the active ("warned them to", "told us to",
# "urged ministers to"), or "as" after an object ("confirmed him as"): with neither, a passive
PARTICIPLE_RE = re.compile(
    r"(?<![\w’'-])(?:(?P<to>told|warned|urged|predicted)"
    r"|(?P<as>confirmed|acknowledged|rejected))$",
    re.IGNORECASE,
)
# What follows "to" in an active report and is no verb: a preposition, a quantifier or a
# "wh"-pronoun ("Analysts predicted to within half a point the outcome", "warned to little effect
# that", "to whoever would listen that"), the listeners or the hearers' reaction ("warned to deaf
# ears", "to camera", "predicted to general surprise"): 1.36.19; the @TOPHRASE macro of the
# institutions' rows of stance.tsv (a test keeps the two the same). Not an adverb of a split
# infinitive ("told to just say no", "to nearly double", "to roughly halve", "to almost treble")
# nor the first part of a hyphenated verb ("told to over-deliver", "to about-turn"): 1.36.20.
# Those adverbs before a quantity, a determiner or such a phrase are no split infinitive but the
# phrase's ("confirmed to about 200 ticket-holders that", "to nearly all the families", "warned
# to over a thousand members", "predicted to nearly everyone's surprise": 1.36.21)
TO_PHRASE = (
    r"(?:(?:about|roughly|nearly|almost|just|over)(?=\s+(?:[\d$€£¥]|(?:a|an|the|this|these|those"
    r"|its|their|his|her|our|my|your|all|both|each|every|any|no|some|many|most|half|one|two"
    r"|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens|million|millions|billion"
    r"|billions)\b))|(?:(?:about|roughly|nearly|almost|just|over)\s+)?"
    r"(?:within|around|under|little|much|few|more|less"
    r"|whoever|whomever|whatever|whichever|whom|what|which|anybody|everybody|somebody|anyone"
    r"|everyone|someone|nobody|no|one|general|great|wide|widespread|universal|cameras?"
    r"|deaf\s+ears|(?:\w+['’]s?|good|mixed|considerable|public|loud|rapturous|polite|muted"
    r"|scant|limited|devastating|full|maximum|minimal|lasting|mutual)\s+(?:effect|avail"
    r"|surprise|dismay|alarm|astonishment|amazement|consternation|delight|horror|disbelief"
    r"|chagrin|relief|embarrassment|applause|acclaim|derision|ridicule)))\b(?![-‐])"
)
# "to" and a verb: no determiner, pronoun, person or plural noun after "to" ("Councils warned to
# the minister that", "confirmed to reporters": the active report), nor a ``TO_PHRASE``
TO_VERB_RE = re.compile(
    r"\s+to\s+(?!(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|me|us|him|them"
    r"|you|it|everyone|anyone|someone|nobody|all|both|each|every|any|no|some|many|police|staff"
    r"|parliament|congress|government|management|media|press|date)\b)"
    rf"(?!{TO_PHRASE})(?![a-z]*[^su]s\b)(?-i:[a-z])[a-z]+\b",
    re.IGNORECASE,
)
# "to", a quantity or a determiner after about, nearly, roughly, almost, just or over, and a
# finite verb before any "that" or relative pronoun: the participle's object heads a reduced
# passive ("Job losses confirmed to about 300 staff last week are the first", "Cases confirmed to
# about 60 hospitals have been traced"; not "confirmed to about 200 ticket-holders that the
# concert": the active report; 1.36.22)
TO_OBJECT_VERB_RE = re.compile(
    r"\s+to\s+(?:about|roughly|nearly|almost|just|over)\s+"
    r"(?:(?!\b(?:that|who|which|whom)\b)[^,;:.!?]){0,80}?"
    r"\b(?:are|is|was|were|have|has|had|will|would|could|can|may|might|must|should|include"
    r"|includes|included|remain|remains|follow|follows|followed)\b",
    re.IGNORECASE,
)
# The warnings a source gives without its object, "to expect" and "to brace" ("Forecasters warned
# to expect snow"), after the plural of those who give warnings: after another plural they are
# the warnings it was given ("Households warned to expect higher bills", "Investors warned to
# brace for losses sold": no source; 1.36.19; 1.36.18 kept a source after any plural)
EXPECT_RE = re.compile(r"\s+to\s+(?:expect|brace)\b", re.IGNORECASE)
WARNERS = frozenset(
    "forecasters meteorologists experts officials authorities police scientists economists"
    " analysts strategists researchers specialists regulators watchdogs agencies ministers"
    " advisers advisors doctors inspectors engineers observers commentators pundits".split()
)
LAST_WORD_RE = re.compile(r"(?<![\w’'-])([\w’'-]+)\s*$")
# "as" and a complement, no "as" of time or degree and no reported "that" after it (row 165 of
# stance.tsv: "Unions warned as many as 300 jobs would go", "warned as prices rose 8% that")
AS_COMPLEMENT_RE = re.compile(
    r"\s+as\s+(?!(?:many|much|few|little|well|soon|long|far|if|though|usual|ever|always|before"
    r"|recently|early|late|expected|predicted|forecast|feared|planned|promised|of|part)\b)"
    r"(?![^.;:!?]{0,80}\bthat\b)",
    re.IGNORECASE,
)
# "as", a complement and then the object it describes, moved after it: "Voters rejected as too
# costly the plan", "Economists rejected as flawed the Treasury's forecast", "confirmed as final
# the rules" (the active verb; 1.36.19): up to three words that are no preposition, conjunction
# or auxiliary, then a determiner or a name; the @ASOBJECT macro of stance.tsv. Not a time ("this
# year", "each month", "this spring", "this term", a day's or a month's name: "Candidates
# rejected as unsuitable this year have appealed", "Venues confirmed as hosts Monday include";
# "this year's budget" is an object): 1.36.20. A time before a determiner or a name is the
# object's ("Critics rejected as too timid this week the budget plans", "Experts confirmed as
# correct Tuesday the earlier estimates": the active verb; 1.36.21)
_AS_TIME = (
    r"(?:(?:this|that|these|each|every|last|next|same)\s+(?:year|month|week|weekend|season|spring"
    r"|summer|autumn|fall|winter|term|semester|quarter|morning|afternoon|evening|night|day|time"
    rf"|round|session|decade)s?|(?-i:{WEEKDAYS}|January|February"
    r"|March|April|May|June|July|August|September|October|November|December))\b(?!['’])"
)
AS_OBJECT = (
    r"\s+(?:(?!(?:in|on|at|by|for|of|from|with|to|into|under|over|after|before|during|since"
    r"|until|across|between|among|against|about|and|or|but|than|who|which|that|have|has|had|are"
    r"|were|is|was|be|been|will|would|can|could|may|might|must|should|shall|do|does|did)\b)"
    rf"(?-i:[a-z])[\w-]*\s+){{1,3}}(?:{_AS_TIME}\s+)?(?!{_AS_TIME})(?:(?:the|a|an|this|these"
    r"|those|its|their|his|her|our|my|your|all|some|any|every|each|no)\b|(?-i:[A-Z]))"
)
AS_BEFORE_OBJECT_RE = re.compile(rf"\s+as{AS_OBJECT}", re.IGNORECASE)
_NOT_A_MODIFIER = (
    "say|says|said|have|has|had|are|were|is|was|be|been|that|which|who|and|or|but|to|of|in|on|at"
    "|for|with|by|from|as|than|not|also|will|would|could|can|may|might|must|should|do|does|did"
    "|they|we|he|she|it|i|you"
)
_NOT_A_PLURAL = (
    "this|is|was|has|does|its|his|hers|ours|theirs|yours|always|perhaps|sometimes|whereas"
    "|besides|towards|afterwards|news|series|species|means|politics|economics|thus|plus|yes"
)
# The plural subject: at the sentence's start or after a semicolon, a colon or a dash, a
# determiner or a word of quantity or not, up to two modifiers ("London boroughs", "Some
# cash-strapped boroughs") and a plural in lower case, or a capitalised plural alone
# ("Boroughs"); a capitalised plural after another word is a name ("Goldman Sachs")
PLURAL_SUBJECT_RE = re.compile(
    r"(?:[\s\S]*[;:—–]\s*)?[\s\"“‘'(\[]*"
    r"(?:(?:(?:the|these|those|such|some|many|most|all|other|several|numerous|both|few|a\s+few"
    r"|dozens\s+of|hundreds\s+of|thousands\s+of)\s+)?"
    rf"(?:(?!(?:{_NOT_A_MODIFIER})\b)[\w’'.&-]+\s+){{0,2}}"
    rf"(?!(?:{_NOT_A_PLURAL})\b)(?-i:[a-z])[\w’'-]*[^\W\d_aisuw]s"
    rf"|(?!(?:{_NOT_A_PLURAL})\b)(?-i:[A-Z])[\w’'-]*[^\W\d_aisuw]s)\s+",
    re.IGNORECASE,
)


def reduced_passive(text: str, sentence_start: int, start: int, end: int, limit: int) -> bool:
    """Whether ``text[start:end]`` (a match in a sentence starting at ``sentence_start`` and
    ending at ``limit``) ends in a participle of ``PARTICIPLE_RE`` that heads a reduced passive:
    "to" and a verb after it (``TO_VERB_RE``; "to expect" after a plural of ``WARNERS`` is the
    active warning) or, for confirmed, acknowledged and rejected, "as" and a complement
    (``AS_COMPLEMENT_RE``) with no object after it (``AS_BEFORE_OBJECT_RE``), or "to", a
    quantity and a finite verb (``TO_OBJECT_VERB_RE``), and a plural
    subject before it (``PLURAL_SUBJECT_RE``)."""
    verb = PARTICIPLE_RE.search(text, start, end)
    if verb is None or verb.start() - sentence_start > LOOKBACK:
        return False
    after = TO_VERB_RE if verb.group("to") else AS_COMPLEMENT_RE
    if verb.group("as") and TO_VERB_RE.match(text, end, limit):
        after = TO_VERB_RE  # "Hotels confirmed to host the summit"
    if TO_OBJECT_VERB_RE.match(text, end, limit):
        after = TO_OBJECT_VERB_RE  # "Job losses confirmed to about 300 staff last week are"
    elif not after.match(text, end, limit):
        return False
    if after is TO_VERB_RE and EXPECT_RE.match(text, end, limit):
        subject = LAST_WORD_RE.search(text, sentence_start, verb.start())
        if subject is None or subject.group(1).lower() in WARNERS:
            return False  # "Forecasters warned to expect heavy snow": the forecasters' warning
    if after is AS_COMPLEMENT_RE and AS_BEFORE_OBJECT_RE.match(text, end, limit):
        return False  # "Voters rejected as too costly the plan": the active verb
    return PLURAL_SUBJECT_RE.fullmatch(text, sentence_start, verb.start()) is not None
