"""Rubric files: one scored dimension, its indicators and performance bands."""

from __future__ import annotations

import itertools
from typing import Literal

from pydantic import Field, field_validator

from trainsim.model.base import ContentModel, Slug, Text
from trainsim.model.codes import Code
from trainsim.model.conditions import Condition


class Band(ContentModel):
    """A performance band: scores at or above ``lower`` (a fraction) fall in it."""

    lower: float = Field(ge=0.0, le=1.0)
    label: Text
    descriptor: Text
    tip: Text = Field(description="A coaching tip for trainees scoring in this band.")


class ScoringRule(ContentModel):
    """Points a typed response earns or loses on this dimension when ``when`` holds."""

    when: Condition
    points: int
    reason: Text = Field(description="Why, in words the trainee sees beside the points.")


class FreeTextScoring(ContentModel):
    """How typed responses are scored on this dimension."""

    available: int = Field(ge=1, description="What an exemplary typed response earns here.")
    applies_when: Condition | None = Field(
        None, description="Score typed responses only when this holds (default: always).")
    rules: list[ScoringRule] = Field(min_length=1)


class SessionRule(ContentModel):
    """Points for a whole session that included typed responses, from its metrics."""

    metric: Literal["reflection_to_question", "pct_open", "consent_before_sensitive"]
    gte: float = Field(description="Earned when the metric is at least this.")
    points: int = Field(ge=1)
    reason: Text


class Rubric(ContentModel):
    """One scored dimension, such as open-ended questions or consent checks."""

    id: Slug
    title: Text
    description: Text
    indicators: list[Text] = Field(min_length=1, description="What this skill looks like.")
    bands: list[Band] = Field(min_length=4)
    free_text: FreeTextScoring | None = Field(
        None, description="Indicator rules for typed responses, tunable without code.")
    session_rules: list[SessionRule] = Field(default_factory=list)
    exempt_codes: list[Code] = Field(
        default_factory=list,
        description="Responses carrying any of these codes are not scored on this dimension: "
        "they neither earn nor lose points nor add to what was available (e.g. consent checks "
        "on the open-questions dimension).",
    )

    @field_validator("bands")
    @classmethod
    def _bands_ascend(cls, bands: list[Band]) -> list[Band]:
        if bands[0].lower != 0.0:
            raise ValueError("the first band must start at 0.0")
        lowers = [band.lower for band in bands]
        if any(b <= a for a, b in itertools.pairwise(lowers)):
            raise ValueError(f"band lower bounds must strictly increase, got {lowers}")
        return bands

    def band_for(self, fraction: float) -> Band:
        """The band a fraction falls in."""
        chosen = self.bands[0]
        for band in self.bands:
            if fraction >= band.lower:
                chosen = band
        return chosen
