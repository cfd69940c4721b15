#!/bin/sh
# Runs every fuzz target in turn for SECONDS each (default 600), one process, one job, and
# keeps each target's log in fuzz/logs/. Found inputs go to fuzz/artifacts/TARGET/.
# Usage: fuzz/run.sh [SECONDS] [TARGET…]
set -u
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift 2>/dev/null || true
targets=${*:-text html json import}
mkdir -p fuzz/logs
for target in $targets; do
    mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
    cargo +nightly fuzz run -s none -a "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
        -max_total_time="$seconds" -jobs=1 -workers=1 -timeout=10 -rss_limit_mb=2048 \
        -max_len=16384 -dict=fuzz/brief.dict -print_final_stats=1 \
        -artifact_prefix="fuzz/artifacts/$target/" >"fuzz/logs/$target.out" 2>&1
    status=$?
    mv fuzz-0.log "fuzz/logs/$target.log" 2>/dev/null
    echo "$target: exit $status, corpus $(ls "fuzz/corpus/$target" | wc -l) inputs"
done
