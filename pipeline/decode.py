"""Bytes -> text: the encoding of a file, and the files that are not text (binary, too large).

UTF-8 (with or without BOM) and UTF-16 are recognised directly; other files go to
charset-normalizer. A file the workflow cannot analyse raises :class:`NotTextError`, whose
message says why in plain words (it goes to problems.csv).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or a Word/Excel file)",
    b"\x7fELF": "a program (ELF binary)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"\x1f\x8b": "a gzip archive (.gz): unpack it first",
    b"\xfd7zXZ\x00": "an xz archive (.xz): unpack it first",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive: unpack it first",
    b"\x28\xb5\x2f\xfd": "a Zstandard archive (.zst): unpack it first",
    b"SQLite format 3\x00": "an SQLite database",
}
_LATIN_CODEPAGES = frozenset(
    {
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp1258",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
        "cp437",
        "cp850",
        "cp852",
        "cp858",
    }
)


_ASCII_BYTES = bytes(range(0x80))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class NotTextError(ValueError):
    """The file is not text the workflow can analyse; the message says why in plain words."""


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode file bytes: (text, encoding name, warnings). Raises :class:`NotTextError`.

    UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM are recognised directly; a file
    that is mostly UTF-8 keeps its UTF-8 with the bad bytes replaced (and a warning); other
    files go to charset-normalizer, which covers the legacy single-byte encodings (cp1252,
    latin-1, ...).
    """
    if not data.strip():
        raise NotTextError("the file is empty or contains only white space")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise NotTextError(f"not text: the file looks like {what}")
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_utf8(data[3:], "utf-8-sig")
    # UTF-32's BOMs, before UTF-16's: FF FE 00 00 also starts a UTF-16 BOM (a robustness probe's
    # UTF-32 read as UTF-16 with NULs, and a big-endian one skipped as binary)
    for codec, boms in (("utf-32", _UTF32_BOMS), ("utf-16", _UTF16_BOMS)):
        if data.startswith(boms):
            return _decode_with_bom(data, codec)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        # a stray NUL first: a UTF-8 text of an even length with one NUL also reads as UTF-16
        found = _text_with_stray_nuls(data) or _wide_text_without_bom(data)
        if found:
            return found
        raise NotTextError("not text: the file contains NUL bytes (binary data)")
    return _decode_utf8(data, "utf-8")


_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _decode_with_bom(data: bytes, codec: str) -> tuple[str, str, list[str]]:
    """A UTF-16 or UTF-32 file with its BOM; a truncated or broken one keeps what decodes."""
    try:
        return data.decode(codec), codec, []
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return text, codec, [f"some bytes were not valid {codec.upper()} and were replaced by �"]


MAX_STRAY_NULS = 0.001  # a share of the bytes: more is binary data


def _text_with_stray_nuls(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-8 text with a few NUL bytes (a copy or a database export gone wrong): the text
    without them and a warning; None when they are more than MAX_STRAY_NULS of the bytes or the
    rest is not plausible UTF-8 text."""
    n = data.count(0)
    without = data.replace(b"\x00", b"")
    if n > max(1, MAX_STRAY_NULS * len(data)) or not _is_utf8(without):
        return None
    text = without.decode("utf-8")
    # UTF-16 Thai without a BOM is "UTF-8" too once its few NULs go, almost all of it control
    # characters; a DOS end-of-file byte or a colour code is no reason to refuse a text
    sample = text[:4096]
    controls = sum(unicodedata.category(ch) == "Cc" and not ch.isspace() for ch in sample)
    if controls * 100 > len(sample):
        return None
    return text, "utf-8", [f"{n} NUL byte(s) (binary zeros) were removed"]


def _decode_utf8(data: bytes, name: str) -> tuple[str, str, list[str]]:
    try:
        return data.decode("utf-8"), name, []
    except UnicodeDecodeError as err:
        cut = len(data) - err.start
        # one stray last byte of a legacy file ("caf\xe9") is no cut character unless the file
        # holds UTF-8 characters, or the bytes begin one of three or four
        head = data[: err.start]
        utf8 = cut > 1 or len(head.translate(None, _ASCII_BYTES)) > 0
        if err.reason == "unexpected end of data" and utf8 and _is_utf8(head):
            # a file cut off inside its last character (a download stopped, a truncated copy)
            return (
                data[: err.start].decode("utf-8") + "\ufffd",
                name,
                [
                    f"the file ends inside a UTF-8 character (was it cut short?): its last {cut} "
                    "byte(s) were replaced by �"
                ],
            )
    n_bad, n_multibyte = _invalid_and_multibyte_bytes(data)
    # Keep the reading with fewer wrong characters, UTF-8 on a tie: even if every invalid byte
    # was meant as a cp1252 character (a quote pasted from Word), UTF-8 loses at most n_bad
    # characters, while cp1252 turns each valid multi-byte sequence into as many wrong
    # characters as it has bytes ("é" -> "Ã©"). A legacy file holds such sequences only by
    # coincidence (an upper-case accented letter right before a symbol byte), far fewer.
    if n_multibyte >= n_bad:
        replaced = data.decode("utf-8", errors="replace")
        return replaced, name, [f"{n_bad} byte(s) were not valid UTF-8 and were replaced by �"]
    text, encoding, warnings = _decode_legacy(data)
    # UTF-8 characters among cp1252 ones: say so rather than leave "Ã©" unexplained (in CJK
    # double-byte encodings such byte pairs are common, so no warning there)
    if n_multibyte and encoding == "cp1252":
        warnings.append(_mixed_encoding_warning(data, encoding))
    return text, encoding, warnings


def _mixed_encoding_warning(data: bytes, encoding: str) -> str:
    """The warning for a file read as ``encoding`` that also holds valid UTF-8 characters."""
    utf8 = data.decode("utf-8", errors="ignore")
    n_chars = len(utf8) - len(utf8.encode("ascii", errors="ignore"))
    first = _NON_ASCII.search(utf8).group()
    shown = first.encode("utf-8").decode(encoding, errors="replace")
    return (
        f"the file mixes encodings: it was read as {encoding}, but {n_chars} character(s) "
        f'were valid UTF-8 and may be garbled (e.g. "{first}" shown as "{shown}")'
    )


def _invalid_and_multibyte_bytes(data: bytes) -> tuple[int, int]:
    """(bytes that are not valid UTF-8, bytes of valid multi-byte UTF-8 sequences)."""
    valid = data.decode("utf-8", errors="ignore").encode("utf-8")  # the valid bytes, in order
    return len(data) - len(valid), len(valid.translate(None, _ASCII_BYTES))


def _decode_legacy(data: bytes) -> tuple[str, str, list[str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise NotTextError(NO_ENCODING)
    encoding = best.encoding
    # On short texts charset-normalizer often names a sibling Latin code page (cp1257 for a
    # French latin-1 file); cp1252, a superset of latin-1 printable characters and what Windows
    # writes, is then the right reading whenever it decodes the bytes. With few non-ASCII bytes
    # its candidates tie (no mess, no language signal) and the first in its order wins
    # (big5hkscs for "It’s fine.", cp775 for one "’" in 800 characters of English): cp1252 then
    # wins too when the library finds its reading no messier.
    if encoding in _LATIN_CODEPAGES or _cp1252_is_as_clean(data, best.chaos):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            return text, "cp1252", _central_european_warning(text)
    text, name = str(best), _codec_name(encoding)
    n_high = len(data.translate(None, _ASCII_BYTES))
    if n_high * 20 < len(data):  # under 5% of the bytes: little for a guess to go on
        shown = "".join(_NON_ASCII.findall(text)[:3])
        return (
            text,
            name,
            [
                f"the encoding was guessed as {name} from {n_high} byte(s) outside ASCII, which "
                f'read as "{shown}": if that is wrong, save the file as UTF-8'
            ],
        )
    return text, name, []


# Symbols of cp1252 that are letters in the Central European code pages (ISO-8859-2, cp1250),
# inside a word: "Rz±d og³osi³" is Polish "Rząd ogłosił" read as cp1252 (a robustness probe's
# file, read without a word)
_LETTER = r"[^\W\d_]"
# between letters: not "m²", "¿Qué", "±5%"
_SYMBOL_IN_WORD_RE = re.compile(rf"(?<={_LETTER})[±²³¹º»¼½¾¿¶¥£¦¬ª¯](?={_LETTER})")
MIN_SYMBOLS_IN_WORDS = 2


def _central_european_warning(text: str) -> list[str]:
    """A warning when the cp1252 reading of ``text`` has symbols inside words (see
    ``_SYMBOL_IN_WORD_RE``): the file is likely in a Central European code page."""
    found = [m.start() for m in _SYMBOL_IN_WORD_RE.finditer(text, 0, 200_000)]
    if len(found) < MIN_SYMBOLS_IN_WORDS:
        return []
    start = max(text.rfind(" ", 0, found[0]), text.rfind("\n", 0, found[0])) + 1
    word = text[start:].split(maxsplit=1)[0][:40]
    return [
        f"the encoding was guessed as cp1252, but {len(found)} symbol(s) stand inside words "
        f'(e.g. "{word}"), as when Polish, Czech or Hungarian text saved in a Central European '
        "code page (ISO-8859-2, cp1250) is read so: save the file as UTF-8"
    ]


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _cp1252_is_as_clean(data: bytes, chaos: float) -> bool:
    """Whether charset-normalizer finds the cp1252 reading of ``data`` no messier than ``chaos``."""
    from charset_normalizer import from_bytes

    match = from_bytes(data, cp_isolation=["cp1252"]).best()
    return match is not None and match.chaos <= chaos


def _codec_name(encoding: str) -> str:
    """charset-normalizer's ``utf_16_le`` as the ``utf-16-le`` the rest of the table uses."""
    return encoding.replace("_", "-") if encoding.startswith("utf_") else encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str, list[str]] | None:
    sample = data[:4096]
    if len(sample) < 16:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    for codec, ratio, other in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if ratio > 0.6 and other < 0.05:  # mostly Latin text: every other byte is NUL
            try:
                return data.decode(codec), codec, []
            except UnicodeDecodeError:
                return None
    return None


def _wide_text_without_bom(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-16 text without a BOM in a script whose characters do not leave every other byte
    NUL (Chinese, Persian, ...): the byte order whose strict decoding is plausible text; if
    both are, the one whose characters lie in fewer 256-character ranges (the wrong order
    scatters them, since its high bytes are the text's low bytes); else None."""
    readings = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        if _plausible_text(sample):
            readings.append((len({ord(ch) >> 8 for ch in sample}), codec, text))
    if not readings:
        return None
    _, codec, text = min(readings)
    return text, codec, []


def _separators(sample: str) -> int:
    return sum(ch.isspace() or unicodedata.category(ch).startswith("P") for ch in sample)


def _plausible_text(sample: str) -> bool:
    """No control (white space aside), unassigned, private-use or surrogate characters, no BOM
    after the start, and a space or punctuation mark at least every 200 characters (Thai
    spaces only between phrases): charset-normalizer also reads a few binary bytes as UTF-16."""
    body = sample.removeprefix("\ufeff")
    categories = [unicodedata.category(ch) for ch in body]
    bad = sum(c in ("Cc", "Cn", "Co", "Cs") for c in categories) - sum(
        map(body.count, "\n\r\t\f\v")
    )
    return bool(body) and bad == 0 and "\ufeff" not in body and 200 * _separators(body) >= len(body)


SNIFF_BYTES = 65_536  # how much of a file :func:`why_not_text` decodes
NO_ENCODING = "not text: no text encoding fits the file's bytes"


def why_not_text(path: str | Path, *, max_bytes: int) -> str | None:
    """Why the file cannot be analysed, from its size and its first SNIFF_BYTES (the reasons of
    :func:`read_limited` and :func:`decode_bytes`), or None when it may be text. A cheap check
    made before any job runs: a file passed here can still be skipped by the ingestion."""
    try:
        size = Path(path).stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if size > max_bytes:
        return _too_large(size, max_bytes)
    if size > len(head) and not head.strip():
        return None  # white space first: the ingestion reads the rest
    cut = size > len(head)  # the sample may end inside a multi-byte character
    for trim in range(4 if cut else 1):
        try:
            decode_bytes(head[: len(head) - trim])
            return None
        except NotTextError as exc:
            reason = str(exc)
            if reason != NO_ENCODING:
                return reason
    return reason


def read_limited(path: str | Path, *, max_bytes: int) -> bytes:
    """The bytes of a file, or :class:`NotTextError` when it is larger than ``max_bytes``."""
    size = Path(path).stat().st_size
    if size > max_bytes:
        raise NotTextError(_too_large(size, max_bytes))
    return Path(path).read_bytes()


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
        "(max_file_mb in the config)"
    )
