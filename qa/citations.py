"""Citation checking: parse [n] marks, drop numbers that were never given, and quote the support.

Only passages that were actually retrieved can be cited: a mark naming any other
number is removed from the text and reported in the warnings, never linked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index import Embedder

from qa.models import Citation, Passage
from qa.sentences import split_sentences
from qa.vectors import cosine

# [3], [1, 2], [1; 2], [2-4] (also with an en dash); ranges wider than this are not citations.
_MARK = re.compile(r"\[\s*(\d{1,4}(?:\s*(?:[,;]|[-\u2013])\s*\d{1,4})*)\s*\]")
_MAX_RANGE = 20
_MARKS_AFTER_STOP = re.compile(r"([.!?])((?:[ \t]*\[\d{1,4}\])+)")


@dataclass(frozen=True)
class CheckedAnswer:
    text: str
    citations: tuple[Citation, ...]
    warnings: tuple[str, ...]


def parse_marks(text: str) -> list[tuple[int, int, list[int]]]:
    """Every citation mark as (start, end, numbers), numbers in the order written, ranges expanded."""
    marks = []
    for match in _MARK.finditer(text):
        numbers: list[int] = []
        for part in re.split(r"\s*[,;]\s*", match.group(1)):
            bounds = [int(x) for x in re.split(r"\s*[-\u2013]\s*", part)]
            if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] <= _MAX_RANGE:
                numbers.extend(range(bounds[0], bounds[1] + 1))
            else:
                numbers.extend(bounds)
        marks.append((match.start(), match.end(), numbers))
    return marks


def defuse_marks(text: str) -> str:
    """Article text with its own bracketed numbers made inert: "[2]" becomes "(2)", never a citation."""
    return _MARK.sub(lambda m: f"({m.group(1)})", text)


def strip_marks(text: str) -> str:
    """The text without its citation marks (what the claim itself says)."""
    return " ".join(_MARK.sub(" ", text).split())


def check_citations(text: str, passages: Sequence[Passage], embedder: Embedder) -> CheckedAnswer:
    """Keep marks that name a given passage, drop the rest, and find each cited passage's best quote."""
    by_number = {p.n: p for p in passages}
    invalid: list[int] = []
    cleaned_parts: list[str] = []
    cursor = 0
    for start, end, numbers in parse_marks(text):
        valid = [n for n in numbers if n in by_number]
        invalid.extend(n for n in numbers if n not in by_number)
        cleaned_parts.append(text[cursor:start])
        cleaned_parts.append("".join(f"[{n}]" for n in dict.fromkeys(valid)))
        cursor = end
    cleaned_parts.append(text[cursor:])
    cleaned = re.sub(r"[ \t]+([.,;:!?])", r"\1", "".join(cleaned_parts)).strip()
    # "Claim. [1]" becomes "Claim [1]." so the mark stays with the sentence it supports.
    cleaned = _MARKS_AFTER_STOP.sub(lambda m: f"{m.group(2).strip()}{m.group(1)}", cleaned)
    cleaned = re.sub(r"(\S)(\[\d)", r"\1 \2", cleaned)

    claims: dict[int, str] = {}
    for sentence in split_sentences(cleaned):
        for _, _, numbers in parse_marks(sentence.text):
            for n in numbers:
                claims.setdefault(n, strip_marks(sentence.text))
    citations = _quote_support(claims, by_number, embedder)

    warnings = []
    if invalid:
        given = f"1-{len(passages)}" if passages else "none"
        warnings.append(
            f"dropped citation(s) {', '.join(f'[{n}]' for n in dict.fromkeys(invalid))}: "
            f"no such passage (passages given: {given})"
        )
    if not citations:
        warnings.append("the answer cites no retrieved passage, so none of it can be checked")
    return CheckedAnswer(text=cleaned, citations=citations, warnings=tuple(warnings))


def _quote_support(claims: dict[int, str], by_number: dict[int, Passage], embedder: Embedder) -> tuple[Citation, ...]:
    """For each cited passage, its sentence closest in meaning to the claim that cites it."""
    if not claims:
        return ()
    candidates = {n: split_sentences(by_number[n].text) or [] for n in claims}
    texts = list(claims.values()) + [s.text for n in claims for s in candidates[n]]
    vectors = embedder.embed_documents(texts)
    claim_vectors = dict(zip(claims, vectors[: len(claims)]))
    cursor = len(claims)
    citations = []
    for n in claims:
        passage = by_number[n]
        sentences = candidates[n]
        sentence_vectors = vectors[cursor : cursor + len(sentences)]
        cursor += len(sentences)
        if sentences:
            best = max(range(len(sentences)), key=lambda i: cosine(claim_vectors[n], sentence_vectors[i]))
            quote, q_start, q_end = sentences[best].text, sentences[best].start, sentences[best].end
        else:
            quote, q_start, q_end = passage.text, 0, len(passage.text)
        citations.append(
            Citation(
                n=n,
                chunk_id=passage.chunk_id,
                article_id=passage.article_id,
                title=passage.title,
                url=passage.url,
                source=passage.source,
                published_at=passage.published_at,
                quote=quote,
                quote_start=passage.start + q_start,
                quote_end=passage.start + q_end,
                passage=passage.text,
                score=passage.score,
            )
        )
    return tuple(sorted(citations, key=lambda c: c.n))

