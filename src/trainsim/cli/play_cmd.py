"""``trainsim play``: play a scenario from an answers file, or open it in the app."""

from __future__ import annotations

import argparse
import json
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainsim.cli.common import EXIT_OK, CliError, open_scenario
from trainsim.library.files import byte_position

if TYPE_CHECKING:
    from trainsim.engine import Session
    from trainsim.model.scorecard import Scorecard


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="play a scenario (headless with --answers)")
    p.add_argument("scenario", metavar="SCENARIO", help="library id or path to a file")
    p.add_argument("--answers", type=Path, metavar="FILE",
                   help="one answer a line: @option-id, @N (the Nth visible option), or a "
                        "typed response in your own words")
    p.add_argument("--seed", type=int, metavar="N",
                   help="fix the order options are shown in (default: a new order each run)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run_play)


@dataclass(frozen=True)
class Answer:
    line: int
    text: str


def read_answers(path: Path) -> list[Answer]:
    """Non-empty, non-comment lines of an answers file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}: no such answers file") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, _ = byte_position(raw, exc.start)
        raise CliError(f"{path}:{line}: not UTF-8 (byte offset {exc.start})") from None
    return [Answer(n, s.strip()) for n, s in enumerate(text.splitlines(), 1)
            if s.strip() and not s.strip().startswith("#")]


def play_answers(session: Session, answers: list[Answer], label: str) -> None:
    """Feed answers to the session; a bad one raises :class:`CliError` naming the options."""
    from trainsim.engine import SessionError

    for answer in answers:
        if session.ending is not None:
            raise CliError(f"{label}:{answer.line}: the session already ended at "
                           f"'{session.node_id}'; remove the answers from here on")
        try:
            if answer.text.startswith("@"):
                ref = answer.text[1:].strip()
                session.choose(int(ref) if ref.isdigit() else ref)
            else:
                session.respond(answer.text)
        except SessionError as exc:
            raise CliError(f"{label}:{answer.line}: {exc}") from None


def run_play(args: argparse.Namespace) -> int:
    scenario, rubrics = open_scenario(args.scenario)
    if args.answers is None:
        from trainsim.tui.launch import launch  # the app is only loaded when it is needed

        return launch(scenario=args.scenario)
    from trainsim.engine import Session
    from trainsim.scoring import score

    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
    session = Session(scenario, rubrics, seed=seed)
    play_answers(session, read_answers(args.answers), str(args.answers))
    card = score(session.turns, rubrics, session.scenario)
    if args.json:
        print(json.dumps(result_json(session, card), indent=2, ensure_ascii=False))
    else:
        print_transcript(session, card)
    if session.ending is None:
        print(f"{args.answers}: answers ran out at node '{session.node_id}': the session is "
              "unfinished", file=sys.stderr)
    return EXIT_OK


def result_json(session: Session, card: Scorecard) -> dict[str, object]:
    """The play result as plain data."""
    ending = session.ending
    return {
        "scenario": session.scenario.id,
        "seed": session.seed,
        "finished": ending is not None,
        "turns": [t.model_dump(mode="json") for t in session.turns],
        "ending": None if ending is None else {
            "node": session.node_id, "kind": ending.kind, "summary": ending.summary},
        "scorecard": card.model_dump(mode="json"),
        "metrics": card.metrics.model_dump(mode="json"),
    }


def print_transcript(session: Session, card: Scorecard) -> None:
    """A readable transcript, then the scorecard."""
    from trainsim.reports.debrief import transcript_lines

    scenario = session.scenario
    print(f"== {scenario.title} ({scenario.id}), option order seed {session.seed} ==")
    turns = session.turns
    for line in transcript_lines(scenario, turns):
        if line.kind == "narration":
            print(f"  [{line.text}]")
        elif line.kind == "trainee":
            turn = turns[line.turn]  # type: ignore[index]
            print(f"You: {line.text}")
            if turn.kind == "typed":
                print(f"  [coded: {', '.join(turn.codes) or 'no codes'}]")
            if turn.evidence:
                print("  (" + ", ".join(f"{e.dimension} {e.points:+d}" for e in turn.evidence)
                      + ")")
        else:
            print(f"{line.speaker}: {line.text}")
    ending = session.ending
    if ending is not None:
        print(f"\n-- Ending: {ending.kind} -- {ending.summary}")
    else:
        print(f"\n-- Unfinished at node '{session.node_id}' --")
    print("\nScorecard")
    for dim, result in card.dimensions.items():
        if result.fraction is None:
            print(f"  {dim:<16} not assessed on this path")
        else:
            print(f"  {dim:<16} {result.earned:>3}/{result.available:<3} "
                  f"{result.fraction:5.0%}  {result.band}")
            if result.figure is not None:
                print(f"  {'':<16} {result.figure.label}: {result.figure.value:g}")
            for limit in result.limits:
                print(f"  {'':<16} held at {limit.band}: {limit.reason}")
    for goal in card.objectives:
        print(f"  [{'x' if goal.reached else ' '}] {goal.text}")
    m = card.metrics
    pct = "n/a" if m.pct_open is None else f"{m.pct_open:.0f}%"
    ratio = "n/a" if m.reflection_to_question is None else f"{m.reflection_to_question:.2f}"
    print(f"  open questions {pct} ({m.open_questions} open, {m.closed_questions} closed); "
          f"reflections per question {ratio}; consent checks before sensitive ground "
          f"{m.consent_before_sensitive}; stacked questions {m.stacked_questions}")
