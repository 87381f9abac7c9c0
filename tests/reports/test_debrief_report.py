"""The debrief as data, Markdown and JSON (no Textual involved)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from trainsim.engine import Session
from trainsim.model import Rubric, Scenario
from trainsim.reports import export as report
from trainsim.reports.debrief import (
    band_index,
    better_option_existed,
    build_debrief,
    comparison,
    format_duration,
    sparkline_text,
    transcript_lines,
    visible_options,
)
from trainsim.reports.export import to_dict, to_markdown, write_exports
from trainsim.scoring import score

CREATED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def rubric(rid: str, exempt: list[str] | None = None) -> Rubric:
    return Rubric.model_validate({
        "id": rid, "title": rid.replace("-", " ").capitalize(), "description": "d",
        "indicators": ["i"], "exempt_codes": exempt or [],
        "bands": [{"lower": lower, "label": label, "descriptor": f"{label} work",
                   "tip": f"tip for {label}"}
                  for lower, label in ((0.0, "Beginning"), (0.4, "Developing"),
                                       (0.65, "Proficient"), (0.85, "Exemplary"))]})


RUBRICS = {r.id: r for r in (rubric("open-questions", ["consent_check"]), rubric("consent"))}

SCENARIO = Scenario.model_validate({
    "id": "mini", "title": "Mini", "summary": "s", "difficulty": "introductory",
    "estimated_minutes": 5,
    "client": {"name": "Ana", "age": 33, "pronouns": "she/her", "background": "b",
               "presenting_concern": "c"},
    "content_notes": ["n"], "learning_objectives": ["o"],
    "rubrics": ["open-questions", "consent"],
    "state": {"trust": {"initial": 1, "min": 0, "max": 4}},
    "start": "a",
    "nodes": {
        "a": {
            "narration": "Ana sits down.", "client": "Hi.",
            "exemplar": "What brings you here?",
            "options": [
                {"id": "open", "text": "What brings you?", "codes": ["open_question"],
                 "evidence": {"open-questions": 2}, "effects": {"trust": 1},
                 "feedback": "Invites a story.", "next": "b"},
                {"id": "closed", "text": "Is it work?", "codes": ["closed_question"],
                 "evidence": {"open-questions": -1}, "feedback": "A yes/no question.",
                 "next": "b"},
            ]},
        "b": {
            "client": ["Well.", "It is private."], "tags": ["sensitive"],
            "exemplar": "May we go into that?",
            "options": [
                {"id": "ask", "text": "May we go into that?", "codes": ["consent_check"],
                 "evidence": {"consent": 2}, "next": "end"},
                {"id": "trusted", "text": "You trust me.", "evidence": {"consent": 3},
                 "when": {"var": "trust", "gte": 2}, "next": "end"},
            ]},
        "end": {"client": "Thanks.", "ending": {"kind": "completed", "summary": "Done."}},
    },
})


def play(*choices: str) -> Session:
    session = Session(SCENARIO, RUBRICS, seed=18)
    for choice in choices:
        session.choose(choice)
    return session


def debrief_of(session: Session, ratings: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return build_debrief(SCENARIO, RUBRICS, session.turns, score(session.turns, RUBRICS),
                         ratings, mode="practice", ending=session.ending, duration=65.4,
                         created=CREATED)


def test_transcript_lines_in_order() -> None:
    session = play("open", "ask")
    lines = transcript_lines(SCENARIO, session.turns, session.ending)
    assert [(x.kind, x.text, x.turn) for x in lines] == [
        ("narration", "Ana sits down.", None), ("client", "Hi.", None),
        ("trainee", "What brings you?", 0), ("client", "Well.", 0),
        ("client", "It is private.", 0), ("trainee", "May we go into that?", 1),
        ("client", "Thanks.", 1), ("ending", "Done.", 1)]
    assert lines[0].speaker == "" and lines[1].speaker == "Ana"


def test_visible_options_reapply_conditions() -> None:
    high = play("open", "trusted")  # trust 2: 'trusted' was shown
    assert [o.id for o in visible_options(SCENARIO, high.turns, 1)] == ["ask", "trusted"]
    low = play("closed", "ask")  # trust 1: it was not
    assert [o.id for o in visible_options(SCENARIO, low.turns, 1)] == ["ask"]


def test_better_option_and_exemplar() -> None:
    # 'ask' (2) was the best visible option when trust was low ...
    low = play("closed", "ask")
    assert better_option_existed(SCENARIO, low.turns, 0)
    assert not better_option_existed(SCENARIO, low.turns, 1)
    # ... but 'trusted' (3) was visible and better when trust was high
    high = play("open", "ask")
    assert better_option_existed(SCENARIO, high.turns, 1)
    d = debrief_of(high)
    assert [t.exemplar for t in d.turns] == [None, "May we go into that?"]


@pytest.mark.parametrize(("mine", "scored", "gap", "text"), [
    ("Proficient", "Developing", -1, "you rated Proficient, scored Developing: one band lower"),
    ("Beginning", "Exemplary", 3, "you rated Beginning, scored Exemplary: three bands higher"),
    ("Developing", "Developing", 0, "you rated Developing, scored Developing: your rating "
                                    "matches"),
    ("Developing", None, None, "you rated Developing; this skill was not assessed on the path "
                               "you took"),
    (None, "Developing", None, "scored Developing"),
])
def test_comparison_wording(mine, scored, gap, text) -> None:
    assert comparison(mine, scored, gap) == text


def test_dimension_rows_compare_self_rating_with_band() -> None:
    session = play("closed", "ask")  # open-questions: -1 of 2 -> Beginning; consent 2/2
    d = debrief_of(session, {"open-questions": "Proficient", "consent": "Exemplary"})
    rows = {r.rubric: r for r in d.dimensions}
    oq = rows["open-questions"]
    assert (oq.band, oq.fraction, oq.earned, oq.available) == ("Beginning", 0.0, -1, 2)
    assert oq.gap == band_index(RUBRICS["open-questions"], "Beginning") - 2 == -2
    assert oq.comparison == "you rated Proficient, scored Beginning: two bands lower"
    assert rows["consent"].comparison.endswith("your rating matches")
    assert oq.tip == "tip for Beginning"


def test_state_series_and_sparkline() -> None:
    d = debrief_of(play("open", "ask"))
    (trust,) = d.states
    assert (trust.name, trust.minimum, trust.maximum, trust.values) == ("trust", 0, 4, (1, 2, 2))
    assert sparkline_text([0, 2, 4], 0, 4) == "▁▅█"
    assert sparkline_text([9, -3], 0, 4) == "█▁"  # clamped


def test_markdown_contains_every_section() -> None:
    md = to_markdown(debrief_of(play("closed", "ask"), {"open-questions": "Developing"}))
    assert md.startswith("# Debrief: Mini\n")
    for needle in ["- Mode: practice", "- Ending: Completed: Done.",
                   "- Session time: 1 min 05 s (pauses not counted)",
                   "- Exported: 2025-01-02T03:04:05+00:00",
                   "| Open questions | Beginning (0%) | -1 of 2 | Developing | you rated "
                   "Developing, scored Beginning: one band lower |",
                   "## Turn by turn", "### Turn 1 (a)", 'You said: "Is it work?"',
                   "- Open questions: −1 (best available 2): A yes/no question.",
                   "> A response a skilled clinician might use here: What brings you here?",
                   "## Session metrics", "- Open questions: 0% (0 of 1 questions)",
                   "## Client state across the session", "- trust (0 to 4): `▃▃▃` 1 → 1 → 1",
                   "## Transcript", "*Ana sits down.*", "**Ana:** Hi.", "**You:** Is it work?",
                   "**Ending (completed):** Done."]:
        assert needle in md, needle


def test_json_is_complete_and_plain() -> None:
    data = json.loads(report.to_json(debrief_of(play("open", "ask"), {"consent": "Beginning"})))
    assert data["format"] == "trainsim-debrief" and data["scenario_id"] == "mini"
    assert data["created"] == "2025-01-02T03:04:05+00:00"
    assert data["metrics"]["pct_open"] == 100.0
    assert [t["option"] for t in data["turns"]] == ["open", "ask"]
    assert data["turns"][0]["points"][0] == {"rubric": "open-questions",
                                              "title": "Open questions", "points": 2,
                                              "available": 2, "reason": "Invites a story."}
    assert data["dimensions"][1]["self_rating"] == "Beginning"
    assert data["states"][0]["values"] == [1, 2, 2]
    assert to_dict(debrief_of(play()))["turns"] == []


def test_write_exports_never_overwrites(tmp_path: Path) -> None:
    d = debrief_of(play("open", "ask"))
    md, js = write_exports(d, tmp_path / "out")
    assert (md.name, js.name) == ("mini-20250102-030405.md", "mini-20250102-030405.json")
    assert md.read_text(encoding="utf-8") == to_markdown(d)
    md2, js2 = write_exports(d, tmp_path / "out")
    assert (md2.name, js2.name) == ("mini-20250102-030405-2.md", "mini-20250102-030405-2.json")


def test_unfinished_session_reads_kindly() -> None:
    d = debrief_of(play("open"))
    assert d.ending_kind is None
    assert "ended before an ending was reached" in to_markdown(d)


def test_default_export_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert report.default_export_dir().name == "exports"
    assert "trainsim" in str(report.default_export_dir())
    monkeypatch.setitem(sys.modules, "platformdirs", None)  # not installed
    monkeypatch.setenv("HOME", str(tmp_path))
    assert report.default_export_dir() == tmp_path / ".local/share/trainsim/exports"


def test_format_duration() -> None:
    assert format_duration(0) == "0 s"
    assert format_duration(59.6) == "1 min 00 s"
    assert format_duration(3725) == "62 min 05 s"


def test_reports_do_not_import_textual() -> None:
    code = "import sys, trainsim.reports; sys.exit('textual' in sys.modules)"
    src = Path(__file__).parents[2] / "src"
    result = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(src)},
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_code_names_in_words() -> None:
    from trainsim.reports.debrief import code_names

    assert code_names(("open_question", "consent_check")) == "open question, consent check"
    assert code_names(()) == "no codes"


def test_interrupted_export_leaves_no_partial_file(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk while writing the second file of the pair leaves neither file behind."""
    import errno

    from trainsim import private_files

    d = debrief_of(play("open", "ask"))
    real = private_files._temporary
    calls = []

    def disk_full(folder: Path, text: str) -> Path:
        calls.append(text)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(folder, text)

    monkeypatch.setattr(private_files, "_temporary", disk_full)
    with pytest.raises(OSError, match="No space left"):
        report.write_exports(d, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_exports_are_private_whatever_the_umask(tmp_path: Path) -> None:
    d = debrief_of(play("open", "ask"))
    old = os.umask(0o022)
    try:
        paths = write_exports(d, tmp_path / "new" / "exports")
    finally:
        os.umask(old)
    for path in paths:
        assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "new" / "exports").stat().st_mode & 0o777 == 0o700


def test_exports_in_the_same_second_never_collide(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    d = debrief_of(play("open", "ask"))
    with ThreadPoolExecutor(8) as pool:
        pairs = list(pool.map(lambda _: write_exports(d, tmp_path), range(40)))
    names = {p.name for pair in pairs for p in pair}
    assert len(names) == 80
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)  # no temporaries


def _daniel_typed(lines: list[str] | None):
    from trainsim.library import load_library

    library = load_library()
    scenario = library.scenario("daniel-permission-to-stop").model
    rubrics = {r: library.rubrics[r] for r in scenario.rubrics}
    session = Session(scenario, rubrics, seed=5)
    while session.ending is None and len(session.turns) < 20:
        session.respond(session.node.exemplar if lines is None else lines[0])
    card = score(session.turns, rubrics, scenario)
    return build_debrief(scenario, rubrics, session.turns, card), session


def test_typed_exemplars_are_never_told_a_better_response_existed() -> None:
    debrief, session = _daniel_typed(None)
    assert session.ending is not None and session.ending.kind == "completed"
    assert [t.index for t in debrief.turns if t.better_option] == []
    assert all(t.exemplar is None for t in debrief.turns)
    assert all(d.band == "Exemplary" and not d.held for d in debrief.dimensions)
    assert debrief.objectives and all(reached for _, reached in debrief.objectives)


def test_a_repeated_line_is_shown_the_better_response() -> None:
    line = "That makes a lot of sense. What goes through your mind about that?"
    debrief, _ = _daniel_typed([line])
    later = debrief.turns[1:]
    assert later and all(t.better_option and t.exemplar for t in later)
    assert any("repeats turn 1" in p.reason for t in later for p in t.points)
    markdown = to_markdown(debrief)
    assert "## Learning objectives" in markdown and "- [ ] " in markdown
    assert "- Figure: open questions" in markdown


def test_the_option_order_seed_is_kept_with_the_debrief() -> None:
    session = Session(SCENARIO, RUBRICS, seed=7)
    session.choose(1)
    card = score(session.turns, RUBRICS, SCENARIO)
    debrief = build_debrief(SCENARIO, RUBRICS, session.turns, card, seed=session.seed)
    assert to_dict(debrief)["seed"] == 7
    assert "- Option order seed: 7" in to_markdown(debrief)


HOSTILE = ("<script>alert(1)</script> <img src=x onerror=alert(2)>\n# Injected heading\n"
           "[@click=app.quit]quit[/] **bold** `code` | cell \x1b]0;pwned\x07\x1b[2J &amp;")


def test_markdown_export_is_inert() -> None:
    """Content and typed text render as text: no element, heading or link of their own."""
    from dataclasses import replace

    from markdown_it import MarkdownIt

    d = debrief_of(play("open", "ask"))
    d = replace(d, objectives=(("A plain objective", True),),
                turns=tuple(replace(t, exemplar="A plain exemplar.") for t in d.turns))
    hostile = replace(
        d, title=HOSTILE, client=HOSTILE,
        turns=tuple(replace(t, text=HOSTILE, exemplar=HOSTILE, node=HOSTILE) for t in d.turns),
        transcript=tuple(replace(line, text=HOSTILE, speaker=HOSTILE) for line in d.transcript),
        objectives=((HOSTILE, True),))
    text = to_markdown(hostile)
    assert "\x1b" not in text and "\x07" not in text
    html_plain = MarkdownIt("commonmark").render(to_markdown(d))
    html = MarkdownIt("commonmark").render(text)
    for tag in ("<script", "<img", "<a "):
        assert tag not in html
    for tag in ("<h1", "<h2", "<h3", "<table", "<li", "<strong", "<em", "<blockquote", "<code"):
        assert html.count(tag) == html_plain.count(tag), tag
    assert "&lt;script&gt;" in html and "Injected heading" in html
