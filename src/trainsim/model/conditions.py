"""Data-only conditions: when an option is shown or a free-text route is taken.

A condition is one of::

    {var: trust, gte: 3}          # client state comparisons (gte, lte, eq; combined with AND)
    {visited: node-id}            # the session has been at that node
    {code: open_question}         # the typed response carries this code (free-text routes)
    {earlier: consent_check}      # an earlier turn of this session carried this code
    {recent: consent_check}       # one of the last turns (``within``, default 1) carried it
    {mentions: [phrase, ...]}     # the typed words mention a phrase (case and inflection folded)
    {probing: true}               # the typed turn asks for more (see trainsim.model.words)
    {probes_limit: true}          # ...and presses on a limit the client has set
    {anchored: true}              # the typed turn takes up the client's own content words
    {grounding: true}             # the typed turn offers grounding (breath, feet, the room)
    {limit: any} / {limit: id}    # a limit the client set is in force
    {pressed_limit: true}         # some turn asked into a declined topic (rubric caps)
    {ending: rupture}             # the session ended so (rubric caps)
    {reached: sensitive}          # some node visited carries this tag (rubric caps)
    {tag: sensitive}              # the current node carries this tag
    {high: distress}              # the variable is at or above the scenario's threshold
    {all: [...]} / {any: [...]} / {not: {...}}

Nothing is ever evaluated as code: :func:`holds` interprets the structure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from trainsim.model.base import ContentModel, Slug, Text
from trainsim.model.codes import Code
from trainsim.model.words import mentions


class VarCondition(ContentModel):
    """Compare a client state variable with integers; all given bounds must hold."""

    var: str = Field(description="A state variable declared by the scenario.")
    gte: int | None = Field(None, description="Holds when the variable is at least this.")
    lte: int | None = Field(None, description="Holds when the variable is at most this.")
    eq: int | None = Field(None, description="Holds when the variable equals this.")

    @model_validator(mode="after")
    def _needs_a_bound(self) -> VarCondition:
        if self.gte is None and self.lte is None and self.eq is None:
            raise ValueError("a 'var' condition needs at least one of gte, lte, eq")
        return self


class VisitedCondition(ContentModel):
    """Holds once the session has passed through the named node."""

    visited: Slug


class CodeCondition(ContentModel):
    """Holds when the trainee's typed response carries this code (free-text routes only)."""

    code: Code


class EarlierCondition(ContentModel):
    """Holds when an earlier turn of the session carried this code."""

    earlier: Code


class RecentCondition(ContentModel):
    """Holds when one of the last ``within`` turns carried this code: a consent check
    licenses the next step, not the rest of the session."""

    recent: Code
    within: int = Field(1, ge=1, le=10, description="How many turns back to look.")


class MentionsCondition(ContentModel):
    """Holds when the typed response mentions one of the phrases (case and inflection
    folded: "happened" matches "happen", "Forcing" matches "force")."""

    mentions: list[Text] = Field(min_length=1)


class ProbingCondition(ContentModel):
    """Holds (when ``probing: true``) for a typed turn that asks for more: any question or
    request that does not offer to slow down, pause, stop or leave the topic."""

    probing: bool


class ProbesLimitCondition(ContentModel):
    """Holds (when ``probes_limit: true``) for a typed turn that asks into a topic the client
    has declined (a limit in force), whatever polite wrapper it comes in."""

    probes_limit: bool


class AnchoredCondition(ContentModel):
    """Holds (when ``anchored: true``) for a typed turn that takes up at least one of the
    client's own content words, rather than a stock phrase ("that sounds hard")."""

    anchored: bool


class GroundingCondition(ContentModel):
    """Holds (when ``grounding: true``) for a typed turn that offers grounding: a breath,
    feet on the floor, the room (a built-in phrase list, until the coder emits it)."""

    grounding: bool


class LimitCondition(ContentModel):
    """Holds while the named limit (or ``any`` limit) the client set is in force; ``here``
    holds at the node where the client sets one."""

    limit: Slug


class PressedLimitCondition(ContentModel):
    """Holds (when ``pressed_limit: true``) once any turn of the session asked into a topic
    the client had declined (rubric caps)."""

    pressed_limit: bool


class EndingCondition(ContentModel):
    """Holds when the session ended with this kind of ending (rubric caps)."""

    ending: Literal["completed", "partial", "rupture", "safety"]


class ReachedCondition(ContentModel):
    """Holds when some node the session visited carries this tag (rubric caps)."""

    reached: Slug


class TagCondition(ContentModel):
    """Holds when the current node carries this tag (e.g. sensitive)."""

    tag: Slug


class HighCondition(ContentModel):
    """Holds when the variable is at or above the threshold the scenario sets for it."""

    high: str = Field(description="A state variable with an entry in the scenario's thresholds.")


class AllCondition(ContentModel):
    """Holds when every listed condition holds."""

    all: list[Condition] = Field(min_length=1)


class AnyCondition(ContentModel):
    """Holds when at least one listed condition holds."""

    any: list[Condition] = Field(min_length=1)


class NotCondition(ContentModel):
    """Holds when the inner condition does not."""

    not_: Condition = Field(alias="not")


_TAGS = ("var", "visited", "code", "earlier", "recent", "mentions", "probing", "probes_limit",
         "anchored", "grounding", "limit", "pressed_limit", "ending", "reached", "tag", "high",
         "all", "any", "not")


def _condition_tag(value: Any) -> str | None:
    if isinstance(value, Mapping):
        for tag in _TAGS:
            if tag in value:
                return tag
        return None
    for tag, cls in _CLASSES.items():
        if isinstance(value, cls):
            return tag
    return None


Condition = Annotated[
    (
        Annotated[VarCondition, Tag("var")]
        | Annotated[VisitedCondition, Tag("visited")]
        | Annotated[CodeCondition, Tag("code")]
        | Annotated[EarlierCondition, Tag("earlier")]
        | Annotated[RecentCondition, Tag("recent")]
        | Annotated[MentionsCondition, Tag("mentions")]
        | Annotated[ProbingCondition, Tag("probing")]
        | Annotated[ProbesLimitCondition, Tag("probes_limit")]
        | Annotated[AnchoredCondition, Tag("anchored")]
        | Annotated[GroundingCondition, Tag("grounding")]
        | Annotated[LimitCondition, Tag("limit")]
        | Annotated[PressedLimitCondition, Tag("pressed_limit")]
        | Annotated[EndingCondition, Tag("ending")]
        | Annotated[ReachedCondition, Tag("reached")]
        | Annotated[TagCondition, Tag("tag")]
        | Annotated[HighCondition, Tag("high")]
        | Annotated[AllCondition, Tag("all")]
        | Annotated[AnyCondition, Tag("any")]
        | Annotated[NotCondition, Tag("not")]
    ),
    Discriminator(
        _condition_tag,
        custom_error_type="condition_kind",
        custom_error_message="a condition must be a mapping with one of the keys: "
        + ", ".join(_TAGS),
    ),
]

_CLASSES: dict[str, type[ContentModel]] = {
    "var": VarCondition,
    "visited": VisitedCondition,
    "code": CodeCondition,
    "earlier": EarlierCondition,
    "recent": RecentCondition,
    "mentions": MentionsCondition,
    "probing": ProbingCondition,
    "probes_limit": ProbesLimitCondition,
    "anchored": AnchoredCondition,
    "grounding": GroundingCondition,
    "limit": LimitCondition,
    "pressed_limit": PressedLimitCondition,
    "ending": EndingCondition,
    "reached": ReachedCondition,
    "tag": TagCondition,
    "high": HighCondition,
    "all": AllCondition,
    "any": AnyCondition,
    "not": NotCondition,
}

for _cls in _CLASSES.values():
    _cls.model_rebuild()


@dataclass(frozen=True)
class Facts:
    """What a condition can look at.

    ``codes`` is None when no typed response is being routed or scored: code conditions
    then fail. ``recent`` holds the codes of the turns before, newest first; ``words`` the
    typed response's folded words (:func:`trainsim.model.words.stems`); ``limits`` the ids of
    the limits in force.
    """

    state: Mapping[str, int]
    visited: frozenset[str] = frozenset()
    codes: frozenset[str] | None = None
    tags: frozenset[str] = frozenset()
    thresholds: Mapping[str, int] = field(default_factory=dict)
    earlier: frozenset[str] = frozenset()
    recent: tuple[frozenset[str], ...] = ()
    words: tuple[str, ...] = ()
    probing: bool = False
    probes_limit: bool = False
    anchored: bool = False
    grounding: bool = False
    limits: frozenset[str] = frozenset()
    limit_here: bool = False
    ending: str | None = None
    pressed_limit: bool = False
    reached: frozenset[str] = frozenset()


def holds(condition: Condition, facts: Facts | Mapping[str, int],
          visited: Iterable[str] = (), codes: frozenset[str] | None = None) -> bool:
    """Whether ``condition`` holds for these facts (or for a bare state, visits and codes)."""
    if not isinstance(facts, Facts):
        facts = Facts(state=facts, visited=frozenset(visited), codes=codes)
    match condition:
        case VarCondition(var=var, gte=gte, lte=lte, eq=eq):
            value = facts.state.get(var)
            return value is not None and (
                (gte is None or value >= gte)
                and (lte is None or value <= lte)
                and (eq is None or value == eq)
            )
        case VisitedCondition(visited=node):
            return node in facts.visited
        case CodeCondition(code=code):
            return facts.codes is not None and code in facts.codes
        case EarlierCondition(earlier=code):
            return code in facts.earlier
        case RecentCondition(recent=code, within=within):
            return any(code in codes for codes in facts.recent[:within])
        case MentionsCondition(mentions=phrases):
            return mentions(facts.words, phrases)
        case ProbingCondition(probing=want):
            return facts.codes is not None and facts.probing == want
        case ProbesLimitCondition(probes_limit=want):
            return facts.codes is not None and facts.probes_limit == want
        case AnchoredCondition(anchored=want):
            return facts.codes is not None and facts.anchored == want
        case GroundingCondition(grounding=want):
            return facts.codes is not None and facts.grounding == want
        case LimitCondition(limit=name):
            if name == "here":
                return facts.limit_here
            return bool(facts.limits) if name == "any" else name in facts.limits
        case PressedLimitCondition(pressed_limit=want):
            return facts.pressed_limit == want
        case EndingCondition(ending=kind):
            return facts.ending == kind
        case ReachedCondition(reached=tag):
            return tag in facts.reached
        case TagCondition(tag=tag):
            return tag in facts.tags
        case HighCondition(high=var):
            return var in facts.thresholds and facts.state.get(var, 0) >= facts.thresholds[var]
        case AllCondition(all=parts):
            return all(holds(p, facts) for p in parts)
        case AnyCondition(any=parts):
            return any(holds(p, facts) for p in parts)
        case NotCondition(not_=inner):
            return not holds(inner, facts)
    raise TypeError(f"not a condition: {condition!r}")


def walk(condition: Condition) -> Iterator[Condition]:
    """Yield the condition and every condition nested inside it."""
    yield condition
    match condition:
        case AllCondition(all=parts) | AnyCondition(any=parts):
            for part in parts:
                yield from walk(part)
        case NotCondition(not_=inner):
            yield from walk(inner)
