"""Which of a question's names the retrieved passages mention.

A question that names someone or something no passage mentions cannot be answered from them
("Did Gensler meet SBF at FTX?" over stories that never name FTX): the extractive answerer
declines it rather than quote the nearest sentences about Gensler. A name counts as mentioned
when it is written out, when a passage spells an acronym out ("respiratory syncytial virus" for
RSV), or when a country's adjective stands for it ("Swiss" for Switzerland).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.models import Passage
from qa.answer_check import name_coverage
from qa.question_types import classify
from qa.words import COMMON_ACRONYMS, COUNTRY_ADJECTIVES, STOPWORDS

# A question about "Switzerland's central bank" is about a story that says "the Swiss National Bank".
_DEMONYMS = {**{c: (a,) for c, a in COUNTRY_ADJECTIVES.items()}, **{a: (c,) for c, a in COUNTRY_ADJECTIVES.items()}}
# Words an acronym skips ("Securities and Exchange Commission" is SEC).
_ACRONYM_GAPS = frozenset("of and the for in on at to a an &".split())


def missing_names(question: str, passages: Sequence[Passage]) -> list[str]:
    """Names in the question (capitalised words after the first, acronyms) that no passage mentions."""
    tokens = re.findall(r"[A-Za-z0-9][A-Za-z0-9.&'-]*", question)
    names = []
    for position, token in enumerate(tokens):
        word = re.sub(r"('s|')$", "", token).rstrip(".")
        is_acronym = len(word) >= 2 and word.isupper()
        if (is_acronym or (position > 0 and word[:1].isupper())) and word.lower() not in STOPWORDS:
            names.append(word)
    text = " ".join(f"{p.title} {p.text}" for p in passages)
    lower = text.lower()
    words = re.findall(r"[A-Za-z]+|&", text)

    def mentioned(name: str) -> bool:
        return any(re.search(rf"(?<![a-z0-9]){re.escape(form)}(?![a-z0-9])", lower) for form in _forms(name)) or _spelled_out(
            name, words
        )

    # "Gordon Brennick" is mentioned by a passage that calls him "Brennick", as stories do after the first mention.
    by_last_name = {given: person[-1] for person in classify(question).persons for given in person[:-1]}
    return [
        n
        for n in dict.fromkeys(names)
        if not mentioned(n) and not (n.lower() in by_last_name and mentioned(by_last_name[n.lower()]))
    ]


def _forms(name: str) -> tuple[str, ...]:
    """The name in lower case, a country's adjective or the adjective's country ("Switzerland", "Swiss"),
    and what a common acronym stands for ("CEO", "chief executive")."""
    lower = name.lower()
    return (lower, *_DEMONYMS.get(lower, ()), *COMMON_ACRONYMS.get(lower, ()))


def _spelled_out(acronym: str, words: Sequence[str]) -> bool:
    """Whether consecutive words spell the acronym by their initials, small words skipped.

    "respiratory syncytial virus" spells RSV and "Securities and Exchange Commission" SEC: a
    question about RSV is about a story that writes the name out. Each spelling word must be a
    name (capitalised) or a long word, so that chance runs of short words do not count; a
    two-letter acronym only by two names ("CZ" for Changpeng Zhao).
    """
    letters = acronym.lower()
    if not (acronym.isupper() and acronym.isalpha() and 2 <= len(letters) <= 6):
        return False
    for first in range(len(words)):
        at, matched = first, 0
        while at < len(words) and matched < len(letters):
            word = words[at]
            if matched and word.lower() in _ACRONYM_GAPS:
                at += 1
                continue
            if word[0].lower() != letters[matched] or not (word[0].isupper() or (len(word) >= 5 and len(letters) > 2)):
                break
            matched, at = matched + 1, at + 1
        if matched == len(letters):
            return True
    return False


def names_every_name(question: str, passage: Passage) -> bool:
    """Whether the passage (or its headline) names every name of a question that has two or more.

    "In which city is climatologist Elena Carvalho's research center?" is about the story that
    quotes Elena Carvalho, however far a long passage's vector is from the question's.
    """
    asked = classify(question)
    return len(asked.names) >= 2 and name_coverage(asked, passage.text, passage.title) == 1.0


__all__ = ["missing_names", "names_every_name"]
