"""Reading and scoring a typed response: what it asks, whether it repeats, what it earns.

Pure functions over the models; the session (:mod:`trainsim.engine.session`) calls them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from trainsim.model import Facts, Limit, Node, Option, Rubric, holds
from trainsim.model.phrases import (
    GENERIC,
    GROUNDING,
    LEAD_INS,
    MID_ASK,
    MORE,
    OFFERS,
    REQUEST,
    SLOWING,
    STARTERS,
    VERDICT_WRAPS,
    WRAPPED,
    WRAPS,
)
from trainsim.model.record import Evidence
from trainsim.model.scenario import ScoringRule
from trainsim.model.words import at, fold, has_phrase, mentions, sentences, stem, stems

ASKING = frozenset({"open_question", "closed_question", "stacked_questions", "consent_check"})
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


NEGATIONS = frozenset({"not", "no", "never", "dont", "wont", "cant", "isnt", "arent", "wasnt",
                       "werent", "didnt", "doesnt", "shouldnt", "wouldnt", "couldnt", "nothing"})


def matching_option(text: str, options: Iterable[Option]) -> Option | None:
    """The visible option whose words were typed: the same words in the same order, but for
    case, punctuation and at most two misspelt words (each mostly the same letters, neither
    a negation). Anything added, dropped or reworded is scored as the trainee's own words."""
    mine = normalise(text).split()
    for option in options:
        theirs = normalise(option.text).split()
        if len(theirs) != len(mine):
            continue
        differ = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
        if len(differ) <= 2 and all(
                a not in NEGATIONS and b not in NEGATIONS
                and SequenceMatcher(None, a, b).ratio() >= 0.75 for a, b in differ):
            return option
    return None


def repeated_turn(text: str, earlier: Sequence[str]) -> int | None:
    """The index of the earlier turn this text repeats (the same or nearly the same words)."""
    mine = normalise(text)
    for index, other in enumerate(earlier):
        if likeness(mine, normalise(other)) >= REPEAT:
            return index
    return None


@dataclass(frozen=True)
class Sentence:
    """One sentence of a turn: its folded words, its stems, and whether it asks."""

    words: tuple[str, ...]
    stems: tuple[str, ...]
    asks: bool
    colon: bool = False
    """It ends with a colon: what follows is what it announced."""
    ended: bool = True
    """It ends with punctuation (typed questions often have none)."""
    head: str = ""
    """Its first word after any lead-in ("so", "and", "now")."""


def read(text: str) -> list[Sentence]:
    """The sentences of a turn. A sentence asks when it ends with "?", starts as a question
    does (after "so", "and", "now"...), holds a question ("...so what did she do"), or makes
    a request ("I'd like to understand what...", "let's look at..."). A sentence ending in a
    colon is read with the one it announces."""
    parts = sentences(text)
    merged: list[tuple[str, bool]] = []
    for i, part in enumerate(parts):
        if merged and merged[-1][1]:
            merged[-1] = (merged[-1][0] + " " + part, part.endswith(":"))
        else:
            merged.append((part, part.endswith(":") and i < len(parts) - 1))
    out = []
    for sentence, _ in merged:
        words = fold(sentence)
        if words:
            head = next((w for w in words if w not in LEAD_INS), words[0])
            asking = (sentence.endswith("?") or head in STARTERS
                      or has_phrase(words, REQUEST) or has_phrase(words, MID_ASK)
                      or (len(words) <= 3 and has_phrase(words, MORE)))  # "Details."
            out.append(Sentence(words, stems(sentence), asking, ":" in sentence,
                                sentence[-1] in ".!?;:", head))
    return out


def asking(codes: frozenset[str], read_text: Sequence[Sentence]) -> list[Sentence]:
    """The sentences that ask; a typed question without punctuation asks as a whole."""
    found = [s for s in read_text if s.asks]
    if not found and codes & ASKING and len(read_text) == 1 and not read_text[0].ended:
        only = read_text[0]
        return [Sentence(only.words, only.stems, True, only.colon, only.ended, only.head)]
    return found


def _pushes(sentence: Sentence, turn_slows: bool = False) -> bool:
    """Whether an asking sentence asks for more rather than offering a way out.

    Asking for more pushes unless it is offered as a choice: with "or" and a way out in the
    same sentence ("say a little, or leave it?"), or as an offer ("Would you like to...?")
    in a turn that also offers the way out ("It's fine to leave it for now"). A question
    that asks for nothing more and offers nothing is a push too: it moves the content on.
    """
    more, slowing = has_phrase(sentence.words, MORE), has_phrase(sentence.words, SLOWING)
    if more:
        choice = slowing and "or" in sentence.words
        offer = sentence.head in OFFERS and (slowing or turn_slows)
        return not (choice or offer)
    return not slowing


def probing(codes: frozenset[str], read_text: Sequence[Sentence]) -> bool:
    """Whether a turn asks for more: any sentence of it that asks and pushes. A pause or a
    breath offered first does not make "Now, did she hurt you?" anything but a probe."""
    slows = any(has_phrase(s.words, SLOWING) for s in read_text)
    return any(_pushes(s, slows) for s in asking(codes, read_text))


def probes_limit(codes: frozenset[str], read_text: Sequence[Sentence], limits: Sequence[Limit],
                 set_here: Limit | None) -> bool:
    """Whether the turn asks into a topic the client declined, whatever its wrapper.

    A sentence that asks (a question or a request) and names the topic probes it; at the
    node where the limit is set, any sentence that asks for more does too. Naming the topic
    in a statement ("given what you told me about...") is not asking into it.
    """
    if not limits and set_here is None:
        return False
    slows = any(has_phrase(s.words, SLOWING) for s in read_text)
    for sentence in asking(codes, read_text):
        if any(mentions(sentence.stems, limit.mentions) for limit in limits):
            return True
        if set_here is not None and (_pushes(sentence, slows)
                                     or mentions(sentence.stems, set_here.mentions)):
            return True
    return False


def grounding(read_text: Sequence[Sentence]) -> bool:
    """Whether the turn offers grounding (a breath, feet on the floor, the room), in a
    sentence that does not also push for more."""
    return any(has_phrase(s.words, GROUNDING) and not (s.asks and _pushes(s)
                                                        and not has_phrase(s.words, SLOWING))
               for s in read_text)


def wrapped_permission(read_text: Sequence[Sentence]) -> bool:
    """Whether a permission question carries the question (or a verdict) itself: "Is it
    okay if I ask: how often...?", "Can I ask whether she hurt you?", "Is it OK if I point
    out that you're dodging it?". The client never gets to say no before it is asked."""
    for sentence in read_text:
        words = sentence.words
        for phrase in WRAPS:
            wanted = fold(phrase)
            for i in at(words, wanted):
                rest = words[i + len(wanted) :]
                if (rest and rest[0] in WRAPPED) or (not rest and sentence.colon):
                    return True
        if has_phrase(words, VERDICT_WRAPS):
            return True
    return False


def anchored(text: str, client_lines: Sequence[str]) -> bool:
    """Whether the turn takes up at least one of the client's own content words (not a
    stock phrase such as "that sounds hard")."""
    common = _generic()
    mine = {w for w in stems(text) if len(w) >= 4 and w not in common}
    theirs = {w for line in client_lines for w in stems(line)
              if len(w) >= 4 and w not in common}
    return bool(mine & theirs)


@cache
def _generic() -> frozenset[str]:
    return frozenset(GENERIC) | frozenset(stem(w) for w in GENERIC)


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


SAFETY_DIMENSION = "validation"
SAFETY_REASON = ("safety rule: a response coded judgment earns no validation points, however "
                 "warm the rest of it")


def score_typed(node: Node, rubrics: Mapping[str, Rubric], available: Mapping[str, int],
                facts: Facts) -> list[Evidence]:
    """The evidence a typed response earns: rubric rules, then the node's, per dimension.

    Positive points are capped at what was available; where nothing was, only losses count.
    The safety rule comes first: a response coded judgment earns no validation points.
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
        if dim == SAFETY_DIMENSION and facts.codes is not None and "judgment" in facts.codes:
            found = [e for e in found if e.points <= 0]
            found.append(Evidence(dimension=dim, points=0, reason=SAFETY_REASON,
                                  source=f"safety:{dim}"))
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
