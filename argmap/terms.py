"""The words of the map format that the checks and the model share: roles and ids as the schema gives them,
the kinds of objection and spell-out, the schemes the checks know, and reading a few fields.

Apart from the model so that checking a map (`argmap validate`, every pre-commit run) does not build the
model's classes: they are what makes importing argmap.model cost a few milliseconds.
"""
from __future__ import annotations

from .checking.schema import load_schema

_MAP_SCHEMA = load_schema("map")
ROLES: tuple[str, ...] = tuple(_MAP_SCHEMA["$defs"]["claim"]["properties"]["role"]["enum"])  # the schema says them once
ID_PATTERN: str = _MAP_SCHEMA["$defs"]["id"]["pattern"]
REBUT = "rebut"
UNDERCUT = "undercut"
SPECIFIES = "specifies"  # the two ways a claim spells out another (claims' `specifies` and `means-to`)
MEANS = "means-to"
SPELL_OUTS = (SPECIFIES, MEANS)
MODUS_PONENS = "modus-ponens"  # the schemes whose form the checks know
ELIMINATION = "disjunctive-syllogism"


def follows_from_thesis(thesis: str | None, arguments) -> set[str]:
    """The ids of the arguments that draw a consequence from the thesis (corollaries, exhortations).

    arguments: id -> (conclusion, premises). An argument follows from the thesis when one of its premises is
    the thesis, or the conclusion of an argument that follows from it.
    """
    found: set[str] = set()
    derived = {thesis}
    changed = True
    while changed:
        changed = False
        for argument_id, (conclusion, premises) in arguments.items():
            if argument_id not in found and derived.intersection(premises):
                found.add(argument_id)
                derived.add(conclusion)
                changed = True
    return found


def ids_of(value) -> tuple[str, ...]:
    """An id or a list of ids, as the schema allows them, as a tuple."""
    return as_tuple(value)


def conditional_parts(value) -> tuple[bool, str | None, str | None]:
    """(is conditional, antecedent, consequent) from a claim's `conditional` value."""
    if isinstance(value, dict):
        return True, value.get("if"), value.get("then")
    return bool(value), None, None


def as_tuple(value) -> tuple:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)
