"""Snakemake script: keyness charts, term scatters and the similarity heatmap (compare_plots)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.compare_plots import comparison_plots, similarity_heatmap
from pipeline.logs import log_to
from pipeline.report_tables import read_first_comparisons, read_table

with log_to(snakemake.log[0]):
    out = snakemake.output
    max_comparisons = snakemake.params.max_comparisons
    keyness, _ = read_first_comparisons(snakemake.input.keyness, max_comparisons)
    Path(out.comparisons).mkdir(parents=True, exist_ok=True)
    comparison_plots(keyness, out.comparisons, max_comparisons=max_comparisons)
    doc_ids = read_table(snakemake.input.documents, columns=["doc_id"])["doc_id"]
    similarity = read_table(snakemake.input.similarity)
    similarity_heatmap(similarity, doc_ids, out.similarity, out.similarity_svg)
