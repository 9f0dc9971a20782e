"""Whether a name after "works for" in a relative clause is a person's, not the source's
employer: a title before it ("who works with Dr Smith", "who worked for President Trump") or a
given name of ``given_names.txt`` before a surname ("who worked for Boris Johnson"). Used by
:mod:`pipeline.stance` to tell a source's affiliation ("An analyst, who works for Goldman Sachs,
said": named) from a person it worked for ("A lawyer, who worked for Boris Johnson, claimed": an
unnamed lawyer, vague), unless the two names are a firm's of ``eponymous_firms.txt`` ("who works
for John Lewis": the shop's). 1.36.17, 1.36.18, 1.36.19.
"""

from __future__ import annotations

import re

from pipeline.lexicon import lexicon_path, read_word_list

GIVEN_NAMES = frozenset(read_word_list(lexicon_path("given_names.txt")))
# firms named after a person: "John Lewis", "Louis Vuitton", "Edward Jones" (1.36.19)
EPONYMOUS_FIRMS = frozenset(read_word_list(lexicon_path("eponymous_firms.txt")))
# A title and a capitalised word: honorifics (1.36.17: "the Premier League", "Judge Business
# School" are organisations, so only these) and the offices one person holds (1.36.18: "President
# Trump", "Senator Warren", "Prime Minister Starmer"; not "the Mayor of London" nor "Lord's", no
# capital after them; 1.36.19: "Chancellor Rachel Reeves").
PERSON_TITLE_RE = re.compile(
    r"(?-i:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|President|Senator|Sen"
    r"|Rep|Governor|Mayor|Councillor|Cllr|Ambassador|Chancellor|Prime\s+Minister)\.?\s+"
    r"(?-i:[A-Z])[\w'’-]*(?!['’]s)"
)
# A given name, an initial or not, and one surname that ends the name: not a possessive ("Boris
# Johnson's government" is an organisation) nor a longer name ("John Lewis Partnership"), nor a
# firm's "&" ("Marks & Spencer")
GIVEN_NAME_RE = re.compile(
    r"(?-i:(?P<given>[A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?(?:[A-Z]['’])?[A-Z][A-Za-z]*[a-z]"
    r"(?:-[A-Z][A-Za-z]*[a-z])?)(?![\w'’-])(?!\s+(?-i:[A-Z]))(?!\s*&)"
)


def names_a_person(text: str, start: int, *, given_names: bool = True) -> bool:
    """Whether the name at ``text[start]`` is a person's: a title and a name
    (``PERSON_TITLE_RE``), or, with ``given_names``, a given name of ``given_names.txt`` and a
    surname (``GIVEN_NAME_RE``) that are not a firm's (``EPONYMOUS_FIRMS``)."""
    if PERSON_TITLE_RE.match(text, start):
        return True
    m = GIVEN_NAME_RE.match(text, start) if given_names else None
    if m is None or m.group("given") not in GIVEN_NAMES:
        return False
    return " ".join(m.group(0).split()) not in EPONYMOUS_FIRMS
