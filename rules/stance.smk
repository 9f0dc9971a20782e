# Stance plots (markers, figures and questions are found in the chunks).


rule plot_stance:
    input:
        documents=table("documents"),
    output:
        profile=report(
            result("plots/stance_profile.png"),
            caption="../report/stance_profile.rst",
            category="Plots",
        ),
        profile_svg=result("plots/stance_profile.svg"),
        sourcing=report(
            result("plots/figure_sourcing.png"),
            caption="../report/figure_sourcing.rst",
            category="Plots",
        ),
        sourcing_svg=result("plots/figure_sourcing.svg"),
    log:
        result("logs/plot_stance.log"),
    benchmark:
        result("benchmarks/plot_stance.tsv")
    conda:
        "envs/rhetoric.yaml"
    script:
        "../scripts/plot_stance.py"
