"""The bundled library validates cleanly and the starter scenario meets its design targets."""

from __future__ import annotations

import pytest

from trainsim.analysis import explore
from trainsim.library import load_library


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_bundled_files_have_no_problems(library) -> None:
    assert library.scenario_files and len(library.rubric_files) >= 4
    assert [str(p) for p in library.all_problems] == []
    assert {"open-questions", "validation", "pacing", "consent"} <= set(library.rubrics)


def test_every_rubric_scores_typed_responses(library) -> None:
    for rubric in library.rubrics.values():
        assert len(rubric.bands) >= 4
        assert rubric.free_text is not None and rubric.free_text.rules


def test_starter_scenario_shape(library) -> None:
    entry = library.scenario("daniel-permission-to-stop")
    assert entry is not None and entry.model is not None
    scenario = entry.model
    endings = {n.ending.kind for n in scenario.nodes.values() if n.ending}
    assert len(scenario.nodes) >= 12 and len(endings) >= 3
    assert any(n.sensitive for n in scenario.nodes.values())
    scored = {dim for n in scenario.nodes.values() for o in n.options for dim in o.evidence}
    assert scored == set(scenario.rubrics)
    conversation = [n for n in scenario.nodes.values() if n.ending is None]
    assert sum(bool(n.free_text) for n in conversation) > len(conversation) / 2


def test_starter_paths_span_best_and_worst(library) -> None:
    entry = library.scenario("daniel-permission-to-stop")
    scenario = entry.model
    report = explore(scenario, library.rubrics)
    assert not report.truncated
    assert len(report.endings) >= 3
    for dim in scenario.rubrics:
        low, high = report.dimensions[dim]
        assert high == 1.0, dim  # the best path earns full marks
        assert low <= 0.40, dim
    by_ending = report.to_dict()["by_ending"]
    assert by_ending["completed"] == {d: {"max_fraction": 1.0, "max_band": "Exemplary"}
                                      for d in scenario.rubrics}
    for dim in ("pacing", "consent"):  # a rupture never looks skilled on them
        assert by_ending["rupture"][dim]["max_band"] in {"Beginning", "Developing"}, dim


def test_best_option_is_not_a_length_cue(library) -> None:
    from trainsim.library.graph import length_cue

    for entry in library.scenario_files:
        hits, total = length_cue(entry.model)
        assert hits * 2 <= total, (entry.id, hits, total)
