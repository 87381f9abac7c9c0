"""Many named regular expressions searched in one pass over a text's words.

Python's ``re`` tries every alternative of a big ``a|b|c`` at every position. Almost
all of our patterns start at a word boundary with literal letters, so a
:class:`PatternSet` indexes each alternative by the first (up to three) letters it
can start with, read off the parsed pattern. A text is scanned once for word
starts; only the alternatives indexed under a word's first letters are tried
there. Alternatives whose start cannot be read are searched the ordinary way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

try:  # Python 3.11+: the parser is private but stable across 3.11-3.13
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older layout
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

KEY = 3
"""Letters of a word used to look up the alternatives that may start there."""
LONG = 6
"""Characters from a word start used by the finer index."""
_WORD_START = re.compile(rf"\b[a-z]{{1,{KEY}}}")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_OPTIONAL = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_EXPANSION_LIMIT = 400


def _heads(items: list, depth: int = KEY + 1) -> set[str] | None:
    """Every way a match of ``items`` can begin, as its first ``depth`` characters.

    Returns None when some beginning cannot be spelled out in literals (a class,
    a wildcard, a look-around, too many combinations).
    """
    if depth == 0 or not items:
        return {""}
    (op, arg), rest = items[0], items[1:]
    if op is _c.AT:
        return _heads(rest, depth)
    if op is _c.LITERAL:
        tails = _heads(rest, depth - 1)
        return None if tails is None else {chr(arg) + t for t in tails}
    if op is _c.SUBPATTERN:
        return _heads(list(arg[-1]) + rest, depth)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in arg[1]:
            found = _heads(list(alternative) + rest, depth)
            if found is None or len(out | found) > _EXPANSION_LIMIT:
                return None
            out |= found
        return out
    if op in _OPTIONAL and arg[0] == 0 and arg[1] == 1:
        with_it = _heads(list(arg[2]) + rest, depth)
        without = _heads(rest, depth)
        if with_it is None or without is None:
            return None
        return with_it | without
    return None


def long_keys_of(source: str) -> set[str] | None:
    """The first :data:`LONG` characters of every match, if all are literal."""
    items = list(_p.parse(source))
    if not items or items[0] != (_c.AT, _c.AT_BOUNDARY):
        return None
    heads = _heads(items, LONG)
    if heads is None or any(len(h) < LONG or h[0] not in _LETTERS for h in heads):
        return None  # unknown, too short, or not starting where a word starts
    return heads


def keys_of(source: str) -> set[str] | None:
    """The word-start keys an alternative may match at, or None if any start is unknown.

    A key is a word's first letters, up to :data:`KEY`; a shorter key must be a
    whole word (the pattern continues with a non-letter).
    """
    items = list(_p.parse(source))
    if not items or items[0] != (_c.AT, _c.AT_BOUNDARY):
        return None  # must start at a word boundary, as the scan does
    heads = _heads(items)
    if heads is None:
        return None
    keys: set[str] = set()
    for head in heads:
        letters = ""
        for ch in head:
            if ch not in _LETTERS:
                break
            letters += ch
        if not letters:
            return None
        if len(letters) < KEY and len(letters) == len(head):
            return None  # the pattern ends (or is unknown) before the word does
        keys.add(letters[:KEY])
    return keys


def loose(source: str) -> str:
    """``source`` with every apostrophe optional, so "don't" also matches a typed "dont".

    For patterns whose apostrophes are plain literals (none inside a character class).
    """
    return source.replace("'", "'?")


class PatternSet:
    """Named groups of alternative patterns, all searched in one scan of a text."""

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        self.names = tuple(groups)
        self._index: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        self._long: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        self._anywhere: list[tuple[str, re.Pattern[str]]] = []
        self.parts: list[tuple[str, re.Pattern[str]]] = []
        """Every (group name, compiled alternative), in the order given."""
        for name, sources in groups.items():
            for source in sources:
                pattern = re.compile(source)
                self.parts.append((name, pattern))
                long_keys = long_keys_of(source)
                if long_keys is not None:
                    for key in long_keys:
                        self._long.setdefault(key, []).append((name, pattern))
                    continue
                keys = keys_of(source)
                if keys is None:
                    self._anywhere.append((name, pattern))
                    continue
                for key in keys:
                    self._index.setdefault(key, []).append((name, pattern))
        long_starts = {key[:KEY].split("'")[0].split(" ")[0] for key in self._long}
        self._starts = frozenset(self._index) | long_starts
        """Word starts (as :data:`_WORD_START` reads them) at which some alternative may match."""

    def spans(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Each group's match spans in ``text`` (unsorted, may overlap); only groups that match."""
        found: dict[str, list[tuple[int, int]]] = {}
        index = self._index
        long = self._long
        starts = self._starts
        for word in _WORD_START.finditer(text):
            key = word.group()
            if key not in starts:
                continue
            at = word.start()
            for candidates in (index.get(key), long.get(text[at : at + LONG])):
                if candidates is None:
                    continue
                for name, pattern in candidates:
                    m = pattern.match(text, at)
                    if m is not None:
                        found.setdefault(name, []).append(m.span())
        for name, pattern in self._anywhere:
            for m in pattern.finditer(text):
                found.setdefault(name, []).append(m.span())
        return found

    @property
    def unindexed(self) -> list[str]:
        """Sources searched everywhere because their start could not be read."""
        return [pattern.pattern for _, pattern in self._anywhere]
