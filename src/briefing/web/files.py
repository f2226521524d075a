"""Files the console hands out: only the files an issue's manifest names, from that issue's
own folder (no other name, no path, no symlink), and PNG previews of the PDF's pages rendered
with PDFium into state_dir/previews/ (never into the issue folder)."""

from __future__ import annotations

import os
import shutil
import stat
import threading
from pathlib import Path

from ..config import Config
from ..delivery.release import revision_of
from ..model import StoredIssue

PREVIEW_SCALE = 1.5  # 108 dpi: an A4 page 893 px wide, sharp on a phone, light on a desktop
MAX_PREVIEW_PAGES = 40
_pdfium = threading.Lock()  # PDFium is not thread-safe

CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class NoSuchFile(LookupError):
    pass


def servable_names(stored: StoredIssue) -> set[str]:
    names = set(stored.outputs.values())
    if stored.publication is not None and stored.publication.edited_copy:
        names.add(stored.publication.edited_copy)
    return names


def read_issue_file(stored: StoredIssue, name: str) -> tuple[bytes, str]:
    """(content, media type) of a file the manifest names, read without following a symlink."""
    if name not in servable_names(stored) or "/" in name or "\\" in name or name in (".", ".."):
        raise NoSuchFile(name)
    folder = stored.folder.resolve()
    path = folder / name
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or path.parent.resolve() != folder:
            raise NoSuchFile(name)
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        raise NoSuchFile(name) from None
    with os.fdopen(fd, "rb") as handle:
        content = handle.read()
    return content, CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")


# -- previews -----------------------------------------------------------------------------------


def _preview_dir(config: Config, stored: StoredIssue) -> Path:
    return config.state_dir / "previews" / stored.id / revision_of(stored)


def preview_page_count(config: Config, stored: StoredIssue) -> int:
    """How many pages the PDF has (0 without a PDF); the previews of older revisions are dropped."""
    folder = _preview_dir(config, stored)
    count_file = folder / "pages"
    if count_file.is_file():
        return int(count_file.read_text() or 0)
    pdf = stored.output("pdf")
    if pdf is None or not pdf.is_file():
        return 0
    import pypdfium2

    with _pdfium:
        document = pypdfium2.PdfDocument(str(pdf))
        try:
            count = min(len(document), MAX_PREVIEW_PAGES)
        finally:
            document.close()
    for old in folder.parent.glob("*"):
        if old.name != folder.name:
            shutil.rmtree(old, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    _write_atomically(count_file, str(count).encode())
    return count


def preview_png(config: Config, stored: StoredIssue, page: int) -> bytes:
    """Page `page` (from 1) of the issue's PDF as PNG, rendered once per revision."""
    count = preview_page_count(config, stored)
    if not 1 <= page <= count:
        raise NoSuchFile(f"page {page}")
    path = _preview_dir(config, stored) / f"{page}.png"
    if path.is_file():
        return path.read_bytes()
    import io

    import pypdfium2

    with _pdfium:
        document = pypdfium2.PdfDocument(str(stored.output("pdf")))
        try:
            image = document[page - 1].render(scale=PREVIEW_SCALE).to_pil()
        finally:
            document.close()
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    _write_atomically(path, buffer.getvalue())
    return buffer.getvalue()


def _write_atomically(path: Path, content: bytes) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    temp.write_bytes(content)
    os.replace(temp, path)
