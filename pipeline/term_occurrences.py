"""Where a counted term occurs: the sentences and offsets behind a keyness or TF-IDF count.

``python -m pipeline where china`` lists every occurrence of a term that the terms stage
counted: document, sentence, character offsets into ``docs/<doc_id>/clean.txt`` and the words
there. It rebuilds each document's sentences from ``tables/sentences.csv`` and their word tokens
as the segmenter made them (:func:`pipeline.segment.sentence_tokens`), then runs the run's own term
analyzer (the ``terms`` settings in ``manifest.json``) over them, so a document's count is its
``term_counts`` count: what ``keyness.csv`` sums over a side and TF-IDF weighs. A plain search
of the text finds more: headings, speaker labels, addresses and dates are not counted.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.segment import sentence_tokens, word_tokens
from pipeline.stages import stage_options
from pipeline.terms import TermAnalyzer
from pipeline.types import SegmentedDocument, Sentence

OCCURRENCE_COLUMNS = ("doc_id", "sent_id", "start", "end", "term", "words", "context")
CONTEXT_CHARS = 60  # characters of the sentence shown on each side of the words
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def run_manifest(results_dir: str | Path) -> dict[str, Any]:
    """The manifest of the run that wrote ``results_dir``; ValueError without one (it holds
    the terms settings the counts were made with)."""
    path = Path(results_dir) / "manifest.json"
    if not path.is_file():
        raise ValueError(
            f"{path} does not exist: without it the run's terms settings are unknown (run the "
            "workflow to the end: make run)"
        )
    return json.loads(path.read_text(encoding="utf-8"))


def analyzer_of_run(manifest: Mapping[str, Any]) -> tuple[TermAnalyzer, list[str]]:
    """The term analyzer of a run (its manifest's terms settings), and warnings where this
    code or a stop-word file the run read is not what the run used (counts may differ)."""
    from pipeline.cache import software_fingerprint
    from pipeline.manifest import _lexicon_key, file_sha256

    section = dict((manifest.get("config") or {}).get("terms") or {})
    warnings = []
    if manifest.get("software_sha256") != software_fingerprint():
        warnings.append(
            "the pipeline code or a package changed since this run: its counts were made by "
            "other rules and may differ (re-run the workflow)"
        )
    for path in section.get("extra_stopwords") or []:
        if not Path(path).is_file():
            raise ValueError(
                f"the run's stop-word file {path} (terms.extra_stopwords) is not found from "
                f"{Path.cwd()}: run this in the folder the workflow ran in"
            )
        recorded = (manifest.get("lexicons") or {}).get(_lexicon_key(path), {}).get("sha256")
        if recorded and recorded != file_sha256(path):
            warnings.append(f"the stop-word file {path} changed since this run")
    return TermAnalyzer(**stage_options(TermAnalyzer, section)), warnings


def query_term(analyzer: TermAnalyzer, text: str) -> str:
    """The counted term a user's words stand for ("China's" -> "china", "U.S. Navy" -> "US
    navy"); ValueError when a word is not a term (a stop word, a number) or the n-gram order is
    not counted. The words are the segmenter's tokens of ``text``, so punctuation around
    them goes: '"hon."' and "(china)" as written in a text ask for "hon" and "china"."""
    words = [t.text for t in word_tokens(text)]
    terms = [analyzer.term_of(w) for w in words]
    dropped = [w for w, t in zip(words, terms, strict=True) if t is None]
    if not words or dropped:
        capitals = [w.upper() for w in dropped if analyzer.term_of(w.upper())]
        hint = f"; in capitals, {', '.join(capitals)} is counted" if capitals else ""
        raise ValueError(
            f"{' '.join(dropped) or repr(text)} is no counted term (a stop word, a number or "
            f"shorter than min_token_length){hint}"
        )
    low, high = analyzer.ngram_range
    if not low <= len(words) <= high:
        raise ValueError(
            f"the run counted terms of {low} to {high} word(s) (terms.ngram_range), not "
            f"{len(words)}"
        )
    return " ".join(t for t in terms if t)


def rebuilt_document(doc_id: str, rows: pd.DataFrame) -> SegmentedDocument:
    """A document's sentences (sentences.csv rows) and their word tokens, as segmented."""
    sentences = tuple(
        Sentence(int(r.sent_id), int(r.paragraph_id), bool(r.is_heading), int(r.start),
                 int(r.end), str(r.text))
        for r in rows.itertuples(index=False)
    )  # fmt: skip
    return SegmentedDocument(doc_id, "", sentences, sentence_tokens(sentences))


def document_occurrences(
    doc: SegmentedDocument, analyzer: TermAnalyzer, terms: Iterable[str]
) -> list[dict[str, Any]]:
    """Every counted occurrence of ``terms`` in ``doc``: its sentence, document offsets, the
    words (``clean[start:end]``) and the sentence around them with the words in brackets."""
    wanted = set(terms)
    orders = sorted({t.count(" ") + 1 for t in wanted})
    starts = [s.start for s in doc.sentences]
    out = []
    for run in analyzer.document_runs(doc, with_tokens=True):
        for n in orders:
            for i in range(len(run) - n + 1):
                term = " ".join(t for t, _ in run[i : i + n])
                if term not in wanted:
                    continue
                start, end = run[i][1].start, run[i + n - 1][1].end
                sentence = doc.sentences[bisect.bisect_right(starts, start) - 1]
                out.append(_occurrence(doc.doc_id, sentence, term, start, end))
    return sorted(out, key=lambda r: (r["start"], r["end"], r["term"]))


def _occurrence(doc_id: str, sentence: Sentence, term: str, start: int, end: int) -> dict:
    text, a, b = sentence.text, start - sentence.start, end - sentence.start
    left = max(0, a - CONTEXT_CHARS)
    right = min(len(text), b + CONTEXT_CHARS)
    context = (
        ("…" if left else "") + text[left:a] + "[" + text[a:b] + "]" + text[b:right]
        + ("…" if right < len(text) else "")
    )  # fmt: skip
    return {
        "doc_id": doc_id,
        "sent_id": sentence.sent_id,
        "start": start,
        "end": end,
        "term": term,
        "words": text[a:b],
        "context": " ".join(context.split()),
    }


def where(
    term: str, results_dir: str | Path, docs: Sequence[str] = (), warnings: list[str] | None = None
) -> tuple[str, pd.DataFrame]:
    """(the counted term, its occurrences in the run's documents, or in ``docs``); what may
    make them differ from the run's counts is appended to ``warnings``."""
    tables = Path(results_dir) / "tables"
    path = tables / "sentences.csv"
    if not path.is_file():
        raise ValueError(f"{path} does not exist: run the workflow first (make run)")
    manifest = run_manifest(results_dir)
    analyzer, notes = analyzer_of_run(manifest)
    wanted = query_term(analyzer, term)
    if not _same_inputs(tables / "documents.csv", manifest):
        notes.append(
            "documents.csv and manifest.json name different texts: the last run did not finish"
        )
    compared = (manifest.get("config") or {}).get("comparison", {}).get("ngram_range")
    if compared and not compared[0] <= wanted.count(" ") + 1 <= compared[1]:
        notes.append(
            f"{wanted!r} was counted, but keyness and TF-IDF compare terms of {compared[0]} to "
            f"{compared[1]} word(s) (comparison.ngram_range)"
        )
    if warnings is not None:
        warnings.extend(notes)
    sentences = pd.read_csv(path, dtype={"doc_id": str, "text": str}, keep_default_na=False)
    if docs:
        unknown = sorted(set(docs) - set(sentences["doc_id"]))
        if unknown:
            raise ValueError(f"no sentences of document(s) {', '.join(unknown)} in {path}")
        sentences = sentences[sentences["doc_id"].isin(set(docs))]
    # only documents with a sentence holding the term's letters can count it (a quick test)
    letters = sentences["text"].str.lower().str.replace(_NOT_LETTERS, "", regex=True)
    maybe = pd.Series(True, index=sentences.index)
    for word in wanted.lower().split():
        maybe &= letters.str.contains(_NOT_LETTERS.sub("", word), regex=False)
    candidates = set(sentences.loc[maybe, "doc_id"])
    rows = []
    for doc_id, doc_rows in sentences[sentences["doc_id"].isin(candidates)].groupby(
        "doc_id", sort=True
    ):
        doc = rebuilt_document(str(doc_id), doc_rows.sort_values("sent_id"))
        rows.extend(document_occurrences(doc, analyzer, [wanted]))
    return wanted, pd.DataFrame(rows, columns=list(OCCURRENCE_COLUMNS))


def _same_inputs(documents: Path, manifest: Mapping[str, Any]) -> bool:
    """Whether the analysed texts' sha256 (documents.csv) are among the manifest's inputs."""
    if not documents.is_file():
        return False
    hashes = pd.read_csv(documents, usecols=["content_sha256"], dtype=str)["content_sha256"]
    return set(hashes.dropna()) <= set((manifest.get("inputs") or {}).values())


def summary(term: str, found: pd.DataFrame) -> str:
    """One line: how often the term is counted, and where."""
    if found.empty:
        return f"{term}: counted nowhere"
    counts = found.groupby("doc_id", sort=True).size()
    listed = ", ".join(f"{doc} {n}" for doc, n in counts.items())
    return f"{term}: {len(found):,} occurrence(s) in {len(counts):,} document(s): {listed}"
