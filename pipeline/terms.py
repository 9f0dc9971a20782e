"""Terms: the one place where tokens become the counted terms of TF-IDF, keyness and similarity.

A token becomes a term when, after lower-casing, folding curly apostrophes to ``'`` and
stripping a possessive ``'s``, it contains a letter (numbers such as "2023" or "12,000" go, and so
do numbers with a scale suffix, "88K", "1.2k", "$5bn", ordinals, "4th", and multiples, "10x",
while "5G" or "covid-19" stay), is at least ``min_token_length`` characters long and is not a
stop word. An initialism with full stops counts without them ("U.K." as "uk", as "UK" does), and
an abbreviation in capitals whose lower case is a stop word keeps its capitals when it is listed
in ``capital_terms.txt`` ("US", "U.S." -> ``US``; "UN", "WHO"), except in a sentence written all
in capitals. Words of an address or a citation are
not terms (:data:`NOT_TERMS_RE`: URLs, e-mail addresses, @handles, "et al.", a wiki's "[citation
needed]" and "Retrieved <date>"), nor is a social-media post's header ("Mele Tuilagi @meletuilagi
· Mar 6", :func:`pipeline.page_lines.post_header_spans`) or the name of a month in a date ("3
March 2026", "Mar 6", :data:`MONTH_IN_DATE_RE`; "a protest march" keeps its word). N-grams
join terms that stand next to each other in one sentence: a dropped token (stop word, number,
address) breaks the run, so "balance between national security" gives the bigram "national
security" but never "balance national".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.figures_markers import month_words
from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.page_lines import post_header_spans
from pipeline.types import SegmentedDocument, StageOutput, Token
from pipeline.voices import REFERENCE_MARK

TERM_COUNT_COLUMNS = ("doc_id", "term", "count")
DEFAULT_NGRAM_RANGE = (1, 1)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_POSSESSIVE_RE = re.compile(r"'s$")
_HAS_LETTER_RE = re.compile(r"[^\W\d_]")
# a number with a scale suffix ("88k", "1.2k", "5bn", "3m", "480mn"), an ordinal ("4th") or a
# multiple ("10x"): a number, not a word
SCALED_NUMBER_RE = re.compile(r"\d[\d.,]*(?:k|m|mn|mln|b|bn|t|tn|x)|\d+(?:st|nd|rd|th)")
# an initialism with full stops ("U.S.", "U.K."): counted without them
_DOTTED_INITIALISM_RE = re.compile(r"(?:[^\W\d_]\.){2,}")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# Text whose words are not terms: a URL ("https://osf.io/x7k2p", "www.gov.vl", a domain with a
# path), an e-mail address, an @handle, "et al." and, from a wiki, a reference or cleanup mark
# glued to the text before it or opening a sentence ("neutral.[citation needed]"; an editor's
# insertion after a space, '"[the deal] is", keeps its words) and "Retrieved 6 March 2024". A
# hashtag keeps its word ("#ChinaThreat" -> chinathreat): the writer chose it as a topic, and
# "#" is not part of a token anyway. A domain or an address is tried only where its token starts
# (after a space or a bracket; a domain also after "..", " .", " -" or " --"), not at every dot
# or letter of a long token: tried everywhere, a 20,000-character token took seconds.
NOT_TERMS_RE = re.compile(
    r"(?:https?|ftp)://\S+|\bwww\.\S+"
    r"|(?:(?<![\w.-])|(?<=\.\.)|(?<=[^\w.-][.-])|(?<=[^\w.-]--)|(?<=^[.-])|(?<=^--))"
    r"\b[\w-]+(?:\.[\w-]+)+/[^\s)\]>]*"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.@])@\w+"
    r"|\bet\s+al\b\.?"
    rf"|(?:^|(?<=[^\s\"“‘'(\[]))(?-i:{REFERENCE_MARK})"  # glued on: not an editor's "[the deal]"
    r"|\b(?-i:Retrieved)\b(?=\s+(?:on\s+)?(?:\d|(?-i:[A-Z])[a-z]+\.?\s+\d))",
    re.IGNORECASE,
)


# The name of a month (months.tsv, as written: capitalised) next to a day or a year, so a date
# ("3 March 2026", "March 8, 2026", "Mar 6", "4th March", "Sept. 3"; the span takes the day, so
# "4th" goes too), or a season before a year ("Spring 2024"). A month in lower case ("a protest
# march", "they march") or without a number next to it ("in March") is a word.
_MONTHS = "|".join(month_words(("month", "abbreviation")))
_SEASONS = "|".join(month_words(("season",)))
MONTH_IN_DATE_RE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?[^\S\n]+(?:of[^\S\n]+)?(?:{_MONTHS})\b"
    rf"|\b(?:{_MONTHS})\b\.?[^\S\n]+\d{{1,4}}(?:st|nd|rd|th)?\b"
    rf"|\b(?:{_SEASONS})[^\S\n]+(?:1[89]|20)\d\d\b"
)
_HAS_DIGIT_RE = re.compile(r"\d")
# the country of a dollar sign ("US$9 million", "HK$ 5", "A$3"): part of the amount, not a word
CURRENCY_PREFIX_RE = re.compile(r"\b[A-Z]{1,3}(?=\$)")


def stop_words(extra_files: Sequence[str | Path] = ()) -> frozenset[str]:
    """scikit-learn's English stop words plus the shipped ``stopwords_extra.txt`` and user files.

    scikit-learn's list is read from a copy (``stopwords_sklearn.txt``, checked against the
    installed scikit-learn by the tests) so that chunk jobs do not import scikit-learn.
    """
    words: set[str] = set()
    for path in (
        lexicon_path("stopwords_sklearn.txt"),
        lexicon_path("stopwords_extra.txt"),
        *extra_files,
    ):
        if not Path(path).is_file():
            raise ValueError(f"stop word file {path} does not exist")
        words.update(w.lower().translate(_APOSTROPHES) for w in read_word_list(path))
    # an initialism is counted without its full stops, so "u.k." in a file drops "uk" too
    return frozenset(
        words | {w.replace(".", "") for w in words if _DOTTED_INITIALISM_RE.fullmatch(w)}
    )


def _bare_initialism(word: str) -> str:
    """An initialism with full stops in capitals without them ("u.s." -> "US"), else ``word``."""
    return word.replace(".", "").upper() if _DOTTED_INITIALISM_RE.fullmatch(word) else word


def capital_terms() -> frozenset[str]:
    """Abbreviations in capitals kept although their lower case is a stop word (US, UN, WHO)."""
    return frozenset(read_word_list(lexicon_path("capital_terms.txt")))


def checked_ngram_range(ngram_range: Sequence[int]) -> tuple[int, int]:
    """``(min_n, max_n)`` as a tuple; ``ValueError`` unless 1 <= min_n <= max_n <= 3."""
    values = tuple(ngram_range)
    if len(values) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise ValueError(f"ngram_range must be two integers [min_n, max_n], got {ngram_range!r}")
    low, high = values
    if not 1 <= low <= high <= 3:
        raise ValueError(f"ngram_range must satisfy 1 <= min_n <= max_n <= 3, got {ngram_range!r}")
    return low, high


def normalised_token(text: str) -> str:
    """Lower-cased token with curly apostrophes folded and a possessive 's removed."""
    return _POSSESSIVE_RE.sub("", text.lower().translate(_APOSTROPHES))


def ngram_order(term: str) -> int:
    """Number of words in a term ("national security" -> 2)."""
    return term.count(" ") + 1


class TermAnalyzer:
    """Tokens to terms; callable on a :class:`SegmentedDocument`, so usable as a TF-IDF analyzer.

    Built once with its options; remembers each distinct token's term so a corpus pays the
    normalisation once per word type.
    """

    def __init__(
        self,
        *,
        ngram_range: Sequence[int] = DEFAULT_NGRAM_RANGE,
        extra_stopwords: Sequence[str | Path] = (),
        include_headings: bool = False,
        min_token_length: int = 2,
    ) -> None:
        if not isinstance(min_token_length, int) or min_token_length < 1:
            raise ValueError(f"min_token_length must be an integer >= 1, got {min_token_length!r}")
        self.ngram_range = checked_ngram_range(ngram_range)
        self.include_headings = bool(include_headings)
        self.min_token_length = min_token_length
        self.stop_words = stop_words(tuple(extra_stopwords))
        # a user's stop word written in capitals or as an initialism ("US", "U.S.", "u.s.")
        # drops the abbreviation too
        written = {_bare_initialism(w) for path in extra_stopwords for w in read_word_list(path)}
        self.capital_terms = capital_terms() - written
        self._cache: dict[str, str | None] = {}

    def term_of(self, text: str) -> str | None:
        """The term a token text counts as, or None when it is dropped."""
        try:
            return self._cache[text]
        except KeyError:
            pass
        term: str | None = normalised_token(text)
        if _DOTTED_INITIALISM_RE.fullmatch(term):
            term = term.replace(".", "")
        if term in self.stop_words:
            # "US", "US's", "U.S.", "u.s." (an initialism is never the pronoun); not "Us", "us"
            # or the contractions "IT'S" and "WHO'S"
            written = _POSSESSIVE_RE.sub("", text.translate(_APOSTROPHES))
            bare = _bare_initialism(written)
            capitals = bare if bare != written or (written.isalpha() and written.isupper()) else ""
            term = capitals if capitals in self.capital_terms else None
        if term is not None and (
            len(term) < self.min_token_length
            or not _HAS_LETTER_RE.search(term)
            or SCALED_NUMBER_RE.fullmatch(term)
        ):
            term = None
        self._cache[text] = term
        return term

    def sentence_runs(
        self, tokens: Iterable[Token], *, shouted: bool = False, with_tokens: bool = False
    ) -> list[list[Any]]:
        """Runs of adjacent kept terms in one sentence; a dropped token ends a run. In a
        ``shouted`` sentence (:meth:`shouted`) "US" or "IT" is the stop word, not the
        abbreviation ("U.S." stays). ``with_tokens``: (term, token) pairs, for where a term
        occurs."""
        cache, term_of = self._cache, self.term_of
        capitals = self.capital_terms if shouted else frozenset()
        runs: list[list[str]] = [[]]
        for token in tokens:
            text = token.text
            term = cache[text] if text in cache else term_of(text)
            if term is None or (term in capitals and "." not in text):
                if runs[-1]:
                    runs.append([])
            else:
                runs[-1].append((term, token) if with_tokens else term)
        return [run for run in runs if run]

    def shouted(self, text: str) -> bool:
        """Whether a sentence is written all in capitals: no lower-case letter, and two words
        of two letters or more in capitals besides the listed abbreviations ("TELL US WHAT IT
        IS"; not a list item "US", a sentence "WHO." or Chinese text with "US" in it)."""
        if not text.isupper():
            return False
        # words with a case (not Chinese), other than the abbreviations
        words = (
            w for w in _WORD_RE.findall(text) if w != w.lower() and w not in self.capital_terms
        )
        return next(words, None) is not None and next(words, None) is not None

    def ngrams(self, runs: Sequence[Sequence[str]]) -> list[str]:
        """N-grams (``ngram_range``) within each run: all unigrams first, then bigrams, ..."""
        low, high = self.ngram_range
        out: list[str] = []
        for n in range(low, high + 1):
            for run in runs:
                if n == 1:  # unigrams are the terms themselves
                    out.extend(run)
                else:
                    out.extend(" ".join(run[i : i + n]) for i in range(len(run) - n + 1))
        return out

    def document_runs(
        self, doc: SegmentedDocument, *, with_tokens: bool = False
    ) -> list[list[Any]]:
        """Runs of every counted sentence (headings only when ``include_headings``), without
        the speaker labels of a transcript's turns, which have no tokens
        (:func:`pipeline.segment.sentence_tokens`), and without the words of
        addresses, citations, post headers and dates (:func:`not_term_spans`), which break a
        run as a stop word does. ``with_tokens``: runs of (term, token) pairs."""
        runs: list[list[str]] = []
        for sentence, tokens in zip(doc.sentences, doc.tokens, strict=True):
            if self.include_headings or not sentence.is_heading:
                spans = not_term_spans(sentence.text, sentence.start)
                shouted = self.shouted(sentence.text)
                for run in split_at_spans(tokens, spans) if spans else [tokens]:
                    runs.extend(self.sentence_runs(run, shouted=shouted, with_tokens=with_tokens))
        return runs

    def __call__(self, doc: SegmentedDocument) -> list[str]:
        """Terms of a document: n-grams never cross a sentence or a dropped token."""
        return self.ngrams(self.document_runs(doc))


def not_term_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Document spans (``offset`` = the text's start) of :data:`NOT_TERMS_RE`, of post headers
    (:func:`pipeline.page_lines.post_header_spans`) and of months in dates
    (:data:`MONTH_IN_DATE_RE`) and of a dollar's country (:data:`CURRENCY_PREFIX_RE`) in
    ``text``, in order, overlapping ones merged."""
    spans: list[tuple[int, int]] = []
    if _may_hold_non_terms(text):
        spans.extend(m.span() for m in NOT_TERMS_RE.finditer(text))
        if "@" in text and "·" in text:
            spans.extend(post_header_spans(text))
    if _HAS_DIGIT_RE.search(text):
        spans.extend(m.span() for m in MONTH_IN_DATE_RE.finditer(text))
    if "$" in text:
        spans.extend(m.span() for m in CURRENCY_PREFIX_RE.finditer(text))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return [(start + offset, end + offset) for start, end in merged]


def _may_hold_non_terms(text: str) -> bool:
    """A quick test before NOT_TERMS_RE (str tests run in C): a URL has "/" or "www", an
    address or a handle "@", a wiki's mark "[", and the rest their words."""
    if "/" in text or "@" in text or "[" in text or "Retrieved" in text:
        return True
    low = text.lower()
    return "www" in low or "et al" in low


def split_at_spans(tokens: Sequence[Token], spans: Sequence[tuple[int, int]]) -> list[list[Token]]:
    """``tokens`` without those that start inside a span, split where tokens were left out."""
    out: list[list[Token]] = [[]]
    k = 0
    for token in tokens:
        while k < len(spans) and spans[k][1] <= token.start:
            k += 1
        if k < len(spans) and spans[k][0] <= token.start:
            if out[-1]:
                out.append([])
        else:
            out[-1].append(token)
    return [run for run in out if run]


def document_terms(doc: SegmentedDocument, **options: Any) -> list[str]:
    """Terms of one document with the given :class:`TermAnalyzer` options (convenience)."""
    return TermAnalyzer(**options)(doc)


def term_count_rows(doc_id: str, terms: Iterable[str]) -> list[dict[str, Any]]:
    """Rows ``{doc_id, term, count}`` of a document's terms, sorted by term."""
    return [
        {"doc_id": doc_id, "term": term, "count": count}
        for term, count in sorted(Counter(terms).items())
    ]


class TermsStage:
    """Per-document stage writing ``term_counts`` (doc_id, term, count): one row per distinct term.

    The corpus-level comparison reads only this table, never the texts. ``n_terms`` in
    documents.csv is the number of unigram terms counted (body sentences unless
    ``include_headings``).
    """

    name = "terms"
    sentence_columns: tuple[str, ...] = ()
    document_columns = ("n_terms",)
    tables = {"term_counts": TERM_COUNT_COLUMNS}

    def __init__(
        self,
        *,
        ngram_range: Sequence[int] = DEFAULT_NGRAM_RANGE,
        extra_stopwords: Sequence[str | Path] = (),
        include_headings: bool = False,
        min_token_length: int = 2,
    ) -> None:
        self.analyzer = TermAnalyzer(
            ngram_range=ngram_range,
            extra_stopwords=extra_stopwords,
            include_headings=include_headings,
            min_token_length=min_token_length,
        )

    def analyse(self, doc: SegmentedDocument) -> StageOutput:
        """Term counts of one document."""
        runs = self.analyzer.document_runs(doc)
        rows = term_count_rows(doc.doc_id, self.analyzer.ngrams(runs))
        n_terms = sum(len(run) for run in runs)
        return StageOutput(document_columns={"n_terms": n_terms}, tables={"term_counts": rows})


@dataclass(frozen=True)
class TermMatrix:
    """Documents x terms counts (scipy CSR, int64); rows follow ``doc_ids``, columns ``vocabulary``.

    ``vocabulary`` is sorted, so a column index order is the alphabetical term order.
    """

    counts: Any  # scipy.sparse.csr_matrix
    doc_ids: tuple[str, ...]
    vocabulary: Any  # numpy array of str
    orders: Any  # numpy int array: n-gram order of each column


def term_matrix(
    term_counts: Any, doc_ids: Sequence[str], *, ngram_range: Sequence[int] = DEFAULT_NGRAM_RANGE
) -> TermMatrix:
    """Sparse count matrix from a ``term_counts`` frame (doc_id, term, count), never dense.

    Documents in ``doc_ids`` without rows get an empty row; terms outside ``ngram_range`` are
    left out. ``ValueError`` when the frame names a document not in ``doc_ids``.
    """
    import numpy as np
    import pandas as pd
    from scipy import sparse

    low, high = checked_ngram_range(ngram_range)
    missing = [c for c in TERM_COUNT_COLUMNS if c not in term_counts.columns]
    if missing:
        raise ValueError(f"term_counts lacks column(s) {', '.join(missing)}")
    doc_ids = tuple(doc_ids)
    if len(set(doc_ids)) != len(doc_ids):
        raise ValueError("doc_ids must be unique")
    # n-gram orders of the distinct terms only, not of every row
    codes, distinct = pd.factorize(term_counts["term"].astype(str), sort=True)
    distinct = np.asarray(distinct, dtype=object)
    orders = np.fromiter((ngram_order(t) for t in distinct), dtype=np.int64, count=len(distinct))
    in_range = (orders >= low) & (orders <= high)
    keep = (codes >= 0) & in_range[codes]  # code -1: a missing term
    frame = term_counts.loc[keep]
    doc_codes = pd.Index(doc_ids).get_indexer(frame["doc_id"].astype(str))
    if (doc_codes < 0).any():
        unknown = sorted(set(frame["doc_id"].astype(str)) - set(doc_ids))[:5]
        raise ValueError(f"term_counts has documents not in the document list: {unknown}")
    vocabulary = distinct[in_range]  # still sorted; a kept term's code counts the kept before it
    term_codes = (np.cumsum(in_range) - 1)[codes[keep]]
    counts = sparse.csr_matrix(
        (frame["count"].to_numpy(dtype=np.int64), (doc_codes, term_codes)),
        shape=(len(doc_ids), len(vocabulary)),
        dtype=np.int64,
    )
    counts.sum_duplicates()
    return TermMatrix(counts, doc_ids, vocabulary, orders[in_range])
