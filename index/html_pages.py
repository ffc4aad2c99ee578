"""Turn an HTML page into an Article: trafilatura finds the main text and the metadata."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
from trafilatura import bare_extraction, load_html

from core.errors import SourceError
from index.article_fields import article_from_fields, parse_date
from index.fetch import is_web_address
from index.models import Article

# htmldate (trafilatura's date finder) settings: the first publication rather than the last edit,
# with time and offset kept; the page's own date tags before a date in its URL path, which has
# no time of day. No extensive search: it takes any date in the text, which in news is usually
# the date of the events reported, not of the report.
_DATE_SEARCH = {
    "original_date": True,
    "deferred_url_extractor": True,
    "extensive_search": False,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "section", "article",
    "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
)  # fmt: skip


def article_from_html(
    html: str | bytes,
    *,
    url: str | None = None,
    default_source: str | None = None,
    fallback: Mapping[str, Any] | None = None,
) -> Article:
    """Extract the article in an HTML page that came from `url` (None for a file on disk).

    Its URL is the page's canonical link when there is one, else `url`; its source is
    `default_source`, else the site name the page declares, else `fallback["source"]`, else the
    host. Other `fallback` fields (title, published_at, authors) fill in what the page does not say.
    Raises SourceError when the page holds no article text.
    """
    try:
        tree = load_html(html)
        if tree is None:
            raise SourceError("not an HTML page")
        address = _canonical_link(tree, url) or url
        document = bare_extraction(
            tree,
            url=address,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            date_extraction_params=dict(_DATE_SEARCH),
        )
    except lxml.etree.LxmlError as exc:
        raise SourceError(f"cannot parse the page: {str(exc)[:120]}") from None
    if document is None or not (document.text or "").strip():
        raise SourceError("no article text found in the page")
    title = " ".join((document.title or "").split())
    found = {
        "title": title,
        "published_at": _date_or_none(document.date),
        "authors": [name.strip() for name in (document.author or "").split(";") if name.strip()],
    }
    fields: dict[str, Any] = dict(fallback or {})
    fields.update({key: value for key, value in found.items() if value})
    fields["body"] = _paragraphs(document.text, title)
    fields["url"] = address
    fields["source"] = default_source or _declared_sitename(document.sitename, address) or fields.get("source")
    return article_from_fields(fields, default_source=default_source)


def fragment_text(fragment: str) -> str:
    """The readable text of an HTML fragment (a feed entry's summary), a blank line between blocks."""
    if not fragment.strip():
        return ""
    try:
        # Parsed as a whole document: lxml's fragment parser refuses stray <html> or <body> tags.
        root = lxml.html.document_fromstring(fragment)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in root.xpath(".//script | .//style"):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return "\n\n".join(line for line in (" ".join(part.split()) for part in root.text_content().split("\n")) if line)


def _canonical_link(tree: lxml.html.HtmlElement, base: str | None) -> str | None:
    for link in tree.iterfind(".//link[@href]"):
        if "canonical" not in (link.get("rel") or "").lower().split():
            continue
        href = urljoin(base or "", link.get("href", "").strip())
        parts = urlsplit(href)
        if not is_web_address(href) or not parts.hostname:
            return None
        # Some sites point every page's canonical link at their home page; taking it would give
        # every story the same id, so a story's own address wins over a bare site root.
        if base and parts.path in ("", "/") and urlsplit(base).path not in ("", "/"):
            return None
        return href
    return None


def _declared_sitename(sitename: str | None, address: str | None) -> str | None:
    # When a page names no site, trafilatura offers the address's host (less "www."); that guess
    # must not outrank a feed's title, so only a name the page itself gave counts.
    if not sitename:
        return None
    host = urlsplit(address).netloc.lower() if address else ""
    name = sitename.lower()
    return None if host == name or host.endswith("." + name) else sitename


def _paragraphs(text: str, title: str) -> str:
    # trafilatura keeps the headline as the first line; the title is stored apart. Paragraphs are
    # a blank line apart, as in the other loaders, so the chunker splits between them first.
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if lines and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(lines)


def _date_or_none(value: str | None) -> datetime | None:
    # A date htmldate found but that does not parse costs the date, not the article.
    try:
        return parse_date(value)
    except SourceError:
        return None
