"""Write src/briefing/render/_pango_types.py: the installed WeasyPrint's Pango declarations,
parsed once by cffi (out-of-line ABI mode) so the render worker need not parse them at each start.

Run by hand after upgrading WeasyPrint:  python tools/build_pango_types.py

Until it is run, a WeasyPrint whose declarations differ imports as usual (about 0.1 s slower to start);
`briefing doctor` says which it is. Why: src/briefing/render/pango_types.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from briefing.render.pango_types import build_module, ffi_source_path  # noqa: E402

TARGET = ROOT / "src" / "briefing" / "render" / "_pango_types.py"


def main() -> int:
    source_path = ffi_source_path()
    if source_path is None:
        print("WeasyPrint is not installed in this Python", file=sys.stderr)
        return 1
    TARGET.write_text(build_module(source_path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} from {source_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
