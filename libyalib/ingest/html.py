"""Main text and metadata of a saved web page, through trafilatura (offline: no page is fetched)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Page:
    """What trafilatura finds in one HTML page."""

    title: str
    author: str
    date: str
    url: str
    sitename: str
    lines: list[str]


def extract_page(html: str) -> Page | None:
    """Extract the article from ``html``; ``None`` when the page holds no main text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = meta.get("text") or ""
    if not text.strip():
        return None
    return Page(
        title=(meta.get("title") or "").strip(),
        author=(meta.get("author") or "").strip(),
        date=(meta.get("date") or "").strip(),
        url=(meta.get("url") or "").strip(),
        sitename=(meta.get("sitename") or "").strip(),
        lines=text.split("\n"),
    )
