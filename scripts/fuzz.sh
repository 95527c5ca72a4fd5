#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan in build-fuzz/ and runs
# each for the given seconds (default 30), starting from the seeds in fuzz/corpus/. What a
# run discovers is kept in build-fuzz/corpus/ (the tree's seeds are not touched); a crash
# leaves its input in build-fuzz/artifacts/<target>/ and makes the script fail.
#   scripts/fuzz.sh [seconds] [target...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
# clang 19: libstdc++ 12's <expected> needs __cpp_concepts >= 202002, which clang sets
# from 17 on (Debian 12's clang 14 and 16 cannot build core/).
bash scripts/install-deps.sh clang-19 libclang-rt-19-dev llvm
export CCACHE_BASEDIR="$PWD"
cmake -S . -B build-fuzz -G Ninja -DSOTTO_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(frame beacon hello prekeybundle padding content headless animation)
fi
cmake --build build-fuzz --parallel "$(nproc)" --target "${targets[@]/#/fuzz_}"

# Sizes: a frame up to a little over the 256 KiB cap would make every run slow; the caps
# that matter (1 KiB beacons and bundles, 64 KiB plaintext) are checked with the lengths below.
declare -A maxlen=([frame]=8192 [beacon]=1200 [hello]=1024 [prekeybundle]=1200 [padding]=1024 [content]=4096 [headless]=4096 [animation]=4096)
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer # stacks with file:line (package llvm)
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen
passed=0
failed=0
for t in "${targets[@]}"; do
  corpus="build-fuzz/corpus/$t"
  artifacts="build-fuzz/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  log="build-fuzz/fuzz-$t.log"
  echo "fuzz: $t for ${seconds}s"
  if ./build-fuzz/fuzz/fuzz_"$t" -max_total_time="$seconds" -max_len="${maxlen[$t]}" -timeout=10 -print_final_stats=1 \
       -artifact_prefix="$artifacts/" "$corpus" "fuzz/corpus/$t" >"$log" 2>&1; then
    passed=$((passed + 1))
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$log" | tail -2 | sed "s/^/  $t: /"
  else
    failed=$((failed + 1))
    echo "fuzz: $t FAILED; the input is in $artifacts/, the log follows"
    tail -60 "$log"
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
