"""The answerer used when no language model is configured: it quotes, it does not write.

It reads what the question asks for (`qa/question_types.py`: a person, an organisation, a
number, a date, a place, yes/no, ...) and leads with the retrieved sentence that states such a
thing, one the question does not already hold, beside the word asked about (`qa/answer_check.py`);
among those, the one closest in meaning (MiniLM similarity, shared words, the headline's
match). Up to two more sentences follow, chosen for relevance and variety (maximal marginal
relevance). When no sentence states the asked thing, it says so ("The articles describe X but
do not say who ...") and quotes what they do say. It declines when no sentence is close
enough, or when the question names someone or something no retrieved passage mentions.

Sentence vectors come from the store (computed at ingest, `index/sentence_vectors.py`) and
the question's from the retriever's cache, so an answer embeds at most the question.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from index import Embedder
from index.sentences import split_sentences

from qa.answer_check import answers, close_in_meaning, fit, name_coverage, reason_fit, stance_fit, states_beside_head
from qa.citations import defuse_marks
from qa.conversation import search_text
from qa.mentions import missing_names
from qa.models import Completion, Message, Passage
from qa.prompts import NOT_IN_SOURCES
from qa.question_types import QuestionType, asking_clause, classify
from qa.recase import recase
from qa.typed_spans import A_YEAR, DATE, analyse
from qa.vectors import SentenceVectorSource, embedded_vectors
from qa.words import STOPWORDS, content_words, numbers

PREFACE = "Extractive answer (sentences quoted from the articles; no language model was used):"
# How much stating the asked thing beside the asked word, and naming what the question names, lift a lead.
FIT_WEIGHT = 2.0
# A sentence stating the asked thing near the word asked about ("Manager Ruth Callander" for "Who
# manages ...?", a reason given "because ...") may lead even when MiniLM rates it far from the
# question, as long as its passage is about the question (`_beside`). Half of a full fit: a
# why-answer's whole fit, or a span of the asked kind a few words off the asked word.
BESIDE_FIT = 0.5
# The quotes after the lead are picked for relevance and variety (MMR), and for stating the asked thing.
FOLLOW_FIT_WEIGHT = 1.0
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



@dataclass(frozen=True)
class _Candidate:
    passage: Passage
    text: str
    relevance: float  # ranks the sentences: similarity plus the headline's
    similarity: float  # the sentence's own match to the question: decides whether it answers at all
    lead: float  # relevance plus how directly it states what was asked
    direct: bool  # states what was asked (answer_check.answers)
    fit: float
    story: float  # the share of the question's names its passage or headline mentions
    vector: np.ndarray


class ExtractiveAnswerer:
    """Quotes up to `max_sentences` retrieved sentences, the one that answers first, each cited."""

    mode = "extractive"
    context_tokens = None

    def __init__(
        self,
        embedder: Embedder,
        *,
        sentences: SentenceVectorSource | None = None,
        query_vector: Callable[[str], Sequence[float]] | None = None,
        max_sentences: int = 3,
        min_relevance: float = 0.35,
        diversity: float = 0.3,
        redundancy_cutoff: float = 0.9,
        headline_weight: float = 0.3,
    ) -> None:
        self.model = f"extractive ({embedder.name})"
        self.sentences = sentences or embedded_vectors(embedder)
        self.query_vector = query_vector or embedder.embed_query
        self.max_sentences = max_sentences
        self.min_relevance = min_relevance
        self.diversity = diversity
        self.redundancy_cutoff = redundancy_cutoff
        self.headline_weight = headline_weight

    def draft(self, question: str, passages: Sequence[Passage], history: Sequence[Message] = ()) -> Completion:
        # A follow-up ("When did he leave?") is matched together with the question before it,
        # but what it asks for is read from the follow-up itself.
        asked = classify(recase(question, [p.text for p in passages]))
        query = search_text(question, history)
        missing = missing_names(query, passages)
        if missing:
            # Quoting the nearest sentences about Gensler would not answer a question about FTX.
            names = ", ".join(missing)
            return Completion(text=f"{NOT_IN_SOURCES} None of the retrieved passages mention {names}.", model=self.model)
        candidates = self._candidates(question, query, asked, passages)
        pool = [c for c in candidates if c.similarity >= self.min_relevance]
        closest = max(pool, key=lambda c: c.relevance) if pool else None
        about = closest.passage.n if closest else None
        leads = [c for c in candidates if c.direct and (c.similarity >= self.min_relevance or self._beside(c, asked, about))]
        if not pool and not leads:
            return Completion(text=NOT_IN_SOURCES, model=self.model)
        if leads:
            lead = max(leads, key=lambda c: c.lead)
            opening = PREFACE
            # A lead beside the asked word in a story about the question's names may be the only quote.
            pool = pool or [lead]
        else:
            lead = closest
            opening = near_miss(question, lead.passage.title)
        # A sentence that could have led (far from the question in MiniLM's eyes, but stating the asked
        # thing beside the asked word in a story about it) may follow: if the lead is wrong, it is quoted.
        chosen = self._select(pool + [c for c in leads if c.similarity < self.min_relevance], lead)
        lines = [opening] + [f"\u201c{defuse_marks(c.text)}\u201d [{c.passage.n}]" for c in chosen]
        return Completion(text="\n".join(lines), model=self.model)

    def stream(self, question: str, passages: Sequence[Passage], history: Sequence[Message] = ()) -> Iterator[str]:
        """The draft line by line: extraction is not generated token by token, so there is nothing finer."""
        for line in self.draft(question, passages, history).text.splitlines(keepends=True):
            yield line

    def _candidates(
        self, question: str, query: str, asked: QuestionType, passages: Sequence[Passage]
    ) -> list[_Candidate]:
        pieces = [(p, text) for p in passages for text in _quotable_sentences(p.text)]
        if not pieces:
            return []
        titles = list(dict.fromkeys(p.title for p in passages))
        vectors = self.sentences.vectors(titles + [text for _, text in pieces])
        question_vector = np.asarray(self.query_vector(query), dtype=np.float32)
        question_vector /= np.linalg.norm(question_vector) or 1.0
        similarities = vectors @ question_vector
        title_similarity = dict(zip(titles, similarities[: len(titles)].tolist()))
        question_words = content_words(query)
        question_pairs = _pairs(question, exclude=set(asked.names))
        asking = asking_clause(question)
        # The figures the question gives ("the extra $2.6 million"), years aside (its times count above).
        figures = {n for n in numbers(asking) if not A_YEAR.fullmatch(n)}
        words_of = [content_words(text) for _, text in pieces]
        # A sentence about Calder's airport does not answer a question about Cordoba's, however close.
        story_coverage = {p.n: name_coverage(asked, p.text, p.title) for p in passages}
        when = [s.text.lower() for s in analyse(question).spans if s.kind == DATE]
        weights = _distinctiveness(question_words, words_of)
        restating = self._restating(question, asking, vectors[len(titles) :])
        candidates = []
        for (passage, text), words, vector, cosine, restates in zip(
            pieces, words_of, vectors[len(titles) :], similarities[len(titles) :].tolist(), restating.tolist()
        ):
            overlap = len(question_words & words) / len(question_words) if question_words else 0.0
            distinct = sum(weights.get(w, 0.0) for w in words)
            # A sentence from the story that is about the question (its headline says so) beats a
            # passing mention of the same fact in a story about something else.
            similarity = cosine + 0.15 * overlap
            relevance = similarity + self.headline_weight * title_similarity[passage.title]
            phrases = len(question_pairs & _pairs(text)) / len(question_pairs) if question_pairs else 0.0
            fitness = fit(asked, text, similar=close_in_meaning(asked, text, cosine, passage.title)) or stance_fit(asked, text, passage.title) or reason_fit(asked, text, passage.title)
            lead = (
                relevance
                + FIT_WEIGHT * fitness
                + NAMES_WEIGHT * name_coverage(asked, text, passage.title)
                + STORY_NAMES_WEIGHT * story_coverage[passage.n]
                + WHEN_WEIGHT * _same_when(when, text)
                + WHEN_WEIGHT * _share_of(figures, numbers(text))
                + PHRASE_WEIGHT * phrases
                + DISTINCT_WEIGHT * distinct
                - (0.0 if states_beside_head(asked, text) else RESTATING_WEIGHT * restates)
            )
            direct = answers(asked, text, cosine, passage.title)
            candidates.append(
                _Candidate(passage, text, relevance, similarity, lead, direct, fitness, story_coverage[passage.n], vector)
            )
        return candidates

    def _restating(self, question: str, asking: str, vectors: np.ndarray) -> np.ndarray:
        """How much closer each sentence is to the context told before the `asking` clause than to the clause (0 when not)."""
        context = question.replace(asking, " ").strip(" -\u2014\u2013,.;:") if asking != question else ""
        # Openers alone ("ok so", "can you tell me") are no context: it takes two words that mean something.
        if len(content_words(context)) < 2 or not len(vectors):
            return np.zeros(len(vectors))
        told, asked = (_unit(self.query_vector(text)) for text in (context, asking))
        return np.maximum(0.0, vectors @ told - vectors @ asked)

    def _beside(self, candidate: _Candidate, asked: QuestionType, about: int | None) -> bool:
        """A far-off sentence may lead only with its span beside the asked word, in a passage about the question.

        A passage is about the question when it names all the question's names, or, for a question
        that names nothing ("Who led the sea otter survey?"), when it holds the closest sentence.
        """
        if candidate.fit < BESIDE_FIT:
            return False
        return candidate.story == 1.0 if asked.names else candidate.passage.n == about

    def _select(self, pool: list[_Candidate], lead: _Candidate) -> list[_Candidate]:
        # Quote only sentences nearly as relevant as the best one: a weak further quote adds noise.
        best = max(c.relevance for c in pool)
        # A sentence that states the asked thing may follow even when less relevant: the lead may be the wrong one.
        rest = [c for c in pool if c is not lead and (c.relevance >= best - 0.15 or c.direct) and c.text != lead.text]
        chosen = [lead]
        while rest and len(chosen) < self.max_sentences:
            def marginal(c: _Candidate) -> float:
                similarity = max(float(c.vector @ s.vector) for s in chosen)
                # Stating the asked thing counts as far as it differs from what is quoted: the right
                # figure when the lead gave a wrong one, not the lead's figure again from another copy.
                states = FOLLOW_FIT_WEIGHT * c.fit * (1 - similarity)
                return (1 - self.diversity) * (c.relevance + states) - self.diversity * similarity

            pick = max(rest, key=marginal)
            rest.remove(pick)
            if all(float(pick.vector @ s.vector) < self.redundancy_cutoff for s in chosen):
                chosen.append(pick)
        return chosen


def _unit(vector: Sequence[float]) -> np.ndarray:
    array = np.asarray(vector, dtype=np.float32)
    return array / (np.linalg.norm(array) or 1.0)


def near_miss(question: str, topic: str) -> str:
    """The lead-in of an answer whose quotes do not state what was asked: "The articles describe X but do not say Y"."""
    asked = question.strip().rstrip("?.! ")
    first, _, rest = asked.partition(" ")
    if first.lower() in STOPWORDS or first.lower() in ("how", "is", "are", "was", "were", "do", "does", "did"):
        asked = f"{first.lower()} {rest}".strip()
    return f"The articles describe \u201c{defuse_marks(topic)}\u201d but do not say {asked}; this is what they do say:"


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


def _quotable_sentences(text: str) -> Iterator[str]:
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
