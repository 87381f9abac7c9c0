"""Where content files live. Standard library only, so start-up can look without loading."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

SUFFIXES = (".yaml", ".yml")


def bundled_dir(kind: str) -> Path:
    """The bundled ``scenarios`` or ``rubrics`` folder, installed or in a source checkout."""
    installed = Path(str(resources.files("trainsim"))) / "_bundled" / kind
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / kind


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """Every YAML file named, or found (recursively, sorted) in a named folder."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        else:
            files.append(path)
    return files


def byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of the byte at ``offset``."""
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1
