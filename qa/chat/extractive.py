"""The answerer used when no language model is configured: it quotes, it does not write.

It reads what the question asks for (`qa/question_types.py`: a person, an organisation, a
number, a date, a place, yes/no, ...) and leads with the retrieved sentence that states such a
thing, one the question does not already hold, beside the word asked about (`qa/answer_check.py`);
among those, the one closest in meaning (MiniLM similarity, shared words, the headline's
match). Up to two more sentences follow, chosen for relevance and variety (maximal marginal
relevance). When no sentence states the asked thing, it says so ("The articles describe X but
do not say who ...") and quotes what they do say. It declines when no sentence is close
enough, or when the question names someone or something no retrieved passage mentions.

Sentences are scored by `qa/lead.py`, which hybrid search also uses to put the passage an answer
would quote first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from index import Embedder

from qa.citations import defuse_marks
from qa.conversation import search_text
from qa.lead import LeadScorer, ScoredSentence
from qa.mentions import missing_names
from qa.models import Completion, Message, Passage
from qa.prompts import NOT_IN_SOURCES
from qa.question_types import QuestionType, classify
from qa.recase import recase
from qa.vectors import embedded_vectors
from qa.words import STOPWORDS

PREFACE = "Extractive answer (sentences quoted from the articles; no language model was used):"
# A sentence stating the asked thing near the word asked about ("Manager Ruth Callander" for "Who
# manages ...?", a reason given "because ...") may lead even when MiniLM rates it far from the
# question, as long as its passage is about the question (`_beside`). Half of a full fit: a
# why-answer's whole fit, or a span of the asked kind a few words off the asked word.
BESIDE_FIT = 0.5
# The quotes after the lead are picked for relevance and variety (MMR), and for stating the asked thing.
FOLLOW_FIT_WEIGHT = 1.0


class ExtractiveAnswerer:
    """Quotes up to `max_sentences` retrieved sentences, the one that answers first, each cited."""

    mode = "extractive"
    context_tokens = None

    def __init__(
        self,
        embedder: Embedder,
        *,
        scorer: LeadScorer | None = None,
        max_sentences: int = 3,
        min_relevance: float = 0.35,
        diversity: float = 0.3,
        redundancy_cutoff: float = 0.9,
    ) -> None:
        self.model = f"extractive ({embedder.name})"
        # Built with services, it shares hybrid search's scorer, and so the scores search just gave.
        self.scorer = scorer or LeadScorer(embedded_vectors(embedder), embedder.embed_query)
        self.max_sentences = max_sentences
        self.min_relevance = min_relevance
        self.diversity = diversity
        self.redundancy_cutoff = redundancy_cutoff

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
        candidates = self.scorer.candidates(question, query, asked, passages)
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

    def _beside(self, candidate: ScoredSentence, asked: QuestionType, about: int | None) -> bool:
        """A far-off sentence may lead only with its span beside the asked word, in a passage about the question.

        A passage is about the question when it names all the question's names, or, for a question
        that names nothing ("Who led the sea otter survey?"), when it holds the closest sentence.
        """
        if candidate.fit < BESIDE_FIT:
            return False
        return candidate.story == 1.0 if asked.names else candidate.passage.n == about

    def _select(self, pool: list[ScoredSentence], lead: ScoredSentence) -> list[ScoredSentence]:
        # Quote only sentences nearly as relevant as the best one: a weak further quote adds noise.
        best = max(c.relevance for c in pool)
        # A sentence that states the asked thing may follow even when less relevant: the lead may be the wrong one.
        rest = [c for c in pool if c is not lead and (c.relevance >= best - 0.15 or c.direct) and c.text != lead.text]
        chosen = [lead]
        while rest and len(chosen) < self.max_sentences:
            def marginal(c: ScoredSentence) -> float:
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


def near_miss(question: str, topic: str) -> str:
    """The lead-in of an answer whose quotes do not state what was asked: "The articles describe X but do not say Y"."""
    asked = question.strip().rstrip("?.! ")
    first, _, rest = asked.partition(" ")
    if first.lower() in STOPWORDS or first.lower() in ("how", "is", "are", "was", "were", "do", "does", "did"):
        asked = f"{first.lower()} {rest}".strip()
    return f"The articles describe \u201c{defuse_marks(topic)}\u201d but do not say {asked}; this is what they do say:"


