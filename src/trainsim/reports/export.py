"""The debrief as Markdown and JSON, and the export files (written atomically, never over
an earlier export)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from trainsim.reports.debrief import (
    UNSURE_NOTE,
    Debrief,
    TranscriptLine,
    code_names,
    ending_line,
    format_duration,
    format_fraction,
    format_points,
    metric_lines,
    sparkline_text,
)


# -- Markdown and JSON ---------------------------------------------------------------------
def _md_escape_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(debrief: Debrief) -> str:
    """The debrief as a Markdown document."""
    d = debrief
    out = [f"# Debrief: {d.title}", ""]
    out.append(f"- Client: {d.client}")
    out.append(f"- Mode: {d.mode}")
    out.append(f"- Ending: {ending_line(d)}")
    out.append(f"- Session time: {format_duration(d.duration)} (pauses not counted)")
    out.append(f"- Turns: {len(d.turns)}")
    if d.seed is not None:
        out.append(f"- Option order seed: {d.seed}")
    if d.created is not None:
        out.append(f"- Exported: {d.created.isoformat(timespec='seconds')}")
    out += ["", "## Skills", "",
            "| Skill | Scored | Points | Your rating | Comparison |",
            "| --- | --- | --- | --- | --- |"]
    for row in d.dimensions:
        scored = row.band or "not assessed"
        if row.fraction is not None:
            scored += f" ({format_fraction(row.fraction)})"
        out.append(f"| {_md_escape_cell(row.title)} | {scored} | {row.earned} of "
                   f"{row.available} | {row.self_rating or '-'} | "
                   f"{_md_escape_cell(row.comparison)} |")
    for row in d.dimensions:
        if row.descriptor or row.tip or row.held or row.figure:
            out += ["", f"### {row.title}", ""]
            if row.figure:
                out.append(f"- Figure: {row.figure}")
            out += [f"- {line[0].upper()}{line[1:]} (the points alone: {row.points_band})"
                    for line in row.held]
            if row.figure or row.held:
                out.append("")
            if row.descriptor:
                out.append(f"{row.band}: {row.descriptor}")
            if row.tip:
                out += ["", f"Something to try next time: {row.tip}"]

    if d.objectives:
        out += ["", "## Learning objectives", ""]
        out += [f"- [{'x' if reached else ' '}] {text}" for text, reached in d.objectives]
    out += ["", "## Turn by turn", ""]
    if not d.turns:
        out.append("No responses were given.")
    for t in d.turns:
        out += [f"### Turn {t.index + 1} ({t.node})", "", f"You said: \"{t.text}\"", ""]
        if t.kind == "typed":
            out += [f"Typed in your own words; coded as: {code_names(t.codes, t.unsure)}", ""]
            if t.unsure:
                out += [f"({UNSURE_NOTE})", ""]
        if t.points:
            for p in t.points:
                out.append(f"- {p.title}: {format_points(p.points)} (best available "
                           f"{p.available}): {p.reason}")
        else:
            out.append("- No points either way on the scored skills.")
        changes = _state_changes(t.state_before, t.state_after)
        if changes:
            out += ["", f"Client state: {changes}"]
        if t.exemplar:
            out += ["", f"> A response a skilled clinician might use here: {t.exemplar}"]
        out.append("")
    if d.session_points:
        out += ["### Across the session", ""]
        out += [f"- {p.title}: {format_points(p.points)}: {p.reason}" for p in d.session_points]
        out.append("")

    out += ["## Session metrics", ""]
    out += [f"- {label}: {value}" for label, value in metric_lines(d.metrics)]

    out += ["", "## Client state across the session", ""]
    if not d.states:
        out.append("This scenario declares no client state.")
    for s in d.states:
        values = " → ".join(str(v) for v in s.values)
        out.append(f"- {s.name} ({s.minimum} to {s.maximum}): "
                   f"`{sparkline_text(s.values, s.minimum, s.maximum)}` {values}")

    out += ["", "## Transcript", ""]
    for line in d.transcript:
        out.append(_md_line(line))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md_line(line: TranscriptLine) -> str:
    if line.kind == "narration":
        return f"*{line.text}*"
    if line.kind == "ending":
        return f"**Ending ({line.speaker}):** {line.text}"
    return f"**{line.speaker}:** {line.text}"


def _state_changes(before: Mapping[str, int], after: Mapping[str, int]) -> str:
    parts = [f"{k} {before[k]} → {after[k]}" for k in before if after.get(k) != before[k]]
    return ", ".join(parts)


def _plain(value: Any) -> Any:
    """Tuples as lists, all the way down (what JSON would give back)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def to_dict(debrief: Debrief) -> dict[str, Any]:
    """The debrief as JSON-ready data (dicts, lists, strings, numbers, None)."""
    data = asdict(debrief)
    data["metrics"] = debrief.metrics.model_dump()
    data["created"] = debrief.created.isoformat(timespec="seconds") if debrief.created else None
    return _plain({"format": "trainsim-debrief", "version": 1, **data})


def to_json(debrief: Debrief) -> str:
    return json.dumps(to_dict(debrief), indent=2, ensure_ascii=False) + "\n"


# -- files ---------------------------------------------------------------------------------
def default_export_dir() -> Path:
    """``exports`` under the user data directory (platformdirs), else ~/.local/share."""
    try:
        from platformdirs import user_data_dir
    except ImportError:  # pragma: no cover - platformdirs ships with Textual
        return Path.home() / ".local" / "share" / "trainsim" / "exports"
    return Path(user_data_dir("trainsim", appauthor=False)) / "exports"


def export_stem(debrief: Debrief) -> str:
    stamp = debrief.created.strftime("%Y%m%d-%H%M%S") if debrief.created else "session"
    return f"{debrief.scenario_id}-{stamp}"


def write_exports(debrief: Debrief, folder: Path | None = None) -> tuple[Path, Path]:
    """Write the debrief as Markdown and JSON into ``folder``; returns both paths.

    Never overwrites: a second export of the same moment gets a ``-2`` suffix, and so on.
    """
    folder = Path(folder) if folder is not None else default_export_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = export_stem(debrief)
    n = 1
    while True:
        name = stem if n == 1 else f"{stem}-{n}"
        md, js = folder / f"{name}.md", folder / f"{name}.json"
        if not md.exists() and not js.exists():
            break
        n += 1
    _write_atomically(md, to_markdown(debrief))
    _write_atomically(js, to_json(debrief))
    return md, js


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename: a killed process leaves either
    the whole file or none of it."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
