"""The articles API: keys, adding JSON articles, listing, reading and deleting, with the JSON error envelope."""

from __future__ import annotations

import pytest

from qa import build_services
from web import create_app

KEY = "k" * 24
AUTH = {"Authorization": f"Bearer {KEY}"}
STORY = {
    "title": "Harbour tunnel opens",
    "body": "The harbour tunnel opened to traffic on Monday after four years of work, the port authority said.",
    "url": "https://port.example/tunnel?utm_source=feed",
    "source": "Port Avalon Gazette",
    "published_at": "2023-04-03",
}


@pytest.fixture
def writer(services):
    keyed = build_services(services.settings.replace(api_keys=f"{KEY}, {'z' * 20}"), embedder=services.index.embedder,
                           store=services.index.store)
    return create_app(services=keyed).test_client()


def test_writes_are_off_until_keys_are_configured(client):
    response = client.post("/api/v1/articles", json={"article": STORY}, headers=AUTH)
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "writes_disabled"
    assert "NEWSDESK_API_KEYS" in response.get_json()["error"]["message"]
    assert client.delete("/api/v1/articles/x", headers=AUTH).status_code == 403


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-key-wrong-key"}, {"Authorization": KEY},
                                     {"Authorization": f"Basic {KEY}"}])
def test_a_missing_or_wrong_key_is_401(writer, headers):
    response = writer.post("/api/v1/articles", json={"article": STORY}, headers=headers)
    assert response.status_code == 401 and response.get_json()["error"]["code"] == "unauthorized"
    assert KEY not in response.get_data(as_text=True)


def test_an_added_article_is_searchable_listed_readable_and_deletable(writer):
    added = writer.post("/api/v1/articles", json={"article": STORY}, headers=AUTH)
    assert added.status_code == 201, added.get_json()
    (article_id,) = added.get_json()["added"]
    again = writer.post("/api/v1/articles", json={"articles": [dict(STORY, url="https://port.example/tunnel/")]},
                        headers={"Authorization": f"Bearer {'z' * 20}"})
    assert again.status_code == 200 and again.get_json()["unchanged"] == [article_id]

    found = writer.get("/api/v1/search", query_string={"q": "harbour tunnel opened", "search_mode": "lexical"}).get_json()
    assert found["passages"][0]["article_id"] == article_id
    assert writer.get(f"/api/v1/articles/{article_id}").get_json()["title"] == "Harbour tunnel opens"
    listed = writer.get("/api/v1/articles", query_string={"source": "port avalon gazette", "limit": 5}).get_json()
    assert [a["id"] for a in listed["articles"]] == [article_id] and listed["total"] == 1
    everything = writer.get("/api/v1/articles", query_string={"limit": 200}).get_json()
    assert everything["total"] >= 18 and len(everything["articles"]) == everything["total"]

    assert writer.delete(f"/api/v1/articles/{article_id}", headers=AUTH).get_json() == {"deleted": article_id}
    assert writer.get(f"/api/v1/articles/{article_id}").status_code == 404
    gone = writer.get("/api/v1/search", query_string={"q": "harbour tunnel opened", "search_mode": "lexical"}).get_json()
    assert all(p["article_id"] != article_id for p in gone["passages"])
    assert writer.delete(f"/api/v1/articles/{article_id}", headers=AUTH).status_code == 404


def test_bad_items_are_named_by_position_and_the_rest_are_added(writer):
    response = writer.post("/api/v1/articles", headers=AUTH, json={"articles": [
        STORY, {"title": "No body"}, "not an object", dict(STORY, url="ftp://x.example/a"),
    ]})
    body = response.get_json()
    assert response.status_code == 201 and len(body["added"]) == 1
    assert [f["item"] for f in body["failed"]] == ["articles[1]", "articles[2]", "articles[3]"]
    assert "no body" in body["failed"][0]["message"]
    nothing = writer.post("/api/v1/articles", headers=AUTH, json={"article": {"title": "x"}})
    assert nothing.status_code == 422 and nothing.get_json()["failed"][0]["item"] == "article"


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, None), ({"article": STORY, "url": "https://x.example"}, None), ({"articles": []}, "articles"),
     ({"articles": [STORY] * 101}, "articles"), ({"url": "file:///etc/passwd"}, "url"), ({"story": STORY}, "story"),
     ({"article": STORY, "source": 5}, "source")],
)
def test_malformed_write_bodies_are_400(writer, body, field):
    response = writer.post("/api/v1/articles", json=body, headers=AUTH)
    assert response.status_code == 400
    assert response.get_json()["error"].get("field") == field


def test_uploads_have_their_own_size_limit(writer, services):
    big = dict(STORY, body="Harbour tunnel news. " * 5000)  # ~100 KB: over the question limit, under the upload one
    assert writer.post("/api/v1/articles", json={"article": big}, headers=AUTH).status_code == 201
    huge = dict(STORY, body="x" * (services.settings.max_upload_bytes + 10))
    response = writer.post("/api/v1/articles", json={"article": huge}, headers=AUTH)
    assert response.status_code == 413 and response.get_json()["error"]["code"] == "payload_too_large"
    assert writer.post("/api/v1/ask", json={"question": "x" * 70000}).status_code == 413


def test_listing_validates_paging(client):
    assert client.get("/api/v1/articles", query_string={"limit": 0}).get_json()["error"]["field"] == "limit"
    assert client.get("/api/v1/articles", query_string={"offset": "a"}).status_code == 400
