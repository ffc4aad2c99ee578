"""A pytest plugin: every case of a golden file becomes a test in your own suite.

    pytest -p qa.eval.pytest_plugin --newsdesk-golden golden.yaml --newsdesk-cassette c.jsonl [--newsdesk-corpus data/]

(or `pytest_plugins = ["qa.eval.pytest_plugin"]` in a conftest.py). Without a cassette the answer mode
is the configured one, or `--newsdesk-mode extractive`. The services are built once per session
from the environment's Settings; `--newsdesk-corpus` builds a throwaway index of those files.
A failing case reports why, the same reasons `python -m qa eval` prints.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from qa.eval.golden import GoldenCase, load_golden

_SERVICES = pytest.StashKey[Any]()
_EXIT = pytest.StashKey[ExitStack]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("newsdesk", "Newsdesk golden files")
    group.addoption("--newsdesk-golden", type=Path, help="run every case of this golden file as a test")
    group.addoption("--newsdesk-cassette", type=Path, help="answer from this cassette of recorded model replies")
    group.addoption("--newsdesk-mode", choices=("extractive", "llm"), help="answer mode when no cassette is given")
    group.addoption("--newsdesk-corpus", type=Path, nargs="*", help="build a throwaway index of these files first")


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    golden_path = config.getoption("--newsdesk-golden")
    if golden_path is None:
        return
    golden = load_golden(golden_path)
    items.extend(GoldenItem.from_parent(session, name=f"golden[{case.id}]", case=case) for case in golden.cases)


def pytest_unconfigure(config: pytest.Config) -> None:
    stack = config.stash.get(_EXIT, None)
    if stack is not None:
        stack.close()


def _services(config: pytest.Config) -> Any:
    if _SERVICES not in config.stash:
        from core import Settings
        from qa.eval.cli import eval_services

        stack = ExitStack()
        config.stash[_EXIT] = stack
        config.stash[_SERVICES] = stack.enter_context(
            eval_services(
                Settings.from_env(os.environ),
                replay=config.getoption("--newsdesk-cassette"),
                mode=config.getoption("--newsdesk-mode"),
                corpus=config.getoption("--newsdesk-corpus") or None,
            )
        )
    return config.stash[_SERVICES]


class GoldenFailure(Exception):
    pass


class GoldenItem(pytest.Item):
    def __init__(self, *, case: GoldenCase, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        from qa.eval.runner import run_case

        services = _services(self.config)
        if not self.case.applies_to(services.answerer.mode):
            pytest.skip(f"only for {', '.join(self.case.modes)}")
        result = run_case(self.case, services)
        known_failure = self.case.known_failure_in(services.answerer.mode)
        if result.status == "fail" and known_failure:
            pytest.xfail(known_failure)
        if result.status == "fail":
            answer = f"\nanswer: {result.answer.text}" if result.answer else ""
            raise GoldenFailure("\n".join(result.reasons) + answer)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, GoldenFailure):
            return f"{self.case.question}\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return Path(str(self.config.getoption("--newsdesk-golden"))), 0, f"golden case {self.case.id}: {self.case.question}"
