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

from trainsim.coding.coder import features_of  # noqa: E402
from trainsim.coding.cues import find_all  # noqa: E402
from trainsim.coding.model import CUE_HEADS, Model, parse, to_bytes  # noqa: E402
from trainsim.coding.text import fold  # noqa: E402

DEFAULT_ANNOMI = ROOT.parent / "shared" / "data" / "annomi" / "therapist-utterances-dev.csv"
HARD_TURNS = (ROOT / "training" / "data" / "domain_turns.csv",)
"""The project's first 215 turns labelled with the AnnoMI codes: the hard cases of the cue
sets (advice and minimising put as "you need to...", "at least..."), weighing 1 like AnnoMI."""
BOUNDARY_TURNS = tuple(sorted((ROOT / "training" / "data").glob("boundary_turns_*.csv")))
"""Turns written on one boundary, labelled with the AnnoMI codes: advice and minimising put as
"you" statements against reflections of the client's own "should"s. Weighted per head by the
head's ``"boundary"`` setting in :data:`HEADS`."""
DOMAIN_TURNS = tuple(sorted((ROOT / "training" / "data").glob("domain_turns_*.csv")))
"""The project's other turns labelled with the AnnoMI codes, weighted per head (``HEADS``).
tests/data/domain_codes_unseen.csv is never trained on: it measures those codes on
project-domain wording the coder has not seen."""
CUE_LABELS = (
    ROOT / "tests" / "data" / "coder_labels.csv",
    ROOT / "tests" / "data" / "coder_labels_holdout.csv",
    *sorted((ROOT / "training" / "data").glob("cue_turns_*.csv")),
)
"""Turns labelled with the first four cue codes (an older labelling guide).
tests/data/coder_labels_unseen.csv is never trained on."""
WRITER_SETS = tuple(sorted((ROOT / "training" / "data").glob("cue7_*.csv")))
"""Turns labelled with all seven cue codes from docs/coding-definitions.md, one file per
independent writer. tests/data/cue7_blind.csv, a fifth writer's set, is never trained on."""
WEIGHTS = ROOT / "src" / "trainsim" / "coding" / "weights.bin.gz"

# Regularisation (inverse strength) and class weighting per head. Chosen once on a small
# grid (C in 0.02, 0.05, 0.1, 0.2; balanced or not) by grouped 5-fold CV on the AnnoMI file.
# The cue heads' C was chosen by leaving each labelled source out in turn (C in 0.3, 1, 3, 10;
# with and without the cue-pattern features; balanced or not; 9 settings in all).
# "nb": fit the head as NBSVM-style one-vs-rest logistic regressions over features scaled by
# their naive-Bayes log-count ratio (Wang & Manning 2012); the scaling is folded into the
# exported weights, so inference is unchanged. It helps the question head (grouped CV kappa
# +0.009 over the plain multinomial head, stable for C in 0.025..0.1) but not the others.
# "domain": the weight of each of the project's turns in DOMAIN_TURNS in that head's
# regression; AnnoMI turns and HARD_TURNS weigh 1. (The question head's NB log-count ratios
# and the MIN_TURNS vocabulary count every turn once, whatever its weight.) Those 4,191 turns
# follow one labelling guide and help the question head on AnnoMI (grouped CV kappa on the
# balanced split 0.734 -> 0.747 at 0.4, flat from 0.3 to 0.6; over ten random deals of folds
# 0.732 -> 0.740), but their convention for short "That's ..." statements (other) differs
# from AnnoMI's (reflection or other, half each), so the other heads give them little weight:
# behaviour macro-F1 0.743 at 0.05, 0.740 at 0.1, 0.739 at 0.2, 0.728 with every head at 1
# (0.740 at 0.05 once HARD_TURNS weigh 1);
# the reflection head at 0.4 or 1 costs 0.004-0.006 more. Even at 0.05 they are coded better
# than by a coder trained without them (behaviour F1 0.816 -> 0.851, each file left out in
# turn). HARD_TURNS keeps weight 1: at 0.05 the coder read "You need to tell him how you
# feel." as a reflection again.
# "legacy": the weight of the turns in CUE_LABELS, labelled with an older guide whose
# validation took general "many people feel..." information as validation (the writers of
# WRITER_SETS, given docs/coding-definitions.md, call that psychoeducation). Chosen by leaving
# each writer's set out in turn (C in 0.3, 1, 3; legacy weight 0, 0.1, 0.3, 0.5, 1): at 0.1
# consent and advice gain 0.03-0.05 F1 over 0. Validation: F1 0.886 at 0, 0.846 at 0.03,
# 0.840 at 0.05, 0.821 at 0.1; but at 0 the head codes 38% of the older guide's validation
# in tests/data/coder_labels_unseen.csv (F1 0.55), at 0.05 F1 0.89: 0.05 keeps both.
# "boundary": the weight of BOUNDARY_TURNS (1 unless set): only the reflection heads learn from
# them. On an 80-turn check set (tests/data/directive_check.csv) advice and minimising read as
# reflections fall from 16 of 39 to 10, at a cost of 0.001 AnnoMI behaviour F1; weighting them
# for every head at 0.1, 0.3 or 1 gave 13, 11 and 5 of 39 at a cost of 0.002-0.007.
CUE_C = 1.0
LEGACY = 0.1
QUESTION_DOMAIN = 0.4
DOMAIN = 0.05
HEADS = {
    "question": {"C": 0.05, "nb": True, "domain": QUESTION_DOMAIN, "boundary": 0.0},
    "reflection": {"C": 0.1, "domain": DOMAIN},
    "complex": {"C": 0.1, "domain": DOMAIN},
    "behaviour": {"C": 0.05, "domain": DOMAIN, "boundary": 0.0},
    **{name: {"C": CUE_C, "legacy": LEGACY} for name in CUE_HEADS},
    "validation": {"C": CUE_C, "legacy": 0.05},
}
PRUNE = 0.01  # weights below this (for every class) are dropped from the shipped file
MIN_TURNS = 2  # features seen in fewer training turns are not used


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
    cues: tuple[bool | None, ...] | None = None
    """The cue codes in the order of ``CUE_HEADS``, for turns labelled with them (None: this
    code is not labelled in the turn's source)."""
    copy: bool = False
    """A typed copy of another turn (:func:`typed`): it adds no features of its own."""
    domain: bool = False
    """One of the project's turns in :data:`DOMAIN_TURNS`, weighted per head by the head's
    ``"domain"`` setting in :data:`HEADS`."""
    boundary: bool = False
    """One of the turns in :data:`BOUNDARY_TURNS`, weighted per head by the head's
    ``"boundary"`` setting in :data:`HEADS`."""
    legacy: bool = False
    """One of the turns in :data:`CUE_LABELS` (the older labelling guide), weighted per
    head by the head's ``"legacy"`` setting in :data:`HEADS`."""


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


def read_domain_turns(
    paths: tuple[Path, ...] = DOMAIN_TURNS,
    hard: tuple[Path, ...] = HARD_TURNS,
    boundary: tuple[Path, ...] = BOUNDARY_TURNS,
) -> list[Turn]:
    """The project's own turns labelled with the AnnoMI codes: ``hard`` (those present) as
    ordinary turns, ``paths`` marked :attr:`Turn.domain`, ``boundary`` marked
    :attr:`Turn.boundary`."""
    out: list[Turn] = []
    kinds = [
        *((h, {}) for h in hard if h.exists()),
        *((p, {"domain": True}) for p in paths),
        *((b, {"boundary": True}) for b in boundary),
    ]
    for path, kind in kinds:
        for t in read_turns(path, group_column=None):
            group = f"{path.stem}-{t.group}"
            out.append(Turn(t.text, t.client, t.question, t.reflection, t.behaviour, group, **kind))
    return out


def read_cue_turns(paths: tuple[Path, ...] = CUE_LABELS + WRITER_SETS) -> list[Turn]:
    """Turns labelled with some or all of the cue codes (0/1 columns; a code without a
    column is not labelled in that file)."""
    turns: list[Turn] = []
    for path in paths:
        with path.open(newline="", encoding="utf-8") as fh:
            for i, r in enumerate(csv.DictReader(fh)):
                cues = tuple(r[name] == "1" if name in r else None for name in CUE_HEADS)
                group = f"{path.stem}-{i // 8}"
                client = r.get("prev_client_text") or ""
                legacy = path in CUE_LABELS
                if legacy and cues[0] and _informs(r["text"]):
                    cues = (None, *cues[1:])  # see _informs
                turns.append(Turn(r["text"], client, "", "", "", group, cues=cues, legacy=legacy))
    return turns


def _informs(text: str) -> bool:
    """Whether a psychoeducation pattern fires in ``text``. The older guide had no
    psychoeducation code, so it labelled general information that normalises ("many
    people find...") as validation; the writers of :data:`WRITER_SETS` label it
    psychoeducation. The validation head does not learn from such older turns."""
    return "psychoeducation" in find_all(fold(text))


_TYPED_DROPS = str.maketrans("", "", "'\u2019?.!")


def typed(turns: list[Turn]) -> list[Turn]:
    """Copies of ``turns`` as a hurried typist might enter them: no apostrophes and no
    full stops or question marks ("is it ok if i ask about that"). Trainees type their
    responses, so the cue heads learn from both spellings. Each copy keeps its turn's
    group (so cross-validation by group never splits a turn from its copy)."""
    out = []
    for t in turns:
        text = t.text.translate(_TYPED_DROPS)
        if text != t.text:
            out.append(
                Turn(
                    text,
                    t.client,
                    t.question,
                    t.reflection,
                    t.behaviour,
                    t.group,
                    t.weight,
                    t.cues,
                    copy=True,
                    domain=t.domain,
                    boundary=t.boundary,
                    legacy=t.legacy,
                )
            )
    return out


def targets(turn: Turn) -> dict[str, str | None]:
    """Label of each head for one turn (None: the head does not train on it)."""
    out: dict[str, str | None] = dict.fromkeys(HEADS)
    if turn.question:
        present = "none" if turn.reflection == "none" else "yes"
        out.update(
            question=turn.question,
            reflection=present,
            complex=None if present == "none" else turn.reflection,
            behaviour=turn.behaviour,
        )
    if turn.cues is not None:
        cues = zip(CUE_HEADS, turn.cues, strict=True)
        out.update({name: None if on is None else "yes" if on else "no" for name, on in cues})
    return out


def fit(turns: list[Turn], feats: list[dict[str, float]] | None = None) -> dict:
    """Fit every head; return the weights document read by :func:`trainsim.coding.model.parse`."""
    if feats is None:
        feats = [features_of(t.text, t.client) for t in turns]
    seen: dict[str, int] = {}
    for turn, f in zip(turns, feats, strict=True):
        if not turn.copy:  # a copy would let every feature of its original count twice
            for name in f:
                seen[name] = seen.get(name, 0) + 1
    feats = [{k: v for k, v in f.items() if seen.get(k, 0) >= MIN_TURNS} for f in feats]
    vec = DictVectorizer()
    x_all = vec.fit_transform(feats)
    names = vec.get_feature_names_out().tolist()
    labels = [targets(t) for t in turns]
    weights = np.array([t.weight for t in turns])
    domain = np.array([t.domain for t in turns])
    boundary = np.array([t.boundary for t in turns])
    legacy = np.array([t.legacy for t in turns])
    heads: dict[str, dict] = {}
    used: set[int] = set()
    raw: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}
    for head, params in HEADS.items():
        idx = [i for i, lab in enumerate(labels) if lab[head] is not None]
        if not idx:
            continue
        y = np.array([labels[i][head] for i in idx])
        w = weights * np.where(domain, params.get("domain", 1.0), 1.0)
        w = w * np.where(boundary, params.get("boundary", 1.0), 1.0)
        w = (w * np.where(legacy, params.get("legacy", 1.0), 1.0))[idx]
        if params.get("nb"):
            classes, coef, bias = _fit_nb_ovr(x_all[idx], y, w, params["C"])
        else:
            clf = LogisticRegression(C=params["C"], max_iter=5000, class_weight="balanced")
            clf.fit(x_all[idx], y, sample_weight=w)
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
    """Write the weights gzip-compressed and reproducibly; return the size in bytes."""
    data = to_bytes(parse(doc))
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return path.stat().st_size


def _fit_nb_ovr(x, y: np.ndarray, w: np.ndarray, c: float) -> tuple[list, np.ndarray, np.ndarray]:
    """One-vs-rest logistic regressions over NB log-count-ratio scaled features (NBSVM).

    For each class, every feature is scaled by log(p(feature | class) / p(feature | rest))
    (presence counts, add-one smoothing); a balanced binary logistic regression is fitted on the
    scaled features and the scaling is folded back into its weights. The class scores are then
    used as one softmax head, like the multinomial heads.
    """
    classes = sorted(set(y.tolist()))
    present = (x > 0).astype(np.float64)
    coef = np.zeros((len(classes), x.shape[1]))
    bias = np.zeros(len(classes))
    for k, name in enumerate(classes):
        mask = y == name
        p = 1.0 + np.asarray(present[mask].sum(axis=0)).ravel()
        q = 1.0 + np.asarray(present[~mask].sum(axis=0)).ravel()
        r = np.log((p / p.sum()) / (q / q.sum()))
        clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        clf.fit(x.multiply(r[np.newaxis, :]).tocsr(), mask.astype(int), sample_weight=w)
        coef[k] = clf.coef_[0] * r
        bias[k] = clf.intercept_[0]
    return classes, coef, bias
