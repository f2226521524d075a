"""Set body paragraphs line by line, so Chinese lines end flush at the right margin.

WeasyPrint justifies only by widening spaces, and Chinese text has none: lines would end
ragged wherever a closing mark may not start the next line. So the PDF breaks body text
itself, on the 28-character grid of render.layout: characters are measured with HarfBuzz in
the font that will draw them, lines are filled greedily, the line-breaking rules of Chinese
typesetting (禁则) are applied, and each line but the last gets the letter-spacing that makes it
exactly as wide as the text area. The DOCX needs none of this: Word and WPS justify Chinese.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb

# Closing marks never start a line; opening marks never end one (GB/T 15834 practice).
NO_LINE_START = set("，。、；：？！）》」』”’〉】〕…—·%‰℃,.;:?!)]}")
NO_LINE_END = set("（《「『“‘〈【〔([{")
# Runs kept whole: numbers with their decimals and units, Latin words, paired dashes and ellipses.
# Latin letters include the accented ones (pinyin Zhāng, München, Dvořák), Greek and Cyrillic.
_WORD_CHAR = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff"
_TOKEN = re.compile(f"[{_WORD_CHAR}][{_WORD_CHAR}.,:/+\\-_%@&']*|——|……|.", re.S)
TOLERANCE_PT = 0.05  # floating-point slack when a line fills the measure exactly
MAX_STRETCH_EM = 0.5  # beyond this a line (say, a long URL) is left ragged, not torn apart
SPACING_DIGITS = 4  # a line's letter-spacing is given to a ten-thousandth of a point


@dataclass(frozen=True)
class Line:
    text: str
    letter_spacing_pt: float  # for every character of the line
    indent_pt: float = 0.0


class Measurer:
    """Advance widths, in points, of characters in the fonts that will draw them."""

    def __init__(self, font_paths: list[Path], size_pt: float):
        self.size_pt = size_pt
        self._fonts = [_hb_font(path) for path in font_paths]
        self._cache: dict[str, float] = {}

    def advance(self, ch: str) -> float:
        if ch not in self._cache:
            self._cache[ch] = self._measure(ch)
        return self._cache[ch]

    def _measure(self, ch: str) -> float:
        for font, upem in self._fonts:
            glyph = font.get_nominal_glyph(ord(ch))
            if glyph:
                return font.get_glyph_h_advance(glyph) / upem * self.size_pt
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        return self.size_pt * (1.0 if wide else 0.5)


@lru_cache(maxsize=16)
def _hb_font(path: Path) -> tuple[hb.Font, int]:
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    return hb.Font(face), face.upem


def set_paragraph(text: str, measurer: Measurer, measure_pt: float, base_spacing_pt: float,
                  indent_pt: float = 0.0) -> list[Line]:
    """Break text into lines of at most measure_pt; every line but the last is stretched to it.

    base_spacing_pt is the grid's letter-spacing (negative when the grid pitch is a little
    under the font size); indent_pt is the first line's indent.
    """
    tokens = _TOKEN.findall(text)
    lines: list[list[str]] = []
    current: list[str] = []
    width = 0.0
    available = measure_pt - indent_pt
    for token in tokens:
        token_width = _width(token, measurer, base_spacing_pt)
        if current and width + token_width > available + TOLERANCE_PT:
            current, carried = _apply_rules(current, token)
            lines.append(current)
            current = carried
            width = sum(_width(t, measurer, base_spacing_pt) for t in current)
            available = measure_pt
        current.append(token)
        width += token_width
    if current:
        lines.append(current)
    return _justify(lines, measurer, measure_pt, base_spacing_pt, indent_pt)


def _apply_rules(line: list[str], next_token: str) -> tuple[list[str], list[str]]:
    """Move tokens from the end of a full line to the next, so that the next line does not
    start with a closing mark and this one does not end with an opening mark."""
    carried: list[str] = []
    while len(line) > 1 and (next_token[0] in NO_LINE_START or line[-1][-1] in NO_LINE_END):
        moved = line.pop()
        carried.insert(0, moved)
        next_token = moved
    return line, carried


def _justify(lines: list[list[str]], measurer: Measurer, measure_pt: float, base_spacing_pt: float,
             indent_pt: float) -> list[Line]:
    result = []
    for index, tokens in enumerate(lines):
        text = "".join(tokens)
        indent = indent_pt if index == 0 else 0.0
        spacing = base_spacing_pt
        if index < len(lines) - 1:
            natural = sum(measurer.advance(ch) + base_spacing_pt for ch in text)
            extra = (measure_pt - indent - natural) / max(len(text), 1)
            if 0 < extra <= MAX_STRETCH_EM * measurer.size_pt:
                spacing += extra
        result.append(Line(text, round(spacing, SPACING_DIGITS), indent))
    return result


def _width(token: str, measurer: Measurer, base_spacing_pt: float) -> float:
    return sum(measurer.advance(ch) + base_spacing_pt for ch in token)
