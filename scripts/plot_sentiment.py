"""Snakemake script: sentiment arc and actor chart (wrapper around pipeline.sentiment_plots)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.corpus import metadata_labels, read_metadata
from pipeline.logs import log_to
from pipeline.report_tables import read_table
from pipeline.sentiment_plots import ARC_COLUMNS, plot_actor_sentiment, plot_sentiment_arc

with log_to(snakemake.log[0]):
    out = snakemake.output
    # the arc needs 4 of the sentences table's columns; its text column is most of the file
    sentences = read_table(snakemake.input.sentences, columns=ARC_COLUMNS)
    column = snakemake.params.group_column
    metadata = read_metadata(snakemake.input.metadata[0]) if snakemake.input.metadata else {}
    groups = metadata_labels(metadata, column) if column else None
    plot_sentiment_arc(sentences, out.arc, out.arc_svg, groups=groups)
    plot_actor_sentiment(read_table(snakemake.input.actors), out.actors, out.actors_svg)
