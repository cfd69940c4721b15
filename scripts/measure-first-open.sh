#!/usr/bin/env bash
# The first window open after a command-line import, against later opens (issue #19).
#
#   scripts/measure-first-open.sh [BRIEFDESK_BIN] [BRIEFS]
#
#   BRIEFDESK_BIN  a release `briefdesk` binary (or $BRIEFDESK_BIN; default target/release/briefdesk)
#   BRIEFS         how many generated briefs to import (or $BRIEFS; default 10000)
#   RUNS=4         window opens in a row, at least 3: the first after the import, the rest later
#   KEEP=1         keep the temporary folder (briefs, library, screenshots, logs)
#
# In a new temporary folder: `briefdesk generate --briefs N --out briefs --seed 1`, then
# `BRIEFDESK_LIBRARY=lib.sqlite briefdesk import briefs` (timed), then RUNS times in a row
# the real window under Xvfb on that library, `briefdesk --screenshot shot-K.png --view policies`,
# each time measuring
#   - seconds from the process start to the screenshot written (the PNG's modification
#     time against a clock read just before `exec`, inside xvfb-run: Xvfb's own start is
#     not counted), and
#   - the process's peak resident memory (VmHWM, as `/usr/bin/time -v` reports it:
#     "Maximum resident set size"), in MB of 1,024 × 1,024 bytes.
#
# Why the screenshot is a fair end point: the screenshot mode (src/app/screenshot.rs) starts
# counting its 8 settling frames only once the library is loaded *and searchable*
# (src/app/mod.rs, `App::frame`). A library of more than 2,000 briefs is loaded as an outline
# (src/app/worker.rs, `reload_with`): the tables first, then the analyses (read from the
# store, or made there and then for briefs that have none: `app::analyses::findings_for`),
# then the search texts; only the last step makes it searchable. So a first open that has
# analyses to make takes its picture after they are all in. The script also prints how many
# analyses the library holds before each open, so a reader can see which opens had some to make.
#
# Prints a table and the ratio first / median(later). Exits 1 if that ratio is above 1.5 or
# any open's peak is 400 MB or more (the targets of issue #19), 2 if something could not run.
set -euo pipefail

MAX_RATIO=1.5
MAX_MB=400

bin=${1:-${BRIEFDESK_BIN:-target/release/briefdesk}}
briefs=${2:-${BRIEFS:-10000}}
runs=${RUNS:-4}

die() { echo "measure-first-open: $*" >&2; exit 2; }

[[ -x $bin ]] || die "no briefdesk binary at $bin (build with cargo build --release, or pass its path)"
bin=$(realpath "$bin")
[[ $briefs =~ ^[0-9]+$ && $briefs -gt 0 ]] || die "the brief count must be a positive number, not $briefs"
[[ $runs =~ ^[0-9]+$ && $runs -ge 3 ]] || die "RUNS must be 3 or more, not $runs"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"
command -v xvfb-run >/dev/null || die "xvfb-run is missing (apt-get install xvfb xauth)"

work=$(mktemp -d "${TMPDIR:-/tmp}/briefdesk-first-open.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then
    echo "keeping $work"
else
    trap 'rm -rf "$work"' EXIT
fi
lib=$work/lib.sqlite

# "briefs 10000, analyses 10000 (version 2)" — or nothing without the sqlite3 command.
library_note() {
    command -v sqlite3 >/dev/null || return 0
    sqlite3 "$lib" "SELECT 'briefs ' || (SELECT count(*) FROM briefs) || ', analyses '
        || (SELECT count(*) FROM analyses) || ' (version '
        || coalesce((SELECT group_concat(v) FROM (SELECT DISTINCT version AS v FROM analyses)), '-')
        || ')'" 2>/dev/null || echo "(could not read the library)"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

echo "binary:   $bin"
echo "          $("$bin" --version 2>/dev/null || echo '?')"
echo "host:     $(nproc) cores, $(uname -r), load average before generating: $(loadavg)"

"$bin" generate --briefs "$briefs" --out "$work/briefs" --seed 1 >"$work/generate.log" 2>&1 ||
    die "generate failed: $(tail -3 "$work/generate.log")"

echo "import:   load average before: $(loadavg)"
BRIEFDESK_LIBRARY=$lib /usr/bin/time -f '%e %M' -o "$work/import.time" \
    "$bin" import "$work/briefs" >"$work/import.log" 2>&1 ||
    die "import failed: $(tail -3 "$work/import.log")"
read -r import_s import_kb <"$work/import.time"
printf 'import:   %s briefs in %.1f s, peak %.0f MB; library %s MB; %s\n' "$briefs" "$import_s" \
    "$(echo "$import_kb" | awk '{print $1 / 1024}')" \
    "$(du -m "$lib" | cut -f1)" "$(library_note)"

declare -a secs peaks loads notes
for ((k = 1; k <= runs; k++)); do
    sleep 2 # the previous window's memory given back, Xvfb gone
    loads[k]=$(loadavg)
    notes[k]=$(library_note)
    shot=$work/shot-$k.png
    # Inside xvfb-run (the X server is up): the clock, then exec the measured process.
    BRIEFDESK_LIBRARY=$lib xvfb-run -a -s '-screen 0 1600x1000x24' \
        bash -c 'date +%s.%N >"$1"; shift; exec "$@"' _ "$work/start-$k" \
        /usr/bin/time -v -o "$work/time-$k.txt" \
        "$bin" --screenshot "$shot" --view policies >"$work/window-$k.log" 2>&1 ||
        die "window run $k failed: $(tail -5 "$work/window-$k.log")"
    [[ -s $shot ]] || die "window run $k wrote no screenshot"
    start=$(cat "$work/start-$k")
    shot_at=$(stat -c %.9Y "$shot")
    secs[k]=$(awk -v a="$start" -v b="$shot_at" 'BEGIN { printf "%.2f", b - a }')
    kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time-$k.txt")
    [[ -n $kb ]] || die "no peak memory in $work/time-$k.txt"
    peaks[k]=$(awk -v kb="$kb" 'BEGIN { printf "%.1f", kb / 1024 }')
    printf '  open %d: %6s s to the screenshot, peak %7s MB\n' "$k" "${secs[k]}" "${peaks[k]}"
done

# median FORMAT VALUE…
median() { local f=$1; shift; printf '%s\n' "$@" | sort -g | awk -v f="$f" '{ v[NR] = $1 } END {
    printf f "\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
later_secs=() later_peaks=()
for ((k = 2; k <= runs; k++)); do later_secs+=("${secs[k]}") later_peaks+=("${peaks[k]}"); done
later_s=$(median %.2f "${later_secs[@]}")
later_mb=$(median %.1f "${later_peaks[@]}")
ratio=$(awk -v a="${secs[1]}" -v b="$later_s" 'BEGIN { printf "%.2f", a / b }')
max_mb=$(printf '%s\n' "${peaks[@]}" | sort -g | tail -1)

echo
printf '| Open | Load average before | Library before the open | To the screenshot | Peak (VmHWM) |\n'
printf '| --- | --- | --- | --- | --- |\n'
for ((k = 1; k <= runs; k++)); do
    what="$k (later)"
    ((k == 1)) && what="1 (first after the import)"
    printf '| %s | %s | %s | %s s | %s MB |\n' "$what" "${loads[k]}" "${notes[k]:--}" "${secs[k]}" "${peaks[k]}"
done
printf '| median of later opens | | | %s s | %s MB |\n' "$later_s" "$later_mb"
echo
echo "first / median(later): $ratio (target <= $MAX_RATIO); largest peak: $max_mb MB (target < $MAX_MB MB)"

fail=0
if awk -v r="$ratio" -v m="$MAX_RATIO" 'BEGIN { exit !(r > m) }'; then
    echo "FAIL: the first open took $ratio times a later one"
    fail=1
fi
if awk -v p="$max_mb" -v m="$MAX_MB" 'BEGIN { exit !(p >= m) }'; then
    echo "FAIL: a peak of $max_mb MB"
    fail=1
fi
((fail == 0)) && echo "PASS"
exit "$fail"
