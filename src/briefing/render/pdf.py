"""Issue -> PDF: Jinja2 HTML and CSS from templates/, laid out by WeasyPrint.

Page geometry, running page numbers and every size come from the CSS template, which is filled
from render.layout. Fonts are the bundled (or operator) files, cut to the issue's characters.
Nothing outside templates/, the font folders and our own temporary subset folder is read:
the URL fetcher refuses every other URL, including file:// paths and the network.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from functools import lru_cache
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..errors import RenderError
from ..model import Issue
from ..resources import templates_dir
from .content import (
    CONTENTS_HEADING,
    PLACEHOLDER,
    characters_by_role,
    contents_entries,
    copies_line,
    distribution_lines,
    source_line,
)
from .fonts import FontSet, plan_fonts, subset_font, vertical_metrics
from .lines import SPACING_DIGITS, Measurer, set_paragraph
from .layout import (
    BASELINE_FRACTION,
    CONTENTS_SPACE_AFTER_LINES,
    FONT_ROLES,
    GRID_SPACING_PT,
    LAYOUT,
    PT_PER_MM,
    PdfOptions,
    TextStyle,
    baseline_pt,
    letter_spacing_pt,
    line_height_pt,
    page_number_baseline_below_text_mm,
    section_prefix,
    styles_for,
    tail_line_height_pt,
)

CSS_CLASSES = {
    "masthead-title": "masthead",
    "issue-number": "issue_number",
    "issuer-line": "issuer_line",
    "contents-heading": "contents_heading",
    "contents-entry": "contents_entry",
    "section-heading": "section_heading",
    "item-title": "item_title",
    "body": "body",
    "source": "source",
    "distribution-line": "distribution",
}


@dataclass(frozen=True)
class FontFace:
    family: str
    url: str


def ConfinedFetcher(roots: list[Path]):  # noqa: N802 - a class, built once WeasyPrint is imported
    """A URL fetcher serving file:// URLs under the given folders only, refusing all else."""
    return _confined_fetcher_class()(roots)


@lru_cache(maxsize=1)
def _confined_fetcher_class():
    urls = _weasyprint().urls

    class Confined(urls.URLFetcher):
        def __init__(self, roots: list[Path]):
            super().__init__(allowed_protocols={"file"}, fail_on_errors=False)
            self._roots = [root.resolve() for root in roots]

        def fetch(self, url: str, headers: dict | None = None):
            if not url.startswith("file://"):
                raise ValueError(f"refused to fetch {url}: briefing renders from local templates and fonts only")
            path = Path(unquote(urlsplit(url).path)).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"refused to read {path}: outside templates/ and fonts/")
            return urls.URLFetcherResponse(url, body=path.read_bytes())

    return Confined


def render_pdf(issue: Issue, target: Path, fonts: FontSet, work_dir: Path,
               options: PdfOptions | None = None, created: datetime | None = None) -> Path:
    options = options or PdfOptions()
    styles = styles_for(options.item_title)
    faces, families = _prepare_fonts(issue, fonts, styles, work_dir / "fonts")
    env = _templates()
    measurer = Measurer([f.path for f in fonts.chains[styles["body"].role]], styles["body"].size_pt)
    classes = LineClasses(round(GRID_SPACING_PT, SPACING_DIGITS))  # what set_paragraph gives a line it does not stretch

    def set_body(text: str) -> dict:
        lines = set_paragraph(text, measurer, LAYOUT.text_width_pt, GRID_SPACING_PT,
                              indent_pt=styles["body"].indent_chars * LAYOUT.char_pitch_pt)
        return {"indent": classes.indent(lines[0].indent_pt if lines else 0.0),
                "lines": [{"text": line.text, "spacing": classes.spacing(line.letter_spacing_pt)} for line in lines]}

    sections = [
        {
            "id": s.id,
            "title": s.title,
            "prefix": section_prefix(k),
            "items": [
                {"title": i.title, "paragraphs": [set_body(p) for p in i.paragraphs],
                 "source_line": source_line(i)}
                for i in s.items
            ],
        }
        for k, s in enumerate(issue.sections)
    ]
    css = env.get_template("briefing.css.j2").render(
        font_faces=faces,
        families=families,
        layout=LAYOUT,
        styles={k: asdict(v) for k, v in styles.items()},
        css_styles={cls: _css_style(styles[key], fonts) for cls, key in CSS_CLASSES.items() if key != "distribution"},
        tail_style=_css_style(styles["distribution"], fonts),
        contents_space_after_pt=CONTENTS_SPACE_AFTER_LINES * LAYOUT.line_pitch_pt,
        page_number_box=_page_number_box(families["number"], styles["page_number"], fonts),
        set_lines=classes.rules(),
    )
    html = env.get_template("briefing.html.j2").render(
        issue=issue,
        masthead=issue.masthead,
        # W3C dates with a time need a zone, or WeasyPrint drops the creation date
        created=(created or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        css=css,
        contents_heading=CONTENTS_HEADING,
        placeholder=PLACEHOLDER,
        contents_entries=contents_entries(issue) if issue.contents else [],
        sections=sections,
        tail_lines=_tail_lines(issue, styles["distribution"], fonts),
    )
    HTML = _weasyprint().HTML
    write_options = {"full_fonts": True}  # fonts are already cut to exactly what each one draws
    if options.pdf_variant:
        write_options["pdf_variant"] = options.pdf_variant
    roots = [templates_dir(), work_dir / "fonts"]
    try:
        document = _layout(HTML, html, roots, work_dir)
        if _only_the_tail_on_last_page(document):
            # A page holding nothing but the 报尾 carries no page number (GB/T 9704 practice);
            # lay out again with that page's number removed (the layout itself does not change).
            page = len(document.pages)
            html = html.replace("</style>", f"@page :nth({page}) {{ @bottom-right {{ content: none; }} "
                                            f"@bottom-left {{ content: none; }} }}\n</style>", 1)
            document = _layout(HTML, html, roots, work_dir)
        document.write_pdf(target, **write_options)
    except OSError as exc:
        raise RenderError(f"{target}: cannot write the PDF ({exc.strerror or exc})")
    return target


class LineClasses:
    """CSS classes for the body's set lines: one per distinct letter-spacing, one per first-line indent.

    Each paragraph is one element with its lines in it, a forced break between them
    (white-space: pre). A line keeps the paragraph's letter-spacing, the grid's (most lines of
    plain Chinese, and every paragraph's last line), or is a span of the class of its own
    spacing, exactly as render/lines.py worked it out. Given as inline styles on an element a
    line, each of a big issue's hundreds of lines would be a block of its own with its own
    style for WeasyPrint to cascade, compute and lay out; this way WeasyPrint lays out line
    boxes of one block per paragraph and computes each class's style once (it shares computed
    styles between elements of the same parent style and matching rules). The numbers are the
    ones the inline styles had, so the PDF is the same."""

    def __init__(self, base_spacing_pt: float) -> None:
        self.base_spacing_pt = base_spacing_pt
        self._spacings: dict[float, str] = {}
        self._indents: dict[float, str] = {}

    def spacing(self, letter_spacing_pt: float) -> str:
        """The class of a line of this spacing; "" for the paragraph's own (no span)."""
        if letter_spacing_pt == self.base_spacing_pt:
            return ""
        return self._spacings.setdefault(letter_spacing_pt, f"s{len(self._spacings)}")

    def indent(self, indent_pt: float) -> str:
        if not indent_pt:
            return ""
        return self._indents.setdefault(indent_pt, f"i{len(self._indents)}")

    def rules(self) -> dict:
        return {"letter_spacing_pt": self.base_spacing_pt,
                "spacings": [{"name": name, "letter_spacing_pt": value} for value, name in self._spacings.items()],
                "indents": [{"name": name, "indent_pt": value} for value, name in self._indents.items()]}


def rehearse() -> None:
    """Lay out and write a two-character PDF in a bundled font, then throw it away.

    WeasyPrint's first PDF in a process pays for things the next ones do not: cffi parses the
    C types it creates, fontTools builds its glyph-name table, fontconfig and Pango set up,
    modules load on first use — about 80 ms of the sample issue's PDF. A worker rehearses
    (in 45 ms) while its build is still reading and editing the articles, so the real issue
    is laid out at nearly the warm cost."""
    import tempfile

    from .fonts import load_fonts

    with tempfile.TemporaryDirectory(prefix="briefing-rehearsal-") as scratch:
        folder = Path(scratch).resolve()
        font = subset_font(load_fonts().primary("body"), set("预演"), folder / "rehearsal.ttf")
        html = (f'<html><head><style>@font-face {{ font-family: "rehearsal"; src: url("{font.as_uri()}"); }} '
                'html { font-family: "rehearsal"; }</style></head><body><p>预演</p></body></html>')
        document = _layout(_weasyprint().HTML, html, [folder], folder)
        document.write_pdf(folder / "rehearsal.pdf", full_fonts=True)


@lru_cache(maxsize=1)
def _templates() -> Environment:
    """The templates, compiled once per process (a service renders many issues)."""
    return Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=lambda name: bool(name) and name.endswith(".html.j2"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _layout(HTML, html: str, roots: list[Path], work_dir: Path):
    return HTML(string=html, base_url=str(templates_dir()), url_fetcher=ConfinedFetcher(roots)).render(
        font_config=_bundled_fonts_only(work_dir))


def _bundled_fonts_only(work_dir: Path):
    """A font configuration that knows no system font: Pango can only fall back to the
    @font-face fonts (bundled or operator), so nothing is ever drawn, or embedded, from the
    machine's own fonts. (A character no font has prints as the bundled font's box and is
    named in a warning.)"""
    import os

    work_dir = work_dir.resolve()  # fontconfig reads a relative path against /etc/fonts
    conf = work_dir / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
                    f"<fontconfig><cachedir>{escape(str(work_dir / 'fc-cache'))}</cachedir></fontconfig>\n",
                    encoding="utf-8")
    previous = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(conf)  # read once, when the configuration is created
    try:
        return _weasyprint().text.fonts.FontConfiguration()
    finally:
        if previous is None:
            del os.environ["FONTCONFIG_FILE"]
        else:
            os.environ["FONTCONFIG_FILE"] = previous


def _only_the_tail_on_last_page(document) -> bool:
    """True when the last page's only content is the 报尾 (the footnote area)."""
    if len(document.pages) < 2:
        return False
    found = {"tail": False, "text": False}

    def walk(box, in_tail: bool) -> None:
        element = getattr(box, "element", None)
        classes = (element.get("class") or "") if element is not None else ""
        in_tail = in_tail or "distribution" in classes.split()
        if type(box).__name__ == "TextBox" and box.text.strip():
            found["tail" if in_tail else "text"] = True
        for child in getattr(box, "children", []):
            walk(child, in_tail)

    page_box = document.pages[-1]._page_box
    for child in page_box.children:
        if type(child).__name__ != "MarginBox":  # page numbers live in margin boxes
            walk(child, False)
    return found["tail"] and not found["text"]


def _prepare_fonts(issue: Issue, fonts: FontSet, styles: dict, folder: Path) -> tuple[list[FontFace], dict[str, str]]:
    """Cut each font to the characters it will draw; CSS family lists per role."""
    folder.mkdir(parents=True, exist_ok=True)
    plan = plan_fonts(fonts, characters_by_role(issue, styles))
    faces: dict[Path, FontFace] = {}
    for index, font in enumerate(fonts.all_files()):
        if font.path not in plan.draws:
            continue
        target = folder / f"font-{index}.ttf"
        subset_font(font, plan.draws[font.path], target)
        # the family name shows in the PDF's font list: say what it is and which role it plays
        faces[font.path] = FontFace(f"{font.family} {index}", target.resolve().as_uri())
    last_resort = [f'"{face.family}"' for face in faces.values()]
    families = {}
    for role in FONT_ROLES:
        chain = [f'"{faces[font.path].family}"' for font in fonts.chains[role] if font.path in faces]
        families[role] = ", ".join(dict.fromkeys(chain + last_resort))
    return list(faces.values()), families


def _css_baseline_pt(style: TextStyle, fonts: FontSet, height_pt: float | None = None) -> float:
    """Where CSS puts the baseline in a line of the style: half the leading above the font's
    ascender (the role's first font; the bundled fonts all share the same line metrics)."""
    ascender, descender = vertical_metrics(fonts.primary(style.role).path)
    leading = (height_pt or line_height_pt(style)) - (ascender + descender) * style.size_pt
    return leading / 2 + ascender * style.size_pt


def _tail_lines(issue: Issue, style: TextStyle, fonts: FontSet) -> list[dict]:
    """The 报尾 lines with the height and baseline shift of each (its rules included, one grid
    line), as the DOCX has them."""
    texts = [(f"{label}{names}", False) for label, names in distribution_lines(issue.distribution)]
    if copies := copies_line(issue.distribution):
        texts.append((copies, True))
    lines = []
    for k, (text, copies) in enumerate(texts):
        height = tail_line_height_pt(k, len(texts))
        shift = BASELINE_FRACTION * height - _css_baseline_pt(style, fonts, height)
        lines.append({"text": text, "copies": copies, "line_height_pt": round(height, 3),
                      "shift_pt": round(shift, 3)})
    return lines


def _css_style(style: TextStyle, fonts: FontSet) -> dict:
    return {
        **asdict(style),
        "line_height_pt": round(line_height_pt(style), 3),
        "space_after_pt": round(style.space_after_lines * LAYOUT.line_pitch_pt, 3),
        "letter_spacing_pt": letter_spacing_pt(style) or None,
        "baseline_shift_pt": round(baseline_pt(style) - _css_baseline_pt(style, fonts), 3),
    }


def _page_number_box(family: str, style: TextStyle, fonts: FontSet) -> str:
    """The margin box under the text area, its line placed so that the 一字线 lies
    page_number_gap_mm below the text area (GB/T 9704 7.5)."""
    padding = page_number_baseline_below_text_mm() * PT_PER_MM - _css_baseline_pt(style, fonts)
    return (f"font-family: {family}; font-size: {style.size_pt}pt; line-height: {line_height_pt(style):.3f}pt; "
            f"vertical-align: top; padding-top: {padding:.3f}pt;")


@lru_cache(maxsize=1)
def _weasyprint():
    """WeasyPrint, imported once, with pydyf deflating at level 6."""
    weasyprint = _import_weasyprint()
    _deflate_at_level_6()
    return weasyprint


def _import_weasyprint():
    """Import WeasyPrint with its C declarations prebuilt (render/pango_types.py: about 0.1 s), or
    else with a faster library lookup.

    WeasyPrint finds Pango, HarfBuzz and friends by trying six spellings of each library name,
    and cffi's in-line dlopen asks ctypes.util.find_library for each miss, which forks ldconfig
    and gcc: about a quarter of a second of a cold build. With the prebuilt declarations cffi's
    out-of-line dlopen asks the dynamic linker alone; without them, one `ldconfig -p` listing
    answers all of those lookups.
    """
    import threading

    from .pango_types import installed_declarations_match, prebuilt_declarations

    if installed_declarations_match():
        with prebuilt_declarations():  # the hook serves weasyprint.text.ffi alone, whatever thread imports
            import weasyprint
        return weasyprint
    # find_library is swapped for the whole process while WeasyPrint imports: only while no other
    # thread runs that could call it meanwhile (a service warms up before it starts any)
    if threading.active_count() > 1:
        import weasyprint
        return weasyprint
    return _import_weasyprint_finding_libraries()


def _import_weasyprint_finding_libraries():
    import ctypes.util

    original = ctypes.util.find_library
    listing = _ldconfig_listing()
    if listing is None:
        import weasyprint
        return weasyprint

    def find_library(name: str) -> str | None:
        for prefix in (f"lib{name}.so", f"{name}.so"):
            for soname in listing:
                if soname.startswith(prefix):
                    return soname
        return None

    ctypes.util.find_library = find_library
    try:
        import weasyprint
    finally:
        ctypes.util.find_library = original
    return weasyprint


DEFLATE_LEVEL = 6


def _deflate_at_level_6() -> None:
    """pydyf deflates every stream (the embedded fonts above all) at zlib's level 9, which costs
    twice level 6's time for 0.5 % less: 14 ms of a four-page issue, 45 ms of seventeen pages,
    for 1.2 kB. Its module's zlib is swapped for one whose compressobj works at level 6; the
    output is the same lossless deflate any PDF reader inflates, and nothing else changes."""
    import types
    import zlib

    import pydyf

    level6 = types.ModuleType("zlib at level 6")
    level6.__dict__.update({k: v for k, v in vars(zlib).items() if not k.startswith("__")})

    def compressobj(level: int = DEFLATE_LEVEL, *args, **kwargs):
        return zlib.compressobj(min(level, DEFLATE_LEVEL), *args, **kwargs)

    level6.compressobj = compressobj
    pydyf.zlib = level6


def _ldconfig_listing() -> list[str] | None:
    """Shared library names known to the dynamic linker, or None when ldconfig is unavailable."""
    import subprocess

    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig"):
        try:
            output = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=5).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        names = [line.split()[0] for line in output.splitlines()[1:] if line.strip()]
        if names:
            return sorted(names, key=lambda n: (len(n), n))
    return None
