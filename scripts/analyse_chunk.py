"""Snakemake script: analyse one chunk of documents (thin wrapper around pipeline.chunk)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.chunk import ChunkSettings, analyse_chunk  # noqa: E402
from pipeline.corpus import SourceFile  # noqa: E402
from pipeline.logs import log_to  # noqa: E402

with log_to(snakemake.log[0]):
    corpus = Path(snakemake.config["corpus_dir"])
    sources = [SourceFile(doc_id, corpus / rel, rel) for doc_id, rel in snakemake.params.members]
    analyse_chunk(
        sources,
        out_dir=snakemake.output.chunk,
        docs_dir=snakemake.params.docs_dir,
        settings=ChunkSettings.from_config(snakemake.params.settings),
    )
