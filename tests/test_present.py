"""Putting an answer into a reader's words: cards per article, marks renumbered, quotes marked, no codes."""

from web import present


def citation(n, article, passage, quotes):
    spans = [{"text": q, "start": passage.index(q), "end": passage.index(q) + len(q)} for q in quotes]
    return {"n": n, "article_id": article, "title": f"T {article}", "url": "javascript:x", "source": "S",
            "published_at": "2023-03-06T00:00:00Z", "passage": passage, "quote": quotes[0], "quotes": spans, "score": 0.5}


ANSWER = {
    "answer": "B said so [3]. A said so [1]. A also said [2].",
    "citations": [citation(1, "a", "One. Two. Three.", ["One.", "Three."]), citation(2, "a", "Four. Five.", ["Five."]),
                  citation(3, "b", "Six.", ["Six."])],
    "mode": "extractive", "timings_ms": {"total": 240.0}, "search": {"filters": {"source": ["S"], "published_after": "2023-03-01T00:00:00Z"}},
}


def test_one_card_per_article_numbered_in_the_order_the_text_cites_them():
    cards, numbers = present.cards(ANSWER)
    assert [c.title for c in cards] == ["T b", "T a"]
    assert numbers == {3: 1, 1: 2, 2: 2}
    assert len(cards[1].excerpts) == 2 and cards[0].url is None


def test_every_quote_a_claim_used_is_marked_in_its_passage():
    cards, _ = present.cards(ANSWER)
    assert cards[1].excerpts[0].pieces == (("One.", True), (" Two. ", False), ("Three.", True))


def test_marks_link_to_the_card_and_repeats_merge():
    html = present.linked_marks("A <b>said</b> [1][2].", {1: 2, 2: 2}, "t2-")
    assert html == 'A &lt;b&gt;said&lt;/b&gt; <a class="mark" data-testid="citation" href="#t2-source-2">[2]</a>.'


def test_plain_words_say_how_the_answer_was_made_and_what_was_searched():
    assert present.how_made(ANSWER, 2) == "Quoted from 2 articles (no language model) · 0.2 s"
    assert present.searched(ANSWER) == "searched S, after 2023-03-01"


def test_a_refusal_and_an_error_are_told_without_codes():
    headline, hint = present.refusal({"refused": True, "refusal_reason": "low_relevance"})
    assert headline == "No article in the collection answers this." and "low_relevance" not in hint
    assert "Chroma" not in present.error_words("store_unavailable", 503, "Chroma at http://10.0.0.1 failed")
    assert "10.0.0.1" not in present.error_words("internal", 500, "boom at 10.0.0.1")
