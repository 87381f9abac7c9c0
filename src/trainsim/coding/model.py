"""The shipped linear model: weights loaded once, scored in plain Python.

``weights.json.gz`` holds one multinomial logistic-regression head per target,
all over the features of :mod:`trainsim.coding.features`:

* ``question``: none / open / closed
* ``reflection``: none / yes (a reflection is present)
* ``complex``: simple / complex (trained on reflections only)
* ``behaviour``: question / reflection / therapist_input / other

The file is written by ``training/train_coder.py``.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

WEIGHTS_FILE = "weights.json.gz"


@dataclass(frozen=True)
class Head:
    """One linear classifier's classes and their slice of the shared score vector."""

    classes: tuple[str, ...]
    start: int


@dataclass(frozen=True)
class Model:
    """All heads of the shipped model, their weights merged into one row per feature.

    A feature's row holds the weights of every class of every head side by side,
    so one dictionary look-up per feature scores all heads at once.
    """

    heads: dict[str, Head]
    bias: tuple[float, ...]
    rows: dict[str, tuple[float, ...]]
    meta: dict[str, object]

    def scores(self, features: dict[str, float]) -> list[float]:
        """Raw linear scores of every class of every head."""
        get = self.rows.get
        picked: list[tuple[float, ...]] = [self.bias]
        for name, value in features.items():
            row = get(name)
            if row is not None:
                picked.append(row if value == 1.0 else tuple(w * value for w in row))
        return [sum(column) for column in zip(*picked, strict=True)]

    def log_proba(self, scores: list[float], head: str) -> dict[str, float]:
        """Log-probability of each class of one head, from :meth:`scores`."""
        h = self.heads[head]
        own = scores[h.start : h.start + len(h.classes)]
        top = max(own)
        log_z = top + math.log(sum(math.exp(s - top) for s in own))
        return {c: s - log_z for c, s in zip(h.classes, own, strict=True)}


def parse(data: dict) -> Model:
    """Build a :class:`Model` from the decoded JSON document."""
    features: list[str] = data["features"]
    heads: dict[str, Head] = {}
    bias: list[float] = []
    width = sum(len(h["classes"]) for h in data["heads"].values())
    rows: dict[str, list[float]] = {}
    for name, head in data["heads"].items():
        start = len(bias)
        k = len(head["classes"])
        heads[name] = Head(tuple(head["classes"]), start)
        bias.extend(head["bias"])
        for i, weights in head["weights"].items():
            row = rows.setdefault(features[int(i)], [0.0] * width)
            row[start : start + k] = weights
    frozen = {name: tuple(row) for name, row in rows.items()}
    return Model(heads, tuple(bias), frozen, data.get("meta", {}))


@lru_cache(maxsize=1)
def load() -> Model:
    """The packaged model, read once."""
    raw = resources.files("trainsim.coding").joinpath(WEIGHTS_FILE).read_bytes()
    return parse(json.loads(gzip.decompress(raw).decode("utf-8")))


def decide(model: Model, features: dict[str, float]) -> tuple[str, str, str]:
    """Most probable consistent (question, reflection, behaviour) for one turn.

    Behaviour "question" requires an open or closed question and behaviour
    "reflection" requires a reflection; among consistent combinations the one
    with the highest summed log-probability wins.
    """
    scores = model.scores(features)
    q = model.log_proba(scores, "question")
    r = model.log_proba(scores, "reflection")
    b = model.log_proba(scores, "behaviour")
    best: tuple[float, str, str, str] | None = None
    for bname, bscore in b.items():
        for qname, qscore in q.items():
            if bname == "question" and qname == "none":
                continue
            for rname, rscore in r.items():
                if bname == "reflection" and rname == "none":
                    continue
                total = bscore + qscore + rscore
                if best is None or total > best[0]:
                    best = (total, qname, rname, bname)
    assert best is not None
    _, question, present, behaviour = best
    if present == "none":
        return question, "none", behaviour
    c = model.log_proba(scores, "complex")
    return question, max(c, key=c.__getitem__), behaviour
