"""Word-level helpers shared by the extractive answerer and the support check."""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    "a an the of to in on at for by with and or but is are was were be been being did do does has have had "
    "what who whom which when where why how that this these those it its as from about into than then "
    "there their they he she his her him them not no yes any all can could would should will also said "
    "says according report reported after before while over under more most some such only just".split()
)
_WORD = re.compile(r"[A-Za-z0-9]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def content_words(text: str) -> set[str]:
    """Lower-cased five-letter stems of the words that carry meaning ("advise", "adviser" -> "advis")."""
    return {w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in STOPWORDS}


def numbers(text: str) -> set[str]:
    """The numbers a text states, thousands separators removed ("1,200" -> "1200")."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)}
