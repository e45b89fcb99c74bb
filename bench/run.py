"""Benchmarks: argmap against the tools a user would otherwise run, both timed in the same run.

Usage: ./quickstart.sh bench        (sets up, then runs: .venv/bin/python bench/run.py [--quick])

Each row times both sides as whole processes, best of several runs, and prints the ratio
(argmap's time / the peer's). The table, with the machine's cores and the tools' versions, is
printed and written to bench/results.md. Peers are installed on first use into bench/.peers
(check-jsonschema as installed by default, and again with ruamel.yaml.clib).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PEERS = BENCH / ".peers"
BIN = Path(sys.executable).parent
ARGMAP = [str(BIN / "argmap")]
sys.path.insert(0, str(BENCH))

from generate import dump, generate


def run(command, **kwargs) -> subprocess.CompletedProcess:
    """Run command, capturing its output; the caller judges its exit status."""
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)


def best(command, repeat: int, ok=(0,), **kwargs) -> float:
    """The best wall time of `repeat` runs of command, in seconds; a run that fails stops the benchmark."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run(command, **kwargs)
        times.append(time.perf_counter() - started)
        if result.returncode not in ok:
            raise SystemExit(
                f"benchmark command failed ({result.returncode}): {' '.join(map(str, command))}\n"
                f"{result.stdout[-2000:]}{result.stderr[-2000:]}"
            )
    return min(times)


def peer_venv(name: str, packages: list[str]) -> Path:
    venv = PEERS / name
    if not (venv / "bin" / "check-jsonschema").exists():
        print(f"installing {' '.join(packages)} into {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", *packages], check=True
        )
    return venv / "bin" / "check-jsonschema"


def argdown() -> str:
    command = ROOT / "tests" / "tools" / "node_modules" / ".bin" / "argdown"
    if not command.exists():
        subprocess.run(
            ["npm", "ci", "--prefix", str(ROOT / "tests" / "tools"), "--no-audit", "--no-fund", "--loglevel=error"],
            check=True,
        )
    return str(command)


def version(command: list[str]) -> str:
    result = run(command)
    return (result.stdout or result.stderr).strip().splitlines()[0] if result.returncode == 0 else "?"


class Table:
    def __init__(self):
        self.rows: list[tuple[str, str, str, str, str, str]] = []

    def add(
        self, what: str, ours: float, peer_name: str, theirs: float | None, goal: str, met: bool | None, note: str = ""
    ) -> None:
        ratio = f"{ours / theirs:.2f}x" if theirs else "-"
        verdict = "" if met is None else ("met" if met else "MISSED")
        peer = f"{peer_name}: {theirs:.3f} s" if theirs else peer_name
        self.rows.append((what, f"{ours:.3f} s", peer, ratio, f"{goal} {verdict}".strip(), note))
        print(f"{what:58s} argmap {ours:8.3f} s | {peer:44s} | {ratio:>7s} | {goal} {verdict} {note}", flush=True)

    def markdown(self, header: str) -> str:
        lines = [
            header,
            "",
            "| benchmark | argmap | peer | ratio (argmap / peer) | goal | note |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and smaller sizes (a smoke test)")
    parser.add_argument(
        "--extra", action="append", default=[], help="a text for bench/draft.py without a reference map"
    )
    args = parser.parse_args()
    repeat = 1 if args.quick else 3
    work = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    table = Table()
    dot = shutil.which("dot") or sys.exit("Graphviz's dot is needed: ./quickstart.sh bench installs it")
    plain = peer_venv("check-jsonschema", ["check-jsonschema"])
    clib = peer_venv("check-jsonschema-clib", ["check-jsonschema", "ruamel.yaml.clib"])
    schema = str(ROOT / "schema" / "argmap.schema.json")
    os.environ.pop("GITHUB_ACTIONS", None)

    # 1. validate 1,000 maps of ~25 claims
    folder = work / "maps"
    folder.mkdir()
    count = 200 if args.quick else 1000
    for number in range(count):
        (folder / f"map-{number:04d}.yaml").write_text(dump(generate(25, number + 1)))
    files = sorted(map(str, folder.glob("*.yaml")))
    size = sum(os.path.getsize(f) for f in files) / len(files) / 1024
    ours = best([*ARGMAP, "validate", str(folder)], repeat)
    theirs = best([str(plain), "--schemafile", schema, *files], repeat)
    theirs_clib = best([str(clib), "--schemafile", schema, *files], repeat)
    what = f"validate {count} maps (~{size:.1f} KB each), semantic checks too"
    table.add(what, ours, "check-jsonschema", theirs, "<= 0.20x", ours / theirs <= 0.20)
    table.add(what, ours, "check-jsonschema + ruamel.yaml.clib", theirs_clib, "<= 0.50x", ours / theirs_clib <= 0.50)

    # 2. one small map, the whole process (what a pre-commit hook pays)
    one = ROOT / "maps" / "school-phones.yaml"
    ours = best([*ARGMAP, "validate", str(one)], repeat * 5)
    theirs = best([str(plain), "--schemafile", schema, str(one)], repeat * 5)
    table.add(
        "validate one small map (whole process)", ours, "check-jsonschema", theirs, "<= 0.60x", ours / theirs <= 0.60
    )

    # 3. render a bundled essay map to SVG, against Argdown on the same map exported to Argdown
    essay = ROOT / "maps" / "2021-peninsula-stalemate.yaml"
    exported = work / "essay.argdown"
    subprocess.run([*ARGMAP, "export", str(essay), "--to", "argdown", "-o", str(exported)], check=True)
    ours = best([*ARGMAP, "render", str(essay), "-o", str(work / "essay.svg")], repeat)
    theirs = best([argdown(), "map", str(exported), str(work / "argdown-out"), "-f", "svg"], repeat)
    table.add(
        "render the 2021 essay map (70 claims) to SVG",
        ours,
        "argdown map -f svg",
        theirs,
        "<= 0.25x",
        ours / theirs <= 0.25,
    )

    # 4. render a 2,000-claim map, against bare dot on the DOT that argmap emits
    big = work / "big-2000.yaml"
    big.write_text(dump(generate(2000, 7)))
    subprocess.run([*ARGMAP, "render", str(big), "-o", str(work / "big-2000.gv")], check=True)
    ours = best([*ARGMAP, "render", str(big), "-o", str(work / "big-2000.svg")], repeat)
    theirs = best([dot, "-Tsvg", str(work / "big-2000.gv"), "-o", str(work / "bare-2000.svg")], repeat)
    table.add(
        "render a 2,000-claim map to SVG", ours, "dot -Tsvg on argmap's DOT", theirs, "<= 1.10x", ours / theirs <= 1.10
    )

    # 5. a 5,000-claim map: argmap's settings for big maps against dot's defaults
    huge = work / "huge-5000.yaml"
    huge.write_text(dump(generate(5000, 3)))
    ours = best([*ARGMAP, "render", str(huge), "-o", str(work / "huge-5000.svg"), "--timeout", "600"], 1)
    if args.quick:
        table.add(
            "render a 5,000-claim map to SVG", ours, "dot defaults (not run with --quick)", None, "< 20 s", ours < 20
        )
    else:
        subprocess.run(
            [*ARGMAP, "render", str(huge), "-o", str(work / "huge-5000.gv"), "--layout", "default"], check=True
        )
        theirs = best(
            ["timeout", "300", dot, "-Tsvg", str(work / "huge-5000.gv"), "-o", str(work / "d.svg")], 1, ok=(0, 124)
        )
        table.add(
            "render a 5,000-claim map to SVG",
            ours,
            "dot with default settings",
            theirs,
            "< 20 s",
            ours < 20,
            "peer stopped at 300 s, unfinished" if theirs >= 299 else "",
        )

    # 6. compare: growth with size
    sizes = (1000, 5000) if args.quick else (1000, 5000, 20000)
    previous = None
    for claims in sizes:
        a, b = work / f"cmp-a-{claims}.yaml", work / f"cmp-b-{claims}.yaml"
        a.write_text(dump(generate(claims, 11)))
        b.write_text(dump(generate(claims, 12)))
        ours = best([*ARGMAP, "compare", str(a), str(b), "--format", "json"], repeat)
        note = f"{ours / claims * 1000:.2f} ms per claim pair of maps"
        if previous:
            note += f"; x{ours / previous[1]:.1f} time for x{claims / previous[0]:.0f} claims"
        goal, met = ("< 2 s", ours < 2) if claims == 5000 else ("near-linear", None)
        table.add(f"compare two maps of {claims:,} claims each", ours, "(growth)", None, goal, met, note)
        previous = (claims, ours)

    __import__("page").add_rows(table, work, ARGMAP, repeat)  # the explorer page at scale: bench/page.py

    # 7. start-up
    baseline = best([sys.executable, "-c", "pass"], repeat * 5)
    ours = best([*ARGMAP, "--help"], repeat * 5)
    table.add("argmap --help", ours, "python -c pass", baseline, "(start-up)", None)
    ours = best([*ARGMAP, "validate", str(one)], repeat * 5)
    table.add("argmap validate one small map", ours, "python -c pass", baseline, "(start-up)", None)

    __import__("lsp").add_rows(table, args.quick)  # 8. argmap lsp: diagnostics latency per keystroke (bench/lsp.py)

    versions = {
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "argmap": version([*ARGMAP, "--version"]),
        "dot": version([dot, "-V"]),
        "check-jsonschema": version([str(plain), "--version"]),
        "argdown": version([argdown(), "--version"]),
    }
    header = (
        "# Benchmark results\n\n"
        + ", ".join(f"{k}: {v}" for k, v in versions.items())
        + f"\n\nRun with `./quickstart.sh bench{' --quick' if args.quick else ''}`"
        f" on {time.strftime('%Y-%m-%d')}; best of {repeat} (start-up rows: best of {repeat * 5})."
    )
    (BENCH / "results.md").write_text(table.markdown(header))
    print(f"\nwritten to {BENCH / 'results.md'}")
    subprocess.run([sys.executable, str(BENCH / "draft.py"), *(f"--extra={p}" for p in args.extra)], check=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
