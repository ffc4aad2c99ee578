"""The answerer used when no language model is configured: it quotes, it does not write.

It picks the retrieved sentences closest in meaning to the question (MiniLM
similarity plus a small bonus for shared words), skips near-repeats (maximal marginal
relevance) and cites each by its passage number. It says that the articles do not answer
the question when no sentence is close enough, or when the question names someone or
something (a capitalised name, an acronym) that no retrieved passage mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from index import Embedder

from qa.citations import defuse_marks
from qa.conversation import search_text
from qa.models import Completion, Message, Passage
from qa.prompts import NOT_IN_SOURCES
from qa.sentences import split_sentences
from qa.vectors import cosine
from qa.words import STOPWORDS, content_words

PREFACE = "Extractive answer (sentences quoted from the articles; no language model was used):"


@dataclass(frozen=True)
class _Candidate:
    passage: Passage
    text: str
    relevance: float  # ranks the sentences: similarity plus the headline's
    similarity: float  # the sentence's own match to the question: decides whether it answers at all
    vector: list[float]


class ExtractiveAnswerer:
    """Quotes up to `max_sentences` retrieved sentences that answer the question, each cited."""

    mode = "extractive"
    context_tokens = None

    def __init__(
        self,
        embedder: Embedder,
        *,
        max_sentences: int = 3,
        min_relevance: float = 0.35,
        diversity: float = 0.3,
        redundancy_cutoff: float = 0.9,
        headline_weight: float = 0.3,
    ) -> None:
        self.embedder = embedder
        self.model = f"extractive ({embedder.name})"
        self.max_sentences = max_sentences
        self.min_relevance = min_relevance
        self.diversity = diversity
        self.redundancy_cutoff = redundancy_cutoff
        self.headline_weight = headline_weight

    def draft(self, question: str, passages: Sequence[Passage], history: Sequence[Message] = ()) -> Completion:
        # A follow-up ("When did he leave?") is matched together with the question before it.
        question = search_text(question, history)
        missing = missing_names(question, passages)
        if missing:
            # Quoting the nearest sentences about Gensler would not answer a question about FTX.
            names = ", ".join(missing)
            return Completion(text=f"{NOT_IN_SOURCES} None of the retrieved passages mention {names}.", model=self.model)
        candidates = self._candidates(question, passages)
        chosen = self._select(candidates)
        if not chosen:
            return Completion(text=NOT_IN_SOURCES, model=self.model)
        lines = [PREFACE] + [f"\u201c{defuse_marks(c.text)}\u201d [{c.passage.n}]" for c in chosen]
        return Completion(text="\n".join(lines), model=self.model)

    def stream(self, question: str, passages: Sequence[Passage], history: Sequence[Message] = ()) -> Iterator[str]:
        """The draft line by line: extraction is not generated token by token, so there is nothing finer."""
        for line in self.draft(question, passages, history).text.splitlines(keepends=True):
            yield line

    def _candidates(self, question: str, passages: Sequence[Passage]) -> list[_Candidate]:
        pieces = [(p, s.text) for p in passages for s in split_sentences(p.text) if _is_quotable(s.text)]
        if not pieces:
            return []
        titles = list(dict.fromkeys(p.title for p in passages))
        vectors = self.embedder.embed_documents([question] + titles + [text for _, text in pieces])
        question_vector = vectors[0]
        title_similarity = {t: cosine(question_vector, v) for t, v in zip(titles, vectors[1 : 1 + len(titles)])}
        sentence_vectors = vectors[1 + len(titles) :]
        question_words = content_words(question)
        candidates = []
        for (passage, text), vector in zip(pieces, sentence_vectors):
            overlap = len(question_words & content_words(text)) / len(question_words) if question_words else 0.0
            # A sentence from the story that is about the question (its headline says so) beats a
            # passing mention of the same fact in a story about something else.
            similarity = cosine(question_vector, vector) + 0.15 * overlap
            relevance = similarity + self.headline_weight * title_similarity[passage.title]
            candidates.append(_Candidate(passage, text, relevance, similarity, vector))
        return candidates

    def _select(self, candidates: list[_Candidate]) -> list[_Candidate]:
        pool = [c for c in candidates if c.similarity >= self.min_relevance]
        if not pool:
            return []
        best = max(c.relevance for c in pool)
        # Quote only sentences nearly as relevant as the best one: a weak second quote adds noise.
        pool = [c for c in pool if c.relevance >= best - 0.15]
        chosen: list[_Candidate] = []
        while pool and len(chosen) < self.max_sentences:
            def marginal(c: _Candidate) -> float:
                similarity = max((cosine(c.vector, s.vector) for s in chosen), default=0.0)
                return (1 - self.diversity) * c.relevance - self.diversity * similarity

            pick = max(pool, key=marginal)
            pool.remove(pick)
            if all(cosine(pick.vector, s.vector) < self.redundancy_cutoff for s in chosen):
                chosen.append(pick)
        return chosen


def missing_names(question: str, passages: Sequence[Passage]) -> list[str]:
    """Names in the question (capitalised words after the first, acronyms) that no passage mentions."""
    tokens = re.findall(r"[A-Za-z0-9][A-Za-z0-9.&'-]*", question)
    names = []
    for position, token in enumerate(tokens):
        word = re.sub(r"('s|')$", "", token).rstrip(".")
        is_acronym = len(word) >= 2 and word.isupper()
        if (is_acronym or (position > 0 and word[:1].isupper())) and word.lower() not in STOPWORDS:
            names.append(word)
    text = " ".join(f"{p.title} {p.text}" for p in passages).lower()
    return [n for n in dict.fromkeys(names) if not re.search(rf"(?<![a-z0-9]){re.escape(n.lower())}(?![a-z0-9])", text)]


def _is_quotable(sentence: str) -> bool:
    # Chunk edges and headlines give fragments; a quote must read as a whole sentence.
    starts_well = sentence[:1].isupper() or sentence[:1].isdigit() or sentence[:1] in "\"\u201c"
    ends_well = sentence.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?"))
    return len(sentence.split()) >= 6 and starts_well and ends_well
