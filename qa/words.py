"""Word-level helpers shared by the extractive answerer and the support check."""

from __future__ import annotations

import re

from index.lexical import STOPWORDS as SEARCH_STOPWORDS

# The search's stop list, plus the reporting verbs and "yes" that every news claim can carry.
STOPWORDS = SEARCH_STOPWORDS | {"according", "report", "reported", "yes"}
# Countries and their adjectives: "Swiss" stands for Switzerland in a question; "Chicago" answers
# "in which city" better than "the United States".
COUNTRY_ADJECTIVES = {
    "switzerland": "swiss", "britain": "british", "france": "french", "germany": "german", "china": "chinese",
    "japan": "japanese", "spain": "spanish", "italy": "italian", "russia": "russian", "canada": "canadian",
    "america": "american", "mexico": "mexican", "brazil": "brazilian", "india": "indian", "ireland": "irish",
    "netherlands": "dutch", "sweden": "swedish", "norway": "norwegian", "denmark": "danish", "finland": "finnish",
    "poland": "polish", "ukraine": "ukrainian", "turkey": "turkish", "greece": "greek", "portugal": "portuguese",
    "australia": "australian", "korea": "korean", "israel": "israeli", "egypt": "egyptian", "kenya": "kenyan",
    "ethiopia": "ethiopian", "nigeria": "nigerian", "argentina": "argentine", "belgium": "belgian", "austria": "austrian",
    "scotland": "scottish", "wales": "welsh", "england": "english", "europe": "european", "africa": "african",
    "asia": "asian", "singapore": "singaporean", "vietnam": "vietnamese", "iran": "iranian", "iraq": "iraqi",
}
COUNTRIES = frozenset(COUNTRY_ADJECTIVES) | {
    "united states", "the united states", "u.s", "u.s.", "us", "usa", "united kingdom", "the united kingdom", "uk",
    "u.k", "u.k.", "great britain",
}
# Acronyms people type for titles and common things, with what a story writes instead. They
# are words, not names: "Who is the CEO of Northbridge?" is about Northbridge, and a story
# saying "chief executive" mentions everything it asks about.
COMMON_ACRONYMS = {
    "ceo": ("chief executive", "ceo"), "cfo": ("chief financial officer", "finance chief", "cfo"),
    "coo": ("chief operating officer", "coo"), "cto": ("chief technology officer", "cto"),
    "vc": ("venture capital", "venture"), "ac": ("air conditioning", "air-conditioning", "air conditioner"),
    "ipo": ("initial public offering", "listing", "ipo"), "ai": ("artificial intelligence", "ai"),
    "hq": ("headquarters",), "ev": ("electric vehicle", "electric car"), "tv": ("television", "tv"),
    "pm": ("prime minister",), "ag": ("attorney general",), "da": ("district attorney",),
    "gop": ("republican",), "gdp": ("gross domestic product", "economic output", "gdp"),
    "ny": ("new york",), "nyc": ("new york",), "la": ("los angeles",), "dc": ("washington",),
    "uk": ("britain", "british", "united kingdom", "u.k."), "us": ("united states", "u.s.", "american"),
    "usa": ("united states", "u.s.", "american"), "eu": ("european union", "e.u."),
}
_WORD = re.compile(r"[A-Za-z0-9]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def content_words(text: str) -> set[str]:
    """Lower-cased five-letter stems of the words that carry meaning ("advise", "adviser" -> "advis")."""
    return {w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in STOPWORDS}


def numbers(text: str) -> set[str]:
    """The numbers a text states, thousands separators removed ("1,200" -> "1200")."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)}
