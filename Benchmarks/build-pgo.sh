#!/usr/bin/env bash
# A profile-guided (PGO) release build of lede, for operators who want the last few per cent: build
# with LLVM's IR instrumentation, run extraction and the service on a corpus to count what the code
# does, then build again with those counts. About 8 minutes on 2 cores. Optional: `swift build -c
# release` stays the build the README, the tests and the container use.
#
#   Benchmarks/build-pgo.sh                 # prints the binary's path: .build-pgo/use/release/lede
#   CORPUS=FILE EN_CORPUS=FILE Benchmarks/build-pgo.sh
#
# Measured 3 December 2026 (commit `13254cb`), `lede bench extract --workers 1 --limit 800`, 10 alternating
# runs of each binary, twice: median one-core gain +4.6 % and +7.1 %; `lede bench service --articles
# 5000`, 4 alternating pairs: median +5 % (1,439-1,607 against 1,308-1,527 articles/s). Output is
# identical. Swift's own `-profile-generate`/`-profile-use` (SIL-level PGO) crashes the 6.3 compiler
# on `Sources/ZeroMQ/SocketOptions.swift`, hence the IR-level flags and the profile runtime linked by hand.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CORPUS="${CORPUS:-../shared/data/corpus/vi-news.jsonl}"
EN_CORPUS="${EN_CORPUS:-../shared/data/corpus/en-news.jsonl}"
# Without the shared corpora, the articles of the event gold files stand in (far fewer).
[ -r "$CORPUS" ] || CORPUS=Gold/events-vi-dev.jsonl
[ -r "$EN_CORPUS" ] || EN_CORPUS=Gold/events-en-dev.jsonl

TOOLCHAIN="$(dirname "$(readlink -f "$(command -v swift)")")"
PROFDATA="$TOOLCHAIN/llvm-profdata"
# -print -quit, not a pipe into head: under pipefail, find killed by SIGPIPE would stop the script.
RUNTIME="$(find "$TOOLCHAIN/../lib/clang" \( -name 'libclang_rt.profile-x86_64.a' -o -name 'libclang_rt.profile-aarch64.a' \) -print -quit)"
[ -x "$PROFDATA" ] && [ -n "$RUNTIME" ] || { echo "build-pgo: the toolchain has no llvm-profdata or profile runtime" >&2; exit 2; }

OUT=.build-pgo
PROFILES="$ROOT/$OUT/profiles"
rm -rf "$PROFILES"
mkdir -p "$PROFILES"

echo "== instrumented build"
swift build -c release --product lede --scratch-path "$OUT/gen" \
    -Xswiftc -Xfrontend -Xswiftc -ir-profile-generate="$PROFILES" \
    -Xlinker "$RUNTIME" -Xlinker -u__llvm_profile_runtime 2>&1 | tail -n 1
GEN="$OUT/gen/release/lede"

echo "== training runs"
export LLVM_PROFILE_FILE="$PROFILES/lede-%p.profraw"
"$GEN" bench extract --corpus "$CORPUS" --workers 1 --limit 800 | tail -n 1
"$GEN" bench extract --corpus "$EN_CORPUS" --workers 1 --limit 300 | tail -n 1
"$GEN" bench service --corpus "$CORPUS" --articles 3000 | grep throughput
unset LLVM_PROFILE_FILE
"$PROFDATA" merge -o "$PROFILES/lede.profdata" "$PROFILES"/*.profraw

echo "== optimised build"
swift build -c release --product lede --scratch-path "$OUT/use" \
    -Xswiftc -Xfrontend -Xswiftc -ir-profile-use="$PROFILES/lede.profdata" 2>&1 | grep -v "no profile data available" | tail -n 1
echo "$OUT/use/release/lede"
