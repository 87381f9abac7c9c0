"""The debrief as Markdown and JSON, and the export files (written atomically, never over
an earlier export)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from trainsim.private_files import write_new
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
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_MD_LINE_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def visible_controls(text: str) -> str:
    """Control characters (escape sequences start with one) as visible Unicode control
    pictures, so nothing from a file reaches a terminal or a viewer as a control code."""
    return _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group()))
                        if ord(m.group()) < 0x20 else "\u2421" if m.group() == "\x7f"
                        else "\ufffd", text)


def md(text: str) -> str:
    """Text from content files or the trainee as inert Markdown: one line, no HTML (``<``,
    ``>`` and ``&`` become entities), emphasis, links, code, headings and tables escaped,
    controls made visible."""
    one_line = " ".join(visible_controls(str(text)).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line)
    # A list marker or numbered item is only Markdown at the start of a line.
    escaped = _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)
    return "".join(_HTML.get(ch, ch) for ch in escaped)


def _md_escape_cell(text: str) -> str:
    return md(text)


def to_markdown(debrief: Debrief) -> str:
    """The debrief as a Markdown document."""
    d = debrief
    out = [f"# Debrief: {md(d.title)}", ""]
    out.append(f"- Client: {md(d.client)}")
    out.append(f"- Mode: {md(d.mode)}")
    out.append(f"- Ending: {md(ending_line(d))}")
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
        scored = md(row.band or "not assessed")
        if row.fraction is not None:
            scored += f" ({format_fraction(row.fraction)})"
        out.append(f"| {_md_escape_cell(row.title)} | {scored} | {row.earned} of "
                   f"{row.available} | {md(row.self_rating or '-')} | "
                   f"{_md_escape_cell(row.comparison)} |")
    for row in d.dimensions:
        if row.descriptor or row.tip or row.held or row.figure:
            out += ["", f"### {md(row.title)}", ""]
            if row.figure:
                out.append(f"- Figure: {md(row.figure)}")
            out += [f"- {md(line[0].upper() + line[1:])} (the points alone: "
                    f"{md(row.points_band or '')})" for line in row.held if line]
            if row.figure or row.held:
                out.append("")
            if row.descriptor:
                out.append(f"{md(row.band or '')}: {md(row.descriptor)}")
            if row.tip:
                out += ["", f"Something to try next time: {md(row.tip)}"]

    if d.objectives:
        out += ["", "## Learning objectives", ""]
        out += [f"- [{'x' if reached else ' '}] {md(text)}" for text, reached in d.objectives]
    out += ["", "## Turn by turn", ""]
    if not d.turns:
        out.append("No responses were given.")
    for t in d.turns:
        out += [f"### Turn {t.index + 1} ({md(t.node)})", "", f"You said: \"{md(t.text)}\"", ""]
        if t.kind == "typed":
            out += [f"Typed in your own words; coded as: {code_names(t.codes, t.unsure)}", ""]
            if t.unsure:
                out += [f"({UNSURE_NOTE})", ""]
        if t.points:
            for p in t.points:
                out.append(f"- {md(p.title)}: {format_points(p.points)} (best available "
                           f"{p.available}): {md(p.reason)}")
        else:
            out.append("- No points either way on the scored skills.")
        changes = _state_changes(t.state_before, t.state_after)
        if changes:
            out += ["", f"Client state: {md(changes)}"]
        if t.exemplar:
            out += ["", f"> A response a skilled clinician might use here: {md(t.exemplar)}"]
        out.append("")
    if d.session_points:
        out += ["### Across the session", ""]
        out += [f"- {md(p.title)}: {format_points(p.points)}: {md(p.reason)}"
                for p in d.session_points]
        out.append("")

    out += ["## Session metrics", ""]
    out += [f"- {md(label)}: {md(value)}" for label, value in metric_lines(d.metrics)]

    out += ["", "## Client state across the session", ""]
    if not d.states:
        out.append("This scenario declares no client state.")
    for s in d.states:
        values = " → ".join(str(v) for v in s.values)
        out.append(f"- {md(s.name)} ({s.minimum} to {s.maximum}): "
                   f"`{sparkline_text(s.values, s.minimum, s.maximum)}` {values}")

    out += ["", "## Transcript", ""]
    for line in d.transcript:
        out.append(_md_line(line))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md_line(line: TranscriptLine) -> str:
    if line.kind == "narration":
        return f"*{md(line.text)}*"
    if line.kind == "ending":
        return f"**Ending ({md(line.speaker)}):** {md(line.text)}"
    return f"**{md(line.speaker)}:** {md(line.text)}"


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

    Both files are 0600 in a 0700 folder, written whole or not at all (a full disk leaves
    neither), and never over an existing file: a name already taken, even by an export
    written a moment ago by another process, gets a ``-2`` suffix, and so on.
    """
    folder = Path(folder) if folder is not None else default_export_dir()
    stem = export_stem(debrief)
    texts = (to_markdown(debrief), to_json(debrief))
    for n in range(1, 10_000):
        name = stem if n == 1 else f"{stem}-{n}"
        try:
            md_path, json_path = write_new(folder, (f"{name}.md", f"{name}.json"), texts)
        except FileExistsError:
            continue
        return md_path, json_path
    raise FileExistsError(f"{folder}: 9,999 exports named {stem} already")
