"""The conversation as a scrolling transcript."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from trainsim.reports.debrief import TranscriptLine


def line_content(line: TranscriptLine) -> Content:
    """How one transcript line reads on screen (speaker in bold; narration plain)."""
    if line.kind == "narration":
        return Content(line.text)
    if line.kind == "ending":
        return Content.from_markup("[b]The conversation has ended ($kind).[/b] $text",
                                   kind=line.speaker, text=line.text)
    return Content.from_markup("[b]$speaker[/b]  $text", speaker=line.speaker, text=line.text)


class TranscriptEntry(Static):
    """One line; remembers the turn that led to it so a rewind can remove it."""

    def __init__(self, line: TranscriptLine) -> None:
        super().__init__(line_content(line), classes=f"line -{line.kind}")
        self.line = line


class Transcript(VerticalScroll):
    """Client lines, narration (set apart), the trainee's responses and the ending."""

    def add_lines(self, lines: Iterable[TranscriptLine]) -> None:
        entries = [TranscriptEntry(line) for line in lines]
        if entries:
            self.mount_all(entries)
            self.scroll_end(animate=False)

    def set_lines(self, lines: Iterable[TranscriptLine]) -> None:
        self.remove_children()
        self.add_lines(lines)

    def drop_from_turn(self, turn: int) -> None:
        """Remove every line that turn ``turn`` (0-based) or a later one produced."""
        doomed = [e for e in self.query_children(TranscriptEntry)
                  if e.line.turn is not None and e.line.turn >= turn]
        if doomed:
            self.remove_children(doomed)
        self.scroll_end(animate=False)

    @property
    def lines(self) -> list[TranscriptLine]:
        return [e.line for e in self.query_children(TranscriptEntry)]
