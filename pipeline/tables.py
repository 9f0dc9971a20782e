"""Write and read the result tables: UTF-8 CSV, ``\\n`` line ends, fixed float format, atomic."""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

FLOAT_FORMAT = ".6g"
_UMASK = os.umask(0)
os.umask(_UMASK)  # six significant digits: byte-identical across reruns, readable


def format_value(value: Any) -> str:
    """Format one cell: floats with six significant digits, NaN/None empty, bools as 0/1."""
    kind = type(value)
    if kind is str:  # fast paths for the common cell types
        return value
    if kind is int:
        return str(value)
    if value is None:
        return ""
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
        return "1" if value else "0"
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        value = float(value)
        if math.isnan(value):
            return ""
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        text = format(value, FLOAT_FORMAT)
        return "0" if text in ("-0", "0") else text
    if type(value).__name__.startswith(("int", "uint")):
        return str(int(value))
    return str(value)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write text to ``path`` through a temporary file in the same folder and a rename."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write bytes to ``path`` atomically: no partial file is ever left under the final name."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the file normal permissions
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """Render rows as CSV text with a header; missing keys are empty cells."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([format_value(row.get(c)) for c in columns])
    return buf.getvalue()


def write_csv(
    path: str | Path,
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    sort_by: Sequence[str] | None = None,
) -> None:
    """Write rows to ``path`` atomically, optionally sorted by the given key columns."""
    rows = list(rows)
    if sort_by:
        rows.sort(key=lambda r: tuple(_sort_key(r.get(c)) for c in sort_by))
    atomic_write_text(path, csv_text(rows, columns))


def write_frame(path: str | Path, frame: Any, *, sort_by: Sequence[str] | None = None) -> None:
    """Write a pandas DataFrame with the same formatting rules as :func:`write_csv`."""
    columns = list(frame.columns)
    write_csv(path, frame.to_dict("records"), columns, sort_by=sort_by)


def read_csv_rows(path: str | Path) -> list[dict[str, str]]:
    """Read a CSV written by :func:`write_csv` into a list of string dicts."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_csv_header(path: str | Path) -> list[str]:
    """Column names of a CSV file."""
    with open(path, encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh), [])


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    if isinstance(value, bool):
        return (1, int(value))
    if isinstance(value, (int, float)):
        return (1, value)
    return (2, str(value))
