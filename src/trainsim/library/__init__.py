"""Finding, loading and checking content files.

Names are imported on first use, so that importing one light module of this package (such
as :mod:`trainsim.library.files`) does not load pydantic, networkx and YAML at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trainsim.library.catalog import Library, load_library
    from trainsim.library.files import bundled_dir
    from trainsim.library.loader import Loaded, load_rubric, load_scenario
    from trainsim.library.problems import ContentError, Problem

_HOMES = {
    "ContentError": "problems",
    "Library": "catalog",
    "Loaded": "loader",
    "Problem": "problems",
    "bundled_dir": "files",
    "load_library": "catalog",
    "load_rubric": "loader",
    "load_scenario": "loader",
}

__all__ = [
    "ContentError",
    "Library",
    "Loaded",
    "Problem",
    "bundled_dir",
    "load_library",
    "load_rubric",
    "load_scenario",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'trainsim.library' has no attribute {name!r}")
    return getattr(import_module(f"trainsim.library.{_HOMES[name]}"), name)
