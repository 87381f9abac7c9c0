"""The result of coding one turn: :class:`Codes`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Span = tuple[int, int]
QuestionKind = Literal["none", "open", "closed"]
ReflectionKind = Literal["none", "simple", "complex"]
Behaviour = Literal["question", "reflection", "therapist_input", "other"]

LABELS: tuple[str, ...] = (
    "open_question",
    "closed_question",
    "reflection",
    "validation",
    "consent_check",
    "advice",
    "judgment",
    "stacked_questions",
    "grounding",
    "psychoeducation",
    "summary",
)
"""The fixed code vocabulary, in the order :meth:`Codes.labels` reports it."""

UNSURE_BELOW = 0.7
"""A code the coder gives with a probability below this is shown as "unsure"."""


@dataclass(frozen=True)
class Codes:
    """Codes of one clinician turn, with the character spans that triggered each positive code
    and the coder's probability for every code.

    ``spans`` maps a code name from :data:`LABELS` to ``(start, end)`` offsets in
    the coded text; only positive codes appear in it. ``confidence`` maps every code in
    :data:`LABELS` to the probability that it is present (a code is given when that is at
    least 0.5; a code a rule turned off has 0).
    """

    question: QuestionKind = "none"
    questions: int = 0
    reflection: ReflectionKind = "none"
    behaviour: Behaviour = "other"
    validation: bool = False
    consent_check: bool = False
    advice: bool = False
    judgment: bool = False
    grounding: bool = False
    psychoeducation: bool = False
    summary: bool = False
    spans: dict[str, tuple[Span, ...]] = field(default_factory=dict, hash=False)
    confidence: dict[str, float] = field(default_factory=dict, hash=False, compare=False)
    vetoed: tuple[str, ...] = field(default=(), compare=False)
    """Codes the model found that a rule turned off, as ``"validation:judgment"`` (the
    safety rule: a turn coded judgment never counts as validation) or
    ``"validation:label"`` (a label of the client), ``"advice:exploring"`` (a question
    about what the client wants) or ``"judgment:reflects"`` (a reflection of the client's
    own self-blame), each with no pattern behind the learned code."""

    @property
    def stacked(self) -> bool:
        """True when the turn asks two or more questions."""
        return self.questions >= 2

    def _on(self) -> dict[str, bool]:
        return {
            "open_question": self.question == "open",
            "closed_question": self.question == "closed",
            "reflection": self.reflection != "none",
            "validation": self.validation,
            "consent_check": self.consent_check,
            "advice": self.advice,
            "judgment": self.judgment,
            "stacked_questions": self.stacked,
            "grounding": self.grounding,
            "psychoeducation": self.psychoeducation,
            "summary": self.summary,
        }

    def labels(self, min_confidence: float = 0.0) -> list[str]:
        """Positive codes in the fixed vocabulary order of :data:`LABELS`; with
        ``min_confidence``, only those given with at least that probability."""
        on = self._on()
        return [
            name
            for name in LABELS
            if on[name] and self.confidence.get(name, 1.0) >= min_confidence
        ]

    def unsure(self, below: float = UNSURE_BELOW) -> list[str]:
        """Positive codes given with a probability below ``below``."""
        on = self._on()
        return [n for n in LABELS if on[n] and self.confidence.get(n, 1.0) < below]

    def confident(self, min_confidence: float) -> Codes:
        """These codes less every code given with a probability below ``min_confidence``
        (a question below it becomes no question; spans of dropped codes go too)."""
        if min_confidence <= 0:
            return self
        conf = self.confidence
        off = {n for n in self.labels() if conf.get(n, 1.0) < min_confidence}
        if not off:
            return self
        changes: dict[str, object] = {n: False for n in CUE_FIELDS if n in off}
        if f"{self.question}_question" in off:
            changes.update(question="none", questions=0)
            off.add("stacked_questions")
        elif "stacked_questions" in off:
            changes["questions"] = min(self.questions, 1)
        if "reflection" in off:
            changes["reflection"] = "none"
        spans = {k: v for k, v in self.spans.items() if k not in off}
        return replace(self, spans=spans, **changes)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: every field, spans as lists of [start, end], ``labels``,
        ``confidence`` (rounded to 3 places) and ``unsure``."""
        return {
            "question": self.question,
            "questions": self.questions,
            "reflection": self.reflection,
            "behaviour": self.behaviour,
            **{name: getattr(self, name) for name in CUE_FIELDS},
            "labels": self.labels(),
            "unsure": self.unsure(),
            "confidence": {k: round(v, 3) for k, v in self.confidence.items()},
            "vetoed": list(self.vetoed),
            "spans": {k: [list(s) for s in v] for k, v in self.spans.items()},
        }


CUE_FIELDS = (
    "validation",
    "consent_check",
    "advice",
    "judgment",
    "grounding",
    "psychoeducation",
    "summary",
)
"""The yes/no codes decided by the cue heads, in :data:`LABELS` order."""
