"""Measuring a PDF the way a ruler would: text lines with their baselines and glyph boxes, and the
rules drawn on each page, in millimetres from the top-left corner of the page (PDFium).

Used by the tests that hold the PDF and LibreOffice's rendering of the DOCX against GB/T 9704
and against each other.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MM_PER_PT = 25.4 / 72


@dataclass(frozen=True)
class TextLine:
    page: int  # 0-based
    text: str
    baseline_mm: float  # from the top of the page
    top_mm: float  # of the highest glyph box
    bottom_mm: float  # of the lowest glyph box
    left_mm: float  # of the first glyph box (ink)
    right_mm: float  # of the last glyph box (ink)
    cell_right_mm: float  # of the last character's advance (the cell)
    fonts: tuple[str, ...]  # the fonts its characters are drawn with
    chars: tuple[tuple[str, float, float, float, float], ...] = ()  # (char, left, top, right, bottom) mm
    origins_mm: tuple[float, ...] = ()  # where each character's advance starts, from the left edge


@dataclass(frozen=True)
class Rule:
    page: int
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    colour: tuple[int, int, int]

    @property
    def thickness_mm(self) -> float:
        return self.bottom_mm - self.top_mm

    @property
    def width_mm(self) -> float:
        return self.right_mm - self.left_mm


def text_lines(pdf: Path) -> list[TextLine]:
    """Every line of text, in reading order per page (characters grouped by baseline)."""
    document = pdfium.PdfDocument(str(pdf))
    lines: list[TextLine] = []
    for index in range(len(document)):
        page = document[index]
        height = page.get_height()
        textpage = page.get_textpage()
        rows: dict[float, list[tuple[float, str, tuple, tuple, str]]] = {}
        for k in range(textpage.count_chars()):
            ch = textpage.get_text_range(k, 1)
            if ch in ("\r", "\n", "\ufffe", "\x02") or not ch:
                continue
            x, y = ctypes.c_double(), ctypes.c_double()
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, k, x, y)
            if ch.isspace() and not ch == "\u3000":
                continue
            tight = textpage.get_charbox(k)
            loose = textpage.get_charbox(k, loose=True)
            key = round(y.value, 1)
            row = next((r for r in rows if abs(r - key) < 1.0), key)
            rows.setdefault(row, []).append((x.value, ch, tight, loose, _font_name(textpage, k)))
        for baseline in sorted(rows, reverse=True):
            chars = sorted(rows[baseline])
            text = "".join(c[1] for c in chars)
            inked = [c[2] for c in chars if c[2][2] > c[2][0]] or [c[2] for c in chars]
            lines.append(TextLine(
                page=index, text=text,
                baseline_mm=(height - baseline) * MM_PER_PT,
                top_mm=(height - max(b[3] for b in inked)) * MM_PER_PT,
                bottom_mm=(height - min(b[1] for b in inked)) * MM_PER_PT,
                left_mm=min(b[0] for b in inked) * MM_PER_PT,
                right_mm=max(b[2] for b in inked) * MM_PER_PT,
                cell_right_mm=chars[-1][3][2] * MM_PER_PT,
                fonts=tuple(dict.fromkeys(c[4] for c in chars)),
                chars=tuple((c[1], c[2][0] * MM_PER_PT, (height - c[2][3]) * MM_PER_PT, c[2][2] * MM_PER_PT,
                             (height - c[2][1]) * MM_PER_PT) for c in chars),
                origins_mm=tuple(c[0] * MM_PER_PT for c in chars),
            ))
    return lines


def _font_name(textpage, index: int) -> str:
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, 256, flags)
    return buffer.value.decode("utf-8", "replace")


def rules(pdf: Path, dpi: int = 600, strips_mm: tuple[float, ...] = (32, 105, 178)) -> list[Rule]:
    """Horizontal rules, found in the ink as a ruler would: the page rendered at dpi in narrow
    vertical strips; a rule is a band of rows dark (or red) across every strip. Renderers draw
    borders as fills, strokes or clipped frames, so the ink is the one common measure."""
    document = pdfium.PdfDocument(str(pdf))
    scale = dpi / 72
    found: list[Rule] = []
    for index in range(len(document)):
        page = document[index]
        width_pt, height_pt = page.get_width(), page.get_height()
        bands = []
        for x_mm in strips_mm:
            x0 = x_mm / MM_PER_PT
            crop = (x0, 0, width_pt - x0 - 2 / MM_PER_PT, 0)  # a strip 2 mm wide
            bitmap = page.render(scale=scale, crop=crop)
            bands.append(_dark_rows(bitmap))
        common = set(bands[0])
        for band in bands[1:]:
            common &= set(band)
        rows = sorted(common)
        run: list[int] = []
        for row in rows + [None]:
            if run and (row is None or row != run[-1] + 1):
                colours = [bands[0][r] for r in run]
                colour = tuple(round(sum(c[i] for c in colours) / len(colours)) for i in range(3))
                found.append(Rule(index, run[0] / scale * MM_PER_PT, (run[-1] + 1) / scale * MM_PER_PT,
                                  strips_mm[0], strips_mm[-1] + 2, colour))
                run = []
            if row is not None:
                run.append(row)
    return found


def _dark_rows(bitmap) -> dict[int, tuple[int, int, int]]:
    """Rows of the bitmap inked across (almost) their whole width, with their mean colour (RGB)."""
    data = bytes(bitmap.buffer)
    width, height, channels, stride = bitmap.width, bitmap.height, bitmap.n_channels, bitmap.stride
    rows = {}
    for y in range(height):
        row = data[y * stride:y * stride + width * channels]
        pixels = [row[x:x + channels] for x in range(0, width * channels, channels)]
        inked = [p for p in pixels if min(p[0], p[1], p[2]) < 160]
        if len(inked) >= 0.98 * width:
            # BGR(A) order in PDFium's bitmaps
            rows[y] = tuple(round(sum(p[i] for p in inked) / len(inked)) for i in (2, 1, 0))
    return rows


def poppler(*command: str) -> str:
    """The output of one of poppler's programs (pdffonts, pdftotext …). Without poppler-utils the
    test is skipped on a developer's machine and fails under CI, which installs it."""
    import os
    import shutil
    import subprocess

    import pytest

    if shutil.which(command[0]) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{command[0]} is not installed; .ci/run installs poppler-utils")
        pytest.skip(f"poppler-utils ({command[0]}) is not installed")
    return subprocess.run(list(command), capture_output=True, text=True, check=True).stdout


def embedded_fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, embedded, subset — one dict per font."""
    output = poppler("pdffonts", str(pdf))
    fonts = []
    for line in output.splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 7:
            # name type... encoding emb sub uni object ID: the name never has spaces in our PDFs
            fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "type": " ".join(parts[1:-6])})
    return fonts


def one_item_issue(summary: str):
    """An issue of one item with the given text, to push the 报尾 around the last page."""
    from datetime import date

    from briefing.model import Distribution, Issue, IssueNumber, IssueSection, Item, Masthead

    masthead = Masthead("科技创新动态", "××办公室", date(2026, 11, 26), IssueNumber(2026, 1, 1, False))
    item = Item("a1", "北京居城市健康指数榜首", summary, ("x.txt",))
    return Issue("科技创新动态", "daily", masthead, (IssueSection("health", "卫生健康", (item,)),),
                 Distribution(("市委办公厅",), ("市政府办公厅",), ("各区科委",), 60), contents=False)


# --- LibreOffice: the DOCX laid out by a real office suite ---------------------------------

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
{aliases}
</fontconfig>
"""
_CONVERTED: dict[Path, Path] = {}


def libreoffice_pdf(docx: Path, work: Path) -> Path:
    """docx converted to PDF by LibreOffice headless, once per file and test session."""
    return libreoffice_pdfs([docx], work)[0]


def libreoffice_pdfs(docxs: list[Path], work: Path) -> list[Path]:
    """The files converted to PDF by one LibreOffice headless run (its own profile, a timeout).
    Fontconfig sees the bundled fonts only, each Word font name played by the bundled font of
    its role, so nothing is drawn from the machine's own fonts."""
    import os
    import shutil
    import subprocess

    import pytest

    from briefing.render.fonts import load_fonts
    from briefing.render.layout import FONT_ROLES
    from briefing.resources import fonts_dir

    docxs = [docx.resolve() for docx in docxs]
    todo = [docx for docx in docxs if docx not in _CONVERTED]
    if todo:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            if os.environ.get("CI"):
                pytest.fail("soffice is not installed; .ci/run installs libreoffice-writer-nogui")
            pytest.skip("LibreOffice (soffice) is not installed")
        fonts = load_fonts()
        aliases = "\n".join(
            f'  <alias binding="same"><family>{role.docx_name}</family>'
            f'<prefer><family>{fonts.primary(name).family}</family></prefer></alias>'
            for name, role in FONT_ROLES.items())
        work.mkdir(parents=True, exist_ok=True)
        conf = work / "fonts.conf"
        conf.write_text(FONTS_CONF.format(fonts=fonts_dir(), cache=work / "fc-cache", aliases=aliases),
                        encoding="utf-8")
        env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(work)}
        out = work / "pdf"
        done = subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                               "--convert-to", "pdf", "--outdir", str(out), *map(str, todo)],
                              env=env, capture_output=True, text=True, timeout=300)
        for docx in todo:
            pdf = out / (docx.stem + ".pdf")
            assert done.returncode == 0 and pdf.is_file(), done.stderr
            _CONVERTED[docx] = pdf
    return [_CONVERTED[docx] for docx in docxs]
