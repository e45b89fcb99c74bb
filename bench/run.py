"""Benchmarks: argmap against the tools a user would otherwise run, or against the floor, timed in the same run.

Usage: ./quickstart.sh bench        (sets up, then runs: .venv/bin/python bench/run.py)
       python bench/run.py [--quick | --smoke] [--out FILE] [--extra TEXT]...

Each row times argmap and its peer (another tool, or the least any tool could take) as whole processes,
in turn, best of several runs, and gives the ratio (argmap's time / the peer's). The table, with the machine, its
load and the tools' versions, is printed and written to bench/results.md (or --out). --quick runs fewer
repetitions; --smoke runs every row on small sizes, once, to show the benchmarks still work (the tests
do this; its figures mean nothing). Peers are installed on first use: check-jsonschema into bench/.peers
(as installed by default, and again with ruamel.yaml.clib), Argdown into tests/tools.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PEERS = BENCH / ".peers"
BIN = Path(sys.executable).parent
ARGMAP = [str(BIN / "argmap")]
MAPS = ROOT / "maps"
sys.path.insert(0, str(BENCH))

from generate import dump, generate


@dataclass(frozen=True)
class Scale:
    """The sizes of one run: the full run measures what the goals name; smoke only shows that every row runs."""

    repeat: int  # best of this many runs per row
    startup_repeat: int  # the start-up rows: a process of a tenth of a second needs more runs to settle
    small_maps: int  # validate this many generated maps of ~25 claims
    copies: int  # validate this many copies of the bundled maps
    render: int  # claims of the map drawn against bare dot
    huge: int  # claims of the map drawn with argmap's big-map settings against dot's defaults
    giant: int  # claims of the biggest map drawn
    compare: tuple[int, ...]  # claims per map, for the growth of compare
    page: int  # claims of the explorer page's map
    keystrokes: int  # per map, for the language server
    many: tuple[int, int, int]  # maps, claims per map, links per links file: compare over many essays
    smoke: bool = False


SCALES = {
    "full": Scale(3, 15, 1000, 1000, 2000, 5000, 20000, (1000, 5000, 20000), 2000, 40, (20, 1000, 300)),
    "quick": Scale(1, 5, 200, 200, 2000, 5000, 20000, (1000, 5000), 2000, 10, (20, 1000, 300)),
    "smoke": Scale(1, 2, 8, 6, 60, 120, 200, (40, 160), 60, 3, (3, 30, 10), smoke=True),
}


def run(command, **kwargs) -> subprocess.CompletedProcess:
    """Run command, capturing its output; the caller judges its exit status."""
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)


@dataclass
class Timing:
    wall: float  # best wall-clock seconds
    cpu: float  # best CPU seconds of the process and its children: what the machine would take alone


def timed(command, repeat: int, ok=(0,), **kwargs) -> Timing:
    """The best wall and CPU times of `repeat` runs of command; a run that fails stops the benchmark."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        result = run(command, **kwargs)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode not in ok:
            raise SystemExit(
                f"benchmark command failed ({result.returncode}): {' '.join(map(str, command))}\n"
                f"{result.stdout[-2000:]}{result.stderr[-2000:]}"
            )
    return Timing(min(walls), min(cpus))


def best(command, repeat: int, ok=(0,), **kwargs) -> float:
    """The best wall time of `repeat` runs of command, in seconds."""
    return timed(command, repeat, ok, **kwargs).wall


def side_by_side(commands: list, repeat: int, **kwargs) -> list[Timing]:
    """The best times of each command, run in turn (a, b, a, b, ...): a shared machine's speed drifts by tens of
    percent over a minute, and a ratio of two times is only fair when both saw the same drift."""
    found = [[] for _ in commands]
    for _ in range(repeat):
        for times, command in zip(found, commands, strict=True):
            times.append(timed(command, 1, **kwargs))
    return [Timing(min(t.wall for t in times), min(t.cpu for t in times)) for times in found]


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


def essays() -> Path | None:
    """The folder of the bundled maps' essays ($ARGMAP_SOURCES or ../shared/essays), if it is here."""
    for folder in (*os.environ.get("ARGMAP_SOURCES", "").split(os.pathsep), ROOT.parent / "shared" / "essays"):
        if folder and (Path(folder) / "2021-peninsula-stalemate.txt").is_file():
            return Path(folder)
    return None


def version(command: list[str]) -> str:
    result = run(command)
    return (result.stdout or result.stderr).strip().splitlines()[0] if result.returncode == 0 else "?"


def seconds(value: float) -> str:
    """A time as a reader takes it in: seconds from a second up, milliseconds below."""
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms" if value >= 0.01 else f"{value * 1000:.2f} ms"


class Table:
    def __init__(self):
        self.rows: list[tuple[str, str, str, str, str, str]] = []

    def add(
        self, what: str, ours: float, peer_name: str, theirs: float | None, goal: str, met: bool | None, note: str = ""
    ) -> None:
        ratio = f"{ours / theirs:.2f}x" if theirs else "-"
        verdict = "" if met is None else ("met" if met else "MISSED")
        peer = f"{peer_name}: {seconds(theirs)}" if theirs else peer_name
        self.rows.append((what, seconds(ours), peer, ratio, f"{goal} {verdict}".strip(), note))
        print(f"{what:58s} argmap {seconds(ours):>9s} | {peer:44s} | {ratio:>7s} | {goal} {verdict} {note}", flush=True)

    def markdown(self, header: str) -> str:
        lines = [
            header,
            "",
            "| benchmark | argmap | peer | ratio (argmap / peer) | goal | note |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines) + "\n"


@dataclass
class Bench:
    """What every row needs: the sizes, a scratch folder, the table, and the peers' commands."""

    scale: Scale
    work: Path
    table: Table
    dot: str
    plain: Path  # check-jsonschema as installed by default
    clib: Path  # check-jsonschema with ruamel.yaml.clib
    schema: str

    def goal(self, text: str, met: bool) -> tuple[str, bool | None]:
        """A goal's verdict; a smoke run's sizes are too small for any verdict."""
        return (f"{text} (smoke: not judged)", None) if self.scale.smoke else (text, met)


def validate_generated_maps(b: Bench) -> None:
    folder = b.work / "maps"
    folder.mkdir()
    for number in range(b.scale.small_maps):
        (folder / f"map-{number:04d}.yaml").write_text(dump(generate(25, number + 1)))
    files = sorted(map(str, folder.glob("*.yaml")))
    size = sum(os.path.getsize(f) for f in files) / len(files) / 1024
    ours, theirs, theirs_clib = (t.wall for t in side_by_side(
        [[*ARGMAP, "validate", str(folder)], [str(b.plain), "--schemafile", b.schema, *files],
         [str(b.clib), "--schemafile", b.schema, *files]], b.scale.repeat))
    what = f"validate {len(files)} maps (~{size:.1f} KB each), semantic checks too"
    b.table.add(what, ours, "check-jsonschema", theirs, *b.goal("<= 0.20x", ours / theirs <= 0.20))
    b.table.add(what, ours, "check-jsonschema + ruamel.yaml.clib", theirs_clib,
                *b.goal("<= 0.50x", ours / theirs_clib <= 0.50))


EVENTS = """# The floor: PyYAML's C parser emitting every event of every file, nothing built from them.
import os, sys
from yaml._yaml import CParser
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), "rb") as handle:
        parser = CParser(handle.read().decode("utf-8"))
    while parser.get_event() is not None:
        pass
    parser.dispose()
"""


def validate_essay_copies(b: Bench) -> None:
    """Copies of the bundled maps against the least any YAML validator must do: have the C parser emit the
    events. Wall time is what a user waits (argmap checks 64 files or more on every core); CPU time is
    the work, and does not depend on the cores."""
    folder = b.work / "copies"
    folder.mkdir()
    bundled = sorted(p for p in MAPS.glob("*.yaml"))
    for number in range(b.scale.copies):
        original = bundled[number % len(bundled)]
        shutil.copyfile(original, folder / f"{number:04d}-{original.name}")
    size = sum(f.stat().st_size for f in folder.iterdir()) / 2**20
    floor_script = b.work / "events.py"
    floor_script.write_text(EVENTS)
    # the maps' own checks, as the floor does: their quotes are not checked against $ARGMAP_SOURCES's essays
    unsourced = {name: value for name, value in os.environ.items() if name != "ARGMAP_SOURCES"}
    ours, floor = side_by_side([[*ARGMAP, "validate", str(folder)], [sys.executable, str(floor_script), str(folder)]],
                               b.scale.repeat, env=unsourced)
    what = f"validate {b.scale.copies} copies of the bundled maps ({size:.0f} MB)"
    note = (f"CPU: argmap {ours.cpu:.2f} s, parser {floor.cpu:.2f} s ({ours.cpu / floor.cpu:.2f}x); "
            f"{os.cpu_count()} cores")
    b.table.add(what, ours.wall, "PyYAML's C parser, events only", floor.wall,
                *b.goal("<= 1.5x", ours.wall / floor.wall <= 1.5), note)


def validate_one_map(b: Bench) -> None:
    one = MAPS / "school-phones.yaml"
    ours, theirs = (t.wall for t in side_by_side(
        [[*ARGMAP, "validate", str(one)], [str(b.plain), "--schemafile", b.schema, str(one)]],
        b.scale.startup_repeat, cwd=b.work))
    b.table.add("validate one small map (whole process)", ours, "check-jsonschema", theirs,
                *b.goal("<= 0.60x", ours / theirs <= 0.60))


def start_up(b: Bench) -> None:
    """The whole process against the interpreter's own start: what every pre-commit run pays. Run in a folder
    of the user's (the scratch folder), not in this repository, whose pyproject.toml argmap would read."""
    baseline, floor, helped, ours = (t.wall for t in side_by_side(
        [[sys.executable, "-c", "pass"], [sys.executable, "-c", "import click, yaml"], [*ARGMAP, "--help"],
         [*ARGMAP, "validate", str(MAPS / "school-phones.yaml")]], b.scale.startup_repeat, cwd=b.work))
    b.table.add("argmap --help", helped, "python -c pass", baseline, "(start-up)", None)
    b.table.add("argmap validate one small map", ours, "python -c pass", baseline,
                *b.goal("<= 3x", ours / baseline <= 3),
                f"importing click and PyYAML alone: {floor:.3f} s ({floor / baseline:.2f}x)")


def render_essay(b: Bench) -> None:
    essay = MAPS / "2021-peninsula-stalemate.yaml"
    exported = b.work / "essay.argdown"
    subprocess.run([*ARGMAP, "export", str(essay), "--to", "argdown", "-o", str(exported)], check=True)
    ours, theirs = (t.wall for t in side_by_side(
        [[*ARGMAP, "render", str(essay), "-o", str(b.work / "essay.svg")],
         [argdown(), "map", str(exported), str(b.work / "argdown-out"), "-f", "svg"]], b.scale.repeat))
    b.table.add("render the 2021 essay map (70 claims) to SVG", ours, "argdown map -f svg", theirs,
                *b.goal("<= 0.25x", ours / theirs <= 0.25))


def render_against_dot(b: Bench) -> None:
    claims = b.scale.render
    big = b.work / f"big-{claims}.yaml"
    big.write_text(dump(generate(claims, 7)))
    subprocess.run([*ARGMAP, "render", str(big), "-o", str(b.work / "big.gv")], check=True)
    ours, theirs = (t.wall for t in side_by_side(
        [[*ARGMAP, "render", str(big), "-o", str(b.work / "big.svg")],
         [b.dot, "-Tsvg", str(b.work / "big.gv"), "-o", str(b.work / "bare.svg")]], b.scale.repeat))
    b.table.add(f"render a {claims:,}-claim map to SVG", ours, "dot -Tsvg on argmap's DOT", theirs,
                *b.goal("<= 1.05x", ours / theirs <= 1.05), f"argmap's own part: {ours - theirs:.2f} s")


def render_huge(b: Bench) -> None:
    """argmap's settings for big maps against dot's defaults on the same map."""
    claims = b.scale.huge
    huge = b.work / f"huge-{claims}.yaml"
    huge.write_text(dump(generate(claims, 3)))
    ours = best([*ARGMAP, "render", str(huge), "-o", str(b.work / "huge.svg"), "--timeout", "600"], 1)
    subprocess.run([*ARGMAP, "render", str(huge), "-o", str(b.work / "huge.gv"), "--layout", "default"], check=True)
    theirs = best(["timeout", "300", b.dot, "-Tsvg", str(b.work / "huge.gv"), "-o", str(b.work / "d.svg")], 1,
                  ok=(0, 124))
    b.table.add(f"render a {claims:,}-claim map to SVG", ours, "dot with default settings", theirs,
                *b.goal("< 20 s", ours < 20), "peer stopped at 300 s, unfinished" if theirs >= 299 else "")


def render_giant(b: Bench) -> None:
    """The biggest map, drawn as argmap draws it by default (see docs/cli.md, big maps), once."""
    claims = b.scale.giant
    giant = b.work / f"giant-{claims}.yaml"
    giant.write_text(dump(generate(claims, 5)))
    out = b.work / "giant.svg"
    started = time.perf_counter()
    result = run([*ARGMAP, "render", str(giant), "-o", str(out), "--timeout", "600"])
    ours = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"rendering the {claims:,}-claim map failed: {result.stderr[-2000:]}")
    drawn = out.read_text(encoding="utf-8").count('class="node claim')
    said = " ".join(line.split("warning: ", 1)[-1] for line in result.stderr.splitlines())[:200]
    b.table.add(f"render a {claims:,}-claim map to SVG", ours, "(whole process, once)", None,
                *b.goal("< 60 s", ours < 60), f"{drawn:,} claims drawn; {said}".rstrip("; "))


def compare_growth(b: Bench) -> None:
    previous = None
    for claims in b.scale.compare:
        a, c = b.work / f"cmp-a-{claims}.yaml", b.work / f"cmp-b-{claims}.yaml"
        a.write_text(dump(generate(claims, 11)))
        c.write_text(dump(generate(claims, 12)))
        ours = timed([*ARGMAP, "compare", str(a), str(c), "--format", "json"], b.scale.repeat)
        note = f"{ours.wall / claims * 1000:.2f} ms per claim pair of maps; CPU {ours.cpu:.2f} s"
        goal, met = "", None
        if previous:
            growth = ours.cpu / previous[1].cpu
            note += f"; x{growth:.1f} the CPU time for x{claims / previous[0]:.0f} the claims"
            if claims / previous[0] == 4:
                goal, met = b.goal("<= x4.5 for x4", growth <= 4.5)
        if claims == 5000:
            goal, met = b.goal("< 2 s", ours.wall < 2)
        b.table.add(f"compare two maps of {claims:,} claims each", ours.wall, "(growth)", None, goal, met, note)
        previous = (claims, ours)


def header(b: Bench, mode: str, started_load: tuple[float, ...]) -> str:
    versions = {
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "argmap": version([*ARGMAP, "--version"]),
        "dot": version([b.dot, "-V"]),
        "check-jsonschema": version([str(b.plain), "--version"]),
        "argdown": version([argdown(), "--version"]),
    }
    load = f"{started_load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    return (
        "# Benchmark results\n\n"
        + ", ".join(f"{k}: {v}" for k, v in versions.items())
        + f"\n\nRun with `./quickstart.sh bench{'' if mode == 'full' else ' --' + mode}` on {time.strftime('%Y-%m-%d')};"
        f" best of {b.scale.repeat} (start-up rows: best of {b.scale.startup_repeat}); load average {load}."
        " Wall-clock times grow with the machine's load; the ratios, timed in the same run, much less."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument("--quick", action="store_true", help="fewer repetitions, no 20,000-claim compare")
    sizes.add_argument("--smoke", action="store_true", help="every row on small sizes, once: do the benchmarks run?")
    parser.add_argument("--out", type=Path, default=BENCH / "results.md", help="where to write the table")
    parser.add_argument(
        "--extra", action="append", default=[], help="a text for bench/draft.py without a reference map"
    )
    args = parser.parse_args()
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    started_load = os.getloadavg()
    # what an installed argmap has: compiled modules (pip compiles them; PYTHONDONTWRITEBYTECODE would not)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "argmap")], check=True)
    os.environ.pop("GITHUB_ACTIONS", None)
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as work:
        b = Bench(
            scale=SCALES[mode],
            work=Path(work),
            table=Table(),
            dot=shutil.which("dot") or sys.exit("Graphviz's dot is needed: ./quickstart.sh bench installs it"),
            plain=peer_venv("check-jsonschema", ["check-jsonschema"]),
            clib=peer_venv("check-jsonschema-clib", ["check-jsonschema", "ruamel.yaml.clib"]),
            schema=str(ROOT / "schema" / "argmap.schema.json"),
        )
        for row in (validate_generated_maps, validate_essay_copies, validate_one_map, start_up, render_essay,
                    render_against_dot, render_huge, render_giant, compare_growth):
            row(b)
        __import__("many").add_rows(b.table, b.work, ARGMAP, *b.scale.many, b.scale.repeat, b.goal)
        __import__("page").add_rows(b.table, b.work, ARGMAP, b.scale.repeat, b.scale.page, b.goal)
        __import__("lsp").add_rows(b.table, b.scale.keystrokes, b.scale.page, b.goal)
        __import__("draft").add_rows(b.table, b.work, ARGMAP, essays(), b.scale.repeat, b.goal)
        args.out.write_text(b.table.markdown(header(b, mode, started_load)), encoding="utf-8")
    print(f"\nwritten to {args.out}")
    if mode == "full":
        subprocess.run([sys.executable, str(BENCH / "draft.py"), *(f"--extra={p}" for p in args.extra)], check=True)


if __name__ == "__main__":
    main()
