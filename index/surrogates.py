"""Find lone surrogates (U+D800-U+DFFF on their own) in parsed JSON, YAML or any nested value.

JSON's `"\ud800"` escape decodes to a Python string that cannot be encoded as UTF-8, so it
passes validation and fails much later, inside the tokenizer or the store, as a 500 or a lost
batch. Checking at the edge names the field instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(text: str) -> bool:
    return _LONE_SURROGATE.search(text) is not None


def find_lone_surrogate(value: object, path: str = "") -> str | None:
    """The path (`history[0].content`) of the first string or key in `value` holding a lone surrogate."""
    stack: list[tuple[str, object]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            if has_lone_surrogate(item):
                return where or "value"
        elif isinstance(item, Mapping):
            for key, child in reversed(list(item.items())):
                name = printable(str(key))
                child_path = f"{where}.{name}" if where else name
                if isinstance(key, str) and has_lone_surrogate(key):
                    return child_path
                stack.append((child_path, child))
        elif isinstance(item, (list, tuple)):
            stack.extend((f"{where}[{i}]", child) for i, child in reversed(list(enumerate(item))))
    return None


def printable(text: str) -> str:
    """`text` with any lone surrogate written as an escape, so it can be shown and encoded."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
