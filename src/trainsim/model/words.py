"""Folding words so that author-listed phrases match what a trainee types.

Data-only matching for ``mentions`` conditions and limits: case is folded, apostrophes and
punctuation dropped, and a light suffix stripper makes "happened", "happens" and
"happening" one word. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SUFFIXES = ("ing", "ed", "es", "s", "e")
_KEEP = frozenset({"is", "was", "has", "does", "yes", "us", "this", "his", "her", "she", "he",
                   "the", "be", "we", "me", "are", "were", "more", "there", "here", "where",
                   "whose", "those", "these", "else"})


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A word without its common inflection: ``stem("Forced") == stem("force") == "forc"``."""
    word = word.lower().replace("\u2019", "'")
    if "'" in word:
        word = word.split("'", 1)[0] if word.endswith(("'s", "'t")) else word.replace("'", "")
    if word in _KEEP:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


_SENTENCE = re.compile(r"[^.!?;:]+[.!?;:]*")


def fold(text: str) -> tuple[str, ...]:
    """The words of ``text`` in lower case, apostrophes dropped ("I'd" -> "id"), not stemmed:
    for the built-in phrase lists, which spell out every form they match."""
    return tuple(w.replace("'", "") for w in _WORD.findall(text.lower().replace("\u2019", "'")))


def has_phrase(words: Sequence[str], phrases: Iterable[str]) -> bool:
    """Whether the folded (unstemmed) ``words`` contain one of ``phrases`` as whole words."""
    return _first(words, phrases, _folded) is not None


def at(words: Sequence[str], wanted: Sequence[str]) -> list[int]:
    """Where the run of words ``wanted`` starts in ``words``."""
    n, wanted = len(wanted), tuple(wanted)
    return [i for i in range(len(words) - n + 1) if n and tuple(words[i : i + n]) == wanted]


def _first(words: Sequence[str], phrases: Iterable[str],
           split: Callable[[str], tuple[str, ...]]) -> str | None:
    return next((p for p in phrases if at(words, split(p))), None)


@lru_cache(maxsize=1024)
def _folded(phrase: str) -> tuple[str, ...]:
    return fold(phrase)


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (a colon ends one too: "May I ask: ...?" is two)."""
    return [s for s in (m.strip() for m in _SENTENCE.findall(text)) if s]


def stems(text: str) -> tuple[str, ...]:
    """The folded words of ``text``, in order."""
    return tuple(stem(w) for w in _WORD.findall(text.lower().replace("\u2019", "'")))


@lru_cache(maxsize=1024)
def _phrase(phrase: str) -> tuple[str, ...]:
    return stems(phrase)


def mentions(words: Sequence[str], phrases: Iterable[str]) -> bool:
    """Whether the folded ``words`` contain any of ``phrases`` as a run of whole words."""
    return first_mention(words, phrases) is not None


def first_mention(words: Sequence[str], phrases: Iterable[str]) -> str | None:
    """The first of ``phrases`` found in ``words`` (stemmed), or None."""
    return _first(words, phrases, _phrase)
