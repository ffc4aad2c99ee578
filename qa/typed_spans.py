"""What a sentence states, by kind: people, organisations, places, numbers and dates (rules, no model).

`find_spans(sentence)` returns typed spans with their token positions. Names are runs of
capitalised words; a run is a person when a role word or title stands before it ("Manager
Ruth Callander", "striker Mateo Kerrigan") or a speech verb follows it, an organisation when
it holds an institution word ("Commission", "FC", "Bank") or is an acronym, and a place when
it holds a place word or follows "in", "at", "from", "near". A single capitalised word with
no such clue stays a plain `name`. Why rules and not a tagger: see docs/answering.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.words import COUNTRIES
from functools import lru_cache

PERSON, ORG, PLACE, NAME, NUMBER, DATE = "person", "org", "place", "name", "number", "date"
# What a number measures, when its own characters or the word after it say so.
MONEY, PERCENT, DURATION = "money", "percent", "duration"
CLOCK = "clock"  # a date span that is a time of day ("12:48 p.m.")
COUNTRY = "country"  # a place span that names a country ("the United States", "Kenya")
_CLOCK = re.compile(r"\d(?::\d\d)?\s?(?:a\.m|p\.m|am\b|pm\b)|\b(?:noon|midnight)\b", re.IGNORECASE)
_CURRENCY_WORDS = frozenset("dollars dollar pounds pound euros euro yen yuan francs rupees cents pence usd gbp eur".split())
_HYPHENATED_UNIT = re.compile(r"-(year|month|week|day|hour|minute|second|decade)s?(-|$)")
_TIME_UNITS = frozenset(
    "year years month months week weeks day days hour hours minute minutes second seconds decade decades".split()
)

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Words that, standing right before a name, make it a person's.
ROLES = frozenset(
    "mr mrs ms dr prof professor sir dame judge justice chairman chairwoman chair chairperson mayor coach manager "
    "president commissioner sen senator rep representative gov governor chief inspector officer sergeant detective "
    "captain striker midfielder goalkeeper defender forward winger player lawyer attorney prosecutor spokesperson "
    "spokesman spokeswoman ceo executive director founder economist analyst scientist researcher minister "
    "secretary councillor councilmember councilman councilwoman alderman superintendent referee umpire author "
    "meteorologist forecaster physicist chemist biologist engineer astronomer geologist climatologist "
    "chancellor deputy treasurer auditor sheriff constable warden principal dean bishop pastor rev "
    "father mother son daughter husband wife brother sister headteacher trainer boss leader head".split()
)
SPEECH = frozenset("said says told added argued wrote explained noted warned stated testified recalled".split())
ORG_WORDS = frozenset(
    "commission council court bank inc corp corporation co ltd llc plc fc afc athletic united rovers wanderers "
    "university college institute department agency authority exchange group association party committee "
    "board ministry office service services club league division cup securities markets times daily wire "
    "news post journal herald gazette tribune capital partners holdings technologies technology labs laboratory "
    "foundation trust fund police union company industries systems airlines airways motors energy pharmaceuticals "
    "microdevices network networks bureau administration reserve senate congress parliament assembly "
    "hospital school academy museum centre center institution federation organisation organization "
    # The words a firm's name ends with: "an analyst at Tidewater Research" works for an organisation.
    "research consulting consultants advisors advisers associates analytics economics insights strategies ventures "
    "investments management solutions media logistics shipping lines foods brands pharma therapeutics biosciences "
    "biotech robotics software semiconductor semiconductors resources petroleum mining steel chemicals insurance "
    "bancorp trading railways telecom communications entertainment studios publishing properties realty "
    "construction engineering electric utilities".split()
)
# Nouns that make a name set off before them an organisation ("Paylantic, the payments app").
APPOSITIVE_ORGS = frozenset(
    "company firm maker startup start-up bank group agency regulator exchange lender insurer retailer airline "
    "carrier manufacturer developer operator publisher broker fund subsidiary unit club team charity nonprofit "
    "organisation organization association union party network platform app chain brand conglomerate utility "
    "producer supplier provider business outlet newspaper broadcaster consultancy contractor vendor distributor "
    "automaker carmaker".split()
)
# Occupations too many to list end so: a neurologist, a physician, a photographer.
_OCCUPATION = re.compile(r"\w{3,}(ist|ician|ologer|grapher)s?$")
_NOT_OCCUPATIONS = frozenset("exist insist resist consist persist assist subsist checklist playlist waitlist".split())


def is_occupation(word: str) -> bool:
    return bool(_OCCUPATION.search(word)) and word.removesuffix("s") not in _NOT_OCCUPATIONS

PLACE_WORDS = frozenset(
    "street st avenue ave road rd boulevard lane park river bay county valley island islands lake mountain "
    "mountains beach heights square bridge harbor harbour province region coast airport station district "
    "borough township peninsula sea ocean gulf canyon hills forest stadium arena quarter".split()
)
PLACE_PREPOSITIONS = frozenset("in at from near across outside inside throughout around into towards toward off".split())
PLACE_ACRONYMS = frozenset("us u.s uk u.k eu e.u uae usa".split())
# Capitalised function words and openers that never start a name.
_NOT_NAMES = frozenset(
    "a an the in on at for by with and or but of to from as it its he she his her they their them we our i you "
    "this that these those there here when while after before since until if as so yet not no yes one "
    "what who which where why how also then than though although because during under over about into "
    "neither either both each every many more most some several such other another all any".split()
)
_CONNECTORS = frozenset("of de van von der la le du da del &".split())
_WORD_NUMBERS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|dozen|dozens|"
    "thousands|millions|billions|half|twice|double|triple|a third|a quarter"
)
_NUMBER_RE = re.compile(
    # A race time ("2:07:55") and a vote or score ("9-2") first, so their parts are not numbers of their own.
    r"\b\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\b|(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])|(?:[$€£]\s?)?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:%|percent|per cent|percentage points?|million|billion|trillion|"
    r"thousand|bn\b|m\b|k\b))?|\b(?:" + _WORD_NUMBERS + r")\b",
    re.IGNORECASE,
)
_SEASONS = "spring|summer|autumn|fall|winter"
_DATE_RE = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+\d{4})?"
    r"|(?:january|february|march|april|june|july|august|september|october|november|december)(?:\s+\d{4})?"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:early|late|mid)[- ]?(?:\d{4}|" + _SEASONS + r")"
    r"|(?:last|next|this|earlier this|later this)\s+(?:week|month|year|season|term|night|weekend|" + _SEASONS + r")"
    r"|(?:in\s+the\s+)?(?:" + _SEASONS + r")(?:\s+(?:of\s+)?\d{4})?"
    r"|yesterday|today|tomorrow|tonight|overnight|noon|midnight"
    r"|\d{1,2}(?::\d\d)?\s?(?:a\.m\.(?!\w)|p\.m\.(?!\w)|am\b|pm\b)"
    r"|\d{4}-\d\d-\d\d|(?:the\s+)?\d{4}s|(?:1[89]|20)\d\d)(?:\b|(?<=\.))",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['\u2019]s$")
# A year as written in news: 1800-2099.
A_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TOKEN = re.compile(r"[A-Z](?:\.[A-Z])+\.?|[A-Za-z][A-Za-z'\u2019\-]*|\d[\d,.]*|&")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return _POSSESSIVE.sub("", self.text.lower().rstrip("."))


@dataclass(frozen=True)
class Span:
    """Something a sentence states: its kind, text, and first/last token positions (for nearness)."""

    kind: str
    text: str
    first: int
    last: int
    measure: str = ""  # numbers: money, percent or duration when written so; dates: clock; places: country


@dataclass(frozen=True)
class Analysis:
    tokens: tuple[Token, ...]
    spans: tuple[Span, ...]


def tokenize(text: str) -> tuple[Token, ...]:
    """Words, acronyms with dots ("U.S."), numbers and '&', with their offsets."""
    return tuple(Token(m.group().rstrip("'\u2019"), m.start(), m.end()) for m in _TOKEN.finditer(text))


@lru_cache(maxsize=20_000)
def analyse(sentence: str) -> Analysis:
    """The sentence's tokens and every typed span in it (cached: sentences repeat across questions)."""
    tokens = tokenize(sentence)
    dates = [replace(s, measure=CLOCK) if _CLOCK.search(s.text) else s for s in _pattern_spans(sentence, tokens, _DATE_RE, DATE)]
    # The "4" of "4 p.m." and the "3" of "Feb. 3" are a date's parts, not a quantity.
    numbers = [n for n in _numbers(sentence, tokens) if not any(d.first <= n.first and n.last <= d.last for d in dates)]
    spans = dates + numbers + _names(tokens)
    return Analysis(tokens, tuple(spans))


def _token_range(tokens: tuple[Token, ...], start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
    return (inside[0], inside[-1]) if inside else None


def _pattern_spans(text: str, tokens: tuple[Token, ...], pattern: re.Pattern[str], kind: str) -> list[Span]:
    spans = []
    for match in pattern.finditer(text):
        where = _token_range(tokens, match.start(), match.end())
        if where is not None:
            spans.append(Span(kind, match.group(), *where))
    return spans


def _numbers(text: str, tokens: tuple[Token, ...]) -> list[Span]:
    # A bare year is a date, not a quantity ("in 2018" does not answer "how many").
    spans = [s for s in _pattern_spans(text, tokens, _NUMBER_RE, NUMBER) if not A_YEAR.fullmatch(s.text.strip())]
    return [replace(s, measure=_measure(s, tokens)) for s in spans]


def _measure(span: Span, tokens: tuple[Token, ...]) -> str:
    """Money ("$412,000", "9 million pounds"), a percentage, a duration ("five years", "2:07:55"), or ''."""
    written = span.text.lower()
    following = [t.lower for t in tokens[span.last + 1 : span.last + 3]]
    # "50 billion Swiss francs", "9 million pounds", "$28"
    if written[:1] in "$\u20ac\u00a3" or any(word in _CURRENCY_WORDS for word in following):
        return MONEY
    if "%" in written or "percent" in written or "per cent" in written:
        return PERCENT
    if ":" in written or (following[:1] and following[0] in _TIME_UNITS) or _HYPHENATED_UNIT.search(tokens[span.last].lower):
        return DURATION  # "five years", "2:07:55", "a five-year contract"
    return ""


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower not in _NOT_NAMES and token.lower not in MONTHS | WEEKDAYS


def _names(tokens: tuple[Token, ...]) -> list[Span]:
    spans, i = [], 0
    while i < len(tokens):
        if not _is_capitalised(tokens[i]) or tokens[i].lower in ROLES:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].start - tokens[j].end <= 1:
            nxt = tokens[j + 1]
            if _is_capitalised(nxt) and nxt.lower not in ROLES:
                j += 1
            elif nxt.lower in _CONNECTORS and j + 2 < len(tokens) and _is_capitalised(tokens[j + 2]) and _joins(tokens[i : j + 1]):
                j += 2
            else:
                break
        spans.append(_classify(tokens, i, j))
        i = j + 1
    return spans


def _joins(run: tuple[Token, ...]) -> bool:
    """Whether a name continues over "of": "Bank of America", "Port of Calder", not "Faith Chebet of Kenya"."""
    return len(run) == 1 or any(t.lower in ORG_WORDS or t.lower in PLACE_WORDS for t in run)


def _apposition(tokens: tuple[Token, ...], first: int, last: int) -> str | None:
    """The kind a phrase set off beside a name gives it: "Caldera Therapeutics, a biotechnology
    company" is an organisation, "Ilse Vandermeer, a neurologist at ..." a person; failing that, such
    a noun just before it: "His team, Ridgeline Pro Cycling, said ..." names an organisation."""
    if last + 2 < len(tokens) and _set_off(tokens, last) and tokens[last + 1].lower in ("a", "an", "the"):
        for token in tokens[last + 2 : last + 6]:
            if token.text.endswith(("'s", "\u2019s")):
                continue  # "the exchange's chief executive" is a person
            if token.lower in APPOSITIVE_ORGS:
                return ORG
            if token.lower in ROLES or is_occupation(token.lower):
                return PERSON
    if first > 0 and tokens[first - 1].lower in APPOSITIVE_ORGS and _set_off(tokens, first - 1):
        return ORG
    return None


def _set_off(tokens: tuple[Token, ...], at: int) -> bool:
    """Whether punctuation (a comma) stands between token `at` and the next: more than a space apart."""
    return tokens[at + 1].start - tokens[at].end >= 2


def _classify(tokens: tuple[Token, ...], first: int, last: int) -> Span:
    words = [t.lower for t in tokens[first : last + 1]]
    text = " ".join(t.text for t in tokens[first : last + 1])
    before = tokens[first - 1].lower if first > 0 else ""
    before2 = tokens[first - 2].lower if first > 1 else ""
    after = tokens[last + 1].lower if last + 1 < len(tokens) else ""
    acronym = len(words) == 1 and len(text.replace(".", "")) >= 2 and text.replace(".", "").isupper()
    if words[-1] in PLACE_ACRONYMS and len(words) == 1:
        kind = PLACE
    elif any(w in ORG_WORDS for w in words) or acronym:
        kind = ORG
    elif any(w in PLACE_WORDS for w in words[1:]) or before in PLACE_PREPOSITIONS or (
        before == "the" and before2 in PLACE_PREPOSITIONS
    ):
        kind = PLACE
    elif appositive := _apposition(tokens, first, last):
        kind = appositive
    elif before in ROLES or after in SPEECH or len(words) in (2, 3):
        kind = PERSON
    else:
        kind = NAME
    if text.lower() in COUNTRIES:
        return Span(PLACE, text, first, last, COUNTRY)  # "the United States" is no football club
    return Span(kind, text, first, last)
