"""Golden files: the questions a team cares about and what their answers must (not) say.

```yaml
cases:
  - question: Did Gensler advise Binance?          # required
    id: gensler-binance                             # optional, else derived from the position
    modes: [llm]                                    # optional: only run for these answer modes
    known_failure: why it fails today               # optional: reported as XFAIL, never fails the run;
                                                    # "extractive: why" or "llm: why" marks one mode only
    top_k: 5                                        # optional
    filters: {source: [Ledger Daily], published_after: 2023-03-01, published_before: 2023-03-31}
    history:                                        # optional earlier turns of the conversation
      - {role: user, content: Who tried to hire Gensler?}
      - {role: assistant, content: Binance did, according to a report.}
    expect:                                         # at least one of:
      contains_all: [declined]                      # every string, case-insensitive, in the answer
      contains_any: [declined, turned down]         # at least one of them
      not_contains: [agreed to advise]              # none of them
      cites: [https://ledgerdaily.example/...]      # articles (URL or article id) that must be cited
      min_citations: 1
      refused: false                                # true when the corpus cannot answer
      supported: true                               # every claim backed by its citations
      lead_contains_any: [declined]                 # the first cited sentence holds one of them
      answers_question: true                        # verification.answers_question of the answer
```

A malformed file raises GoldenFileError naming the file, the case and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from core.errors import GoldenFileError, InvalidRequest
from index.fetch import is_web_address
from index.filters import SearchFilter
from index.ids import article_id_for

from qa.conversation import parse_history
from qa.models import Message

EXPECT_KEYS = (
    "contains_all", "contains_any", "not_contains", "cites", "min_citations", "refused", "supported",
    "lead_contains_any", "answers_question",
)
CASE_KEYS = ("question", "id", "modes", "top_k", "filters", "history", "expect", "known_failure")
CASE_MODES = ("extractive", "llm")


@dataclass(frozen=True)
class Expectation:
    contains_all: tuple[str, ...] = ()
    contains_any: tuple[str, ...] = ()
    not_contains: tuple[str, ...] = ()
    cites: tuple[str, ...] = ()  # article ids (URLs are turned into ids when the file is read)
    min_citations: int | None = None
    refused: bool | None = None
    supported: bool | None = None
    lead_contains_any: tuple[str, ...] = ()
    answers_question: bool | None = None


@dataclass(frozen=True)
class GoldenCase:
    id: str
    question: str
    expect: Expectation
    filters: Mapping[str, Any] = field(default_factory=dict)
    history: tuple[Message, ...] = ()
    modes: tuple[str, ...] = CASE_MODES
    top_k: int | None = None
    cite_labels: Mapping[str, str] = field(default_factory=dict)  # article id -> how the file named it
    known_failure: str | None = None

    def applies_to(self, mode: str) -> bool:
        return mode in self.modes

    def known_failure_in(self, mode: str) -> str | None:
        """The known failure if it holds in `mode`: one that starts with another mode's name ("llm: ...") does not."""
        if not self.known_failure:
            return None
        scope, colon, _ = self.known_failure.partition(":")
        return None if colon and scope.strip() in CASE_MODES and scope.strip() != mode else self.known_failure


@dataclass(frozen=True)
class GoldenSet:
    path: Path
    cases: tuple[GoldenCase, ...]


def load_golden(path: str | Path) -> GoldenSet:
    """Read and validate a golden file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldenFileError(f"{path}: cannot read the golden file: {exc.strerror}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise GoldenFileError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, Mapping) or not isinstance(data.get("cases"), list) or not data["cases"]:
        raise GoldenFileError(f"{path}: expected a mapping with a non-empty list under 'cases'")
    cases, seen = [], set()
    for position, raw in enumerate(data["cases"], start=1):
        case = _case(raw, position, path)
        if case.id in seen:
            raise GoldenFileError(f"{path}: case {position}: id {case.id!r} is used twice")
        seen.add(case.id)
        cases.append(case)
    return GoldenSet(path=path, cases=tuple(cases))


def _case(raw: object, position: int, path: Path) -> GoldenCase:
    where = f"{path}: case {position}"
    if not isinstance(raw, Mapping):
        raise GoldenFileError(f"{where}: must be a mapping with 'question' and 'expect'")
    question = raw.get("question")
    if isinstance(question, str) and question.strip():
        where = f"{where} ({question.strip()[:60]!r})"
    else:
        raise GoldenFileError(f"{where}: 'question' must be a non-empty string")
    unknown = sorted(set(raw) - set(CASE_KEYS))
    if unknown:
        raise GoldenFileError(f"{where}: unknown key {unknown[0]!r}; keys are {', '.join(CASE_KEYS)}")
    expect_raw = raw.get("expect")
    if not isinstance(expect_raw, Mapping) or not expect_raw:
        raise GoldenFileError(f"{where}: 'expect' must be a mapping with at least one of {', '.join(EXPECT_KEYS)}")
    expect, labels = _expectation(expect_raw, where)
    filters = raw.get("filters") or {}
    try:
        SearchFilter.parse(filters)
    except InvalidRequest as exc:
        raise GoldenFileError(f"{where}: {exc.field}: {exc.message}") from None
    modes = raw.get("modes", list(CASE_MODES))
    if not isinstance(modes, list) or not modes or any(m not in CASE_MODES for m in modes):
        raise GoldenFileError(f"{where}: 'modes' must be a list drawn from {', '.join(CASE_MODES)}")
    top_k = raw.get("top_k")
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1):
        raise GoldenFileError(f"{where}: 'top_k' must be a positive whole number")
    known_failure = raw.get("known_failure")
    if known_failure is not None and (not isinstance(known_failure, str) or not known_failure.strip()):
        raise GoldenFileError(f"{where}: 'known_failure' must say why the case fails today")
    case_id = raw.get("id", f"case-{position:03d}")
    if not isinstance(case_id, str) or not case_id.strip():
        raise GoldenFileError(f"{where}: 'id' must be a non-empty string")
    return GoldenCase(
        id=case_id.strip(),
        question=question.strip(),
        expect=expect,
        filters=dict(filters),
        history=_history(raw.get("history"), where),
        modes=tuple(modes),
        top_k=top_k,
        cite_labels=labels,
        known_failure=" ".join(known_failure.split()) if known_failure else None,
    )


def _expectation(raw: Mapping[str, Any], where: str) -> tuple[Expectation, dict[str, str]]:
    unknown = sorted(set(raw) - set(EXPECT_KEYS))
    if unknown:
        raise GoldenFileError(f"{where}: unknown expectation {unknown[0]!r}; use {', '.join(EXPECT_KEYS)}")
    values: dict[str, Any] = {}
    for key in ("contains_all", "contains_any", "not_contains", "cites", "lead_contains_any"):
        if key in raw:
            values[key] = _strings(raw[key], f"{where}: expect.{key}")
    labels = {}
    if "cites" in values:
        ids = []
        for label in values["cites"]:
            # Articles are named by URL (stable, readable) or directly by id.
            aid = article_id_for(url=label, title="", body="") if is_web_address(label) else label
            ids.append(aid)
            labels[aid] = label
        values["cites"] = tuple(ids)
    if "min_citations" in raw:
        value = raw["min_citations"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise GoldenFileError(f"{where}: expect.min_citations must be a whole number, 0 or more")
        values["min_citations"] = value
    for key in ("refused", "supported", "answers_question"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise GoldenFileError(f"{where}: expect.{key} must be true or false")
            values[key] = raw[key]
    return Expectation(**values), labels


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and str(v).strip() for v in value):
        raise GoldenFileError(f"{where} must be a list of non-empty strings")
    return tuple(str(v) for v in value)


def _history(value: object, where: str) -> tuple[Message, ...]:
    try:
        return parse_history(value)
    except InvalidRequest as exc:
        raise GoldenFileError(f"{where}: {exc.message}") from None
