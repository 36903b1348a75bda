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

# Imports data/sample into a fresh workspace and shows what crowdlens answers on it.
# Nothing in it waits for input, so it also finishes under DEMO_SERVE=0 or without a terminal.
CL := $(BIN) --workspace $(DEMO_WORKSPACE)
demo: build
	@rm -rf $(DEMO_WORKSPACE)
	@echo "==> crowdlens init --owner BBCBreaking   (workspace: $(DEMO_WORKSPACE))"
	@$(CL) init --owner BBCBreaking >/dev/null
	@echo "==> crowdlens import data/sample"
	@$(CL) import data/sample
	@echo "==> crowdlens import --of BBCBreaking --ids followers data/generated/BBCBreaking-followers-later.json"
	@echo "    (GENERATED data, not real: a later follower list with every 25th follower dropped; see data/generated/README.md)"
	@$(CL) import --of BBCBreaking --ids followers data/generated/BBCBreaking-followers-later.json >/dev/null
	@printf '\n[audience]\ntarget = "(country = GB and not role in [spam]) or role = journalist"\n' >> $(DEMO_WORKSPACE)/crowdlens.toml
	@echo "==> crowdlens status"
	@$(CL) status
	@echo "==> crowdlens audience   (target set in $(DEMO_WORKSPACE)/crowdlens.toml)"
	@$(CL) audience
	@echo "==> crowdlens influence --top 10"
	@$(CL) influence --top 10
	@echo "==> crowdlens influence --agreement"
	@$(CL) influence --agreement
	@echo "==> crowdlens mix   (the owner's posts against the rule of thirds)"
	@$(CL) mix
	@echo "==> crowdlens mix --draft \"Sign up for our breaking news alerts\""
	@$(CL) mix --draft "Sign up for our breaking news alerts"
	@echo "==> crowdlens reach   (expected real audience per post; model in docs/reach.md)"
	@$(CL) reach --top 6
	@echo "==> crowdlens reach --when"
	@$(CL) reach --when
	@echo "==> crowdlens listen 'pfizer OR #PfizerBioNTech OR @pfizer'"
	@$(CL) listen 'pfizer OR #PfizerBioNTech OR @pfizer' --top 5
	@echo "==> crowdlens trends"
	@$(CL) trends --top 10
	@echo "==> crowdlens watch --replay build/demo-pheme-stream.jsonl   (the sample's PHEME threads replayed as a stream in time order)"
	@python3 bench/listen/make_pheme_stream.py data/sample/pheme build/demo-pheme-stream.jsonl >/dev/null
	@$(CL) watch --replay build/demo-pheme-stream.jsonl --query 'shooting OR gunman OR hostage OR #sydneysiege' \
	  --window 1h --alert-z 30 --min-count 80
	@echo "==> crowdlens graph export --as graphml -O build/demo-crowd.graphml"
	@$(CL) graph export --as graphml -O build/demo-crowd.graphml

bench: build
	bench/run-benchmarks.sh

clean:
	rm -rf build
