#!/usr/bin/env bash
# Seen, not assumed: the dashboard in a real terminal emulator (xterm, DejaVu Sans Mono) under a
# virtual display, one PNG per screen and size, to look at and to compare after a change.
#   bash .bench/screenshots.sh [OUT_DIR]        (default /tmp/cdsboard-shots)
# Needs xterm, Xvfb, ImageMagick's import and xwininfo (Debian: xterm xvfb imagemagick x11-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/cdsboard-shots}
mkdir -p "$out"
for tool in xterm Xvfb import xwininfo; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install xterm xvfb imagemagick x11-utils" >&2; exit 2; }
done
swift build >/dev/null
bin=$PWD/.build/debug/cdsboard
data=$PWD/SampleData/ha-giang
display=:97
Xvfb "$display" -screen 0 2880x1800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CONFIG_HOME=/nonexistent XDG_STATE_HOME=/tmp/cdsboard-shots-state

# shot NAME COLSxROWS DELAYS... -- ARGS: start cdsboard ARGS in an xterm of that size and take
# a picture after each delay (seconds from start).
shot() {
    local name=$1 size=$2; shift 2
    local delays=()
    while [ "$1" != "--" ]; do delays+=("$1"); shift; done
    shift
    local cols=${size%x*} rows=${size#*x}
    xterm -tn xterm-256color -T "cds-$name" -geometry "${cols}x${rows}+0+0" -fa 'DejaVu Sans Mono' -fs 10 -bg black -fg '#e5e5e5' \
        -e "$bin" --data "$data" "$@" &
    local pid=$! waited=0
    for d in "${delays[@]}"; do
        sleep "$(echo "$d - $waited" | bc)"
        waited=$d
        local id
        id=$(xwininfo -name "cds-$name" 2>/dev/null | awk '/Window id:/ {print $4}')
        [ -n "$id" ] && import -window "$id" "$out/$name-$size-${d}s.png" && echo "$out/$name-$size-${d}s.png"
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

for size in 80x24 160x48 200x60; do
    shot overview "$size" 1.5 -- --lang vi
    shot district "$size" 1.5 -- --view district:030
    shot commune "$size" 1.5 -- --view commune:00955
    # The wall screen: the overview, then the first panels, one step every 3 s.
    shot kiosk "$size" 1.5 4.5 7.5 -- --kiosk --rotate 3s
done
shot kiosk-console 137x38 1.5 4.5 -- --kiosk --rotate 3s --ascii
