"""Help: the keys of the screen underneath, and the keys that work everywhere."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from trainsim.tui.widgets.too_small import SizeGuard, TooSmall

GLOBAL_KEYS = [
    ("? or F1", "this help"),
    ("p", "pause, with a short grounding exercise (any time)"),
    ("ctrl+p", "command palette: start a scenario, coach panel, export, theme"),
    ("q or ctrl+q", "quit (asks first if a session is in progress)"),
]


class HelpScreen(SizeGuard, ModalScreen[None]):
    """A list of keys; any of escape, ? , F1 or q closes it."""

    CSS_PATH = "modals.tcss"

    BINDINGS = [  # noqa: RUF012
        Binding("escape,question_mark,f1,q", "close", "Close"),
    ]

    def __init__(self, screen_title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.screen_title = screen_title
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="help-panel"):
            with VerticalScroll(id="help-body"):
                yield Static(self._content(), id="help-keys")
            yield Static("Press escape to close.", id="help-close")
        yield TooSmall()

    def _content(self) -> Content:
        width = max([len(k) for k, _ in self.keys + GLOBAL_KEYS] + [6])
        rows = [Content.from_markup("[b]On this screen ($title)[/b]", title=self.screen_title)]
        rows += [Content.from_markup(f"  [b $accent]$k[/]{' ' * (width - len(k))}  $d",
                                     k=k, d=d) for k, d in self.keys]
        if not self.keys:
            rows.append(Content("  (no keys of its own)"))
        rows += [Content(""), Content.from_markup("[b]Everywhere[/b]")]
        rows += [Content.from_markup(f"  [b $accent]$k[/]{' ' * (width - len(k))}  $d",
                                     k=k, d=d) for k, d in GLOBAL_KEYS]
        rows += [Content(""), Content(
            "Feedback here is about skills you are still building. Take it at your own pace.")]
        return Content("\n").join(rows)

    def on_mount(self) -> None:
        self.query_one("#help-panel").border_title = "Keys"

    def action_close(self) -> None:
        self.dismiss(None)
