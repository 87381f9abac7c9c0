"""The training script: accepts an AnnoMI-style path and writes a loadable, reproducible file.

Skipped where scikit-learn is not installed (it is only needed for training).
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

import pytest

pytest.importorskip("sklearn")
pytest.importorskip("numpy")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

import train_coder  # noqa: E402

from trainsim.coding import model  # noqa: E402
from trainsim.coding.features import extract  # noqa: E402

ROWS = [
    ("What brings you in today?", "", "question", "open", "none"),
    ("Did you tell anyone?", "It happened at a party.", "question", "closed", "none"),
    ("So you kept it to yourself.", "I never told anyone.", "reflection", "none", "simple"),
    ("Mm-hmm.", "And then he left.", "other", "none", "none"),
    (
        "Many people find it helps to write it down.",
        "I can't sleep.",
        "therapist_input",
        "none",
        "none",
    ),
    (
        "It sounds like part of you still blames yourself.",
        "Maybe it was my fault.",
        "reflection",
        "none",
        "complex",
    ),
]


def make_csv(path: Path, copies: int = 6) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "transcript_id",
                "utterance_id",
                "mi_quality",
                "topic",
                "prev_client_text",
                "text",
                "behaviour",
                "question",
                "reflection",
            ]
        )
        for i in range(copies):
            for j, (text, client, behaviour, question, reflection) in enumerate(ROWS):
                w.writerow([i, j, "high", "t", client, text, behaviour, question, reflection])
    return path


def test_train_writes_reproducible_loadable_weights(tmp_path: Path) -> None:
    data = make_csv(tmp_path / "annomi.csv")
    first, second = tmp_path / "a.bin.gz", tmp_path / "b.bin.gz"
    assert train_coder.main([str(data), "-o", str(first)]) == 0
    assert train_coder.main([str(data), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    m = model.from_bytes(gzip.decompress(first.read_bytes()))
    assert set(m.heads) == {"question", "reflection", "complex", "behaviour", *model.CUE_HEADS}
    q, _, b = model.decide(m, m.scores(extract("What brings you in today?")))
    assert (q, b) == ("open", "question")


def test_project_turns_weigh_per_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import coder_fit

    domain = coder_fit.read_domain_turns(
        (make_csv(tmp_path / "domain.csv", copies=1),), hard=(), boundary=()
    )
    assert domain and all(t.domain for t in domain)
    assert all(t.domain for t in coder_fit.typed(domain))
    annomi = coder_fit.read_turns(make_csv(tmp_path / "annomi.csv"))
    # The project's turns say the opposite of AnnoMI about one turn: the question head
    # learns it only when it gives them weight.
    flipped = [
        coder_fit.Turn(t.text, t.client, "closed", t.reflection, t.behaviour, t.group, domain=True)
        if t.text == "What brings you in today?"
        else t
        for t in domain * 20
    ]

    def question_of(weight: float) -> str:
        head = {**coder_fit.HEADS["question"], "domain": weight}
        monkeypatch.setitem(coder_fit.HEADS, "question", head)
        m = coder_fit.to_model(coder_fit.fit(annomi + flipped))
        h = m.heads["question"]
        s = m.scores(extract("What brings you in today?"))[h.start : h.start + len(h.classes)]
        return h.classes[s.index(max(s))]

    assert question_of(0.0) == "open"
    assert question_of(1.0) == "closed"
