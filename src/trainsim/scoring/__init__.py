"""Rubric scoring: turns + rubrics -> scorecard."""

from trainsim.scoring.scorecard import dimension_score, metrics, score

__all__ = ["dimension_score", "metrics", "score"]
