# The README's two commands: `make demo` and `make test`. Both set up a venv on
# a fresh machine (Python 3.11 + the package registries) before they run.
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
DB     ?= demo.db

.PHONY: demo test lint bench train-ner eval-quotes clean install

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/telisik --db $(DB) ingest examples/corpus
	$(BIN)/telisik --db $(DB) articles
	$(BIN)/telisik --db $(DB) entities --top 12
	$(BIN)/telisik --db $(DB) quotes --kind direct --speaker Putin
	$(BIN)/telisik --db $(DB) stories
	$(BIN)/telisik --db $(DB) timeline --about "Korea Utara" --from 2023-09 --to 2024-06
	$(BIN)/telisik --db $(DB) claims --about "Korea Utara"
	$(BIN)/telisik --db $(DB) search "Pyongyang" --limit 5
	$(BIN)/telisik --db $(DB) stats

test: $(STAMP)
	$(BIN)/ruff check src tests bench training
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench training
	$(BIN)/ruff format --check src tests bench training
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_ner.py
	$(BIN)/python bench/bench_time.py
	$(BIN)/python bench/bench_stories.py
	$(BIN)/python bench/bench_quotes.py
	$(BIN)/python bench/bench_events.py
	$(BIN)/python bench/bench_event_merge.py
	$(BIN)/python bench/bench_pipeline.py

# Rebuilds the shipped NER model from ../shared/data (offline, deterministic, ~15 min).
train-ner: $(STAMP)
	$(BIN)/python training/train_ner.py

eval-quotes: $(STAMP)
	$(BIN)/python training/eval_quotes.py score --split dev
	$(BIN)/python training/eval_quotes.py score --split test
	$(BIN)/python training/eval_quotes.py --source ud score --split test
	$(BIN)/python training/eval_quotes.py agree training/gold/quotes-indosum-second.tsv
	$(BIN)/python training/eval_roles.py score --split dev
	$(BIN)/python training/eval_roles.py score --split test

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache .mypy_cache build src/*.egg-info
