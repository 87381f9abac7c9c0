"""Load scenario test files and check what they name against the scenario and rubrics."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from trainsim.library.loader import Loaded, build
from trainsim.library.problems import Problem, did_you_mean
from trainsim.library.yaml_source import YamlDocument
from trainsim.model import Rubric, Scenario
from trainsim.model.scenario_tests import SUFFIX, BandRange, ScenarioTests, Step


def is_case_file(path: Path) -> bool:
    """Whether ``path`` is a scenario test file (``<id>.tests.yaml``)."""
    return Path(path.stem).suffix == SUFFIX


def case_file(scenario_path: Path) -> Path:
    """Where a scenario's tests live: beside it, ``<stem>.tests<suffix>``."""
    return scenario_path.with_name(scenario_path.stem + SUFFIX + scenario_path.suffix)


def load_tests(path: Path, scenario: Scenario | None = None,
               rubrics: Mapping[str, Rubric] | None = None
               ) -> tuple[YamlDocument | None, Loaded[ScenarioTests]]:
    """Load a test file; given its scenario and rubrics, check every name it uses."""
    doc, loaded = build(Path(path), ScenarioTests, None, id_from=lambda m: m.scenario,
                        expected_id=Path(path.stem).stem, id_key="scenario")
    if doc is not None and loaded.model is not None and scenario is not None:
        loaded.problems += list(_references(doc, loaded.model, scenario, rubrics or {}))
    return doc, loaded


def _references(doc: YamlDocument, tests: ScenarioTests, scenario: Scenario,
                rubrics: Mapping[str, Rubric]) -> Iterator[Problem]:
    nodes = scenario.nodes
    option_ids = {o.id for node in nodes.values() for o in node.options}
    dims = list(scenario.rubrics)
    for c, case in enumerate(tests.cases):
        at: tuple[str | int, ...] = ("cases", c)
        steps = [(("steps", i), s) for i, s in enumerate(case.steps)]
        if case.until_end is not None:
            steps.append((("until_end",), case.until_end))
        for where, step in steps:
            yield from _step(doc, (*at, *where), step, option_ids)
        expect = case.expect
        for dim, wanted in expect.bands.items():
            yield from _dimension(doc, (*at, "expect", "bands", dim), dim, dims)
            rubric = rubrics.get(dim)
            if rubric is None:
                continue
            labels = [b.label for b in rubric.bands]
            named = ([wanted] if isinstance(wanted, str) else wanted if isinstance(wanted, list)
                     else [x for x in (wanted.at_least, wanted.at_most) if x is not None])
            if isinstance(wanted, BandRange) and not named:
                yield doc.problem((*at, "expect", "bands", dim), "give at_least, at_most or both")
            for label in named:
                if label not in labels:
                    yield doc.problem((*at, "expect", "bands", dim),
                                      f"'{label}' is not a band of '{dim}' ({', '.join(labels)})"
                                      + did_you_mean(label, labels))
        for dim in expect.fractions:
            yield from _dimension(doc, (*at, "expect", "fractions", dim), dim, dims)
        for node, target in expect.routes.items():
            for name, key in ((node, True), (target, False)):
                if name not in nodes:
                    yield doc.problem((*at, "expect", "routes", node), f"unknown node '{name}'"
                                      + did_you_mean(name, nodes), key=key)
        for key in ("visits", "avoids"):
            for i, node in enumerate(getattr(expect, key)):
                if node not in nodes:
                    yield doc.problem((*at, "expect", key, i), f"unknown node '{node}'"
                                      + did_you_mean(node, nodes))
        for i, turn in enumerate(expect.turns):
            for dim in turn.points:
                yield from _dimension(doc, (*at, "expect", "turns", i, "points", dim), dim, dims)


def _step(doc: YamlDocument, at: tuple[str | int, ...], step: Step,
          option_ids: set[str]) -> Iterator[Problem]:
    if isinstance(step.choose, str) and step.choose not in option_ids:
        yield doc.problem((*at, "choose"), f"no option '{step.choose}' in the scenario"
                          + did_you_mean(step.choose, option_ids))


def _dimension(doc: YamlDocument, at: tuple[str | int, ...], dim: str,
               dims: list[str]) -> Iterator[Problem]:
    if dim not in dims:
        yield doc.problem(at, f"'{dim}' is not one of the scenario's rubrics ({', '.join(dims)})"
                          + did_you_mean(dim, dims), key=True)
