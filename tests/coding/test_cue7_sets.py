"""The seven-code sets written from docs/coding-definitions.md by independent writers (coder
issue 11): shape, quotas, and no turn shared between the blind set and the others. Nothing
here scores the coder on the blind set: it is read for that once, at the end."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = ["text", "prev_client_text", "validation", "consent_check", "advice", "judgment",
           "grounding", "psychoeducation", "summary"]
CODES = COLUMNS[2:]
QUOTAS = {"validation": 30, "consent_check": 30, "advice": 30, "judgment": 70,
          "grounding": 45, "psychoeducation": 45, "summary": 45}
TRAINING = sorted((ROOT / "training" / "data").glob("cue7_*.csv"))
BLIND = ROOT / "tests" / "data" / "cue7_blind.csv"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS, path
        return list(reader)


def test_there_are_training_writers_and_a_blind_one() -> None:
    assert len(TRAINING) >= 3 and BLIND.is_file()


@pytest.mark.parametrize("path", [*TRAINING, BLIND], ids=lambda p: p.name)
def test_set_shape_and_quotas(path: Path) -> None:
    rows = read(path)
    assert len(rows) >= 300
    assert len({r["text"] for r in rows}) == len(rows), "duplicate texts"
    assert all(r["text"].strip() and r["prev_client_text"].strip() for r in rows)
    for code in CODES:
        assert {r[code] for r in rows} <= {"0", "1"}, code
        assert sum(r[code] == "1" for r in rows) >= QUOTAS[code], code
    assert sum(all(r[c] == "0" for c in CODES) for r in rows) >= 40  # turns with no code


def test_blind_set_shares_no_turn_with_the_others() -> None:
    blind = {r["text"].strip().lower() for r in read(BLIND)}
    for path in TRAINING:
        shared = blind & {r["text"].strip().lower() for r in read(path)}
        assert all(len(t.split()) <= 3 for t in shared), (path.name, shared)
