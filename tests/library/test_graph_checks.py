"""Graph checks: warnings, strictness and the conditional reachability of endings."""

from __future__ import annotations

from pathlib import Path

from trainsim.library import load_scenario
from trainsim.library.graph import conversation_graph
from trainsim.library.reach import reachable_endings

DATA = Path(__file__).parents[1] / "data"
RUBRICS = {"open-questions", "validation", "pacing", "consent"}


def test_good_scenario_has_no_problems() -> None:
    loaded = load_scenario(DATA / "good" / "scenarios" / "tiny.yaml", RUBRICS)
    assert loaded.ok
    assert loaded.problems == []


def test_warnings_are_located_and_do_not_fail() -> None:
    path = DATA / "warn" / "scenarios" / "warnings.yaml"
    loaded = load_scenario(path, RUBRICS)
    assert loaded.ok, [str(p) for p in loaded.errors]
    messages = {p.message: p for p in loaded.warnings}
    single = next(p for m, p in messages.items() if "has a single option" in m)
    assert "node 'hello'" in single.message
    same = next(p for m, p in messages.items() if "have the same text" in m)
    assert "'push' and 'deep'" in same.message
    hidden = next(p for m, p in messages.items() if "can never be reached" in m)
    assert "ending 'hidden-end'" in hidden.message
    text = path.read_text().splitlines()
    assert text[hidden.line - 1].strip() == "hidden-end:"
    assert all(str(p).split(":")[3].strip().startswith("warning") for p in loaded.warnings)


def test_reachable_endings_respects_conditions() -> None:
    loaded = load_scenario(DATA / "warn" / "scenarios" / "warnings.yaml", RUBRICS)
    assert loaded.model is not None
    reached, complete = reachable_endings(loaded.model)
    assert complete
    assert reached == {"good-end", "bad-end"}


def test_reachable_endings_reports_truncation() -> None:
    loaded = load_scenario(DATA / "warn" / "scenarios" / "warnings.yaml", RUBRICS)
    assert loaded.model is not None
    _, complete = reachable_endings(loaded.model, max_states=2)
    assert not complete


def test_conversation_graph_marks_endings_and_sensitive_nodes() -> None:
    loaded = load_scenario(DATA / "good" / "scenarios" / "tiny.yaml", RUBRICS)
    assert loaded.model is not None
    graph = conversation_graph(loaded.model)
    assert set(graph.successors("hello")) == {"topic"}
    assert graph.nodes["topic"]["sensitive"] and not graph.nodes["hello"]["sensitive"]
    assert graph.nodes["good-end"]["ending"]
