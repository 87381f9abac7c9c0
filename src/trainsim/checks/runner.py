"""Play the cases of a scenario test file through the real engine and coder."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from trainsim.engine import Session, SessionError
from trainsim.engine.session import Coder
from trainsim.library.problems import Problem
from trainsim.library.yaml_source import YamlDocument
from trainsim.model import Rubric, Scenario
from trainsim.model.scenario_tests import (
    MAX_TURNS,
    BandRange,
    Case,
    Expectation,
    PointRange,
    ScenarioTests,
    Step,
)
from trainsim.model.scorecard import DimensionScore, Scorecard
from trainsim.scoring import score

Keys = tuple[str | int, ...]


@dataclass
class CaseResult:
    """One case played: the session, its scorecard and every expectation that failed."""

    name: str
    session: Session
    scorecard: Scorecard | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def run_tests(tests: ScenarioTests, doc: YamlDocument, scenario: Scenario,
              rubrics: Mapping[str, Rubric], coder: Coder | None = None) -> list[CaseResult]:
    """Every case of a test file, in order."""
    return [run_case(case, (("cases", i)), doc, scenario, rubrics, coder)
            for i, case in enumerate(tests.cases)]


def run_case(case: Case, at: Keys, doc: YamlDocument, scenario: Scenario,
             rubrics: Mapping[str, Rubric], coder: Coder | None = None) -> CaseResult:
    """Play one case and check its expectations; failures are located in ``doc``."""
    used = {r: rubrics[r] for r in scenario.rubrics if r in rubrics}
    session = Session(scenario, used, coder=coder, seed=case.seed)
    result = CaseResult(case.name, session, None)
    for i, step in enumerate(case.steps):
        problem = _play(session, step, doc, (*at, "steps", i), case.name)
        if problem is not None:
            result.problems.append(problem)
            return result
    if case.until_end is not None:
        for _ in range(MAX_TURNS):
            if session.ending is not None:
                break
            problem = _play(session, case.until_end, doc, (*at, "until_end"), case.name)
            if problem is not None:
                result.problems.append(problem)
                return result
    result.scorecard = score(session.turns, used, scenario)
    result.problems += [doc.problem(keys, f"{case.name}: {message}", key=key)
                        for keys, message, key in _check(case.expect, session,
                                                         result.scorecard, used, at)]
    return result


def _play(session: Session, step: Step, doc: YamlDocument, at: Keys,
          name: str) -> Problem | None:
    if session.ending is not None:
        return doc.problem(at, f"{name}: the session already ended ({session.ending.kind}) at "
                               f"'{session.node_id}' before this step")
    try:
        if step.choose is not None:
            session.choose(step.choose)
        elif step.say is not None:
            session.respond(step.say)
        else:
            exemplar = session.node.exemplar
            if not exemplar:
                return doc.problem(at, f"{name}: node '{session.node_id}' has no exemplar")
            session.respond(exemplar)
    except SessionError as exc:
        return doc.problem(at, f"{name}: at node '{session.node_id}': {exc}")
    return None


def _check(expect: Expectation, session: Session, card: Scorecard,
           rubrics: Mapping[str, Rubric], at: Keys) -> Iterator[tuple[Keys, str, bool]]:
    e = (*at, "expect")
    ending = session.ending
    kind = ending.kind if ending else None
    if expect.ending is not None:
        allowed = [expect.ending] if isinstance(expect.ending, str) else expect.ending
        if kind not in allowed:
            yield ((*e, "ending"), f"ended {kind or 'unfinished'} at '{session.node_id}', "
                   f"expected {' or '.join(allowed)}", False)
    if expect.finished is not None and (ending is not None) != expect.finished:
        yield ((*e, "finished"), f"finished is {ending is not None}", False)
    for dim, wanted in expect.bands.items():
        got = card.dimensions.get(dim)
        band = got.band if got else None
        if not _band_ok(band, wanted, rubrics.get(dim)):
            yield ((*e, "bands", dim), f"{dim} banded {band or 'not assessed'}"
                   f"{_why(got)}, expected {_show(wanted)}", False)
    for dim, bounds in expect.fractions.items():
        got = card.dimensions.get(dim)
        fraction = got.fraction if got else None
        if fraction is None or not bounds.min - 1e-9 <= fraction <= bounds.max + 1e-9:
            shown = "not assessed" if fraction is None else f"{fraction:.3f}"
            yield ((*e, "fractions", dim), f"{dim} fraction {shown}, expected "
                   f"{bounds.min:g} to {bounds.max:g}", False)
    path = [session.scenario.start, *(t.next for t in session.turns)]
    for node, target in expect.routes.items():
        went = next((t.next for t in session.turns if t.node == node and t.next != node), None)
        if went != target:
            yield ((*e, "routes", node), f"from '{node}' went to "
                   f"{repr(went) if went else 'nowhere (never left it)'}, expected '{target}'",
                   False)
    for i, node in enumerate(expect.visits):
        if node not in path:
            yield ((*e, "visits", i), f"never visited '{node}' (path: {' > '.join(path)})",
                   False)
    for i, node in enumerate(expect.avoids):
        if node in path:
            yield ((*e, "avoids", i), f"visited '{node}' (path: {' > '.join(path)})", False)
    turns = session.turns
    for i, want in enumerate(expect.turns):
        where = (*e, "turns", i)
        if want.turn > len(turns):
            yield (where, f"turn {want.turn} was never taken ({len(turns)} turns)", False)
            continue
        turn = turns[want.turn - 1]
        label = f"turn {want.turn} at '{turn.node}' ({turn.text[:40]!r})"
        missing = [c for c in want.codes if c not in turn.codes]
        extra = [c for c in want.lacks if c in turn.codes]
        if missing or extra:
            yield (where, f"{label} coded {', '.join(turn.codes) or 'nothing'}"
                   + (f"; missing {', '.join(missing)}" if missing else "")
                   + (f"; should not carry {', '.join(extra)}" if extra else ""), False)
        for dim, bounds in want.points.items():
            got = turn.points(dim)
            lo, hi = (bounds, bounds) if isinstance(bounds, int) else (bounds.min, bounds.max)
            if (lo is not None and got < lo) or (hi is not None and got > hi):
                yield ((*where, "points", dim), f"{label} earned {got:+d} on {dim}, expected "
                       f"{_show_points(bounds)}", False)
        if want.repeat is not None and (turn.repeat_of is not None) != want.repeat:
            yield ((*where, "repeat"), f"{label} repeat is {turn.repeat_of is not None}", False)
        if want.held is not None and turn.held != want.held:
            yield ((*where, "held"), f"{label} held is {turn.held}", False)


def _band_ok(band: str | None, wanted: object, rubric: Rubric | None) -> bool:
    if isinstance(wanted, str):
        return band == wanted
    if isinstance(wanted, list):
        return band in wanted
    assert isinstance(wanted, BandRange)
    if band is None or rubric is None:
        return False
    got = rubric.band_index(band)
    low = rubric.band_index(wanted.at_least) if wanted.at_least else None
    high = rubric.band_index(wanted.at_most) if wanted.at_most else None
    return got is not None and (low is None or got >= low) and (high is None or got <= high)


def _show(wanted: object) -> str:
    if isinstance(wanted, str):
        return wanted
    if isinstance(wanted, list):
        return " or ".join(wanted)
    assert isinstance(wanted, BandRange)
    parts = ([f"at least {wanted.at_least}"] if wanted.at_least else []) + (
        [f"at most {wanted.at_most}"] if wanted.at_most else [])
    return " and ".join(parts)


def _show_points(bounds: int | PointRange) -> str:
    if isinstance(bounds, int):
        return f"{bounds:+d}"
    return " and ".join([*([f"at least {bounds.min:+d}"] if bounds.min is not None else []),
                         *([f"at most {bounds.max:+d}"] if bounds.max is not None else [])])


def _why(got: DimensionScore | None) -> str:
    """The points behind a band and whatever held it down, for a failure message."""
    if got is None or got.fraction is None:
        return ""
    parts = [f"points {got.fraction:.2f} ({got.points_band})"]
    parts += [f"{limit.source}: {limit.band}" for limit in got.limits]
    return " [" + "; ".join(parts) + "]"
