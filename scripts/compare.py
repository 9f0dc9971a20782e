"""Snakemake script: TF-IDF, similarity and keyness tables (wrapper around pipeline.compare)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.compare import main
from pipeline.logs import log_to

with log_to(snakemake.log[0]):
    main(
        term_counts=[Path(d) / "term_counts.csv" for d in snakemake.input.chunks],
        documents=snakemake.input.documents,
        tfidf_top_terms=snakemake.output.tfidf,
        similarity=snakemake.output.similarity,
        keyness=snakemake.output.keyness,
        metadata=snakemake.input.metadata[0] if snakemake.input.metadata else None,
        options=snakemake.params.options,
    )
