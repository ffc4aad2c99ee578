from index.ids import article_id_for, chunk_id_for, normalize_url


def test_the_same_story_by_two_links_has_one_id():
    a = article_id_for(url="https://News.example/story/?utm_source=feed&utm_medium=rss#top", title="A", body="x")
    b = article_id_for(url="http://news.example/story", title="Edited title", body="edited body")
    assert a == b


def test_url_normalisation_keeps_meaningful_query_parameters():
    assert normalize_url("https://x.example/p?id=2&utm_campaign=z") == "https://x.example/p?id=2"
    assert normalize_url("https://x.example/p?id=2") != normalize_url("https://x.example/p?id=3")


def test_without_url_the_id_comes_from_the_content():
    one = article_id_for(url=None, title="T", body="Body")
    assert one == article_id_for(url=None, title="T", body="Body  ")
    assert one != article_id_for(url=None, title="T", body="Other body")


def test_chunk_ids_differ_between_versions_of_an_article():
    assert chunk_id_for("abc", "v1aaaaaaaa", 0) != chunk_id_for("abc", "v2bbbbbbbb", 0)
    assert chunk_id_for("abc", "v1aaaaaaaa", 3).endswith("-0003")
