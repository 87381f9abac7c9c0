"""The band is the lowest of the points band, coverage, the cited figure and the caps."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainsim.engine import Session
from trainsim.library import load_library
from trainsim.model import Objective, Rubric
from trainsim.model.record import Evidence, Turn
from trainsim.scoring import score

DATA = Path(__file__).parents[1] / "data" / "good"
BANDS = [{"lower": 0.0, "label": "Beginning", "descriptor": "d0", "tip": "t0"},
         {"lower": 0.4, "label": "Developing", "descriptor": "d1", "tip": "t1"},
         {"lower": 0.65, "label": "Proficient", "descriptor": "d2", "tip": "t2"},
         {"lower": 0.85, "label": "Exemplary", "descriptor": "d3", "tip": "t3"}]


@pytest.fixture
def library():
    return load_library([DATA])


def _rubric(**extra) -> Rubric:
    return Rubric.model_validate({"id": "x", "title": "X", "description": "x",
                                  "indicators": ["i"], "bands": BANDS, **extra})


def _turn(index: int, codes: tuple[str, ...], points: int = 1) -> Turn:
    return Turn(index=index, node=f"n{index}", kind="choice", option=f"o{index}", text="...",
                codes=codes, evidence=(Evidence(dimension="x", points=points, reason="r",
                                                source=f"option:o{index}"),),
                available={"x": 1}, state_before={}, state_after={}, next=f"n{index + 1}")


def test_a_cited_figure_lowers_the_band_and_is_shown() -> None:
    rubric = _rubric(figure={"metric": "pct_open", "label": "open questions",
                             "thresholds": [0, 50, 70, 85], "min_questions": 2})
    turns = [_turn(0, ("open_question",)), _turn(1, ("closed_question",)),
             _turn(2, ("open_question",)), _turn(3, ("closed_question",))]
    result = score(turns, [rubric]).dimensions["x"]
    assert result.fraction == 1.0 and result.points_band == "Exemplary"
    assert result.figure is not None and result.figure.value == 50.0
    assert result.band == "Developing" and result.descriptor == "d1"
    assert [(limit.source, limit.band) for limit in result.limits] == [("figure", "Developing")]
    # consent checks are not counted as closed questions
    turns[1] = _turn(1, ("closed_question", "consent_check"))
    turns[3] = _turn(3, ("consent_check", "closed_question"))
    result = score(turns, [rubric]).dimensions["x"]
    assert result.figure.value == 100.0 and result.band == "Exemplary" and not result.limits


def test_too_few_questions_leave_the_figure_out() -> None:
    rubric = _rubric(figure={"metric": "pct_open", "label": "open questions",
                             "thresholds": [0, 50, 70, 85], "min_questions": 2})
    result = score([_turn(0, ("closed_question",))], [rubric]).dimensions["x"]
    assert result.figure is None and result.band == "Exemplary"


def test_a_rupture_caps_the_band(library) -> None:
    scenario = library.scenario("tiny").model
    data = library.rubrics["open-questions"].model_dump(by_alias=True, exclude_none=True)
    data["caps"] = [{"when": {"ending": "rupture"}, "band": "Developing",
                     "reason": "It ended in a rupture."}]
    rubric = Rubric.model_validate(data)
    session = Session(scenario, {"open-questions": rubric}, seed=18)
    session.choose("ask")
    session.choose("push")  # open-questions 3 of 3, then the client withdraws
    result = score(session.turns, [rubric], scenario).dimensions["open-questions"]
    assert result.fraction == 1.0 and result.points_band == "Exemplary"
    assert result.band == "Developing"
    assert [(limit.source, limit.reason) for limit in result.limits] == [
        ("cap:1", "It ended in a rupture.")]
    assert score(session.turns, [rubric], scenario).ending == "rupture"


def test_objectives_reached_and_the_core_one_bound_the_band(library) -> None:
    scenario = library.scenario("tiny").model.model_copy(update={"learning_objectives": [
        Objective(text="Open well", nodes=["hello"], skills=["open-questions"]),
        Objective(text="Face the topic", nodes=["topic"], skills=["open-questions"], core=True),
        Objective(text="Close", nodes=["good-end"], skills=["consent"]),
    ]})
    rubric = library.rubrics["open-questions"]
    session = Session(scenario, {"open-questions": rubric}, seed=18)
    session.choose("ask")
    card = score(session.turns, [rubric], scenario)
    assert [(g.text, g.reached, g.at) for g in card.objectives] == [
        ("Open well", True, "hello"), ("Face the topic", True, "topic"), ("Close", False, None)]
    assert card.dimensions["open-questions"].coverage == 1.0
    assert card.dimensions["open-questions"].band == "Exemplary"
    scenario = scenario.model_copy(update={"learning_objectives": [
        Objective(text="Open well", nodes=["hello"], skills=["open-questions"]),
        Objective(text="Face the topic", nodes=["good-end"], skills=["open-questions"],
                  core=True)]})
    card = score(session.turns, [rubric], scenario)
    result = card.dimensions["open-questions"]
    assert result.coverage == 0.5 and result.points_band == "Exemplary"
    assert result.band == "Developing"  # coverage 0.5 -> Developing; the core one also caps
    assert {limit.source for limit in result.limits} == {"coverage", "core"}
