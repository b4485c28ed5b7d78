#!/usr/bin/env bash
# Runs cdsboard's benchmarks and the peers' on the same generated file, in one go, and prints
# the figures and the ratios. Installs what is missing (polars, duckdb, btop). Figures only:
# nothing here fails on timing.
#   bash .bench/compare.sh [ROWS]      (default 1000000; run from the repository root)
set -uo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
shared=../shared/bench
work=${TMPDIR:-/tmp}/cdsboard-bench-$rows

python3 -c 'import polars' 2>/dev/null || pip install -q polars
python3 -c 'import duckdb' 2>/dev/null || pip install -q duckdb
command -v btop >/dev/null || { apt-get update -qq && apt-get install -y -qq btop; }

swift build -c release --product cdsboard >/dev/null && swift build -c release --product cdsboard-bench >/dev/null || exit 1
bin=.build/release
[ -f "$work/dossiers.csv" ] || $bin/cdsboard gen --out "$work" --dossiers "$rows" >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
echo "file: $work/dossiers.csv, $(du -m "$work/dossiers.csv" | cut -f1) MB, $rows dossiers"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
ours=$($bin/cdsboard-bench load "$work" -r 5)
echo "$ours"
whole=$( { /usr/bin/time -f '%e %U %S %M' $bin/cdsboard check "$work" >/dev/null; } 2>&1 | tail -1)
set -- $whole
echo "cdsboard check (whole process): $1 s wall, $2 s user, $3 s sys, peak $(( $4 / 1024 )) MB"
polars=$(python3 "$shared/agg_polars.py" "$work/dossiers.csv" -r 5 2>&1 | tail -1); echo "$polars"
duck=$(python3 "$shared/agg_duckdb.py" "$work/dossiers.csv" -r 5 2>&1 | tail -2); echo "$duck"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# In-process against in-process, same file, same run: ours as `check` loads (every file's
# SHA-256 computed) and with the digests remembered (parsing and aggregation alone).
median() { echo "$1" | grep "$2" | sed -n 's/.*wall median=\([0-9.]*\).*/\1/p'; }
p=$(median "$polars" polars)
for what in "with SHA-256" "digests remembered"; do
    c=$(median "$ours" "$what")
    [ -n "$p" ] && [ -n "$c" ] && awk -v c="$c" -v p="$p" -v w="$what" \
        'BEGIN { printf "in-process load (%s) %.3f s / polars %.3f s = %.2f (goal <= 0.5)\n", w, c, p, c / p }'
done

$bin/cdsboard-bench render
# Sixty committee members on one box: the same export, each viewer alone and with the shared cache.
$bin/cdsboard-bench viewers 60 --data "$work" --changes 2
$bin/cdsboard-bench terminal --size 200x50 --idle 60
if command -v btop >/dev/null && [ -f "$shared/measure_tui.py" ]; then
    # Both at 200x50 in tmux, idle for 60 s after a 5 s warm-up, measured the same way.
    ours=$(python3 "$shared/measure_tui.py" cdsboard "$PWD/$bin/cdsboard --data $PWD/SampleData/ha-giang" --comm cdsboard --duration 60 --runs 1 2>&1)
    theirs=$(python3 "$shared/measure_tui.py" btop "btop" --comm btop --duration 60 --runs 1 2>&1)
    echo "$ours" | grep -E "median="; echo "$theirs" | grep -E "median="
    get() { echo "$1" | sed -n "s/.* $2: runs=[0-9]* median=\([0-9.]*\).*/\1/p"; }
    awk -v a="$(get "$ours" sched_cpu_ms_per_s)" -v b="$(get "$theirs" sched_cpu_ms_per_s)" \
        'BEGIN { if (b > 0) printf "idle CPU cdsboard / btop: %.4f (goal <= 1/90 = 0.0111)\n", a / b }'
fi
