"""Hybrid retrieval: BM25 kept in step with the store, fusion, filters, diversity, recency, caching."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings
from hypothesis import strategies as st

from core import Settings
from index import Article, ChromaStore, build_index, ingest_article
from core.errors import InvalidRequest
from index.filters import SearchFilter
from index.ids import article_id_for
from index.lexical import LexicalIndex, tokenize
from qa import SearchOptions, build_services
from qa.retrieval import asks_for_latest
from tests.fakes import FakeEmbedder


def article(title: str, body: str, *, url: str, source: str = "Ledger Daily", day: str | None = "2023-03-06") -> Article:
    return Article(
        id=article_id_for(url=url, title=title, body=body),
        title=title,
        body=body,
        url=url,
        source=source,
        published_at=datetime.fromisoformat(f"{day}T12:00:00+00:00") if day else None,
    )


def publish(services, *articles: Article) -> None:
    index = services.index
    for a in articles:
        ingest_article(a, store=index.store, embedder=index.embedder, chunker=index.chunker)


@pytest.fixture
def empty(settings, embedder, store):
    return build_services(settings, embedder=embedder, store=store)


# ---------------------------------------------------------------- the lexical index


def test_tokens_are_stemmed_without_stop_words_and_names_keep_their_compound():
    assert tokenize("What did the regulators say about staking?") == ["regul", "stake"]
    terms = tokenize("Binance.US and Zhao's S&P deal")
    assert "binance.us" in terms and "binanc" in terms and "zhao" in terms and "s&p" in terms


def test_the_lexical_index_follows_ingest_replace_and_delete_made_through_another_handle(empty, ephemeral_client, embedder):
    # A second store object on the same collection stands in for another process (an ingest CLI).
    other = ChromaStore(
        ephemeral_client, empty.index.store.collection_name, embedder_name=embedder.name, dimension=embedder.dimension
    )
    writer = build_index(empty.settings, embedder=embedder, store=other)
    lexical = LexicalIndex(empty.index.store, refresh_seconds=0)
    assert lexical.search("zanzibar", 5) == []
    first = article("Zanzibar ferry", "The Zanzibar ferry sank near the harbour.", url="https://x.example/ferry")
    ingest_article(first, store=writer.store, embedder=embedder, chunker=writer.chunker)
    assert [h.chunk.article_id for h in lexical.search("zanzibar", 5)] == [first.id]

    edited = article("Zanzibar ferry", "The Pemba ferry was towed to port.", url="https://x.example/ferry")
    ingest_article(edited, store=writer.store, embedder=embedder, chunker=writer.chunker)
    assert lexical.search("zanzibar sank", 5) == [] or all("Pemba" in h.chunk.text for h in lexical.search("zanzibar", 5))
    assert [h.chunk.text for h in lexical.search("pemba", 5)] == ["The Pemba ferry was towed to port."]

    writer.store.delete_article(edited.id)
    assert lexical.search("pemba", 5) == []


def test_another_process_s_ingest_is_seen_within_the_refresh_interval(empty, ephemeral_client, embedder, monkeypatch):
    other = ChromaStore(
        ephemeral_client, empty.index.store.collection_name, embedder_name=embedder.name, dimension=embedder.dimension
    )
    writer = build_index(empty.settings, embedder=embedder, store=other)
    lexical = LexicalIndex(empty.index.store, refresh_seconds=60)
    clock = [1000.0]
    monkeypatch.setattr("index.lexical.time.monotonic", lambda: clock[0])
    assert lexical.search("zanzibar", 5) == []
    story = article("Zanzibar ferry", "The Zanzibar ferry sank near the harbour.", url="https://x.example/ferry")
    ingest_article(story, store=writer.store, embedder=embedder, chunker=writer.chunker)
    assert lexical.search("zanzibar", 5) == []  # not looked yet: the token is read at most once a minute here
    clock[0] += 61
    assert [h.chunk.article_id for h in lexical.search("zanzibar", 5)] == [story.id]


def test_a_stale_lexical_index_never_returns_a_superseded_chunk(empty):
    first = article("Tonga cable", "The Tonga cable was cut by an eruption.", url="https://x.example/cable")
    publish(empty, first)
    retriever = empty.retriever
    assert retriever.retrieve("Tonga cable eruption", top_k=3, options=SearchOptions(mode="lexical")).passages
    # Freeze the lexical index at the old version, then replace the article underneath it.
    retriever.lexical.refresh = lambda: None  # type: ignore[method-assign]
    publish(empty, article("Tonga cable", "Repairs to the link finished in May.", url="https://x.example/cable"))
    passages = retriever.retrieve("Tonga cable eruption", top_k=3, options=SearchOptions(mode="lexical")).passages
    assert all("eruption" not in p.text for p in passages)


def test_a_lagging_lexical_index_never_returns_an_article_the_manifest_no_longer_names(empty):
    """Another worker deleted the article a moment ago: its manifest entry is gone, its chunks not yet."""
    doomed = article("Tonga cable", "The Tonga cable was cut by an eruption.", url="https://x.example/cable")
    publish(empty, doomed)
    retriever = empty.retriever
    assert retriever.retrieve("Tonga cable eruption", top_k=3).passages
    retriever.lexical.refresh = lambda: None  # type: ignore[method-assign]
    empty.index.store.manifest.delete(doomed.id)
    assert retriever.lexical.search("Tonga cable eruption", 3)  # the lagging index still has it
    assert retriever.retrieve("Tonga cable eruption", top_k=3).passages == []


# ---------------------------------------------------------------- fusion and modes


def test_each_mode_reports_its_own_scores_and_hybrid_reports_both(services):
    question = "Paxos BUSD minting order"
    for mode in ("dense", "lexical", "hybrid"):
        found = services.retriever.retrieve(question, top_k=5, options=SearchOptions(mode=mode))
        assert found.mode == mode and found.passages
        top = found.passages[0].scores
        if mode != "lexical":
            assert any(p.scores["dense_rank"] for p in found.passages)
        if mode != "dense":
            assert any(p.scores["lexical_rank"] for p in found.passages)
        if mode == "dense":
            assert all(p.scores["lexical"] is None for p in found.passages)
        assert top["fused"] > 0
        # Whatever found a passage, its relevance score is its cosine similarity to the question.
        assert all(-1.0 <= p.score <= 1.0 for p in found.passages)


def test_a_rare_name_the_embedding_blurs_is_found_by_keywords(empty):
    target = article("Council notes", "Councillor Oyelaran-Whitcombe voted against the budget.", url="https://x.example/c1")
    noise = [
        article(f"Council budget vote {i}", f"The council voted on the budget again, round {i}.", url=f"https://x.example/n{i}")
        for i in range(8)
    ]
    publish(empty, target, *noise)
    hybrid = empty.retriever.retrieve("Oyelaran-Whitcombe", top_k=3).passages
    assert hybrid[0].article_id == target.id
    assert hybrid[0].scores["lexical_rank"] == 1


def test_fusion_is_reciprocal_rank(services):
    found = services.retriever.retrieve("Kraken staking settlement", top_k=5)
    s = services.settings
    for p in found.passages:
        parts = [(s.dense_weight, p.scores["dense_rank"]), (s.lexical_weight, p.scores["lexical_rank"])]
        assert p.scores["fused"] == pytest.approx(sum(w / (s.rrf_k + r) for w, r in parts if r), abs=1e-6)
    fused = [p.scores["fused"] for p in found.passages]
    assert fused == sorted(fused, reverse=True)


# ---------------------------------------------------------------- filters


SOURCES = ["Ledger Daily", "Meridian Wire", "Harbor Financial Times", "Port Avalon Gazette"]


@given(
    sources=st.lists(st.sampled_from(SOURCES), max_size=2, unique=True),
    after=st.one_of(st.none(), st.dates(min_value=datetime(2023, 1, 1).date(), max_value=datetime(2023, 6, 30).date())),
    span=st.one_of(st.none(), st.integers(min_value=0, max_value=120)),
    mode=st.sampled_from(["dense", "lexical", "hybrid"]),
    question=st.sampled_from(["Did Gensler advise Binance?", "Kraken staking", "interest rates", "heat wave deaths"]),
)
@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_filters_never_let_through_a_passage_outside_them(services, sources, after, span, mode, question):
    raw: dict[str, object] = {}
    if sources:
        raw["source"] = sources
    if after is not None:
        raw["published_after"] = after.isoformat()
        if span is not None:
            raw["published_before"] = after.fromordinal(after.toordinal() + span).isoformat()
    options = SearchOptions.parse(mode=mode, filters=raw)
    found = services.retriever.retrieve(question, top_k=10, options=options).passages
    for p in found:
        if sources:
            assert p.source in sources
        if after is not None:
            published = datetime.fromisoformat(p.published_at.replace("Z", "+00:00"))
            assert published >= options.filter.published_after
            if options.filter.published_before:
                assert published <= options.filter.published_before
        for twin in p.also_in:
            assert not sources or twin["source"] in sources


def test_a_source_filter_matches_outlet_names_in_any_case_and_reports_unknown_ones(services):
    found = services.retriever.retrieve(
        "Gensler", top_k=5, options=SearchOptions.parse(filters={"source": ["meridian wire", "The Daily Nothing"]})
    )
    assert found.passages and {p.source for p in found.passages} == {"Meridian Wire"}
    assert found.warnings == ("no indexed article comes from the source 'The Daily Nothing'",)


def test_undated_articles_never_pass_a_date_filter(empty):
    publish(
        empty,
        article("Undated quay story", "The quay reopened.", url="https://x.example/q1", day=None),
        article("Dated quay story", "The quay reopened to ferries.", url="https://x.example/q2", day="2023-05-01"),
    )
    options = SearchOptions.parse(filters={"published_after": "2023-01-01"})
    for mode in ("dense", "lexical", "hybrid"):
        found = empty.retriever.retrieve("quay reopened", top_k=5, options=SearchOptions(mode, options.filter)).passages
        assert [p.title for p in found] == ["Dated quay story"]


@pytest.mark.parametrize(
    ("filters", "field"),
    [
        ("Ledger Daily", "filters"),
        ({"outlet": "x"}, "filters.outlet"),
        ({"source": 3}, "filters.source"),
        ({"source": []}, "filters.source"),
        ({"source": [""]}, "filters.source"),
        ({"published_after": "last week"}, "filters.published_after"),
        ({"published_before": 20230306}, "filters.published_before"),
        ({"published_after": "2023-04-01", "published_before": "2023-03-01"}, "filters.published_after"),
    ],
)
def test_bad_filters_name_the_field(filters, field):
    with pytest.raises(InvalidRequest) as caught:
        SearchOptions.parse(filters=filters)
    assert caught.value.field == field


def test_a_bare_date_before_means_the_end_of_that_day():
    f = SearchFilter.parse({"published_before": "2023-03-06", "published_after": "2023-03-06"})
    assert f.published_after == datetime(2023, 3, 6, tzinfo=UTC)
    assert f.published_before == datetime(2023, 3, 6, 23, 59, 59, tzinfo=UTC)
    assert f.after_ts <= int(datetime(2023, 3, 6, 18, tzinfo=UTC).timestamp()) <= f.before_ts
    assert not int(datetime(2023, 3, 7, tzinfo=UTC).timestamp()) <= f.before_ts


# ---------------------------------------------------------------- recency


def test_latest_state_questions_are_recognised():
    assert asks_for_latest("Is Binance.US still under investigation?")
    assert asks_for_latest("What is the latest on the Kraken case?")
    assert asks_for_latest("What happened this week at the SEC?")
    assert not asks_for_latest("Did Gensler advise Binance?")


def test_recency_lifts_the_newer_of_two_equal_stories_only_when_asked(empty):
    old = article("Toll bridge fare", "Drivers of cars pay a fare of four dollars at the toll bridge.", url="https://x.example/old",
                  day="2023-01-05")
    new = article("Toll bridge fare", "The toll bridge fare for cars went up to six dollars.", url="https://x.example/new",
                  day="2023-06-05")
    publish(empty, old, new)
    neutral = empty.retriever.retrieve("toll bridge fare for cars", top_k=2, options=SearchOptions(recency=False))
    latest = empty.retriever.retrieve("What is the toll bridge fare for cars now?", top_k=2)
    assert latest.recency and not neutral.recency
    assert latest.passages[0].article_id == new.id
    assert latest.passages[0].scores["recency"] == pytest.approx(1.0)
    assert latest.passages[1].scores["recency"] < 1.0
    forced_off = empty.retriever.retrieve(
        "What is the toll bridge fare for cars now?", top_k=2, options=SearchOptions(recency=False)
    )
    assert all(p.scores["recency"] is None for p in forced_off.passages)


def test_an_answer_says_as_of_when(services):
    from qa import answer_question

    answer = answer_question("What did Kraken agree to pay the SEC?", services=services)
    assert answer.as_of == max(c.published_at for c in answer.citations)


# ---------------------------------------------------------------- speed


def test_a_repeated_question_is_embedded_once(services):
    embedder: FakeEmbedder = services.index.embedder
    before = len(embedder.calls)
    for _ in range(3):
        services.retriever.retrieve("Who runs Binance.US?", top_k=3)
    assert len(embedder.calls) - before == 1


def test_the_lexical_index_is_not_rebuilt_per_query(services, monkeypatch):
    lexical: LexicalIndex = services.retriever.lexical
    services.retriever.retrieve("warm", top_k=1)
    calls = []
    monkeypatch.setattr(lexical, "_apply", lambda fetched: calls.append(1))
    for q in ("Paxos", "Kraken", "Gensler MIT"):
        services.retriever.retrieve(q, top_k=3)
    assert calls == []


def test_settings_validate_the_retrieval_knobs():
    from core.errors import ConfigError

    for bad in ({"retrieval_mode": "fuzzy"}, {"candidates": 0}, {"max_per_article": 0}, {"recency_weight": 2.0},
                {"duplicate_threshold": 0.0}, {"recency_half_life_days": 0}):
        with pytest.raises(ConfigError):
            Settings(**bad)  # type: ignore[arg-type]


def test_the_cli_takes_filters_and_names_a_bad_one(services, monkeypatch, capsys):
    import json

    import qa.__main__ as cli

    monkeypatch.setattr(cli, "build_services", lambda settings: services)
    argv = ["ask", "--json", "--source", "Meridian Wire", "--after", "2023-03-01", "--search-mode", "lexical", "Gensler Binance"]
    assert cli.main(argv, environ={}) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["search"] == {
        "query": "Gensler Binance",
        "search_mode": "lexical",
        "recency": False,
        "filters": {"source": ["Meridian Wire"], "published_after": "2023-03-01T00:00:00Z", "published_before": None},
    }
    assert all(c["source"] == "Meridian Wire" for c in body["citations"])
    assert cli.main(["ask", "--after", "soon", "Gensler"], environ={}) == 1
    assert "published_after" in capsys.readouterr().err
