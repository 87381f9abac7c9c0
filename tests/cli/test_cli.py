"""The command line end to end, as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
GOOD = ROOT / "tests" / "data" / "good"
TINY = GOOD / "scenarios" / "tiny.yaml"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "trainsim", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT, env=env, timeout=120)


def answers(tmp_path: Path, *lines: str) -> str:
    path = tmp_path / "answers.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_validate_good_files_exits_zero() -> None:
    result = run("validate", str(GOOD))
    assert result.returncode == 0, result.stderr
    assert "checked 6 file(s): 0 error(s), 0 warning(s)" in result.stdout  # with tiny.tests


def test_validate_bad_files_lists_every_problem_and_exits_one() -> None:
    result = run("validate", str(ROOT / "tests" / "data" / "bad"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    files = {line.split(":")[0] for line in lines}
    assert len(files) == 40
    assert any("unknown-next.yaml:" in line and "(did you mean 'topic'?)" in line
               for line in lines)


def test_validate_strict_turns_warnings_into_failure() -> None:
    warn = ROOT / "tests" / "data" / "warn"
    relaxed = run("validate", str(warn))
    assert relaxed.returncode == 0 and "warning:" in relaxed.stderr
    strict = run("validate", "--strict", str(warn))
    assert strict.returncode == 1
    assert "(strict: warnings count as errors)" in strict.stdout


def test_validate_missing_path() -> None:
    result = run("validate", "no/such/place.yaml")
    assert result.returncode == 1
    assert "no/such/place.yaml: no such file or folder" in result.stderr


def test_unknown_option_is_a_usage_error() -> None:
    result = run("list", "--colour")
    assert result.returncode == 2
    assert "unrecognized arguments: --colour" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind,key", [("scenario", "nodes"), ("rubric", "bands"),
                                      ("tests", "cases")])
def test_schema(kind: str, key: str) -> None:
    result = run("schema", kind)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert key in schema["properties"]
    assert schema["additionalProperties"] is False


def test_play_json(tmp_path: Path) -> None:
    result = run("play", str(TINY), "--answers", answers(tmp_path, "@ask", "# a comment", "@1"),
                 "--json", "--seed", "18")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["scenario"] == "tiny" and data["seed"] == 18
    assert [t["option"] for t in data["turns"]] == ["ask", "consent"]
    assert data["ending"] == {"node": "good-end", "kind": "completed", "summary": "Went well."}
    dims = data["scorecard"]["dimensions"]
    assert set(dims) == {"open-questions", "consent", "pacing"}
    # no option offers pacing points; the session rule (a reflection per question) does
    assert (dims["pacing"]["earned"], dims["pacing"]["available"]) == (0, 2)
    assert {k: dims["consent"][k] for k in ("earned", "available", "fraction", "band")} == {
        "earned": 2, "available": 2, "fraction": 1.0, "band": "Exemplary"}
    assert dims["consent"]["evidence"][0]["option"] == "consent"
    assert data["metrics"]["consent_before_sensitive"] == 1


def test_play_text_transcript(tmp_path: Path) -> None:
    result = run("play", str(TINY), "--answers", answers(tmp_path, "@yes-no", "@push"))
    assert result.returncode == 0
    assert "Test: Hello." in result.stdout and "option order seed" in result.stdout
    assert "You: Tell me everything that happened." in result.stdout
    assert "-- Ending: rupture -- The client withdrew." in result.stdout
    assert "consent" in result.stdout and "Beginning" in result.stdout


def test_play_unfinished_says_so(tmp_path: Path) -> None:
    result = run("play", str(TINY), "--answers", answers(tmp_path, "@ask"), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["finished"] is False
    assert "the session is unfinished" in result.stderr


def test_play_bad_answer_names_node_and_options(tmp_path: Path) -> None:
    path = answers(tmp_path, "@yes-no", "@deep")
    result = run("play", str(TINY), "--answers", path, "--seed", "18")
    assert result.returncode == 1
    assert f"{path}:2: option 'deep' is not shown now at node 'topic'" in result.stderr
    assert "1. consent, 2. push" in result.stderr


def test_play_free_text_is_coded_routed_and_scored(tmp_path: Path) -> None:
    path = answers(tmp_path, "What has been on your mind lately?", "@consent")
    result = run("play", str(TINY), "--answers", path, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    typed = data["turns"][0]
    assert typed["kind"] == "typed" and "open_question" in typed["codes"]
    assert typed["next"] == "topic"
    assert typed["spans"]["open_question"]
    assert any(e["source"] == "rule:open-questions:1" for e in typed["evidence"])
    assert data["ending"]["kind"] == "completed"


def test_play_free_text_refused_where_no_routes(tmp_path: Path) -> None:
    warn = ROOT / "tests" / "data" / "warn" / "scenarios" / "warnings.yaml"
    result = run("play", str(warn), "--answers", answers(tmp_path, "How are you?"))
    assert result.returncode == 1
    assert ":1: node 'hello' does not take typed responses: choose one of 1. ask" in result.stderr


def test_play_missing_answers_file(tmp_path: Path) -> None:
    result = run("play", str(TINY), "--answers", str(tmp_path / "none.txt"))
    assert result.returncode == 1
    assert "no such answers file" in result.stderr


def test_play_invalid_scenario_shows_errors() -> None:
    bad = ROOT / "tests" / "data" / "bad" / "scenarios" / "unknown-next.yaml"
    result = run("play", str(bad), "--answers", str(bad))
    assert result.returncode == 1
    assert "goes to unknown node 'topicc'" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_scenario_id_is_a_usage_error() -> None:
    result = run("graph", "no-such-scenario")
    assert result.returncode == 2
    assert "no scenario 'no-such-scenario'" in result.stderr


def test_graph_dot_and_mermaid() -> None:
    dot = run("graph", str(TINY))
    assert dot.returncode == 0
    assert '"good-end" [label="good-end\\n[completed]", shape=doubleoctagon' in dot.stdout
    assert '"topic" [label="topic\\n(sensitive)", style=filled' in dot.stdout
    assert '"hello" -> "topic" [label="ask"];' in dot.stdout
    mermaid = run("graph", str(TINY), "--format", "mermaid")
    assert mermaid.stdout.startswith("flowchart TD")
    assert "class n1 sensitive" in mermaid.stdout and "n0 -->|ask| n1" in mermaid.stdout


def test_paths_json() -> None:
    result = run("paths", str(TINY), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["endings"] == ["bad-end", "good-end"]
    assert data["paths"] == 5 and data["truncated"] is False
    assert data["dimensions"]["consent"] == {"min": 0.0, "max": 1.0}


def test_paths_truncation_is_reported() -> None:
    result = run("paths", str(TINY), "--json", "--max-paths", "2")
    data = json.loads(result.stdout)
    assert data["truncated"] is True and data["paths"] == 2


def test_play_seed_fixes_the_order_of_numbered_answers(tmp_path: Path) -> None:
    path = answers(tmp_path, "@1")
    chosen = set()
    for seed in range(6):
        result = run("play", str(TINY), "--answers", path, "--json", "--seed", str(seed))
        data = json.loads(result.stdout)
        assert data["seed"] == seed and data["turns"][0]["shown"][0] == data["turns"][0]["option"]
        chosen.add(data["turns"][0]["option"])
    assert chosen == {"ask", "yes-no"}  # "1" is whatever was shown first under that seed
