"""The hand-labelled cue sets: shape, balance, separation, and the coder's level on the
set nothing was trained or tuned on."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from trainsim.coding import code

DATA = Path(__file__).resolve().parents[1] / "data"
TRAINING = Path(__file__).resolve().parents[2] / "training" / "data"
COLUMNS = ["text", "prev_client_text", "validation", "consent_check", "advice", "judgment"]
CUES = COLUMNS[2:]


def read(name: str) -> list[dict[str, str]]:
    path = DATA / name if (DATA / name).exists() else TRAINING / name
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@pytest.mark.parametrize(
    ("name", "minimum", "positives"),
    [
        ("coder_labels.csv", 400, 50),
        ("coder_labels_holdout.csv", 120, 15),
        ("coder_labels_unseen.csv", 240, 50),
        *((f"cue_turns_{w}.csv", 400, 80) for w in "abcde"),
        ("cue_turns_f.csv", 240, 50),
    ],
)
def test_label_set_shape(name: str, minimum: int, positives: int) -> None:
    rows = read(name)
    assert len(rows) >= minimum
    assert len({r["text"] for r in rows}) == len(rows), "duplicate texts"
    for cue in CUES:
        assert {r[cue] for r in rows} <= {"0", "1"}
        assert sum(r[cue] == "1" for r in rows) >= positives, cue


def test_holdout_does_not_repeat_development_texts() -> None:
    dev = {r["text"] for r in read("coder_labels.csv")}
    assert not dev & {r["text"] for r in read("coder_labels_holdout.csv")}


def test_unseen_set_shares_no_turn_with_training_data() -> None:
    unseen = {r["text"]: r for r in read("coder_labels_unseen.csv")}
    names = ["coder_labels.csv", "coder_labels_holdout.csv"]
    names += [f"cue_turns_{w}.csv" for w in "abcdef"]
    for name in names:
        for r in read(name):
            if r["text"] in unseen:
                # Only a stock phrase may recur ("I understand."), labelled the same.
                assert len(r["text"].split()) <= 3, (name, r["text"])
                assert all(r[c] == unseen[r["text"]][c] for c in CUES)


def f1(rows: list[dict[str, str]], cue: str) -> float:
    gold = [r[cue] == "1" for r in rows]
    got = [getattr(code(r["text"], r["prev_client_text"] or None), cue) for r in rows]
    tp = sum(g and p for g, p in zip(gold, got, strict=True))
    fp = sum(p and not g for g, p in zip(gold, got, strict=True))
    fn = sum(g and not p for g, p in zip(gold, got, strict=True))
    return 2 * tp / (2 * tp + fp + fn)


@pytest.mark.parametrize("cue", CUES)
def test_coder_holds_its_measured_level_on_the_unseen_set(cue: str) -> None:
    # The target (0.85); docs/coder.md reports 0.90 to 1.00. No training turn is in this set.
    assert f1(read("coder_labels_unseen.csv"), cue) >= 0.85
