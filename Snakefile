# rhetoric-compare: how do the documents of a corpus frame an issue differently?
# Wiring only: the rules live in rules/*.smk, the analysis in the pipeline/ package.


from snakemake.utils import min_version

min_version("9.0")


# the shipped defaults wherever Snakemake runs: a relative path is skipped without a word when
# --configfile is given from another folder, and the analysis ran on the schema's defaults
configfile: f"{workflow.basedir}/config/config.yaml"


# Per-document work runs in chunks; raise the count on a cluster with --set-scatter chunk=N.
scattergather:
    chunk=4,


# Small corpus-level jobs run on the submitting machine under a cluster executor.
localrules:
    manifest,
    plot_sentiment,
    plot_stance,
    plot_frames,
    plot_compare,
    report,


include: "rules/common.smk"
include: "rules/ingest.smk"
include: "rules/sentiment.smk"
include: "rules/stance.smk"
include: "rules/frames.smk"
include: "rules/compare.smk"
include: "rules/manifest.smk"
include: "rules/report.smk"


rule all:
    default_target: True
    input:
        final_outputs(),
