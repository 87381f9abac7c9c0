"""A yes/no question in a modal, such as quitting with a session in progress."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from trainsim.tui.widgets.too_small import SizeGuard, TooSmall


class ConfirmScreen(SizeGuard, ModalScreen[bool]):
    """Dismisses with True (y) or False (n or escape)."""

    CSS_PATH = "modals.tcss"

    BINDINGS = [  # noqa: RUF012
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No",
                 title: str = "Please confirm") -> None:
        super().__init__()
        self.question, self.yes, self.no, self.title_text = question, yes, no, title

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel"):
            yield Static(Content(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.no} (n)", id="no", variant="primary")
                yield Button(f"{self.yes} (y)", id="yes", variant="error")
        yield TooSmall()

    def on_mount(self) -> None:
        self.query_one("#confirm-panel").border_title = self.title_text
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
