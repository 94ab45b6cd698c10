# zwgk: thin front door over CMake/Ninja and the scripts in scripts/.
BUILD ?= build
JOBS ?= $(shell nproc)
DATABASE ?= sqlite:var/zwgk.db
LISTEN ?= 127.0.0.1:8080

ASAN_BUILD ?= build-asan

.PHONY: all deps build run test test-asan bench bench-cached bench-search bench-flood bench-spike bench-herd clean

all: build

deps:
	@./scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: deps $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@mkdir -p var
	@$(BUILD)/zwgk migrate --database $(DATABASE)
	@$(BUILD)/zwgk demo --with-accounts --database $(DATABASE)
	@$(BUILD)/zwgk serve --database $(DATABASE) --listen $(LISTEN)

test:
	@WANT_BROWSER=1 ./scripts/install-deps.sh
	@$(MAKE) --no-print-directory build
	@./scripts/test.sh $(BUILD)

# AddressSanitizer + UndefinedBehaviorSanitizer (CMake build type Asan, ADR 0021) in its own
# build directory; not part of `make test` (a cold build and run take far longer).
# ZWGK_SKIP_E2E=1 leaves out the browser tests.
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Asan >/dev/null
	@nice cmake --build $(ASAN_BUILD) -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1 \
	 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	 LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/sanitizers/lsan.supp:print_suppressions=0 \
	 ./scripts/test.sh $(ASAN_BUILD)

bench: build
	@./bench/page_bench.sh $(BUILD)

bench-flood: build
	@./bench/flood_bench.sh $(BUILD)

bench-spike: build
	@./bench/spike_bench.sh $(BUILD)

bench-herd: build
	@./bench/herd_bench.sh $(BUILD)

bench-search: build
	@nice ./bench/search_bench.sh $(BUILD)

clean:
	rm -rf $(BUILD)
