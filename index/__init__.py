"""The knowledge base: load articles, chunk them, embed them and keep them in Chroma."""

from index.chunking import Chunker
from index.embedders import Embedder, build_embedder
from index.ingest import IngestReport, ingest, ingest_article, ingest_items
from index.article_fields import LoadProblem
from index.loaders import iter_articles
from index.models import Article, Chunk
from index.services import IndexServices, build_index
from index.store import ChromaStore, ScoredChunk, StoredArticle

__all__ = [
    "Article",
    "ChromaStore",
    "Chunk",
    "Chunker",
    "Embedder",
    "IndexServices",
    "IngestReport",
    "LoadProblem",
    "ScoredChunk",
    "StoredArticle",
    "build_embedder",
    "build_index",
    "ingest",
    "ingest_article",
    "ingest_items",
    "iter_articles",
]
