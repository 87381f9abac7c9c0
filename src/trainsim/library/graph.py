"""Structural checks of a scenario's conversation graph (networkx)."""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import get_args

import networkx as nx

from trainsim.library.codes_check import TYPED_ONLY, unemitted
from trainsim.library.problems import Problem, did_you_mean
from trainsim.library.reach import reachable_endings
from trainsim.library.yaml_source import YamlDocument
from trainsim.model import Scenario
from trainsim.model.conditions import (
    HighCondition,
    ProbesLimitCondition,
    TagCondition,
    VarCondition,
    VisitedCondition,
    walk,
)
from trainsim.model.scenario import NodeTag

NODE_TAGS = frozenset(get_args(NodeTag))

Keys = tuple[str | int, ...]


def conversation_graph(scenario: Scenario) -> nx.DiGraph:
    """Nodes are scenario nodes; an edge per option or free-text route to a known node."""
    graph = nx.DiGraph()
    for node_id, node in scenario.nodes.items():
        graph.add_node(node_id, ending=node.ending is not None, sensitive=node.sensitive)
    for node_id, node in scenario.nodes.items():
        for target in [o.next for o in node.options] + [r.next for r in node.free_text]:
            if target in scenario.nodes:
                graph.add_edge(node_id, target)
    return graph


def check_scenario(scenario: Scenario, doc: YamlDocument,
                   known_rubrics: Set[str] | None = None) -> list[Problem]:
    """Every graph and reference problem in ``scenario``: errors first found, then warnings."""
    problems = list(_references(scenario, doc, known_rubrics))
    problems += _structure(scenario, doc)
    problems += _choice_warnings(scenario, doc)
    problems += _limit_warnings(scenario, doc)
    problems += _length_warning(scenario, doc)
    if not any(p.is_error for p in problems):
        problems += _conditional_endings(scenario, doc)
    return problems


def _references(scenario: Scenario, doc: YamlDocument,
                known_rubrics: Set[str] | None) -> Iterator[Problem]:
    nodes, state = scenario.nodes, scenario.state
    if scenario.start not in nodes:
        yield doc.problem(("start",), f"start node '{scenario.start}' does not exist"
                          + did_you_mean(scenario.start, nodes))
    if known_rubrics is not None:
        for i, rubric_id in enumerate(scenario.rubrics):
            if rubric_id not in known_rubrics:
                yield doc.problem(("rubrics", i), f"unknown rubric '{rubric_id}'"
                                  + did_you_mean(rubric_id, known_rubrics))
    for var in scenario.thresholds:
        if var not in state:
            yield doc.problem(("thresholds", var), f"threshold for undeclared state variable "
                              f"'{var}'" + did_you_mean(var, state), key=True)
    dims = set(scenario.rubrics)
    limits = {n.limit.id for n in nodes.values() if n.limit is not None}
    for i, goal in enumerate(scenario.learning_objectives):
        if isinstance(goal, str):
            continue
        for j, node_id in enumerate(goal.nodes):
            if node_id not in nodes:
                yield doc.problem(("learning_objectives", i, "nodes", j), f"objective names "
                                  f"unknown node '{node_id}'" + did_you_mean(node_id, nodes))
        for j, skill in enumerate(goal.skills):
            if skill not in dims:
                yield doc.problem(("learning_objectives", i, "skills", j), f"objective names "
                                  f"'{skill}', which is not one of this scenario's rubrics"
                                  + did_you_mean(skill, dims))
    for node_id, node in nodes.items():
        ids: set[str] = set()
        for key in ("typed_available", "rules"):
            for dim in getattr(node, key):
                if dim not in dims:
                    yield doc.problem(("nodes", node_id, key, dim), f"'{dim}' is not one of this "
                                      f"scenario's rubrics ({', '.join(scenario.rubrics)})"
                                      + did_you_mean(dim, dims), key=True)
        for dim, rules in node.rules.items():
            for j, rule in enumerate(rules):
                yield from _condition(doc, ("nodes", node_id, "rules", dim, j, "when"),
                                      rule.when, scenario, typed=True)
        for j, lifted in enumerate(node.lifts):
            if lifted not in limits:
                yield doc.problem(("nodes", node_id, "lifts", j), f"no node sets a limit "
                                  f"'{lifted}'" + did_you_mean(lifted, limits))
        for i, option in enumerate(node.options):
            at: Keys = ("nodes", node_id, "options", i)
            if option.id in ids:
                yield doc.problem((*at, "id"), f"option id '{option.id}' is used twice at node "
                                  f"'{node_id}'")
            ids.add(option.id)
            if option.next not in nodes:
                yield doc.problem((*at, "next"), f"option '{option.id}' goes to unknown node "
                                  f"'{option.next}'" + did_you_mean(option.next, nodes))
            for dim in option.evidence:
                if dim not in dims:
                    yield doc.problem((*at, "evidence", dim),
                                      f"option '{option.id}' scores '{dim}', which is not one of "
                                      f"this scenario's rubrics ({', '.join(scenario.rubrics)})"
                                      + did_you_mean(dim, dims), key=True)
            yield from _effects(doc, at, f"option '{option.id}'", option.effects, state)
            if option.when is not None:
                yield from _condition(doc, (*at, "when"), option.when, scenario, typed=False)
        for i, route in enumerate(node.free_text):
            at = ("nodes", node_id, "free_text", i)
            if route.next not in nodes:
                yield doc.problem((*at, "next"), f"free-text route {i + 1} of node '{node_id}' "
                                  f"goes to unknown node '{route.next}'"
                                  + did_you_mean(route.next, nodes))
            yield from _effects(doc, at, f"free-text route {i + 1}", route.effects, state)
            if route.when is not None:
                yield from _condition(doc, (*at, "when"), route.when, scenario, typed=True)


def _effects(doc: YamlDocument, at: Keys, what: str, effects: dict[str, int],
             state: dict[str, object]) -> Iterator[Problem]:
    for var in effects:
        if var not in state:
            yield doc.problem((*at, "effects", var), f"{what} changes undeclared state variable "
                              f"'{var}'" + did_you_mean(var, state), key=True)


def _condition(doc: YamlDocument, at: Keys, condition: object, scenario: Scenario,
               typed: bool) -> Iterator[Problem]:
    for part in walk(condition):  # type: ignore[arg-type]
        if isinstance(part, VarCondition) and part.var not in scenario.state:
            yield doc.problem(at, f"condition names undeclared state variable '{part.var}'"
                              + did_you_mean(part.var, scenario.state))
        elif isinstance(part, VisitedCondition) and part.visited not in scenario.nodes:
            yield doc.problem(at, f"condition names unknown node '{part.visited}'"
                              + did_you_mean(part.visited, scenario.nodes))
        elif isinstance(part, HighCondition) and part.high not in scenario.thresholds:
            yield doc.problem(at, f"condition 'high: {part.high}' needs a threshold for "
                              f"'{part.high}' in the scenario's thresholds")
        elif isinstance(part, TagCondition) and part.tag not in NODE_TAGS:
            yield doc.problem(at, f"condition names unknown tag '{part.tag}'"
                              + did_you_mean(part.tag, NODE_TAGS), severity="warning")
        elif isinstance(part, TYPED_ONLY) and not typed:
            yield doc.problem(at, "conditions on what was typed (code, mentions, probing, "
                              "probes_limit) only apply to free-text routes and rules; this "
                              "option would never be shown", severity="warning")
    yield from (doc.problem(at, message) for message in unemitted(condition))  # type: ignore[arg-type]


def _structure(scenario: Scenario, doc: YamlDocument) -> Iterator[Problem]:
    if scenario.start not in scenario.nodes:
        return
    graph = conversation_graph(scenario)
    reachable = nx.descendants(graph, scenario.start) | {scenario.start}
    for node_id in scenario.nodes:
        if node_id not in reachable:
            yield doc.problem(("nodes", node_id), f"node '{node_id}' cannot be reached from the "
                              f"start node '{scenario.start}'", key=True)
    endings = [n for n, node in scenario.nodes.items() if node.ending is not None]
    if not endings:
        yield doc.problem(("nodes",), "the scenario has no ending node", key=True)
    can_end = set(endings)
    for ending in endings:
        can_end |= nx.ancestors(graph, ending)
    stuck = [n for n in scenario.nodes if n in reachable and n not in can_end]
    for node_id in stuck:
        node = scenario.nodes[node_id]
        if not node.options and not node.free_text:
            yield doc.problem(("nodes", node_id), f"node '{node_id}' is not an ending and has no "
                              "way out", key=True)
    trapped = graph.subgraph(n for n in stuck if graph.out_degree(n) > 0)
    for component in nx.weakly_connected_components(trapped):
        members = sorted(component, key=list(scenario.nodes).index)
        yield doc.problem(("nodes", members[0]), "no ending can be reached from "
                          + ("node " if len(members) == 1 else "nodes ")
                          + ", ".join(f"'{m}'" for m in members)
                          + ": the conversation would loop forever", key=True)


def _choice_warnings(scenario: Scenario, doc: YamlDocument) -> Iterator[Problem]:
    for node_id, node in scenario.nodes.items():
        if node.ending is None and len(node.options) == 1:
            yield doc.problem(("nodes", node_id, "options"), f"node '{node_id}' has a single "
                              "option, so the trainee has no choice", severity="warning")
        seen: dict[str, str] = {}
        for i, option in enumerate(node.options):
            text = " ".join(option.text.lower().split())
            if text in seen:
                yield doc.problem(("nodes", node_id, "options", i, "text"), f"options "
                                  f"'{seen[text]}' and '{option.id}' have the same text",
                                  severity="warning")
            seen.setdefault(text, option.id)
            if "consent_check" in option.codes and option.evidence.get("open-questions", 0) < 0:
                yield doc.problem(("nodes", node_id, "options", i, "evidence", "open-questions"),
                                  f"option '{option.id}' is a consent check but costs "
                                  "open-questions points; consent checks never count against "
                                  "open questions", severity="warning")


def _limit_warnings(scenario: Scenario, doc: YamlDocument) -> Iterator[Problem]:
    for node_id, node in scenario.nodes.items():
        if node.limit is None or not node.free_text:
            continue
        if not any(r.when is not None and any(isinstance(p, ProbesLimitCondition)
                                              for p in walk(r.when)) for r in node.free_text):
            yield doc.problem(("nodes", node_id, "limit"), f"node '{node_id}' sets the limit "
                              f"'{node.limit.id}' but no free-text route tests probes_limit, "
                              "so a polite probe past it takes an ordinary route",
                              severity="warning")


def length_cue(scenario: Scenario) -> tuple[int, int]:
    """(nodes where a best option, by total points, is also the longest; nodes with two or
    more options)."""
    hits = total = 0
    for node in scenario.nodes.values():
        if len(node.options) < 2:
            continue
        total += 1
        points = {o.id: sum(o.evidence.get(d, 0) for d in scenario.rubrics)
                  for o in node.options}
        longest = max(node.options, key=lambda o: len(" ".join(o.text.split())))
        hits += points[longest.id] == max(points.values())
    return hits, total


def _length_warning(scenario: Scenario, doc: YamlDocument) -> Iterator[Problem]:
    hits, total = length_cue(scenario)
    if total and hits * 2 > total:
        yield doc.problem(("nodes",), f"the best option is also the longest at {hits} of "
                          f"{total} nodes: length gives the answer away; write some poor "
                          "options longer or some skilled ones shorter", key=True,
                          severity="warning")


def _conditional_endings(scenario: Scenario, doc: YamlDocument) -> Iterator[Problem]:
    reached, complete = reachable_endings(scenario)
    if not complete:
        return
    for node_id, node in scenario.nodes.items():
        if node.ending is not None and node_id not in reached:
            yield doc.problem(("nodes", node_id), f"ending '{node_id}' can never be reached: the "
                              "conditions on the way to it never hold", key=True,
                              severity="warning")
