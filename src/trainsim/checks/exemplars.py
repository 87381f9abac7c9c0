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
    for node_id, path in witnesses(scenario, rubrics, coder).items():
        node = scenario.nodes[node_id]
        if not node.exemplar or not node.free_text:
            continue
        session = _replay(scenario, rubrics, coder, path)
        turn = session.respond(node.exemplar)
        short = []
        for dim, offered in turn.available.items():
            exempt = set(rubrics[dim].exempt_codes) & set(turn.codes)
            if offered > 0 and not exempt and turn.points(dim) < offered:
                short.append(f"{dim} {turn.points(dim):+d} of {offered}")
        if short:
            route = " > ".join(path) or "the start"
            yield doc.problem(("nodes", node_id, "exemplar"),
                              f"the exemplar typed at '{node_id}' (reached by {route}) earns "
                              f"less than the moment offers: {', '.join(short)}; coded "
                              f"{', '.join(turn.codes) or 'nothing'}")
        elif turn.held:
            yield doc.problem(("nodes", node_id, "exemplar"),
                              f"the exemplar typed at '{node_id}' is coded as nothing, so the "
                              "client just waits")
