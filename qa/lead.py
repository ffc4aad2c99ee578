"""How well each retrieved sentence would lead an answer: the extractive answerer's scorer.

A sentence leads when it states what the question asks for (`qa/answer_check.py`: a person, a
number, a date ... beside the word asked about, one the question does not already hold) and is
close to the question: MiniLM similarity to the question (alone, and read with its headline)
and the headline's, shared words and word pairs, the question's names and times, weighed by how
few sentences carry them. The extractive answerer quotes the best one first; hybrid search puts
the passage that holds it first (`qa/answer_rank.py`), so the first search result is the one an
answer would quote.

Sentence vectors come from the store (computed at ingest, `index/sentence_vectors.py`) and the
question's from the retriever's cache, so scoring embeds at most the question.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from index.sentences import split_sentences

from qa.answer_check import answers, close_in_meaning, fit, name_coverage, reason_fit, stance_fit, states_beside_head
from qa.models import Passage
from qa.asking import asking_clause
from qa.question_types import QuestionType
from qa.typed_spans import A_YEAR, DATE, analyse
from qa.vectors import SentenceVectorSource
from qa.words import STOPWORDS, content_words, numbers

# How much stating the asked thing beside the asked word, and naming what the question names, lift a lead.
FIT_WEIGHT = 2.0
NAMES_WEIGHT = 0.2
# The share of the question's names its passage (and headline) mentions anywhere.
STORY_NAMES_WEIGHT = 0.5
# Pairs of consecutive content words of the question found in a sentence ("last season",
# "Port Avalon"): finer evidence than shared words that the sentence is about what was asked.
PHRASE_WEIGHT = 0.4
# A time the question names ("last season", "in 2018") that the sentence names too: the number
# Kerrigan scored "last season" is not the one his new club scored "last term".
WHEN_WEIGHT = 0.5
# The question's words weighted by how few of the candidate sentences hold them (IDF over the
# sentences), summed over the words a sentence holds: "the women's race" is told apart from the
# men's by "women", which few sentences carry, not by "race" or "Calder", which many do.
DISTINCT_WEIGHT = 0.5
# What the reader says before asking ("Castlebay fired Marcus Bell, so who's coaching now?") is
# not the answer: a sentence closer in meaning to that context than to the asking clause restates
# it, and loses this much per unit of cosine by which it is closer, unless it also states the asked
# thing beside the asked word: "Port Avalon signed Kerrigan from Westmere, so how many goals did he
# score?" is answered by the signing sentence that ends "... who scored 19 league goals".
RESTATING_WEIGHT = 2.0
# A sentence is read with its headline, as a reader reads it: "It was the club's first national
# title since 1987" is far from "When did Harlow Rowing Club last win a national title?" on its
# own, close beside "Harlow Rowing Club wins national eights". The mean of the two vectors stands in
# for embedding them together (no second vector per sentence), and a sentence gains by as much as it
# is closer to the question read that way than alone.
IN_CONTEXT_WEIGHT = 1.0


# Questions whose sentence scores are kept per process, for the answer that follows a search (each
# holds its sentences' vectors: about 50 KB).
SCORED_QUESTIONS = 128


class _Scores(NamedTuple):
    text: str
    relevance: float
    similarity: float
    lead: float
    direct: bool
    fit: float
    story: float
    vector: np.ndarray


@dataclass(frozen=True)
class ScoredSentence:
    """One quotable sentence of a retrieved passage and how well it would lead an answer."""

    passage: Passage
    text: str
    relevance: float  # ranks the sentences: similarity plus the headline's
    similarity: float  # the sentence's own match to the question: decides whether it answers at all
    lead: float  # relevance plus how directly it states what was asked
    direct: bool  # states what was asked (answer_check.answers)
    fit: float
    story: float  # the share of the question's names its passage or headline mentions
    vector: np.ndarray


class LeadScorer:
    """Scores the sentences of retrieved passages as leads of an answer to a question."""

    def __init__(
        self,
        sentences: SentenceVectorSource,
        query_vector: Callable[[str], Sequence[float]],
        *,
        headline_weight: float = 0.3,
    ) -> None:
        self.sentences = sentences
        self.query_vector = query_vector
        self.headline_weight = headline_weight
        self._scored = lru_cache(maxsize=SCORED_QUESTIONS)(self._score)

    def candidates(
        self, question: str, query: str, asked: QuestionType, passages: Sequence[Passage]
    ) -> list[ScoredSentence]:
        """Every quotable sentence of `passages`, scored for `question` (`query`: it with the turns it follows)."""
        # Hybrid search scores the sentences of its first passages, then the answerer the same ones in
        # its own order: the scores depend on which passages there are, not on their order, so the
        # second asks the cache. The list follows `passages`, whose order breaks ties between leads.
        stories = tuple(sorted((p.title, p.text) for p in passages))
        scored = self._scored(question, query, asked, stories)
        return [ScoredSentence(p, *scores) for p in passages for scores in scored.get((p.title, p.text), ())]

    def clear_cache(self) -> None:
        """Forget kept scores (benchmarks use this to time a new question)."""
        self._scored.cache_clear()

    def _score(
        self, question: str, query: str, asked: QuestionType, stories: tuple[tuple[str, str], ...]
    ) -> dict[tuple[str, str], tuple[_Scores, ...]]:
        pieces = [(story, text) for story in stories for text in quotable_sentences(story[1])]
        if not pieces:
            return {}
        titles = list(dict.fromkeys(title for title, _ in stories))
        vectors = self.sentences.vectors(titles + [text for _, text in pieces])
        similarities = vectors @ unit(self.query_vector(query))
        title_similarity = dict(zip(titles, similarities[: len(titles)].tolist()))
        title_vectors = dict(zip(titles, vectors[: len(titles)]))
        question_words = content_words(query)
        question_pairs = _pairs(question, exclude=set(asked.names))
        asking = asking_clause(question)
        # The figures the question gives ("the extra $2.6 million"), years aside (its times count above).
        figures = {n for n in numbers(asking) if not A_YEAR.fullmatch(n)}
        words_of = [content_words(text) for _, text in pieces]
        # A sentence about Calder's airport does not answer a question about Cordoba's, however close.
        story_coverage = {(title, body): name_coverage(asked, body, title) for title, body in stories}
        when = [s.text.lower() for s in analyse(question).spans if s.kind == DATE]
        weights = _distinctiveness(question_words, words_of)
        restating = self._restating(question, asking, vectors[len(titles) :])
        scored: dict[tuple[str, str], list[_Scores]] = {story: [] for story in stories}
        headlined = {story: not _untitled(*story) for story in stories}
        for (story, text), words, vector, cosine, restates in zip(
            pieces, words_of, vectors[len(titles) :], similarities[len(titles) :].tolist(), restating.tolist()
        ):
            title = story[0]
            overlap = len(question_words & words) / len(question_words) if question_words else 0.0
            distinct = sum(weights.get(w, 0.0) for w in words)
            # A sentence from the story that is about the question (its headline says so) beats a
            # passing mention of the same fact in a story about something else.
            similarity = cosine + 0.15 * overlap
            relevance = similarity + self.headline_weight * title_similarity[title]
            phrases = len(question_pairs & _pairs(text)) / len(question_pairs) if question_pairs else 0.0
            with_headline = _read_with(cosine, title_similarity[title], float(vector @ title_vectors[title]))
            in_context = max(0.0, with_headline - cosine) if headlined[story] else 0.0
            fitness = fit(asked, text, similar=close_in_meaning(asked, text, cosine, title)) or stance_fit(asked, text, title) or reason_fit(asked, text, title)
            lead = (
                relevance
                + FIT_WEIGHT * fitness
                + NAMES_WEIGHT * name_coverage(asked, text, title)
                + STORY_NAMES_WEIGHT * story_coverage[story]
                + WHEN_WEIGHT * _same_when(when, text)
                + WHEN_WEIGHT * _share_of(figures, numbers(text))
                + PHRASE_WEIGHT * phrases
                + IN_CONTEXT_WEIGHT * in_context
                + DISTINCT_WEIGHT * distinct
                - (0.0 if states_beside_head(asked, text) else RESTATING_WEIGHT * restates)
            )
            direct = answers(asked, text, cosine, title)
            scored[story].append(_Scores(text, relevance, similarity, lead, direct, fitness, story_coverage[story], vector))
        # A passage given twice (the same headline and text) counts twice above but is kept once here.
        copies = Counter(stories)
        return {story: tuple(sentences[: len(sentences) // copies[story]]) for story, sentences in scored.items()}

    def _restating(self, question: str, asking: str, vectors: np.ndarray) -> np.ndarray:
        """How much closer each sentence is to the context told before the `asking` clause than to the clause (0 when not)."""
        context = question.replace(asking, " ").strip(" -\u2014\u2013,.;:") if asking != question else ""
        # Openers alone ("ok so", "can you tell me") are no context: it takes two words that mean something.
        if len(content_words(context)) < 2 or not len(vectors):
            return np.zeros(len(vectors))
        told, asked = (unit(self.query_vector(text)) for text in (context, asking))
        return np.maximum(0.0, vectors @ told - vectors @ asked)


def unit(vector: Sequence[float]) -> np.ndarray:
    array = np.asarray(vector, dtype=np.float32)
    return array / (np.linalg.norm(array) or 1.0)


def _untitled(title: str, body: str) -> bool:
    """Whether the title is only the body's own first words (what ingest gives an untitled item, such as a search snippet)."""
    opening = title.rstrip("\u2026 ").lstrip(".\u2026 ").split()
    return bool(opening) and body.lstrip(".\u2026 ").split()[: len(opening)] == opening


def _read_with(cosine: float, headline_cosine: float, between: float) -> float:
    """The question's cosine to the mean of a sentence's and its headline's unit vectors (`between`: their own cosine)."""
    return (cosine + headline_cosine) / math.sqrt(max(2.0 + 2.0 * between, 1e-6))


def _same_when(when: Sequence[str], sentence: str) -> float:
    """The share of the question's time expressions the sentence repeats (0 when it names none)."""
    if not when:
        return 0.0
    lower = sentence.lower()
    return sum(1 for w in when if w in lower) / len(when)


def _share_of(wanted: set[str], present: set[str]) -> float:
    return len(wanted & present) / len(wanted) if wanted else 0.0


def _distinctiveness(question_words: set[str], sentence_words: Sequence[set[str]]) -> dict[str, float]:
    """Each question word's share of the question's total IDF over these sentences (absent words weigh 0)."""
    count = len(sentence_words)
    idf = {}
    for word in question_words:
        held = sum(1 for words in sentence_words if word in words)
        if held:
            idf[word] = math.log((count + 1) / held)
    total = sum(idf.values())
    return {w: v / total for w, v in idf.items()} if total else {}


def _pairs(text: str, exclude: set[str] = frozenset()) -> set[tuple[str, str]]:  # type: ignore[assignment]
    # Names are counted by name coverage already; a pair of them ("Port Avalon") would count twice.
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", text) if w.lower() not in STOPWORDS]
    return {(a[:5], b[:5]) for a, b in zip(words, words[1:]) if not (a in exclude and b in exclude)}


def quotable_sentences(text: str) -> Iterator[str]:
    """The passage's sentences that read as whole, plus the cut one a search snippet starts with.

    Chunk edges and headlines give fragments, and a quote must read as a sentence. But a passage
    that is itself a cut ("... hoped to switch the device on in 2027.", as search engines print
    snippets) may hold its only statement of the answer in that first piece: it is quoted
    without the ellipsis, which is not the article's text.
    """
    for position, sentence in enumerate(split_sentences(text)):
        piece = sentence.text
        cut = position == 0 and (piece.startswith(("...", "\u2026")) or piece[:1].islower())
        if cut:
            piece = piece.lstrip(".\u2026 ")
        if _is_quotable(piece, cut=cut):
            yield piece


def _is_quotable(sentence: str, *, cut: bool = False) -> bool:
    starts_well = cut or sentence[:1].isupper() or sentence[:1].isdigit() or sentence[:1] in "\"\u201c"
    ends_well = sentence.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?", "\u2026"))
    return len(sentence.split()) >= 6 and starts_well and ends_well
