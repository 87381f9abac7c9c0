"""Score a session's turns against rubrics, with the evidence behind every point."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from trainsim.model import Rubric
from trainsim.model.record import Turn
from trainsim.model.scorecard import DimensionScore, EvidenceItem, Metrics, Scorecard


def score(turns: Sequence[Turn], rubrics: Mapping[str, Rubric] | Iterable[Rubric]) -> Scorecard:
    """Per-dimension scores and session metrics for ``turns``.

    A dimension's fraction is earned / available, where available sums the best points any
    visible option offered at each node visited, clamped to 0..1. A dimension with nothing
    available on this path is not assessed (fraction and band None).
    """
    rubric_list = list(rubrics.values()) if isinstance(rubrics, Mapping) else list(rubrics)
    dims = {r.id: dimension_score(turns, r) for r in rubric_list}
    return Scorecard(dimensions=dims, metrics=metrics(turns))


def dimension_score(turns: Sequence[Turn], rubric: Rubric) -> DimensionScore:
    """One rubric dimension's score on these turns."""
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
    if any(t.kind == "typed" for t in turns) and rubric.session_rules:
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
