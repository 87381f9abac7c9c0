"""Data-only conditions: when an option is shown or a free-text route is taken.

A condition is one of::

    {var: trust, gte: 3}          # client state comparisons (gte, lte, eq; combined with AND)
    {visited: node-id}            # the session has been at that node
    {code: open_question}         # the typed response carries this code (free-text routes)
    {earlier: consent_check}      # an earlier turn of this session carried this code
    {tag: sensitive}              # the current node carries this tag
    {high: distress}              # the variable is at or above the scenario's threshold
    {all: [...]} / {any: [...]} / {not: {...}}

Nothing is ever evaluated as code: :func:`holds` interprets the structure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag, model_validator

from trainsim.model.base import ContentModel, Slug
from trainsim.model.codes import Code


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


_TAGS = ("var", "visited", "code", "earlier", "tag", "high", "all", "any", "not")


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
    then fail.
    """

    state: Mapping[str, int]
    visited: frozenset[str] = frozenset()
    codes: frozenset[str] | None = None
    tags: frozenset[str] = frozenset()
    thresholds: Mapping[str, int] = field(default_factory=dict)
    earlier: frozenset[str] = frozenset()


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
