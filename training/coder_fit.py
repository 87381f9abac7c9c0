"""Shared training code for the coder: reading labelled turns, fitting heads, exporting weights.

Used by ``train_coder.py`` (writes the shipped weights) and ``evaluate_coder.py``
(grouped cross-validation through the same pure-Python inference path).
Needs scikit-learn and numpy (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from trainsim.coding.features import extract  # noqa: E402
from trainsim.coding.model import Model, parse  # noqa: E402

DEFAULT_ANNOMI = ROOT.parent / "shared" / "data" / "annomi" / "therapist-utterances-dev.csv"
DOMAIN_TURNS = ROOT / "training" / "data" / "domain_turns.csv"
WEIGHTS = ROOT / "src" / "trainsim" / "coding" / "weights.json.gz"

# Regularisation (inverse strength) and class weighting per head. Chosen once on a small
# grid (C in 0.02, 0.05, 0.1, 0.2; balanced or not) by grouped 5-fold CV on the AnnoMI file.
HEADS = {
    "question": {"C": 0.05},
    "reflection": {"C": 0.1},
    "complex": {"C": 0.1},
    "behaviour": {"C": 0.05},
}
PRUNE = 0.01  # weights below this (for every class) are dropped from the shipped file
MIN_TURNS = 2  # features seen in fewer training turns are not used
DOMAIN_WEIGHT = 1.0


@dataclass(frozen=True)
class Turn:
    """One labelled clinician turn."""

    text: str
    client: str
    question: str
    reflection: str
    behaviour: str
    group: str
    weight: float = 1.0


def read_turns(path: Path, group_column: str | None = "transcript_id") -> list[Turn]:
    """Labelled turns from an AnnoMI-style CSV (text, prev_client_text, question, ...)."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [
        Turn(
            text=r["text"],
            client=r.get("prev_client_text") or "",
            question=r["question"],
            reflection=r["reflection"],
            behaviour=r["behaviour"],
            group=r[group_column] if group_column else f"domain-{i // 10}",
        )
        for i, r in enumerate(rows)
    ]


def read_domain_turns() -> list[Turn]:
    """The project's own labelled turns (sexual-scripts domain), if present."""
    if not DOMAIN_TURNS.exists():
        return []
    turns = read_turns(DOMAIN_TURNS, group_column=None)
    return [
        Turn(t.text, t.client, t.question, t.reflection, t.behaviour, t.group, DOMAIN_WEIGHT)
        for t in turns
    ]


def targets(turn: Turn) -> dict[str, str | None]:
    """Label of each head for one turn (None: the head does not train on it)."""
    present = "none" if turn.reflection == "none" else "yes"
    return {
        "question": turn.question,
        "reflection": present,
        "complex": None if present == "none" else turn.reflection,
        "behaviour": turn.behaviour,
    }


def fit(turns: list[Turn], feats: list[dict[str, float]] | None = None) -> dict:
    """Fit every head; return the weights document read by :func:`trainsim.coding.model.parse`."""
    if feats is None:
        feats = [extract(t.text, t.client) for t in turns]
    seen: dict[str, int] = {}
    for f in feats:
        for name in f:
            seen[name] = seen.get(name, 0) + 1
    feats = [{k: v for k, v in f.items() if seen[k] >= MIN_TURNS} for f in feats]
    vec = DictVectorizer()
    x_all = vec.fit_transform(feats)
    names = vec.get_feature_names_out().tolist()
    labels = [targets(t) for t in turns]
    weights = np.array([t.weight for t in turns])
    heads: dict[str, dict] = {}
    used: set[int] = set()
    raw: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}
    for head, params in HEADS.items():
        idx = [i for i, lab in enumerate(labels) if lab[head] is not None]
        y = np.array([labels[i][head] for i in idx])
        clf = LogisticRegression(C=params["C"], max_iter=5000, class_weight="balanced")
        clf.fit(x_all[idx], y, sample_weight=weights[idx])
        classes = clf.classes_.tolist()
        coef, bias = clf.coef_, clf.intercept_
        if len(classes) == 2:  # binary: softmax over [0, z] equals the sigmoid of z
            coef = np.vstack([np.zeros_like(coef[0]), coef[0]])
            bias = np.array([0.0, bias[0]])
        keep = np.where(np.abs(coef).max(axis=0) >= PRUNE)[0]
        used.update(keep.tolist())
        raw[head] = (classes, coef, bias)
        heads[head] = {"keep": keep}
    order = sorted(used)
    position = {j: k for k, j in enumerate(order)}
    doc_heads = {}
    for head, (classes, coef, bias) in raw.items():
        rows = {
            str(position[j]): [round(float(v), 4) for v in coef[:, j]] for j in heads[head]["keep"]
        }
        doc_heads[head] = {
            "classes": classes,
            "bias": [round(float(b), 4) for b in bias],
            "weights": rows,
        }
    return {
        "format": 1,
        "meta": {"heads": HEADS, "prune": PRUNE, "min_turns": MIN_TURNS, "turns": len(turns)},
        "features": [names[j] for j in order],
        "heads": doc_heads,
    }


def to_model(doc: dict) -> Model:
    """The in-memory model for a weights document (no file round trip)."""
    return parse(json.loads(json.dumps(doc)))


def write(doc: dict, path: Path = WEIGHTS) -> int:
    """Write the weights document gzip-compressed and reproducibly; return the size in bytes."""
    data = json.dumps(doc, separators=(",", ":"), sort_keys=True).encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return path.stat().st_size
