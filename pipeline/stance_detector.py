"""The stance detector: the lexicon matcher plus the context rules that read each match in its
sentence (parentheticals and relative clauses read as asides, vetoes of matches that are no
report, named and vague sources read again by :mod:`pipeline.stance_sources`, author-date
citations, the adverbs inside an attribution and its verb's own hedge or booster), giving the
``Marker`` rows of one sentence. Used by :mod:`pipeline.stance` (the stage), the sentiment stage
and :mod:`pipeline.stance_eval`.

References: Hyland, K. (2005) Metadiscourse. Continuum (hedges, boosters, attitude markers);
Hyland, K. (1998) Hedging in Scientific Research Articles. John Benjamins.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from pipeline.author_dates import author_date_spans
from pipeline.matcher import LexiconMatcher, PatternMatch
from pipeline.stance_clauses import relative_clauses
from pipeline.stance_inverted import quote_inverted_verbs
from pipeline.stance_lexicon import StanceEntry, rules_hold
from pipeline.stance_own import CITATION_ENTRY, Spans, writers_own
from pipeline.stance_passives import reduced_passive
from pipeline.stance_say import possessive_say_noun
from pipeline.stance_sources import affiliation_clause, named_source, unnamed_source
from pipeline.stance_speakers import SKIPPED_ADVERBS, Marker, one_source, shared_subject
from pipeline.stance_unnamed import thing_object
from pipeline.stance_vetoes import (
    NOT_A_REPORT_RE,
    TIME_AGENT_RE,
    TRAILING_THAT_RE,
    auxiliary_question,
    question_subject_before,
)

RULE_WINDOW = 120  # characters of the sentence each side that context rules can see
TIME_LOOKAHEAD = 40  # characters past a match in which a time after "by" may end
# A parenthetical aside inside a sentence: "(N = 1,204)", "(about 167 million U.S. dollars)"
PARENTHETICAL_RE = re.compile(r"\([^()]{1,200}\)")
CLAUSE_LOOKBACK = 60  # characters before a relative clause matched with it ("Residents, who say")
# the hedge and booster verbs that an attribution's own reporting verb can be ("Some observers
# suggested": a source and a hedge; "Official figures show that": a source and a booster)
REPORTING_VERB_KINDS = frozenset({("hedge", "epistemic_verb"), ("booster", "verb")})
# characters past an attribution that its verb's own entry may take ("confirmed that")
VERB_REACH = 30


def _context_ok(entry: StanceEntry, left: str, right: str) -> bool:
    """Whether a match of ``entry`` passes its context rules, given the sentence around it."""
    return rules_hold(entry.rules, left, right)


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
        # the rows of each kind of the lexicon's ``kind`` column (pipeline.stance_lexicon.KINDS):
        # rows that hold their own subject after "what" or "which" ("which The Guardian called":
        # no subject before or after them to read; 1.37.13), rows whose capitals are the platform
        # a text went round on, not its author ("A post on Facebook claimed": vague; 1.37.14),
        # and reactions ("drew criticism from rights groups": no figure's source; 1.37.17)
        self._own_subject, self._platform, self._reactions = (
            frozenset(i for i, e in enumerate(kept) if e.kind == kind)
            for kind in ("own_subject", "platform", "reaction")
        )
        # the object verbs that its rows read only right after a quotation invert there ('"Stay
        # indoors," urged a police officer': its subject after it; 1.36.28 review)
        self._quote_inverted = quote_inverted_verbs(kept)
        # a relative clause between commas is an aside between a subject and its verb: read so
        # for a lexicon of attributions only (not the sentiment stage's neutral senses)
        self._clauses = any(e.category == "attribution" for e in kept)

    def split_reactions(self, markers: list[Marker]) -> tuple[list[Marker], list[Marker]]:
        """``markers`` as (the others, the reactions): entries of kind ``reaction`` ("drawing
        condemnation from Washington"), whose people respond to what happened; they source no
        figure but one they characterise (:func:`pipeline.figures_sourcing.figure_sourcing`)."""
        if not self._reactions or not any(m.entry in self._reactions for m in markers):
            return markers, []
        return (
            [m for m in markers if m.entry not in self._reactions],
            [m for m in markers if m.entry in self._reactions],
        )

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
        found = self._ruled_markers(text, start, end, heading)
        return writers_own(text, start, end, shared_subject(text, one_source(text, found)))

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
            if entry.category == "attribution" and (
                question_subject_before(view, v_start, m.start)
                or auxiliary_question(view, v_start, m.start, v_end)
            ):
                return False  # "Who believes that ...?", "Do delegates argue ...?": questions
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
            ruled = self.use_rules and entry.category == "attribution"
            if (
                ruled
                and subtype == "vague"
                and m.entry not in self._platform
                and named_source(text, start, a, b, end, heading=heading, inside=inside)
            ):
                subtype = "named"
            elif (
                ruled
                and subtype == "named"
                and m.entry not in self._own_subject
                and unnamed_source(
                    view,
                    v_start,
                    m.start,
                    m.end,
                    v_end,
                    names_view,
                    by_agent=m.entry in self._by_agent,
                    quote_inverted=self._quote_inverted,
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
            # the verb, or the verb and "that", or "to" ("The report points to": 1.37.14)
            words = view[m.start : m.end].rsplit(None, 2)
            if len(words) > 1 and words[-1].lower() in ("that", "to"):
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
