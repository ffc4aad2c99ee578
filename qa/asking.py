"""The clause of a typed question that asks, as people type questions to a chat box.

"who's", "whats", "can you tell me when ...", "Castlebay fired Bell, so who's coaching now?":
contractions are read out, openers and "can you tell me" dropped, and context before the
asking clause set aside (`qa/question_types.py` types the clause and keeps the context's names).
"""

from __future__ import annotations

import re

_CONTRACTIONS = re.compile(r"\b(who|what|when|where|how)(?:['\u2019]s|s)\b", re.IGNORECASE)
_OPENERS = re.compile(r"^(?:(?:ok(?:ay)?|so|and|also|hey|hi|well|then|but|now|please|quick question)\b[,!:]?\s+)+", re.IGNORECASE)
_QUESTION_WORDS = r"who|whom|whose|what|which|when|where|why|how"
_EMBEDDING = re.compile(
    r"^(?:(?:can|could|would) you (?:please )?(?:tell me|say|find out|check)|do you know|does anyone know|any idea"
    r"|i(?:'d| would) like to know|i want to know|i wonder|i'm wondering|(?:please )?tell me)\s+"
    rf"(?=(?:{_QUESTION_WORDS}|if|whether)\b)",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(rf"^(?:{_QUESTION_WORDS}|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b", re.IGNORECASE)
# A clause break, and the question word that opens the asking clause after it.
_ASKING_CLAUSE = re.compile(
    r"(?:\s[\u2014\u2013-]+\s*|[;:\u2014\u2013]\s*|,\s*|[.!?]\s+|\s(?=so\s|but\s))"
    r"(?:(?:so|but|and|then|roughly|approximately|about|exactly)\s+)*"
    # "... fees — on what grounds did the court rule?": a preposition may open the clause.
    rf"((?:(?:on|in|at|for|from|by|to|with|under|of|since|until|during)\s+(?=(?:{_QUESTION_WORDS})\b))?"
    rf"(?:{_QUESTION_WORDS}|is|are|was|were|do|does|did|has|have|had)\b.*)$",
    re.IGNORECASE,
)


def read_out_contractions(text: str) -> str:
    """The question with "who's" and "whats" read as "who is" and "what is"."""
    return _CONTRACTIONS.sub(lambda m: f"{m.group(1)} is", text)


def asking_clause(question: str) -> str:
    """The clause that asks: openers ("ok so"), "can you tell me" and context before it dropped.

    "I read about the Harlow trial \u2014 what did the jury decide?" asks "what did the jury
    decide?"; "According to the Journal, how much ...?" asks "how much ...?". A question that
    opens with its question word is returned as it is.
    """
    text = _OPENERS.sub("", question)
    text = _EMBEDDING.sub("", text)
    if _QUESTION_START.match(text):
        return text
    clause = _ASKING_CLAUSE.search(text)
    return clause.group(1) if clause else text
