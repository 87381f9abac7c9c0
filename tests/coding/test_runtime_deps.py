"""The coder runs on the standard library alone: numpy and scikit-learn are blocked here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

SCRIPT = r"""
import importlib.abc, json, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"numpy", "sklearn", "scipy"}:
            raise ImportError(f"blocked: {name}")
        return None

sys.meta_path.insert(0, Block())
try:
    import numpy  # noqa: F401
except ImportError:
    pass
else:
    raise SystemExit("the blocker did not work")

from trainsim.coding import code
from trainsim.coding.model import load

model = load()
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {"numpy", "sklearn", "scipy"})
out = {
    "heads": sorted(model.heads),
    "features": len(model.rows),
    "consent": code("Is it okay if we talk about that?").to_dict(),
    "open": code("What goes through your mind when he reaches for you?").question,
    "trainsim": sorted(m for m in sys.modules if m.startswith("trainsim.")),
    "heavy": loaded,
}
print(json.dumps(out))
"""


def test_weights_load_and_code_without_numpy_or_sklearn() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["heads"] == [
        "advice",
        "behaviour",
        "complex",
        "consent_check",
        "grounding",
        "judgment",
        "psychoeducation",
        "question",
        "reflection",
        "summary",
        "validation",
    ]
    assert out["features"] > 1000
    assert out["consent"]["consent_check"] is True
    assert out["consent"]["question"] == "closed"
    assert out["open"] == "open"
    assert out["heavy"] == []
    # The coder imports nothing else from trainsim.
    assert all(m.startswith("trainsim.coding") for m in out["trainsim"]), out["trainsim"]


def test_weights_file_is_small() -> None:
    weights = SRC / "trainsim" / "coding" / "weights.bin.gz"
    assert weights.stat().st_size <= 2 * 1024 * 1024
