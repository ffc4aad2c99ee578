"""Does a passage support a claim? Meaning (MiniLM similarity to its best sentence) and words must agree.

A claim is supported by a set of passages when
- its closest sentence among them is at least `min_similarity` similar in meaning,
- at least `min_overlap` of its content words appear near those closest sentences (the sentence,
  its neighbours and the headline), and
- every number it states appears there too (news claims fail most often on figures and dates).
Embeddings alone say two sentences are on the same topic; the word and number checks catch
a fluent claim that the passages never made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from index import Embedder
from index.sentences import Sentence, split_sentences

from qa.models import Passage
from qa.vectors import SentenceVectorSource, embedded_vectors
from qa.words import content_words, numbers


@dataclass(frozen=True)
class Evidence:
    """How well one passage backs one claim, and the passage sentence that backs it best.

    `window` is that sentence with its neighbours and the headline: the words and numbers of
    a claim must be found there, not anywhere in the passage.
    """

    similarity: float
    overlap: float
    numbers_found: bool
    best: Sentence | None
    window: str


class SupportJudge:
    """Judges claims against passages; passage sentences' vectors come from `sentences` (stored at ingest)."""

    def __init__(
        self,
        embedder: Embedder,
        *,
        min_similarity: float,
        min_overlap: float,
        sentences: SentenceVectorSource | None = None,
    ) -> None:
        self.embedder = embedder
        self.sentences = sentences or embedded_vectors(embedder)
        self.min_similarity = min_similarity
        self.min_overlap = min_overlap

    def evidence(self, claims: Sequence[str], passages: Sequence[Passage]) -> list[dict[int, Evidence]]:
        """For each claim, the evidence of each passage (by passage number).

        Passage sentences, and claims that quote one (every extractive claim), are read from
        the stored vectors; only a claim in new words (an LLM's) is embedded.
        """
        sentences = {p.n: split_sentences(p.text) for p in passages}
        texts = list(claims) + [s.text for p in passages for s in sentences[p.n]]
        vectors = self.sentences.vectors(texts) if texts else np.zeros((0, 0), dtype=np.float32)
        claim_vectors, cursor, sentence_vectors = vectors[: len(claims)], len(claims), {}
        for p in passages:
            sentence_vectors[p.n] = vectors[cursor : cursor + len(sentences[p.n])]
            cursor += len(sentences[p.n])
        result = []
        for claim, claim_vector in zip(claims, claim_vectors):
            words, figures = content_words(claim), numbers(claim)
            per_passage = {}
            for p in passages:
                scores = sentence_vectors[p.n] @ claim_vector
                index = int(np.argmax(scores)) if len(scores) else -1
                similarity = float(scores[index]) if index >= 0 else 0.0
                around = sentences[p.n][max(index - 1, 0) : index + 2] if index >= 0 else []
                # The headline is part of what the article says, so its words count as support too.
                window = " ".join([p.title] + [s.text for s in around])
                per_passage[p.n] = Evidence(
                    similarity=similarity,
                    overlap=_overlap(words, content_words(window)),
                    numbers_found=figures <= numbers(window),
                    best=sentences[p.n][index] if index >= 0 else None,
                    window=window,
                )
            result.append(per_passage)
        return result

    def supports(self, claim: str, evidence: Sequence[Evidence], passages: Sequence[Passage] = ()) -> bool:
        """Whether these passages together support the claim (ALCE's recall sense)."""
        if not evidence:
            return False
        joined = " ".join(e.window for e in evidence)
        return (
            max(e.similarity for e in evidence) >= self.min_similarity
            and _overlap(content_words(claim), content_words(joined)) >= self.min_overlap
            and numbers(claim) <= numbers(joined)
        )

    def precise(self, evidence: Evidence) -> bool:
        """Whether one passage on its own supports the claim (ALCE's precision sense)."""
        return evidence.similarity >= self.min_similarity and evidence.overlap >= self.min_overlap and evidence.numbers_found


def _overlap(claim_words: set[str], passage_words: set[str]) -> float:
    return len(claim_words & passage_words) / len(claim_words) if claim_words else 1.0
