"""Put classified, summarized articles together into an Issue.

Sections come in the fixed order of the configuration; an empty one is left out, or printed
with 本期暂无 when `empty_sections = "placeholder"`. Within a section, items go by relevance
(classification score, ties in arrival order) up to `max_items_per_section`; an article that
does not fit, or has no whole sentence to summarize, is recorded as dropped with the reason.
Duplicates were merged upstream (dedup.py): one item carries all their sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import (
    Article,
    ArticleRecord,
    Classification,
    Distribution,
    Issue,
    IssueSection,
    Item,
    Masthead,
    SectionSpec,
    Skipped,
)
from .titles import item_title, title_origin

if TYPE_CHECKING:
    from ..config import EditorialSettings


def compose(
    *,
    briefing: str,
    edition: str,
    masthead: Masthead,
    sections: list[SectionSpec],
    articles: list[Article],
    classifications: dict[str, Classification],
    summaries: dict[str, str],
    titles: dict[str, str],
    merged: dict[str, str],
    all_articles: list[Article],
    distribution: Distribution,
    skipped: list[Skipped],
    settings: EditorialSettings,
    contents: bool,
) -> Issue:
    max_items, empty_sections = settings.max_items_per_section, settings.empty_sections
    issue_sections = []
    used: set[str] = set()
    dropped: dict[str, str] = {}
    for section in sections:
        members = [a for a in articles if classifications[a.id].section == section.id]
        ranked = sorted(members, key=lambda a: -classifications[a.id].score)  # stable: ties keep arrival order
        items = []
        for article in ranked:
            if not summaries.get(article.id):
                dropped[article.id] = "no complete sentence to summarize"
                continue
            if len(items) >= max_items:
                dropped[article.id] = f"section {section.id} is full ({max_items} items)"
                continue
            items.append(Item(
                article_id=article.id,
                title=titles[article.id],
                summary=summaries[article.id],
                sources=article.sources,
                outlets=article.outlets or ((article.outlet,) if article.outlet else ()),
                score=classifications[article.id].score,
                title_from=title_origin(article),
            ))
            used.add(article.id)
        if items or empty_sections == "placeholder":
            issue_sections.append(IssueSection(section.id, section.title, tuple(items)))
    records = tuple(_record(a, classifications, merged, used, dropped, titles, settings.title_max_chars)
                    for a in all_articles)
    return Issue(
        briefing=briefing,
        edition=edition,
        masthead=masthead,
        sections=tuple(issue_sections),
        distribution=distribution,
        articles=records,
        skipped=tuple(skipped),
        contents=contents,
    )


def _record(article: Article, classifications: dict[str, Classification], merged: dict[str, str],
            used: set[str], dropped: dict[str, str], titles: dict[str, str], title_cap: int) -> ArticleRecord:
    # the title an editor sees in the manifest: the item's, or for an article left out the one
    # it would have had (a page without a headline gets one written from its lead, as items do)
    title = titles.get(article.id) or item_title(article, title_cap)
    origin = dict(title_from=title_origin(article))
    if article.id in merged:
        target = merged[article.id]
        c = classifications.get(target)
        return ArticleRecord(article.id, title, article.source, c.section if c else None,
                             "duplicate", f"same story as {target}", merged_into=target, **origin)
    c = classifications[article.id]
    common = dict(score=c.score, runner_up=c.runner_up, terms=c.terms[:8], best_section=c.best_section, **origin)
    if c.section is None:
        return ArticleRecord(article.id, title, article.source, None, "off_topic", c.reason, **common)
    if article.id in dropped:
        return ArticleRecord(article.id, title, article.source, c.section, "dropped", dropped[article.id], **common)
    return ArticleRecord(article.id, title, article.source, c.section, "used", c.reason, **common)
