"""Snakemake script: keyness charts, term scatters and the similarity heatmap (compare_plots)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

import pandas as pd

from pipeline.compare_plots import comparison_plots, similarity_heatmap
from pipeline.logs import log_to

with log_to(snakemake.log[0]):
    out = snakemake.output
    keyness = pd.read_csv(snakemake.input.keyness, keep_default_na=False, na_values=[""])
    Path(out.comparisons).mkdir(parents=True, exist_ok=True)
    comparison_plots(keyness, out.comparisons, max_comparisons=snakemake.params.max_comparisons)
    doc_ids = pd.read_csv(snakemake.input.documents, usecols=["doc_id"], dtype=str)["doc_id"]
    similarity = pd.read_csv(snakemake.input.similarity, dtype={"doc_a": str, "doc_b": str})
    similarity_heatmap(similarity, doc_ids, out.similarity, out.similarity_svg)
