"""The trainsim terminal app.

Screens (one module each under ``screens/``, styles in ``.tcss`` beside them)::

    Home ──Enter──> Briefing ──Enter──> Session ──ending, Enter──> Self-assessment
      ^   (errors)      │ a, m            │ 1-9, u, p               │ 1-4, Enter
      │                 v                 v                         v
      └──escape──── ScenarioErrors     Pause (modal)             Debrief ── e: export

State is passed, never global: :class:`~trainsim.tui.controller.AppState` lives as long as
the app and a :class:`~trainsim.tui.controller.SessionController` travels from the briefing
to the debrief. Clock, "now" and export folder are injected so tests are deterministic.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from trainsim.tui.controller import AppState, Clock, Mode
from trainsim.tui.listing import rows_from
from trainsim.tui.screens.home import HomeScreen

if TYPE_CHECKING:  # the engine, models and library load on first use, not at start-up
    from textual.command import Provider

    from trainsim.engine.session import Coder
    from trainsim.library import Library, Loaded
    from trainsim.model import Scenario
    from trainsim.tui.controller import SessionController
    from trainsim.tui.screens.pause import PauseResult

# Screens other than Home are imported when first shown: start-up only pays for Home.

HERE = Path(__file__).parent
"""An absolute style path, so subclasses defined elsewhere (tests, bench) find it too."""

THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-latte", "tokyo-night")

QUIT_QUESTION = ("A session is in progress. If you quit now, this session will not be kept.\n\n"
                 "Quit anyway?")


def _now() -> datetime:
    return datetime.now().astimezone()


def _commands() -> type[Provider]:
    """Our command palette provider, imported when the palette first opens."""
    from trainsim.tui.commands import TrainsimCommands

    return TrainsimCommands


class TrainsimApp(App[int]):
    """Practise conversations with fictional clients; see the module docstring for the map."""

    TITLE = "trainsim"
    # The home screen's styles load with the app's (it is the default screen); every other
    # screen brings its own .tcss, loaded when it is first shown.
    CSS_PATH: ClassVar[list[str | Path]] = [  # type: ignore[misc]
        HERE / "app.tcss", HERE / "screens" / "home.tcss"]
    COMMANDS = App.COMMANDS | {_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("p", "pause", "Pause"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, library: Library | None = None, *, scenario: str | None = None,
                 clock: Clock = time.monotonic, now: Callable[[], datetime] = _now,
                 export_dir: Path | None = None, coder: Coder | None = None,
                 seeds: Callable[[], int] | None = None) -> None:
        super().__init__()
        self.state = AppState(library, clock=clock, now=now, export_dir=export_dir, coder=coder)
        if seeds is not None:
            self.state.seeds = seeds
        self.start_scenario = scenario

    # -- start -----------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        return HomeScreen(self.state)

    def on_mount(self) -> None:
        if self.start_scenario is not None:
            self.open_by_id(self.start_scenario)

    # -- navigation ------------------------------------------------------------------------
    def go_home(self) -> None:
        """Back to the library, closing every screen above it."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def open_by_id(self, scenario_id: str) -> None:
        """The briefing (or the errors) of a scenario by library id or YAML path."""
        entry = self.state.entry(scenario_id)
        if entry is None:
            entry = self._load_path(scenario_id)
        if entry is None:
            self.notify(f"There is no scenario '{scenario_id}' in the library.",
                        severity="warning", markup=False)
            return
        self.open_entry(entry)

    def _load_path(self, ref: str) -> Loaded[Scenario] | None:
        path = Path(ref)
        if path.suffix not in (".yaml", ".yml") or not path.is_file():
            return None
        from trainsim.library import load_scenario

        library = self.state.library
        entry = load_scenario(path, library.rubrics)
        if all(e.path != entry.path for e in library.scenario_files):
            library.scenario_files.append(entry)
            self.state.listing = rows_from(library)
        return entry

    def open_entry(self, entry: Loaded[Scenario]) -> None:
        if self.state.session_in_progress:
            self.notify("A session is in progress: finish it, or end it from the pause screen "
                        "(p), before opening another.", severity="warning")
            return
        from trainsim.tui.screens.briefing import BriefingScreen, ScenarioErrorsScreen

        self.go_home()
        if entry.ok and entry.model is not None:
            self.push_screen(BriefingScreen(self.state, entry.model))
        else:
            self.push_screen(ScenarioErrorsScreen(entry))

    def start_session(self, scenario: Scenario, mode: Mode) -> None:
        from trainsim.tui.screens.session import SessionScreen

        controller = self.state.start(scenario, mode)
        self.switch_screen(SessionScreen(self.state, controller))

    def to_self_assessment(self, controller: SessionController) -> None:
        from trainsim.tui.screens.self_assessment import SelfAssessmentScreen

        self.switch_screen(SelfAssessmentScreen(self.state, controller))

    def to_debrief(self, controller: SessionController) -> None:
        from trainsim.tui.screens.debrief import DebriefScreen

        self.state.finish(controller)
        self.switch_screen(DebriefScreen(self.state, controller))

    # -- actions everywhere ----------------------------------------------------------------
    def action_pause(self) -> None:
        from trainsim.tui.screens.pause import PauseScreen
        from trainsim.tui.screens.session import SessionScreen

        if isinstance(self.screen, PauseScreen):
            return
        controller = self.state.active if self.state.session_in_progress else None
        can_end = isinstance(self.screen, SessionScreen)

        def closed(result: PauseResult | None) -> None:
            if result == "end" and controller is not None:
                self.state.stop(controller)
                self.go_home()
                self.notify("Session ended. Take whatever time you need; you can start again "
                            "whenever you are ready.", title="Session ended")

        self.push_screen(PauseScreen(controller, can_end=can_end), closed)

    def action_help(self) -> None:
        from trainsim.tui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        keys: list[tuple[str, str]] = []
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if (active.node is self or not binding.show or not active.enabled
                    or binding.description in seen):
                continue
            seen.add(binding.description)
            keys.append((binding.key_display or self.get_key_display(binding),
                         binding.description))
        title = screen.title or type(screen).__name__
        self.push_screen(HelpScreen(title, keys))

    async def action_quit(self) -> None:
        from trainsim.tui.screens.confirm import ConfirmScreen
        from trainsim.tui.screens.pause import PauseScreen

        if not self.state.session_in_progress or isinstance(self.screen, ConfirmScreen):
            self.exit(0)
            return
        controller = self.state.active
        if controller is not None:
            controller.pause()

        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.exit(0)
            elif controller is not None and not isinstance(self.screen, PauseScreen):
                controller.resume()

        self.push_screen(ConfirmScreen(QUIT_QUESTION, yes="Quit", no="Keep going",
                                       title="Quit trainsim?"), answered)

    def action_toggle_coach(self) -> None:
        from trainsim.tui.screens.session import SessionScreen

        self.state.coach_visible = not self.state.coach_visible
        screen = self.screen
        shown = "shown" if self.state.coach_visible else "hidden"
        if isinstance(screen, SessionScreen):
            screen.apply_coach_visibility()
            if screen.controller.mode is Mode.ASSESSMENT:
                self.notify("In assessment mode the coach waits until the debrief.")
                return
        self.notify(f"Coach panel {shown}.")

    def action_export(self) -> None:
        from trainsim.tui.screens.debrief import DebriefScreen

        screen = self.screen
        if isinstance(screen, DebriefScreen):
            screen.action_export()
        else:
            self.notify("Export is available on the debrief, at the end of a session.")

    def action_switch_theme(self) -> None:
        themes = [t for t in THEMES if t in self.available_themes]
        current = themes.index(self.theme) if self.theme in themes else -1
        self.theme = themes[(current + 1) % len(themes)]
        self.notify(f"Theme: {self.theme}")
