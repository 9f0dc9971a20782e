"""Whether a reporting verb heads a reduced passive after a plural subject: "Boroughs warned to
cut spending have frozen hiring", "Lenders rejected as too risky have appealed", "Teachers told
to strike have refused" (the boroughs were warned: no source). Used by :mod:`pipeline.stance` to
veto such an attribution whatever the plural (1.36.18; the blocker rows of stance.tsv list
institutions' plurals only, 1.36.16).
"""

from __future__ import annotations

import re

LOOKBACK = 200  # characters of a sentence before the verb that the subject test reads
# the participles that take an object before "to" in the active ("warned them to", "told us to",
# "urged ministers to"), or "as" after an object ("confirmed him as"): with neither, a passive
PARTICIPLE_RE = re.compile(
    r"(?<![\w’'-])(?:(?P<to>told|warned|urged|predicted)"
    r"|(?P<as>confirmed|acknowledged|rejected))$",
    re.IGNORECASE,
)
# "to" and a verb: no determiner, pronoun, person or plural noun after "to" ("Councils warned to
# the minister that", "confirmed to reporters": the active report), and not the warnings a source
# gives without its object ("Forecasters warned to expect snow", "to brace for")
TO_VERB_RE = re.compile(
    r"\s+to\s+(?!(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|me|us|him|them"
    r"|you|it|everyone|anyone|someone|nobody|all|both|each|every|any|no|some|many|police|staff"
    r"|parliament|congress|government|management|media|press|date|expect|brace)\b)"
    r"(?![a-z]*[^su]s\b)(?-i:[a-z])[a-z]+\b",
    re.IGNORECASE,
)
# "as" and a complement, no "as" of time or degree and no reported "that" after it (row 165 of
# stance.tsv: "Unions warned as many as 300 jobs would go", "warned as prices rose 8% that")
AS_COMPLEMENT_RE = re.compile(
    r"\s+as\s+(?!(?:many|much|few|little|well|soon|long|far|if|though|usual|ever|always|before"
    r"|recently|early|late|expected|predicted|forecast|feared|planned|promised|of|part)\b)"
    r"(?![^.;:!?]{0,80}\bthat\b)",
    re.IGNORECASE,
)
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
    "to" and a verb after it (``TO_VERB_RE``) or, for confirmed, acknowledged and rejected, "as"
    and a complement (``AS_COMPLEMENT_RE``), and a plural subject before it
    (``PLURAL_SUBJECT_RE``)."""
    verb = PARTICIPLE_RE.search(text, start, end)
    if verb is None or verb.start() - sentence_start > LOOKBACK:
        return False
    after = TO_VERB_RE if verb.group("to") else AS_COMPLEMENT_RE
    if verb.group("as") and TO_VERB_RE.match(text, end, limit):
        after = TO_VERB_RE  # "Hotels confirmed to host the summit"
    if not after.match(text, end, limit):
        return False
    return PLURAL_SUBJECT_RE.fullmatch(text, sentence_start, verb.start()) is not None
