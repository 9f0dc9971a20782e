"""NLTK's Punkt sentence tokenizer, imported without the rest of NLTK."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def import_punkt() -> ModuleType:
    """``nltk.tokenize.punkt`` without running the ``nltk`` and ``nltk.tokenize`` package inits.

    Those inits import all of NLTK, scipy.stats and scikit-learn (about 1.2 s in every chunk
    job); Punkt itself needs a few small modules. Placeholder package modules stand in while
    Punkt is imported; afterwards every NLTK module loaded this way leaves ``sys.modules``, so
    a later ``import nltk`` loads NLTK as usual.
    """
    if "nltk" in sys.modules:
        return importlib.import_module("nltk.tokenize.punkt")
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("NLTK is not installed")
    root = Path(next(iter(spec.submodule_search_locations)))
    for name, path in (("nltk", root), ("nltk.tokenize", root / "tokenize")):
        module = ModuleType(name)
        module.__path__ = [str(path)]
        sys.modules[name] = module
    try:
        return importlib.import_module("nltk.tokenize.punkt")
    finally:
        for name in [m for m in sys.modules if m == "nltk" or m.startswith("nltk.")]:
            del sys.modules[name]
