# fazhi — the two commands a new user needs: `make run` and `make test`.
SHELL := /bin/bash
BUILD ?= build
WEB_SOURCES := $(shell find web/src web/index.html web/package.json web/vite.config.ts -type f 2>/dev/null)

.PHONY: all setup build native web run test bench clean

all: build

setup:
	@scripts/setup

build: setup native web

native:
	@if [ ! -f $(BUILD)/build.ninja ]; then cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null; fi
	@ninja -C $(BUILD)

web: web/dist/index.html

web/dist/index.html: $(WEB_SOURCES) web/package-lock.json
	@cd web && npm run --silent build
	@touch $@

run: build
	@mkdir -p var
	@echo "fazhi: http://127.0.0.1:8080/  (demo sign-ins: see README.md, password Demo@2024)"
	$(BUILD)/fazhi serve --demo --db sqlite:var/fazhi.db --listen 127.0.0.1:8080 --web-root web/dist

test: build
	@scripts/test

bench: build
	@bench/run

clean:
	rm -rf $(BUILD) web/dist
