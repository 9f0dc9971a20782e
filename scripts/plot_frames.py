"""Snakemake script: frame profile and frame strip plots (wrapper around pipeline.frames_plots)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

import pandas as pd

from pipeline.frames_plots import plot_frame_profile, plot_frame_strip
from pipeline.logs import log_to

with log_to(snakemake.log[0]):
    out = snakemake.output
    plot_frame_profile(pd.read_csv(snakemake.input.frames), out.profile, out.profile_svg)
    plot_frame_strip(pd.read_csv(snakemake.input.sentences), out.strip, out.strip_svg)
