"""Shaping ranked chunks into passages a reader can use.

- at most `max_per_article` passages of one article; a retrieved chunk next to one already
  chosen joins it (up to three chunks), so the text around a hit comes along;
- near-duplicates (one wire story run by two outlets) become one passage that keeps every
  outlet in `also_in`; of two copies that differ only by an edit the newest supplies the text,
  since a later copy of a story is usually the corrected one, but a copy trimmed from the other
  never replaces the better-ranked fuller one (it would drop the facts it cut), and a fuller copy
  ranked below a trimmed one is no duplicate of it when what it adds states a figure or a name
  the trimmed one lacks ("about 140,000 homes" where the wire copy says "thousands").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from index.sentences import split_sentences
from index.store import StoredChunk

from qa.models import Passage
from qa.words import STOPWORDS, numbers

MAX_CHUNKS_PER_PASSAGE = 3
_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+")
# A sentence a copy adds is its own when at least this many of its word 3-grams, and most of
# them, are not in the other copy: a byline or a dateline ("By Jane Doe.", "LONDON (Wire) -") is not.
OWN_SENTENCE_SHINGLES = 6


@dataclass
class Candidate:
    chunk: StoredChunk
    dense: float | None = None
    dense_rank: int | None = None
    lexical: float | None = None
    lexical_rank: int | None = None
    fused: float = 0.0
    recency: float | None = None
    similarity: float | None = None
    _shingles: frozenset[int] | None = None

    @property
    def shingles(self) -> frozenset[int]:
        if self._shingles is None:
            self._shingles = _shingles(self.chunk.chunk_id, self.chunk.text)
        return self._shingles

    def scores(self) -> dict[str, Any]:
        def r(x: float | None, places: int = 4) -> float | None:
            return None if x is None else round(x, places)

        return {
            "dense": r(self.dense),
            "dense_rank": self.dense_rank,
            "lexical": r(self.lexical),
            "lexical_rank": self.lexical_rank,
            "fused": r(self.fused, 6),
            "recency": r(self.recency),
        }


@dataclass
class PassageGroup:
    """Chunks of one article chosen for one passage, plus the outlets that ran the same text."""

    best: Candidate
    members: list[Candidate]
    also_in: list[dict[str, Any]] = field(default_factory=list)

    def in_order(self) -> list[Candidate]:
        """The members in the article's order."""
        return sorted(self.members, key=lambda c: c.chunk.seq)

    def joined(self) -> tuple[str, int, int]:
        """The members' text as one passage, with its offsets in the article body."""
        return _joined(self.in_order())


def shape(ranked: list[Candidate], top_k: int, *, max_per_article: int, duplicate_threshold: float) -> list[PassageGroup]:
    """Best first: join adjacent chunks, collapse duplicates, cap passages per article, stop at top_k."""
    groups: list[PassageGroup] = []
    per_article: dict[str, int] = {}
    for candidate in ranked:
        article = candidate.chunk.article_id
        neighbour = next(
            (g for g in groups if g.best.chunk.article_id == article and len(g.members) < MAX_CHUNKS_PER_PASSAGE
             and any(abs(m.chunk.seq - candidate.chunk.seq) == 1 for m in g.members)),
            None,
        )
        if neighbour is not None:
            # The text next to a chosen chunk: one longer passage, not another one.
            neighbour.members.append(candidate)
            continue
        if len(groups) >= top_k:
            continue
        if per_article.get(article, 0) >= max_per_article:
            continue
        twin = _duplicate_of(candidate, groups, duplicate_threshold)
        updates = twin is not None and _updates(candidate, twin)
        if twin is not None and not updates and _adds_facts(candidate, twin):
            twin = None  # a fuller copy: it is kept for what only it says
        if twin is not None:
            if all(a["article_id"] != article for a in twin.also_in):
                if updates:
                    # The same story updated later (a corrected figure): show the newest text.
                    twin.also_in.append(_article_ref(twin.best.chunk))
                    per_article[twin.best.chunk.article_id] -= 1
                    per_article[article] = per_article.get(article, 0) + 1
                    twin.best, twin.members = candidate, [candidate]
                else:
                    twin.also_in.append(_article_ref(candidate.chunk))
            continue
        per_article[article] = per_article.get(article, 0) + 1
        groups.append(PassageGroup(candidate, [candidate]))
    return groups

def _duplicate_of(candidate: Candidate, groups: list[PassageGroup], threshold: float) -> PassageGroup | None:
    """The chosen passage from another article whose text this chunk repeats, if any.

    Repeats means `threshold` of this chunk's word 3-grams are in it: a chunk that says more
    than the chosen copy (the full story behind a trimmed wire copy ranked above it, a longer
    cut of the same text) is not a repeat, so what only it says stays in the answer.
    """
    mine = candidate.shingles
    if not mine:
        return None
    for group in groups:
        if group.best.chunk.article_id == candidate.chunk.article_id:
            continue
        for member in group.members:
            theirs = member.shingles
            if theirs and len(mine & theirs) / len(mine) >= threshold:
                return group
    return None


def _adds_facts(candidate: Candidate, group: PassageGroup) -> bool:
    """Whether the candidate has a sentence of its own that states a figure or a name the chosen copy does not.

    What answers a question is mostly such a fact, so a copy that adds one is kept in full even
    when most of its words repeat the chosen copy (a bulletin of 100 word 3-grams, 60 of them in
    the wire copy ranked above it, that alone gives the count of homes without power).
    """
    theirs_text = " ".join(m.chunk.text for m in group.members)
    theirs = frozenset().union(*(m.shingles for m in group.members))
    known = _facts(theirs_text)
    for sentence in split_sentences(candidate.chunk.text):
        shingles = _word_triples(sentence.text)
        own = shingles - theirs
        if len(own) >= OWN_SENTENCE_SHINGLES and len(own) * 2 > len(shingles) and _facts(sentence.text, opening=False) - known:
            return True
    return False


def _facts(text: str, *, opening: bool = True) -> set[str]:
    """The figures and capitalised words (names, mostly) a text states, lower-cased; without its
    `opening` word, which any sentence capitalises ("Forecasters said ...")."""
    words = text.split() if opening else text.split()[1:]
    names = {w.lower() for w in _CAPITALISED.findall(" ".join(words)) if w.lower() not in STOPWORDS}
    return numbers(text) | names


@lru_cache(maxsize=50_000)
def _shingles(chunk_id: str, text: str) -> frozenset[int]:
    """Hashed word 3-grams of a chunk; chunk ids are version-specific, so a cached entry never goes stale."""
    return _word_triples(text)


def _word_triples(text: str) -> frozenset[int]:
    words = _WORD.findall(text.lower())
    return frozenset(hash(triple) for triple in zip(words, words[1:], words[2:]))


def _updates(candidate: Candidate, twin: PassageGroup) -> bool:
    """Whether the candidate is a later edit of the chosen copy, which it replaces."""
    return len(twin.members) == 1 and _newer(candidate.chunk, twin.best.chunk) and _same_text(candidate, twin.best)


def _same_text(a: Candidate, b: Candidate, *, threshold: float = 0.8) -> bool:
    """Whether two copies say the same in both directions (a re-edit), not one a trimmed version of the other.

    A wire copy cut down from the full story is a near-duplicate of it, but lacks facts the full
    one has; the better-ranked copy keeps the text then, whatever its date.
    """
    mine, theirs = a.shingles, b.shingles
    return bool(mine and theirs) and len(mine & theirs) / max(len(mine), len(theirs)) >= threshold


def _newer(a: StoredChunk, b: StoredChunk) -> bool:
    return a.published_ts is not None and (b.published_ts is None or a.published_ts > b.published_ts)


def _article_ref(chunk: StoredChunk) -> dict[str, Any]:
    return {
        "article_id": chunk.article_id,
        "title": chunk.title,
        "source": chunk.source,
        "url": chunk.url,
        "published_at": chunk.published_at,
    }


def to_passage(n: int, group: PassageGroup) -> Passage:
    members = group.in_order()
    text, start, end = _joined(members)
    best = group.best
    chunk = best.chunk
    return Passage(
        n=n,
        chunk_id=chunk.chunk_id,
        article_id=chunk.article_id,
        title=chunk.title,
        url=chunk.url,
        source=chunk.source,
        published_at=chunk.published_at,
        text=text,
        start=start,
        end=end,
        score=max(m.similarity or 0.0 for m in members),
        chunk_ids=tuple(m.chunk.chunk_id for m in members),
        scores=best.scores(),
        also_in=tuple(group.also_in),
    )


def _joined(members: list[Candidate]) -> tuple[str, int, int]:
    """Adjacent chunks as one text whose offsets still match the article body.

    Chunks overlap or are separated only by the whitespace the splitter trimmed; a gap is
    refilled with as many line breaks (or one space) as it was long, so offsets stay exact.
    """
    text, start, end = members[0].chunk.text, members[0].chunk.start, members[0].chunk.end
    for member in members[1:]:
        chunk = member.chunk
        if chunk.start <= end:
            text += chunk.text[end - chunk.start :] if chunk.end > end else ""
        else:
            gap = chunk.start - end
            text += ("\n" * gap if gap >= 2 else " ") + chunk.text
        end = max(end, chunk.end)
    return text, start, end
