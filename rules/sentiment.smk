# Sentiment plots (the per-sentence scores are computed in the chunks).


rule plot_sentiment:
    input:
        sentences=table("sentences"),
        actors=table("actor_sentiment"),
        # only for the groups: without them a metadata edit re-runs nothing here
        metadata=metadata_file() if GROUP_COLUMN else [],
    output:
        arc=report(
            result("plots/sentiment_arc.png"),
            caption="../report/sentiment_arc.rst",
            category="Plots",
        ),
        arc_svg=result("plots/sentiment_arc.svg"),
        actors=report(
            result("plots/actor_sentiment.png"),
            caption="../report/actor_sentiment_plot.rst",
            category="Plots",
        ),
        actors_svg=result("plots/actor_sentiment.svg"),
    log:
        result("logs/plot_sentiment.log"),
    benchmark:
        result("benchmarks/plot_sentiment.tsv")
    conda:
        "envs/rhetoric.yaml"
    params:
        # with groups, the arc shows a document of each group in turn
        group_column=lookup(
            dpath="comparison/group_column", within=config, default=None
        ),
    script:
        "../scripts/plot_sentiment.py"
