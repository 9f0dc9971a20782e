"""Snakemake script: frame shares and differences (wrapper around pipeline.frames_corpus.main)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.frames_corpus import main
from pipeline.logs import log_to

with log_to(snakemake.log[0]):
    main(
        snakemake.input.cues,
        snakemake.input.sentences,
        snakemake.output.frames,
        snakemake.output.differences,
        confidence=snakemake.params.confidence,
        max_pairwise_documents=snakemake.params.max_pairwise_documents,
    )
