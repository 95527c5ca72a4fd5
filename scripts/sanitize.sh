#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the program and every test with AddressSanitizer + UndefinedBehaviorSanitizer and
# with assertions on (Q_ASSERT and assert: the thread-affinity checks and "no frame inside
# a transaction" run here, while the RelWithDebInfo build of scripts/test.sh compiles them
# out), in build-asan/, and runs the whole suite with CTest. No benchmarks. Qt and the
# other system libraries are not instrumented; leaks found inside them are suppressed in
# scripts/lsan.supp, each entry with the reason it is not ours.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# No CCACHE_BASEDIR here: it makes __FILE__ relative, and QFINDTESTDATA (tst_migrations'
# fixture) then looks in the wrong place.
unset CCACHE_BASEDIR
# -O1: readable stacks at a bearable speed. NDEBUG is left out of the per-config flags and
# QT_FORCE_ASSERTS keeps Q_ASSERT despite the QT_NO_DEBUG that Qt adds outside Debug.
sanitizers="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOTTO_BUILD_BENCH=OFF \
  -DCMAKE_C_FLAGS="$sanitizers" -DCMAKE_CXX_FLAGS="$sanitizers -DQT_FORCE_ASSERTS" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
cmake --build build-asan --parallel "$(nproc)"
export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# The office LAN test at half size: this run looks for memory and undefined-behaviour
# errors, which 20 sanitized nodes find as well as 40 (the plain suite runs the 40).
export SOTTO_OFFICE_NODES=20
cd build-asan
ctest --output-on-failure --parallel "$(nproc)" --timeout 900
