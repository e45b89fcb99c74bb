"""The explorer page at scale: a generated 2,000-claim map's page in headless chromium (Playwright).

Usage: python bench/page.py [--claims N] [--repeat N]   (prints its rows; ./quickstart.sh bench writes them)
       from bench/run.py: page.add_rows(table, work, argmap_command, repeat)

Measured inside the page, so that Playwright's own round trips are not counted:
- first fitted view: from navigation start to the second animation frame after the page fitted the
  diagram to the window (the diagram stays hidden until then, so nothing else is shown first);
- hover: from a mouseover on a claim to the next frame, with the panel filled;
- search: from typing a query (an input event) to the next frame, with every match outlined.
The goal is <= 1.0 s for the first view and <= 50 ms for hover and search (issue 14).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

_FRAME = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
_HOVER = """async (ids) => {
  const times = [];
  for (const id of ids) {
    const node = document.getElementById(id);
    const started = performance.now();
    node.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    await %s;
    if (document.getElementById('panel').dataset.shown !== id) throw new Error('panel did not show ' + id);
    times.push(performance.now() - started);
  }
  return times;
}""".replace("%s", _FRAME)
_SEARCH = """async (queries) => {
  const times = [], input = document.getElementById('find');
  for (const query of queries) {
    const started = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await %s;
    times.push(performance.now() - started);
  }
  return times;
}""".replace("%s", _FRAME)


def measure(page_file: Path, repeat: int = 3) -> dict:
    """Best first fitted view over repeat loads, and the median hover and search times (ms)."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is needed: ./quickstart.sh test installs it")
    html = page_file.read_text(encoding="utf-8")
    found: dict = {"bytes": page_file.stat().st_size}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        firsts, hovers, searches = [], [], []
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(page_file.as_uri())
            page.wait_for_function("performance.getEntriesByName('argmap-fitted').length > 0")
            firsts.append(page.evaluate("performance.getEntriesByName('argmap-fitted')[0].startTime"))
            found["elements"] = page.evaluate("document.getElementsByTagName('*').length")
            ids = page.evaluate("[...document.querySelectorAll('#viewport g.node.claim')].map(n => n.id)")
            hovers += page.evaluate(_HOVER, ids[:: max(1, len(ids) // 25)])
            words = sorted(set(re.findall(r"[a-z]{5,}", html[-200000:])))[:20]
            searches += page.evaluate(_SEARCH, ["the", "security", "c1", "peace dialogue", *words, ""])
            page.close()
        browser.close()
    found.update(first=min(firsts), hover=statistics.median(hovers), hover_worst=max(hovers),
                 search=statistics.median(searches), search_worst=max(searches))
    return found


def make_page(work: Path, argmap: list[str], claims: int = 2000) -> Path:
    sys.path.insert(0, str(BENCH))
    from generate import dump, generate

    source = work / f"page-{claims}.yaml"
    source.write_text(dump(generate(claims, 7)))
    out = work / f"page-{claims}.html"
    subprocess.run([*argmap, "render", str(source), "-o", str(out)], check=True)
    return out


def add_rows(table, work: Path, argmap: list[str], repeat: int = 3, claims: int = 2000, goal=None) -> dict:
    """The page's rows in run.py's table; goal(text, met) gives a verdict (run.py's, which a smoke run withholds)."""
    goal = goal or (lambda text, met: (text, met))
    found = measure(make_page(work, argmap, claims), repeat)
    size = f"{found['bytes'] / 1e6:.1f} MB, {found['elements']:,} elements"
    table.add(f"explorer page, {claims:,} claims: first fitted view", found["first"] / 1000, "(in chromium)", None,
              *goal("<= 1.0 s", found["first"] <= 1000), size)
    table.add(f"explorer page, {claims:,} claims: hover (median)", found["hover"] / 1000, "(in chromium)", None,
              *goal("<= 50 ms", found["hover"] <= 50), f"worst {found['hover_worst']:.0f} ms")
    table.add(f"explorer page, {claims:,} claims: search (median)", found["search"] / 1000, "(in chromium)", None,
              *goal("<= 50 ms", found["search"] <= 50), f"worst {found['search_worst']:.0f} ms")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(BENCH))
    from run import ARGMAP, Table

    table = Table()
    with tempfile.TemporaryDirectory(prefix="argmap-page-") as work:
        found = add_rows(table, Path(work), ARGMAP, args.repeat, args.claims)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(table.markdown(f"## Explorer page\n\nRun with `python bench/page.py` on {time.strftime('%Y-%m-%d')}, with "
                         f"the machine's load average at {load} on {os.cpu_count()} cores: a generated "
                         f"{args.claims:,}-claim map's page ({found['bytes'] / 1e6:.1f} MB, {found['elements']:,} "
                         f"elements) at 1366x768 in headless chromium; first view: best of {args.repeat} loads; "
                         "hover: 25 claims, search: 25 queries, each load."))

if __name__ == "__main__":
    main()
