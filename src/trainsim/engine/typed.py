"""Reading and scoring a typed response: what it asks, whether it repeats, what it earns.

Pure functions over the models; the session (:mod:`trainsim.engine.session`) calls them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher

from trainsim.model import Facts, Limit, Node, Option, Rubric, holds
from trainsim.model.record import Evidence
from trainsim.model.scenario import ScoringRule
from trainsim.model.words import MORE, REQUEST, SLOWING, asking_sentences, mentions, stems

ASKING = frozenset({"open_question", "closed_question", "stacked_questions", "consent_check"})
SAME_AS_OPTION = 0.9
"""How alike typed words and an option's text must be to count as that option."""
REPEAT = 0.8
"""How alike two turns must be for the later one to count as a repeat."""

_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case, words only, single spaces: what two texts are compared on."""
    return _NON_WORD.sub(" ", text.lower().replace("\u2019", "'").replace("'", "")).strip()


def likeness(a: str, b: str) -> float:
    """How alike two normalised texts are (0..1): the better of a character match and the
    overlap of their word sets."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    wa, wb = set(a.split()), set(b.split())
    overlap = len(wa & wb) / len(wa | wb) if len(wa) >= 5 and len(wb) >= 5 else 0.0
    return max(overlap, SequenceMatcher(None, a, b, autojunk=False).ratio())


def matching_option(text: str, options: Iterable[Option]) -> Option | None:
    """The visible option whose words were typed (near enough), if any."""
    mine = normalise(text)
    best, score = None, 0.0
    for option in options:
        s = likeness(mine, normalise(option.text))
        if s > score:
            best, score = option, s
    return best if score >= SAME_AS_OPTION else None


def repeated_turn(text: str, earlier: Sequence[str]) -> int | None:
    """The index of the earlier turn this text repeats (the same or nearly the same words)."""
    mine = normalise(text)
    for index, other in enumerate(earlier):
        if likeness(mine, normalise(other)) >= REPEAT:
            return index
    return None


def asks(codes: frozenset[str], words: Sequence[str]) -> bool:
    """Whether the turn asks something: a question, a consent check, or a request."""
    return bool(codes & ASKING) or mentions(words, REQUEST)


def probing(codes: frozenset[str], words: Sequence[str]) -> bool:
    """Whether a typed turn asks for more rather than offering to slow down.

    A question that asks for more ("tell me more", "what happened") is a probe unless it is a
    consent check that also offers the way out; a question that only offers a pause, a
    breath or a stop is not; any other question moves the content on and is a probe.
    """
    if not asks(codes, words):
        return False
    more, slowing = mentions(words, MORE), mentions(words, SLOWING)
    if more:
        return not (slowing and "consent_check" in codes)
    return not slowing


def probes_limit(codes: frozenset[str], text: str, limits: Sequence[Limit],
                 set_here: Limit | None) -> bool:
    """Whether the turn asks into a topic the client declined, whatever its wrapper.

    A sentence that asks (a question or a request) must name the topic; at the node where
    the limit is set, asking for more of anything counts too. Naming the topic in a
    statement ("given what you told me about...") is not asking into it.
    """
    if not limits and set_here is None:
        return False
    asking = asking_sentences(text)
    if not asking and codes & ASKING:
        asking = [stems(text)]  # typed without punctuation: the turn is one question
    for words in asking:
        if set_here is not None and (mentions(words, MORE)
                                     or mentions(words, set_here.mentions)):
            return True
        if any(mentions(words, limit.mentions) for limit in limits):
            return True
    return False


def option_available(options: Sequence[Option], dimensions: Iterable[str]) -> dict[str, int]:
    """What choosing could earn here: per dimension, the best any visible option offers."""
    return {dim: max([0, *(o.evidence.get(dim, 0) for o in options)]) for dim in dimensions}


def typed_available(node: Node, options: Sequence[Option], rubrics: Mapping[str, Rubric],
                    dimensions: Iterable[str]) -> dict[str, int]:
    """What a typed response could earn here, per dimension scored for typed responses.

    The node's ``typed_available`` where given; else the best visible option's points (the
    same yardstick as a choice); else, at a node without options, the rubric's ``available``.
    """
    dims = [d for d in dimensions if rubrics.get(d) is not None
            and rubrics[d].free_text is not None]
    from_options = option_available(options, dims) if options else {}
    out = {}
    for dim in dims:
        if dim in node.typed_available:
            out[dim] = node.typed_available[dim]
        elif options:
            out[dim] = from_options[dim]
        else:
            out[dim] = rubrics[dim].free_text.available  # type: ignore[union-attr]
    return out


def score_typed(node: Node, rubrics: Mapping[str, Rubric], available: Mapping[str, int],
                facts: Facts) -> list[Evidence]:
    """The evidence a typed response earns: rubric rules, then the node's, per dimension.

    Positive points are capped at what was available; where nothing was, only losses count.
    """
    evidence: list[Evidence] = []
    for dim, limit in available.items():
        scoring = rubrics[dim].free_text
        if scoring is None or (scoring.applies_when is not None
                               and not holds(scoring.applies_when, facts)):
            continue
        fired = [(rule, f"rule:{dim}:{i}") for i, rule in enumerate(scoring.rules, 1)]
        fired += [(rule, f"node:{dim}:{i}") for i, rule in enumerate(node.rules.get(dim, []), 1)]
        found = [_evidence(dim, rule, source) for rule, source in fired if holds(rule.when, facts)]
        if limit <= 0:
            found = [e for e in found if e.points < 0]
        evidence += found
        total = sum(e.points for e in found)
        if total > limit > 0:
            evidence.append(Evidence(dimension=dim, points=limit - total,
                                     reason=f"capped at the {limit} point"
                                     f"{'' if limit == 1 else 's'} this moment offers",
                                     source=f"cap:{dim}"))
    return evidence


def _evidence(dim: str, rule: ScoringRule, source: str) -> Evidence:
    return Evidence(dimension=dim, points=rule.points, reason=rule.reason, source=source)


def without_gains(evidence: Sequence[Evidence], repeat_of: int) -> list[Evidence]:
    """A repeated turn's evidence: its losses stand, its gains are struck out, and each
    dimension that lost a gain says why."""
    kept = [e for e in evidence if e.points < 0 and not e.source.startswith("cap:")]
    struck = dict.fromkeys(e.dimension for e in evidence if e.points > 0)
    reason = (f"repeats turn {repeat_of + 1}: saying the same thing again earns nothing the "
              "second time")
    kept += [Evidence(dimension=d, points=0, reason=reason, source=f"repeat:{repeat_of + 1}")
             for d in struck]
    return kept
