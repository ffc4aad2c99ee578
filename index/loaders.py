"""Turn files and web addresses into Articles: Markdown/text with a YAML front-matter block, JSON
and JSON lines, HTML pages (`index.html_pages`) and RSS/Atom feeds (`index.feeds`).

A bad file, line or item never stops the run: it is yielded as a `LoadProblem`
naming where it is and what is wrong, and the loader goes on with the rest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from core.errors import SourceError
from index.article_fields import LoadProblem, article_from_fields
from index.feeds import articles_from_feed, looks_like_feed
from index.fetch import DEFAULT_LIMITS, FetchLimits, fetch
from index.html_pages import article_from_html
from index.models import Article

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES
# A folder may hold any XML (sitemaps, exports); a feed file is read only when named itself.
FOLDER_SUFFIXES = tuple(suffix for suffix in SUPPORTED_SUFFIXES if suffix not in FEED_SUFFIXES)
MAX_FILE_BYTES = 50 * 1024 * 1024

_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def iter_articles(
    paths: Iterable[str | Path],
    *,
    default_source: str | None = None,
    fetch_limits: FetchLimits = DEFAULT_LIMITS,
) -> Iterator[Article | LoadProblem]:
    """Yield an Article or a LoadProblem for every article found under `paths`: files, folders,
    and http(s) addresses of pages or feeds (fetched within `fetch_limits`)."""
    for raw in paths:
        # Checked on the raw string: Path("https://x") would fold the "//" into one slash.
        # Any scheme goes to load_url, which says plainly that only http(s) is fetched.
        if isinstance(raw, str) and _ADDRESS.match(raw):
            yield from load_url(raw, default_source=default_source, fetch_limits=fetch_limits)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if _is_article_file(p))
            if not files:
                yield LoadProblem(str(path), f"no article files ({', '.join(FOLDER_SUFFIXES)}) in this folder")
            for file in files:
                yield from load_file(file, default_source=default_source, fetch_limits=fetch_limits)
        else:
            yield from load_file(path, default_source=default_source, fetch_limits=fetch_limits)


def load_url(
    url: str, *, default_source: str | None = None, fetch_limits: FetchLimits = DEFAULT_LIMITS
) -> Iterator[Article | LoadProblem]:
    """Yield the article of the page at `url`, or one per entry when it is an RSS/Atom feed."""
    # Imported here: both modules build their Articles with this module's article_from_fields.
    try:
        page = fetch(url, fetch_limits)
    except SourceError as exc:
        yield LoadProblem(url, exc.message)
        return
    named_as_feed = urlsplit(url).path.lower().endswith(FEED_SUFFIXES)
    if named_as_feed or looks_like_feed(page.content, page.content_type):
        content_type = page.content_type or "application/xml"
        if page.charset:
            content_type += f"; charset={page.charset}"
        yield from articles_from_feed(
            page.content, location=url, content_type=content_type, default_source=default_source, limits=fetch_limits
        )
    elif page.content_type and not _is_markup(page.content_type):
        yield LoadProblem(url, f"not an HTML page or a feed but {page.content_type}")
    else:
        yield _guard(url, lambda: article_from_html(page.decoded(), url=page.url, default_source=default_source))


def _is_markup(content_type: str) -> bool:
    # Servers label pages loosely (text/plain, application/xml), so anything textual is tried;
    # a PDF or an image is not, since its bytes would parse as a page of gibberish.
    return content_type.startswith("text/") or "html" in content_type or "xml" in content_type


def _is_article_file(path: Path) -> bool:
    # README files document a folder of articles; they are not articles themselves.
    hidden = any(part.startswith(".") for part in path.parts)
    return path.is_file() and path.suffix.lower() in FOLDER_SUFFIXES and not hidden and path.stem.upper() != "README"


def load_file(
    path: Path, *, default_source: str | None = None, fetch_limits: FetchLimits = DEFAULT_LIMITS
) -> Iterator[Article | LoadProblem]:
    """Yield the article(s) in one file, or a LoadProblem for each part that cannot be read.

    A feed file's entries link to pages on the web: those are fetched within `fetch_limits`."""
    location = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield LoadProblem(location, f"unsupported file type {suffix or '(none)'}; use {', '.join(SUPPORTED_SUFFIXES)}")
        return
    if suffix in HTML_SUFFIXES or suffix in FEED_SUFFIXES:
        yield from _load_web_file(path, suffix, default_source, fetch_limits)
        return
    try:
        text = _read_text(path)
    except SourceError as exc:
        yield LoadProblem(location, exc.message)
        return
    if suffix in JSONL_SUFFIXES:
        yield from _load_json_lines(text, location, default_source)
    elif suffix in JSON_SUFFIXES:
        yield from _load_json(text, location, default_source)
    else:
        yield _guard(location, lambda: parse_front_matter_text(text, default_source=default_source))


def _load_web_file(
    path: Path, suffix: str, default_source: str | None, fetch_limits: FetchLimits
) -> Iterator[Article | LoadProblem]:
    # Imported here: both modules build their Articles with this module's article_from_fields.
    location = str(path)
    try:
        # Bytes, not text: the page or feed names its own encoding and the parser honours it.
        data = _read_bytes(path)
    except SourceError as exc:
        yield LoadProblem(location, exc.message)
        return
    if suffix in FEED_SUFFIXES:
        yield from articles_from_feed(data, location=location, default_source=default_source, limits=fetch_limits)
    else:
        yield _guard(location, lambda: article_from_html(data, default_source=default_source))


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(f"file is {size} bytes, over the {MAX_FILE_BYTES}-byte limit")
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None


def _read_text(path: Path) -> str:
    data = _read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line})") from None


def _guard(location: str, build: Any) -> Article | LoadProblem:
    try:
        return build()
    except SourceError as exc:
        return LoadProblem(location, exc.message)
    except (ValueError, OverflowError, RecursionError) as exc:
        # Out-of-range dates, absurd numbers, pathological nesting: this item only, never the run.
        return LoadProblem(location, f"unreadable value: {type(exc).__name__}: {str(exc)[:120]}")


def _load_json(text: str, location: str, default_source: str | None) -> Iterator[Article | LoadProblem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield LoadProblem(f"{location}:{exc.lineno}", f"invalid JSON: {exc.msg}")
        return
    except (ValueError, RecursionError) as exc:
        yield LoadProblem(location, f"invalid JSON: {type(exc).__name__}")
        return
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items, start=1):
        where = f"{location}#{index}" if isinstance(data, list) else location
        yield _guard(where, lambda item=item: article_from_fields(item, default_source=default_source))


def _load_json_lines(text: str, location: str, default_source: str | None) -> Iterator[Article | LoadProblem]:
    # Only "\n" ends a line: U+2028 and friends are legal inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{location}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield LoadProblem(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:
            yield LoadProblem(where, f"invalid JSON: {type(exc).__name__}")
            continue
        yield _guard(where, lambda item=item: article_from_fields(item, default_source=default_source))


def parse_front_matter_text(text: str, *, default_source: str | None = None) -> Article:
    """Parse Markdown/text with an optional `---` YAML block; without one the first line is the title."""
    text = text.replace("\r\n", "\n")
    fields: dict[str, Any] = {}
    body = text
    if text.startswith("---\n"):
        end = re.search(r"^---[ \t]*$", text[4:], flags=re.MULTILINE)
        if end is None:
            raise SourceError("front matter starts with '---' on line 1 but has no closing '---' line")
        header = text[4 : 4 + end.start()]
        body = text[4 + end.end() :]
        try:
            loaded = yaml.safe_load(header)
        except ValueError as exc:
            raise SourceError(f"front matter has an impossible value: {str(exc)[:120]}") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" on line {mark.line + 2}" if mark is not None else ""
            raise SourceError(f"front matter is not valid YAML{line}: {getattr(exc, 'problem', None) or exc}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise SourceError("front matter must be a mapping of keys (title:, source:, url:, ...)")
        fields = dict(loaded or {})
    else:
        lines = body.strip().split("\n", 1)
        fields["title"] = lines[0].lstrip("#").strip()
        body = lines[1] if len(lines) > 1 else ""
    fields.setdefault("body", body)
    return article_from_fields(fields, default_source=default_source)
