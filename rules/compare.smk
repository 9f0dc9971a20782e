# Comparison: TF-IDF, similarity and keyness from the chunks' term counts, then their plots.


rule compare:
    input:
        chunks=gather.chunk(result("chunks/{scatteritem}")),
        documents=table("documents"),
        metadata=metadata_file(),
    output:
        tfidf=report(
            table("tfidf_top_terms"),
            caption="../report/tfidf_top_terms.rst",
            category="Tables",
        ),
        similarity=report(
            table("similarity"), caption="../report/similarity.rst", category="Tables"
        ),
        keyness=report(
            table("keyness"), caption="../report/keyness.rst", category="Tables"
        ),
    log:
        result("logs/compare.log"),
    benchmark:
        result("benchmarks/compare.tsv")
    # heads of the longest job chains start first when cores are scarce
    priority: 2
    conda:
        "envs/rhetoric.yaml"
    resources:
        mem_mb=4000,
        runtime=60,
    params:
        options=sorted_keys(lookup(dpath="comparison", within=config)),
    script:
        "../scripts/compare.py"


rule plot_compare:
    input:
        keyness=table("keyness"),
        similarity=table("similarity"),
        documents=table("documents"),
    output:
        comparisons=report(
            directory(result("plots/comparisons")),
            patterns=["{name}.png"],
            caption="../report/comparison_plots.rst",
            category="Plots",
        ),
        similarity=report(
            result("plots/similarity.png"),
            caption="../report/similarity_plot.rst",
            category="Plots",
        ),
        similarity_svg=result("plots/similarity.svg"),
    log:
        result("logs/plot_compare.log"),
    benchmark:
        result("benchmarks/plot_compare.tsv")
    # the longest plot job, ahead of the other plots
    priority: 1
    conda:
        "envs/rhetoric.yaml"
    params:
        max_comparisons=lookup(dpath="plots/max_comparison_plots", within=config),
    script:
        "../scripts/plot_compare.py"
