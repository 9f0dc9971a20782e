"""Whether an attribution's source reads named or vague beyond its lexicon row: a vague row's match
that names its source (a name in it or right before it, an affiliation after it, an appositive
after a person's name: :func:`named_source`) unless the source is kept anonymous
(:func:`is_anonymous`), and a named row's match whose subject is an unnamed group, person or
agent (:func:`unnamed_source`); and whether a relative clause names the source's affiliation
rather than a person (:func:`affiliation_clause`). Used by :mod:`pipeline.stance_detector`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.stance_groups import unnamed_agent, unnamed_group_before
from pipeline.stance_inverted import unnamed_one_after
from pipeline.stance_names import (
    affiliation_end,
    ends_a_name,
    is_title_case,
    name_before,
    names_a_source,
)
from pipeline.stance_persons import names_a_person
from pipeline.stance_unnamed import (
    according_from_employer,
    contacted_group_before,
    interviewed_group,
    lay_source,
    name_appositive,
    unnamed_one_before,
)

# A "who" clause that names the source's own affiliation: "An analyst, who works at Goldman Sachs,
# said", "Researchers, who are based at Oxford University, found": its name is read as "analysts
# at Goldman Sachs" would be (named, as in 1.36.12); not a name the clause says anything else of
# ("Residents, who have complained to Thames Water, say": vague) (1.36.16); nor a person the
# source works for or with (:func:`affiliation_clause`)
AFFILIATION_CLAUSE_RE = re.compile(
    r",\s*who\s+(?:(?:now\s+|currently\s+|also\s+)?(?:work|works|worked|working)\s+"
    r"(?P<prep>at|for|with)|(?:is|are|was|were)\s+(?:now\s+|currently\s+)?based\s+(?:at|in))"
    r"\s+(?:the\s+)?(?-i:[A-Z])",
    re.IGNORECASE,
)


def affiliation_clause(text: str, start: int, end: int) -> bool:
    """Whether the relative clause ``text[start:end]`` names the source's affiliation
    (``AFFILIATION_CLAUSE_RE``) and not a person: a title and a name ("who works with Dr Smith":
    a colleague, 1.36.17; "who worked for President Trump"), or after "for" or "with" a given
    name and a surname ("A lawyer, who worked for Boris Johnson, claimed": vague; 1.36.18;
    "who works at John Lewis" is a shop's)."""
    m = AFFILIATION_CLAUSE_RE.match(text, start, end)
    if m is None:
        return False
    prep = (m.group("prep") or "").lower()
    given = prep in ("for", "with")
    return not names_a_person(text, m.end() - 1, given_names=given, colleague=prep == "with")


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


def is_anonymous(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` keeps its source anonymous (see ANONYMOUS_RE)."""
    for m in ANONYMOUS_RE.finditer(text, start, end):
        if m.group() != "Anonymous" or not GROUP_BEFORE_RE.search(
            text, max(0, m.start() - 40), m.start()
        ):
            return True
    return False


def named_source(
    text: str,
    sentence_start: int,
    start: int,
    end: int,
    sentence_end: int,
    *,
    heading: bool,
    inside: Callable[[int, int], str],
) -> bool:
    """Whether the match ``text[start:end]`` of a vague attribution row in the sentence
    ``text[sentence_start:sentence_end]`` (a ``heading`` or not) names its source: a name in it
    or in the affiliation after it (:func:`~pipeline.stance_names.names_a_source`, read in
    ``inside(start, end)``, the text with the asides that name no affiliation blanked) unless
    only its interviewer is named (:func:`~pipeline.stance_unnamed.interviewed_group`), a name
    it ends or that stands right before it; not a source kept anonymous (:func:`is_anonymous`),
    nor in a heading in title case, nor one unnamed person whose capitals only place it or name
    its interviewer (:func:`~pipeline.stance_unnamed.lay_source`); or an appositive after a
    person's name (:func:`~pipeline.stance_unnamed.name_appositive`)."""
    return (
        (
            (
                (
                    (
                        names_a_source(inside(start, end))
                        or names_a_source(
                            inside(start, affiliation_end(text, start, end, sentence_end))
                        )
                    )
                    # "People the Guardian interviewed said": the interviewer's name
                    # (1.36.27 review)
                    and not interviewed_group(inside(start, end), 0, end - start)
                )
                or ends_a_name(text, start)
                or name_before(text, sentence_start, start)
                # "according to a nurse from Tesco": the employer's (1.36.29)
                or according_from_employer(text, start, end, sentence_end)
            )
            and not is_anonymous(text, start, end)
            and not (heading and is_title_case(text[sentence_start:sentence_end]))
            # "A Bristol resident said", "A lawyer Reuters spoke to said": one unnamed
            # person whose capitals place it or name its interviewer (1.36.26)
            and not lay_source(inside(start, end), 0, end - start)
        )
        or (
            # "Jane Smith, a resident of Bristol, said": the named person's (1.36.27)
            name_appositive(text, sentence_start, start, end) and not is_anonymous(text, start, end)
        )
    )


def unnamed_source(
    view: str,
    sentence_start: int,
    start: int,
    end: int,
    sentence_end: int,
    names: str | None,
    *,
    by_agent: bool,
    quote_inverted: frozenset[str],
) -> bool:
    """Whether the match ``view[start:end]`` of a named attribution row in the sentence
    ``view[sentence_start:sentence_end]`` has an unnamed subject: a quantified group right
    before it (:func:`~pipeline.stance_groups.unnamed_group_before`: "some hospitals say"), one
    unnamed person or body before or after it or a group the writer spoke to
    (:mod:`pipeline.stance_unnamed`, :mod:`pipeline.stance_inverted`; names read in ``names``
    when given), unless its row's agent follows "by" (``by_agent``: "a tactic documented by
    MI5": MI5's), where an unnamed group as the agent is read instead
    (:func:`~pipeline.stance_groups.unnamed_agent`: "criticised by European banks")."""
    return (
        unnamed_group_before(view, sentence_start, start)
        or (
            not by_agent  # "a tactic documented by MI5": MI5's
            and (
                unnamed_one_before(view, sentence_start, start, names)
                # '"We are worried," said one resident.' (1.36.27)
                or unnamed_one_after(
                    view,
                    sentence_start,
                    start,
                    end,
                    sentence_end,
                    names,
                    quote_inverted=quote_inverted,
                )
                # "Everyone I spoke to said" (1.36.28 review)
                or contacted_group_before(view, sentence_start, start)
            )
        )
        or (by_agent and unnamed_agent(view, start, end))
    )
