import json
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from core import Settings
from index import ChromaStore, build_index, ingest
from core.errors import EmbedderMismatch, StoreUnavailable
from index.loaders import iter_articles
from index.manifest import Manifest
from tests.conftest import SAMPLE
from tests.fakes import FakeEmbedder

ROOT = Path(__file__).resolve().parent.parent

STORY = """---
title: Paxos Told to Stop Minting BUSD
source: The Ledger Daily
url: https://ledgerdaily.example/paxos
published_at: 2023-02-13
---
{body}
"""


@pytest.fixture
def index(settings, embedder, store):
    return build_index(settings, embedder=embedder, store=store)


def write_story(folder: Path, body: str) -> Path:
    path = folder / "paxos.md"
    path.write_text(STORY.format(body=body))
    return path


def run(index, *paths):
    return ingest(list(paths), store=index.store, embedder=index.embedder, chunker=index.chunker)


def long_body(word: str) -> str:
    return "\n\n".join(f"Paragraph {i}: regulators said the {word} stablecoin must stop growing now." for i in range(40))


def test_ingesting_the_sample_counts_articles_and_chunks(index):
    report = run(index, SAMPLE)
    stats = index.store.stats()
    assert len(report.added) == stats["articles"] >= 15
    assert report.chunks_written == stats["chunks"] == stats["stored_chunks"]


def test_reingesting_the_same_files_adds_nothing(index):
    run(index, SAMPLE)
    before = index.store.stats()
    again = run(index, SAMPLE)
    assert again.added == [] and again.updated == [] and len(again.unchanged) == before["articles"]
    assert index.store.stats() == before


def test_an_edited_article_replaces_all_its_old_chunks(index, tmp_path):
    path = write_story(tmp_path, long_body("BUSD"))
    run(index, path)
    first = index.store.stats()
    write_story(tmp_path, "A short correction: Paxos paused BUSD.")
    report = run(index, path)
    assert len(report.updated) == 1
    stats = index.store.stats()
    assert stats["articles"] == 1
    assert stats["chunks"] == stats["stored_chunks"] == 1 < first["chunks"]
    hits = index.store.search(index.embedder.embed_query("stablecoin growing"), 10)
    assert [h.text for h in hits] == ["A short correction: Paxos paused BUSD."]


def test_a_crash_before_publishing_leaves_the_old_version_visible(index, tmp_path, monkeypatch):
    path = write_story(tmp_path, long_body("BUSD"))
    run(index, path)
    old_texts = {h.text for h in index.store.search(index.embedder.embed_query("stablecoin"), 50)}
    write_story(tmp_path, long_body("USDP"))

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed between writing chunks and publishing them")

    with monkeypatch.context() as patch:
        patch.setattr(Manifest, "write", crash)
        with pytest.raises(KeyboardInterrupt):
            run(index, path)
    # New chunks are in Chroma, but no search may see them or a mix of versions.
    assert index.store.stats()["stored_chunks"] > index.store.stats()["chunks"]
    assert {h.text for h in index.store.search(index.embedder.embed_query("stablecoin"), 50)} == old_texts

    report = run(index, path)
    assert len(report.updated) == 1
    stats = index.store.stats()
    assert stats["chunks"] == stats["stored_chunks"]
    assert all("USDP" in h.text for h in index.store.search(index.embedder.embed_query("stablecoin"), 50))


def test_a_crash_after_publishing_is_cleaned_up_by_the_next_run(index, tmp_path, monkeypatch):
    path = write_story(tmp_path, long_body("BUSD"))
    run(index, path)
    write_story(tmp_path, long_body("USDP"))
    with monkeypatch.context() as patch:
        original = Manifest.write

        def switch_then_die(self, entries, *, clean, visible=True):
            original(self, entries, clean=clean, visible=visible)
            raise KeyboardInterrupt("killed after the switch, before the old version was deleted")

        patch.setattr(Manifest, "write", switch_then_die)
        with pytest.raises(KeyboardInterrupt):
            run(index, path)
    assert all("USDP" in h.text for h in index.store.search(index.embedder.embed_query("stablecoin"), 50))
    report = run(index, path)
    assert len(report.unchanged) == 1
    stats = index.store.stats()
    assert stats["chunks"] == stats["stored_chunks"]


def test_bad_sources_are_reported_and_the_rest_ingested(index, tmp_path):
    (tmp_path / "good.md").write_text(STORY.format(body="Paxos paused BUSD."))
    (tmp_path / "bad.jsonl").write_text('{"title": "ok", "body": "Fine."}\n{oops\n')
    report = run(index, tmp_path, tmp_path / "missing.md")
    assert len(report.added) == 2
    assert [p.location for p in report.failed] == [f"{tmp_path}/bad.jsonl:2", f"{tmp_path}/missing.md"]
    assert not report.ok


def test_deleting_an_article_removes_its_chunks(index):
    run(index, SAMPLE)
    victim = next(iter_articles([SAMPLE]))
    assert index.store.delete_article(victim.id)
    assert index.store.article(victim.id) is None
    hits = index.store.search(index.embedder.embed_query(victim.title), 50)
    assert victim.id not in {h.article_id for h in hits}
    assert not index.store.delete_article(victim.id)


@pytest.mark.parametrize("other", [FakeEmbedder(name="another-model"), FakeEmbedder(dimension=128)])
def test_a_collection_refuses_a_different_embedder(ephemeral_client, other):
    name = f"mismatch-{uuid.uuid4().hex[:8]}"
    ChromaStore(ephemeral_client, name, embedder_name="fake-embedder", dimension=1024)
    with pytest.raises(EmbedderMismatch, match="was built by fake-embedder"):
        ChromaStore(ephemeral_client, name, embedder_name=other.name, dimension=other.dimension)


def test_an_unwritable_chroma_path_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    settings = Settings(chroma_path=blocker / "chroma")
    with pytest.raises(StoreUnavailable, match="CHROMA_PATH"):
        build_index(settings, embedder=FakeEmbedder())


def test_what_an_ingest_wrote_is_there_for_a_new_process(tmp_path):
    """Chroma has been reported to lose recent writes on exit; prove ours survive."""
    chroma = tmp_path / "chroma"
    script = textwrap.dedent(
        f"""
        import json, sys
        from core import Settings
        from index import build_index, ingest
        from tests.fakes import FakeEmbedder
        index = build_index(Settings(chroma_path={str(chroma)!r}), embedder=FakeEmbedder())
        if sys.argv[1] == "ingest":
            report = ingest([{str(SAMPLE)!r}], store=index.store, embedder=index.embedder, chunker=index.chunker)
            print(json.dumps({{"articles": len(report.added), "chunks": report.chunks_written}}))
        else:
            print(json.dumps(index.store.stats()))
        """
    )
    env = {"PYTHONPATH": str(ROOT), "ANONYMIZED_TELEMETRY": "False", "PATH": "/usr/bin:/bin"}
    wrote = json.loads(subprocess.run([sys.executable, "-c", script, "ingest"], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout)
    seen = json.loads(subprocess.run([sys.executable, "-c", script, "stats"], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout)
    assert wrote["articles"] == seen["articles"] >= 15
    assert wrote["chunks"] == seen["chunks"] == seen["stored_chunks"]


def test_unpublished_chunks_do_not_crowd_out_published_ones(index, tmp_path, monkeypatch):
    path = write_story(tmp_path, long_body("BUSD"))
    run(index, path)
    write_story(tmp_path, long_body("BUSD stablecoin stablecoin growing"))
    with monkeypatch.context() as patch:
        patch.setattr(Manifest, "write", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
        with pytest.raises(KeyboardInterrupt):
            run(index, path)
    hits = index.store.search(index.embedder.embed_query("stablecoin growing"), 5)
    assert len(hits) == 5
    assert all("stablecoin stablecoin" not in h.text for h in hits)


def test_a_race_between_two_writers_is_repaired_by_the_next_run(index, tmp_path):
    """Writer A publishes v2 after writer B published v3 and deleted A's chunks; a re-run must heal it."""
    from index.loaders import load_file

    path = write_story(tmp_path, long_body("BUSD"))
    run(index, path)
    (v2,) = load_file(write_story(tmp_path, long_body("USDP")))
    (v3,) = load_file(write_story(tmp_path, long_body("PYUSD")))
    store, chunker, embedder = index.store, index.chunker, index.embedder
    v2_chunks = chunker.chunk(v2)
    store._chunks.upsert(  # writer A gets as far as its chunks
        ids=[c.id for c in v2_chunks],
        embeddings=embedder.embed_documents(chunker.embedding_texts(v2, v2_chunks)),
        metadatas=[{"article_id": v2.id, "version": v2.version, "start": c.start, "end": c.end, "title": v2.title,
                    "source": v2.source, "seq": c.seq, "text": c.text} for c in v2_chunks],
    )
    v3_chunks = chunker.chunk(v3)
    store.publish(v3, v3_chunks, embedder.embed_documents(chunker.embedding_texts(v3, v3_chunks)))  # writer B
    store.manifest.write([(v2, len(v2_chunks))], clean=False)  # writer A resumes
    store.finish(v2)
    assert not store.is_complete(store.article(v2.id))

    write_story(tmp_path, long_body("USDP"))
    report = run(index, path)
    assert len(report.updated) == 1
    stats = store.stats()
    assert stats["chunks"] == stats["stored_chunks"] == len(v2_chunks)
    assert all("USDP" in h.text for h in store.search(embedder.embed_query("stablecoin"), 50))


def test_two_files_with_one_url_are_reported_not_flip_flopped(index, tmp_path):
    (tmp_path / "a.md").write_text(STORY.format(body="First telling of the Paxos story."))
    (tmp_path / "b.md").write_text(STORY.format(body="A different telling of the Paxos story."))
    first = run(index, tmp_path)
    assert len(first.added) == 1 and "same article id" in first.failed[0].reason
    again = run(index, tmp_path)
    assert again.updated == [] and len(again.unchanged) == 1


def test_articles_are_embedded_in_batches_across_articles_and_reported_one_by_one(index, tmp_path):
    lines = [json.dumps({"title": f"Story {i}", "body": f"Paragraph about the harbour number {i}. " * 30,
                         "url": f"https://x.example/{i}"}) for i in range(40)]
    (tmp_path / "bulk.jsonl").write_text("\n".join(lines) + "\n")
    seen: list[tuple[str, int]] = []
    calls_before = len(index.embedder.calls)
    report = ingest([tmp_path / "bulk.jsonl"], store=index.store, embedder=index.embedder, chunker=index.chunker,
                    on_item=lambda item, outcome, chunks: seen.append((outcome, chunks)), batch_chunks=50)
    embed_calls = len(index.embedder.calls) - calls_before
    assert len(report.added) == 40 and embed_calls < 40 / 2, "many articles share one embedding call"
    assert [o for o, _ in seen] == ["added"] * 40 and sum(c for _, c in seen) == report.chunks_written
    assert index.store.stats()["chunks"] == report.chunks_written == index.store.stats()["stored_chunks"]


def test_a_model_failure_fails_that_batch_by_name_and_the_run_goes_on(index, tmp_path, monkeypatch):
    from core.errors import ModelError

    for i in range(3):
        (tmp_path / f"s{i}.md").write_text(f"---\ntitle: Story {i}\nurl: https://x.example/s{i}\n---\nBody {i} text.\n")
    original = index.embedder.embed_documents
    calls = []

    def flaky(texts):
        calls.append(texts)
        if len(calls) == 1:
            raise ModelError("the embedding model is unavailable")
        return original(texts)

    monkeypatch.setattr(index.embedder, "embed_documents", flaky)
    report = ingest([tmp_path], store=index.store, embedder=index.embedder, chunker=index.chunker, batch_chunks=1)
    assert len(report.failed) == 1 and report.failed[0].reason == "the embedding model is unavailable"
    assert report.failed[0].location == "https://x.example/s0"
    assert len(report.added) == 2


def test_chunk_text_is_kept_out_of_chromas_full_text_index(index, tmp_path):
    """Text lives in metadata: Chroma full-text indexes documents, which Newsdesk never searches."""
    run(index, write_story(tmp_path, long_body("BUSD")))
    raw = index.store._chunks.get(include=["documents", "metadatas"])
    assert raw["documents"] and all(d is None for d in raw["documents"])
    assert all("BUSD" in m["text"] for m in raw["metadatas"])


def test_a_damaged_chroma_vector_index_is_reported_with_what_to_do():
    from core.errors import StoreUnavailable
    from index.connection import guarded

    def wedged() -> None:
        raise RuntimeError("Error executing plan: Error sending backfill request to compactor: "
                           "Failed to apply logs to the hnsw segment writer")

    with pytest.raises(StoreUnavailable) as raised:
        guarded("var/chroma", "read", wedged)
    assert "damaged" in str(raised.value) and "python -m index reset --yes" in str(raised.value)
