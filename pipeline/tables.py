"""Write and read the result tables: UTF-8 CSV, ``\\n`` line ends, fixed float format, atomic."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

FLOAT_FORMAT = ".6g"  # six significant digits: byte-identical across reruns, readable
_QUOTED_CHARS = (",", '"', "\r", "\n")  # a cell holding one of these is quoted


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


def atomic_write_text(path: str | Path, text: str, *, durable: bool = True) -> None:
    """Write text to ``path`` through a temporary file in the same folder and a rename."""
    atomic_write_bytes(path, text.encode("utf-8"), durable=durable)


def atomic_write_bytes(path: str | Path, data: bytes, *, durable: bool = True) -> None:
    """Write bytes to ``path`` atomically: no partial file is ever left under the final name."""
    with atomic_file(path, "wb", durable=durable) as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_file(path: str | Path, mode: str = "w", *, durable: bool = True) -> Iterator[IO[Any]]:
    """A file to write (text: UTF-8, ``\\n`` kept) that replaces ``path`` once complete.

    ``durable`` also flushes it to disk before the rename (fsync), so a power cut cannot leave
    an empty file under the final name; files that are checked and rewritten on the next run
    anyway (clean texts) skip that wait.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # the temporary name is chosen before the file exists, so a stop signal at any point after
    # its creation (mkstemp returns, then the handler could run before the try) removes it
    tmp = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"
    try:
        # O_EXCL as mkstemp; 0o666 less the umask: normal permissions (mkstemp makes 0600)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        text = {"encoding": "utf-8", "newline": ""} if mode == "w" else {}
        with os.fdopen(fd, mode, **text) as fh:
            yield fh
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_text(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, header: bool = True
) -> str:
    """Render rows as CSV text, with a header unless told not to; missing keys are empty cells."""
    head = csv_lines([list(columns)]) if header else ""
    lines = row_lines(list(rows), columns)
    return head + ("\n".join(lines) + "\n" if lines else "")


def row_lines(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> list[str]:
    """Each row's CSV line without its ``\\n``, the bytes :func:`csv_text` writes for it.

    Built column by column (:func:`value_cells`) rather than with a call per cell: a chunk's
    tables hold about a million cells.
    """
    if not columns:
        return [""] * len(rows)
    cells = [value_cells([row.get(c) for row in rows]) for c in columns]
    if len(columns) == 1:  # csv.writer quotes a lone empty cell so the row is not blank
        return [c or '""' for c in cells[0]]
    return list(map(",".join, zip(*cells)))


_NUMBER_KINDS = frozenset({int, float, bool, type(None)})  # never CSV-quoted


def value_cells(values: list[Any]) -> list[str]:
    """:func:`format_value` of each value, quoted as a CSV cell where it needs to be."""
    kinds = set(map(type, values))
    if kinds == {str}:
        cells = values
    elif len(kinds) == 1 and kinds <= _NUMBER_KINDS:  # equal values of one type format alike
        text = {v: format_value(v) for v in dict.fromkeys(values)}
        return list(map(text.__getitem__, values))
    else:
        cells = list(map(format_value, values))
    return quoted_cells(cells)


def quoted_cells(cells: list[str]) -> list[str]:
    """:func:`csv_field` of each cell; a single scan of the column when none needs quoting."""
    joined = "\x00".join(cells)
    if any(c in joined for c in _QUOTED_CHARS):
        return [csv_field(c) for c in cells]
    return cells


def csv_lines(rows: Sequence[Sequence[str]]) -> str:
    """CSV text of rows of text cells, each row ending in ``\\n``.

    csv.writer with ``\\n`` line ends leaves a cell holding a carriage return but no ``\\n``
    unquoted, which splits the row for every reader (a file name may hold one), so text with a
    carriage return is quoted cell by cell with :func:`csv_field` instead (the same bytes for
    every other cell).
    """
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    text = buf.getvalue()
    if "\r" in text:
        text = "".join(
            '""\n' if len(r) == 1 and r[0] == "" else ",".join(map(csv_field, r)) + "\n"
            for r in rows
        )
    return text


def csv_segments(
    groups: Iterable[tuple[str, Sequence[Mapping[str, Any]]]], columns: Sequence[str]
) -> tuple[bytes, list[tuple[str, int, int]]]:
    """UTF-8 CSV (header first) of rows grouped by a key such as doc_id, and the byte range
    ``(key, start, end)`` of every non-empty group, so a merge can copy groups without parsing."""
    head = csv_text((), columns).encode("utf-8")
    groups = [(key, rows) for key, rows in groups if rows]
    lines = row_lines([row for _, rows in groups for row in rows], columns)
    parts, segments, pos, end = [head], [], len(head), 0
    for key, rows in groups:
        start, end = end, end + len(rows)
        data = ("\n".join(lines[start:end]) + "\n").encode("utf-8")
        parts.append(data)
        segments.append((key, pos, pos + len(data)))
        pos += len(data)
    return b"".join(parts), segments


SEGMENTS_FILE = "segments.json"  # a chunk folder's byte ranges of each document's rows


def write_segmented_tables(
    out_dir: str | Path,
    groups: Mapping[str, Sequence[tuple[str, Sequence[Mapping[str, Any]]]]],
    columns: Mapping[str, Sequence[str]],
) -> None:
    """Write ``<name>.csv`` for every table of ``columns`` with rows grouped by document, and
    ``segments.json`` with each file's size and its documents' byte ranges (see merge)."""
    out_dir = Path(out_dir)
    index: dict[str, dict[str, Any]] = {}
    for name, cols in columns.items():
        data, segments = csv_segments(groups.get(name, ()), cols)
        atomic_write_bytes(out_dir / f"{name}.csv", data)
        index[name] = {"size": len(data), "segments": segments}
    atomic_write_text(out_dir / SEGMENTS_FILE, json.dumps({"version": 1, "tables": index}))


def read_segments(chunk_dir: str | Path) -> dict[str, Any]:
    """The per-table entries of a chunk's ``segments.json``; empty when missing or unreadable."""
    try:
        data = json.loads((Path(chunk_dir) / SEGMENTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    tables = data.get("tables") if isinstance(data, dict) and data.get("version") == 1 else None
    return tables if isinstance(tables, dict) else {}


def text_rows_csv(rows: Iterable[Sequence[str]], columns: Sequence[str]) -> str:
    """:func:`csv_text` of rows whose cells are already text, as lists in ``columns`` order.

    A short row gets empty cells and a long one is cut, as ``csv_text(dict(zip(...)))`` does.
    """
    width = len(columns)
    fitted = [r if len(r) == width else [*r[:width], *[""] * (width - len(r))] for r in rows]
    return csv_lines([list(columns), *fitted])


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


def write_table(
    path: str | Path, frame: Any, columns: Sequence[str], *, rows_per_write: int = 200_000
) -> None:
    """Write a DataFrame's ``columns`` byte for byte as :func:`write_frame` would, column-wise.

    Each distinct float is formatted once and rows are joined without a per-cell call, so
    large corpus tables (keyness, frame shares) take a fraction of ``write_frame``'s time.
    """
    if rows_per_write < 1:
        raise ValueError(f"rows_per_write must be >= 1, got {rows_per_write!r}")
    with atomic_file(path) as fh:
        csv.writer(fh, lineterminator="\n").writerow(columns)
        for start in range(0, len(frame), rows_per_write):
            part = frame.iloc[start : start + rows_per_write]
            cells = [column_cells(part[c]) for c in columns]
            if len(columns) == 1:  # csv.writer quotes a lone empty cell so the row is not blank
                cells = [[c or '""' for c in cells[0]]]
            if len(part):
                fh.write("\n".join(map(",".join, zip(*cells))) + "\n")


def column_cells(series: Any) -> list[str]:
    """A pandas column's cells as :func:`csv_text` writes them (format_value, CSV quoting)."""
    import numpy as np
    import pandas as pd

    dtype = series.dtype
    kind = dtype.kind if isinstance(dtype, np.dtype) else "O"
    if kind == "b":
        return np.where(series.to_numpy(), "1", "0").tolist()
    if kind in "iu":
        return distinct_cells(series.to_numpy(), str)
    if kind == "f":
        return float_cells(series.to_numpy(dtype=np.float64))
    cells = series.tolist()
    if not (isinstance(dtype, pd.StringDtype) and not series.hasnans):  # else: all str already
        cells = [v if type(v) is str else ("" if pd.isna(v) else format_value(v)) for v in cells]
    return quoted_cells(cells)


def float_cells(values: Any) -> list[str]:
    """Floats as :func:`format_value` writes them, each distinct value formatted once."""
    return distinct_cells(values, _float_text)


def _float_text(value: float) -> str:
    return "" if value != value else ("0" if value == 0 else format(value, FLOAT_FORMAT))


def distinct_cells(values: Any, text_of: Callable[[Any], str]) -> list[str]:
    """``text_of`` of every value of a 1-d numpy array, called once per distinct value.

    Distinct values by hashing (``pd.factorize``), a third faster than sorting them: NaNs
    collapse into one, and 0.0 and -0.0 (one or two distinct values) both read "0".
    """
    import numpy as np
    import pandas as pd

    codes, distinct = pd.factorize(values, use_na_sentinel=False)
    text = np.array([text_of(v) for v in distinct.tolist()], dtype=object)
    return text[codes].tolist()


def csv_field(text: str) -> str:
    """One cell as :func:`csv_text` writes it within a row: quoted when it holds , " \\r or \\n."""
    if "," in text or '"' in text or "\r" in text or "\n" in text:  # _QUOTED_CHARS, unrolled
        return '"' + text.replace('"', '""') + '"'
    return text


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
