"""The MCP server, driven by the official `mcp` client SDK over streamable HTTP (at /mcp) and stdio."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client, StdioServerParameters

from index.loaders import load_file
from tests.conftest import SAMPLE

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Did Gensler advise Binance?"


def binance_courted_id() -> str:
    (article,) = load_file(SAMPLE / "binance-courted-gensler.md")
    return article.id


async def exercise(server: Any) -> dict[str, Any]:
    """List the tools, ask the Gensler question and search for it, as an assistant would."""
    async with Client(server) as client:
        tools = await client.list_tools()
        asked = await client.call_tool("ask_news", {"question": QUESTION})
        searched = await client.call_tool("search_news", {"query": "Gensler Binance adviser", "top_k": 3})
        refused = await client.call_tool("ask_news", {"question": "   "})
    return {
        "tools": {t.name: t for t in tools.tools},
        "asked": asked,
        "searched": searched,
        "refused": refused,
    }


def check(result: dict[str, Any]) -> None:
    assert set(result["tools"]) == {"ask_news", "search_news"}
    assert set(result["tools"]["ask_news"].input_schema["properties"]) == {"question", "source", "published_after", "published_before"}
    answer = result["asked"].structured_content
    assert not result["asked"].is_error and not answer["refused"]
    assert binance_courted_id() in {c["article_id"] for c in answer["citations"]}
    cited = next(c for c in answer["citations"] if c["article_id"] == binance_courted_id())
    assert cited["title"] and cited["source"] and cited["quote"] and f"[{cited['n']}]" in answer["answer"]
    assert len(result["searched"].structured_content["passages"]) == 3
    assert result["refused"].is_error and "invalid_request" in result["refused"].content[0].text


def test_mcp_over_streamable_http_at_slash_mcp(app, serve):
    url = serve(app) + "/mcp"
    check(anyio.run(exercise, url))


def test_mcp_calls_are_counted_and_carry_request_ids(app, serve):
    url = serve(app) + "/mcp"
    anyio.run(exercise, url)
    metrics = app.test_client().get("/metrics").get_data(as_text=True)
    assert 'newsdesk_http_requests_total{endpoint="/mcp",method="POST",status="200"}' in metrics
    assert 'newsdesk_answers_total{answerer="extractive",outcome="answered"}' in metrics


def test_mcp_over_stdio(tmp_path):
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    params = StdioServerParameters(command=sys.executable, args=["-m", "tests.mcp_stdio_server"], env=env, cwd=str(ROOT))
    check(anyio.run(exercise, params))


@pytest.mark.model
def test_python_dash_m_web_mcp_serves_the_real_store_over_stdio(tmp_path):
    env = {**os.environ, "CHROMA_PATH": str(tmp_path / "chroma"), "NEWSDESK_ANSWER_MODE": "extractive",
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    params = StdioServerParameters(command=sys.executable, args=["-m", "web.mcp"], env=env, cwd=str(ROOT))

    async def search_empty_store() -> Any:
        async with Client(params) as client:
            return await client.call_tool("ask_news", {"question": QUESTION})

    answer = anyio.run(search_empty_store).structured_content
    assert answer["refused"] and "no articles" in answer["answer"]


def test_write_tools_are_offered_only_to_a_caller_with_a_key(services, serve):
    import httpx2
    from mcp.client.streamable_http import streamable_http_client

    from qa import build_services
    from web import create_app

    key = "k" * 24
    keyed = build_services(services.settings.replace(api_keys=key), embedder=services.index.embedder, store=services.index.store)
    url = serve(create_app(services=keyed)) + "/mcp"

    async def session(headers: dict[str, str]) -> tuple[set[str], Any]:
        async with httpx2.AsyncClient(headers=headers, timeout=30) as http, Client(streamable_http_client(url, http_client=http)) as client:
            names = {t.name for t in (await client.list_tools()).tools}
            added = None
            if "add_article" in names:
                added = await client.call_tool(
                    "add_article", {"title": "Harbour tunnel opens", "body": "The harbour tunnel opened on Monday after four years of work."}
                )
            return names, added

    anonymous, _ = anyio.run(session, {})
    keyed_names, added = anyio.run(session, {"Authorization": f"Bearer {key}"})
    assert anonymous == {"ask_news", "search_news"}
    assert keyed_names == {"ask_news", "search_news", "add_article", "delete_article"}
    assert added.structured_content["added"] == 1
    assert services.index.store.article(added.structured_content["article_id"]) is not None
