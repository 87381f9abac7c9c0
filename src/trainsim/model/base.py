"""Shared pydantic configuration for content files."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Slug = Annotated[
    str,
    Field(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1, max_length=80),
]
"""Identifier used for scenarios, rubrics, nodes and options: lowercase, digits, hyphens."""

Text = Annotated[str, Field(min_length=1)]


class ContentModel(BaseModel):
    """Base for models read from YAML: unknown keys are errors, instances are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=True)
