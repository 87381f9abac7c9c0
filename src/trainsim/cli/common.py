"""Helpers shared by the command-line commands."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from trainsim.library.files import SUFFIXES

if TYPE_CHECKING:
    from trainsim.library import Loaded, Problem
    from trainsim.model import Rubric, Scenario

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """Stop the command with a message on stderr and an exit code."""

    def __init__(self, message: str, code: int = EXIT_INVALID) -> None:
        super().__init__(message)
        self.code = code


def report(problems: Iterable[Problem]) -> None:
    """Write problems to stderr, one per line."""
    for problem in problems:
        print(problem, file=sys.stderr)


def open_scenario(ref: str) -> tuple[Scenario, dict[str, Rubric]]:
    """A valid scenario by library id or file path, with the rubrics it uses.

    Raises :class:`CliError` (after reporting the located problems) when it is invalid.
    """
    from trainsim.library import load_library, load_scenario

    path = Path(ref)
    if path.suffix in SUFFIXES or path.exists():
        beside = path.resolve().parent.parent / "rubrics"
        library = load_library([beside] if beside.is_dir() else [])
        entry = load_scenario(path, library.rubrics)
    else:
        library = load_library()
        found = library.scenario(ref)
        if found is None:
            ids = ", ".join(e.id for e in library.scenario_files) or "none"
            raise CliError(f"trainsim: no scenario '{ref}' in the library (have: {ids}) and no "
                           "such file", EXIT_USAGE)
        entry = found
    scenario = _usable(entry)
    return scenario, {r: library.rubrics[r] for r in scenario.rubrics if r in library.rubrics}


def _usable(entry: Loaded[Scenario]) -> Scenario:
    if not entry.ok or entry.model is None:
        report(entry.problems)
        raise CliError(f"trainsim: {entry.path}: scenario has {len(entry.errors)} error(s); "
                       "fix them first (trainsim validate shows them all)")
    return entry.model
