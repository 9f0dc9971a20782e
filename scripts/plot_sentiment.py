"""Snakemake script: sentiment arc and actor chart (wrapper around pipeline.sentiment_plots)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

import pandas as pd

from pipeline.logs import log_to
from pipeline.sentiment_plots import plot_actor_sentiment, plot_sentiment_arc

with log_to(snakemake.log[0]):
    out = snakemake.output
    plot_sentiment_arc(pd.read_csv(snakemake.input.sentences), out.arc, out.arc_svg)
    plot_actor_sentiment(pd.read_csv(snakemake.input.actors), out.actors, out.actors_svg)
