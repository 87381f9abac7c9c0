"""Condition-aware exploration of what a scenario lets a session reach."""

from __future__ import annotations

from collections import deque

from trainsim.model import Scenario, holds
from trainsim.model.conditions import VisitedCondition, walk

MAX_STATES = 50_000


def reachable_endings(scenario: Scenario, max_states: int = MAX_STATES) -> tuple[set[str], bool]:
    """Ending node ids some sequence of choices reaches, and whether the search was complete.

    Explores (node, client state, relevant visits) breadth-first. Options are shown only
    when their conditions hold; every free-text route is assumed possible, since a typed
    response may carry any codes.
    """
    names = list(scenario.state)
    spec = [scenario.state[n] for n in names]
    watched = frozenset(
        part.visited
        for node in scenario.nodes.values()
        for cond in [o.when for o in node.options] + [r.when for r in node.free_text]
        if cond is not None
        for part in walk(cond)
        if isinstance(part, VisitedCondition)
    )
    start = (scenario.start, tuple(v.initial for v in spec),
             frozenset({scenario.start}) & watched)
    seen = {start}
    queue = deque([start])
    reached: set[str] = set()
    while queue:
        node_id, values, visits = queue.popleft()
        node = scenario.nodes[node_id]
        if node.ending is not None:
            reached.add(node_id)
            continue
        state = dict(zip(names, values, strict=True))
        moves = [(o.next, o.effects) for o in node.options
                 if o.when is None or holds(o.when, state, visits)]
        moves += [(r.next, r.effects) for r in node.free_text]
        for target, effects in moves:
            new_values = tuple(
                var.clamp(value + effects.get(name, 0))
                for name, var, value in zip(names, spec, values, strict=True)
            )
            new_visits = visits | ({target} & watched)
            key = (target, new_values, new_visits)
            if key not in seen:
                if len(seen) >= max_states:
                    return reached, False
                seen.add(key)
                queue.append(key)
    return reached, True
