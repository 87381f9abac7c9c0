"""``trainsim test``: run every scenario's tests and the exemplar check, through the real coder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainsim.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CliError, report
from trainsim.library.files import SUFFIXES


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("test", help="run scenario tests (scripted sessions with expected bands)")
    p.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                   help="library ids or scenario files (default: the whole library)")
    p.add_argument("-v", "--verbose", action="store_true", help="list every case as it runs")
    p.set_defaults(func=run_test)


def run_test(args: argparse.Namespace) -> int:
    from trainsim.checks import check_exemplars, run_tests
    from trainsim.library import load_library
    from trainsim.library.tests_loader import case_file, load_tests
    from trainsim.library.yaml_source import load_yaml

    targets = [Path(s) for s in args.scenarios if Path(s).suffix in SUFFIXES or Path(s).exists()]
    library = load_library(targets or None) if targets or not args.scenarios else load_library()
    entries = library.scenario_files
    if args.scenarios and not targets:
        wanted = set(args.scenarios)
        entries = [e for e in entries if e.id in wanted]
        unknown = wanted - {e.id for e in entries}
        if unknown:
            ids = ", ".join(e.id for e in library.scenario_files) or "none"
            raise CliError(f"trainsim: no scenario {', '.join(sorted(unknown))} in the library "
                           f"(have: {ids})", EXIT_USAGE)
    cases = failed = 0
    for entry in entries:
        if not entry.ok or entry.model is None:
            report(entry.errors)
            print(f"{entry.path}: invalid scenario: not tested", file=sys.stderr)
            failed += 1
            continue
        path = case_file(entry.path)
        if not path.is_file():
            print(f"{entry.path}: no tests: write {path.name} beside it", file=sys.stderr)
            failed += 1
            continue
        doc, loaded = load_tests(path, entry.model, library.rubrics)
        if doc is None or loaded.model is None or loaded.errors:
            report(loaded.problems)
            failed += 1
            continue
        problems = check_exemplars(entry.model, library.rubrics, load_yaml(entry.path))
        report(problems)
        failed += bool(problems)
        for result in run_tests(loaded.model, doc, entry.model, library.rubrics):
            cases += 1
            if args.verbose:
                print(f"{'ok  ' if result.passed else 'FAIL'} {entry.id}: {result.name}")
            if not result.passed:
                failed += 1
                report(result.problems)
    print(f"{len(entries)} scenario(s), {cases} case(s): {failed} failed")
    return EXIT_INVALID if failed or not entries else EXIT_OK
