"""Scenario files: a fictional client and the branching conversation graph."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from trainsim.model.base import ContentModel, Slug, Text
from trainsim.model.codes import Code
from trainsim.model.conditions import Condition

Difficulty = Literal["introductory", "intermediate", "advanced"]
Modality = Literal["individual", "couple", "group"]
EndingKind = Literal["completed", "partial", "rupture", "safety"]
NodeTag = Literal["sensitive", "disclosure", "distress", "repair", "closing", "psychoeducation"]


class ClientProfile(ContentModel):
    """Who the fictional client is."""

    name: Text
    age: int = Field(ge=16, le=110)
    pronouns: Text
    background: Text
    presenting_concern: Text
    modality: Modality = "individual"


class StateVariable(ContentModel):
    """A client state variable that responses move, such as trust or distress."""

    initial: int
    min: int = 0
    max: int = 10
    description: str = ""

    @model_validator(mode="after")
    def _in_range(self) -> StateVariable:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        if not self.min <= self.initial <= self.max:
            raise ValueError(f"initial ({self.initial}) is outside {self.min}..{self.max}")
        return self

    def clamp(self, value: int) -> int:
        """``value`` held within this variable's range."""
        return max(self.min, min(self.max, value))


class Option(ContentModel):
    """One response the trainee may choose at a node."""

    id: Slug
    text: Text
    codes: list[Code] = Field(default_factory=list)
    evidence: dict[str, int] = Field(
        default_factory=dict,
        description="Rubric id -> points this choice earns (negative allowed).",
    )
    effects: dict[str, int] = Field(
        default_factory=dict,
        description="State variable -> change, clamped to the variable's range.",
    )
    feedback: str = Field("", description="Why this response helps or harms, for the coach.")
    next: Slug
    when: Condition | None = Field(None, description="Show this option only when this holds.")


class FreeTextRoute(ContentModel):
    """Where a typed response goes: the first route whose ``when`` holds is taken."""

    when: Condition | None = Field(None, description="Omit on the last route: the fallback.")
    next: Slug
    effects: dict[str, int] = Field(default_factory=dict)
    feedback: str = ""
    reply: str | list[str] | None = Field(
        None, description="What the client says to this response, before the next node.")
    narration: str | None = Field(None, description="Non-verbal reaction, before the reply.")

    @property
    def reply_lines(self) -> tuple[str, ...]:
        return _lines(self.reply)


class Pressure(ContentModel):
    """How the client answers a typed probe past a limit at a later node: the session stays
    where it is, the client restates the limit, and state moves."""

    reply: str | list[str] = Field(description="The client restating the limit.")
    narration: str | None = None
    effects: dict[str, int] = Field(default_factory=dict)
    feedback: Text = Field(description="Why pressing a stated limit harms, for the coach.")


class Limit(ContentModel):
    """A limit the client states at a node; it holds until a node lifts it."""

    id: Slug
    about: Text = Field(description="What the client declined, in a few words.")
    mentions: list[Text] = Field(
        min_length=1, description="Words and phrases that name the declined topic (case and "
        "inflection folded); a question or request with one of them probes the limit.")
    pressure: Pressure | None = Field(
        None, description="The client's answer to a probe at later nodes whose routes do not "
        "test probes_limit themselves.")


class Objective(ContentModel):
    """A learning objective, tied to the nodes where it can be shown and the skills it serves."""

    text: Text
    nodes: list[Slug] = Field(min_length=1, description="Reached when any of these is visited.")
    skills: list[Slug] = Field(
        default_factory=list, description="Rubric ids this objective counts for (default: all).")
    core: bool = Field(
        False, description="The hard part of the scenario: a session that never reaches it "
        "cannot band above the second band (Developing) on its skills.")


class ScoringRule(ContentModel):
    """Points a typed response earns or loses on a dimension when ``when`` holds."""

    when: Condition
    points: int
    reason: Text = Field(description="Why, in words the trainee sees beside the points.")


class Ending(ContentModel):
    """How a conversation ends at this node."""

    kind: EndingKind
    summary: Text


class Node(ContentModel):
    """A point in the conversation: what the client says and what the trainee may do."""

    client: str | list[str] | None = Field(None, description="What the client says.")
    narration: str | None = Field(None, description="Non-verbal cues or scene, shown apart.")
    tags: list[NodeTag] = Field(default_factory=list)
    options: list[Option] = Field(default_factory=list)
    free_text: list[FreeTextRoute] = Field(default_factory=list)
    exemplar: str | None = Field(None, description="What a skilled clinician might say here.")
    ending: Ending | None = None
    limit: Limit | None = Field(None, description="A limit the client sets at this node.")
    lifts: list[Slug] = Field(default_factory=list, description="Limits the client lifts here.")
    typed_available: dict[str, int] = Field(
        default_factory=dict, description="Rubric id -> what a typed response can earn here, "
        "overriding the default (what the best visible option offers).")
    rules: dict[str, list[ScoringRule]] = Field(
        default_factory=dict, description="Rubric id -> extra rules for typed responses at this "
        "node, applied after the rubric's own.")
    hold: str | None = Field(
        None, description="Narration when a typed response does nothing (such as 'ok'): the "
        "client waits and the conversation stays here.")

    @model_validator(mode="after")
    def _shape(self) -> Node:
        if not self.client and not self.narration:
            raise ValueError("a node needs a client line or narration")
        if self.ending is not None and (self.options or self.free_text):
            raise ValueError("an ending node cannot have options or free_text routes")
        for index, route in enumerate(self.free_text):
            last = index == len(self.free_text) - 1
            if route.when is None and not last:
                raise ValueError("only the last free_text route may omit 'when'")
            if last and route.when is not None:
                raise ValueError("the last free_text route must omit 'when': it is the fallback")
        return self

    @property
    def client_lines(self) -> tuple[str, ...]:
        """The client's lines at this node, as a tuple."""
        return _lines(self.client)

    @property
    def sensitive(self) -> bool:
        """Whether probing here needs consent first."""
        return "sensitive" in self.tags


class Scenario(ContentModel):
    """A fictional client and the conversation graph a trainee walks through."""

    id: Slug
    title: Text
    version: int = Field(1, ge=1)
    summary: Text
    difficulty: Difficulty
    estimated_minutes: int = Field(ge=1, le=240)
    client: ClientProfile
    content_notes: list[Text] = Field(min_length=1)
    learning_objectives: list[Text | Objective] = Field(
        min_length=1, description="Plain text, or {text, nodes, skills} to report whether the "
        "session reached it and cap the bands of its skills when not.")
    rubrics: list[Slug] = Field(min_length=1)
    state: dict[str, StateVariable] = Field(default_factory=dict)
    thresholds: dict[str, int] = Field(
        default_factory=dict,
        description="State variable -> level at or above which it counts as high (e.g. "
        "distress: 4); rubric rules use {high: distress} to see it.",
    )
    start: Slug
    nodes: dict[Slug, Node] = Field(min_length=1)

    @field_validator("state")
    @classmethod
    def _state_names(cls, value: dict[str, StateVariable]) -> dict[str, StateVariable]:
        for name in value:
            if not name.isidentifier():
                raise ValueError(f"state variable name '{name}' must be a plain word")
        return value

    @property
    def objectives(self) -> list[Objective]:
        """The learning objectives tied to nodes (plain-text ones are not tracked)."""
        return [o for o in self.learning_objectives if isinstance(o, Objective)]

    def objective_text(self, index: int) -> str:
        item = self.learning_objectives[index]
        return item if isinstance(item, str) else item.text

    def initial_state(self) -> dict[str, int]:
        """Each state variable at its initial value."""
        return {name: var.initial for name, var in self.state.items()}


def _lines(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)
