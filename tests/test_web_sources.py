"""HTML pages, web addresses and RSS/Atom feeds as sources, served from a loopback server."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from index.fetch import USER_AGENT, FetchLimits
from index.ids import article_id_for, clean_url
from index.article_fields import LoadProblem
from index.loaders import iter_articles
from index.models import Article

# Small enough that the slow and huge cases cost a fraction of a second each.
LIMITS = FetchLimits(timeout=0.5, max_bytes=64 * 1024)
CANONICAL_A = "https://ledgerdaily.example/2023/03/06/gensler-declined?utm_source=twitter&utm_medium=social"

STORY_A = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Gensler declined Binance offer, emails show | The Ledger Daily</title>
<link rel="canonical" href="{CANONICAL_A}">
<meta property="og:site_name" content="The Ledger Daily">
<meta property="og:title" content="Gensler declined Binance offer, emails show">
<meta property="article:published_time" content="2023-03-06T09:30:00-05:00">
<meta property="article:modified_time" content="2023-03-08T09:00:00Z">
<meta name="author" content="Dana Whitfield">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li></ul></nav>
<article>
<h1>Gensler declined Binance offer, emails show</h1>
<p>Gary Gensler, now chair of the Securities and Exchange Commission, declined an offer in 2019
to advise Binance, according to emails seen by The Ledger Daily.</p>
<p>The offer came while Gensler was teaching at the Massachusetts Institute of Technology, where
he lectured on blockchain and money.</p>
<p>Binance did not respond to a request for comment on Monday.</p>
</article>
<section id="comments"><h3>Comments</h3><p>First! Great post, subscribe to my channel.</p></section>
<footer>Copyright 2023 The Ledger Daily. All rights reserved.</footer>
</body></html>"""

STORY_B = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Light rail extension approved</title>
<meta name="date" content="2023-03-07"></head><body>
<article><h1>Light rail extension approved</h1>
<p>The city council approved the eastside light rail extension on Tuesday by a vote of seven to two.</p>
<p>Construction is due to start next spring and to take four years.</p></article>
</body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>The Ledger Daily: Markets</title><link>{base}/</link><description>Markets news</description>
<item><title>Feed title for A</title><link>{base}/story-a</link>
  <pubDate>Mon, 06 Mar 2023 14:30:00 GMT</pubDate><description>Teaser for A.</description></item>
<item><title>Regulators fine exchange</title><link>{base}/gone-story</link>
  <pubDate>Tue, 07 Mar 2023 08:00:00 GMT</pubDate><dc:creator>Sam Ortiz</dc:creator>
  <description>&lt;p&gt;Regulators &lt;b&gt;fined&lt;/b&gt; the exchange on Tuesday.&lt;/p&gt;&lt;p&gt;It will appeal.&lt;/p&gt;</description></item>
<item><title>Rates held steady</title><link>{base}/slow-story</link>
  <pubDate>Wed, 08 Mar 2023 10:00:00 GMT</pubDate><description>The central bank held rates steady.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>City Desk</title><id>urn:city</id>
<updated>2023-03-09T12:00:00Z</updated>
<entry><title>Light rail extension approved</title><id>urn:b</id><link href="{base}/story-b"/>
  <updated>2023-03-07T18:00:00Z</updated><author><name>Lee Park</name></author></entry>
<entry><title>Library hours extended</title><id>urn:c</id><link href="{base}/gone-library"/>
  <published>2023-03-09T09:00:00Z</published><updated>2023-03-09T11:00:00Z</updated>
  <author><name>Ana Ruiz</name></author>
  <content type="html">&lt;p&gt;The central library will open until 9 pm.&lt;/p&gt;</content></entry>
</feed>"""

PAYWALLED_RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Walled</title>
<item><title>Inside the deal</title><link>{base}/paywall</link>
<description>The two companies agreed the merger after months of talks, people familiar said.</description>
</item></channel></rss>"""

EMPTY_ENTRY_RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Thin</title>
<item><title>Nothing here</title><link>{base}/gone-thin</link></item></channel></rss>"""


@dataclass(frozen=True)
class Route:
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: bytes | str = b""
    location: str | None = None
    slow: bool = False
    stream: bool = False


ROUTES = {
    "/story-a": Route(body=STORY_A),
    "/story-b": Route(body=STORY_B),
    "/old-b": Route(status=301, location="/story-b"),
    "/cafe": Route(
        content_type="text/html; charset=windows-1252",
        body="<html><head><title>Caf\u00e9 M\u00fcller reopens</title></head><body><article>"
        "<p>The Caf\u00e9 M\u00fcller reopened on Friday after a year of repairs to its roof.</p>"
        "</article></body></html>".encode("cp1252"),
    ),
    "/feed.rss": Route(content_type="application/rss+xml", body=RSS),
    "/news": Route(content_type="text/xml", body=ATOM),
    "/thin.rss": Route(content_type="application/rss+xml", body=EMPTY_ENTRY_RSS),
    "/paywalled.rss": Route(content_type="application/rss+xml", body=PAYWALLED_RSS),
    "/paywall": Route(body="<html><head><title>Subscribe</title></head><body><p>Subscribe to read.</p></body></html>"),
    "/not-a-feed.xml": Route(content_type="text/plain", body="This is a note about feeds, not a feed."),
    "/report.pdf": Route(content_type="application/pdf", body=b"%PDF-1.4 binary"),
    "/slow": Route(slow=True, body=STORY_B),
    "/slow-story": Route(slow=True, body=STORY_B),
    "/huge": Route(body=b"<p>" + b"x" * (200 * 1024) + b"</p>"),
    "/huge-stream": Route(body=b"<p>" + b"x" * (200 * 1024) + b"</p>", stream=True),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.server.user_agents.append(self.headers.get("User-Agent"))  # type: ignore[attr-defined]
        route = ROUTES.get(self.path.split("?", 1)[0])
        if route is None:
            self.send_error(404, "Not Found")
            return
        if route.slow:
            # Held until the test module ends: far past the fetch timeout, yet no sleep to wait out.
            self.server.release.wait(10)  # type: ignore[attr-defined]
        body = route.body.encode() if isinstance(route.body, str) else route.body
        body = body.replace(b"{base}", self.server.base.encode())  # type: ignore[attr-defined]
        try:
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.location:
                self.send_header("Location", route.location)
            if not route.stream:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout or size cap), as the test meant it to

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"  # type: ignore[attr-defined]
    httpd.release = threading.Event()  # type: ignore[attr-defined]
    httpd.user_agents = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.release.set()  # type: ignore[attr-defined]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def base(server: ThreadingHTTPServer) -> str:
    return server.base  # type: ignore[attr-defined]


def load(*sources: str | Path, **kwargs: object) -> list[Article | LoadProblem]:
    return list(iter_articles(sources, fetch_limits=LIMITS, **kwargs))  # type: ignore[arg-type]


def load_one(source: str | Path, **kwargs: object) -> Article | LoadProblem:
    (item,) = load(source, **kwargs)
    return item


@pytest.fixture(scope="module")
def rss_items(base: str) -> list[Article | LoadProblem]:
    return load(f"{base}/feed.rss")


def test_a_page_gives_its_text_title_date_author_and_outlet(base):
    article = load_one(f"{base}/story-a")
    assert isinstance(article, Article)
    assert article.title == "Gensler declined Binance offer, emails show"
    assert article.published_at == datetime(2023, 3, 6, 14, 30, tzinfo=timezone.utc)
    assert article.authors == ("Dana Whitfield",)
    assert article.source == "The Ledger Daily"
    assert article.body.startswith("Gary Gensler, now chair")
    assert "\n\nThe offer came" in article.body


def test_a_page_leaves_out_menus_comments_footer_and_the_repeated_headline(base):
    body = load_one(f"{base}/story-a").body
    for boilerplate in ("Home", "Great post", "All rights reserved", "emails show"):
        assert boilerplate not in body


def test_a_canonical_link_is_the_url_and_its_tracking_parameters_do_not_change_the_id(base):
    article = load_one(f"{base}/story-a")
    assert article.url == clean_url(CANONICAL_A) and "utm_" not in article.url
    assert article.id == article_id_for(url="https://ledgerdaily.example/2023/03/06/gensler-declined", title="", body="")


def test_the_same_story_by_a_tracking_url_has_the_same_id(base):
    a, a_tracked, b, b_tracked = load(
        f"{base}/story-a", f"{base}/story-a?utm_source=x", f"{base}/story-b", f"{base}/story-b?utm_source=x"
    )
    assert a.id == a_tracked.id
    assert b.id == b_tracked.id
    assert b_tracked.url == f"{base}/story-b", "tracking parameters are not kept in the stored URL"


def test_without_a_canonical_link_the_url_is_where_redirects_end_and_the_outlet_is_the_host(base):
    article = load_one(f"{base}/old-b")
    assert article.url == f"{base}/story-b"
    assert article.source == "127.0.0.1"
    assert article.published_at == datetime(2023, 3, 7, tzinfo=timezone.utc)
    assert article.id == load_one(f"{base}/story-b").id


def test_default_source_wins_over_the_site_name(base):
    assert load_one(f"{base}/story-a", default_source="Wire Desk").source == "Wire Desk"


def test_the_charset_in_the_content_type_header_decodes_the_page(base):
    article = load_one(f"{base}/cafe")
    assert article.title == "Caf\u00e9 M\u00fcller reopens"
    assert "Caf\u00e9 M\u00fcller reopened" in article.body


def test_requests_say_who_is_asking(server, base):
    load_one(f"{base}/story-b")
    assert server.user_agents[-1] == USER_AGENT


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/nowhere", "HTTP 404 Not Found"),
        ("/slow", "timed out after 0.5 s"),
        ("/huge", "larger than 64 KB"),
        ("/huge-stream", "larger than 64 KB"),
        ("/report.pdf", "not an HTML page or a feed but application/pdf"),
    ],
)
def test_an_address_that_gives_no_page_is_a_problem_naming_it_and_why(base, path, reason):
    problem = load_one(f"{base}{path}")
    assert problem == LoadProblem(f"{base}{path}", reason)
    assert str(problem) == f"{base}{path}: {reason}"


def test_an_address_nobody_answers_is_a_problem():
    # A port that was free a moment ago: the connection is refused at once.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    problem = load_one(f"http://127.0.0.1:{port}/story")
    assert isinstance(problem, LoadProblem) and problem.reason.startswith("cannot connect")


def test_only_http_and_https_addresses_are_fetched():
    problem = load_one("ftp://files.example/story.html")
    assert problem == LoadProblem("ftp://files.example/story.html", "not an http(s) address: 'ftp://files.example/story.html'")


def test_problems_do_not_stop_the_other_sources(base):
    items = load(f"{base}/story-a", f"{base}/nowhere", f"{base}/huge", f"{base}/story-b")
    assert [type(item).__name__ for item in items] == ["Article", "LoadProblem", "LoadProblem", "Article"]


def test_an_rss_feed_gives_each_entrys_page(rss_items, base):
    first = rss_items[0]
    assert isinstance(first, Article)
    assert first.url == clean_url(CANONICAL_A)
    assert first.title == "Gensler declined Binance offer, emails show"
    assert first.source == "The Ledger Daily"


def test_an_entry_whose_page_is_gone_falls_back_to_its_summary(rss_items, base):
    article = rss_items[1]
    assert isinstance(article, Article)
    assert article.title == "Regulators fine exchange"
    assert article.body == "Regulators fined the exchange on Tuesday.\n\nIt will appeal."
    assert article.url == f"{base}/gone-story"
    assert article.published_at == datetime(2023, 3, 7, 8, 0, tzinfo=timezone.utc)
    assert article.authors == ("Sam Ortiz",)
    assert article.source == "The Ledger Daily: Markets"


def test_an_entry_whose_page_is_too_slow_falls_back_to_its_summary(rss_items):
    article = rss_items[2]
    assert isinstance(article, Article)
    assert article.body == "The central bank held rates steady."
    assert len(rss_items) == 3


def test_an_atom_feed_is_recognised_by_its_content(base):
    page, fallback = load(f"{base}/news")
    assert page.title == "Light rail extension approved" and page.authors == ("Lee Park",)
    assert page.source == "City Desk"
    assert fallback.body == "The central library will open until 9 pm."
    assert fallback.published_at == datetime(2023, 3, 9, 9, 0, tzinfo=timezone.utc)
    assert fallback.authors == ("Ana Ruiz",)


def test_an_entry_whose_page_has_less_text_than_the_entry_is_taken_from_the_entry(base):
    article = load_one(f"{base}/paywalled.rss")
    assert article.title == "Inside the deal"
    assert article.body.startswith("The two companies agreed the merger")
    assert article.url == f"{base}/paywall"


def test_an_entry_with_no_page_and_no_text_is_a_problem_naming_its_link(base):
    problem = load_one(f"{base}/thin.rss")
    assert problem.location == f"{base}/gone-thin"
    assert problem.reason.startswith("HTTP 404 Not Found, and the feed entry has no summary or content")


def test_text_given_as_a_feed_is_a_problem(base):
    problem = load_one(f"{base}/not-a-feed.xml")
    assert problem.location == f"{base}/not-a-feed.xml"
    assert problem.reason.startswith("not an RSS or Atom feed")


def test_an_html_file_on_disk(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(STORY_A, encoding="utf-8")
    article = load_one(path)
    assert article.url == clean_url(CANONICAL_A) and article.source == "The Ledger Daily"
    assert article.published_at == datetime(2023, 3, 6, 14, 30, tzinfo=timezone.utc)


def test_an_html_file_without_a_canonical_link_has_no_url(tmp_path):
    path = tmp_path / "b.htm"
    path.write_text(STORY_B, encoding="utf-8")
    article = load_one(path)
    assert article.url is None and article.source == "unknown"
    assert article.title == "Light rail extension approved"


def test_a_feed_file_is_read_when_named_but_folders_skip_xml(tmp_path, base):
    (tmp_path / "page.html").write_text(STORY_B, encoding="utf-8")
    feed = tmp_path / "city.xml"
    feed.write_text(ATOM.replace("{base}", base), encoding="utf-8")
    assert [item.title for item in load(tmp_path)] == ["Light rail extension approved"]
    assert [item.title for item in load(feed)] == ["Light rail extension approved", "Library hours extended"]


def test_an_xml_file_that_is_not_a_feed_is_a_problem(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>', encoding="utf-8")
    problem = load_one(path)
    assert problem.location == str(path) and problem.reason.startswith("not an RSS or Atom feed")


@hsettings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".html", ".htm", ".xml", ".rss", ".atom"]))
def test_random_bytes_in_a_page_or_feed_file_never_raise(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"x{suffix}"
    path.write_bytes(data)
    for item in load(path):
        assert isinstance(item, (Article, LoadProblem))


# ---------------------------------------------------------------- URLs strangers send (the API)


def test_public_only_fetching_refuses_the_machine_and_its_network(base):
    from index.fetch import FetchLimits

    for url in (f"{base}/story-a", "http://localhost:9/x", "http://10.0.0.7/x", "http://169.254.169.254/latest/meta-data"):
        (problem,) = list(iter_articles([url], fetch_limits=FetchLimits(timeout=2, public_only=True)))
        assert isinstance(problem, LoadProblem) and "not a public address" in problem.reason, problem


def test_the_api_adds_a_page_by_url_only_when_private_addresses_are_allowed(base, services):
    from qa import build_services
    from web import create_app

    key = "k" * 20

    def client(private: bool):
        settings = services.settings.replace(api_keys=key, api_fetch_private=private, fetch_timeout=2.0)
        built = build_services(settings, embedder=services.index.embedder, store=services.index.store)
        return create_app(services=built).test_client()

    headers = {"Authorization": f"Bearer {key}"}
    refused = client(False).post("/api/v1/articles", json={"url": f"{base}/story-a"}, headers=headers)
    assert refused.status_code == 422 and "not a public address" in refused.get_json()["failed"][0]["reason"]
    added = client(True).post("/api/v1/articles", json={"url": f"{base}/story-a", "source": "Test Wire"}, headers=headers)
    assert added.status_code == 201, added.get_json()
    (article_id,) = added.get_json()["added"]
    assert client(True).get(f"/api/v1/articles/{article_id}").get_json()["source"] == "Test Wire"
