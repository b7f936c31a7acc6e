# Builds the libFuzzer targets into build/fuzz/ (called by long-run.sh and run-fuzz-brief.sh):
#   make -f tests/fuzz/fuzz.mk -j2
# Every target links tests/fuzz/fuzz_<name>.cpp with src/*.cpp except main.cpp, all compiled
# with clang++-14 -fsanitize=fuzzer,address,undefined in an object folder of their own
# (build/fuzz/obj/), so the normal build in build/obj/ is never touched.

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../..)
FOLIO_ROOT := $(ROOT)/
include $(ROOT)/src/sources.mk
OUT := $(ROOT)/build/fuzz
FUZZ_CXX ?= clang++-14

SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
CXXFLAGS = $(FOLIO_REQUIRED_FLAGS) -g -O1 $(SANITIZE) -fsanitize=fuzzer-no-link \
           -DFOLIO_VERSION='"fuzz"' -DFOLIO_FUZZ_ROOT='"$(ROOT)"'
FUZZ_CC ?= clang-14
BTPARSE_LIB := $(OUT)/btparse/libbtparse.a
LIBS = $(BTPARSE_LIB) $(FOLIO_LIBS)

SRC := $(filter-out $(FOLIO_MAIN),$(FOLIO_SRC))
OBJ := $(SRC:$(ROOT)/src/%.cpp=$(OUT)/obj/%.o)
HARNESS := $(wildcard $(ROOT)/tests/fuzz/fuzz_*.cpp)
HARNESS_OBJ := $(HARNESS:$(ROOT)/tests/fuzz/%.cpp=$(OUT)/harness/%.o)
TARGETS := $(HARNESS:$(ROOT)/tests/fuzz/%.cpp=$(OUT)/%)

.PHONY: all
all: $(TARGETS)

# The objects are intermediate files of the fuzz_% rule: without this, make deletes them after
# building one target by name, and the next build compiles every source again.
.SECONDARY:

$(OUT)/obj/%.o: $(ROOT)/src/%.cpp
	@mkdir -p $(@D)
	$(FUZZ_CXX) $(CXXFLAGS) -c -o $@ $<

$(OUT)/harness/%.o: $(ROOT)/tests/fuzz/%.cpp
	@mkdir -p $(@D)
	$(FUZZ_CXX) $(CXXFLAGS) -c -o $@ $<

# btparse is instrumented too, so that the fuzzer sees its branches and ASan its memory.
$(OUT)/btparse/%.o: $(BTPARSE_DIR)/src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(BTPARSE_CFLAGS) -g -O1 $(SANITIZE) -fsanitize=fuzzer-no-link -c -o $@ $<
$(BTPARSE_LIB): $(BTPARSE_MODULES:%=$(OUT)/btparse/%.o)
	rm -f $@ && ar rcs $@ $^

$(OUT)/fuzz_%: $(OUT)/harness/fuzz_%.o $(OBJ) $(BTPARSE_LIB)
	$(FUZZ_CXX) $(SANITIZE) -fsanitize=fuzzer -o $@ $(OUT)/harness/fuzz_$*.o $(OBJ) $(LIBS)

-include $(OBJ:.o=.d) $(HARNESS_OBJ:.o=.d) $(BTPARSE_MODULES:%=$(OUT)/btparse/%.d)
