"""The bundled essay maps after issue 16's reading: each repair stays made, and the links file quotes both essays."""
from __future__ import annotations

import re

import pytest

import argmap
from argmap.checking.sources import fold
from conftest import MAPS

ZHANG = MAPS / "2019-02-15-zhang-finding-a-solution.yaml"
STALEMATE = MAPS / "2021-peninsula-stalemate.yaml"
LINKS = MAPS / "links" / "2019-02-15-zhang-finding-a-solution--2021-peninsula-stalemate.yaml"


def test_the_bundled_maps_pass_every_fidelity_check(essays):
    assert argmap.validate(MAPS, sources=essays) == []
    for path in (ZHANG, STALEMATE):
        assert argmap.measure_coverage(argmap.load(path, sources=essays), sources=essays).share == 1.0


def _follows(model, argument_id: str, *premises: str) -> bool:
    return set(premises) <= set(model.arguments[argument_id].premises)


def test_the_2019_thesis_is_reached_by_elimination_and_no_step_runs_backwards():
    model = argmap.load(ZHANG)
    assert model.thesis == "only-correct-choice" and model.claims["only-correct-choice"].role == "recommendation"
    elimination = model.arguments["a4-elimination"]
    assert elimination.scheme == "disjunctive-syllogism" and elimination.exhaustive == "peace-courses"
    assert model.claims["peace-courses"].implicit
    assert _follows(model, "a4-elimination", "war-not-advisable", "no-freeze")
    assert not any("only-correct-choice" in a.premises for a in model.arguments.values())  # nothing derived back


def test_the_2019_roadmap_paragraph_keeps_its_conditional_means_and_necessary_condition_apart():
    model = argmap.load(ZHANG)
    condition = model.claims["roadmap-suffices"]
    assert (condition.antecedent, condition.consequent) == ("roadmap-agreement-possible", "progress-likely")
    assert model.arguments["a2-breakthrough"].scheme == "modus-ponens"
    assert model.claims["phased-parallel"].means_to == ("roadmap-agreement-possible",)
    assert model.claims["breakthroughs-needed"].conditional
    premises = {p for a in model.arguments_for("progress-likely") for p in a.premises}
    assert {"factor-a", "factor-b", "factor-c", "factor-d"} <= premises  # the factors reach the forecast
    assert not premises & {"phased-parallel", "breakthroughs-needed", "part1-both"}


def test_the_2019_dialectic_and_tension():
    model = argmap.load(ZHANG)
    assert "reasons-for-optimism" not in model.claims
    assert [(o.claim, o.target) for o in model.objections_to("progress-likely")] == [
        ("stagnation-possible", "progress-likely")]
    assert [t.claims for t in model.tensions.values()] == [("factor-a", "mistrust")]
    assert "last two of the three objectives" in model.claims["followup-stalemate"].text


def test_the_2021_recommendations_are_means_not_reasons():
    model = argmap.load(STALEMATE)
    assert model.claims[model.thesis].role == "recommendation"
    [only] = model.arguments_for(model.thesis)
    assert set(only.premises) == {"new-crisis", "avoid-recurrence", "big-power-cooperation-weakened"}
    means = {c.id for kind, c in model.spelled_out_by(model.thesis) if kind == "means-to"}
    assert {"joint-declaration", "resume-bilateral-dialogue", "support-north-south-dialogue", "agree-basic-policies",
            "end-state-of-war", "joint-roadmap", "expand-to-six-party", "respect-unsc-role",
            "safeguard-strategic-stability"} == means
    assert model.claims["us-stop-suppressing-china"].means_to == ("joint-declaration",)
    assert not any("us-stop-suppressing-china" in a.premises for a in model.arguments_for("joint-declaration"))
    assert not any(c.implicit for c in model.claims.values())


def test_the_2021_doubt_is_others_and_answered_and_the_causes_reach_remedies():
    model = argmap.load(STALEMATE)
    answers = {(o.claim, o.target) for o in model.objections.values()}
    assert ("policy-firm-goal", "denuclearization-doubted") in answers
    assert ("denuclearization-doubted", model.thesis) in answers
    for cause in ("cause-lack-of-trust", "cause-definition-divergence", "cause-roadmap-divergence",
                  "cause-libya-model-fear"):
        remedies = [a.conclusion for a in model.arguments.values() if cause in a.premises and a.conclusion != "talks-all-failed"]
        assert remedies, f"{cause} reaches no remedy"
    assert not any(o.kind == "undercut" for o in model.objections.values())  # the concessions contrast; none undercuts


LINK_QUOTE = re.compile(r'"([^"]+)"')


def _quotes_from(note: str, claim) -> bool:
    text = " ".join(fold(q) for q in claim.quotes)
    for quoted in LINK_QUOTE.findall(note):
        parts = [fold(p).strip(" .,;:") for p in quoted.split("...")]
        if all(part in text for part in parts if part):
            return True
    return False


@pytest.fixture(scope="module")
def links():
    return argmap.load_links(LINKS)


def test_every_link_note_quotes_both_essays(links):
    missing = [(link.a, link.b) for link in links.links
               if not (link.note and _quotes_from(link.note, links.a.claims[link.a])
                       and _quotes_from(link.note, links.b.claims[link.b]))]
    assert not missing, f"these notes do not quote both linked claims: {missing}"


def test_the_links_file_corrections(links):
    relation = {(link.a, link.b): link.relation for link in links.links}
    assert relation[("us-end-of-war", "us-cool-on-end-of-war")] == "develops"  # an untaken proposal
    assert relation[("us-reduce-exercises", "joint-exercises-august")] == "develops"
    assert relation[("factor-a", "cause-lack-of-trust")] == "contradicts"
    assert relation[("stalemate-leads-to-fixation", "relative-calm")] == "develops"
    assert relation[("no-freeze", "uphold-two-suspensions")] == "develops"
    assert relation[("phased-parallel", "policy-parallel-tracks")] == "recast"
    assert ("slightly-better-than-war", "relative-calm") not in relation  # only thematic
    assert ("factor-c", "us-stop-suppressing-china") not in relation
