#!/usr/bin/env bash
# Plays 20 and 200 kiosks against a fresh learning hub, scenario by scenario, and prints a
# Markdown table of the figures (for BENCHMARKS.md) and one of the hub's CPU and memory.
#
#   crates/loadgen/run.sh HUB_BIN CATALOGUE.json
#
# e.g. after `cargo build --release -p learning-hub -p learning-loadgen`:
#   DURATION=10 crates/loadgen/run.sh target/release/learning-hub assets/demo-catalogue.json
#
# Environment:
#   DURATION   seconds measured per run (default 10)
#   WARMUP     seconds of warm-up before each run (default 1)
#   SCENARIOS  default "lone batch first-sync poll"
#   KIOSKS     kiosk counts, default "20 200" (tokens are made for the largest)
#   BATCH      sign-ups a request in the batch scenario (default 50)
#   LOADGEN    the learning-loadgen binary (default target/release/learning-loadgen)
#   RESULTS    also keep the JSON lines here (default: in the temp dir, removed)
#   KEEP=1     keep the temp dir (hub db, tokens, hub log)
#   REIMPORT   a catalogue file: after the runs, one more lone run at the largest kiosk count
#              with `learning-hub import REIMPORT` started halfway through the window (to see
#              whether a re-import stalls sign-ups)
#
# The runs share one hub database in the order given, so sessions fill up as the sign-up
# runs go on (more `full` answers), and the feed read by first-sync and poll also carries
# the seat counts the sign-ups before them published.
set -euo pipefail

usage() {
    echo "usage: $0 HUB_BIN CATALOGUE.json" >&2
    exit 2
}
[[ $# -eq 2 ]] || usage
hub_bin=$1
catalogue=$2
here=$(cd "$(dirname "$0")" && pwd)
loadgen=${LOADGEN:-$here/../../target/release/learning-loadgen}
duration=${DURATION:-10}
warmup=${WARMUP:-1}
scenarios=${SCENARIOS:-lone batch first-sync poll}
kiosk_counts=${KIOSKS:-20 200}
batch=${BATCH:-50}

[[ -x $hub_bin ]] || { echo "no hub binary at $hub_bin" >&2; exit 2; }
[[ -r $catalogue ]] || { echo "cannot read the catalogue $catalogue" >&2; exit 2; }
[[ -x $loadgen ]] || {
    echo "no loadgen at $loadgen (cargo build --release -p learning-loadgen, or set LOADGEN)" >&2
    exit 2
}

work=$(mktemp -d "${TMPDIR:-/tmp}/loadgen.XXXXXX")
results=${RESULTS:-$work/results.jsonl}
hub_pid=
cleanup() {
    if [[ -n $hub_pid ]] && kill -0 "$hub_pid" 2>/dev/null; then
        kill -TERM "$hub_pid" 2>/dev/null || true
        wait "$hub_pid" 2>/dev/null || true
    fi
    if [[ ${KEEP:-0} == 1 ]]; then
        echo "kept $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

most=0
for k in $kiosk_counts; do
    if ((k > most)); then most=$k; fi
done
if ((most < 200)); then most=200; fi

db=$work/hub.sqlite
"$hub_bin" --db "$db" import "$catalogue" >&2
"$loadgen" provision --db "$db" --hub-bin "$hub_bin" --count "$most" --out "$work/tokens.txt" >&2

LEARNING_HUB_LOG=warn "$hub_bin" --db "$db" serve --listen 127.0.0.1:0 \
    >"$work/hub.out" 2>"$work/hub.log" &
hub_pid=$!
addr=
for _ in $(seq 1 200); do
    addr=$(sed -n 's/^listening on //p' "$work/hub.out" | head -n 1)
    [[ -n $addr ]] && break
    if ! kill -0 "$hub_pid" 2>/dev/null; then
        echo "the hub stopped before listening:" >&2
        cat "$work/hub.log" >&2
        exit 1
    fi
    sleep 0.05
done
[[ -n $addr ]] || { echo "the hub did not say where it listens" >&2; exit 1; }
url=http://$addr
echo "hub pid $hub_pid at $url; $duration s a run after $warmup s of warm-up" >&2

clk_tck=$(getconf CLK_TCK 2>/dev/null || echo 100)
# utime + stime, in ticks (fields 14 and 15; the name in parentheses may hold spaces).
hub_ticks() { sed 's/^.*) //' "/proc/$hub_pid/stat" | awk '{ print $12 + $13 }'; }
hub_kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$hub_pid/status"; }

resources=()
failed=0
header=--header
for scenario in $scenarios; do
    for k in $kiosk_counts; do
        before=$(hub_ticks)
        if row=$("$loadgen" --url "$url" --tokens "$work/tokens.txt" --kiosks "$k" \
            --scenario "$scenario" --duration "$duration" --warmup "$warmup" --batch "$batch" \
            --hub-pid "$hub_pid" --clk-tck "$clk_tck" --json-file "$results" $header); then
            echo "$row"
            header=
            requests=$(tail -n 1 "$results" | sed -n 's/.*"requests":\([0-9]*\).*/\1/p')
        else
            echo "loadgen failed: $scenario with $k kiosks" >&2
            failed=1
            requests=0
        fi
        after=$(hub_ticks)
        resources+=("$(awk -v s="$scenario" -v k="$k" -v b="$before" -v a="$after" \
            -v t="$clk_tck" -v r="${requests:-0}" -v rss="$(hub_kb VmRSS)" -v hwm="$(hub_kb VmHWM)" \
            'BEGIN {
                cpu = (a - b) / t
                per = r > 0 ? sprintf("%.3f", cpu * 1000 / r) : "–"
                printf "| %s | %d | %.2f | %s | %.0f | %.0f |", s, k, cpu, per, rss / 1024, hwm / 1024
            }')")
        if ! kill -0 "$hub_pid" 2>/dev/null; then
            echo "the hub died:" >&2
            tail -n 20 "$work/hub.log" >&2
            exit 1
        fi
    done
done

if [[ -n ${REIMPORT:-} ]]; then
    (
        sleep "$(awk -v w="$warmup" -v d="$duration" 'BEGIN { print w + d / 2 }')"
        start=$(date +%s.%N)
        "$hub_bin" --db "$db" import "$REIMPORT" >"$work/reimport.out" 2>&1
        end=$(date +%s.%N)
        awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }' >"$work/reimport.secs"
    ) &
    importer=$!
    "$loadgen" --url "$url" --tokens "$work/tokens.txt" --kiosks "$most" --scenario lone \
        --duration "$duration" --warmup "$warmup" --hub-pid "$hub_pid" --clk-tck "$clk_tck"
    wait "$importer"
    echo "(the row above: lone sign-ups from $most kiosks while \`learning-hub import $(basename "$REIMPORT")\` ran in the middle of the window: $(cat "$work/reimport.secs") s; $(cat "$work/reimport.out"))"
fi

echo
echo "Hub CPU over each whole run (set-up, warm-up and window); the table above counts the window only."
echo
echo "| scenario | kiosks | hub CPU s | hub CPU ms/req | VmRSS MiB | VmHWM MiB |"
echo "|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${resources[@]}"

if [[ -s $work/hub.log ]]; then
    echo >&2
    echo "the hub logged $(wc -l <"$work/hub.log") lines at warn or worse; the last:" >&2
    tail -n 5 "$work/hub.log" >&2
fi
exit "$failed"
