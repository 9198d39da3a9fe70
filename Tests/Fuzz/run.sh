#!/usr/bin/env bash
# Fuzzes the briefing and theme loaders with libFuzzer and AddressSanitizer for SECONDS
# (default 60). Seeds: Tests/Fuzz/corpus, the shipped briefings, the malformed-briefing corpus
# and the themes (marked "# theme"). A crash leaves its input in .build-fuzz/crashes/ and
# exits non-zero; add such inputs to the malformed corpus.
#   Tests/Fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
TRILATERAL_SANITIZE=fuzzer,address swift build --scratch-path .build-fuzz --product trilateral-fuzz
work="$(mktemp -d)"
mkdir -p .build-fuzz/crashes
Tests/Fuzz/seeds.sh "$work"
# Leak checking stays on, minus what global initialisers keep for the program's life.
export LSAN_OPTIONS="suppressions=$PWD/Tests/Memcheck/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
.build-fuzz/debug/trilateral-fuzz -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix=.build-fuzz/crashes/ -dict=Tests/Fuzz/yaml.dict "$work"
