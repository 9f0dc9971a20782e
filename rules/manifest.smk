# The run manifest: input hashes, package versions, effective config.


rule manifest:
    input:
        texts=corpus_texts(),
        metadata=metadata_file(),
        lexicons=lexicon_files(),
        documents=table("documents"),
        accuracy=ACCURACY_FILE,
    output:
        manifest=report(
            result("manifest.json"),
            caption="../report/manifest.rst",
            category="Run",
        ),
    log:
        result("logs/manifest.log"),
    conda:
        "envs/rhetoric.yaml"
    params:
        config=sorted_keys(config),
        text_names=corpus_names(),
        workflow_sha256=workflow_version(),
    script:
        "../scripts/manifest.py"
