"""The answering domain: numbered Passages in, an Answer with Citations out."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str

    def to_dict(self) -> dict[str, str]:
        return {"role": self.role, "content": self.content}


@dataclass(frozen=True)
class Completion:
    """A model's reply: its text, which model made it, token usage and why it stopped, when reported."""

    text: str
    model: str
    usage: dict[str, int] = field(default_factory=dict)
    finish_reason: str | None = None


@dataclass(frozen=True)
class SourceRef:
    """Which article a numbered passage comes from: what a reader needs to find it (`n` from 1)."""

    n: int
    chunk_id: str
    article_id: str
    title: str
    url: str | None
    source: str
    published_at: str | None


@dataclass(frozen=True)
class Passage(SourceRef):
    """A retrieved passage as shown to the model: `n` is its citation number, from 1.

    One chunk, or adjacent chunks of one article joined (`chunk_ids`; `chunk_id` is the best
    ranked). `score` is its cosine similarity to the question, `scores` each search method's
    score and rank, and `also_in` the other outlets whose articles carry the same text.
    """

    text: str
    start: int
    end: int
    score: float
    chunk_ids: tuple[str, ...] = ()
    scores: dict[str, Any] = field(default_factory=dict, compare=False)
    also_in: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "score": round(self.score, 4), "chunk_ids": list(self.chunk_ids or (self.chunk_id,))}


@dataclass(frozen=True)
class Citation(SourceRef):
    """A passage the answer cites, and `quote`: the sentence of it that best supports a claim citing it.

    `quote_start`/`quote_end` are the quote's character offsets in the article's body;
    `supported` says whether this passage backs a claim that cites it (ALCE's precision);
    `also_in` names the other outlets that ran the same text (a wire story), so none is lost;
    `quotes` holds every sentence of the passage that some claim citing it used, as
    `{"text", "start", "end"}` with offsets in `passage` (so a reader sees each one in place).
    """

    quote: str
    quote_start: int
    quote_end: int
    passage: str
    score: float
    supported: bool
    also_in: tuple[dict[str, Any], ...] = field(default=(), compare=False)
    quotes: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    @classmethod
    def of(
        cls, passage: Passage, *, quote: str, quote_start: int, quote_end: int, supported: bool,
        quotes: tuple[dict[str, Any], ...] = (),
    ) -> Citation:
        """The citation of `passage`, quoting the sentence at those offsets of its article."""
        ref = {f.name: getattr(passage, f.name) for f in fields(SourceRef)}
        return cls(
            **ref, quote=quote, quote_start=quote_start, quote_end=quote_end, passage=passage.text,
            score=passage.score, supported=supported, also_in=passage.also_in, quotes=quotes,
        )

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "score": round(self.score, 4)}


@dataclass(frozen=True)
class Claim:
    """One sentence of an answer: the passages it cites and whether they support it.

    `supported` is None for a sentence that makes no claim (a lead-in such as "The sources say:").
    """

    text: str
    citations: tuple[int, ...]
    supported: bool | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "citations": list(self.citations), "supported": self.supported}


@dataclass(frozen=True)
class Answer:
    """What a reader gets: the text with [n] marks, the citations behind them, and how it was made.

    `as_of` is the newest publication date among the cited articles (news goes stale: the
    answer holds as of then); `search` says how the passages were found (mode, recency, filters).
    """

    text: str
    citations: tuple[Citation, ...]
    refused: bool
    mode: str
    model: str
    refusal_reason: str | None = None
    claims: tuple[Claim, ...] = ()
    verification: dict[str, int] = field(default_factory=dict)
    passages: tuple[Passage, ...] = ()
    as_of: str | None = None
    search: dict[str, Any] = field(default_factory=dict)
    timings_ms: dict[str, float] = field(default_factory=dict)
    usage: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "citations": [c.to_dict() for c in self.citations],
            "refused": self.refused,
            "refusal_reason": self.refusal_reason,
            "claims": [c.to_dict() for c in self.claims],
            "verification": dict(self.verification),
            "mode": self.mode,
            "model": self.model,
            "passages": [p.to_dict() for p in self.passages],
            "as_of": self.as_of,
            "search": dict(self.search),
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
            "usage": dict(self.usage),
            "warnings": list(self.warnings),
        }
