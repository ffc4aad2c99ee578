"""The page in a real browser: Debian's Chromium, headless, driven by Playwright against the app on loopback.

Extractive answers over the sample corpus with the fake embedder; a second app answers with the
fake chat model for the model-error state. Screenshots go to var/screenshots/.
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings
from playwright.sync_api import Browser, Page, expect, sync_playwright
from werkzeug.serving import make_server

from core.errors import ModelUnavailable
from core.settings import Settings
from index import ChromaStore, ingest
from index.models import Article
from qa import Services, build_services
from tests.conftest import SAMPLE
from tests.fakes import FakeChatModel, FakeEmbedder
from tests.test_web_sources import Handler
from web import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"
KEY = "browser-test-key-0123456789"
QUESTION = "Did Gensler advise Binance?"


def _services(tmp: Path, chat: FakeChatModel | None = None) -> Services:
    embedder = FakeEmbedder()
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    store = ChromaStore(client, f"browser-{uuid.uuid4().hex[:12]}", embedder_name=embedder.name, dimension=embedder.dimension)
    # Private addresses may be fetched here: the feed in these tests is served on loopback.
    settings = Settings(
        chroma_path=tmp / "chroma", min_score=0.15, support_similarity=0.3, api_keys=KEY, api_fetch_private=True
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


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(_services(tmp_path_factory.mktemp("browser")))
    yield live
    live.close()


@pytest.fixture(scope="module")
def feeds() -> Iterator[str]:
    """The loopback site of tests/test_web_sources.py: pages and feeds, some of them broken."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"  # type: ignore[attr-defined]
    httpd.release = threading.Event()  # type: ignore[attr-defined]
    httpd.user_agents = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.base  # type: ignore[attr-defined]
    httpd.release.set()  # type: ignore[attr-defined]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def chat() -> FakeChatModel:
    return FakeChatModel()


@pytest.fixture(scope="module")
def llm_server(tmp_path_factory: pytest.TempPathFactory, chat: FakeChatModel) -> Iterator[LiveServer]:
    live = LiveServer(_services(tmp_path_factory.mktemp("browser-llm"), chat))
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


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    w = open_page(browser, viewport={"width": 1280, "height": 900})
    yield w
    w.page.context.close()


def ask(page: Page, question: str) -> None:
    page.get_by_test_id("question").fill(question)
    page.get_by_test_id("question").press("Enter")


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_an_answer_streams_in_after_its_sources_and_takes_the_focus(watched: Watched, server: LiveServer) -> None:
    page = watched.page
    page.goto(server.url)
    with page.expect_response(lambda r: r.url.endswith("/api/v1/ask")) as streamed:
        ask(page, QUESTION)
    assert streamed.value.headers["content-type"].startswith("text/event-stream")
    expect(page.get_by_test_id("source").first).to_be_visible()
    expect(page.get_by_test_id("answer")).to_contain_text("Gensler declined")
    expect(page.locator(".turn .answer")).to_be_focused()
    expect(page.locator("#live")).to_have_text("Answer ready.")
    expect(page.locator(".turn .meta")).to_contain_text("(no language model)")
    assert "question=" not in page.url and "q=Did+Gensler" in page.url
    shoot(page, "answer-light.png")
    assert watched.problems == []


def test_a_citation_leads_to_its_source_card(watched: Watched, server: LiveServer) -> None:
    page = watched.page
    page.goto(server.url)
    ask(page, QUESTION)
    citation = page.get_by_test_id("citation").first
    target = citation.get_attribute("href")
    citation.click()
    card = page.locator(str(target))
    expect(card).to_be_in_viewport()
    expect(card).to_be_focused()
    assert card.get_attribute("data-testid") == "source"


def test_a_follow_up_is_asked_within_the_conversation(watched: Watched, server: LiveServer) -> None:
    page = watched.page
    page.goto(server.url)
    ask(page, QUESTION)
    expect(page.locator("#live")).to_have_text("Answer ready.")
    first_url = page.url
    with page.expect_request(lambda r: r.url.endswith("/api/v1/ask")) as sent:
        ask(page, "When did he decline?")
    history = sent.value.post_data_json["history"]
    assert [m["role"] for m in history] == ["user", "assistant"] and history[0]["content"] == QUESTION
    expect(page.locator("article.turn")).to_have_count(2)
    expect(page.locator("#turn-2 .searched-as")).to_contain_text(QUESTION)
    expect(page.locator("#turn-2 [data-testid=source]").first).to_be_visible()
    assert page.url == first_url
    page.get_by_test_id("new-conversation").click()
    expect(page.locator("article.turn")).to_have_count(0)
    expect(page.get_by_test_id("question")).to_be_focused()


def test_the_outlet_filter_limits_every_source_and_is_shown(watched: Watched, server: LiveServer) -> None:
    page = watched.page
    page.goto(server.url)
    page.get_by_test_id("filter-source").select_option("The Ledger Daily")
    page.get_by_test_id("filter-after").fill("2023-01-01")
    ask(page, "Binance")
    expect(page.get_by_test_id("source").first).to_be_visible()
    outlets = page.get_by_test_id("source").evaluate_all("cards => cards.map(c => c.dataset.source)")
    assert outlets and set(outlets) == {"The Ledger Daily"}
    expect(page.locator(".turn .meta")).to_contain_text("searched The Ledger Daily, after 2023-01-01")
    assert "source=The+Ledger+Daily" in page.url and "published_after=2023-01-01" in page.url


def test_without_javascript_a_link_renders_the_whole_answer(browser: Browser, server: LiveServer) -> None:
    w = open_page(browser, java_script_enabled=False)
    w.page.goto(f"{server.url}/?q=Did+Gensler+advise+Binance%3F&source=The+Ledger+Daily&published_before=2023-03-06")
    expect(w.page.get_by_test_id("answer")).to_contain_text("Gensler")
    expect(w.page.get_by_test_id("source").first).to_be_visible()
    expect(w.page.get_by_test_id("filter-source")).to_have_value("The Ledger Daily")
    expect(w.page.get_by_test_id("filter-before")).to_have_value("2023-03-06")
    expect(w.page.locator(".meta")).to_contain_text("searched The Ledger Daily, before 2023-03-06")
    dates = w.page.locator("[data-testid=source] time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates and all(d <= "2023-03-06" for d in dates)
    w.page.context.close()


def test_hostile_article_text_stays_text(watched: Watched, server: LiveServer) -> None:
    hostile = Article(
        id="hostilebrowser001",
        title='Zanzibar <script>alert("title")</script> quorum',
        body='Zanzibar quorum <img src=x onerror="alert(1)"> met on Tuesday. <script>alert(2)</script> Zanzibar quorum voted.',
        url="javascript:alert(3)",
        source='<b onmouseover="alert(4)">Bad</b> Outlet',
    )
    index = server.services.index
    index.store.publish(hostile, index.chunker.chunk(hostile), index.embedder.embed_documents([hostile.body]))
    page = watched.page
    page.goto(server.url)
    ask(page, "Zanzibar quorum <script>alert(5)</script>")
    expect(page.get_by_test_id("source").first).to_contain_text('<script>alert("title")</script>')
    page.get_by_test_id("source").first.locator("summary").click()
    assert page.locator("main img, main a[href^=javascript]").count() == 0
    assert watched.dialogs == [] and watched.problems == []


def test_dark_theme_is_used_when_the_reader_prefers_it(browser: Browser, server: LiveServer) -> None:
    w = open_page(browser, color_scheme="dark", viewport={"width": 1280, "height": 900})
    w.page.goto(f"{server.url}/?q=Did+Gensler+advise+Binance%3F")
    background = w.page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert sum(int(x) for x in re.findall(r"\d+", background)[:3]) < 3 * 64, background
    shoot(w.page, "answer-dark.png")
    w.page.context.close()


def test_a_390_pixel_screen_needs_no_sideways_scrolling(browser: Browser, server: LiveServer) -> None:
    w = open_page(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    w.page.goto(f"{server.url}/?q=Did+Gensler+advise+Binance%3F")
    w.page.locator("details.passage summary").first.click()
    width = w.page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], width
    shoot(w.page, "answer-mobile.png")
    w.page.context.close()


def sign_in(page: Page, server: LiveServer) -> None:
    page.goto(f"{server.url}/articles/add")
    expect(page).to_have_url(re.compile(r"/signin"))
    page.get_by_label("API key").fill(KEY)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_test_id("add-article")).to_be_visible()


def test_a_signed_in_reader_adds_an_article_and_can_ask_about_it(watched: Watched, server: LiveServer) -> None:
    page = watched.page
    sign_in(page, server)
    form = page.get_by_test_id("add-article")
    form.get_by_label("Or paste the text").fill(
        "Quokka ferry resumes service\n\nThe quokka ferry to Rottnest resumed service on Friday after repairs to its hull."
    )
    form.get_by_label("Outlet").fill("Island Courier")
    form.get_by_role("button", name="Add").click()
    expect(page.locator("#progress-status")).to_contain_text("Done: 1 added")
    page.goto(server.url)
    ask(page, "When did the quokka ferry resume service?")
    expect(page.get_by_test_id("source").first).to_contain_text("Quokka ferry resumes service")
    page.goto(f"{server.url}/articles?source=Island+Courier")
    expect(page.get_by_test_id("articles-list")).to_contain_text("Quokka ferry resumes service")


def test_a_question_the_articles_do_not_answer_is_refused_in_plain_words(watched: Watched, server: LiveServer) -> None:
    page = watched.page
    page.goto(server.url)
    ask(page, "xylophone quartz")
    expect(page.get_by_test_id("answer")).to_have_text("No article in the collection answers this.")
    visible = page.locator("main").inner_text()
    assert "low_relevance" not in visible and "relevance" not in visible.lower()


def test_a_model_failure_is_told_in_words(watched: Watched, llm_server: LiveServer, chat: FakeChatModel) -> None:
    chat.enqueue(ModelUnavailable("upstream 10.0.0.7:8080 refused: ConnectionResetError"))
    page = watched.page
    page.goto(llm_server.url)
    ask(page, QUESTION)
    expect(page.get_by_role("alert")).to_contain_text("The language model cannot be reached right now")
    visible = page.locator("main").inner_text()
    assert "ConnectionResetError" not in visible and "10.0.0.7" not in visible
    expect(page.get_by_test_id("source").first).to_be_visible()


def _contrast(a: str, b: str) -> float:
    def luminance(css: str) -> float:
        channels = [int(x) / 255 for x in re.findall(r"\d+", css)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_controls_have_enough_contrast(browser: Browser, server: LiveServer, scheme: str) -> None:
    w = open_page(browser, color_scheme=scheme)
    w.page.goto(f"{server.url}/?q=Did+Gensler+advise+Binance%3F")
    style = "(e, p) => getComputedStyle(e)[p]"
    body = w.page.locator("body")
    background = body.evaluate(style, "backgroundColor")
    field = w.page.get_by_test_id("question")
    assert _contrast(field.evaluate(style, "borderTopColor"), background) >= 3, "input border"
    for selector in ("body", ".meta", ".byline", "a.mark", "summary", "label"):
        color = w.page.locator(selector).first.evaluate(style, "color")
        assert _contrast(color, background) >= 4.5, selector
    button = w.page.get_by_role("button", name="Ask")
    assert _contrast(button.evaluate(style, "color"), button.evaluate(style, "backgroundColor")) >= 4.5
    w.page.context.close()


def test_the_keyboard_alone_asks_and_reaches_the_sources(watched: Watched, server: LiveServer) -> None:
    page = watched.page
    page.goto(server.url)
    expect(page.get_by_test_id("question")).to_be_focused()
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    expect(page.locator(".turn .answer")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("citation").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(str(page.get_by_test_id("citation").first.get_attribute("href")))).to_be_focused()


def test_a_feed_shows_each_entry_as_it_is_added(watched: Watched, server: LiveServer, feeds: str) -> None:
    page = watched.page
    sign_in(page, server)
    form = page.get_by_test_id("add-article")
    form.get_by_label("Address of a page or a feed").fill(f"{feeds}/news")
    form.get_by_role("button", name="Add").click()
    expect(page.locator("#progress-status")).to_contain_text("Done: 2 added")
    expect(page.locator("#progress-list li")).to_have_count(2)
    expect(page.locator("#progress-list")).to_contain_text("Light rail extension approved")


def test_a_batch_of_files_is_added_and_a_wrong_file_is_named(watched: Watched, server: LiveServer) -> None:
    page = watched.page
    sign_in(page, server)
    lines = [{"title": f"Heron count {n}", "body": f"The heron count at the marsh reached {n}00 birds.", "source": "Marsh Post"}
             for n in (1, 2)]
    page.get_by_label("Or choose files").set_input_files([
        {"name": "herons.jsonl", "mimeType": "application/jsonl", "buffer": "\n".join(map(json.dumps, lines)).encode()},
        {"name": "egret.md", "mimeType": "text/markdown", "buffer": b"Egret nests found\n\nEgret nests were found by the lake."},
        {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"},
    ])
    page.get_by_test_id("add-article").get_by_role("button", name="Add").click()
    expect(page.locator("#progress-status")).to_contain_text("Done: 3 added, 0 updated, 0 already there, 1 failed")
    expect(page.locator("#progress-list li.failed")).to_contain_text("scan.pdf")
    assert "/tmp" not in page.locator("#progress-list").inner_text()


def test_back_returns_to_the_page_before_the_question(watched: Watched, server: LiveServer) -> None:
    page = watched.page
    page.goto(server.url)
    ask(page, QUESTION)
    expect(page.locator("#live")).to_have_text("Answer ready.")
    page.get_by_test_id("citation").first.click()
    page.go_back()
    expect(page.locator("article.turn")).to_have_count(1)
    page.go_back()
    expect(page).to_have_url(f"{server.url}/")
    expect(page.locator("article.turn")).to_have_count(0)


def test_a_language_model_answer_streams_and_says_how_it_was_made(
    watched: Watched, llm_server: LiveServer, chat: FakeChatModel
) -> None:
    chat.enqueue("Gensler declined the offer to become an adviser to Binance [1]. The moon is made of cheese [1].")
    page = watched.page
    page.goto(llm_server.url)
    ask(page, QUESTION)
    expect(page.locator(".turn .meta")).to_contain_text("Written by a language model from 1 article")
    expect(page.get_by_test_id("answer")).to_contain_text("Gensler declined the offer")
    expect(page.locator(".claim.unsupported")).to_contain_text("The moon is made of cheese")
    expect(page.locator(".claim.unsupported .flag")).to_have_text("not backed by the source it cites")
    assert watched.problems == []
