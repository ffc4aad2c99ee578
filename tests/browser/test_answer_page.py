"""The answer page in a real browser: streaming, citations, conversation, filters, safety, themes, keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from core.errors import ModelUnavailable
from index.models import Article
from tests.browser.driving import (
    QUESTION,
    LiveServer,
    Watched,
    ask,
    contrast,
    open_page,
    shoot,
)
from tests.fakes import FakeChatModel

pytestmark = pytest.mark.browser


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_controls_have_enoughcontrast(browser: Browser, server: LiveServer, scheme: str) -> None:
    w = open_page(browser, color_scheme=scheme)
    w.page.goto(f"{server.url}/?q=Did+Gensler+advise+Binance%3F")
    style = "(e, p) => getComputedStyle(e)[p]"
    body = w.page.locator("body")
    background = body.evaluate(style, "backgroundColor")
    field = w.page.get_by_test_id("question")
    assert contrast(field.evaluate(style, "borderTopColor"), background) >= 3, "input border"
    for selector in ("body", ".meta", ".byline", "a.mark", "summary", "label"):
        color = w.page.locator(selector).first.evaluate(style, "color")
        assert contrast(color, background) >= 4.5, selector
    button = w.page.get_by_role("button", name="Ask")
    assert contrast(button.evaluate(style, "color"), button.evaluate(style, "backgroundColor")) >= 4.5
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
