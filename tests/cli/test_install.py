"""A non-editable install ships the bundled scenarios and rubrics."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=300)
    if result.returncode != 0 and "No module named" in result.stderr:
        pytest.skip("hatchling is not installed (pip install '.[test]')")
    assert result.returncode == 0, result.stderr
    return next(out.glob("trainsim-*.whl"))


def test_wheel_contains_library(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    bundled = {n for n in names if "/_bundled/" in n}
    for path in (ROOT / "rubrics").glob("*.yaml"):
        assert f"trainsim/_bundled/rubrics/{path.name}" in bundled
    for path in (ROOT / "scenarios").glob("*.yaml"):
        assert f"trainsim/_bundled/scenarios/{path.name}" in bundled
    assert not any("tests/" in n for n in names)


def test_installed_list_runs_anywhere(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(site), str(wheel)], check=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run([sys.executable, "-m", "trainsim", "list", "--json"],
                            capture_output=True, text=True, cwd=elsewhere, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    import json

    rows = json.loads(result.stdout)
    assert rows, "the bundled library is empty"
    assert {r["id"] for r in rows} == {p.stem for p in (ROOT / "scenarios").glob("*.yaml")
                                       if not p.stem.endswith(".tests")}
    assert all(r["path"].startswith(str(site)) for r in rows)
