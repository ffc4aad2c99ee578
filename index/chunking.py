"""Split an article's body into overlapping chunks sized in the embedding model's tokens."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from langchain_text_splitters import RecursiveCharacterTextSplitter

from index.ids import chunk_id_for
from index.models import Article, Chunk
from core.settings import TITLE_TOKEN_ALLOWANCE

# Paragraphs first, then sentences, then clauses and words: a chunk breaks at the largest unit that fits.
_SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""]


class Chunker:
    """Splits bodies into chunks of at most `chunk_tokens` tokens, overlapping by `overlap_tokens`."""

    def __init__(self, count_tokens: Callable[[str], int], *, chunk_tokens: int, overlap_tokens: int) -> None:
        self.count_tokens = count_tokens
        self.chunk_tokens = chunk_tokens
        # The splitter measures each piece up to three times (split, merge, overlap); tokenizing
        # it once saves about two thirds of the chunking time.
        self._splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_tokens,
            chunk_overlap=overlap_tokens,
            length_function=lru_cache(maxsize=2048)(count_tokens),
            separators=_SEPARATORS,
            keep_separator="end",
        )

    def chunk(self, article: Article) -> list[Chunk]:
        """Chunks in reading order; each keeps its character span in `article.body`."""
        chunks: list[Chunk] = []
        cursor = 0
        for seq, text in enumerate(self._splitter.split_text(article.body)):
            start = article.body.find(text, cursor)
            if start < 0:
                start = article.body.find(text)
            if start < 0:
                raise AssertionError(f"chunk {seq} of article {article.id} is not a substring of its body")
            end = start + len(text)
            # The next chunk overlaps this one, so it starts after this chunk's start, not after its end.
            cursor = start + 1
            chunks.append(
                Chunk(
                    id=chunk_id_for(article.id, article.version, seq),
                    article_id=article.id,
                    seq=seq,
                    text=text,
                    start=start,
                    end=end,
                )
            )
        return chunks

    def embedding_texts(self, article: Article, chunks: list[Chunk]) -> list[str]:
        """What is embedded for each chunk: the headline (cut to its allowance) gives it the story's subject."""
        title = self._fit_title(article.title)
        return [f"{title}\n\n{chunk.text}" for chunk in chunks]

    def _fit_title(self, title: str) -> str:
        words = title.split()
        while words and self.count_tokens(" ".join(words)) > TITLE_TOKEN_ALLOWANCE:
            words.pop()
        return " ".join(words)


