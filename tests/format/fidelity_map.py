"""A small map with every element that issue 16 added to the format, shared by the tests of this folder.

A made-up text: the only correct choice is talks, reached by elimination with an implicit exhaustiveness
premise; a means and its specification; a conditional used by modus ponens; a tension the text leaves
standing; an objection it answers; and an exhortation that follows from the thesis.
"""
from __future__ import annotations

import copy

import yaml

TEXT = """\
argmap: 1
id: fidelity
title: Talks or a freeze?
thesis: choose-talks
sections:
  choice: {title: The choice}
claims:
  choose-talks:
    text: Talks are the only correct choice.
    quote: Talks are the only correct choice.
    role: recommendation
    section: choice
  three-courses:
    text: The courses open are war, a freeze, or talks.
    implicit: true
  war-bad: {text: War is not advisable., quote: War is not advisable.}
  freeze-bad: {text: A freeze is not advisable., quote: A freeze is not advisable.}
  freeze-stalls: {text: A freeze stalls every objective., quote: A freeze stalls every objective.}
  hold-summits:
    text: Hold regular summits.
    quote: Hold regular summits.
    role: recommendation
    means-to: choose-talks
  june-summit:
    text: The first summit should be in June.
    quote: The first summit should be in June.
    role: recommendation
    specifies: hold-summits
  if-agree:
    text: If the two agree on a roadmap, the talks will succeed.
    quote: If the two agree on a roadmap, the talks will succeed.
    conditional: {if: agree, then: succeed}
  agree: {text: The two may agree on a roadmap., quote: The two may agree on a roadmap., role: prediction}
  succeed: {text: The talks may succeed., quote: The talks may succeed., role: prediction}
  trust: {text: The leaders trust each other., quote: The leaders trust each other.}
  mistrust: {text: Mutual trust is scarce., quote: Mutual trust is scarce.}
  fund-diplomacy:
    text: So we must fund diplomacy.
    quote: So we must fund diplomacy.
    role: recommendation
arguments:
  by-elimination:
    conclusion: choose-talks
    premises: [three-courses, war-bad, freeze-bad]
    scheme: disjunctive-syllogism
    exhaustive: three-courses
    section: choice
  freeze-argument: {conclusion: freeze-bad, premises: [freeze-stalls], scheme: consequences}
  success: {conclusion: succeed, premises: [if-agree, agree], scheme: modus-ponens}
  success-helps: {conclusion: choose-talks, premises: [succeed]}
  trust-helps: {conclusion: agree, premises: [trust]}
  exhortation: {conclusion: fund-diplomacy, premises: [choose-talks], scheme: practical-reasoning}
objections:
  mistrust-objection: {claim: mistrust, target: agree}
tensions:
  trust-and-mistrust:
    claims: [trust, mistrust]
    kind: contrary
    note: The text says both.
"""


def data() -> dict:
    return copy.deepcopy(yaml.safe_load(TEXT))


def dump(value: dict) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=1000)
