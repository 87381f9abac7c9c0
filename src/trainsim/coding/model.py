"""The shipped linear model: weights loaded once, scored in plain Python.

``weights.bin.gz`` holds one logistic-regression head per target,
all over the features of :mod:`trainsim.coding.features`:

* ``question``: none / open / closed
* ``reflection``: none / yes (a reflection is present)
* ``complex``: simple / complex (trained on reflections only)
* ``behaviour``: question / reflection / therapist_input / other
* ``validation``, ``consent_check``, ``advice``, ``judgment``, ``grounding``,
  ``psychoeducation``, ``summary``: no / yes (trained on the project's own labelled
  turns; the cue rules that fired are among the features)

The file is written by ``training/train_coder.py`` (see :func:`to_bytes` for its layout).
"""

from __future__ import annotations

import gzip
import json
import math
import struct
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from trainsim.coding.codes import CUE_FIELDS
from trainsim.coding.memo import Memo

WEIGHTS_FILE = "weights.bin.gz"
MAGIC = b"trainsim-coder-weights 2"
CUE_HEADS = CUE_FIELDS


@dataclass(frozen=True)
class Head:
    """One linear classifier's classes and their slice of the shared score vector."""

    classes: tuple[str, ...]
    start: int


SCALE = 10_000
"""Weights are stored rounded to 4 decimals, so ``weight * SCALE`` is an exact integer."""
LANE = 64
"""Bits per class in a packed row: one unsigned 64-bit integer, so rows pack in C."""
OFFSET = 1 << 31
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
    _floats: dict[str, tuple[float, ...]] = field(default_factory=dict, repr=False)
    _evidence: dict[str, Memo[float]] = field(default_factory=dict, repr=False)

    @cached_property
    def _lanes(self) -> struct.Struct:
        """Reads a packed sum's lanes as unsigned 64-bit integers."""
        return struct.Struct(f"<{self.width}Q")

    @property
    def width(self) -> int:
        """Number of classes over all heads (lanes per row)."""
        return len(self.bias)

    def row(self, name: str) -> tuple[float, ...] | None:
        """One feature's weights as floats, or None if the model does not use it."""
        weights = self._floats.get(name)
        if weights is None:
            packed = self.rows.get(name)
            if packed is None:
                return None
            weights = tuple(
                (((packed >> (LANE * i)) & _MASK) - OFFSET) / SCALE for i in range(self.width)
            )
            if len(self._floats) < 1024:  # only a few features take values other than 1
                self._floats[name] = weights
        return weights

    def evidence(self, head: str, names: list[str]) -> float:
        """For a yes/no head: the summed weight of ``names`` towards "yes"."""
        table = self._evidence.get(head)
        if table is None:
            h = self.heads[head]
            yes = LANE * (h.start + h.classes.index("yes"))
            no = LANE * (h.start + h.classes.index("no"))

            def towards_yes(name: str) -> float:
                packed = self.rows.get(name, 0)
                return (((packed >> yes) & _MASK) - ((packed >> no) & _MASK)) / SCALE

            table = self._evidence[head] = Memo(towards_yes)
        return sum(map(table.__getitem__, names))

    def scores(self, features: dict[str, float], *, binary: bool = False) -> list[float]:
        """Raw linear scores of every class of every head (``binary``: the caller
        vouches that every feature's value is 1, which skips checking)."""
        found = list(filter(None, map(self.rows.get, features)))  # packed rows are never 0
        base = len(found) * OFFSET
        lanes = self._lanes.unpack(sum(found).to_bytes(self._lanes.size, "little"))
        out = [b + (lane - base) / SCALE for b, lane in zip(self.bias, lanes, strict=True)]
        if not binary and set(features.values()) - {1.0}:
            # The packed sum counted each feature once; add the rest of value * weight.
            for name, value in features.items():
                weights = None if value == 1.0 else self.row(name)
                if weights is not None:
                    for i, w in enumerate(weights):
                        out[i] += (value - 1.0) * w
        return out


def pack(weights: list[float]) -> int:
    """One feature's weights (at most 4 decimals each) as a packed integer row."""
    lanes = [round(w * SCALE) + OFFSET for w in weights]
    if any(not 0 <= lane < 2 * OFFSET for lane in lanes):
        raise ValueError(f"a weight in {weights} is out of the packable range")
    return int.from_bytes(struct.pack(f"<{len(lanes)}Q", *lanes), "little")


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
            row = rows.get(features[int(i)])
            if row is None:
                row = rows[features[int(i)]] = [0.0] * width
            row[start : start + k] = weights
    packed = {name: pack(row) for name, row in rows.items()}
    return Model(heads, tuple(bias), packed, data.get("meta", {}), _combinations(heads))


def _combinations(heads: dict[str, Head]) -> tuple[tuple[int, int, int, str, str, str], ...]:
    if not {"question", "reflection", "behaviour"} <= heads.keys():
        return ()  # a cue-only model (used when evaluating the cue heads)
    q, r, b = heads["question"], heads["reflection"], heads["behaviour"]
    return tuple(
        (q.start + qi, r.start + ri, b.start + bi, qname, rname, bname)
        for bi, bname in enumerate(b.classes)
        for qi, qname in enumerate(q.classes)
        if not (bname == "question" and qname == "none")
        and not (bname == "other" and qname != "none")
        for ri, rname in enumerate(r.classes)
        if not (bname == "reflection" and rname == "none")
        and not (bname == "other" and rname != "none")
    )


def to_bytes(model: Model) -> bytes:
    """The model as the shipped file's (uncompressed) bytes.

    Layout: a magic line; one line of JSON (heads and their classes, bias, meta,
    number of features); one line per feature name, sorted; then every feature's
    packed row as ``width`` little-endian unsigned 64-bit lanes, in name order.
    Reading it back is one slice and ``int.from_bytes`` per feature.
    """
    names = sorted(model.rows)
    header = {
        "heads": [
            [name, list(h.classes)]
            for name, h in sorted(model.heads.items(), key=lambda item: item[1].start)
        ],
        "bias": list(model.bias),
        "meta": model.meta,
        "features": len(names),
        "scale": SCALE,
        "offset": OFFSET,
    }
    width = model.width * LANE // 8
    parts = [MAGIC, json.dumps(header, sort_keys=True).encode("utf-8"), *map(str.encode, names)]
    rows = b"".join(model.rows[n].to_bytes(width, "little") for n in names)
    return b"\n".join(parts) + b"\n" + rows


def from_bytes(data: bytes) -> Model:
    """Read what :func:`to_bytes` wrote."""
    magic, header_line, rest = data.split(b"\n", 2)
    if magic != MAGIC:
        raise ValueError("not a trainsim coder weights file (or an unknown version)")
    header = json.loads(header_line)
    if header["scale"] != SCALE or header["offset"] != OFFSET:
        raise ValueError("weights written with a different packing")
    n = header["features"]
    *names, rows = rest.split(b"\n", n)
    heads: dict[str, Head] = {}
    start = 0
    for name, classes in header["heads"]:  # in lane order
        heads[name] = Head(tuple(classes), start)
        start += len(classes)
    width = start * LANE // 8
    if len(rows) != n * width:
        raise ValueError("weights file is truncated")
    view = memoryview(rows)
    packed = {
        name.decode("utf-8"): int.from_bytes(view[i * width : (i + 1) * width], "little")
        for i, name in enumerate(names)
    }
    return Model(heads, tuple(header["bias"]), packed, header["meta"], _combinations(heads))


@lru_cache(maxsize=1)
def load() -> Model:
    """The packaged model, read once."""
    raw = resources.files("trainsim.coding").joinpath(WEIGHTS_FILE).read_bytes()
    return from_bytes(gzip.decompress(raw))


def decide(model: Model, scores: list[float]) -> tuple[str, str, str]:
    """Most probable consistent (question, reflection, behaviour), from a turn's
    :meth:`Model.scores`.

    Behaviour "question" requires an open or closed question, behaviour
    "reflection" requires a reflection and behaviour "other" allows neither (as
    in every AnnoMI utterance coded "other"); among consistent combinations the
    one with the highest summed log-probability wins. Each head's normaliser is
    the same for every combination, so comparing summed raw scores picks the same one.
    """
    s = scores
    totals = [s[q] + s[r] + s[b] for q, r, b, *_ in model.combinations]
    _, _, _, question, present, behaviour = model.combinations[totals.index(max(totals))]
    if present == "none":
        return question, "none", behaviour
    h = model.heads["complex"]
    own = s[h.start : h.start + len(h.classes)]
    return question, h.classes[own.index(max(own))], behaviour


def cue_margins(model: Model, scores: list[float]) -> dict[str, float]:
    """Log-odds of each cue head the model has (positive: the code is present)."""
    out: dict[str, float] = {}
    for name in CUE_HEADS:
        head = model.heads.get(name)
        if head is not None:
            yes = head.classes.index("yes")
            out[name] = scores[head.start + yes] - scores[head.start + 1 - yes]
    return out


def sigmoid(z: float) -> float:
    """The logistic function, safe for any margin."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _softmax(own: list[float]) -> list[float]:
    top = max(own)
    exps = [math.exp(v - top) for v in own]
    total = sum(exps)
    return [e / total for e in exps]


def probabilities(model: Model, scores: list[float], question: str) -> dict[str, float]:
    """Probabilities of the question and reflection codes from their heads: open and
    closed question, a reflection present, and two or more questions (taken as the
    probability that the turn asks a question of the kind decided)."""
    out: dict[str, float] = {}
    q = model.heads.get("question")
    if q is not None:
        probs = dict(zip(q.classes, _softmax(scores[q.start : q.start + len(q.classes)]),
                         strict=True))
        out["open_question"] = probs.get("open", 0.0)
        out["closed_question"] = probs.get("closed", 0.0)
        out["stacked_questions"] = probs.get(question, 0.0) if question != "none" else 0.0
    r = model.heads.get("reflection")
    if r is not None:
        probs = dict(zip(r.classes, _softmax(scores[r.start : r.start + len(r.classes)]),
                         strict=True))
        out["reflection"] = probs.get("yes", 0.0)
    return out
