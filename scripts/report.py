"""Snakemake script: the self-contained HTML report (wrapper around pipeline.report)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(snakemake.scriptdir).parent))

from pipeline.corpus import metadata_labels, read_metadata
from pipeline.logs import log_to
from pipeline.report import build_report

with log_to(snakemake.log[0]):
    tables_dir = Path(snakemake.input.tables[0]).parent
    column = snakemake.params.group_column
    metadata = read_metadata(snakemake.input.metadata[0]) if snakemake.input.metadata else {}
    groups = metadata_labels(metadata, column) if column else None
    build_report(
        tables_dir=tables_dir,
        docs_dir=tables_dir.parent / "docs",
        plots_dir=Path(snakemake.input.plots[0]).parent,
        manifest_path=snakemake.input.manifest,
        out_path=snakemake.output.html,
        max_documents_inline=snakemake.params.max_documents_inline,
        top_terms=snakemake.params.top_terms,
        max_inline_chars=snakemake.params.max_inline_chars,
        groups=groups,
        accuracy_path=snakemake.input.accuracy,
    )
