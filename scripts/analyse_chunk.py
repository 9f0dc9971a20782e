"""Snakemake script: analyse one chunk of documents (thin wrapper around pipeline.chunk)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.chunk import analyse_chunk
from pipeline.chunk_settings import SETTINGS_PARAM, ChunkSettings
from pipeline.corpus import SourceFile
from pipeline.logs import log_to

with log_to(snakemake.log[0]):
    sources = [
        SourceFile(doc_id, Path(path), rel)
        for (doc_id, rel), path in zip(snakemake.params.members, snakemake.input.texts, strict=True)
    ]
    analyse_chunk(
        sources,
        out_dir=snakemake.output.chunk,
        docs_dir=snakemake.params.docs_dir,
        settings=ChunkSettings.from_config(
            {k: snakemake.params[SETTINGS_PARAM + k] for k in ChunkSettings.sections()}
        ),
        cache_path=snakemake.params.cache,
    )
