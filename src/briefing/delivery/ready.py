"""The issue folder to be mailed, read back and checked: a failed or empty issue is never mailed."""

from __future__ import annotations

import io
import logging
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import DeliveryError, PublishError, UsageError
from ..manifest import MANIFEST, read_issue
from ..model import StoredIssue
from ..output import read_issue_file

EXAMPLE = "give the folder `briefing build` wrote, e.g. out/2026-11-26-daily-1"


def load_issue(issue_dir: Path) -> StoredIssue:
    path = Path(issue_dir)
    if not path.is_dir():
        raise UsageError(f"{path}: no such issue folder; {EXAMPLE}")
    if not (path / MANIFEST).exists():
        raise UsageError(f"{path}: no {MANIFEST}; {EXAMPLE}")
    return read_issue(path)


def check_ready(stored: StoredIssue, formats: Iterable[str]) -> None:
    """Refuse an issue that failed or is empty: no items, or a PDF/DOCX that does not open."""
    if stored.issue.item_count == 0:
        raise DeliveryError(f"{stored.folder}: the issue has no items; an empty issue is never mailed")
    for kind in sorted(set(formats)):
        path = stored.output(kind)
        if path is None or not os.path.lexists(path):
            raise DeliveryError(f"{stored.folder}: a recipient gets the {kind.upper()} but the issue has none; "
                                f"rebuild with --formats docx,pdf or change their `gets`")
        try:
            content = read_issue_file(stored.folder, path.name)  # never through a symlink
        except PublishError as exc:
            raise DeliveryError(str(exc)) from None
        (_check_pdf if kind == "pdf" else _check_docx)(path, content)


def _check_pdf(path: Path, content: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # what it finds wrong is said below, in one line
    try:
        reader = PdfReader(io.BytesIO(content))
        pages = len(reader.pages)
        text = reader.pages[0].extract_text() if pages else ""
    except (PyPdfError, OSError, ValueError, KeyError) as exc:
        raise DeliveryError(f"{path}: the PDF does not open ({exc}); rebuild the issue")
    if pages == 0:
        raise DeliveryError(f"{path}: the PDF has no pages; rebuild the issue")
    if not text.strip():
        raise DeliveryError(f"{path}: the PDF's first page has no text; rebuild the issue")


def _check_docx(path: Path, content: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            body = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DeliveryError(f"{path}: the DOCX does not open ({exc}); rebuild the issue")
    if b"<w:t" not in body:
        raise DeliveryError(f"{path}: the DOCX has no text; rebuild the issue")
