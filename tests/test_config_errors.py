"""The message for a config that config/schema.yaml refuses names the key, not the schema."""

from __future__ import annotations

import os

import pytest
import yaml
from snakemake.exceptions import WorkflowError
from snakemake.utils import validate

from pipeline.config_errors import MAX_VALUE_CHARS, config_error_message
from tests.workflow_helpers import ROOT

SCHEMA = ROOT / "config" / "schema.yaml"
# the top-level keys, read from the schema so that a new stage's section needs no edit here
SECTIONS = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))["properties"]


def refusal(text: str) -> str:
    """The message for the config ``text`` (YAML) over the shipped config, as the workflow
    validates it (Snakemake's validate keeps the schema error as the exception's context)."""
    config = yaml.safe_load((ROOT / "config" / "config.yaml").read_text(encoding="utf-8"))
    for section, values in yaml.safe_load(text).items():
        if isinstance(values, dict) and isinstance(config.get(section), dict):
            config[section] = {**config[section], **values}
        else:
            config[section] = values
    with pytest.raises(WorkflowError) as caught:
        validate(config, schema=str(SCHEMA))
    return config_error_message(caught.value.__context__)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "chunk_size: 5",
            "Config key chunk_size is not a key the workflow knows. The keys at the top level "
            f"are: {', '.join(sorted(SECTIONS))}. Each is described in config/schema.yaml, "
            "where a new stage's section is added too.",
        ),
        (
            "stance: {extra_lexicon: [a.tsv]}",
            "Config key stance.extra_lexicon is not a key the workflow knows (did you mean "
            "'stance.extra_lexicons'?). The keys of stance are: context_chars, extra_lexicons. "
            "Each is described in config/schema.yaml.",
        ),
        (
            "ingest: {max_file_mb: big}",
            "Config key ingest.max_file_mb: 'big' is not of type 'number'. About the key: Files "
            "larger than this many megabytes are skipped with a problem row.",
        ),
        (
            "comparison: {comparisons: groups, group_column: null}",
            "Config key comparison.group_column: an empty value (null) is not of type 'string'. "
            "About the key: With comparisons set to groups, the metadata column that names each "
            "document's group (comparing groups needs it).",
        ),
        (  # what a nested value given with --config becomes
            "sentiment: {confidence: '0.9'}",
            "Config key sentiment.confidence: '0.9' is not of type 'number' (a nested value "
            "given with --config arrives as text: set it in a --configfile, see README, "
            "Configuration). About the key: ",
        ),
        (  # the same for null
            "comparison: {similarity_top_k: 'null'}",
            "Config key comparison.similarity_top_k: 'null' is not of type 'integer', 'null' (a "
            "nested value given with --config arrives as text",
        ),
        (
            "readability: {grade: fk}",
            "Config key readability.grade is not a key the workflow knows. The section "
            "readability takes no keys. Each is described in config/schema.yaml.",
        ),
        (  # an item of a list has no description of its own
            "stance: {extra_lexicons: [3]}",
            "Config key stance.extra_lexicons.0: 3 is not of type 'string'.",
        ),
    ],
)
def test_a_refused_config_names_the_key_and_what_it_may_be(text, message):
    assert refusal(text).startswith(message)
    assert message.endswith(("About the key: ", "as text")) or refusal(text) == message


def test_the_top_level_keys_are_the_config_sections():
    assert {"corpus_dir", "results_dir", "stance", "frames", "sentiment"} <= set(SECTIONS)


def test_two_unknown_keys_are_named_together_with_a_guess_for_each_that_has_one():
    assert refusal("ingest: {max_file_md: 3, dupes: skip, zzz: 1}").startswith(
        "Config keys ingest.dupes, ingest.max_file_md, ingest.zzz are not keys the workflow "
        "knows (did you mean 'ingest.duplicates' or 'ingest.max_file_mb'?). The keys of ingest "
        "are: "
    )


def test_a_long_value_is_cut_in_the_message():
    message = refusal("corpus_dir: [" + ", ".join(["folder"] * 200) + "]")
    assert message.startswith("Config key corpus_dir: ['folder', 'folder'")
    assert "...." in message and len(message) < MAX_VALUE_CHARS + 150


def test_a_retired_key_says_it_is_no_longer_used_and_other_unknown_keys_are_named_too():
    """The frame intervals became exact: frames.seed and frames.bootstrap_samples are gone, and
    an old config is told so (a review: a typo beside them had gone unmentioned)."""
    assert refusal("frames: {seed: 3}") == (
        "Config key frames.seed is no longer used: the frame intervals are exact "
        "(Clopper-Pearson and MOVER) since 2026-12-05, so no random numbers are drawn: remove "
        "the key."
    )
    both = refusal("frames: {seed: 3, bootstrap_samples: 500}")
    assert both.startswith("Config key frames.bootstrap_samples is no longer used:")
    assert "Config key frames.seed is no longer used:" in both
    mixed = refusal("frames: {seed: 3, confidance: 0.9}")
    assert mixed.startswith("Config key frames.seed is no longer used:")
    assert "Config key frames.confidance is not a key the workflow knows (did you mean " in mixed
    assert "'frames.confidence'" in mixed


def test_whole_number_floats_become_ints_where_the_schema_asks_for_an_integer():
    """A reproducibility audit: `bootstrap_samples: 2000.0` passed the schema (JSON Schema's
    integer takes it) and then failed every chunk job ("bootstrap_samples must be an int")."""
    import yaml

    from pipeline.chunk_settings import ChunkSettings, chunk_tools
    from pipeline.config_errors import whole_numbers_as_ints

    schema = yaml.safe_load((ROOT / "config" / "schema.yaml").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / "config" / "config.yaml").read_text(encoding="utf-8"))
    config["sentiment"]["bootstrap_samples"] = 2000.0
    config["stance"]["context_chars"] = 40.0
    config["terms"]["ngram_range"] = [1.0, 1]
    config["sentiment"]["confidence"] = 0.9  # a number, not an integer: kept
    assert sorted(whole_numbers_as_ints(config, schema)) == [
        "sentiment.bootstrap_samples", "stance.context_chars", "terms.ngram_range"
    ]  # fmt: skip
    assert config["sentiment"]["bootstrap_samples"] == 2000
    assert type(config["sentiment"]["bootstrap_samples"]) is int
    assert config["terms"]["ngram_range"] == [1, 1] and config["sentiment"]["confidence"] == 0.9
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)  # the shipped config's lexicon paths are the project's
        chunk_tools(ChunkSettings.from_config(config))  # the stages take the values
    finally:
        os.chdir(cwd)
    # a fraction stays, for the schema to refuse
    assert whole_numbers_as_ints({"sentiment": {"bootstrap_samples": 2000.5}}, schema) == []
