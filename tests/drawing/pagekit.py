"""Shared by the drawing tests: Debian's chromium through Playwright, and pages rendered once per session."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from conftest import IN_CI, MAPS, ROOT, essays_dir

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
AXE = ROOT / "tests" / "tools" / "node_modules" / "axe-core" / "axe.min.js"
ZHANG = MAPS / "2019-02-15-zhang-finding-a-solution.yaml"
STALEMATE = MAPS / "2021-peninsula-stalemate.yaml"
PHONES = MAPS / "school-phones.yaml"


@pytest.fixture(scope="module")
def chromium():
    """One browser for a test module: only one Playwright may run at a time, and other modules start their own."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        found = None
    if found is None or shutil.which("dot") is None:
        if IN_CI:
            pytest.fail("chromium, playwright and dot are needed in CI: ./quickstart.sh test installs them")
        pytest.skip("chromium, playwright or dot is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=found, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The explorer pages of the bundled maps, the comparison pages, and a generated map's page, made once."""
    if shutil.which("dot") is None:
        if IN_CI:
            pytest.fail("Graphviz `dot` is missing in CI")
        pytest.skip("Graphviz `dot` is not installed")
    out = tmp_path_factory.mktemp("pages")
    runner = CliRunner()
    essays = essays_dir()
    sources = ["--sources", str(essays)] if essays else []
    made = {}
    for name, path in (("zhang", ZHANG), ("stalemate", STALEMATE), ("phones", PHONES)):
        made[name] = out / f"{name}.html"
        result = runner.invoke(main, ["render", str(path), "-o", str(made[name]), *sources])
        assert result.exit_code == 0, result.output
    for name, extra in (("compare", []), ("linked", ["--linked-only"])):
        made[name] = out / f"{name}.html"
        result = runner.invoke(main, ["compare", str(ZHANG), str(STALEMATE), "-o", str(made[name]), *extra])
        assert result.exit_code == 0, result.output
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import dump, generate

    generated = out / "generated.yaml"
    generated.write_text(dump(generate(300, 5)), encoding="utf-8")
    made["generated"] = out / "generated.html"
    result = runner.invoke(main, ["render", str(generated), "-o", str(made["generated"])])
    assert result.exit_code == 0, result.output
    return made


@pytest.fixture
def open_page(chromium):
    """open_page(path, width, height) -> (page, requests): a fresh tab on a file, recording every request."""
    opened = []

    def opener(path: Path, width: int = 1366, height: int = 768):
        page = chromium.new_page(viewport={"width": width, "height": height})
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.as_uri())
        page.wait_for_function("document.body.classList.contains('ready')")
        page.errors = errors
        opened.append(page)
        return page, requests

    yield opener
    for page in opened:
        assert not page.errors, page.errors
        page.close()
