"""Scorecards: per-dimension scores with evidence, and session metrics."""

from __future__ import annotations

from pydantic import Field

from trainsim.model.record import Record


class EvidenceItem(Record):
    """One point-bearing moment: which turn, what was said, how many points, why."""

    turn: int | None = Field(description="The turn's index; None for the session as a whole.")
    node: str
    option: str | None
    text: str
    points: int
    reason: str
    source: str


class BandLimit(Record):
    """Something that held a band below what the points alone would give."""

    band: str
    reason: str
    source: str = Field(description="'coverage', 'figure' or 'cap:<n>'.")


class FigureValue(Record):
    """A figure a band descriptor cites, as computed for this session."""

    metric: str
    label: str
    value: float
    band: str


class DimensionScore(Record):
    """A rubric dimension's score on the path actually taken.

    ``band`` is the lowest of: the band of the points (``points_band``), the band of the
    objectives reached (``coverage``), the band of the figure the descriptors cite, and the
    rubric's caps (a rupture; sensitive ground never reached). ``limits`` says which of
    them held it down.
    """

    rubric: str
    title: str
    earned: int
    available: int = Field(description="Best points available at each visited node, summed.")
    fraction: float | None = Field(description="earned / available in 0..1; None if not assessed.")
    band: str | None
    descriptor: str | None = None
    tip: str | None = None
    evidence: tuple[EvidenceItem, ...] = ()
    points_band: str | None = None
    coverage: float | None = Field(None, description="Share of this skill's objectives reached.")
    figure: FigureValue | None = None
    limits: tuple[BandLimit, ...] = ()

    @property
    def assessed(self) -> bool:
        return self.fraction is not None


class Metrics(Record):
    """Counts from the codes of the trainee's responses."""

    turns: int
    open_questions: int
    closed_questions: int = Field(description="Closed questions, not counting consent checks.")
    pct_open: float | None = Field(description="Open / (open + closed), as a percentage.")
    reflections: int
    reflection_to_question: float | None = Field(description="Reflections per question.")
    consent_checks: int
    consent_before_sensitive: int = Field(
        description="Consent checks made up to and including the response at the first "
        "sensitive node, i.e. before probing it.")
    reached_sensitive: bool
    stacked_questions: int


class ObjectiveResult(Record):
    """One learning objective: reached or not, and where it could be shown."""

    text: str
    nodes: tuple[str, ...]
    skills: tuple[str, ...]
    reached: bool
    core: bool = False
    at: str | None = Field(None, description="The first of its nodes the session visited.")


class Scorecard(Record):
    """Every dimension's score, the session metrics and the objectives reached."""

    dimensions: dict[str, DimensionScore]
    metrics: Metrics
    objectives: tuple[ObjectiveResult, ...] = ()
    ending: str | None = Field(None, description="The kind of ending reached, if any.")
