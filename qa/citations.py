"""Citation checking: parse [n] marks, drop numbers that were never given, and judge the support.

Only passages that were actually retrieved can be cited: a mark naming any other
number is removed from the text and reported in the warnings, never linked. Every
sentence is then checked against the passages it cites (`qa/support.py`); a sentence
they do not support is marked `supported: false`, not hidden.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from qa.models import Citation, Claim, Passage
from index.sentences import Sentence, split_sentences
from qa.support import SupportJudge

# [3], [1, 2], [1; 2], [2-4] (also with an en dash); ranges wider than this are not citations.
_MARK = re.compile(r"\[\s*(\d{1,4}(?:\s*(?:[,;]|[-\u2013])\s*\d{1,4})*)\s*\]")
_MAX_RANGE = 20
_MARKS_AFTER_STOP = re.compile(r"([.!?])((?:[ \t]*\[\d[\d,;\s\u2013-]{0,30}\])+)")


@dataclass(frozen=True)
class CheckedAnswer:
    text: str
    claims: tuple[Claim, ...]
    citations: tuple[Citation, ...]
    warnings: tuple[str, ...]
    citation_marks: int = 0
    precise_marks: int = 0
    dropped_marks: int = 0

    @property
    def supported_claims(self) -> int:
        return sum(1 for c in self.claims if c.supported)

    def verification(self) -> dict[str, int]:
        """Counts for ALCE's metrics: recall = supported / claims, precision = precise / citations."""
        return {
            "claims": sum(1 for c in self.claims if c.supported is not None),
            "supported": self.supported_claims,
            "citations": self.citation_marks,
            "precise": self.precise_marks,
            "dropped": self.dropped_marks,
        }


def parse_marks(text: str) -> list[tuple[int, int, list[int]]]:
    """Every citation mark as (start, end, numbers), numbers in the order written, ranges expanded."""
    marks = []
    for match in _MARK.finditer(text):
        numbers: list[int] = []
        for part in re.split(r"\s*[,;]\s*", match.group(1)):
            bounds = [int(x) for x in re.split(r"\s*[-\u2013]\s*", part)]
            if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] <= _MAX_RANGE:
                numbers.extend(range(bounds[0], bounds[1] + 1))
            else:
                numbers.extend(bounds)
        marks.append((match.start(), match.end(), numbers))
    return marks


def defuse_marks(text: str) -> str:
    """Article text with its own bracketed numbers made inert: "[2]" becomes "(2)", never a citation."""
    return _MARK.sub(lambda m: f"({m.group(1)})", text)


def strip_marks(text: str) -> str:
    """The text without its citation marks (what the claim itself says)."""
    return " ".join(_MARK.sub(" ", text).split())


def check_citations(text: str, passages: Sequence[Passage], judge: SupportJudge) -> CheckedAnswer:
    """Keep marks that name a given passage, drop the rest, and judge every sentence against what it cites.

    Each sentence becomes a Claim: `supported` is None for a lead-in ("... say:") and for an
    uncited sentence False; otherwise whether its cited passages together support it. Each
    cited passage becomes one Citation whose `quote` is its sentence that best supports a
    claim citing it, and whose `supported` says whether it backs any claim (ALCE precision).
    """
    by_number = {p.n: p for p in passages}
    cleaned, invalid = text, []
    # Dropping a mark can close a new one ("[ [9] 0]" leaves "[ 0]"): drop until none is left.
    while True:
        cleaned, dropped = _drop_invalid_marks(cleaned, by_number)
        invalid += dropped
        if not dropped:
            break
    sentences = split_sentences(cleaned)
    tally = _judge_sentences(sentences, by_number, passages, judge)
    citations = tuple(
        _citation(by_number[n], best, precise, sorted(tally.used.get(n, {}).values(), key=lambda q: q.start))
        for n, (_, best, precise) in sorted(tally.best_for.items())
    )
    return CheckedAnswer(
        text=cleaned,
        claims=tuple(tally.claims),
        citations=citations,
        warnings=tuple(_warnings(invalid, passages, citations, tally.claims)),
        citation_marks=tally.marks,
        precise_marks=tally.precise_marks,
        dropped_marks=len(invalid),
    )


@dataclass
class _Tally:
    """What judging the sentences found: the claims, each cited passage's quote, and ALCE's counts."""

    claims: list[Claim] = field(default_factory=list)
    best_for: dict[int, tuple[float, Sentence | None, bool]] = field(default_factory=dict)
    used: dict[int, dict[tuple[int, int], Sentence]] = field(default_factory=dict)
    marks: int = 0
    precise_marks: int = 0


def _judge_sentences(
    sentences: Sequence[Sentence], by_number: dict[int, Passage], passages: Sequence[Passage], judge: SupportJudge
) -> _Tally:
    cited = [list(dict.fromkeys(n for _, _, ns in parse_marks(s.text) for n in ns)) for s in sentences]
    claims_text = [strip_marks(s.text) for s in sentences]
    evidence = judge.evidence(claims_text, passages) if any(cited) else [{} for _ in sentences]
    tally = _Tally()
    for sentence, numbers_cited, claim, per_passage in zip(sentences, cited, claims_text, evidence):
        if not numbers_cited:
            lead_in = sentence.text.rstrip().endswith(":") or not claim
            tally.claims.append(Claim(text=sentence.text, citations=(), supported=None if lead_in else False))
            continue
        cited_passages = [by_number[n] for n in numbers_cited]
        supported = judge.supports(claim, [per_passage[n] for n in numbers_cited], cited_passages)
        tally.claims.append(Claim(text=sentence.text, citations=tuple(numbers_cited), supported=supported))
        for n in numbers_cited:
            others = [m for m in numbers_cited if m != n]
            precise = supported and (
                judge.precise(per_passage[n])
                or not judge.supports(claim, [per_passage[m] for m in others], [by_number[m] for m in others])
            )
            tally.marks += 1
            tally.precise_marks += precise
            ev = per_passage[n]
            if ev.best is not None:
                tally.used.setdefault(n, {})[(ev.best.start, ev.best.end)] = ev.best
            previous = tally.best_for.get(n)
            # The first claim citing a passage picks its quote, unless only a later claim is backed by it.
            if previous is None or (precise and not previous[2]):
                tally.best_for[n] = (ev.similarity, ev.best, precise)
    return tally


def _warnings(
    invalid: Sequence[int], passages: Sequence[Passage], citations: Sequence[Citation], claims: Sequence[Claim]
) -> list[str]:
    warnings = []
    if invalid:
        given = f"1-{len(passages)}" if passages else "none"
        warnings.append(
            f"dropped citation(s) {', '.join(f'[{n}]' for n in dict.fromkeys(invalid))}: "
            f"no such passage (passages given: {given})"
        )
    if not citations:
        warnings.append("the answer cites no retrieved passage, so none of it can be checked")
    unsupported = [c for c in claims if c.supported is False]
    if citations and unsupported:
        warnings.append(f"{len(unsupported)} sentence(s) are not supported by the passages they cite (or cite none)")
    return warnings


def _drop_invalid_marks(text: str, by_number: dict[int, Passage]) -> tuple[str, list[int]]:
    invalid: list[int] = []
    parts: list[str] = []
    cursor = 0
    for start, end, numbers in parse_marks(text):
        valid = [n for n in numbers if n in by_number]
        invalid.extend(n for n in numbers if n not in by_number)
        parts.append(text[cursor:start])
        parts.append("".join(f"[{n}]" for n in dict.fromkeys(valid)))
        cursor = end
    parts.append(text[cursor:])
    cleaned = re.sub(r"[ \t]+([.,;:!?])", r"\1", "".join(parts)).strip()
    # "Claim. [1]" becomes "Claim [1]." so the mark stays with the sentence it supports.
    cleaned = _MARKS_AFTER_STOP.sub(lambda m: f"{m.group(2).strip()}{m.group(1)}", cleaned)
    cleaned = re.sub(r"([^\s\]])(\[\d)", r"\1 \2", cleaned)
    return cleaned, invalid


def _citation(passage: Passage, best: Sentence | None, supported: bool, used: Sequence[Sentence]) -> Citation:
    if best is None:
        quote, start, end = passage.text, 0, len(passage.text)
    else:
        quote, start, end = best.text, best.start, best.end
    return Citation.of(
        passage, quote=quote, quote_start=passage.start + start, quote_end=passage.start + end, supported=supported,
        quotes=tuple({"text": q.text, "start": q.start, "end": q.end} for q in used),
    )
