"""Coding one clinician turn: the learned model for question, reflection and behaviour;
cue patterns for validation, consent checks, advice and judgment."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from trainsim.coding import cues, model
from trainsim.coding.codes import Codes, Span
from trainsim.coding.features import extract
from trainsim.coding.questions import question_spans
from trainsim.coding.text import fold, sentence_spans

_FILLER_ONLY = re.compile(
    r"^[\s,.!?-]*(?:(?:okay|ok|so|um|uh|yeah|yes|mm|hmm|mm-hmm|uh-huh|right|well|alright|"
    r"all right|oh|sure|i see|got it|wow|great|good|nice)[\s,.!?-]*)*$"
)
_REFLECTIVE = re.compile(
    r"\byou\b|\byour\b|\byou'\w+|sounds like|it seems|part of you|\bso\b|\bfeel|\bfelt"
)


def code(text: str, client_text: str | None = None) -> Codes:
    """Code one clinician turn; ``client_text`` is the client's line before it (if any)."""
    folded = fold(text)
    if not any(ch.isalnum() for ch in folded):
        return Codes()
    question, reflection, behaviour = model.decide(model.load(), extract(text, client_text))

    spans: dict[str, tuple[Span, ...]] = {}
    asked = question_spans(folded)
    questions = 0
    if question != "none":
        where = asked or _whole(folded)
        questions = max(1, len(asked))
        spans[f"{question}_question"] = tuple(where)
        if questions >= 2:
            spans["stacked_questions"] = tuple(asked)
    if reflection != "none":
        spans["reflection"] = tuple(_reflection_spans(folded, asked))
    for name, found in cues.find_all(folded).items():
        spans[name] = tuple(found)
    return Codes(
        question=question,  # type: ignore[arg-type]
        questions=questions,
        reflection=reflection,  # type: ignore[arg-type]
        behaviour=behaviour,  # type: ignore[arg-type]
        validation="validation" in spans,
        consent_check="consent_check" in spans,
        advice="advice" in spans,
        judgment="judgment" in spans,
        spans=spans,
    )


def code_many(
    texts: Iterable[str], client_texts: Sequence[str | None] | None = None
) -> list[Codes]:
    """Code many turns; ``client_texts[i]`` is the client's line before ``texts[i]``."""
    texts = list(texts)
    if client_texts is None:
        return [code(t) for t in texts]
    if len(client_texts) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(client_texts)} client texts")
    return [code(t, c) for t, c in zip(texts, client_texts, strict=True)]


def _whole(folded: str) -> list[Span]:
    sents = sentence_spans(folded)
    return [(sents[0][0], sents[-1][1])] if sents else [(0, len(folded))]


def _reflection_spans(folded: str, asked: list[Span]) -> list[Span]:
    """Statement sentences that carry the reflection; questions only if nothing else does."""
    sents = [s for s in sentence_spans(folded) if not _FILLER_ONLY.match(folded[s[0] : s[1]])]
    if not sents:
        return _whole(folded)
    statements = [s for s in sents if not any(a <= s[0] and s[1] <= b for a, b in asked)]
    pool = statements or sents
    cued = [s for s in pool if _REFLECTIVE.search(folded[s[0] : s[1]])]
    return cues.merge(cued or pool)
