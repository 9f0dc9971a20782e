"""rhetoric-compare: pure functions that turn a corpus into framing evidence.

Data flows one way: corpus file -> clean text -> sentences/tokens -> per-sentence
scores -> per-document aggregates -> corpus-level comparisons -> plots and report.
Nothing in this package imports snakemake; rules pass paths and config values in.
"""

__version__ = "0.1.0"
