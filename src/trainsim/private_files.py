"""Files the app writes: owner-only (0600) in owner-only folders (0700), whatever the umask,
written whole or not at all, never over an existing file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> Path:
    """Create ``folder`` and any missing parents as 0700, whatever the umask. A folder that
    already exists is left as it is: it may be one the user chose and shares."""
    missing = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    for created in missing:
        with contextlib.suppress(OSError):  # a file system without modes
            created.chmod(FOLDER_MODE)
    return folder


def _temporary(folder: Path, text: str) -> Path:
    """``text`` in a new 0600 file in ``folder`` (mkstemp creates it 0600), synced to disk."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _claim(temporary: Path, path: Path) -> None:
    """Give ``temporary`` the name ``path`` only if no file has it (FileExistsError if one
    does). A hard link is atomic and exclusive; where links are not supported, the name is
    reserved with an exclusive create and then replaced."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)
        try:
            os.replace(temporary, path)
        except BaseException:
            path.unlink(missing_ok=True)
            raise


def write_new(folder: Path, names: Sequence[str], texts: Sequence[str]) -> list[Path]:
    """Write ``texts`` under ``names`` in ``folder`` as one set: all written, 0600, or none.

    A name taken by an existing file raises FileExistsError (nothing of the set is left);
    any other failure (a full disk) also leaves nothing behind.
    """
    private_folder(folder)
    done: list[Path] = []
    temporaries: list[Path] = []
    try:
        for name, text in zip(names, texts, strict=True):
            temporary = _temporary(folder, text)
            temporaries.append(temporary)
            path = folder / name
            _claim(temporary, path)
            done.append(path)
    except BaseException:
        for path in done:
            path.unlink(missing_ok=True)
        raise
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
    return done


def replace_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (0600) atomically, replacing any file there."""
    private_folder(path.parent)
    temporary = _temporary(path.parent, text)
    try:
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
