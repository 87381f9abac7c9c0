"""Condition-aware exploration of what a scenario lets a session reach."""

from __future__ import annotations

from collections import deque

import networkx as nx

from trainsim.model import Facts, Scenario, holds
from trainsim.model.conditions import (
    EarlierCondition,
    HighCondition,
    VarCondition,
    VisitedCondition,
    walk,
)

MAX_STATES = 20_000


def reachable_endings(scenario: Scenario, max_states: int = MAX_STATES) -> tuple[set[str], bool]:
    """Ending node ids some sequence of choices reaches, and whether the answer is certain.

    Endings reachable through unconditional moves alone are found on the graph. For the
    rest, (node, tested state variables, watched visits) is explored breadth-first: options
    are shown only when their conditions hold; every free-text route is assumed possible,
    since a typed response may carry any codes. Returns ``complete=False`` when the search
    stopped at ``max_states`` before deciding.
    """
    endings = {n for n, node in scenario.nodes.items() if node.ending is not None}
    free = nx.DiGraph()
    free.add_nodes_from(scenario.nodes)
    for node_id, node in scenario.nodes.items():
        free.add_edges_from((node_id, o.next) for o in node.options if o.when is None)
        free.add_edges_from((node_id, r.next) for r in node.free_text)
    reached = endings & (nx.descendants(free, scenario.start) | {scenario.start})
    if reached == endings:
        return reached, True

    conditions = [c for node in scenario.nodes.values() for c in
                  [o.when for o in node.options] if c is not None]
    parts = [p for c in conditions for p in walk(c)]
    if any(isinstance(p, EarlierCondition) for p in parts):
        return reached, False  # depends on the codes of earlier turns: not explored
    tested = {p.var for p in parts if isinstance(p, VarCondition)}
    tested |= {p.high for p in parts if isinstance(p, HighCondition)}
    names = [n for n in scenario.state if n in tested]
    spec = [scenario.state[n] for n in names]
    watched = frozenset(p.visited for p in parts if isinstance(p, VisitedCondition))
    start = (scenario.start, tuple(v.initial for v in spec),
             frozenset({scenario.start}) & watched)
    seen = {start}
    queue = deque([start])
    while queue and reached != endings:
        node_id, values, visits = queue.popleft()
        node = scenario.nodes[node_id]
        if node.ending is not None:
            reached.add(node_id)
            continue
        facts = Facts(state=dict(zip(names, values, strict=True)), visited=visits,
                      tags=frozenset(node.tags), thresholds=scenario.thresholds)
        moves = [(o.next, o.effects) for o in node.options
                 if o.when is None or holds(o.when, facts)]
        moves += [(r.next, r.effects) for r in node.free_text]
        for target, effects in moves:
            new_values = tuple(
                var.clamp(value + effects.get(name, 0)) if name in effects else value
                for name, var, value in zip(names, spec, values, strict=True)
            )
            key = (target, new_values, visits | ({target} & watched))
            if key not in seen:
                if len(seen) >= max_states:
                    return reached, False
                seen.add(key)
                queue.append(key)
    return reached, True
