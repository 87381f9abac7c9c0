"""The project's turns labelled with the AnnoMI codes (question, reflection, behaviour):
shape, consistency, separation, and the coder's level on the set nothing was trained on."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from trainsim.coding import code

DATA = Path(__file__).resolve().parents[1] / "data"
TRAINING = Path(__file__).resolve().parents[2] / "training" / "data"
COLUMNS = ["text", "prev_client_text", "question", "reflection", "behaviour"]
UNSEEN = DATA / "domain_codes_unseen.csv"
SETS = sorted([*TRAINING.glob("domain_turns*.csv"), *TRAINING.glob("boundary_turns_*.csv")])


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def test_there_are_several_training_sets() -> None:
    assert len(SETS) >= 3


@pytest.mark.parametrize("path", [*SETS, UNSEEN], ids=lambda p: p.name)
def test_domain_set_is_consistent(path: Path) -> None:
    rows = read(path)
    assert len(rows) >= 200
    assert len({r["text"] for r in rows}) == len(rows), "duplicate texts"
    for r in rows:
        where = (path.name, r["text"])
        assert r["question"] in {"none", "open", "closed"}, where
        assert r["reflection"] in {"none", "simple", "complex"}, where
        assert r["behaviour"] in {"question", "reflection", "therapist_input", "other"}, where
        # The AnnoMI scheme: a question turn asks, a reflection turn reflects,
        # and "other" does neither.
        if r["behaviour"] == "question":
            assert r["question"] != "none", where
        if r["behaviour"] == "reflection":
            assert r["reflection"] != "none", where
        if r["behaviour"] == "other":
            assert r["question"] == r["reflection"] == "none", where


def test_unseen_set_shares_no_turn_with_training_sets() -> None:
    unseen = {r["text"].lower() for r in read(UNSEEN)}
    for path in SETS:
        for r in read(path):
            # Only a stock phrase may recur ("Mm-hmm.", "Go on.").
            if r["text"].lower() in unseen:
                assert len(r["text"].split()) <= 3, (path.name, r["text"])


def kappa(gold: list[str], got: list[str]) -> float:
    """Cohen's kappa of two labellings of the same items."""
    n = len(gold)
    observed = sum(g == p for g, p in zip(gold, got, strict=True)) / n
    labels = set(gold) | set(got)
    expected = sum((gold.count(c) / n) * (got.count(c) / n) for c in labels)
    return (observed - expected) / (1 - expected)


def macro_f1(gold: list[str], got: list[str]) -> float:
    scores = []
    for c in sorted(set(gold)):
        tp = sum(g == c == p for g, p in zip(gold, got, strict=True))
        wrong = sum((g == c) != (p == c) for g, p in zip(gold, got, strict=True))
        scores.append(2 * tp / (2 * tp + wrong))
    return sum(scores) / len(scores)


def test_kappa_and_f1_helpers() -> None:
    assert kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert kappa(["a", "b", "a", "b"], ["a", "a", "b", "b"]) == 0.0
    assert macro_f1(["a", "b"], ["a", "a"]) == pytest.approx((2 / 3 + 0) / 2)


def test_coder_meets_the_targets_on_unseen_project_turns() -> None:
    # The targets for new transcripts; docs/coder.md reports the measured figures.
    rows = read(UNSEEN)
    got = [code(r["text"], r["prev_client_text"] or None, spans=False) for r in rows]
    present = [r["reflection"] != "none" for r in rows]
    assert kappa([r["question"] for r in rows], [c.question for c in got]) >= 0.75
    assert kappa([str(p) for p in present], [str(c.reflection != "none") for c in got]) >= 0.55
    assert macro_f1([r["behaviour"] for r in rows], [c.behaviour for c in got]) >= 0.74


def test_advice_and_minimising_in_the_hard_cases_are_not_reflections() -> None:
    # Training data, so this guards how training weighs it: with the 215 hard cases
    # weighted down like the newer project turns, "You need to tell him how you feel."
    # and 50 more like it came out as reflections again (51 of 89; now 3).
    rows = [
        r
        for r in read(TRAINING / "domain_turns.csv")
        if r["reflection"] == "none" and r["behaviour"] in {"therapist_input", "other"}
    ]
    got = [code(r["text"], r["prev_client_text"] or None, spans=False) for r in rows]
    reflections = sum(c.reflection != "none" for c in got)
    assert len(rows) >= 80
    assert reflections <= 0.15 * len(rows)


def test_advice_put_as_a_you_statement_is_mostly_not_a_reflection() -> None:
    # An 80-turn check set by a writer of its own: advice and minimising "you" statements
    # beside reflections of the client's own "should"s. It chose how much the boundary set
    # weighs, so it is a development set: 10 of 39 come out as reflections (16 without the
    # boundary set), and 30 of 31 reflections are found.
    rows = read(DATA / "directive_check.csv")
    got = [code(r["text"], r["prev_client_text"] or None, spans=False) for r in rows]
    directive = [
        c.reflection != "none"
        for r, c in zip(rows, got, strict=True)
        if r["behaviour"] in {"therapist_input", "other"} and r["reflection"] == "none"
    ]
    found = [
        c.reflection != "none"
        for r, c in zip(rows, got, strict=True)
        if r["behaviour"] == "reflection"
    ]
    assert len(directive) >= 30 and len(found) >= 25
    assert sum(directive) <= len(directive) / 3
    assert sum(found) >= 0.9 * len(found)
