"""Train the coder's shipped weights from AnnoMI plus the project's own labelled turns.

The question, reflection and behaviour heads learn from AnnoMI and the project's turns
in training/data/domain_turns*.csv and boundary_turns_*.csv (weighted per head,
``coder_fit.HEADS``), never from
tests/data/domain_codes_unseen.csv; the four cue heads from the cue-labelled sets
(``coder_fit.CUE_LABELS``) and their typed copies (``coder_fit.typed``), never from
tests/data/coder_labels_unseen.csv.

    python training/train_coder.py [ANNOMI_CSV] [-o src/trainsim/coding/weights.bin.gz]

Needs scikit-learn and numpy (the ``train`` extra). Deterministic: the same
inputs give the same weights file, byte for byte.
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from coder_fit import (
    DEFAULT_ANNOMI,
    ROOT,
    WEIGHTS,
    fit,
    read_cue_turns,
    read_domain_turns,
    read_turns,
    typed,
    write,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "annomi",
        nargs="?",
        type=Path,
        default=DEFAULT_ANNOMI,
        help="AnnoMI therapist utterances CSV (default: ../shared/data/annomi/"
        "therapist-utterances-dev.csv beside the repository)",
    )
    parser.add_argument("-o", "--output", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    cue_turns = read_cue_turns()
    turns = read_turns(args.annomi) + read_domain_turns() + cue_turns + typed(cue_turns)
    doc = fit(turns)
    size = write(doc, args.output)
    shown = args.output.resolve()
    with contextlib.suppress(ValueError):
        shown = shown.relative_to(ROOT)
    print(f"{len(turns)} turns, {len(doc['features'])} features -> {shown} ({size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
