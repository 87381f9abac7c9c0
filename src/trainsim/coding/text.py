"""Text handling shared by the learned model and the rules: folding, tokens, sentences.

Two views of an utterance are used:

* ``fold(text)`` keeps every character position (same length as the input), so
  regular-expression matches on it are valid spans in the original text.
* ``clean(text)`` goes further for the learned features: it drops bracketed
  transcription notes and collapses stutters ("w-what", "you-you", "they- they").
"""

from __future__ import annotations

import re
from itertools import pairwise

_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2014": "-",
        "\u2013": "-",
        "\u00a0": " ",
    }
)
_BRACKETS = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_STUTTER_PREFIX = re.compile(r"\b(\w{1,3})-(?=\1\w)")
_STUTTER_WORD = re.compile(r"\b(\w+)(?:-\1\b)+")
_REPEAT = re.compile(r"\b(\w+(?:'\w+)?)(?:\s*[-,]+\s*\1\b)+")
_DASHES = re.compile(r"\s*-{2,}\s*|\s+-\s+")
_WORD = re.compile(r"\w+")
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?.!,]")
SENTENCE = re.compile(r"[^.?!]+(?:[.?!]+|$)")

DISFLUENCIES = frozenset({"um", "uh", "er", "erm", "hmm", "hm", "mm", "mhm", "ah", "uhm"})
PUNCT = frozenset({",", ".", "!", "?"})


def fold(text: str) -> str:
    """Lower-case and straighten quotes and dashes, keeping every character position."""
    out = text.translate(_FOLD)
    low = out.lower()
    if len(low) == len(out):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in out)


def clean(text: str, folded: str | None = None) -> str:
    """Folded text without transcription notes and stutters (positions not kept).

    ``folded`` is ``fold(text)`` when the caller has it already."""
    t = fold(text) if folded is None else folded
    if "[" in t or "(" in t:
        t = _BRACKETS.sub(" ", t)
    if "-" in t:
        t = _DASHES.sub(" - ", t)
        t = _STUTTER_PREFIX.sub("", t)
        t = _STUTTER_WORD.sub(r"\1", t)
    if "," in t or "-" in t:
        # A repeat ("I, I", "don't- don't") needs the same word one or two words on.
        w = _WORD.findall(t)
        if any(a == b for a, b in pairwise(w)) or any(
            a == b for a, b in zip(w, w[2:], strict=False)
        ):
            t = _REPEAT.sub(r"\1", t)
    return t


def tokens(text: str) -> list[str]:
    """Word and punctuation tokens of cleaned text, without um/uh-type disfluencies."""
    return [w for w in TOKEN.findall(text) if w not in DISFLUENCIES]


def sentence_spans(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in folded text, trimmed of spaces and dashes."""
    spans = []
    for m in SENTENCE.finditer(folded):
        start, end = m.span()
        while start < end and folded[start] in " \t\r\n-,\"'":
            start += 1
        while end > start and folded[end - 1] in " \t\r\n-,":
            end -= 1
        if end > start and any(c.isalnum() for c in folded[start:end]):
            spans.append((start, end))
    return spans


def bucket(n: float, edges: tuple[int, ...]) -> str:
    """Name of the first edge that ``n`` does not exceed, or 'max+'."""
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"
