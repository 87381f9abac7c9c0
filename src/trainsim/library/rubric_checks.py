"""Checks of a rubric's rules beyond its schema."""

from __future__ import annotations

from collections.abc import Iterator

from trainsim.library.codes_check import unemitted
from trainsim.library.problems import Problem
from trainsim.library.yaml_source import YamlDocument
from trainsim.model import Rubric
from trainsim.model.conditions import EarlierCondition, walk


def check_rubric(rubric: Rubric, doc: YamlDocument) -> list[Problem]:
    """Rules that wait for codes the coder never emits (errors), and ``earlier:
    consent_check``, which licenses a whole session (a warning)."""
    return list(_rules(rubric, doc))


def _rules(rubric: Rubric, doc: YamlDocument) -> Iterator[Problem]:
    scoring = rubric.free_text
    if scoring is None:
        return
    conditions = [(("free_text", "rules", i, "when"), rule.when)
                  for i, rule in enumerate(scoring.rules)]
    if scoring.applies_when is not None:
        conditions.append((("free_text", "applies_when"), scoring.applies_when))
    for at, condition in conditions:
        for message in unemitted(condition):
            yield doc.problem(at, message)
        if any(isinstance(p, EarlierCondition) and p.earlier == "consent_check"
               for p in walk(condition)):
            yield doc.problem(at, "'earlier: consent_check' lets one check license the rest "
                              "of the session; use 'recent: consent_check' (the turn before)",
                              severity="warning")
