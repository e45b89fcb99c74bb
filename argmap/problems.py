"""Findings about a map: one type for every problem, with its place in the source and a stable code."""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

# Every code argmap can report, with its default severity and the sentence that documents it.
# docs/problem-codes.md is generated from this registry (docs/generate_reference.py); a test keeps them equal.
CODES: dict[str, tuple[str, str]] = {
    # Reading the file
    "file-unreadable": (ERROR, "The file cannot be read (missing, a folder, no permission)."),
    "file-too-large": (ERROR, "The file is larger than argmap reads."),
    "encoding": (ERROR, "The file is not valid UTF-8."),
    "bom": (ERROR, "The file starts with a byte-order mark."),
    "control-character": (ERROR, "The file holds a control character that YAML does not allow."),
    "tab": (ERROR, "A tab is used where YAML needs spaces."),
    "yaml-syntax": (ERROR, "The file is not well-formed YAML."),
    "multiple-documents": (ERROR, "The file holds more than one YAML document."),
    "empty-file": (ERROR, "The file holds no YAML document."),
    "duplicate-key": (ERROR, "A mapping names the same key twice; YAML would silently keep the last."),
    "unsupported-tag": (ERROR, "A YAML tag (`!!python/...`, `!custom`) that argmap does not accept."),
    "merge-key": (ERROR, "A YAML merge key (`<<`), which argmap does not accept."),
    "alias-bomb": (ERROR, "Aliases that expand into more nodes than argmap accepts."),
    "too-deep": (ERROR, "Nesting deeper than argmap accepts."),
    "non-string-key": (ERROR, "A mapping key that is not a string (a list, a mapping, null)."),
    "invalid-character": (ERROR, "A string holds a character that cannot be encoded (a lone surrogate)."),
    # The JSON Schema
    "schema-type": (ERROR, "A value has the wrong type."),
    "schema-required": (ERROR, "A required property is missing."),
    "schema-unknown-property": (ERROR, "A property that the format does not define."),
    "schema-enum": (ERROR, "A value is not one of the allowed values."),
    "schema-pattern": (ERROR, "A value does not have the required form (ids, dates, hashes)."),
    "schema-length": (ERROR, "A text or list is empty or too long."),
    "schema-version": (ERROR, "The format version is missing or not one this argmap reads."),
    "schema": (ERROR, "Any other violation of the JSON Schema."),
    # Semantic checks
    "unknown-ref": (ERROR, "A reference to an id that the map does not define."),
    "duplicate-id": (ERROR, "The same id is used twice among claims, arguments, objections and tensions."),
    "self-support": (ERROR, "An argument lists its own conclusion as a premise."),
    "circular-support": (ERROR, "Claims support each other in a circle."),
    "self-attack": (ERROR, "An objection whose claim is the claim it attacks."),
    "missing-thesis": (ERROR, "The map names no thesis."),
    "unsupported-thesis": (WARNING, "No argument concludes the thesis."),
    "unreachable-claim": (WARNING, "A claim whose support or attack never reaches the thesis."),
    "orphan-claim": (WARNING, "A claim that no argument or objection uses."),
    "missing-quote": (WARNING, "A claim without a quote that is not marked implicit."),
    "implicit-with-quote": (WARNING, "A claim marked implicit that has a quote."),
    "duplicate-premise": (WARNING, "An argument lists the same premise twice."),
    "thesis-role": (WARNING, "A claim with role thesis that is not the map's thesis."),
    "spell-out-loop": (ERROR, "A claim spells itself out, or claims spell each other out in a circle."),
    "spell-out-as-reason": (WARNING, "A claim that spells out another is also a premise of an argument for it."),
    "antecedent-missing": (WARNING, ("An argument that concludes a conditional's consequent (or uses modus-ponens) "
                                     "without the antecedent among its premises.")),
    "affirming-the-consequent": (WARNING, ("An argument that concludes a conditional premise's antecedent: the "
                                           "inference runs backwards.")),
    "exhaustiveness-missing": (WARNING, ("An argument by elimination whose premise that the options are exhaustive "
                                         "is not named, or is not one of its premises.")),
    "tension-is-objection": (WARNING, ("A tension between two claims one of which objects to the other: an "
                                       "objection the text answers is not a tension.")),
    "draft": (WARNING, ("A claim, argument, objection or omitted passage that `argmap draft` proposed, marked "
                       "`draft: true`: not reviewed yet.")),
    # Links files
    "links-map-missing": (ERROR, "A links file names a map file that does not exist."),
    "links-map-invalid": (ERROR, "A links file names a map that has errors of its own."),
    "duplicate-link": (WARNING, "A links file links the same two claims twice."),
    "link-state": (ERROR, "A link has none, or more than one, of `relation`, `draft` and `rejected`."),
    "draft-link": (WARNING, "A link still marked `draft`: a suggestion that no one has reviewed yet."),
    # Checks against the source text
    "source-missing": (ERROR, "The map's source file is not in the sources folder."),
    "source-hash": (ERROR, "The source file's SHA-256 differs from the map's `source.sha256`."),
    "source-hash-missing": (WARNING, "The map does not name its source's SHA-256."),
    "quote-not-found": (ERROR, "A quote is not verbatim in the source text."),
    "no-source-file": (WARNING, "Quotes cannot be checked: the map names no `source.file`."),
    "connective-not-found": (WARNING, "A phrase in `source.connectives` does not occur in the source text."),
}


@dataclass(frozen=True, order=True)
class Problem:
    """One finding; sorts by file, then position, so reports read top to bottom."""

    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str | None = None
    severity: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unregistered problem code {self.code!r}")
        if not self.severity:
            object.__setattr__(self, "severity", CODES[self.code][0])

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


def fails(problems: list[Problem], strict: bool = False) -> bool:
    """Whether these problems fail a run: any error, or with --strict any warning."""
    return any(p.is_error or strict for p in problems)


def did_you_mean(wrong: str, choices) -> str | None:
    """A 'did you mean' hint naming the closest known names, or None.

    rapidfuzz picks a few candidates in compiled code, and difflib orders them as it always has: thousands of
    typos among thousands of ids take a second, not minutes.
    """
    import difflib

    from rapidfuzz import fuzz, process

    candidates = sorted(name for name, _, _ in process.extract(wrong, list(choices), scorer=fuzz.ratio, limit=12,
                                                               score_cutoff=45))
    close = difflib.get_close_matches(wrong, candidates, n=3, cutoff=0.6)
    if not close:
        return None
    return "did you mean " + " or ".join(repr(c) for c in close) + "?"
