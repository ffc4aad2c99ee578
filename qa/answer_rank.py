"""Hybrid search's last step: the passage an answer would quote first goes first.

Dense and keyword search both rank passages by how much they are *about* the question; neither
looks for the answer. After shaping (caps, joining, duplicates), every sentence of the first
`depth` passages is scored as the lead of an answer (`qa/lead.py`, the extractive answerer's own
scorer: stating the asked thing beside the asked word, closeness in meaning, the question's
names, times and rare words), and the passage holding the best one moves to the front when its
sentence beats the first passage's best by more than `margin`; the others keep their fused order.
Within the margin the two leads are a toss-up and fusion's order is the better evidence. So the
first search result is the passage an answer leads with, whether or not a language model writes
it. It reorders the passages shaping chose and never changes which ones they are, so it cannot
push an answer out past a per-article cap. A search whose client asked for recency is left in
its order (`qa/retrieval.py`): there the newest story comes first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from qa.lead import LeadScorer
from qa.question_types import classify
from qa.recase import recase
from qa.shaping import PassageGroup, to_passage


def rerank(
    question: str, groups: Sequence[PassageGroup], *, scorer: LeadScorer, depth: int, margin: float = 0.0
) -> list[PassageGroup]:
    """The groups with the one among the first `depth` that holds the best lead sentence moved first."""
    head, rest = [g for g in groups[:depth] if g.members], list(groups[depth:])
    if len(head) < 2:
        return list(groups)
    passages = [to_passage(n, group) for n, group in enumerate(head, start=1)]
    # A follow-up is searched after the question before it (`qa.conversation.search_text`); what it
    # asks for is read from the follow-up itself, as the answerer reads it.
    asking = question.rsplit("\n", 1)[-1]
    asked = classify(recase(asking, [p.text for p in passages]))
    sentences = scorer.candidates(asking, question, asked, passages)
    if not sentences:
        return list(groups)
    best = max(sentences, key=lambda s: s.lead)
    first = max((s.lead for s in sentences if s.passage.n == 1), default=-math.inf)
    if best.lead <= first + margin:
        return list(groups)
    chosen = best.passage.n - 1
    return [head[chosen]] + [g for i, g in enumerate(head) if i != chosen] + rest


__all__ = ["rerank"]
