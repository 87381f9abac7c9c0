"""Data-only conditions: when an option is shown or a free-text route is taken.

A condition is one of::

    {var: trust, gte: 3}          # client state comparisons (gte, lte, eq; combined with AND)
    {visited: node-id}            # the session has been at that node
    {code: open_question}         # the typed response carries this code (free-text routes)
    {all: [...]} / {any: [...]} / {not: {...}}

Nothing is ever evaluated as code: :func:`holds` interprets the structure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
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


class AllCondition(ContentModel):
    """Holds when every listed condition holds."""

    all: list[Condition] = Field(min_length=1)


class AnyCondition(ContentModel):
    """Holds when at least one listed condition holds."""

    any: list[Condition] = Field(min_length=1)


class NotCondition(ContentModel):
    """Holds when the inner condition does not."""

    not_: Condition = Field(alias="not")


_TAGS = ("var", "visited", "code", "all", "any", "not")


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
    "all": AllCondition,
    "any": AnyCondition,
    "not": NotCondition,
}

for _cls in _CLASSES.values():
    _cls.model_rebuild()


def holds(
    condition: Condition,
    state: Mapping[str, int],
    visited: Iterable[str] | frozenset[str] = frozenset(),
    codes: frozenset[str] | None = None,
) -> bool:
    """Whether ``condition`` holds for this client state, visit history and response codes.

    ``codes`` is None when no typed response is being routed: code conditions then fail.
    """
    match condition:
        case VarCondition(var=var, gte=gte, lte=lte, eq=eq):
            value = state[var]
            return (
                (gte is None or value >= gte)
                and (lte is None or value <= lte)
                and (eq is None or value == eq)
            )
        case VisitedCondition(visited=node):
            return node in visited
        case CodeCondition(code=code):
            return codes is not None and code in codes
        case AllCondition(all=parts):
            return all(holds(p, state, visited, codes) for p in parts)
        case AnyCondition(any=parts):
            return any(holds(p, state, visited, codes) for p in parts)
        case NotCondition(not_=inner):
            return not holds(inner, state, visited, codes)
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
