"""Font files for the PDF: which file plays each role, what it covers, and fast subsetting.

The bundled open fonts are listed by role in fonts/fonts.toml, each role followed by the shared
fallback chain (Noto Serif CJK SC for ideographs beyond GB 2312 and signs, Noto Serif for
accented Latin), so every character is drawn by a bundled font and never by a system one. An
operator may drop licensed files (方正小标宋简体, 仿宋_GB2312 …) into the fonts/ folder beside
briefing.toml; a file whose family name matches a role's Word font goes first in that role's chain.

WeasyPrint subsets embedded fonts itself, but without the system's hb-subset library it falls
back to fontTools and spends seconds on each large CJK font. So we cut every font down to the
issue's characters with HarfBuzz (uharfbuzz, a wheel, always present) before WeasyPrint sees it;
its own pass over a few hundred glyphs is then instant.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb

from ..errors import FontError
from ..resources import fonts_dir as bundled_fonts_dir
from .layout import FONT_ROLES

ROLES = tuple(FONT_ROLES)
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}


@dataclass(frozen=True)
class FontFile:
    path: Path
    family: str
    operator: bool = False  # dropped in by the operator, not bundled

    @property
    def codepoints(self) -> frozenset[int]:
        return _codepoints(self.path)


@dataclass
class FontSet:
    chains: dict[str, list[FontFile]] = field(default_factory=dict)

    def all_files(self) -> list[FontFile]:
        seen: dict[Path, FontFile] = {}
        for chain in self.chains.values():
            for font in chain:
                seen.setdefault(font.path, font)
        return list(seen.values())

    def primary(self, role: str) -> FontFile:
        return self.chains[role][0]

    def missing(self, role: str, characters: set[str]) -> set[str]:
        """Characters no font of this role (nor, as a last resort, any other font) can draw."""
        return plan_fonts(self, {role: characters}).missing.get(role, set())


@dataclass
class FontPlan:
    """Which characters each font file draws, and what no font can."""

    draws: dict[Path, set[str]]
    missing: dict[str, set[str]]  # role -> characters no font has


def plan_fonts(fonts: FontSet, characters_by_role: dict[str, set[str]]) -> FontPlan:
    """Give each character of a role to the first font of the role's chain that has it, then
    to any other font as a last resort (so a rare name character still renders)."""
    draws: dict[Path, set[str]] = {}
    missing: dict[str, set[str]] = {}
    for role, characters in characters_by_role.items():
        remaining = {ch for ch in characters if not ch.isspace()}
        spaces = characters - remaining
        for font in dict.fromkeys(fonts.chains[role] + fonts.all_files()):
            covered = {ch for ch in remaining if ord(ch) in font.codepoints}
            if covered or font is fonts.chains[role][0]:
                draws.setdefault(font.path, set()).update(covered | spaces)
            remaining -= covered
            if not remaining:
                break
        if remaining:
            missing[role] = remaining
    return FontPlan(draws, missing)


def load_fonts(operator_dir: Path | None = None) -> FontSet:
    bundled = bundled_fonts_dir()
    manifest = bundled / "fonts.toml"
    try:
        roles = tomllib.loads(manifest.read_text(encoding="utf-8"))["roles"]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise FontError(f"{manifest}: cannot read the font roles ({exc}); reinstall briefing")
    operator = _operator_fonts(operator_dir) if operator_dir else {}

    def bundled_files(role: str) -> list[FontFile]:
        files = []
        for name in roles.get(role, []):
            path = bundled / name
            if not path.is_file():
                raise FontError(f"{path}: bundled font for role {role!r} is missing; reinstall briefing")
            files.append(FontFile(path, _family(path)))
        return files

    fallback = bundled_files("fallback")
    chains: dict[str, list[FontFile]] = {}
    for role in ROLES:
        chain = list(operator.get(role, [])) + bundled_files(role)
        if not chain:
            raise FontError(f"{manifest}: no font for role {role!r}")
        chains[role] = list({font.path: font for font in chain + fallback}.values())
    return FontSet(chains)


def _operator_fonts(folder: Path) -> dict[str, list[FontFile]]:
    if not folder.is_dir():
        return {}
    found: dict[str, list[FontFile]] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in FONT_SUFFIXES:
            continue
        try:
            names = _names(path)
        except FontError:
            continue  # doctor reports unreadable files; a build goes on with the bundled ones
        for role, spec in FONT_ROLES.items():
            if names & set(spec.licensed_families):
                found.setdefault(role, []).append(FontFile(path, _family(path), operator=True))
    return found


@lru_cache(maxsize=32)
def _face(path: Path) -> hb.Face:
    try:
        return hb.Face(hb.Blob.from_file_path(str(path)))
    except Exception as exc:  # uharfbuzz raises bare Exceptions for unreadable files
        raise FontError(f"{path}: not a readable font ({exc})")


@lru_cache(maxsize=32)
def _codepoints(path: Path) -> frozenset[int]:
    return frozenset(_face(path).unicodes)


def _names(path: Path) -> set[str]:
    face = _face(path)
    names = set()
    for entry in face.list_names():
        if entry.name_id in (hb.OTNameIdPredefined.FONT_FAMILY, hb.OTNameIdPredefined.TYPOGRAPHIC_FAMILY,
                             hb.OTNameIdPredefined.FULL_NAME):
            value = face.get_name(entry.name_id, entry.language)
            if value:
                names.add(value)
    return names


def vertical_metrics(path: Path) -> tuple[float, float]:
    """(ascender, descender) of the font's horizontal line metrics, in em (descender positive)."""
    face = _face(path)
    extents = hb.Font(face).get_font_extents("ltr")
    return extents.ascender / face.upem, -extents.descender / face.upem


@lru_cache(maxsize=32)
def _family(path: Path) -> str:
    """The typographic family (name ID 16) where the font has one: "FandolFang", where the
    legacy family (name ID 1) says "FandolFang R"."""
    face = _face(path)
    return (face.get_name(hb.OTNameIdPredefined.TYPOGRAPHIC_FAMILY)
            or face.get_name(hb.OTNameIdPredefined.FONT_FAMILY) or path.stem)


def subset_font(font: FontFile, characters: set[str], target: Path) -> Path:
    """Write a copy of font holding only characters (plus what shaping needs) to target."""
    face = _face(font.path)
    plan = hb.SubsetInput()
    for ch in characters:
        plan.unicode_set.add(ord(ch))
    # No hinting (PDF viewers do not use it), and no layout closure: alternates reachable
    # only through GSUB (vertical forms, other locales) would double the glyph count.
    plan.flags = hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.DESUBROUTINIZE | hb.SubsetFlags.NO_LAYOUT_CLOSURE
    subset = hb.subset(face, plan)
    if subset is None:
        raise FontError(f"{font.path}: HarfBuzz could not subset this font")
    target.write_bytes(subset.blob.data)
    return target
