"""An answer (the API's JSON shape) put into a reader's words: source cards, plain sentences, no codes.

The page renders server-side from `Answer.to_dict()` and the browser's script sends the same dict
(the final `answer` event of the stream) back to be rendered by the same template, so there is one
presentation of an answer. Input may come from a browser, so every field is read defensively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from qa.citations import parse_marks

# The API names these two fields; kept here so a rename touches one place.
ANSWERER_FIELD = ("answerer", "mode")
EXTRACTIVE = "extractive"

REFUSALS = {
    "no_passages": "No article in the collection answers this.",
    "low_relevance": "No article in the collection answers this.",
    "model_declined": "The articles found do not answer this.",
    "no_supported_claims": "No answer could be checked against the articles, so none is given.",
}
REFUSAL_HINTS = {
    "low_relevance": "The closest articles are listed below, so you can see what was searched.",
    "no_supported_claims": "The articles found are listed below; try asking more narrowly.",
}


@dataclass(frozen=True)
class Excerpt:
    """One passage of an article: the quotes the answer used, and the passage cut into marked pieces."""

    quotes: tuple[str, ...]
    pieces: tuple[tuple[str, bool], ...]


@dataclass
class Card:
    """One article behind an answer: `number` is what its marks in the text read."""

    number: int
    title: str
    url: str | None
    source: str
    date: str | None
    also_in: list[dict[str, Any]] = field(default_factory=list)
    excerpts: list[Excerpt] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)


def text(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


def http_url(url: object) -> str | None:
    """The URL if it is http(s), else None: a javascript: or data: link is never rendered."""
    if isinstance(url, str) and re.match(r"^https?://[^\s]+$", url, flags=re.IGNORECASE):
        return url
    return None


def day(value: object) -> str | None:
    """The date part of an ISO 8601 time, for a reader."""
    return value[:10] if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value) else None


def answerer(answer: dict[str, Any]) -> str:
    return next((text(answer[k]) for k in ANSWERER_FIELD if k in answer), "")


def dicts(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, (list, tuple)) else []


def cards(answer: dict[str, Any]) -> tuple[list[Card], dict[int, int]]:
    """One card per cited article, numbered in the order the text first cites them; and passage n -> card number."""
    citations = {c["n"]: c for c in dicts(answer.get("citations")) if isinstance(c.get("n"), int)}
    order = [n for _, _, ns in parse_marks(text(answer.get("answer"))) for n in ns if n in citations]
    order += sorted(citations)
    by_article: dict[str, Card] = {}
    numbers: dict[int, int] = {}
    for n in dict.fromkeys(order):
        c = citations[n]
        key = text(c.get("article_id")) or f"n{n}"
        card = by_article.get(key)
        if card is None:
            card = Card(len(by_article) + 1, text(c.get("title"), "Untitled"), http_url(c.get("url")),
                        text(c.get("source")), day(c.get("published_at")), dicts(c.get("also_in")))
            by_article[key] = card
        card.excerpts.append(excerpt(c))
        if isinstance(c.get("score"), (int, float)):
            card.scores.append(float(c["score"]))
        numbers[n] = card.number
    return list(by_article.values()), numbers


def excerpt(citation: dict[str, Any]) -> Excerpt:
    """The passage with every quote the answer used marked (falling back to the one `quote`)."""
    passage = text(citation.get("passage"))
    spans = []
    for q in dicts(citation.get("quotes")):
        start, end = q.get("start"), q.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(passage):
            spans.append((start, end))
    quote = text(citation.get("quote"))
    if not spans and quote and (at := passage.find(quote)) >= 0:
        spans.append((at, at + len(quote)))
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in sorted(spans):
        start = max(start, cursor)
        if start >= end:
            continue
        pieces += [(passage[cursor:start], False), (passage[start:end], True)]
        cursor = end
    pieces.append((passage[cursor:], False))
    quotes = tuple(passage[s:e] for s, e in sorted(spans)) or ((quote,) if quote else ())
    return Excerpt(quotes, tuple(p for p in pieces if p[0]))


def linked_marks(claim: str, numbers: dict[int, int], prefix: str) -> Markup:
    """Claim text, escaped, with each valid [n] a link to its article's card (repeats of one card merged)."""
    out: list[str] = []
    cursor = 0
    last: int | None = None
    for start, end, ns in parse_marks(claim):
        between = claim[cursor:start]
        out.append(str(escape(between)))
        if between.strip():
            last = None
        for k in dict.fromkeys(numbers[n] for n in ns if n in numbers):
            if k != last:  # "[1][2]" naming two passages of one article reads "[1]" once
                out.append(f'<a class="mark" data-testid="citation" href="#{prefix}source-{k}">[{k}]</a>')
            last = k
        cursor = end
    out.append(str(escape(claim[cursor:])))
    # Safe: every piece of text was escaped; the links hold only integers and our own prefix.
    return Markup("".join(out))


def seconds(answer: dict[str, Any]) -> str:
    timings = answer.get("timings_ms") if isinstance(answer.get("timings_ms"), dict) else {}
    total = timings.get("total") if isinstance(timings.get("total"), (int, float)) else 0.0
    return f"{total / 1000:.1f} s"


def how_made(answer: dict[str, Any], n_articles: int) -> str:
    """"Quoted from 2 articles (no language model) · 0.2 s" and the like."""
    articles = f"{n_articles} article{'' if n_articles == 1 else 's'}"
    if answerer(answer) == EXTRACTIVE:
        return f"Quoted from {articles} (no language model) · {seconds(answer)}"
    return f"Written by a language model from {articles}, each claim checked against them · {seconds(answer)}"


def searched(answer: dict[str, Any], outlet_names: str = "all outlets") -> str:
    """What the search covered: "searched The Ledger Daily, after 2023-03-01"."""
    search = answer.get("search") if isinstance(answer.get("search"), dict) else {}
    filters = search.get("filters") if isinstance(search.get("filters"), dict) else {}
    outlets = [s for s in filters.get("source") or [] if isinstance(s, str)]
    words = [f"searched {', '.join(outlets) if outlets else outlet_names}"]
    if after := day(filters.get("published_after")):
        words.append(f"after {after}")
    if before := day(filters.get("published_before")):
        words.append(f"before {before}")
    return ", ".join(words)


def refusal(answer: dict[str, Any]) -> tuple[str, str]:
    """The plain sentence for a refusal, and a hint (empty for none)."""
    reason = text(answer.get("refusal_reason"))
    headline = REFUSALS.get(reason, "No answer could be given from the articles.")
    if reason == "no_passages":
        return headline, text(answer.get("answer"))
    return headline, REFUSAL_HINTS.get(reason, "")


def searched_articles(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """The passages a refusal searched, one per article: title, http(s) link, outlet, date."""
    seen: dict[str, dict[str, Any]] = {}
    for p in dicts(answer.get("passages")):
        key = text(p.get("article_id")) or text(p.get("chunk_id"))
        if key not in seen:
            seen[key] = {"title": text(p.get("title"), "Untitled"), "url": http_url(p.get("url")),
                         "source": text(p.get("source")), "date": day(p.get("published_at")), "score": p.get("score")}
    return list(seen.values())


ERROR_WORDS = {
    "store_unavailable": "The article collection cannot be reached right now. Please try again in a minute.",
    "embedder_mismatch": "The article collection was built with another search model, so it cannot be searched.",
    "model_timeout": "The language model took too long to answer. Please try again.",
    "model_rate_limited": "The language model is busy. Please try again in a minute.",
    "model_unavailable": "The language model cannot be reached right now. Please try again in a minute.",
    "model_auth_failed": "The language model refused this service's key; an administrator needs to fix it.",
    "model_error": "The language model gave an answer that could not be read. Please try again.",
    "busy": "Newsdesk is busy. Please try again in a minute.",
    "warming_up": "Newsdesk is still starting. Please try again in a minute.",
}


def error_words(code: str, status: int, message: str) -> str:
    """What a reader is told about an error: our own words for a bad question, never a library's text."""
    if code in ERROR_WORDS:
        return ERROR_WORDS[code]
    if status < 500 and message:
        return message
    if code.startswith("model_"):
        return ERROR_WORDS["model_error"]
    return "Something went wrong on our side. Please try again; if it keeps happening, tell the people who run Newsdesk."
