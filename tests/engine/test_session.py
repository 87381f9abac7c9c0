"""The session engine: transitions, conditions, clamping, rewind, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from trainsim.engine import Session, SessionError
from trainsim.library import load_library
from trainsim.model import Scenario

DATA = Path(__file__).parents[1] / "data" / "good"
AUTHORED = 18
"""An option-order seed that shows tiny's options in the order they are written."""


@pytest.fixture
def tiny() -> tuple[Scenario, dict]:
    library = load_library([DATA])
    entry = library.scenario("tiny")
    assert entry is not None and entry.model is not None
    return entry.model, library.rubrics


def test_start_state(tiny) -> None:
    session = Session(*tiny, seed=AUTHORED)
    assert session.node_id == "hello"
    assert dict(session.state) == {"trust": 2, "distress": 1}
    assert [o.id for o in session.options] == ["ask", "yes-no"]
    assert session.ending is None and session.turns == ()


def test_choose_records_an_immutable_turn_and_clamps_effects(tiny) -> None:
    ticks = iter([12.5])
    session = Session(*tiny, clock=lambda: next(ticks), seed=AUTHORED)
    turn = session.choose("ask")
    assert turn.node == "hello" and turn.next == "topic" and turn.option == "ask"
    assert turn.codes == ("open_question",)
    assert turn.state_before == {"trust": 2, "distress": 1}
    assert turn.state_after == {"trust": 3, "distress": 1}  # +5 clamped to max 3
    assert [(e.dimension, e.points, e.source) for e in turn.evidence] == [
        ("open-questions", 2, "option:ask")]
    assert turn.evidence[0].reason == "An open question invites a story."
    assert turn.available == {"open-questions": 2, "consent": 0, "pacing": 0}
    assert turn.time == 12.5
    assert turn.shown == ("ask", "yes-no")
    with pytest.raises(ValidationError, match="frozen"):
        turn.node = "elsewhere"  # type: ignore[misc]
    assert session.node_id == "topic" and session.state["trust"] == 3


def test_conditions_show_options(tiny) -> None:
    scenario, rubrics = tiny
    high = Session(scenario, rubrics, seed=AUTHORED)
    high.choose("ask")  # trust 3 -> 'deep' appears
    assert [o.id for o in high.options] == ["consent", "push", "deep"]
    low = Session(scenario, rubrics, seed=AUTHORED)
    low.choose("yes-no")
    assert [o.id for o in low.options] == ["consent", "push"]


def test_hidden_and_unknown_options_name_the_valid_ones(tiny) -> None:
    session = Session(*tiny, seed=AUTHORED)
    session.choose("yes-no")
    with pytest.raises(SessionError, match=r"'deep' is not shown now at node 'topic': "
                                           r"choose one of 1\. consent, 2\. push"):
        session.choose("deep")
    with pytest.raises(SessionError, match="'nope' does not exist"):
        session.choose("nope")
    with pytest.raises(SessionError, match="there is no option 3"):
        session.choose(3)


def test_numbered_choice_and_ending(tiny) -> None:
    session = Session(*tiny, seed=AUTHORED)
    session.choose(1)
    session.choose(2)
    assert session.ending is not None and session.ending.kind == "rupture"
    assert session.state["distress"] == 5  # clamped to max
    assert session.options == []
    with pytest.raises(SessionError, match="the session has ended"):
        session.choose(1)


def test_rewind_restores_node_and_state(tiny) -> None:
    session = Session(*tiny, seed=AUTHORED)
    session.choose("ask")
    session.choose("push")
    undone = session.rewind()
    assert undone.option == "push"
    assert session.node_id == "topic" and dict(session.state) == {"trust": 3, "distress": 1}
    session.rewind()
    assert session.node_id == "hello" and session.turns == ()
    with pytest.raises(SessionError, match="nothing to rewind"):
        session.rewind()


def test_visited_includes_the_path(tiny) -> None:
    session = Session(*tiny, seed=AUTHORED)
    session.choose("ask")
    assert session.visited == {"hello", "topic"}


def test_option_order_is_shuffled_per_session_and_fixed_by_the_seed(tiny) -> None:
    orders = {tuple(o.id for o in Session(*tiny, seed=seed).options) for seed in range(40)}
    assert orders == {("ask", "yes-no"), ("yes-no", "ask")}
    session = Session(*tiny, seed=7)
    first = [o.id for o in session.options]
    turn = session.choose(1)
    assert turn.option == first[0] and turn.shown == tuple(first)
    session.rewind()
    assert [o.id for o in session.options] == first  # the same order after a rewind
    assert [o.id for o in Session(*tiny, seed=7).options] == first  # and on replay
