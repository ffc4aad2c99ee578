"""Driving the page in a browser: the app on a loopback port, Chromium pages that record what went wrong."""

from __future__ import annotations

import re
import threading
import uuid
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from playwright.sync_api import Browser, Page, expect
from werkzeug.serving import make_server

from core.settings import Settings
from index import ChromaStore, ingest
from qa import Services, build_services
from tests.conftest import SAMPLE
from tests.fakes import FakeChatModel, FakeEmbedder
from web import create_app

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
KEY = "browser-test-key-0123456789"
QUESTION = "Did Gensler advise Binance?"


def live_services(tmp: Path, chat: FakeChatModel | None = None) -> Services:
    """The sample corpus indexed with the fake embedder; answered extractively unless a chat model is given."""
    embedder = FakeEmbedder()
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    store = ChromaStore(client, f"browser-{uuid.uuid4().hex[:12]}", embedder_name=embedder.name, dimension=embedder.dimension)
    # Private addresses may be fetched here: the feed in these tests is served on loopback. The fake
    # embedder's thresholds and no answer ranking, as in tests/conftest.py's `settings`.
    settings = Settings(
        chroma_path=tmp / "chroma", min_score=0.15, support_similarity=0.3, api_keys=KEY, api_fetch_private=True,
        answer_depth=0,
    )
    built = build_services(settings, embedder=embedder, store=store, chat_model=chat)
    report = ingest([SAMPLE], store=store, embedder=embedder, chunker=built.index.chunker)
    assert report.ok, report.failed
    return built


class LiveServer:
    """The app served by werkzeug on a free loopback port, on a thread."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.server = make_server("127.0.0.1", 0, create_app(services=services), threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=10)


class Watched:
    """A page plus what went wrong on it: console errors, page errors and dialogs."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


def open_page(browser: Browser, **context: object) -> Watched:
    page = browser.new_context(**context).new_page()  # type: ignore[arg-type]
    page.set_default_timeout(15_000)
    return Watched(page)


def ask(page: Page, question: str) -> None:
    page.get_by_test_id("question").fill(question)
    page.get_by_test_id("question").press("Enter")


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def sign_in(page: Page, server: LiveServer) -> None:
    page.goto(f"{server.url}/articles/add")
    expect(page).to_have_url(re.compile(r"/signin"))
    page.get_by_label("API key").fill(KEY)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_test_id("add-article")).to_be_visible()


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two CSS `rgb(...)` colours."""
    def luminance(css: str) -> float:
        channels = [int(x) / 255 for x in re.findall(r"\d+", css)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
