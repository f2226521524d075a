"""Edit a briefing draft in a real LibreOffice, through UNO, as an editor would, and save it as
Word 2007 XML. Run by the tests with the system Python that Debian's python3-uno serves:

    /usr/bin/python3 tests/libreoffice_uno_edit.py DRAFT.docx SAVED.docx PROFILE_DIR EDITS.json

EDITS.json: {"track_changes": true, "delete": [item title, ...], "move": [[item title, the item
title it goes before], ...]}. An item is selected from the start of its title to the start of
the next heading or item title, the usual way to take an item out. Deleting presses Delete on
the selection; moving cuts it and pastes it in front of the other title (through the view's
transferable, as Ctrl+X / Ctrl+V do, without the desktop clipboard). LibreOffice runs headless
with its own profile and is ended by this script whatever happens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import uno  # noqa: F401  (Debian's python3-uno; sets up the pyuno bridge)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

ITEM_TITLE = "简报-条目标题"
HEADING = "简报-一级标题"


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe: str, deadline: float):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def paragraphs(doc):
    enum = doc.Text.createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            yield element


def item_range(doc, title: str):
    """A cursor over the item: its title paragraph up to the next title or heading."""
    found = list(paragraphs(doc))
    for k, p in enumerate(found):
        if p.ParaStyleName == ITEM_TITLE and p.String.strip() == title:
            end = next((q for q in found[k + 1:] if q.ParaStyleName in (ITEM_TITLE, HEADING)), None)
            if end is None:
                raise SystemExit(f"no title or heading after {title!r}")
            cursor = doc.Text.createTextCursorByRange(p.getStart())
            cursor.gotoRange(end.getStart(), True)
            return cursor
    raise SystemExit(f"no item title {title!r} in the draft")


def title_start(doc, title: str):
    for p in paragraphs(doc):
        if p.ParaStyleName == ITEM_TITLE and p.String.strip() == title:
            return doc.Text.createTextCursorByRange(p.getStart())
    raise SystemExit(f"no item title {title!r} in the draft")


def edit(doc, edits: dict) -> None:
    doc.RecordChanges = bool(edits.get("track_changes"))
    controller = doc.getCurrentController()
    for title in edits.get("delete", []):
        item_range(doc, title).setString("")
    for title, before in edits.get("move", []):
        controller.select(item_range(doc, title))
        moved = controller.getTransferable()
        controller.getSelection().getByIndex(0).setString("")
        controller.select(title_start(doc, before))
        controller.insertTransferable(moved)


def main(draft: str, saved: str, profile: str, edits_file: str) -> int:
    edits = json.loads(Path(edits_file).read_text(encoding="utf-8"))
    pipe = f"briefing_uno_{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={Path(profile).resolve().as_uri()}", "--headless", "--invisible",
         "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = connect(pipe, time.monotonic() + 90)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(Path(draft).resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
        edit(doc, edits)
        doc.storeToURL(Path(saved).resolve().as_uri(), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes down with the office; that is the point
            pass
        office.wait(timeout=30)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
