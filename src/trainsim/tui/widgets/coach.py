"""The coach panel: feedback and points for the turn just taken (practice mode)."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets import Static

from trainsim.model import Rubric
from trainsim.model.record import Turn
from trainsim.reports.debrief import UNSURE_NOTE, code_names, format_points

HIGHLIGHT = "bold reverse $accent"

SAFETY = ("a response coded judgment earns no validation points, however warm the rest of "
          "it. Blame, labels, minimising or telling the client how not to feel tell them their "
          "experience is wrong.")

WAITING = "Feedback on each response will appear here."


class CoachPanel(Static):
    """What the last response did well or could do differently, and its points."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(WAITING, **kwargs)  # type: ignore[arg-type]

    def show_turn(self, turn: Turn, rubrics: Mapping[str, Rubric]) -> None:
        """Feedback and points; a dimension the response is exempt from is left out."""
        parts: list[Content] = []
        if turn.kind == "typed":
            parts.append(highlighted(turn))
            parts.append(Content.from_markup("[dim]Coded as:[/dim] [b]$codes[/b]",
                                             codes=code_names(turn.codes, turn.unsure)))
            if turn.unsure:
                parts.append(Content.from_markup("[dim]($note)[/dim]", note=UNSURE_NOTE))
        if "judgment" in turn.codes:
            parts.append(Content.from_markup("[b $warning]Safety rule:[/] $rule", rule=SAFETY))
        if turn.feedback:
            parts.append(Content(turn.feedback))
        for dim, best in turn.available.items():
            points = turn.points(dim)
            rubric = rubrics.get(dim)
            if rubric is not None and set(rubric.exempt_codes) & set(turn.codes):
                continue
            if not points and not best:
                continue
            style = "$success" if points > 0 else ("$warning" if points < 0 else "dim")
            parts.append(Content.assemble(
                (format_points(points), f"bold {style}"), " ",
                rubric.title if rubric is not None else dim,
                (f" (best here: {best})", "dim")))
        if not parts:
            parts.append(Content("No points either way on the scored skills."))
        self.update(Content("\n").join(parts), layout=False)  # fixed height: no reflow

    def show_text(self, text: str) -> None:
        self.update(text, layout=False)


def highlighted(turn: Turn) -> Content:
    """The typed words, with the spans that triggered each code highlighted."""
    content = Content(turn.text)
    for spans in turn.spans.values():
        for start, end in spans:
            content = content.stylize(HIGHLIGHT, start, end)
    return content
