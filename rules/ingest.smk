# Per-document work in chunks (ingest, segment, every per-document stage), then the merge.


rule analyse_chunk:
    input:
        texts=chunk_texts,
        # members, sizes, modification times, settings: re-runs what mtimes alone would not
        state=chunk_state_file,
        # shipped and extra lexicons: editing one re-runs the chunks
        lexicons=lexicon_files(),
    output:
        chunk=directory(result("chunks/{scatteritem}")),
    log:
        result("logs/analyse_chunk/{scatteritem}.log"),
    benchmark:
        result("benchmarks/analyse_chunk/{scatteritem}.tsv")
    conda:
        "envs/rhetoric.yaml"
    resources:
        mem_mb=2000,
        runtime=30,
    params:
        # the config sections it reads, one param each (a rerun reason names the changed one)
        **chunk_setting_params(),
        members=chunk_members,
        docs_dir=result("docs"),
        # per-document results of the last run, reused for unchanged files (not an output)
        cache=result("cache/{scatteritem}.marshal"),
        software=software_version(),
    script:
        "../scripts/analyse_chunk.py"


rule merge_tables:
    input:
        chunks=gather.chunk(result("chunks/{scatteritem}")),
        metadata=metadata_file(),
    output:
        **published_outputs(),
    log:
        result("logs/merge_tables.log"),
    benchmark:
        result("benchmarks/merge_tables.tsv")
    conda:
        "envs/rhetoric.yaml"
    resources:
        mem_mb=4000,
        runtime=60,
    params:
        skipped=skipped_files(),
        # found when the workflow is parsed (lexicons), listed in problems.csv
        config_problems=config_problems(),
        # warnings about its groups (no value, one document) go to problems.csv
        group_column=GROUP_COLUMN,
        # doc_ids of the corpus now: rows of others (an earlier corpus) are left out
        expected=corpus_doc_ids(),
        duplicates=lookup(dpath="ingest/duplicates", within=config, default="skip"),
        docs_dir=result("docs"),
    script:
        "../scripts/merge_tables.py"
