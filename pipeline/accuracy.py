"""How accurate the shipped detectors are on text they were not tuned on: their scores on the
blind sets in ``tests/data``, kept in ``pipeline/measured_accuracy.tsv`` for the report.

``python -m pipeline.accuracy`` measures them again and rewrites the file (run it after a change
to a lexicon or a blind set; ``tests/test_accuracy.py`` fails until then). The report only reads
the file, so a run needs neither the blind sets nor the time to score them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from pipeline.lexicon import lexicon_path

ROOT = Path(__file__).resolve().parents[1]
TESTS_DATA = ROOT / "tests" / "data"
ACCURACY_PATH = Path(__file__).resolve().parent / "measured_accuracy.tsv"
# labelled by sessions that had not seen the lexicons or the scores; no rule is written from them
BLIND_SENTIMENT = TESTS_DATA / "sentiment_blind.tsv"
BLIND_SENTIMENT_2 = TESTS_DATA / "sentiment_blind2.tsv"
COLUMNS = ("detector", "measure", "blind_set", "fully_blind", "sentences", "value")
# Sets scored again after rules were written for their kinds of miss (README.md, "Measured
# quality" of stance and frames): kept in the file, left out of the report's ranges.
PARTLY_BLIND = frozenset(
    {"stance_blind.tsv", "stance_blind2.tsv", "stance_blind4.tsv", "frames_blind2.tsv"}
)
# the lexicons whose versions the figures hold for (shown next to the run's own)
MEASURED_LEXICONS = ("stance.tsv", "frames.tsv", "sentiment_news.tsv", "sentiment_senses.tsv")
# the config keys the figures depend on: a run with other values is not the one measured
MEASURED_SETTINGS = (
    ("stance", "extra_lexicons"),
    ("frames", "extra_lexicons"),
    ("sentiment", "neutral_terms"),
    ("sentiment", "extra_valences"),
    ("sentiment", "extra_neutral_senses"),
)
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
    from pipeline.sentiment_vader import evaluate_sign_agreement, read_labelled_sentences

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
        "fully_blind": "no" if path.name in PARTLY_BLIND else "yes",
        "sentences": n,
        "value": f"{value:.6f}",  # the report rounds it to two decimals once
    }


def lexicon_versions() -> dict[str, str]:
    """The ``# version:`` and sha256 of each lexicon the figures were measured with, as
    ``"1.33.0 sha256:<hex>"``."""
    from pipeline.manifest import lexicon_versions as versions

    paths = [lexicon_path(name) for name in MEASURED_LEXICONS]
    return {
        name: f"{version} sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}"
        for (name, version), path in zip(versions(paths).items(), paths, strict=True)
    }


def shipped_settings() -> dict[str, Any]:
    """The MEASURED_SETTINGS of ``config/config.yaml`` ("section.key": value)."""
    import yaml

    config = yaml.safe_load((ROOT / "config" / "config.yaml").read_text())
    return {f"{sec}.{key}": (config.get(sec) or {}).get(key) for sec, key in MEASURED_SETTINGS}


def accuracy_text(
    rows: Sequence[Mapping[str, Any]],
    versions: Mapping[str, str],
    settings: Mapping[str, Any] | None = None,
) -> str:
    """The file's text: a header naming the lexicons (version and sha256) and the config
    settings measured, then the rows as TSV."""
    out = io.StringIO()
    out.write("# Written by `python -m pipeline.accuracy`: the shipped detectors on the blind\n")
    out.write("# sets in tests/data (text no rule was written from; fully_blind=no: rules were\n")
    out.write("# later written for kinds of miss a set had shown). Measured with:\n")
    for name, version in versions.items():
        out.write(f"# lexicon {name}: {version}\n")
    if settings is not None:
        out.write(f"# settings: {json.dumps(settings, sort_keys=True)}\n")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def read_accuracy(path: str | Path = ACCURACY_PATH) -> dict[str, Any]:
    """The measured figures and the lexicon versions they hold for (empty if the file is absent)."""
    path = Path(path)
    if not path.is_file():
        return {"rows": [], "versions": {}, "settings": None}
    lines = path.read_text(encoding="utf-8").splitlines()
    versions, settings = {}, None
    for line in lines:
        if line.startswith("# lexicon "):
            name, _, version = line[len("# lexicon ") :].partition(": ")
            versions[name] = version
        elif line.startswith("# settings: "):
            settings = json.loads(line[len("# settings: ") :])
    body = [line for line in lines if not line.startswith("#")]
    rows = list(csv.DictReader(body, delimiter="\t"))
    return {"rows": rows, "versions": versions, "settings": settings}


def two_decimals(value: str | float) -> str:
    """A figure rounded half up to two decimals from its stored text ("0.955" -> "0.96"; a
    float's binary value would give "0.95")."""
    return str(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def accuracy_view(
    measured: Mapping[str, Any],
    run_lexicons: Sequence[tuple[str, str, str]],
    run_config: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """For the report: each measure's lowest and highest figure over the fully blind sets (all
    sets when a measure has none), and what of the run differs from what was measured:
    ``run_lexicons`` are the manifest's (path, version, sha256) rows, ``run_config`` its config
    (None or empty: not compared); ``differences`` names each lexicon of another version or
    content and each MEASURED_SETTINGS key of another value."""
    by_measure: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for row in measured["rows"]:
        by_measure.setdefault((row["detector"], row["measure"]), []).append(row)
    measures = []
    for (detector, measure), rows in by_measure.items():
        rows = [r for r in rows if r.get("fully_blind", "yes") == "yes"] or rows
        low = min(rows, key=lambda r: float(r["value"]))["value"]
        high = max(rows, key=lambda r: float(r["value"]))["value"]
        measures.append({
            "detector": detector, "measure": measure, "low": two_decimals(low),
            "high": two_decimals(high), "n_sets": len(rows),
            "n_sentences": sum(int(r["sentences"]) for r in rows),
        })  # fmt: skip
    used = {  # the shipped files only: an extra lexicon may share a shipped one's file name
        Path(path).name: (version, sha)
        for path, version, sha in run_lexicons
        if Path(path).parent.parts[-2:] == ("pipeline", "lexicons")
    }
    versions, differences = [], []
    for name, measured_version in measured["versions"].items():
        version, _, sha = measured_version.partition(" sha256:")
        run_version, run_sha = used.get(name, ("", ""))
        versions.append((name, version, run_version))
        if run_version and run_version != version:
            differences.append(f"{name} {run_version}")
        elif run_version and sha and run_sha and run_sha != sha:
            differences.append(f"{name} {run_version}, edited")
    settings = measured.get("settings")
    if run_config and settings is not None:  # a manifest without a config: not compared
        for key, value in settings.items():
            section, _, name = key.partition(".")
            run_value = (run_config.get(section) or {}).get(name)
            if _setting(run_value) != _setting(value):
                differences.append(f"{key}: {_listed(run_value)} (measured with {_listed(value)})")
    return {
        "measures": measures,
        "versions": versions,
        "differences": differences,
        "differs": bool(differences),
    }


def _setting(value: Any) -> Any:
    """A setting as compared: no list is an empty one, and a file is the same file however its
    path is written (relative to the project or absolute)."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [
            str((ROOT / v).resolve()) if isinstance(v, str) and (ROOT / v).exists() else v
            for v in value
        ]
    return value


def _listed(value: Any) -> str:
    """A setting as the accuracy note names it: a list's items as given, or the value."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) if value else "none"
    return "none" if value is None else str(value)


def main() -> None:
    text = accuracy_text(measure(), lexicon_versions(), shipped_settings())
    ACCURACY_PATH.write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
