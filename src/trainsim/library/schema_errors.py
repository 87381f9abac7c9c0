"""Turn pydantic validation errors into located, readable problems."""

from __future__ import annotations

import types
from collections.abc import Sequence
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from trainsim.library.problems import Problem, did_you_mean
from trainsim.library.yaml_source import YamlDocument

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
    "none_required": "nothing",
}


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _members(tp: Any) -> list[Any]:
    """The alternatives of a union, flattened, without ``None``; ``[tp]`` for a non-union."""
    tp = _unwrap(tp)
    if get_origin(tp) not in (Union, types.UnionType):
        return [tp]
    out: list[Any] = []
    for arg in get_args(tp):
        if arg is not type(None):
            out.extend(_members(arg))
    return out


def _field_names(model: type[BaseModel]) -> dict[str, Any]:
    names: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        names[info.alias or name] = info.annotation
    return names


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _pick(members: list[Any], step: str | int) -> Any | None:
    """The union member a pydantic loc step names (a discriminator tag or a type name)."""
    for member in members:
        name = member.__name__ if isinstance(member, type) and not get_args(member) else str(member)
        if step == name:
            return member
    owners = [m for m in members if _is_model(m) and step in _field_names(m)]
    return owners[0] if len(owners) == 1 else None


def resolve(model: type[BaseModel], loc: Sequence[str | int]) -> tuple[list[str | int], list[str]]:
    """The data path for a pydantic ``loc`` and the keys allowed where it ends.

    Drops the union tags pydantic adds (``'var'`` for a condition, ``'str'`` for ``str | list``).
    """
    tp: Any = model
    path: list[str | int] = []
    allowed: list[str] = []
    for step in loc:
        members = _members(tp)
        if len(members) > 1:
            tp = _pick(members, step)
            if tp is None:
                tp = Any
            continue
        tp = members[0]
        allowed = []
        if step == "[key]":
            continue
        path.append(step)
        if _is_model(tp):
            fields = _field_names(tp)
            allowed = list(fields)
            tp = fields.get(step, Any)
        elif get_origin(tp) is list:
            tp = get_args(tp)[0]
        elif get_origin(tp) is dict:
            tp = get_args(tp)[1]
        else:
            tp = Any
    return path, allowed


def dotted(path: Sequence[str | int]) -> str:
    """``nodes.opening.options[0].next`` for a data path."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(top level)"


def _describe(error: ErrorDetails, allowed: list[str]) -> tuple[str, bool]:
    """A readable message for one error, and whether it points at the key itself."""
    kind = error["type"]
    value = error.get("input")
    last = error["loc"][-1] if error["loc"] else ""
    if kind == "extra_forbidden":
        return f"unknown key '{last}'{did_you_mean(str(last), allowed)}", True
    if kind == "missing":
        return f"missing required key '{last}'", True
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return f"'{value}' is not one of: {', '.join(choices)}{hint}", False
    if kind == "string_pattern_mismatch":
        return (f"'{value}' is not a valid id: use lowercase letters, digits and hyphens",
                "[key]" in error["loc"])
    ctx = error.get("ctx", {})
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return (f"needs at least {need} item{'s' if need != 1 else ''}, has "
                f"{ctx.get('actual_length', 0)}") if need > 1 else "must not be empty", False
    bounds = {"greater_than_equal": ("at least", "ge"), "less_than_equal": ("at most", "le"),
              "greater_than": ("more than", "gt"), "less_than": ("less than", "lt")}
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {ctx.get(key)}, got {value!r}", False
    if kind in _TYPE_WORDS:
        hint = ""
        if isinstance(value, bool) and kind == "string_type":
            hint = " (YAML reads yes/no/on/off/true/false as booleans: put the text in quotes)"
        return f"expected {_TYPE_WORDS[kind]}, got {_show(value)}{hint}", False
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return message, False


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"


def schema_problems(doc: YamlDocument, model: type[BaseModel],
                    exc: ValidationError) -> list[Problem]:
    """Every error in ``exc`` as a problem located in ``doc``, merging union alternatives."""
    merged: dict[tuple[tuple[str | int, ...], bool], list[str]] = {}
    for error in exc.errors(include_url=False):
        path, allowed = resolve(model, error["loc"])
        message, at_key = _describe(error, allowed)
        if error["type"] == "missing":
            path = path[:-1]
        bucket = merged.setdefault((tuple(path), at_key), [])
        if message not in bucket:
            bucket.append(message)
    problems = []
    paths = [p for p, _ in merged]
    for (path, at_key), messages in merged.items():
        if any(len(other) > len(path) and other[: len(path)] == path for other in paths):
            messages = [m for m in messages if not m.startswith("expected ")]
        if len(messages) > 1 and all(m.startswith("expected ") for m in messages):
            got = messages[0].rsplit(", got ", 1)[-1]
            kinds = " or ".join(m[len("expected "):].rsplit(", got ", 1)[0] for m in messages)
            messages = [f"expected {kinds}, got {got}"]
        for message in messages:
            problems.append(doc.problem(path, f"{dotted(path)}: {message}", key=at_key))
    problems.sort(key=lambda p: (p.line or 0, p.col or 0))
    return problems
