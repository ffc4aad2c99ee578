"""An answer judged by its first sentence: `verification.answers_question`.

The first sentence that is not a lead-in (a line ending in ':' and citing nothing) is the
answer's lead; it answers when `qa/answer_check.answers` says it states what was asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from index.sentences import split_sentences

from qa.answer_check import NOT_SAID, answers
from qa.citations import parse_marks, strip_marks
from qa.question_types import classify


def first_sentence_answers(
    question: str,
    answer_text: str,
    similarity: Callable[[str], float] | None = None,
    *,
    written: bool = False,
    titles: Mapping[int, str] | None = None,
) -> bool:
    """Judge an answer by its first sentence that is not a lead-in (a line ending in ':' and citing nothing).

    `similarity(sentence)` gives the sentence's cosine similarity to the question. A sentence a
    model `written` for this question is about it by construction (its words may paraphrase the
    question's freely), so it answers when it states the asked thing; a quoted sentence was
    written for something else and must also be about the question, as the extractive answerer
    requires of its lead. `titles` (passage number to headline) give the sentence the headlines
    of what it cites as context, as the extractive answerer reads a sentence with its story's.
    """
    lead, cited = _lead(answer_text)
    if not lead:
        return False
    closeness = 1.0 if written else (similarity(lead) if similarity is not None else None)
    context = " ".join((titles or {}).get(n, "") for n in cited)
    return answers(classify(question), lead, closeness, context)


def lead_sentence(answer_text: str) -> str:
    """The first sentence of an answer that makes a claim, its citation marks removed.

    A lead-in that says the answer is missing ("... do not say who ...; they say:") is the
    lead itself: it tells the reader that what follows does not answer.
    """
    return _lead(answer_text)[0]


def _lead(answer_text: str) -> tuple[str, list[int]]:
    for sentence in split_sentences(answer_text):
        text = strip_marks(sentence.text)
        if NOT_SAID.search(text):
            return text, []
        if text.rstrip().endswith(":") or not text:
            continue
        return text.strip("\"\u201c\u201d "), [n for _, _, numbers in parse_marks(sentence.text) for n in numbers]
    return "", []


__all__ = ["first_sentence_answers", "lead_sentence"]
