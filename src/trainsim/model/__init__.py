"""Pydantic models for trainsim's content files and records."""

from trainsim.model.codes import CODES, Code
from trainsim.model.conditions import Condition, Facts, holds
from trainsim.model.rubric import Band, Rubric
from trainsim.model.scenario import (
    ClientProfile,
    Ending,
    FreeTextRoute,
    Limit,
    Node,
    Objective,
    Option,
    Pressure,
    Scenario,
    StateVariable,
)

__all__ = [
    "CODES",
    "Band",
    "ClientProfile",
    "Code",
    "Condition",
    "Ending",
    "Facts",
    "FreeTextRoute",
    "Limit",
    "Node",
    "Objective",
    "Option",
    "Pressure",
    "Rubric",
    "Scenario",
    "StateVariable",
    "holds",
]

from trainsim.model.record import Evidence, Turn
from trainsim.model.scorecard import DimensionScore, EvidenceItem, Metrics, Scorecard

__all__ += ["DimensionScore", "Evidence", "EvidenceItem", "Metrics", "Scorecard", "Turn"]
