"""The conversation as a scrolling transcript.

A line-based :class:`~textual.scroll_view.ScrollView`: each transcript line is wrapped to
strips once, when it is added (and again only if the width changes), so appending a turn
costs the same on the 200th turn as on the first.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from trainsim.reports.debrief import TranscriptLine

INDENT = {"client": 0, "narration": 2, "trainee": 4, "ending": 0}


def line_content(line: TranscriptLine) -> Content:
    """How one transcript line reads (speaker in bold; narration in italics, set apart)."""
    if line.kind == "narration":
        return Content.from_markup("[i $text-muted]$text[/]", text=line.text)
    if line.kind == "ending":
        return Content.from_markup("[b $text-warning]The conversation has ended ($kind).[/] "
                                   "$text", kind=line.speaker, text=line.text)
    if line.kind == "trainee":
        return Content.from_markup("[b $text-accent]$speaker[/]  [$text-accent]$text[/]",
                                   speaker=line.speaker, text=line.text)
    return Content.from_markup("[b]$speaker[/]  $text", speaker=line.speaker, text=line.text)


class Transcript(ScrollView, can_focus=True):
    """Client lines, narration (set apart), the trainee's responses and the ending."""

    DEFAULT_CSS = """
    Transcript {
        height: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: list[TranscriptLine] = []
        self._strips: list[Strip] = []
        self._owners: list[int] = []  # index into _lines of each strip
        self._width = 0
        self._generation = 0  # bumped whenever existing strips may change
        self._line_cache: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)

    # -- reading ---------------------------------------------------------------------------
    @property
    def lines(self) -> list[TranscriptLine]:
        return list(self._lines)

    @property
    def rendered(self) -> int:
        """How many of the lines are wrapped and ready to show."""
        return (self._owners[-1] + 1) if self._owners else 0

    def text(self) -> str:
        """The transcript as plain text, as wrapped on screen."""
        return "\n".join(strip.text.rstrip() for strip in self._strips)

    # -- changing --------------------------------------------------------------------------
    def add_lines(self, lines: Iterable[TranscriptLine]) -> None:
        new = list(lines)
        if not new:
            return
        start = len(self._lines)
        self._lines += new
        if self._width:
            self._wrap(start)
            self._changed()

    def set_lines(self, lines: Iterable[TranscriptLine]) -> None:
        self._lines = list(lines)
        self._strips, self._owners = [], []
        self._generation += 1
        if self._width:
            self._wrap(0)
        self._changed()

    def drop_from_turn(self, turn: int) -> None:
        """Remove every line that turn ``turn`` (0-based) or a later one produced."""
        keep = next((i for i, line in enumerate(self._lines)
                     if line.turn is not None and line.turn >= turn), len(self._lines))
        del self._lines[keep:]
        cut = next((i for i, owner in enumerate(self._owners) if owner >= keep),
                   len(self._owners))
        del self._strips[cut:]
        del self._owners[cut:]
        self._generation += 1
        self._changed()

    # -- rendering -------------------------------------------------------------------------
    def _wrap(self, start: int) -> None:
        width = self._width
        style = self.visual_style
        blank = Strip.blank(width)
        for index in range(start, len(self._lines)):
            line = self._lines[index]
            indent = INDENT.get(line.kind, 0)
            content: Visual = line_content(line)
            strips = Visual.to_strips(self, content, max(1, width - indent), None, style)
            if indent:
                pad = Strip.blank(indent)
                strips = [Strip.join([pad, s]) for s in strips]
            if self._strips:
                self._strips.append(blank)
                self._owners.append(index)
            self._strips += strips
            self._owners += [index] * len(strips)

    def _changed(self) -> None:
        self.virtual_size = Size(self._width, len(self._strips))
        self.scroll_end(animate=False, immediate=True, x_axis=False)
        self.refresh()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._rewrap, init=False)  # colours are baked in

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width != self._width and width > 0:
            self._width = width
            self._rewrap()

    def _rewrap(self) -> None:
        if not self._width:
            return
        self._strips, self._owners = [], []
        self._generation += 1
        self._wrap(0)
        self._changed()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        rich_style = self.rich_style
        if index >= len(self._strips):
            return Strip.blank(width, rich_style)
        key = (self._generation, index, scroll_x, width, rich_style)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._strips[index].crop_extend(scroll_x, scroll_x + width, rich_style)
            strip = strip.apply_style(rich_style)
            self._line_cache[key] = strip
        return strip
