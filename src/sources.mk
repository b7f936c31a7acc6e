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
