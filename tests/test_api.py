"""The library API that the CLI is built on: argmap.load, argmap.validate and the model."""
from __future__ import annotations

import dataclasses

import pytest

import argmap
from argmap.model import REBUT, UNDERCUT
from conftest import FIXTURES, MAPS


def test_load_builds_immutable_model():
    model = argmap.load(MAPS / "school-phones.yaml")
    assert model.id == "school-phones" and model.thesis == "ban-phones"
    thesis = model.claims["ban-phones"]
    assert thesis.role == "thesis" and thesis.quotes == ("Schools should ban phones in class.",)
    assert model.claims["learning-matters"].implicit and model.claims["learning-matters"].quotes == ()
    assert model.claims["office-phone"].actors == ("schools", "parents")
    assert model.arguments["distraction-argument"].premises == ("phones-distract", "distraction-harms", "learning-matters")
    assert model.objections["other-distractions"].kind == UNDERCUT
    assert model.objections["emergency-objection"].kind == REBUT
    assert [a.id for a in model.arguments_for("ban-phones")] == ["distraction-argument", "fairness-argument"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        thesis.text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        model.claims["new"] = thesis  # type: ignore[index]


def test_default_roles():
    model = argmap.load(FIXTURES / "valid" / "minimal.yaml")
    assert model.claims["t"].role == "thesis"
    assert model.claims["p"].role == "premise"


def test_load_of_invalid_map_raises_with_every_error():
    with pytest.raises(argmap.InvalidMap) as caught:
        argmap.load(FIXTURES / "invalid" / "unknown-premise.yaml")
    assert [p.code for p in caught.value.problems] == ["unknown-ref"]
    assert "unknown-premise.yaml:9:38" in str(caught.value)


def test_validate_takes_files_and_folders():
    problems = argmap.validate([FIXTURES / "invalid" / "bad-role.yaml", FIXTURES / "valid"])
    assert [(p.code, p.line) for p in problems] == [("schema-enum", 6)]
    assert argmap.validate(MAPS / "school-phones.yaml") == []
