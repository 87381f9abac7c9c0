"""Score a session's turns against rubrics, with the evidence behind every point."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from trainsim.model import Facts, Rubric, Scenario, holds
from trainsim.model.record import Turn
from trainsim.model.scorecard import (
    BandLimit,
    DimensionScore,
    EvidenceItem,
    FigureValue,
    Metrics,
    ObjectiveResult,
    Scorecard,
)


def score(turns: Sequence[Turn], rubrics: Mapping[str, Rubric] | Iterable[Rubric],
          scenario: Scenario | None = None) -> Scorecard:
    """Per-dimension scores, session metrics and (given the scenario) objectives reached.

    A dimension's fraction is earned / available, where available sums the best points any
    visible option offered at each node visited, clamped to 0..1. A dimension with nothing
    available on this path is not assessed (fraction and band None). The band is the lowest
    of the points band, the coverage band, the figure band and the rubric's caps.
    """
    rubric_list = list(rubrics.values()) if isinstance(rubrics, Mapping) else list(rubrics)
    figures = metrics(turns)
    goals = objectives(turns, scenario) if scenario is not None else []
    facts = _session_facts(turns, scenario)
    dims = {r.id: _banded(dimension_score(turns, r), r, figures, goals, facts)
            for r in rubric_list}
    return Scorecard(dimensions=dims, metrics=figures, objectives=tuple(goals),
                     ending=facts.ending)


def objectives(turns: Sequence[Turn], scenario: Scenario) -> list[ObjectiveResult]:
    """Each objective tied to nodes: reached when the session visited one of them."""
    path = [scenario.start, *(t.next for t in turns)]
    out = []
    for goal in scenario.objectives:
        at = next((n for n in path if n in goal.nodes), None)
        out.append(ObjectiveResult(text=goal.text, nodes=tuple(goal.nodes),
                                   skills=tuple(goal.skills), reached=at is not None,
                                   core=goal.core, at=at))
    return out


def _session_facts(turns: Sequence[Turn], scenario: Scenario | None) -> Facts:
    if scenario is None:
        return Facts(state={})
    path = [scenario.start, *(t.next for t in turns)]
    last = scenario.nodes[path[-1]]
    return Facts(
        state=dict(turns[-1].state_after) if turns else scenario.initial_state(),
        visited=frozenset(path), thresholds=scenario.thresholds,
        ending=last.ending.kind if last.ending else None,
        pressed_limit=any(t.pressed_limit for t in turns),
        reached=frozenset(tag for n in path for tag in scenario.nodes[n].tags))


def _banded(result: DimensionScore, rubric: Rubric, figures: Metrics,
            goals: Sequence[ObjectiveResult], facts: Facts) -> DimensionScore:
    """The dimension with its band lowered by coverage, the cited figure and the caps."""
    mine = [g for g in goals if not g.skills or rubric.id in g.skills]
    coverage = sum(g.reached for g in mine) / len(mine) if mine else None
    figure = _figure(rubric, figures)
    if result.fraction is None:
        return result.model_copy(update={"coverage": coverage, "figure": figure})
    points = rubric.band_index(result.band) or 0
    held: list[tuple[int, BandLimit]] = []
    if coverage is not None:
        band = rubric.band_for(coverage)
        missed = [g.text for g in mine if not g.reached]
        held.append((rubric.band_index(band.label) or 0, BandLimit(
            band=band.label, source="coverage",
            reason=f"{len(mine) - len(missed)} of {len(mine)} objectives for this skill "
                   "reached" + (f"; not reached: {'; '.join(missed)}" if missed else ""))))
    if figure is not None:
        held.append((rubric.band_index(figure.band) or 0, BandLimit(
            band=figure.band, source="figure",
            reason=f"{figure.label}: {figure.value:g}" + ("%" if figure.metric == "pct_open"
                                                          else ""))))
    for goal in mine:
        if goal.core and not goal.reached and len(rubric.bands) > 1:
            held.append((1, BandLimit(
                band=rubric.bands[1].label, source="core",
                reason=f"the hard part of this scenario was never reached: {goal.text}")))
    for n, cap in enumerate(rubric.caps, 1):
        if holds(cap.when, facts):
            held.append((rubric.band_index(cap.band) or 0,
                         BandLimit(band=cap.band, reason=cap.reason, source=f"cap:{n}")))
    final = min([points, *(i for i, _ in held)])
    band = rubric.bands[final]
    return result.model_copy(update={
        "band": band.label, "descriptor": band.descriptor, "tip": band.tip,
        "points_band": result.band, "coverage": coverage, "figure": figure,
        "limits": tuple(limit for i, limit in held if i < points)})


def _figure(rubric: Rubric, figures: Metrics) -> FigureValue | None:
    spec = rubric.figure
    if spec is None:
        return None
    value = getattr(figures, spec.metric)
    if value is None or figures.open_questions + figures.closed_questions < spec.min_questions:
        return None
    index = max(i for i, t in enumerate(spec.thresholds) if value >= t or i == 0)
    return FigureValue(metric=spec.metric, label=spec.label, value=value,
                       band=rubric.bands[index].label)


def dimension_score(turns: Sequence[Turn], rubric: Rubric) -> DimensionScore:
    """One rubric dimension's points on these turns (its band from the points alone)."""
    dim = rubric.id
    exempt = set(rubric.exempt_codes)
    scored = [t for t in turns if not exempt.intersection(t.codes)]
    earned = sum(t.points(dim) for t in scored)
    available = sum(t.available.get(dim, 0) for t in scored)
    evidence = tuple(
        EvidenceItem(turn=t.index, node=t.node, option=t.option, text=t.text, points=e.points,
                     reason=e.reason, source=e.source)
        for t in scored for e in t.evidence if e.dimension == dim
    )
    if turns and rubric.session_rules:  # chosen and typed sessions alike
        figures = metrics(turns).model_dump()
        extra = []
        for index, rule in enumerate(rubric.session_rules, 1):
            value = figures[rule.metric]
            if value is None:
                continue
            available += rule.points
            met = value >= rule.gte
            earned += rule.points if met else 0
            extra.append(EvidenceItem(
                turn=None, node="(session)", option=None, text=f"{rule.metric} = {value}",
                points=rule.points if met else 0,
                reason=rule.reason + ("" if met else f" (needs {rule.gte:g} or more)"),
                source=f"session:{dim}:{index}"))
        evidence += tuple(extra)
    if available <= 0:
        return DimensionScore(rubric=dim, title=rubric.title, earned=earned, available=0,
                              fraction=None, band=None, evidence=evidence)
    fraction = min(1.0, max(0.0, earned / available))
    band = rubric.band_for(fraction)
    return DimensionScore(rubric=dim, title=rubric.title, earned=earned, available=available,
                          fraction=fraction, band=band.label, descriptor=band.descriptor,
                          tip=band.tip, evidence=evidence)


def metrics(turns: Sequence[Turn]) -> Metrics:
    """Counts from response codes. Consent checks never count as closed questions."""
    def has(turn: Turn, code: str) -> bool:
        return code in turn.codes

    open_q = sum(has(t, "open_question") for t in turns)
    closed_q = sum(has(t, "closed_question") and not has(t, "consent_check") for t in turns)
    questions = open_q + closed_q
    reflections = sum(has(t, "reflection") for t in turns)
    first_sensitive = next((t.index for t in turns if t.sensitive), None)
    before = turns if first_sensitive is None else [t for t in turns if t.index <= first_sensitive]
    return Metrics(
        turns=len(turns),
        open_questions=open_q,
        closed_questions=closed_q,
        pct_open=round(100.0 * open_q / questions, 1) if questions else None,
        reflections=reflections,
        reflection_to_question=round(reflections / questions, 2) if questions else None,
        consent_checks=sum(has(t, "consent_check") for t in turns),
        consent_before_sensitive=sum(has(t, "consent_check") for t in before),
        reached_sensitive=first_sensitive is not None,
        stacked_questions=sum(has(t, "stacked_questions") for t in turns),
    )
