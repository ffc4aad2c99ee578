"""Word-level helpers shared by the extractive answerer and the support check."""

from __future__ import annotations

import re

from index.lexical import STOPWORDS as SEARCH_STOPWORDS

# The search's stop list, plus the reporting verbs and "yes" that every news claim can carry.
STOPWORDS = SEARCH_STOPWORDS | {"according", "report", "reported", "yes"}
_WORD = re.compile(r"[A-Za-z0-9]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def content_words(text: str) -> set[str]:
    """Lower-cased five-letter stems of the words that carry meaning ("advise", "adviser" -> "advis")."""
    return {w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in STOPWORDS}


def numbers(text: str) -> set[str]:
    """The numbers a text states, thousands separators removed ("1,200" -> "1200")."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)}
