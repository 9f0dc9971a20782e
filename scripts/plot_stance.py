"""Snakemake script: stance profile and figure sourcing plots (pipeline.stance_plots)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.logs import log_to
from pipeline.report_tables import read_table
from pipeline.stance_plots import plot_figure_sourcing, plot_stance_profile

with log_to(snakemake.log[0]):
    out = snakemake.output
    documents = read_table(snakemake.input.documents)
    plot_stance_profile(documents, out.profile, out.profile_svg)
    plot_figure_sourcing(documents, out.sourcing, out.sourcing_svg)
