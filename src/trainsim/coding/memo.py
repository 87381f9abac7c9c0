"""A dictionary that works out a missing value on first use and keeps it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

_V = TypeVar("_V")

LIMIT = 100_000
"""Values kept at most; beyond that they are worked out each time (memory stays bounded)."""


class Memo(dict[str, _V], Generic[_V]):
    """Per-key values filled on first use, so many look-ups run in C through
    ``map(memo.__getitem__, keys)``."""

    def __init__(self, compute: Callable[[str], _V]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: str) -> _V:
        value = self._compute(key)
        if len(self) < LIMIT:
            self[key] = value
        return value
