"""Coding one clinician turn.

The learned model decides question, reflection and behaviour, and, where the
weights have cue heads, validation, consent checks, advice, judgment, grounding,
psychoeducation and summary too: the hand-written cue patterns that fired are
features of those heads, and their matches are the spans shown. A cue the model
finds with no pattern behind it is shown on the sentences whose words weigh most
towards it. Every code carries the model's probability (:attr:`Codes.confidence`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from trainsim.coding import cues, model
from trainsim.coding.codes import Codes, Span
from trainsim.coding.features import PHRASES, extract
from trainsim.coding.patterns import PatternSet
from trainsim.coding.questions import question_spans
from trainsim.coding.text import TOKEN, fold, sentence_spans

_FILLER_ONLY = re.compile(
    r"^[\s,.!?-]*(?:(?:okay|ok|so|um|uh|yeah|yes|mm|hmm|mm-hmm|uh-huh|right|well|alright|"
    r"all right|oh|sure|i see|got it|wow|great|good|nice)[\s,.!?-]*)*$"
)
_REFLECTIVE = re.compile(
    r"\byou\b|\byour\b|\byou'\w+|sounds like|it seems|part of you|\bso\b|\bfeel|\bfelt"
)


SCAN = PatternSet({**cues.GROUPS, **PHRASES})
"""The cue patterns and the lexicon phrases, searched in one pass over a turn."""


def scan(text: str, client_text: str | None = None) -> tuple[str, dict[str, list[Span]], dict]:
    """A turn folded, its cue spans (:func:`cues.find_all`) and its model features."""
    folded = fold(text)
    raw = SCAN.spans(folded)
    found = cues.find_all(folded, raw)
    features = extract(text, client_text, folded, raw)
    for name in found:
        features["cue:" + name] = 1.0
    return folded, found, features


def features_of(text: str, client_text: str | None = None) -> dict[str, float]:
    """The model's features of a turn: :func:`extract` plus ``cue:<code>`` for each cue
    pattern that fired."""
    return scan(text, client_text)[2]


def code(text: str, client_text: str | None = None, *, spans: bool = True) -> Codes:
    """Code one clinician turn; ``client_text`` is the client's line before it (if any).

    With ``spans=False`` the codes are the same but :attr:`Codes.spans` is left empty,
    which saves finding the words behind each code when only the codes are wanted.
    """
    if not any(ch.isalnum() for ch in text):
        return Codes()
    folded, found, features = scan(text, client_text)
    m = model.load()
    scores = m.scores(features, binary=True)  # extract() gives every feature the value 1
    question, reflection, behaviour = model.decide(m, scores)
    filler = bool(_FILLER_ONLY.match(folded))
    on, confidence, vetoed = decide_cues(m, scores, found, filler=filler)
    confidence.update(model.probabilities(m, scores, question))
    sentences = sentence_spans(folded) if spans or question != "none" else []
    asks = question != "none" or (spans and reflection != "none")
    asked = question_spans(folded, sentences) if asks else []
    questions = max(1, len(asked)) if question != "none" else 0

    where: dict[str, tuple[Span, ...]] = {}
    if spans:
        if question != "none":
            where[f"{question}_question"] = tuple(asked or _whole(folded, sentences))
            if questions >= 2:
                where["stacked_questions"] = tuple(asked)
        if reflection != "none":
            where["reflection"] = tuple(_reflection_spans(folded, asked, sentences))
        for name in cues.CUES:
            if on[name]:
                own = found.get(name) or (found.get("normalise") if name == "validation" else None)
                where[name] = tuple(own or _strongest(m, folded, name, sentences))
    return Codes(
        question=question,  # type: ignore[arg-type]
        questions=questions,
        reflection=reflection,  # type: ignore[arg-type]
        behaviour=behaviour,  # type: ignore[arg-type]
        spans=where,
        confidence=confidence,
        vetoed=vetoed,
        **on,
    )


def decide_cues(
    m: model.Model, scores: list[float], found: dict[str, list[Span]], *, filler: bool = False
) -> tuple[dict[str, bool], dict[str, float], tuple[str, ...]]:
    """Which cue codes a turn carries, the probability of each, and the codes a rule vetoed.

    A head decides its code (probability at least 0.5); weights without that head leave
    it to the patterns, as does a ``filler`` turn ("ok", "Mm"), whose few words the
    heads would otherwise read through the client's line. A question about what the
    client wants is not advice unless an advice pattern fires; a turn that reflects the
    client's self-blame is not judgment unless a judgment pattern fires. Then the safety
    rule: a turn coded judgment, or one that labels the client, is never coded validation.
    """
    margins = model.cue_margins(m, scores)
    on: dict[str, bool] = {}
    confidence: dict[str, float] = {}
    for name in cues.CUES:
        if name in margins and not filler:
            confidence[name] = model.sigmoid(margins[name])
            on[name] = margins[name] > 0
        else:
            on[name] = name in found
            confidence[name] = 1.0 if on[name] else 0.0
    vetoed: tuple[str, ...] = ()
    if on["advice"] and "explore" in found and "advice" not in found:
        vetoed += ("advice:exploring",)
        on["advice"], confidence["advice"] = False, 0.0
    if on["judgment"] and "reflects" in found and "judgment" not in found:
        vetoed += ("judgment:reflects",)
        on["judgment"], confidence["judgment"] = False, 0.0
    if on["validation"] and (on["judgment"] or "label_you" in found):
        vetoed += ("validation:judgment" if on["judgment"] else "validation:label",)
        on["validation"] = False
        confidence["validation"] = 0.0
    return on, confidence, vetoed


def code_many(
    texts: Iterable[str],
    client_texts: Sequence[str | None] | None = None,
    *,
    spans: bool = True,
) -> list[Codes]:
    """Code many turns; ``client_texts[i]`` is the client's line before ``texts[i]``."""
    texts = list(texts)
    if client_texts is None:
        return [code(t, spans=spans) for t in texts]
    if len(client_texts) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(client_texts)} client texts")
    return [code(t, c, spans=spans) for t, c in zip(texts, client_texts, strict=True)]


def _strongest(m: model.Model, folded: str, name: str, sentences: list[Span]) -> list[Span]:
    """The sentences whose words push the cue ``name`` up most: every sentence whose word
    and word-pair weights for it add up to more than zero, else the single highest."""
    scored = []
    for start, end in sentences:
        toks = ["<s>", *TOKEN.findall(folded[start:end]), "</s>"]
        names = [*toks[1:-1], *map("_".join, pairwise(toks))]
        scored.append((m.evidence(name, names), (start, end)))
    if not scored:
        return _whole(folded, sentences)
    positive = [span for total, span in scored if total > 0]
    return positive or [max(scored)[1]]


def _whole(folded: str, sentences: list[Span]) -> list[Span]:
    return [(sentences[0][0], sentences[-1][1])] if sentences else [(0, len(folded))]


def _reflection_spans(folded: str, asked: list[Span], sentences: list[Span]) -> list[Span]:
    """Statement sentences that carry the reflection; questions only if nothing else does."""
    sents = [s for s in sentences if not _FILLER_ONLY.match(folded[s[0] : s[1]])]
    if not sents:
        return _whole(folded, sentences)
    statements = [s for s in sents if not any(a <= s[0] and s[1] <= b for a, b in asked)]
    pool = statements or sents
    cued = [s for s in pool if _REFLECTIVE.search(folded[s[0] : s[1]])]
    return cues.merge(cued or pool)
