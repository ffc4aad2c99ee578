"""`python -m tests.index_cli ...`: the `python -m index` CLI with the deterministic fake embedder.

For tests that run the CLI in a subprocess and need it fast (kill -9 part-way through an ingest);
the production entry point has no switch for this: the fake is injected here. Each embedding
call is announced on stderr ("embedding N texts"): the second one starts as the first batch's
write begins (see `index.ingest._Pipeline`), so a test can time a kill to land among writes.
"""

import sys

from index.__main__ import main
from tests.fakes import AnnouncingEmbedder

if __name__ == "__main__":
    # MiniLM's dimension, so that Chroma's writes cost what they cost with the real model.
    sys.exit(main(embedder=AnnouncingEmbedder(dimension=384)))
