"""Typed responses: routing on codes and state, rubric indicator rules, session rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from trainsim.engine import Session, SessionError
from trainsim.library import load_library
from trainsim.scoring import score

DATA = Path(__file__).parents[1] / "data" / "good"


@dataclass
class FakeCodes:
    codes: list[str]
    spans: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)

    def labels(self) -> list[str]:
        return self.codes

    def unsure(self) -> list[str]:
        return []


class FakeCoder:
    """Codes by a lookup table, recording the client text it was given."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.seen: list[str | None] = []

    def __call__(self, text: str, client_text: str | None) -> FakeCodes:
        self.seen.append(client_text)
        codes = self.table[text]
        return FakeCodes(codes, {c: ((0, min(4, len(text))),) for c in codes})


@pytest.fixture
def library():
    return load_library([DATA])


def _session(library, table):
    entry = library.scenario("tiny")
    return Session(entry.model, library.rubrics, coder=FakeCoder(table), seed=18)


def test_open_question_routes_scores_and_keeps_spans(library) -> None:
    session = _session(library, {"What brings you in?": ["open_question"]})
    turn = session.respond("  What brings you in?  ")
    assert turn.kind == "typed" and turn.option is None and turn.text == "What brings you in?"
    assert turn.codes == ("open_question",)
    assert turn.spans == {"open_question": ((0, 4),)}
    assert turn.next == "topic" and turn.state_after["trust"] == 3
    assert turn.feedback == "You invited their story."
    assert [(e.dimension, e.points, e.source) for e in turn.evidence] == [
        ("open-questions", 2, "rule:open-questions:1")]
    # what a typed turn can earn is what the best option at 'hello' offers: 2 open-questions
    assert turn.available == {"open-questions": 2, "consent": 0, "pacing": 0}
    assert session.coder.seen == ["Hello."]


def test_fallback_route_and_negative_rules(library) -> None:
    session = _session(library, {"Is it your partner? Or work?": ["closed_question",
                                                                  "stacked_questions"]})
    turn = session.respond("Is it your partner? Or work?")
    assert turn.next == "topic" and turn.state_after["distress"] == 2
    assert sorted((e.points, e.source) for e in turn.evidence) == [
        (-1, "rule:open-questions:2"), (-1, "rule:open-questions:3")]


def test_probing_sensitive_ground_without_consent_costs_consent(library) -> None:
    session = _session(library, {"a": ["reflection"], "b": ["open_question"]})
    session.respond("a")
    turn = session.respond("b")
    consent = [e for e in turn.evidence if e.dimension == "consent"]
    assert [(e.points, e.reason) for e in consent] == [
        (-2, "Probing sensitive ground without asking first.")]
    assert turn.available["consent"] == 2


def test_a_consent_check_licenses_the_next_step_only(library) -> None:
    table = {"ok?": ["consent_check", "closed_question"], "b": ["open_question"], "mm": []}
    session = _session(library, table)
    first = session.respond("ok?")
    assert first.points("consent") == 0  # 'hello' is not sensitive: consent not scored
    assert first.points("open-questions") == 0  # a consent check is no closed-question fault
    turn = session.respond("b")
    assert turn.node == "topic" and turn.points("consent") == 0  # licensed by the check
    session.rewind()
    held = session.respond("mm")  # nothing to answer: the client waits, still at 'topic'
    assert held.held and held.next == "topic" and held.available == {} and not held.evidence
    turn = session.respond("b")  # the check is two turns back now: it no longer licenses
    assert turn.points("consent") == -2


def test_high_distress_makes_probing_a_pacing_error(library) -> None:
    session = _session(library, {"q?": ["closed_question"], "why?": ["open_question"]})
    session.choose("yes-no")  # distress 1 -> 2
    assert session.state["distress"] == 2
    calm = session.respond("why?")
    assert calm.points("pacing") == 0
    session.rewind()
    session.rewind()
    session._state["distress"] = 4  # at the scenario's threshold
    turn = session.respond("why?")
    pacing = [(e.points, e.reason) for e in turn.evidence if e.dimension == "pacing"]
    assert pacing == [(-2, "Another probing question while distress is high.")]


def test_routes_on_codes_to_rupture(library) -> None:
    session = _session(library, {"q": ["open_question"], "You should just leave.": ["advice"]})
    session.respond("q")
    turn = session.respond("You should just leave.")
    assert turn.next == "bad-end" and session.ending is not None
    assert session.ending.kind == "rupture"


def test_cap_keeps_a_turn_within_what_is_available(library) -> None:
    session = _session(library, {"q": ["reflection"], "x": ["consent_check", "open_question"]})
    session.respond("q")
    turn = session.respond("x")
    # +2 by the rule, capped at the 1 point the best option at 'topic' offers
    assert turn.points("open-questions") == 1
    assert [(e.points, e.source) for e in turn.evidence if e.dimension == "open-questions"] == [
        (2, "rule:open-questions:1"), (-1, "cap:open-questions")]
    assert turn.points("consent") == 2


def test_session_rule_rewards_reflections_per_question(library) -> None:
    session = _session(library, {"r": ["reflection"], "ok?": ["consent_check"]})
    session.respond("r")
    session.respond("ok?")
    pacing = score(session.turns, library.rubrics).dimensions["pacing"]
    session_items = [e for e in pacing.evidence if e.turn is None]
    assert session_items == []  # no questions at all: the ratio is undefined, rule not applied
    session = _session(library, {"r": ["reflection"], "q": ["open_question", "reflection"]})
    session.respond("r")
    session.respond("q")
    pacing = score(session.turns, library.rubrics).dimensions["pacing"]
    session_items = [e for e in pacing.evidence if e.turn is None]
    assert [(e.points, e.source) for e in session_items] == [(2, "session:pacing:1")]
    assert pacing.available == 2  # no option offers pacing here: only the session rule


def test_nodes_without_routes_refuse_text(library) -> None:
    session = _session(library, {})
    session.choose("ask")
    session.choose("consent")
    with pytest.raises(SessionError, match="the session has ended"):
        session.respond("hello")


def test_empty_text_is_refused(library) -> None:
    session = _session(library, {})
    with pytest.raises(SessionError, match="the response is empty"):
        session.respond("   ")
    assert session.accepts_text


def test_coder_vocabulary_is_the_models() -> None:
    """trainsim.coding imports nothing of ours, so its label list is kept in step by test."""
    from trainsim.coding.codes import LABELS
    from trainsim.model.codes import CODES

    assert set(LABELS) <= set(CODES)



def test_the_engine_keeps_the_safety_rule_whatever_the_rubric_says() -> None:
    """A rubric that credits any validation still pays nothing for a judgment-coded turn."""
    from collections import defaultdict

    from trainsim.library import load_library
    from trainsim.model import Rubric

    bundled = load_library()
    scenario = bundled.scenario("daniel-permission-to-stop").model
    raw = bundled.rubrics["validation"].model_dump()
    raw["free_text"] = {"available": 2, "rules": [
        {"when": {"code": "validation"}, "points": 2, "reason": "validated"}]}
    rubrics = {r: bundled.rubrics[r] for r in scenario.rubrics}
    rubrics["validation"] = Rubric.model_validate(raw)
    warm_line, cold_line = "That makes sense.", "That makes sense, but it's a bit weak."
    table = defaultdict(list, {warm_line: ["reflection", "validation"],
                               cold_line: ["reflection", "validation", "judgment"]})
    turns = []
    for line in (warm_line, cold_line):
        session = Session(scenario, rubrics, coder=FakeCoder(table), seed=1)
        session.choose("frame-and-invite")
        turns.append(session.respond(line))
    warm, cold = turns
    assert warm.available["validation"] == 2
    assert warm.points("validation") == 2
    assert cold.points("validation") == 0
    safety = [e for e in cold.evidence if e.source == "safety:validation"]
    assert len(safety) == 1 and "safety rule" in safety[0].reason
