"""PatternSet: the start-letter index must find exactly what trying every pattern finds."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from trainsim.coding import cues
from trainsim.coding.coder import SCAN
from trainsim.coding.features import lexicon
from trainsim.coding.patterns import PatternSet, keys_of, long_keys_of, loose
from trainsim.coding.text import fold

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("source", "long", "short"),
    [
        (r"\byou (?:really )?(?:should|must)\b", {"you sh", "you mu", "you re"}, {"you"}),
        (r"\b(?:is|would) it okay", {"is it ", "would "}, {"is", "wou"}),
        (r"\bat least\b", {"at lea"}, {"at"}),
        (r"\bgo\w*", None, None),  # the word may go on: no whole-word key
        (r"\"[^\"]*\"", None, None),  # not at a word start
        (r"\b(?:'d like)\b", None, None),  # starts with an apostrophe
    ],
)
def test_keys_read_from_the_parsed_pattern(source: str, long: set | None, short: set | None):
    assert long_keys_of(source) == long
    assert keys_of(source) == short


def test_short_key_must_be_the_whole_word() -> None:
    patterns = PatternSet({"is": [r"\bis\b"], "it": [r"\b(?:is|was) it\b"]})
    assert patterns.spans("this isn't it") == {}
    assert patterns.spans("so is it true?") == {"is": [(3, 5)], "it": [(3, 8)]}


def _brute_force(patterns: PatternSet, text: str) -> dict[str, list[tuple[int, int]]]:
    """Every pattern tried at every word boundary (and searched, if not anchored there)."""
    found: dict[str, set[tuple[int, int]]] = {}
    for name, pattern in patterns.parts:
        for boundary in re.finditer(r"\b", text):
            m = pattern.match(text, boundary.start())
            if m:
                found.setdefault(name, set()).add(m.span())
        if not pattern.pattern.startswith("\\b"):
            for m in pattern.finditer(text):
                found.setdefault(name, set()).add(m.span())
    return {name: sorted(spans) for name, spans in found.items()}


def _texts() -> list[str]:
    with (DATA / "coder_labels.csv").open(newline="", encoding="utf-8") as fh:
        return [r["text"] for r in csv.DictReader(fh)]


def test_index_finds_what_brute_force_finds() -> None:
    for text in _texts():
        t = fold(text)
        got = {name: sorted(set(spans)) for name, spans in SCAN.spans(t).items()}
        assert got == _brute_force(SCAN, t), text


def test_one_scan_finds_what_the_cue_and_lexicon_sets_find_apart() -> None:
    for text in _texts():
        t = fold(text)
        apart = {**cues.patterns().spans(t), **lexicon().spans(t)}
        assert SCAN.spans(t) == apart, text


def test_only_unreadable_patterns_are_searched_everywhere() -> None:
    assert len(SCAN.unindexed) <= 2


def test_loose_patterns_accept_a_missing_apostrophe() -> None:
    patterns = PatternSet({"advice": [loose(r"\bwhy don't you\b")]})
    assert patterns.spans("why dont you call her") == {"advice": [(0, 12)]}
    assert patterns.spans("why don't you call her") == {"advice": [(0, 13)]}
    assert keys_of(loose(r"\bdon't\b")) == {"don"}
