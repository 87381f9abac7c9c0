"""Pause: a short grounding exercise; the session clock stops while it is open."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from trainsim.tui.controller import SessionController
from trainsim.tui.widgets.too_small import SizeGuard, TooSmall

PauseResult = Literal["resume", "end"]

GROUNDING = """\
Take a moment. There is no hurry: the client will wait, and the session clock has stopped.

If it helps, let your attention settle on what is around you:
  5  things you can see
  4  things you can feel: your feet on the floor, the chair under you
  3  things you can hear
  2  things you can smell
  1  slow breath: in for four, out for six

Practising these conversations can stir things up, and that is a normal part of the work. \
If something touched on your own experience, it can help to talk it over with your \
supervisor or someone you trust."""


class PauseScreen(SizeGuard, ModalScreen[PauseResult]):
    """Stops the session clock until dismissed; offers Resume or End session."""

    CSS_PATH = "modals.tcss"

    BINDINGS = [  # noqa: RUF012
        Binding("r", "resume", "Resume"),
        Binding("escape", "resume", "Resume", show=False),
        Binding("p", "resume", "Resume", show=False),
        Binding("e", "end", "End session"),
    ]

    def __init__(self, controller: SessionController | None, *, can_end: bool) -> None:
        super().__init__()
        self.controller = controller
        self.can_end = can_end and controller is not None

    def compose(self) -> ComposeResult:
        with Vertical(id="pause-panel"):
            with VerticalScroll(id="pause-body"):
                yield Static(Content(GROUNDING), id="grounding")
            with Horizontal(id="pause-buttons"):
                yield Button("Resume (r)", id="resume", variant="primary")
                if self.can_end:
                    yield Button("End session (e)", id="end")
        yield TooSmall()

    def on_mount(self) -> None:
        self.query_one("#pause-panel").border_title = "Paused"
        if self.controller is not None:
            self.controller.pause()
        self.query_one("#resume", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "end":
            return self.can_end
        return True

    def _close(self, result: PauseResult) -> None:
        if self.controller is not None and result == "resume":
            self.controller.resume()
        self.dismiss(result)

    @on(Button.Pressed, "#resume")
    def action_resume(self) -> None:
        self._close("resume")

    @on(Button.Pressed, "#end")
    def action_end(self) -> None:
        self._close("end")
