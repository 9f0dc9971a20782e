from __future__ import annotations

import csv
import io
import math
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.logs import log_to
from pipeline.tables import (
    atomic_write_text,
    csv_lines,
    csv_segments,
    csv_text,
    format_value,
    read_csv_rows,
    text_rows_csv,
    write_csv,
    write_frame,
    write_table,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.1 + 0.2, "0.3"),
        (1 / 3, "0.333333"),
        (-0.0, "0"),
        (-1e-12, "-1e-12"),
        (123456789.0, "1.23457e+08"),
        (math.nan, ""),
        (None, ""),
        (True, "1"),
        (False, "0"),
        (7, "7"),
        ("a,b", "a,b"),
    ],
)
def test_format_value(value, text):
    assert format_value(value) == text


def test_numpy_values_format_like_python():
    np = pytest.importorskip("numpy")
    assert format_value(np.float64(1 / 3)) == "0.333333"
    assert format_value(np.int64(5)) == "5"
    assert format_value(np.bool_(True)) == "1"
    assert format_value(np.float32(math.nan)) == ""


def test_csv_quotes_and_line_ends():
    text = csv_text([{"a": 'say "hi", then\nleave', "b": 1.5}], ["a", "b"])
    assert text == 'a,b\n"say ""hi"", then\nleave",1.5\n'


cell_rows = st.lists(
    st.lists(st.text(alphabet=st.sampled_from('ab ,"\r\n\té'), max_size=5), min_size=1, max_size=4),
    max_size=4,
)


@given(rows=cell_rows)
def test_csv_lines_read_back_to_the_same_cells(rows):
    back = list(csv.reader(io.StringIO(csv_lines(rows), newline="")))
    assert back == rows


@given(rows=cell_rows)
def test_csv_lines_are_csv_writer_bytes_when_no_cell_holds_a_carriage_return(rows):
    rows = [[c.replace("\r", "") for c in r] for r in rows]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    assert csv_lines(rows) == buf.getvalue()


def _per_cell_csv(rows, columns, *, header=True):
    """The CSV text with one format_value call per cell: what csv_text must equal."""
    return csv_lines(
        ([list(columns)] if header else [])
        + [[format_value(row.get(c)) for c in columns] for row in rows]
    )


awkward_text = st.text(alphabet=st.sampled_from('ab 1,"\r\n\té'), max_size=5)
cell_values = {  # a column of one type (formatted once per distinct value) or of several
    "text": awkward_text,
    "int": st.integers(-(10**25), 10**25) | st.sampled_from([0, 1, 7]),
    "float": st.floats() | st.sampled_from([0.0, -0.0, 1.0, 1e20, math.nan]),
    "bool": st.booleans(),
    "none": st.none(),
    "mixed": st.one_of(
        awkward_text, st.integers(), st.floats(), st.booleans(), st.none(), st.just(10**20)
    ),
}


@st.composite
def value_tables(draw):
    """(rows, columns): a few columns, each of one kind of value, and some keys missing."""
    columns = draw(st.lists(st.sampled_from("abcdef"), max_size=4, unique=True))
    kinds = {c: cell_values[draw(st.sampled_from(sorted(cell_values)))] for c in columns}
    rows = draw(
        st.lists(st.fixed_dictionaries({}, optional={c: kinds[c] for c in columns}), max_size=6)
    )
    return rows, columns


@given(table=value_tables(), header=st.booleans())
def test_csv_text_is_the_per_cell_text(table, header):
    rows, columns = table
    assert csv_text(rows, columns, header=header) == _per_cell_csv(rows, columns, header=header)


@pytest.mark.parametrize(
    ("column", "text"),
    [
        ([10**20, 1e20, 10**20], "100000000000000000000\n1e+20\n100000000000000000000\n"),
        ([1, True, 1.0, 0, False, -0.0], "1\n1\n1\n0\n0\n0\n"),
        ([math.nan, None, 0.5, math.nan], '""\n""\n0.5\n""\n'),
        (["a,b", 2, None, "c\rd"], '"a,b"\n2\n""\n"c\rd"\n'),
        (["x", ""], 'x\n""\n'),
    ],
)
def test_csv_text_formats_equal_values_of_different_types_apart(column, text):
    rows = [{"v": v} for v in column]
    assert csv_text(rows, ["v"]) == _per_cell_csv(rows, ["v"]) == "v\n" + text


@given(table=value_tables(), sizes=st.lists(st.integers(0, 3), max_size=4))
def test_csv_segments_hold_each_group_at_its_byte_range(table, sizes):
    rows, columns = table
    groups, start = [], 0
    for i, size in enumerate(sizes):
        groups.append((f"d{i}", rows[start : start + size]))
        start += size
    data, segments = csv_segments(groups, columns)
    head = _per_cell_csv([], columns).encode("utf-8")
    texts = {k: _per_cell_csv(g, columns, header=False).encode("utf-8") for k, g in groups}
    assert data == head + b"".join(texts.values())
    assert [k for k, _, _ in segments] == [k for k, g in groups if g]
    assert all(data[start:end] == texts[k] for k, start, end in segments)


def test_a_lone_carriage_return_is_quoted(tmp_path):
    assert csv_lines([["a\rb", "c"], [""]]) == '"a\rb",c\n""\n'
    frame = pytest.importorskip("pandas").DataFrame({"name": ["odd\rname.txt", "x"], "n": [1, 2]})
    write_table(tmp_path / "t.csv", frame, ["name", "n"])
    assert (tmp_path / "t.csv").read_bytes() == b'name,n\n"odd\rname.txt",1\nx,2\n'
    assert read_csv_rows(tmp_path / "t.csv")[0]["name"] == "odd\rname.txt"


def test_write_csv_sorts_and_round_trips(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(path, [{"k": "b", "v": 2}, {"k": "a", "v": 1}], ["k", "v"], sort_by=["k"])
    assert path.read_bytes() == b"k,v\na,1\nb,2\n"
    assert read_csv_rows(path) == [{"k": "a", "v": "1"}, {"k": "b", "v": "2"}]


def test_atomic_write_leaves_no_partial_file(tmp_path, monkeypatch):
    path = tmp_path / "out.txt"
    atomic_write_text(path, "old")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        atomic_write_text(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_float_format_is_stable(x):
    assert format_value(x) == format_value(float(format_value(x)))


@pytest.mark.parametrize(
    "cells",
    [
        ["a,b", 'q"x', "nan", "line\nbreak", "cr\rlf", "", None, " spaced "],
        [1 / 3, -0.0, math.nan, math.inf, -math.inf, 1e-320, 123456789.0, 0.1 + 0.2],
        [True, False, True, False, True, False, True, False],
        [1, 2.5, "x", None, True, math.nan, -0.0, "y,z"],
        ["plain", "a,b", "", 'q"x', "ü", "nan", "1e5", "plain"],  # text, none missing
    ],
)
def test_write_table_is_write_frame_byte_for_byte(tmp_path, cells):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"cell": cells, "n": range(len(cells)), "x": [0.25] * len(cells)})
    write_frame(tmp_path / "slow.csv", frame)
    for name, columns, rows in (("fast", list(frame.columns), 3), ("one", ["cell"], 100)):
        write_table(tmp_path / f"{name}.csv", frame, columns, rows_per_write=rows)
    assert (tmp_path / "fast.csv").read_bytes() == (tmp_path / "slow.csv").read_bytes()
    write_frame(tmp_path / "slow_one.csv", frame[["cell"]])
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "slow_one.csv").read_bytes()


def test_text_rows_csv_pads_short_rows_and_cuts_long_ones():
    rows = [["a", "b"], ["c"], ["d", "e", "f"], ["g,h", ""]]
    expected = csv_text([dict(zip(["x", "y"], r)) for r in rows], ["x", "y"])
    assert text_rows_csv(rows, ["x", "y"]) == expected == 'x,y\na,b\nc,\nd,e\n"g,h",\n'


def writing_job(tmp_path: Path, **popen: Any) -> subprocess.Popen:
    """A job under ``log_to`` that has started an atomic write and waits in the middle of it."""
    root = Path(__file__).resolve().parents[1]
    script = f"""
import sys, time
sys.path.insert(0, {str(root)!r})
from pipeline.logs import log_to
from pipeline.tables import atomic_file
with log_to({str(tmp_path / "job.log")!r}):
    with atomic_file({str(tmp_path / "t.csv")!r}) as fh:
        fh.write("a,b\\n")
        print("writing", flush=True)
        time.sleep(60)
"""
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, **popen
    )
    assert proc.stdout.readline().strip() == "writing"
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # the write is under way
    return proc


def test_sigterm_during_an_atomic_write_leaves_no_temporary_file(tmp_path):
    proc = writing_job(tmp_path)
    proc.terminate()
    assert proc.wait(timeout=60) == 128 + 15
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.log"]
    assert "stopped by SIGTERM" in (tmp_path / "job.log").read_text(encoding="utf-8")


def test_sigterm_after_ctrl_c_cannot_cut_the_clean_up_short(tmp_path):
    # Snakemake follows Ctrl-C's SIGINT with SIGTERM to its jobs: the second signal is ignored,
    # so the first one's unwinding removes the temporary file (an interrupted test run left one)
    proc = writing_job(tmp_path)
    proc.send_signal(signal.SIGINT)
    proc.send_signal(signal.SIGTERM)
    # SIGTERM is ignored while the job unwinds; it may also arrive after the clean-up, once
    # log_to has given the default handlers back, and end the job a moment early
    assert proc.wait(timeout=60) in (128 + signal.SIGINT, -signal.SIGTERM)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.log"]
    log = (tmp_path / "job.log").read_text(encoding="utf-8")
    assert "stopped by SIGINT" in log and "stopped by SIGTERM" not in log


def test_ctrl_c_stops_a_job_without_a_traceback(tmp_path):
    """A robustness probe: every Ctrl-C printed some 35 lines of a KeyboardInterrupt's
    traceback after the job's "stopped by SIGINT"."""
    proc = writing_job(tmp_path, stderr=subprocess.PIPE)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=60) == 128 + signal.SIGINT
    err = proc.stderr.read()
    assert "stopped by SIGINT" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.log"]


def test_log_to_gives_the_handlers_back_and_keeps_an_ignored_signal_ignored(tmp_path):
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # as under nohup or trap '' TERM
    try:
        with log_to(tmp_path / "a.log"):
            assert signal.getsignal(signal.SIGINT) is not before[signal.SIGINT]  # ours
            assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGINT) is before[signal.SIGINT]
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def test_a_stop_right_after_the_temporary_file_is_made_leaves_none(tmp_path, monkeypatch):
    """A stop signal can come as soon as the temporary file exists: with mkstemp, before the
    code that removes it had started (an interrupted run's review found one left behind)."""
    import os

    from pipeline import tables

    real_open = os.open

    def open_then_stop(path, flags, mode=0o777):
        os.close(real_open(path, flags, mode))
        raise KeyboardInterrupt

    monkeypatch.setattr(tables.os, "open", open_then_stop)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(tmp_path / "t.csv", "x")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(tables.os, "open", real_open)
    atomic_write_text(tmp_path / "t.csv", "x")  # normal permissions: 0o666 less the umask
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "t.csv").stat().st_mode & 0o777 == 0o666 & ~umask
