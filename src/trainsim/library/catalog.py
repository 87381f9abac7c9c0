"""The library: every rubric and scenario found in a set of folders or files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from trainsim.library.files import bundled_dir, yaml_files
from trainsim.library.loader import Loaded, load_rubric, load_scenario
from trainsim.library.problems import Problem
from trainsim.library.tests_loader import case_file, is_case_file, load_tests
from trainsim.model import Rubric, Scenario
from trainsim.model.scenario_tests import ScenarioTests


@dataclass
class Library:
    """Loaded rubrics and scenarios, valid or not, with their problems."""

    rubric_files: list[Loaded[Rubric]] = field(default_factory=list)
    scenario_files: list[Loaded[Scenario]] = field(default_factory=list)
    test_files: list[Loaded[ScenarioTests]] = field(default_factory=list)
    context_rubrics: dict[str, Rubric] = field(default_factory=dict)

    @property
    def rubrics(self) -> dict[str, Rubric]:
        """Valid rubrics by id: the library's own, then any bundled ones it was checked with."""
        own = {f.model.id: f.model for f in self.rubric_files if f.ok and f.model}
        return {**self.context_rubrics, **own}

    def scenario(self, scenario_id: str) -> Loaded[Scenario] | None:
        """The scenario file with this id (or file stem), valid or not."""
        for entry in self.scenario_files:
            if entry.id == scenario_id:
                return entry
        return None

    def tests_for(self, scenario_id: str) -> Loaded[ScenarioTests] | None:
        """The test file of a scenario, valid or not."""
        entry = self.scenario(scenario_id)
        if entry is None:
            return None
        wanted = case_file(entry.path)
        return next((t for t in self.test_files if t.path == wanted), None)

    @property
    def all_problems(self) -> list[Problem]:
        out: list[Problem] = []
        for entry in [*self.rubric_files, *self.scenario_files, *self.test_files]:
            out += entry.problems
        return out


def kind_of(path: Path) -> str:
    """'tests', 'rubric' or 'scenario': by the name, the folder a file sits in, else by a
    quick look inside."""
    if is_case_file(path):
        return "tests"
    for part in reversed(path.parent.parts):
        if part == "rubrics":
            return "rubric"
        if part == "scenarios":
            return "scenario"
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:65536]
    except OSError:
        return "scenario"
    return "rubric" if "\nbands:" in "\n" + head else "scenario"


def load_library(paths: Iterable[Path] | None = None, *, with_bundled_rubrics: bool = True
                 ) -> Library:
    """Load every file under ``paths`` (default: the bundled library).

    Scenarios are checked against the rubrics found plus, unless told otherwise, the
    bundled ones (a rubric in ``paths`` replaces a bundled one of the same id).
    """
    if paths is None:
        paths = [bundled_dir("rubrics"), bundled_dir("scenarios")]
        with_bundled_rubrics = False
    files = yaml_files(paths)
    kinds = {f: kind_of(f) for f in files}
    library = Library()
    library.rubric_files = [load_rubric(f) for f in files if kinds[f] == "rubric"]
    known = dict(library.rubrics)
    if with_bundled_rubrics:
        for path in yaml_files([bundled_dir("rubrics")]):
            if path.stem not in known and path not in kinds:
                loaded = load_rubric(path)
                if loaded.ok and loaded.model:
                    known.setdefault(loaded.model.id, loaded.model)
    library.context_rubrics = known
    library.scenario_files = [load_scenario(f, known) for f in files if kinds[f] == "scenario"]
    _flag_duplicates(library)
    tests = [f for f in files if kinds[f] == "tests"]
    tests += [t for t in (case_file(e.path) for e in library.scenario_files)
              if t not in kinds and t.is_file()]
    _load_tests(library, tests, known)
    return library


def _load_tests(library: Library, files: list[Path], rubrics: dict[str, Rubric]) -> None:
    by_path = {case_file(e.path): e for e in library.scenario_files}
    for path in files:
        entry = by_path.get(path)
        if entry is None and path.exists():  # a test file named on its own: find its scenario
            for suffix in (".yaml", ".yml"):
                beside = path.with_name(path.name.split(".")[0] + suffix)
                if beside.is_file():
                    entry = load_scenario(beside, rubrics)
                    break
        _, loaded = load_tests(path, entry.model if entry and entry.ok else None, rubrics)
        if entry is None and loaded.model is not None:
            loaded.problems.append(Problem(str(path), f"no scenario file beside it for "
                                                      f"'{loaded.model.scenario}'"))
        library.test_files.append(loaded)
    tested = {t.path for t in library.test_files}
    for entry in library.scenario_files:
        if entry.ok and case_file(entry.path) not in tested:
            entry.problems.append(Problem(
                str(entry.path), f"no scenario tests: add {case_file(entry.path).name} beside "
                "it (trainsim test runs them)", severity="warning"))


def _flag_duplicates(library: Library) -> None:
    for entries in (library.rubric_files, library.scenario_files):
        first: dict[str, Path] = {}
        for entry in entries:
            if entry.model is None:
                continue
            if entry.id in first and first[entry.id] != entry.path:
                entry.problems.append(Problem(str(entry.path), f"id '{entry.id}' is also used by "
                                                               f"{first[entry.id]}"))
            first.setdefault(entry.id, entry.path)
