"""The fixed vocabulary of response codes an option or typed turn can carry."""

from typing import Literal, get_args

Code = Literal[
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
]
"""What a clinician's response does, in the project's coding vocabulary."""

CODES: tuple[str, ...] = get_args(Code)
QUESTION_CODES = frozenset({"open_question", "closed_question"})
