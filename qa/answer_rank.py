"""Hybrid search's last step: among the passages found, those that state what the question asks for first.

Dense and keyword search both rank passages by how much they are *about* the question; neither
looks for the answer. For a typed question ("How many ...?", "Who ...?", "When ...?") a passage
whose sentence states a number, a person or a date beside the asked word (`qa.answer_check.fit`)
is more likely to hold the answer than one that only shares its words. After shaping (caps,
joining, duplicates), the first `depth` passages that name every name of the question are ranked
by that fit, and the ranking joins each passage's fused score as a third reciprocal-rank list.
It reorders the passages shaping chose and never changes which ones they are, so it cannot push
an answer out past a per-article cap. Rules over cached sentence analyses, no model.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.sentences import split_sentences

from qa.answer_check import fit, name_coverage
from qa.question_types import QuestionType, classify
from qa.recase import recase
from qa.shaping import PassageGroup


def rerank(question: str, groups: Sequence[PassageGroup], *, weight: float, k: float, depth: int) -> list[PassageGroup]:
    """The groups with the first `depth` reordered by fused score plus `weight / (k + rank by fit)`."""
    head, rest = list(groups[:depth]), list(groups[depth:])
    asked = classify(recase(question, [g.joined()[0] for g in head]))
    if not asked.typed or weight <= 0:
        return head + rest
    ranking = answer_ranking(asked, head)
    bonus = {id(group): weight / (k + rank) for rank, group in enumerate(ranking, start=1)}
    return sorted(head, key=lambda g: -(g.best.fused + bonus.get(id(g), 0.0))) + rest


def answer_ranking(asked: QuestionType, groups: Sequence[PassageGroup]) -> list[PassageGroup]:
    """The groups that state what `asked` asks for about every name it names, best fit first (ties keep order)."""
    scored = []
    for index, group in enumerate(groups):
        text = group.joined()[0]  # the passage's own text, so its sentences' analyses are cached for the answerer
        # A figure about someone else is no answer: the passage must name what the question names.
        if name_coverage(asked, text, group.best.chunk.title) == 1.0:
            scored.append((best_fit(asked, text), index, group))
    return [group for score, _, group in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0]


def best_fit(asked: QuestionType, text: str) -> float:
    return max((fit(asked, s.text) for s in split_sentences(text)), default=0.0)


__all__ = ["answer_ranking", "best_fit", "rerank"]
