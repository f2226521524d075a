"""Issue -> PDF: Jinja2 HTML and CSS from templates/, laid out by WeasyPrint.

Page geometry, running page numbers and every size come from the CSS template, which is filled
from render.layout. Fonts are the bundled (or operator) files, cut to the issue's characters.
Nothing outside templates/, the font folders and our own temporary subset folder is read:
the URL fetcher refuses every other URL, including file:// paths and the network.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..model import Issue
from ..resources import templates_dir
from .content import (
    CONTENTS_HEADING,
    contents_entries,
    copies_line,
    distribution_lines,
    issue_characters,
    source_line,
)
from .fonts import FontSet, subset_font
from .layout import FONT_ROLES, LAYOUT, STYLES, section_prefix, styles_for

if TYPE_CHECKING:
    from ..config import RenderSettings

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


class RenderError(Exception):
    pass


@dataclass(frozen=True)
class FontFace:
    family: str
    url: str


class ConfinedFetcher(URLFetcher):
    """Serves file:// URLs under the given folders only; refuses everything else."""

    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols={"file"}, fail_on_errors=False)
        self._roots = [root.resolve() for root in roots]

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if not url.startswith("file://"):
            raise ValueError(f"refused to fetch {url}: briefing renders from local templates and fonts only")
        from urllib.parse import unquote, urlsplit

        path = Path(unquote(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(root) for root in self._roots):
            raise ValueError(f"refused to read {path}: outside templates/ and fonts/")
        return URLFetcherResponse(url, body=path.read_bytes())


def render_pdf(issue: Issue, target: Path, fonts: FontSet, work_dir: Path,
               settings: RenderSettings | None = None) -> Path:
    styles = styles_for(settings.item_title if settings else "subheading")
    faces, families = _prepare_fonts(issue, fonts, work_dir / "fonts")
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=lambda name: bool(name) and name.endswith(".html.j2"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    css = env.get_template("briefing.css.j2").render(
        font_faces=faces,
        families=families,
        layout=LAYOUT,
        styles={k: asdict(v) for k, v in styles.items()},
        css_styles={cls: styles[key] for cls, key in CSS_CLASSES.items()},
        letter_spacing_pt=round(LAYOUT.char_pitch_pt - STYLES["body"].size_pt, 3),
        page_number_box=_page_number_box(families["number"]),
    )
    html = env.get_template("briefing.html.j2").render(
        issue=issue,
        masthead=issue.masthead,
        css=css,
        contents_heading=CONTENTS_HEADING,
        contents_entries=contents_entries(issue) if issue.contents else [],
        sections=[
            {
                "id": s.id,
                "title": s.title,
                "prefix": section_prefix(k),
                "items": [
                    {"title": i.title, "summary": i.summary, "source_line": source_line(i)} for i in s.items
                ],
            }
            for k, s in enumerate(issue.sections)
        ],
        distribution_lines=distribution_lines(issue.distribution),
        copies_line=copies_line(issue.distribution),
    )
    roots = [templates_dir(), work_dir / "fonts"]
    try:
        document = HTML(string=html, base_url=str(templates_dir()), url_fetcher=ConfinedFetcher(roots))
        document.write_pdf(target)
    except OSError as exc:
        raise RenderError(f"{target}: cannot write the PDF ({exc.strerror or exc})")
    return target


def _prepare_fonts(issue: Issue, fonts: FontSet, folder: Path) -> tuple[list[FontFace], dict[str, str]]:
    """Subset every font once to the issue's characters; CSS family lists per role."""
    folder.mkdir(parents=True, exist_ok=True)
    characters = issue_characters(issue)
    subsets: dict[Path, FontFace] = {}
    for index, font in enumerate(fonts.all_files()):
        target = folder / f"font-{index}.ttf"
        subset_font(font, characters, target)
        subsets[font.path] = FontFace(f"briefing-font-{index}", target.resolve().as_uri())
    families = {}
    last_resort = [f'"{face.family}"' for face in subsets.values()]
    for role in FONT_ROLES:
        chain = [f'"{subsets[font.path].family}"' for font in fonts.chains[role]]
        families[role] = ", ".join(dict.fromkeys(chain + last_resort))
    return list(subsets.values()), families


def _page_number_box(family: str) -> str:
    style = STYLES["page_number"]
    return (f"font-family: {family}; font-size: {style.size_pt}pt; vertical-align: top; "
            f"padding-top: {LAYOUT.page_number_gap_mm}mm;")
