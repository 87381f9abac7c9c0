"""Client state meters: each variable within its declared range, with the last change."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets import Static

from trainsim.model import StateVariable

BAR = 12


def meter_content(name: str, var: StateVariable, value: int, delta: int) -> Content:
    span = max(1, var.max - var.min)
    filled = round(BAR * (value - var.min) / span)
    change = ""
    if delta:
        change = f"+{delta}" if delta > 0 else f"−{-delta}"
    style = "$success" if delta > 0 else "$warning"
    return Content.assemble(
        (f"{name:<12}", "bold"), f"{value:>3}", "  ", (f"{change:<3}", style), "\n",
        (f"{var.min:>2} ", "dim"), ("█" * filled, "$accent"), ("░" * (BAR - filled), "dim"),
        (f" {var.max}", "dim"))


class StateMeters(Static):
    """The scenario's client state variables as bars; shows each variable's last change."""

    def __init__(self, variables: Mapping[str, StateVariable], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.variables = dict(variables)
        self.values: dict[str, int] = {n: v.initial for n, v in self.variables.items()}
        self.deltas: dict[str, int] = {}
        self._render_meters()

    def show(self, state: Mapping[str, int], before: Mapping[str, int] | None = None) -> None:
        """Show ``state``; with ``before``, each variable's change from it."""
        self.values = dict(state)
        self.deltas = ({n: state[n] - before.get(n, state[n]) for n in state}
                       if before is not None else {})
        self._render_meters()

    def _render_meters(self) -> None:
        if not self.variables:
            self.update("This scenario does not track the client's state.")
            return
        parts = [meter_content(n, v, self.values.get(n, v.initial), self.deltas.get(n, 0))
                 for n, v in self.variables.items()]
        # the number of lines never changes, so no reflow is needed once mounted
        self.update(Content("\n").join(parts), layout=not self.is_mounted)
