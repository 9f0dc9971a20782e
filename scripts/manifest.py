"""Snakemake script: write the run manifest (wrapper around pipeline.manifest)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.logs import log_to
from pipeline.manifest import NoDocumentsError, write_manifest

with log_to(snakemake.log[0]) as log:
    try:
        write_manifest(
            snakemake.output.manifest,
            texts=snakemake.input.texts,
            metadata=snakemake.input.metadata,
            lexicons=snakemake.input.lexicons,
            documents_table=snakemake.input.documents,
            config=snakemake.params.config,
            text_names=snakemake.params.text_names,
            workflow_sha256=snakemake.params.workflow_sha256,
            accuracy=snakemake.input.accuracy,
        )
    except NoDocumentsError as exc:  # the user's message alone, without a traceback
        log.error("%s", exc)
        sys.exit(1)
