"""Does a sentence answer the question, or only talk about it?

A sentence answers a typed question ("Who ...?", "How many ...?", "When ...?") when it states
something of the asked kind that the question does not already hold: "Who is the chairman of
the CFTC?" is not answered by a sentence whose only name is "CFTC". `fit` grades that: the
best such span, counted higher when it stands near the word asked about ("19 league goals",
"Manager Ruth Callander"). Untyped questions (yes/no, why, what) are answered by a sentence
about the question's own names. The extractive answerer picks its lead with `fit`; every
answer's `verification.answers_question` judges the answer's first sentence with `answers`
(`qa/first_sentence.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from qa.question_types import DAY, REASON, TYPED, WHO, YEAR, YESNO, QuestionType, stem
from qa.typed_spans import (
    A_YEAR, CLOCK, COUNTRY, DATE, DURATION, NAME, NUMBER, ORG, ORG_WORDS, PERSON, PLACE, PLACE_PREPOSITIONS, PLACE_WORDS, SPEECH, WEEKDAYS,
    Analysis, Span, analyse,
)
from qa.words import STOPWORDS

# How well a span of each kind answers each asked kind (a bare name may be either).
_ACCEPTS: dict[str, dict[str, float]] = {
    PERSON: {PERSON: 1.0, NAME: 0.6},
    ORG: {ORG: 1.0, NAME: 0.6},
    WHO: {PERSON: 1.0, ORG: 0.8, NAME: 0.6},
    PLACE: {PLACE: 1.0, NAME: 0.5, ORG: 0.4},
    NUMBER: {NUMBER: 1.0},
    DATE: {DATE: 1.0},
}
# A sentence this close in meaning (cosine) to the question is about it even in other words
# ("cut 2,300 jobs" for "how many people were laid off").
SIMILAR = 0.7
# ... and a sentence naming everything the question names, at this closeness: "Paylantic's security
# team discovered the intrusion on Aug. 17" is about "When did Paylantic realize it had been hacked?".
NAMED_SIMILAR = 0.55
_HEAD_DISTANCE = 4
# A number's weight when the question asks for money, a percentage or a duration and the number is
# not written as one (unmarked: "14"), or is written as another ("five years" for a sum of money).
_UNMARKED, _OTHER_MEASURE = 0.7, 0.4
# "Thousands" answers "how many homes lost power?" less well than "about 140,000" does.
_VAGUE_COUNTS = frozenset("dozens hundreds thousands millions billions".split())
_VAGUE = 0.5
# Another of the question's words beside a span counts for this share of the asked word beside it.
OTHER_BESIDE = 0.6
# A date answers "how long" as the end of the period.
_UNTIL = 0.8
_TIME = stem("time")
# Words by which a sentence speaks of what is yet to happen; a date in a sentence without one
# answers a question about the future at this share.
_LOOKS_AHEAD = re.compile(
    r"\b(will|would|expected|expects|plan|plans|planned|scheduled|set|due|hope|hopes|hoped|aim|aims|aimed|intends"
    r"|target|next|later|upcoming|until|pending|is to|are to)\b"
)
_NOT_AHEAD = 0.85
_REPORTING = frozenset(stem(w) for w in (*SPEECH, "announced", "reported", "confirmed", "disclosed", "reports", "announces"))
_TOWNS = frozenset(stem(w) for w in "city town village capital".split())
_FOCUS_WINDOW = 10
# Sentences that say the answer is not there ("the articles do not say who ...").
NOT_SAID = re.compile(
    r"\b(do|does|did)(?: not|n't) (say|state|mention|specify|give|name|answer|report|disclose|identify)\b"
    r"|\bnot (stated|specified|mentioned|reported|disclosed|given)\b|\b(is|was|remains) unclear\b",
    re.IGNORECASE,
)

# Words by which a sentence says whether something happened. "Did Gensler advise Binance?" is
# answered by "Gensler declined Binance's offer ...", not by "Binance made overtures to ... Gensler".
_STANCE = frozenset(
    stem(w) for w in "not never no neither nor without declined refused rejected denied agreed accepted approved "
    "confirmed dismissed admitted acknowledged failed succeeded turned disagreed disputed contested opposed "
    "insisted objected dropped abandoned scrapped kept maintained retained reversed withdrew".split()
)
# At most half of a typed answer's fit: it reorders sentences about the question, never outranks relevance alone.
STANCE_FIT = 0.5


def stance_fit(question: QuestionType, sentence: str, context: str = "") -> float:
    """For a yes/no question: whether the sentence says yes or no about all the question's names.

    It needs a word that says it ("declined", "not") and every name of the question, in the
    sentence or its `context` (the headline), or else the question's first name (its subject,
    "Gensler") before that word and the asked word ("advise") in the sentence. Each of those two
    adds to the score; 0 with no such word or for questions of other kinds.
    """
    if question.kind != YESNO or not question.names:
        return 0.0
    words = [t.lower for t in analyse(sentence).tokens]
    marks = [i for i, w in enumerate(words) if w.endswith("n't") or stem(w) in _STANCE]
    if not marks:
        return 0.0
    stems = {stem(w) for w in words}
    subject_first = question.names[0] in words[: marks[0]]
    asked = bool(question.head & stems)
    own_words = question.asked_words
    shared = len(own_words & stems)
    # "Did the SEC comment on the Journal's report about Binance?" is settled by "The SEC did not
    # comment on the report." (the subject and the asked verb), and "Did the ECB keep its guidance
    # that more rises were likely?" by "The bank dropped its earlier guidance that more increases
    # were likely" (the question's own words), without every name.
    if name_coverage(question, sentence, context) < 1.0 and not (subject_first and asked) and shared < 2:
        return 0.0
    share = min(shared, 3) / min(3, len(own_words)) if own_words else 1.0
    return STANCE_FIT * (0.4 + 0.2 * subject_first + 0.2 * asked + 0.2 * share)


# Words by which a sentence gives a reason: "Why did the judge throw out the challenge?" is answered
# by "ruled that the group lacked standing because ...", not by "the suit argued that ...".
_CAUSAL = re.compile(
    r"\b(because|due to|owing to|as a result|after|since|citing|cited|so that|in order to|to avoid|for fear|"
    r"reason|blamed|attributed|in response to|following|amid|thanks to)\b",
    re.IGNORECASE,
)


def reason_fit(question: QuestionType, sentence: str, context: str = "") -> float:
    """For a why-question: up to STANCE_FIT when the sentence gives a reason about what the question asks.

    It must hold a causal word ("because", "after", "due to", "citing") and two of the question's
    words besides its names (one when the question has no more), and name every name it names,
    itself or in its `context` (the headline: "The bank set aside $45 million ..., citing ...").
    """
    if question.kind != REASON or not _CAUSAL.search(sentence) or name_coverage(question, sentence, context) < 1.0:
        return 0.0
    asked = question.asked_words
    shared = len(asked & {stem(t.lower) for t in analyse(sentence).tokens})
    return STANCE_FIT if shared >= min(2, len(asked)) > 0 else 0.0


# The same sentence is judged for many questions and again for `answers_question`: each judgement is kept.
@lru_cache(maxsize=20_000)
def fit(question: QuestionType, sentence: str, *, similar: bool = False) -> float:
    """0 when the sentence states nothing new of the asked kind about the thing asked; up to 1 beside the asked word.

    "About the thing asked": the asked-about word ("coach", "goals", "manages") is in the
    sentence, or half the question's words besides its names are in it, or half of all its
    words stand near the span, or the caller
    found the sentence `similar` in meaning. A new name in a sentence about something else
    ("Who coaches the women's team?" against a transfer story) is not an answer.
    """
    accepts = _ACCEPTS.get(question.kind)
    if accepts is None:
        return 0.0
    analysis = analyse(sentence)
    stems = [stem(t.lower) for t in analysis.tokens]
    present = set(stems)
    # The question's names say which story, not what about it was asked ("When was Greer born?").
    asked_words = question.asked_words
    # Of four names or more, one may be context ("the analyst quoted on the WSJ story, Petrakis").
    names_present = bool(question.names) and name_coverage(question, sentence) >= 0.75
    about = (
        similar
        or bool(question.head & present)
        or not question.head
        or _share(asked_words, present) >= 0.5
        # A sentence naming everything the question names and sharing a word of what it asks about
        # ("Pilots at Skylark Air ... 97 percent" for "What share of Skylark's pilots ...?").
        or (names_present and bool(asked_words & present))
    )
    best = 0.0
    for span, weight in _answer_spans(question, analysis, accepts):
        if weight <= best:
            continue
        # Another of the question's words beside the span counts for part ("Trading resumed at
        # 12:48 p.m." for "At what time did trading restart?").
        beside = max(_beside(span, stems, question.head), OTHER_BESIDE * _beside(span, stems, asked_words - question.head))
        if _counts_another(span, analysis, stems, question.head):
            beside *= OTHER_BESIDE  # "three counties" near "homes" counts counties, not homes
        near = _near(span, stems, asked_words or question.focus)
        # A span of exactly the asked kind and measure ("30 percent" for "what share") needs less
        # evidence that it is about the question: a quarter of its words close by.
        if not (about or near >= 0.5 or (weight >= 1.0 and near >= 0.25)):
            continue
        best = max(best, weight * (0.3 + 0.7 * (0.7 * beside + 0.3 * near)))
    return best


@lru_cache(maxsize=20_000)
def states_beside_head(question: QuestionType, sentence: str) -> bool:
    """Whether the sentence states something new of the asked kind within four words of the asked word
    ("... who scored 19 league goals" for "How many goals did he score?")."""
    accepts = _ACCEPTS.get(question.kind)
    if accepts is None or not question.head:
        return False
    analysis = analyse(sentence)
    stems = [stem(t.lower) for t in analysis.tokens]
    return any(_beside(span, stems, question.head) == 1.0 for span, _ in _answer_spans(question, analysis, accepts))


def _answer_spans(question: QuestionType, analysis: Analysis, accepts: dict[str, float]) -> Iterator[tuple[Span, float]]:
    """The sentence's spans that could answer: of a kind the question accepts, and saying something it does not."""
    for span in analysis.spans:
        weight = _span_weight(question, span, analysis, accepts)
        if weight > 0 and _is_new(span, analysis, question):
            yield span, weight


def _span_weight(question: QuestionType, span: Span, analysis: Analysis, accepts: dict[str, float]) -> float:
    """How well a span of its kind and measure answers the asked kind and measure (0 to 1)."""
    weight = accepts.get(span.kind, 0.0)
    if question.kind == PLACE and span.kind == ORG and _after_preposition(span, analysis):
        weight = 0.9  # "developed at the Massachusetts Institute of Technology" says where
    if question.kind == DATE and _TIME in question.head:
        # "At what time did trading resume?" wants "12:48 p.m.", not "Wednesday"; "What was the
        # winning time?" may want a duration, "in 2:07:55".
        if span.measure == DURATION:
            weight = _UNTIL
        elif span.kind == DATE and span.measure != CLOCK:
            weight *= _UNMARKED
    if question.kind == DATE and span.kind == DATE and not _of_grain(span.text, question.measure):
        weight *= _UNMARKED  # "on Saturday" for "In what year ...?", "in 2019" for "On what date ...?"
    if question.ahead and span.kind == DATE and not _LOOKS_AHEAD.search(" ".join(t.lower for t in analysis.tokens)):
        weight *= _NOT_AHEAD  # "When will the bridge reopen?" is "is expected to reopen in April 2027", not "elected in 2021"
    if question.kind == DATE and _reported_on(span, analysis) and not question.head & _REPORTING:
        # "Paylantic said on Thursday that hackers ...": the day the news was told, not when it happened.
        weight *= _OTHER_MEASURE
    if question.kind == PLACE and span.measure == COUNTRY and question.head & _TOWNS:
        weight *= _OTHER_MEASURE  # "In which city ...?" is answered by "in Chicago", not "in the United States"
    if question.measure == DURATION and span.kind == DATE:
        weight = _UNTIL  # "How long will holders be able to redeem?" "... until at least February 2024"
    if span.kind == NUMBER and span.text.lower() in _VAGUE_COUNTS:
        weight *= _VAGUE
    if question.measure and span.kind == NUMBER and span.measure != question.measure:
        # "How much money ...?" is answered by "$412,000" before "two counts"; an unmarked number may still be it.
        weight *= _UNMARKED if not span.measure else _OTHER_MEASURE
    return weight


def _of_grain(written: str, grain: str) -> bool:
    """Whether a date names the year, or the day, that the question asks for (any date when it asks neither)."""
    if grain == YEAR:
        return bool(A_YEAR.search(written))
    if grain == DAY:
        return not A_YEAR.fullmatch(written.strip())
    return True


def _reported_on(span: Span, analysis: Analysis) -> bool:
    """Whether the span is a bare weekday that a verb of telling puts a date on ("said on Thursday", "announced Monday")."""
    if span.text.lower() not in WEEKDAYS:
        return False
    before = [t.lower for t in analysis.tokens[max(0, span.first - 2) : span.first]]
    if before and before[-1] == "on":
        before = before[:-1]
    return bool(before) and stem(before[-1]) in _REPORTING


def name_coverage(question: QuestionType, sentence: str, context: str = "") -> float:
    """The share of the question's names the sentence (or its `context`, e.g. the headline) mentions; 1.0 for none.

    A person's last name stands for the whole name ("Brennick" mentions "Gordon Brennick").
    """
    if not question.names:
        return 1.0
    words = {t.lower for t in analyse(sentence).tokens} | {t.lower for t in analyse(context).tokens}
    for person in question.persons:
        if person[-1] in words:
            words |= set(person)
    return sum(1 for n in question.names if n in words) / len(question.names)


def close_in_meaning(question: QuestionType, sentence: str, similarity: float | None, context: str = "") -> bool:
    """Whether the sentence is about the question by its meaning: SIMILAR, or NAMED_SIMILAR when it
    (or its `context`, the headline) names everything the question names."""
    if similarity is None:
        return False
    named = bool(question.names) and name_coverage(question, sentence, context) == 1.0
    return similarity >= SIMILAR or (named and similarity >= NAMED_SIMILAR)


def answers(question: QuestionType, sentence: str, similarity: float | None = None, context: str = "") -> bool:
    """Whether the sentence answers directly: a new span of the asked kind, or for untyped questions their names.

    `similarity` is the sentence's cosine similarity to the question, when known; `context` its headline.
    """
    if not sentence.strip() or NOT_SAID.search(sentence):
        return False
    if question.kind in TYPED:
        return fit(question, sentence, similar=close_in_meaning(question, sentence, similarity, context)) > 0
    return (
        name_coverage(question, sentence, context) >= 0.5
        or stance_fit(question, sentence, context) > 0
        or reason_fit(question, sentence, context) > 0
    )


def _share(wanted: frozenset[str], present: set[str]) -> float:
    return len(wanted & present) / len(wanted) if wanted else 1.0


def _after_preposition(span: Span, analysis: Analysis) -> bool:
    before = [t.lower for t in analysis.tokens[max(0, span.first - 2) : span.first]]
    return bool(before) and (before[-1] in PLACE_PREPOSITIONS or (before[-1] == "the" and before[0] in PLACE_PREPOSITIONS))


def _is_new(span: Span, analysis: Analysis, question: QuestionType) -> bool:
    """Whether the span says something the question does not: "Larkspur County" is no answer to a
    question about Larkspur, as a word like "County" or "FC" names no other thing."""
    tokens = analysis.tokens[span.first : span.last + 1]
    words = [t.lower for t in tokens if t.lower not in ("the", "of", "a")]
    new = [w for w in words if w not in question.words]
    qualified = {w for w in words if w in question.words} <= question.qualifiers
    if len(new) < len(words) and all(w in ORG_WORDS or w in PLACE_WORDS for w in new) and not qualified:
        return False
    # "Gary Gensler" for "Gensler", "Castlebay Comets" for "Castlebay": the question's own name, said in
    # full. A word like "Street" is no name of its own: "Canal Street" is not "Elm Street" said in full.
    # A name qualifying what is asked is expected in the answer: "Which Fairway subsidiary ...?" is
    # answered by "Fairway Logistics".
    # Only a span holding a whole name of the question says it in full: "Tidewater Ferries" shares
    # one word of "Kestrel Sound Ferries" and is another company.
    shared = {w for phrase in question.name_phrases if set(phrase) <= set(words) for w in phrase} - question.qualifiers
    if len(new) == 1 and any(w not in ORG_WORDS and w not in PLACE_WORDS for w in shared):
        return False
    return bool(new)


def _beside(span: Span, stems: Sequence[str], words: frozenset[str]) -> float:
    """How closely one of `words` stands beside the span: 1.0 within four words, fading to 0 at ten
    ("its first national title since 1987")."""
    inside = range(span.first, span.last + 1)
    distances = [min(abs(i - span.first), abs(i - span.last)) for i, s in enumerate(stems) if i not in inside and s in words]
    return max((_closeness(d) for d in distances), default=0.0)


def _counts_another(span: Span, analysis: Analysis, stems: Sequence[str], head: frozenset[str]) -> bool:
    """Whether a plain number counts a word other than the asked one: the word right after it is
    another noun, and the asked word is not among the next two ("three counties", not "19 league goals")."""
    if span.kind != NUMBER or span.measure or not head:
        return False
    following = analysis.tokens[span.last + 1 : span.last + 3]
    if not following or not following[0].text.isalpha() or following[0].lower in STOPWORDS:
        return False
    return not head & set(stems[span.last + 1 : span.last + 3])


def _near(span: Span, stems: Sequence[str], focus: frozenset[str]) -> float:
    """The share of `focus` within ten words of the span (1.0 when there is none to find)."""
    if not focus:
        return 1.0
    inside = range(span.first, span.last + 1)
    low, high = max(0, span.first - _FOCUS_WINDOW), span.last + _FOCUS_WINDOW + 1
    near = {s for i, s in enumerate(stems[low:high], start=low) if i not in inside}
    return len(near & focus) / len(focus)


def _closeness(distance: int) -> float:
    if distance <= _HEAD_DISTANCE:
        return 1.0
    return max(0.0, 1.0 - (distance - _HEAD_DISTANCE) / (_FOCUS_WINDOW - _HEAD_DISTANCE))


__all__ = [
    "NOT_SAID", "answers", "close_in_meaning", "fit", "name_coverage", "reason_fit", "stance_fit", "states_beside_head",
]
