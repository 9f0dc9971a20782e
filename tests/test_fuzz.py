"""Property tests on arbitrary input: no exception, offsets always round-trip (issue 8).

CI runs a few hundred examples per property; ``make fuzz`` runs them again and again with new
seeds and many more examples for FUZZ_SECONDS (default 600).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.decode import NotTextError, decode_bytes
from pipeline.ingest import clean_document
from pipeline.ingest_boilerplate import load_boilerplate_patterns
from pipeline.segment import load_abbreviations, segment_document
from pipeline.stages import DOCUMENT_STAGES, build_stages

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
PATTERNS = load_boilerplate_patterns()
ABBREVIATIONS = load_abbreviations()
STAGES = build_stages({})
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Words that trigger the stages, mixed with arbitrary Unicode: combining marks, right-to-left
# text, emoji, NUL and control characters, lone surrogates (escaped by the UTF-8 encoder).
WORDS = [
    "reportedly",
    "critics argue",
    "U.S.",
    "Dr.",
    "$12 billion",
    "82%",
    "not good",
    "but",
    "China",
    "espionage",
    "sanctions",
    "?",
    ".",
    "\n\n",
    "“",
    "”",
    "—",
    "Leave a Comment",
    "مرحبا",
    "שלום",
    "e\u0301",
    "👍🏽",
    "\u202e",
    "\x00",
    "\udcff",
    "3.5",
    "may",
    "Theresa May",
]
text_strategy = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=12)), max_size=60
).map(" ".join)


def to_bytes(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


@FUZZ
@given(st.binary(max_size=2000))
def test_decode_never_raises_anything_but_not_text(data):
    try:
        text, encoding, _ = decode_bytes(data)
    except NotTextError as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and encoding


@FUZZ
@given(text_strategy)
def test_ingest_segment_and_stages_keep_offsets(text):
    try:
        clean = clean_document("doc", to_bytes(text), patterns=PATTERNS)
    except NotTextError:
        return
    doc = segment_document(clean, abbreviations=ABBREVIATIONS)
    covered = [0] * len(doc.clean)
    for s in doc.sentences:
        assert doc.clean[s.start : s.end] == s.text
        for i in range(s.start, s.end):
            covered[i] += 1
    assert max(covered, default=0) <= 1, "a character belongs to two sentences"
    for stage in STAGES:
        out = stage.analyse(doc)
        for values in out.sentence_columns.values():
            assert len(values) == len(doc.sentences)
        for rows in out.tables.values():
            for row in rows:
                if "start" in row and "end" in row:
                    span = doc.clean[row["start"] : row["end"]]
                    expected = row.get("match", row.get("term"))
                    if expected is not None:
                        assert span == expected, (stage.name, row)


def test_every_stage_is_fuzzed():
    assert [s.name for s in STAGES] == list(DOCUMENT_STAGES)
