# DutyGraph: `make serve` installs and serves; `make test` installs and runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install system-deps frontend build serve test lint bench clean

install: $(VENV)/.installed frontend

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# Front-end packages come from npm and are served by the project, never from a CDN.
frontend: server/static/vendor/.installed

server/static/vendor/.installed: package.json package-lock.json scripts/vendor.sh
	bash scripts/vendor.sh
	touch $@

# Headless Chromium for the browser tests, a Chinese font for its screenshots, roqet
# (Rasqal) as a SPARQL client and Virtuoso 7 (virtuoso-t, isql-vt: the engine of
# virtuoso-opensource, without its system service) as a second external backend, from
# Debian's packages. The tests start Virtuoso themselves, on loopback.
system-deps:
	@{ command -v chromium >/dev/null 2>&1 && command -v roqet >/dev/null 2>&1 && \
	   command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1 && \
	   fc-list :lang=zh 2>/dev/null | grep -q .; } || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium fonts-wqy-microhei rasqal-utils virtuoso-opensource-7-bin; }

build: install
	$(BIN)/kg build

serve: install
	$(BIN)/kg serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .

test: install system-deps lint
	$(BIN)/pytest -q

bench: install
	$(BIN)/kg bench

clean:
	rm -rf build .pytest_cache test-artifacts
