"""Scenario tests: scripted sessions with expectations, and checks every scenario gets."""

from trainsim.checks.exemplars import check_exemplars
from trainsim.checks.runner import CaseResult, run_case, run_tests

__all__ = ["CaseResult", "check_exemplars", "run_case", "run_tests"]
