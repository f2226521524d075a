"""WeasyPrint's C declarations for Pango and friends, parsed when the project is built, not at
every start.

`weasyprint.text.ffi` hands cffi about 450 lines of C declarations as it imports, and cffi
parses them with pycparser every time: about 0.1 s of the render worker's half second before
it can lay out a page (0.45–0.54 s → 0.33–0.47 s measured alternated; -X importtime inflates it
to 0.3 s). cffi's out-of-line ABI mode parses them
once into a module of serialized types (`_pango_types.py`, written by
`tools/build_pango_types.py`), which loads in 5 ms and makes the same `ffi`.

While WeasyPrint imports, an import hook (`prebuilt_declarations`) runs
`weasyprint/text/ffi.py` exactly as installed, with its one `ffi = cffi.FFI(); ffi.cdef(...)`
statement replaced by that module's `ffi`. It does so only when the declarations are the very
ones the module was built from (their SHA-256 is compared); any other WeasyPrint imports as
it always did, only slower, and `briefing doctor` says so.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MODULE = "weasyprint.text.ffi"
PREBUILT = "briefing.render._pango_types"
_DECLARATIONS = re.compile(r"^ffi = cffi\.FFI\(\)\nffi\.cdef\('''(?P<cdef>.*?)'''\)\n", re.S | re.M)


def declarations(source: str) -> re.Match | None:
    """The `ffi = cffi.FFI()` / `ffi.cdef('''…''')` statement of weasyprint/text/ffi.py."""
    return _DECLARATIONS.search(source)


def digest(cdef: str) -> str:
    return hashlib.sha256(cdef.encode()).hexdigest()


def with_prebuilt_types(source: str, prebuilt_digest: str, prebuilt: str) -> str | None:
    """The module's source with its declarations imported from `prebuilt`, or None when they are
    not the ones it was built from. Line numbers stay as they were, for tracebacks."""
    found = declarations(source)
    if found is None or digest(found.group("cdef")) != prebuilt_digest:
        return None
    blank_lines = "\n" * found.group(0).count("\n")
    return source[: found.start()] + f"from {prebuilt} import ffi" + blank_lines[1:] + "\n" + source[found.end():]


class _Loader(importlib.abc.Loader):
    def __init__(self, source: str, origin: str):
        self._source = source
        self._origin = origin

    def create_module(self, spec):
        return None  # the default module

    def exec_module(self, module) -> None:
        exec(compile(self._source, self._origin, "exec"), module.__dict__)  # noqa: S102 - WeasyPrint's own file


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, prebuilt_digest: str, prebuilt: str):
        self._digest = prebuilt_digest
        self._prebuilt = prebuilt
        self.used = False

    def find_spec(self, name, path=None, target=None):
        if name != MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or not spec.origin:
            return None
        try:
            with open(spec.origin, encoding="utf-8") as file:
                source = with_prebuilt_types(file.read(), self._digest, self._prebuilt)
        except OSError:
            return None
        if source is None:
            return None  # another WeasyPrint: the usual import parses its own declarations
        self.used = True
        prebuilt_spec = importlib.util.spec_from_loader(name, _Loader(source, spec.origin), origin=spec.origin)
        prebuilt_spec.has_location = True
        prebuilt_spec.submodule_search_locations = None
        return prebuilt_spec


@contextmanager
def prebuilt_declarations(prebuilt: str | None = None) -> Iterator[_Finder | None]:
    """Within this block, importing WeasyPrint takes its C declarations from `prebuilt`
    (when they match). Yields the hook, whose `used` says whether it served, or None when the
    prebuilt module is missing."""
    prebuilt = prebuilt or PREBUILT
    prebuilt_digest = _prebuilt_digest(prebuilt)
    if prebuilt_digest is None:
        yield None
        return
    finder = _Finder(prebuilt_digest, prebuilt)
    sys.meta_path.insert(0, finder)
    try:
        yield finder
    finally:
        sys.meta_path.remove(finder)


def installed_declarations_match(prebuilt: str | None = None) -> bool | None:
    """Whether the installed WeasyPrint's declarations are the prebuilt ones (None: no WeasyPrint)."""
    prebuilt = prebuilt or PREBUILT
    path = ffi_source_path()
    if path is None:
        return None
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return False
    prebuilt_digest = _prebuilt_digest(prebuilt)
    return prebuilt_digest is not None and with_prebuilt_types(source, prebuilt_digest, prebuilt) is not None


def ffi_source_path() -> Path | None:
    """The installed WeasyPrint's text/ffi.py (found without importing WeasyPrint), or None."""
    spec = importlib.util.find_spec("weasyprint")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "text" / "ffi.py"


def _prebuilt_digest(prebuilt: str) -> str | None:
    """The prebuilt module's digest, or None when it is missing or this cffi cannot load it."""
    try:
        return importlib.import_module(prebuilt).DIGEST
    except Exception:  # noqa: BLE001 - any failure only means WeasyPrint parses its own declarations
        return None


def build_module(source: str, name: str | None = None) -> str:
    """The prebuilt module's text for weasyprint/text/ffi.py's `source` (what
    tools/build_pango_types.py writes): cffi's out-of-line ABI module and the declarations' digest."""
    import os
    import tempfile

    import cffi

    name = name or PREBUILT
    found = declarations(source)
    if found is None:
        raise ValueError("no `ffi = cffi.FFI()` / `ffi.cdef('''…''')` statement in the source")
    builder = cffi.FFI()
    builder.cdef(found.group("cdef"))
    builder.set_source(name, None)
    with tempfile.TemporaryDirectory() as scratch:
        target = os.path.join(scratch, "module.py")
        builder.emit_python_code(target)
        with open(target, encoding="utf-8") as file:
            code = file.read()
    return (f"# Written by tools/build_pango_types.py from WeasyPrint's text/ffi.py; do not edit.\n"
            f"{code.rstrip()}\n\nDIGEST = {digest(found.group('cdef'))!r}\n")
