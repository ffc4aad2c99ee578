from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from index.chunking import Chunker
from index.ids import article_id_for
from index.loaders import iter_articles
from index.models import Article
from core.settings import MINILM_MAX_TOKENS, SPECIAL_TOKENS, TITLE_TOKEN_ALLOWANCE
from index.tokens import WordPieceCounter

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


@pytest.fixture(scope="module")
def count() -> WordPieceCounter:
    return WordPieceCounter()


def article(body: str, title: str = "Title") -> Article:
    return Article(id=article_id_for(url=None, title=title, body=body), title=title, body=body)


def test_counts_are_wordpieces_not_characters(count):
    assert count("Gensler") == 2  # gen, ##sler
    assert count("the the the") == 3


def test_every_sample_chunk_fits_the_token_budget_and_its_span(count):
    chunker = Chunker(count, chunk_tokens=160, overlap_tokens=32)
    for item in iter_articles([SAMPLE]):
        chunks = chunker.chunk(item)
        assert chunks, item.title
        for chunk, embedded in zip(chunks, chunker.embedding_texts(item, chunks)):
            assert count(chunk.text) <= 160
            assert item.body[chunk.start : chunk.end] == chunk.text
            # What MiniLM reads, special tokens included, is never truncated.
            assert count(embedded) + SPECIAL_TOKENS <= MINILM_MAX_TOKENS


def test_a_long_headline_is_cut_so_the_largest_chunk_still_fits(count):
    largest = MINILM_MAX_TOKENS - TITLE_TOKEN_ALLOWANCE - SPECIAL_TOKENS
    chunker = Chunker(count, chunk_tokens=largest, overlap_tokens=20)
    story = article(" ".join(f"Word{i} of the report." for i in range(400)), title="Extraordinary headline " * 40)
    chunks = chunker.chunk(story)
    for embedded in chunker.embedding_texts(story, chunks):
        assert count(embedded) + SPECIAL_TOKENS <= MINILM_MAX_TOKENS
        assert embedded.startswith("Extraordinary headline")


def test_long_bodies_split_with_overlap(count):
    body = " ".join(f"Sentence number {i} reports on the regulator and the exchange." for i in range(60))
    chunks = Chunker(count, chunk_tokens=60, overlap_tokens=15).chunk(article(body))
    assert len(chunks) > 5
    for first, second in zip(chunks, chunks[1:]):
        assert second.start < first.end, "consecutive chunks overlap"
        assert second.start > first.start
    assert [c.seq for c in chunks] == list(range(len(chunks)))


def test_chunk_ids_are_stable(count):
    chunker = Chunker(count, chunk_tokens=60, overlap_tokens=10)
    body = "Paxos stopped minting BUSD. " * 40
    assert [c.id for c in chunker.chunk(article(body))] == [c.id for c in chunker.chunk(article(body))]


@hsettings(max_examples=60, deadline=None)
@given(body=st.text(min_size=1, max_size=1500).filter(lambda s: s.strip()))
def test_random_text_chunks_are_substrings_within_budget(count, body):
    chunks = Chunker(count, chunk_tokens=40, overlap_tokens=8).chunk(article(body))
    for chunk in chunks:
        assert body[chunk.start : chunk.end] == chunk.text
        # A single wordpiece-dense "word" can exceed the budget only when it cannot be split further.
        assert count(chunk.text) <= 40 or len(chunk.text) <= 1


def test_counting_each_piece_once_changes_no_chunk(count):
    """The splitter's token counts are cached; the chunks must be exactly those of an uncached counter."""
    calls: list[str] = []

    def counted(text: str) -> int:
        calls.append(text)
        return count(text)

    cached = Chunker(counted, chunk_tokens=60, overlap_tokens=12)
    uncached = Chunker(count, chunk_tokens=60, overlap_tokens=12)
    uncached._splitter._length_function = count  # what the splitter would do without the cache
    for item in iter_articles([SAMPLE]):
        assert [(c.text, c.start) for c in cached.chunk(item)] == [(c.text, c.start) for c in uncached.chunk(item)]
    assert len(calls) == len(set(calls)), "no piece is tokenized twice"
