"""Scenario test files (``scenarios/<id>.tests.yaml``): scripted sessions with expectations.

Each case plays a script of choices and typed lines through the real engine and coder,
then checks the ending, the bands or fractions per dimension, the route taken at named
nodes and the codes of named turns. ``trainsim test`` runs them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from trainsim.model.base import ContentModel, Slug, Text
from trainsim.model.codes import Code
from trainsim.model.scenario import EndingKind

SUFFIX = ".tests"
"""A scenario's tests live beside it: ``daniel.yaml`` -> ``daniel.tests.yaml``."""

MAX_TURNS = 60
"""``until_end`` repeats its step at most this many times."""


class Step(ContentModel):
    """One turn of a script: choose an option, say something, or type the node's exemplar."""

    choose: Slug | int | None = Field(
        None, description="An option id, or N for the Nth option as shown (order is shuffled "
        "by the case's seed).")
    say: Text | None = Field(None, description="A typed response, coded by the real coder.")
    exemplar: Literal[True] | None = Field(None, description="Type the current node's exemplar.")

    @model_validator(mode="after")
    def _one(self) -> Step:
        given = [k for k in ("choose", "say", "exemplar") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("a step needs exactly one of choose, say, exemplar"
                             + (f" (found {', '.join(given)})" if given else ""))
        return self


class Range(ContentModel):
    """Inclusive bounds on a fraction (0..1)."""

    min: float = Field(0.0, ge=0.0, le=1.0)
    max: float = Field(1.0, ge=0.0, le=1.0)


class PointRange(ContentModel):
    """Inclusive bounds on whole points."""

    min: int | None = None
    max: int | None = None


class BandRange(ContentModel):
    """Bounds on a band, by label: ``at_least``, ``at_most`` or both."""

    at_least: Text | None = None
    at_most: Text | None = None


BandExpectation = Text | list[Text] | BandRange
"""A band label, a list of allowed labels, or ``{at_least, at_most}``."""


class TurnExpectation(ContentModel):
    """What one turn (1-based, as the app numbers them) must and must not carry."""

    turn: int = Field(ge=1)
    codes: list[Code] = Field(default_factory=list, description="Codes the turn must carry.")
    lacks: list[Code] = Field(default_factory=list, description="Codes it must not carry.")
    points: dict[str, int | PointRange] = Field(
        default_factory=dict, description="Rubric id -> the turn's points, exactly or {min, max}.")
    repeat: bool | None = Field(None, description="Whether it counts as a repeat.")
    held: bool | None = Field(None, description="Whether the client waited (nothing answered).")


class Expectation(ContentModel):
    """What must be true when the script has been played."""

    ending: EndingKind | list[EndingKind] | None = Field(
        None, description="The kind of ending reached (or one of several).")
    finished: bool | None = None
    bands: dict[str, BandExpectation] = Field(default_factory=dict)
    fractions: dict[str, Range] = Field(default_factory=dict)
    routes: dict[Slug, Slug] = Field(
        default_factory=dict, description="Node id -> the node the session went to from it "
        "(the first time it left it).")
    visits: list[Slug] = Field(default_factory=list)
    avoids: list[Slug] = Field(default_factory=list)
    turns: list[TurnExpectation] = Field(default_factory=list)


class Case(ContentModel):
    """One scripted session and what it must produce."""

    name: Text
    seed: int = Field(0, description="Fixes the order options are shown in.")
    steps: list[Step] = Field(default_factory=list)
    until_end: Step | None = Field(
        None, description=f"After the steps, repeat this step until the session ends (at "
        f"most {MAX_TURNS} times).")
    expect: Expectation


class ScenarioTests(ContentModel):
    """The tests of one scenario."""

    scenario: Slug
    cases: list[Case] = Field(min_length=1)
