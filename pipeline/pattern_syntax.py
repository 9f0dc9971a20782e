"""The lexicon pattern syntax, compiled to regex source: one pattern, one regex.

Pattern syntax for one lexicon entry (stable API, shared by the stance and frame stages):

- Words are separated by spaces; a space matches any run of whitespace (``\\s+``), so
  ``in fact`` also matches ``in\\nfact``.
- Matching is case-insensitive. A token prefixed with ``=`` must match with the case written:
  ``=May`` matches "May" but not "may"; ``=EU`` matches "EU" but not "eu".
- ``*`` at the end of a token matches any word characters: ``argu*`` -> argue, argued, arguing;
  so does a ``*`` at the end of an alternative of braces that end their token:
  ``{chip,chipmaker*}`` -> chip, chipmaker, chipmakers.
- ``{a,b,c}`` inside a token is an alternation, an empty alternative is allowed:
  ``suggest{,s,ed}`` -> suggest, suggests, suggested; ``{argue,argues,argued}``. An
  alternative may hold spaces (flexible whitespace again): ``{has been,was} said``.
- ``[ ... ]`` makes the tokens inside optional: ``it is [widely] believed``.
- Placeholders, each one whole token: ``<any>`` one word, ``<cap>`` one word starting with an
  upper-case letter (case-sensitive even though the pattern is not), ``<name>`` like
  ``<cap>`` but not a capitalised function word ("The", "Our", "While"), ``<num>`` one number
  (``12``, ``1,200``, ``3.5``, ``2019``); ``<skip:N>`` (not first or last) skips 0 to N words
  inside the clause, as few as possible: ``critics <skip:3> argue`` matches "critics argue" and
  "critics of the deal argue" (it does not cross ``. ; : ! ?`` or the end of a quotation, nor
  a comma, a conjunction and a new subject: ", and the government fears" starts another clause).
- ``-`` inside a token matches a hyphen, an en dash or a space (``well-known`` matches
  "well known"); ``'`` matches ``'`` and ``’``. Any other character is literal (``$``, ``%``,
  ``.``).
- Word boundaries: a pattern that starts (ends) with a word character does not match inside a
  word; with ``hyphen_joins_words=True`` (default) a hyphen counts as part of the word, so
  ``clear`` does not match in "clear-cut" and ``called`` does not match in "so-called".
"""

from __future__ import annotations

import functools
import re

__all__ = ["first_chars", "leading_prefixes", "max_gaps", "pattern_regex"]

NUMBER_RE = r"\d+(?:[.,]\d+)*"
# Capitalised function words that start sentences but are not names (for ``<name>``).
FUNCTION_WORDS = (
    "A|About|After|All|Also|An|And|Another|Any|As|At|Before|Both|But|By|Each|Every|For|From|He|"
    "Her|His|How|I|If|In|It|Its|Many|More|Most|My|No|Nor|Not|Of|On|One|Or|Other|Our|Several|She|"
    "So|Some|Such|That|The|Their|Then|There|These|They|This|Those|Though|Thus|To|Under|We|What|"
    "When|Where|Whether|Which|While|Who|Why|With|Yet|You|Your"
)
PLACEHOLDERS = {
    "<any>": r"\w+(?:['’\-]\w+)*",
    "<cap>": r"(?-i:[^\W\d_a-z])\w*(?:['’\-]\w+)*",
    "<num>": NUMBER_RE,
    "<name>": rf"(?-i:(?=[^\W\d_a-z])(?!(?:{FUNCTION_WORDS})\b)[^\W\d_a-z])\w*(?:['’\-]\w+)*",
}
SKIP_RE = re.compile(r"<skip:(\d+)>")
QUOTES = "\"“”‘’'«»„‚‹›"  # quotation marks, straight and typographic, of English and others
DOUBLE_QUOTES = '"“”«»„'  # those that are no apostrophe (a word ending in one ends a quotation)
_WORD_END = r"(?=[\s,.;:!?]|$)"
# A word <skip:N> may pass over: no comma in it (a run of commas is the separator's alone, so it
# splits one way only), not a quotation mark alone, and not a word that ends a quotation (a
# double quotation mark at its end, not at its start: 'home" the minister said'); a quoted word
# ('"reform"') is a word like any other.
SKIPPED_WORD = (
    rf"(?![{QUOTES}]+{_WORD_END})"
    rf"(?![^\s,.;:!?{DOUBLE_QUOTES}][^\s,.;:!?]*[{DOUBLE_QUOTES}]{_WORD_END})"
    r"[^\s,.;:!?]+"
)
# A skipped word is not a conjunction after a comma that opens a clause with a new subject:
# ", and the government fears" starts another clause, so "people at home, and the government
# fears" is not "people ... fear"; an aside ("officials, while cautious, said") is skipped.
NOT_A_NEW_CLAUSE = (
    r"(?!(?:(?<=,)|(?<=,\s)|(?<=,\s\s))(?:and|but|or|while|whereas|although|though|because|yet|so)"
    r"\s+(?:the|a|an|its|their|his|her|this|that|these|those|we|they|he|she|it|i)\b)"
    # nor a subject of its own after a comma: in "Licences come quickly, some traders suggest",
    # "It hits carmakers, analysts warn" and "Companies, analysts say, cut output" the source
    # follows the comma; an aside about the subject before it is skipped ("Officials, some of
    # whom spoke, said", "Experts, many from abroad, warned", "Diplomats, some speaking, said")
    r"(?!(?:(?<=,)|(?<=,\s)|(?<=,\s\s))(?:(?:some|many|most|several|numerous|certain|few)\b"
    r"(?!\s+(?:of|from|in|at|with|among|on|under|over|\w+ing)\b)|(?:analysts|experts|critics|"
    r"officials|observers|economists|traders|diplomats|sources|insiders|executives|investors|"
    r"researchers|scientists|lawyers|residents)\b))"
)


def _literal_regex(chars: str) -> str:
    """Regex for literal pattern characters (hyphen and apostrophe variants widened)."""
    out = []
    for ch in chars:
        if ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            out.append(r"[\-‐–\s]")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alternation_regex(alternatives: list[str], *, case_sensitive: bool) -> str:
    """Regex for the alternatives of ``{a,b,c}``, tried in the given order.

    Case-insensitive alternatives that all start with an ASCII letter are grouped by that letter
    (``{some,many,most}`` -> ``(?:some|m(?:any|ost))``), recursively: ``re`` then rejects a
    group on its first letter instead of entering every alternative. Only alternatives that
    differ in a letter at the same place change order, and those never match at the same
    position, so the match is the same.
    """
    if len(alternatives) == 1:
        return _literal_regex(alternatives[0])
    if case_sensitive or not all(a[:1].isascii() and a[:1].isalpha() for a in alternatives):
        return "(?:" + "|".join(_literal_regex(a) for a in alternatives) + ")"
    by_letter: dict[str, list[str]] = {}
    for a in alternatives:
        by_letter.setdefault(a[0].lower(), []).append(a[1:])
    groups = [
        letter + _alternation_regex(rests, case_sensitive=False)
        for letter, rests in by_letter.items()
    ]
    return groups[0] if len(groups) == 1 else "(?:" + "|".join(groups) + ")"


def _stem_alternation_regex(alternatives: list[str], token: str, close: int, pattern: str) -> str:
    """Regex for ``{a,b*}`` whose alternatives may end with ``*`` (any word characters), as a
    token may: ``{chip,chipmaker*,semiconductor*}``; only in braces that end their token."""
    if close != len(token) - 1 or any("*" in a.removesuffix("*") or a == "*" for a in alternatives):
        raise ValueError(
            f"'*' in braces may only end an alternative of braces that end their token "
            f"('{{chip,chipmaker*}}'), not as in {token!r} in pattern {pattern!r}"
        )
    rx = [
        _literal_regex(a.removesuffix("*")) + (r"\w*" if a.endswith("*") else "")
        for a in alternatives
    ]
    return "(?:" + "|".join(rx) + ")"


def _token_regex(token: str, pattern: str) -> str:
    """Regex for one token of a pattern (see the module docstring)."""
    case_sensitive = token.startswith("=")
    if case_sensitive:
        token = token[1:]
    if not token:
        raise ValueError(f"empty token in pattern {pattern!r}")
    if token in PLACEHOLDERS:
        return PLACEHOLDERS[token]
    if re.search(r"<(?:any|cap|name|num|skip:\d+)>", token):
        raise ValueError(
            f"a placeholder such as <any> must be a whole token, not part of {token!r} in "
            f"pattern {pattern!r}"
        )
    parts: list[str] = []
    i = 0
    while i < len(token):
        ch = token[i]
        if ch == "{":
            close = token.find("}", i)
            if close < 0:
                raise ValueError(f"unbalanced '{{' in pattern {pattern!r}")
            alternatives = token[i + 1 : close].split(",")
            alternatives.sort(key=len, reverse=True)  # longest alternative first
            if any("*" in a for a in alternatives):
                parts.append(_stem_alternation_regex(alternatives, token, close, pattern))
            else:
                parts.append(_alternation_regex(alternatives, case_sensitive=case_sensitive))
            i = close + 1
        elif ch == "}":
            raise ValueError(f"unbalanced '}}' in pattern {pattern!r}")
        elif ch == "*":
            if i != len(token) - 1:
                raise ValueError(f"'*' is only allowed at the end of a token in {pattern!r}")
            parts.append(r"\w*")
            i += 1
        else:
            j = i
            while j < len(token) and token[j] not in "{}*":
                j += 1
            parts.append(_literal_regex(token[i:j]))
            i = j
    body = "".join(parts)
    return f"(?-i:{body})" if case_sensitive else body


def _split_pattern(pattern: str) -> list[str]:
    """Split a pattern on spaces outside braces, keeping ``[`` and ``]`` as separate pieces."""
    pieces: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in pattern:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if depth == 0 and (ch.isspace() or ch in "[]"):
            if current:
                pieces.append("".join(current))
                current = []
            if ch in "[]":
                pieces.append(ch)
            continue
        current.append(ch)
    if current:
        pieces.append("".join(current))
    return pieces


def _token_can_be_empty(token: str) -> bool:
    """Whether a token can match no text: only '{...}' groups with an empty alternative and a
    final '*' (placeholders and literal characters always take some)."""
    body = token.removeprefix("=")
    if body in PLACEHOLDERS:
        return False
    rest = re.sub(r"\{([^{}]*)\}", lambda m: "" if "" in m.group(1).split(",") else "x", body)
    return rest in ("", "*")


@functools.cache  # the loaders and the matcher read each pattern's parts six times
def pattern_parts(pattern: str) -> tuple[tuple[str, bool], ...]:
    """Split a pattern into (token, optional) pairs; raise ``ValueError`` on bad brackets."""
    tokens: list[tuple[str, bool]] = []
    optional = False
    for piece in _split_pattern(pattern.strip()):
        if piece == "[":
            if optional:
                raise ValueError(f"nested '[' in pattern {pattern!r}")
            optional = True
        elif piece == "]":
            if not optional:
                raise ValueError(f"unbalanced ']' in pattern {pattern!r}")
            optional = False
        else:
            tokens.append((piece, optional))
    if optional:
        raise ValueError(f"unbalanced '[' in pattern {pattern!r}")
    if not tokens:
        raise ValueError(f"empty pattern {pattern!r}")
    if all(opt for _, opt in tokens):
        raise ValueError(f"pattern {pattern!r} has only optional tokens")
    if all(opt or SKIP_RE.fullmatch(t) or _token_can_be_empty(t) for t, opt in tokens):
        raise ValueError(
            f"pattern {pattern!r} can match no text at all (every token of it can be empty: a "
            "'{...}' with an empty alternative, or a lone '*')"
        )
    for k, (token, optional) in enumerate(tokens):
        if SKIP_RE.fullmatch(token) and (optional or k in (0, len(tokens) - 1)):
            raise ValueError(f"<skip:N> must be a required inner token in {pattern!r}")
    return tuple(tokens)


# A gap between words: a run of white space and commas with some white space in it.
# Found only at a run's start (the look-behind), so a long run of commas costs one pass, not one
# per position.
GAP_RE = re.compile(r"(?<![\s,])[\s,]*\s[\s,]*")


def max_gaps(pattern: str) -> int:
    """The most gaps (:data:`GAP_RE` runs) a match of ``pattern`` can hold: one between tokens,
    one per space or ``-`` inside a token, N in ``<skip:N>`` (only those produce white space,
    and a skipped word holds none)."""
    gaps = -1  # the first token has no gap before it
    for token, _ in pattern_parts(pattern):
        skip = SKIP_RE.fullmatch(token)
        gaps += int(skip.group(1)) if skip else 1 + token.count(" ") + token.count("-")
    return gaps


@functools.cache  # the lexicon loaders check each pattern, the matcher uses it
def pattern_regex(pattern: str, *, hyphen_joins_words: bool = True) -> str:
    """Regex source (to compile with ``re.IGNORECASE``) for one lexicon pattern."""
    parts = pattern_parts(pattern)
    first_required = next(k for k, (_, optional) in enumerate(parts) if not optional)
    pieces: list[str] = []
    for k, (token, optional) in enumerate(parts):
        skip = SKIP_RE.fullmatch(token)
        if skip:
            # SKIPPED_WORD: the end of a quotation ends the clause ('for families," the minister
            # said': the families are inside the quotation, not its source)
            # with the commas after the last word skipped ("critics, while wary, said")
            n = int(skip.group(1))
            pieces.append(rf"(?:[\s,]+{NOT_A_NEW_CLAUSE}{SKIPPED_WORD}){{0,{n}}}?,*")
            continue
        rx = _token_regex(token, pattern)
        if k < first_required:  # leading optional token: its whitespace comes after it
            pieces.append(f"(?:{rx}\\s+)?")
        elif k == first_required:
            pieces.append(rx)
        else:
            pieces.append(f"(?:\\s+{rx})?" if optional else f"\\s+{rx}")
    body = "".join(pieces)
    word = r"[\w\-]" if hyphen_joins_words else r"\w"
    first, last = parts[0][0].lstrip("="), parts[-1][0]
    starts_word = first.startswith(("<", "{", "[")) or first[:1].isalnum() or first[:1] == "_"
    ends_word = last.endswith((">", "}", "*")) or last[-1:].isalnum() or last[-1:] == "_"
    lead = f"(?<!{word})" if starts_word else ""
    trail = f"(?!{word})" if ends_word else ""
    if hyphen_joins_words and ends_word:
        trail = r"(?!\w|-\w)"  # a trailing hyphen before a space ("well- and") still ends a word
    return f"{lead}{body}{trail}"


# What a match of a pattern can start with: the matcher's dispatch (pipeline/matcher.py) tries
# an entry only where its first word can be.
def _token_first_chars(token: str) -> frozenset[str] | None:
    """Lower-case ASCII letters or digits a token can start with (None: unknown or any)."""
    token = token.lstrip("=")
    if token == "<num>":
        return frozenset("0123456789")
    if token.startswith("<"):
        return None
    if token.startswith("{"):
        close = token.index("}")
        chars: set[str] = set()
        for alternative in token[1:close].split(","):
            alternative = alternative or token[close + 1 :]
            if not alternative or alternative[0] in "{*":
                return None
            chars.add(alternative[0].lower())
    else:
        chars = {token[0].lower()}
    if all(c.isascii() and c.isalnum() for c in chars):
        return frozenset(chars)
    return None


def first_chars(pattern: str) -> frozenset[str] | None:
    """Characters a match of ``pattern`` can start with (None: unknown); used for dispatch."""
    chars: set[str] = set()
    for token, optional in pattern_parts(pattern):
        first = _token_first_chars(token)
        if first is None:
            return None
        chars |= first
        if not optional:
            break
    return frozenset(chars)


LEADING_ALNUM_RE = re.compile(r"[A-Za-z0-9]+")  # the letters and digits a token starts with


def _token_prefixes(token: str) -> frozenset[tuple[str, bool]] | None:
    """(lower-case ASCII prefix, whole word?) pairs a match of the token starts with.

    None when unknown (placeholders, a non-ASCII or symbol start). "Whole word" when nothing
    that could continue a word follows the prefix in the token (``a`` in ``a few``, ``well``
    in ``well-known``), so the prefix must end at a word boundary.
    """
    token = token.lstrip("=")
    if token.startswith("<"):
        return None
    if token.startswith("{"):
        close = token.index("}")
        rest = token[close + 1 :]
        candidates = [alternative + rest for alternative in token[1:close].split(",")]
    else:
        candidates = [token]
    prefixes = set()
    for candidate in candidates:
        m = LEADING_ALNUM_RE.match(candidate)
        if m is None:
            return None
        after = candidate[m.end() : m.end() + 1]
        whole = after == "" or not (after.isalnum() or after in "_*{")
        prefixes.add((m.group().lower(), whole))
    return frozenset(prefixes)


def leading_prefixes(pattern: str) -> frozenset[tuple[str, bool]] | None:
    """(prefix, whole word?) pairs a match of ``pattern`` starts with (None: unknown)."""
    out: set[tuple[str, bool]] = set()
    for token, optional in pattern_parts(pattern):
        prefixes = _token_prefixes(token)
        if prefixes is None:
            return None
        out |= prefixes
        if not optional:
            break
    return frozenset(out)
