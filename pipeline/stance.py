"""Stance markers (hedges, boosters, attitude, attribution) with evidence spans, per document.

References: Hyland, K. (2005) Metadiscourse. Continuum (hedges, boosters, attitude markers);
Hyland, K. (1998) Hedging in Scientific Research Articles. John Benjamins.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.author_dates import author_date_spans
from pipeline.figures import figure_rows
from pipeline.matcher import LexiconMatcher, PatternMatch
from pipeline.quotes import has_quotation, quoted_parts
from pipeline.serial_stats import DISPERSION_SUMMARY, serial_summary, window_dispersion
from pipeline.stance_lexicon import (
    StanceEntry,
    default_lexicon_paths,
    rules_hold,
    stance_entries,
)
from pipeline.stance_names import (
    NOT_A_REPORT_RE,
    TIME_AGENT_RE,
    TRAILING_THAT_RE,
    affiliation_end,
    ends_a_name,
    is_anonymous,
    is_title_case,
    name_before,
    names_a_source,
    question_subject_before,
    unnamed_agent,
    unnamed_group_before,
)
from pipeline.stance_own import CITATION_ENTRY, Spans, writers_own
from pipeline.stance_passives import reduced_passive
from pipeline.stance_persons import (
    according_from_employer,
    contacted_group_before,
    interviewed_group,
    lay_source,
    name_appositive,
    names_a_person,
    quote_inverted_verbs,
    thing_object,
    unnamed_one_after,
    unnamed_one_before,
)
from pipeline.stance_say import possessive_say_noun
from pipeline.types import SegmentedDocument, StageOutput
from pipeline.voices import is_question, quoted_sentence_ids, speaker_turns
from pipeline.voices_sourcing import borrowed_sourcing, source_line_items

SPACE_RUN_RE = re.compile(r"\s+")
# a source line that names the writer's own work: "Author's calculations", "Own estimates"
OWN_SOURCE_RE = re.compile(r"\b(?:authors?|own|our)\b", re.IGNORECASE)
RULE_WINDOW = 120  # characters of the sentence each side that context rules can see
TIME_LOOKAHEAD = 40  # characters past a match in which a time after "by" may end
# A parenthetical aside inside a sentence: "(N = 1,204)", "(about 167 million U.S. dollars)"
PARENTHETICAL_RE = re.compile(r"\([^()]{1,200}\)")
# A relative clause between commas, an aside as a parenthetical is: "The Law Society's briefing,
# which I suspect many hon. Members have read, suggests that" (1.36.13)
CLAUSE_LOOKBACK = 60  # characters before a relative clause matched with it ("Residents, who say")
RELATIVE_CLAUSE_RE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,;:()\[\]\"“”]{1,150}?,")
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


# Subtypes of the stance adverbs an attribution's skipped words may hold, kept as markers of their
# own ("Some neighbours reportedly complained"); a clause's modal is not ("critics, who might ...")
SKIPPED_ADVERBS = frozenset({"evidential", "epistemic_adverb", "adverb"})
# the hedge and booster verbs that an attribution's own reporting verb can be ("Some observers
# suggested": a source and a hedge; "Official figures show that": a source and a booster)
REPORTING_VERB_KINDS = frozenset({("hedge", "epistemic_verb"), ("booster", "verb")})
# characters past an attribution that its verb's own entry may take ("confirmed that")
VERB_REACH = 30

MARKER_COLUMNS = (
    "doc_id",
    "sent_id",
    "start",
    "end",
    "match",
    "category",
    "subtype",
    "left_context",
    "right_context",
    "in_quotation",
)
FIGURE_COLUMNS = ("doc_id", "sent_id", "start", "end", "match", "kind", "sourcing")
SENTENCE_COLUMNS = (
    "n_hedges",
    "n_boosters",
    "n_attitude",
    "n_attributions_named",
    "n_attributions_vague",
    "n_figures",
    "is_question",
    "voice",
)
# (name, sentence column) of each count whose body sentences' series documents.csv summarises
# (``<name>_sd``, ``<name>_lag1``: :func:`pipeline.serial_stats.serial_summary`; ``<name>_disp5``:
# :func:`pipeline.serial_stats.window_dispersion`), so that the report can count markers that
# come in runs or several to a sentence as the fewer independent ones they are worth
SERIAL_RATES = (
    ("hedges", "n_hedges"),
    ("boosters", "n_boosters"),
    ("attitude", "n_attitude"),
    ("attributions_named", "n_attributions_named"),
    ("attributions_vague", "n_attributions_vague"),
    ("figures", "n_figures"),
    ("questions", "is_question"),
)
DOCUMENT_COLUMNS = (
    "hedges_per_1k",
    "boosters_per_1k",
    "attitude_per_1k",
    "attributions_named_per_1k",
    "attributions_vague_per_1k",
    "n_figures",
    "n_figures_named",
    "n_figures_vague",
    "n_figures_unsourced",
    "n_questions",
    "n_hedges_quoted",
    "n_boosters_quoted",
    "n_attitude_quoted",
    "n_attributions_named_quoted",
    "n_attributions_vague_quoted",
    *(f"{name}_{s}" for name, _ in SERIAL_RATES for s in ("sd", "lag1", DISPERSION_SUMMARY)),
)
# (sentence column, category, subtype or None) in the order of SENTENCE_COLUMNS
COUNT_KEYS = (
    ("n_hedges", "hedge", None),
    ("n_boosters", "booster", None),
    ("n_attitude", "attitude", None),
    ("n_attributions_named", "attribution", "named"),
    ("n_attributions_vague", "attribution", "vague"),
)
COUNT_COLUMN = {(category, subtype): col for col, category, subtype in COUNT_KEYS}


def serial_rate_columns(
    columns: Mapping[str, Sequence[float]], body: Sequence[bool]
) -> dict[str, float]:
    """``<name>_sd``, ``<name>_lag1`` and ``<name>_disp5`` (``_`` + DISPERSION_SUMMARY: the
    dispersion of its sums over windows of about RUN_WINDOW = 5 sentences) of each SERIAL_RATES
    count over the body sentences (``body``: one flag per sentence) in text order."""
    keep = np.asarray(body, dtype=bool)
    out = {}
    for name, column in SERIAL_RATES:
        values = np.asarray(columns[column], dtype=np.float64)[keep]
        out[f"{name}_sd"], out[f"{name}_lag1"] = serial_summary(values)
        out[f"{name}_{DISPERSION_SUMMARY}"] = window_dispersion(values)
    return out


@dataclass(frozen=True, slots=True)
class Marker:
    """A stance marker found in the clean text: ``clean[start:end]`` matched ``entry`` (the
    lexicon entry's index; ``CITATION_ENTRY`` for an author-date citation)."""

    start: int
    end: int
    category: str
    subtype: str
    entry: int


def _context_ok(entry: StanceEntry, left: str, right: str) -> bool:
    """Whether a match of ``entry`` passes its context rules, given the sentence around it."""
    return rules_hold(entry.rules, left, right)


def relative_clauses(
    text: str, start: int, end: int, brackets: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The relative clauses between commas in ``text[start:end]`` (``RELATIVE_CLAUSE_RE``, the
    commas included), outside the parentheticals ``brackets``: the words around one are matched
    as if it were not there, so a noun inside it is no subject of the verb after it."""
    if text.find(",", start, end) < 0:
        return []
    inside = Spans(brackets)
    return [
        m.span()
        for m in RELATIVE_CLAUSE_RE.finditer(text, start, end)
        if not any(a < m.end() and m.start() < b for a, b in brackets)
        and not inside.covers(m.start(), m.end())
    ]


def _time_agent(view: str, start: int, end: int) -> bool:
    """Whether a "by" in ``view[start:end]`` is followed by a time (TIME_AGENT_RE), read on past
    ``end`` as a match may stop inside it ("by Memorial" of "by Memorial Day")."""
    found = TIME_AGENT_RE.search(view, start, end + TIME_LOOKAHEAD)
    return found is not None and found.start() < end


class StanceDetector:
    """Lexicon matcher plus context rules; ``use_rules=False`` is the plain word-list baseline."""

    def __init__(self, entries: Sequence[StanceEntry], *, use_rules: bool = True) -> None:
        self.use_rules = use_rules
        kept = [e for e in entries if use_rules or e.category != "none"]
        self.entries: tuple[StanceEntry, ...] = tuple(kept)
        self.matcher = LexiconMatcher([e.pattern for e in kept])
        # the hedge and booster verbs alone, for an attribution's last word (_in_reporting_verb)
        self._verbs = tuple(
            i for i, e in enumerate(kept) if (e.category, e.subtype) in REPORTING_VERB_KINDS
        )
        self._verb_matcher = LexiconMatcher([kept[i].pattern for i in self._verbs])
        # entries whose agent follows "by" ("reported on Monday by Reuters"): a time there is none
        self._by_agent = frozenset(
            i for i, e in enumerate(kept) if e.category != "none" and "by [the] <name>" in e.pattern
        )
        # the object verbs that its rows read only right after a quotation invert there ('"Stay
        # indoors," urged a police officer': its subject after it; 1.36.28 review)
        self._quote_inverted = quote_inverted_verbs(kept)
        # a relative clause between commas is an aside between a subject and its verb: read so
        # for a lexicon of attributions only (not the sentiment stage's neutral senses)
        self._clauses = any(e.category == "attribution" for e in kept)

    def markers(
        self, text: str, *, start: int = 0, end: int | None = None, heading: bool = False
    ) -> list[Marker]:
        """Stance markers in ``text[start:end]`` (one sentence, a ``heading`` or not), blockers
        left out. A parenthetical (``PARENTHETICAL_RE``) is matched on its own and read as
        white space around it ("a survey by researchers at X (N = 1,204) finds": its words are
        not skipped words). An attribution inside a parenthetical is dropped when an
        attribution around it spans it ("Two officials (who spoke on condition of anonymity)
        said": one source, as with commas). An author-date citation ("(Kuik, 2016)", "as Smith
        (2019) notes") is a named attribution unless a lexicon attribution touches it ("Smith
        (2019) argues"). Attributions in a Markdown table row and attitude markers inside a
        quotation are not the writer's and are left out (:func:`writers_own`)."""
        end = len(text) if end is None else end
        if not self.use_rules:
            return self._markers(text, text, 0, start, end, heading)
        return writers_own(text, start, end, self._ruled_markers(text, start, end, heading))

    def _ruled_markers(self, text: str, start: int, end: int, heading: bool) -> list[Marker]:
        """Markers of ``text[start:end]`` with context rules, parentheticals, relative clauses
        between commas and citations."""
        brackets = [m.span() for m in PARENTHETICAL_RE.finditer(text, start, end)]
        clauses = relative_clauses(text, start, end, brackets) if self._clauses else []
        if not brackets and not clauses:
            return self._markers(text, text, 0, start, end, heading)
        lo, hi = max(0, start - 1), min(len(text), end + 1)  # word boundaries at the ends

        def blanked(spans: list[tuple[int, int]]) -> str:
            pieces, pos = [], lo
            for a, b in spans:
                pieces += [text[pos:a], " " * (b - a)]
                pos = b
            return "".join([*pieces, text[pos:hi]])

        masked = blanked(brackets)
        # names in a clause are no source's, but for an affiliation clause ("who works at X")
        asides = [(a, b) for a, b in clauses if not affiliation_clause(text, a, b)]
        view, names = (
            (blanked(sorted(brackets + clauses)), blanked(asides)) if clauses else (masked, None)
        )
        out = self._markers(
            text, view, lo, start, end, heading, rules_view=masked, names_view=names
        )
        spans = Spans([(m.start, m.end) for m in out if m.category == "attribution"])
        for a, b in brackets:
            inner = self._markers(text, text, 0, a, b, heading)
            if spans.covers(a, b):  # one source, not two
                inner = [m for m in inner if m.category != "attribution"]
            out += inner
        for a, b in clauses:
            # the clause with the words before it, which its "who" or "which" stands for
            # ("Residents, who say they were never consulted,": vague, as before)
            # from a word start a little before it: linear time in a sentence of many clauses
            near = max(start, a - CLAUSE_LOOKBACK)
            if near > start:
                near = max(text.rfind(" ", start, near) + 1, start)
            inner = [m for m in self._markers(text, masked, lo, near, b, heading) if m.end > a]
            if spans.covers(a, b) and text[a : a + 8].lstrip(", \t\n").lower().startswith("who"):
                # the source's own clause: its report is the same source ("Critics, who argue
                # that ..., say": one), its modal not the writer's ("Critics, who might have
                # expected more, said"), as of the words an attribution skips; a "which" clause
                # keeps both ("The report, which critics called flawed, found": two sources)
                inner = [m for m in inner if m.category != "attribution" and m.subtype != "modal"]
            out = self._read_again(out, inner, a)
        out += self._citations(text, start, end, out)  # both kinds of citation hold a bracket
        return sorted(out, key=lambda m: (m.start, m.end))

    @staticmethod
    def _read_again(out: list[Marker], inner: list[Marker], a: int) -> list[Marker]:
        """``out`` with a relative clause's markers ``inner`` (the clause starts at ``a``): an
        attribution of the words before the clause and the clause ("According to the survey,
        which was carried out by YouGov,") that overlaps one read without the clause ("According
        to") is one source, not two: the longer is kept (1.36.16)."""
        for x in [m for m in inner if m.category == "attribution" and m.start < a]:
            same = [
                y
                for y in out
                if y.category == "attribution" and y.start < x.end and x.start < y.end
            ]
            if any(y.start <= x.start and x.end <= y.end for y in same):
                inner = [m for m in inner if (m.start, m.end, m.entry) != (x.start, x.end, x.entry)]
            elif same:
                gone = {(y.start, y.end, y.entry) for y in same}
                out = [m for m in out if (m.start, m.end, m.entry) not in gone]
        return out + inner

    def _citations(self, text: str, start: int, end: int, found: list[Marker]) -> list[Marker]:
        """Named attributions for the author-date citations no attribution marker overlaps or
        touches (only white space between)."""
        spans = sorted((m.start, m.end) for m in found if m.category == "attribution")
        starts = [s for s, _ in spans]
        out = []
        for a, b in author_date_spans(text, start, end):
            k = bisect.bisect_right(starts, b)  # the markers nearest the citation, not all
            near = spans[max(0, k - 3) : k + 1]
            if not any(not text[min(b, e) : max(a, s)].strip() for s, e in near):
                out.append(Marker(a, b, "attribution", "named", CITATION_ENTRY))
        return out

    def _markers(
        self,
        text: str,
        view: str,
        offset: int,
        start: int,
        end: int,
        heading: bool,
        rules_view: str | None = None,
        names_view: str | None = None,
    ) -> list[Marker]:
        """Markers of ``text[start:end]``, matched in ``view`` (``text[offset:]`` with its
        parentheticals, and maybe its relative clauses, blanked, or ``text`` itself); the context
        rules read ``rules_view`` (the same with the relative clauses kept; ``view`` when None),
        names are read in ``text``, those inside a match in ``names_view`` when given (the
        same with only the relative clauses blanked: "Residents, who have complained to Thames
        Water for years, say" names no one)."""
        v_start, v_end = start - offset, end - offset
        context = view if rules_view is None else rules_view

        def inside(a: int, b: int) -> str:
            return text[a:b] if names_view is None else names_view[a - offset : b - offset]

        def accept(m: PatternMatch) -> bool:
            entry = self.entries[m.entry]
            if m.entry in self._by_agent and _time_agent(view, m.start, m.end):
                return False  # "reported in the region by Friday": a deadline, no agent
            if entry.category == "attribution" and question_subject_before(view, v_start, m.start):
                return False  # "Who believes that ...?": a question asks for a source
            if (
                entry.category == "attribution"
                and " " in view[m.start : m.end].strip()  # the object and its verb
                and thing_object(view, v_start, m.start)
            ):
                return False  # "A letter sent to residents in Bristol said": the letter's (1.36.27)
            if entry.category == "attribution" and reduced_passive(
                view, v_start, m.start, m.end, v_end
            ):
                return False  # "Boroughs warned to cut spending have": no source (1.36.18)
            if entry.category == "attribution" and possessive_say_noun(view, v_start, m.end, v_end):
                return False  # "The public's say in this matters": a noun (1.36.19)
            if entry.skips:
                that = TRAILING_THAT_RE.search(view, m.start, m.end)  # "... to confirm that"
                if NOT_A_REPORT_RE.search(view, m.start, that.start() if that else m.end):
                    return False  # "lawmakers struggle to agree", "people would find"
            left = context[max(v_start, m.start - RULE_WINDOW) : m.start]
            return _context_ok(entry, left, context[m.end : min(v_end, m.end + RULE_WINDOW)])

        found = self.matcher.find(
            view, start=v_start, end=v_end, accept=accept if self.use_rules else None
        )
        if self.use_rules:
            found = sorted(
                [
                    *found,
                    *self._in_skipped_words(view, found, accept),
                    *self._in_reporting_verb(view, found, accept, v_end),
                ],
                key=lambda m: (m.start, m.end),
            )
        out = []
        for m in found:
            entry = self.entries[m.entry]
            if entry.category == "none":
                continue
            a, b = m.start + offset, m.end + offset
            subtype = entry.subtype
            if (
                (
                    self.use_rules
                    and entry.category == "attribution"
                    and subtype == "vague"
                    and (
                        (
                            (
                                names_a_source(inside(a, b))
                                or names_a_source(inside(a, affiliation_end(text, a, b, end)))
                            )
                            # "People the Guardian interviewed said": the interviewer's name
                            # (1.36.27 review)
                            and not interviewed_group(inside(a, b), 0, b - a)
                        )
                        or ends_a_name(text, a)
                        or name_before(text, start, a)
                        # "according to a nurse from Tesco": the employer's (1.36.29)
                        or according_from_employer(text, a, b, end)
                    )
                    and not is_anonymous(text, a, b)
                    and not (heading and is_title_case(text[start:end]))
                    # "A Bristol resident said", "A lawyer Reuters spoke to said": one unnamed
                    # person whose capitals place it or name its interviewer (1.36.26)
                    and not lay_source(inside(a, b), 0, b - a)
                )
                or (
                    # "Jane Smith, a resident of Bristol, said": the named person's (1.36.27)
                    self.use_rules
                    and entry.category == "attribution"
                    and subtype == "vague"
                    and name_appositive(text, start, a, b)
                    and not is_anonymous(text, a, b)
                )
            ):
                subtype = "named"
            elif (
                self.use_rules
                and entry.category == "attribution"
                and subtype == "named"
                and (
                    unnamed_group_before(view, v_start, m.start)
                    or (
                        m.entry not in self._by_agent  # "a tactic documented by MI5": MI5's
                        and (
                            unnamed_one_before(view, v_start, m.start, names_view)
                            # '"We are worried," said one resident.' (1.36.27)
                            or unnamed_one_after(
                                view,
                                v_start,
                                m.start,
                                m.end,
                                v_end,
                                names_view,
                                quote_inverted=self._quote_inverted,
                            )
                            # "Everyone I spoke to said" (1.36.28 review)
                            or contacted_group_before(view, v_start, m.start)
                        )
                    )
                    or (m.entry in self._by_agent and unnamed_agent(view, m.start, m.end))
                )
            ):
                # "some hospitals say": an unnamed group's verb; "A minister said": an unnamed
                # person's (1.36.23); "criticised by European banks": an unnamed group as the agent
                subtype = "vague"
            out.append(Marker(a, b, entry.category, subtype, m.entry))
            if entry.also is not None:
                out.append(Marker(a, b, *entry.also, m.entry))
        return out

    def _in_skipped_words(
        self, view: str, found: list[PatternMatch], accept: Callable[[PatternMatch], bool]
    ) -> list[PatternMatch]:
        """The stance adverbs (``SKIPPED_ADVERBS``) among the words an attribution's or a
        blocker's ``<skip:N>`` passes over ("Some neighbours reportedly complained", "the bank
        said its economists probably expect": the writer's "reportedly" and the reporter's
        "probably" are still hedges); the skipped words are few, so this costs one short search
        per such match."""

        def own(m: PatternMatch) -> bool:  # the attribution itself is not found again
            return self.entries[m.entry].category != "attribution" and accept(m)

        out = []
        for m in found:
            entry = self.entries[m.entry]
            if entry.skips and entry.category in ("attribution", "none"):
                inner = self.matcher.find(view, start=m.start + 1, end=m.end, accept=own)
                # not the reporting verb itself ("Some observers suggested": no hedge)
                out += [x for x in inner if x.end < m.end and self._adverb(x)]
        return out

    def _in_reporting_verb(
        self,
        view: str,
        found: list[PatternMatch],
        accept: Callable[[PatternMatch], bool],
        end: int,
    ) -> list[PatternMatch]:
        """The hedge or booster an attribution's last word is by its own entry, with that entry's
        context rules (``REPORTING_VERB_KINDS``): the guideline's "suggest" hedges and "show
        that" boosts whoever the source is, but the longer attribution took the words; so too
        the last word of a blocker that skips words ("the bank said its analysts suggest").
        Entries that say so themselves (their ``also`` column) are left alone."""

        def verb(m: PatternMatch) -> bool:
            return accept(PatternMatch(m.start, m.end, self._verbs[m.entry]))

        out = []
        for m in found:
            entry = self.entries[m.entry]
            reporting = entry.category == "attribution" or (
                entry.category == "none" and entry.skips
            )
            if not reporting or entry.also is not None:
                continue
            words = view[m.start : m.end].rsplit(None, 2)  # the verb, or the verb and "that"
            if len(words) > 1 and words[-1].lower() == "that":
                words.pop()
            if not words:
                continue
            at = view.rfind(words[-1], m.start, m.end)
            if not self._verb_matcher.can_start(view, at):
                continue
            inner = self._verb_matcher.find(
                view, start=at, end=min(end, m.end + VERB_REACH), accept=verb
            )
            out += [
                PatternMatch(x.start, x.end, self._verbs[x.entry])
                for x in inner[:1]
                if x.start == at
            ]
        return out

    def _adverb(self, m: PatternMatch) -> bool:
        """Whether a match is a stance adverb (``SKIPPED_ADVERBS``)."""
        entry = self.entries[m.entry]
        return entry.category != "none" and entry.subtype in SKIPPED_ADVERBS


def rate_per_1k(count: int, n_words: int) -> float:
    """Occurrences per 1,000 words (NaN for a document without words)."""
    return 1000.0 * count / n_words if n_words else math.nan


def _one_line(text: str) -> str:
    """Context text on one line: whitespace runs become one space."""
    # every white space but " " is unprintable, so most contexts skip the regex (str tests in C)
    if "  " not in text and text.isprintable():
        return text
    return SPACE_RUN_RE.sub(" ", text)


def marker_counts(markers: Iterable[Marker]) -> dict[str, int]:
    """The count of each COUNT_KEYS column among ``markers`` (one pass; the keys are disjoint)."""
    counts = dict.fromkeys(COUNT_COLUMN.values(), 0)
    for m in markers:
        col = COUNT_COLUMN.get((m.category, m.subtype)) or COUNT_COLUMN.get((m.category, None))
        if col is not None:
            counts[col] += 1
    return counts


class StanceStage:
    """Per-document stage: stance markers, figures with sourcing, questions and voice."""

    name = "stance"
    sentence_columns = SENTENCE_COLUMNS
    document_columns = DOCUMENT_COLUMNS
    tables = {"stance_markers": MARKER_COLUMNS, "figures": FIGURE_COLUMNS}

    def __init__(
        self, *, extra_lexicons: Sequence[str | Path] = (), context_chars: int = 40
    ) -> None:
        if isinstance(extra_lexicons, str | Path):
            raise ValueError("extra_lexicons must be a list of paths")
        if (
            not isinstance(context_chars, int)
            or isinstance(context_chars, bool)
            or context_chars < 0
        ):
            raise ValueError(f"context_chars must be a non-negative integer, got {context_chars!r}")
        self.context_chars = context_chars
        self.lexicon_paths = [*default_lexicon_paths(), *map(Path, extra_lexicons)]
        entries, self.lexicon_versions = stance_entries(self.lexicon_paths)
        self.detector = StanceDetector(entries)

    def source_kind(self, source: str) -> str:
        """Whether a source line's source ("OECD (2023)", "industry estimates") is named or
        vague: as the detector reads "According to <source>, ..."; where it finds no
        attribution, named when the source has a capitalised word or is the writer's own
        ("Author's calculations"), vague otherwise ("various", "interviews")."""
        text = f"According to {source}, it is so."
        found = self.detector.markers(text, start=0, end=len(text), heading=False)
        kinds = {m.subtype for m in found if m.category == "attribution"}
        if kinds:
            return "vague" if kinds == {"vague"} else "named"
        words = source.split()
        named = any(w[:1].isupper() for w in words[1:]) or sum(map(str.isupper, words[0])) > 1
        return "named" if named or OWN_SOURCE_RE.search(source) else "vague"

    def analyse(self, doc: SegmentedDocument) -> StageOutput:
        """Markers, figures and per-sentence/per-document stance columns of one document."""
        clean, k = doc.clean, self.context_chars
        columns: dict[str, list] = {c: [] for c in SENTENCE_COLUMNS}
        marker_rows: list[dict] = []
        figure_rows_all: list[dict] = []
        totals = dict.fromkeys((c for c, _, _ in COUNT_KEYS), 0)
        quoted_totals = dict(totals)  # of them, a quoted speaker's (in_quotation)
        n_questions = 0
        turns = speaker_turns(doc.sentences)
        quoted = quoted_sentence_ids(doc.sentences, turns)
        markers_of = {
            s.sent_id: self.detector.markers(clean, start=s.start, end=s.end, heading=s.is_heading)
            for s in doc.sentences
        }
        borrowed = borrowed_sourcing(doc.sentences, markers_of, turns, quoted, clean=clean)
        # a source line's ("Source: OECD (2023)") for the figures above it, which stay the
        # writer's words: a figure's source, not a sentence's voice
        lined = source_line_items(doc.sentences, self.source_kind)
        for sentence in doc.sentences:
            markers = markers_of[sentence.sent_id]
            # the words of a quoted speaker, not the writer's: a speaker's turn, the quoted parts
            # of a sentence with quotation marks (not its "the analyst added"), or a sentence
            # without marks inside a quotation that runs over several sentences
            spans = quoted_parts(clean, sentence.start, sentence.end)
            whole = sentence.paragraph_id in turns or (sentence.sent_id in quoted and not spans)
            in_quotation = [whole or any(a <= m.start and m.end <= b for a, b in spans)
                            for m in markers]  # fmt: skip
            for m, inside in zip(markers, in_quotation, strict=True):
                marker_rows.append(
                    {
                        "doc_id": doc.doc_id,
                        "sent_id": sentence.sent_id,
                        "start": m.start,
                        "end": m.end,
                        "match": clean[m.start : m.end],
                        "category": m.category,
                        "subtype": m.subtype,
                        "left_context": _one_line(clean[max(0, m.start - k) : m.start]),
                        "right_context": _one_line(clean[m.end : m.end + k]),
                        "in_quotation": inside,
                    }
                )
            figs = figure_rows(
                clean,
                sentence,
                markers,
                doc_id=doc.doc_id,
                borrowed=borrowed.get(sentence.sent_id) or lined.get(sentence.sent_id, "none"),
            )
            figure_rows_all.extend(figs)
            counts = marker_counts(markers)
            question = (
                is_question(sentence.text)
                and not sentence.is_heading
                and sentence.paragraph_id not in turns  # asked of a speaker, not the reader
            )
            attributed = counts["n_attributions_named"] + counts["n_attributions_vague"] > 0
            for col, value in counts.items():
                columns[col].append(value)
            columns["n_figures"].append(len(figs))
            columns["is_question"].append(question)
            voiced = (
                attributed
                or has_quotation(clean, sentence.start, sentence.end)
                or sentence.sent_id in quoted
                or sentence.sent_id in borrowed  # a list item under an attributing lead-in
            )
            columns["voice"].append("attributed" if voiced else "author")
            if not sentence.is_heading:
                quoted_counts = marker_counts(m for m, q in zip(markers, in_quotation) if q)
                for col in totals:
                    totals[col] += counts[col]
                    quoted_totals[col] += quoted_counts[col]
                n_questions += question
        body_ids = {s.sent_id for s in doc.sentences if not s.is_heading}
        body_figs = [f for f in figure_rows_all if f["sent_id"] in body_ids]
        n = doc.n_words
        document = {
            "hedges_per_1k": rate_per_1k(totals["n_hedges"], n),
            "boosters_per_1k": rate_per_1k(totals["n_boosters"], n),
            "attitude_per_1k": rate_per_1k(totals["n_attitude"], n),
            "attributions_named_per_1k": rate_per_1k(totals["n_attributions_named"], n),
            "attributions_vague_per_1k": rate_per_1k(totals["n_attributions_vague"], n),
            "n_figures": len(body_figs),
            "n_figures_named": sum(f["sourcing"] == "named" for f in body_figs),
            "n_figures_vague": sum(f["sourcing"] == "vague" for f in body_figs),
            "n_figures_unsourced": sum(f["sourcing"] == "none" for f in body_figs),
            **{f"{col}_quoted": quoted_totals[col] for col in quoted_totals},
            "n_questions": n_questions,
            **serial_rate_columns(columns, [not s.is_heading for s in doc.sentences]),
        }
        return StageOutput(
            sentence_columns=columns,
            document_columns=document,
            tables={"stance_markers": marker_rows, "figures": figure_rows_all},
        )
