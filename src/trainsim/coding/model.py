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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

WEIGHTS_FILE = "weights.json.gz"


@dataclass(frozen=True)
class Head:
    """One linear classifier's classes and their slice of the shared score vector."""

    classes: tuple[str, ...]
    start: int


SCALE = 10_000
"""Weights are stored rounded to 4 decimals, so ``weight * SCALE`` is an exact integer."""
LANE = 40
"""Bits per class in a packed row (room for 2**19 summed rows of offset weights)."""
OFFSET = 1 << 20
"""Added to every scaled weight so that each lane stays non-negative."""
_MASK = (1 << LANE) - 1


@dataclass(frozen=True)
class Model:
    """All heads of the shipped model, their weights packed into one integer per feature.

    A feature's row holds the weights of every class of every head side by side,
    each scaled to an exact integer, offset to be non-negative and given its own
    :data:`LANE`-bit lane of one Python int. Scoring a turn is then one dictionary
    look-up per feature and one C-level ``sum`` of ints, which is several times
    faster than adding float vectors in Python and gives the same numbers.
    """

    heads: dict[str, Head]
    bias: tuple[float, ...]
    rows: dict[str, int]
    meta: dict[str, object]
    combinations: tuple[tuple[int, int, int, str, str, str], ...] = ()
    """Score positions and names of every consistent (question, reflection, behaviour)."""

    @property
    def width(self) -> int:
        """Number of classes over all heads (lanes per row)."""
        return len(self.bias)

    def row(self, name: str) -> tuple[float, ...] | None:
        """One feature's weights as floats, or None if the model does not use it."""
        packed = self.rows.get(name)
        if packed is None:
            return None
        return tuple(
            (((packed >> (LANE * i)) & _MASK) - OFFSET) / SCALE for i in range(self.width)
        )

    def scores(self, features: dict[str, float]) -> list[float]:
        """Raw linear scores of every class of every head."""
        rows = self.rows
        found = list(filter(None, map(rows.get, features)))  # packed rows are never 0
        total = sum(found)
        count = len(found)
        extra = [0.0] * self.width
        for name, value in [(k, v) for k, v in features.items() if v != 1.0]:
            weights = self.row(name)
            if weights is None:
                continue
            total -= rows[name]
            count -= 1
            for i, w in enumerate(weights):
                extra[i] += value * w
        base = count * OFFSET
        return [
            b + x + (((total >> (LANE * i)) & _MASK) - base) / SCALE
            for i, (b, x) in enumerate(zip(self.bias, extra, strict=True))
        ]


def pack(weights: list[float]) -> int:
    """One feature's weights (at most 4 decimals each) as a packed integer row."""
    packed = 0
    for i, w in enumerate(weights):
        lane = round(w * SCALE) + OFFSET
        if not 0 <= lane < 2 * OFFSET:
            raise ValueError(f"weight {w} is out of the packable range")
        packed |= lane << (LANE * i)
    return packed


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
    packed = {name: pack(row) for name, row in rows.items()}
    return Model(heads, tuple(bias), packed, data.get("meta", {}), _combinations(heads))


def _combinations(heads: dict[str, Head]) -> tuple[tuple[int, int, int, str, str, str], ...]:
    q, r, b = heads["question"], heads["reflection"], heads["behaviour"]
    return tuple(
        (q.start + qi, r.start + ri, b.start + bi, qname, rname, bname)
        for bi, bname in enumerate(b.classes)
        for qi, qname in enumerate(q.classes)
        if not (bname == "question" and qname == "none")
        for ri, rname in enumerate(r.classes)
        if not (bname == "reflection" and rname == "none")
    )


@lru_cache(maxsize=1)
def load() -> Model:
    """The packaged model, read once."""
    raw = resources.files("trainsim.coding").joinpath(WEIGHTS_FILE).read_bytes()
    return parse(json.loads(gzip.decompress(raw).decode("utf-8")))


def decide(model: Model, features: dict[str, float]) -> tuple[str, str, str]:
    """Most probable consistent (question, reflection, behaviour) for one turn.

    Behaviour "question" requires an open or closed question and behaviour
    "reflection" requires a reflection; among consistent combinations the one
    with the highest summed log-probability wins. Each head's normaliser is the
    same for every combination, so comparing summed raw scores picks the same one.
    """
    s = model.scores(features)
    _, _, _, question, present, behaviour = max(
        model.combinations, key=lambda c: s[c[0]] + s[c[1]] + s[c[2]]
    )
    if present == "none":
        return question, "none", behaviour
    h = model.heads["complex"]
    own = s[h.start : h.start + len(h.classes)]
    return question, h.classes[own.index(max(own))], behaviour
