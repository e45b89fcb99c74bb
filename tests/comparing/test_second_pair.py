"""The second gold pair (corpus/washington-du-bois): public-domain texts beside their maps and gold links."""
from __future__ import annotations

import json

from argmap.cli import main
from conftest import ROOT

PAIR = ROOT / "corpus" / "washington-du-bois"
TEXTS = ("1895-09-18-washington-atlanta-address.txt", "1903-du-bois-of-mr-booker-t-washington.txt")


def test_pair_validates_strictly_with_its_quotes_checked(runner):
    result = runner.invoke(main, ["validate", "--strict", "--format", "json", str(PAIR)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["problems"] == []


def test_pair_maps_carry_every_sentence(runner):
    maps = sorted(str(p) for p in PAIR.glob("*.yaml"))
    result = runner.invoke(main, ["coverage", "--format", "json", "--fail-under", "100", *maps])
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)
    reports = reports if isinstance(reports, list) else reports.get("maps", [reports])
    assert len(reports) == 2 and all(r["share"] == 1.0 for r in reports)


def test_sources_name_origin_and_licence_of_each_text():
    sources = (PAIR / "SOURCES.md").read_text(encoding="utf-8")
    for text in TEXTS:
        assert f"`{text}`" in sources
        assert (PAIR / text).read_bytes().isascii()
    assert sources.count("public domain") >= 2 and "Gutenberg eBook #2376" in sources and "eBook #408" in sources
