"""Immutable records of what happened in a session."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base for records: frozen, unknown keys refused when read back."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(Record):
    """Points on one rubric dimension for one turn, and why."""

    dimension: str
    points: int
    reason: str
    source: str = Field(description="What earned the points: 'option:<id>' or 'rule:<rubric>:<n>'.")


class Turn(Record):
    """One exchange: where the trainee was, what they did, and what it changed."""

    index: int = Field(description="0-based position in the session.")
    node: str
    kind: Literal["choice", "typed"]
    option: str | None = Field(
        None, description="The chosen option's id, or the option whose words were typed.")
    text: str = Field(description="What the trainee said: the option text or the typed words.")
    codes: tuple[str, ...] = ()
    unsure: tuple[str, ...] = Field(
        (), description="Typed turns: codes the coder gave with a probability below its "
        "'unsure' threshold (shown as unsure, still scored).")
    spans: dict[str, tuple[tuple[int, int], ...]] = Field(
        default_factory=dict, description="Typed turns: code -> character spans that show it.")
    evidence: tuple[Evidence, ...] = ()
    shown: tuple[str, ...] = Field(
        (), description="Ids of the options that were visible when the turn was taken.")
    available: dict[str, int] = Field(
        default_factory=dict, description="What this turn could earn, per dimension: the best "
        "any visible option offered (or the node's typed_available).")
    best: int = Field(0, description="Total points the best visible option or the node's "
                      "exemplar earns here: the yardstick for 'a better response was available'.")
    best_source: str = Field("", description="'option:<id>' or 'exemplar'.")
    feedback: str = ""
    state_before: dict[str, int]
    state_after: dict[str, int]
    next: str
    reply: tuple[str, ...] = Field((), description="What the client said to this response "
                                   "before the next node's lines.")
    reply_narration: str | None = None
    held: bool = Field(False, description="The response did nothing the client could answer "
                       "(such as 'ok'): the conversation stayed at this node.")
    probing: bool = Field(False, description="It asked for more rather than offering to slow.")
    pressed_limit: bool = Field(False, description="It asked into a topic the client declined.")
    repeat_of: int | None = Field(None, description="The earlier turn this one repeats, if any.")
    sensitive: bool = Field(False, description="Whether the node was tagged sensitive.")
    time: float = Field(0.0, description="Session clock when the turn was taken (seconds).")

    def points(self, dimension: str) -> int:
        """Total points this turn earned on ``dimension``."""
        return sum(e.points for e in self.evidence if e.dimension == dimension)
