# The run manifest: input hashes, package versions, effective config.


rule manifest:
    input:
        texts=corpus_texts(),
        metadata=metadata_file(),
        lexicons=lexicon_files(),
        documents=table("documents"),
    output:
        manifest=report(
            result("manifest.json"),
            caption="../report/manifest.rst",
            category="Run",
        ),
    params:
        config=config,
        corpus_dir=config["corpus_dir"],
    log:
        result("logs/manifest.log"),
    conda:
        "envs/rhetoric.yaml"
    script:
        "../scripts/manifest.py"
