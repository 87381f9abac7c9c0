"""Debriefs, reports and exports: pure functions of turns, scorecards and rubrics."""

from trainsim.reports.debrief import (
    Debrief,
    DimensionRow,
    TranscriptLine,
    TurnRow,
    build_debrief,
    transcript_lines,
)
from trainsim.reports.export import (
    default_export_dir,
    to_dict,
    to_json,
    to_markdown,
    write_exports,
)

__all__ = [
    "Debrief",
    "DimensionRow",
    "TranscriptLine",
    "TurnRow",
    "build_debrief",
    "default_export_dir",
    "to_dict",
    "to_json",
    "to_markdown",
    "transcript_lines",
    "write_exports",
]
