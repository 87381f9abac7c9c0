"""The session: a pure state machine walking a trainee through one scenario.

Modelled on ink's runtime: read :attr:`Session.node` and :attr:`Session.options`,
:meth:`Session.choose` one, repeat until :attr:`Session.ending` is set. No I/O; the only
clock is the one injected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from trainsim.model import Ending, Node, Option, Rubric, Scenario, holds
from trainsim.model.record import Evidence, Turn

Clock = Callable[[], float]


class SessionError(ValueError):
    """A request the session cannot carry out, with a message fit to show the trainee."""


def _no_clock() -> float:
    return 0.0


class Session:
    """One trainee's walk through one scenario."""

    def __init__(self, scenario: Scenario, rubrics: Mapping[str, Rubric] | Iterable[Rubric] = (),
                 clock: Clock = _no_clock) -> None:
        self.scenario = scenario
        self.rubrics: dict[str, Rubric] = (
            dict(rubrics) if isinstance(rubrics, Mapping) else {r.id: r for r in rubrics})
        self.clock = clock
        self._node_id = scenario.start
        self._state = scenario.initial_state()
        self._turns: list[Turn] = []

    # -- reading -------------------------------------------------------------------------
    @property
    def node_id(self) -> str:
        return self._node_id

    @property
    def node(self) -> Node:
        """The current node."""
        return self.scenario.nodes[self._node_id]

    @property
    def state(self) -> Mapping[str, int]:
        """The client's state variables, read-only."""
        return MappingProxyType(self._state)

    @property
    def visited(self) -> frozenset[str]:
        """Nodes the session has been at, the current one included."""
        return frozenset([self.scenario.start, *(t.next for t in self._turns)])

    @property
    def options(self) -> list[Option]:
        """The options shown at the current node (conditions applied); empty at an ending."""
        visited = self.visited
        return [o for o in self.node.options
                if o.when is None or holds(o.when, self._state, visited)]

    @property
    def ending(self) -> Ending | None:
        """The ending reached, or None while the conversation goes on."""
        return self.node.ending

    @property
    def turns(self) -> tuple[Turn, ...]:
        return tuple(self._turns)

    # -- acting --------------------------------------------------------------------------
    def option(self, ref: str | int) -> Option:
        """A visible option by id, or by its 1-based number among the visible options."""
        options = self.options
        self._check_open(options)
        if isinstance(ref, int):
            if 1 <= ref <= len(options):
                return options[ref - 1]
            raise SessionError(f"there is no option {ref} at node '{self._node_id}': choose 1 to "
                               f"{len(options)} ({_listing(options)})")
        for candidate in options:
            if candidate.id == ref:
                return candidate
        hidden = any(o.id == ref for o in self.node.options)
        why = "is not shown now" if hidden else "does not exist"
        raise SessionError(f"option '{ref}' {why} at node '{self._node_id}': choose one of "
                           f"{_listing(options)}")

    def choose(self, ref: str | int) -> Turn:
        """Take a visible option (by id or 1-based number) and move on."""
        options = self.options
        chosen = self.option(ref)
        evidence = tuple(
            Evidence(dimension=dim, points=points,
                     reason=chosen.feedback or f"chose '{chosen.id}'",
                     source=f"option:{chosen.id}")
            for dim, points in chosen.evidence.items() if points
        )
        return self._advance(kind="choice", option=chosen.id, text=chosen.text,
                             codes=tuple(chosen.codes), evidence=evidence,
                             available=self._available(options), effects=chosen.effects,
                             feedback=chosen.feedback, target=chosen.next)

    def rewind(self) -> Turn:
        """Undo the last turn, restoring the node and client state before it."""
        if not self._turns:
            raise SessionError("nothing to rewind: no turn has been taken")
        turn = self._turns.pop()
        self._node_id = turn.node
        self._state = dict(turn.state_before)
        return turn

    # -- internals -----------------------------------------------------------------------
    def _check_open(self, options: list[Option]) -> None:
        if self.ending is not None:
            raise SessionError(f"the session has ended ({self.ending.kind}) at node "
                               f"'{self._node_id}'")
        if not options:
            raise SessionError(f"no option is shown at node '{self._node_id}'")

    def _available(self, options: Iterable[Option]) -> dict[str, int]:
        options = list(options)
        return {dim: max([0, *(o.evidence.get(dim, 0) for o in options)])
                for dim in self.scenario.rubrics}

    def _advance(self, *, kind: str, option: str | None, text: str, codes: tuple[str, ...],
                 evidence: tuple[Evidence, ...], available: dict[str, int],
                 effects: Mapping[str, int], feedback: str, target: str,
                 spans: Mapping[str, tuple[tuple[int, int], ...]] | None = None) -> Turn:
        before = dict(self._state)
        after = {name: self.scenario.state[name].clamp(value + effects.get(name, 0))
                 for name, value in before.items()}
        turn = Turn(index=len(self._turns), node=self._node_id, kind=kind,  # type: ignore[arg-type]
                    option=option, text=text, codes=codes, spans=dict(spans or {}),
                    evidence=evidence, available=available, feedback=feedback,
                    state_before=before, state_after=after, next=target,
                    sensitive=self.node.sensitive, time=self.clock())
        self._turns.append(turn)
        self._state = after
        self._node_id = target
        return turn


def _listing(options: Iterable[Option]) -> str:
    return ", ".join(f"{i}. {o.id}" for i, o in enumerate(options, 1)) or "none"
