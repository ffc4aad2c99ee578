"""Split news text into sentences with their character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words whose trailing period does not end a sentence in news copy.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "st", "jr", "sr",
    "inc", "corp", "co", "ltd", "llc", "plc", "vs", "etc", "approx", "dept", "est", "fig",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "i.e", "e.g",
}
_BOUNDARY = re.compile(
    # A stop, closing quotes, then any citation marks that belong to the sentence it ends.
    r"[.!?]+[\"'\u201d\u2019)]*(?:[ \t]*\[[\d,;\s\u2013-]{1,30}\])*"
    r"(?=\s+(?!\[\d)[\"'\u201c\u2018(]?[A-Z0-9])|\n\s*\n|\n"
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in order; `text[s.start:s.end] == s.text`; blank pieces are dropped."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group().startswith((".",)) and _ends_with_abbreviation(text[start : match.start()]):
            continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _ends_with_abbreviation(piece: str) -> bool:
    last_word = piece.rsplit(None, 1)[-1] if piece.strip() else ""
    word = last_word.lstrip("\"'(\u201c").lower()
    # A single capital letter is an initial ("Gary G. Gensler"), not a sentence end.
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    offset = start + piece.index(stripped)
    sentences.append(Sentence(stripped, offset, offset + len(stripped)))
