"""A focusable card for rating oneself on one rubric's bands."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from trainsim.model import Rubric


class RatingCard(Static, can_focus=True):
    """One scored skill: its bands (label and descriptor), numbered; the chosen one marked."""

    class Rated(Message):
        def __init__(self, card: RatingCard) -> None:
            super().__init__()
            self.card = card

    def __init__(self, rubric: Rubric, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rubric = rubric
        self.choice: int | None = None
        self.border_title = Content(rubric.title)
        self._refresh_card()

    @property
    def label(self) -> str | None:
        return None if self.choice is None else self.rubric.bands[self.choice].label

    def rate(self, number: int) -> bool:
        """Choose band ``number`` (1-based); False if there is no such band."""
        if not 1 <= number <= len(self.rubric.bands):
            return False
        self.choice = number - 1
        self.set_class(True, "-rated")
        self.border_subtitle = Content(self.label or "")
        self._refresh_card()
        self.post_message(self.Rated(self))
        return True

    def _refresh_card(self) -> None:
        lines = [Content.from_markup("[dim]$d[/dim]", d=self.rubric.description)]
        for i, band in enumerate(self.rubric.bands):
            mark = "●" if i == self.choice else "○"
            style = "bold $accent" if i == self.choice else ""
            lines.append(Content.from_markup(
                f"[{style or 'not bold'}]$mark $n  $label[/]  $descriptor", mark=mark, n=i + 1,
                label=band.label, descriptor=band.descriptor))
        self.update(Content("\n").join(lines))
