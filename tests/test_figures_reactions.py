"""A reaction is no figure's source (stance lexicon column ``kind``, 2026-12-06).

People who react to what happened ("drawing condemnation from Washington", "was greeted with
dismay by unions", "sparked anger among residents") report no figure of it: before, the nearest
attribution of the clause gave "sentenced 14 activists ..., drawing condemnation from
Washington" a named source, shown by the proof harness. A figure in a reaction's label right
after it ("criticised by the Sunday Herald as a waste of £40 million") is still theirs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.figures_sourcing import figure_sourcing
from pipeline.stance import StanceStage
from pipeline.stance_detector import Marker
from pipeline.stance_lexicon import default_lexicon_paths, stance_entries
from tests.conftest import segment_text


@pytest.fixture(scope="module")
def stage() -> StanceStage:
    return StanceStage()


def figures_of(stage: StanceStage, text: str) -> list[tuple[str, str]]:
    tables = stage.analyse(segment_text(text)).tables
    return [(f["match"], f["sourcing"]) for f in tables["figures"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the proof harness's sentence: the 14 was "named" by Washington's condemnation
        ("Hong Kong's High Court sentenced 14 pro-democracy activists to prison terms of up to "
         "ten years under the national security law, drawing condemnation from Washington and "
         "London.", [("14", "none")]),
        ("The verdict drew condemnation from Washington as the court jailed 14 activists.",
         [("14", "none")]),  # "as" the conjunction, no label
        ("The 4% rise was greeted with dismay by unions.", [("4%", "none")]),
        ("The plan, which cuts 400 jobs, drew criticism from rights groups.", [("400", "none")]),
        ("The 400 job cuts were criticised by the opposition.", [("400", "none")]),
        ("The closure of 30 branches was widely criticised.", [("30", "none")]),
        ("The closure of 30 branches sparked anger among residents.", [("30", "none")]),
        # a label right after the reaction, with the rest of its name: the figure is theirs
        ("The scheme was criticised by the Sunday Herald as a waste of £40 million.",
         [("£40 million", "named")]),
        ("The closure of 30 branches was widely criticised as a betrayal of 2 million customers.",
         [("30", "none"), ("2 million", "vague")]),
        ('The 12% pay rise was hailed by the union as "the best deal in 20 years".',
         [("12%", "none"), ("20", "named")]),
        # the passive rows split: an accusation or a description reports what it says
        ("The company was accused by prosecutors of hiding $5 million.",
         [("$5 million", "vague")]),
        ("The budget was described by the Treasury as a 3% rise.", [("3%", "named")]),
        # another source of the clause still holds
        ("The budget, which the Treasury said would cost £3bn, drew criticism from unions.",
         [("£3bn", "named")]),
        # a quotation over two sentences borrows no reaction for its speaker
        ('"Cases rose 18% last month. We expect more." The remarks drew criticism from doctors.',
         [("18%", "none")]),
        ('"Cases rose 18% last month. We expect more," the minister said. The remarks drew '
         "criticism from doctors.", [("18%", "named")]),
    ],
)  # fmt: skip
def test_a_reaction_sources_no_figure_but_its_label(
    stage: StanceStage, text: str, expected: list[tuple[str, str]]
) -> None:
    assert figures_of(stage, text) == expected


def test_a_reaction_is_still_an_attribution_of_the_stance_tables(stage: StanceStage) -> None:
    tables = stage.analyse(segment_text("The 4% rise was greeted with dismay by unions.")).tables
    assert [(m["match"], m["category"], m["subtype"]) for m in tables["stance_markers"]] == [
        ("greeted with dismay by unions", "attribution", "vague")
    ]


def test_the_shipped_reaction_rows() -> None:
    entries, _ = stance_entries(default_lexicon_paths())
    reactions = [e for e in entries if e.kind == "reaction"]
    assert len(reactions) == 17
    assert all(e.category == "attribution" for e in reactions)
    words = " ".join(e.pattern for e in reactions)
    for word in ("criticism", "condemnation", "dismay", "anger", "criticised", "greeted"):
        assert word in words
    # an accusation, a description or a label reports what it says
    for word in ("accused", "described", "branded", "dubbed", "called"):
        assert word not in words


def test_the_shipped_rows_of_the_other_kinds() -> None:
    """Rows that hold their speaker and rows that read a platform (1.37.13, 1.37.14) say so in
    the ``kind`` column (1.37.24), not by the words of their pattern."""
    entries, _ = stance_entries(default_lexicon_paths())
    kinds = {k: [e.pattern for e in entries if e.kind == k] for k in ("own_subject", "platform")}
    assert len(kinds["own_subject"]) == 4 and len(kinds["platform"]) == 4
    assert all(p.startswith("{what,which} ") for p in kinds["own_subject"])
    assert all(" on" in p or "{on," in p for p in kinds["platform"])


def marker(start: int, end: int, subtype: str, entry: int = 0) -> Marker:
    return Marker(start, end, "attribution", subtype, entry)


def test_figure_sourcing_reads_reactions_apart() -> None:
    text = "Tax rose 4%, drawing anger from unions."
    start = text.index("4%")
    reaction = marker(text.index("drawing"), len(text) - 1, "vague")
    assert figure_sourcing(text, start, start + 2, [reaction]) == "vague"  # as one of the others
    assert figure_sourcing(text, start, start + 2, [], [reaction]) == "none"
    label = "It was criticised by Pew as a waste of $5."
    start = label.index("$5")
    reaction = marker(label.index("was"), label.index(" as"), "named")
    assert figure_sourcing(label, start, start + 2, [], [reaction]) == "named"
    # a reaction after the figure labels nothing
    after = "A waste of $5, it was criticised by Pew as a ploy."
    start = after.index("$5")
    reaction = marker(after.index("was"), after.index(" as"), "named")
    assert figure_sourcing(after, start, start + 2, [], [reaction]) == "none"


def write_lexicon(path: Path, rows: list[str]) -> Path:
    header = "pattern\tcategory\tsubtype\tnote\tnot_before\tnot_after\trequires_before\t"
    path.write_text(
        "# version: 1\n" + header + "requires_after\talso\tkind\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    return path


def test_a_users_row_may_be_a_reaction(tmp_path: Path) -> None:
    extra = write_lexicon(
        tmp_path / "mine.tsv", ["booed by fans\tattribution\tvague\tmine\t\t\t\t\t\treaction"]
    )
    text = "The 3-0 defeat was booed by fans."
    assert figures_of(StanceStage(), "The 40 players were booed by fans.") == [("40", "none")]
    assert figures_of(StanceStage(extra_lexicons=[extra]), text) == [("3-0", "none")]
    plain = write_lexicon(tmp_path / "plain.tsv", ["booed by fans\tattribution\tvague\tmine"])
    assert figures_of(StanceStage(extra_lexicons=[plain]), text) == [("3-0", "vague")]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x\tattribution\tvague\t\t\t\t\t\t\treacton",
         r"line 3: entry 'x': unknown kind 'reacton' \(did you mean 'reaction'\?\); the kinds "
         r"are reaction, own_subject, platform \(or nothing\)"),
        ("x\thedge\tmodal\t\t\t\t\t\t\treaction",
         r"line 3: entry 'x': kind 'reaction' is for attributions, not 'hedge'"),
    ],
)  # fmt: skip
def test_a_bad_kind_is_named(tmp_path: Path, row: str, message: str) -> None:
    path = write_lexicon(tmp_path / "bad.tsv", [row])
    with pytest.raises(ValueError, match=message):
        StanceStage(extra_lexicons=[path])


def test_the_readmes_example_lexicon_loads_with_its_reaction(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("```\n# version: 1\npattern\tcategory") + 4
    path = tmp_path / "example.tsv"
    path.write_text(readme[start : readme.index("```", start)], encoding="utf-8")
    stage = StanceStage(extra_lexicons=[path])
    assert figures_of(stage, "The 3-0 defeat was booed by fans.") == [("3-0", "none")]
    assert [e.pattern for e in stage.detector.entries if e.kind == "reaction"][-1] == (
        "booed by fans"
    )
