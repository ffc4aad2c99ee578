"""The nouns that say what kind of answer a question asks for: "which agency" an organisation,
"what rate" a number, "which city" a place, "which commissioner" a person (`qa/question_types.py`)."""

from __future__ import annotations

from qa.typed_spans import DATE, NUMBER, ORG, PERSON, PLACE, ROLES, is_occupation

_QUANTITIES = frozenset(
    "percent percentage share proportion fraction rate price yield amount sum figure number score temperature "
    "total cost fine penalty salary budget revenue value margin attendance size speed distance capacity count "
    "tally majority level height depth weight length age fee wage valuation deficit surplus profit loss sales "
    "growth increase decrease drop fall rise inflation payment settlement award damages bail sentence "
    "rainfall snowfall turnout population volume debt funding cap limit fare dividend return headcount workforce "
    "staffing reading odds ratio".split()
)
_TIMES = frozenset(
    "year years date day days month months time season week decade century hour morning night period span era".split()
)
_PLACES = frozenset(
    "city country state town venue stadium place region county neighbourhood neighborhood location street "
    "district province island area site village capital continent nation airport port".split()
)
_ORGS = frozenset(
    "company companies firm firms agency agencies organisation organization organisations organizations regulator "
    "regulators bank banks exchange exchanges team teams club clubs court courts outlet outlets newspaper "
    "university institute lab laboratory body bodies unit units department ministry party group union council "
    "committee board authority business startup retailer airline insurer lender manufacturer maker supplier "
    "developer contractor fund school hospital charity publication network station sponsor rival competitor "
    "opponent side entity entities platform subsidiary subsidiaries affiliate division vendor vendors provider "
    "providers carrier carriers operator operators distributor distributors publisher broadcaster chain brand "
    "automaker carmaker utility consultancy conglomerate".split()
)
_PEOPLE = ROLES | frozenset(
    "person people man woman member members defendant plaintiff employee reporter editor official officials "
    "executives player players candidate winner athlete witness victim driver pilot owner buyer seller teacher "
    "schoolteacher student doctor nurse physician surgeon farmer worker resident tenant voter fan runner cyclist "
    "rider rower swimmer skier amateur volunteer activist scholar artist singer actor writer novelist journalist "
    "photographer architect investor trader banker chef survivor suspect passenger customer patient citizen "
    "astronaut explorer inventor entrepreneur whistleblower critic opponent".split()
)


def noun_kind(word: str) -> str | None:
    """The kind of answer a noun of the question asks for ("rate" a number, "agency" an organisation), if any."""
    singular = {word, word.removesuffix("'s"), word.removesuffix("s"), word.removesuffix("ies") + "y"}
    for kind, nouns in ((NUMBER, _QUANTITIES), (DATE, _TIMES), (PLACE, _PLACES), (ORG, _ORGS), (PERSON, _PEOPLE)):
        if singular & nouns:
            return kind
    if is_occupation(word):  # a neurologist, a physician
        return PERSON
    return None
