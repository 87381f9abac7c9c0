"""The trainee's journey through the app, driven by Pilot."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import DataTable, Input, Sparkline, Static
from tui_support import FakeClock, RecordingApp

from trainsim.tui.controller import Mode
from trainsim.tui.screens.briefing import BriefingScreen, ScenarioErrorsScreen
from trainsim.tui.screens.confirm import ConfirmScreen
from trainsim.tui.screens.debrief import DebriefScreen
from trainsim.tui.screens.help import HelpScreen
from trainsim.tui.screens.home import HomeScreen
from trainsim.tui.screens.pause import PauseScreen
from trainsim.tui.screens.self_assessment import SelfAssessmentScreen
from trainsim.tui.screens.session import SessionScreen
from trainsim.tui.widgets.rating import RatingCard
from trainsim.tui.widgets.transcript import Transcript

SIZE = (100, 30)


def text_of(app: RecordingApp, selector: str) -> str:
    """The plain text a Static shows."""
    widget = app.screen.query_one(selector, Static)
    return str(widget.render())


def transcript_texts(app: RecordingApp) -> list[str]:
    return [line.text for line in app.screen.query_one(Transcript).lines]


async def to_session(pilot, mode: Mode = Mode.PRACTICE) -> SessionScreen:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press("enter")
    assert isinstance(app.screen, BriefingScreen)
    await pilot.press("a")
    if mode is Mode.ASSESSMENT:
        await pilot.press("m")
    await pilot.press("enter")
    assert isinstance(app.screen, SessionScreen)
    return app.screen


# -- home ------------------------------------------------------------------------------------
async def test_home_lists_library_and_filters(make_app, broken_library) -> None:
    app = make_app(broken_library)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(2)]
        broken = next(r for r in rows if r[0] == "broken.yaml")
        assert "1 error" in broken[1] or "errors" in broken[1]
        tiny = next(r for r in rows if r[0] == "Tiny test client")
        assert tiny[2:5] == ["Test", "introductory", "3"]
        assert "none: a test" in tiny[5]
        # typing while the table has focus goes to the filter
        await pilot.press("t", "i", "n", "y")
        assert app.screen.query_one(Input).value == "tiny"
        assert table.row_count == 1
        await pilot.press("escape")
        assert table.row_count == 2 and app.screen.focused is table
        await pilot.press("slash", *"zzz")
        assert table.row_count == 0
        assert "No scenario matches" in text_of(app, "#details")


async def test_home_up_down_and_enter_opens_briefing(make_app, broken_library) -> None:
    app = make_app(broken_library)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(DataTable)
        await pilot.press("down")
        assert table.cursor_row == 1
        assert "Tiny test client" in text_of(app, "#details")
        await pilot.press("up")
        assert table.cursor_row == 0
        await pilot.press("down", "enter")
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.scenario.id == "tiny"


async def test_arrows_and_enter_work_from_the_filter_box(make_app, broken_library) -> None:
    app = make_app(broken_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen.focused, Input)
        await pilot.press("down")
        assert app.screen.query_one(DataTable).cursor_row == 1
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen)


async def test_invalid_scenario_shows_errors_and_cannot_start(make_app, broken_library) -> None:
    app = make_app(broken_library)
    async with app.run_test(size=SIZE) as pilot:
        assert "cannot be started" in text_of(app, "#details")
        await pilot.press("enter")
        assert isinstance(app.screen, ScenarioErrorsScreen)
        problems = text_of(app, "#problems")
        assert "lib/scenarios/broken.yaml:4:" in problems
        assert "difficulty" in problems
        await pilot.press("enter")
        assert isinstance(app.screen, ScenarioErrorsScreen)
        assert app.state.active is None
        assert any("cannot be started" in n for n in app.notices)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_launch_with_scenario_opens_its_briefing(make_app) -> None:
    app = make_app(scenario="tiny")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.scenario.id == "tiny"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_launch_with_unknown_scenario_stays_home(make_app) -> None:
    app = make_app(scenario="no-such-thing")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("no-such-thing" in n for n in app.notices)


# -- briefing --------------------------------------------------------------------------------
async def test_briefing_shows_profile_and_requires_acknowledgement(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        assert "they/them" in text_of(app, "#client-profile")
        assert "exercise the engine" in text_of(app, "#objectives")
        skills = text_of(app, "#scored-skills")
        assert "Test rubric open-questions" in skills and "Test rubric consent" in skills
        assert "none: a test" in text_of(app, "#content-notes")
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen)
        assert any("acknowledge" in n for n in app.notices)
        assert app.state.active is None
        assert "not yet acknowledged" in text_of(app, "#briefing-status")
        await pilot.press("m")
        assert screen.mode is Mode.ASSESSMENT
        assert "● Assessment" in text_of(app, "#briefing-status")
        await pilot.press("m")
        assert screen.mode is Mode.PRACTICE
        await pilot.press("a")
        assert "acknowledged" in text_of(app, "#briefing-status")
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert app.state.active is not None and app.state.active.mode is Mode.PRACTICE


# -- the whole journey, both modes ------------------------------------------------------------
async def test_practice_journey_end_to_end(make_app, clock: FakeClock, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_session(pilot)
        controller = screen.controller
        assert transcript_texts(app) == ["They sit down.", "Hello."]
        options = screen.query_one("#options")
        assert options.option_count == 2  # type: ignore[attr-defined]

        clock.advance(7)
        await pilot.press("1")
        session = controller.session
        assert [t.option for t in session.turns] == ["ask"]
        assert session.node_id == "topic"
        assert transcript_texts(app)[-3:] == ["What brings you here today?", "It's hard to say.",
                                              "Something personal."]
        meters = text_of(app, "#meters")
        assert "+1" in meters  # trust 2 -> 3 (clamped from +5)
        coach = text_of(app, "#coach")
        assert "An open question invites a story." in coach and "+2" in coach
        assert options.option_count == 3  # type: ignore[attr-defined]  # 'deep' now visible
        assert session.turns[0].time == 7

        # pause: the paused time is not session time
        await pilot.press("p")
        assert isinstance(app.screen, PauseScreen)
        assert "5" in str(app.screen.query_one("#grounding", Static).render())
        assert controller.clock.paused
        clock.advance(600)
        await pilot.press("r")
        assert isinstance(app.screen, SessionScreen)
        assert not controller.clock.paused
        clock.advance(3)
        await pilot.press("1")
        assert session.turns[1].time == 10  # 7 + 3: the 600 s pause is excluded
        assert session.ending is not None and session.ending.kind == "completed"
        assert "Went well." in text_of(app, "#ending-bar")
        assert screen.has_class("-ended")

        # number keys do nothing once the conversation has ended
        await pilot.press("2")
        assert len(session.turns) == 2

        await pilot.press("enter")
        assert isinstance(app.screen, SelfAssessmentScreen)
        cards = list(app.screen.query(RatingCard))
        assert [c.rubric.id for c in cards] == ["open-questions", "consent", "pacing"]
        assert "Proficient" in str(cards[0].render()) and "d2" in str(cards[0].render())
        await pilot.press("enter")
        assert isinstance(app.screen, SelfAssessmentScreen)
        assert any("rate every skill" in n for n in app.notices)
        await pilot.press("3")  # open-questions: Proficient, focus moves to consent
        assert app.screen.focused is cards[1]
        await pilot.press("enter")
        assert isinstance(app.screen, SelfAssessmentScreen)
        await pilot.press("2")  # consent: Developing
        await pilot.press("enter")
        assert isinstance(app.screen, SelfAssessmentScreen)
        assert "2 of 3 skills rated" in text_of(app, "#self-status")
        await pilot.press("1")  # pacing: Beginning
        assert controller.self_ratings == {"open-questions": "Proficient",
                                           "consent": "Developing", "pacing": "Beginning"}
        await pilot.press("enter")

        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        assert debrief.title == "Debrief"
        skills = text_of(app, "#skills")
        assert "you rated Proficient, scored Exemplary: one band higher" in skills
        assert "you rated Developing, scored Exemplary: two bands higher" in skills
        assert "100%" in skills
        # pacing: no option offers points, so the session rule (a reflection per question) decides
        assert "you rated Beginning, scored Beginning: your rating matches" in skills
        evidence = text_of(app, "#evidence")
        assert "Turn 1" in evidence and "An open question invites a story." in evidence
        assert "skilled clinician" not in evidence  # the best option each time: no exemplar
        metrics = text_of(app, "#metrics")
        assert "Open questions: 100%" in metrics
        assert "1 before the first sensitive moment" in metrics
        sparks = {s.id: list(s.data or []) for s in debrief.query(Sparkline)}
        assert sparks == {"spark-trust": [2, 3, 3], "spark-distress": [1, 1, 1]}
        assert "Thank you." in text_of(app, "#debrief-transcript")
        assert "session time 10 s" in text_of(app, "#debrief-summary")

        await pilot.press("e")
        assert debrief.exported is not None
        md, js = debrief.exported
        assert md.parent == tmp_path / "exports"
        assert md.name == "tiny-20250314-093000.md"
        assert str(md) in text_of(app, "#export-status")
        markdown = md.read_text(encoding="utf-8")
        assert markdown.startswith("# Debrief: Tiny test client")
        assert "you rated Proficient, scored Exemplary: one band higher" in markdown
        data = json.loads(js.read_text(encoding="utf-8"))
        assert data["mode"] == "practice" and data["ending_kind"] == "completed"
        assert [t["option"] for t in data["turns"]] == ["ask", "consent"]
        assert data["duration"] == 10

        # back home, the scenario shows as done with its bands
        assert not app.state.session_in_progress
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        row = [str(c) for c in app.screen.query_one(DataTable).get_row_at(0)]
        assert "done" in row[1] and row[6] == "Exe/Exe/Beg"


async def test_assessment_journey_hides_feedback_and_refuses_rewind(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_session(pilot, Mode.ASSESSMENT)
        controller = screen.controller
        assert controller.mode is Mode.ASSESSMENT
        assert "feedback on every response waits" in text_of(app, "#coach")
        await pilot.press("2")  # the closed question
        coach = text_of(app, "#coach")
        assert "open question" not in coach and "−1" not in coach
        await pilot.press("u")
        assert len(controller.turns) == 1
        assert any("not available in assessment mode" in n for n in app.notices)
        assert "u" not in {k for k, b in screen.active_bindings.items() if b.binding.show}
        await pilot.press("2")  # push: the rupture ending
        assert controller.session.ending is not None
        assert controller.session.ending.kind == "rupture"
        await pilot.press("enter", "1", "1", "1", "enter")
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        skills = text_of(app, "#skills")
        assert "you rated Beginning, scored Beginning: your rating matches" in skills
        evidence = text_of(app, "#evidence")
        assert "−1" in evidence and "−2" in evidence
        # a better option was visible at both nodes: the exemplars are shown
        assert "What would you like us to focus on today?" in evidence
        assert "at your pace?" in evidence
        await pilot.press("e")
        assert debrief.exported is not None
        data = json.loads(debrief.exported[1].read_text(encoding="utf-8"))
        assert data["mode"] == "assessment" and data["ending_kind"] == "rupture"
        markdown = debrief.exported[0].read_text(encoding="utf-8")
        assert "- Mode: assessment" in markdown


async def test_rewind_in_practice_mode(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_session(pilot)
        controller = screen.controller
        await pilot.press("1")
        assert controller.session.state["trust"] == 3
        await pilot.press("u")
        assert controller.turns == ()
        assert controller.session.node_id == "hello"
        assert dict(controller.session.state) == {"trust": 2, "distress": 1}
        assert transcript_texts(app) == ["They sit down.", "Hello."]
        assert "rewound" in text_of(app, "#coach")
        assert screen.query_one("#options").option_count == 2  # type: ignore[attr-defined]
        await pilot.press("u")  # nothing left to rewind: a message, no crash
        assert any("nothing to rewind" in n for n in app.notices)
        # rewinding from an ending brings the options back
        await pilot.press("1", "2")
        assert controller.session.ending is not None
        await pilot.press("u")
        assert controller.session.ending is None and not screen.has_class("-ended")
        assert screen.query_one("#options").option_count == 3  # type: ignore[attr-defined]


async def test_number_beyond_the_options_is_refused_kindly(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_session(pilot)
        await pilot.press("7")
        assert screen.controller.turns == ()
        assert any("press 1 to 2" in n for n in app.notices)


async def test_enter_on_highlighted_option_chooses_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_session(pilot)
        await pilot.press("down", "enter")
        assert [t.option for t in screen.controller.turns] == ["yes-no"]


# -- pause, quit, help, coach, palette --------------------------------------------------------
async def test_end_session_from_pause_returns_home(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_session(pilot)
        await pilot.press("1", "p")
        assert isinstance(app.screen, PauseScreen)
        await pilot.press("e")
        assert isinstance(app.screen, HomeScreen)
        assert app.state.active is None and not app.state.session_in_progress
        assert "tiny" not in app.state.results


async def test_pause_outside_a_session_has_no_end_button(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PauseScreen)
        assert not app.screen.query("#end")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_quit_asks_first_during_a_session(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_session(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        assert screen.controller.clock.paused
        await pilot.press("n")
        assert isinstance(app.screen, SessionScreen)
        assert not screen.controller.clock.paused
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value == 0


async def test_quit_without_a_session_exits_at_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == 0


async def test_help_lists_the_screen_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_session(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = dict(app.screen.keys)
        assert keys["1-9"] == "Choose" and keys["u"] == "Rewind"
        text = text_of(app, "#help-keys")
        assert "grounding exercise" in text
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_coach_panel_toggles(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_session(pilot)
        coach = screen.query_one("#coach")
        assert coach.display
        await pilot.press("c")
        assert not coach.display and not app.state.coach_visible
        await pilot.press("c")
        assert coach.display


async def test_command_palette_starts_a_scenario(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"start tiny")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.scenario.id == "tiny"


async def test_commands_switch_theme_and_export_outside_debrief(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        before = app.theme
        app.action_switch_theme()
        await pilot.pause()
        assert app.theme != before
        app.action_export()
        assert any("Export is available on the debrief" in n for n in app.notices)
        from trainsim.tui.commands import TrainsimCommands

        names = [name for name, _, _ in TrainsimCommands(app.screen).commands()]
        assert "Start scenario: Tiny test client" in names
        assert {"Toggle coach panel", "Export debrief", "Switch theme"} <= set(names)


async def test_opening_another_scenario_mid_session_is_refused(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_session(pilot)
        app.open_by_id("tiny")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert any("A session is in progress" in n for n in app.notices)


# -- size ------------------------------------------------------------------------------------
async def test_too_small_terminal_shows_a_message(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        cover = app.screen.query_one("#too-small", Static)
        assert cover.display and app.screen.has_class("-too-small")
        assert "Please enlarge the terminal to at least 80x24" in str(cover.render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not cover.display
        await pilot.press("enter")
        await pilot.resize_terminal(100, 23)
        await pilot.pause()
        assert app.screen.query_one("#too-small").display


async def test_theme_change_rewraps_the_transcript(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_session(pilot)
        transcript = screen.query_one(Transcript)
        before = transcript._generation
        app.action_switch_theme()
        await pilot.pause()
        assert transcript._generation > before
        assert "Hello." in transcript.text()


def test_launch_runs_the_app_and_returns_its_exit_code(monkeypatch, good_library) -> None:
    from trainsim.library import catalog
    from trainsim.tui import app as app_module
    from trainsim.tui.launch import launch

    seen: dict[str, object] = {}

    def fake_run(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen["scenario"] = self.start_scenario
        seen["library"] = self.state.library
        return 0

    monkeypatch.setattr(catalog, "load_library", lambda *a, **k: good_library)
    monkeypatch.setattr(app_module.TrainsimApp, "run", fake_run)
    assert launch(scenario="tiny") == 0
    assert seen == {"scenario": "tiny", "library": good_library}
    assert launch() == 0 and seen["scenario"] is None
