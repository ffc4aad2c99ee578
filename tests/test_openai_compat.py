"""The OpenAI-compatible door, driven by the real `openai` client over loopback HTTP."""

from __future__ import annotations

import openai
import pytest

from tests.fakes import FakeChatModel
from web import create_app

QUESTION = "Did Gensler advise Binance?"
BINANCE_COURTED = "binance-courted-gensler"


@pytest.fixture
def oai(app, serve) -> openai.OpenAI:
    return openai.OpenAI(base_url=serve(app) + "/v1", api_key="unused", max_retries=0, timeout=30)


def test_models_lists_the_configured_and_the_extractive_answerer(oai):
    models = {m.id: m for m in oai.models.list()}
    assert set(models) == {"newsdesk", "newsdesk-extractive"}
    assert models["newsdesk-extractive"].model_extra["newsdesk"]["answerer"] == "extractive"


def test_a_chat_completion_answers_with_marks_a_sources_list_and_the_citations(oai):
    completion = oai.chat.completions.create(model="newsdesk", messages=[{"role": "user", "content": QUESTION}])
    choice = completion.choices[0]
    assert completion.object == "chat.completion" and choice.finish_reason == "stop"
    assert "[1]" in choice.message.content and "\n\nSources:\n[1] " in choice.message.content
    answer = choice.message.model_extra["newsdesk"]
    assert not answer["refused"] and answer["answerer"] == "extractive"
    assert any(BINANCE_COURTED in (c["url"] or "") or "Courted" in c["title"] for c in answer["citations"])
    assert completion.usage.total_tokens == 0  # extractive: no language model was called


def test_streaming_sends_role_deltas_sources_finish_with_citations_usage_and_done(oai):
    stream = oai.chat.completions.create(
        model="newsdesk", messages=[{"role": "user", "content": QUESTION}], stream=True, stream_options={"include_usage": True}
    )
    chunks = list(stream)
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    finish = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert len(finish) == 1 and finish[0].choices[0].finish_reason == "stop"
    assert finish[0].model_extra["newsdesk"]["citations"] and "Sources:\n[1]" in text
    assert chunks[-1].choices == [] and chunks[-1].usage.total_tokens == 0


def test_a_follow_up_is_answered_from_the_conversation(oai):
    first = oai.chat.completions.create(model="newsdesk", messages=[{"role": "user", "content": QUESTION}])
    follow_up = oai.chat.completions.create(
        model="newsdesk",
        messages=[
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": first.choices[0].message.content},
            {"role": "user", "content": "Did he accept?"},
        ],
    )
    answer = follow_up.choices[0].message.model_extra["newsdesk"]
    assert not answer["refused"], answer["answer"]
    assert answer["citations"]


def test_an_unknown_model_is_openais_404_with_the_request_id(oai):
    with pytest.raises(openai.NotFoundError) as caught:
        oai.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": QUESTION}])
    error = caught.value.body
    assert caught.value.code == "model_not_found" and error["type"] == "not_found_error"
    assert error["request_id"] == caught.value.response.headers["X-Request-Id"]


def test_a_bad_message_list_is_openais_400_naming_the_param(oai):
    with pytest.raises(openai.BadRequestError) as caught:
        oai.chat.completions.create(model="newsdesk", messages=[{"role": "assistant", "content": "Hello"}])
    assert caught.value.param == "messages" and caught.value.body["type"] == "invalid_request_error"


def test_the_llm_answerer_is_behind_newsdesk_and_sees_the_history(llm_services, chat: FakeChatModel, serve):
    client = openai.OpenAI(base_url=serve(create_app(services=llm_services)) + "/v1", api_key="x", max_retries=0)
    chat.enqueue("Binance courted Gensler as an adviser in 2018 [1].")
    completion = client.chat.completions.create(
        model="newsdesk",
        messages=[{"role": "user", "content": "Who courted Gensler?"}, {"role": "assistant", "content": "Binance.\n\nSources:\n[1] x"},
                  {"role": "user", "content": QUESTION}],
    )
    assert completion.choices[0].message.model_extra["newsdesk"]["answerer"] == "llm"
    assert completion.usage.total_tokens == 15
    sent = [m.content for m in chat.history[0]]
    assert "Binance." in sent and not any("Sources:\n[1] x" in m for m in sent)


def test_a_model_failure_mid_stream_reaches_the_client_as_an_error(llm_services, chat: FakeChatModel, serve):
    from core.errors import ModelTimeout

    client = openai.OpenAI(base_url=serve(create_app(services=llm_services)) + "/v1", api_key="x", max_retries=0)
    chat.enqueue(ModelTimeout("the model did not answer in time"))
    stream = client.chat.completions.create(model="newsdesk", messages=[{"role": "user", "content": QUESTION}], stream=True)
    with pytest.raises(openai.APIError, match="did not answer in time"):
        list(stream)
