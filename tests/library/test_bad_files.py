"""Every broken file in tests/data/bad gets a clear message at the right line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from trainsim.library import load_library, load_rubric, load_scenario
from trainsim.library.yaml_source import MAX_BYTES

BAD = Path(__file__).parents[1] / "data" / "bad"
GOOD_RUBRICS = {"open-questions", "validation", "pacing", "consent"}


def line_of(path: Path, marker: str, last: bool = False) -> int:
    """1-based line of the first (or last) occurrence of ``marker`` in the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    numbers = [n for n, line in enumerate(lines, 1) if marker in line]
    if numbers:
        return numbers[-1] if last else numbers[0]
    raise AssertionError(f"marker {marker!r} not in {path}")


# file stem -> (marker on the expected line, or a line number, or None for no line; message part)
SCENARIO_CASES: dict[str, tuple[str | int | None, str]] = {
    "syntax-error": (18, "(while parsing a flow sequence that starts at line 17)"),
    "tab-indent": ("\tnarration", "invalid YAML: found character that cannot start any token"),
    "duplicate-key": ('title: "Again"', "duplicate key 'title' (first defined at line 2)"),
    "duplicate-node": ("  good-end:", "duplicate key 'good-end' (first defined at line 52)"),
    "unknown-key": ("titel:", "unknown key 'titel' (did you mean 'title'?)"),
    "unknown-option-key": ("nxt: good-end", "unknown key 'nxt' (did you mean 'next'?)"),
    "wrong-type-minutes": ("estimated_minutes", "expected a whole number, got str 'three'"),
    "wrong-type-points": ("open-questions: two", "expected a whole number, got str 'two'"),
    "not-utf8": (16, "not UTF-8: byte 0xe9"),
    "empty": (None, "file is empty"),
    "only-comments": (None, "file holds no YAML document"),
    "alias-bomb": (1, "aliases expand to 1,234,567,911 values"),
    "python-object": ("!!python/object", "tag '!!python/object/apply:os.system' is not allowed"),
    "custom-tag": ("!include", "tag '!include' is not allowed"),
    "id-mismatch": ("id: someone-else", "does not match the file name 'id-mismatch.yaml'"),
    "unknown-next": ("next: topicc", "option 'ask' goes to unknown node 'topicc' "
                                     "(did you mean 'topic'?)"),
    "missing-start": ("start: begin", "start node 'begin' does not exist"),
    "unreachable-node": ("orphan:", "node 'orphan' cannot be reached from the start node"),
    "dead-end": ("limbo:", "node 'limbo' is not an ending and has no way out"),
    "endless-cycle": ("loop-a:", "no ending can be reached from nodes 'loop-a', 'loop-b'"),
    "unknown-dimension": ("empathy", "scores 'empathy', which is not one of this scenario's"),
    "unknown-rubric": ("rubrics:", "unknown rubric 'consnt' (did you mean 'consent'?)"),
    "undeclared-effect": ("trsut", "undeclared state variable 'trsut' (did you mean 'trust'?)"),
    "undeclared-condition-var": ("var: mood", "undeclared state variable 'mood'"),
    "visited-unknown": ("visited: helo", "unknown node 'helo' (did you mean 'hello'?)"),
    "bad-condition": ("maybe", "a condition must be a mapping with one of the keys"),
    "initial-out-of-range": ("initial: 9", "initial (9) is outside 0..3"),
    "unknown-code": ("open_questoin", "(did you mean 'open_question'?)"),
    "top-level-list": (1, "expected a mapping of keys at the top level, found list"),
    "multi-document": ("---", "expected a single document"),
    "merge-key": ("<<", "merge keys ('<<') are not supported"),
    "ending-with-options": ("  good-end:", "an ending node cannot have options"),
    "duplicate-option-id": ("- id: ask", "option id 'ask' is used twice at node 'hello'"),
    "bad-node-id": ("next: Bad End", "'Bad End' is not a valid id"),
    "missing-title": (1, "missing required key 'title'"),
    "unknown-ending-kind": ("disaster", "'disaster' is not one of: completed, partial, rupture"),
    "key-is-a-list": ("? [a, b]", "keys must be plain text"),
}

LAST_OCCURRENCE = {"duplicate-node", "duplicate-option-id"}

RUBRIC_CASES: dict[str, tuple[str | int, str]] = {
    "few-bands": ("bands:", "needs at least 4 items, has 2"),
    "bands-out-of-order": ("bands:", "band lower bounds must strictly increase"),
    "band-above-one": ("lower: 1.5", "must be at most 1.0, got 1.5"),
}


def _check(problems: list, path: Path, where: str | int | None, message: str) -> None:
    matching = [p for p in problems if message in p.message]
    assert matching, f"{path.name}: no problem says {message!r}; got {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.is_error
    assert problem.path == str(path)
    if where is None:
        assert problem.line is None
    else:
        last = path.stem in LAST_OCCURRENCE
        expected = where if isinstance(where, int) else line_of(path, where, last)
        assert problem.line == expected, str(problem)
        assert problem.col is not None and problem.col >= 1
    assert str(problem).startswith(f"{path}:" if where is not None else f"{path}: ")


def test_the_corpus_is_large_enough() -> None:
    assert len(SCENARIO_CASES) + len(RUBRIC_CASES) >= 25
    on_disk = {p.stem for p in (BAD / "scenarios").iterdir()}
    assert on_disk == set(SCENARIO_CASES), "every bad file has an expectation, and vice versa"


@pytest.mark.parametrize("stem", sorted(SCENARIO_CASES))
def test_bad_scenario(stem: str) -> None:
    path = BAD / "scenarios" / f"{stem}.yaml"
    loaded = load_scenario(path, GOOD_RUBRICS)
    assert not loaded.ok
    where, message = SCENARIO_CASES[stem]
    _check(loaded.problems, path, where, message)


@pytest.mark.parametrize("stem", sorted(RUBRIC_CASES))
def test_bad_rubric(stem: str) -> None:
    path = BAD / "rubrics" / f"{stem}.yaml"
    loaded = load_rubric(path)
    assert not loaded.ok and loaded.model is None
    where, message = RUBRIC_CASES[stem]
    _check(loaded.problems, path, where, message)


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    path = BAD / "scenarios" / "unknown-option-key.yaml"
    messages = [p.message for p in load_scenario(path, GOOD_RUBRICS).problems]
    assert any("unknown key 'nxt'" in m for m in messages)
    assert any("missing required key 'next'" in m for m in messages)


def test_alias_bomb_fails_fast() -> None:
    started = time.perf_counter()
    loaded = load_scenario(BAD / "scenarios" / "alias-bomb.yaml", GOOD_RUBRICS)
    assert not loaded.ok
    # a generous bound, to catch expansion rather than time the machine
    assert time.perf_counter() - started < 1.0


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("id: huge\nsummary: '" + "x" * MAX_BYTES + "'\n")
    loaded = load_scenario(path, GOOD_RUBRICS)
    assert loaded.problems[0].message.startswith("file is 1,048,")
    assert "the limit is 1,048,576 (1 MiB)" in loaded.problems[0].message


def test_missing_file(tmp_path: Path) -> None:
    loaded = load_scenario(tmp_path / "nowhere.yaml", GOOD_RUBRICS)
    assert loaded.problems[0].message == "no such file"


def test_yaml_booleans_get_a_hint(tmp_path: Path) -> None:
    good = (BAD.parent / "good" / "scenarios" / "tiny.yaml").read_text()
    path = tmp_path / "tiny.yaml"
    path.write_text(good.replace("id: ask", "id: yes"))
    messages = [p.message for p in load_scenario(path, GOOD_RUBRICS).problems]
    assert any("got bool True" in m and "put the text in quotes" in m for m in messages)


def test_whole_bad_library_reports_every_file() -> None:
    library = load_library([BAD])
    files = {Path(p.path).name for p in library.all_problems if p.is_error}
    assert len(files) == len(SCENARIO_CASES) + len(RUBRIC_CASES)
