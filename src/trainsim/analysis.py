"""Explore every path through a scenario's options and the range of scores they give."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from trainsim.engine import Session
from trainsim.model import Rubric, Scenario
from trainsim.scoring import score

MAX_PATHS = 20_000
MAX_DEPTH = 80


@dataclass
class PathReport:
    """What exhaustive exploration of the options found."""

    endings: dict[str, int] = field(default_factory=dict)
    dimensions: dict[str, tuple[float, float]] = field(default_factory=dict)
    paths: int = 0
    truncated: bool = False
    best: dict[str, list[str]] = field(default_factory=dict)
    worst: dict[str, list[str]] = field(default_factory=dict)
    by_ending: dict[str, dict[str, tuple[float, str, int]]] = field(default_factory=dict)
    """Ending kind -> dimension -> (highest fraction, highest band, that band's index)."""

    def to_dict(self) -> dict[str, object]:
        return {
            "endings": sorted(self.endings),
            "ending_counts": dict(sorted(self.endings.items())),
            "dimensions": {d: {"min": round(lo, 4), "max": round(hi, 4)}
                           for d, (lo, hi) in self.dimensions.items()},
            "paths": self.paths,
            "truncated": self.truncated,
            "best_paths": self.best,
            "worst_paths": self.worst,
            "by_ending": {kind: {d: {"max_fraction": round(f, 4), "max_band": band}
                                 for d, (f, band, _) in dims.items()}
                          for kind, dims in sorted(self.by_ending.items())},
        }


def explore(scenario: Scenario, rubrics: Mapping[str, Rubric], *, max_paths: int = MAX_PATHS,
            max_depth: int = MAX_DEPTH) -> PathReport:
    """Walk every sequence of visible options depth-first, up to the bounds given.

    Free-text routes are not explored: they depend on what a trainee types.
    """
    used = {r: rubrics[r] for r in scenario.rubrics if r in rubrics}
    report = PathReport()
    session = Session(scenario, used)

    def visit(depth: int) -> None:
        if report.paths >= max_paths:
            report.truncated = True
            return
        if session.ending is not None:
            _record(report, session, used)
            return
        if depth >= max_depth:
            report.truncated = True
            return
        for option in session.options:
            session.choose(option.id)
            visit(depth + 1)
            session.rewind()
            if report.truncated and report.paths >= max_paths:
                return

    visit(0)
    return report


def _record(report: PathReport, session: Session, rubrics: Mapping[str, Rubric]) -> None:
    report.paths += 1
    report.endings[session.node_id] = report.endings.get(session.node_id, 0) + 1
    card = score(session.turns, rubrics, session.scenario)
    route = [t.option or "" for t in session.turns]
    kind = session.ending.kind if session.ending else "unfinished"
    highest = report.by_ending.setdefault(kind, {})
    for dim, result in card.dimensions.items():
        if result.fraction is None:
            continue
        index = rubrics[dim].band_index(result.band) or 0
        f, band, i = highest.get(dim, (-1.0, "", -1))
        highest[dim] = (max(f, result.fraction),
                        *((result.band or "", index) if index > i else (band, i)))
        lo, hi = report.dimensions.get(dim, (2.0, -1.0))
        if result.fraction < lo:
            report.worst[dim] = route
        if result.fraction > hi:
            report.best[dim] = route
        report.dimensions[dim] = (min(lo, result.fraction), max(hi, result.fraction))
