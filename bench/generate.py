"""Generate argument maps of any size with realistic text, for the benchmarks.

Usage: python bench/generate.py CLAIMS OUT.yaml [--seed N]
       python bench/generate.py --folder COUNT CLAIMS OUT_DIR     (COUNT maps of CLAIMS claims each)

Claims get sentences of 8 to 24 words drawn by Zipf's law (frequency ~ 1/rank) from a 20,000-word
vocabulary whose most frequent words are English function words, as in real prose; arguments join 1
to 3 premises, and one in ten also reuses a claim that supports something else (a cross edge); about
one claim in ten objects to a claim or an argument; each map is valid.
"""
from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path

_FUNCTION = """
the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they
which one you were her all she there would their we him been has when who will more no if out so said what up
its about into than them can only other new some could time these two may then do first any my now such like
our over man me even most made after also did many before must through back years where much your way well
down should because each just those people how too little state good very make world still own see men work
long get here between both life being under never day same another know while last might us great old year
""".split()

_BASE = """
security peace dialogue nuclear program missile test sanction relief summit agreement roadmap timetable trust
negotiation alliance exercise military cooperation confrontation crisis stalemate proposal declaration war
conflict region power policy economy development transition reconciliation exchange relation leader president
congress government party community council treaty verification inspection facility site weapon capability
moratorium freeze threat risk concern interest priority goal objective mechanism framework step phase action
support pressure incentive guarantee commitment obligation violation compliance challenge opportunity progress
setback obstacle difficulty failure success breakthrough deadline schedule process plan strategy approach option
choice outcome result consequence effect cause reason evidence fact view position stance demand condition
""".split()


def vocabulary(size: int = 20000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words = list(dict.fromkeys(_FUNCTION + _BASE))
    syllables = ["ka", "lo", "mi", "ne", "ra", "to", "shi", "ven", "dor", "pel", "qua", "sen", "tri", "mon", "gal",
                 "bu", "ze", "fi", "ho", "ju", "lim", "tar", "vos", "wen", "yi"]
    known = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in known:
            known.add(word)
            words.append(word)
    return words


def sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    text = " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(8, 24)))
    return text[0].upper() + text[1:] + "."


def generate(claims: int, seed: int = 1, map_id: str | None = None) -> dict:
    rng = random.Random(seed)
    words = vocabulary()
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))
    ids = [f"c{i}" for i in range(claims)]
    data = {"argmap": 1, "id": map_id or f"generated-{claims}-{seed}", "title": f"Generated map of {claims} claims",
            "thesis": ids[0], "claims": {}, "arguments": {}, "objections": {}}
    for index, cid in enumerate(ids):
        text = sentence(rng, words, weights)
        data["claims"][cid] = {"text": text, "quote": text.rstrip("."), "role": "thesis" if index == 0 else "premise"}
    # a tree: each claim after the first supports (with up to two siblings) a claim before it
    index = 1
    argument = 0
    while index < claims:
        conclusion_index = rng.randrange(0, index)
        conclusion = ids[conclusion_index]
        premises = ids[index:index + rng.randint(1, 3)]
        index += len(premises)
        if rng.random() < 0.1 and conclusion_index + 1 < index - len(premises):
            # a cross edge: a claim that already supports something supports this too. It always lies after the
            # conclusion, as every premise does, so support never runs in a circle.
            shared = ids[rng.randrange(conclusion_index + 1, index - len(premises))]
            if shared not in premises:
                premises = [*premises, shared]
        if rng.random() < 0.1 and argument:
            data["objections"][f"o{len(data['objections'])}"] = {"claim": premises[0], "target": rng.choice(
                [conclusion, f"a{rng.randrange(0, argument)}"])}
            premises = premises[1:]
            if not premises:
                continue
        data["arguments"][f"a{argument}"] = {"conclusion": conclusion, "premises": premises}
        argument += 1
    return data


def dump(data: dict) -> str:
    """Block-style YAML, as people write maps (JSON would be valid YAML too, but is not what a map looks like)."""
    import sys

    import yaml

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, installed or not
    from argmap.reading.document import Dumper

    return yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=int, metavar="COUNT", help="write COUNT maps into a folder")
    parser.add_argument("claims", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.folder:
        folder = Path(args.out)
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(args.folder):
            path = folder / f"map-{number:04d}.yaml"
            path.write_text(dump(generate(args.claims, args.seed + number)))
    else:
        Path(args.out).write_text(dump(generate(args.claims, args.seed)))


if __name__ == "__main__":
    main()
