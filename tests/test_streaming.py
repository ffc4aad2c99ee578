"""Streamed answers: passages first, then deltas, then the same verified answer as without streaming."""

import json

import pytest

from core.errors import ModelUnavailable
from qa import answer_question, stream_answer

QUESTION = "Did Gensler advise Binance?"
REPLY = "Gensler declined the offer to become an adviser to Binance [1]."


def events_of(response):
    events = []
    for block in response.get_data(as_text=True).strip().split("\n\n"):
        name = block.split("\n")[0].removeprefix("event: ")
        data = json.loads(block.split("\n", 1)[1].removeprefix("data: "))
        events.append((name, data))
    return events


class Pieces:
    """A chat model whose stream yields exactly the given pieces, then optionally fails."""

    name = "pieces"

    def __init__(self, pieces, fail_with=None):
        self.pieces, self.fail_with = pieces, fail_with

    def complete(self, messages):
        from qa.models import Completion

        return Completion(text="".join(self.pieces), model=self.name)

    def stream(self, messages):
        yield from self.pieces
        if self.fail_with:
            raise self.fail_with


def services_with(services, chat_model):
    from qa import build_services

    return build_services(services.settings, embedder=services.index.embedder, store=services.index.store, chat_model=chat_model)


def test_events_come_in_order_and_end_with_the_verified_answer(llm_client, chat):
    chat.enqueue(REPLY)
    response = llm_client.post("/api/v1/ask", json={"question": QUESTION, "stream": True})
    assert response.mimetype == "text/event-stream"
    events = events_of(response)
    names = [name for name, _ in events]
    assert names[0] == "passages" and names[-1] == "answer" and set(names[1:-1]) == {"delta"}
    assert "".join(data["text"] for name, data in events if name == "delta") == REPLY
    answer = events[-1][1]
    assert [c["n"] for c in answer["citations"]] == [1] and not answer["refused"]


def test_accept_event_stream_also_streams(llm_client, chat):
    chat.enqueue(REPLY)
    response = llm_client.post("/api/v1/ask", json={"question": QUESTION}, headers={"Accept": "text/event-stream"})
    assert response.mimetype == "text/event-stream"


def test_streamed_and_plain_answers_carry_the_same_citations(services):
    streamed = services_with(services, Pieces(["Gensler declined the offer ", "to become an adviser to Binance [", "1", "]."]))
    plain = services_with(services, Pieces([REPLY]))
    final = list(stream_answer(QUESTION, services=streamed))[-1]
    assert final.event == "answer"
    expected = answer_question(QUESTION, services=plain).to_dict()
    assert final.data["citations"] == expected["citations"]
    assert final.data["claims"] == expected["claims"]


def test_a_marker_split_across_tokens_is_parsed(services):
    split = services_with(services, Pieces(["Gensler declined the offer to become an adviser to Binance [", "1", "][", "2", "]."]))
    final = list(stream_answer(QUESTION, services=split))[-1].data
    assert [c["n"] for c in final["citations"]] == [1, 2]
    assert final["answer"].endswith("[1][2].")


def test_a_stream_cut_mid_answer_ends_with_an_error_and_the_partial_text(services):
    cut = services_with(services, Pieces(["Gensler declined ", "the offer"], fail_with=ModelUnavailable("the stream broke off")))
    events = list(stream_answer(QUESTION, services=cut))
    assert [e.event for e in events] == ["passages", "delta", "delta", "error"]
    error = events[-1].data
    assert error["incomplete"] is True and error["partial"] == "Gensler declined the offer"
    assert error["error"]["code"] == "model_unavailable" and error["passages"]


def test_a_refusal_streams_without_a_model_call(llm_client, chat):
    events = events_of(llm_client.post("/api/v1/ask", json={"question": "xylophone quartz", "stream": True}))
    assert [name for name, _ in events] == ["passages", "answer"]
    assert events[-1][1]["refusal_reason"] == "low_relevance"
    assert chat.history == []


def test_bad_requests_fail_before_streaming_starts(llm_client):
    response = llm_client.post("/api/v1/ask", json={"question": "", "stream": True})
    assert response.status_code == 400 and response.is_json
    assert llm_client.post("/api/v1/ask", json={"question": "q", "stream": "yes"}).get_json()["error"]["field"] == "stream"


def test_extractive_answers_stream_too(client):
    events = events_of(client.post("/api/v1/ask", json={"question": QUESTION, "stream": True}))
    assert events[-1][0] == "answer" and events[-1][1]["mode"] == "extractive"
    assert "".join(d["text"] for n, d in events if n == "delta").startswith("Extractive answer")


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_the_cli_streams(services, monkeypatch, capsys, flag):
    import qa.__main__ as cli

    monkeypatch.setattr(cli, "build_services", lambda settings: services)
    assert cli.main(["ask", "--stream", *flag, QUESTION], environ={}) == 0
    out = capsys.readouterr().out
    assert "Extractive answer" in out or '"event": "delta"' in out
