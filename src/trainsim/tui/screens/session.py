"""Session: the conversation, the client's state, the options; a coach in practice mode.

Layout (see session.tcss)::

    Title bar
    ┌ transcript ───────────────────┐┌ Client ──────┐
    │ scrolling conversation        ││ state meters │
    │                               │├ Coach ───────┤
    │                               ││ feedback     │
    └───────────────────────────────┘└──────────────┘
    ┌ Your response ─────────────────────────────────┐
    │ #response: the numbered options (OptionList),  │
    │ and #typed, a text box for your own words (Tab)│
    └────────────────────────────────────────────────┘
    Footer

The number keys are screen bindings; a focused Input consumes printable keys, so they do
not clash with typing. The text box shows only where the node takes typed responses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option as ListOption

from trainsim.engine import SessionError
from trainsim.model.record import Turn
from trainsim.reports.debrief import TranscriptLine, transcript_lines, turn_lines
from trainsim.tui.controller import REWIND_REFUSED, AppState, Mode, SessionController
from trainsim.tui.widgets.coach import CoachPanel
from trainsim.tui.widgets.meters import StateMeters
from trainsim.tui.widgets.title_bar import TitleBar
from trainsim.tui.widgets.too_small import SizeGuard, TooSmall
from trainsim.tui.widgets.transcript import Transcript

if TYPE_CHECKING:
    from trainsim.tui.app import TrainsimApp


class SessionScreen(SizeGuard, Screen[None]):
    """One conversation with the client."""

    CSS_PATH = "session.tcss"

    TITLE = "Session"
    BINDINGS = [  # noqa: RUF012
        Binding("1", "choose(1)", "Choose", key_display="1-9"),
        *(Binding(str(n), f"choose({n})", show=False) for n in range(2, 10)),
        Binding("u", "rewind", "Rewind"),
        Binding("u", "rewind_refused", "Rewind", show=False),
        Binding("c", "toggle_coach", "Coach"),
        Binding("enter", "continue", "Continue", priority=True),
    ]

    def __init__(self, state: AppState, controller: SessionController) -> None:
        super().__init__()
        self.state = state
        self.controller = controller
        scenario = controller.scenario
        self.transcript = Transcript(id="transcript")
        self.meters = StateMeters(scenario.state, id="meters")
        self.coach = CoachPanel(id="coach")
        self.options = OptionList(id="options")
        self.typed = Input(placeholder="Or type your own response, then Enter (Tab switches)",
                           id="typed")
        self.ending_bar = Static(id="ending-bar")

    @property
    def tapp(self) -> TrainsimApp:
        return self.app  # type: ignore[return-value]

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="main"):
            yield self.transcript
            with Vertical(id="side"):
                yield self.meters
                yield self.coach
        with Vertical(id="response"):
            yield self.options
            yield self.typed
            yield self.ending_bar
        yield Footer()
        yield TooSmall()

    def on_mount(self) -> None:
        c = self.controller
        self.sub_title = f"{c.scenario.title} · {c.mode.label} mode"
        self.set_class(c.mode is Mode.PRACTICE, "-practice")
        self.set_class(c.mode is Mode.ASSESSMENT, "-assessment")
        self.meters.border_title = Content(f"{c.scenario.client.name}'s state")
        self.coach.border_title = "Coach"
        self.transcript.border_title = "Conversation"
        if c.mode is Mode.ASSESSMENT:
            self.coach.show_text("Assessment mode: feedback on every response waits for you "
                                 "at the debrief.")
        self.apply_coach_visibility()
        self.run_worker(c.warm_coder, thread=True, name="warm-coder", group="coder")
        # a controller may arrive with turns already taken (a resumed session)
        self.transcript.set_lines(self.opening_lines())
        if c.turns:
            self.meters.show(c.turns[-1].state_after, c.turns[-1].state_before)
        self.show_current()

    def opening_lines(self) -> list[TranscriptLine]:
        c = self.controller
        return transcript_lines(c.scenario, c.turns)

    def apply_coach_visibility(self) -> None:
        visible = self.state.coach_visible and self.controller.mode is Mode.PRACTICE
        self.set_class(not visible, "-coach-hidden")

    # -- showing ---------------------------------------------------------------------------
    def show_current(self) -> None:
        """Options (or the ending bar) for where the session now is."""
        session = self.controller.session
        ending = session.ending
        if self.has_class("-ended") != (ending is not None):
            self.set_class(ending is not None, "-ended")
            self.refresh_bindings()  # Continue replaces Choose in the footer
        if ending is not None:
            self.options.clear_options()
            self.ending_bar.update(Content.from_markup(
                "[b]The conversation has ended ($kind).[/b] $summary\n"
                "Press [b]Enter[/b] to continue to your self-assessment.",
                kind=ending.kind, summary=ending.summary))
            self.transcript.focus()
        else:
            self.options.set_options(
                ListOption(Content.from_markup("[b]$n.[/b] $text", n=i, text=o.text), id=o.id)
                for i, o in enumerate(session.options, 1))
            self.options.highlighted = 0 if session.options else None
            count = min(9, len(session.options))
            title = "Your response: press 1" if count == 1 else f"Your response: press 1-{count}"
            typing = session.accepts_text
            self.set_class(not typing, "-no-typing")
            self.options.border_title = title + (", or Tab to type" if typing else "")
            if not (typing and self.typed.has_focus):
                self.options.focus()

    def show_turn(self, turn: Turn) -> None:
        c = self.controller
        lines = [TranscriptLine("trainee", "You", turn.text, turn.index),
                 *turn_lines(c.scenario, turn)]
        with self.app.batch_update():  # one frame for the whole turn
            self.transcript.add_lines(lines)
            self.meters.show(turn.state_after, turn.state_before)
            if c.mode is Mode.PRACTICE:
                self.coach.show_turn(turn, c.rubrics)
            self.show_current()

    # -- actions ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        ended = self.controller.finished
        if action == "choose":
            return not ended
        if action == "continue":
            return ended
        if action == "rewind":
            return self.controller.mode is Mode.PRACTICE
        if action == "rewind_refused":
            return self.controller.mode is not Mode.PRACTICE
        if action == "toggle_coach":
            return self.controller.mode is Mode.PRACTICE
        return True

    def action_choose(self, number: int) -> None:
        session = self.controller.session
        count = len(session.options)
        if session.ending is not None:
            return
        if number > count:
            self.notify(f"There {'is' if count == 1 else 'are'} {count} option"
                        f"{'' if count == 1 else 's'} here: press 1 to {count}.",
                        severity="warning")
            return
        try:
            turn = self.controller.choose(number)
        except SessionError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.show_turn(turn)

    @on(Input.Submitted, "#typed")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            turn = self.controller.respond(event.value)
        except SessionError as exc:
            self.notify(str(exc), severity="warning")
            return
        except Exception as exc:  # the coder could not run: say so, keep the session
            self.notify(f"Your response could not be coded ({exc}); choose an option instead.",
                        severity="error")
            return
        self.typed.clear()
        self.show_turn(turn)

    @on(OptionList.OptionSelected, "#options")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose(event.option_index + 1)

    def action_rewind(self) -> None:
        c = self.controller
        try:
            undone = c.rewind()
        except SessionError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.transcript.drop_from_turn(undone.index)
        turns = c.turns
        if turns:
            self.meters.show(turns[-1].state_after, turns[-1].state_before)
        else:
            self.meters.show(c.session.state)
        self.coach.show_text(f"Turn {undone.index + 1} rewound. You are back where you were: "
                             "try another response.")
        self.show_current()

    def action_rewind_refused(self) -> None:
        self.notify(REWIND_REFUSED, title="Rewind", severity="warning")

    def action_toggle_coach(self) -> None:
        self.tapp.action_toggle_coach()

    def action_continue(self) -> None:
        if self.controller.finished:
            self.tapp.to_self_assessment(self.controller)
