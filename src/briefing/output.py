"""The output folder: out/<date>-<edition>-<number>/ with the DOCX, the PDF and manifest.json,
written in a temporary folder beside it and renamed into place, so a reader never sees half an
issue and a failed build leaves nothing behind. (What goes into manifest.json: manifest.py.)"""

from __future__ import annotations

import ctypes
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import PublishError


@contextmanager
def staging(out_dir: Path, folder_name: str) -> Iterator[Path]:
    """A temporary folder inside out_dir; removed if the block fails.

    Callers hold the issue's lock, so any older staging folder of the same issue was left by a
    build that died; it is cleared first.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for leftover in out_dir.glob(f".{folder_name}.*"):
            shutil.rmtree(leftover, ignore_errors=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{folder_name}.", dir=out_dir))
        umask = os.umask(0)
        os.umask(umask)
        temp.chmod(0o777 & ~umask)  # mkdtemp makes it private; an issue folder is not
    except OSError as exc:
        raise PublishError(f"{out_dir}: cannot create the output folder ({exc.strerror}); check --out or output_dir")
    try:
        yield temp
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def commit(temp: Path, final: Path) -> Path:
    """Move a finished staging folder to its final name, replacing an earlier build of it.

    Where the kernel can swap two folders in one step (Linux renameat2), a reader always finds
    either the old issue or the new one; elsewhere there is a moment with neither.
    """
    if final.exists() and _exchange(temp, final):
        shutil.rmtree(temp, ignore_errors=True)  # it now holds the earlier build
        return final
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        final.rename(old)
    try:
        temp.rename(final)
    except OSError as exc:
        if old is not None:
            old.rename(final)
        raise PublishError(f"{final}: cannot move the new issue into place ({exc.strerror})")
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return final


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0


def read_issue_file(folder: Path, name: str) -> bytes:
    """A file of an issue folder, by its plain name, never through a symlink: what a manifest
    names is mailed or served only if it really is a file in that folder."""
    path = folder / name
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise PublishError(f"{folder}: {name!r} is not a file name inside the issue folder; rebuild the issue")
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            raise PublishError(f"{path}: not a regular file in the issue folder (a link or a folder); rebuild the issue")
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise PublishError(f"{path}: cannot be read ({exc.strerror or exc}); rebuild the issue") from None
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read()
