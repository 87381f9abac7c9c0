"""Load scenario and rubric files into validated models, collecting located problems."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from trainsim.library.graph import check_scenario
from trainsim.library.problems import ContentError, Problem
from trainsim.library.rubric_checks import check_rubric
from trainsim.library.schema_errors import schema_problems
from trainsim.library.yaml_source import YamlDocument, load_yaml
from trainsim.model import Rubric, Scenario

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded(Generic[M]):
    """One content file: its model (None when it could not be built) and every problem."""

    path: Path
    model: M | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        """Usable: built, and no errors."""
        return self.model is not None and not self.errors

    @property
    def id(self) -> str:
        """The model's id, or the file name's stem when it could not be built."""
        return getattr(self.model, "id", None) or self.path.stem


def build(path: Path, model: type[M], label: str | None, *,
          id_from: Callable[[M], str] = lambda m: m.id,  # type: ignore[attr-defined]
          expected_id: str | None = None, id_key: str = "id"
          ) -> tuple[YamlDocument | None, Loaded[M]]:
    """Load ``path`` as ``model``, collecting located problems; the id it names must match
    ``expected_id`` (default: the file name's stem)."""
    label = label or str(path)
    try:
        doc = load_yaml(path, label)
    except ContentError as exc:
        return None, Loaded(path, None, exc.problems)
    if not isinstance(doc.data, dict):
        kind = type(doc.data).__name__
        return doc, Loaded(path, None, [doc.problem((), f"expected a mapping of keys at the top "
                                                        f"level, found {kind}")])
    try:
        built = model.model_validate(doc.data)
    except ValidationError as exc:
        return doc, Loaded(path, None, schema_problems(doc, model, exc))
    loaded = Loaded(path, built)
    found, stem = id_from(built), expected_id or path.stem
    if found != stem:
        loaded.problems.append(doc.problem(
            (id_key,), f"{id_key} '{found}' does not match the file name '{path.name}': name "
            f"the file '{path.name.replace(stem, found, 1)}' or set {id_key}: {stem}"))
    return doc, loaded


def load_rubric(path: str | Path, label: str | None = None) -> Loaded[Rubric]:
    """Load and validate one rubric file."""
    doc, loaded = build(Path(path), Rubric, label)
    if doc is not None and loaded.model is not None:
        loaded.problems += check_rubric(loaded.model, doc)
    return loaded


def load_scenario(path: str | Path, rubrics: Mapping[str, Rubric] | Set[str] | None = None,
                  label: str | None = None) -> Loaded[Scenario]:
    """Load one scenario file and check its graph; ``rubrics`` are the known rubric ids."""
    doc, loaded = build(Path(path), Scenario, label)
    if doc is not None and loaded.model is not None:
        known = set(rubrics) if rubrics is not None else None
        loaded.problems += check_scenario(loaded.model, doc, known)
    return loaded
