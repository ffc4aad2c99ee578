"""Adding articles from the page in a real browser: sign in, paste, a feed and a batch of files with progress."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.driving import LiveServer, Watched, ask, sign_in

pytestmark = pytest.mark.browser


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
