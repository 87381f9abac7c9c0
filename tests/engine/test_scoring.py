"""Scoring arithmetic, bands, not-assessed dimensions, exempt codes and metrics."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainsim.engine import Session
from trainsim.library import load_library
from trainsim.model import Rubric
from trainsim.model.record import Evidence, Turn
from trainsim.scoring import metrics, score

DATA = Path(__file__).parents[1] / "data" / "good"


@pytest.fixture
def library():
    return load_library([DATA])


def _session(library, *choices):
    entry = library.scenario("tiny")
    session = Session(entry.model, library.rubrics, seed=18)
    for choice in choices:
        session.choose(choice)
    return session


def _rubrics(library, session):
    return {r: library.rubrics[r] for r in session.scenario.rubrics}


def test_best_path_scores_full_marks(library) -> None:
    session = _session(library, "ask", "consent")
    card = score(session.turns, _rubrics(library, session))
    oq, consent = card.dimensions["open-questions"], card.dimensions["consent"]
    assert (oq.earned, oq.available, oq.fraction, oq.band) == (2, 2, 1.0, "Exemplary")
    # the consent check at 'topic' is exempt from open-questions, so push's +1 is not owed
    assert (consent.earned, consent.available, consent.fraction) == (2, 2, 1.0)
    assert [(e.turn, e.option, e.points) for e in consent.evidence] == [(1, "consent", 2)]


def test_negative_points_clamp_to_zero_and_band_follows(library) -> None:
    session = _session(library, "yes-no", "push")
    card = score(session.turns, _rubrics(library, session))
    oq = card.dimensions["open-questions"]
    assert (oq.earned, oq.available) == (0, 3)  # -1 then +1, best was 2 then 1
    assert oq.fraction == 0.0 and oq.band == "Beginning" and oq.tip == "t0"
    consent = card.dimensions["consent"]
    assert (consent.earned, consent.available, consent.fraction) == (-2, 2, 0.0)


def test_partial_fraction_and_band(library) -> None:
    session = _session(library, "yes-no", "consent")
    oq = score(session.turns, _rubrics(library, session)).dimensions["open-questions"]
    assert (oq.earned, oq.available, oq.fraction, oq.band) == (-1, 2, 0.0, "Beginning")
    session = _session(library, "ask", "push")
    oq = score(session.turns, _rubrics(library, session)).dimensions["open-questions"]
    assert (oq.earned, oq.available) == (3, 3)


def test_dimension_with_nothing_available_is_not_assessed(library) -> None:
    session = _session(library, "ask", "consent")
    quiet = library.rubrics["pacing"].model_copy(update={"session_rules": []})
    card = score(session.turns, [quiet])
    pacing = card.dimensions["pacing"]
    assert pacing.fraction is None and pacing.band is None and not pacing.assessed


def _turn(index: int, codes: tuple[str, ...], sensitive: bool = False) -> Turn:
    return Turn(index=index, node=f"n{index}", kind="choice", option=f"o{index}", text="...",
                codes=codes, evidence=(Evidence(dimension="x", points=1, reason="r",
                                                source=f"option:o{index}"),),
                available={"x": 1}, state_before={}, state_after={}, next=f"n{index + 1}",
                sensitive=sensitive)


def test_metrics_from_codes() -> None:
    turns = [
        _turn(0, ("open_question",)),
        _turn(1, ("reflection",)),
        _turn(2, ("consent_check", "closed_question")),
        _turn(3, ("closed_question", "stacked_questions"), sensitive=True),
        _turn(4, ("consent_check",)),
        _turn(5, ("reflection", "validation")),
    ]
    m = metrics(turns)
    assert (m.open_questions, m.closed_questions) == (1, 1)  # the consent check is not counted
    assert m.pct_open == 50.0
    assert m.reflections == 2 and m.reflection_to_question == 1.0
    assert m.consent_checks == 2 and m.consent_before_sensitive == 1
    assert m.reached_sensitive and m.stacked_questions == 1


def test_metrics_without_questions() -> None:
    m = metrics([_turn(0, ("reflection",))])
    assert m.pct_open is None and m.reflection_to_question is None and not m.reached_sensitive


def test_rubric_band_for() -> None:
    bands = [{"lower": x, "label": f"b{x}", "descriptor": "d", "tip": "t"}
             for x in (0.0, 0.4, 0.65, 0.85)]
    rubric = Rubric.model_validate({"id": "r", "title": "R", "description": "d",
                                    "indicators": ["i"], "bands": bands})
    assert [rubric.band_for(f).label for f in (0.0, 0.39, 0.4, 0.849, 0.85, 1.0)] == [
        "b0.0", "b0.0", "b0.4", "b0.65", "b0.85", "b0.85"]
