"""A question typed in lower case, given the capitals the retrieved passages write its words with.

Names are read from capitals (`qa/question_types.py`), and people type "who manages port
avalon fc?" into a chat box. The passages say how each word is written: a word they capitalise
wherever it stands inside a sentence ("Port Avalon FC", "Skylark", "SEC") is a name there, so
it is one in the question. A word the passages also write in lower case mid-sentence keeps
the question's case, and so does a word they only capitalise at a sentence's start or once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from qa.words import STOPWORDS

# Of the mid-sentence occurrences, the capitalised form must be this share for the word to be a name,
# and seen this often: a story's subject is named again and again; "Lab" in "the MIT Media Lab" once.
NAME_SHARE = 0.75
NAME_SEEN = 2
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w-])")
_QUESTION_WORDS = frozenset("who whom whose what which when where why how whats".split())
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"\u201c\u2014(]|\n)\s*$")


def recase(question: str, texts: Sequence[str]) -> str:
    """The question with each lower-case word the passages write as a name written their way."""
    wanted = {
        m.group(0)
        for m in _LOWER_WORD.finditer(question)
        if len(m.group(0)) > 1 and m.group(0) not in STOPWORDS and m.group(0) not in _QUESTION_WORDS
    }
    if not wanted:
        return question
    forms: dict[str, Counter[str]] = {word: Counter() for word in wanted}
    pattern = re.compile(rf"(?<![\w'-])({'|'.join(map(re.escape, sorted(wanted)))})(?![\w-])", re.IGNORECASE)
    for text in texts:
        for match in pattern.finditer(text):
            if not _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
                forms[match.group(1).lower()][match.group(1)] += 1
    written = {}
    for word, seen in forms.items():
        total = sum(seen.values())
        form, count = seen.most_common(1)[0] if seen else (word, 0)
        if form[:1].isupper() and count >= max(NAME_SEEN, NAME_SHARE * total):
            written[word] = form
    written.update(_phrases(question, texts, written))
    if not written:
        return question
    return _LOWER_WORD.sub(lambda m: written.get(m.group(0), m.group(0)), question)


def _phrases(question: str, texts: Sequence[str], written: dict[str, str]) -> dict[str, str]:
    """Words of the question the passages capitalise together with the word before them, as one name.

    "FC" is written once, in "Port Avalon FC", so it is not a name by the count; but once "port
    avalon" is, "port avalon fc" is that name when a passage writes "Port Avalon FC".
    """
    words = _LOWER_WORD.findall(question)
    known = dict(written)  # grows left to right: "port avalon fc club" may chain
    for before, word in zip(words, words[1:]):
        if before not in known or word in known or word in STOPWORDS:
            continue
        pattern = re.compile(rf"(?<![\w'-]){re.escape(known[before])}\s+({re.escape(word)})(?![\w-])", re.IGNORECASE)
        match = next((m for m in map(pattern.search, texts) if m and m.group(1)[:1].isupper()), None)
        if match:
            known[word] = match.group(1)
    return {word: form for word, form in known.items() if word not in written}


__all__ = ["recase"]
