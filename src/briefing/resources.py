"""Where the bundled templates, fonts and sample live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent  # src/briefing -> repository root


def bundled(name: str) -> Path:
    """The folder `name` (templates, fonts, sample) shipped with this copy of briefing.

    A wheel carries them inside the package; a source checkout or editable install keeps them
    at the repository root, as the design's top-level layout has it.
    """
    for candidate in (_PACKAGE / name, _CHECKOUT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled folder {name!r} is missing from this installation of briefing "
                            f"(looked in {_PACKAGE / name} and {_CHECKOUT / name}); reinstall briefing")


def templates_dir() -> Path:
    return bundled("templates")


def fonts_dir() -> Path:
    return bundled("fonts")


def sample_sources() -> list[Path]:
    return sorted(bundled("sample").glob("*.txt"))
