"""The session: a pure state machine walking a trainee through one scenario.

Modelled on ink's runtime: read :attr:`Session.node` and :attr:`Session.options`, then
:meth:`Session.choose` one or :meth:`Session.respond` in your own words, until
:attr:`Session.ending` is set. No I/O; the only clock is the one injected.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Protocol

from trainsim.engine import typed
from trainsim.model import CODES, Ending, Facts, Limit, Node, Option, Rubric, Scenario, holds
from trainsim.model.conditions import ProbesLimitCondition, walk
from trainsim.model.record import Evidence, Turn
from trainsim.model.scenario import Pressure
from trainsim.model.words import stems

Clock = Callable[[], float]
_CODE_ORDER = {code: i for i, code in enumerate(CODES)}
Spans = Mapping[str, tuple[tuple[int, int], ...]]


class CodedText(Protocol):
    """What a coder says about a typed response."""

    @property
    def spans(self) -> Spans: ...

    def labels(self) -> list[str]: ...

    def unsure(self) -> list[str]: ...


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
                 clock: Clock = _no_clock, coder: Coder | None = None, seed: int = 0) -> None:
        self.scenario = scenario
        self.rubrics: dict[str, Rubric] = (
            dict(rubrics) if isinstance(rubrics, Mapping) else {r.id: r for r in rubrics})
        self.clock = clock
        self.coder: Coder = coder or _default_coder
        self.seed = seed
        """Fixes the order options are shown in at each node (the same on rewind and replay)."""
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
        """The options shown at the current node (conditions applied), in this session's
        order for the node (shuffled from :attr:`seed`); empty at an ending."""
        facts = self.facts()
        return [o for o in self.order(self._node_id) if o.when is None or holds(o.when, facts)]

    def order(self, node_id: str) -> list[Option]:
        """Every option of a node in the order this session shows them."""
        options = list(self.scenario.nodes[node_id].options)
        random.Random(f"{self.seed}:{node_id}").shuffle(options)
        return options

    @property
    def limits(self) -> list[Limit]:
        """The limits the client has set on the way here (this node's included) and not lifted."""
        active: dict[str, Limit] = {}
        for node_id in [self.scenario.start, *(t.next for t in self._turns)]:
            node = self.scenario.nodes[node_id]
            for lifted in node.lifts:
                active.pop(lifted, None)
            if node.limit is not None:
                active[node.limit.id] = node.limit
        return list(active.values())

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

    def facts(self, codes: frozenset[str] | None = None, text: str = "") -> Facts:
        """What conditions see now, with the codes and words of a typed response if any."""
        limits = self.limits
        here = self.node.limit
        words = stems(text) if text else ()
        asked = codes if codes is not None else frozenset()
        sentences = typed.read(text) if text else []
        return Facts(
            state=self._state, visited=self.visited, codes=codes,
            tags=frozenset(self.node.tags), thresholds=self.scenario.thresholds,
            earlier=frozenset(c for t in self._turns for c in t.codes),
            recent=tuple(frozenset(t.codes) for t in reversed(self._turns)),
            words=words,
            probing=codes is not None and typed.probing(asked, sentences),
            probes_limit=codes is not None and typed.probes_limit(asked, sentences, limits, here),
            anchored=bool(text) and typed.anchored(text, self.node.client_lines),
            grounding=bool(text) and typed.grounding(sentences),
            limits=frozenset(limit.id for limit in limits), limit_here=here is not None,
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
        """Take a visible option (by id or 1-based number as shown) and move on."""
        options = self.options
        return self._take(self.option(ref, options), options, "choice", None)

    def _take(self, chosen: Option, options: list[Option], kind: str, typed_text: str | None
              ) -> Turn:
        evidence = tuple(
            Evidence(dimension=dim, points=points,
                     reason=chosen.feedback or f"chose '{chosen.id}'",
                     source=f"option:{chosen.id}")
            for dim, points in chosen.evidence.items() if points
        )
        dims = self.scenario.rubrics
        facts = self.facts(frozenset(chosen.codes), chosen.text)
        return self._advance(kind=kind, option=chosen.id, text=typed_text or chosen.text,
                             probing=facts.probing, pressed_limit=facts.probes_limit,
                             codes=tuple(chosen.codes), evidence=evidence,
                             available=typed.option_available(options, dims),
                             best=self._best_option(options),
                             shown=tuple(o.id for o in options),
                             effects=chosen.effects, feedback=chosen.feedback,
                             target=chosen.next)

    def respond(self, text: str) -> Turn:
        """Answer in the trainee's own words.

        An option's own words (case, punctuation and a typo aside) count as choosing it. Else the
        text is coded and scored by the rubrics' rules and the node's, against what the
        moment offers; a line repeating an earlier turn earns nothing; a probe past a limit
        the client set takes the limit's pressure answer unless a route of the node tests
        ``probes_limit``; a response with nothing to answer (such as "ok") leaves the client
        waiting here; else the first free-text route whose condition holds is taken.
        """
        if self.ending is not None:
            raise SessionError(f"the session has ended ({self.ending.kind}) at node "
                               f"'{self._node_id}'")
        if not self.node.free_text:
            raise SessionError(f"node '{self._node_id}' does not take typed responses: choose "
                               f"one of {_listing(self.options)}")
        text = text.strip()
        if not text:
            raise SessionError("the response is empty: type what you would say to the client")
        options = self.options
        same = typed.matching_option(text, options)
        repeat_of = typed.repeated_turn(text, [t.text for t in self._turns])
        if same is not None and repeat_of is None:
            return self._take(same, options, "typed", text)
        node = self.node
        codes, spans, unsure = self._code(text)
        facts = self.facts(codes, text)
        available = typed.typed_available(node, options, self.rubrics, self.scenario.rubrics)
        evidence = typed.score_typed(node, self.rubrics, available, facts)
        if repeat_of is not None:
            evidence = typed.without_gains(evidence, repeat_of)
        ordered = tuple(sorted(codes, key=lambda c: _CODE_ORDER.get(c, len(_CODE_ORDER))))
        common = dict(kind="typed", option=None, text=text, codes=ordered,
                      shown=tuple(o.id for o in options), spans=spans, repeat_of=repeat_of,
                      unsure=tuple(c for c in ordered if c in unsure),
                      probing=facts.probing, pressed_limit=facts.probes_limit)
        if not codes and not evidence and not facts.probes_limit:
            hold = node.hold or f"{self.scenario.client.name} waits for you to say more."
            common.update(available={}, best=(0, ""), evidence=())
            return self._advance(**common, effects={}, feedback=(
                "Nothing here for the client to answer yet, so the conversation stays where it "
                "is. Try a reflection of what you heard, or one open question."),
                target=self._node_id, narration=hold, held=True)
        common.update(available=available, evidence=tuple(evidence),
                      best=self._best(options, available))
        pressure = self._pressure(facts)
        if pressure is not None:
            return self._advance(**common, effects=pressure.effects, feedback=pressure.feedback,
                                 target=self._node_id, reply=pressure.reply,
                                 narration=pressure.narration)
        route = next(r for r in node.free_text if r.when is None or holds(r.when, facts))
        return self._advance(**common, effects=route.effects, feedback=route.feedback,
                             target=route.next, reply=route.reply,
                             narration=route.narration)

    def _pressure(self, facts: Facts) -> Pressure | None:
        """The pressure answer of a limit set earlier, when this turn probes it and the node
        does not route probes itself."""
        if not facts.probes_limit or self.node.limit is not None:
            return None
        for route in self.node.free_text:
            if route.when is not None and any(
                    isinstance(p, ProbesLimitCondition) for p in walk(route.when)):
                return None
        for limit in self.limits:
            if limit.pressure is not None:
                return limit.pressure
        return None

    def _code(self, text: str) -> tuple[frozenset[str], dict[str, tuple[tuple[int, int], ...]],
                                        frozenset[str]]:
        """The coder's codes, spans and unsure codes for ``text`` at this node, less a consent
        check whose permission carries the question itself (no choice was offered)."""
        coded = self.coder(text, " ".join(self.node.client_lines) or None)
        codes, spans = frozenset(coded.labels()), dict(coded.spans)
        if "consent_check" in codes and typed.wrapped_permission(typed.read(text)):
            codes -= {"consent_check"}
            spans.pop("consent_check", None)
        return codes, spans, frozenset(coded.unsure()) & codes

    def _best_option(self, options: list[Option]) -> tuple[int, str]:
        """The best visible option's total points, and which it is."""
        dims = self.scenario.rubrics
        if not options:
            return 0, ""
        top = max(options, key=lambda o: _total(o.evidence, dims))
        return _total(top.evidence, dims), f"option:{top.id}"

    def _best(self, options: list[Option], available: Mapping[str, int]) -> tuple[int, str]:
        """The yardstick for a typed turn: the better of the best visible option and the
        node's exemplar, scored by the same coder and rules."""
        best = self._best_option(options)
        exemplar = self.node.exemplar
        if exemplar:
            ex_facts = self.facts(self._code(exemplar)[0], exemplar)
            points = sum(e.points for e in
                         typed.score_typed(self.node, self.rubrics, available, ex_facts))
            if points > best[0] or not options:
                best = (points, "exemplar")
        return best

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
                 best: tuple[int, str], effects: Mapping[str, int], feedback: str, target: str,
                 shown: tuple[str, ...], spans: Spans | None = None,
                 reply: str | list[str] | tuple[str, ...] | None = None,
                 narration: str | None = None, held: bool = False,
                 repeat_of: int | None = None, probing: bool = False,
                 pressed_limit: bool = False, unsure: tuple[str, ...] = ()) -> Turn:
        before = dict(self._state)
        after = {name: self.scenario.state[name].clamp(value + effects.get(name, 0))
                 for name, value in before.items()}
        lines = (reply,) if isinstance(reply, str) else tuple(reply or ())
        turn = Turn(index=len(self._turns), node=self._node_id, kind=kind,  # type: ignore[arg-type]
                    option=option, text=text, codes=codes, unsure=unsure,
                    spans={k: tuple(map(tuple, v)) for k, v in (spans or {}).items()},
                    evidence=evidence, shown=shown, available=available, best=best[0],
                    best_source=best[1], feedback=feedback,
                    state_before=before, state_after=after, next=target, reply=lines,
                    reply_narration=narration, held=held, repeat_of=repeat_of,
                    probing=probing, pressed_limit=pressed_limit,
                    sensitive=self.node.sensitive, time=self.clock())
        self._turns.append(turn)
        self._state = after
        self._node_id = target
        return turn


def _total(points: Mapping[str, int], dimensions: Iterable[str]) -> int:
    return sum(points.get(d, 0) for d in dimensions)


def _listing(options: Iterable[Option]) -> str:
    return ", ".join(f"{i}. {o.id}" for i, o in enumerate(options, 1)) or "none"

