"""A check every scenario gets: each node's exemplar, typed there, earns full marks.

Each node is reached by the first sequence of options found breadth-first (so conditions,
state and history are real), the exemplar is typed through the real coder, and every
dimension it is scored on must earn what the moment offers: the best visible option's
points, the same yardstick as a choice.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping

from trainsim.engine import Session
from trainsim.engine.session import Coder
from trainsim.library.problems import Problem
from trainsim.library.yaml_source import YamlDocument
from trainsim.model import Rubric, Scenario


def witnesses(scenario: Scenario, rubrics: Mapping[str, Rubric],
              coder: Coder | None = None) -> dict[str, list[str]]:
    """For each node reachable by options, the first option path found to it."""
    found: dict[str, list[str]] = {scenario.start: []}
    queue = deque([[]])
    while queue:
        path = queue.popleft()
        session = _replay(scenario, rubrics, coder, path)
        for option in session.options:
            if option.next not in found:
                found[option.next] = [*path, option.id]
                queue.append(found[option.next])
    return found


def _replay(scenario: Scenario, rubrics: Mapping[str, Rubric], coder: Coder | None,
            path: list[str]) -> Session:
    session = Session(scenario, rubrics, coder=coder)
    for option in path:
        session.choose(option)
    return session


def check_exemplars(scenario: Scenario, rubrics: Mapping[str, Rubric], doc: YamlDocument,
                    coder: Coder | None = None) -> list[Problem]:
    """A problem for every dimension where a node's exemplar earns less than is available."""
    used = {r: rubrics[r] for r in scenario.rubrics if r in rubrics}
    return list(_exemplar_problems(scenario, used, doc, coder))


def _exemplar_problems(scenario: Scenario, rubrics: Mapping[str, Rubric], doc: YamlDocument,
                       coder: Coder | None) -> Iterator[Problem]:
    reported: set[str] = set()
    for node_id, path in witnesses(scenario, rubrics, coder).items():
        node = scenario.nodes[node_id]
        if not node.exemplar or not node.free_text:
            continue
        session = _replay(scenario, rubrics, coder, path)
        problem = _check_turn(session, node_id, " > ".join(path) or "the start", doc)
        if problem is not None:
            reported.add(node_id)
            yield problem
    session = Session(scenario, rubrics, coder=coder)  # and along the exemplars' own path
    while session.ending is None and session.node.exemplar and session.node.free_text \
            and len(session.turns) < len(scenario.nodes):
        node_id = session.node_id
        problem = _check_turn(session, node_id, "typing the exemplars", doc)
        if problem is not None and node_id not in reported:
            reported.add(node_id)
            yield problem
        if session.node_id == node_id:  # held or stayed: the path ends here
            break


def _check_turn(session: Session, node_id: str, route: str,
                doc: YamlDocument) -> Problem | None:
    """Type the node's exemplar where the session stands; a problem if it falls short of
    what the moment offers on a dimension, or of the best visible option in total."""
    node = session.scenario.nodes[node_id]
    dims = session.scenario.rubrics
    best = max((sum(o.evidence.get(d, 0) for d in dims) for o in session.options), default=0)
    turn = session.respond(node.exemplar or "")
    at = ("nodes", node_id, "exemplar")
    if turn.held:
        return doc.problem(at, f"the exemplar typed at '{node_id}' is coded as nothing, so the "
                               "client just waits")
    short = []
    for dim, offered in turn.available.items():
        exempt = set(session.rubrics[dim].exempt_codes) & set(turn.codes)
        if offered > 0 and not exempt and turn.points(dim) < offered:
            short.append(f"{dim} {turn.points(dim):+d} of {offered}")
    total = sum(e.points for e in turn.evidence)
    if total < best:
        short.append(f"{total:+d} in all where the best option earns {best:+d}")
    if not short:
        return None
    return doc.problem(at, f"the exemplar typed at '{node_id}' (reached by {route}) earns less "
                           f"than the moment offers: {', '.join(short)}; coded "
                           f"{', '.join(turn.codes) or 'nothing'}")
