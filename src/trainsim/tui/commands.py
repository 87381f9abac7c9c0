"""Our commands in Textual's command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from trainsim.tui.app import TrainsimApp

Command = tuple[str, Callable[[], object], str]


class TrainsimCommands(Provider):
    """Start a scenario, toggle the coach panel, export the debrief, switch theme, help."""

    @property
    def tapp(self) -> TrainsimApp:
        return cast("TrainsimApp", self.app)

    def commands(self) -> list[Command]:
        app = self.tapp
        out: list[Command] = []
        for row in app.state.listing:
            if row.ok:
                out.append((f"Start scenario: {row.title}", partial(app.open_by_id, row.id),
                            f"Open the briefing for {row.client}'s scenario"))
        out += [
            ("Toggle coach panel", app.action_toggle_coach,
             "Show or hide feedback after each response (practice mode)"),
            ("Export debrief", app.action_export,
             "Save the debrief as Markdown and JSON (on the debrief screen)"),
            ("Switch theme", app.action_switch_theme, "Cycle through the colour themes"),
            ("Show keys", app.action_help, "List the keys for this screen"),
            ("Pause", app.action_pause, "Pause, with a short grounding exercise"),
        ]
        return out

    async def discover(self) -> Hits:
        for name, command, help_text in self.commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self.commands():
            if (match := matcher.match(name)) > 0:
                yield Hit(match, matcher.highlight(name), command, help=help_text)
