"""Speed of the free-text coder on one core: median per-utterance time and batch throughput.

    python bench/coder_bench.py [CSV] [--repeat 3]

Uses the AnnoMI therapist utterances beside the repository if present, else the
project's labelled set (tests/data/coder_labels.csv). Targets: median < 1 ms,
throughput >= 5,000 utterances/second.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from trainsim.coding import code, code_many  # noqa: E402
from trainsim.coding.model import load  # noqa: E402

ANNOMI = ROOT.parent / "shared" / "data" / "annomi" / "therapist-utterances-dev.csv"
LABELS = ROOT / "tests" / "data" / "coder_labels.csv"
DOC = ROOT / "docs" / "coder.md"
START, END = "<!-- speed:start -->", "<!-- speed:end -->"


def read(path: Path) -> tuple[list[str], list[str | None]]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [r["text"] for r in rows], [r.get("prev_client_text") or None for r in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="batch passes (best is reported)")
    parser.add_argument(
        "--write", action="store_true", help="update the speed block of docs/coder.md"
    )
    args = parser.parse_args(argv)
    path = args.csv or (ANNOMI if ANNOMI.exists() else LABELS)
    texts, clients = read(path)

    start = time.perf_counter()
    load()
    load_ms = (time.perf_counter() - start) * 1000
    code("warm up")

    per_call = []
    for text, client in zip(texts, clients, strict=True):
        t0 = time.perf_counter_ns()
        code(text, client)
        per_call.append(time.perf_counter_ns() - t0)
    per_call.sort()

    best = float("inf")
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        code_many(texts, clients)
        best = min(best, time.perf_counter() - t0)

    n = len(texts)
    chars = statistics.mean(len(t) for t in texts)
    lines = [
        f"data: {path.name} ({n} utterances, mean {chars:.0f} characters)",
        f"model load: {load_ms:.0f} ms (once per process)",
        f"per utterance: median {statistics.median(per_call) / 1e6:.3f} ms, "
        f"p95 {per_call[int(0.95 * (n - 1))] / 1e6:.3f} ms, max {per_call[-1] / 1e6:.3f} ms",
        f"batch: {n / best:,.0f} utterances/second on one core (best of {args.repeat})",
    ]
    print("\n".join(lines))
    if args.write:
        doc = DOC.read_text(encoding="utf-8")
        head, _, rest = doc.partition(START)
        _, _, tail = rest.partition(END)
        block = "\n".join(["```text", *lines, "```"])
        DOC.write_text(f"{head}{START}\n{block}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
