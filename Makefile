# The two commands of the README: `make demo` and `make test`.
# Everything else is a convenience around CMake presets (CMakePresets.json).

BUILD := build/release
BIN := $(BUILD)/src/crowdlens
DEMO_WORKSPACE := build/demo-workspace
JOBS ?= 2

.PHONY: all deps build test test-sanitize demo bench clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset release >/dev/null

build: deps $(BUILD)/build.ninja
	cmake --build --preset release -j $(JOBS)

# Installs what is missing, builds, runs the whole ctest suite.
test: build
	ctest --preset release

# The unit suite under AddressSanitizer and UndefinedBehaviorSanitizer.
test-sanitize: deps
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)
	ctest --preset dev

# Imports data/sample into a fresh workspace and prints its summary.
# Nothing in it waits for input, so it also finishes under DEMO_SERVE=0 or without a terminal.
demo: build
	@rm -rf $(DEMO_WORKSPACE)
	@echo "==> crowdlens init --owner BBCBreaking   (workspace: $(DEMO_WORKSPACE))"
	@$(BIN) --workspace $(DEMO_WORKSPACE) init --owner BBCBreaking >/dev/null
	@echo "==> crowdlens import data/sample"
	@$(BIN) --workspace $(DEMO_WORKSPACE) import data/sample
	@echo "==> crowdlens status"
	@$(BIN) --workspace $(DEMO_WORKSPACE) status

bench: build
	bench/run-benchmarks.sh

clean:
	rm -rf build
