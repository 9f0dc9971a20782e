# The comparison report: one self-contained HTML page built from every table and plot.


rule report:
    input:
        tables=[*published_tables().values(), *corpus_tables()],
        plots=plot_files(),
        comparison_plots=result("plots/comparisons"),
        manifest=result("manifest.json"),
        metadata=metadata_file(),
        accuracy=ACCURACY_FILE,
    output:
        # update(): Snakemake puts the earlier report back when this job fails or is stopped
        html=update(
            report(
                result("report.html"),
                caption="../report/report.rst",
                category="Report",
            )
        ),
    log:
        result("logs/report.log"),
    benchmark:
        result("benchmarks/report.tsv")
    conda:
        "envs/rhetoric.yaml"
    resources:
        mem_mb=2000,
        runtime=30,
    params:
        max_documents_inline=lookup(dpath="report/max_documents_inline", within=config),
        top_terms=lookup(dpath="report/top_terms", within=config),
        max_inline_chars=lookup(dpath="report/max_inline_chars", within=config),
        # groups of documents compared in "What differs" (metadata.csv column)
        group_column=lookup(
            dpath="comparison/group_column", within=config, default=None
        ),
    script:
        "../scripts/report.py"
