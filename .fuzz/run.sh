#!/usr/bin/env bash
# Fuzzes every parser, and whole snapshots (target snapshot), for SECONDS each (default 60) with the corpus in .fuzz/corpus.
# New inputs go to a scratch corpus; with --keep, those that add coverage are merged into
# the repository's corpus. Findings are written to .build-fuzz/findings/ and fail the run.
#   bash .fuzz/run.sh [--keep] [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
keep=0; [ "${1:-}" = "--keep" ] && { keep=1; shift; }
seconds=${1:-60}; shift || true
targets=${*:-csv dossiers.csv dossier_stats.csv bts.csv villages.csv ocop.csv tourism.csv units.json manifest.json targets.json snapshot cache room}
[ -x .build-fuzz/cdsboard-fuzz ] || bash .fuzz/build.sh || exit 1
mkdir -p .build-fuzz/findings
export TMPDIR=${TMPDIR:-/tmp}
[ -d /dev/shm ] && export TMPDIR=/dev/shm   # the harness writes each input to a file
failed=()
for t in $targets; do
    scratch=.build-fuzz/scratch/$t
    mkdir -p "$scratch" ".fuzz/corpus/$t"
    FUZZ_TARGET=$t ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no .build-fuzz/cdsboard-fuzz "$scratch" ".fuzz/corpus/$t" \
        -dict=.fuzz/snapshot.dict -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=".build-fuzz/findings/$t-" -print_final_stats=1 > ".build-fuzz/$t.log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' ".build-fuzz/$t.log")
    cov=$(grep -o 'cov: [0-9]*' ".build-fuzz/$t.log" | tail -1)
    echo "$t: ${runs:-?} inputs in ${seconds}s, $cov, exit $status"
    [ $status -eq 0 ] || { failed+=("$t"); tail -30 ".build-fuzz/$t.log"; }
    if [ $keep = 1 ]; then
        FUZZ_TARGET=$t ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no .build-fuzz/cdsboard-fuzz -merge=1 -max_len=65536 ".fuzz/corpus/$t" "$scratch" > /dev/null 2>&1
    fi
done
[ ${#failed[@]} -eq 0 ] || { echo "findings in: ${failed[*]} (see .build-fuzz/findings/)"; exit 1; }
