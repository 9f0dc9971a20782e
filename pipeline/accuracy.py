"""How accurate the shipped detectors are on text they were not tuned on: their scores on the
blind sets in ``tests/data``, kept in ``pipeline/measured_accuracy.tsv`` for the report.

``python -m pipeline.accuracy`` measures them again and rewrites the file (run it after a change
to a lexicon or a blind set; ``tests/test_accuracy.py`` fails until then). The report only reads
the file, so a run needs neither the blind sets nor the time to score them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pipeline.lexicon import lexicon_path

ROOT = Path(__file__).resolve().parents[1]
TESTS_DATA = ROOT / "tests" / "data"
ACCURACY_PATH = Path(__file__).resolve().parent / "measured_accuracy.tsv"
# labelled by sessions that had not seen the lexicons or the scores; no rule is written from them
BLIND_SENTIMENT = TESTS_DATA / "sentiment_blind.tsv"
BLIND_SENTIMENT_2 = TESTS_DATA / "sentiment_blind2.tsv"
COLUMNS = ("detector", "measure", "blind_set", "sentences", "value")
# the lexicons whose versions the figures hold for (shown next to the run's own)
MEASURED_LEXICONS = ("stance.tsv", "frames.tsv", "sentiment_news.tsv", "sentiment_senses.tsv")
STANCE_MEASURES = {
    "hedge": "hedge F1",
    "booster": "booster F1",
    "attribution_named": "named attribution F1",
    "attribution_vague": "vague attribution F1",
}


def shipped_sentiment_analyzer() -> Any:
    """The sentiment analyzer as ``config/config.yaml`` sets it (neutral terms, news valences,
    neutral senses)."""
    import yaml

    from pipeline.sentiment import SentimentStage

    section = yaml.safe_load((ROOT / "config" / "config.yaml").read_text())["sentiment"]
    return SentimentStage(
        neutral_terms=section.get("neutral_terms", []),
        extra_valences=[ROOT / p for p in section.get("extra_valences", [])],
        extra_neutral_senses=[ROOT / p for p in section.get("extra_neutral_senses", [])],
    ).analyzer


def measure() -> list[dict[str, Any]]:
    """Each detector's figures on each blind set (F1 to three decimals, agreement as a share)."""
    from pipeline import frames_eval, stance_eval
    from pipeline.sentiment import evaluate_sign_agreement, read_labelled_sentences

    rows: list[dict[str, Any]] = []
    for path in stance_eval.BLIND_SETS:
        scores = stance_eval.evaluate(path).set_index(["system", "split", "category"])
        for category, name in STANCE_MEASURES.items():
            score = scores.loc[("detector", "all", category)]
            rows.append(_row("stance", name, path, int(score["n"]), float(score["f1"])))
    for path in frames_eval.BLIND_SETS:
        frames = frames_eval.evaluate(path)
        rows.append(_row("frames", "micro F1", path, frames.n_sentences, frames.micro_f1))
    analyzer = shipped_sentiment_analyzer()
    for path in (BLIND_SENTIMENT, BLIND_SENTIMENT_2):
        labelled = read_labelled_sentences(path)
        result = evaluate_sign_agreement(
            [r["sentence"] for r in labelled], [r["expected"] for r in labelled], analyzer=analyzer
        )
        rows.append(_row("sentiment", "sign agreement", path, result.n, result.rate))
    return rows


def _row(detector: str, measure: str, path: Path, n: int, value: float) -> dict[str, Any]:
    return {
        "detector": detector,
        "measure": measure,
        "blind_set": path.name,
        "sentences": n,
        "value": f"{value:.3f}",
    }


def lexicon_versions() -> dict[str, str]:
    """The ``# version:`` of each lexicon the figures were measured with."""
    from pipeline.manifest import lexicon_versions as versions

    return versions([lexicon_path(name) for name in MEASURED_LEXICONS])


def accuracy_text(rows: Sequence[Mapping[str, Any]], versions: Mapping[str, str]) -> str:
    """The file's text: a header naming the lexicon versions, then the rows as TSV."""
    out = io.StringIO()
    out.write("# Written by `python -m pipeline.accuracy`: the shipped detectors on the blind\n")
    out.write("# sets in tests/data (text no rule was written from). Measured with:\n")
    for name, version in versions.items():
        out.write(f"# lexicon {name}: {version}\n")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def read_accuracy(path: str | Path = ACCURACY_PATH) -> dict[str, Any]:
    """The measured figures and the lexicon versions they hold for (empty if the file is absent)."""
    path = Path(path)
    if not path.is_file():
        return {"rows": [], "versions": {}}
    lines = path.read_text(encoding="utf-8").splitlines()
    versions = {}
    for line in lines:
        if line.startswith("# lexicon "):
            name, _, version = line[len("# lexicon ") :].partition(": ")
            versions[name] = version
    body = [line for line in lines if not line.startswith("#")]
    rows = list(csv.DictReader(body, delimiter="\t"))
    return {"rows": rows, "versions": versions}


def accuracy_view(
    measured: Mapping[str, Any], run_lexicons: Sequence[tuple[str, str, str]]
) -> dict[str, Any]:
    """For the report: each measure's lowest and highest figure over the blind sets, and the
    lexicon versions measured next to those of the run (``run_lexicons``: the manifest's (path,
    version, sha256) rows); ``differs`` when a run's version is not the measured one."""
    by_measure: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in measured["rows"]:
        by_measure.setdefault((row["detector"], row["measure"]), []).append(row)
    measures = [
        {
            "detector": detector,
            "measure": measure,
            "low": min(float(r["value"]) for r in rows),
            "high": max(float(r["value"]) for r in rows),
            "n_sets": len(rows),
            "n_sentences": sum(int(r["sentences"]) for r in rows),
        }
        for (detector, measure), rows in by_measure.items()
    ]
    used = {Path(path).name: version for path, version, _ in run_lexicons}
    versions = [
        (name, version, used.get(name, "")) for name, version in measured["versions"].items()
    ]
    return {
        "measures": measures,
        "versions": versions,
        "differs": any(run and run != version for _, version, run in versions),
    }


def main() -> None:
    text = accuracy_text(measure(), lexicon_versions())
    ACCURACY_PATH.write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
