"""Benchmark: `validate` on a synthetic library against a bare C-loader `yaml.load`.

Generates 1,000 scenarios of 60 nodes, then times, in this one run, (a) reading and
parsing every file with ``yaml.load(..., Loader=yaml.CSafeLoader)`` and (b) the full
validation (positions kept, schema, graph checks, conditional reachability) that
``trainsim validate`` does. Prints both and the ratio (target: at most 2.0x).

    python bench/validate_bench.py [--scenarios 1000] [--nodes 60] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from trainsim.library import load_library
from trainsim.library.files import bundled_dir

DIMENSIONS = ["open-questions", "validation", "pacing", "consent"]


def scenario_text(index: int, nodes: int, rng: random.Random) -> str:
    """One synthetic, valid scenario: a chain of choice nodes with side branches."""
    sid = f"synthetic-{index:04d}"
    lines = [
        f"id: {sid}", f'title: "Synthetic client {index}"', "version: 1",
        'summary: "A generated scenario for benchmarking."', "difficulty: intermediate",
        "estimated_minutes: 20",
        "client: {name: Sam, age: 34, pronouns: they/them, background: \"Generated.\", "
        "presenting_concern: \"Benchmarking.\", modality: individual}",
        'content_notes: ["generated text only"]', 'learning_objectives: ["none"]',
        f"rubrics: [{', '.join(DIMENSIONS)}]",
        "state:",
        "  trust: {initial: 3, min: 0, max: 10, description: rapport}",
        "  distress: {initial: 2, min: 0, max: 10, description: distress}",
        "  openness: {initial: 2, min: 0, max: 10, description: openness}",
        "start: n0", "nodes:",
    ]
    last = nodes - 3
    for n in range(nodes - 2):
        nxt = f"n{n + 1}" if n < last else "end-good"
        alt = f"n{min(n + 2, last)}" if n < last else "end-partial"
        lines += [f"  n{n}:", f'    client: "Line {n}: something the client says about it."',
                  "    narration: \"They pause.\"" if n % 5 == 0 else "    tags: []"]
        if n % 9 == 4:
            lines.append("    tags: [sensitive]" if False else "    exemplar: \"An example.\"")
        lines.append("    options:")
        for k, (target, code) in enumerate([(nxt, "open_question"), (alt, "reflection"),
                                            (nxt, "closed_question")]):
            dim = DIMENSIONS[(n + k) % 4]
            points = rng.choice([2, 1, -1]) if k else 2
            lines += [f"      - id: o{k}", f'        text: "Option {k} at node {n}, worded {k}."',
                      f"        codes: [{code}]", f"        evidence: {{{dim}: {points}}}",
                      f"        effects: {{trust: {rng.choice([1, -1])}, distress: "
                      f"{rng.choice([0, 1])}}}",
                      '        feedback: "Why this helps or harms."', f"        next: {target}"]
            if k == 2 and n % 7 == 3:
                lines.append("        when: {all: [{var: trust, gte: 2}, {not: {visited: n1}}]}")
    lines += ["  end-good:", '    client: "Thank you."',
              '    ending: {kind: completed, summary: "Done."}',
              "  end-partial:", '    client: "Maybe next time."',
              '    ending: {kind: partial, summary: "Part way."}']
    return "\n".join(lines) + "\n"


def build(folder: Path, count: int, nodes: int) -> list[Path]:
    rng = random.Random(7)
    scen = folder / "scenarios"
    scen.mkdir(parents=True)
    shutil.copytree(bundled_dir("rubrics"), folder / "rubrics")
    paths = []
    for i in range(count):
        path = scen / f"synthetic-{i:04d}.yaml"
        path.write_text(scenario_text(i, nodes, rng), encoding="utf-8")
        paths.append(path)
    return paths


def bare_load(paths: list[Path]) -> None:
    for path in paths:
        with path.open("rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)  # the baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=int, default=1000)
    parser.add_argument("--nodes", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = build(folder, args.scenarios, args.nodes)
        library = load_library([folder])
        problems = library.all_problems
        assert not problems, f"synthetic library should be clean: {problems[:3]}"
        bare, full = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            bare_load(paths)
            bare.append(time.perf_counter() - started)
            started = time.perf_counter()
            load_library([folder])
            full.append(time.perf_counter() - started)
    b, f = statistics.median(bare), statistics.median(full)
    print(f"files: {len(paths)} scenarios x {args.nodes} nodes")
    print(f"yaml.load (CSafeLoader): {b:.2f} s (median of {args.repeat})")
    print(f"trainsim validate:       {f:.2f} s (median of {args.repeat})")
    print(f"ratio: {f / b:.2f}x (target <= 2.0x)")


if __name__ == "__main__":
    main()
