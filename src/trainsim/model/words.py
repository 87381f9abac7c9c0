"""Folding words so that author-listed phrases match what a trainee types.

Data-only matching for ``mentions`` conditions and limits: case is folded, apostrophes and
punctuation dropped, and a light suffix stripper makes "happened", "happens" and
"happening" one word. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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


_SENTENCE = re.compile(r"[^.!?;]+[.!?;]*")
_STARTERS = frozenset({"what", "how", "why", "when", "where", "who", "which", "did", "does",
                       "do", "would", "could", "can", "is", "are", "was", "were", "will",
                       "have", "has", "had", "should", "shall", "may", "might", "tell", "say"})


def asking_sentences(text: str) -> list[tuple[str, ...]]:
    """The folded words of each sentence of ``text`` that asks something: it ends with "?",
    starts as a question or a request does, or makes a request ("tell me...")."""
    out = []
    for sentence in _SENTENCE.findall(text):
        words = stems(sentence)
        if not words:
            continue
        raw_first = _WORD.findall(sentence.lower())[:1]
        if (sentence.rstrip().endswith("?") or (raw_first and raw_first[0] in _STARTERS)
                or mentions(words, REQUEST)):
            out.append(words)
    return out


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
    """The first of ``phrases`` found in ``words``, or None."""
    for phrase in phrases:
        wanted = _phrase(phrase)
        n = len(wanted)
        if n and any(tuple(words[i : i + n]) == wanted for i in range(len(words) - n + 1)):
            return phrase
    return None


SLOWING = (
    "pause", "stop", "break", "breath", "breathe", "slow", "slow down", "leave it",
    "leave that", "leave this", "leave the rest", "leave there", "leave for now", "skip",
    "lighter", "something else", "move on", "another time", "for today", "wait", "ground",
    "feet on the floor", "come back to", "a moment", "rather not", "not to",
    "how are you doing", "how are you feeling", "how is this", "how is it to", "how was that",
    "how has it felt", "how has this felt", "whenever you like", "you're in charge",
    "you decide", "up to you",
)
"""Words of a check-in that offers to slow down, pause, stop or leave a topic: such a
consent check is not a probe."""

MORE = (
    "more", "else", "the rest", "go on", "go into", "carry on with it", "detail", "details",
    "what happened", "what did", "what was", "what she", "what he", "what they", "tell me",
    "say a bit", "say a little", "talk about it", "talk about that", "explain", "describe",
    "happen", "exactly",
)
"""Words that ask for more of what was just said: at the node where a client sets a limit,
a question or request with one of these presses past it."""

REQUEST = (
    "tell me", "help me understand", "i want to know", "i need to know", "i'd like to know",
    "i would like to know", "i'd like to hear", "i would like to hear", "i wonder what",
    "i'm curious", "walk me through", "talk me through", "describe", "explain", "go on",
)
"""Requests for more put as statements ("Tell me what she did."): they ask as a question does."""
