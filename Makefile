# zwgk: thin front door over CMake/Ninja and the scripts in scripts/.
BUILD ?= build
JOBS ?= $(shell nproc)
DATABASE ?= sqlite:var/zwgk.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all deps build run test bench bench-cached bench-search bench-flood clean

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

bench: build
	@./bench/page_bench.sh $(BUILD)

bench-flood: build
	@./bench/flood_bench.sh $(BUILD)

bench-search: build
	@nice ./bench/search_bench.sh $(BUILD)

clean:
	rm -rf $(BUILD)
