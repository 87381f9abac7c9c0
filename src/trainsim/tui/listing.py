"""What the Home screen lists, and a small cache of it so the app opens without loading.

Loading the library means YAML, pydantic models and networkx graph checks: most of a cold
start. The listing (titles, clients, content notes, error counts) is cached as JSON in the
user cache folder, keyed by every content file's path, size and modification time and by
trainsim's version; on a hit Home shows at once and the library loads in the background.
Standard library and platformdirs only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainsim import __version__
from trainsim.library.files import bundled_dir, yaml_files
from trainsim.private_files import replace_private

if TYPE_CHECKING:
    from trainsim.library import Library

CACHE_NAME = "listing.json"


@dataclass(frozen=True)
class ListingRow:
    """One scenario file as the library table shows it."""

    id: str
    file: str
    title: str | None
    summary: str | None
    client: str | None
    difficulty: str | None
    minutes: int | None
    content_notes: tuple[str, ...]
    errors: int

    @property
    def ok(self) -> bool:
        return self.errors == 0 and self.title is not None

    def search_text(self) -> str:
        parts = [self.id, self.file, self.title or "", self.summary or "", self.client or "",
                 self.difficulty or "", *self.content_notes]
        return " ".join(parts).lower()


def rows_from(library: Library) -> list[ListingRow]:
    """The listing of a loaded library."""
    rows = []
    for entry in library.scenario_files:
        s = entry.model
        rows.append(ListingRow(
            id=entry.id, file=entry.path.name, title=s.title if s else None,
            summary=s.summary if s else None, client=s.client.name if s else None,
            difficulty=s.difficulty if s else None,
            minutes=s.estimated_minutes if s else None,
            content_notes=tuple(s.content_notes) if s else (), errors=len(entry.errors)))
    return rows


def fingerprint(folders: list[Path] | None = None) -> str:
    """A digest of every bundled content file's path, size and mtime, and the version."""
    folders = folders or [bundled_dir("rubrics"), bundled_dir("scenarios")]
    digest = hashlib.sha256(__version__.encode())
    for path in yaml_files(folders):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cache_file() -> Path:
    """Where the listing is cached (TRAINSIM_CACHE_DIR overrides the user cache folder)."""
    override = os.environ.get("TRAINSIM_CACHE_DIR")
    if override:
        return Path(override) / CACHE_NAME
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        return Path.home() / ".cache" / "trainsim" / CACHE_NAME
    return Path(user_cache_dir("trainsim")) / CACHE_NAME


def read_cached(key: str, path: Path | None = None) -> list[ListingRow] | None:
    """The cached listing if it was written for ``key``; None if absent, stale or unreadable."""
    path = path or cache_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return [ListingRow(**{**row, "content_notes": tuple(row["content_notes"])})
                for row in data["rows"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def write_cached(key: str, rows: list[ListingRow], path: Path | None = None) -> None:
    """Save the listing for ``key``, atomically and owner-only; a cache that cannot be
    written is skipped."""
    path = path or cache_file()
    with contextlib.suppress(OSError):
        replace_private(path, json.dumps({"key": key, "rows": [asdict(r) for r in rows]}))
