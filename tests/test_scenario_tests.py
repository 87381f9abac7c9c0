"""Every scenario's own tests, run through the real coder; and the runner's own behaviour."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trainsim.checks import check_exemplars, run_tests
from trainsim.library import load_library
from trainsim.library.tests_loader import case_file, load_tests
from trainsim.library.yaml_source import load_yaml

ROOT = Path(__file__).parents[1]
GOOD = ROOT / "tests" / "data" / "good"


def _cases(library_paths: list[Path] | None):
    library = load_library(library_paths)
    for entry in library.scenario_files:
        _, loaded = load_tests(case_file(entry.path), entry.model, library.rubrics)
        assert loaded.model is not None and not loaded.errors, loaded.problems
        for i, case in enumerate(loaded.model.cases):
            yield pytest.param(entry, library, i, id=f"{entry.id}: {case.name}")


BUNDLED = list(_cases(None))


def test_every_bundled_scenario_has_tests() -> None:
    library = load_library()
    assert library.scenario_files
    for entry in library.scenario_files:
        assert case_file(entry.path).is_file(), entry.path
        assert library.tests_for(entry.id) is not None


@pytest.mark.parametrize(("entry", "library", "index"), BUNDLED)
def test_bundled_scenario_case(entry, library, index) -> None:
    doc, loaded = load_tests(case_file(entry.path), entry.model, library.rubrics)
    results = run_tests(loaded.model, doc, entry.model, library.rubrics)
    result = results[index]
    assert result.passed, "\n".join(map(str, result.problems))


def test_bundled_exemplars_earn_what_each_moment_offers() -> None:
    library = load_library()
    for entry in library.scenario_files:
        problems = check_exemplars(entry.model, library.rubrics, load_yaml(entry.path))
        assert problems == [], "\n".join(map(str, problems))


def _copy_tiny(tmp_path: Path, tests_text: str) -> Path:
    folder = tmp_path / "lib"
    shutil.copytree(GOOD, folder)
    (folder / "scenarios" / "tiny.tests.yaml").write_text(tests_text, encoding="utf-8")
    return folder


def _run(folder: Path, scenario: str = "tiny") -> tuple[Path, list]:
    """Load a library folder and run one scenario's tests: (the tests file, results)."""
    library = load_library([folder])
    entry = library.scenario(scenario)
    path = case_file(entry.path)
    doc, loaded = load_tests(path, entry.model, library.rubrics)
    return path, run_tests(loaded.model, doc, entry.model, library.rubrics)


def test_a_failed_expectation_is_located_and_explained(tmp_path: Path) -> None:
    folder = _copy_tiny(tmp_path, """\
scenario: tiny
cases:
  - name: wrong on purpose
    steps:
      - choose: yes-no
      - choose: push
    expect:
      ending: completed
      bands: {consent: {at_least: Proficient}}
      routes: {hello: good-end}
      turns:
        - {turn: 2, codes: [consent_check]}
""")
    path, [result] = _run(folder)
    messages = [str(p) for p in result.problems]
    assert messages == [
        f"{path}:8:15: wrong on purpose: ended rupture at 'bad-end', expected completed",
        f"{path}:9:24: wrong on purpose: consent banded Beginning [points 0.00 (Beginning)], "
        "expected at least Proficient",
        f"{path}:10:23: wrong on purpose: from 'hello' went to 'topic', expected 'good-end'",
        f"{path}:12:11: wrong on purpose: turn 2 at 'topic' ('Tell me everything that "
        "happened.') coded open_question; missing consent_check",
    ]


def test_a_step_that_cannot_be_taken_stops_the_case(tmp_path: Path) -> None:
    folder = _copy_tiny(tmp_path, """\
scenario: tiny
cases:
  - name: hidden option
    steps:
      - choose: yes-no
      - choose: deep
    expect: {ending: completed}
""")
    _, [result] = _run(folder)
    [problem] = result.problems
    assert (problem.line, problem.col) == (6, 9)
    assert "option 'deep' is not shown now at node 'topic'" in problem.message


def test_validate_checks_a_tests_file_names(tmp_path: Path) -> None:
    folder = _copy_tiny(tmp_path, """\
scenario: tiny
cases:
  - name: bad names
    steps:
      - choose: ask-nicely
      - say: hello
        choose: ask
    expect:
      bands: {consent: Superb, kindness: Exemplary}
      routes: {nowhere: topic}
""")
    library = load_library([folder])
    text = "\n".join(str(p) for p in library.all_problems)
    path = folder / "scenarios" / "tiny.tests.yaml"
    assert f"{path}:6:9: cases[0].steps[1]: a step needs exactly one of choose, say, exemplar " \
        "(found choose, say)" in text
    (folder / "scenarios" / "tiny.tests.yaml").write_text(
        (folder / "scenarios" / "tiny.tests.yaml").read_text().replace(
            "      - say: hello\n        choose: ask\n", ""), encoding="utf-8")
    library = load_library([folder])
    text = "\n".join(str(p) for p in library.all_problems)
    assert f"{path}:5:17: no option 'ask-nicely' in the scenario" in text
    assert "'Superb' is not a band of 'consent'" in text
    assert "'kindness' is not one of the scenario's rubrics" in text
    assert f"{path}:8:16: unknown node 'nowhere'" in text


def test_trainsim_test_command_reports_and_exits(tmp_path: Path) -> None:
    ok = subprocess.run([sys.executable, "-m", "trainsim", "test", "-v",
                         str(GOOD / "scenarios" / "tiny.yaml")],
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "ok   tiny: the best options" in ok.stdout
    assert "1 scenario(s), 2 case(s): 0 failed" in ok.stdout
    folder = _copy_tiny(tmp_path, """\
scenario: tiny
cases:
  - name: expects too much
    steps: [{choose: yes-no}, {choose: push}]
    expect: {ending: completed}
""")
    bad = subprocess.run([sys.executable, "-m", "trainsim", "test",
                          str(folder / "scenarios" / "tiny.yaml")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1
    assert "tiny.tests.yaml:5:22: expects too much: ended rupture" in bad.stderr
    assert "1 failed" in bad.stdout
    (folder / "scenarios" / "tiny.tests.yaml").unlink()
    missing = subprocess.run([sys.executable, "-m", "trainsim", "test",
                              str(folder / "scenarios" / "tiny.yaml")],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1 and "no tests: write tiny.tests.yaml" in missing.stderr


def test_the_readme_example_is_a_valid_passing_tests_file(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\nscenario: daniel-permission-to-stop")
    block = readme[start + len("```yaml\n"): readme.index("```", start + 8)]
    folder = tmp_path / "lib"
    shutil.copytree(ROOT / "rubrics", folder / "rubrics")
    (folder / "scenarios").mkdir()
    shutil.copy(ROOT / "scenarios" / "daniel-permission-to-stop.yaml", folder / "scenarios")
    (folder / "scenarios" / "daniel-permission-to-stop.tests.yaml").write_text(block)
    assert [str(p) for p in load_library([folder]).all_problems] == []
    _, results = _run(folder, "daniel-permission-to-stop")
    assert [str(p) for r in results for p in r.problems] == []
