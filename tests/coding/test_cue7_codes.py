"""Hard cases for the codes of docs/coding-definitions.md, with negative controls; the safety
rule; confidence in the coder's output and in ``trainsim code``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from trainsim.coding import code
from trainsim.coding.codes import UNSURE_BELOW
from trainsim.reports.debrief import UNSURE_NOTE

POSITIVE = [
    ("Why would you send him those photos?", "judgment"),
    ("Why did you go back to his flat after that?", "judgment"),
    ("You're being a bit dramatic about this.", "judgment"),
    ("Oh great, that went well then.", "judgment"),
    ("Porn is not healthy for a relationship.", "judgment"),
    ("At least he did not hurt you.", "judgment"),
    ("Don't be embarrassed, everyone does it.", "judgment"),
    ("I'm sure it'll all work out fine.", "judgment"),
    ("Let's take a slow breath together and feel your feet on the floor.", "grounding"),
    ("Can you look around the room with me and name three things you can see?", "grounding"),
    ("Many people find desire is responsive: it builds once closeness has started.",
     "psychoeducation"),
    ("Freezing is one of the body's automatic survival responses, and many people feel "
     "confused by it afterwards.", "psychoeducation"),
    ("So far you've told me about the new job, the move, and your mum's illness. Have I got "
     "that right?", "summary"),
    ("Thank you for trusting me with this.", "validation"),
    ("That must have been a frightening night.", "validation"),
    ("Would it be okay if I asked about that time?", "consent_check"),
    ("You should just tell him how you feel.", "advice"),
]

NEGATIVE = [
    # A reflection of the client's own self-blame or "should" is not judgment.
    ("Part of you believes you should have left sooner.", "judgment"),
    ("You're asking yourself why you went back.", "judgment"),
    ("You're not weak for freezing.", "judgment"),
    # Why-questions that explore rather than blame.
    ("Why do you think that is?", "judgment"),
    # Exploring what the client wants is not advice.
    ("Have you thought about what you'd want to say to him?", "advice"),
    # "Calm down" is not grounding; advice for later is not grounding either.
    ("Calm down, it's not a big deal.", "grounding"),
    # A reflection of the last line alone is not a summary.
    ("You felt alone after the party.", "summary"),
    # Fillers never carry a learned code.
    ("ok", "judgment"),
    ("Mm.", "validation"),
]


@pytest.mark.parametrize(("text", "name"), POSITIVE)
def test_hard_positive_cases(text: str, name: str) -> None:
    c = code(text)
    assert getattr(c, name) is True, c.labels()
    assert c.spans[name], "every positive code shows the words behind it"
    assert c.confidence[name] >= 0.5


@pytest.mark.parametrize(("text", "name"), NEGATIVE)
def test_negative_controls(text: str, name: str) -> None:
    assert getattr(code(text), name) is False


@pytest.mark.parametrize("text", [
    "That makes sense, but honestly you're being a bit dramatic.",
    "I can hear how hard that was. Still, you did drop that news on her out of nowhere.",
    "It's understandable you're upset, but at least nobody else saw.",
])
def test_safety_rule_judgment_is_never_validation(text: str) -> None:
    c = code(text)
    assert c.judgment and not c.validation
    assert "validation" not in c.spans
    assert c.confidence["validation"] < 0.5


def test_a_label_of_the_client_vetoes_validation() -> None:
    c = code("That makes total sense, you're just naive about men.")
    assert c.judgment and not c.validation


def test_confidence_covers_every_code_and_unsure_marks_the_weak_ones() -> None:
    c = code("You are being dramatic.")
    assert set(c.confidence) >= {"validation", "judgment", "grounding", "summary",
                                 "open_question", "reflection"}
    assert all(0.0 <= p <= 1.0 for p in c.confidence.values())
    assert c.unsure() == [n for n in c.labels() if c.confidence[n] < UNSURE_BELOW]
    sure = c.confident(0.99)
    assert set(sure.labels()) <= set(c.labels())
    assert all(c.confidence[n] >= 0.99 for n in sure.labels())
    assert f"{UNSURE_BELOW:.0%}" in UNSURE_NOTE


def _run(args: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "trainsim", "code", *args], input=stdin,
                          capture_output=True, text=True, timeout=60)


def test_cli_confidence_columns_and_min_confidence(tmp_path) -> None:
    path = tmp_path / "turns.csv"
    path.write_text("text\nWhy would you send him those photos?\nYou are being dramatic.\n",
                    encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(_run([str(path)], "").stdout)))
    assert rows[0]["code_judgment"] == "1" and float(rows[0]["conf_judgment"]) >= 0.5
    assert {"code_grounding", "code_psychoeducation", "code_summary", "conf_summary"} <= set(
        rows[0])
    weak = float(rows[1]["conf_judgment"])
    strict = list(csv.DictReader(io.StringIO(
        _run([str(path), "--min-confidence", f"{min(weak + 0.01, 1):.2f}"], "").stdout)))
    assert strict[1]["code_judgment"] == "0"
    assert strict[0]["code_judgment"] == ("1" if float(rows[0]["conf_judgment"]) >= weak + 0.01
                                          else "0")
    line = json.loads(_run(["-", "--min-confidence", "0.5"], "Why did you go back?\n").stdout)
    assert "judgment" in line["labels"] and line["confidence"]["judgment"] >= 0.5
    bad = _run(["-", "--min-confidence", "1.5"], "")
    assert bad.returncode == 2 and "between 0 and 1" in bad.stderr and "Traceback" not in bad.stderr
