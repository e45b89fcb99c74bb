"""A source text cut into paragraphs, sentences and clauses, each as (start, end) offsets into the text.

Coverage counts sentences and `argmap draft` proposes one claim per sentence or clause, so both cut a
text the same way:

- **Paragraphs.** Blank lines separate paragraphs. Within a block of lines, a line break is a paragraph
  break when nearly every line of the block ends a sentence (a text written one paragraph per line),
  and otherwise only a space (a hard-wrapped text), except before a list item or a bullet, and after a
  short line that ends without punctuation (a heading, a byline).
- **Sentences** end at `.`, `!` or `?` (with closing quotes and brackets) before a capital, a digit, a
  bullet or an opening quote. A period does not end one after an abbreviation (`Mr.`, `U.S.`,
  `e.g.`, `ibid.`), an initial (`J. Madison`), a list marker (`A.`, `1.`), or in a citation
  (`Chap. xvi. Vol. I`, `No. 10`, `Art. 5`). Nothing inside square brackets ends a sentence, and a
  bracketed mark after a sentence's end (`[1]`, `[Book VIII]`) stays with that sentence.
- **Clauses**: a long sentence is cut after `;` and after a `:` that a clause follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]

_BULLET = re.compile(r"[\u2022\u00b7\u25aa\u25e6\u2023*\u2013\u2014-]\s")
_LIST_ITEM = re.compile(r"(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,5})[.)]\s|\(\w{1,4}\)\s")
_LIST_MARKER = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25e6\u2023*]\s*)?(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,5})[.)]$")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*$")
_CLOSERS = "\"'\u201d\u2019)"
# a sentence's end: the mark, closing quotes or brackets, bracketed editorial marks, space, then a new start
_END = re.compile(r"[.!?]+(?P<close>[" + _CLOSERS + r"]*(?:[ \t]*\[[^\]\n]*\])*)(?P<space>\s+)"
                  r"(?=[A-Z0-9\u2022\"\u201c\u2018(\[])")
_BRACKETS = re.compile(r"\[[^\[\]]{0,200}\]")

# never the end of a sentence (case matters: "No." is an answer, "no." is not an abbreviation we know)
_TITLES = frozenset("""Mr Mrs Ms Messrs Mme Mlle Dr St Rev Gen Col Capt Lt Sgt Gov Hon Prof Sr Jr Esq Mt Ft
vs etc e.g i.e viz cf ibid Ibid al ca approx Co Corp Inc Ltd Bros""".split())
# abbreviations of a citation: no end when a number (or a Roman numeral) follows
_CITATION = frozenset("""Chap chap Ch ch Vol vol Vols vols No no Nos nos Art art Arts arts Sect sect Sec sec Secs
Pt pt Bk bk Book Part p pp Fig fig Col col cols l ll n nn fol ff Para para Ed ed""".split())
_NUMBER = re.compile(r"^(?:\d+[a-z]?|[ivxlcdm]+|[IVXLCDM]+)$")
_TOKEN_BEFORE = re.compile(r"(\S+)\.$")


@dataclass(frozen=True)
class Segment:
    """A stretch of text between hard breaks: a paragraph, or a heading, a byline or a list item in one."""

    start: int
    end: int
    paragraph: int  # the index of the paragraph it belongs to


def blocks(text: str) -> list[Span]:
    """(start, end) of each block of non-blank lines."""
    found = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        start, end = match.start(), match.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        found.append((start, end))
    return found


def _lines(text: str, start: int, end: int) -> list[Span]:
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        raw = match.group()
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            spans.append((start + match.start() + lead, start + match.start() + len(raw.rstrip())))
    return spans


def _one_paragraph_per_line(text: str, lines: list[Span]) -> bool:
    """Nearly every line ends a sentence: the text is written one paragraph per line."""
    if len(lines) < 2:
        return False
    ends = sum(bool(_ENDS_SENTENCE.search(text[s:e])) for s, e in lines[:-1])
    return ends >= 0.8 * (len(lines) - 1)


def _hard_break(previous: str, following: str) -> bool:
    """Whether the break between these two lines of a hard-wrapped paragraph ends something."""
    if _BULLET.match(following) or _LIST_ITEM.match(following):
        return True
    if not following[:1].isupper() and following[:1] not in "\"\u201c\u2018":
        return False
    if re.search(r"[A-Za-z]", previous) and not re.search(r"[a-z]", previous) and re.search(r"[a-z]", following):
        return True  # an upper-case heading
    return len(previous) < 40 and not re.search(r"[.!?:;,\-\u2013\u2014]$", previous)


def segments(text: str) -> list[Segment]:
    """The text between hard breaks, in order, each with the index of its paragraph."""
    found: list[Segment] = []
    paragraph = 0
    for start, end in blocks(text):
        lines = _lines(text, start, end)
        per_line = _one_paragraph_per_line(text, lines)
        current: list[Span] = []
        for s, e in lines:
            if current and (per_line or _hard_break(text[current[-1][0]:current[-1][1]], text[s:e])):
                found.append(Segment(current[0][0], current[-1][1], paragraph))
                current = []
                paragraph += per_line
            current.append((s, e))
        found.append(Segment(current[0][0], current[-1][1], paragraph))
        paragraph += 1
    return found


def _masked(text: str) -> str:
    """The text with the inside of short [bracketed] marks blanked out, so that nothing in them ends a sentence."""
    return _BRACKETS.sub(lambda m: "[" + "x" * (len(m.group()) - 2) + "]", text)


def _is_end(text: str, start: int, period: int, after: int) -> bool:
    """Whether the mark at text[period] (in the segment that begins at start) ends a sentence."""
    if text[period] != ".":
        return True
    before = text[start:period + 1]
    token_match = _TOKEN_BEFORE.search(before)
    if token_match is None:
        return True
    token = token_match.group(1).lstrip("(\"'\u201c\u2018[")
    next_token = text[after:after + 40].split(maxsplit=1)[0] if text[after:after + 40].split() else ""
    next_word = next_token.rstrip(".,;:)]")
    if token in _TITLES or re.search(r"(?:\b[A-Z]\.){2,}$", before) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        return False  # "Mr.", "U.S.", "e.g."
    if re.fullmatch(r"[A-Z]", token):
        return False  # an initial: "J. Madison"; "A." before an item
    if not before[:token_match.start()].strip() and _LIST_MARKER.match(token + "."):
        return False  # "1." or "a." that begins the text: a list marker
    if token in _CITATION and _NUMBER.match(next_word or "-"):
        return False  # "Vol. I", "No. 10"
    following = text[after:after + 40].split()
    if next_word in _CITATION and len(following) > 1 and _NUMBER.match(following[1].rstrip(".,;:)]")):
        return False  # "The American Crisis. No. I": a title and its number
    words = before[:token_match.start()].split()
    if _NUMBER.match(token) and words and words[-1].rstrip(".") in _CITATION:
        return not (next_word in _CITATION or not next_word[:1].isalpha())  # "Chap. xvi. Vol. I"
    return True


def sentences_in(text: str, start: int, end: int) -> list[Span]:
    """(start, end) of each sentence of text[start:end], a stretch without hard breaks."""
    segment = _masked(text[start:end])
    spans = []
    previous = 0
    for match in _END.finditer(segment):
        stop = match.start("space")
        if not _is_end(segment, previous, match.start(), match.end()):
            continue
        spans.append((previous, stop))
        previous = match.end()
    spans.append((previous, len(segment)))
    result: list[Span] = []
    for first, last in spans:
        raw = text[start + first:start + last]
        lead = len(raw) - len(raw.lstrip())
        s, e = start + first + lead, start + first + len(raw.rstrip())
        if result and _LIST_MARKER.match(text[result[-1][0]:result[-1][1]].strip()):
            result[-1] = (result[-1][0], e)  # a marker alone belongs to what follows
        elif e > s:
            result.append((s, e))
    return [(s, e) for s, e in result if re.search(r"\w", text[s:e])]


def sentences(text: str) -> list[Span]:
    """(start, end) of each sentence of the text, in order (see the module's description)."""
    return [span for segment in segments(text) for span in sentences_in(text, segment.start, segment.end)]


_CLAUSE_END = re.compile(r"(?:;|:(?=\s+[\"\u201c\u2018(]?[A-Za-z]))[" + _CLOSERS + r"]*\s+")


def clauses(text: str, start: int, end: int, min_words: int = 4) -> list[Span]:
    """The clauses of the sentence text[start:end]: cut after ';' and after ':' where each side has min_words.

    A colon that introduces a list of one or two words ("as follows: X") does not cut.
    """
    masked = _masked(text[start:end])
    cuts = [0]
    for match in _CLAUSE_END.finditer(masked):
        head = masked[cuts[-1]:match.start()]
        tail = masked[match.end():]
        if len(re.findall(r"\w+", head)) >= min_words and len(re.findall(r"\w+", tail)) >= min_words:
            cuts.append(match.end())
    spans = []
    for index, cut in enumerate(cuts):
        stop = cuts[index + 1] if index + 1 < len(cuts) else len(masked)
        raw = text[start + cut:start + stop]
        s = start + cut + len(raw) - len(raw.lstrip())
        spans.append((s, start + cut + len(raw.rstrip())))
    return spans


def words(text: str) -> str:
    """The text with its whitespace folded to single spaces, as messages and reports show it."""
    return " ".join(text.split())
