# The two commands of the README: `make demo` and `make test`.
# Everything else is a convenience around CMake presets (CMakePresets.json).

BUILD := build/release
BIN := $(BUILD)/src/crowdlens
DEMO_WORKSPACE := build/demo-workspace
JOBS ?= 2

.PHONY: all deps build test test-sanitize demo bench clean fuzz web

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
	ctest --preset dev -LE distributed

# Imports data/sample into a fresh workspace, shows what crowdlens answers on it, writes the HTML
# report and ends by serving the dashboard until Ctrl-C; DEMO_SERVE=0 stops before serving.
CL := $(BIN) --workspace $(DEMO_WORKSPACE)
demo: build
	@scripts/demo-workspace.sh $(BIN) $(DEMO_WORKSPACE)
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
	@echo "==> crowdlens prospects --hashtag germanwings --now 2015-03-27   (people talking about it, as of that day)"
	@$(CL) prospects --hashtag germanwings --now 2015-03-27 --top 8
	@echo "==> crowdlens suggest TheDailyEdge --circle 100   (whom to follow: circle of trust, then SALSA)"
	@$(CL) suggest TheDailyEdge --circle 100 --top 8
	@echo "==> crowdlens triage BBCNews   (followers to follow back, follows to drop; a list, nothing is done)"
	@$(CL) triage BBCNews --top 8
	@echo "==> crowdlens engage --hashtag germanwings --now 2015-03-25T12:00:00Z   (posts to answer now)"
	@$(CL) engage --hashtag germanwings --now 2015-03-25T12:00:00Z --top 8
	@echo "==> crowdlens match   (the hand-built address book matched to accounts)"
	@$(CL) match
	@echo "==> crowdlens event '#germanwings' --from 2015-03-24 --to 2015-03-25 --ics build/demo-germanwings.ics"
	@$(CL) event '#germanwings' --from 2015-03-24 --to 2015-03-25 --top 10 --ics build/demo-germanwings.ics
	@echo "==> crowdlens graph export --as graphml -O build/demo-crowd.graphml"
	@$(CL) graph export --as graphml -O build/demo-crowd.graphml
	@echo "==> crowdlens report -O build/demo-report.html"
	@$(CL) report -O build/demo-report.html
ifeq ($(DEMO_SERVE),0)
	@echo "==> DEMO_SERVE=0: not serving. To look: $(BIN) -w $(DEMO_WORKSPACE) serve"
else
	@$(MAKE) --no-print-directory web
	@echo "==> crowdlens serve --watch build/demo-pheme-stream.jsonl --replay --speed 3600   (Ctrl-C stops it)"
	@echo "    open the printed address in a browser: the dashboard, with the replayed stream live on Trends"
	@$(CL) serve --quiet --watch build/demo-pheme-stream.jsonl --replay --speed 3600 --window 1h
endif

# The dashboard (web/): npm installs the locked packages, vite builds web/dist, which `serve` serves.
# Only the dashboard and its browser tests need node; the C++ build and tests do not.
web:
	@if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules ]; then \
	  (cd web && npm ci --no-audit --no-fund --loglevel=error); fi
	@(cd web && npm run --silent build >/dev/null) && echo "web: dashboard built in web/dist"

bench: build
	bench/run-benchmarks.sh

# libFuzzer: builds build/fuzz with clang (sanitizers on), makes the seed corpora and runs
# every target for FUZZ_SECONDS, one after another; fails if any crashes (docs/fuzzing.md).
FUZZ_BUILD := build/fuzz
FUZZ_SECONDS ?= 60
fuzz: deps
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROWDLENS_FUZZ=ON \
	  -DCROWDLENS_BUILD_TESTS=OFF -DCROWDLENS_BUILD_BENCH=OFF -DCROWDLENS_NATIVE=OFF >/dev/null
	cmake --build $(FUZZ_BUILD) --target fuzz_targets -j $(JOBS)
	tests/fuzz/make-seeds.sh $(FUZZ_BUILD)/seeds
	tests/fuzz/run-fuzz.sh $(FUZZ_BUILD) $(FUZZ_BUILD)/seeds $(FUZZ_SECONDS)

clean:
	rm -rf build
