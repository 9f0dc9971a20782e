"""Readings of stance 1.36.30 (2026-12-05): the verbs of a manner of speaking or of a question
after a quotation and their subject ('"Why?" she asked'), an unnamed subject there ('"Why now?" a
customer asked', '"We are ready," a spokesman added'), a participle with its own object after an
inverted phrase's person ('said a volunteer sorting donations') and "one of the injured"; each with
traps that keep their readings."""

from __future__ import annotations

import pytest

from tests.test_stance import assert_markers_in_time, found

V, N = "vague", "named"

STANCE_1_36_30 = [
    # (1) a verb of a manner of speaking or of a question after a quotation and its subject
    ('"Is the road open?" she asked.', [('asked', "attribution", N)]),
    ('"Who signed this off?" the minister asked.', [('asked', "attribution", N)]),
    ('"Get off the pitch!" he shouted.', [('shouted', "attribution", N)]),
    ('"Not again," Ferguson muttered.', [('muttered', "attribution", N)]),
    ('"We have lost the lot," she cried.', [('cried', "attribution", N)]),
    ('"Keep your voice down," the guard whispered.', [('whispered', "attribution", N)]),
    ('"Another winter like this," the farmer sighed.', [('sighed', "attribution", N)]),
    ('"Not today," the spokeswoman answered.', [('answered', "attribution", N)]),
    ('"Hands off!" she shouts.', [('shouts', "attribution", N)]),
    ('"What now?" Thompson asks.', [('asks', "attribution", N)]),
    ('"Where were the inspectors?" Mrs Patel asked.', [('asked', "attribution", N)]),
    # an unnamed subject: vague, as '"We are ready," a spokesman added' now is; a name after it
    ('"Why now?" a customer asked.', [('asked', "attribution", V)]),
    ('"Get back!" a steward shouted.', [('shouted', "attribution", V)]),
    ('"It never stops," one nurse sighed.', [('sighed', "attribution", V)]),
    ('"We are ready," a spokesman added.', [('added', "attribution", V)]),
    ('"It will take years," one official added.', [('added', "attribution", V)]),
    ('"Why?" a spokesman for the IMF asked.', [('asked', "attribution", N)]),
    # traps: a passive, the usual order, a plain clause, no quotation, 'someone' (no row)
    ('"Why?" the minister was asked.', []),
    ('The crowd shouted slogans.', []),
    ('She asked for help.', []),
    ('He asked me to leave.', []),
    ('When the verdict came, she cried.', []),
    ('After the match, he sighed.', []),
    ('Why, she asked herself, had she come?', []),
    ('"Shame!" someone shouted.', [('someone shouted', "attribution", V)]),  # since 1.37.2
    # (2) a participle with an object of its own after the inverted phrase's person
    ('"We have nothing left," cried a woman holding a photograph of her son.',
     [('cried', "attribution", V)]),
    ('"Every tin counts," said a volunteer sorting donations.', [('said', "attribution", V)]),
    ('"We have not moved for hours," said a lorry driver stuck on the A66.',
     [('said', "attribution", V)]),
    ('"Please hurry," whispered a woman trapped under the rubble.',
     [('whispered', "attribution", V)]),
    ('"We will rebuild," added a volunteer clearing debris.', [('added', "attribution", V)]),
    # traps: an employer after at/for, a capital after the participle
    ('"It is a crisis," said a nurse at St James\'s Hospital.', [('said', "attribution", N)]),
    ('"We are concerned," said a spokesman for the IMF.', [('said', "attribution", N)]),
    ('"It is a crisis," said a nurse holding a sign at St James\'s Hospital.',
     [('said', "attribution", N)]),
    ('"We will fight this," said a lawyer representing Tesco.', [('said', "attribution", N)]),
    ('"It is unfair," said a man living nearby.', [('said', "attribution", V)]),
    # (3) the new verbs read an employer as 'said' does
    ('"What happens to my job?" asked a worker at Tesco.', [('asked', "attribution", N)]),
    ('"Is it safe?" asked a nurse at St James\'s Hospital.', [('asked', "attribution", N)]),
    # (4) 'one of the' and an adjective used as a plural noun of people; traps
    ('"I can\'t feel my legs," whispered one of the injured.', [('whispered', "attribution", V)]),
    ('"We were lucky," said one of the wounded.', [('said', "attribution", V)]),
    ('"The cold is the worst," said one of the homeless.', [('said', "attribution", V)]),
    ('"We are forgotten," said one of the elderly.', [('said', "attribution", V)]),
    ('"It hurts," said one of the elderly residents.', [('said', "attribution", V)]),
    ('"We will appeal," said one of the Chelsea players.', [('said', "attribution", N)]),
    ('One of the injured was flown to Leeds.', []),
    ('The injured were taken to hospital.', []),
    # the review: a quotation that opens right after a word of its clause is no report's
    ('Hearing "Jerusalem," the crowd shouted.', []),
    ('Told it was "over," she cried.', []),
    ("Told it was 'over,' she cried.", []),
    ('At the word "guilty," the mother screamed.', []),
    ('Later, "Why?" she asked.', [('asked', "attribution", N)]),
    # ... a name after the participle's object or after "under" names the source
    ('"We are ready," said a spokesman citing figures from the ONS.',
     [('said', "attribution", N)]),
    ('"It is over," said an officer serving under Colonel Jones.', [('said', "attribution", N)]),
    ('"We are ready," said a woman giving her name as Sarah.', [('said', "attribution", N)]),
    ('"We were lucky," said a volunteer sorting donations.', [('said', "attribution", V)]),
    # ... a short phrase after the verb
    ('"Ask me in May," Arteta answered with a grin.', [('answered', "attribution", N)]),
    ('"Not yet," she answered without looking up.', [('answered', "attribution", N)]),
    # ... no indefinite pronoun in capitals as a name (a sentence of its own since the
    # segmentation mend; the row read it across the sentences)
    ('"Why?" Nobody answered.', []),
    # since 1.37.2 "someone" or "somebody" after a quotation is its vague speaker, no name
    ('"Who?" Somebody asked.', [('Somebody asked', "attribution", V)]),
    ('"Where were the inspectors?" Mrs Patel asked.', [('asked', "attribution", N)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STANCE_1_36_30)
def test_readings_of_stance_1_36_30(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_stance_1_36_30_rules_match_in_linear_time() -> None:
    units = [
        '"Why?" she asked "Go!" he shouted "No," a man a man a man sighed, "Yes," one of ',
        '"No," said a woman holding holding a photograph of of her son sorting donations ',
        '"No," said a driver stuck stuck on the A66 trapped under under the rubble clearing ',
        '"No," said one of the injured the wounded the elderly residents of the homeless ',
        '"X," said a ' + "man " * 3 + " " * 400 + "holding " + " " * 400 + "a sign " * 50,
        '"Why?" ' + "a " * 200 + "customer asked ",
        'Hearing "' + "x " * 150 + ',"  the crowd shouted with a grin ' + "a " * 30,
        '"Why?" Nobody Somebody ' * 20 + "answered quietly from the back of the hall ",
    ]
    assert_markers_in_time(units)
