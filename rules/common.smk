# Helpers shared by the rules: paths, corpus discovery, chunk membership, config lookups.
import json
import os
import sys
import time
from functools import cache
from pathlib import Path

import yaml

from snakemake.exceptions import WorkflowError
from snakemake.logging import logger
from snakemake.utils import validate

sys.path.insert(0, workflow.basedir)

from pipeline.cache import (  # noqa: E402
    chunk_state,
    config_files,
    input_files,
    software_fingerprint,
    write_if_changed,
)
from pipeline.chunk_settings import (  # noqa: E402
    SETTINGS_PARAM,
    ChunkSettings,
    refused_word_list,
)
from pipeline.config_errors import (  # noqa: E402
    config_error_message,
    whole_numbers_as_ints,
)
from pipeline.corpus import (  # noqa: E402
    METADATA_NAME,
    WILDCARD_LIKE,
    chunk_index,
    discover_documents,
    group_members,
    is_utf8,
    metadata_columns,
    metadata_labels,
    read_metadata,
)
from pipeline.decode import why_not_text  # noqa: E402
from pipeline.lexicon import lexicon_path, read_lexicon, unused_offs  # noqa: E402
from pipeline.manifest import NO_DOCUMENTS, workflow_fingerprint  # noqa: E402
from pipeline.stages import PUBLISHED_TABLES  # noqa: E402


def stop(message):
    """End the run before any job with ``message`` on the console and in Snakemake's
    log (a raised WorkflowError adds a header and a traceback, which read as a crash).
    """
    logger.error(f"rhetoric-compare did not start: {message}")
    sys.exit(1)


# the schema's refusal, without the whole schema Snakemake prints after it
try:
    validate(config, schema="../config/schema.yaml")
except WorkflowError as exc:
    stop(config_error_message(exc.__context__) if exc.__context__ else str(exc))
# JSON Schema's integer takes 2000.0, which the stages refuse after the jobs have started
whole_numbers_as_ints(
    config, yaml.safe_load(Path(workflow.basedir, "config", "schema.yaml").read_text())
)

PARSED_AT = time.time()  # when this run began (onerror trusts only newer tables)
RESULTS = Path(config["results_dir"])
CORPUS = Path(config["corpus_dir"])
# Relative to the working directory, so storage plugins see a relative path.
LEXICON_DIR = Path(os.path.relpath(Path(workflow.basedir) / "pipeline" / "lexicons"))
# the detectors' scores on the blind sets, shown in the report (python -m pipeline.accuracy)
ACCURACY_FILE = os.path.relpath(
    Path(workflow.basedir) / "pipeline" / "measured_accuracy.tsv"
)

# Snakemake reads "{word}" in a path as a wildcard (a corpus file so named is passed over)
for _key, _folder in (("corpus_dir", CORPUS), ("results_dir", RESULTS)):
    if WILDCARD_LIKE.search(str(_folder)):
        stop(
            f"Config key {_key}: Snakemake reads a word in braces in a path as a wildcard: "
            f"rename the folder (with ( ) or [ ] instead), not {str(_folder)!r}"
        )
# Snakemake writes the paths of its inputs and outputs to its own files as UTF-8
for _key, _folder in (("corpus_dir", CORPUS), ("results_dir", RESULTS)):
    if not is_utf8(str(_folder.absolute())):
        stop(
            f"Config key {_key}: the path of the folder is not valid UTF-8: rename the folder"
        )
if RESULTS.exists() and not RESULTS.is_dir():
    stop(
        f"Config key results_dir: '{RESULTS}' is a file, not a folder: give a folder's path"
    )
if RESULTS.resolve() == CORPUS.resolve():
    stop(
        f"Config keys corpus_dir and results_dir name the same folder, '{CORPUS}': the next run "
        "would read the workflow's own output as documents. Give results_dir a folder of its "
        f"own (one inside corpus_dir is left out, such as '{CORPUS / 'results'}')"
    )
try:
    SOURCES, SKIPPED = discover_documents(CORPUS, results_dir=RESULTS)
except ValueError as exc:
    stop(f"Config key corpus_dir: {exc}.")
# A missing file the config names (an extra_* list, a stage's word_list) would be ignored
# while the chunk outputs exist, or fail every chunk job.
_missing = [
    f"{key}: {path}"
    for key, path in config_files(config, ChunkSettings.sections())
    if not Path(path).is_file()
]
if _missing:
    # run in another folder (--directory, -s): the shipped files are the project's
    _shipped = [
        str(Path(workflow.basedir) / path)
        for key, path in config_files(config, ChunkSettings.sections())
        if not Path(path).is_file() and (Path(workflow.basedir) / path).is_file()
    ]
    stop(
        "Config lists lexicon or word-list files that do not exist (paths are relative to "
        f"{Path.cwd()}): "
        + "; ".join(_missing)
        + (
            ". They are in the project folder: run there, or give their absolute paths in a "
            "--configfile (" + ", ".join(_shipped) + ")"
            if _shipped
            else ""
        )
    )
if not SOURCES:
    _passed = "".join(f"\n  {s.relpath} {s.message}" for s in SKIPPED[:5])
    stop(
        f"Config key corpus_dir: the folder '{CORPUS}' contains no *.txt or *.md files."
        + (f" Passed over:{_passed}" if _passed else "")
    )
# A corpus none of whose files can be analysed (binary, empty, too large) would replace an
# earlier run's tables with empty ones before the manifest job said so: stop before any job.
# The first file that may be text ends the check, so a normal corpus costs one file's read.
_max_bytes = int(ChunkSettings.from_config(config).max_file_mb * 1e6)
_unreadable = []
for _src in SOURCES:
    _why = why_not_text(_src.path, max_bytes=_max_bytes)
    if _why is None:
        break
    _unreadable.append(f"\n  {_src.relpath}: {_why}")
else:
    stop(
        f"no file of the corpus '{CORPUS}' can be analysed, so no job was "
        f"run and {RESULTS} is as it was:"
        + "".join(_unreadable[:5])
        + (f"\n  ... and {len(_unreadable) - 5} more" if len(_unreadable) > 5 else "")
    )

# TF-IDF and keyness count the n-grams the chunks counted: an order outside terms.ngram_range
# would give no term of that order, without a word.
_counted = config["terms"]["ngram_range"]
_compared = config["comparison"]["ngram_range"]
if not _counted[0] <= _compared[0] <= _compared[1] <= _counted[1]:
    stop(
        f"Config key comparison.ngram_range: {_compared} is not within terms.ngram_range "
        f"{_counted}, the n-gram orders the chunks count: set terms.ngram_range to "
        f"[{min(_counted[0], _compared[0])}, {max(_counted[1], _compared[1])}] too"
    )

# The corpus metadata file is read now: one that cannot be used (no doc_id column, not UTF-8
# CSV, a doc_id on two rows) would stop the run at the merge, after every chunk, and a file
# named in the config that does not exist would be passed over (only the default name may be
# missing: the file is optional).
METADATA_PATH = CORPUS / config["metadata"] if config["metadata"] else None
try:
    METADATA = read_metadata(METADATA_PATH) if METADATA_PATH else {}
except ValueError as exc:
    stop(f"Config key metadata: {exc}.")
if (
    METADATA_PATH
    and not METADATA_PATH.is_file()
    and config["metadata"] != METADATA_NAME
):
    stop(
        f"Config key metadata: {METADATA_PATH} does not exist (the name is relative to "
        "corpus_dir; the file is optional: for none, metadata: null in a config file, or "
        "--config metadata= with nothing after the =)."
    )

# A group column that the metadata lacks would otherwise stop the run after every chunk.
GROUP_COLUMN = (config.get("comparison") or {}).get("group_column")
if GROUP_COLUMN:
    if not METADATA_PATH or not METADATA_PATH.is_file():
        stop(
            f"Config key comparison.group_column: {GROUP_COLUMN!r} names a column of the "
            "corpus metadata file (config key metadata), and "
            + (f"{METADATA_PATH} does not exist." if METADATA_PATH else "none is set.")
        )
    _columns = metadata_columns(METADATA_PATH)
    if GROUP_COLUMN not in _columns:
        stop(
            f"Config key comparison.group_column: {METADATA_PATH} has no column "
            f"{GROUP_COLUMN!r} (its columns: {', '.join(_columns)})."
        )
    _labels = metadata_labels(METADATA, GROUP_COLUMN)
    _groups = group_members(_labels, [src.doc_id for src in SOURCES])
    _mode = (config.get("comparison") or {}).get("comparisons", "auto")
    if _mode in ("auto", "groups") and len(_groups) < 2:
        stop(
            f"Config key comparison.group_column: the column {GROUP_COLUMN!r} of "
            f"{METADATA_PATH} gives the corpus documents {len(_groups)} group(s) "
            f"({', '.join(map(repr, _groups)) or 'no values'}); comparing groups needs two."
        )

# Figures every run writes (PNG and SVG each), by file stem under results/plots/.
PLOTS = [
    "sentiment_arc",
    "actor_sentiment",
    "stance_profile",
    "figure_sourcing",
    "frame_profile",
    "frame_strip",
    "similarity",
]


wildcard_constraints:
    scatteritem=r"\d+-of-\d+",


def result(path):
    """A path inside the results folder."""
    return str(RESULTS / path)


def table(name):
    """Path of a merged result table."""
    return result(f"tables/{name}.csv")


@cache
def chunk_membership(n_chunks):
    """doc sources of each chunk (1-based) for a given chunk count."""
    members = {i: [] for i in range(1, n_chunks + 1)}
    for src in SOURCES:
        members[chunk_index(src.doc_id, n_chunks)].append(src)
    return members


def chunk_sources(wildcards):
    """The corpus files of one chunk, from its scatteritem 'i-of-n'."""
    i, n = (int(x) for x in wildcards.scatteritem.split("-of-"))
    return chunk_membership(n)[i]


def chunk_texts(wildcards):
    """Input files of a chunk."""
    return [str(CORPUS / src.relpath) for src in chunk_sources(wildcards)]


def chunk_state_file(wildcards):
    """An input of the chunk (a file in results/cache/) rewritten when its members, their sizes
    or modification times change. Snakemake's records see the members but not when a results
    folder is copied or .snakemake/ deleted, and no rule sees a file replaced by one with an
    older modification time (as cp -p, rsync -a and unzip leave): the chunk re-runs. A dry run
    only writes a missing one (it may plan another corpus than the next real run).
    """
    members = [(s.doc_id, s.path, s.relpath) for s in chunk_sources(wildcards)]
    path = result(f"cache/{wildcards.scatteritem}.inputs.json")
    if not workflow.dryrun or not os.path.exists(path):
        write_if_changed(path, chunk_state(members))
    return path


def chunk_members(wildcards):
    """[doc_id, relative path] of each file of a chunk (a param: renames re-run the chunk)."""
    return [[src.doc_id, src.relpath] for src in chunk_sources(wildcards)]


def corpus_texts():
    """Every corpus file analysed."""
    return [str(CORPUS / src.relpath) for src in SOURCES]


def corpus_names():
    """Relative path of every corpus file analysed, in the order of corpus_texts()."""
    return [src.relpath for src in SOURCES]


def corpus_doc_ids():
    """doc_id of every corpus file analysed."""
    return [src.doc_id for src in SOURCES]


def skipped_files():
    """[relative path, reason] of corpus files passed over at discovery."""
    return [[s.relpath, s.message] for s in SKIPPED]


def config_problems():
    """[file, doc_id, stage, message] warnings found when the workflow is parsed, for
    problems.csv: lexicon rows that do nothing (the merge adds those about the groups).
    """
    return [
        [source, "", stage, message] for source, stage, message in lexicon_problems()
    ]


# config key of extra lexicon files -> (the shipped lexicon they extend, the columns needed)
LEXICON_KEYS = {
    "ingest.extra_boilerplate": ("boilerplate.tsv", ("pattern",)),
    "stance.extra_lexicons": ("stance.tsv", ("pattern", "category", "subtype")),
    "frames.extra_lexicons": ("frames.tsv", ("pattern", "frame")),
    "sentiment.extra_valences": (None, ("term", "valence")),
    "sentiment.extra_neutral_senses": (None, ("pattern", "category", "subtype")),
}


def lexicon_problems():
    """[file, stage, message] of lexicon rows that do nothing (an ``off`` with no earlier entry
    of its pattern). A lexicon file that cannot be read (no version line, a missing column) or
    that a stage refuses stops the run here, before any job is queued.
    """
    out = []
    for key, (shipped, required) in LEXICON_KEYS.items():
        section, _, name = key.partition(".")
        extra = (config.get(section) or {}).get(name) or []
        paths = [lexicon_path(shipped)] if shipped else []
        try:
            lexicon = read_lexicon([*paths, *extra], required=required)
        except ValueError as error:
            stop(f"Config key {key}: {error}")
        if "category" in required:  # an off row names the stage it was meant for
            out += [
                [source, section, message] for source, message in unused_offs(lexicon)
            ]
        if key == "stance.extra_lexicons" and extra:  # a typo of a shipped subtype
            from pipeline.stance_lexicon import near_subtypes

            out += [
                [source, section, message]
                for source, message in near_subtypes(lexicon, paths[0])
            ]
        if key == "frames.extra_lexicons" and extra:  # a typo of a codebook id
            from pipeline.frames import near_codebook_ids

            out += [
                [source, section, message]
                for source, message in near_codebook_ids(lexicon)
            ]
    # A row the stages refuse (a bad frame id, say) would fail every chunk job with a
    # traceback: build them with the user's own files now, before any job (in the main
    # process only: each cluster job parses the workflow again).
    refused = refused_word_list(config) if workflow.is_main_process else None
    if refused:
        stop(f"A lexicon or word list named in the config cannot be used: {refused}")
    return out


def metadata_file():
    """The corpus metadata CSV when it exists (it is optional)."""
    return [str(METADATA_PATH)] if METADATA_PATH and METADATA_PATH.is_file() else []


@cache
def chunk_settings():
    """The settings a chunk job reads, as plain data: of its config sections, the keys it
    takes (the others are read by corpus-level rules: changing one re-runs no chunk)."""
    return sorted_keys(ChunkSettings.config_sections(config))


def sorted_keys(value):
    """``value`` (plain data) with every mapping's keys in sorted order: Snakemake compares a
    param by its text, so a --configfile giving the same values in another order had re-run
    every job (a reproducibility audit)."""
    return json.loads(json.dumps(value, sort_keys=True))


def chunk_setting_params():
    """The chunk's config sections as params named settings_<section>, one each, so a changed
    setting's rerun reason shows that section only (the prefix keeps a stage's name from
    clashing with the rule's other params)."""
    return {f"{SETTINGS_PARAM}{k}": v for k, v in chunk_settings().items()}


@cache
def software_version():
    """Digest of pipeline/ (code, templates, lexicons) and of the Python and package versions.

    A param of the chunks: when it changes (an update of the code or of a package), the
    chunks re-run (their cache misses too) and so does everything after them.
    """
    return software_fingerprint()


@cache
def workflow_version():
    """Digest of the rules, scripts and schema (pipeline.manifest.WORKFLOW_FILES): a param of
    the manifest, which records it, so an edit of the workflow re-writes the manifest.
    """
    return workflow_fingerprint(workflow.basedir)


def lexicon_files():
    """Shipped lexicons, the files listed under extra_* keys and every other existing file
    named in the config sections the chunks read (a new stage's word list), each once.
    """
    return input_files(LEXICON_DIR, chunk_settings(), results_dir=RESULTS)


def published_tables():
    """Merged tables written by merge_tables, by name."""
    return {name: table(name) for name in PUBLISHED_TABLES}


def published_outputs():
    """merge_tables' outputs, each in Snakemake's report with its caption report/<name>.rst."""
    return {
        # update: not deleted before the job runs, and put back should it fail (no document
        # could be analysed), so an earlier run's tables stay
        name: update(report(path, caption=f"../report/{name}.rst", category="Tables"))
        for name, path in published_tables().items()
    }


def corpus_tables():
    """Tables written by corpus-level rules (not by the chunks)."""
    names = ("frames", "frame_differences", "tfidf_top_terms", "similarity", "keyness")
    return [table(name) for name in names]


def final_outputs():
    """Everything `snakemake` builds by default."""
    return [*report_inputs(), result("report.html")]


def plot_files():
    """Every figure the workflow writes (PNG and SVG)."""
    return [result(f"plots/{name}.{ext}") for name in PLOTS for ext in ("png", "svg")]


def report_inputs():
    """Everything the HTML report shows: tables, plots and the manifest."""
    return [
        *published_tables().values(),
        *corpus_tables(),
        *plot_files(),
        result("plots/comparisons"),
        result("manifest.json"),
    ]


onsuccess:
    problems = RESULTS / "tables" / "problems.csv"
    if problems.is_file():
        n = sum(1 for _ in problems.open(encoding="utf-8")) - 1
        if n:
            print(
                f"rhetoric-compare: {n} problem(s) with the input or a stage, see {problems}"
            )


onerror:
    # the reason a run without any analysable document stops, as its last lines
    merge_log = RESULTS / "logs" / "merge_tables.log"
    # written by this run (1 s: file systems that keep whole seconds)
    if merge_log.is_file() and merge_log.stat().st_mtime >= PARSED_AT - 1:
        text = merge_log.read_text(encoding="utf-8", errors="replace")
        start = text.find(NO_DOCUMENTS)
        if start >= 0:
            print(f"rhetoric-compare: {text[start:].rstrip()}")
