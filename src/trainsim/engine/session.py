"""The session: a pure state machine walking a trainee through one scenario.

Modelled on ink's runtime: read :attr:`Session.node` and :attr:`Session.options`, then
:meth:`Session.choose` one or :meth:`Session.respond` in your own words, until
:attr:`Session.ending` is set. No I/O; the only clock is the one injected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Protocol

from trainsim.model import CODES, Ending, Facts, Node, Option, Rubric, Scenario, holds
from trainsim.model.record import Evidence, Turn

Clock = Callable[[], float]
_CODE_ORDER = {code: i for i, code in enumerate(CODES)}
Spans = Mapping[str, tuple[tuple[int, int], ...]]


class CodedText(Protocol):
    """What a coder says about a typed response."""

    @property
    def spans(self) -> Spans: ...

    def labels(self) -> list[str]: ...


Coder = Callable[[str, str | None], CodedText]


class SessionError(ValueError):
    """A request the session cannot carry out, with a message fit to show the trainee."""


def _no_clock() -> float:
    return 0.0


def _default_coder(text: str, client_text: str | None) -> CodedText:
    from trainsim.coding import code  # loaded on first typed response only

    return code(text, client_text)


class Session:
    """One trainee's walk through one scenario."""

    def __init__(self, scenario: Scenario, rubrics: Mapping[str, Rubric] | Iterable[Rubric] = (),
                 clock: Clock = _no_clock, coder: Coder | None = None) -> None:
        self.scenario = scenario
        self.rubrics: dict[str, Rubric] = (
            dict(rubrics) if isinstance(rubrics, Mapping) else {r.id: r for r in rubrics})
        self.clock = clock
        self.coder: Coder = coder or _default_coder
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
        facts = self.facts()
        return [o for o in self.node.options if o.when is None or holds(o.when, facts)]

    @property
    def accepts_text(self) -> bool:
        """Whether the current node takes a typed response (it declares free-text routes)."""
        return self.ending is None and bool(self.node.free_text)

    @property
    def ending(self) -> Ending | None:
        """The ending reached, or None while the conversation goes on."""
        return self.node.ending

    @property
    def turns(self) -> tuple[Turn, ...]:
        return tuple(self._turns)

    def facts(self, codes: frozenset[str] | None = None) -> Facts:
        """What conditions see now, with the codes of a typed response if there is one."""
        return Facts(
            state=self._state, visited=self.visited, codes=codes,
            tags=frozenset(self.node.tags), thresholds=self.scenario.thresholds,
            earlier=frozenset(c for t in self._turns for c in t.codes),
        )

    # -- acting --------------------------------------------------------------------------
    def option(self, ref: str | int, options: list[Option] | None = None) -> Option:
        """A visible option by id, or by its 1-based number among the visible options."""
        options = self.options if options is None else options
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
        chosen = self.option(ref, options)
        evidence = tuple(
            Evidence(dimension=dim, points=points,
                     reason=chosen.feedback or f"chose '{chosen.id}'",
                     source=f"option:{chosen.id}")
            for dim, points in chosen.evidence.items() if points
        )
        available = {dim: max([0, *(o.evidence.get(dim, 0) for o in options)])
                     for dim in self.scenario.rubrics}
        return self._advance(kind="choice", option=chosen.id, text=chosen.text,
                             codes=tuple(chosen.codes), evidence=evidence, available=available,
                             shown=tuple(o.id for o in options),
                             effects=chosen.effects, feedback=chosen.feedback,
                             target=chosen.next)

    def respond(self, text: str) -> Turn:
        """Answer in the trainee's own words: code the text, score it by the rubrics' rules,
        and take the first free-text route whose condition holds."""
        if self.ending is not None:
            raise SessionError(f"the session has ended ({self.ending.kind}) at node "
                               f"'{self._node_id}'")
        if not self.node.free_text:
            raise SessionError(f"node '{self._node_id}' does not take typed responses: choose "
                               f"one of {_listing(self.options)}")
        text = text.strip()
        if not text:
            raise SessionError("the response is empty: type what you would say to the client")
        coded = self.coder(text, " ".join(self.node.client_lines) or None)
        codes = frozenset(coded.labels())
        facts = self.facts(codes)
        route = next(r for r in self.node.free_text if r.when is None or holds(r.when, facts))
        evidence: list[Evidence] = []
        available: dict[str, int] = {}
        for dim in self.scenario.rubrics:
            rubric = self.rubrics.get(dim)
            if rubric is None or rubric.free_text is None:
                continue
            scoring = rubric.free_text
            if scoring.applies_when is not None and not holds(scoring.applies_when, facts):
                continue
            available[dim] = scoring.available
            earned = 0
            for index, rule in enumerate(scoring.rules):
                if holds(rule.when, facts):
                    earned += rule.points
                    evidence.append(Evidence(dimension=dim, points=rule.points, reason=rule.reason,
                                             source=f"rule:{dim}:{index + 1}"))
            if earned > scoring.available:
                evidence.append(Evidence(
                    dimension=dim, points=scoring.available - earned,
                    reason=f"capped at the {scoring.available} points one response can earn",
                    source=f"cap:{dim}"))
        ordered = tuple(sorted(codes, key=lambda c: _CODE_ORDER.get(c, len(_CODE_ORDER))))
        return self._advance(kind="typed", option=None, text=text, codes=ordered,
                             shown=tuple(o.id for o in self.options),
                             evidence=tuple(evidence), available=available,
                             effects=route.effects, feedback=route.feedback,
                             target=route.next, spans=coded.spans)

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

    def _advance(self, *, kind: str, option: str | None, text: str, codes: tuple[str, ...],
                 evidence: tuple[Evidence, ...], available: dict[str, int],
                 effects: Mapping[str, int], feedback: str, target: str,
                 shown: tuple[str, ...], spans: Spans | None = None) -> Turn:
        before = dict(self._state)
        after = {name: self.scenario.state[name].clamp(value + effects.get(name, 0))
                 for name, value in before.items()}
        turn = Turn(index=len(self._turns), node=self._node_id, kind=kind,  # type: ignore[arg-type]
                    option=option, text=text, codes=codes,
                    spans={k: tuple(map(tuple, v)) for k, v in (spans or {}).items()},
                    evidence=evidence, shown=shown, available=available, feedback=feedback,
                    state_before=before, state_after=after, next=target,
                    sensitive=self.node.sensitive, time=self.clock())
        self._turns.append(turn)
        self._state = after
        self._node_id = target
        return turn


def _listing(options: Iterable[Option]) -> str:
    return ", ".join(f"{i}. {o.id}" for i, o in enumerate(options, 1)) or "none"

