"""Finding, loading and checking content files."""

from trainsim.library.catalog import Library, bundled_dir, load_library
from trainsim.library.loader import Loaded, load_rubric, load_scenario
from trainsim.library.problems import ContentError, Problem

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
