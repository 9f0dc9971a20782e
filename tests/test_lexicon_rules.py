"""Tests for the context rules compiled on first use (pipeline.stance_lexicon.row_rules): every
rule of the shipped lexicons compiles, so their loaders leave them uncompiled; a user's file's
rules, and a shipped row's under a macro a user's file redefines, are compiled at load."""

from __future__ import annotations

import pytest

from pipeline.frames import load_frame_lexicon
from pipeline.lexicon import LEXICON_DIR, read_lexicon
from pipeline.stance_lexicon import (
    MACRO_RE,
    RULE_COLUMNS,
    ContextRules,
    compile_rules,
    default_lexicon_paths,
    lexicon_macros,
    shipped_rules,
    stance_entries,
)


def _header(path) -> list[str]:
    """The columns of a TSV file's header row (its first line not a # line)."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return next(line for line in lines if not line.startswith("#")).split("\t")


# the shipped files with context rules
RULE_LEXICONS = sorted(p for p in LEXICON_DIR.glob("*.tsv") if set(_header(p)) & set(RULE_COLUMNS))

LONG_RULE = 30  # characters: a shared rule this long is a macro


def test_the_shipped_lexicons_with_rules_are_found() -> None:
    names = {path.name for path in RULE_LEXICONS}
    assert {"stance.tsv", "frames.tsv", "sentiment_senses.tsv"} <= names


@pytest.mark.parametrize("path", RULE_LEXICONS, ids=lambda p: p.name)
def test_every_rule_of_a_shipped_lexicon_compiles(path) -> None:
    """The rules the loaders compile on first use (with the file's own macros), all of them."""
    lexicon, macros = read_lexicon([path], required=("pattern",)), lexicon_macros([path])
    compiled = [compile_rules(row, macros, lexicon.where(i)) for i, row in enumerate(lexicon.rows)]
    assert any(compiled)
    assert all(shipped_rules(row, macros, str(path)) for row in lexicon.rows)


def test_the_shipped_rules_are_compiled_on_first_use() -> None:
    entries, _ = stance_entries(default_lexicon_paths())
    ruled = [e for e in entries if e.context is not None]
    assert ruled and not any("compiled" in vars(e.context) for e in ruled)
    assert all(e.rules == e.context.compiled for e in ruled)  # compiled when read
    frames = [r for r in load_frame_lexicon().rules if r is not None]
    assert frames and not any("compiled" in vars(r) for r in frames)


def test_a_users_rows_are_not_shipped(tmp_path) -> None:
    copy = tmp_path / "stance.tsv"  # a shipped file's name and rows elsewhere
    copy.write_bytes(default_lexicon_paths()[0].read_bytes())
    row = {"pattern": "x", "not_before": "@NEG"}
    macros = lexicon_macros(default_lexicon_paths())
    assert shipped_rules(row, macros, str(default_lexicon_paths()[0]))
    assert not shipped_rules(row, macros, str(copy))
    assert not shipped_rules(row, macros, "")


def _user_file(tmp_path, lines: str):
    path = tmp_path / "user.tsv"
    path.write_text(
        f"# version: u1\n{lines}pattern\tcategory\tsubtype\nzzqx\thedge\tadverb\n",
        encoding="utf-8",
    )
    return path


def test_a_shipped_row_under_a_users_bad_macro_is_refused_at_load(tmp_path) -> None:
    """A user's file may redefine a macro the shipped rows use: those rows are then compiled at
    load, and a bad one is named with its row."""
    path = _user_file(tmp_path, "# define NEG: (not\n")
    with pytest.raises(ValueError, match=r"stance\.tsv, line \d+: entry '.+': bad \w+ regex"):
        stance_entries([*default_lexicon_paths(), path])


def test_a_shipped_row_under_a_users_macro_reads_it(tmp_path) -> None:
    path = _user_file(tmp_path, "# define NEG: never\n")
    entries, _ = stance_entries([*default_lexicon_paths(), path])
    rules = [
        rule
        for e in entries
        for rule, source in zip(e.rules or (), e.context.sources if e.context else (), strict=True)
        if source and source.startswith("(?:(?<!\\w)|(?!\\w))(?:(?:never)")
    ]
    assert rules
    assert all(rule.search("they never ") and not rule.search("they not ") for rule in rules)


def test_a_users_bad_rule_is_refused_at_load(tmp_path) -> None:
    path = tmp_path / "user.tsv"
    path.write_text(
        "# version: u1\npattern\tcategory\tsubtype\tnot_before\nzzqx\thedge\tadverb\t(\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"user\.tsv, line 3: entry 'zzqx': bad not_before regex"):
        stance_entries([*default_lexicon_paths(), path])


def test_a_bad_rule_compiled_on_first_use_is_named() -> None:
    """A shipped file edited in place (its tests not run) names the row when the rule is read."""
    rules = ContextRules((None, "(", None, None), "stance.tsv, line 9: entry 'x'")
    assert rules.rule("not_before") is None
    with pytest.raises(
        ValueError, match=r"^stance\.tsv, line 9: entry 'x': bad not_after regex '\(': "
    ):
        rules.rule("not_after")
    with pytest.raises(ValueError, match="bad not_after regex"):
        _ = rules.compiled


@pytest.mark.parametrize("path", RULE_LEXICONS, ids=lambda p: p.name)
def test_every_macro_of_a_shipped_lexicon_is_used(path) -> None:
    """A macro no row nor other macro names is left over from an edit."""
    macros = lexicon_macros([path])
    lexicon = read_lexicon([path], required=("pattern",))
    text = "\n".join(
        [*macros.values(), *(row.get(c) or "" for row in lexicon.rows for c in RULE_COLUMNS)]
    )
    assert set(macros) <= set(MACRO_RE.findall(text))


@pytest.mark.parametrize("path", RULE_LEXICONS, ids=lambda p: p.name)
def test_no_long_rule_is_written_out_in_two_rows(path) -> None:
    """Rule text two rows share is a macro (stance 1.37.5, frames 1.14.10): else a later edit
    mends one copy and not the other."""
    lexicon = read_lexicon([path], required=("pattern",))
    seen: dict[str, str] = {}
    for row in lexicon.rows:
        for column in RULE_COLUMNS:
            rule = row.get(column) or ""
            if len(rule) >= LONG_RULE:
                assert seen.setdefault(rule, row["pattern"]) == row["pattern"], (
                    f"{column} of {row['pattern']!r} is written out as in {seen[rule]!r}"
                )
