"""Finding the questions inside a turn: their spans, how many, open or closed by form."""

from __future__ import annotations

import re

from trainsim.coding.text import sentence_spans

Span = tuple[int, int]

# Prompts that ask without a question mark: "Tell me more about...", "I'm curious what...".
_PROMPT = re.compile(
    r"^(?:(?:okay|ok|so|and|well|now|right|alright|yeah|mm|um|uh)[ ,.]+)*"
    r"(?:(?:can|could|would) you )?(?:please )?"
    r"(?:tell me|say (?:a (?:little )?)?more|describe|walk me through|talk (?:to me )?about|"
    r"help me understand|share (?:a (?:little )?)?(?:more|what|how)|explain|"
    r"i(?:'m| am)? (?:just )?(?:wondering|curious|wonder) (?:what|how|why|whether|if|about|"
    r"where|when|who))\b"
)
# A trailing check like "..., right?" or "Okay?" belongs to the sentence before it.
_TAG_ONLY = re.compile(r"^(?:right|okay|ok|yeah|yes|no|correct|true|huh|eh|you know)\?+$")
_QUOTED = re.compile(r"\"[^\"]*\"")


def question_spans(folded: str, sentences: list[Span] | None = None) -> list[Span]:
    """Spans of the sentences that ask something, tag questions merged into the sentence before.

    ``sentences`` is :func:`sentence_spans` of ``folded``, when the caller has it."""
    if '"' in folded:  # a question quoted inside a statement does not ask
        blanked = _QUOTED.sub(lambda m: " " * len(m.group()), folded)
        sentences = sentence_spans(blanked)
    else:
        blanked = folded
        sentences = sentence_spans(folded) if sentences is None else sentences
    spans: list[Span] = []
    for start, end in sentences:
        piece = blanked[start:end]
        asks = piece.rstrip().endswith("?") or bool(_PROMPT.match(piece))
        if not asks:
            continue
        if _TAG_ONLY.match(piece.strip()) and spans and spans[-1][1] >= start - 3:
            spans[-1] = (spans[-1][0], end)
            continue
        if _TAG_ONLY.match(piece.strip()) and not spans:
            # A lone "Right?" after a statement asks for agreement with that statement.
            prev = [s for s in sentences if s[1] <= start]
            if prev:
                spans.append((prev[-1][0], end))
                continue
        spans.append((start, end))
    return spans
