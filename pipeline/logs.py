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
    # writes in progress remove their temporary files instead of leaving them behind; after the
    # first stop signal the next is ignored until the job's clean-up is done (Snakemake follows
    # Ctrl-C's SIGINT with SIGTERM), so it cannot cut that clean-up short. A signal the job
    # was started ignoring (nohup, trap '' INT) stays ignored.
    previous: dict[int, Any] = {}
    try:
        if threading.current_thread() is threading.main_thread():
            for sig in STOP_SIGNALS:
                handler = signal.getsignal(sig)
                if handler is signal.SIG_IGN:
                    continue
                previous[sig] = handler  # before installing: restored even if a signal comes now
                signal.signal(sig, _stop)
        yield logger
    except Exception:
        logger.exception("failed")
        raise
    finally:
        # a signal arriving between two restores would raise here and leave the other one
        # ours: held back until both are restored, then delivered to the restored handlers
        with _held(previous):
            for sig, handler in previous.items():
                signal.signal(sig, signal.SIG_DFL if handler is None else handler)
        for h in handlers:
            logger.removeHandler(h)
            h.close()


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _held(signals: Mapping[int, Any]) -> Iterator[None]:
    """Block ``signals`` in this thread for the block (where the platform can)."""
    if not signals or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, list(signals))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, list(signals))


def _stop(signum: int, frame: Any) -> None:
    """Unwind on the first stop signal (Ctrl-C's SIGINT and SIGTERM, as SystemExit with the
    shell's status, 128 + the signal's number) and ignore the ones after it."""
    for sig in STOP_SIGNALS:
        if signal.getsignal(sig) is _stop:
            signal.signal(sig, _ignore)  # a Python no-op: a second signal already pending is
            # dropped quietly (SIG_IGN would print "Signal 15 ignored due to race condition")
    logging.getLogger("pipeline").error("stopped by %s", signal.Signals(signum).name)
    # SystemExit for Ctrl-C too: it unwinds the same way, and Python prints no traceback for it
    # (a KeyboardInterrupt's filled the terminal with 35 lines after this one's log line)
    raise SystemExit(128 + signum)


def _ignore(signum: int, frame: Any) -> None:
    """A stop signal after the first, while the job unwinds: logged and otherwise ignored."""
    logging.getLogger("pipeline").warning(
        "ignored %s: the job is stopping", signal.Signals(signum).name
    )


_BREAKS = frozenset({"Cc", "Zl", "Zp"})  # control characters, line and paragraph separators


def log_problem(row: Mapping[str, Any]) -> None:
    """Write one problems.csv row to the log (errors as errors, the rest as warnings)."""
    level = logging.ERROR if row["severity"] == "error" else logging.WARNING
    source = one_line(str(row["source"]))
    where = ", ".join(one_line(str(x)) for x in (row["doc_id"], row["stage"]) if str(x))
    logging.getLogger("pipeline").log(level, "%s (%s): %s", source, where, one_line(row["message"]))


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters shown as escapes (a file
    name with a newline must not split its log line); other characters as they are."""
    if text.isprintable():
        return text
    return "".join(
        ch.encode("unicode_escape").decode() if unicodedata.category(ch) in _BREAKS else ch
        for ch in text
    )
