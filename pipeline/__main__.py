"""Command line: ``python -m pipeline evaluate``, ``python -m pipeline synthetic``,
``python -m pipeline ids`` and ``python -m pipeline where``."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline.accuracy import BLIND_SENTIMENT, BLIND_SENTIMENT_2, TESTS_DATA

DEV_SENTIMENT = TESTS_DATA / "sentiment_dev2.tsv"  # written blind, then read


def evaluate_sentiment(path: Path = TESTS_DATA / "sentiment_labelled.tsv") -> str:
    """Sign agreement with our hand labels of the authors' VADER and of the configured one."""
    from pipeline.accuracy import shipped_sentiment_analyzer
    from pipeline.sentiment_vader import evaluate_sign_agreement, read_labelled_sentences

    rows = read_labelled_sentences(path)
    configured = shipped_sentiment_analyzer()
    lines = [f"== sentiment sign agreement ({path})"]
    for name, analyzer in (
        ("authors' VADER lexicon", None),
        ("as configured (neutral_terms, extra_valences, extra_neutral_senses)", configured),
    ):
        result = evaluate_sign_agreement(
            [r["sentence"] for r in rows], [r["expected"] for r in rows], analyzer=analyzer
        )
        lines.append(f"{name}: {result.n_agree}/{result.n} sentences agree ({result.rate:.1%})")
        lines += [f"  expected {e:8} got {p:8} {s}" for s, e, p in result.disagreements]
    return "\n".join(lines)


def corpus_ids(folder: str | Path, results_dir: str | Path | None = None) -> tuple[str, int]:
    """The doc_id each file of a corpus folder gets (tab, its path), then the files passed over
    (what a metadata.csv row needs before the first run), and how many files a run could read
    (not empty, binary or too large)."""
    from pipeline.chunk_settings import ChunkSettings
    from pipeline.corpus import discover_documents
    from pipeline.decode import why_not_text

    sources, skipped = discover_documents(folder, results_dir=results_dir)
    # a tab or line break in a name would break the two columns: shown escaped, as "\n"
    shown = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r"})
    lines = ["doc_id\tfile", *(f"{s.doc_id}\t{s.relpath.translate(shown)}" for s in sources)]
    lines += [f"# passed over: {s.relpath} {s.message}" for s in skipped]
    max_bytes = int(ChunkSettings().max_file_mb * 1e6)  # the default ingest.max_file_mb
    unread = [(s.relpath, why_not_text(s.path, max_bytes=max_bytes)) for s in sources]
    lines += [f"# a run will skip: {path}: {why}" for path, why in unread if why]
    return "\n".join(lines), sum(1 for _, why in unread if not why)


def where_command(term: str, results_dir: str, docs: Sequence[str]) -> int:
    """Print a term's occurrences as TSV and a summary line on stderr; 1 when none, 2 on error."""
    from pipeline.term_occurrences import summary, where

    warnings: list[str] = []
    try:
        counted, found = where(term, results_dir, docs, warnings)
    except ValueError as error:
        print(f"python -m pipeline where: {error}", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"python -m pipeline where: warning: {warning}", file=sys.stderr)
    # tab-separated, unquoted: a tab or line break in the words is shown as \t or \n
    shown = found.replace({"\t": "\\t", "\n": "\\n", "\r": "\\r"}, regex=True)
    shown.to_csv(sys.stdout, sep="\t", index=False, lineterminator="\n", quoting=csv.QUOTE_NONE)
    print(summary(counted, found), file=sys.stderr)
    return 0 if len(found) else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch the sub-commands."""
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("evaluate", help="precision/recall/F1 of the detectors on tests/data")
    synth = sub.add_parser("synthetic", help="write a seeded synthetic corpus")
    synth.add_argument("folder")
    synth.add_argument("--n-docs", type=int, default=2000)
    synth.add_argument("--seed", type=int, default=0)
    synth.add_argument("--n-words", type=int, default=400)
    synth.add_argument("--start", type=int, default=0, help="number of the first document")
    ids = sub.add_parser(
        "ids", help="the doc_id of each file of a corpus folder (for metadata.csv)"
    )
    ids.add_argument("folder")
    ids.add_argument(
        "--results-dir",
        default="results",
        help="the run's results_dir (default: results): not read when inside the folder",
    )
    where = sub.add_parser(
        "where", help="the sentences and offsets where a term of keyness/TF-IDF was counted"
    )
    where.add_argument("term", help="a word or an n-gram, as written (China's, U.S., ...)")
    where.add_argument("--doc", action="append", default=[], help="only this doc_id (repeat)")
    where.add_argument("--results-dir", default="results", help="the run's results_dir")
    args = parser.parse_args(argv)
    if args.command == "where":
        return where_command(args.term, args.results_dir, args.doc)
    if args.command == "ids":
        try:
            if not args.folder.strip():
                raise ValueError("give a corpus folder")
            text, n_files = corpus_ids(args.folder, args.results_dir)
        except ValueError as error:  # not a folder
            print(f"python -m pipeline ids: {error}", file=sys.stderr)
            return 2
        print(text)
        if not n_files:
            print(f"python -m pipeline ids: '{args.folder}' holds no *.txt or *.md file a run "
                  "could read", file=sys.stderr)  # fmt: skip
            return 1
        return 0
    if args.command == "synthetic":
        from pipeline.synthetic import write_corpus

        write_corpus(
            args.folder, n_docs=args.n_docs, seed=args.seed, n_words=args.n_words, start=args.start
        )
        return 0
    from pipeline import frames_eval, stance_eval

    stance_eval.main([])
    print()
    frames_eval.main([])
    print()
    for path in frames_eval.BLIND_SETS:
        frames_eval.main([str(path)])
        print()
    print(evaluate_sentiment())
    print()
    print(evaluate_sentiment(BLIND_SENTIMENT))
    print()
    print(evaluate_sentiment(BLIND_SENTIMENT_2))
    print()
    print(evaluate_sentiment(DEV_SENTIMENT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
