"""Self-assessment: the trainee rates each scored skill before seeing any score."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from trainsim.tui.controller import AppState, SessionController
from trainsim.tui.widgets.rating import RatingCard
from trainsim.tui.widgets.title_bar import TitleBar
from trainsim.tui.widgets.too_small import SizeGuard, TooSmall

if TYPE_CHECKING:
    from trainsim.tui.app import TrainsimApp

INTRO = ("Before you see any scores: how do you think it went? Rate each skill on its bands "
         "(press 1-4 on the highlighted skill). There are no wrong answers here: comparing your "
         "view with the scoring is part of the learning.")


class SelfAssessmentScreen(SizeGuard, Screen[None]):
    """One rating card per scored dimension; Enter submits once all are rated."""

    CSS_PATH = "self_assessment.tcss"

    TITLE = "Self-assessment"
    BINDINGS = [  # noqa: RUF012
        Binding("1", "rate(1)", "Rate", key_display="1-4"),
        *(Binding(str(n), f"rate({n})", show=False) for n in range(2, 10)),
        Binding("up", "move(-1)", "Previous", show=False),
        Binding("down", "move(1)", "Next", show=False),
        Binding("enter", "submit", "See debrief", priority=True),
    ]

    def __init__(self, state: AppState, controller: SessionController) -> None:
        super().__init__()
        self.state = state
        self.controller = controller
        self.cards = [RatingCard(r, id=f"rate-{r.id}") for r in controller.scored_rubrics]

    @property
    def tapp(self) -> TrainsimApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(INTRO, id="self-intro")
        with VerticalScroll(id="ratings", can_focus=False):
            yield from self.cards
        yield Static(id="self-status")
        yield Footer()
        yield TooSmall()

    def on_mount(self) -> None:
        self.sub_title = self.controller.scenario.title
        for card in self.cards:
            label = self.controller.self_ratings.get(card.rubric.id)
            if label is not None:
                numbers = [b.label for b in card.rubric.bands]
                card.rate(numbers.index(label) + 1)
        if self.cards:
            self.cards[0].focus()
        self.refresh_status()

    @property
    def focused_card(self) -> RatingCard | None:
        focused = self.focused
        return focused if isinstance(focused, RatingCard) else None

    def refresh_status(self) -> None:
        rated = sum(card.choice is not None for card in self.cards)
        total = len(self.cards)
        if rated == total:
            text = "Every skill is rated. Press Enter to see your debrief."
        else:
            text = f"{rated} of {total} skills rated."
        self.query_one("#self-status", Static).update(text)

    def action_rate(self, number: int) -> None:
        card = self.focused_card
        if card is None:
            self.notify("Move to a skill first (up and down), then press 1-4.")
            return
        if not card.rate(number):
            self.notify(f"{card.rubric.title} has {len(card.rubric.bands)} bands: press 1 to "
                        f"{len(card.rubric.bands)}.", severity="warning", markup=False)
            return
        self.controller.rate(card.rubric.id, card.label or "")
        self.refresh_status()
        index = self.cards.index(card)
        following = self.cards[index + 1:] + self.cards[:index]
        unrated = [c for c in following if c.choice is None]
        nxt = unrated[0] if unrated else (self.cards[index + 1]
                                          if index + 1 < len(self.cards) else card)
        nxt.focus()

    def action_move(self, step: int) -> None:
        if step > 0:
            self.focus_next(RatingCard)
        else:
            self.focus_previous(RatingCard)

    @on(RatingCard.Rated)
    def _rated(self) -> None:
        self.refresh_status()

    def action_submit(self) -> None:
        missing = [c.rubric.title for c in self.cards if c.choice is None]
        if missing:
            rated = len(self.cards) - len(missing)
            self.notify(f"Please rate every skill before continuing ({rated} of "
                        f"{len(self.cards)} rated; still to rate: {', '.join(missing)}).",
                        title="Self-assessment", severity="warning")
            return
        self.tapp.to_debrief(self.controller)
