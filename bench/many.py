"""How long `argmap compare` takes over many essays: 20 maps of 1,000 claims, with links between them.

Usage: python bench/many.py [--maps 20] [--claims 1000] [--links 300] [--runs 3]

Makes the maps with generate.py (each dated a year apart), and a links file between each map and the
next, and between each map and the one after next, each with --links random links (all four
relations), so that claims recur across many essays. Then times, as whole processes, best of --runs:
`argmap compare DIR --format json` (every links file, the chains) and the same with `-o page.html`.
Prints a Markdown table with the machine's core count; bench/README.md keeps the last figures.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import dump, generate

RELATIONS = ("same", "recast", "contradicts", "develops")


def make(folder: Path, maps: int, claims: int, links: int) -> None:
    rng = random.Random(15)
    ids = []
    for n in range(maps):
        data = generate(claims, seed=n + 1, map_id=f"essay-{n:02d}")
        data["source"] = {"published": str(1900 + n)}
        (folder / f"essay-{n:02d}.yaml").write_text(dump(data), encoding="utf-8")
        ids.append(list(data["claims"]))
    (folder / "links").mkdir()
    for n in range(maps):
        for step in (1, 2):
            if n + step >= maps:
                continue
            pairs = set()
            while len(pairs) < links:
                pairs.add((rng.choice(ids[n]), rng.choice(ids[n + step])))
            data = {"argmap-links": 1, "maps": {"a": f"../essay-{n:02d}.yaml", "b": f"../essay-{n + step:02d}.yaml"},
                    "links": [{"a": a, "b": b, "relation": rng.choice(RELATIONS)} for a, b in sorted(pairs)]}
            (folder / "links" / f"essay-{n:02d}--essay-{n + step:02d}.yaml").write_text(json.dumps(data),
                                                                                      encoding="utf-8")


def best(command: list[str], runs: int) -> tuple[float, float, str]:
    """(best wall-clock seconds, best CPU seconds of the process, its output): CPU time does not grow when
    other work shares the machine, wall-clock time does."""
    import resource

    times, cpus, out = [], [], ""
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        out = done.stdout
    return min(times), min(cpus), out


def add_rows(table, work: Path, argmap: list[str], maps: int = 20, claims: int = 1000, links: int = 300,
             runs: int = 3, goal=None) -> None:
    """The row in run.py's table; goal(text, met) gives a verdict (run.py's, which a smoke run withholds)."""
    goal = goal or (lambda text, met: (text, met))
    folder = work / "many"
    folder.mkdir()
    make(folder, maps, claims, links)
    seconds, cpu, out = best([*argmap, "compare", str(folder), "--format", "json"], runs)
    chains = json.loads(out)["chains"]
    table.add(f"compare {maps} maps of {claims:,} claims (every links file, the chains)", seconds, "(whole process)",
              None, *goal("< 10 s", seconds < 10),
              f"CPU {cpu:.2f} s; {len(chains):,} chains, the widest across "
              f"{max((len(c['maps']) for c in chains), default=0)} essays")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=20)
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--links", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    argmap = [sys.executable, "-m", "argmap"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make(folder, args.maps, args.claims, args.links)
        seconds, cpu, out = best([*argmap, "compare", str(folder), "--format", "json"], args.runs)
        report = json.loads(out)
        page, page_cpu, _ = best([*argmap, "compare", str(folder), "--format", "json", "-o", str(folder / "page.html")],
                                 args.runs)
        size = (folder / "page.html").stat().st_size
    chains = report["chains"]
    print("| maps x claims | links files | links | chains | widest chain | compare (JSON): wall, CPU "
          "| with the page: wall, CPU | cores | load |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| {args.maps} x {args.claims} | {len(report['links_files'])} | "
          f"{sum(f['links'] for f in report['links_files'])} | {len(chains)} | "
          f"{max((len(c['maps']) for c in chains), default=0)} essays | {seconds:.2f} s, {cpu:.2f} s | "
          f"{page:.2f} s, {page_cpu:.2f} s ({size / 1e6:.1f} MB) | {os.cpu_count()} | {os.getloadavg()[0]:.1f} |")


if __name__ == "__main__":
    main()
