"""Regenerate the accuracy figures in docs/coder.md.

    python training/evaluate_coder.py [ANNOMI_CSV] [--folds 5] [--write]

* AnnoMI: grouped K-fold cross-validation by ``transcript_id``. Each fold is
  trained with the same code as the shipped weights and scored through the
  same pure-Python inference path (``trainsim.coding.model.decide``), so the
  figures describe what ships.
* Cue codes (validation, consent_check, advice, judgment): precision, recall
  and F1 of the rules on ``tests/data/coder_labels.csv`` (the set the rules were
  written against) and on ``tests/data/coder_labels_holdout.csv`` (written
  after the rules were frozen).

With ``--write`` the block between the figure markers in docs/coder.md is replaced.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
from coder_fit import DEFAULT_ANNOMI, ROOT, fit, read_domain_turns, read_turns, to_model
from sklearn.metrics import cohen_kappa_score, confusion_matrix, f1_score
from sklearn.model_selection import GroupKFold

from trainsim.coding import code
from trainsim.coding.features import extract
from trainsim.coding.model import decide

DOC = ROOT / "docs" / "coder.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
LABELS = ROOT / "tests" / "data" / "coder_labels.csv"
HOLDOUT = ROOT / "tests" / "data" / "coder_labels_holdout.csv"
CUES = ("validation", "consent_check", "advice", "judgment")
REFERENCE = {
    "question": "human experts kappa 0.73; target >= 0.75",
    "reflection present": "human experts kappa 0.79; target >= 0.55",
    "behaviour": "RoBERTa (Hossain et al. 2024) F1 0.83; target macro-F1 >= 0.74",
}


def annomi_cv(path: Path, folds: int) -> list[str]:
    """Grouped cross-validation figures as Markdown lines."""
    turns = read_turns(path)
    extra = read_domain_turns()
    feats = [extract(t.text, t.client) for t in turns]
    extra_feats = [extract(t.text, t.client) for t in extra]
    groups = np.array([t.group for t in turns])
    pred: dict[str, list[str]] = {"question": [""] * len(turns), "reflection": [""] * len(turns)}
    pred["behaviour"] = [""] * len(turns)
    for train_idx, test_idx in GroupKFold(folds).split(feats, groups=groups):
        train = [turns[i] for i in train_idx] + extra
        model = to_model(fit(train, [feats[i] for i in train_idx] + extra_feats))
        for i in test_idx:
            q, r, b = decide(model, feats[i])
            pred["question"][i], pred["reflection"][i], pred["behaviour"][i] = q, r, b
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


def cue_figures(path: Path, title: str) -> list[str]:
    """Precision/recall/F1 of each cue code on one labelled CSV, as Markdown lines."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    codes = [code(r["text"], r.get("prev_client_text") or None) for r in rows]
    lines = [
        f"{title} ({path.relative_to(ROOT)}, {len(rows)} utterances):",
        "",
        "| code | positives | precision | recall | F1 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name in CUES:
        gold = [r[name] == "1" for r in rows]
        got = [getattr(c, name) for c in codes]
        tp = sum(g and p for g, p in zip(gold, got, strict=True))
        fp = sum(p and not g for g, p in zip(gold, got, strict=True))
        fn = sum(g and not p for g, p in zip(gold, got, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        lines.append(f"| {name} | {sum(gold)} | {prec:.3f} | {rec:.3f} | {f1:.3f} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annomi", nargs="?", type=Path, default=DEFAULT_ANNOMI)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help=f"update {DOC.name} in place")
    args = parser.parse_args(argv)
    lines: list[str] = []
    if args.annomi.exists():
        lines += annomi_cv(args.annomi, args.folds)
    else:
        lines.append(f"(AnnoMI file {args.annomi} not found: cross-validation skipped)")
    for path, title in ((LABELS, "Rules on the development set"), (HOLDOUT, "Held-out set")):
        if path.exists():
            lines += ["", *cue_figures(path, title)]
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
