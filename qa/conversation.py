"""Follow-up questions: earlier turns of a conversation, and what to search for given them.

"When did he leave?" means nothing to a search engine on its own. The search (and the
extractive answerer's sentence matching) uses the question together with the reader's
previous question; a language model also sees the earlier turns as conversation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.errors import InvalidRequest

from qa.models import Message

MAX_TURNS = 20
MAX_TURN_CHARS = 4000


def parse_history(value: object, *, max_turns: int = MAX_TURNS, max_chars: int = MAX_TURN_CHARS) -> tuple[Message, ...]:
    """Earlier turns as Messages, or InvalidRequest naming the turn and field that is wrong."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InvalidRequest("'history' must be a list of {\"role\", \"content\"} turns", field="history")
    if len(value) > max_turns:
        raise InvalidRequest(f"'history' may hold at most {max_turns} turns", field="history")
    turns = []
    for i, turn in enumerate(value):
        if not isinstance(turn, Mapping) or set(turn) != {"role", "content"}:
            raise InvalidRequest(f"history[{i}] must be an object with exactly 'role' and 'content'", field=f"history[{i}]")
        if turn["role"] not in ("user", "assistant"):
            raise InvalidRequest(f"history[{i}].role must be 'user' or 'assistant'", field=f"history[{i}].role")
        content = turn["content"]
        if not isinstance(content, str) or not content.strip() or len(content) > max_chars:
            raise InvalidRequest(
                f"history[{i}].content must be a non-empty string of at most {max_chars} characters",
                field=f"history[{i}].content",
            )
        turns.append(Message(turn["role"], content.strip()))
    return tuple(turns)


def search_text(question: str, history: Sequence[Message]) -> str:
    """What to search for: the question, preceded by the reader's previous question if there was one."""
    previous = next((m.content for m in reversed(history) if m.role == "user"), None)
    return f"{previous}\n{question}" if previous else question
