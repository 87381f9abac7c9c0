"""The result of coding one turn: :class:`Codes`."""

from __future__ import annotations

from dataclasses import dataclass, field
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
)
"""The fixed code vocabulary, in the order :meth:`Codes.labels` reports it."""


@dataclass(frozen=True)
class Codes:
    """Codes of one clinician turn, with the character spans that triggered each positive code.

    ``spans`` maps a code name from :data:`LABELS` to ``(start, end)`` offsets in
    the coded text; only positive codes appear in it.
    """

    question: QuestionKind = "none"
    questions: int = 0
    reflection: ReflectionKind = "none"
    behaviour: Behaviour = "other"
    validation: bool = False
    consent_check: bool = False
    advice: bool = False
    judgment: bool = False
    spans: dict[str, tuple[Span, ...]] = field(default_factory=dict, hash=False)

    @property
    def stacked(self) -> bool:
        """True when the turn asks two or more questions."""
        return self.questions >= 2

    def labels(self) -> list[str]:
        """Positive codes in the fixed vocabulary order of :data:`LABELS`."""
        on = {
            "open_question": self.question == "open",
            "closed_question": self.question == "closed",
            "reflection": self.reflection != "none",
            "validation": self.validation,
            "consent_check": self.consent_check,
            "advice": self.advice,
            "judgment": self.judgment,
            "stacked_questions": self.stacked,
        }
        return [name for name in LABELS if on[name]]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: every field, spans as lists of [start, end], and ``labels``."""
        return {
            "question": self.question,
            "questions": self.questions,
            "reflection": self.reflection,
            "behaviour": self.behaviour,
            "validation": self.validation,
            "consent_check": self.consent_check,
            "advice": self.advice,
            "judgment": self.judgment,
            "labels": self.labels(),
            "spans": {k: [list(s) for s in v] for k, v in self.spans.items()},
        }
