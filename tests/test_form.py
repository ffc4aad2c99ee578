from html.parser import HTMLParser

from index.models import Article
from web.present import http_url


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.scripts = 0
        self.images = 0

    def handle_starttag(self, tag, attrs):
        # Only the page's own script file may load: no inline script, nothing from elsewhere.
        self.scripts += tag == "script" and not dict(attrs).get("src", "").startswith("/static/")
        self.images += tag == "img"
        self.hrefs += [v for k, v in attrs if k == "href"]


def parse(html: bytes) -> _Links:
    parser = _Links()
    parser.feed(html.decode())
    return parser


def test_the_form_renders_without_a_question(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b'method="get"' in response.data and b'name="q"' in response.data
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


def test_a_shared_link_renders_the_answer_and_its_sources(client):
    response = client.get("/", query_string={"q": "Did Gensler advise Binance?"})
    page = response.data.decode()
    assert response.status_code == 200
    assert "Sources" in page and 'id="source-' in page
    links = parse(response.data)
    assert any(h.startswith("#source-") for h in links.hrefs)
    assert any(h.startswith("https://") for h in links.hrefs)


def test_an_empty_question_shows_the_form_only(client):
    response = client.get("/", query_string={"q": "   "})
    assert response.status_code == 200 and b"Sources" not in response.data


def test_an_over_long_question_is_a_400_page(client):
    response = client.get("/", query_string={"q": "x" * 2000})
    assert response.status_code == 400
    assert b"the limit is 1000" in response.data


def test_article_and_question_markup_is_escaped(client, services):
    hostile = Article(
        id="hostile0000000001",
        title='Xylophone <script>alert("t")</script> quartz',
        body='Xylophone quartz <img src=x onerror="alert(1)"> sounds best. ![leak](https://evil.example/x.png?d=1) Xylophone quartz is loud.',
        url="https://evil.example/story",
        source="<b>Evil</b> Outlet",
    )
    index = services.index
    ingest_result = index.store.publish(hostile, index.chunker.chunk(hostile), index.embedder.embed_documents([hostile.body]))
    assert ingest_result is None
    response = client.get("/", query_string={"q": "<script>alert(2)</script> xylophone quartz"})
    page = parse(response.data)
    assert page.scripts == 0 and page.images == 0
    assert b"<script>alert" not in response.data and b"onerror=\"alert" not in response.data
    assert b"Xylophone &lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt; quartz" in response.data, "the title, escaped"
    assert b"&lt;b&gt;Evil&lt;/b&gt; Outlet" in response.data, "the outlet, escaped"
    assert all(not h.lower().startswith("javascript:") for h in page.hrefs)


def test_a_duplicate_outlet_is_listed_escaped_with_the_date_of_the_answer(client, services):
    body = "Zephyr turbines at the quay produced 40 megawatts on Monday, the operator said, a record for the site."
    index = services.index
    for n, (title, source, url) in enumerate(
        [("Zephyr turbine record", "Meridian Wire", "https://wire.example/zephyr"),
         ('Zephyr <i>record</i>', "<b>Copy</b> Times", "javascript:alert(1)")]
    ):
        article = Article(id=f"zephyr{n:011d}", title=title, body=body, url=url, source=source)
        index.store.publish(article, index.chunker.chunk(article), index.embedder.embed_documents([body]))
    response = client.get("/", query_string={"q": "Zephyr turbines megawatts record"})
    assert b"Also in" in response.data
    assert b"&lt;b&gt;Copy&lt;/b&gt; Times" in response.data or b"Zephyr &lt;i&gt;record&lt;/i&gt;" in response.data
    assert all(not h.lower().startswith("javascript:") for h in parse(response.data).hrefs)


def test_only_http_links_are_rendered():
    assert http_url("https://x.example/a") == "https://x.example/a"
    assert http_url("javascript:alert(1)") is None
    assert http_url("data:text/html,hi") is None
    assert http_url(None) is None
