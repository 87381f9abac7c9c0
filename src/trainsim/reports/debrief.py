"""The debrief after a session, as plain data, Markdown and JSON.

Pure: everything is computed from the scenario, the rubrics, the turn records, the
scorecard and the trainee's self-ratings. Markdown, JSON and the files written are in
:mod:`trainsim.reports.export`. No Textual here: the app and the command line both build on
this module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from trainsim.model import Ending, Option, Rubric, Scenario
from trainsim.model.record import Turn
from trainsim.model.scorecard import Metrics, Scorecard

LineKind = Literal["client", "narration", "trainee", "ending"]

_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SPARK = "▁▂▃▄▅▆▇█"


# -- data ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class TranscriptLine:
    """One line of the conversation. ``turn`` is the turn that led to it (None: the opening)."""

    kind: LineKind
    speaker: str
    text: str
    turn: int | None = None


@dataclass(frozen=True)
class PointRow:
    """Points one turn earned or lost on one dimension, and why."""

    rubric: str
    title: str
    points: int
    available: int
    reason: str


@dataclass(frozen=True)
class TurnRow:
    """One turn as the debrief shows it."""

    index: int
    node: str
    text: str
    option: str | None
    points: tuple[PointRow, ...]
    feedback: str
    better_option: bool
    """A better response was available: the best visible option or the node's exemplar,
    scored by the same coder and rules, earns more in total than this turn did."""
    exemplar: str | None
    """The node's exemplar, given only when a better response was available."""
    state_before: dict[str, int]
    state_after: dict[str, int]
    kind: str = "choice"
    """'choice' for a chosen option, 'typed' for the trainee's own words."""
    codes: tuple[str, ...] = ()
    """What the coder found in a typed response (empty for choices)."""
    unsure: tuple[str, ...] = ()
    """Codes among ``codes`` the coder was unsure of."""


@dataclass(frozen=True)
class DimensionRow:
    """One scored dimension beside the trainee's own rating."""

    rubric: str
    title: str
    band: str | None
    fraction: float | None
    earned: int
    available: int
    descriptor: str | None
    tip: str | None
    self_rating: str | None
    gap: int | None
    """Scored band index minus self-rated band index (negative: scored lower)."""
    comparison: str
    points_band: str | None = None
    """The band of the points alone, before coverage, the figure and the caps."""
    held: tuple[str, ...] = ()
    """Why the band is lower than the points band: one line per limit."""
    figure: str | None = None
    """The figure the band descriptors cite, as computed (e.g. 'open questions: 86%')."""


@dataclass(frozen=True)
class StateSeries:
    """A client state variable across the session: the initial value, then after each turn."""

    name: str
    minimum: int
    maximum: int
    values: tuple[int, ...]
    description: str = ""


@dataclass(frozen=True)
class Debrief:
    """Everything the debrief shows, ready to render or export."""

    scenario_id: str
    title: str
    client: str
    mode: str
    ending_kind: str | None
    ending_summary: str | None
    duration: float
    dimensions: tuple[DimensionRow, ...]
    turns: tuple[TurnRow, ...]
    session_points: tuple[PointRow, ...]
    """Points for the session as a whole (rubric session rules), not tied to one turn."""
    metrics: Metrics
    states: tuple[StateSeries, ...]
    transcript: tuple[TranscriptLine, ...]
    created: datetime | None = None
    objectives: tuple[tuple[str, bool], ...] = ()
    """Each learning objective tied to nodes, and whether the session reached it."""
    seed: int | None = None
    """The session's option-order seed: a replay with it shows the options in the same order."""


# -- building ------------------------------------------------------------------------------
def transcript_lines(scenario: Scenario, turns: Sequence[Turn],
                     ending: Ending | None = None) -> list[TranscriptLine]:
    """The conversation so far: each node's narration and client lines, the trainee's turns."""
    name = scenario.client.name
    lines: list[TranscriptLine] = node_lines(scenario, scenario.start, None, name)
    for turn in turns:
        lines.append(TranscriptLine("trainee", "You", turn.text, turn.index))
        lines += turn_lines(scenario, turn, name)
    if ending is not None:
        lines.append(TranscriptLine("ending", ending.kind, ending.summary,
                                    turns[-1].index if turns else None))
    return lines


def turn_lines(scenario: Scenario, turn: Turn, name: str | None = None) -> list[TranscriptLine]:
    """What answers a trainee's turn: the client's reply to it, then the next node's lines
    (unless the conversation stayed where it was)."""
    speaker = name or scenario.client.name
    out: list[TranscriptLine] = []
    if turn.reply_narration:
        out.append(TranscriptLine("narration", "", turn.reply_narration, turn.index))
    out += [TranscriptLine("client", speaker, line, turn.index) for line in turn.reply]
    if turn.next != turn.node:
        out += node_lines(scenario, turn.next, turn.index, speaker)
    return out


def node_lines(scenario: Scenario, node_id: str, turn: int | None,
               name: str | None = None) -> list[TranscriptLine]:
    """What the client says and does at a node: narration first, then their lines."""
    node = scenario.nodes[node_id]
    speaker = name or scenario.client.name
    out: list[TranscriptLine] = []
    if node.narration:
        out.append(TranscriptLine("narration", "", node.narration, turn))
    out += [TranscriptLine("client", speaker, line, turn) for line in node.client_lines]
    return out


def visible_options(scenario: Scenario, turns: Sequence[Turn], index: int) -> list[Option]:
    """The options that were shown when turn ``index`` was taken."""
    turn = turns[index]
    return [o for o in scenario.nodes[turn.node].options if o.id in turn.shown]


def _option_total(option: Option, dimensions: Sequence[str]) -> int:
    return sum(option.evidence.get(d, 0) for d in dimensions)


def better_option_existed(scenario: Scenario, turns: Sequence[Turn], index: int,
                          dimensions: Sequence[str] | None = None) -> bool:
    """Whether a better response was available than the one given: the best visible option
    or the node's exemplar (scored when the turn was taken, by the same coder and rules)
    earns more in total. A held turn (the client just waited) is neither."""
    dims = list(dimensions if dimensions is not None else scenario.rubrics)
    turn = turns[index]
    if turn.held:
        return False
    taken = sum(e.points for e in turn.evidence if e.dimension in dims)
    best = max([turn.best, *(_option_total(o, dims)
                             for o in visible_options(scenario, turns, index))])
    return best > taken


def band_index(rubric: Rubric, label: str | None) -> int | None:
    """Position of a band label in the rubric (0 = lowest), or None."""
    for i, band in enumerate(rubric.bands):
        if band.label == label:
            return i
    return None


def _bands(n: int) -> str:
    word = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    return f"{word} band" + ("" if n == 1 else "s")


def comparison(self_rating: str | None, band: str | None, gap: int | None) -> str:
    """Kind, plain words comparing the trainee's rating with the computed band."""
    if band is None:
        if self_rating is None:
            return "not assessed on the path you took"
        return f"you rated {self_rating}; this skill was not assessed on the path you took"
    if self_rating is None or gap is None:
        return f"scored {band}"
    if gap == 0:
        return f"you rated {self_rating}, scored {band}: your rating matches"
    direction = "lower" if gap < 0 else "higher"
    return f"you rated {self_rating}, scored {band}: {_bands(abs(gap))} {direction}"


def state_series(scenario: Scenario, turns: Sequence[Turn]) -> list[StateSeries]:
    """Each state variable's value at the start and after every turn."""
    out = []
    for name, var in scenario.state.items():
        start = turns[0].state_before.get(name, var.initial) if turns else var.initial
        values = (start, *(t.state_after.get(name, start) for t in turns))
        out.append(StateSeries(name, var.min, var.max, values, var.description))
    return out


def build_debrief(scenario: Scenario, rubrics: Mapping[str, Rubric], turns: Sequence[Turn],
                  scorecard: Scorecard, self_ratings: Mapping[str, str] | None = None, *,
                  mode: str = "practice", ending: Ending | None = None, duration: float = 0.0,
                  created: datetime | None = None, seed: int | None = None) -> Debrief:
    """Gather the debrief from a finished (or stopped) session."""
    ratings = dict(self_ratings or {})
    dims = [d for d in scenario.rubrics if d in scorecard.dimensions]
    titles = {d: scorecard.dimensions[d].title for d in dims}

    dimension_rows = []
    for dim in dims:
        scored = scorecard.dimensions[dim]
        rubric = rubrics.get(dim)
        mine = ratings.get(dim)
        gap = None
        if rubric is not None and scored.band is not None and mine is not None:
            s, m = band_index(rubric, scored.band), band_index(rubric, mine)
            gap = None if s is None or m is None else s - m
        figure = None
        if scored.figure is not None:
            unit = "%" if scored.figure.metric == "pct_open" else ""
            figure = f"{scored.figure.label}: {scored.figure.value:g}{unit}"
        dimension_rows.append(DimensionRow(
            rubric=dim, title=scored.title, band=scored.band, fraction=scored.fraction,
            earned=scored.earned, available=scored.available, descriptor=scored.descriptor,
            tip=scored.tip, self_rating=mine, gap=gap,
            comparison=comparison(mine, scored.band, gap), points_band=scored.points_band,
            held=tuple(f"held at {limit.band}: {limit.reason}" for limit in scored.limits),
            figure=figure))

    turn_rows = []
    for i, turn in enumerate(turns):
        points = tuple(
            PointRow(rubric=e.dimension, title=titles.get(e.dimension, e.dimension),
                     points=e.points, available=turn.available.get(e.dimension, 0),
                     reason=e.reason)
            for e in turn.evidence)
        better = better_option_existed(scenario, turns, i, dims)
        exemplar = scenario.nodes[turn.node].exemplar if better else None
        turn_rows.append(TurnRow(
            index=turn.index, node=turn.node, text=turn.text, option=turn.option,
            points=points, feedback=turn.feedback, better_option=better, exemplar=exemplar,
            state_before=dict(turn.state_before), state_after=dict(turn.state_after),
            kind=turn.kind, codes=turn.codes if turn.kind == "typed" else (),
            unsure=turn.unsure if turn.kind == "typed" else ()))

    session_points = tuple(
        PointRow(rubric=dim, title=titles[dim], points=e.points, available=0,
                 reason=f"{e.reason} ({e.text})")
        for dim in dims for e in scorecard.dimensions[dim].evidence if e.turn is None)

    return Debrief(
        scenario_id=scenario.id, title=scenario.title, client=scenario.client.name, mode=mode,
        ending_kind=ending.kind if ending else None,
        ending_summary=ending.summary if ending else None, duration=duration,
        dimensions=tuple(dimension_rows), turns=tuple(turn_rows), session_points=session_points,
        metrics=scorecard.metrics,
        states=tuple(state_series(scenario, turns)),
        transcript=tuple(transcript_lines(scenario, turns, ending)), created=created,
        objectives=tuple((g.text, g.reached) for g in scorecard.objectives), seed=seed)


# -- small formatters (shared with the app) ------------------------------------------------
def format_duration(seconds: float) -> str:
    """``'4 min 05 s'`` or ``'42 s'``."""
    total = max(0, round(seconds))
    minutes, secs = divmod(total, 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def format_fraction(fraction: float | None) -> str:
    return "n/a" if fraction is None else f"{round(100 * fraction)}%"


CODE_NAMES = {
    "open_question": "open question", "closed_question": "closed question",
    "stacked_questions": "stacked questions", "reflection": "reflection",
    "validation": "validation", "consent_check": "consent check", "advice": "advice",
    "judgment": "judgment", "grounding": "grounding", "psychoeducation": "psychoeducation",
    "summary": "summary",
}


UNSURE_NOTE = ("unsure: the coder gave it less than a 70% probability; a supervisor may "
               "read these words differently")


def code_names(codes: Sequence[str], unsure: Sequence[str] = ()) -> str:
    """Codes in words: 'open question, validation (unsure)', or 'no codes'."""
    return ", ".join(CODE_NAMES.get(c, c) + (" (unsure)" if c in unsure else "")
                     for c in codes) or "no codes"


def format_points(points: int) -> str:
    return f"+{points}" if points > 0 else ("−" + str(-points) if points < 0 else "0")


def sparkline_text(values: Sequence[int], minimum: int, maximum: int) -> str:
    """A one-line Unicode sparkline of ``values`` within ``minimum..maximum``."""
    span = max(1, maximum - minimum)
    out = []
    for value in values:
        level = (min(max(value, minimum), maximum) - minimum) / span
        out.append(_SPARK[round(level * (len(_SPARK) - 1))])
    return "".join(out)


def metric_lines(metrics: Metrics) -> list[tuple[str, str]]:
    """The session metrics as (label, value) pairs, in plain words."""
    questions = metrics.open_questions + metrics.closed_questions
    pct = "no questions asked" if metrics.pct_open is None else (
        f"{metrics.pct_open:g}% ({metrics.open_questions} of {questions} questions)")
    ratio = "no questions asked" if metrics.reflection_to_question is None else (
        f"{metrics.reflection_to_question:.2f} ({metrics.reflections} reflections, "
        f"{questions} questions)")
    if metrics.reached_sensitive:
        consent = f"{metrics.consent_before_sensitive} before the first sensitive moment"
    else:
        consent = "the conversation did not reach sensitive ground"
    return [
        ("Open questions", pct),
        ("Reflection-to-question ratio", ratio),
        ("Consent checks before sensitive ground", consent),
        ("Consent checks in all", str(metrics.consent_checks)),
        ("Stacked questions", str(metrics.stacked_questions)),
        ("Turns", str(metrics.turns)),
    ]


def ending_line(debrief: Debrief) -> str:
    if debrief.ending_kind is None:
        return "The session was ended before an ending was reached."
    return f"{debrief.ending_kind.capitalize()}: {debrief.ending_summary}"
