"""Snakemake script: merge the chunk tables into results/tables/ (wrapper around pipeline.merge)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.corpus import SkippedFile, read_metadata
from pipeline.logs import log_to
from pipeline.manifest import NoDocumentsError
from pipeline.merge import merge_chunks

with log_to(snakemake.log[0]) as log:
    skipped = [SkippedFile(rel, message) for rel, message in snakemake.params.skipped]
    metadata = read_metadata(snakemake.input.metadata[0]) if snakemake.input.metadata else {}
    outputs = dict(snakemake.output.items())
    try:
        merge_chunks(
            snakemake.input.chunks,
            tables=list(outputs),
            out_paths=outputs,
            metadata=metadata,
            skipped=skipped,
            config_problems=snakemake.params.config_problems,
            group_column=snakemake.params.group_column,
            docs_dir=snakemake.params.docs_dir,
            duplicates=snakemake.params.duplicates,
            expected=snakemake.params.expected,
            metadata_name=Path(snakemake.input.metadata[0]).name
            if snakemake.input.metadata
            else "",
        )
    except NoDocumentsError as exc:  # the user's message alone, without a traceback
        log.error("%s", exc)
        sys.exit(1)
