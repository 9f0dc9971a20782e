"""Snakemake script: stance profile and figure sourcing plots (pipeline.stance_plots)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

import pandas as pd

from pipeline.logs import log_to
from pipeline.stance_plots import plot_figure_sourcing, plot_stance_profile

with log_to(snakemake.log[0]):
    out = snakemake.output
    plot_stance_profile(pd.read_csv(snakemake.input.documents), out.profile, out.profile_svg)
    plot_figure_sourcing(pd.read_csv(snakemake.input.figures), out.sourcing, out.sourcing_svg)
