"""Regenerate the accuracy figures in docs/coder.md.

    python training/evaluate_coder.py [ANNOMI_CSV] [--folds 5] [--repeats 10] [--write]

* AnnoMI: grouped K-fold cross-validation by ``transcript_id``. Each fold is
  trained with the same code as the shipped weights and scored through the
  same pure-Python inference path (``trainsim.coding.model.decide``), so the
  figures describe what ships.
* Cue codes (validation, consent_check, advice, judgment): the cue heads,
  trained with each labelled source left out in turn and scored on it; then the
  shipped coder, and the cue patterns alone, on
  ``tests/data/coder_labels_unseen.csv``, which no training or rule-writing saw.
* Project turns: the shipped coder's question, reflection and behaviour codes on
  ``tests/data/domain_codes_unseen.csv``, which no training saw.

With ``--write`` the block between the figure markers in docs/coder.md is replaced.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
from coder_fit import (
    DEFAULT_ANNOMI,
    ROOT,
    Turn,
    fit,
    read_cue_turns,
    read_domain_turns,
    read_turns,
    to_model,
    typed,
)
from sklearn.metrics import cohen_kappa_score, confusion_matrix, f1_score
from sklearn.model_selection import GroupKFold

from trainsim.coding import code, cues
from trainsim.coding.coder import decide_cues, features_of, scan
from trainsim.coding.model import CUE_HEADS, decide
from trainsim.coding.text import fold

DOC = ROOT / "docs" / "coder.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
UNSEEN = ROOT / "tests" / "data" / "coder_labels_unseen.csv"
UNSEEN_CODES = ROOT / "tests" / "data" / "domain_codes_unseen.csv"
REFERENCE = {
    "question": "human experts kappa 0.73; target >= 0.75",
    "reflection present": "human experts kappa 0.79; target >= 0.55",
    "behaviour": "RoBERTa (Hossain et al. 2024) F1 0.83; target macro-F1 >= 0.74",
}


def predict(
    turns: list[Turn], feats: list[dict], extra: list[Turn], extra_feats: list[dict], splits
) -> dict[str, list[str]]:
    """Question, reflection and behaviour of every turn, each predicted by a model trained on
    the other folds of ``splits`` (pairs of train and test indices) plus ``extra``."""
    pred: dict[str, list[str]] = {"question": [""] * len(turns), "reflection": [""] * len(turns)}
    pred["behaviour"] = [""] * len(turns)
    for train_idx, test_idx in splits:
        train = [turns[i] for i in train_idx] + extra
        model = to_model(fit(train, [feats[i] for i in train_idx] + extra_feats))
        for i in test_idx:
            q, r, b = decide(model, model.scores(feats[i]))
            pred["question"][i], pred["reflection"][i], pred["behaviour"][i] = q, r, b
    return pred


def shuffled_splits(groups: np.ndarray, folds: int, seed: int) -> list[tuple[list, list]]:
    """``folds`` train/test splits with whole groups dealt to folds in a random order."""
    order = np.random.default_rng(seed).permutation(sorted(set(groups.tolist())))
    fold_of = {g: k % folds for k, g in enumerate(order.tolist())}
    of = [fold_of[g] for g in groups.tolist()]
    return [
        ([i for i, f in enumerate(of) if f != k], [i for i, f in enumerate(of) if f == k])
        for k in range(folds)
    ]


def annomi_cv(path: Path, folds: int, repeats: int = 0) -> list[str]:
    """Grouped cross-validation figures as Markdown lines (with ``repeats``, also the spread
    over that many random deals of transcripts to folds)."""
    turns = read_turns(path)
    extra = read_domain_turns()
    feats = [features_of(t.text, t.client) for t in turns]
    extra_feats = [features_of(t.text, t.client) for t in extra]
    groups = np.array([t.group for t in turns])
    splits = list(GroupKFold(folds).split(feats, groups=groups))
    pred = predict(turns, feats, extra, extra_feats, splits)
    gold = {
        "question": [t.question for t in turns],
        "reflection present": ["no" if t.reflection == "none" else "yes" for t in turns],
        "behaviour": [t.behaviour for t in turns],
        "reflection (3 classes)": [t.reflection for t in turns],
    }
    guess = {
        "question": pred["question"],
        "reflection present": ["no" if r == "none" else "yes" for r in pred["reflection"]],
        "behaviour": pred["behaviour"],
        "reflection (3 classes)": pred["reflection"],
    }
    lines = [
        f"AnnoMI dev file: {len(turns)} utterances, {len(set(groups))} transcripts, "
        f"{folds}-fold GroupKFold by transcript_id"
        + (f"; every training fold also adds the {len(extra)} project turns." if extra else "."),
        "",
        "| target | Cohen's kappa | macro-F1 | reference |",
        "| --- | --- | --- | --- |",
    ]
    for name in gold:
        k = cohen_kappa_score(gold[name], guess[name])
        f = f1_score(gold[name], guess[name], average="macro")
        lines.append(f"| {name} | {k:.3f} | {f:.3f} | {REFERENCE.get(name, '')} |")
    if repeats:
        lines += ["", *repeated_cv(turns, feats, extra, extra_feats, folds, repeats, gold)]
    for name in ("question", "reflection present", "behaviour", "reflection (3 classes)"):
        classes = sorted(set(gold[name]))
        m = confusion_matrix(gold[name], guess[name], labels=classes)
        f1s = f1_score(gold[name], guess[name], labels=classes, average=None)
        lines += ["", f"Confusion matrix, {name} (rows: gold, columns: predicted):", ""]
        lines.append("| gold \\ predicted | " + " | ".join(classes) + " | F1 |")
        lines.append("| --- " * (len(classes) + 2) + "|")
        for c, row, f in zip(classes, m, f1s, strict=True):
            lines.append(f"| {c} | " + " | ".join(str(v) for v in row) + f" | {f:.2f} |")
    return lines


def repeated_cv(
    turns: list[Turn],
    feats: list[dict],
    extra: list[Turn],
    extra_feats: list[dict],
    folds: int,
    repeats: int,
    gold: dict[str, list[str]],
) -> list[str]:
    """The three targets over ``repeats`` random deals of transcripts to folds."""
    scores: dict[str, list[float]] = {"question": [], "reflection present": [], "behaviour": []}
    groups = np.array([t.group for t in turns])
    for seed in range(repeats):
        pred = predict(turns, feats, extra, extra_feats, shuffled_splits(groups, folds, seed))
        present = ["no" if r == "none" else "yes" for r in pred["reflection"]]
        scores["question"].append(cohen_kappa_score(gold["question"], pred["question"]))
        scores["reflection present"].append(cohen_kappa_score(gold["reflection present"], present))
        scores["behaviour"].append(f1_score(gold["behaviour"], pred["behaviour"], average="macro"))
    lines = [
        f"The same over {repeats} random deals of the transcripts to {folds} folds (seeds 0 to "
        f"{repeats - 1}; the split above balances fold sizes and is the one the settings were "
        "chosen on):",
        "",
        "| target | mean | sd | min | max |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, values in scores.items():
        measure = "macro-F1" if name == "behaviour" else "kappa"
        v = np.array(values)
        lines.append(
            f"| {name} {measure} | {v.mean():.3f} | {v.std(ddof=1):.3f} | {v.min():.3f} "
            f"| {v.max():.3f} |"
        )
    return lines


def prf(gold: list[bool], got: list[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of one binary code."""
    tp = sum(g and p for g, p in zip(gold, got, strict=True))
    fp = sum(p and not g for g, p in zip(gold, got, strict=True))
    fn = sum(g and not p for g, p in zip(gold, got, strict=True))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def cue_table(gold: list[tuple[bool | None, ...]], got: list[dict[str, bool]]) -> list[str]:
    """A Markdown table of precision, recall and F1 per cue code (over the turns labelled
    with that code)."""
    lines = ["| code | positives | precision | recall | F1 |", "| --- | --- | --- | --- | --- |"]
    for i, name in enumerate(CUE_HEADS):
        idx = [k for k, row in enumerate(gold) if len(row) > i and row[i] is not None]
        if not idx:
            continue
        g = [bool(gold[k][i]) for k in idx]
        prec, rec, f1 = prf(g, [got[k][name] for k in idx])
        lines.append(f"| {name} | {sum(g)} | {prec:.3f} | {rec:.3f} | {f1:.3f} |")
    return lines


def cue_cv() -> list[str]:
    """Each cue-labelled source scored by cue heads trained on all the other sources (and
    their typed copies, as the shipped heads are); then the same for typed copies of it."""
    turns = read_cue_turns()
    copies = typed(turns)
    scanned = [scan(t.text, t.client) for t in turns]
    feats = [f for _, _, f in scanned]
    found = [hints for _, hints, _ in scanned]
    copy_feats = {id(t): scan(t.text, t.client)[:0:-1] for t in copies}
    source_of = {id(t): t.group.rsplit("-", 1)[0] for t in [*turns, *copies]}
    sources = [source_of[id(t)] for t in turns]
    gold = [t.cues or () for t in turns]
    got: list[dict[str, bool]] = [{} for _ in turns]
    got_typed: list[dict[str, bool]] = []
    gold_typed: list[tuple[bool, ...]] = []
    lines = [
        "Cue heads, each labelled source left out in turn (trained on the others, scored on it):",
        "",
        "| left out | turns | " + " | ".join(f"{n} F1" for n in CUE_HEADS) + " |",
        "| --- " * (len(CUE_HEADS) + 2) + "|",
    ]
    for source in dict.fromkeys(sources):
        test = [i for i, s in enumerate(sources) if s == source]
        train = [turns[i] for i, s in enumerate(sources) if s != source]
        train += [t for t in copies if source_of[id(t)] != source]
        train_feats = [feats[i] for i, s in enumerate(sources) if s != source]
        train_feats += [copy_feats[id(t)][0] for t in copies if source_of[id(t)] != source]
        m = to_model(fit(train, train_feats))
        for i in test:
            got[i] = decide_cues(m, m.scores(feats[i]), found[i])[0]
        for t in copies:
            if source_of[id(t)] == source:
                f, hints = copy_feats[id(t)]
                got_typed.append(decide_cues(m, m.scores(f), hints)[0])
                gold_typed.append(t.cues or ())
        f1s = []
        for k, name in enumerate(CUE_HEADS):
            labelled = [i for i in test if gold[i][k] is not None]
            g = [bool(gold[i][k]) for i in labelled]
            f1s.append(prf(g, [got[i][name] for i in labelled])[2] if labelled else None)
        shown = ("-" if f is None else f"{f:.3f}" for f in f1s)
        lines.append(f"| {source} | {len(test)} | " + " | ".join(shown) + " |")
    lines += ["", f"All {len(turns)} left-out predictions pooled:", "", *cue_table(gold, got)]
    lines += [
        "",
        f"The same, scored on typed copies of the left-out turns ({len(copies)} turns that had "
        "an apostrophe, full stop or question mark to drop):",
        "",
        *cue_table(gold_typed, got_typed),
    ]
    return lines


def unseen_figures(path: Path) -> list[str]:
    """The shipped coder and the cue patterns alone on the never-trained-on set, and the
    coder on its turns typed in lower case and on the rest."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    gold = [tuple(r[name] == "1" if name in r else None for name in CUE_HEADS) for r in rows]
    shipped = [code(r["text"], r.get("prev_client_text") or None) for r in rows]
    got = [{n: getattr(c, n) for n in CUE_HEADS} for c in shipped]
    patterns = [cues.find_all(fold(r["text"])) for r in rows]
    lower = [r["text"] == r["text"].lower() for r in rows]
    where = path.relative_to(ROOT)
    lines = [
        f"Unseen set ({where}, {len(rows)} utterances), the shipped coder:",
        "",
        *cue_table(gold, got),
        "",
        "The same set, cue patterns alone (no model):",
        "",
        *cue_table(gold, [{n: n in found for n in CUE_HEADS} for found in patterns]),
    ]
    for name, keep in (("typed all in lower case", True), ("with capitals", False)):
        idx = [i for i, low in enumerate(lower) if low == keep]
        if idx:
            lines += [
                "",
                f"The shipped coder on the {len(idx)} turns of the unseen set {name}:",
                "",
                *cue_table([gold[i] for i in idx], [got[i] for i in idx]),
            ]
    return lines


def domain_figures(path: Path) -> list[str]:
    """The shipped coder's question, reflection and behaviour codes on project-domain turns
    that no training saw, overall and split into turns typed all in lower case and the rest."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    got = [code(r["text"], r.get("prev_client_text") or None, spans=False) for r in rows]
    present = {"none": "no", "simple": "yes", "complex": "yes"}
    where = path.relative_to(ROOT)
    lines = [
        f"Unseen project turns ({where}, {len(rows)} utterances), the shipped coder:",
        "",
        "| turns | n | question kappa | question macro-F1 | reflection present kappa "
        "| behaviour kappa | behaviour macro-F1 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    lower = [r["text"] == r["text"].lower() for r in rows]
    parts = (
        ("all", list(range(len(rows)))),
        ("typed all in lower case", [i for i, low in enumerate(lower) if low]),
        ("with capitals", [i for i, low in enumerate(lower) if not low]),
    )
    for name, idx in parts:
        if not idx:
            continue
        gq, pq = [rows[i]["question"] for i in idx], [got[i].question for i in idx]
        gr = [present[rows[i]["reflection"]] for i in idx]
        pr = [present[got[i].reflection] for i in idx]
        gb, pb = [rows[i]["behaviour"] for i in idx], [got[i].behaviour for i in idx]
        figures = (
            cohen_kappa_score(gq, pq),
            f1_score(gq, pq, average="macro"),
            cohen_kappa_score(gr, pr),
            cohen_kappa_score(gb, pb),
            f1_score(gb, pb, average="macro"),
        )
        lines.append(f"| {name} | {len(idx)} | " + " | ".join(f"{v:.3f}" for v in figures) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annomi", nargs="?", type=Path, default=DEFAULT_ANNOMI)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--repeats", type=int, default=0, help="also cross-validate over N random deals of folds"
    )
    parser.add_argument("--write", action="store_true", help=f"update {DOC.name} in place")
    args = parser.parse_args(argv)
    lines: list[str] = []
    if args.annomi.exists():
        lines += annomi_cv(args.annomi, args.folds, args.repeats)
    else:
        lines.append(f"(AnnoMI file {args.annomi} not found: cross-validation skipped)")
    lines += ["", *cue_cv()]
    if UNSEEN.exists():
        lines += ["", *unseen_figures(UNSEEN)]
    if UNSEEN_CODES.exists():
        lines += ["", *domain_figures(UNSEEN_CODES)]
    block = "\n".join(lines)
    print(block)
    if args.write:
        doc = DOC.read_text(encoding="utf-8")
        head, _, rest = doc.partition(START)
        _, _, tail = rest.partition(END)
        DOC.write_text(f"{head}{START}\n{block}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
