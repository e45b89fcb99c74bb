"""The semantic rules (argmap.checking.rules), one at a time, in the yamllint habit: a map written inline, and the
problems the rule must find in it as (line, column, code); then the same map put right, where it finds nothing.

Each map here passes the schema, as the rules may assume. The last tests check that every rule in RULES and
every code the rules can give has its cases here.
"""
from __future__ import annotations

import inspect
import re
import textwrap

import pytest

from argmap.checking import rules, schema
from argmap.problems import CODES
from argmap.reading.document import parse_bytes

HEAD = "argmap: 1\nid: m\ntitle: M\n"  # lines 1-3 of every map below


def _doc(body: str):
    doc = parse_bytes((HEAD + textwrap.dedent(body).lstrip("\n")).encode("utf-8"), "m.yaml")
    assert doc.problems == [], doc.problems
    assert schema.check(doc, "map") == [], "a rule may assume a map that passed the schema"
    return doc


def _found(rule, body: str) -> list[tuple[int, int, str]]:
    doc = _doc(body)
    return [(p.line, p.column, p.code) for p in rule(doc, doc.data)]


# (rule, the map after HEAD, [(line, column, code)] it must find, the map put right)
CASES = [
    # --- spell-outs, conditionals, elimination, tensions (issue 16) and drafts (issue 17) -------------------------
    pytest.param(rules.spell_outs, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          d: {text: D, quote: d, specifies: d}
        arguments:
          a: {conclusion: t, premises: [d]}
        """, [(7, 37, 'spell-out-loop')], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          d: {text: D, quote: d, specifies: t}
        """, id="spell-out-loop"),
    pytest.param(rules.spell_outs, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          d: {text: D, quote: d, specifies: t}
        arguments:
          a: {conclusion: t, premises: [d]}
        """, [(7, 37, 'spell-out-as-reason')], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          d: {text: D, quote: d, specifies: t}
        """, id="spell-out-as-reason"),
    pytest.param(rules.conditionals, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          c: {text: If P then T, quote: c, conditional: {if: p, then: t}}
        arguments:
          a: {conclusion: t, premises: [c]}
        """, [(10, 32, 'antecedent-missing')], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          c: {text: If P then T, quote: c, conditional: {if: p, then: t}}
        arguments:
          a: {conclusion: t, premises: [c, p]}
        """, id="antecedent-missing"),
    pytest.param(rules.conditionals, """
        thesis: p
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          c: {text: If P then T, quote: c, conditional: {if: p, then: t}}
        arguments:
          a: {conclusion: p, premises: [c, t]}
        """, [(10, 19, 'affirming-the-consequent')], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          c: {text: If P then T, quote: c, conditional: {if: p, then: t}}
        arguments:
          a: {conclusion: t, premises: [c, p]}
        """, id="affirming-the-consequent"),
    pytest.param(rules.elimination, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          o: {text: Only T or U, implicit: true}
          n: {text: Not U, quote: n}
        arguments:
          a: {conclusion: t, premises: [o, n], scheme: disjunctive-syllogism}
        """, [(10, 3, 'exhaustiveness-missing')], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          o: {text: Only T or U, implicit: true}
          n: {text: Not U, quote: n}
        arguments:
          a: {conclusion: t, premises: [o, n], scheme: disjunctive-syllogism, exhaustive: o}
        """, id="exhaustiveness-missing"),
    pytest.param(rules.tensions, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          x: {text: X, quote: x}
        objections:
          o: {claim: x, target: t}
        tensions:
          k: {claims: [x, t], kind: contrary}
        """, [(11, 3, 'tension-is-objection')], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          x: {text: X, quote: x}
        objections:
          o: {claim: x, target: t}
        """, id="tension-is-objection"),
    pytest.param(rules.drafts, """
        thesis: t
        claims:
          t: {text: T, quote: t, draft: true}
        """, [(6, 26, 'draft')], """
        thesis: t
        claims:
          t: {text: T, quote: t}
        """, id="draft"),
    # --- unknown-ref: every id a map names is defined -------------------------------------------------------------
    pytest.param(rules.unknown_references, """
        thesis: tehsis
        claims:
          thesis: {text: T, quote: t}
        """, [(4, 9, "unknown-ref")], """
        thesis: thesis
        claims:
          thesis: {text: T, quote: t}
        """, id="unknown-ref-thesis"),
    pytest.param(rules.unknown_references, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          premise: {text: P, quote: p}
        arguments:
          a: {conclusion: tt, premises: [premise, premis]}
        """, [(9, 19, "unknown-ref"), (9, 43, "unknown-ref")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          premise: {text: P, quote: p}
        arguments:
          a: {conclusion: t, premises: [premise]}
        """, id="unknown-ref-conclusion-and-premise"),
    pytest.param(rules.unknown_references, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          o: {text: O, quote: o}
        arguments:
          arg: {conclusion: t, premises: [p]}
        objections:
          obj: {claim: oo, target: argg}
        """, [(12, 16, "unknown-ref"), (12, 28, "unknown-ref")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          o: {text: O, quote: o}
        arguments:
          arg: {conclusion: t, premises: [p]}
        objections:
          obj: {claim: o, target: arg}
        """, id="unknown-ref-objection-claim-and-target"),
    pytest.param(rules.unknown_references, """
        thesis: t
        actors:
          us: {name: The US}
        sections:
          intro: {title: Introduction}
        claims:
          t: {text: T, quote: t, actor: [us, uss], section: intr}
          p: {text: P, quote: p, actor: them}
        arguments:
          a: {conclusion: t, premises: [p], section: outro}
        """, [(10, 38, "unknown-ref"), (10, 53, "unknown-ref"), (11, 33, "unknown-ref"), (13, 46, "unknown-ref")], """
        thesis: t
        actors:
          us: {name: The US}
        sections:
          intro: {title: Introduction}
        claims:
          t: {text: T, quote: t, actor: [us], section: intro}
          p: {text: P, quote: p, actor: us}
        arguments:
          a: {conclusion: t, premises: [p], section: intro}
        """, id="unknown-ref-actors-and-sections"),
    # --- duplicate-id: claims, arguments and objections share one namespace ----------------------------------------
    pytest.param(rules.duplicate_ids, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          o: {text: O, quote: o}
        arguments:
          p: {conclusion: t, premises: [p]}
        objections:
          t: {claim: o, target: p}
        """, [(10, 3, "duplicate-id"), (12, 3, "duplicate-id")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          o: {text: O, quote: o}
        arguments:
          a: {conclusion: t, premises: [p]}
        objections:
          x: {claim: o, target: a}
        """, id="duplicate-id"),
    # --- unsupported-thesis: some argument concludes the thesis ---------------------------------------------------
    pytest.param(rules.unsupported_thesis, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          q: {text: Q, quote: q}
        arguments:
          a: {conclusion: p, premises: [q]}
        objections:
          o: {claim: p, target: t}
        """, [(4, 9, "unsupported-thesis")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          q: {text: Q, quote: q}
        arguments:
          a: {conclusion: t, premises: [q]}
        objections:
          o: {claim: p, target: t}
        """, id="unsupported-thesis"),
    # --- self-support and duplicate-premise -----------------------------------------------------------------------
    pytest.param(rules.self_and_duplicate_premises, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
        arguments:
          a:
            conclusion: t
            premises: [p, t]
        """, [(11, 19, "self-support")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
        arguments:
          a:
            conclusion: t
            premises: [p]
        """, id="self-support"),
    pytest.param(rules.self_and_duplicate_premises, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          q: {text: Q, quote: q}
        arguments:
          a: {conclusion: t, premises: [p, q, p]}
        """, [(10, 39, "duplicate-premise")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          q: {text: Q, quote: q}
        arguments:
          a: {conclusion: t, premises: [p, q]}
        """, id="duplicate-premise"),
    # --- self-attack: no claim objects to itself, nor to an argument it concludes ----------------------------------
    pytest.param(rules.self_attack, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
        arguments:
          a: {conclusion: t, premises: [p]}
        objections:
          on-claim: {claim: p, target: p}
          on-argument: {claim: t, target: a}
        """, [(11, 32, "self-attack"), (12, 35, "self-attack")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          q: {text: Q, quote: q}
        arguments:
          a: {conclusion: t, premises: [p]}
        objections:
          on-claim: {claim: q, target: p}
          on-argument: {claim: q, target: a}
        """, id="self-attack"),
    # --- circular-support: premises never lead back to where they started -----------------------------------------
    pytest.param(rules.circular_support, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          x: {text: X, quote: x}
          y: {text: Y, quote: y}
          z: {text: Z, quote: z}
        arguments:
          to-thesis: {conclusion: t, premises: [x]}
          x-from-y: {conclusion: x, premises: [y]}
          y-from-z: {conclusion: y, premises: [z]}
          z-from-x: {conclusion: z, premises: [x]}
        """, [(14, 3, "circular-support")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          x: {text: X, quote: x}
          y: {text: Y, quote: y}
          z: {text: Z, quote: z}
        arguments:
          to-thesis: {conclusion: t, premises: [x]}
          x-from-y: {conclusion: x, premises: [y]}
          y-from-z: {conclusion: y, premises: [z]}
        """, id="circular-support"),
    pytest.param(rules.circular_support, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
        arguments:
          a: {conclusion: t, premises: [p]}
          b: {conclusion: p, premises: [t]}
        """, [(9, 3, "circular-support")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
        arguments:
          a: {conclusion: t, premises: [p]}
        """, id="circular-support-of-two"),
    # --- orphan-claim and unreachable-claim -----------------------------------------------------------------------
    pytest.param(rules.connection_to_thesis, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          lonely: {text: L, quote: l}
        arguments:
          a: {conclusion: t, premises: [p]}
        """, [(8, 3, "orphan-claim")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          lonely: {text: L, quote: l}
        arguments:
          a: {conclusion: t, premises: [p, lonely]}
        """, id="orphan-claim"),
    pytest.param(rules.connection_to_thesis, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          island-top: {text: I, quote: i}
          island-base: {text: J, quote: j}
        arguments:
          a: {conclusion: t, premises: [p]}
          island: {conclusion: island-top, premises: [island-base]}
        """, [(8, 3, "unreachable-claim"), (9, 3, "unreachable-claim")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
          island-top: {text: I, quote: i}
          island-base: {text: J, quote: j}
        arguments:
          a: {conclusion: t, premises: [p]}
          island: {conclusion: island-top, premises: [island-base]}
        objections:
          bridge: {claim: island-top, target: a}
        """, id="unreachable-claim"),
    # --- missing-quote, implicit-with-quote, thesis-role ----------------------------------------------------------
    pytest.param(rules.quotes_and_roles, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P}
        arguments:
          a: {conclusion: t, premises: [p]}
        """, [(7, 3, "missing-quote")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, implicit: true}
        arguments:
          a: {conclusion: t, premises: [p]}
        """, id="missing-quote"),
    pytest.param(rules.quotes_and_roles, """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, implicit: true, quote: p}
        arguments:
          a: {conclusion: t, premises: [p]}
        """, [(7, 32, "implicit-with-quote")], """
        thesis: t
        claims:
          t: {text: T, quote: t}
          p: {text: P, quote: p}
        arguments:
          a: {conclusion: t, premises: [p]}
        """, id="implicit-with-quote"),
    pytest.param(rules.quotes_and_roles, """
        thesis: t
        claims:
          t: {text: T, quote: t, role: thesis}
          p: {text: P, quote: p, role: thesis}
        arguments:
          a: {conclusion: t, premises: [p]}
        """, [(7, 32, "thesis-role")], """
        thesis: t
        claims:
          t: {text: T, quote: t, role: thesis}
          p: {text: P, quote: p, role: conclusion}
        arguments:
          a: {conclusion: t, premises: [p]}
        """, id="thesis-role"),
]


FAILING = [pytest.param(*case.values[:3], id=case.id) for case in CASES]
PASSING = [pytest.param(case.values[0], case.values[3], id=case.id) for case in CASES]
FAILING_MAP = {case.id: case.values[1] for case in CASES}


@pytest.mark.parametrize(("rule", "failing", "expected"), FAILING)
def test_rule_finds_each_problem_at_its_line_and_column(rule, failing, expected):
    assert _found(rule, failing) == expected


@pytest.mark.parametrize(("rule", "passing"), PASSING)
def test_rule_finds_nothing_once_the_map_is_put_right(rule, passing):
    assert _found(rule, passing) == []
    doc = _doc(passing)
    assert rules.check(doc) == [], "the map put right passes every rule, not only this one"


def test_unknown_ref_suggests_the_closest_id_or_where_to_define_it():
    doc = _doc("""
        thesis: tehsis
        actors:
          us: {name: The US}
        claims:
          thesis: {text: T, quote: t, actor: nobody}
        arguments:
          a: {conclusion: thesis, premises: [zzz]}
        """)
    hints = [(p.line, p.column, p.hint) for p in rules.unknown_references(doc, doc.data)]
    assert hints == [(4, 9, "did you mean 'thesis'?"), (8, 38, "define it under actors"),
                     (10, 38, "define it under claims")]
    messages = [p.message for p in rules.unknown_references(doc, doc.data)]
    assert messages[0] == "thesis names the claim 'tehsis', which this map does not define"


def test_circular_support_names_the_circle():
    doc = _doc(FAILING_MAP["circular-support"])
    (problem,) = rules.circular_support(doc, doc.data)
    assert problem.message == "claims support each other in a circle: x -> z -> y -> x"


def test_an_unknown_id_is_reported_alone_not_with_the_claims_it_cuts_off():
    """rules.check: the claims behind an unknown premise would look unreachable; only the cause is reported."""
    doc = _doc("""
        thesis: thesis
        claims:
          thesis: {text: T, quote: t}
          premise: {text: P, quote: p}
        arguments:
          a: {conclusion: thesis, premises: [premis]}
        """)
    assert [(p.line, p.column, p.code) for p in rules.check(doc)] == [(9, 38, "unknown-ref")]
    assert [p.code for p in rules.connection_to_thesis(doc, doc.data)] == ["orphan-claim"]  # what it would add


def test_every_rule_has_its_cases():
    assert {case.values[0] for case in CASES} == set(rules.RULES)


def test_every_code_the_rules_give_has_a_failing_case():
    emitted = set(re.findall(r'"([a-z-]+)"', inspect.getsource(rules))) & set(CODES)
    assert len(emitted) >= 12  # the scan finds the calls
    assert {code for case in CASES for _, _, code in case.values[2]} == emitted
