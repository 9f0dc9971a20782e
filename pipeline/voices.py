"""Whose words a sentence is: the writer's, a quoted speaker's or an interviewee's.

Questions of the writer (:func:`is_question`), quotations (:mod:`pipeline.quotes`), the turns of
an interview or transcript (:func:`speaker_turns`), the sentences of a quotation over several
sentences (:func:`quoted_sentence_ids`), and the source a figure in someone else's words takes
from the attribution of those words (:func:`borrowed_sourcing`, in
:mod:`pipeline.voices_sourcing`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence

from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.quotes import OPENING_QUOTES, QUOTE_MARK_RE
from pipeline.stance_names import common_words
from pipeline.types import Sentence

# A transcript's time code before a label: "[14:02:15] Mr Hale:", "(00:01:22.5) ANNA LOWE:";
# a live blog's "12:30 PM:" or "08:00 AEST:" is a time, no speaker (time_zones.txt)
_ZONES = "|".join(re.escape(z) for z in sorted(read_word_list(lexicon_path("time_zones.txt"))))
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_TIME_CODE = (  # a bracketed code is a transcript's ("[14:02] CAT:" is a speaker named Cat)
    rf"(?:[\[(]{_TIME}[\])]\s+|{_TIME}\s+(?!(?:{_ZONES})(?![\w.])))?"
)
# the colon that ends a label: before a space or at the end ("MS LOWE:" once "(Applause)" has
# gone from "MS LOWE: (Applause)")
_LABEL_END = r":(?:\s|\Z)"
# A speaker's label in capitals in an interview or transcript: "Q:", "A:", "SEN. SMITH:"
SPEAKER_RE = re.compile(
    rf"\s*{_TIME_CODE}((?:[A-Z][A-Z.'’-]*\s+){{0,3}}[A-Z][A-Z.'’-]*|Question|Answer){_LABEL_END}"
)
# A label in mixed case of a parliamentary record or a hearing ("Mr Hale:", "The Minister for
# Security (Dame Helen Marsh):", "Fiona McAlister (Glasgow Kelvinbridge) (SNP):"): capitalised
# words (and the small words of an office), brackets, a colon; speaker_label checks its title
_LABEL_WORD = r"[A-Z][\w'’.-]*,?"
MIXED_LABEL_RE = re.compile(
    rf"\s*{_TIME_CODE}({_LABEL_WORD}(?:\s+(?:{_LABEL_WORD}|of|for|and|the|de|van|von|da)){{0,11}})"
    rf"((?:\s+\([^()\n]{{1,80}}\)){{0,4}}){_LABEL_END}"
)
# titles and offices that open a label in mixed case ("Mr", "Dame", "Hon", "The Minister")
SPEAKER_TITLES = frozenset(read_word_list(lexicon_path("speaker_titles.txt")))
MAX_TITLE_WORDS = 3  # "Vice Foreign Minister"
# the kinds of a label: in capitals ("SEN. SMITH:"), in mixed case with a title or brackets ("Mr
# Hale:", "Fiona McAlister (SNP):"), and a bare name ("Zhao Wenli:"), a turn only where it
# answers an interviewer's turns (speaker_turns)
CAPITALS, MIXED, BARE_NAME = "capitals", "mixed", "name"
_BARE_NAME_WORD_RE = re.compile(r"(?:[A-Z]['’])?[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*")  # "O'Neil"
_POSSESSIVE_RE = re.compile(r"['’]s$")  # "Editor's" is the word "editor"
MAX_LABEL_CHARS = 400  # a label's colon is this near a paragraph's start
QA_LABELS = frozenset({"Q", "A", "QUESTION", "ANSWER"})
QA_DOT_RE = re.compile(r"\s*(Q|A|Question|Answer)\.(?:\s|$)")  # "Q. Will prices rise?"
# the labels of whoever asks or hosts: their turns are the programme's own voice and questions to
# the speaker, not the speaker's words
INTERVIEWER_LABELS = frozenset(read_word_list(lexicon_path("interviewer_labels.txt")))
# the metadata labels of a transcript's header ("PARTICIPANTS:", "DATE:"): no speakers
HEADER_LABELS = frozenset(read_word_list(lexicon_path("transcript_header_labels.txt")))
# the labels of a live blog's or a page's own lines ("UPDATE:", "BREAKING:", "Editor's Note:"):
# no speakers, however often they come
PAGE_LABELS = frozenset(read_word_list(lexicon_path("page_labels.txt")))
# what opens the words after a label in mixed case that no speaker's words open: a quotation mark
# ('Mr Trump: "We will win"', a news story quoting him) or a word in lower case ("Dr Smith: a
# profile of ...", a headline's or glossary's colon)
_NOT_AFTER_MIXED_LABEL = frozenset("\"“‘'«„")
CLOSERS = " \t\r\n)]’'）】"
# a wiki's reference or cleanup mark: a number ("[1]", "[2–4]"), a note ("[note 2]"), a single
# letter ("[a]") or a cleanup mark of ``wiki_cleanup_marks.txt`` ("[citation needed]", "[who?]");
# an editor's insertion ("[the deal]", "[we]") is none. It closes the sentence before it
# (pipeline.segment_punkt) and asks no question (is_question)
_CLEANUP_MARKS = "|".join(
    re.escape(mark).replace("–", "[–—-]")
    for mark in sorted(read_word_list(lexicon_path("wiki_cleanup_marks.txt")), key=len)[::-1]
)
REFERENCE_MARK = (
    r"\[(?:\d{1,4}(?: ?[,–-] ?\d{1,4}){0,8}|(?:note|nb|n|fn) ?\d{1,3}|[a-z]|\^[\w-]{1,20}"
    rf"|(?i:{_CLEANUP_MARKS}))\]"
)  # ... and a Markdown footnote's mark ("[^1]", "[^note]")
_TRAILING_MARKS_RE = re.compile(rf"(?:{REFERENCE_MARK}){{1,8}}$")
# a reference mark or a superscript footnote number, which a sentence keeps ("praised.[3]",
# "a disaster.¹"): blanked where the words of a sentence are scored (pipeline.sentiment_vader)
SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074-\u2079"
# not before a letter: an editor's "[t]he", a formula's "x²y"
NOTE_MARK_RE = re.compile(rf"(?:{REFERENCE_MARK}|[{SUPERSCRIPT_DIGITS}])+(?![^\W\d_])")
_SUPERSCRIPTS = frozenset("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def without_note_marks(text: str) -> str:
    """``text`` with its reference marks and superscript footnote numbers replaced by spaces
    (offsets kept): VADER reads "praised.[3]" as one unknown word, "praised." as "praised"."""
    if "[" not in text and _SUPERSCRIPTS.isdisjoint(text):
        return text
    return NOTE_MARK_RE.sub(lambda m: " " * len(m.group()), text)


# the writer reporting someone in the third person ("Industry groups said"), not "I said"
REPORTING_RE = re.compile(
    r"(?<!\bI )(?<!\bwe )(?<!\byou )\b(?:said|says|told)\b|\baccording to\b", re.IGNORECASE
)


# what a post ends with after its last sentence: emoji and other symbols (with their joiners and
# variation selectors), hashtags, @handles and links
_SOCIAL_TAIL_RE = re.compile(
    # possessive: "(a+)+$" backtracks exponentially on a run of emoji followed by a word
    r"(?:[\s,]*+(?:[\U0001F000-\U0001FAFF\U000E0020-\U000E007F\u2190-\u21FF\u2300-\u23FF"
    r"\u2600-\u275A\u2761-\u27BF\u2B00-\u2BFF\u00a9\u00ae\u2122\u203c\u2049\u3030\u303d"
    r"\u3297\u3299\u200d\ufe0f\u20e3]++|[#*0-9]\ufe0f?\u20e3|#\w++|@\w++|https?://\S++))++$"
)


# last characters no social tail ends with (not a symbol, a keycap, a word character) unless a
# link's: a line that ends with one and holds no "://" has no tail, which skips the regex's
# try at every position of most sentences
_NO_TAIL_ENDS = frozenset(".?!\"')]")


def without_social_tail(line: str) -> str:
    """``line`` without the emoji, hashtags, @handles and links after its last word ("Is it
    safe? 🤔" -> "Is it safe?"); a line of only those is returned empty."""
    if line[-1:] in _NO_TAIL_ENDS and "://" not in line:
        return line
    return _SOCIAL_TAIL_RE.sub("", line)


def is_question(text: str) -> bool:
    """Whether a sentence is the writer's own question: it ends in '?' outside quotation marks.

    "So, is there a middle ground?" counts; 'He asked: "Why now?"' does not (a reported question),
    nor does a sentence that a wiki's cleanup mark ends ("secretive.[who?]").
    The questions of an interview's or hearing's turns are not the writer's either; the stance
    stage leaves them out with :func:`speaker_turns`.
    """
    if text.endswith("]") and (m := _TRAILING_MARKS_RE.search(text, max(0, len(text) - 400))):
        text = text[: m.start()]  # a wiki's marks after it: "secretive.[who?]", "Why?[1]"
    stripped = (without_social_tail(text) or text).rstrip(CLOSERS)  # "Is it safe? 🤔"
    if stripped.endswith(("”", '"', "」", "』")):
        return False
    return stripped.endswith(("?", "？"))  # a full-width mark ends a Chinese question


def speaker_label(text: str) -> tuple[str, int] | None:
    """The speaker's label opening ``text`` (upper case, as a key) and where it ends (after its
    colon), or None: a label in capitals ("SEN. SMITH:", "Q:") or, in mixed case, a title and
    at least one word after it ("Mr Hale:", "Dame Helen Marsh:", "Hon. Members:", "Spokesperson
    Zhao Wenli:", "The Minister for Security (Dame Helen Marsh):", ``speaker_titles.txt``, whose
    titles have up to three words: "Foreign Minister Wang Yi:") or a name of two to four words
    with its constituency or party in brackets ("Fiona McAlister (Glasgow Kelvinbridge)
    (SNP):"). "Why it matters:", "The bottom line:" and "Note:" are none, nor is a transcript
    header's "PARTICIPANTS:" or "DATE:" (``transcript_header_labels.txt``), nor a page's own
    "UPDATE:", "BREAKING:" or "Editor's Note:" (``page_labels.txt``), nor a label in mixed case
    before a quotation mark or a word in lower case ('Mr Trump: "We will win"', "Dr Smith: a
    profile of ..."), nor a bare name ("Zhao Wenli:"; not "Short Answer:", whose words are all
    common English words), which only :func:`speaker_turns` takes, and only as the answers to an
    interviewer's turns. :func:`speaker_turns` decides whether
    labels in mixed case are turns."""
    found = _label(text)
    return None if found is None or found[2] == BARE_NAME else found[:2]


def _label(text: str) -> tuple[str, int, str] | None:
    """:func:`speaker_label` and the label's kind: :data:`CAPITALS`, :data:`MIXED` (a title or
    brackets) or :data:`BARE_NAME` (two or three capitalised words: "Zhao Wenli:")."""
    if ":" not in text[:MAX_LABEL_CHARS]:
        return None
    if m := SPEAKER_RE.match(text):
        key = m.group(1).upper()
        return None if _is_no_speaker(key) else (key, m.end(), CAPITALS)
    if (m := MIXED_LABEL_RE.match(text)) is None:
        return None
    after = text[m.end() : m.end() + 1]
    if after in _NOT_AFTER_MIXED_LABEL or after.islower():
        return None
    words = m.group(1).split()
    if words[0].upper() in HEADER_LABELS or _is_no_speaker(" ".join(words).upper()):
        return None
    key = " ".join((m.group(1) + m.group(2)).split()).upper()
    n = _title_length(words)
    if (n and (len(words) > n or words[0] == "The")) or (m.group(2) and 2 <= len(words) <= 4):
        return key, m.end(), MIXED
    if not m.group(2) and 2 <= len(words) <= 3 and _is_bare_name(words):
        return key, m.end(), BARE_NAME
    return None


def _is_no_speaker(key: str) -> bool:
    """Whether a label (upper case) is a transcript header's ("DATE") or a page's own ("UPDATE",
    "EDITOR'S NOTE"): ``transcript_header_labels.txt``, ``page_labels.txt``."""
    return key in HEADER_LABELS or key.replace("’", "'") in PAGE_LABELS


def _is_bare_name(words: Sequence[str]) -> bool:
    """Whether a label's words are a name: capitalised words, one of them at least no common
    English word (``common_words.txt``: "Zhao Wenli", "Wang Yi"; not "Short Answer", "Key
    Points", "Editor's Note"). A name of common words only ("John Smith") is lost with them."""
    if not all(map(_BARE_NAME_WORD_RE.fullmatch, words)):
        return False
    common = common_words()
    return any(_POSSESSIVE_RE.sub("", w).lower() not in common for w in words)


def _title_length(words: Sequence[str]) -> int:
    """How many of a label's first words are a title of ``speaker_titles.txt`` (the longest of
    up to three: "Foreign Minister", "Spokesperson", "The Minister"), 0 for none."""
    bare = [w.rstrip(".") for w in words[:MAX_TITLE_WORDS]]
    return next((n for n in range(len(bare), 0, -1) if " ".join(bare[:n]) in SPEAKER_TITLES), 0)


def opens_turn(paragraphs: Sequence[str], i: int) -> bool:
    """Whether paragraph ``i`` of a text (``paragraphs``: their texts) opens with a speaker's
    label (:func:`speaker_label`); the first paragraph's label counts only when it opens
    another paragraph too or is Q or A: "FACT CHECK: Did ...?", "ANALYSIS: ..." is a title."""
    label = speaker_label(paragraphs[i])
    if label is None or i > 0 or label[0] in QA_LABELS:
        return label is not None
    return any((o := speaker_label(p)) and o[0] == label[0] for p in paragraphs[1:])


def speaker_turns(sentences: Sequence[Sentence]) -> dict[int, str]:
    """Paragraph id -> speaker label of the turns of an interview or transcript: paragraphs that
    open with a label and a colon (:func:`speaker_label`: "Q:", "A:", "SEN. SMITH:", "MR.
    PICHAI:", "Mr Hale:", "Dame Helen Marsh:"), or "Q." / "A." when both occur. Labels in mixed
    case count only when two different ones open paragraphs (the record of a debate or a
    hearing, not a news story quoting "Mr Trump:" twice) or when one answers an interviewer
    (:func:`answers_to_interviewer`: "Spokesperson Zhao Wenli:" after "Q:" at a press
    conference); a bare name ("Zhao Wenli:") counts only in the second case. Labels other
    than Q and A count only when one of them opens two or more paragraphs (a speaker speaks
    again), so that "WHY IT MATTERS:" and "WHAT'S NEXT:" sections are no speakers (a page's
    "UPDATE:" is none however often it comes, :func:`speaker_label`); the text's first
    paragraph is a turn only when its label opens another one too ("FACT CHECK: Did ...?" is a
    title's label). A turn goes on over the paragraphs after it that have no label
    (:func:`continued_turns`) when the text has two turns or more."""
    turns, dotted, order, kinds = {}, {}, {}, {}
    for s in sentences:  # in text order: a paragraph's first sentence comes first
        if s.paragraph_id in order:
            continue
        order[s.paragraph_id] = s.is_heading
        if s.is_heading:
            continue
        if label := _label(s.text):
            turns[s.paragraph_id], kinds[s.paragraph_id] = label[0], label[2]
        elif m := QA_DOT_RE.match(s.text):
            dotted[s.paragraph_id] = m.group(1).upper()[0]
    if {"Q", "A"} <= set(dotted.values()):
        turns.update(dotted)
    labels = list(turns.values())
    first = next(iter(order), None)  # a text's first line: "FACT CHECK: Did ...?" is a title's
    if turns.get(first, "Q") not in QA_LABELS and labels.count(turns[first]) < 2:
        del turns[first]
    answering = answers_to_interviewer(turns)
    titled = {turns[p] for p, kind in kinds.items() if kind == MIXED and p in turns}
    if len(titled) < 2:  # no record of a debate or hearing
        titled = set()
    turns = {
        p: label
        for p, label in turns.items()
        if kinds.get(p, CAPITALS) == CAPITALS or label in titled or label in answering
    }
    labels = list(turns.values())
    if not any(labels.count(x) >= 2 for x in set(labels) - QA_LABELS):
        turns = {p: label for p, label in turns.items() if label in QA_LABELS}
    if len(turns) < 2:
        return turns
    # searched only here: REPORTING_RE has no literal start, so it tries every character of
    # every sentence, and most texts have no turns to continue
    reporting = {s.paragraph_id for s in sentences if REPORTING_RE.search(s.text)}
    return continued_turns(order, turns, reporting)


def answers_to_interviewer(turns: Mapping[int, str], *, min_answers: int = 2) -> set[str]:
    """The labels in ``turns`` (paragraph id -> label; ids ascend in text order) that answer an
    interviewer: the next label after an interviewer's ("Q:", "HOST:",
    ``interviewer_labels.txt``) at least ``min_answers`` times, as a spokesperson's
    ("Spokesperson Zhao Wenli:") after the reporters' "Q:" at a press conference."""
    answers: dict[str, int] = {}
    before = None
    for _, label in sorted(turns.items()):
        if before in INTERVIEWER_LABELS and label not in INTERVIEWER_LABELS:
            answers[label] = answers.get(label, 0) + 1
        before = label
    return {label for label, n in answers.items() if n >= min_answers}


# a thread's post counter opening a line: "1/", "2/12", "3/ " (where "1/" and "2/" open posts)
POST_COUNTER_RE = re.compile(r"(\d{1,3})/(?:(\d{1,3})(?!\d))?\s")


def is_thread(counters: Collection[re.Match[str] | None]) -> bool:
    """Whether the post counters opening a text's paragraphs (POST_COUNTER_RE's matches, None
    where none opens one) number a thread's posts: both 1 and 2 are there ("24/7 Support" alone
    is no post), and the totals given are one, at least each number ("1/12", "2/12"; a recipe's
    "1/2 cup" and "2/3 cup" are fractions)."""
    found = [m for m in counters if m]
    totals = {int(m.group(2)) for m in found if m.group(2)}
    numbers = {int(m.group(1)) for m in found}
    if not {1, 2} <= numbers or len(totals) > 1:
        return False
    return not totals or max(numbers) <= min(totals)


def opening_mark_ends(sentences: Sequence[Sentence]) -> dict[int, int]:
    """sent_id -> end offset of what opens the sentence and is none of its words: a transcript
    turn's speaker label (:func:`speaker_label_ends`), or a thread post's counter with the
    space after it ("1/ ", "2/12 ") where the counters 1 and 2 open paragraphs (the rule of
    :func:`pipeline.paragraphs.paragraphs_of`, which makes those posts body text)."""
    out = speaker_label_ends(sentences)
    firsts: dict[int, Sentence] = {}
    for s in sentences:
        firsts.setdefault(s.paragraph_id, s)
    counters = {i: POST_COUNTER_RE.match(s.text) for i, s in firsts.items()}
    if is_thread(list(counters.values())):
        for i, m in counters.items():
            if m and firsts[i].sent_id not in out:
                out[firsts[i].sent_id] = firsts[i].start + m.end()
    return out


def speaker_label_ends(sentences: Sequence[Sentence]) -> dict[int, int]:
    """sent_id -> end offset of the speaker label opening it ("LENA FISCHER: ...", "A. ..."),
    for the sentences that open a turn (:func:`speaker_turns`)."""
    if not any(
        ":" in s.text[:MAX_LABEL_CHARS] or s.text.lstrip()[:1] in ("Q", "A") for s in sentences
    ):
        return {}  # no label (speaker_label needs a colon, QA_DOT_RE a Q or an A) opens any
    turns = speaker_turns(sentences)
    out: dict[int, int] = {}
    seen: set[int] = set()
    for s in sentences:
        if s.paragraph_id in seen:
            continue
        seen.add(s.paragraph_id)
        if s.paragraph_id not in turns:
            continue
        if (label := _label(s.text)) and label[0] == turns[s.paragraph_id]:
            out[s.sent_id] = s.start + label[1]
        elif m := QA_DOT_RE.match(s.text):
            out[s.sent_id] = s.start + m.end()
    return out


def continued_turns(
    paragraphs: Mapping[int, bool], turns: Mapping[int, str], reporting: Collection[int] = ()
) -> dict[int, str]:
    """``turns`` (paragraph id -> label) with each turn going on over the unlabelled paragraphs
    after it: a speaker's second paragraph is still the speaker's. ``paragraphs``: each
    paragraph id, in text order, -> whether it is a heading. A run of such paragraphs that the
    next label ends is the turn's; a run that a heading or the text's end ends is the turn's
    only when it is no longer than the longest run ended by a label (the speakers of this text
    do speak over several paragraphs) and none of its paragraphs is in ``reporting`` (the
    writer reports someone: "Industry groups said"). So an interview section in an article
    ("Q: ...", "A: ...", then the article goes on) leaves the article's paragraphs after it the
    writer's."""
    runs: list[tuple[str, list[int], bool]] = []  # (label, paragraph ids, ended by a label)
    label, run = None, []
    for pid, heading in paragraphs.items():
        if pid in turns or heading:
            if label is not None and run:
                runs.append((label, run, pid in turns))
            label, run = turns.get(pid), []
        elif label is not None:
            run.append(pid)
    if label is not None and run:
        runs.append((label, run, False))
    longest = max((len(r) for _, r, by_label in runs if by_label), default=0)
    reporting_in = set(reporting).intersection
    out = dict(turns)
    for label, run, by_label in runs:
        if by_label or (len(run) <= longest and not reporting_in(run)):
            out.update(dict.fromkeys(run, label))
    return {pid: out[pid] for pid in paragraphs if pid in out}


def _open_quotations(sentences: Sequence[Sentence]) -> Iterator[tuple[Sentence, bool, bool]]:
    """Each body sentence with whether it starts and whether it ends inside a quotation of its
    paragraph. A quotation opens at “ « (or an odd " that is no inch mark) and closes at ” » (or
    the next ")."""
    open_quote, paragraph = False, None
    for s in sentences:
        if s.paragraph_id != paragraph:
            paragraph, open_quote = s.paragraph_id, False
        if s.is_heading:
            continue
        quoted_from_start = open_quote
        for m in QUOTE_MARK_RE.finditer(s.text):
            mark = m.group()
            if mark == '"' and not open_quote and s.text[m.start() - 1 : m.start()].isdigit():
                continue  # an inch mark (a 6" pipe); an open quotation's " closes it ("… 2025")
            open_quote = mark in OPENING_QUOTES or (mark == '"' and not open_quote)
        yield s, quoted_from_start, open_quote


def quoted_sentence_ids(
    sentences: Sequence[Sentence], turns: Mapping[int, str] | None = None
) -> set[int]:
    """Body sentences that are someone else's words though no quotation opens and closes in
    them: the sentences of a quotation that runs over several sentences (“We are proud. Our
    customers want it,” he said: both), also when the paragraph ends before the quotation
    closes, as news style does for a quotation of several paragraphs; and the turns of an
    interviewee or a hearing's speakers (``turns``, from :func:`speaker_turns`), not the
    interviewer's "Q:" (:func:`_open_quotations` says where a quotation opens and closes)."""
    return quotation_ids(sentences, turns)[0]


def quotation_ids(
    sentences: Sequence[Sentence], turns: Mapping[int, str] | None = None
) -> tuple[set[int], set[int]]:
    """:func:`quoted_sentence_ids` and, from the same pass over the marks, the body sentences
    that start inside a quotation an earlier sentence of their paragraph opened ("We are proud.
    | Our customers want it," he said), whose first straight mark closes it
    (:func:`pipeline.quotes.quoted_parts`)."""
    turns = speaker_turns(sentences) if turns is None else turns
    quoted: set[int] = set()
    opened: set[int] = set()
    for s, quoted_from_start, open_at_end in _open_quotations(sentences):
        if quoted_from_start:
            opened.add(s.sent_id)
        speaker = turns.get(s.paragraph_id)
        if quoted_from_start or open_at_end or (speaker and speaker not in INTERVIEWER_LABELS):
            quoted.add(s.sent_id)
    return quoted, opened
