# Policy frames: shares per document with exact intervals, differences, plots.


rule frames:
    input:
        cues=table("frame_cues"),
        sentences=table("sentences"),
    output:
        frames=report(
            table("frames"), caption="../report/frames.rst", category="Tables"
        ),
        differences=report(
            table("frame_differences"),
            caption="../report/frame_differences.rst",
            category="Tables",
        ),
    log:
        result("logs/frames.log"),
    benchmark:
        result("benchmarks/frames.tsv")
    # heads of the longest job chains start first when cores are scarce
    priority: 2
    conda:
        "envs/rhetoric.yaml"
    resources:
        mem_mb=4000,
        runtime=60,
    params:
        confidence=lookup(dpath="frames/confidence", within=config),
        max_pairwise_documents=lookup(
            dpath="frames/max_pairwise_documents", within=config
        ),
    script:
        "../scripts/frames.py"


rule plot_frames:
    input:
        frames=table("frames"),
        sentences=table("sentences"),
    output:
        profile=report(
            result("plots/frame_profile.png"),
            caption="../report/frame_profile.rst",
            category="Plots",
        ),
        profile_svg=result("plots/frame_profile.svg"),
        strip=report(
            result("plots/frame_strip.png"),
            caption="../report/frame_strip.rst",
            category="Plots",
        ),
        strip_svg=result("plots/frame_strip.svg"),
    log:
        result("logs/plot_frames.log"),
    benchmark:
        result("benchmarks/plot_frames.tsv")
    # waits for frames: ahead of the plots that could run earlier
    priority: 1
    conda:
        "envs/rhetoric.yaml"
    params:
        # the level of frames.csv's intervals, named on the axis
        confidence=lookup(dpath="frames/confidence", within=config),
    script:
        "../scripts/plot_frames.py"
