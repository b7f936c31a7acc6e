# folio: a Markdown academic homepage as one FastCGI/CGI binary.
#   make          build cgi-bin/folio.fcgi
#   make serve    install what is missing, build, serve the default site on http://127.0.0.1:$(PORT)/
#   make test     install what is missing, build, run every test
# Local overrides go in config.mk (CXX, CXXFLAGS, PORT, ...).

PREFIX ?= /usr/local
DESTDIR ?=
PORT ?= 8080
VERSION = 0.1.0

CXX ?= g++
CXXFLAGS ?= -O2 -g
CFLAGS ?= -O2 -g
LDFLAGS ?=

-include config.mk

FOLIO_ROOT :=
include src/sources.mk
# Set here, not in CXXFLAGS: `make CXXFLAGS=-O0` must not drop the language standard, the
# warnings or the dependency files.
FOLIO_FLAGS = $(FOLIO_REQUIRED_FLAGS) $(FOLIO_WARNINGS) -DFOLIO_VERSION='"$(VERSION)"'
BTPARSE_LIB = build/btparse/libbtparse.a
LIBS = $(BTPARSE_LIB) $(FOLIO_LIBS)
TEST_LIBS = $(FOLIO_TEST_LIBS)

BUILD_PACKAGES = g++ make libfcgi-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libinih-dev \
                 libyaml-cpp-dev libkainjow-mustache-dev libsass-dev zlib1g-dev
TEST_PACKAGES = $(BUILD_PACKAGES) libboost-test-dev lighttpd curl file libxml2-utils
SERVE_PACKAGES = $(BUILD_PACKAGES) lighttpd

SRC := $(FOLIO_SRC)
OBJ := $(SRC:src/%.cpp=build/obj/%.o)
CORE_OBJ := $(filter-out build/obj/main.o,$(OBJ))
UNIT_SRC := $(wildcard tests/unit/*.cpp)
UNIT_OBJ := $(UNIT_SRC:tests/unit/%.cpp=build/tests/%.o)
E2E_SRC := $(wildcard tests/e2e/*.cpp)
E2E_OBJ := $(E2E_SRC:tests/e2e/%.cpp=build/e2e/%.o)

BIN = cgi-bin/folio.fcgi

.PHONY: all deps test-deps serve test clean install dist bench fuzz asan soak liquid-spec
all: $(BIN)

$(BIN): $(OBJ) $(BTPARSE_LIB)
	$(CXX) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

# btparse (src/sources.mk): C, compiled with its own flags, archived for every link below.
build/btparse/%.o: $(BTPARSE_DIR)/src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(BTPARSE_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BTPARSE_LIB): $(BTPARSE_MODULES:%=build/btparse/%.o)
	rm -f $@ && ar rcs $@ $^

build/obj/%.o: src/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(FOLIO_FLAGS) $(CXXFLAGS) -c -o $@ $<

build/tests/%.o: tests/unit/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(FOLIO_FLAGS) -DBOOST_TEST_DYN_LINK $(CXXFLAGS) -c -o $@ $<

build/e2e/%.o: tests/e2e/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(FOLIO_FLAGS) -DBOOST_TEST_DYN_LINK $(CXXFLAGS) -c -o $@ $<

build/unit_tests: $(UNIT_OBJ) $(CORE_OBJ) $(BTPARSE_LIB)
	$(CXX) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(CORE_OBJ) $(LIBS) $(TEST_LIBS)

build/e2e_tests: $(E2E_OBJ)
	$(CXX) $(LDFLAGS) -o $@ $^ $(TEST_LIBS) -lz

# Shopify's liquid-spec (../shared/liquid-spec) through folio's Liquid: per suite passed, failed,
# skipped (by feature), and the cases kept for Jekyll. tests/liquid_spec/run-liquid-spec.sh.
build/liquid_spec_runner: build/liquid_spec/runner.o $(CORE_OBJ) $(BTPARSE_LIB)
	$(CXX) $(LDFLAGS) -o $@ build/liquid_spec/runner.o $(CORE_OBJ) $(LIBS)

build/liquid_spec/%.o: tests/liquid_spec/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(FOLIO_FLAGS) $(CXXFLAGS) -c -o $@ $<

liquid-spec:
	@tests/liquid_spec/run-liquid-spec.sh

# Jekyll's own output for its filters and tags (tests/jekyll_oracle/) against folio's.
build/jekyll_oracle_runner: build/jekyll_oracle/runner.o $(CORE_OBJ) $(BTPARSE_LIB)
	$(CXX) $(LDFLAGS) -o $@ build/jekyll_oracle/runner.o $(CORE_OBJ) $(LIBS)

build/jekyll_oracle/%.o: tests/jekyll_oracle/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(FOLIO_FLAGS) $(CXXFLAGS) -c -o $@ $<

deps:
	@tools/ensure-packages $(SERVE_PACKAGES)

test-deps:
	@tools/ensure-packages $(TEST_PACKAGES)

serve: deps
	@$(MAKE) --no-print-directory $(BIN)
	tools/serve $(PORT)

# Every suite runs even when an earlier one fails; tests/run prints the totals.
test: test-deps
	@$(MAKE) --no-print-directory -j2 $(BIN) build/unit_tests build/e2e_tests
	@tests/run

# Long runs, each behind its own target (not part of `make test`):
#   make bench                 FastCGI/CGI speed and memory against a floor, in one run (tests/bench/)
#   make fuzz FUZZ_SECONDS=600 every libFuzzer target for that long (tests/fuzz/)
#   make soak                  wrk against folio under lighttpd for 60 s+ (tests/soak/)
# `make asan` builds with AddressSanitizer and UBSan and runs the unit and end-to-end tests;
# `make test` runs it too, and a brief pass of every fuzz target.
bench: test-deps
	tests/bench/run.sh

fuzz: test-deps
	tests/fuzz/long-run.sh $(FUZZ_SECONDS)

asan: test-deps
	tests/asan/run-asan.sh

soak: test-deps
	tests/soak/run.sh

clean:
	rm -rf build $(BIN) folio-*.tar.gz

# The upload: a fully static binary (no shared libraries at all, so it runs on any x86-64
# Linux host), its folio.ini and .htaccess, content/ and templates/, laid out as they go on the host.
DIST = folio-$(VERSION)
# The linker's warnings about gethostbyname (libfcgi) and dlopen (libsass's plugin loader) are
# left out: folio gives libfcgi no host name and libsass no plugin path, so neither runs.
build/static/folio.fcgi: $(OBJ) $(BTPARSE_LIB)
	@mkdir -p $(@D)
	$(CXX) -static $(LDFLAGS) -o $@ $(OBJ) $(LIBS) 2>&1 | grep -v "gethostbyname\|OS_CreateLocalIpcFd\|load_plugin\|dlopen" || true
	strip $@

dist: build/static/folio.fcgi
	rm -rf build/dist && mkdir -p build/dist/$(DIST)/cgi-bin
	cp build/static/folio.fcgi cgi-bin/folio.ini cgi-bin/.htaccess build/dist/$(DIST)/cgi-bin/
	cp -R content templates README.md build/dist/$(DIST)/
	tar -czf $(DIST).tar.gz -C build/dist $(DIST)
	@echo "folio: wrote $(DIST).tar.gz"

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/lib/folio/cgi-bin $(DESTDIR)$(PREFIX)/share/folio
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/lib/folio/cgi-bin/folio.fcgi
	install -m 644 cgi-bin/folio.ini $(DESTDIR)$(PREFIX)/lib/folio/cgi-bin/folio.ini
	cp -R content templates $(DESTDIR)$(PREFIX)/lib/folio/

-include $(OBJ:.o=.d) $(BTPARSE_MODULES:%=build/btparse/%.d) $(UNIT_OBJ:.o=.d) $(E2E_OBJ:.o=.d) build/liquid_spec/runner.d build/jekyll_oracle/runner.d
