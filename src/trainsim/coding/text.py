"""Text handling shared by the learned model and the rules: folding, tokens, sentences.

Two views of an utterance are used:

* ``fold(text)`` keeps every character position (same length as the input), so
  regular-expression matches on it are valid spans in the original text.
* ``words(folded)`` gives the tokens for the learned features, without bracketed
  transcription notes, disfluencies and stutters ("w-what", "you-you", "they- they").
"""

from __future__ import annotations

import re
from itertools import filterfalse

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
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?.!,]")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
"""The word tokens of :data:`TOKEN`, without the marks."""
SENTENCE = re.compile(r"[^.?!]+(?:[.?!]+|$)")
_ALNUM = re.compile(r"[^\W_]")
"""A letter or digit (what ``str.isalnum`` accepts)."""

DISFLUENCIES = frozenset({"um", "uh", "er", "erm", "hmm", "hm", "mm", "mhm", "ah", "uhm"})
PUNCT = frozenset({",", ".", "!", "?"})
TERMINALS = frozenset({".", "?", "!"})


def fold(text: str) -> str:
    """Lower-case and straighten quotes and dashes, keeping every character position."""
    out = text.translate(_FOLD)
    low = out.lower()
    if len(low) == len(out):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in out)


_COMMA_REPEAT = re.compile(r"\b([\w']+),\s*\1\b")
_WORD_OR_MARK = re.compile(r"[a-z0-9]+(?:'[a-z]+)?(?:\s*-+)?|[?.!,]")
"""A word (with any hyphen straight after it, which marks a stutter or a cut-off) or a mark."""


_TYPED_CONTRACTIONS = (
    "aren't can't couldn't didn't doesn't don't hadn't hasn't haven't i'm isn't i've "
    "shouldn't that's there's they're they've wasn't weren't what's won't wouldn't you'd "
    "you'll you're you've"
)
CONTRACTIONS = {w.replace("'", ""): w for w in _TYPED_CONTRACTIONS.split()}
"""Contractions typed without the apostrophe ("dont", "youre"), mapped to their spelling.
Left out: forms that are also words ("its", "ill", "id", "well", "shell", "hell", "lets")."""


def words(folded: str) -> list[str]:
    """Word and punctuation tokens of folded text for the learned features.

    Drops bracketed transcription notes, um/uh-type disfluencies and stutters: a
    word cut off by a hyphen and repeated or completed next ("w-what", "you-you",
    "they- they") and a word repeated across a comma ("I, I").
    """
    if "[" in folded or "(" in folded:
        folded = _BRACKETS.sub(" ", folded)
    found = _WORD_OR_MARK.findall(folded)
    if not CONTRACTIONS.keys().isdisjoint(found):
        found = [CONTRACTIONS.get(w, w) for w in found]
    if "-" not in folded and ("," not in folded or not _COMMA_REPEAT.search(folded)):
        return list(filterfalse(DISFLUENCIES.__contains__, found))
    out: list[str] = []
    last = len(found) - 1
    skip = -1
    for i, w in enumerate(found):
        if i <= skip:
            continue
        if w[-1] == "-":
            w = w.rstrip(" \t\r\n-")
            nxt = found[i + 1].rstrip(" \t\r\n-") if i < last else ""
            if nxt == w or (len(w) <= 3 and nxt.startswith(w)):
                continue
        elif i + 1 < last and found[i + 1] == "," and found[i + 2].rstrip(" \t\r\n-") == w:
            skip = i + 1
            continue
        if w not in DISFLUENCIES:
            out.append(w)
    return out


def sentence_spans(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in folded text, trimmed of spaces and dashes."""
    spans = []
    for m in SENTENCE.finditer(folded):
        piece = m.group()
        head = piece.lstrip(" \t\r\n-,\"'")
        start = m.start() + len(piece) - len(head)
        end = start + len(head.rstrip(" \t\r\n-,"))
        if _ALNUM.search(folded, start, end):
            spans.append((start, end))
    return spans


def bucket(n: float, edges: tuple[int, ...]) -> str:
    """Name of the first edge that ``n`` does not exceed, or 'max+'."""
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"
