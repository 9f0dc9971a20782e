# rhetoric-compare: `make run` runs the workflow on corpus/, `make test` passes the tests.
# Both create .venv and install the project (pinned by requirements.lock) when needed.

PYTHON ?= python3
VENV ?= .venv
CORES ?= 2
# Extra Snakemake arguments, e.g. make run SNAKEMAKE_ARGS="--config corpus_dir=/data/texts"
SNAKEMAKE_ARGS ?=
# pytest processes for make test (pytest-xdist): one a core; TEST_WORKERS=0 runs them in this one
TEST_WORKERS ?= auto
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SNAKEMAKE := $(BIN)/snakemake

.PHONY: setup bytecode browser run unlock test lint evaluate bench fuzz test-slurm clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test]"
	@touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the project with its test tools

# Where PYTHONDONTWRITEBYTECODE is set (as on the machines this project is measured on), Python
# keeps no bytecode, and every workflow job would compile pipeline/ from source again (0.1-0.25 s
# a job); compile it as pip does an installed package. Up to date, this takes a tenth of a second.
bytecode: $(STAMP)  ## byte-compile pipeline/ (the run, test and bench targets do it first)
	@$(BIN)/python -m compileall -q pipeline

# The browser test needs Debian's chromium; install it when we can (root + apt), never a
# browser downloaded by a test tool. Without it the browser test skips with a message.
browser:  ## install Debian's chromium for the browser test (needs root)
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the browser test"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "could not install chromium: the browser test will be skipped"; \
	else echo "chromium is not installed and this is not root: the browser test will be skipped"; fi

run: $(STAMP) bytecode  ## run the workflow on corpus/ (CORES=2, SNAKEMAKE_ARGS=...)
	$(SNAKEMAKE) --cores $(CORES) $(SNAKEMAKE_ARGS)

# After a run was killed (kill -9, a lost SSH session), Snakemake's lock stays behind and the
# next run stops with "Directory cannot be locked". Only do this when no other run is going.
unlock: $(STAMP)  ## remove the lock a killed run left behind (make sure no other run is going)
	$(SNAKEMAKE) --unlock $(SNAKEMAKE_ARGS)

lint: $(STAMP)  ## ruff, snakefmt and snakemake --lint
	$(BIN)/ruff check .
	$(BIN)/snakefmt --check Snakefile rules/
	$(SNAKEMAKE) --lint --cores 1

test: $(STAMP) bytecode browser  ## lint, then the pytest suite (unit, workflow and browser tests)
	$(MAKE) --no-print-directory lint
	$(BIN)/pytest -q -n $(TEST_WORKERS)

evaluate: $(STAMP) bytecode  ## precision/recall/F1 of the detectors on the annotated sentences
	$(BIN)/python -m pipeline evaluate

test-slurm: $(STAMP) bytecode  ## run the workflow on a real single-node SLURM cluster (root, minutes)
	bash tests/slurm/run.sh

# the results folder of the runs to clean: make clean RESULTS=/data/out for a results_dir elsewhere
RESULTS ?= results

# .snakemake/ keeps Snakemake's record of how each output was made (what decides a re-run after a
# config change, for every results folder): only its logs are scratch
clean:  ## remove the workflow's scratch files (chunks, cache, logs, benchmarks), not the results (RESULTS=results)
	@r='$(subst ','\'',$(value RESULTS))'; \
	case "$$r" in *[![:space:]]*) ;; *) r="";; esac; \
	case "$$(realpath -m -- "$$r" 2>/dev/null)" in /|"") \
	  printf "make clean: RESULTS must name a results folder, not '%s'\n" "$$r" >&2; exit 2;; esac; \
	printf 'rm -rf %s/{chunks,cache,logs,benchmarks} .snakemake/log\n' "$$r"; \
	rm -rf -- "$$r/chunks" "$$r/cache" "$$r/logs" "$$r/benchmarks" .snakemake/log

BENCH_DOCS ?= 2000
bench: $(STAMP) bytecode  ## run the workflow on BENCH_DOCS generated documents and print the figures
	$(BIN)/python -m pipeline.bench --docs $(BENCH_DOCS) --cores $(CORES)

FUZZ_SECONDS ?= 600
# rounds start until FUZZ_SECONDS have passed; the last one runs to its end (about 25 s)
fuzz: $(STAMP) bytecode  ## property tests on arbitrary input, new seeds, for FUZZ_SECONDS (default 600)
	@start=$$(date +%s); end=$$(( start + $(FUZZ_SECONDS) )); round=0; \
	while [ $$(date +%s) -lt $$end ]; do \
	  round=$$((round + 1)); seed=$$(od -An -N4 -tu4 /dev/urandom | tr -d ' '); \
	  echo "fuzz round $$round, hypothesis seed $$seed"; \
	  FUZZ_EXAMPLES=3000 $(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz.py tests/test_segment.py \
	    --hypothesis-seed=$$seed || exit 1; \
	done; echo "fuzz: $$round rounds clean in $$(( $$(date +%s) - start )) s"
