"""Markup and escape sequences in content files are shown as text, never applied or run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from textual.widgets import Static
from tui_support import DATA

from trainsim.library import load_library
from trainsim.tui.screens.briefing import BriefingScreen

HOSTILE = "[/draft] [@click=app.quit]quit[/] [b red]loud[/] \x1b]0;pwned\x07"


def hostile_library(tmp_path: Path):  # type: ignore[no-untyped-def]
    shutil.copytree(DATA, tmp_path / "lib")
    path = tmp_path / "lib" / "scenarios" / "tiny.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = json.dumps(HOSTILE)  # a JSON string is a valid YAML double-quoted scalar
    text = text.replace('summary: "A four-node scenario for tests."', f"summary: {quoted}", 1)
    text = text.replace('content_notes: ["none: a test"]', f"content_notes: [{quoted}]", 1)
    text = text.replace('title: "Tiny test client"', 'title: "[/draft] Maya"', 1)
    text = text.replace("{name: Test,", f"{{name: {quoted},", 1)
    path.write_text(text, encoding="utf-8")
    library = load_library([tmp_path / "lib"])
    assert library.scenario("tiny").model.summary == HOSTILE
    return library


async def test_briefing_shows_markup_from_a_file_as_text(make_app, tmp_path: Path) -> None:
    app = make_app(hostile_library(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen)
        summary = str(app.screen.query_one("#briefing-summary", Static).render())
        assert "[@click=app.quit]quit[/]" in summary and "[b red]loud[/]" in summary
        notes = str(app.screen.query_one("#content-notes", Static).render())
        assert "[/draft]" in notes
        await pilot.click("#briefing-summary")
        assert app.is_running  # the action link is text, not a live link
        await pilot.press("a", "enter")  # on into the session: the client's name is shown
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "SessionScreen"
