"""Browser fixtures: the app served on loopback (extractive, and with the fake chat model), a loopback
site of pages and feeds, and Debian's Chromium driven by Playwright (its own browser download is never used)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.driving import (
    CHROMIUM,
    LiveServer,
    Watched,
    live_services,
    open_page,
)
from tests.fakes import FakeChatModel, FakeWebServer
from tests.test_web_sources import ROUTES


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(live_services(tmp_path_factory.mktemp("browser")))
    yield live
    live.close()


@pytest.fixture(scope="module")
def feeds() -> Iterator[str]:
    """The loopback site of tests/test_web_sources.py: pages and feeds, some of them broken."""
    with FakeWebServer(ROUTES) as web:
        yield web.base


@pytest.fixture(scope="module")
def chat() -> FakeChatModel:
    return FakeChatModel()


@pytest.fixture(scope="module")
def llm_server(tmp_path_factory: pytest.TempPathFactory, chat: FakeChatModel) -> Iterator[LiveServer]:
    live = LiveServer(live_services(tmp_path_factory.mktemp("browser-llm"), chat))
    yield live
    live.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed at /usr/bin/chromium: run `make test` (it installs it) "
                    "or `apt-get install chromium`", pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        yield launched
        launched.close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    w = open_page(browser, viewport={"width": 1280, "height": 900})
    yield w
    w.page.context.close()
