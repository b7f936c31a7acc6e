# Builds folio, the unit tests and the end-to-end tests with AddressSanitizer and UBSan into
# build/asan/ (an object folder of its own: the normal build in build/obj/ is never touched).
#   make -f tests/asan/asan.mk -j2
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../..)
FOLIO_ROOT := $(ROOT)/
include $(ROOT)/src/sources.mk
OUT := $(ROOT)/build/asan
CXX := g++
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
CXXFLAGS := $(FOLIO_REQUIRED_FLAGS) -g -O1 $(SANITIZE) -DFOLIO_VERSION='"asan"' -DBOOST_TEST_DYN_LINK
BTPARSE_LIB := $(OUT)/btparse/libbtparse.a
LIBS := $(BTPARSE_LIB) $(FOLIO_LIBS)

SRC := $(FOLIO_SRC)
OBJ := $(SRC:$(ROOT)/src/%.cpp=$(OUT)/obj/%.o)
CORE := $(filter-out $(OUT)/obj/main.o,$(OBJ))
UNIT := $(patsubst $(ROOT)/tests/unit/%.cpp,$(OUT)/unit/%.o,$(wildcard $(ROOT)/tests/unit/*.cpp))
E2E := $(patsubst $(ROOT)/tests/e2e/%.cpp,$(OUT)/e2e/%.o,$(wildcard $(ROOT)/tests/e2e/*.cpp))

.PHONY: all
all: $(OUT)/folio.fcgi $(OUT)/unit_tests $(OUT)/e2e_tests

$(OUT)/obj/%.o: $(ROOT)/src/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c -o $@ $<
$(OUT)/unit/%.o: $(ROOT)/tests/unit/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c -o $@ $<
$(OUT)/e2e/%.o: $(ROOT)/tests/e2e/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c -o $@ $<

$(OUT)/btparse/%.o: $(BTPARSE_DIR)/src/%.c
	@mkdir -p $(@D)
	gcc $(BTPARSE_CFLAGS) -g -O1 $(SANITIZE) -c -o $@ $<
$(BTPARSE_LIB): $(BTPARSE_MODULES:%=$(OUT)/btparse/%.o)
	rm -f $@ && ar rcs $@ $^

$(OUT)/folio.fcgi: $(OBJ) $(BTPARSE_LIB)
	$(CXX) $(SANITIZE) -o $@ $(OBJ) $(LIBS)
$(OUT)/unit_tests: $(UNIT) $(CORE) $(BTPARSE_LIB)
	$(CXX) $(SANITIZE) -o $@ $(UNIT) $(CORE) $(LIBS) $(FOLIO_TEST_LIBS)
$(OUT)/e2e_tests: $(E2E)
	$(CXX) $(SANITIZE) -o $@ $^ $(FOLIO_TEST_LIBS) -lz

-include $(OBJ:.o=.d) $(UNIT:.o=.d) $(E2E:.o=.d) $(BTPARSE_MODULES:%=$(OUT)/btparse/%.d)
