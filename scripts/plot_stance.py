"""Snakemake script: stance profile and figure sourcing plots (pipeline.stance_plots)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.logs import log_to
from pipeline.report_tables import read_table
from pipeline.stance_plots import SOURCING_COLUMNS, plot_figure_sourcing, plot_stance_profile

with log_to(snakemake.log[0]):
    out = snakemake.output
    plot_stance_profile(read_table(snakemake.input.documents), out.profile, out.profile_svg)
    figures = read_table(snakemake.input.figures, columns=SOURCING_COLUMNS)
    plot_figure_sourcing(figures, out.sourcing, out.sourcing_svg)
