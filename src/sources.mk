# What every build of folio compiles and links: the normal one (Makefile), the sanitizer one
# (tests/asan/asan.mk) and the fuzz targets (tests/fuzz/fuzz.mk). FOLIO_ROOT is the project folder.
# Sources may sit in sub-folders of src/ (the Jekyll layer); headers are included from src/.
FOLIO_SRC := $(sort $(wildcard $(FOLIO_ROOT)src/*.cpp $(FOLIO_ROOT)src/*/*.cpp))
FOLIO_MAIN := $(FOLIO_ROOT)src/main.cpp
FOLIO_LIBS := -lfcgi -lcmark-gfm-extensions -lcmark-gfm -linih -lyaml-cpp -lsass -lz
FOLIO_TEST_LIBS := -lboost_unit_test_framework
# Flags folio cannot be built without; CXXFLAGS (optimisation, debug info) is the user's.
FOLIO_REQUIRED_FLAGS := -std=c++17 -MMD -MP -I$(FOLIO_ROOT)src
FOLIO_WARNINGS := -Wall -Wextra -Wno-unused-parameter

# btparse 0.89 (third_party/btparse/README.md), folio's BibTeX parser, built from its C sources
# into a static library by every build: Debian ships it only as a shared library, which the
# fully static binary of `make dist` cannot link. Its warnings are its own: silenced (-w) for it
# alone. Each build compiles it with its own C compiler and sanitizer flags:
#   $(OUT)/btparse/%.o from $(BTPARSE_DIR)/src/%.c with $(BTPARSE_CFLAGS), archived as libbtparse.a
BTPARSE_DIR := $(FOLIO_ROOT)third_party/btparse
BTPARSE_MODULES := init input bibtex err scan error lex_auxiliary parse_auxiliary bibtex_ast sym \
                   util postprocess macros traversal modify names tex_tree string_util format_name
BTPARSE_SRC := $(BTPARSE_MODULES:%=$(BTPARSE_DIR)/src/%.c)
BTPARSE_CFLAGS := -MMD -MP -I$(BTPARSE_DIR)/include -I$(BTPARSE_DIR)/src -I$(BTPARSE_DIR)/pccts -w
FOLIO_REQUIRED_FLAGS += -I$(BTPARSE_DIR)/include
