"""Snakemake script: frame profile and frame strip plots (wrapper around pipeline.frames_plots)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.frames_plots import STRIP_COLUMNS, plot_frame_profile, plot_frame_strip
from pipeline.logs import log_to
from pipeline.report_tables import read_table

with log_to(snakemake.log[0]):
    out = snakemake.output
    plot_frame_profile(
        read_table(snakemake.input.frames),
        out.profile,
        out.profile_svg,
        confidence=snakemake.params.confidence,
    )
    # the strip needs 4 of the sentences table's columns; its text column is most of the file
    sentences = read_table(snakemake.input.sentences, columns=STRIP_COLUMNS)
    plot_frame_strip(sentences, out.strip, out.strip_svg)
