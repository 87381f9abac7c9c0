"""Typing a response in the session: Tab to the text box, coding, coach highlights, debrief."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.widgets import Input, OptionList, Static
from tui_support import RecordingApp

from trainsim.tui.screens.debrief import DebriefScreen
from trainsim.tui.screens.self_assessment import SelfAssessmentScreen
from trainsim.tui.screens.session import SessionScreen

SIZE = (100, 30)


@dataclass
class FakeCodes:
    codes: list[str]
    spans: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    doubtful: list[str] = field(default_factory=list)

    def labels(self) -> list[str]:
        return self.codes

    def unsure(self) -> list[str]:
        return self.doubtful


def fake_coder(text: str, client_text: str | None) -> FakeCodes:
    """'What ...?' is an open question (span: 'What'); 'Is it okay ...' a consent check."""
    if text.startswith("What"):
        return FakeCodes(["open_question"], {"open_question": ((0, 4),)})
    if text.startswith("Is it okay"):
        return FakeCodes(["consent_check", "closed_question"],
                         {"consent_check": ((0, 10),)})
    if text.startswith("Why did"):
        return FakeCodes(["open_question", "judgment"], {"judgment": ((0, 7),)}, ["judgment"])
    return FakeCodes([])


async def _session(pilot) -> SessionScreen:  # type: ignore[no-untyped-def]
    await pilot.press("enter", "a", "enter")
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen


async def test_tab_to_text_box_type_and_get_coded_feedback(make_app) -> None:
    app: RecordingApp = make_app(coder=fake_coder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _session(pilot)
        box = screen.query_one("#typed", Input)
        assert box.display and isinstance(screen.focused, OptionList)
        assert "or Tab to type" in str(screen.query_one(OptionList).border_title)
        await pilot.press("tab")
        assert screen.focused is box
        await pilot.press(*"What 2 brings you in?")  # digits type, they do not choose
        assert box.value == "What 2 brings you in?"
        assert screen.controller.turns == ()
        await pilot.press("enter")
        await pilot.pause()
        turn = screen.controller.turns[0]
        assert turn.kind == "typed" and turn.codes == ("open_question",)
        assert screen.controller.session.node_id == "topic"
        assert box.value == "" and screen.focused is box  # ready for the next response
        coach = screen.query_one("#coach", Static)
        rendered = coach.render()
        assert "Coded as: open question" in str(rendered)
        highlighted = [str(rendered)[s.start:s.end] for s in rendered.spans
                       if "reverse" in str(s.style)]
        assert highlighted == ["What"]


async def test_empty_text_is_refused_kindly(make_app) -> None:
    app: RecordingApp = make_app(coder=fake_coder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _session(pilot)
        await pilot.press("tab", "enter")
        assert screen.controller.turns == ()
        assert any("the response is empty" in n for n in app.notices)


async def test_typed_turns_reach_the_debrief_with_codes(make_app) -> None:
    app: RecordingApp = make_app(coder=fake_coder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _session(pilot)
        await pilot.press("tab", *"What brings you in?", "enter")
        await pilot.press(*"Is it okay if we talk about that?", "enter")
        await pilot.pause()
        assert screen.controller.finished
        assert not screen.query_one("#typed", Input).display
        await pilot.press("enter")
        assert isinstance(app.screen, SelfAssessmentScreen)
        for _ in screen.controller.scored_rubrics:
            await pilot.press("3")
        await pilot.press("enter")
        assert isinstance(app.screen, DebriefScreen)
        debrief = screen.controller.debrief()
        typed = [t for t in debrief.turns if t.kind == "typed"]
        assert [t.codes for t in typed] == [("open_question",),
                                            ("closed_question", "consent_check")]
        page = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Typed; coded as: open question" in page


async def test_coder_is_warmed_in_the_background_when_the_session_opens(make_app) -> None:
    calls: list[str] = []

    def recording_coder(text: str, client_text: str | None) -> FakeCodes:
        calls.append(text)
        return fake_coder(text, client_text)

    app: RecordingApp = make_app(coder=recording_coder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _session(pilot)
        await screen.workers.wait_for_complete()
        assert calls == ["Okay."]  # loaded once, before anything was typed
        assert screen.controller.turns == ()


async def test_a_response_with_nothing_to_answer_leaves_the_client_waiting(make_app) -> None:
    app: RecordingApp = make_app(coder=fake_coder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _session(pilot)
        await pilot.press("tab", *"ok", "enter")
        await pilot.pause()
        [turn] = screen.controller.turns
        assert turn.held and screen.controller.session.node_id == "hello"
        lines = screen.transcript.lines
        assert [line.text for line in lines[-2:]] == ["ok", "Test waits for you to say more."]
        assert "stays where it is" in str(screen.query_one("#coach", Static).render())


async def test_coach_marks_unsure_codes_and_states_the_safety_rule(make_app) -> None:
    app: RecordingApp = make_app(coder=fake_coder)
    async with app.run_test(size=(100, 50)) as pilot:
        screen = await _session(pilot)
        await pilot.press("tab", *"Why did you wait?", "enter")
        await pilot.pause()
        turn = screen.controller.turns[0]
        assert turn.unsure == ("judgment",)
        text = str(screen.query_one("#coach", Static).render())
        assert "judgment (unsure)" in text
        assert "a supervisor may" in text
        assert "Safety rule:" in text and "no validation points" in text
