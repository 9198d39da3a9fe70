#!/usr/bin/env bash
# Gathers the fuzzing seeds into DIR: the committed extras (source texts among them), the shipped briefings, the
# malformed-briefing corpus, and every theme with the "# theme" marker line in front.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="$1"
mkdir -p "$dir"
cp Tests/Fuzz/corpus/* Sources/BuiltInBriefings/*.yaml "$dir/"
for f in Tests/TrilateralModelTests/Malformed/*.yaml; do cp "$f" "$dir/malformed-$(basename "$f")"; done
for f in themes/*.yaml; do { echo "# theme"; cat "$f"; } > "$dir/theme-$(basename "$f")"; done
