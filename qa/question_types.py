"""What a question asks for: a person, an organisation, a number, a date, a place, yes/no, a reason.

`classify(question)` reads the question's opening ("who", "how many", "which agency", "did")
and returns a QuestionType: the kind of thing a direct answer must state, the question's
focus words (what the answer must be about) and its names. Rules over the words, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from qa.asking import asking_clause, read_out_contractions
from qa.question_nouns import noun_kind
from qa.typed_spans import DATE, DURATION, MONEY, NUMBER, ORG, PERCENT, PERSON, PLACE, Token, analyse, tokenize
from qa.words import COMMON_ACRONYMS, STOPWORDS

_STEMMER = Stemmer.Stemmer("english")
WHO = "who"  # a person or an organisation: "Who sued Binance?" is answered by "the CFTC"
YESNO, REASON, OTHER = "yesno", "reason", "other"
# Kinds a direct answer must state as a span the question does not already hold.
TYPED = frozenset({PERSON, ORG, WHO, NUMBER, DATE, PLACE})

# Words of a question's phrasing that say nothing about its subject ("how many", "lay off").
_FILLER = frozenset("many much off up out exactly roughly approximately about also ever first".split())
# Verbs that only open the asked verb when a particle follows: "end up backing", "go on to win", "managed to claw back".
_PHRASAL_OPENERS = frozenset("end ended ends wind wound go went manage managed manages try tried tries".split())
_AUXILIARIES = frozenset(
    "is are was were do does did has have had can could will would should shall may might must am isn't aren't "
    "wasn't weren't doesn't didn't hasn't haven't won't".split()
)
# Quantity words that say nothing of what they measure until a noun follows ("what size raise").
_BARE_MEASURES = frozenset("size amount number level figure total count".split())
_MONEY_VERB_FORMS = r"pay|paid|pays|cost|costs|fined?|spend|spent|raise[sd]?|worth|charge[sd]?|earn(ed|s)?|owe[sd]?"
_MONEY_VERBS = re.compile(rf"\b({_MONEY_VERB_FORMS})\b")
_HOW_NUMBER = re.compile(
    r"^how (many|much|long|old|far|big|large|high|fast|often|tall|deep|wide|heavy|hot|cold|warm|severe|strong"
    r"|effective|efficient|accurate|likely)\b"
)
_WHEN = re.compile(r"^(when|since when|by when|how soon)\b|^(in |on |at |by |during |since )?(what|which) (year|date|day|month|time)\b")
_AHEAD = re.compile(r"\b(will|would|should|going to|due|expected|expect|plans?|planned|hopes?|scheduled|next|upcoming|be able)\b")
# "In what year ...?" is not answered by "on Saturday", nor "On what date ...?" by "in 2019".
YEAR, DAY = "year", "day"
_DATE_GRAIN = re.compile(r"^(?:in |on |by )?(?:what|which) (year|date|day)s?\b")
_WHERE = re.compile(r"^(where|from where)\b")
# "Where did the deposit rate end up?" asks for a level, not a place.
_LEVEL_VERBS = re.compile(r"\b(end(ed|s)? up|stand|stands|stood|settle[ds]?|close[ds]?|finish(ed|es)?|land(ed|s)?|peak(ed|s)?)\b")
_TRAILING_PHRASE_STARTS = frozenset("during in at on after before for from to with of by since until over into".split())
_COPULAS = frozenset("is are was were".split())
# What opens a noun phrase the question asks about ("which Fairway subsidiary", "the Port Avalon manager").
_DETERMINERS = frozenset("which what whose the a an".split())
_PHRASE_ENDS = frozenset(
    "of in on at by for from to with into over under after before during ever that which who and or now today then "
    "when where while as if because since until than".split()
)
# Words for the same measure: "How much was paid for Kerrigan?" is answered by "put the fee at about
# 9 million pounds", "What headcount ...?" by "5,139 full-time staff", "Who was running the
# authority?" by "the authority's then-general manager, Carl Dunphy" (a title, not the verb).
_HEAD_FAMILIES = tuple(
    frozenset(_STEMMER.stemWord(w) for w in family.split())
    for family in (
        "pay paid pays cost costs fee fees price prices sum payment payments spent spend",
        "headcount workforce staff staffing employees employee workers positions jobs",
        "tally vote votes voted voting score margin",
        "deal deals contract contracts agreement agreements pact",
        "represent represents represented representing lawyer lawyers attorney attorneys counsel",
        "run runs running ran head heads headed manage manages managed manager director boss ceo",
        "discover discovers discovered spot spots spotted find finds found detect detects detected "
        "realize realized realise realised uncover uncovered",
        "apologize apologized apologizes apologise apologised apology apologies sorry regret regrets regretted",
    )
)
_ACRONYM_STEMS = {
    _STEMMER.stemWord(acronym): frozenset(
        _STEMMER.stemWord(w) for form in forms for w in re.findall(r"[a-z]+", form) if w not in STOPWORDS
    )
    for acronym, forms in COMMON_ACRONYMS.items()
}
# What a number question's answer measures: "How much money ...?" wants "$412,000", not "two counts".
_MONEY_NOUNS = frozenset(
    "money price prices fee fees cost costs fine fines salary salaries budget revenue revenues valuation payment "
    "payments settlement award damages funding bail fare fares dividend profit profits debt wage wages grant loan "
    "bonus compensation spending investment bid deal pay raise refund penalty".split()
)
_PERCENT_NOUNS = frozenset("percent percentage share proportion fraction".split())
_MONEY_QUESTION = re.compile(
    rf"^how much\b.*\b({_MONEY_VERB_FORMS}|paying|costing|raising|sell|sold|buy|bought|steal|stole|stolen|stealing"
    r"|embezzl\w*|refund\w*|give back|borrow(ed|ing)?|lend|lent|draw|drew|drawn|invest(ed|ing)?|donate[sd]?|loan(ed)?)\b"
)
# "How effective was the vaccine?" is answered by a rate: "prevented 82 percent of severe illness".
_RATE_QUESTION = re.compile(r"^how (effective|efficient|accurate|likely)\b")
_DURATION_QUESTION = re.compile(r"^(how long|for how long|how old|how many (years|months|weeks|days|hours|minutes))\b")
_A_SUM = re.compile(r"[$\u20ac\u00a3]\s?\d|\d\s?(million|billion|dollars|euros|pounds)\b")
_IRREGULAR = {
    past: base
    for base, forms in {
        "win": "won", "spend": "spent", "lead": "led", "take": "took taken", "give": "gave given", "sell": "sold",
        "buy": "bought", "leave": "left", "fall": "fell fallen", "rise": "rose risen", "tell": "told", "say": "said",
        "meet": "met", "run": "ran", "make": "made", "hold": "held", "begin": "began begun", "grow": "grew grown",
        "draw": "drew drawn", "choose": "chose chosen", "bring": "brought", "find": "found", "keep": "kept",
        "lose": "lost", "strike": "struck", "pay": "paid", "steal": "stole stolen", "build": "built", "send": "sent",
        "seek": "sought", "teach": "taught", "think": "thought", "write": "wrote written", "speak": "spoke spoken",
        "drive": "drove driven", "break": "broke broken", "freeze": "froze frozen", "know": "knew known",
        "show": "shown", "fly": "flew flown", "swim": "swam", "go": "went gone", "see": "saw seen", "get": "got gotten",
    }.items()
    for past in forms.split()
}
# "one-time costs" is one word: its "time" does not make a date question.
_WORDS = re.compile(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class QuestionType:
    """The kind of answer asked for, and the words a direct answer must be near."""

    kind: str
    head: frozenset[str]  # stems of the thing asked about ("goals", "chairman", "manag")
    focus: frozenset[str]  # stems of every content word of the question
    names: tuple[str, ...]  # the question's names, lower-cased ("kerrigan", "cftc")
    words: frozenset[str]  # every word of the question, lower-cased: what an answer must add to
    measure: str = ""  # for number questions: money, percent or duration when the question says so
    # The question's people named in full, each as its name words ("gordon", "brennick"): after
    # the first mention a story calls them by their last name, which then stands for all of it.
    persons: tuple[tuple[str, ...], ...] = ()
    ahead: bool = False  # a when-question about what is yet to happen ("When will the bridge reopen?")
    # Names that qualify what is asked ("Which Fairway subsidiary ...?"): the answer may hold them.
    qualifiers: frozenset[str] = frozenset()
    # The names as the question writes them, word runs ("kestrel", "sound", "ferries").
    name_phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def typed(self) -> bool:
        return self.kind in TYPED

    @property
    def asked_words(self) -> frozenset[str]:
        """The focus without the names: what about the story is asked ("When was Greer born?" -> "born")."""
        return self.focus - {stem(n) for n in self.names}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem ("manages", "manager" -> "manag"; "complaint" and "complying" stay apart).

    An irregular verb's past form is stemmed as its base ("won" as "win", "spent" as "spend"), so
    that "Who won ...?" and "What was the winning time?" meet "was won by" and "had won".
    """
    lower = word.lower()
    return _STEMMER.stemWord(_IRREGULAR.get(lower, lower))


@lru_cache(maxsize=4096)
def classify(question: str) -> QuestionType:
    """The question's answer kind, head words, focus words and names."""
    text = read_out_contractions(" ".join(question.strip().split()))
    asking = asking_clause(text)
    lower = asking.lower()
    words = [w.lower() for w in _WORDS.findall(asking)]
    kind, head_at = _kind(lower, words)
    every_word = [w.lower() for w in _WORDS.findall(text)]
    content = [w for w in every_word if _says_something(w)]
    asked = words[head_at:]
    # "Did Sandoval end up backing the deal?" asks about backing, "Who went on to win?" about winning.
    asked = [w for i, w in enumerate(asked) if not (w in _PHRASAL_OPENERS and asked[i + 1 : i + 2] in (["up"], ["to"], ["on"]))]
    after = [w for w in asked if _says_something(w)]
    tokens = tokenize(text)
    # The first word is capitalised as a question's first word, unless context comes before the
    # asking clause ("Castlebay fired Marcus Bell, so who ...?").
    first_is_name = asking != text
    names = tuple(
        n
        for n in dict.fromkeys(
            t.lower
            for i, t in enumerate(tokens)
            if ((i > 0 or first_is_name) and t.text[:1].isupper()) or (len(t.text) > 1 and t.text.isupper())
        )
        if n not in STOPWORDS and n not in COMMON_ACRONYMS  # "the CEO of Northbridge" is about Northbridge
    )
    # The word the answer should stand beside: the noun asked about ("how many goals", "which
    # commissioner") or the verb ("who manages"), never one of the question's names (what it is
    # about, not what it asks for); for when/where, and "how much was the fee?", also the last word,
    # and for when/where the end of the main clause.
    after = [w for w in after if w.removesuffix("'s") not in set(names)]
    persons = tuple(
        person
        for span in analyse(text).spans
        if span.kind == PERSON
        and len(person := tuple(t.lower for t in tokens[span.first : span.last + 1] if t.lower in names)) >= 2
    )
    last_too = kind in (DATE, PLACE) or (kind == NUMBER and head_at < len(words) and words[head_at] in _AUXILIARIES)
    head = after[:1] + (after[-1:] if last_too else []) + (_main_clause_end(asked, names) if kind in (DATE, PLACE) else [])
    role = _role_noun(asked, names) if kind in (WHO, PERSON, ORG) else None
    if role:
        head = [role]
    measured = _measured_noun(asked) if kind == NUMBER and after[:1] and after[0] in _BARE_MEASURES else None
    if measured:
        head.append(measured)
    return QuestionType(
        kind=kind,
        head=_with_family(frozenset(stem(w) for w in head)),
        focus=frozenset(stem(w) for w in content),
        names=names,
        words=frozenset(t.lower for t in tokens),
        measure=_measure(lower, words) if kind == NUMBER else _date_grain(lower) if kind == DATE else "",
        persons=persons,
        ahead=kind == DATE and bool(_AHEAD.search(lower)),
        qualifiers=_qualifiers(words, head[:1], names),
        name_phrases=_name_phrases(tokens, names),
    )


def _says_something(word: str) -> bool:
    """Whether a question word is about its subject: not a stop word, an auxiliary or phrasing ("many", "off")."""
    return word not in STOPWORDS and word not in _AUXILIARIES and word not in _FILLER


def _measure(lower: str, words: list[str]) -> str:
    """What a number question's answer measures, when its words say: money, a percentage or a duration."""
    if _DURATION_QUESTION.match(lower):
        return DURATION
    if _PERCENT_NOUNS & set(words[:4]) or "what percent" in lower or _RATE_QUESTION.match(lower):
        return PERCENT
    if _MONEY_QUESTION.match(lower) or _MONEY_NOUNS & set(words[:7]):
        return MONEY
    return ""


def _qualifiers(words: list[str], head: list[str], names: tuple[str, ...]) -> frozenset[str]:
    """The names right before the head that a determiner opens ("which Fairway subsidiary", "the Port
    Avalon manager"): they qualify what is asked. A name after "did" is the subject ("did Gensler meet")."""
    if not head or head[0] not in words:
        return frozenset()
    at = words.index(head[0])
    start = at
    while start > 0 and words[start - 1].removesuffix("'s") in names:
        start -= 1
    if start == at or start == 0 or words[start - 1] not in _DETERMINERS:
        return frozenset()
    return frozenset(w.removesuffix("'s") for w in words[start:at])


def _name_phrases(tokens: tuple[Token, ...], names: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Runs of consecutive name words: "Kestrel Sound Ferries" is one name, not three."""
    phrases: list[list[str]] = []
    previous = None
    for token in tokens:
        if token.lower in names:
            if previous is not None and token.start - previous.end <= 1:
                phrases[-1].append(token.lower)
            else:
                phrases.append([token.lower])
            previous = token
        else:
            previous = None
    return tuple(tuple(phrase) for phrase in phrases)


def _role_noun(asked: list[str], names: tuple[str, ...]) -> str | None:
    """The role a "who is the ...?" question asks about: the last word of the phrase after "is the"
    ("the new head coach of the Comets" -> "coach", "the only committee member to oppose" -> "member"),
    as English compounds end with the word they name. None when the question does not ask that way."""
    if len(asked) < 3 or asked[0] not in _COPULAS or asked[1] not in ("the", "a", "an"):
        return None
    phrase = []
    for word in asked[2:]:
        if word in STOPWORDS or word in _FILLER:
            if phrase:
                break
            continue  # "the only committee member"
        phrase.append(word)
    return phrase[-1] if phrase and phrase[-1].removesuffix("'s") not in names else None


def _measured_noun(asked: list[str]) -> str | None:
    """What a bare measure word measures: "raise" in "what size raise ...?", "people" in "what number of people ...?"."""
    following = asked[1:3]
    if following[:1] == ["of"]:
        following = following[1:]
    return following[0] if following and _says_something(following[0]) else None


def _main_clause_end(asked: list[str], names: tuple[str, ...]) -> list[str]:
    """The last content word before the question's first trailing phrase, usually its verb: "Where will
    the temporary branch operate during the renovation?" asks where it will operate."""
    clause = [w for w in asked if w not in _AUXILIARIES]
    cut = next((i for i, w in enumerate(clause) if i > 0 and w in _TRAILING_PHRASE_STARTS), len(clause))
    words = [w for w in clause[:cut] if w not in STOPWORDS and w not in _FILLER and w.removesuffix("'s") not in names]
    return words[-1:]


def _date_grain(lower: str) -> str:
    """For date questions: a year ("In what year ...?") or a day ("On what date ...?") when the question says."""
    found = _DATE_GRAIN.search(lower)
    return (YEAR if found.group(1) == "year" else DAY) if found else ""


def _kind(lower: str, words: list[str]) -> tuple[str, int]:
    """The answer kind and the index of the first word after the question's opening."""
    if not words:
        return OTHER, 0
    if _HOW_NUMBER.match(lower):
        return NUMBER, 2
    if _WHEN.match(lower):
        return DATE, 1
    if _WHERE.match(lower):
        level = next((i for i, w in enumerate(words) if noun_kind(w) == NUMBER), None)
        if level is not None and _LEVEL_VERBS.search(lower):
            return NUMBER, level
        return PLACE, 1
    if words[0] in ("who", "whom", "whose"):
        return WHO, 1
    if words[0] == "why":
        return REASON, 1
    if words[0] in _AUXILIARIES or words[0] in ("if", "whether"):  # "do you know if ..." asks yes or no
        return YESNO, 1
    wh = next((i for i, w in enumerate(words[:4]) if w in ("what", "which")), None)
    if wh is not None:
        for offset, word in enumerate(words[wh + 1 : wh + 4], start=wh + 1):
            if word in _COPULAS:
                # "What was the hottest April reading?": the noun after "was" is the thing asked for,
                # and the last noun of its phrase is its head ("the court's ruling" asks for a ruling).
                found = _phrase_head(words, offset + 1)
                if found:
                    return found
                break
            if word in _AUXILIARIES:
                # "What did the court rule?": a noun after the verb is the subject, not the thing asked for.
                break
            found = noun_kind(word)
            if found:
                # "Which council member ...?" asks for a member: a compound's last noun decides its
                # kind ("What inflation rate" keeps "inflation", the more telling word, as its head).
                following = noun_kind(words[offset + 1]) if offset + 1 < len(words) else None
                compound = following and following != found and not word.endswith("'s")  # "which city's court" asks for a city
                return (following, offset + 1) if compound else (found, offset)
        # "What does the extra $2.6 million pay for?" gives the sum and asks what it buys.
        if _MONEY_VERBS.search(lower) and not _A_SUM.search(lower):
            return NUMBER, wh + 1
        return OTHER, wh + 1
    return OTHER, 0


def _with_family(head: frozenset[str]) -> frozenset[str]:
    """The head stems, plus the words a sentence uses for the same measure ("paid" -> "fee", "price")
    or for what an acronym stands for ("ceo" -> "chief", "executive")."""
    for acronym in head & _ACRONYM_STEMS.keys():
        head |= _ACRONYM_STEMS[acronym]
    for family in _HEAD_FAMILIES:
        if head & family:
            head |= family
    return head


def _phrase_head(words: list[str], start: int) -> tuple[str, int] | None:
    """The kind and index of the head of the noun phrase at `start`: its last word, possessives and determiners aside."""
    phrase = []
    for index in range(start, min(len(words), start + 5)):
        word = words[index]
        if word == "of" and phrase and words[phrase[-1]] in ("name", "names"):
            # "What is the name of the teacher who ...?" asks for the teacher.
            return _phrase_head(words, index + 1)
        if word in _PHRASE_ENDS or word in _AUXILIARIES:
            break
        if word not in ("the", "a", "an", "this", "that", "its", "their", "his", "her") and not word.endswith("'s"):
            phrase.append(index)
    if not phrase:
        return None
    kind = noun_kind(words[phrase[-1]])
    if kind is None:
        # "What is the price tag on the takeover?": a quantity that modifies a noun of no kind asks for a number.
        measured = next((i for i in phrase[:-1] if noun_kind(words[i]) == NUMBER), None)
        return (NUMBER, measured) if measured is not None else None
    return kind, phrase[-1]
