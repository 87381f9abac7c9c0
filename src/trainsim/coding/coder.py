"""Coding one clinician turn.

The learned model decides question, reflection and behaviour, and, where the
weights have cue heads, validation, consent checks, advice and judgment too: the
hand-written cue patterns that fired are features of those heads, and their
matches are the spans shown. A cue the model finds with no pattern behind it is
shown on the sentences whose words weigh most towards it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from trainsim.coding import cues, model
from trainsim.coding.codes import Codes, Span
from trainsim.coding.features import extract
from trainsim.coding.questions import question_spans
from trainsim.coding.text import TOKEN, fold, sentence_spans

_FILLER_ONLY = re.compile(
    r"^[\s,.!?-]*(?:(?:okay|ok|so|um|uh|yeah|yes|mm|hmm|mm-hmm|uh-huh|right|well|alright|"
    r"all right|oh|sure|i see|got it|wow|great|good|nice)[\s,.!?-]*)*$"
)
_REFLECTIVE = re.compile(
    r"\byou\b|\byour\b|\byou'\w+|sounds like|it seems|part of you|\bso\b|\bfeel|\bfelt"
)


def features_of(
    text: str,
    client_text: str | None = None,
    found: dict[str, list[Span]] | None = None,
    folded: str | None = None,
) -> dict[str, float]:
    """The model's features of a turn: :func:`extract` plus ``cue:<code>`` for each cue
    pattern that fired (``found`` is :func:`cues.find_all` of the folded turn and ``folded``
    is ``fold(text)``, when the caller has them)."""
    folded = fold(text) if folded is None else folded
    features = extract(text, client_text, folded)
    if found is None:
        found = cues.find_all(folded)
    for name in found:
        features["cue:" + name] = 1.0
    return features


def code(text: str, client_text: str | None = None) -> Codes:
    """Code one clinician turn; ``client_text`` is the client's line before it (if any)."""
    folded = fold(text)
    if not any(ch.isalnum() for ch in folded):
        return Codes()
    m = model.load()
    found = cues.find_all(folded)
    scores = m.scores(features_of(text, client_text, found, folded))
    question, reflection, behaviour = model.decide(m, scores)
    margins = model.cue_margins(m, scores)

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
    for name in cues.CUES:
        if name not in margins:  # weights without cue heads: the patterns decide
            if name in found:
                spans[name] = tuple(found[name])
        elif margins[name] > 0:
            spans[name] = tuple(found.get(name) or _strongest(m, folded, name))
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


def _strongest(m: model.Model, folded: str, name: str) -> list[Span]:
    """The sentences whose words push the cue ``name`` up most: every sentence whose word
    and word-pair weights for it add up to more than zero, else the single highest."""
    scored = []
    for start, end in sentence_spans(folded):
        toks = ["<s>", *TOKEN.findall(folded[start:end]), "</s>"]
        names = ["w:" + t for t in toks[1:-1]]
        names += ["b:" + a + "_" + b for a, b in pairwise(toks)]
        scored.append((m.evidence(name, names), (start, end)))
    if not scored:
        return _whole(folded)
    positive = [span for total, span in scored if total > 0]
    return positive or [max(scored)[1]]


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
