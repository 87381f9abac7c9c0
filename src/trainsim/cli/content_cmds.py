"""Commands over content files: list, validate, schema, graph, paths."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from trainsim.cli.common import EXIT_INVALID, EXIT_OK, open_scenario, report

if TYPE_CHECKING:
    from trainsim.model import Scenario


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list the scenarios in the library")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_list)

    p = sub.add_parser("validate", help="check scenario and rubric files")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="files or folders (default: the bundled library)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.set_defaults(func=run_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of a content file")
    p.add_argument("kind", choices=["scenario", "rubric", "tests"])
    p.set_defaults(func=run_schema)

    p = sub.add_parser("graph", help="print a scenario's conversation graph")
    p.add_argument("scenario", metavar="SCENARIO", help="library id or path to a file")
    p.add_argument("--format", choices=["dot", "mermaid"], default="dot")
    p.set_defaults(func=run_graph)

    p = sub.add_parser("paths", help="explore every path and the range of scores")
    p.add_argument("scenario", metavar="SCENARIO", help="library id or path to a file")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--max-paths", type=int, default=20_000, help="stop after this many paths")
    p.set_defaults(func=run_paths)


def run_list(args: argparse.Namespace) -> int:
    from trainsim.library import load_library

    library = load_library()
    rows = []
    for entry in library.scenario_files:
        s = entry.model
        rows.append({
            "id": entry.id,
            "title": s.title if s else None,
            "client": f"{s.client.name}, {s.client.age}, {s.client.pronouns}" if s else None,
            "difficulty": s.difficulty if s else None,
            "minutes": s.estimated_minutes if s else None,
            "nodes": len(s.nodes) if s else None,
            "content_notes": list(s.content_notes) if s else [],
            "valid": entry.ok,
            "errors": [str(p) for p in entry.errors],
            "path": str(entry.path),
        })
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("No scenarios in the library.")
    for row in rows:
        if not row["valid"]:
            print(f"{row['id']}  [INVALID: {len(row['errors'])} error(s); "
                  f"run trainsim validate]")
            continue
        print(f"{row['id']}  {row['title']}")
        print(f"    client: {row['client']} | {row['difficulty']} | ~{row['minutes']} min | "
              f"{row['nodes']} nodes")
        print("    content notes:")
        for note in row["content_notes"]:
            print(f"      - {note}")
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    from trainsim.library import load_library

    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"{path}: no such file or folder", file=sys.stderr)
    library = load_library([p for p in args.paths if p.exists()] if args.paths else None)
    entries = [*library.rubric_files, *library.scenario_files, *library.test_files]
    problems = library.all_problems
    report(problems)
    errors = sum(p.is_error for p in problems) + len(missing)
    warnings = sum(not p.is_error for p in problems)
    failing = errors + (warnings if args.strict else 0)
    print(f"checked {len(entries)} file(s): {errors} error(s), {warnings} warning(s)"
          + (" (strict: warnings count as errors)" if args.strict and warnings else ""))
    return EXIT_INVALID if failing or (args.paths and not entries and missing) else EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    from trainsim.model import Rubric, Scenario
    from trainsim.model.scenario_tests import ScenarioTests

    model = {"scenario": Scenario, "rubric": Rubric, "tests": ScenarioTests}[args.kind]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"trainsim {args.kind}"
    print(json.dumps(schema, indent=2))
    return EXIT_OK


def run_graph(args: argparse.Namespace) -> int:
    scenario, _ = open_scenario(args.scenario)
    print(to_mermaid(scenario) if args.format == "mermaid" else to_dot(scenario))
    return EXIT_OK


def _q(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def to_dot(scenario: Scenario) -> str:
    """Graphviz DOT: endings as double octagons, sensitive nodes filled amber."""
    lines = [f"digraph {_q(scenario.id)} {{", "  rankdir=TB;", "  node [shape=box];"]
    for node_id, node in scenario.nodes.items():
        attrs = []
        label = node_id
        if node.ending is not None:
            label += f"\\n[{node.ending.kind}]"
            attrs.append("shape=doubleoctagon")
        if node.sensitive:
            label += "\\n(sensitive)"
            attrs += ["style=filled", 'fillcolor="#ffd27f"']
        if node_id == scenario.start:
            attrs.append("penwidth=2")
        lines.append(f"  {_q(node_id)} [label={_q(label)}{''.join(', ' + a for a in attrs)}];")
    for node_id, node in scenario.nodes.items():
        for option in node.options:
            lines.append(f"  {_q(node_id)} -> {_q(option.next)} [label={_q(option.id)}];")
        if node.free_text:
            for target in dict.fromkeys(r.next for r in node.free_text):
                lines.append(f"  {_q(node_id)} -> {_q(target)} [style=dashed, label=\"typed\"];")
    lines.append("}")
    return "\n".join(lines)


def to_mermaid(scenario: Scenario) -> str:
    """Mermaid flowchart: endings as stadiums, sensitive nodes in the 'sensitive' class."""
    ids = {node_id: f"n{i}" for i, node_id in enumerate(scenario.nodes)}
    lines = ["flowchart TD"]
    for node_id, node in scenario.nodes.items():
        label = node_id.replace('"', "'")
        if node.ending is not None:
            lines.append(f'  {ids[node_id]}(["{label}<br/>{node.ending.kind}"])')
        else:
            lines.append(f'  {ids[node_id]}["{label}"]')
    for node_id, node in scenario.nodes.items():
        for option in node.options:
            lines.append(f"  {ids[node_id]} -->|{option.id}| {ids[option.next]}")
        for target in dict.fromkeys(r.next for r in node.free_text):
            lines.append(f"  {ids[node_id]} -.->|typed| {ids[target]}")
    lines.append("  classDef sensitive fill:#ffd27f,stroke:#b36b00")
    lines.append("  classDef ending stroke-width:3px")
    sensitive = [ids[n] for n, node in scenario.nodes.items() if node.sensitive]
    endings = [ids[n] for n, node in scenario.nodes.items() if node.ending is not None]
    if sensitive:
        lines.append(f"  class {','.join(sensitive)} sensitive")
    if endings:
        lines.append(f"  class {','.join(endings)} ending")
    return "\n".join(lines)


def run_paths(args: argparse.Namespace) -> int:
    from trainsim.analysis import explore

    scenario, rubrics = open_scenario(args.scenario)
    result = explore(scenario, rubrics, max_paths=args.max_paths)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
        return EXIT_OK
    print(f"{scenario.id}: {result.paths} complete path(s) explored"
          + (" (stopped early: the bounds were reached)" if result.truncated else ""))
    print("endings reached: " + ", ".join(f"{e} ({n} paths)" for e, n in
                                         sorted(result.endings.items())))
    print(f"{'dimension':<20} {'worst':>6} {'best':>6}")
    for dim in scenario.rubrics:
        if dim in result.dimensions:
            lo, hi = result.dimensions[dim]
            print(f"{dim:<20} {lo:>6.2f} {hi:>6.2f}")
        else:
            print(f"{dim:<20} {'not assessed':>13}")
    print("highest band by ending:")
    for kind, dims in sorted(result.by_ending.items()):
        bands = ", ".join(f"{d} {band} ({f:.2f})" for d, (f, band, _) in dims.items())
        print(f"  {kind:<10} {bands}")
    return EXIT_OK
