"""Rubric files: one scored dimension, its indicators and performance bands."""

from __future__ import annotations

import itertools
from typing import Literal

from pydantic import Field, field_validator, model_validator

from trainsim.model.base import ContentModel, Slug, Text
from trainsim.model.codes import Code
from trainsim.model.conditions import Condition
from trainsim.model.scenario import ScoringRule


class Band(ContentModel):
    """A performance band: scores at or above ``lower`` (a fraction) fall in it."""

    lower: float = Field(ge=0.0, le=1.0)
    label: Text
    descriptor: Text
    tip: Text = Field(description="A coaching tip for trainees scoring in this band.")


class Cap(ContentModel):
    """The highest band a session can reach on this dimension when ``when`` holds."""

    when: Condition = Field(description="A session condition: ending, reached, all/any/not.")
    band: Text = Field(description="The label of the highest band allowed.")
    reason: Text


class Figure(ContentModel):
    """A session figure a band descriptor cites, with the value each band needs."""

    metric: Literal["pct_open", "reflection_to_question"]
    label: Text = Field(description="How the figure is named beside the band.")
    thresholds: list[float] = Field(
        min_length=1, description="The value each band needs, lowest band first (one per band).")
    min_questions: int = Field(2, ge=0, description="Computed only once this many questions "
                               "(open and closed) were asked.")


class FreeTextScoring(ContentModel):
    """How typed responses are scored on this dimension."""

    available: int = Field(ge=1, description="What an exemplary typed response earns here.")
    applies_when: Condition | None = Field(
        None, description="Score typed responses only when this holds (default: always).")
    rules: list[ScoringRule] = Field(min_length=1)


class SessionRule(ContentModel):
    """Points for a whole session, from its metrics (chosen and typed turns alike)."""

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
    caps: list[Cap] = Field(default_factory=list,
                            description="Limits on the band whatever the points: a rupture, "
                            "sensitive ground never reached.")
    figure: Figure | None = Field(None, description="The figure the band descriptors cite; the "
                                  "band is the lower of the points band and the figure's band.")
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

    @model_validator(mode="after")
    def _labels_known(self) -> Rubric:
        labels = [b.label for b in self.bands]
        for cap in self.caps:
            if cap.band not in labels:
                raise ValueError(f"cap band '{cap.band}' is not one of {labels}")
        if self.figure is not None and len(self.figure.thresholds) != len(self.bands):
            raise ValueError(f"figure thresholds: {len(self.figure.thresholds)} given, one per "
                             f"band ({len(self.bands)}) needed")
        return self

    def band_index(self, label: str | None) -> int | None:
        """Position of a band label (0 = lowest), or None."""
        for i, band in enumerate(self.bands):
            if band.label == label:
                return i
        return None

    def band_for(self, fraction: float) -> Band:
        """The band a fraction falls in."""
        chosen = self.bands[0]
        for band in self.bands:
            if fraction >= band.lower:
                chosen = band
        return chosen
