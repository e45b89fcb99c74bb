"""A first draft of a map from a text: claims from its sentences, relations from its discourse markers.

Everything the draft proposes is marked `draft: true`, so that `argmap validate --strict` fails until a
person has reviewed each proposal and deleted the line. The draft is valid, and its quotes carry the
whole text (coverage 100%): every sentence is a claim, or a clause of one, or an omitted passage with
its reason.

How the text is read:

- **Front matter and furniture.** Short lines before the first paragraph of prose (a title, a date, a
  byline, an affiliation) and after the last one (page furniture, a signature) are omitted, each with
  the reason. So are headings in the text (short lines without punctuation), which also start sections.
- **Questions** that frame the text (in its first paragraph) are omitted: a question asserts nothing,
  and the reason asks the reviewer to name the claims that answer it. A question later in the text is
  more often rhetorical: it becomes a claim, whose note asks the reviewer to restate it as the claim it
  implies, or to move it to the omitted passages.
- **Claims.** Every other sentence is a claim, or several: a sentence is cut after `;`, after a `:` that
  a clause follows, before `, because` and `, since`, and after an opening `Although …,`. Leading
  connectives ("However,", "First,", "To this end,") are left out of the quote, so that the label reads
  as a statement; those that coverage does not know yet are added to `source.connectives`.
- **Relations** follow the markers: a clause after `:`, `because` or `since`, a sentence that starts
  with "Because" or "To this end", and list items after a sentence that ends with `:` support the claim
  before them; "Therefore", "Thus", "Hence", "So", "Consequently", "As a result" mark a conclusion of
  the claim before; "In short", "In sum", "In conclusion" one of the paragraphs before; "However",
  "But", "Yet", "Nevertheless", "On the other hand" and an opening "Although" mark an objection. A claim
  of a paragraph that supports or attacks nothing yet supports the paragraph's first claim (its topic).
- **The thesis** is the claim that scores best on: saying what should be done, standing in the first or
  the closing paragraph, or after "In short", and sharing words with the title.
- **Sections** are the text's headings (of prose, not of a list); without them, its enumerated
  paragraphs ("First, …", "Second, …"), or else its paragraphs of prose (a list belongs to the
  paragraph that introduces it).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from ..coverage import CONNECTIVE_PHRASES, CONNECTIVES
from ..reading.document import yaml_scalar
from .sentences import Segment, clauses, segments, sentences_in, words

_MARKER_WORDS = (
    "on the one hand|on the other hand|in short|in sum|in summary|in conclusion|to sum up|to this end|"
    "in this context|as a result|for example|for instance|in addition|in other words|of course|"
    "it follows that|nevertheless|nonetheless|however|therefore|consequently|accordingly|moreover|"
    "furthermore|besides|admittedly|undoubtedly|certainly|indeed|finally|lastly|"
    "firstly|secondly|thirdly|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    "thus|hence|still|yet|but|and|so|then|also|because|since|although|though|even though|while|whereas"
)
_MARKER = re.compile(r"(?:" + _MARKER_WORDS + r")\b,?\s*", re.IGNORECASE)
_LIST_LEAD = re.compile(
    r"^(?:[\u2022\u00b7\u25aa\u25e6\u2023*\u2013\u2014-]|\(?(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,5})[.)])\s+"
)
_QUESTION = re.compile(r"\?[\"'\u201d\u2019)\]]*$")
_NORMATIVE = re.compile(
    r"\b(?:should|must|ought to|need to|needs to|have to|has to|only correct choice)\b", re.IGNORECASE
)
_PREDICTIVE = re.compile(r"\b(?:will|would|may well|is likely to|are likely to)\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d", re.IGNORECASE
)
_FRAMING_LEAD = re.compile(
    r"^(?:here (?:are|is)|below|these (?:are|include)|they include|as follows|"
    r"(?:we|i) (?:will|shall|now)|let us|to which may be replied)\b",
    re.IGNORECASE,
)
_STOP = frozenset(
    """a an the and or but nor of to in on at by for with from as into onto upon about over under
is are was were be been being am it its this that these those there their they them he she his her we our us
i my you your will would shall should can could may might must do does did not no so such than then
have has had which who whom whose what when where why how all any some each every more most very also only
both either neither if though although because since while whereas however therefore thus hence yet
still even just one two""".split()
)

SUPPORTS, CONCLUDES, ATTACKS = "supports", "concludes", "attacks"


@dataclass
class Claim:
    id: str
    start: int
    end: int
    label: str
    quote: str
    paragraph: int
    section: str
    marker: str = ""  # the discourse marker that led the clause, lower-case
    role: str | None = None
    list_item: bool = False
    note: str | None = None


@dataclass
class Relation:
    kind: str  # SUPPORTS: a supports b; ATTACKS: a attacks b
    a: str
    b: str
    why: str


@dataclass
class Draft:
    """A drafted map: its YAML, and what it proposes."""

    yaml: str
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    omitted: list[tuple[str, str]] = field(default_factory=list)
    thesis: str = ""

    @property
    def arguments(self) -> list[Relation]:
        return [r for r in self.relations if r.kind == SUPPORTS]

    @property
    def objections(self) -> list[Relation]:
        return [r for r in self.relations if r.kind == ATTACKS]


def _is_heading(text: str) -> bool:
    text = text.strip()
    if _LIST_LEAD.match(text) or len(text.split()) > 12:
        return False
    if re.search(r"[A-Za-z]", text) and not re.search(r"[a-z]", text):
        return True  # UPPER CASE
    return not re.search(r"[.!?:;,][\"'\u201d\u2019)\]]*$", text)


def _prose(text: str, segment: Segment, count: int) -> bool:
    """A paragraph of prose: more than a line's worth of words, or several sentences."""
    return count >= 2 or len(text[segment.start : segment.end].split()) >= 20


class _Builder:
    def __init__(self, text: str):
        self.text = text
        self.claims: list[Claim] = []
        self.relations: list[Relation] = []
        self.omitted: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.sections: dict[str, str] = {}
        self.section = ""
        self.connectives: list[str] = []

    # ---------------------------------------------------------------- ids and sections
    def unique(self, base: str) -> str:
        base = base[:48].strip("-") or "claim"
        if not re.match(r"[A-Za-z]", base):
            base = f"c-{base}"
        candidate, number = base, 2
        while candidate in self.ids:
            candidate, number = f"{base}-{number}", number + 1
        self.ids.add(candidate)
        return candidate

    def new_section(self, title: str) -> None:
        every = re.findall(r"[a-z0-9]+", title.lower())
        slug = "-".join(([w for w in every if w not in _STOP] or every)[:4])
        section = self.unique(f"s-{slug}" if slug else "section")
        self.sections[section] = title if len(title) <= 80 else title[:79].rstrip() + "\u2026"
        self.section = section

    # ---------------------------------------------------------------- claims
    def add_claim(self, start: int, end: int, paragraph: int, list_item: bool) -> Claim | None:
        raw = self.text[start:end]
        lead = _LIST_LEAD.match(raw)
        offset = lead.end() if lead else 0
        marker = ""
        found = _MARKER.match(raw, offset)
        while found and found.end() < len(raw):
            marker_text = raw[found.start() : found.end()].strip().rstrip(",").strip()
            if marker_text.lower() == "since" and found.start() == offset == (lead.end() if lead else 0):
                break  # "Since the end of the Cold War, …": as often a time as a reason
            if (
                marker_text.lower() in ("so", "then", "still")
                and "," not in found.group()
                and not re.match(
                    r"(?:i|we|you|he|she|it|they|this|that|these|those|the|there)\b", raw[found.end() :], re.IGNORECASE
                )
            ):
                break  # "So monstrous is…", "Still waters…": not a connective here
            if not self.is_connective(marker_text):
                break
            marker = f"{marker} {marker_text.lower()}".strip()
            offset = found.end()
            found = _MARKER.match(raw, offset)
        quote_start = start + offset
        quote_end = end
        while quote_end > quote_start and self.text[quote_end - 1] in " \t\n,;:\u2013\u2014-":
            quote_end -= 1
        quote = words(self.text[quote_start:quote_end])
        if not re.search(r"\w", quote):
            return None
        label = quote[0].upper() + quote[1:]
        label = re.sub(r"[,;:\u2013\u2014-]+$", "", label).rstrip()
        if not re.search(r"[.!?][\"'\u201d\u2019)\]]*$", label):
            label += "."
        every = re.findall(r"[a-z0-9]+", quote.lower().replace("\u2019", "'"))
        content = [w for w in every if w not in _STOP] or every
        claim = Claim(
            self.unique("-".join(content[:4])),
            quote_start,
            quote_end,
            label,
            quote,
            paragraph,
            self.section,
            marker,
            list_item=list_item,
        )
        if _NORMATIVE.search(quote):
            claim.role = "recommendation"
        elif _PREDICTIVE.search(quote):
            claim.role = "prediction"
        self.claims.append(claim)
        return claim

    def is_connective(self, phrase: str) -> bool:
        """Whether coverage counts the phrase as a connective; if it does not yet, the map's list learns it."""
        lower = phrase.lower()
        if all(w in CONNECTIVES for w in lower.split()) or lower in CONNECTIVE_PHRASES:
            return True
        if lower in ("for", "while", "whereas", "even though", "it follows that", "as") or len(lower) < 4:
            return False  # too common to be a connective everywhere in the text
        if lower not in [c.lower() for c in self.connectives]:
            self.connectives.append(phrase)
        return True

    def omit(self, start: int, end: int, reason: str) -> None:
        self.omitted.append((words(self.text[start:end]), reason))

    # ---------------------------------------------------------------- relations
    def relate(self, kind: str, a: Claim | None, b: Claim | None, why: str) -> None:
        if a is None or b is None or a.id == b.id:
            return
        if any({r.a, r.b} == {a.id, b.id} for r in self.relations):
            return
        if kind == SUPPORTS and self._reaches(b.id, a.id):
            return  # it would close a circle of support
        self.relations.append(Relation(kind, a.id, b.id, why))

    def _reaches(self, start: str, goal: str) -> bool:
        """Whether support leads from start to goal."""
        frontier, seen = [start], {start}
        while frontier:
            node = frontier.pop()
            if node == goal:
                return True
            for r in self.relations:
                if r.kind == SUPPORTS and r.a == node and r.b not in seen:
                    seen.add(r.b)
                    frontier.append(r.b)
        return False


def _cuts(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The clauses of a sentence, each with how it joins the clause before: '', ':', ';', 'because', 'although'."""
    pieces: list[tuple[int, int, str]] = []
    spans = clauses(text, start, end)
    for index, (s, e) in enumerate(spans):
        joint = "" if index == 0 else ":" if text[spans[index - 1][1] - 1] == ":" else ";"
        pieces.extend(_split_clause(text, s, e, joint))
    return pieces


def _split_clause(text: str, start: int, end: int, joint: str) -> list[tuple[int, int, str]]:
    """A clause cut again before ', because' and ', since', and after an opening 'Although …,'."""
    clause = text[start:end]
    opening = re.match(
        r"(?:[\u2022(]?\w{0,3}[.)]?\s+)?(?:although|though|even though|while)\s+[^,]{12,}?,\s+(?=\S)",
        clause,
        re.IGNORECASE,
    )
    if opening and len(re.findall(r"\w+", clause[opening.end() :])) >= 4:
        return [(start, start + opening.end(), joint), *_split_clause(text, start + opening.end(), end, "although")]
    reason = re.search(r",\s+(?=(?:because|since)\s+\w+\s+\w+\s+\w+)", clause, re.IGNORECASE)
    if reason and len(re.findall(r"\w+", clause[: reason.start()])) >= 3:
        return [(start, start + reason.start() + 1, joint), (start + reason.end(), end, "because")]
    return [(start, end, joint)]


_BACKWARD = ("because", "since", "to this end", "for example", "for instance")
_FORWARD = ("therefore", "thus", "hence", "so", "consequently", "accordingly", "as a result", "it follows that")
_SUMMARY = ("in short", "in sum", "in summary", "in conclusion", "to sum up")
_CONTRAST = ("however", "but", "yet", "nevertheless", "nonetheless", "still", "on the other hand")
_ENUMERATION = re.compile(
    r"^(?:first|firstly|second|secondly|third|thirdly|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|finally|lastly)\b",
    re.IGNORECASE,
)


def _first_marker(claim: Claim, markers) -> str | None:
    return next((m for m in markers if claim.marker == m or claim.marker.startswith(m + " ")), None)


def draft(
    text: str,
    file_name: str = "source.txt",
    raw: bytes | None = None,
    map_id: str | None = None,
    title: str | None = None,
    modeline: str | None = None,
) -> Draft:
    """A valid map of the text in which every proposal is marked as a draft (see the module's description)."""
    builder = _Builder(text)
    found = segments(text)
    sentence_lists = [sentences_in(text, s.start, s.end) for s in found]
    prose = [
        i
        for i, s in enumerate(found)
        if _prose(text, s, len(sentence_lists[i])) and not _is_heading(text[s.start : s.end])
    ]
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (0, len(found) - 1)
    detected_title = None
    title_index = _title_index(text, found[:first_prose])
    by_paragraph: dict[int, list[Claim]] = {}
    intro: Claim | None = None  # the claim that a list after it supports
    previous: Claim | None = None
    headings = {
        i
        for i, s in enumerate(found)
        if first_prose < i < last_prose
        and _is_heading(text[s.start : s.end])
        and i + 1 < len(found)
        and not _LIST_LEAD.match(text[found[i + 1].start : found[i + 1].end])
    }
    has_headings = bool(headings)  # headings of prose (not of a list) make the sections
    enumerated = {
        i for i in range(first_prose, last_prose + 1) if _ENUMERATION.match(words(text[found[i].start : found[i].end]))
    }
    by_enumeration = not has_headings and len(enumerated) >= 2  # "First, …", "Second, …" make the sections
    for index, segment in enumerate(found):
        segment_text = text[segment.start : segment.end]
        one_line = "\n" not in segment_text
        if index < first_prose:
            if index == title_index:
                detected_title = words(segment_text)
                builder.omit(segment.start, segment.end, "The title, carried by the map's title.")
            elif _DATE.search(segment_text) and len(segment_text.split()) <= 8:
                builder.omit(segment.start, segment.end, "The date or place of publication, not argument.")
            else:
                builder.omit(
                    segment.start, segment.end, "Front matter (a byline, an affiliation, page furniture), not argument."
                )
            continue
        if index > last_prose and (
            (one_line and (_is_heading(segment_text) or len(segment_text.split()) <= 6))
            or re.match(r"(?:foot)?notes?\b|\[?\d+\]", segment_text, re.IGNORECASE)
        ):
            reason = (
                "A footnote: a reference, not argument."
                if re.match(r"(?:foot)?notes?\b|\[?\d+\]", segment_text, re.IGNORECASE)
                else "After the text: a signature or page furniture, not argument."
            )
            builder.omit(segment.start, segment.end, reason)
            continue
        if _is_heading(segment_text) and one_line:
            builder.omit(
                segment.start,
                segment.end,
                "A heading; its section groups the claims under it."
                if index in headings
                else "A heading of a list; the claims under it carry its point.",
            )
            if index in headings:
                builder.new_section(words(segment_text))
            continue
        list_item = bool(_LIST_LEAD.match(segment_text))
        new_paragraph = segment.paragraph != (found[index - 1].paragraph if index else -1)
        if (
            not builder.section
            or (by_enumeration and index in enumerated)
            or (
                not has_headings
                and not by_enumeration
                and not list_item
                and new_paragraph
                and (_prose(text, segment, len(sentence_lists[index])) or intro is None)
            )
        ):
            first_words = " ".join(words(segment_text).split()[:8])
            builder.new_section(first_words + ("\u2026" if len(segment_text.split()) > 8 else ""))
        if not list_item and intro is not None and _prose(text, segment, len(sentence_lists[index])):
            intro = None  # prose after the list: the list is over
        for number, (s, e) in enumerate(sentence_lists[index]):
            sentence = text[s:e]
            question = bool(_QUESTION.search(sentence))
            if question and index <= first_prose:
                builder.omit(
                    s, e, "A question that frames the text: it asserts nothing. Name the claims that answer it here."
                )
                continue
            if sentence.rstrip().endswith(":") and _FRAMING_LEAD.match(_LIST_LEAD.sub("", words(sentence))):
                builder.omit(s, e, "A transition that announces what follows; the claims after it carry its point.")
                intro = previous
                continue
            made: list[Claim] = []
            for cs, ce, joint in _cuts(text, s, e):
                claim = builder.add_claim(cs, ce, segment.paragraph, list_item and number == 0)
                if claim is None:
                    continue
                if question:
                    claim.note = (
                        "A question: if it is rhetorical, write the label as the claim it implies; if it "
                        "only frames what follows, move it to source.omitted."
                    )
                if made:
                    if joint == ":":
                        builder.relate(
                            SUPPORTS, claim, made[-1], "the clause after ':', which gives a reason or evidence"
                        )
                    elif joint == "because":
                        builder.relate(SUPPORTS, claim, made[-1], "'because' or 'since'")
                    elif joint == "although":
                        builder.relate(
                            ATTACKS, made[-1], claim, "an opening 'although', which grants a point against it"
                        )
                    elif _first_marker(claim, _FORWARD):
                        builder.relate(SUPPORTS, made[-1], claim, f"{claim.marker!r}, which marks a conclusion")
                    elif _first_marker(claim, _CONTRAST):
                        builder.relate(ATTACKS, claim, made[-1], f"{claim.marker!r}, which marks a contrast")
                made.append(claim)
            if not made:
                continue
            head = made[0]
            if list_item and number == 0 and intro is not None:
                builder.relate(SUPPORTS, head, intro, "a list item after the claim that introduces the list")
            elif _first_marker(head, _BACKWARD) and previous is not None:
                builder.relate(SUPPORTS, head, previous, f"{head.marker!r}, which gives a reason or a means")
            elif _first_marker(head, _FORWARD) and previous is not None:
                builder.relate(SUPPORTS, previous, head, f"{head.marker!r}, which marks a conclusion")
            elif _first_marker(head, _CONTRAST) and previous is not None:
                builder.relate(ATTACKS, head, previous, f"{head.marker!r}, which marks a contrast")
            elif _first_marker(head, _SUMMARY):
                for earlier in _paragraph_heads(by_paragraph, segment.paragraph):
                    builder.relate(SUPPORTS, earlier, head, f"{head.marker!r}, which sums up the paragraphs before")
            by_paragraph.setdefault(segment.paragraph, []).extend(made)
            previous = made[-1]
            if sentence.rstrip().endswith(":"):
                intro = made[-1]
    _topic_sentences(builder, by_paragraph)
    thesis = _thesis(builder.claims, detected_title or title or "", by_paragraph)
    map_title = title or detected_title or _title_from(file_name)
    yaml_text = _yaml(
        builder,
        thesis,
        file_name,
        raw if raw is not None else text.encode("utf-8"),
        map_id or _slug(file_name),
        map_title,
        modeline,
    )
    return Draft(yaml_text, builder.claims, builder.relations, builder.omitted, thesis.id if thesis else "")


def _topic_sentences(builder: _Builder, by_paragraph: dict[int, list[Claim]]) -> None:
    """In a paragraph of prose, a claim that supports or attacks nothing yet supports the paragraph's first claim."""
    related = {r.a for r in builder.relations}  # claims that already support or attack something
    for claims in by_paragraph.values():
        topic = claims[0]
        if topic.list_item or len(claims) < 2:
            continue
        for claim in claims[1:]:
            if claim.id not in related and not claim.list_item:
                builder.relate(SUPPORTS, claim, topic, "its place after the paragraph's first claim, its topic")


def _title_index(text: str, front: list[Segment]) -> int | None:
    """Which line of the front matter is the title: the longest before the first date that is not a byline."""
    candidates = []
    for index, segment in enumerate(front):
        line = text[segment.start : segment.end]
        if _DATE.search(line):
            break
        if (
            "\n" in line
            or _LIST_LEAD.match(line)
            or " : " in line
            or line.rstrip().endswith(".")
            or len(line.split()) > 16
        ):
            continue
        candidates.append((len(line.split()), -index, index))
    return max(candidates)[2] if candidates else None


def _paragraph_heads(by_paragraph: dict[int, list[Claim]], paragraph: int) -> list[Claim]:
    """The first claims of the paragraphs before this one that enumerate ('First, …'), else of the one before."""
    earlier = [claims for number, claims in sorted(by_paragraph.items()) if number < paragraph and claims]
    enumerated = [claims[0] for claims in earlier if _ENUMERATION.match(claims[0].marker)]
    return enumerated or ([earlier[-1][0]] if earlier else [])


def _thesis(claims: list[Claim], title: str, by_paragraph: dict[int, list[Claim]]) -> Claim | None:
    if not claims:
        return None
    title_words = {w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in _STOP}
    paragraphs = sorted(by_paragraph)
    first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else (0, 0)
    summary = {c.paragraph for c in claims if _first_marker(c, _SUMMARY)}

    def score(claim: Claim) -> float:
        value = 2.0 if _NORMATIVE.search(claim.quote) else 0.0
        value += 1.0 if claim.paragraph in (first, last) else 0.0
        value += 1.5 if claim.paragraph in summary else 0.0
        shared = title_words & set(re.findall(r"[a-z0-9]+", claim.quote.lower()))
        value += 2.0 * len(shared) / len(title_words) if title_words else 0.0
        value -= 1.5 if claim.list_item else 0.0
        return value

    return max(claims, key=lambda c: (score(c), -claims.index(c)))


def _slug(file_name: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file_name)
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60].strip("-") or "draft"
    return slug if re.match(r"[a-z]", slug) else f"map-{slug}"


def _title_from(file_name: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file_name)
    return re.sub(r"^\d{4}(-\d{2}){0,2}-?", "", stem).replace("-", " ").strip().capitalize() or stem


_HEADER = """\
# A draft map of {file}, made by `argmap draft`. Every claim, argument, objection and omitted passage
# below is a proposal marked `draft: true`: review each one (rewrite the label, check the quote, delete
# what is wrong), then delete its `draft: true` line to accept it. `argmap validate --strict` fails while
# any draft is left; `argmap quote` finds a passage to quote, `argmap coverage` what no claim carries.
"""


def _yaml(
    builder: _Builder, thesis: Claim | None, file_name: str, raw: bytes, map_id: str, title: str, modeline: str | None
) -> str:
    s = yaml_scalar
    out = ([modeline] if modeline else []) + _HEADER.format(file=file_name).splitlines()
    out += [
        "argmap: 1",
        f"id: {s(map_id)}",
        f"title: {s(title)}",
        "source:",
        f"  file: {s(file_name)}",
        f"  sha256: {hashlib.sha256(raw).hexdigest()}",
    ]
    date = re.match(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)", file_name)
    if date:
        out.append(f'  published: "{date.group(1)}"')
    if builder.omitted:
        out.append("  omitted:")
        for quote, reason in builder.omitted:
            out += [f"    - quote: {s(quote)}", f"      reason: {s(reason)}", "      draft: true"]
    if builder.connectives:
        out.append("  connectives: [" + ", ".join(s(c) for c in builder.connectives) + "]")
    out.append(f"thesis: {thesis.id if thesis else 'thesis'}")
    if builder.sections:
        out.append("sections:")
        out += [
            f"  {sid}: {{title: {json.dumps(title_, ensure_ascii=False)}}}" for sid, title_ in builder.sections.items()
        ]
    out.append("claims:")
    if thesis is None:
        out += [
            "  thesis:",
            "    text: The text's main claim (the draft found no sentence to propose).",
            "    implicit: true",
            "    draft: true",
        ]
    for claim in builder.claims:
        out += [f"  {claim.id}:", f"    text: {s(claim.label)}", f"    quote: {s(claim.quote)}"]
        if claim.role and claim is not thesis:
            out.append(f"    role: {claim.role}")
        if claim.section:
            out.append(f"    section: {claim.section}")
        if claim is thesis:
            out.append(f"    note: {s('Proposed as the thesis: the claim the whole text argues for.')}")
        elif claim.note:
            out.append(f"    note: {s(claim.note)}")
        out.append("    draft: true")
    supports = [r for r in builder.relations if r.kind == SUPPORTS]
    attacks = [r for r in builder.relations if r.kind == ATTACKS]
    used: set[str] = set(builder.ids)
    if supports:
        out.append("arguments:")
        for relation in supports:
            aid = _relation_id("for", relation.b, used)
            out += [
                f"  {aid}:",
                f"    conclusion: {relation.b}",
                f"    premises: [{relation.a}]",
                f"    note: {s('Proposed from ' + relation.why + '.')}",
                "    draft: true",
            ]
    if attacks:
        out.append("objections:")
        for relation in attacks:
            oid = _relation_id("against", relation.b, used)
            out += [
                f"  {oid}:",
                f"    claim: {relation.a}",
                f"    target: {relation.b}",
                f"    note: {s('Proposed from ' + relation.why + '.')}",
                "    draft: true",
            ]
    return "\n".join(out) + "\n"


def _relation_id(prefix: str, target: str, used: set[str]) -> str:
    base = f"{prefix}-{target}"[:60]
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate
