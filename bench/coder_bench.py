"""Speed of the free-text coder on one core: median per-utterance time and batch throughput.

    python bench/coder_bench.py [CSV] [--repeat 3]

Uses the AnnoMI therapist utterances beside the repository if present, else the
project's labelled set (tests/data/coder_labels.csv). Targets: median < 1 ms,
throughput >= 5,000 utterances/second. Batch throughput is measured twice: codes
only (what ``trainsim code IN.csv`` writes) and codes with their spans (what
``trainsim code -`` and the app use). Each figure is printed as a ratio to its target.
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
MEDIAN_LIMIT_MS = 1.0
TARGET_PER_S = 5_000


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

    # The two batch modes take turns, so a change in the host's speed hits both alike.
    best = {True: float("inf"), False: float("inf")}
    for _ in range(max(1, args.repeat)):
        for with_spans in (False, True):
            t0 = time.process_time()
            code_many(texts, clients, spans=with_spans)
            best[with_spans] = min(best[with_spans], time.process_time() - t0)

    n = len(texts)
    chars = statistics.mean(len(t) for t in texts)
    median_ms = statistics.median(per_call) / 1e6
    codes_only, with_spans = n / best[False], n / best[True]
    lines = [
        f"data: {path.name} ({n} utterances, mean {chars:.0f} characters)",
        f"model load: {load_ms:.0f} ms (once per process)",
        f"per utterance, code() with spans: median {median_ms:.3f} ms "
        f"({median_ms / MEDIAN_LIMIT_MS:.2f} of the {MEDIAN_LIMIT_MS:g} ms limit), "
        f"p95 {per_call[int(0.95 * (n - 1))] / 1e6:.3f} ms, max {per_call[-1] / 1e6:.3f} ms",
        f"batch, codes only (trainsim code IN.csv): {codes_only:,.0f} utterances/second "
        f"= {codes_only / TARGET_PER_S:.2f} x the {TARGET_PER_S:,} target",
        f"batch, codes and spans (trainsim code -): {with_spans:,.0f} utterances/second "
        f"= {with_spans / TARGET_PER_S:.2f} x the target",
        f"(one core, CPU time, best of {args.repeat} passes of each, taken in turn)",
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
