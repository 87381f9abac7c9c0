"""Briefing: who the client is, what is practised and scored, content notes, the mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from trainsim.library import Loaded
from trainsim.model import Scenario
from trainsim.tui.controller import AppState, Mode
from trainsim.tui.widgets.title_bar import TitleBar
from trainsim.tui.widgets.too_small import SizeGuard, TooSmall

if TYPE_CHECKING:
    from trainsim.tui.app import TrainsimApp

ACK_FIRST = "Please read the content notes and press a to acknowledge them before starting."


def bullets(items: list[str]) -> Content:
    return Content("\n").join(Content.from_markup("• $item", item=i) for i in items)


class BriefingScreen(SizeGuard, Screen[None]):
    """Read before starting; the content notes must be acknowledged (a)."""

    CSS_PATH = "briefing.tcss"

    TITLE = "Briefing"
    BINDINGS = [  # noqa: RUF012
        Binding("a", "acknowledge", "Acknowledge notes"),
        Binding("m", "toggle_mode", "Switch mode"),
        Binding("enter", "start", "Start", priority=True),
        Binding("escape", "back", "Back to library"),
    ]

    def __init__(self, state: AppState, scenario: Scenario) -> None:
        super().__init__()
        self.state = state
        self.scenario = scenario
        self.acknowledged = False
        self.mode = Mode.PRACTICE

    @property
    def tapp(self) -> TrainsimApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        s = self.scenario
        c = s.client
        rubrics = self.state.library.rubrics
        yield TitleBar()
        with VerticalScroll(id="briefing-body"):
            yield Static(Content.from_markup("[b]$title[/b]  [dim]$level · about $min min[/dim]",
                                             title=s.title, level=s.difficulty,
                                             min=s.estimated_minutes), id="briefing-title")
            yield Static(Content(s.summary), id="briefing-summary")
            notes = Static(bullets(s.content_notes), id="content-notes", classes="section")
            notes.border_title = "Content notes"
            yield notes
            client = Static(Content.from_markup(
                "[b]$name[/b], $age, $pronouns · $modality session\n$background\n"
                "[b]Presenting concern:[/b] $concern", name=c.name, age=c.age,
                pronouns=c.pronouns, modality=c.modality, background=c.background,
                concern=c.presenting_concern), id="client-profile", classes="section")
            client.border_title = "About the client"
            yield client
            objectives = Static(bullets(s.learning_objectives), id="objectives",
                                classes="section")
            objectives.border_title = "Learning objectives"
            yield objectives
            scored = Static(Content("\n").join(
                Content.from_markup("• [b]$title[/b]: $description", title=rubrics[r].title,
                                    description=rubrics[r].description)
                if r in rubrics else Content.from_markup("• $r", r=r)
                for r in s.rubrics), id="scored-skills", classes="section")
            scored.border_title = "Skills scored"
            yield scored
        yield Static(id="briefing-status")
        yield Footer()
        yield TooSmall()

    def on_mount(self) -> None:
        self.sub_title = self.scenario.title
        self.query_one("#briefing-body").focus()
        self.refresh_status()

    def refresh_status(self) -> None:
        if self.acknowledged:
            ack = Content.from_markup("[$success]☑ Content notes acknowledged.[/] "
                                      "Press Enter to start when you are ready.")
        else:
            ack = Content.from_markup("☐ Content notes not yet acknowledged: press [b]a[/b] "
                                      "once you have read them.")
        modes = Content.assemble(*(
            Content.from_markup("[b $accent]● $label[/]  " if m is self.mode else
                                "[dim]○ $label[/]  ", label=m.label) for m in Mode))
        mode = Content.assemble("Mode: ", modes, Content.from_markup(
            "[dim](m to switch)[/dim]\n$explanation", explanation=self.mode.explanation))
        self.query_one("#briefing-status", Static).update(Content("\n").join([ack, mode]))
        self.set_class(self.acknowledged, "-acknowledged")

    def action_acknowledge(self) -> None:
        self.acknowledged = True
        self.refresh_status()

    def action_toggle_mode(self) -> None:
        self.mode = Mode.ASSESSMENT if self.mode is Mode.PRACTICE else Mode.PRACTICE
        self.refresh_status()

    def action_start(self) -> None:
        if not self.acknowledged:
            self.notify(ACK_FIRST, title="Content notes", severity="warning")
            return
        self.tapp.start_session(self.scenario, self.mode)

    def action_back(self) -> None:
        self.tapp.go_home()


class ScenarioErrorsScreen(SizeGuard, Screen[None]):
    """A scenario file with validation errors: where they are; it cannot be started."""

    CSS_PATH = "briefing.tcss"

    TITLE = "Scenario errors"
    BINDINGS = [  # noqa: RUF012
        Binding("escape", "back", "Back to library"),
        Binding("enter", "refuse", "Start", show=False, priority=True),
    ]

    def __init__(self, entry: Loaded[Scenario]) -> None:
        super().__init__()
        self.entry = entry

    @property
    def tapp(self) -> TrainsimApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        entry = self.entry
        count = len(entry.errors)
        yield TitleBar()
        with VerticalScroll(id="errors-body"):
            yield Static(Content.from_markup(
                "[b]$name[/b] cannot be started: it has $n error$s. Fix $them in the file, "
                "then restart the app (or run [b]trainsim validate[/b]) to check again.",
                name=entry.path.name, n=count, s="" if count == 1 else "s",
                them="it" if count == 1 else "them"), id="errors-intro")
            problems = Static(Content("\n").join(
                Content.from_markup("$problem", problem=str(p)) for p in entry.problems),
                id="problems", classes="section")
            problems.border_title = "Problems"
            yield problems
        yield Footer()
        yield TooSmall()

    def on_mount(self) -> None:
        self.sub_title = self.entry.path.name
        self.query_one("#errors-body").focus()

    def action_refuse(self) -> None:
        self.notify("This scenario has errors and cannot be started.", severity="warning")

    def action_back(self) -> None:
        self.tapp.go_home()
