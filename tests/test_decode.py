"""Choosing between UTF-8 with replaced bytes and a legacy code page (pipeline/decode.py).

The other decoding tests (each encoding class, binary files, UTF-16 without BOM) are in
tests/test_ingest.py; the no-crash property on arbitrary bytes is in tests/test_fuzz.py.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.decode import NotTextError, decode_bytes

CAFE_TAIL = " in March, according to the chamber of commerce, which surveyed 200 firms."
# The new user's file (FINDINGS.md finding 4): one valid "é" and two stray bytes.
BAD_UTF8 = b"Caf\xc3\xa9 owners said sales fell 5% \xff\xfe" + CAFE_TAIL.encode()


def replaced(n: int) -> list[str]:
    return [f"{n} byte(s) were not valid UTF-8 and were replaced by �"]


@pytest.mark.parametrize(
    ("data", "text", "warnings"),
    [
        (BAD_UTF8, "Café owners said sales fell 5% ��" + CAFE_TAIL, replaced(2)),
        # a single cp1252 smart quote or dash pasted into UTF-8 text with one "é"
        (b"Caf\xc3\xa9 owners said it\x92s fine.", "Café owners said it�s fine.", replaced(1)),
        (b"Caf\xc3\xa9 owners said 5\x963 times.", "Café owners said 5�3 times.", replaced(1)),
        # a quotation pasted from Word: two bad bytes, as many as the bytes of "é" (a tie)
        (b"Jos\xc3\xa9 said \x93yes\x94.", "José said �yes�.", replaced(2)),
        # a truncated "’" (2 of its 3 bytes) is 2 bad bytes, though Python shows one �
        (
            b"Caf\xc3\xa9, Jos\xc3\xa9 and Zo\xc3\xab met at \xe2\x80 noon.",
            "Café, José and Zoë met at � noon.",
            replaced(2),
        ),
        # a valid U+FFFD already in the text is not counted as a bad byte
        (b"Caf\xc3\xa9 \xef\xbf\xbd bad \xff.", "Café � bad �.", replaced(1)),
    ],
)
def test_mostly_utf8_is_read_as_utf8_with_a_warning(data, text, warnings):
    assert decode_bytes(data) == (text, "utf-8", warnings)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        # the new user's sentence written by a Windows editor: "é" is one byte, no UTF-8 at all
        (
            b"Caf\xe9 owners said sales fell 5%" + CAFE_TAIL.encode(),
            "Café owners said sales fell 5%" + CAFE_TAIL,
        ),
        ("He said “it’s fine” — twice.".encode("cp1252"), "He said “it’s fine” — twice."),
        ("Ça coûte très cher à Genève.\n".encode("latin-1"), "Ça coûte très cher à Genève.\n"),
        (
            "Café owners said it’s “fine” – déjà vu.".encode("cp1252"),
            "Café owners said it’s “fine” – déjà vu.",
        ),
    ],
)
def test_legacy_files_without_utf8_sequences_stay_cp1252(data, text):
    assert decode_bytes(data) == (text, "cp1252", [])


ENGLISH = "Owners said sales fell 5% in March, according to the chamber of commerce. "


@pytest.mark.parametrize(
    "text",
    [
        # charset-normalizer alone named big5hkscs, cp1125, cp1006 and cp775 for these
        "It’s fine.",
        "He said “no”.",
        "Café.",
        "The €5 fee",
        "They said it’s over. " + ENGLISH * 10,
    ],
)
def test_short_cp1252_texts_with_few_non_ascii_bytes_stay_cp1252(text):
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252", [])


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        ("Министерство иностранных дел заявило.", "cp1251", "cp1251"),
        ("Το υπουργείο εξωτερικών δήλωσε ότι οι συνομιλίες θα συνεχιστούν.", "cp1253", "cp1253"),
        ("中國與俄羅斯的情報合作顯著加強。", "big5", "big5"),
        ("日本政府は月曜日、新しい規則を発表した。", "shift_jis", "cp932"),
    ],
)
def test_other_legacy_scripts_are_not_taken_for_cp1252(text, codec, encoding):
    assert decode_bytes(text.encode(codec)) == (text, encoding, [])


def test_mixed_file_read_as_cp1252_says_so():
    """More pasted Word bytes than UTF-8 bytes: cp1252 gets more characters right; a warning."""
    data = b"Jos\xc3\xa9 said \x93yes\x94 and it\x92s fine."
    assert decode_bytes(data) == (
        "JosÃ© said “yes” and it’s fine.",
        "cp1252",
        [
            "the file mixes encodings: it was read as cp1252, but 1 character(s) were valid "
            'UTF-8 and may be garbled (e.g. "é" shown as "Ã©")'
        ],
    )


def test_valid_utf8_has_no_warning():
    text = "Café owners said “sales fell” — reportedly."
    assert decode_bytes(text.encode()) == (text, "utf-8", [])


# bytes that can never start a UTF-8 sequence ("\xe9\x92\x92" would be a valid "钒")
STRAY = st.sampled_from([b"\xff", b"\xfe", b"\x92", b"\x93", b"\x94", b"\x96", b"\xa0"])
TEXT = st.text(
    alphabet=st.characters(exclude_characters="\x00\ufffd", exclude_categories=["Cs"]),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(st.tuples(st.integers(min_value=0), STRAY), min_size=1, max_size=6))
def test_stray_bytes_in_utf8_are_replaced_when_utf8_bytes_are_as_many(text, strays):
    """Stray bytes at character boundaries of "x" + text: UTF-8, each stray byte one �."""
    chars = ["x", *text]  # "x" first: no BOM, binary signature or blank file by accident
    pieces = [ch.encode() for ch in chars]
    for position, byte in strays:
        pieces.insert(1 + position % len(pieces), byte)  # never before the leading "x"
    data = b"".join(pieces)
    multibyte = sum(len(ch.encode()) for ch in chars if ord(ch) > 0x7F)
    if multibyte < len(strays):
        return
    decoded, encoding, warnings = decode_bytes(data)
    assert encoding == "utf-8"
    assert decoded.replace("\ufffd", "") == "".join(chars)
    assert warnings == replaced(len(strays))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty or contains only white space"),
        (b"  \n\t ", "the file is empty or contains only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not text: the file looks like a PNG image"),
        (b"%PDF-1.4\n%\xe2\xe3", "not text: the file looks like a PDF file"),
        (b"A short text.", None),
        ("Caf\u00e9 cr\u00e8me".encode("cp1252"), None),
        (b" " * 70_000 + b"Text after a long run of spaces.", None),  # the rest is read later
        # a legacy multi-byte file cut inside a character at 64 KB: the whole file is read later
        (b"A" + ("\u4e2d\u56fd\u653f\u5e9c\u8868\u793a\uff0c" * 20_000).encode("gb18030"), None),
        # bytes that are no text at any cut are still stopped
        (bytes(range(128, 256)) * 600, "not text: no text encoding fits the file's bytes"),
        (b"x" * 1_200, "the file is 0.0 MB, over the 0 MB limit (max_file_mb in the config)"),
    ],
)
def test_why_not_text_checks_size_and_first_bytes(tmp_path, data, reason):
    from pipeline.decode import why_not_text

    path = tmp_path / "f.txt"
    path.write_bytes(data)
    assert why_not_text(path, max_bytes=1_000 if len(data) == 1_200 else 10**6) == reason
    assert why_not_text(tmp_path / "missing.txt", max_bytes=10).startswith("cannot be read")


@pytest.mark.parametrize("cut", [2, 3])
def test_a_file_cut_inside_its_last_character_stays_utf8(cut):
    """A helper's walkthrough: a UTF-8 file cut short inside "😀" was read as cp1125 and
    ended in "ЁЯШ", with no warning. (One byte alone, in a file without other UTF-8, may as
    well be a legacy file's last letter: see the review cases below.)"""
    data = "The government said costs rise. 😀".encode()[: -4 + cut]
    assert decode_bytes(data) == (
        "The government said costs rise. \ufffd",
        "utf-8",
        [
            f"the file ends inside a UTF-8 character (was it cut short?): its last {cut} "
            "byte(s) were replaced by �"
        ],
    )


def test_a_legacy_guess_from_few_bytes_is_a_warning():
    """One byte that cp1252 cannot read ("\\x81") in English: charset-normalizer's pick rests
    on that byte alone, so the file is read as it says, with a warning that shows the result."""
    data = b"The minister said the plan \x81 would pass, officials said on Monday."
    text, encoding, warnings = decode_bytes(data)
    assert encoding not in ("utf-8", "cp1252") and text == data.decode(encoding)
    (shown,) = [ch for ch in text if ord(ch) > 0x7F]
    assert warnings == [
        f"the encoding was guessed as {encoding} from 1 byte(s) outside ASCII, which read as "
        f'"{shown}": if that is wrong, save the file as UTF-8'
    ]


def test_a_stray_nul_in_utf8_text_is_removed_with_a_warning():
    """A helper's walkthrough: one NUL byte made a whole UTF-8 text 'binary' and skipped."""
    sentence = "The minister said costs rose. Officials agreed. "
    data = (sentence * 20).encode().replace(b"rose.", b"rose.\x00", 1)
    text, encoding, warnings = decode_bytes(data)
    assert text == sentence * 20
    assert (encoding, warnings) == ("utf-8", ["1 NUL byte(s) (binary zeros) were removed"])
    # more than one byte in a thousand, or bytes that are not UTF-8 around them: binary
    with pytest.raises(NotTextError, match="NUL bytes"):
        decode_bytes(data.replace(b"rose.", b"rose.\x00", 3))
    with pytest.raises(NotTextError, match="NUL bytes"):
        decode_bytes(data.replace(b"\x00", b"\x00\xff"))


@pytest.mark.parametrize(
    ("data", "what"),
    [
        # mtime=0: the same bytes, and test id, in every process (pytest-xdist's workers agree)
        (
            __import__("gzip").compress(b"Costs rose." * 50, mtime=0),
            "a gzip archive (.gz): unpack it",
        ),
        (b"\xfd7zXZ\x00\x00\x04", "an xz archive"),
        (b"SQLite format 3\x00\x10\x00", "an SQLite database"),
    ],
)
def test_archives_and_databases_are_named(data, what):
    with pytest.raises(NotTextError, match=re.escape(f"not text: the file looks like {what}")):
        decode_bytes(data)


def test_review_cases_of_stray_nuls_and_cut_characters():
    """A review: a UTF-8 line of even length with one NUL read as UTF-16 (CJK mojibake), and a
    legacy file whose only non-ASCII byte ends it was taken for a cut UTF-8 character."""
    data = b"What challenges arise from Chi\x00na\xe2\x80\x99s intell"
    assert len(data) % 2 == 0
    assert decode_bytes(data) == (
        "What challenges arise from China’s intell",
        "utf-8",
        ["1 NUL byte(s) (binary zeros) were removed"],
    )
    assert decode_bytes(b"Plain ascii text caf\xe9") == ("Plain ascii text café", "cp1252", [])
    # with a UTF-8 character before it, one cut byte is a cut character
    text, encoding, warnings = decode_bytes("Café owners".encode() + b" \xc3")
    assert (text, encoding) == ("Café owners \ufffd", "utf-8") and "cut short" in warnings[0]


def test_a_stray_nul_beside_a_dos_end_of_file_byte_is_still_text():
    """A review: any other control character (a DOS end-of-file byte) made the text 'binary'."""
    data = ("The minister said prices would rise. " * 20).encode() + b"\x00\r\n\x1a"
    text, encoding, warnings = decode_bytes(data)
    assert text.startswith("The minister said") and encoding == "utf-8"
    assert warnings == ["1 NUL byte(s) (binary zeros) were removed"]


@pytest.mark.parametrize("codec", ["iso8859-2", "cp1250"])
def test_central_european_text_read_as_cp1252_says_so(codec):
    """A robustness probe: Polish in ISO-8859-2 was read as cp1252 ("Rz±d og³osi³") without a
    word; the reading stays (charset-normalizer's pick), with a warning that shows it."""
    text = "Rząd ogłosił nową politykę. Krytycy twierdzą, że będzie ona kosztowna."
    decoded, encoding, warnings = decode_bytes(text.encode(codec))
    assert encoding == "cp1252" and decoded == text.encode(codec).decode("cp1252")
    (warning,) = warnings
    assert warning.startswith("the encoding was guessed as cp1252, but 2 symbol(s) stand inside")
    assert '(e.g. "Rz' in warning and "save the file as UTF-8" in warning


def test_symbols_beside_numbers_or_opening_a_word_are_no_central_european_sign():
    text = "¿Qué pasa? El nº 5, 10 m² y 3 m³ de agua, ±5% más, según él."
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252", [])


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_read_as_utf32(codec):
    """A robustness probe: UTF-32 LE was read as UTF-16 (its NULs then removed) and UTF-32 BE
    skipped as binary."""
    text = "Prices rose 4% in March, officials said.\n"
    assert decode_bytes(("\ufeff" + text).encode(codec)) == (text, "utf-32", [])
