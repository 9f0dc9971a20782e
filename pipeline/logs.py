"""Send the package's log records (and warnings) to a rule's log file."""

from __future__ import annotations

import contextlib
import logging
import signal
import sys
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any


@contextlib.contextmanager
def log_to(path: str | Path) -> Iterator[logging.Logger]:
    """Log DEBUG and up to ``path`` and INFO to stderr; log an exception before it propagates."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    logger = logging.getLogger("pipeline")
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(message)s")
    handlers: list[logging.Handler] = [
        logging.FileHandler(path, mode="w", encoding="utf-8"),
        logging.StreamHandler(sys.stderr),
    ]
    handlers[1].setLevel(logging.INFO)  # the file also keeps DEBUG: a failed stage's traceback
    for h in handlers:
        h.setFormatter(fmt)
        logger.addHandler(h)
    logger.setLevel(logging.DEBUG)
    logging.captureWarnings(True)
    # SIGTERM (scancel, a cluster time limit, a killed job) unwinds like Ctrl-C, so atomic
    # writes in progress remove their temporary files instead of leaving them behind
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm) if main else None
    try:
        yield logger
    except Exception:
        logger.exception("failed")
        raise
    finally:
        if main:
            signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
        for h in handlers:
            logger.removeHandler(h)
            h.close()


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    logging.getLogger("pipeline").error("stopped by SIGTERM")
    raise SystemExit(128 + signum)


_BREAKS = frozenset({"Cc", "Zl", "Zp"})  # control characters, line and paragraph separators


def log_problem(row: Mapping[str, Any]) -> None:
    """Write one problems.csv row to the log (errors as errors, the rest as warnings)."""
    level = logging.ERROR if row["severity"] == "error" else logging.WARNING
    source = one_line(str(row["source"]))
    logging.getLogger("pipeline").log(
        level, "%s (%s, %s): %s", source, row["doc_id"], row["stage"], one_line(row["message"])
    )


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters shown as escapes (a file
    name with a newline must not split its log line); other characters as they are."""
    if text.isprintable():
        return text
    return "".join(
        ch.encode("unicode_escape").decode() if unicodedata.category(ch) in _BREAKS else ch
        for ch in text
    )
