"""A one-line title bar: app, screen title and subtitle (lighter than Textual's Header)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    """Shows ``trainsim · Screen title — subtitle`` and follows the screen's titles."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._retitle, init=False)
        self.watch(self.screen, "sub_title", self._retitle, init=False)
        self._retitle()

    def _retitle(self) -> None:
        screen = self.screen
        title = screen.title or ""
        sub = screen.sub_title or ""
        self.update(Content.from_markup(
            "[b $text-primary]$app[/] · [b]$title[/]" + ("  [dim]—[/]  $sub" if sub else ""),
            app=self.app.title, title=title, sub=sub))
