"""Safe YAML loading that keeps every value's position and refuses anything but plain data.

Only the YAML core types are built (mappings, sequences, strings, numbers, booleans,
null); any other tag, duplicate keys, merge keys, files that are not UTF-8, empty or
larger than :data:`MAX_BYTES`, and alias expansion beyond :data:`MAX_VALUES` values are
reported as located :class:`Problem` s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from trainsim.library.files import byte_position
from trainsim.library.problems import ContentError, Problem

try:  # the C parser is much faster; PyYAML falls back to pure Python without libyaml
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
MAX_VALUES = 200_000

_Y = "tag:yaml.org,2002:"
_MAP, _SEQ, _STR = _Y + "map", _Y + "seq", _Y + "str"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS = {
    _Y + "int": _CONSTRUCTOR.construct_yaml_int,
    _Y + "float": _CONSTRUCTOR.construct_yaml_float,
    _Y + "bool": _CONSTRUCTOR.construct_yaml_bool,
    _Y + "null": _CONSTRUCTOR.construct_yaml_null,
    _Y + "timestamp": lambda node: node.value,  # dates stay text
}


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """Plain data loaded from a file, with the node tree kept for locating values."""

    path: str
    data: Any
    root: yaml.Node

    def locate(self, keys: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value at ``keys`` (of its key with ``key=True``).

        Walks as far as the path exists and answers for the deepest node reached.
        """
        node, mark_node = self.root, self.root
        for index, step in enumerate(keys):
            last = index == len(keys) - 1
            if isinstance(node, yaml.MappingNode):
                for k_node, v_node in node.value:
                    if isinstance(k_node, yaml.ScalarNode) and k_node.value == str(step):
                        # a whole block collection is best shown by its key
                        block = isinstance(v_node, yaml.CollectionNode) and not v_node.flow_style
                        mark_node = k_node if (key and last) or block else v_node
                        node = v_node
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if not 0 <= step < len(node.value):
                    break
                node = mark_node = node.value[step]
            else:
                break
        mark = mark_node.start_mark
        return mark.line + 1, mark.column + 1

    def problem(self, keys: Sequence[str | int], message: str, *, key: bool = False,
                severity: str = "error") -> Problem:
        """A problem located at ``keys``."""
        line, col = self.locate(keys, key=key)
        return Problem(self.path, message, line, col, severity)  # type: ignore[arg-type]


def read_text(path: Path, label: str) -> str:
    """A file's text, refusing missing, oversized, empty and non-UTF-8 files."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ContentError([Problem(label, f"file is {size:,} bytes; the limit is "
                                               f"{MAX_BYTES:,} (1 MiB)")])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError([Problem(label, "no such file")]) from None
    except IsADirectoryError:
        raise ContentError([Problem(label, "is a directory, not a file")]) from None
    except OSError as exc:
        raise ContentError([Problem(label, f"cannot read: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = byte_position(raw, exc.start)
        raise ContentError([Problem(label, f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset "
                                           f"{exc.start} cannot be decoded", line, col)]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ContentError([Problem(label, "file is empty")])
    return text


def load_yaml(path: str | Path, label: str | None = None) -> YamlDocument:
    """Load one YAML document from ``path`` as plain data, raising :class:`ContentError`."""
    path = Path(path)
    label = label or str(path)
    return parse_yaml(read_text(path, label), label)


def parse_yaml(text: str, label: str) -> YamlDocument:
    """Parse YAML text (see :func:`load_yaml`)."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"invalid YAML: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            context = exc.context
            if exc.context_mark is not None and exc.context_mark is not mark:
                context += f" that starts at line {exc.context_mark.line + 1}"
            message = f"invalid YAML: {exc.problem} ({context})"
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise ContentError([Problem(label, message, line, col)]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(label, f"invalid YAML: {exc}")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise ContentError([Problem(label, "file holds no YAML document")])
    builder = _Builder(label)
    total = builder.size(root) if "&" in text else 0  # no anchor, no alias to expand
    if total > MAX_VALUES:
        mark = root.start_mark
        raise ContentError([Problem(
            label,
            f"aliases expand to {total:,} values, more than the limit of {MAX_VALUES:,}",
            mark.line + 1, mark.column + 1)])
    data = builder.build(root)
    if builder.problems:
        raise ContentError(builder.problems)
    return YamlDocument(label, data, root)


class _Builder:
    """Turns a composed node tree into plain Python data, collecting problems."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[Problem] = []
        self._sizes: dict[int, int] = {}

    def size(self, node: yaml.Node) -> int:
        """How many values ``node`` expands to, counting aliased subtrees each time."""
        known = self._sizes.get(id(node))
        if known is not None:
            return known
        if isinstance(node, yaml.MappingNode):
            total = 1 + sum(self.size(k) + self.size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(self.size(item) for item in node.value)
        else:
            total = 1
        self._sizes[id(node)] = total
        return total

    def _fail(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.label, message, mark.line + 1, mark.column + 1))

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                return node.value
            make = _SCALARS.get(node.tag)
            if make is None:
                self._fail(node, f"tag '{_short(node.tag)}' is not allowed: content files are "
                                 "plain data")
                return None
            return make(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self._fail(node, f"tag '{_short(node.tag)}' is not allowed: content files are "
                                 "plain data")
            return [self.build(item) for item in node.value]
        if node.tag != _MAP:
            self._fail(node, f"tag '{_short(node.tag)}' is not allowed: content files are "
                             "plain data")
        result: dict[Any, Any] = {}
        seen: dict[Any, yaml.Node] = {}
        for k_node, v_node in node.value:
            if k_node.tag == _Y + "merge":
                self._fail(k_node, "merge keys ('<<') are not supported: write the keys out")
                continue
            if not isinstance(k_node, yaml.ScalarNode):
                self._fail(k_node, "keys must be plain text, not a list or mapping")
                continue
            k = self.build(k_node)
            if k in seen:
                first = seen[k].start_mark
                self._fail(k_node, f"duplicate key '{k}' (first defined at line {first.line + 1})")
                continue
            seen[k] = k_node
            result[k] = self.build(v_node)
        return result


def _short(tag: str) -> str:
    return "!!" + tag[len(_Y):] if tag.startswith(_Y) else tag
